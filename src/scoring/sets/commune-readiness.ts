import { defineCriteriaSet, type CriteriaSet, type Indicator } from '../criteria-set.js';
import { fail } from '../errors.js';
import type { LevelScheme } from '../levels.js';
import type { ScoreResult } from '../result-schema.js';

const QD2392 = 'QĐ 2392/QĐ-BTTTT (25/12/2017), Bộ tiêu chí và phương pháp đánh giá mức độ Chính quyền điện tử cấp xã và cấp huyện';
const TEMPLATE_NOTE =
  'Template scale: each group is scored 0–100 as the share of its criteria met, entered with evidence; the criteria table and points of QĐ 2392 were not found — replace with the province\'s own table.';

const manual = (id: string, vi: string, en: string, group: string): Indicator => ({
  id,
  name: { vi, en },
  maxPoints: 100,
  formula: { kind: 'manual', input: id, requireEvidence: true },
  source: `${QD2392}, ${group} [confirmed: structure]`,
  confidence: 'not-found',
  note: TEMPLATE_NOTE,
});

/**
 * Cao Bằng 2020 ICT-application bands (xếp hạng mức độ ứng dụng CNTT), an example of point bands where **Mức I
 * is the highest**: Mức I ≥ 54, II ≥ 48, III ≥ 42, IV ≥ 36, below 36 not ranked (không xếp hạng). The bands are
 * on Cao Bằng's own point scale.
 *
 * @example
 * ```ts
 * classify(50, caoBang2020Bands).label.vi; // 'Mức II'
 * ```
 */
export const caoBang2020Bands: LevelScheme = {
  id: 'cao-bang-2020',
  name: { vi: 'Mức xếp hạng ứng dụng CNTT, phát triển CQĐT (Cao Bằng 2020)', en: 'ICT application band (Cao Bằng 2020)' },
  source:
    'Cao Bằng, kết quả đánh giá, xếp hạng mức độ ứng dụng CNTT, phát triển CQĐT năm 2020 (https://vndx.gov.vn/cao-bang-ket-qua-danh-gia-xep-hang-muc-do-ung-dung-cong-nghe-thong-tin-phat-trien-chinh-quyen-dien-tu-nam-2020)',
  confidence: 'confirmed',
  basis: { kind: 'total' },
  direction: 'lower-is-better',
  levels: [
    { level: 1, label: { vi: 'Mức I', en: 'Band I' }, minimum: 54 },
    { level: 2, label: { vi: 'Mức II', en: 'Band II' }, minimum: 48 },
    { level: 3, label: { vi: 'Mức III', en: 'Band III' }, minimum: 42 },
    { level: 4, label: { vi: 'Mức IV', en: 'Band IV' }, minimum: 36 },
  ],
  belowMinimum: 'not-ranked',
};

/**
 * The four result groups of Hạng mục B in order: presence (1) → interaction (2) → transaction (3) → transformation (4).
 *
 * @example
 * ```ts
 * RESULT_LEVEL_GROUPS[3]; // 'transformation' (mức độ 4)
 * ```
 */
export const RESULT_LEVEL_GROUPS = ['presence', 'interaction', 'transaction', 'transformation'] as const;

/**
 * Template for the commune and district e-government assessment (đánh giá mức độ Chính quyền điện tử cấp xã,
 * cấp huyện), with the structure of QĐ 2392/QĐ-BTTTT: Hạng mục A "điều kiện sẵn sàng" (readiness: information
 * infrastructure, IT staff, IT policy environment) and Hạng mục B "kết quả Chính quyền điện tử" (results:
 * presence, interaction, transaction, transformation). The two axes are reported separately (`total: none`).
 * Each group is one manual score 0–100 with evidence: the official criteria table and thresholds were not found
 * (`confidence: 'not-found'`). Ships Cao Bằng's 2020 bands as the example band table on the readiness axis.
 *
 * @example
 * ```ts
 * const r = score(criteriaSets.communeReadiness, { unitId: 'xa-a', level: 'commune', values: {
 *   infrastructure: { points: 80, evidence: ['Báo cáo 12/BC-UBND'] }, … } }, { period: '2025' });
 * ```
 */
