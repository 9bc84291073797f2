import { formatDayNumber, toDayNumber } from '../calendar/day.js';
import { VnEgovError } from '../errors/index.js';
import { describeValue, fail, issue } from './errors.js';
import type { Confidence } from './provenance.js';

/**
 * Identifier of a version of the law on legal normative documents (Luật Ban hành văn bản quy phạm pháp luật).
 *
 * @example
 * ```ts
 * const id: LawVersionId = 'luat-64-2025-sua-doi-87-2025';
 * ```
 */
export type LawVersionId = 'luat-80-2015' | 'luat-64-2025' | 'luat-64-2025-sua-doi-87-2025';

/**
 * One version of the law, with the days it governs.
 *
 * @example
 * ```ts
 * const v: LawVersion = lawVersions[2];
 * v.inForceFrom; // '2025-07-01'
 * ```
 */
export interface LawVersion {
  readonly id: LawVersionId;
  /** Vietnamese title. */
  readonly title: string;
  /** First day it governs, `YYYY-MM-DD`. */
  readonly inForceFrom: string;
  /** Last day it governs, `null` while current. */
  readonly inForceUntil: string | null;
  /** Number of tiers (khoản) in its Điều 4. */
  readonly tierCount: number;
  readonly source: string;
  /** Confidence of the dates. */
  readonly confidence: Confidence;
  readonly note?: string;
}

/**
 * One type of legal normative document with its issuer (loại văn bản quy phạm pháp luật và chủ thể ban hành).
 * The key is the pair type + issuer: a provincial chairman's normative decision is a different entry from a
 * provincial People's Committee decision.
 *
 * @example
 * ```ts
 * const e: LegalDocumentTypeEntry = legalDocumentTypes({ on: '2025-08-01' }).entries[0];
 * e.type; // 'Hiến pháp'
 * ```
 */
