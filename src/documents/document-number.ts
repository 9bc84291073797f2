import * as z from 'zod/mini';
import type { VnEgovIssue } from '../errors/index.js';
import { parseWith } from '../errors/index.js';
import { type DocumentType, exactAbbreviation, getDocumentType, matchAbbreviation } from './document-types.js';
import { describeValue, fail, issue } from './errors.js';
import { type LegalSymbolAbbreviation, exactLegalAbbreviation, matchLegalAbbreviation } from './legal-symbol-abbreviations.js';
import { useEnglishZodMessages } from './zod-messages.js';

useEnglishZodMessages();

/**
 * Largest sequence number that fits the 11-character `CodeNumber` field of NĐ 30/2020 Phụ lục VI.
 *
 * @example
 * ```ts
 * parseDocumentNumber(`${MAX_DOCUMENT_NUMBER}/QĐ-UBND`).number === MAX_DOCUMENT_NUMBER; // true
 * ```
 */
export const MAX_DOCUMENT_NUMBER = 99_999_999_999;
/**
 * Smallest year accepted in a legal-normative symbol (a bound of this library, not a legal rule).
 *
 * @example
 * ```ts
 * isDocumentNumber(`01/${MIN_SYMBOL_YEAR - 1}/NĐ-CP`); // false
 * ```
 */
export const MIN_SYMBOL_YEAR = 1900;
/**
 * Largest year accepted in a legal-normative symbol (a bound of this library, not a legal rule).
 *
 * @example
 * ```ts
 * isDocumentNumber(`01/${MAX_SYMBOL_YEAR}/NĐ-CP`); // true
 * ```
 */
export const MAX_SYMBOL_YEAR = 2999;
/**
 * Length of the `CodeNotation` field (ký hiệu), NĐ 30/2020 Phụ lục VI; longer symbols get a `symbol_too_long` warning.
 *
 * @example
 * ```ts
 * parseDocumentNumber('01/QĐ-UBND').symbol.length <= MAX_SYMBOL_LENGTH; // true
 * ```
 */
export const MAX_SYMBOL_LENGTH = 30;

const MAX_INPUT = 200;
const MAX_GROUPS = 8;
const MAX_GROUP_LENGTH = 24;

/**
 * Fixed mixed-case abbreviations kept as written when a symbol is put in capitals: the type abbreviations QyĐ, CTr,
 * TTr, TrS (NĐ 30/2020 Phụ lục III mục I) and the issuer abbreviation TTg (Thủ tướng Chính phủ, as in
 * 20/2020/QĐ-TTg). @internal
 */
const MIXED_CASE = new Map<string, string>(
  ['QyĐ', 'CTr', 'TTr', 'TrS', 'TTg'].map((a) => [a.toUpperCase(), a] as const),
);

/**
 * The parts of a document number and symbol (số, ký hiệu văn bản), the input of {@link formatDocumentNumber}.
 *
 * - `number`: the sequence number in the year (1 … 99 999 999 999);
 * - `year`: present only on legal normative documents (`30/2020/NĐ-CP`);
 * - `typeAbbreviation`: `QĐ`, `TTr`, `NĐ`, `TTLT` …; `null` for công văn and for symbols of the Quốc hội (`QH15`);
 * - `issuers`: the issuing body's abbreviation, several for joint documents (`TTLT-BTC-BNV`);
 * - `units`: the drafting unit or field of a công văn (`VP` in `05/BNV-VP`), or further groups after the issuer.
 *
 * @example
 * ```ts
 * const parts: DocumentNumberParts = { number: 15, year: null, typeAbbreviation: 'QĐ', issuers: ['UBND'], units: [] };
 * ```
 */
export const documentNumberPartsSchema = z.object({
  number: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_DOCUMENT_NUMBER)),
  year: z.optional(z.nullable(z.number().check(z.int(), z.minimum(MIN_SYMBOL_YEAR), z.maximum(MAX_SYMBOL_YEAR)))),
  typeAbbreviation: z.optional(z.nullable(z.string())),
  issuers: z.readonly(z.array(z.string()).check(z.minLength(1), z.maxLength(MAX_GROUPS))),
  units: z.optional(z.readonly(z.array(z.string()).check(z.maxLength(MAX_GROUPS)))),
});

