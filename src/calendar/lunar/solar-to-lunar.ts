/**
 * Solar (Gregorian) day → Vietnamese lunar date (đổi dương lịch sang âm lịch).
 * @packageDocumentation
 */
import { assertYearRange, partsFromDayNumber, toDayNumber, type DayInput } from '../day.js';
import { lunarYear } from './lunar-year.js';
import { LUNAR_MAX_SOLAR_YEAR, LUNAR_MIN_SOLAR_YEAR } from './range.js';
import type { LunarDate } from './schemas.js';

/**
 * The lunar date of a day number (days since 1970-01-01), without range checks. @internal
 *
 * @example
 * ```ts
 * lunarDateOfDayNumber(20501); // { year: 2026, month: 1, day: 1, leap: false }
 * ```
 */
export function lunarDateOfDayNumber(n: number): LunarDate {
  let year = partsFromDayNumber(n).year;
  let y = lunarYear(year);
  if (n < y.starts[0]!) {
    year -= 1;
    y = lunarYear(year);
  }
  // Binary search the last month start ≤ n.
  let lo = 0;
  let hi = y.months.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (y.starts[mid]! <= n) lo = mid;
    else hi = mid - 1;
  }
  return { year, month: y.months[lo]!, day: n - y.starts[lo]! + 1, leap: y.leaps[lo]! };
}

/**
 * Converts a solar day to the Vietnamese lunar calendar (âm lịch), computed at UTC+7.
 * A `Date` is read as the Vietnamese (UTC+7) day of that instant.
 *
 * @throws VnEgovError `INVALID_DATE` for a day that does not exist, `DATE_OUT_OF_RANGE` outside
 * 1900-01-01 … 2199-12-31.
 * @example
 * ```ts
 * solarToLunar('2026-02-17'); // { year: 2026, month: 1, day: 1, leap: false } (Tết Bính Ngọ)
 * solarToLunar('2025-07-25'); // { year: 2025, month: 6, day: 1, leap: true } (mùng 1 tháng 6 nhuận)
 * ```
 */
export function solarToLunar(day: DayInput): LunarDate {
  const n = toDayNumber(day);
  assertYearRange(n, LUNAR_MIN_SOLAR_YEAR, LUNAR_MAX_SOLAR_YEAR, 'the lunar calendar (âm lịch)');
  return lunarDateOfDayNumber(n);
}
