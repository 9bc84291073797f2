/**
 * Vietnamese lunar date → solar (Gregorian) day (đổi âm lịch sang dương lịch).
 * @packageDocumentation
 */
import { parseWith } from '../../errors/index.js';
import { fail, formatDayNumber, type CivilDay } from '../day.js';
import { lunarToDayNumber } from './lunar-year.js';
import { LUNAR_MAX_DAY, LUNAR_MAX_SOLAR_YEAR, LUNAR_MIN_DAY, LUNAR_MIN_SOLAR_YEAR } from './range.js';
import { lunarDateInputSchema, type LunarDateInput } from './schemas.js';

/**
 * Converts a Vietnamese lunar date (ngày âm lịch) to its solar day `YYYY-MM-DD`, computed at UTC+7.
 * `year` is the Gregorian year of that lunar year's Tết; `leap: true` designates the leap month.
 *
 * @throws VnEgovError `INVALID_LUNAR_DATE` for a bad shape (month 13, day 31, non-integer…) or a date that
 * does not exist (day 30 of a 29-day month, a leap month the year does not have); `DATE_OUT_OF_RANGE` when
 * the solar day would fall outside 1900-01-01 … 2199-12-31.
 * @example
 * ```ts
 * lunarToSolar({ year: 2026, month: 1, day: 1 }); // '2026-02-17' (Tết Bính Ngọ)
 * lunarToSolar({ year: 2026, month: 3, day: 10 }); // '2026-04-26' (Giỗ Tổ Hùng Vương)
 * lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }); // '2025-07-25'
 * ```
 */
export function lunarToSolar(input: LunarDateInput): CivilDay {
  const { year, month, day, leap = false } = parseWith(
    lunarDateInputSchema,
    input,
    'INVALID_LUNAR_DATE',
    'Ngày âm lịch không hợp lệ / invalid lunar date',
  );
  if (year < LUNAR_MIN_SOLAR_YEAR - 1 || year > LUNAR_MAX_SOLAR_YEAR) {
    fail(
      'DATE_OUT_OF_RANGE',
      `Ngoài phạm vi hỗ trợ / the lunar calendar supports solar days ${LUNAR_MIN_SOLAR_YEAR}–${LUNAR_MAX_SOLAR_YEAR}, got lunar year ${year}`,
      ['year'],
    );
  }
  const n = lunarToDayNumber(year, month, day, leap);
  if (n < LUNAR_MIN_DAY || n > LUNAR_MAX_DAY) {
    fail(
      'DATE_OUT_OF_RANGE',
      `Ngoài phạm vi hỗ trợ / the lunar calendar supports solar days ${LUNAR_MIN_SOLAR_YEAR}–${LUNAR_MAX_SOLAR_YEAR}, got ${formatDayNumber(n)}`,
      ['year'],
    );
  }
  return formatDayNumber(n);
}
