/**
 * Structure of Vietnamese lunar years (cấu trúc năm âm lịch): month starts, month numbers and the leap
 * month, from the astronomical rules (calendar.md §3.1), all at UTC+7:
 *
 * - a month starts on the civil day containing the true new moon (ngày Sóc);
 * - the month containing the December solstice (Đông chí, Sun at 270°) is month 11;
 * - when 13 months separate two months 11, the first month after month 11 whose days contain no principal
 *   solar term (trung khí, Sun at a multiple of 30°) is the leap month (tháng nhuận) and repeats the
 *   number of the month before it.
 *
 * A principal term falls in the month [start, nextStart) exactly when the Sun's longitude crosses a
 * multiple of 30° between 00:00 (UTC+7) of `start` and 00:00 of `nextStart`, so the year structure only
 * needs the Sun's longitude at month boundaries; no search is needed.
 * @packageDocumentation
 */
import { fail } from '../day.js';
import { jdOfVnMidnight, meanLunationBefore, newMoonJd, principalTermIndex, vnDayNumberOfJd, JD_UNIX_EPOCH } from './astronomy.js';

/** Lunar years whose structure can be computed (internal guard; the public API is narrower). @internal */
export const ASTRO_MIN_LUNAR_YEAR = 1800;
/** @internal */
export const ASTRO_MAX_LUNAR_YEAR = 2300;

/**
 * One lunar year (năm âm lịch), from mùng 1 tháng Giêng to the eve of the next Tết.
 *
 * @example
 * ```ts
 * const y = lunarYear(2025);
 * y.leapMonth; // 6 (tháng 6 nhuận)
 * y.months.length; // 13
 * ```
 */
export interface LunarYear {
  /** The lunar year, named after the Gregorian year in which its Tết falls. */
  readonly year: number;
  /** Month numbers in order (1…12), the leap month repeating its number. */
  readonly months: readonly number[];
  /** Whether each month is the leap month (tháng nhuận). */
  readonly leaps: readonly boolean[];
  /** Day numbers (days since 1970-01-01) of the first day of each month, plus the next year's Tết. */
  readonly starts: readonly number[];
  /** The leap month's number, 0 when the year has 12 months. */
  readonly leapMonth: number;
}

/** Civil day (UTC+7) of the true new moon number k; cached, as neighbouring years share lunations. */
const newMoonDayCache = new Map<number, number>();
function newMoonDay(k: number): number {
  let d = newMoonDayCache.get(k);
  if (d === undefined) {
    d = vnDayNumberOfJd(newMoonJd(k));
    newMoonDayCache.set(k, d);
  }
  return d;
}

/** Index (0…11) of the last principal term passed at 00:00 UTC+7 of a day: floor(λ / 30°). */
function termIndexAtDayStart(dayNumber: number): number {
  return principalTermIndex(jdOfVnMidnight(dayNumber));
}

/** Lunation k of the month 11 (tháng Một) that contains the December solstice of Gregorian `year`. */
const month11Cache = new Map<number, number>();
function month11Lunation(year: number): number {
  let k = month11Cache.get(year);
  if (k === undefined) {
    k = findMonth11Lunation(year);
    month11Cache.set(year, k);
  }
  return k;
}

function findMonth11Lunation(year: number): number {
  // 21 December of `year` as a day number (days-from-civil for month 12, day 21).
  const dec21 = Math.round(365.2425 * (year - 1970) + 354);
  let k = meanLunationBefore(dec21 + JD_UNIX_EPOCH);
  // Solstice on the civil day D ⇔ λ(00:00 of D) < 270° ≤ λ(00:00 of D + 1); in month k ⇔
  // λ(start_k) < 270° ≤ λ(start_{k+1}), i.e. term index (floor(λ / 30°)) ≤ 8 at start_k and ≥ 9 at
  // start_{k+1}. Near December λ is in (200°, 340°), so no wrap-around.
  for (let guard = 0; guard < 4; guard++) {
    const a = termIndexAtDayStart(newMoonDay(k));
    const b = termIndexAtDayStart(newMoonDay(k + 1));
    if (a >= 9) k--;
    else if (b < 9) k++;
    else return k;
  }
  /* c8 ignore next */
  throw new Error(`month 11 not found for ${year}`);
}

