/**
 * Schemas and types of lunar dates (ngày âm lịch).
 * @packageDocumentation
 */
import * as z from 'zod/mini';

/**
 * A Vietnamese lunar date (ngày âm lịch): `year` is the Gregorian year in which that lunar year's Tết
 * falls, `month` 1–12, `day` 1–30, `leap` true for a day of the leap month (tháng nhuận).
 *
 * @example
 * ```ts
 * lunarDateSchema.parse({ year: 2025, month: 6, day: 1, leap: true }); // mùng 1 tháng 6 nhuận Ất Tỵ
 * ```
 */
export const lunarDateSchema = z.object({
  year: z.number().check(z.int()),
  month: z.number().check(z.int(), z.minimum(1), z.maximum(12)),
  day: z.number().check(z.int(), z.minimum(1), z.maximum(30)),
  leap: z.boolean(),
});

/**
 * A Vietnamese lunar date (ngày âm lịch), as returned by `solarToLunar`.
 *
 * @example
 * ```ts
 * const tet: LunarDate = { year: 2026, month: 1, day: 1, leap: false };
 * ```
 */
export type LunarDate = z.infer<typeof lunarDateSchema>;

/**
 * Input of `lunarToSolar`: a lunar date whose `leap` flag may be omitted (default `false`).
 * The shape is checked here; whether the date exists in its year (day 30 of a 29-day month, a leap month
 * the year lacks) is checked against the computed calendar.
 *
 * @example
 * ```ts
 * lunarDateInputSchema.parse({ year: 2026, month: 3, day: 10 }); // Giỗ Tổ Hùng Vương 2026
 * ```
 */
export const lunarDateInputSchema = z.object({
  year: z.number().check(z.int()),
  month: z.number().check(z.int(), z.minimum(1), z.maximum(12)),
  day: z.number().check(z.int(), z.minimum(1), z.maximum(30)),
  leap: z.optional(z.boolean()),
});

/**
 * Input of `lunarToSolar`.
 *
 * @example
 * ```ts
 * const gioTo: LunarDateInput = { year: 2026, month: 3, day: 10 };
 * ```
 */
export type LunarDateInput = z.input<typeof lunarDateInputSchema>;
