import { foldDiacritics } from '../text/index.js';
import { describeValue, fail, issue } from './errors.js';
import type { Confidence } from './provenance.js';

/**
 * Stable identifiers of the administrative document types (loại văn bản hành chính) of NĐ 30/2020/NĐ-CP Điều 7
 * and of the copy forms (hình thức bản sao) of Phụ lục III mục I.
 *
 * @example
 * ```ts
 * const id: DocumentTypeId = 'quyet-dinh';
 * ```
 */
export type DocumentTypeId =
  | 'nghi-quyet'
  | 'quyet-dinh'
  | 'chi-thi'
  | 'quy-che'
  | 'quy-dinh'
  | 'thong-cao'
  | 'thong-bao'
  | 'huong-dan'
  | 'chuong-trinh'
  | 'ke-hoach'
  | 'phuong-an'
  | 'de-an'
  | 'du-an'
  | 'bao-cao'
  | 'bien-ban'
  | 'to-trinh'
  | 'hop-dong'
  | 'cong-van'
  | 'cong-dien'
  | 'ban-ghi-nho'
  | 'ban-thoa-thuan'
  | 'giay-uy-quyen'
  | 'giay-moi'
  | 'giay-gioi-thieu'
  | 'giay-nghi-phep'
  | 'phieu-gui'
  | 'phieu-chuyen'
  | 'phieu-bao'
  | 'thu-cong'
  | 'ban-sao-y'
  | 'ban-trich-sao'
  | 'ban-sao-luc';

/**
 * One administrative document type or copy form (loại văn bản hành chính / hình thức bản sao).
 *
 * @example
 * ```ts
 * const qd: DocumentType = getDocumentType('QĐ');
 * qd.templates; // ['1.2', '1.3']
 * ```
 */
export interface DocumentType {
  /** Stable identifier (ASCII slug of the name). */
  readonly id: DocumentTypeId;
  /** `administrative` for the 29 types of Điều 7, `copy` for the copy forms (bản sao). */
  readonly kind: 'administrative' | 'copy';
  /** Position in Điều 7 (1–29); copy forms are numbered 1–3 in their own list. */
  readonly order: number;
  /** Vietnamese name as the decree writes it, e.g. `Quyết định (cá biệt)`. */
  readonly name: string;
  /** Short name without the qualifier, e.g. `Quyết định`. */
  readonly shortName: string;
  /** The short name folded to ASCII, e.g. `Quyet dinh`. */
  readonly asciiName: string;
  /**
   * Official abbreviation (chữ viết tắt, Phụ lục III mục I), exactly cased (`QyĐ`, `CTr`, `TTr`, `TrS`);
   * `null` for Công văn and Thư công, which have none.
   */
  readonly abbreviation: string | null;
  /** The presentation templates (mẫu) of Phụ lục III mục II that the type uses; empty when none is given. */
  readonly templates: readonly string[];
  /** Legal source of the entry. */
  readonly source: string;
  /** How well the entry is established. */
  readonly confidence: Confidence;
  /** Remark, e.g. how the symbol is built when there is no abbreviation. */
  readonly note?: string;
}

const SRC = 'NĐ 30/2020/NĐ-CP Điều 7; Phụ lục III mục I (bảng chữ viết tắt)';
const SRC_COPY = 'NĐ 30/2020/NĐ-CP Phụ lục III mục I (bản sao văn bản); Phụ lục I Phần II mục II.1';
const T14 = ['1.4'] as const;

type Row = readonly [DocumentTypeId, string, string, string | null, readonly string[], string?];

