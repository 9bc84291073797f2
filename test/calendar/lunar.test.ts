import { describe, expect, it } from 'vitest';
import { dayNumberFromParts, formatDayNumber } from '../../src/calendar/day.js';
import {
  deltaTSeconds,
  newMoonJde,
  nutationInLongitude,
  principalTermIndex,
  sunApparentLongitude,
  sunApparentLongitudeJde,
  sunApparentLongitudeLowAccuracy,
} from '../../src/calendar/lunar/astronomy.js';
import {
  canChi,
  canChiOfDay,
  canChiOfMonth,
  leapMonthOf,
  lunarDateInputSchema,
  lunarMonthLength,
  lunarNewYearDayNumber,
  lunarToDayNumber,
  lunarToSolar,
  lunarYearEndDayNumber,
  solarToLunar,
} from '../../src/calendar/lunar/index.js';
import { VnEgovError } from '../../src/errors/index.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    return (e as VnEgovError).code;
  }
  return undefined;
}

describe('astronomy (Meeus worked examples)', () => {
  it('new moon of February 1977 (example 49.a): JDE 2443192.65118', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2_443_192.65118, 4);
  });
  it("Sun's apparent longitude on 1992-10-13.0 TD (example 25.b, full VSOP87): 199°54′21.818″", () => {
    expect(Math.abs(sunApparentLongitudeJde(2_448_908.5) - (199 + 54 / 60 + 21.818 / 3600)) * 3600).toBeLessThan(0.5);
  });
  it('nutation in longitude on 1987-04-10 0h TD (example 22.a): −3.788″', () => {
    expect(nutationInLongitude(-0.127296372348)).toBeCloseTo(-3.788, 2);
  });
  it('low-accuracy Sun longitude stays within 0.02° of the VSOP87 one, so the fast term index is exact (1900–2200)', () => {
    let maxError = 0;
    let wrong = 0;
    for (let jd = 2_415_020.3; jd < 2_524_960; jd += 3.37) {
      const accurate = sunApparentLongitude(jd);
      const d = ((sunApparentLongitudeLowAccuracy(jd) - accurate + 540) % 360) - 180;
      maxError = Math.max(maxError, Math.abs(d));
      if (principalTermIndex(jd) !== Math.floor(accurate / 30)) wrong++;
    }
    expect(maxError).toBeLessThan(0.02);
    expect(wrong).toBe(0);
  });
  it('ΔT from the Espenak–Meeus polynomials', () => {
    expect(deltaTSeconds(2000)).toBeCloseTo(63.86, 2);
    expect(deltaTSeconds(1900)).toBeCloseTo(-2.79, 2);
    expect(deltaTSeconds(2100)).toBeCloseTo(-20 + 32 * 2.8 * 2.8 - 0.5628 * 50, 6);
  });
});

describe('solarToLunar / lunarToSolar: known dates (calendar.md §2.2, §3.3)', () => {
  const tet: [number, string][] = [
    [1968, '1968-01-29'], // Tết Mậu Thân (Chinese calendar: 30/01)
    [1985, '1985-01-21'], // Chinese calendar: 20/02
    [2007, '2007-02-17'], // Chinese calendar: 18/02
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-02'], // Chinese calendar: 03/02
  ];
  for (const [year, day] of tet) {
    it(`Tết ${year} (${canChi(year)}) is ${day}`, () => {
      expect(lunarToSolar({ year, month: 1, day: 1 })).toBe(day);
      expect(solarToLunar(day)).toEqual({ year, month: 1, day: 1, leap: false });
      expect(formatDayNumber(lunarNewYearDayNumber(year))).toBe(day);
    });
  }
  const gioTo: [number, string][] = [
    [2019, '2019-04-14'],
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ];
  for (const [year, day] of gioTo) {
    it(`Giỗ Tổ Hùng Vương ${year} (10/3 âm lịch) is ${day}`, () => {
      expect(lunarToSolar({ year, month: 3, day: 10 })).toBe(day);
      expect(solarToLunar(day)).toEqual({ year, month: 3, day: 10, leap: false });
      expect(formatDayNumber(lunarToDayNumber(year, 3, 10, false))).toBe(day);
    });
  }

  it('knows leap months (tháng nhuận): 2020 → 4, 2023 → 2, 2025 → 6, 2028 → 5, none in 2024, 2026, 2027', () => {
    expect([2020, 2023, 2024, 2025, 2026, 2027, 2028].map(leapMonthOf)).toEqual([4, 2, 0, 6, 0, 0, 5]);
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar('2025-06-25')).toEqual({ year: 2025, month: 6, day: 1, leap: false });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
  });

  it('gives the eve of Tết (Giao thừa: "30 Tết" or "29 Tết")', () => {
    expect(formatDayNumber(lunarYearEndDayNumber(2025))).toBe('2026-02-16');
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(lunarMonthLength(2025, 12, false)).toBe(29);
    expect(formatDayNumber(lunarYearEndDayNumber(2023))).toBe('2024-02-09');
    expect(solarToLunar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false });
  });

  it('reads a Date as the Vietnamese (UTC+7) day', () => {
    expect(solarToLunar(new Date('2026-02-16T16:59:59Z'))).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(solarToLunar(new Date('2026-02-16T17:00:00Z'))).toEqual({ year: 2026, month: 1, day: 1, leap: false });
  });

  it('covers the ends of the supported range 1900-01-01 … 2199-12-31', () => {
    const first = solarToLunar('1900-01-01');
    expect(first).toEqual({ year: 1899, month: 12, day: 1, leap: false });
    expect(lunarToSolar(first)).toBe('1900-01-01');
    const last = solarToLunar('2199-12-31');
    expect(last.year).toBe(2199);
    expect(lunarToSolar(last)).toBe('2199-12-31');
  });
});