/** The months from month 11 of (year − 1) up to, not including, month 11 of `year`. */
interface SolsticeSpan {
  readonly months: readonly number[];
  readonly leaps: readonly boolean[];
  readonly starts: readonly number[]; // length months.length + 1
}

const spanCache = new Map<number, SolsticeSpan>();
function solsticeSpan(year: number): SolsticeSpan {
  const cached = spanCache.get(year);
  if (cached !== undefined) return cached;
  const ka = month11Lunation(year - 1);
  const kb = month11Lunation(year);
  const n = kb - ka; // 12 or 13
  const starts: number[] = [];
  for (let k = ka; k <= kb; k++) starts.push(newMoonDay(k));
  let leapIndex = -1;
  if (n === 13) {
    let prev = termIndexAtDayStart(starts[1]!);
    for (let i = 1; i < n; i++) {
      const next = termIndexAtDayStart(starts[i + 1]!);
      if (next === prev) {
        leapIndex = i;
        break;
      }
      prev = next;
    }
  }
  const months: number[] = [];
  const leaps: boolean[] = [];
  let number = 10;
  for (let i = 0; i < n; i++) {
    const leap = i === leapIndex;
    if (!leap) number = (number % 12) + 1;
    months.push(number);
    leaps.push(leap);
  }
  const span: SolsticeSpan = { months, leaps, starts };
  spanCache.set(year, span);
  return span;
}

const yearCache = new Map<number, LunarYear>();

/**
 * The structure of a lunar year (cached). `year` is the Gregorian year of its Tết.
 *
 * @throws VnEgovError `DATE_OUT_OF_RANGE` outside 1800–2300, `INVALID_ARGUMENT` for a non-integer.
 * @example
 * ```ts
 * lunarYear(2026).starts[0]; // 20501 (2026-02-17, Tết Bính Ngọ)
 * ```
 */
export function lunarYear(year: number): LunarYear {
  const cached = yearCache.get(year);
  if (cached !== undefined) return cached;
  if (!Number.isSafeInteger(year)) fail('INVALID_ARGUMENT', `Năm âm lịch phải là số nguyên / lunar year must be an integer, got ${String(year)}`, ['year']);
  if (year < ASTRO_MIN_LUNAR_YEAR || year > ASTRO_MAX_LUNAR_YEAR) {
    fail('DATE_OUT_OF_RANGE', `Năm âm lịch ngoài phạm vi / lunar year out of range ${ASTRO_MIN_LUNAR_YEAR}–${ASTRO_MAX_LUNAR_YEAR}: ${year}`, ['year']);
  }
  const a = solsticeSpan(year);
  const b = solsticeSpan(year + 1);
  const months: number[] = [];
  const leaps: boolean[] = [];
  const starts: number[] = [];
  // From span `a`: the months from tháng Giêng (first non-leap month 1) onwards.
  let i = a.months.findIndex((m, j) => m === 1 && !a.leaps[j]);
  for (; i < a.months.length; i++) {
    months.push(a.months[i]!);
    leaps.push(a.leaps[i]!);
    starts.push(a.starts[i]!);
  }
  // From span `b`: months 11 and 12 (and a leap 11 or 12) before the next tháng Giêng.
  for (let j = 0; j < b.months.length; j++) {
    if (b.months[j] === 1 && !b.leaps[j]) {
      starts.push(b.starts[j]!);
      break;
    }
    months.push(b.months[j]!);
    leaps.push(b.leaps[j]!);
    starts.push(b.starts[j]!);
  }
  const li = leaps.indexOf(true);
  const result: LunarYear = { year, months, leaps, starts, leapMonth: li < 0 ? 0 : months[li]! };
  yearCache.set(year, result);
  return result;
}

