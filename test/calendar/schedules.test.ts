import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  civilServiceSchedules,
  dayOffScheduleSchema,
  dayOfWeek,
  daysOff,
  isWorkingDay,
  workingSaturdays,
} from '../../src/calendar/index.js';
import { readSharedCsv } from '../helpers/shared-data.js';

const rows = readSharedCsv('data/domain/vn-civil-service-days-off-2019-2027.csv');
const KIND: Record<string, string> = { substitute: 'compensatory', swap_day_off: 'bridge' };

describe('official civil-service schedules 2019–2027 against the shared data file', () => {
  it('has read the whole data file', () => {
    expect(rows.length).toBe(110);
  });

  it('ships one valid schedule per year 2019–2027', () => {
    expect(civilServiceSchedules.map((s) => s.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const s of civilServiceSchedules) expect(dayOffScheduleSchema.safeParse(s).success).toBe(true);
    const shipped = civilServiceSchedules.flatMap((s) => s.entries.map((e) => `${e.date}|${e.kind}|${e.confidence}`));
    expect(shipped.sort()).toEqual(rows.map((r) => `${r.date}|${r.kind}|${r.confidence}`).sort());
  });

  for (const r of rows) {
    it(`${r.date} ${r.kind} (${r.occasion})`, () => {
      const year = Number(r.date!.slice(0, 4));
      if (r.kind === 'swap_working_day') {
        expect(isWorkingDay(r.date!)).toBe(true);
        expect(workingSaturdays(year).map((s) => s.date)).toContain(r.date);
        expect(dayOfWeek(r.date!)).toBe(6);
      } else {
        expect(isWorkingDay(r.date!)).toBe(false);
        const off = daysOff(year).find((d) => d.date === r.date);
        expect(off, `daysOff(${year}) lists ${r.date}`).toBeDefined();
        const expected = KIND[r.kind!] ?? (r.occasion!.includes('Tết Âm lịch') ? 'tet' : 'holiday');
        expect(off!.kind).toBe(expected);
        expect(off!.provisional).toBe(r.confidence === 'projected');
        expect(off!.source.length).toBeGreaterThan(0);
      }
    });
  }

  it('2019–2026: every other day follows the Monday–Friday week exactly (nothing invented, nothing missing)', () => {
    const listed = new Map(rows.map((r) => [r.date!, r.kind!]));
    let checked = 0;
    for (let d = '2019-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      const kind = listed.get(d);
      const w = dayOfWeek(d);
      const expected = kind === undefined ? w !== 0 && w !== 6 : kind === 'swap_working_day';
      if (isWorkingDay(d) !== expected) throw new Error(`${d}: expected working=${expected}`);
      checked++;
    }
    expect(checked).toBe(2922);
    for (let y = 2019; y <= 2026; y++) {
      const fromCsv = rows.filter((r) => r.date!.startsWith(`${y}-`) && r.kind !== 'swap_working_day').map((r) => r.date);
      expect(daysOff(y).map((d) => d.date)).toEqual(fromCsv);
      expect(workingSaturdays(y).map((d) => d.date)).toEqual(
        rows.filter((r) => r.date!.startsWith(`${y}-`) && r.kind === 'swap_working_day').map((r) => r.date),
      );
    }
  });

  it('2027: the notice days, the projected days flagged provisional, and 24/11 from the statutory rule', () => {
    const d2027 = daysOff(2027);
    const fromCsv = rows.filter((r) => r.date!.startsWith('2027-')).map((r) => r.date);
    expect(d2027.map((d) => d.date)).toEqual([...fromCsv, '2027-11-24']);
    const culture = d2027.find((d) => d.date === '2027-11-24')!;
    expect(culture).toMatchObject({ holiday: 'culture-day', provisional: true, confidence: 'statutory' });
    expect(d2027.filter((d) => d.holiday === 'tet').every((d) => !d.provisional && d.confidence === 'medium')).toBe(true);
  });

  it('pairs each swapped day off with the Saturday that pays it back', () => {
    const pairs = [
      ['2018-12-31', '2019-01-05'],
      ['2019-04-29', '2019-05-04'],
      ['2024-04-29', '2024-05-04'],
      ['2025-05-02', '2025-04-26'],
      ['2026-01-02', '2026-01-10'],
      ['2026-08-31', '2026-08-22'],
    ];
    for (const [off, work] of pairs) {
      const y = Number(off!.slice(0, 4));
      expect(daysOff(y).find((d) => d.date === off)?.swappedWith).toBe(work);
      const wy = Number(work!.slice(0, 4));
      expect(workingSaturdays(wy).find((s) => s.date === work)?.swappedWith).toBe(off);
    }
  });

  it('lists legal holidays on rest days only on request', () => {
    expect(daysOff(2026).some((d) => d.date === '2026-04-26')).toBe(false);
    const withRest = daysOff(2026, { includeRestDays: true }).find((d) => d.date === '2026-04-26');
    expect(withRest).toMatchObject({ holiday: 'hung-kings', onRestDay: true, kind: 'holiday' });
  });
});
