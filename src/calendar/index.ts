/**
 * `vn-egov/calendar`: the Vietnamese calendar that every administrative deadline depends on: civil days at
 * UTC+7, the lunar calendar (âm lịch), public holidays and the official day-off schedules, working-day
 * arithmetic, the 15:00 cut-off, and the date line of administrative documents.
 *
 * @example
 * ```ts
 * import { addWorkingDays, solarToLunar, daysOff } from 'vn-egov/calendar';
 * addWorkingDays('2026-02-13', 1); // '2026-02-23'
 * solarToLunar('2026-02-17'); // { year: 2026, month: 1, day: 1, leap: false }
 * ```
 * @packageDocumentation
 */
export type { CalendarErrorCode } from './errors.js';
export { toCivilDay, dayOfWeek, addCalendarDays, type CivilDay, type DayInput } from './day.js';
export { toVietnamTime, type InstantInput, type VietnamTime, type TimeOfDay } from './time-of-day.js';
export {
  solarToLunar,
  lunarToSolar,
  lunarDateSchema,
  lunarDateInputSchema,
  canChi,
  canChiOfDay,
  canChiOfMonth,
  HEAVENLY_STEMS,
  EARTHLY_BRANCHES,
  LUNAR_MIN_SOLAR_YEAR,
  LUNAR_MAX_SOLAR_YEAR,
  lunarMonthLength,
  leapMonthOf,
  type LunarDate,
  type LunarDateInput,
} from './lunar/index.js';
export { HOLIDAY_IDS, HOLIDAY_NAMES, type HolidayId } from './holidays/holiday-ids.js';
export { HOLIDAY_REGIMES, CULTURE_DAY_RULE, COMPENSATION_SOURCE, type HolidayRegime } from './holidays/statutory.js';
export type { DayOff, DayOffKind, DayOffConfidence, WorkingSaturday } from './day-off.js';
export {
  dayOffScheduleSchema,
  scheduleEntrySchema,
  scheduleConfidenceSchema,
  type DayOffSchedule,
  type ScheduleEntry,
  type ScheduleConfidence,
} from './schedules/schema.js';
export { civilServiceSchedules } from './schedules/index.js';
export {
  createWorkCalendar,
  workCalendarOptionsSchema,
  extraDaySchema,
  WORKING_DAY_RANGE,
  type WorkCalendar,
  type WorkCalendarOptions,
  type ExtraDay,
  type DaysOffOptions,
  type ReceiptDay,
  type Deadline,
} from './work-calendar.js';
export {
  civilServiceCalendar,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  nextWorkingDay,
  previousWorkingDay,
  daysOff,
  workingSaturdays,
  type CalendarOption,
} from './working-days.js';
export { formatVietnameseDate, type FormatVietnameseDateOptions } from './format-vietnamese-date.js';