/**
 * The leap month (tháng nhuận) of a lunar year, or 0 when the year has none.
 *
 * @example
 * ```ts
 * leapMonthOf(2025); // 6
 * leapMonthOf(2026); // 0
 * ```
 */
export function leapMonthOf(lunarYearNumber: number): number {
  return lunarYear(lunarYearNumber).leapMonth;
}

/**
 * Day number (days since 1970-01-01) of Tết Nguyên Đán, mùng 1 tháng Giêng of a lunar year.
 *
 * @example
 * ```ts
 * lunarNewYearDayNumber(2026); // 20501 (2026-02-17)
 * ```
 */
export function lunarNewYearDayNumber(lunarYearNumber: number): number {
  return lunarYear(lunarYearNumber).starts[0]!;
}

/**
 * Day number of the last day of a lunar year (đêm Giao thừa: "30 Tết", or "29 Tết" when tháng Chạp has
 * 29 days), the day before the next Tết.
 *
 * @example
 * ```ts
 * lunarYearEndDayNumber(2025); // 20500 (2026-02-16)
 * ```
 */
export function lunarYearEndDayNumber(lunarYearNumber: number): number {
  const s = lunarYear(lunarYearNumber).starts;
  return s[s.length - 1]! - 1;
}

/** Index of a month in a year's structure, or -1. @internal */
export function monthIndex(y: LunarYear, month: number, leap: boolean): number {
  for (let i = 0; i < y.months.length; i++) if (y.months[i] === month && y.leaps[i] === leap) return i;
  return -1;
}

function describeMonth(year: number, month: number, leap: boolean): string {
  return `${month}${leap ? ' nhuận / leap' : ''} of ${year}`;
}

/**
 * Number of days (29 or 30) of a lunar month (tháng thiếu / tháng đủ).
 *
 * @throws VnEgovError `INVALID_LUNAR_DATE` if the year has no such month (e.g. a leap month it lacks).
 * @example
 * ```ts
 * lunarMonthLength(2025, 12, false); // 29 (tháng Chạp Ất Tỵ is short: Giao thừa is "29 Tết")
 * ```
 */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const y = lunarYear(year);
  const i = monthIndex(y, month, leap);
  if (i < 0) {
    fail('INVALID_LUNAR_DATE', `Tháng âm lịch không tồn tại / no lunar month ${describeMonth(year, month, leap)}`, ['month']);
  }
  return y.starts[i + 1]! - y.starts[i]!;
}

/**
 * Day number (days since 1970-01-01) of a lunar date; fast path for the holiday rules.
 *
 * @throws VnEgovError `INVALID_LUNAR_DATE` for a date that does not exist (day 30 of a 29-day month, a
 * leap month the year lacks, month 13).
 * @example
 * ```ts
 * lunarToDayNumber(2026, 3, 10, false); // 20569 (2026-04-26, Giỗ Tổ Hùng Vương)
 * ```
 */
export function lunarToDayNumber(year: number, month: number, day: number, leap = false): number {
  const y = lunarYear(year);
  const i = monthIndex(y, month, leap);
  if (i < 0) {
    const hint = leap ? ` (năm ${year} ${y.leapMonth ? `nhuận tháng ${y.leapMonth}` : 'không có tháng nhuận'} / the year's leap month: ${y.leapMonth || 'none'})` : '';
    fail('INVALID_LUNAR_DATE', `Tháng âm lịch không tồn tại / no lunar month ${describeMonth(year, month, leap)}${hint}`, ['month']);
  }
  const start = y.starts[i]!;
  const length = y.starts[i + 1]! - start;
  if (!Number.isInteger(day) || day < 1 || day > length) {
    fail(
      'INVALID_LUNAR_DATE',
      `Ngày âm lịch không tồn tại / no day ${String(day)} in lunar month ${describeMonth(year, month, leap)}, which has ${length} days`,
      ['day'],
    );
  }
  return start + day - 1;
}
