/**
 * Error codes thrown by `vn-egov/calendar` (stable; switch on `VnEgovError.code`).
 *
 * - `INVALID_DATE`: not a real `YYYY-MM-DD` calendar day or a valid `Date` (e.g. `"2026-02-30"`, `"hello"`).
 * - `DATE_OUT_OF_RANGE`: a real day outside the supported years (lunar 1900–2199; working days 2014–2199).
 * - `INVALID_ARGUMENT`: a numeric argument that is not what the function needs (e.g. a non-integer `n`).
 * - `INVALID_LUNAR_DATE`: a lunar date that does not exist (day 30 of a 29-day month, a leap month the year lacks).
 * - `INVALID_OPTIONS`: options that fail their schema (bad cut-off time, bad week, bad extra days).
 * - `INVALID_SCHEDULE`: a day-off schedule (data) that fails its schema or contradicts itself.
 * - `INVALID_TIME`: a time of day or instant that cannot be read.
 *
 * @example
 * ```ts
 * import { isVnEgovError } from 'vn-egov';
 * try { addWorkingDays('2026-02-30', 1); }
 * catch (e) { if (isVnEgovError<CalendarErrorCode>(e, 'INVALID_DATE')) console.log(e.message); }
 * ```
 */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_LUNAR_DATE'
  | 'INVALID_OPTIONS'
  | 'INVALID_SCHEDULE'
  | 'INVALID_TIME';
