import * as z from 'zod/mini';
import { HOLIDAY_IDS, type HolidayId } from '../holidays/holiday-ids.js';

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));

/**
 * How sure a schedule entry is: `high` (an official notice or the law, read in a reliable secondary source),
 * `medium` (reported by secondary sources, notice not read), `projected` (no notice yet: the statutory rule).
 *
 * @example
 * ```ts
 * scheduleConfidenceSchema.parse('high'); // 'high'
 * ```
 */
export const scheduleConfidenceSchema = z.enum(['high', 'medium', 'projected']);
/**
 * See {@link scheduleConfidenceSchema}.
 *
 * @example
 * ```ts
 * const c: ScheduleConfidence = 'projected'; // no notice yet: the statutory rule
 * ```
 */
export type ScheduleConfidence = z.infer<typeof scheduleConfidenceSchema>;

/**
 * One dated line of an official day-off schedule (lịch nghỉ lễ, Tết), for a day that differs from the normal
 * Monday–Friday week:
 * - `holiday`: the legal holiday itself (ngày lễ) on a weekday;
 * - `substitute`: the compensating day (nghỉ bù) for a holiday on the weekly rest day, BLLĐ 2019 Điều 111 k3;
 * - `swap_day_off`: a weekday made a day off by a swap (nghỉ hoán đổi);
 * - `swap_working_day`: the Saturday worked to pay it back (làm bù).
 *
 * @example
 * ```ts
 * const e: ScheduleEntry = { date: '2026-01-02', kind: 'swap_day_off', holiday: 'new-year',
 *   occasion: 'Tết Dương lịch 2026', source: 'VPCP 12729/VPCP-KGVX', confidence: 'high' };
 * ```
 */
export const scheduleEntrySchema = z.object({
  date: isoDay,
  kind: z.enum(['holiday', 'substitute', 'swap_day_off', 'swap_working_day']),
  holiday: z.enum(HOLIDAY_IDS as [HolidayId, ...HolidayId[]]),
  /** The occasion as the source words it (Vietnamese). */
  occasion: z.string().check(z.minLength(1)),
  /** The notice, law article or page the line comes from. */
  source: z.string().check(z.minLength(1)),
  confidence: scheduleConfidenceSchema,
});
/**
 * See {@link scheduleEntrySchema}.
 *
 * @example
 * ```ts
 * const e: ScheduleEntry = civilServiceSchedules.find((s) => s.year === 2026)!.entries[0]!;
 * e.occasion; // 'Tết Dương lịch'
 * ```
 */
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

/**
 * A yearly day-off schedule for one audience (civil servants: cán bộ, công chức, viên chức), as fixed by the
 * Prime Minister's notice for that year. Adding a year's notice is a data change: build one of these and pass it
 * to `createWorkCalendar({ schedules })`.
 *
 * `covers` lists the holidays whose days off the schedule fixes; the holidays it does not cover are computed
 * from the statutory rules and marked provisional.
 *
 * @example
 * ```ts
 * const s = dayOffScheduleSchema.parse({ year: 2028, audience: 'civil-service', title: 'Lịch nghỉ 2028',
 *   sources: ['Thông báo …/VPCP-KGVX'], covers: ['tet'], entries: [] });
 * ```
 */
export const dayOffScheduleSchema = z.object({
  year: z.number().check(z.int(), z.minimum(1900), z.maximum(2199)),
  audience: z.literal('civil-service'),
  title: z.string().check(z.minLength(1)),
  sources: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  covers: z.array(z.enum(HOLIDAY_IDS as [HolidayId, ...HolidayId[]])),
  entries: z.array(scheduleEntrySchema),
});
/**
 * See {@link dayOffScheduleSchema}.
 *
 * @example
 * ```ts
 * const schedule2026: DayOffSchedule = civilServiceSchedules.find((s) => s.year === 2026)!;
 * createWorkCalendar({ schedules: [{ ...schedule2026, title: 'Lịch nghỉ 2026 (bản của tỉnh)' }] });
 * ```
 */
export type DayOffSchedule = z.infer<typeof dayOffScheduleSchema>;