export const communeReadiness: CriteriaSet = defineCriteriaSet({
  id: 'qd2392-commune-template',
  version: '2017-template',
  name: {
    vi: 'Mẫu bộ tiêu chí đánh giá mức độ Chính quyền điện tử cấp xã, cấp huyện (theo cấu trúc QĐ 2392/QĐ-BTTTT)',
    en: 'Template: commune and district e-government assessment (structure of QĐ 2392/QĐ-BTTTT)',
  },
  source: `${QD2392}; in force on signature [confirmed]`,
  publisher: 'Sở Thông tin và Truyền thông (now Sở Khoa học và Công nghệ) of each province',
  effectiveFrom: '2017-12-25',
  confidence: 'not-found',
  note: `${TEMPLATE_NOTE} Assessment runs in Q4: the unit self-reports within 15 working days, the Sở verifies within 120 days. Since 1/7/2025 local government has two tiers (province, commune): district criteria are largely historical.`,
  scale: { maxPoints: 100, unit: 'points' },
  total: { kind: 'none' },
  rounding: { decimals: 2, groupTotals: 'sum-of-rounded' },
  unitLevels: ['district', 'commune'],
  levels: [{ ...caoBang2020Bands, basis: { kind: 'group', group: 'readiness' } }],
  groups: [
    {
      id: 'readiness',
      number: 'A',
      name: { vi: 'Hạng mục A: Điều kiện sẵn sàng', en: 'Category A: readiness' },
      maxPoints: 100,
      aggregate: { kind: 'mean' },
      source: QD2392,
      confidence: 'confirmed',
      indicators: [
        manual('infrastructure', 'Cơ sở hạ tầng thông tin', 'Information infrastructure', 'Hạng mục A'),
        manual('staff', 'Nhân lực CNTT', 'IT staff', 'Hạng mục A'),
        manual('policy', 'Môi trường chính sách về ứng dụng CNTT', 'IT policy environment', 'Hạng mục A'),
      ],
    },
    {
      id: 'results',
      number: 'B',
      name: { vi: 'Hạng mục B: Kết quả Chính quyền điện tử', en: 'Category B: e-government results' },
      maxPoints: 100,
      aggregate: { kind: 'mean' },
      source: QD2392,
      confidence: 'confirmed',
      indicators: [
        manual('presence', 'Mức độ hiện diện', 'Presence', 'Hạng mục B'),
        manual('interaction', 'Mức độ tương tác', 'Interaction', 'Hạng mục B'),
        manual('transaction', 'Mức độ giao dịch', 'Transaction', 'Hạng mục B'),
        manual('transformation', 'Mức độ chuyển đổi', 'Transformation', 'Hạng mục B'),
      ],
    },
  ],
});

/**
 * The e-government result level (mức độ 1–4, **4 the highest**) of a template result: the highest level k such
 * that each of the first k result groups (presence = 1, interaction = 2, transaction = 3, transformation = 4)
 * scored at least `threshold` (0–100). The official threshold was not found, so it is a required parameter.
 * Returns `null` (không xếp hạng) when presence is not reached or not scored.
 *
 * @example
 * ```ts
 * resultLevel(result, { threshold: 70 }); // e.g. 2
 * ```
 */
export function resultLevel(result: ScoreResult, options: { threshold: number }): 1 | 2 | 3 | 4 | null {
  if (!Number.isFinite(options.threshold) || options.threshold < 0 || options.threshold > 100) {
    fail('INVALID_OPTIONS', 'Ngưỡng phải trong khoảng 0–100', 'threshold must be within 0–100');
  }
  const group = result.groups.find((g) => g.id === 'results');
  if (!group) fail('SET_MISMATCH', 'Kết quả không có hạng mục B (results)', 'the result has no "results" group (not the QĐ 2392 template)');
  let level = 0;
  for (const id of RESULT_LEVEL_GROUPS) {
    const p = group.indicators.find((i) => i.id === id)?.points ?? null;
    if (p === null || p < options.threshold) break;
    level++;
  }
  return level === 0 ? null : (level as 1 | 2 | 3 | 4);
}
