import * as z from 'zod/mini';
import { parseWith } from '../errors/index.js';
import {
  dayNumberFromParts,
  describe,
  fail,
  formatDayNumber,
  toDayNumber,
  weekdayOf,
  type CivilDay,
  type DayInput,
} from './day.js';
import type { DayOff, WorkingSaturday } from './day-off.js';
import { civilServiceSchedules } from './schedules/index.js';
import { dayOffScheduleSchema, type DayOffSchedule } from './schedules/schema.js';
import { minutesOf, TIME_OF_DAY_RE, toVietnamTime, type InstantInput } from './time-of-day.js';
import { buildYearDaysOff } from './year-days-off.js';

/**
 * First and last calendar years supported by working-day arithmetic.
 *
 * @example
 * ```ts
 * WORKING_DAY_RANGE; // { fromYear: 2014, toYear: 2199 }
 * ```
 */
export const WORKING_DAY_RANGE = { fromYear: 2014, toYear: 2199 } as const;

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));
const hhmm = z.string().check(z.regex(TIME_OF_DAY_RE, 'HH:mm'));

/**
 * A day added to or removed from a calendar by the caller, with an optional name and source.
 *
 * @example
 * ```ts
 * extraDaySchema.parse('2026-09-01');
 * extraDaySchema.parse({ date: '2026-09-01', name: 'Nghỉ theo quyết định của tỉnh', source: 'QĐ …/QĐ-UBND' });
 * ```
 */
export const extraDaySchema = z.union([
  isoDay,
  z.object({ date: isoDay, name: z.optional(z.string().check(z.minLength(1))), source: z.optional(z.string().check(z.minLength(1))) }),
]);
/**
 * See {@link extraDaySchema}.
 *
 * @example
 * ```ts
 * const day: ExtraDay = { date: '2026-09-01', name: 'Nghỉ theo quyết định của tỉnh' };
 * createWorkCalendar({ extraDaysOff: [day] });
 * ```
 */
export type ExtraDay = z.infer<typeof extraDaySchema>;

/**
 * Options of {@link createWorkCalendar} (tùy chọn lịch làm việc).
 *
 * @example
 * ```ts
 * workCalendarOptionsSchema.parse({ workingWeekdays: [1, 2, 3, 4, 5, 6], cutoff: '16:00' });
 * ```
 */
export const workCalendarOptionsSchema = z.strictObject({
    /** Weekdays worked: 0 = Sunday … 6 = Saturday. Default Monday–Friday (civil servants). */
    workingWeekdays: z.optional(z.array(z.number().check(z.int(), z.minimum(0), z.maximum(6))).check(z.minLength(1), z.maxLength(7))),
    /** Extra days off (a province's or agency's decision). */
    extraDaysOff: z.optional(z.array(extraDaySchema)),
    /** Extra working days (override days off and rest days). */
    extraWorkingDays: z.optional(z.array(extraDaySchema)),
    /** Schedules to add or replace (by year) on top of the shipped civil-service schedules. */
    schedules: z.optional(z.array(dayOffScheduleSchema)),
    /** `false` ignores the shipped official schedules and uses the statutory rules only. Default `true`. */
    officialSchedules: z.optional(z.boolean()),
    /**
     * Cut-off time of day (giờ tiếp nhận cuối): a dossier received after it counts from the next working day.
     * Default `"15:00"` (NĐ 61/2018 Điều 18 k2; NĐ 118/2025 Điều 18 k2). `null` disables the cut-off.
     */
    cutoff: z.optional(z.nullable(hhmm)),
    /** Office hours; a receipt after `end` counts from the next working day. Default none (only the cut-off applies). */
    workingHours: z.optional(z.object({ start: hhmm, end: hhmm })),
});
/**
 * Input type of {@link workCalendarOptionsSchema}.
 *
 * @example
 * ```ts
 * const options: WorkCalendarOptions = { workingWeekdays: [1, 2, 3, 4, 5, 6], cutoff: null };
 * createWorkCalendar(options);
 * ```
 */
export type WorkCalendarOptions = z.input<typeof workCalendarOptionsSchema>;

/**
 * Options of `daysOff`.
 *
 * @example
 * ```ts
 * daysOff(2026, { includeRestDays: true }).length; // 15 (14 without the holidays on a weekend)
 * ```
 */
export interface DaysOffOptions {
  /** Also list legal holidays that fall on the weekly rest day (flagged `onRestDay`). Default `false`. */
  includeRestDays?: boolean;
}

