import type { CivilDay, DayInput } from './day.js';
import type { DayOff, WorkingSaturday } from './day-off.js';
import { createWorkCalendar, type DaysOffOptions, type WorkCalendar } from './work-calendar.js';

/**
 * Selects the calendar a top-level function uses; without it, the default civil-service calendar.
 *
 * @example
 * ```ts
 * addWorkingDays('2026-03-06', 1, { calendar: createWorkCalendar({ extraDaysOff: ['2026-03-09'] }) }); // '2026-03-10'
 * ```
 */
export interface CalendarOption {
  /** A calendar from {@link createWorkCalendar}. */
  calendar?: WorkCalendar;
}

let defaultCalendar: WorkCalendar | undefined;

/**
 * The default calendar: civil servants (cán bộ, công chức, viên chức), Monday–Friday, the official schedules
 * shipped with the library, the statutory rules elsewhere, the 15:00 cut-off. Created on first use and cached.
 *
 * @example
 * ```ts
 * civilServiceCalendar().isWorkingDay('2026-01-10'); // true: a swapped working Saturday
 * ```
 */
export function civilServiceCalendar(): WorkCalendar {
  return (defaultCalendar ??= createWorkCalendar());
}

const pick = (o?: CalendarOption): WorkCalendar => o?.calendar ?? civilServiceCalendar();

/**
 * Whether a day is a working day (ngày làm việc) of the civil-service calendar (or `options.calendar`).
 *
 * @throws VnEgovError `INVALID_DATE`, `DATE_OUT_OF_RANGE` (supported 2014–2199).
 * @example
 * ```ts
 * isWorkingDay('2026-02-17'); // false (mùng 1 Tết)
 * isWorkingDay('2026-08-22'); // true (Saturday worked for the Quốc khánh swap)
 * ```
 */
export function isWorkingDay(day: DayInput, options?: CalendarOption): boolean {
  return pick(options).isWorkingDay(day);
}

/**
 * Adds `n` working days (cộng ngày làm việc). A day that is not a working day is first moved to the next
 * working day (as a dossier received on a day off counts from the next working day); then `n > 0` gives the
 * n-th working day after it, `n < 0` the |n|-th working day before it, and `n = 0` the moved day itself.
 * So `addWorkingDays(addWorkingDays(d, n), -n) === addWorkingDays(d, 0)` for every day and every `n`, and
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n` whenever `d` is a working day.
 *
 * @throws VnEgovError `INVALID_DATE`, `INVALID_ARGUMENT` (non-integer n), `DATE_OUT_OF_RANGE`.
 * @example
 * ```ts
 * addWorkingDays('2026-02-13', 1); // '2026-02-23' (Tết 14–22/02/2026)
 * addWorkingDays('2026-02-23', -1); // '2026-02-13'
 * ```
 */
export function addWorkingDays(day: DayInput, n: number, options?: CalendarOption): CivilDay {
  return pick(options).addWorkingDays(day, n);
}

/**
 * Counts the working days `d` with `from < d ≤ to` (số ngày làm việc); negative when `to` is before `from`.
 *
 * @example
 * ```ts
 * workingDaysBetween('2026-02-13', '2026-02-23'); // 1
 * workingDaysBetween('2026-01-01', '2026-12-31'); // the year's working days after 1/1
 * ```
 */
export function workingDaysBetween(from: DayInput, to: DayInput, options?: CalendarOption): number {
  return pick(options).workingDaysBetween(from, to);
}

/**
 * The first working day strictly after `day` (ngày làm việc kế tiếp).
 *
 * @example
 * ```ts
 * nextWorkingDay('2026-04-24'); // '2026-04-28' (Mon 27/04 compensates Giỗ Tổ on Sunday 26/04)
 * ```
 */
export function nextWorkingDay(day: DayInput, options?: CalendarOption): CivilDay {
  return pick(options).nextWorkingDay(day);
}

/**
 * The last working day strictly before `day`.
 *
 * @example
 * ```ts
 * previousWorkingDay('2026-02-23'); // '2026-02-13'
 * ```
 */
export function previousWorkingDay(day: DayInput, options?: CalendarOption): CivilDay {
  return pick(options).previousWorkingDay(day);
}

/**
 * The days off (ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi) of a year that fall on what would otherwise be
 * working days, each with its Vietnamese name, kind, legal source, and `provisional` when no official notice
 * fixes it. `includeRestDays` also lists legal holidays on Saturday/Sunday (`onRestDay: true`).
 *
 * @throws VnEgovError `INVALID_ARGUMENT`, `DATE_OUT_OF_RANGE` (years 2014–2199).
 * @example
 * ```ts
 * daysOff(2026).filter((d) => d.kind === 'tet').map((d) => d.date);
 * // ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']
 * ```
 */
export function daysOff(year: number, options?: DaysOffOptions & CalendarOption): DayOff[] {
  return pick(options).daysOff(year, options);
}

/**
 * The Saturdays made working days by swaps in a year (ngày làm bù).
 *
 * @example
 * ```ts
 * workingSaturdays(2025).map((s) => s.date); // ['2025-04-26']
 * ```
 */
export function workingSaturdays(year: number, options?: CalendarOption): WorkingSaturday[] {
  return pick(options).workingSaturdays(year);
}