export interface LegalDocumentTypeEntry {
  /** `<typeKey>@<issuerKey>`, stable across versions. */
  readonly id: string;
  /** Position (khoản) in Điều 4 of the law version. */
  readonly tier: number;
  /** Vietnamese type name. */
  readonly type: string;
  /** ASCII key of the type. */
  readonly typeKey: string;
  /** Vietnamese issuer. */
  readonly issuer: string;
  /** ASCII key of the issuer. */
  readonly issuerKey: string;
  /** Issued jointly by several bodies (liên tịch). */
  readonly joint: boolean;
  readonly source: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

/**
 * Answer of {@link legalDocumentTypes}: the law version in force on the day and its list of types.
 *
 * @example
 * ```ts
 * const c: LegalDocumentTypeCatalog = legalDocumentTypes({ on: '2024-06-01' });
 * c.law.id; // 'luat-80-2015'
 * ```
 */
export interface LegalDocumentTypeCatalog {
  readonly on: string;
  readonly law: LawVersion;
  readonly entries: readonly LegalDocumentTypeEntry[];
}

const VBHN = '54/VBHN-VPQH (2025), Luật 64/2025/QH15 as amended by Luật 87/2025/QH15, Điều 4 (copy in neornotl/rightly-beta)';
const L64_ADOPTED = 'Luật 64/2025/QH15 Điều 4 as first adopted, quoted in TadNT2003/legal-agent docs/vn-legal-document-structure.md';
const L80 = 'Luật 80/2015/QH13 Điều 4 (differences from Luật 64/2025 read in a secondary source; specs/documents.md §8.3)';

/**
 * The versions of the law, oldest first. Luật 64/2025/QH15 took effect on 01/04/2025 and Luật 87/2025/QH15 on
 * 01/07/2025 (confirmed); the start of Luật 80/2015/QH13 (01/07/2016) is not confirmed by the sources read.
 *
 * @example
 * ```ts
 * lawVersions.map((v) => v.tierCount); // [16, 14, 15]
 * ```
 */
export const lawVersions: readonly LawVersion[] = Object.freeze([
  {
    id: 'luat-80-2015',
    title: 'Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13',
    inForceFrom: '2016-07-01',
    inForceUntil: '2025-03-31',
    tierCount: 16,
    source: 'End date: Luật 64/2025/QH15 in force 01/04/2025 (54/VBHN-VPQH). Start date: general knowledge, not in the sources read.',
    confidence: 'unverified',
  },
  {
    id: 'luat-64-2025',
    title: 'Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 (as first adopted)',
    inForceFrom: '2025-04-01',
    inForceUntil: '2025-06-30',
    tierCount: 14,
    source: 'Adopted 19/02/2025, in force 01/04/2025; amended by Luật 87/2025/QH15 from 01/07/2025 (heading of 54/VBHN-VPQH)',
    confidence: 'confirmed',
  },
  {
    id: 'luat-64-2025-sua-doi-87-2025',
    title: 'Luật 64/2025/QH15, sửa đổi, bổ sung bởi Luật 87/2025/QH15',
    inForceFrom: '2025-07-01',
    inForceUntil: null,
    tierCount: 15,
    source: 'Luật 87/2025/QH15 adopted 25/06/2025, in force 01/07/2025 (heading of 54/VBHN-VPQH)',
    confidence: 'confirmed',
  },
]);

type Row = readonly [tier: number, type: string, typeKey: string, issuer: string, issuerKey: string, joint: boolean, confidence: Confidence, note?: string];

const CENTRAL_1_TO_4: readonly Row[] = [
  [1, 'Hiến pháp', 'hien-phap', 'Quốc hội', 'quoc-hoi', false, 'confirmed'],
  [2, 'Bộ luật', 'bo-luat', 'Quốc hội', 'quoc-hoi', false, 'confirmed'],
  [2, 'Luật', 'luat', 'Quốc hội', 'quoc-hoi', false, 'confirmed'],
  [2, 'Nghị quyết', 'nghi-quyet', 'Quốc hội', 'quoc-hoi', false, 'confirmed'],
  [3, 'Pháp lệnh', 'phap-lenh', 'Ủy ban Thường vụ Quốc hội', 'ubtvqh', false, 'confirmed'],
  [3, 'Nghị quyết', 'nghi-quyet', 'Ủy ban Thường vụ Quốc hội', 'ubtvqh', false, 'confirmed'],
  [3, 'Nghị quyết liên tịch', 'nghi-quyet-lien-tich', 'Ủy ban Thường vụ Quốc hội và Đoàn Chủ tịch Ủy ban trung ương Mặt trận Tổ quốc Việt Nam', 'ubtvqh+dct-ubtwmttq', true, 'confirmed'],
  [3, 'Nghị quyết liên tịch', 'nghi-quyet-lien-tich', 'Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch Ủy ban trung ương Mặt trận Tổ quốc Việt Nam', 'ubtvqh+cp+dct-ubtwmttq', true, 'confirmed'],
  [4, 'Lệnh', 'lenh', 'Chủ tịch nước', 'chu-tich-nuoc', false, 'confirmed'],
  [4, 'Quyết định', 'quyet-dinh', 'Chủ tịch nước', 'chu-tich-nuoc', false, 'confirmed'],
];

const L64_5_TO_9: readonly Row[] = [
  [5, 'Nghị định', 'nghi-dinh', 'Chính phủ', 'chinh-phu', false, 'confirmed'],
  [5, 'Nghị quyết', 'nghi-quyet', 'Chính phủ', 'chinh-phu', false, 'confirmed', 'New under Luật 64/2025: the Government also issues normative resolutions.'],
  [5, 'Nghị quyết liên tịch', 'nghi-quyet-lien-tich', 'Chính phủ và Đoàn Chủ tịch Ủy ban trung ương Mặt trận Tổ quốc Việt Nam', 'cp+dct-ubtwmttq', true, 'confirmed'],
  [6, 'Quyết định', 'quyet-dinh', 'Thủ tướng Chính phủ', 'thu-tuong', false, 'confirmed'],
  [7, 'Nghị quyết', 'nghi-quyet', 'Hội đồng Thẩm phán Tòa án nhân dân tối cao', 'hdtp-tandtc', false, 'confirmed'],
  [8, 'Thông tư', 'thong-tu', 'Chánh án Tòa án nhân dân tối cao', 'chanh-an-tandtc', false, 'confirmed'],
  [8, 'Thông tư', 'thong-tu', 'Viện trưởng Viện kiểm sát nhân dân tối cao', 'vien-truong-vksndtc', false, 'confirmed'],
  [8, 'Thông tư', 'thong-tu', 'Bộ trưởng, Thủ trưởng cơ quan ngang bộ', 'bo-truong', false, 'confirmed'],
  [8, 'Thông tư', 'thong-tu', 'Tổng Kiểm toán nhà nước', 'tong-ktnn', false, 'confirmed', 'Under Luật 80/2015 the Tổng Kiểm toán nhà nước issued a quyết định instead.'],
  [9, 'Thông tư liên tịch', 'thong-tu-lien-tich', 'Liên tịch giữa Chánh án Tòa án nhân dân tối cao, Viện trưởng Viện kiểm sát nhân dân tối cao, Tổng Kiểm toán nhà nước, Bộ trưởng, Thủ trưởng cơ quan ngang bộ', 'lien-tich-trung-uong', true, 'confirmed'],
];

const DAC_KHU = ['Văn bản quy phạm pháp luật', 'van-ban-qppl', 'Chính quyền địa phương ở đơn vị hành chính – kinh tế đặc biệt', 'dvhc-kinh-te-dac-biet'] as const;

const L64_ADOPTED_LOCAL: readonly Row[] = [
  [10, 'Nghị quyết', 'nghi-quyet', 'Hội đồng nhân dân cấp tỉnh', 'hdnd-tinh', false, 'secondary'],
  [11, 'Quyết định', 'quyet-dinh', 'Ủy ban nhân dân cấp tỉnh', 'ubnd-tinh', false, 'secondary'],
  [12, DAC_KHU[0], DAC_KHU[1], DAC_KHU[2], DAC_KHU[3], false, 'secondary'],
  [13, 'Nghị quyết', 'nghi-quyet', 'Hội đồng nhân dân cấp huyện', 'hdnd-huyen', false, 'secondary'],
  [14, 'Quyết định', 'quyet-dinh', 'Ủy ban nhân dân cấp huyện', 'ubnd-huyen', false, 'secondary'],
];

const L87_LOCAL: readonly Row[] = [
  [10, 'Nghị quyết', 'nghi-quyet', 'Hội đồng nhân dân tỉnh, thành phố (cấp tỉnh)', 'hdnd-tinh', false, 'confirmed'],
  [11, 'Quyết định', 'quyet-dinh', 'Ủy ban nhân dân cấp tỉnh', 'ubnd-tinh', false, 'confirmed'],
  [12, 'Quyết định', 'quyet-dinh', 'Chủ tịch Ủy ban nhân dân cấp tỉnh', 'chu-tich-ubnd-tinh', false, 'confirmed', 'New tier from 01/07/2025; same symbol shape as a UBND decision, different issuer.'],
  [13, DAC_KHU[0], DAC_KHU[1], DAC_KHU[2], DAC_KHU[3], false, 'confirmed'],
  [14, 'Nghị quyết', 'nghi-quyet', 'Hội đồng nhân dân xã, phường, đặc khu trực thuộc cấp tỉnh (cấp xã)', 'hdnd-xa', false, 'confirmed'],
  [15, 'Quyết định', 'quyet-dinh', 'Ủy ban nhân dân cấp xã', 'ubnd-xa', false, 'confirmed'],
];

const INFERRED = 'Inferred: §8.3 lists no difference for this tier.';
const L80_ROWS: readonly Row[] = [
  ...CENTRAL_1_TO_4.map((r): Row => [r[0], r[1], r[2], r[3], r[4], r[5], 'unverified', INFERRED]),
  [5, 'Nghị định', 'nghi-dinh', 'Chính phủ', 'chinh-phu', false, 'secondary', 'The Government\'s own normative form was the nghị định only.'],
  [5, 'Nghị quyết liên tịch', 'nghi-quyet-lien-tich', 'Chính phủ và Đoàn Chủ tịch Ủy ban trung ương Mặt trận Tổ quốc Việt Nam', 'cp+dct-ubtwmttq', true, 'secondary'],
  [6, 'Quyết định', 'quyet-dinh', 'Thủ tướng Chính phủ', 'thu-tuong', false, 'unverified', INFERRED],
  [7, 'Nghị quyết', 'nghi-quyet', 'Hội đồng Thẩm phán Tòa án nhân dân tối cao', 'hdtp-tandtc', false, 'unverified', INFERRED],
  [8, 'Thông tư', 'thong-tu', 'Chánh án Tòa án nhân dân tối cao', 'chanh-an-tandtc', false, 'unverified', INFERRED],
  [8, 'Thông tư', 'thong-tu', 'Viện trưởng Viện kiểm sát nhân dân tối cao', 'vien-truong-vksndtc', false, 'unverified', INFERRED],
  [8, 'Thông tư', 'thong-tu', 'Bộ trưởng, Thủ trưởng cơ quan ngang bộ', 'bo-truong', false, 'unverified', INFERRED],
  [8, 'Quyết định', 'quyet-dinh', 'Tổng Kiểm toán nhà nước', 'tong-ktnn', false, 'secondary', 'A quyết định, not a thông tư, under Luật 80/2015.'],
  [9, 'Thông tư liên tịch', 'thong-tu-lien-tich', 'Liên tịch giữa Chánh án Tòa án nhân dân tối cao, Viện trưởng Viện kiểm sát nhân dân tối cao, Bộ trưởng, Thủ trưởng cơ quan ngang bộ', 'lien-tich-trung-uong', true, 'unverified', 'Exact joint issuers under Luật 80/2015 (and the place of the Tổng Kiểm toán nhà nước) not read.'],
  [10, 'Nghị quyết', 'nghi-quyet', 'Hội đồng nhân dân cấp tỉnh', 'hdnd-tinh', false, 'unverified', INFERRED],
  [11, 'Quyết định', 'quyet-dinh', 'Ủy ban nhân dân cấp tỉnh', 'ubnd-tinh', false, 'unverified', INFERRED],
  [12, DAC_KHU[0], DAC_KHU[1], DAC_KHU[2], DAC_KHU[3], false, 'unverified', INFERRED],
  [13, 'Nghị quyết', 'nghi-quyet', 'Hội đồng nhân dân cấp huyện', 'hdnd-huyen', false, 'unverified', INFERRED],
  [14, 'Quyết định', 'quyet-dinh', 'Ủy ban nhân dân cấp huyện', 'ubnd-huyen', false, 'unverified', INFERRED],
  [15, 'Nghị quyết', 'nghi-quyet', 'Hội đồng nhân dân cấp xã', 'hdnd-xa', false, 'secondary'],
  [16, 'Quyết định', 'quyet-dinh', 'Ủy ban nhân dân cấp xã', 'ubnd-xa', false, 'secondary'],
];

function build(rows: readonly Row[], source: (r: Row) => string): readonly LegalDocumentTypeEntry[] {
  return Object.freeze(
    rows.map((r) => {
      const [tier, type, typeKey, issuer, issuerKey, joint, confidence, note] = r;
      return Object.freeze({
        id: `${typeKey}@${issuerKey}`,
        tier,
        type,
        typeKey,
        issuer,
        issuerKey,
        joint,
        source: source(r),
        confidence,
        ...(note === undefined ? {} : { note }),
      });
    }),
  );
}

const ENTRIES: Readonly<Record<LawVersionId, readonly LegalDocumentTypeEntry[]>> = Object.freeze({
  'luat-80-2015': build(L80_ROWS, () => L80),
  'luat-64-2025': build([...CENTRAL_1_TO_4, ...L64_5_TO_9, ...L64_ADOPTED_LOCAL], (r) => (r[0] <= 9 ? `${VBHN}; tiers 1–9 unchanged by Luật 87/2025` : L64_ADOPTED)),
  'luat-64-2025-sua-doi-87-2025': build([...CENTRAL_1_TO_4, ...L64_5_TO_9, ...L87_LOCAL], () => VBHN),
});

/**
 * The law version in force on a day.
 *
 * @throws VnEgovError `INVALID_DATE` for a bad day; `DATE_OUT_OF_RANGE` before Luật 80/2015/QH13.
 * @example
 * ```ts
 * getLawVersion('2025-05-01').id; // 'luat-64-2025'
 * ```
 */
export function getLawVersion(on: string | Date): LawVersion {
  let day: number;
  try {
    day = toDayNumber(on, 'on');
  } catch (e) {
    const msg = e instanceof VnEgovError ? e.message : String(e);
    return fail('INVALID_DATE', `Ngày không hợp lệ / invalid day: ${msg}`, [issue('invalid_date', ['on'], `expected YYYY-MM-DD or a Date, got ${describeValue(on)}`)]);
  }
  const d = formatDayNumber(day);
  const found = lawVersions.find((v) => v.inForceFrom <= d && (v.inForceUntil === null || d <= v.inForceUntil));
  if (found === undefined) {
    fail('DATE_OUT_OF_RANGE', `Ngoài phạm vi / no bundled law version covers ${d} (earliest: ${lawVersions[0]!.inForceFrom})`, [
      issue('date_out_of_range', ['on'], `on or after ${lawVersions[0]!.inForceFrom}`),
    ]);
  }
  return found;
}

/**
 * The types of legal normative documents and their issuers on a given day (Luật 80/2015/QH13 Điều 4 before
 * 01/04/2025; Luật 64/2025/QH15 Điều 4 as first adopted until 30/06/2025; as amended by Luật 87/2025/QH15 from
 * 01/07/2025). Each entry carries its source and confidence.
 *
 * @throws VnEgovError `INVALID_DATE`, `DATE_OUT_OF_RANGE`.
 * @example
 * ```ts
 * legalDocumentTypes({ on: '2024-06-01' }).law.id; // 'luat-80-2015'
 * legalDocumentTypes({ on: '2025-08-01' }).entries.some((e) => e.issuerKey === 'chu-tich-ubnd-tinh'); // true
 * ```
 */
export function legalDocumentTypes(query: { readonly on: string | Date }): LegalDocumentTypeCatalog {
  if (query === null || typeof query !== 'object') {
    fail('INVALID_DATE', `Thiếu ngày / expected { on: "YYYY-MM-DD" }, got ${describeValue(query)}`, [issue('invalid_date', ['on'], 'required')]);
  }
  const law = getLawVersion(query.on);
  return { on: formatDayNumber(toDayNumber(query.on, 'on')), law, entries: ENTRIES[law.id] };
}
