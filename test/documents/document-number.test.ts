import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  documentTypes,
  formatDocumentNumber,
  isDocumentNumber,
  legalSymbolAbbreviations,
  parseDocumentNumber,
  type DocumentNumberParts,
} from '../../src/documents/index.js';
import { canonicalGroup } from '../../src/documents/document-number.js';
import { matchAbbreviation } from '../../src/documents/document-types.js';
import { matchLegalAbbreviation } from '../../src/documents/legal-symbol-abbreviations.js';

function codeOf(f: () => unknown): { code: string; issue: string | undefined; path: readonly (string | number)[] | undefined } {
  try {
    f();
  } catch (e) {
    if (!(e instanceof VnEgovError)) throw e;
    return { code: e.code, issue: e.issues[0]?.code, path: e.issues[0]?.path };
  }
  throw new Error('did not throw');
}

describe('parseDocumentNumber: spec examples', () => {
  it.each([
    // text, canonical, number, year, type, issuers, units, kind, documentType, legal
    ['Số: 15/QĐ-BNV', '15/QĐ-BNV', 15, null, 'QĐ', ['BNV'], [], 'typed', 'quyet-dinh', false],
    ['Số: 15/QĐ-UBND', '15/QĐ-UBND', 15, null, 'QĐ', ['UBND'], [], 'typed', 'quyet-dinh', false],
    ['15/QĐ-UBND', '15/QĐ-UBND', 15, null, 'QĐ', ['UBND'], [], 'typed', 'quyet-dinh', false],
    ['Số: 05/BNV-VP', '05/BNV-VP', 5, null, null, ['BNV'], ['VP'], 'cong-van', 'cong-van', false],
    ['Số: 12/UBND-VX', '12/UBND-VX', 12, null, null, ['UBND'], ['VX'], 'cong-van', 'cong-van', false],
    ['Số: 123/UBND-VP', '123/UBND-VP', 123, null, null, ['UBND'], ['VP'], 'cong-van', 'cong-van', false],
    ['30/2020/NĐ-CP', '30/2020/NĐ-CP', 30, 2020, 'NĐ', ['CP'], [], 'legal', null, true],
    ['64/2025/QH15', '64/2025/QH15', 64, 2025, null, ['QH15'], [], 'legal', null, true],
    ['12/2024/TT-BTTTT', '12/2024/TT-BTTTT', 12, 2024, 'TT', ['BTTTT'], [], 'legal', null, true],
    ['20/2020/QĐ-TTg', '20/2020/QĐ-TTg', 20, 2020, 'QĐ', ['TTg'], [], 'legal', null, true],
    ['01/2014/TTLT-BTC-BNV', '01/2014/TTLT-BTC-BNV', 1, 2014, 'TTLT', ['BTC', 'BNV'], [], 'legal', null, true],
    ['7816/VPCP-TTĐT', '7816/VPCP-TTĐT', 7816, null, null, ['VPCP'], ['TTĐT'], 'cong-van', 'cong-van', false],
    ['2491/STC-BCTC', '2491/STC-BCTC', 2491, null, null, ['STC'], ['BCTC'], 'cong-van', 'cong-van', false],
    ['09/QyĐ-UBND', '09/QyĐ-UBND', 9, null, 'QyĐ', ['UBND'], [], 'typed', 'quy-dinh', false],
    ['10/CTr-UBND', '10/CTr-UBND', 10, null, 'CTr', ['UBND'], [], 'typed', 'chuong-trinh', false],
    ['11/TTr-SNV', '11/TTr-SNV', 11, null, 'TTr', ['SNV'], [], 'typed', 'to-trinh', false],
    ['03/SY-VP', '03/SY-VP', 3, null, 'SY', ['VP'], [], 'typed', 'ban-sao-y', false],
    ['04/TrS-VP', '04/TrS-VP', 4, null, 'TrS', ['VP'], [], 'typed', 'ban-trich-sao', false],
    ['25/ĐA-UBND', '25/ĐA-UBND', 25, null, 'ĐA', ['UBND'], [], 'typed', 'de-an', false],
    ['26/DA-UBND', '26/DA-UBND', 26, null, 'DA', ['UBND'], [], 'typed', 'du-an', false],
    ['27/HĐ-UBND', '27/HĐ-UBND', 27, null, 'HĐ', ['UBND'], [], 'typed', 'hop-dong', false],
    ['28/HD-UBND', '28/HD-UBND', 28, null, 'HD', ['UBND'], [], 'typed', 'huong-dan', false],
    ['55/2025/NQ-HĐND', '55/2025/NQ-HĐND', 55, 2025, 'NQ', ['HĐND'], [], 'legal', null, true],
    ['15/QĐ-UBND-VP', '15/QĐ-UBND-VP', 15, null, 'QĐ', ['UBND'], ['VP'], 'typed', 'quyet-dinh', false],
  ] as const)('%s', (text, canonical, number, year, type, issuers, units, kind, docType, legal) => {
    const p = parseDocumentNumber(text);
    expect(p.text).toBe(canonical);
    expect(p.number).toBe(number);
    expect(p.year).toBe(year);
    expect(p.typeAbbreviation).toBe(type);
    expect(p.issuers).toEqual(issuers);
    expect(p.units).toEqual(units);
    expect(p.kind).toBe(kind);
    expect(p.documentType?.id ?? null).toBe(docType);
    expect(p.legalNormative).toBe(legal);
    expect(p.warnings).toEqual([]);
    expect(formatDocumentNumber(p)).toBe(canonical);
  });

  it('resolves legal types and joint documents', () => {
    expect(parseDocumentNumber('30/2020/NĐ-CP').legalType?.name).toBe('Nghị định');
    expect(parseDocumentNumber('64/2025/QH15').legalType).toBeNull();
    const j = parseDocumentNumber('01/2014/TTLT-BTC-BNV');
    expect(j.joint).toBe(true);
    expect(j.legalType?.name).toBe('Thông tư liên tịch');
    expect(parseDocumentNumber('15/QĐ-UBND').joint).toBe(false);
    expect(parseDocumentNumber('01/2024/XYZ-ABC').typeAbbreviation).toBe('XYZ');
  });

  it.each([
    ['Số:15/QĐ-UBND', '15/QĐ-UBND', []],
    ['số: 15/QĐ-UBND', '15/QĐ-UBND', []],
    ['So: 15/QD-UBND', '15/QĐ-UBND', ['abbreviation_without_diacritics']],
    ['SỐ: 15/QĐ-UBND', '15/QĐ-UBND', []],
    ['Số hiệu: 15/QĐ-UBND', '15/QĐ-UBND', []],
    ['  15/QĐ-UBND  ', '15/QĐ-UBND', []],
    ['15 / QĐ - UBND', '15/QĐ-UBND', ['spaces_removed']],
    ['15/QĐ\u00a0-\u00a0UBND', '15/QĐ-UBND', ['spaces_removed']],
    ['15/QĐ–UBND', '15/QĐ-UBND', []],
    ['15/QĐ—UBND', '15/QĐ-UBND', []],
    ['15／QĐ-UBND', '15/QĐ-UBND', []],
    ['Số: 15/QĐ-UBND'.normalize('NFD'), '15/QĐ-UBND', []],
    ['15/QĐ-UBND'.normalize('NFD'), '15/QĐ-UBND', []],
    ['30/2020/NĐ-CP'.normalize('NFD'), '30/2020/NĐ-CP', []],
    ['30/2020/ND-CP', '30/2020/NĐ-CP', ['abbreviation_without_diacritics']],
    ['15/qđ-ubnd', '15/QĐ-UBND', ['symbol_case']],
    ['15/qyđ-ubnd', '15/QyĐ-UBND', ['symbol_case']],
    ['15/QYĐ-UBND', '15/QyĐ-UBND', ['symbol_case']],
    ['20/2020/QĐ-TTG', '20/2020/QĐ-TTg', ['symbol_case']],
    ['5/QĐ-UBND', '05/QĐ-UBND', ['number_not_zero_padded']],
    ['015/QĐ-UBND', '15/QĐ-UBND', ['number_leading_zeros']],
    ['005/QĐ-UBND', '05/QĐ-UBND', ['number_leading_zeros']],
    ['5/bnv-vp', '05/BNV-VP', ['number_not_zero_padded', 'symbol_case']],
    ['01/2016/TTLT-BTC-BTP-BNV-BCA-BQP-BYT-BXD', '01/2016/TTLT-BTC-BTP-BNV-BCA-BQP-BYT-BXD', ['symbol_too_long']],
  ] as const)('normalises %j to %s', (text, canonical, warnings) => {
    const p = parseDocumentNumber(text);
    expect(p.text).toBe(canonical);
    expect(p.warnings.map((w) => w.code)).toEqual(warnings);
  });

  it.each([
    ['', 'empty', []],
    ['   ', 'empty', []],
    ['QĐ-UBND', 'missing_symbol', ['symbol']],
    ['15/', 'missing_symbol', ['symbol']],
    ['15/QĐ', 'missing_issuer', ['issuers']],
    ['15/BNV', 'missing_unit', ['units']],
    ['x5/QĐ-UBND', 'invalid_number', ['number']],
    ['/QĐ-UBND', 'invalid_number', ['number']],
    ['0/QĐ-UBND', 'invalid_number', ['number']],
    ['00/QĐ-UBND', 'invalid_number', ['number']],
    ['123456789012/QĐ-UBND', 'number_too_long', ['number']],
    ['15/20/NĐ-CP', 'invalid_year', ['year']],
    ['15/1800/NĐ-CP', 'invalid_year', ['year']],
    ['15/QĐ--UBND', 'empty_symbol_group', ['symbol', 1]],
    ['15/-UBND', 'empty_symbol_group', ['symbol', 0]],
    ['15/QĐ-UBND-', 'empty_symbol_group', ['symbol', 2]],
    ['15/QĐ-UB@ND', 'invalid_symbol_group', ['symbol', 1]],
    ['15/QĐ-Ủy', 'invalid_symbol_group', ['symbol', 1]],
    ['15/QĐ-123', 'invalid_symbol_group', ['symbol', 1]],
    ['15/2020/2020', 'invalid_symbol_group', ['symbol', 0]],
    ['1/2/3/4', 'too_many_parts', []],
    ['15/QĐ-UBND ngày 12/3/2024', 'too_many_parts', []],
    ['15/A-B-C-D-E-F-G-H-I', 'too_many_groups', ['symbol']],
    ['15/QĐ-ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'symbol_group_too_long', ['symbol', 1]],
    ['1'.repeat(300), 'too_long', []],
  ] as const)('rejects %j saying which part is wrong (%s)', (text, issueCode, path) => {
    const r = codeOf(() => parseDocumentNumber(text));
    expect(r.code).toBe('INVALID_DOCUMENT_NUMBER');
    expect(r.issue).toBe(issueCode);
    expect(r.path).toEqual(path);
    expect(isDocumentNumber(text)).toBe(false);
  });

  it('rejects non-strings', () => {
    for (const v of [null, undefined, 15, {}, ['15/QĐ-UBND']]) {
      expect(codeOf(() => parseDocumentNumber(v as unknown as string)).code).toBe('INVALID_DOCUMENT_NUMBER');
    }
  });
});

describe('formatDocumentNumber', () => {
  it.each([
    [{ number: 5, typeAbbreviation: 'QĐ', issuers: ['UBND'] }, '05/QĐ-UBND'],
    [{ number: 9, typeAbbreviation: 'qyđ', issuers: ['ubnd'] }, '09/QyĐ-UBND'],
    [{ number: 10, typeAbbreviation: 'TTR', issuers: ['Snv'] }, '10/TTr-SNV'],
    [{ number: 5, typeAbbreviation: null, issuers: ['BNV'], units: ['VP'] }, '05/BNV-VP'],
    [{ number: 30, year: 2020, typeAbbreviation: 'NĐ', issuers: ['CP'] }, '30/2020/NĐ-CP'],
    [{ number: 30, year: 2020, typeAbbreviation: 'ND', issuers: ['CP'] }, '30/2020/NĐ-CP'],
    [{ number: 64, year: 2025, typeAbbreviation: null, issuers: ['QH15'] }, '64/2025/QH15'],
    [{ number: 20, year: 2020, typeAbbreviation: 'QĐ', issuers: ['ttg'] }, '20/2020/QĐ-TTg'],
    [{ number: 1, year: 2014, typeAbbreviation: 'TTLT', issuers: ['BTC', 'BNV'] }, '01/2014/TTLT-BTC-BNV'],
    [{ number: 1, typeAbbreviation: 'TrS', issuers: ['VP'] }, '01/TrS-VP'],
  ] as const)('%j → %s', (parts, text) => {
    expect(formatDocumentNumber(parts as unknown as DocumentNumberParts)).toBe(text);
  });
  it.each([
    [{ number: 0, issuers: ['BNV'], units: ['VP'] }, 'too_small', ['number']],
    [{ number: 1.5, issuers: ['BNV'], units: ['VP'] }, 'invalid_type', ['number']],
    [{ number: 1, issuers: [] }, 'too_small', ['issuers']],
    [{ number: 1, typeAbbreviation: 'XX', issuers: ['UBND'] }, 'unknown_document_type', ['typeAbbreviation']],
    [{ number: 1, typeAbbreviation: null, issuers: ['BNV'] }, 'missing_unit', ['units']],
    [{ number: 1, typeAbbreviation: null, issuers: ['QĐ'], units: ['VP'] }, 'issuer_looks_like_type', ['issuers', 0]],
    [{ number: 1, typeAbbreviation: 'QĐ', issuers: ['A', 'B'] }, 'one_issuer', ['issuers']],
    [{ number: 1, typeAbbreviation: 'QĐ', issuers: ['UB ND'] }, 'invalid_symbol_group', ['issuers', 0]],
    [{ number: 1, typeAbbreviation: 'QĐ', issuers: [''] }, 'invalid_symbol_group', ['issuers', 0]],
    [{ number: 1, year: 2020, typeAbbreviation: 'NĐ', issuers: ['CP'], units: ['VP'] }, 'no_units', ['units']],
    [{ number: 1, year: 2020, typeAbbreviation: null, issuers: ['QH15', 'X'] }, 'one_issuer', ['issuers']],
    [{ number: 1, year: 20, typeAbbreviation: 'NĐ', issuers: ['CP'] }, 'too_small', ['year']],
  ] as const)('rejects %j', (parts, issueCode, path) => {
    const r = codeOf(() => formatDocumentNumber(parts as unknown as DocumentNumberParts));
    expect(r.code).toBe('INVALID_DOCUMENT_NUMBER_PARTS');
    expect(r.issue).toBe(issueCode);
    expect(r.path).toEqual(path);
  });
  it('rejects a non-object', () => {
    expect(codeOf(() => formatDocumentNumber(null as unknown as DocumentNumberParts)).code).toBe('INVALID_DOCUMENT_NUMBER_PARTS');
  });
});

// ---- property tests -------------------------------------------------------------------------------------------

const CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZĐ0123456789'];
const groupArb = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 10 })
  .map((cs) => canonicalGroup(cs.join('')))
  .filter((g) => /[A-ZĐa-z]/.test(g));
