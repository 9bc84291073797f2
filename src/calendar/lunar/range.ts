/**
 * Supported range of the public lunar-calendar functions.
 * @packageDocumentation
 */
import { dayNumberFromParts } from '../day.js';

/**
 * First supported solar year of `solarToLunar` / `lunarToSolar` (năm dương lịch đầu tiên).
 *
 * @example
 * ```ts
 * LUNAR_MIN_SOLAR_YEAR; // 1900
 * ```
 */
export const LUNAR_MIN_SOLAR_YEAR = 1900;
/**
 * Last supported solar year of `solarToLunar` / `lunarToSolar`.
 *
 * @example
 * ```ts
 * LUNAR_MAX_SOLAR_YEAR; // 2199
 * ```
 */
export const LUNAR_MAX_SOLAR_YEAR = 2199;
/** Day number of 1900-01-01. @internal */
export const LUNAR_MIN_DAY = dayNumberFromParts(LUNAR_MIN_SOLAR_YEAR, 1, 1);
/** Day number of 2199-12-31. @internal */
export const LUNAR_MAX_DAY = dayNumberFromParts(LUNAR_MAX_SOLAR_YEAR, 12, 31);