/**
 * Parts of a number and symbol; see {@link documentNumberPartsSchema}.
 *
 * @example
 * ```ts
 * const cv: DocumentNumberParts = { number: 5, typeAbbreviation: null, issuers: ['BNV'], units: ['VP'] };
 * formatDocumentNumber(cv); // '05/BNV-VP'
 * ```
 */
export type DocumentNumberParts = z.infer<typeof documentNumberPartsSchema>;

/**
 * How a symbol is built: `typed` (`QĐ-UBND`, an administrative type named by its abbreviation), `cong-van`
 * (`BNV-VP`, no type abbreviation) or `legal` (a legal normative document, recognised by the year in the number).
 *
 * @example
 * ```ts
 * parseDocumentNumber('30/2020/NĐ-CP').kind; // 'legal'
 * ```
 */
export type DocumentNumberKind = 'typed' | 'cong-van' | 'legal';

/**
 * A parsed number and symbol (số, ký hiệu), in canonical form.
 *
 * @example
 * ```ts
 * const p: ParsedDocumentNumber = parseDocumentNumber('Số: 15/QĐ-UBND');
 * p.text; // '15/QĐ-UBND'
 * ```
 */
export interface ParsedDocumentNumber {
  /** Canonical text, e.g. `05/BNV-VP`. */
  readonly text: string;
  /** Sequence number in the year. */
  readonly number: number;
  /** Year written in the number (legal normative documents), else `null`. */
  readonly year: number | null;
  /** The symbol after the number (and year), e.g. `QĐ-UBND`. */
  readonly symbol: string;
  /** Type group of the symbol in canonical spelling (`QĐ`, `QyĐ`, `NĐ`), or `null`. */
  readonly typeAbbreviation: string | null;
  /** Issuer abbreviation(s): one, or several for joint documents. */
  readonly issuers: readonly string[];
  /** Drafting-unit or field groups (công văn), or further groups after the issuer. */
  readonly units: readonly string[];
  /** How the symbol is built. */
  readonly kind: DocumentNumberKind;
  /** The administrative type from the catalog (Công văn for the `cong-van` form); `null` for legal documents. */
  readonly documentType: DocumentType | null;
  /** The legal type when the symbol names a known one (`NĐ`, `TT`, …), else `null`. */
  readonly legalType: LegalSymbolAbbreviation | null;
  /** Whether this is a legal normative document (văn bản quy phạm pháp luật): the number carries a year. */
  readonly legalNormative: boolean;
  /** Whether the document is issued jointly (liên tịch): several issuers or a joint type. */
  readonly joint: boolean;
  /** What was tolerated and normalised (spaces, case, missing zero padding, missing diacritics, length). */
  readonly warnings: readonly VnEgovIssue[];
}

const FAST = /^(\d{1,11})\/(?:(\d{4})\/)?([A-Za-z0-9Đđ]+(?:-[A-Za-z0-9Đđ]+){0,7})$/;
const GROUP_OK = /^[A-Za-z0-9Đ]*[A-Za-zĐ][A-Za-z0-9Đ]*$/;
const RAW_GROUP = /^[A-Za-z0-9Đđ]+$/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SLASHES = /[\u2044\u2215\uFF0F]/g;
const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]+/g;
const PREFIX = /^(?:s[oốồộổỗơ]|no)\s*(?:hi[eệ]u)?\s*[:.]?\s*/i;

function invalid(message: string, issues: VnEgovIssue[]): never {
  return fail('INVALID_DOCUMENT_NUMBER', `Số, ký hiệu văn bản không hợp lệ / invalid document number: ${message}`, issues);
}

/**
 * Upper-cases a symbol group, keeping the fixed mixed-case abbreviations. @internal
 *
 * @example
 * ```ts
 * canonicalGroup('qyđ'); // 'QyĐ'
 * canonicalGroup('ubnd'); // 'UBND'
 * ```
 */
