import { VnEgovError } from '../errors/index.js';
import type { CalendarErrorCode } from './errors.js';

/**
 * A Vietnamese calendar day (ngày dương lịch) as an ISO string `YYYY-MM-DD`.
 * Days are civil days at UTC+7 (giờ Việt Nam), never instants.
 *
 * @example
 * ```ts
 * const tet: CivilDay = '2026-02-17'; // mùng 1 Tết Bính Ngọ
 * ```
 */
export type CivilDay = string;

/**
 * What calendar functions accept as a day: a `YYYY-MM-DD` string, or a `Date`, read as the Vietnamese
 * (UTC+7) calendar day of that instant whatever the host time zone.
 *
 * @example
 * ```ts
 * isWorkingDay(new Date('2026-02-13T20:00:00Z')); // false: already Saturday 14/02 in Vietnam
 * isWorkingDay('2026-02-13');                     // true
 * ```
 */
export type DayInput = string | Date;

/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000;
/** Vietnam's offset from UTC in milliseconds (UTC+7, no daylight saving). */
export const VN_OFFSET_MS = 7 * 3_600_000;
/** Julian Day Number of 1970-01-01 (day number 0 here). */
export const JDN_OF_EPOCH = 2_440_588;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @internal Throws a calendar {@link VnEgovError}. */
export function fail(code: CalendarErrorCode, message: string, path: (string | number)[] = []): never {
  throw new VnEgovError(code, message, {
    issues: [{ code: code.toLowerCase(), path, message }],
  });
}

/** Tells whether `year` is a Gregorian leap year. @internal */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a Gregorian month (1–12). @internal */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * Day number (days since 1970-01-01) of a proleptic Gregorian date. Pure integer arithmetic
 * (H. Hinnant's days-from-civil), no `Date` involved. @internal
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link dayNumberFromParts}. @internal */
export function partsFromDayNumber(n: number): { year: number; month: number; day: number } {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const PAD2 = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Formats a day number as `YYYY-MM-DD`. @internal */
export function formatDayNumber(n: number): CivilDay {
  const { year, month, day } = partsFromDayNumber(n);
  return `${year}-${PAD2[month]}-${PAD2[day]}`;
}

/** Weekday of a day number: 0 = Sunday (Chủ nhật) … 6 = Saturday (Thứ bảy). @internal */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The Vietnamese (UTC+7) day number of an instant given in epoch milliseconds. @internal */
export function dayNumberOfInstant(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY);
}

/**
 * Reads a {@link DayInput} into a day number, or throws `INVALID_DATE`.
 * `name` is the parameter name used in the error's path. @internal
 */
export function toDayNumber(input: unknown, name = 'day'): number {
  if (typeof input === 'string') {
    const m = DAY_RE.exec(input);
    if (m !== null) {
      const year = Number(m[1]);
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
        return dayNumberFromParts(year, month, day);
      }
      fail('INVALID_DATE', `Ngày không tồn tại / no such day: "${input}" (${name})`, [name]);
    }
    fail('INVALID_DATE', `Ngày không hợp lệ / not a YYYY-MM-DD day: ${JSON.stringify(input.slice(0, 40))} (${name})`, [name]);
  }
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isFinite(ms)) return dayNumberOfInstant(ms);
    fail('INVALID_DATE', `Ngày không hợp lệ / invalid Date object (${name})`, [name]);
  }
  fail('INVALID_DATE', `Ngày không hợp lệ / expected a YYYY-MM-DD string or a Date, got ${describe(input)} (${name})`, [name]);
}

/** Year of a day number. @internal */
export function yearOf(n: number): number {
  return partsFromDayNumber(n).year;
}

/** Throws `DATE_OUT_OF_RANGE` unless the day's year is within [min, max]. @internal */
export function assertYearRange(n: number, min: number, max: number, what: string, name = 'day'): void {
  const year = yearOf(n);
  if (year < min || year > max) {
    fail(
      'DATE_OUT_OF_RANGE',
      `Ngoài phạm vi hỗ trợ / ${what} supports years ${min}–${max}, got ${formatDayNumber(n)} (${name})`,
      [name],
    );
  }
}

/** Short description of an unexpected value for messages. @internal */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

/**
 * Checks a day string or `Date` and returns it as a `YYYY-MM-DD` Vietnamese calendar day.
 *
 * @throws VnEgovError `INVALID_DATE` for anything that is not a real day.
 * @example
 * ```ts
 * toCivilDay(new Date('2026-02-16T18:00:00Z')); // '2026-02-17' (01:00 on 17/02 in Vietnam)
 * toCivilDay('2026-02-30'); // throws INVALID_DATE
 * ```
 */
export function toCivilDay(input: DayInput): CivilDay {
  return formatDayNumber(toDayNumber(input));
}

/**
 * Day of the week of a Vietnamese calendar day: 0 = Chủ nhật (Sunday), 1 = Thứ hai (Monday) … 6 = Thứ bảy (Saturday).
 *
 * @example
 * ```ts
 * dayOfWeek('2026-02-17'); // 2 (Thứ ba, Tuesday)
 * ```
 */
export function dayOfWeek(day: DayInput): number {
  return weekdayOf(toDayNumber(day));
}

/**
 * Adds calendar days (ngày theo lịch) to a day; `n` may be negative.
 *
 * @example
 * ```ts
 * addCalendarDays('2026-12-31', 1); // '2027-01-01'
 * ```
 */
export function addCalendarDays(day: DayInput, n: number): CivilDay {
  const d = toDayNumber(day);
  if (!Number.isSafeInteger(n)) fail('INVALID_ARGUMENT', `n phải là số nguyên / n must be an integer, got ${describe(n)}`, ['n']);
  return formatDayNumber(d + n);
}
