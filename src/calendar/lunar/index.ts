/**
 * The Vietnamese lunar calendar (âm lịch), computed from the astronomical rules at UTC+7.
 * Public names are re-exported by `src/calendar/index.ts`; the `…DayNumber` helpers are internal to calendar.
 * @packageDocumentation
 */
export { solarToLunar } from './solar-to-lunar.js';
export { lunarToSolar } from './lunar-to-solar.js';
export { lunarDateSchema, lunarDateInputSchema, type LunarDate, type LunarDateInput } from './schemas.js';
export { canChi, canChiOfDay, canChiOfMonth, HEAVENLY_STEMS, EARTHLY_BRANCHES } from './can-chi.js';
export { LUNAR_MIN_SOLAR_YEAR, LUNAR_MAX_SOLAR_YEAR } from './range.js';
export {
  lunarMonthLength,
  leapMonthOf,
  lunarNewYearDayNumber,
  lunarYearEndDayNumber,
  lunarToDayNumber,
  lunarYear,
  type LunarYear,
} from './lunar-year.js';
export { lunarDateOfDayNumber } from './solar-to-lunar.js';