export function canonicalGroup(group: string): string {
  const upper = group.toUpperCase();
  return MIXED_CASE.get(upper) ?? upper;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function cleanSlow(text: string, warnings: VnEgovIssue[]): string {
  let t = text.normalize('NFC').trim();
  const prefixed = PREFIX.exec(t);
  if (prefixed !== null && /\d/.test(t.charAt(prefixed[0].length))) t = t.slice(prefixed[0].length);
  t = t.replace(DASHES, '-').replace(SLASHES, '/');
  const squeezed = t.replace(SPACES, '');
  if (squeezed !== t) warnings.push(issue('spaces_removed', [], 'spaces inside the number and symbol were removed'));
  return squeezed;
}

function diagnose(t: string, original: string): never {
  if (t === '') invalid('empty text', [issue('empty', [], 'the text is empty')]);
  const parts = t.split('/');
  if (parts.length < 2) {
    invalid(`no "/" between number and symbol in ${describeValue(original)}`, [
      issue('missing_symbol', ['symbol'], 'expected "<number>/<symbol>", e.g. 15/QĐ-UBND'),
    ]);
  }
  if (parts.length > 3) {
    invalid(`too many "/" in ${describeValue(original)}`, [
      issue('too_many_parts', [], 'expected "<number>/<symbol>" or "<number>/<year>/<symbol>"'),
    ]);
  }
  const num = parts[0]!;
  if (!/^\d+$/.test(num)) {
    invalid(`the number ${describeValue(num)} is not written in Arabic digits`, [
      issue('invalid_number', ['number'], 'the number must be Arabic digits, e.g. 05'),
    ]);
  }
  if (num.length > 11) {
    invalid(`the number ${describeValue(num)} is longer than 11 digits`, [
      issue('number_too_long', ['number'], 'the CodeNumber field holds at most 11 characters'),
    ]);
  }
  if (parts.length === 3 && !/^\d{4}$/.test(parts[1]!)) {
    invalid(`the year ${describeValue(parts[1])} is not four digits`, [
      issue('invalid_year', ['year'], 'the year of a legal normative document is four digits, e.g. 30/2020/NĐ-CP'),
    ]);
  }
  const symbol = parts[parts.length - 1]!;
  checkSymbolShape(symbol);
  // Every part looked well-formed on its own; the combination is not.
  return invalid(`cannot read ${describeValue(original)}`, [issue('invalid_format', [], 'unreadable number and symbol')]);
}

function checkSymbolShape(symbol: string): void {
  if (symbol === '') invalid('the symbol is empty', [issue('missing_symbol', ['symbol'], 'the symbol after "/" is empty')]);
  const groups = symbol.split('-');
  if (groups.length > MAX_GROUPS) {
    invalid(`the symbol has more than ${MAX_GROUPS} groups`, [issue('too_many_groups', ['symbol'], `at most ${MAX_GROUPS} groups`)]);
  }
  groups.forEach((g, i) => {
    if (g === '') {
      invalid(`empty group ${i + 1} in the symbol ${describeValue(symbol)}`, [
        issue('empty_symbol_group', ['symbol', i], 'two "-" in a row, or a "-" at an end'),
      ]);
    }
    if (g.length > MAX_GROUP_LENGTH) {
      invalid(`group ${i + 1} of the symbol is longer than ${MAX_GROUP_LENGTH} characters`, [
        issue('symbol_group_too_long', ['symbol', i], `at most ${MAX_GROUP_LENGTH} characters per group`),
      ]);
    }
    if (!RAW_GROUP.test(g) || !GROUP_OK.test(g.toUpperCase())) {
      invalid(`group ${i + 1} of the symbol, ${describeValue(g)}, is not an abbreviation`, [
        issue('invalid_symbol_group', ['symbol', i], 'a group is letters A–Z, Đ and digits, with at least one letter'),
      ]);
    }
  });
}

/**
 * Reads a document number and symbol (số, ký hiệu văn bản) as people paste it: `"Số: 15/QĐ-UBND"`, `"15/QĐ-UBND"`,
 * a công văn `"05/BNV-VP"`, legal normative documents `"30/2020/NĐ-CP"`, `"64/2025/QH15"`, `"12/2024/TT-BTTTT"`,
 * joint circulars `"…/TTLT-BTC-BNV"`, NFD-decomposed text, stray spaces, typographic dashes. The type group is
 * resolved against the catalog of NĐ 30/2020 (case-insensitively; `QD` is read as `QĐ` with a warning).
 * The rules are NĐ 30/2020/NĐ-CP Phụ lục I mục II.3 (number, symbol, separators) and Luật 64/2025/QH15 Điều 7
 * khoản 3 (year in legal normative symbols).
 *
 * @throws VnEgovError `INVALID_DOCUMENT_NUMBER` with an issue naming the wrong part (`number`, `year`, `symbol`,
 * `['symbol', i]`, `issuers`, `units`).
 * @example
 * ```ts
 * parseDocumentNumber('Số: 15/QĐ-UBND');   // { number: 15, typeAbbreviation: 'QĐ', issuers: ['UBND'], kind: 'typed', … }
 * parseDocumentNumber('05/BNV-VP').units;  // ['VP'] (công văn)
 * parseDocumentNumber('30/2020/NĐ-CP');    // { number: 30, year: 2020, legalNormative: true, … }
 * ```
 */
export function parseDocumentNumber(text: string): ParsedDocumentNumber {
  if (typeof text !== 'string') {
    invalid(`expected a string, got ${describeValue(text)}`, [issue('invalid_type', [], 'expected a string')]);
  }
  if (text.length <= MAX_INPUT) {
    const quick = parseCanonical(text);
    if (quick !== undefined) return quick;
    const m = FAST.exec(text);
    if (m !== null) return interpret(text, m, null);
  } else {
    invalid(`the text is longer than ${MAX_INPUT} characters`, [issue('too_long', [], `at most ${MAX_INPUT} characters`)]);
  }
  const warnings: VnEgovIssue[] = [];
  const cleaned = cleanSlow(text, warnings);
  const m = FAST.exec(cleaned);
  if (m === null) return diagnose(cleaned, text);
  return interpret(cleaned, m, warnings);
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_ISSUES: readonly VnEgovIssue[] = Object.freeze([]);
/** Canonical spellings of the mixed-case abbreviations, and upper-case spellings that must be rewritten. */
const MIXED_CANONICAL = new Set(MIXED_CASE.values());
/** Upper-cased spellings of the mixed-case abbreviations (`QYĐ`, `TTG` …), which must be rewritten. */
const MIXED_UPPER = new Set([...MIXED_CASE.keys()].filter((k) => !MIXED_CANONICAL.has(k)));

/**
 * Checks a symbol group: 0 = not an abbreviation (no letter, or a character outside A–Z, Đ, digits),
 * 1 = already canonical, 2 = needs rewriting (lower case, or an upper-cased mixed-case abbreviation).
 */
function groupState(g: string): 0 | 1 | 2 {
  let letter = false;
  let lower = false;
  for (let i = 0; i < g.length; i++) {
    const c = g.charCodeAt(i);
    if (c >= 65 && c <= 90) letter = true;
    else if (c >= 48 && c <= 57) continue;
    else if ((c >= 97 && c <= 122) || c === 0x111) {
      letter = true;
      lower = true;
    } else if (c === 0x110) letter = true;
    else return 0;
  }
  if (!letter || g.length > MAX_GROUP_LENGTH) return 0;
  if (lower) return MIXED_CANONICAL.has(g) ? 1 : 2;
  return g.length === 3 && MIXED_CASE.has(g) && !MIXED_CANONICAL.has(g) ? 2 : 1;
}

/**
 * Single-pass reader for text already in canonical form (the common case: numbers copied from a register or a
 * system). Returns `undefined` as soon as anything would need normalising, a warning or an error, leaving those to
 * the general path, so both paths give the same result.
 */
function parseCanonical(s: string): ParsedDocumentNumber | undefined {
  const len = s.length;
  let i = 0;
  let number = 0;
  while (i < len) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    number = number * 10 + (c - 48);
    i++;
  }
  if (i === 0 || i > 11 || i === len || s.charCodeAt(i) !== 47 || number < 1) return undefined;
  if (i === 1 || (s.charCodeAt(0) === 48 && (i > 2 || number >= 10))) return undefined; // padding to fix
  i++;
  let year: number | null = null;
  if (i + 4 < len && s.charCodeAt(i + 4) === 47) {
    let y = 0;
    for (let k = i; k < i + 4; k++) {
      const c = s.charCodeAt(k);
      if (c < 48 || c > 57) return undefined;
      y = y * 10 + (c - 48);
    }
    if (y < MIN_SYMBOL_YEAR || y > MAX_SYMBOL_YEAR) return undefined;
    year = y;
    i += 5;
  }
  const symbolStart = i;
  if (len - symbolStart > MAX_SYMBOL_LENGTH) return undefined;
  let g0: string | undefined;
  let g1: string | undefined;
  let more: string[] | undefined;
  let count = 0;
  let start = i;
  let letter = false;
  let lower = false;
  for (; i <= len; i++) {
    const c = i === len ? 45 : s.charCodeAt(i);
    if (c === 45) {
      const glen = i - start;
      if (!letter || glen > MAX_GROUP_LENGTH) return undefined;
      const g = s.slice(start, i);
      if (lower ? !MIXED_CANONICAL.has(g) : glen === 3 && MIXED_UPPER.has(g)) return undefined;
      if (count === 0) g0 = g;
      else if (count === 1) g1 = g;
      else (more ??= []).push(g);
      count++;
      start = i + 1;
      letter = false;
      lower = false;
    } else if ((c >= 65 && c <= 90) || c === 0x110) letter = true;
    else if (c >= 48 && c <= 57) continue;
    else if (c >= 97 && c <= 122) {
      letter = true;
      lower = true;
    } else return undefined;
  }
  if (count > MAX_GROUPS) return undefined;
  const first = g0!;
  const symbol = s.slice(symbolStart);
  if (year !== null) {
    if (count === 1) {
      return result(s, number, year, symbol, null, [first], NO_STRINGS, 'legal', null, null);
    }
    const lt = exactLegalAbbreviation(first);
    if (lt === undefined && matchLegalAbbreviation(first) !== undefined) return undefined;
    return result(s, number, year, symbol, first, more === undefined ? [g1!] : [g1!, ...more], NO_STRINGS, 'legal', null, lt ?? null);
  }
  if (count < 2) return undefined;
  const t = exactAbbreviation(first);
  if (t !== undefined) {
    return result(s, number, null, symbol, first, [g1!], more ?? NO_STRINGS, 'typed', t, null);
  }
  if (matchAbbreviation(first) !== undefined) return undefined;
  return result(s, number, null, symbol, null, [first], more === undefined ? [g1!] : [g1!, ...more], 'cong-van', CONG_VAN, null);
}

function result(
  text: string,
  number: number,
  year: number | null,
  symbol: string,
  typeAbbreviation: string | null,
  issuers: readonly string[],
  units: readonly string[],
  kind: DocumentNumberKind,
  documentType: DocumentType | null,
  legalType: LegalSymbolAbbreviation | null,
): ParsedDocumentNumber {
  return {
    text,
    number,
    year,
    symbol,
    typeAbbreviation,
    issuers,
    units,
    kind,
    documentType,
    legalType,
    legalNormative: year !== null,
    joint: issuers.length > 1 || (legalType !== null && legalType.joint),
    warnings: NO_ISSUES,
  };
}

function digitsValue(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function interpret(input: string, m: RegExpExecArray, collected: VnEgovIssue[] | null): ParsedDocumentNumber {
  let warnings = collected;
  const numText = m[1]!;
  const yearText = m[2];
  const number = digitsValue(numText);
  let canonicalText = true;
  if (number < 1) invalid('the number is 0', [issue('invalid_number', ['number'], 'numbering starts at 01')]);
  if (numText.length === 1) {
    canonicalText = false;
    (warnings ??= []).push(issue('number_not_zero_padded', ['number'], 'numbers below 10 are written with a leading 0 (Phụ lục I, II.3.a)'));
  } else if (numText.charCodeAt(0) === 48 && (number >= 10 || numText.length > 2)) {
    canonicalText = false;
    (warnings ??= []).push(issue('number_leading_zeros', ['number'], number >= 10 ? 'only numbers below 10 take a leading 0' : 'numbers below 10 take exactly one leading 0'));
  }
  let year: number | null = null;
  if (yearText !== undefined) {
    year = digitsValue(yearText);
    if (year < MIN_SYMBOL_YEAR || year > MAX_SYMBOL_YEAR) {
      invalid(`the year ${yearText} is outside ${MIN_SYMBOL_YEAR}–${MAX_SYMBOL_YEAR}`, [
        issue('invalid_year', ['year'], `a year between ${MIN_SYMBOL_YEAR} and ${MAX_SYMBOL_YEAR}`),
      ]);
    }
  }
  const symbol = m[3]!;
  const dash = symbol.indexOf('-');
  const raw = dash < 0 ? [symbol] : dash === symbol.lastIndexOf('-') ? [symbol.slice(0, dash), symbol.slice(dash + 1)] : symbol.split('-');
  let groups = raw;
  let changedCase = false;
  for (let i = 0; i < raw.length; i++) {
    const g = raw[i]!;
    const state = groupState(g);
    if (state === 0) {
      if (g.length > MAX_GROUP_LENGTH) {
        invalid(`group ${i + 1} of the symbol is longer than ${MAX_GROUP_LENGTH} characters`, [
          issue('symbol_group_too_long', ['symbol', i], `at most ${MAX_GROUP_LENGTH} characters per group`),
        ]);
      }
      invalid(`group ${i + 1} of the symbol, ${describeValue(g)}, is not an abbreviation`, [
        issue('invalid_symbol_group', ['symbol', i], 'a group is letters A–Z, Đ and digits, with at least one letter'),
      ]);
    }
    if (state === 2) {
      if (!changedCase) groups = raw.slice();
      changedCase = true;
      groups[i] = canonicalGroup(g);
    }
  }
  let typeAbbreviation: string | null = null;
  let issuers: readonly string[];
  let units: readonly string[] = NO_STRINGS;
  let kind: DocumentNumberKind;
  let documentType: DocumentType | null = null;
  let legalType: LegalSymbolAbbreviation | null = null;
  const first = groups[0]!;
  if (year !== null) {
    kind = 'legal';
    if (groups.length === 1) {
      issuers = groups;
    } else {
      const lm = matchLegalAbbreviation(first);
      if (lm !== undefined) {
        legalType = lm.type;
        typeAbbreviation = lm.type.abbreviation;
        if (lm.folded) {
          (warnings ??= []).push(issue('abbreviation_without_diacritics', ['symbol', 0], `"${first}" read as "${typeAbbreviation}"`));
        }
      } else {
        typeAbbreviation = first;
      }
      issuers = groups.slice(1);
    }
  } else {
    const am = matchAbbreviation(first);
    if (am !== undefined) {
      kind = 'typed';
      documentType = am.type;
      typeAbbreviation = am.type.abbreviation;
      if (am.how === 'folded') {
        (warnings ??= []).push(issue('abbreviation_without_diacritics', ['symbol', 0], `"${first}" read as "${typeAbbreviation}"`));
      }
      if (groups.length < 2) {
        invalid(`the symbol ${describeValue(symbol)} names the type but no issuer`, [
          issue('missing_issuer', ['issuers'], 'expected <type>-<issuer>, e.g. QĐ-UBND'),
        ]);
      }
      issuers = [groups[1]!];
      if (groups.length > 2) units = groups.slice(2);
    } else {
      kind = 'cong-van';
      documentType = CONG_VAN;
      if (groups.length < 2) {
        invalid(`the symbol ${describeValue(symbol)} has a single group`, [
          issue('missing_unit', ['units'], 'a công văn symbol is <issuer>-<drafting unit>, e.g. BNV-VP; a typed one <type>-<issuer>'),
        ]);
      }
      issuers = [first];
      units = groups.slice(1);
    }
  }
  if (changedCase) (warnings ??= []).push(issue('symbol_case', ['symbol'], 'the symbol is written in capitals'));
  let canonicalSymbol = symbol;
  if (changedCase || (typeAbbreviation !== null && typeAbbreviation !== first)) {
    canonicalSymbol = typeAbbreviation === null ? groups.join('-') : [typeAbbreviation, ...groups.slice(1)].join('-');
    canonicalText = false;
  }
  if (canonicalSymbol.length > MAX_SYMBOL_LENGTH) {
    (warnings ??= []).push(issue('symbol_too_long', ['symbol'], `longer than the ${MAX_SYMBOL_LENGTH} characters of CodeNotation`));
  }
  return {
    text: canonicalText ? input : year === null ? `${pad(number)}/${canonicalSymbol}` : `${pad(number)}/${year}/${canonicalSymbol}`,
    number,
    year,
    symbol: canonicalSymbol,
    typeAbbreviation,
    issuers,
    units,
    kind,
    documentType,
    legalType,
    legalNormative: year !== null,
    joint: issuers.length > 1 || (legalType !== null && legalType.joint),
    warnings: warnings ?? NO_ISSUES,
  };
}

const CONG_VAN = getDocumentType('cong-van');

function badParts(message: string, issues: VnEgovIssue[]): never {
  return fail('INVALID_DOCUMENT_NUMBER_PARTS', `Thành phần số, ký hiệu không hợp lệ / invalid number parts: ${message}`, issues);
}

function checkGroup(g: string, path: (string | number)[]): string {
  const t = g.normalize('NFC');
  const c = canonicalGroup(t);
  if (t.length === 0 || t.length > MAX_GROUP_LENGTH || !RAW_GROUP.test(t) || !GROUP_OK.test(c)) {
    badParts(`${describeValue(g)} is not an abbreviation`, [
      issue('invalid_symbol_group', path, `letters A–Z, Đ and digits, at least one letter, at most ${MAX_GROUP_LENGTH} characters`),
    ]);
  }
  return c;
}

/**
 * Writes a number and symbol from its parts, applying NĐ 30/2020 Phụ lục I mục II.3: numbers below 10 get a
 * leading 0, "/" between number (and year) and symbol, "-" between groups, capitals (keeping the fixed mixed-case
 * abbreviations QyĐ, CTr, TTr, TrS and TTg), no spaces. The exact inverse of {@link parseDocumentNumber} for
 * well-formed parts.
 *
 * @throws VnEgovError `INVALID_DOCUMENT_NUMBER_PARTS` when a part is malformed, when an administrative
 * `typeAbbreviation` is not in the catalog, or when a công văn's issuer would read as a type abbreviation.
 * @example
 * ```ts
 * formatDocumentNumber({ number: 5, typeAbbreviation: 'qyđ', issuers: ['ubnd'] });        // '05/QyĐ-UBND'
 * formatDocumentNumber({ number: 5, typeAbbreviation: null, issuers: ['BNV'], units: ['VP'] }); // '05/BNV-VP'
 * formatDocumentNumber({ number: 30, year: 2020, typeAbbreviation: 'NĐ', issuers: ['CP'] });   // '30/2020/NĐ-CP'
 * ```
 */
export function formatDocumentNumber(parts: DocumentNumberParts): string {
  const p = parseWith(documentNumberPartsSchema, parts, 'INVALID_DOCUMENT_NUMBER_PARTS', 'Thành phần số, ký hiệu không hợp lệ / invalid number parts');
  const year = p.year ?? null;
  const issuers = p.issuers.map((g, i) => checkGroup(g, ['issuers', i]));
  const units = (p.units ?? []).map((g, i) => checkGroup(g, ['units', i]));
  const rawType = p.typeAbbreviation ?? null;
  let type: string | null = null;
  if (rawType !== null) {
    const c = checkGroup(rawType, ['typeAbbreviation']);
    if (year === null) {
      const m = matchAbbreviation(c);
      if (m === undefined) {
        badParts(`${describeValue(rawType)} is not an administrative type abbreviation of NĐ 30/2020`, [
          issue('unknown_document_type', ['typeAbbreviation'], 'use an abbreviation of Phụ lục III, or null for a công văn'),
        ]);
      }
      type = m.type.abbreviation;
    } else {
      type = matchLegalAbbreviation(c)?.type.abbreviation ?? c;
    }
  }
  if (year === null) {
    if (type === null) {
      if (issuers.length !== 1 || units.length === 0) {
        badParts('a công văn symbol is <issuer>-<drafting unit>', [
          issue(issuers.length !== 1 ? 'one_issuer' : 'missing_unit', [issuers.length !== 1 ? 'issuers' : 'units'], 'exactly one issuer and at least one drafting unit'),
        ]);
      }
      if (matchAbbreviation(issuers[0]!) !== undefined) {
        badParts(`the issuer ${describeValue(issuers[0])} would read as a type abbreviation`, [
          issue('issuer_looks_like_type', ['issuers', 0], 'a công văn symbol cannot start with a type abbreviation'),
        ]);
      }
    } else if (issuers.length !== 1) {
      badParts('a typed administrative symbol has one issuer', [issue('one_issuer', ['issuers'], 'further groups go to units')]);
    }
  } else {
    if (units.length > 0) {
      badParts('a legal normative symbol has no drafting unit', [issue('no_units', ['units'], 'list every body in issuers')]);
    }
    if (type === null && issuers.length !== 1) {
      badParts('without a type group the symbol has one issuer (e.g. QH15)', [issue('one_issuer', ['issuers'], 'one issuer')]);
    }
  }
  const symbol = [...(type === null ? [] : [type]), ...issuers, ...units].join('-');
  return year === null ? `${pad(p.number)}/${symbol}` : `${pad(p.number)}/${year}/${symbol}`;
}

/**
 * Tells whether a text reads as a document number and symbol (no exception).
 *
 * @example
 * ```ts
 * isDocumentNumber('15/QĐ-UBND'); // true
 * isDocumentNumber('QĐ-UBND');    // false
 * ```
 */
export function isDocumentNumber(text: string): boolean {
  try {
    parseDocumentNumber(text);
    return true;
  } catch {
    return false;
  }
}
