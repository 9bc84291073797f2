import { describe, expect, it } from 'vitest';
import { addCalendarDays, dayOfWeek, toCivilDay } from '../../src/calendar/day.js';
import { dayNumberFromParts, partsFromDayNumber } from '../../src/calendar/day.js';
import { VnEgovError } from '../../src/errors/index.js';

describe('civil days', () => {
  it('reads a Date as the Vietnamese (UTC+7) day of the instant', () => {
    expect(toCivilDay(new Date('2026-02-16T16:59:59.999Z'))).toBe('2026-02-16');
    expect(toCivilDay(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
  });
  it('round-trips day numbers against Date.UTC for 1600–2400', () => {
    for (let n = dayNumberFromParts(1600, 1, 1); n < dayNumberFromParts(2400, 12, 31); n += 17) {
      const d = new Date(n * 86_400_000);
      expect(partsFromDayNumber(n)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      expect(dayNumberFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(n);
    }
  });
  it('rejects days that do not exist with INVALID_DATE', () => {
    for (const bad of ['2026-02-30', '2025-02-29', 'hello', '2026-13-01', '2026-1-5', '', ' 2026-01-05']) {
      expect(() => toCivilDay(bad)).toThrowError(VnEgovError);
      try {
        toCivilDay(bad);
      } catch (e) {
        expect((e as VnEgovError).code).toBe('INVALID_DATE');
      }
    }
    expect(() => toCivilDay(new Date(Number.NaN))).toThrow(/invalid Date/);
    expect(() => toCivilDay(42 as unknown as string)).toThrow(/expected a YYYY-MM-DD/);
    expect(toCivilDay('2024-02-29')).toBe('2024-02-29');
  });
  it('gives weekdays and adds calendar days', () => {
    expect(dayOfWeek('2026-02-17')).toBe(2);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(() => addCalendarDays('2024-03-01', 1.5)).toThrow(VnEgovError);
  });
});