describe('errors', () => {
  it('rejects days outside 1900–2199 with DATE_OUT_OF_RANGE and non-days with INVALID_DATE', () => {
    expect(codeOf(() => solarToLunar('1800-01-01'))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => solarToLunar('1899-12-31'))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => solarToLunar('2200-01-01'))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => solarToLunar('2026-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => solarToLunar('hello'))).toBe('INVALID_DATE');
    expect(codeOf(() => solarToLunar(new Date(Number.NaN)))).toBe('INVALID_DATE');
    expect(codeOf(() => lunarToSolar({ year: 1800, month: 1, day: 1 }))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => lunarToSolar({ year: 1899, month: 1, day: 1 }))).toBe('DATE_OUT_OF_RANGE'); // 1899-02-10
    expect(codeOf(() => lunarToSolar({ year: 2199, month: 12, day: 29 }))).toBe('DATE_OUT_OF_RANGE'); // in 2200
  });

  it('rejects lunar dates that do not exist with INVALID_LUNAR_DATE and a bilingual message', () => {
    // Tháng Chạp Ất Tỵ (12/2025) has 29 days.
    expect(() => lunarToSolar({ year: 2025, month: 12, day: 30 })).toThrow(/Ngày âm lịch không tồn tại \/ no day 30 .* 29 days/);
    // 2026 has no leap month; 2025's leap month is 6, not 5.
    expect(() => lunarToSolar({ year: 2026, month: 4, day: 1, leap: true })).toThrow(/Tháng âm lịch không tồn tại \/ no lunar month 4 nhuận/);
    expect(codeOf(() => lunarToSolar({ year: 2025, month: 5, day: 1, leap: true }))).toBe('INVALID_LUNAR_DATE');
    expect(codeOf(() => lunarToSolar({ year: 2025, month: 13, day: 1 }))).toBe('INVALID_LUNAR_DATE');
    expect(codeOf(() => lunarToSolar({ year: 2025, month: 0, day: 1 }))).toBe('INVALID_LUNAR_DATE');
    expect(codeOf(() => lunarToSolar({ year: 2025, month: 1, day: 31 }))).toBe('INVALID_LUNAR_DATE');
    expect(codeOf(() => lunarToDayNumber(2025, 12, 30, false))).toBe('INVALID_LUNAR_DATE');
    expect(codeOf(() => lunarMonthLength(2026, 7, true))).toBe('INVALID_LUNAR_DATE');
  });

  it('maps bad shapes to INVALID_LUNAR_DATE with the zod issues', () => {
    for (const bad of [null, 'x', {}, { year: 2025.5, month: 1, day: 1 }, { year: 2025, month: '1', day: 1 }, { year: 2025, month: 1, day: 1, leap: 'yes' }]) {
      let error: unknown;
      try {
        lunarToSolar(bad as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(VnEgovError);
      expect((error as VnEgovError).code).toBe('INVALID_LUNAR_DATE');
      expect((error as VnEgovError).issues.length).toBeGreaterThan(0);
    }
    expect(lunarDateInputSchema.safeParse({ year: 2026, month: 3, day: 10 }).success).toBe(true);
  });

  it('checks canChi arguments with INVALID_ARGUMENT', () => {
    expect(codeOf(() => canChi(2026.5))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => canChi('2026' as never))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => canChiOfMonth(2026, 13))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => canChiOfDay('2026-02-30'))).toBe('INVALID_DATE');
  });
});

describe('can chi (stem-branch names)', () => {
  it('names years', () => {
    expect(canChi(2026)).toBe('Bính Ngọ');
    expect(canChi(2024)).toBe('Giáp Thìn');
    expect(canChi(2025)).toBe('Ất Tỵ');
    expect(canChi(1968)).toBe('Mậu Thân');
    expect(canChi(1984)).toBe('Giáp Tý');
    expect(canChi(1945)).toBe('Ất Dậu');
    expect(canChi(4)).toBe('Giáp Tý');
    expect(canChi(0)).toBe('Canh Thân');
    expect(canChi(-1)).toBe('Kỷ Mùi');
  });
  it('names months by the rule of the year stem (tháng Giêng is a Dần month)', () => {
    expect(canChiOfMonth(2024, 1)).toBe('Bính Dần'); // Giáp year
    expect(canChiOfMonth(2025, 1)).toBe('Mậu Dần'); // Ất year
    expect(canChiOfMonth(2026, 1)).toBe('Canh Dần'); // Bính year
    expect(canChiOfMonth(2027, 1)).toBe('Nhâm Dần'); // Đinh year
    expect(canChiOfMonth(2028, 1)).toBe('Giáp Dần'); // Mậu year
    expect(canChiOfMonth(2024, 11)).toBe('Bính Tý');
    expect(canChiOfMonth(2024, 12)).toBe('Đinh Sửu');
    // The cycle continues into the next year: 12/2024 Đinh Sửu → 1/2025 Mậu Dần.
  });
  it('names days from the continuous sexagenary day cycle', () => {
    expect(canChiOfDay('2000-01-01')).toBe('Mậu Ngọ');
    expect(canChiOfDay('1949-10-01')).toBe('Giáp Tý');
    expect(canChiOfDay('2026-02-17')).toBe('Nhâm Tuất');
    // 60-day period, and a Date is read at UTC+7.
    expect(canChiOfDay(formatDayNumber(dayNumberFromParts(2000, 1, 1) + 60))).toBe('Mậu Ngọ');
    expect(canChiOfDay(new Date('1999-12-31T17:00:00Z'))).toBe('Mậu Ngọ');
  });
});
