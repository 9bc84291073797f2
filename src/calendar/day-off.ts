import type { CivilDay } from './day.js';
import type { HolidayId } from './holidays/holiday-ids.js';

/**
 * Kinds of day off (loại ngày nghỉ):
 * - `holiday`: a legal holiday (ngày lễ) other than Tết;
 * - `tet`: one of the Tết Âm lịch days (Tết Nguyên đán);
 * - `compensatory`: a compensating day (nghỉ bù) for a holiday on the weekly rest day;
 * - `bridge`: a weekday made a day off by a swap (nghỉ hoán đổi / nghỉ cầu), paid back on a working Saturday;
 * - `extra`: a day off added by the caller (a province's or agency's own decision).
 *
 * @example
 * ```ts
 * daysOff(2026).filter((d) => d.kind === 'tet').map((d) => d.date); // ['2026-02-16', …, '2026-02-20']
 * daysOff(2026).filter((d) => d.kind === 'bridge').map((d) => d.date); // ['2026-01-02', '2026-08-31']
 * ```
 */
export type DayOffKind = 'holiday' | 'tet' | 'compensatory' | 'bridge' | 'extra';

/**
 * Where a day off comes from and how sure it is:
 * `high` / `medium`: an official schedule (notice) read in reliable / secondary sources;
 * `projected`: a schedule line written before the notice; `statutory`: the statutory rules only (no notice);
 * `caller`: the calendar's own `extraDaysOff`.
 *
 * @example
 * ```ts
 * daysOff(2027).filter((d) => d.confidence === 'projected').length; // 4: the 2027 notice was not out yet
 * ```
 */
export type DayOffConfidence = 'high' | 'medium' | 'projected' | 'statutory' | 'caller';

/**
 * One day off (ngày nghỉ) of a calendar.
 *
 * @example
 * ```ts
 * const d: DayOff = daysOff(2026).find((d) => d.date === '2026-02-17')!;
 * d.kind; // 'tet'
 * d.name; // 'Tết Âm lịch (mùng 1)'
 * ```
 */
export interface DayOff {
  readonly date: CivilDay;
  /** 0 = Chủ nhật (Sunday) … 6 = Thứ bảy (Saturday). */
  readonly weekday: number;
  readonly kind: DayOffKind;
  /** The holiday it belongs to; `null` for caller-added days. */
  readonly holiday: HolidayId | null;
  /** Vietnamese name, e.g. `"Nghỉ bù Giỗ Tổ Hùng Vương"`. */
  readonly name: string;
  /** English name. */
  readonly nameEn: string;
  /** The legal source, notice or page. */
  readonly source: string;
  readonly confidence: DayOffConfidence;
  /** True when no official notice fixes this day (statutory rule or projection): results over it may change. */
  readonly provisional: boolean;
  /** True for a legal holiday that falls on the weekly rest day (listed only with `includeRestDays`). */
  readonly onRestDay: boolean;
  /** For `bridge` days: the working Saturday that pays it back, when known. */
  readonly swappedWith?: CivilDay;
  /** The wording of the source line, when it comes from a schedule. */
  readonly note?: string;
}

/**
 * A Saturday (or other rest day) made a working day by a swap (ngày làm bù).
 *
 * @example
 * ```ts
 * workingSaturdays(2026).map((s) => s.date); // ['2026-01-10', '2026-08-22']
 * ```
 */
export interface WorkingSaturday {
  readonly date: CivilDay;
  readonly weekday: number;
  readonly holiday: HolidayId | null;
  /** The weekday off it pays back, when known. */
  readonly swappedWith?: CivilDay;
  readonly name: string;
  readonly nameEn: string;
  readonly source: string;
  readonly confidence: DayOffConfidence;
  readonly provisional: boolean;
}