const adminAbbrs = documentTypes.flatMap((t) => (t.abbreviation === null ? [] : [t.abbreviation]));
const legalAbbrs = legalSymbolAbbreviations.map((a) => a.abbreviation);

const typedArb = fc.record({
  number: fc.integer({ min: 1, max: 99_999_999_999 }),
  year: fc.constant(null),
  typeAbbreviation: fc.constantFrom(...adminAbbrs),
  issuers: fc.tuple(groupArb).map((t) => [...t]),
  units: fc.array(groupArb, { maxLength: 2 }),
});
const congVanArb = fc.record({
  number: fc.integer({ min: 1, max: 99_999_999_999 }),
  year: fc.constant(null),
  typeAbbreviation: fc.constant(null),
  issuers: fc.tuple(groupArb.filter((g) => matchAbbreviation(g) === undefined)).map((t) => [...t]),
  units: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
});
const legalTypeArb = fc.oneof(
  fc.constantFrom(...legalAbbrs),
  groupArb.filter((g) => matchLegalAbbreviation(g) === undefined || matchLegalAbbreviation(g)!.type.abbreviation === g),
);
const legalArb = fc.oneof(
  fc.record({
    number: fc.integer({ min: 1, max: 99_999_999_999 }),
    year: fc.integer({ min: 1900, max: 2999 }),
    typeAbbreviation: legalTypeArb,
    issuers: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
    units: fc.constant([] as string[]),
  }),
  fc.record({
    number: fc.integer({ min: 1, max: 99_999_999_999 }),
    year: fc.integer({ min: 1900, max: 2999 }),
    typeAbbreviation: fc.constant(null),
    issuers: fc.tuple(groupArb).map((t) => [...t]),
    units: fc.constant([] as string[]),
  }),
);
const partsArb = fc.oneof(typedArb, congVanArb, legalArb);

