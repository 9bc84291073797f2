// Runs in a real Chromium: the calendar, text and documents cores work with browser APIs only.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  createWorkCalendar,
  daysOff,
  formatVietnameseDate,
  lunarToSolar,
  solarToLunar,
  workingDaysBetween,
} from '../src/calendar/index.js';
import { parseDocumentNumber } from '../src/documents/index.js';
import { VnEgovError } from '../src/errors/index.js';
import { compareVietnamese, foldDiacritics } from '../src/text/index.js';

describe('in the browser', () => {
  it('is a real browser', () => {
    expect(typeof window).toBe('object');
    expect(navigator.userAgent).toMatch(/Chrome/);
    expect(typeof (globalThis as { process?: unknown }).process === 'undefined' || !('versions' in (globalThis as any).process)).toBe(true);
  });

  it('computes working days, lunar dates and deadlines like Node', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(249);
    expect(solarToLunar('1985-01-21')).toEqual({ year: 1985, month: 1, day: 1, leap: false });
    expect(lunarToSolar({ year: 2026, month: 3, day: 10 })).toBe('2026-04-26');
    expect(daysOff(2026)).toHaveLength(14);
    expect(createWorkCalendar().deadline('2026-02-13 16:00', 15).dueDay).toBe('2026-03-16');
    expect(formatVietnameseDate('2026-01-05', { place: 'Hà Nội' })).toBe('Hà Nội, ngày 05 tháng 01 năm 2026');
  });

  it('reads a Date as the Vietnamese day whatever the browser time zone', () => {
    expect(addWorkingDays(new Date('2026-02-13T17:30:00Z'), 0)).toBe('2026-02-23');
  });

  it('throws VnEgovError with codes', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(VnEgovError);
  });

  it('handles Vietnamese text and document numbers', () => {
    expect(foldDiacritics('Đăng ký hộ kinh doanh')).toBe('Dang ky ho kinh doanh');
    expect(['Đà Nẵng', 'Cần Thơ', 'Dĩ An'].sort(compareVietnamese)).toEqual(['Cần Thơ', 'Dĩ An', 'Đà Nẵng']);
    expect(parseDocumentNumber('Số: 15/QĐ-UBND').number).toBe(15);
  });

  it('has WebCrypto in a secure context', async () => {
    expect(isSecureContext).toBe(true);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'));
    expect([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
