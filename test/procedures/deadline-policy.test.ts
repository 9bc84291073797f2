import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import {
  SUPPLEMENTATION_POLICIES,
  computeDueDate,
  computeStartDay,
  onlineReceiptDeadline,
  processingDeadline,
} from '../../src/procedures/index.js';

const calendar = createWorkCalendar();
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('start day and due day', () => {
  it('paper: the 15:00 cut-off of the calendar; online: office-hours policy; sources cited', () => {
    expect(computeStartDay('2026-02-13 16:00', 'direct', { calendar })).toMatchObject({ startDay: '2026-02-23', reason: 'after-cutoff', rule: { source: 'NĐ 118/2025/NĐ-CP Điều 18 khoản 2' } });
    expect(computeStartDay('2025-06-27 16:00', 'postal', { calendar }).rule.source).toBe('NĐ 61/2018/NĐ-CP Điều 18 khoản 2–3');
    expect(computeStartDay('2026-02-13 16:00', 'online', { calendar })).toMatchObject({ startDay: '2026-02-13', reason: 'same-day', rule: { confidence: 'unverified' } });
    expect(computeStartDay('2026-02-13 17:01', 'online', { calendar })).toMatchObject({ startDay: '2026-02-23', reason: 'after-hours' });
    expect(computeStartDay('2026-02-14 09:00', 'online', { calendar })).toMatchObject({ startDay: '2026-02-23', reason: 'not-a-working-day' });
    expect(codeOf(() => computeStartDay('2026-02-13 16:00', 'online', { onlineOfficeHoursEnd: '5pm', calendar }))).toBe('INVALID_OPTIONS');
    expect(SUPPLEMENTATION_POLICIES.restart.confidence).toBe('confirmed');
  });

  it('computeDueDate counts working days after the start day and reports provisional calendars', () => {
    expect(computeDueDate({ receivedAt: '2026-02-13 16:00', channel: 'direct', workingDays: 5, calendar })).toMatchObject({ startDay: '2026-02-23', dueDay: '2026-03-02', provisional: false });
    expect(computeDueDate({ receivedAt: '2026-03-02 09:00', channel: 'direct', workingDays: 0, calendar }).dueDay).toBe('2026-03-02');
    expect(codeOf(() => computeDueDate({ receivedAt: '2026-03-02 09:00', channel: 'direct', workingDays: -1, calendar }))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => computeDueDate({ receivedAt: 'soon', channel: 'direct', workingDays: 1, calendar }))).toBe('INVALID_DATE');
  });

  it('property: the due day is a working day exactly `n` working days after the start day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 10, 1) }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('direct' as const, 'online' as const, 'postal' as const), (ms, n, channel) => {
        const d = computeDueDate({ receivedAt: ms, channel, workingDays: n, calendar });
        expect(calendar.isWorkingDay(d.dueDay)).toBe(true);
        expect(calendar.workingDaysBetween(d.startDay, d.dueDay)).toBe(n);
        expect(d.startDay >= d.receivedDay).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('honours the unit: calendar days rolled to a working day; hours or unknown units refused', () => {
    expect(processingDeadline({ receivedAt: '2026-03-02 09:00', channel: 'direct', time: { value: 15, unit: 'day' }, calendar }).dueDay).toBe('2026-03-17');
    expect(processingDeadline({ receivedAt: '2026-02-05 09:00', channel: 'direct', time: { value: 10, unit: 'day' }, calendar }).dueDay).toBe('2026-02-23');
    expect(processingDeadline({ receivedAt: '2026-03-02 09:00', channel: 'direct', time: { value: 5, unit: 'working-day' }, calendar }).dueDay).toBe('2026-03-09');
    expect(codeOf(() => processingDeadline({ receivedAt: '2026-03-02 09:00', channel: 'direct', time: { value: 4, unit: 'hour' }, calendar }))).toBe('UNSUPPORTED_TIME_UNIT');
    expect(codeOf(() => processingDeadline({ receivedAt: '2026-03-02 09:00', channel: 'direct', time: { value: 2, unit: 'unknown', raw: 'FORTNIGHT' }, calendar }))).toBe('UNSUPPORTED_TIME_UNIT');
  });
});

describe('online receipt within 08 working hours (NĐ 118/2025 Điều 17 k2)', () => {
  it('counts office hours of working days', () => {
    expect(onlineReceiptDeadline('2026-03-02 09:00', { calendar })).toMatchObject({ receiptBy: '2026-03-03T09:00:00+07:00', alertBy: '2026-03-02T11:00:00+07:00' });
    expect(onlineReceiptDeadline('2026-03-02 07:00', { calendar }).receiptBy).toBe('2026-03-02T17:00:00+07:00');
    expect(onlineReceiptDeadline('2026-03-02 12:00', { calendar }).receiptBy).toBe('2026-03-03T11:30:00+07:00');
    expect(onlineReceiptDeadline('2026-03-07 22:00', { calendar }).receiptBy).toBe('2026-03-09T17:00:00+07:00');
    // Friday before Tết: one hour on Friday, seven after the holiday
    expect(onlineReceiptDeadline('2026-02-13 16:00', { calendar }).receiptBy).toBe('2026-02-23T16:00:00+07:00');
    expect(onlineReceiptDeadline('2026-03-02 09:00', { calendar, officeHours: [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }] }).receiptBy).toBe('2026-03-03T09:00:00+07:00'); // 3 h + 4 h on Monday, 1 h on Tuesday
  });

  it('rejects bad office hours', () => {
    expect(codeOf(() => onlineReceiptDeadline('2026-03-02 09:00', { officeHours: [{ start: '13:00', end: '12:00' }] }))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => onlineReceiptDeadline('2026-03-02 09:00', { officeHours: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => onlineReceiptDeadline('2026-03-02 09:00', { officeHours: [] }))).toBe('INVALID_OPTIONS');
  });
});
