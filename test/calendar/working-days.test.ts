import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from '../../src/calendar/index.js';
import { VnEgovError } from '../../src/errors/index.js';

const dayArb = fc
  .integer({ min: 0, max: 365 * 12 })
  .map((i) => addCalendarDays('2019-01-01', i)); // 2019-01-01 … ~2030-12
const anyDayArb = fc.integer({ min: 0, max: 365 * 183 }).map((i) => addCalendarDays('2014-01-01', i));

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof VnEgovError) return e.code;
    throw e;
  }
  return undefined;
}

describe('working-day arithmetic (civil-service calendar)', () => {
  it('skips the Tết 2026 span (14–22/02) and counts the swapped Saturdays', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
    expect(addWorkingDays('2026-01-09', 1)).toBe('2026-01-10'); // Saturday worked (Tết Dương lịch swap)
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(addWorkingDays('2026-08-28', 1)).toBe('2026-09-03'); // 29/8–2/9/2026 off
    expect(nextWorkingDay('2026-04-24')).toBe('2026-04-28');
    expect(previousWorkingDay('2026-11-25')).toBe('2026-11-23'); // 24/11 Ngày Văn hóa Việt Nam
  });

  it('adding 0 keeps a working day and moves a day off to the next working day', () => {
    expect(addWorkingDays('2026-02-12', 0)).toBe('2026-02-12');
    expect(addWorkingDays('2026-02-17', 0)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-14', 0)).toBe('2026-02-23');
  });

  it('counts every working day of 2026 and crosses years', () => {
    // 261 weekdays in 2026, minus 12 weekday days off, plus 2 working Saturdays.
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(261 - 14 + 2);
    expect(addWorkingDays('2025-12-31', 249)).toBe('2026-12-31');
    expect(workingDaysBetween('2019-01-01', '2030-12-31')).toBe(
      workingDaysBetween('2019-01-01', '2025-06-30') + workingDaysBetween('2025-06-30', '2030-12-31'),
    );
  });

  it('property: addWorkingDays(addWorkingDays(d, n), -n) is the working day at or after d', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const there = addWorkingDays(d, n);
        expect(addWorkingDays(there, -n)).toBe(addWorkingDays(d, 0));
      }),
      { numRuns: 3000 },
    );
  });

  it('property: workingDaysBetween(d, addWorkingDays(d, n)) === n for n ≥ 0 from a working day', () => {
    fc.assert(
      fc.property(anyDayArb, fc.integer({ min: 0, max: 600 }), (d, n) => {
        if (!isWorkingDay(d)) {
          // A day off is first moved to the next working day (n = 0 gives that day): one more working day.
          expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n + 1);
          return;
        }
        expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the fast tables agree with a day-by-day walk', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 60 }), (d, n) => {
        let x = d;
        while (!isWorkingDay(x)) x = addCalendarDays(x, 1);
        for (let k = 0; k < n; ) {
          x = addCalendarDays(x, 1);
          if (isWorkingDay(x)) k++;
        }
        expect(addWorkingDays(d, n)).toBe(x);
      }),
      { numRuns: 500 },
    );
  });

  it('gives identical results under TZ=UTC, Asia/Ho_Chi_Minh and America/New_York', () => {
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York']) {
        process.env.TZ = tz;
        const instant = new Date('2026-02-13T17:30:00Z'); // 00:30 on 14/02 in Vietnam
        const r = [
          addWorkingDays(instant, 0),
          addWorkingDays('2026-02-13', 5),
          String(workingDaysBetween('2026-01-01', '2026-12-31')),
          String(isWorkingDay(new Date('2026-01-10T01:00:00+07:00'))),
          addWorkingDays(new Date(Date.UTC(2026, 1, 12, 20)), 1), // 13/02 03:00 VN
        ];
        results.push(r.join(','));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(results[0]).toBe('2026-02-23,2026-02-27,249,true,2026-02-23');
    expect(new Set(results).size).toBe(1);
  });

  it('rejects bad input with VnEgovError codes, never a silent wrong date', () => {
    expect(codeOf(() => addWorkingDays('2026-02-30', 1))).toBe('INVALID_DATE');
    expect(codeOf(() => addWorkingDays('hello', 1))).toBe('INVALID_DATE');
    expect(codeOf(() => addWorkingDays('1800-01-01', 1))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => isWorkingDay('2200-01-01'))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => addWorkingDays('2026-02-10', 1.5))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => addWorkingDays('2026-02-10', Number.NaN))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => addWorkingDays('2026-02-10', '3' as unknown as number))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => addWorkingDays('2199-12-30', 10))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => addWorkingDays('2014-01-03', -10))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => workingDaysBetween('2026-01-01', null as unknown as string))).toBe('INVALID_DATE');
    expect(codeOf(() => addWorkingDays(new Date('nope'), 1))).toBe('INVALID_DATE');
  });

  it('fuzz: arbitrary inputs only ever throw VnEgovError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const f of [
          () => addWorkingDays(a as string, b as number),
          () => workingDaysBetween(a as string, b as string),
          () => isWorkingDay(a as string),
        ]) {
          try {
            f();
          } catch (e) {
            expect(e).toBeInstanceOf(VnEgovError);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
