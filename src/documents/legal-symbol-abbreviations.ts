import type { Confidence } from './provenance.js';

/**
 * An abbreviation that names a legal normative type inside a symbol with a year (ký hiệu văn bản quy phạm pháp
 * luật), e.g. `NĐ` in `30/2020/NĐ-CP`. Only the abbreviations seen in the sources are listed; the issuer part is
 * free text. Laws and resolutions of the Quốc hội carry no type group (`64/2025/QH15`).
 *
 * @example
 * ```ts
 * const nd: LegalSymbolAbbreviation = legalSymbolAbbreviations[0];
 * nd.abbreviation; // 'NĐ'
 * ```
 */
export interface LegalSymbolAbbreviation {
  /** The abbreviation exactly as written in symbols. */
  readonly abbreviation: string;
  /** Vietnamese type name. */
  readonly name: string;
  /** Whether the type is issued jointly (liên tịch) by several bodies. */
  readonly joint: boolean;
  /** Where the abbreviation was seen. */
  readonly source: string;
  /** How well the entry is established. */
  readonly confidence: Confidence;
}

/**
 * Legal-normative type abbreviations observed in symbols (NĐ, TT, TTLT, QĐ, NQ). The rule that a normative
 * symbol shows number, year, type and issuer is Luật 64/2025/QH15 Điều 7 khoản 3; the abbreviations themselves
 * are read from cited symbols, so they are marked `secondary`.
 *
 * @example
 * ```ts
 * legalSymbolAbbreviations.map((a) => a.abbreviation); // ['NĐ', 'TT', 'TTLT', 'QĐ', 'NQ']
 * ```
 */
export const legalSymbolAbbreviations: readonly LegalSymbolAbbreviation[] = Object.freeze([
  {
    abbreviation: 'NĐ',
    name: 'Nghị định',
    joint: false,
    source: 'Symbols 30/2020/NĐ-CP, 78/2025/NĐ-CP, 118/2025/NĐ-CP as cited (specs/documents.md §1, §3.4, §9.1)',
    confidence: 'secondary',
  },
  {
    abbreviation: 'TT',
    name: 'Thông tư',
    joint: false,
    source: 'Symbols 10/2016/TT-BTTTT, 01/2022/TT-BTTTT, 01/2018/TT-VPCP as cited (specs/documents.md §9.1)',
    confidence: 'secondary',
  },
  {
    abbreviation: 'TTLT',
    name: 'Thông tư liên tịch',
    joint: true,
    source: 'Joint circular symbols "TTLT-…" (issue 3); type listed in Luật 64/2025/QH15 Điều 4 khoản 9',
    confidence: 'secondary',
  },
  {
    abbreviation: 'QĐ',
    name: 'Quyết định',
    joint: false,
    source: 'Symbols 20/2020/QĐ-TTg, 09/2025/QĐ-TTg as cited (specs/documents.md §9.1)',
    confidence: 'secondary',
  },
  {
    abbreviation: 'NQ',
    name: 'Nghị quyết',
    joint: false,
    source: 'Huế HĐND resolution file name 000.00.00.K57-55-2025-NQ-HDND (specs/documents.md §9.3)',
    confidence: 'secondary',
  },
]);

const exact = new Map(legalSymbolAbbreviations.map((a) => [a.abbreviation, a] as const));
const folded = new Map(legalSymbolAbbreviations.map((a) => [a.abbreviation.replace(/Đ/g, 'D'), a] as const));

/**
 * The legal type whose abbreviation is exactly `text`. @internal
 *
 * @example
 * ```ts
 * exactLegalAbbreviation('NĐ')?.name; // 'Nghị định'
 * ```
 */
export function exactLegalAbbreviation(text: string): LegalSymbolAbbreviation | undefined {
  return exact.get(text);
}

/**
 * Resolves an upper-cased symbol group to a legal type abbreviation (exact, or without the Đ diacritic). @internal
 *
 * @example
 * ```ts
 * matchLegalAbbreviation('ND'); // { type: Nghị định, folded: true }
 * ```
 */
export function matchLegalAbbreviation(upper: string): { type: LegalSymbolAbbreviation; folded: boolean } | undefined {
  const e = exact.get(upper);
  if (e !== undefined) return { type: e, folded: false };
  const f = folded.get(upper);
  return f === undefined ? undefined : { type: f, folded: true };
}
