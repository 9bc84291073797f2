import { describe, expect, it } from 'vitest';
import { formatDayNumber } from '../../src/calendar/day.js';
import { jdOfVnMidnight, meanLunationBefore, newMoonJd, solarTermJd } from '../../src/calendar/lunar/astronomy.js';
import { lunarToSolar, lunarYear } from '../../src/calendar/lunar/index.js';
import reference from '../fixtures/calendar/lunar-reference.json' with { type: 'json' };
import pythonHolidays from '../fixtures/calendar/lunar-python-holidays.json' with { type: 'json' };

interface RefYear {
  year: number;
  tet: string;
  gioTo: string;
  leapMonth: number;
  monthStarts: string[];
  nextTet: string;
  closestEvent: { kind: string; at: string; marginMinutes: number };
}

function libraryRow(year: number): Omit<RefYear, 'closestEvent'> {
  const y = lunarYear(year);
  return {
    year,
    tet: formatDayNumber(y.starts[0]!),
    gioTo: lunarToSolar({ year, month: 3, day: 10 }),
    leapMonth: y.leapMonth,
    monthStarts: y.starts.slice(0, -1).map(formatDayNumber),
    nextTet: formatDayNumber(y.starts[y.starts.length - 1]!),
  };
}

/** Minutes between a UT Julian Day and the nearest 00:00 at UTC+7. */
function minutesFromVnMidnight(jd: number): number {
  const day = Math.round(jd - jdOfVnMidnight(0));
  return (jd - jdOfVnMidnight(day)) * 1440;
}

/**
 * Years where the library and the astronomy-engine reference genuinely disagree: the deciding event falls
 * seconds from 00:00 at UTC+7, below the accuracy of either ephemeris (Meeus ch. 49 new moons agree with
 * the reference to 5 s rms / 19 s max over 1900–2100, solar terms to 15 s rms / 48 s max).
 * A third opinion was taken once (astronomia 4.2: full VSOP87D + ELP/MPP02 + IAU 1980 nutation + measured ΔT).
 */
const AMBIGUOUS: Record<number, { reason: string; event: () => number; library: Partial<RefYear> }> = {
  1938: {
    reason:
      'September equinox (180°, trung khí Thu phân): reference 1938-09-23T17:00:01Z (1 s after midnight UTC+7, so on 24/09, ' +
      'leap month 7), library 16:59:36Z (24 s before, on 23/09, leap month 8); astronomia gives 16:59:31Z, siding with the library. ' +
      'Only the leap month changes (7 nhuận ↔ 8 nhuận); month starts, Tết and Giỗ Tổ are the same.',
    event: () => solarTermJd(180, 2_429_160),
    library: { leapMonth: 8 },
  },
  1967: {
    reason:
      'New moon starting month 6: reference 1967-07-07T17:00:03Z (3 s after midnight UTC+7, month 6 starts 08/07), library ' +
      '(Meeus ch. 49) 16:59:58Z (2 s before, month 6 starts 07/07); astronomia gives 17:00:03Z, siding with the reference. ' +
      'Only the start of month 6 (and the lengths of months 5 and 6) changes.',
    event: () => newMoonJd(meanLunationBefore(2_439_680)),
    library: {
      monthStarts: reference.years.find((r) => r.year === 1967)!.monthStarts.map((d) => (d === '1967-07-08' ? '1967-07-07' : d)),
    },
  },
};

