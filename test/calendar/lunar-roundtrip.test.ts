import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { dayNumberFromParts, formatDayNumber } from '../../src/calendar/day.js';
import {
  lunarDateOfDayNumber,
  lunarMonthLength,
  lunarNewYearDayNumber,
  lunarToDayNumber,
  lunarToSolar,
  lunarYear,
  lunarYearEndDayNumber,
  solarToLunar,
} from '../../src/calendar/lunar/index.js';
import { VnEgovError } from '../../src/errors/index.js';

const FIRST = dayNumberFromParts(1900, 1, 1);
const LAST = dayNumberFromParts(2199, 12, 31);

describe('lunar calendar structure and round trips, 1900–2199', () => {
  it('round-trips every day 1900-01-01 … 2199-12-31: lunarToSolar(solarToLunar(d)) === d', () => {
    let previous = solarToLunar(formatDayNumber(FIRST));
    const failures: string[] = [];
    for (let n = FIRST; n <= LAST; n++) {
      const day = formatDayNumber(n);
      const lunar = solarToLunar(day);
      if (lunarToSolar(lunar) !== day) failures.push(day);
      // Consecutive days: the next lunar day, or day 1 of the next month.
      if (n > FIRST) {
        const next = lunar.day === previous.day + 1 && lunar.month === previous.month && lunar.leap === previous.leap && lunar.year === previous.year;
        if (!next && lunar.day !== 1) failures.push(`${day} not consecutive`);
      }
      previous = lunar;
    }
    expect(failures).toEqual([]);
  });

  it('has months of 29 or 30 days, years of 12 or 13 months, consecutive month numbers and one leap month at most', () => {
    for (let year = 1899; year <= 2199; year++) {
      const y = lunarYear(year);
      expect([12, 13]).toContain(y.months.length);
      expect(y.leapMonth !== 0).toBe(y.months.length === 13);
      expect(y.leaps.filter(Boolean).length).toBe(y.leapMonth === 0 ? 0 : 1);
      // Numbers run 1…12, the leap month repeating the previous number.
      const withoutLeap = y.months.filter((_, i) => !y.leaps[i]);
      expect(withoutLeap).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      y.months.forEach((m, i) => {
        if (y.leaps[i]) expect(m).toBe(y.months[i - 1]);
        const length = y.starts[i + 1]! - y.starts[i]!;
        expect([29, 30]).toContain(length);
        expect(lunarMonthLength(year, m, y.leaps[i]!)).toBe(length);
      });
      // Years chain: the day after the eve is the next Tết; Tết falls between 21/01 and 20/02.
      expect(lunarYearEndDayNumber(year) + 1).toBe(lunarNewYearDayNumber(year + 1));
      const tet = lunarNewYearDayNumber(year);
      expect(tet).toBeGreaterThanOrEqual(dayNumberFromParts(year, 1, 21));
      expect(tet).toBeLessThanOrEqual(dayNumberFromParts(year, 2, 20));
      expect(lunarToDayNumber(year, 1, 1, false)).toBe(tet);
    }
  });

  it('answers cached year queries fast (holiday rules call these for every year 2014–2199)', () => {
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) {
      for (let year = 2014; year <= 2199; year++) {
        lunarNewYearDayNumber(year);
        lunarToDayNumber(year, 3, 10, false);
        lunarYearEndDayNumber(year);
      }
    }
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('independence from the host time zone', () => {
  async function snapshot(): Promise<string> {
    vi.resetModules();
    const m = await import('../../src/calendar/lunar/index.js');
    const out: unknown[] = [];
    for (let year = 1900; year <= 2199; year += 7) {
      out.push(m.lunarNewYearDayNumber(year), m.leapMonthOf(year), m.lunarToSolar({ year, month: 8, day: 15 }));
    }
    out.push(m.solarToLunar(new Date('2026-02-16T17:00:00Z')), m.solarToLunar(new Date('2026-02-16T16:59:59Z')));
    out.push(m.canChiOfDay(new Date('1999-12-31T17:00:00Z')));
    return JSON.stringify(out);
  }

  it('gives identical results whatever process.env.TZ', async () => {
    const saved = process.env.TZ;
    try {
      const results: string[] = [];
      for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = tz;
        results.push(await snapshot());
      }
      expect(new Set(results).size).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('fuzz: only VnEgovError escapes', () => {
  const anything = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.date({ noInvalidDate: false }),
    fc.record({ year: fc.integer({ min: 1700, max: 2300 }), month: fc.integer({ min: -1, max: 14 }), day: fc.integer({ min: -1, max: 32 }), leap: fc.boolean() }),
    fc.record({ year: fc.double(), month: fc.double(), day: fc.double() }),
  );

  function onlyVnEgovError(f: () => unknown): void {
    try {
      f();
    } catch (e) {
      if (!(e instanceof VnEgovError)) throw e;
      expect(['INVALID_DATE', 'DATE_OUT_OF_RANGE', 'INVALID_LUNAR_DATE']).toContain(e.code);
    }
  }

  it('solarToLunar', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.integer({ min: FIRST - 400, max: LAST + 400 }).map(formatDayNumber)), (input) => {
        onlyVnEgovError(() => solarToLunar(input as string));
      }),
      { numRuns: 3000 },
    );
  });

  it('lunarToSolar (valid results round-trip)', () => {
    fc.assert(
      fc.property(anything, (input) => {
        onlyVnEgovError(() => {
          const day = lunarToSolar(input as never);
          const back = solarToLunar(day);
          const i = input as { year: number; month: number; day: number; leap?: boolean };
          expect(back).toEqual({ year: i.year, month: i.month, day: i.day, leap: i.leap ?? false });
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('lunarDateOfDayNumber agrees with solarToLunar on random days', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (n) => {
        expect(lunarDateOfDayNumber(n)).toEqual(solarToLunar(formatDayNumber(n)));
      }),
    );
  });
});