const ADMINISTRATIVE: readonly Row[] = [
  ['nghi-quyet', 'Nghị quyết (cá biệt)', 'Nghị quyết', 'NQ', ['1.1']],
  ['quyet-dinh', 'Quyết định (cá biệt)', 'Quyết định', 'QĐ', ['1.2', '1.3'], 'Mẫu 1.2: quy định trực tiếp; Mẫu 1.3: ban hành, phê duyệt (gián tiếp).'],
  ['chi-thi', 'Chỉ thị', 'Chỉ thị', 'CT', T14],
  ['quy-che', 'Quy chế', 'Quy chế', 'QC', T14],
  ['quy-dinh', 'Quy định', 'Quy định', 'QyĐ', T14, 'The lower-case "y" distinguishes Quy định (QyĐ) from Quyết định (QĐ).'],
  ['thong-cao', 'Thông cáo', 'Thông cáo', 'TC', T14],
  ['thong-bao', 'Thông báo', 'Thông báo', 'TB', T14],
  ['huong-dan', 'Hướng dẫn', 'Hướng dẫn', 'HD', T14],
  ['chuong-trinh', 'Chương trình', 'Chương trình', 'CTr', T14],
  ['ke-hoach', 'Kế hoạch', 'Kế hoạch', 'KH', T14],
  ['phuong-an', 'Phương án', 'Phương án', 'PA', T14],
  ['de-an', 'Đề án', 'Đề án', 'ĐA', T14],
  ['du-an', 'Dự án', 'Dự án', 'DA', T14],
  ['bao-cao', 'Báo cáo', 'Báo cáo', 'BC', T14],
  ['bien-ban', 'Biên bản', 'Biên bản', 'BB', ['1.9']],
  ['to-trinh', 'Tờ trình', 'Tờ trình', 'TTr', T14],
  ['hop-dong', 'Hợp đồng', 'Hợp đồng', 'HĐ', [], 'Phụ lục III gives no presentation template for this type.'],
  ['cong-van', 'Công văn', 'Công văn', null, ['1.5'], 'No type abbreviation: the symbol is <issuer abbreviation>-<drafting unit or field abbreviation>, e.g. 05/BNV-VP (Phụ lục I, II.3.b).'],
  ['cong-dien', 'Công điện', 'Công điện', 'CĐ', ['1.6']],
  ['ban-ghi-nho', 'Bản ghi nhớ', 'Bản ghi nhớ', 'BGN', [], 'Phụ lục III gives no presentation template for this type.'],
  ['ban-thoa-thuan', 'Bản thỏa thuận', 'Bản thỏa thuận', 'BTT', [], 'Phụ lục III gives no presentation template for this type.'],
  ['giay-uy-quyen', 'Giấy ủy quyền', 'Giấy ủy quyền', 'GUQ', T14],
  ['giay-moi', 'Giấy mời', 'Giấy mời', 'GM', ['1.7']],
  ['giay-gioi-thieu', 'Giấy giới thiệu', 'Giấy giới thiệu', 'GGT', ['1.8']],
  ['giay-nghi-phep', 'Giấy nghỉ phép', 'Giấy nghỉ phép', 'GNP', ['1.10']],
  ['phieu-gui', 'Phiếu gửi', 'Phiếu gửi', 'PG', T14],
  ['phieu-chuyen', 'Phiếu chuyển', 'Phiếu chuyển', 'PC', T14],
  ['phieu-bao', 'Phiếu báo', 'Phiếu báo', 'PB', T14],
  ['thu-cong', 'Thư công', 'Thư công', null, [], 'Listed in Điều 7 but absent from the Phụ lục III abbreviation table; no template either.'],
];

const COPIES: readonly Row[] = [
  ['ban-sao-y', 'Bản sao y', 'Bản sao y', 'SY', ['3.1', '3.2'], 'Mẫu 3.1: copy to paper; Mẫu 3.2: copy to electronic form. All copy forms share one number series.'],
  ['ban-trich-sao', 'Bản trích sao', 'Bản trích sao', 'TrS', ['3.1', '3.2']],
  ['ban-sao-luc', 'Bản sao lục', 'Bản sao lục', 'SL', ['3.1', '3.2']],
];

function build(rows: readonly Row[], kind: DocumentType['kind'], source: string): DocumentType[] {
  return rows.map(([id, name, shortName, abbreviation, templates, note], i) => {
    const t: DocumentType = {
      id,
      kind,
      order: i + 1,
      name,
      shortName,
      asciiName: foldDiacritics(shortName),
      abbreviation,
      templates,
      source,
      confidence: 'confirmed',
      ...(note === undefined ? {} : { note }),
    };
    return Object.freeze(t);
  });
}

/**
 * The 29 administrative document types of NĐ 30/2020/NĐ-CP Điều 7, in the decree's order, with their
 * abbreviations (Phụ lục III mục I) and templates (Phụ lục III mục II).
 *
 * @example
 * ```ts
 * administrativeDocumentTypes.length; // 29
 * administrativeDocumentTypes[4].abbreviation; // 'QyĐ'
 * ```
 */
export const administrativeDocumentTypes: readonly DocumentType[] = Object.freeze(build(ADMINISTRATIVE, 'administrative', SRC));

/**
 * The copy forms (bản sao văn bản): Bản sao y (SY), Bản trích sao (TrS), Bản sao lục (SL).
 *
 * @example
 * ```ts
 * copyDocumentTypes.map((t) => t.abbreviation); // ['SY', 'TrS', 'SL']
 * ```
 */
export const copyDocumentTypes: readonly DocumentType[] = Object.freeze(build(COPIES, 'copy', SRC_COPY));

/**
 * All entries: the 29 administrative types followed by the 3 copy forms.
 *
 * @example
 * ```ts
 * documentTypes.length; // 32
 * ```
 */
export const documentTypes: readonly DocumentType[] = Object.freeze([...administrativeDocumentTypes, ...copyDocumentTypes]);

const byId = new Map<string, DocumentType>();
const byAbbreviation = new Map<string, DocumentType>(); // exact case
const byUpperAbbreviation = new Map<string, DocumentType>();
const byFoldedAbbreviation = new Map<string, DocumentType[]>();
const byNameKey = new Map<string, DocumentType>();

