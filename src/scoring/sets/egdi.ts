import { defineCriteriaSet, type CriteriaSet } from '../criteria-set.js';
import type { LevelScheme } from '../levels.js';

const METHOD = 'UN DESA, E-Government Survey methodology (https://publicadministration.un.org/egovkb/en-us/About/Methodology)';

/**
 * The UN EGDI groups (Very High, High, Middle, Low) as a level scheme; level 4 is the highest. The groups are
 * confirmed; the thresholds 0.75 / 0.50 / 0.25 are general knowledge, consistent with Viet Nam entering "Very
 * High" at 0.7709 in 2024 (`confidence: 'unverified'`).
 *
 * @example
 * ```ts
 * classify(0.7709, egdiGroups).label.en; // 'Very High'
 * ```
 */
export const egdiGroups: LevelScheme = {
  id: 'egdi-groups',
  name: { vi: 'Nhóm EGDI', en: 'EGDI group' },
  source: `${METHOD}; group names [confirmed] hanoitimes.vn 2018; thresholds [unverified]`,
  confidence: 'unverified',
  basis: { kind: 'total' },
  direction: 'higher-is-better',
  levels: [
    { level: 4, label: { vi: 'Rất cao', en: 'Very High' }, minimum: 0.75 },
    { level: 3, label: { vi: 'Cao', en: 'High' }, minimum: 0.5 },
    { level: 2, label: { vi: 'Trung bình', en: 'Middle' }, minimum: 0.25 },
  ],
  belowMinimum: { level: 1, label: { vi: 'Thấp', en: 'Low' } },
};

const component = (id: 'osi' | 'tii' | 'hci', vi: string, en: string, kind: 'linear' | 'z-score'): CriteriaSet['groups'][number]['indicators'][number] => ({
  id,
  code: id.toUpperCase(),
  name: { vi, en },
  maxPoints: 1,
  formula: kind === 'linear' ? { kind: 'linear', input: id, from: 0, to: 1 } : { kind: 'z-score', input: id, zeroDenominator: 'null' },
  source: METHOD,
  confidence: 'confirmed',
});

/**
 * UN E-Government Development Index (EGDI): the arithmetic mean of the three published normalised components,
 * OSI (Online Service Index), TII (Telecommunication Infrastructure Index) and HCI (Human Capital Index), each on
 * 0–1; 4 decimals as published. Inputs `osi`, `tii`, `hci`. Recomputing from the published components reproduces
 * the published EGDI (Viet Nam 2022: 0.6787; 2024: 0.7709).
 *
 * @example
 * ```ts
 * score(criteriaSets.egdi, { unitId: 'VNM', values: { osi: 0.7081, tii: 0.8780, hci: 0.7267 } },
 *   { period: '2024' }).total; // 0.7709
 * ```
 */
export const egdi: CriteriaSet = defineCriteriaSet({
  id: 'egdi',
  version: '2022',
  name: { vi: 'Chỉ số phát triển Chính phủ điện tử của Liên hợp quốc (EGDI)', en: 'UN E-Government Development Index (EGDI)' },
  source: `${METHOD}: EGDI = ⅓ × (OSI + TII + HCI), each normalised`,
  publisher: 'United Nations, Department of Economic and Social Affairs (UN DESA)',
  confidence: 'confirmed',
  scale: { maxPoints: 1, unit: 'index' },
  total: { kind: 'sum' },
  rounding: { decimals: 4, groupTotals: 'sum-of-rounded' },
  unitLevels: ['country'],
  levels: [egdiGroups],
  groups: [
    {
      id: 'egdi',
      name: { vi: 'EGDI', en: 'EGDI' },
      maxPoints: 1,
      aggregate: { kind: 'mean' },
      source: METHOD,
      confidence: 'confirmed',
      indicators: [
        component('osi', 'Chỉ số dịch vụ trực tuyến (OSI)', 'Online Service Index (OSI)', 'linear'),
        component('tii', 'Chỉ số hạ tầng viễn thông (TII)', 'Telecommunication Infrastructure Index (TII)', 'linear'),
        component('hci', 'Chỉ số nguồn nhân lực (HCI)', 'Human Capital Index (HCI)', 'linear'),
      ],
    },
  ],
});

/**
 * EGDI from raw (unnormalised) components: each component is standardised by z-score across the units scored
 * together (or a `reference` population) and rescaled min–max to 0–1, then averaged — the UN normalisation.
 * Only meaningful over the whole population (193 member states); the published normalised components are the
 * reference values, so prefer {@link egdi} to recompute a published EGDI.
 *
 * @example
 * ```ts
 * score(criteriaSets.egdiFromRaw, countries, { period: '2024' });
 * ```
 */
export const egdiFromRaw: CriteriaSet = defineCriteriaSet({
  ...egdi,
  id: 'egdi-from-raw',
  name: { vi: 'EGDI tính từ chỉ số thành phần thô (chuẩn hóa z-score, min–max)', en: 'EGDI from raw components (z-score, then min–max)' },
  levels: [],
  groups: [
    {
      ...egdi.groups[0]!,
      indicators: [
        component('osi', 'OSI (thô)', 'OSI (raw)', 'z-score'),
        component('tii', 'TII (thô)', 'TII (raw)', 'z-score'),
        component('hci', 'HCI (thô)', 'HCI (raw)', 'z-score'),
      ],
    },
  ],
});