describe('lunar calendar vs the independent astronomy-engine reference (lunar years 1900–2100)', () => {
  const rows = reference.years as RefYear[];

  it('covers every lunar year 1900–2100', () => {
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: 201 }, (_, i) => 1900 + i));
    expect(reference.header.generatedBy).toMatch(/build-lunar-reference/);
  });

  it('matches Tết, Giỗ Tổ, the leap month and every month start, apart from the listed ambiguous years', () => {
    const mismatches: number[] = [];
    for (const r of rows) {
      const { closestEvent: _ignored, ...expected } = r;
      const got = libraryRow(r.year);
      const ambiguous = AMBIGUOUS[r.year];
      if (ambiguous === undefined) {
        if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(r.year);
        expect(got, `lunar year ${r.year}`).toEqual(expected);
      } else {
        expect(got).toEqual({ ...expected, ...ambiguous.library });
      }
    }
    expect(mismatches).toEqual([]);
  });

  for (const [year, a] of Object.entries(AMBIGUOUS)) {
    it(`${year} is a genuine near-midnight ambiguity: ${a.reason}`, () => {
      const row = rows.find((r) => r.year === Number(year))!;
      expect(row.closestEvent.marginMinutes).toBeLessThan(0.1);
      const margin = minutesFromVnMidnight(a.event());
      expect(Math.abs(margin)).toBeLessThan(1);
      // The reference puts the event just after midnight, the library just before.
      expect(margin).toBeLessThan(0);
      const msInUtcDay = ((Date.parse(row.closestEvent.at) % 86_400_000) + 86_400_000) % 86_400_000;
      expect(msInUtcDay).toBeGreaterThanOrEqual(17 * 3_600_000);
    });
  }

  it('has the same Tết and Giỗ Tổ as the reference in every year 1900–2100 (no ambiguity touches them)', () => {
    for (const r of rows) {
      const got = libraryRow(r.year);
      expect([got.tet, got.gioTo]).toEqual([r.tet, r.gioTo]);
    }
  });
});

describe('lunar calendar vs python-holidays Vietnamese tables (facts, 1901–2100)', () => {
  const tet = pythonHolidays.tet as Record<string, string>;
  const gioTo = pythonHolidays.gioTo as Record<string, string>;

  it('has the provenance of the copied tables', () => {
    expect(pythonHolidays.header.source).toMatch(/vacanza\/holidays.*chinese\.py/);
    expect(pythonHolidays.header.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(Object.keys(tet)).toHaveLength(200);
    expect(Object.keys(gioTo)).toHaveLength(200);
  });

  it('matches every Vietnamese Tết (mùng 1 tháng Giêng) 1901–2100', () => {
    const got = Object.fromEntries(Object.keys(tet).map((y) => [y, lunarToSolar({ year: Number(y), month: 1, day: 1 })]));
    expect(got).toEqual(tet);
  });

  it('matches every Vietnamese Giỗ Tổ Hùng Vương (10/3) 1901–2100', () => {
    const got = Object.fromEntries(Object.keys(gioTo).map((y) => [y, lunarToSolar({ year: Number(y), month: 3, day: 10 })]));
    expect(got).toEqual(gioTo);
  });

  const tetOverrides = pythonHolidays.vietnameseOverrides.tet as Record<string, { vietnam: string; china: string }>;
  const gioToOverrides = pythonHolidays.vietnameseOverrides.gioTo as Record<string, { vietnam: string; china: string }>;

  it('lists the Tết years of calendar.md §3.3 where Vietnam (UTC+7) and China (UTC+8) differ', () => {
    expect(Object.keys(tetOverrides).map(Number)).toEqual([1903, 1916, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053]);
    expect(Object.keys(gioToOverrides).map(Number)).toEqual([1916, 1917, 1939, 1975, 2009, 2037, 2038, 2085, 2086, 2095, 2100]);
  });

  for (const [year, { vietnam, china }] of Object.entries(tetOverrides)) {
    it(`Tết ${year} is ${vietnam} in Vietnam (China: ${china})`, () => {
      expect(lunarToSolar({ year: Number(year), month: 1, day: 1 })).toBe(vietnam);
      expect(vietnam).not.toBe(china);
    });
  }
  for (const [year, { vietnam, china }] of Object.entries(gioToOverrides)) {
    it(`Giỗ Tổ ${year} is ${vietnam} in Vietnam (naive Chinese computation: ${china})`, () => {
      expect(lunarToSolar({ year: Number(year), month: 3, day: 10 })).toBe(vietnam);
      expect(vietnam).not.toBe(china);
    });
  }
});
