import { describe, expect, it } from 'vitest';
import { createWorkCalendar, daysOff, type DayOffSchedule } from '../../src/calendar/index.js';
import { VnEgovError } from '../../src/errors/index.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof VnEgovError) return e.code;
    throw e;
  }
  return undefined;
}

describe('createWorkCalendar', () => {
  it('applies the 15:00 cut-off: after it, counting starts on the next working day', () => {
    const cal = createWorkCalendar();
    expect(cal.receiptDay('2026-02-12 14:59')).toMatchObject({ startDay: '2026-02-12', reason: 'same-day' });
    expect(cal.receiptDay('2026-02-12 15:00')).toMatchObject({ startDay: '2026-02-12', reason: 'same-day' });
    expect(cal.receiptDay('2026-02-12 15:00:01')).toMatchObject({ startDay: '2026-02-13', reason: 'after-cutoff' });
    // Friday before Tết, 16:00: the next working day is Monday 23/02.
    expect(cal.receiptDay('2026-02-13 16:00')).toMatchObject({ startDay: '2026-02-23', reason: 'after-cutoff' });
    // Received on a day off (online, Sunday) counts from the next working day.
    expect(cal.receiptDay('2026-02-15T10:00:00+07:00')).toMatchObject({ startDay: '2026-02-23', reason: 'not-a-working-day' });
    // Instants are read in Vietnam time: 08:30Z is 15:30 in Hà Nội.
    expect(cal.receiptDay('2026-02-12T08:30:00Z')).toMatchObject({ receivedDay: '2026-02-12', reason: 'after-cutoff' });
    expect(cal.receiptDay(new Date('2026-02-12T17:30:00Z'))).toMatchObject({ receivedDay: '2026-02-13', reason: 'same-day' });
  });

  it('computes deadlines and says when they rest on provisional days off', () => {
    const cal = createWorkCalendar();
    const d = cal.deadline('2026-02-13 16:00', 15);
    expect(d).toMatchObject({ startDay: '2026-02-23', dueDay: '2026-03-16', provisional: false });
    const over = cal.deadline('2026-12-28 09:00', 10);
    expect(over.dueDay).toBe('2027-01-12'); // 1/1/2027 skipped
    expect(over.provisional).toBe(true); // 1/1/2027 is projected: no notice yet
    expect(over.provisionalDaysOff.map((x) => x.date)).toEqual(['2027-01-01']);
    expect(over.daysOffSkipped.map((x) => x.date)).toEqual(['2027-01-01']);
    const future = cal.deadline('2028-03-01 09:00', 5);
    expect(future.provisional).toBe(true); // 2028 has no schedule at all
    expect(codeOf(() => cal.deadline('2026-02-13 16:00', -1))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => cal.deadline('2026-02-13 25:00', 1))).toBe('INVALID_TIME');
    expect(codeOf(() => cal.deadline('13/02/2026', 1))).toBe('INVALID_TIME');
  });

  it('supports a configurable cut-off, no cut-off, and office hours', () => {
    expect(createWorkCalendar({ cutoff: '16:30' }).receiptDay('2026-02-12 16:00').reason).toBe('same-day');
    expect(createWorkCalendar({ cutoff: null }).receiptDay('2026-02-12 23:00').reason).toBe('same-day');
    const hours = createWorkCalendar({ cutoff: null, workingHours: { start: '07:30', end: '17:00' } });
    expect(hours.receiptDay('2026-02-12 17:01')).toMatchObject({ reason: 'after-hours', startDay: '2026-02-13' });
    expect(hours.receiptDay('2026-02-12 06:00')).toMatchObject({ reason: 'same-day', startDay: '2026-02-12' });
  });

  it('supports a six-day week: Saturdays work, holidays on Saturday are off', () => {
    const cal = createWorkCalendar({ workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(cal.isWorkingDay('2026-03-07')).toBe(true);
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-07');
    // 30/4/2022 (Saturday) is Ngày Chiến thắng: a day off for Saturday workers.
    expect(cal.isWorkingDay('2022-04-30')).toBe(false);
    expect(cal.daysOff(2022).some((d) => d.date === '2022-04-30' && !d.onRestDay)).toBe(true);
  });

  it('adds a province decision: extra days off and extra working days, with names and sources', () => {
    const cal = createWorkCalendar({
      extraDaysOff: [{ date: '2026-03-09', name: 'Nghỉ theo Quyết định của UBND tỉnh', source: 'QĐ 123/QĐ-UBND' }],
      extraWorkingDays: ['2026-03-14'],
    });
    expect(cal.isWorkingDay('2026-03-09')).toBe(false);
    expect(cal.isWorkingDay('2026-03-14')).toBe(true);
    const off = cal.daysOff(2026).find((d) => d.date === '2026-03-09')!;
    expect(off).toMatchObject({ kind: 'extra', holiday: null, source: 'QĐ 123/QĐ-UBND', confidence: 'caller' });
    expect(cal.workingSaturdays(2026).map((s) => s.date)).toEqual(['2026-01-10', '2026-03-14', '2026-08-22']);
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
  });

  it('takes a new year’s notice as data: a schedule replaces the statutory projection', () => {
    const notice2028: DayOffSchedule = {
      year: 2028,
      audience: 'civil-service',
      title: 'Lịch nghỉ Tết 2028 (ví dụ)',
      sources: ['Thông báo giả định cho kiểm thử'],
      covers: ['tet'],
      entries: ['2028-01-24', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'].map((date) => ({
        date,
        kind: 'holiday' as const,
        holiday: 'tet' as const,
        occasion: 'Tết Mậu Thân',
        source: 'Thông báo giả định',
        confidence: 'high' as const,
      })),
    };
    const cal = createWorkCalendar({ schedules: [notice2028] });
    const tet = cal.daysOff(2028).filter((d) => d.holiday === 'tet');
    expect(tet.map((d) => d.date)).toEqual(['2028-01-24', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28']);
    expect(tet.every((d) => !d.provisional)).toBe(true);
    expect(cal.hasOfficialSchedule(2028)).toBe(true);
    // Other holidays of 2028 stay statutory and provisional.
    expect(cal.daysOff(2028).find((d) => d.date === '2028-05-01')?.provisional).toBe(true);
    // The default calendar is unchanged.
    expect(daysOff(2028).filter((d) => d.holiday === 'tet').map((d) => d.date)).toEqual([
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-01-31',
    ]);
  });

  it('can ignore the official schedules (statutory rules only)', () => {
    const cal = createWorkCalendar({ officialSchedules: false });
    expect(cal.isWorkingDay('2026-01-02')).toBe(true); // the swap exists only in the notice
    expect(cal.isWorkingDay('2026-01-10')).toBe(false);
    expect(cal.hasOfficialSchedule(2026)).toBe(false);
  });

  it('rejects bad options with INVALID_OPTIONS and structured issues', () => {
    const e = (() => {
      try {
        createWorkCalendar({ cutoff: '3pm', workingWeekdays: [7] } as never);
      } catch (err) {
        return err as VnEgovError;
      }
      throw new Error('no error');
    })();
    expect(e).toBeInstanceOf(VnEgovError);
    expect(e.code).toBe('INVALID_OPTIONS');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['cutoff', 'workingWeekdays.0']));
    expect(codeOf(() => createWorkCalendar({ extraDaysOff: ['2026-02-30'] }))).toBe('INVALID_DATE');
    expect(codeOf(() => createWorkCalendar({ unknown: 1 } as never))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => createWorkCalendar().daysOff(2013))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => createWorkCalendar().daysOff(2026.5))).toBe('INVALID_ARGUMENT');
  });
});
