import { formatDayNumber, toDayNumber, weekdayOf } from './day.js';
import type { DayOff, DayOffConfidence, WorkingSaturday } from './day-off.js';
import { HOLIDAY_NAMES, type HolidayId } from './holidays/holiday-ids.js';
import { statutoryDays } from './holidays/statutory.js';
import { solarToLunar } from './lunar/index.js';
import type { DayOffSchedule, ScheduleEntry } from './schedules/schema.js';

/** Everything a year contributes to a calendar, before the caller's week and extra days. @internal */
export interface YearDaysOff {
  readonly year: number;
  /** Days off, including legal holidays on rest days (`onRestDay`). */
  readonly daysOff: DayOff[];
  readonly workingSaturdays: WorkingSaturday[];
  /** Whether an official schedule exists for the year (even a partial one). */
  readonly hasSchedule: boolean;
}

function tetLabel(day: number): string {
  const l = solarToLunar(formatDayNumber(day));
  return l.month === 1 ? `mùng ${l.day}` : `${l.day} tháng Chạp`;
}

function names(holiday: HolidayId, kind: DayOff['kind'], day: number, adjacent = false): { name: string; nameEn: string } {
  const base = HOLIDAY_NAMES[holiday];
  if (kind === 'compensatory') return { name: `Nghỉ bù ${base.vi}`, nameEn: `${base.en} (compensatory day)` };
  if (kind === 'bridge') return { name: `Nghỉ hoán đổi dịp ${base.vi}`, nameEn: `${base.en} (swapped day off)` };
  if (holiday === 'tet') {
    const label = tetLabel(day);
    return { name: `${base.vi} (${label})`, nameEn: `${base.en} (${label})` };
  }
  if (holiday === 'national-day' && adjacent) return { name: `${base.vi} (ngày liền kề)`, nameEn: `${base.en} (adjacent day)` };
  return { name: base.vi, nameEn: base.en };
}

function fromEntry(e: ScheduleEntry): DayOff {
  const day = toDayNumber(e.date, 'schedule.entries.date');
  const kind = e.kind === 'substitute' ? 'compensatory' : e.kind === 'swap_day_off' ? 'bridge' : e.holiday === 'tet' ? 'tet' : 'holiday';
  const adjacent = e.holiday === 'national-day' && kind === 'holiday' && !e.date.endsWith('-09-02');
  const confidence: DayOffConfidence = e.confidence;
  return {
    date: e.date,
    weekday: weekdayOf(day),
    kind,
    holiday: e.holiday,
    ...names(e.holiday, kind, day, adjacent),
    source: e.source,
    confidence,
    provisional: e.confidence === 'projected',
    onRestDay: false,
    note: e.occasion,
  };
}

/**
 * Merges the statutory rules and the schedules for one year: the holidays a schedule covers come from it; the
 * others from the statutory rules (provisional). Schedule lines of other years' schedules that fall in this year
 * (e.g. 31/12/2018 from the 2019 notice) are included. @internal
 */
export function buildYearDaysOff(year: number, schedules: ReadonlyMap<number, DayOffSchedule>): YearDaysOff {
  const schedule = schedules.get(year);
  const covered = new Set<HolidayId>(schedule?.covers ?? []);
  const daysOff: DayOff[] = [];
  const workingSaturdays: WorkingSaturday[] = [];
  const seen = new Set<string>();

  const entries: ScheduleEntry[] = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const e of schedules.get(y)?.entries ?? []) if (e.date.startsWith(`${year}-`)) entries.push(e);
  }
  const offEntries = entries.filter((e) => e.kind !== 'swap_working_day');
  const workEntries = entries.filter((e) => e.kind === 'swap_working_day');
  for (const e of offEntries) {
    if (seen.has(e.date)) continue;
    seen.add(e.date);
    const d = fromEntry(e);
    if (e.kind === 'swap_day_off') {
      const partner = findPartner(schedules, e);
      daysOff.push(partner ? { ...d, swappedWith: partner.date } : d);
    } else daysOff.push(d);
  }
  for (const w of workEntries) {
    const day = toDayNumber(w.date, 'schedule.entries.date');
    const partner = findPartner(schedules, w);
    const base = HOLIDAY_NAMES[w.holiday];
    workingSaturdays.push({
      date: w.date,
      weekday: weekdayOf(day),
      holiday: w.holiday,
      ...(partner ? { swappedWith: partner.date } : {}),
      name: `Làm bù dịp ${base.vi}`,
      nameEn: `Working day in exchange for a day off (${base.en})`,
      source: w.source,
      confidence: w.confidence,
      provisional: w.confidence === 'projected',
    });
  }

  for (const s of statutoryDays(year)) {
    const date = formatDayNumber(s.day);
    if (seen.has(date)) continue;
    if (covered.has(s.holiday)) {
      // The schedule fixes this holiday's days off; keep only the legal date itself when it falls on a rest day,
      // so that calendars with another week (e.g. Saturday work) still see the holiday.
      if (!(s.kind === 'holiday' && s.legalDate && s.onRestDay && s.holiday !== 'tet')) continue;
    }
    seen.add(date);
    const kind = s.kind === 'substitute' ? 'compensatory' : s.holiday === 'tet' ? 'tet' : 'holiday';
    const official = covered.has(s.holiday);
    daysOff.push({
      date,
      weekday: weekdayOf(s.day),
      kind,
      holiday: s.holiday,
      ...names(s.holiday, kind, s.day, s.holiday === 'national-day' && !s.legalDate),
      source: s.source,
      confidence: official ? 'high' : 'statutory',
      provisional: !official,
      onRestDay: s.kind === 'holiday' && s.onRestDay,
      note: s.note,
    });
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  workingSaturdays.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { year, daysOff, workingSaturdays, hasSchedule: schedule !== undefined };
}

function findPartner(schedules: ReadonlyMap<number, DayOffSchedule>, e: ScheduleEntry): ScheduleEntry | undefined {
  const want = e.kind === 'swap_day_off' ? 'swap_working_day' : 'swap_day_off';
  const y = Number(e.date.slice(0, 4));
  const at = toDayNumber(e.date);
  for (const yy of [y - 1, y, y + 1]) {
    // The two halves of a swap belong to the same holiday and lie within a few weeks of each other.
    const found = schedules.get(yy)?.entries.find(
      (x) => x.kind === want && x.holiday === e.holiday && Math.abs(toDayNumber(x.date) - at) <= 60,
    );
    if (found) return found;
  }
  return undefined;
}