/**
 * The day from which a processing time is counted, for a dossier received at a given instant.
 *
 * @example
 * ```ts
 * const r: ReceiptDay = createWorkCalendar().receiptDay('2026-02-13 16:00');
 * r.startDay; // '2026-02-23'
 * r.reason;   // 'after-cutoff'
 * ```
 */
export interface ReceiptDay {
  /** When it was received (Vietnam time, ISO with `+07:00`). */
  readonly receivedAt: string;
  /** The Vietnamese calendar day of the receipt. */
  readonly receivedDay: CivilDay;
  /** The day counting starts from (day 0): the receipt day, or the next working day. */
  readonly startDay: CivilDay;
  /** Why the start day moved: after the cut-off, after office hours, or on a day that is not a working day. */
  readonly reason: 'same-day' | 'after-cutoff' | 'after-hours' | 'not-a-working-day';
}

/**
 * A due date in working days, with whether the calendar behind it is provisional.
 *
 * @example
 * ```ts
 * const d: Deadline = createWorkCalendar().deadline('2026-02-13 16:00', 15);
 * d.dueDay;      // '2026-03-16'
 * d.provisional; // false
 * ```
 */
export interface Deadline extends ReceiptDay {
  /** Processing time in working days. */
  readonly workingDays: number;
  /** The due day (ngày hẹn trả): `workingDays` working days after the start day. */
  readonly dueDay: CivilDay;
  /** True when some day off in (startDay, dueDay] is provisional, or the span reaches a year without a notice. */
  readonly provisional: boolean;
  /** The provisional days off in the span. */
  readonly provisionalDaysOff: readonly DayOff[];
  /** Every day off that was skipped in (startDay, dueDay]. */
  readonly daysOffSkipped: readonly DayOff[];
}

/**
 * A working-day calendar (lịch làm việc): working-day arithmetic over the official day-off schedules, a week,
 * extra days and a cut-off time. Plain, pure and fast (precomputed per year).
 *
 * @example
 * ```ts
 * const calendar: WorkCalendar = createWorkCalendar();
 * calendar.isWorkingDay('2026-02-16'); // false (Tết Bính Ngọ)
 * ```
 */
export interface WorkCalendar {
  /** Whether the day is a working day (ngày làm việc). */
  isWorkingDay(day: DayInput): boolean;
  /**
   * The day `n` working days after `day` (before it when `n < 0`). A day off is first moved to the next working
   * day, so `n = 0` gives `day` itself or the next working day, and `add(add(d, n), -n) = add(d, 0)`.
   */
  addWorkingDays(day: DayInput, n: number): CivilDay;
  /** The number of working days `d` with `from < d ≤ to` (negative when `to < from`). */
  workingDaysBetween(from: DayInput, to: DayInput): number;
  /** The first working day strictly after `day`. */
  nextWorkingDay(day: DayInput): CivilDay;
  /** The last working day strictly before `day`. */
  previousWorkingDay(day: DayInput): CivilDay;
  /** The days off of a year that fall on what would otherwise be working days (and caller-added ones). */
  daysOff(year: number, options?: DaysOffOptions): DayOff[];
  /** The rest days made working days by swaps in a year (ngày làm bù). */
  workingSaturdays(year: number): WorkingSaturday[];
  /** The days off in `from ≤ d ≤ to` that are provisional (no official notice). */
  provisionalDaysOff(from: DayInput, to: DayInput): DayOff[];
  /** Whether a year's days off are fixed by an official schedule (possibly partly projected). */
  hasOfficialSchedule(year: number): boolean;
  /** The day counting starts from for a dossier received at `receivedAt` (cut-off rule). */
  receiptDay(receivedAt: InstantInput): ReceiptDay;
  /** The due day of a dossier received at `receivedAt` with a processing time of `workingDays`. */
  deadline(receivedAt: InstantInput, workingDays: number): Deadline;
}

interface YearTable {
  readonly year: number;
  readonly start: number;
  readonly length: number;
  /** 1 = working day. */
  readonly flags: Uint8Array;
  /** cum[i] = working days among the first i days of the year. */
  readonly cum: Int32Array;
  /** Offsets (from start) of the working days, in order. */
  readonly list: Int32Array;
  readonly total: number;
  /** Day offs of the year as seen by this calendar (week applied), including rest-day holidays. */
  readonly daysOff: DayOff[];
  readonly workingSaturdays: WorkingSaturday[];
  readonly hasSchedule: boolean;
  readonly anyProvisional: boolean;
  readonly strings: (string | undefined)[];
}