function nameKey(text: string): string {
  return foldDiacritics(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

for (const t of documentTypes) {
  byId.set(t.id, t);
  byNameKey.set(nameKey(t.shortName), t);
  byNameKey.set(nameKey(t.name), t);
  if (t.abbreviation !== null) {
    byAbbreviation.set(t.abbreviation, t);
    byUpperAbbreviation.set(t.abbreviation.toUpperCase(), t);
    const folded = foldDiacritics(t.abbreviation).toUpperCase();
    byFoldedAbbreviation.set(folded, [...(byFoldedAbbreviation.get(folded) ?? []), t]);
  }
}

/**
 * The type whose abbreviation is exactly `text` (case and diacritics included). @internal
 *
 * @example
 * ```ts
 * exactAbbreviation('QyĐ')?.id; // 'quy-dinh'
 * exactAbbreviation('QYĐ');     // undefined
 * ```
 */
export function exactAbbreviation(text: string): DocumentType | undefined {
  return byAbbreviation.get(text);
}

/**
 * Resolution of a symbol group against the abbreviations. @internal
 *
 * @example
 * ```ts
 * const m: AbbreviationMatch | undefined = matchAbbreviation('QD'); // { type: Quyết định, how: 'folded' }
 * ```
 */
export interface AbbreviationMatch {
  readonly type: DocumentType;
  /** `exact`, `case` (only the letter case differed) or `folded` (diacritics were missing, e.g. `QD` for `QĐ`). */
  readonly how: 'exact' | 'case' | 'folded';
}

/**
 * Resolves an abbreviation (exact, then ignoring case, then ignoring diacritics when that is unambiguous).
 * Returns `undefined` when nothing or several types match. @internal
 *
 * @example
 * ```ts
 * matchAbbreviation('qđ')?.how; // 'case'
 * matchAbbreviation('BNV');     // undefined
 * ```
 */
export function matchAbbreviation(text: string): AbbreviationMatch | undefined {
  const exact = byAbbreviation.get(text);
  if (exact !== undefined) return { type: exact, how: 'exact' };
  const upper = text.toUpperCase();
  const ci = byUpperAbbreviation.get(upper);
  if (ci !== undefined) return { type: ci, how: 'case' };
  const folded = byFoldedAbbreviation.get(upper.includes('Đ') ? upper.replace(/Đ/g, 'D') : upper);
  if (folded !== undefined && folded.length === 1) return { type: folded[0]!, how: 'folded' };
  return undefined;
}

function candidatesFor(query: string): DocumentType[] {
  const q = query.normalize('NFC').trim();
  if (q === '') return [];
  const id = byId.get(q);
  if (id !== undefined) return [id];
  const abbr = byAbbreviation.get(q) ?? byUpperAbbreviation.get(q.toUpperCase());
  if (abbr !== undefined) return [abbr];
  const key = nameKey(q);
  const named = byNameKey.get(key) ?? byNameKey.get(key.replace(/\s*\(ca biet\)$/, ''));
  if (named !== undefined) return [named];
  return byFoldedAbbreviation.get(foldDiacritics(q).toUpperCase()) ?? [];
}

/**
 * Finds a document type by identifier, abbreviation or name, with or without diacritics, ignoring case
 * (tra cứu loại văn bản); `undefined` when nothing matches or the query is ambiguous.
 *
 * @example
 * ```ts
 * findDocumentType('quyet dinh')?.abbreviation; // 'QĐ'
 * findDocumentType('Hóa đơn'); // undefined
 * ```
 */
export function findDocumentType(query: string): DocumentType | undefined {
  if (typeof query !== 'string') return undefined;
  const found = candidatesFor(query);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Gets a document type by identifier (`quyet-dinh`), abbreviation (`QĐ`, `qđ`, `QD`), or name with or without
 * diacritics (`Quyết định`, `quyet dinh`, `QUYẾT ĐỊNH (CÁ BIỆT)`). Exact abbreviations win over folded ones, so
 * `HD` is Hướng dẫn and `HĐ` is Hợp đồng.
 *
 * @throws VnEgovError `UNKNOWN_DOCUMENT_TYPE` when nothing matches; `AMBIGUOUS_DOCUMENT_TYPE` when a folded query
 * matches several types.
 * @example
 * ```ts
 * getDocumentType('quyet dinh').abbreviation; // 'QĐ'
 * getDocumentType('Công văn').abbreviation;   // null
 * getDocumentType('qyđ').name;                // 'Quy định'
 * ```
 */
export function getDocumentType(query: string): DocumentType {
  if (typeof query !== 'string') {
    fail('UNKNOWN_DOCUMENT_TYPE', `Loại văn bản không hợp lệ / expected a string, got ${describeValue(query)}`, [
      issue('invalid_type', [], 'expected a string'),
    ]);
  }
  const found = candidatesFor(query);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const names = found.map((t) => `${t.abbreviation ?? ''} (${t.name})`).join(', ');
    fail('AMBIGUOUS_DOCUMENT_TYPE', `Loại văn bản không rõ / ambiguous document type ${describeValue(query)}: ${names}`, [
      issue('ambiguous_document_type', [], `matches ${names}`),
    ]);
  }
  return fail('UNKNOWN_DOCUMENT_TYPE', `Không có loại văn bản / no document type matches ${describeValue(query)}`, [
    issue('unknown_document_type', [], 'no identifier, abbreviation or name matches'),
  ]);
}
