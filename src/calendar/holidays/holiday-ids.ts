/**
 * Identifiers of the Vietnamese public holidays (ngày lễ, Tết) that give a paid day off.
 *
 * - `new-year`: Tết Dương lịch (1 January)
 * - `tet`: Tết Âm lịch / Tết Nguyên đán (lunar new year, five days chosen by the Prime Minister)
 * - `hung-kings`: Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month)
 * - `victory-day`: Ngày Chiến thắng (30 April)
 * - `labour-day`: Ngày Quốc tế lao động (1 May)
 * - `national-day`: Quốc khánh (2 September, plus an adjacent day since 2021)
 * - `culture-day`: Ngày Văn hóa Việt Nam (24 November, from 2026)
 *
 * @example
 * ```ts
 * const id: HolidayId = 'hung-kings';
 * HOLIDAY_NAMES[id].vi; // the Vietnamese name of Giỗ Tổ Hùng Vương
 * ```
 */
export type HolidayId =
  | 'new-year'
  | 'tet'
  | 'hung-kings'
  | 'victory-day'
  | 'labour-day'
  | 'national-day'
  | 'culture-day';

/**
 * All holiday identifiers, in calendar order.
 *
 * @example
 * ```ts
 * HOLIDAY_IDS; // ['new-year', 'tet', 'hung-kings', 'victory-day', 'labour-day', 'national-day', 'culture-day']
 * ```
 */
export const HOLIDAY_IDS: readonly HolidayId[] = [
  'new-year',
  'tet',
  'hung-kings',
  'victory-day',
  'labour-day',
  'national-day',
  'culture-day',
];

/**
 * Vietnamese and English names of each holiday.
 *
 * @example
 * ```ts
 * HOLIDAY_NAMES.tet.vi; // 'Tết Âm lịch'
 * ```
 */
export const HOLIDAY_NAMES: Readonly<Record<HolidayId, { vi: string; en: string }>> = {
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  'victory-day': { vi: 'Ngày Chiến thắng', en: 'Victory Day (30 April)' },
  'labour-day': { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
  'national-day': { vi: 'Quốc khánh', en: 'National Day' },
  'culture-day': { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
};