const FIRST = dayNumberFromParts(WORKING_DAY_RANGE.fromYear, 1, 1);
const LAST = dayNumberFromParts(WORKING_DAY_RANGE.toYear, 12, 31);
const YEAR_STARTS: Int32Array = (() => {
  const a = new Int32Array(WORKING_DAY_RANGE.toYear - WORKING_DAY_RANGE.fromYear + 2);
  for (let i = 0; i < a.length; i++) a[i] = dayNumberFromParts(WORKING_DAY_RANGE.fromYear + i, 1, 1);
  return a;
})();

function yearIndexOf(n: number): number {
  let i = Math.floor((n - FIRST) / 365.2425);
  if (i < 0) i = 0;
  while (i > 0 && YEAR_STARTS[i]! > n) i--;
  while (i + 1 < YEAR_STARTS.length && YEAR_STARTS[i + 1]! <= n) i++;
  return i;
}

function outOfRange(n: number, name: string): never {
  fail(
    'DATE_OUT_OF_RANGE',
    `Ngoài phạm vi lịch làm việc / working-day arithmetic supports ${WORKING_DAY_RANGE.fromYear}-01-01 to ${WORKING_DAY_RANGE.toYear}-12-31, got ${formatDayNumber(n)} (${name})`,
    [name],
  );
}

function checkInteger(n: unknown, name: string): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    fail('INVALID_ARGUMENT', `${name} phải là số nguyên / ${name} must be an integer, got ${describe(n)}`, [name]);
  }
}

function extraDate(e: ExtraDay): string {
  return typeof e === 'string' ? e : e.date;
}

/**
 * Creates a working-day calendar. The default (no options) is the civil-service calendar: Monday–Friday, the
 * official schedules 2019–2027 shipped with the library, the statutory rules for other years (provisional), and
 * the 15:00 cut-off.
 *
 * @throws VnEgovError `INVALID_OPTIONS` when the options fail {@link workCalendarOptionsSchema}.
 * @example
 * ```ts
 * // A ward that works Saturday mornings counted as full days, and a province's extra day off:
 * const cal = createWorkCalendar({ workingWeekdays: [1, 2, 3, 4, 5, 6], extraDaysOff: ['2026-03-09'] });
 * cal.addWorkingDays('2026-03-06', 1); // '2026-03-07' (Saturday)
 * cal.deadline('2026-02-13 16:00', 15).dueDay; // counted from Mon 23/02 after Tết
 * ```
 */