describe('round trip (fast-check)', () => {
  it('parse(format(x)) equals x for well-formed parts', () => {
    fc.assert(
      fc.property(partsArb, (x) => {
        const text = formatDocumentNumber(x);
        const p = parseDocumentNumber(text);
        expect({ number: p.number, year: p.year, typeAbbreviation: p.typeAbbreviation, issuers: p.issuers, units: p.units }).toEqual(x);
        expect(p.text).toBe(text);
        expect(formatDocumentNumber(p)).toBe(text);
        expect(p.warnings.filter((w) => w.code !== 'symbol_too_long')).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
  it('format(parse(s)) is stable for pasted variants (spaces, NFD, case)', () => {
    fc.assert(
      fc.property(partsArb, fc.boolean(), fc.boolean(), (x, spaced, nfd) => {
        const text = formatDocumentNumber(x);
        let variant = spaced ? text.replace(/[/-]/g, (c) => ` ${c} `) : text;
        if (nfd) variant = `Số: ${variant}`.normalize('NFD');
        expect(parseDocumentNumber(variant).text).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- fuzz -----------------------------------------------------------------------------------------------------

const TOKENS = ['Số:', 'So', ' ', '/', '-', '–', '0', '5', '15', '2020', 'QĐ', 'QyĐ', 'UBND', 'BNV', 'VP', 'NĐ', 'CP', 'QH15',
  'TTLT', 'đ', 'Đ', '\u0301', '\u0323', 'ư', '@', '\u00a0', '//', '--', 'x', 'TTg', '\n', '\u200b', '9'.repeat(12)];

function expectOnlyVnEgovError(f: () => unknown): void {
  const t0 = performance.now();
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    expect((e as VnEgovError).code).toBe('INVALID_DOCUMENT_NUMBER');
    expect((e as VnEgovError).issues.length).toBeGreaterThan(0);
  }
  expect(performance.now() - t0).toBeLessThan(1000);
}

describe('fuzz: parseDocumentNumber never throws anything but VnEgovError, never hangs', () => {
  it('10,000 random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 400 })), (s) => {
        expectOnlyVnEgovError(() => parseDocumentNumber(s));
      }),
      { numRuns: 10_000 },
    );
  });
  it('10,000 token soups close to real numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), (ts) => {
        const s = ts.join('');
        expectOnlyVnEgovError(() => {
          const p = parseDocumentNumber(s);
          // whatever is accepted is canonical and re-readable
          expect(parseDocumentNumber(p.text).text).toBe(p.text);
        });
      }),
      { numRuns: 10_000 },
    );
  });
  it('10,000 random part objects to formatDocumentNumber', () => {
    fc.assert(
      fc.property(fc.anything(), fc.record({ number: fc.oneof(fc.integer(), fc.double()), year: fc.option(fc.integer()), typeAbbreviation: fc.option(fc.string()), issuers: fc.array(fc.string(), { maxLength: 4 }), units: fc.array(fc.string(), { maxLength: 3 }) }), (a, r) => {
        for (const input of [a, r]) {
          try {
            formatDocumentNumber(input as DocumentNumberParts);
          } catch (e) {
            expect(e).toBeInstanceOf(VnEgovError);
            expect((e as VnEgovError).code).toBe('INVALID_DOCUMENT_NUMBER_PARTS');
          }
        }
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('fast path and general path agree', () => {
  // A leading space sends the text through the general (normalising) path; the result must be the same.
  it('on canonical numbers', () => {
    fc.assert(
      fc.property(partsArb, (x) => {
        const text = formatDocumentNumber(x);
        expect(parseDocumentNumber(` ${text}`)).toEqual(parseDocumentNumber(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('on token soups (same result or same error)', () => {
    const outcome = (s: string) => {
      try {
        const p = parseDocumentNumber(s);
        return { ...p, warnings: p.warnings.map((w) => w.code) };
      } catch (e) {
        return { code: (e as VnEgovError).code, issues: (e as VnEgovError).issues.map((i) => [i.code, i.path]) };
      }
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS.filter((t) => t.trim() !== '' && !t.includes('\u200b'))), { maxLength: 10 }), (ts) => {
        const s = ts.join('');
        if (s.trim() !== s || s === '') return;
        expect(outcome(` ${s}`)).toEqual(outcome(s));
      }),
      { numRuns: 10_000 },
    );
  });
});