export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  const opts = parseWith(workCalendarOptionsSchema, options, 'INVALID_OPTIONS', 'Tùy chọn lịch làm việc không hợp lệ / invalid calendar options');
  const weekMask = new Uint8Array(7);
  for (const w of opts.workingWeekdays ?? [1, 2, 3, 4, 5]) weekMask[w] = 1;
  const schedules = new Map<number, DayOffSchedule>();
  if (opts.officialSchedules !== false) for (const s of civilServiceSchedules) schedules.set(s.year, s);
  for (const s of opts.schedules ?? []) schedules.set(s.year, s);
  for (const s of schedules.values()) {
    for (const [i, e] of s.entries.entries()) {
      try {
        toDayNumber(e.date);
      } catch {
        fail('INVALID_SCHEDULE', `Lịch nghỉ ${s.year}: ngày không tồn tại / no such day ${e.date}`, ['schedules', s.year, 'entries', i, 'date']);
      }
    }
  }
  const extraOff = new Map<number, ExtraDay>();
  for (const [i, e] of (opts.extraDaysOff ?? []).entries()) extraOff.set(toDayNumber(extraDate(e), `extraDaysOff.${i}`), e);
  const extraWork = new Map<number, ExtraDay>();
  for (const [i, e] of (opts.extraWorkingDays ?? []).entries()) extraWork.set(toDayNumber(extraDate(e), `extraWorkingDays.${i}`), e);
  const cutoffSec = opts.cutoff === null ? null : minutesOf(opts.cutoff ?? '15:00') * 60;
  const hoursEndSec = opts.workingHours ? minutesOf(opts.workingHours.end) * 60 : null;

  const tables: (YearTable | undefined)[] = new Array(YEAR_STARTS.length - 1);

  function buildTable(index: number): YearTable {
    const year = WORKING_DAY_RANGE.fromYear + index;
    const start = YEAR_STARTS[index]!;
    const length = YEAR_STARTS[index + 1]! - start;
    const base = buildYearDaysOff(year, schedules);
    const flags = new Uint8Array(length);
    for (let i = 0; i < length; i++) flags[i] = weekMask[weekdayOf(start + i)]!;
    const daysOff: DayOff[] = [];
    for (const s of base.workingSaturdays) flags[toDayNumber(s.date) - start] = 1;
    for (const d of base.daysOff) {
      const o = toDayNumber(d.date) - start;
      const otherwiseWorking = flags[o] === 1;
      flags[o] = 0;
      daysOff.push(d.onRestDay === !otherwiseWorking ? d : { ...d, onRestDay: !otherwiseWorking });
    }
    for (const [n, e] of extraOff) {
      if (n < start || n >= start + length) continue;
      const o = n - start;
      const existing = daysOff.findIndex((d) => d.date === formatDayNumber(n));
      if (existing >= 0) continue;
      daysOff.push({
        date: formatDayNumber(n),
        weekday: weekdayOf(n),
        kind: 'extra',
        holiday: null,
        name: typeof e === 'string' ? 'Ngày nghỉ bổ sung' : (e.name ?? 'Ngày nghỉ bổ sung'),
        nameEn: 'Additional day off',
        source: typeof e === 'string' ? 'caller' : (e.source ?? 'caller'),
        confidence: 'caller',
        provisional: false,
        onRestDay: flags[o] === 0 && weekMask[weekdayOf(n)] === 0,
      });
      flags[o] = 0;
    }
    daysOff.sort((a, b) => (a.date < b.date ? -1 : 1));
    const workingSaturdays = [...base.workingSaturdays];
    for (const [n, e] of extraWork) {
      if (n < start || n >= start + length) continue;
      flags[n - start] = 1;
      const date = formatDayNumber(n);
      const i = daysOff.findIndex((d) => d.date === date);
      if (i >= 0) daysOff.splice(i, 1);
      if (weekMask[weekdayOf(n)] === 0 && !workingSaturdays.some((s) => s.date === date)) {
        workingSaturdays.push({
          date,
          weekday: weekdayOf(n),
          holiday: null,
          name: typeof e === 'string' ? 'Ngày làm việc bổ sung' : (e.name ?? 'Ngày làm việc bổ sung'),
          nameEn: 'Additional working day',
          source: typeof e === 'string' ? 'caller' : (e.source ?? 'caller'),
          confidence: 'caller',
          provisional: false,
        });
      }
    }
    workingSaturdays.sort((a, b) => (a.date < b.date ? -1 : 1));
    const cum = new Int32Array(length + 1);
    let total = 0;
    for (let i = 0; i < length; i++) {
      total += flags[i]!;
      cum[i + 1] = total;
    }
    const list = new Int32Array(total);
    for (let i = 0, k = 0; i < length; i++) if (flags[i] === 1) list[k++] = i;
    return {
      year,
      start,
      length,
      flags,
      cum,
      list,
      total,
      daysOff,
      workingSaturdays,
      hasSchedule: base.hasSchedule,
      anyProvisional: !base.hasSchedule || daysOff.some((d) => d.provisional),
      strings: new Array(length),
    };
  }

  function table(index: number): YearTable {
    return (tables[index] ??= buildTable(index));
  }

  function dayArg(day: DayInput, name = 'day'): number {
    const n = toDayNumber(day, name);
    if (n < FIRST || n > LAST) outOfRange(n, name);
    return n;
  }

  function str(t: YearTable, offset: number): CivilDay {
    return (t.strings[offset] ??= formatDayNumber(t.start + offset));
  }

  function yearArg(year: unknown): number {
    checkInteger(year, 'year');
    if (year < WORKING_DAY_RANGE.fromYear || year > WORKING_DAY_RANGE.toYear) {
      fail('DATE_OUT_OF_RANGE', `Năm ngoài phạm vi / year must be ${WORKING_DAY_RANGE.fromYear}–${WORKING_DAY_RANGE.toYear}, got ${year}`, ['year']);
    }
    return year - WORKING_DAY_RANGE.fromYear;
  }

  /** The day at working-day ordinal `target` counted in year `yi` (may spill into other years). */
  function seek(yi: number, target: number): CivilDay {
    let t = table(yi);
    while (target > t.total) {
      target -= t.total;
      if (++yi >= tables.length) fail('DATE_OUT_OF_RANGE', `Kết quả vượt quá năm ${WORKING_DAY_RANGE.toYear} / result beyond ${WORKING_DAY_RANGE.toYear}-12-31`, ['n']);
      t = table(yi);
    }
    while (target < 1) {
      if (--yi < 0) fail('DATE_OUT_OF_RANGE', `Kết quả trước năm ${WORKING_DAY_RANGE.fromYear} / result before ${WORKING_DAY_RANGE.fromYear}-01-01`, ['n']);
      t = table(yi);
      target += t.total;
    }
    return str(t, t.list[target - 1]!);
  }

  function addWorkingDays(day: DayInput, n: number): CivilDay {
    const d = dayArg(day);
    checkInteger(n, 'n');
    const yi = yearIndexOf(d);
    const t = table(yi);
    const o = d - t.start;
    const k = t.cum[o + 1]!; // working days in the year up to and including d
    // A day off is first moved to the next working day (ordinal k + 1), like a dossier received on a day off;
    // then n working days are added (or |n| subtracted). This keeps add(add(d, n), -n) = add(d, 0) for every d.
    const base = t.flags[o] === 1 ? k : k + 1;
    if (n === 0 && base === k) return str(t, o);
    return seek(yi, base + n);
  }

  function countUpTo(d: number): { yi: number; k: number } {
    const yi = yearIndexOf(d);
    const t = table(yi);
    return { yi, k: t.cum[d - t.start + 1]! };
  }

  function workingDaysBetween(from: DayInput, to: DayInput): number {
    const a = dayArg(from, 'from');
    const b = dayArg(to, 'to');
    if (a === b) return 0;
    const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
    const x = countUpTo(lo);
    const y = countUpTo(hi);
    let count = y.k - x.k;
    for (let i = x.yi; i < y.yi; i++) count += table(i).total;
    return sign * count;
  }

  function isWorkingDay(day: DayInput): boolean {
    const d = dayArg(day);
    const t = table(yearIndexOf(d));
    return t.flags[d - t.start] === 1;
  }

  function daysOffIn(a: number, b: number): DayOff[] {
    const out: DayOff[] = [];
    for (let yi = yearIndexOf(a); yi <= yearIndexOf(b); yi++) {
      for (const d of table(yi).daysOff) {
        const n = toDayNumber(d.date);
        if (n >= a && n <= b && !d.onRestDay) out.push(d);
      }
    }
    return out;
  }

  function receiptDay(receivedAt: InstantInput): ReceiptDay {
    const t = toVietnamTime(receivedAt);
    if (t.dayNumber < FIRST || t.dayNumber > LAST) outOfRange(t.dayNumber, 'receivedAt');
    const receivedDay = formatDayNumber(t.dayNumber);
    const iso = `${receivedDay}T${t.time}:${String(t.secondOfDay % 60).padStart(2, '0')}+07:00`;
    let reason: ReceiptDay['reason'] = 'same-day';
    if (!isWorkingDay(receivedDay)) reason = 'not-a-working-day';
    else if (cutoffSec !== null && t.secondOfDay > cutoffSec) reason = 'after-cutoff';
    else if (hoursEndSec !== null && t.secondOfDay > hoursEndSec) reason = 'after-hours';
    const startDay = reason === 'same-day' ? receivedDay : addWorkingDays(receivedDay, reason === 'not-a-working-day' ? 0 : 1);
    return { receivedAt: iso, receivedDay, startDay, reason };
  }

  const calendar: WorkCalendar = {
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay: (day) => addWorkingDays(day, 1),
    previousWorkingDay: (day) => addWorkingDays(day, -1),
    daysOff(year, options = {}) {
      const t = table(yearArg(year));
      return options.includeRestDays ? [...t.daysOff] : t.daysOff.filter((d) => !d.onRestDay);
    },
    workingSaturdays(year) {
      return [...table(yearArg(year)).workingSaturdays];
    },
    provisionalDaysOff(from, to) {
      const a = dayArg(from, 'from');
      const b = dayArg(to, 'to');
      return daysOffIn(Math.min(a, b), Math.max(a, b)).filter((d) => d.provisional);
    },
    hasOfficialSchedule(year) {
      return table(yearArg(year)).hasSchedule;
    },
    receiptDay,
    deadline(receivedAt, workingDays) {
      checkInteger(workingDays, 'workingDays');
      if (workingDays < 0) fail('INVALID_ARGUMENT', `Thời hạn phải ≥ 0 / workingDays must be ≥ 0, got ${workingDays}`, ['workingDays']);
      const r = receiptDay(receivedAt);
      const dueDay = addWorkingDays(r.startDay, workingDays);
      const a = toDayNumber(r.startDay) + 1;
      const b = toDayNumber(dueDay);
      const skipped = b >= a ? daysOffIn(a, b) : [];
      const provisionalDaysOff = skipped.filter((d) => d.provisional);
      let noNotice = false;
      for (let yi = yearIndexOf(toDayNumber(r.startDay)); yi <= yearIndexOf(b); yi++) if (!table(yi).hasSchedule) noNotice = true;
      return {
        ...r,
        workingDays,
        dueDay,
        provisional: provisionalDaysOff.length > 0 || noNotice,
        provisionalDaysOff,
        daysOffSkipped: skipped,
      };
    },
  };
  return calendar;
}



