import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { getLawVersion, lawVersions, legalDocumentTypes } from '../../src/documents/index.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    return (e as VnEgovError).code;
  }
  return 'no error';
};

describe('legal normative document types by law version', () => {
  it.each([
    ['2016-07-01', 'luat-80-2015'],
    ['2024-06-01', 'luat-80-2015'],
    ['2025-03-31', 'luat-80-2015'],
    ['2025-04-01', 'luat-64-2025'],
    ['2025-06-30', 'luat-64-2025'],
    ['2025-07-01', 'luat-64-2025-sua-doi-87-2025'],
    ['2026-11-28', 'luat-64-2025-sua-doi-87-2025'],
  ])('on %s the law is %s', (on, id) => {
    expect(legalDocumentTypes({ on }).law.id).toBe(id);
    expect(getLawVersion(on).id).toBe(id);
  });

  it('has the tier counts of the spec: 16, 14, 15', () => {
    for (const v of lawVersions) {
      const { entries } = legalDocumentTypes({ on: v.inForceFrom });
      expect(Math.max(...entries.map((e) => e.tier))).toBe(v.tierCount);
      expect(new Set(entries.map((e) => e.tier)).size).toBe(v.tierCount);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length); // type + issuer is a key
      for (const e of entries) expect(e.source.length).toBeGreaterThan(10);
    }
  });

  it('keeps the versions contiguous', () => {
    expect(lawVersions.map((v) => [v.inForceFrom, v.inForceUntil])).toEqual([
      ['2016-07-01', '2025-03-31'],
      ['2025-04-01', '2025-06-30'],
      ['2025-07-01', null],
    ]);
    expect(lawVersions[0]!.confidence).toBe('unverified'); // start of Luật 80/2015 not in the sources
  });

  it('reflects the differences of §8.3 and §8.4', () => {
    const has = (on: string, type: string, issuerKey: string) =>
      legalDocumentTypes({ on }).entries.some((e) => e.type === type && e.issuerKey === issuerKey);
    // Tổng Kiểm toán nhà nước: quyết định before, thông tư after
    expect(has('2024-06-01', 'Quyết định', 'tong-ktnn')).toBe(true);
    expect(has('2024-06-01', 'Thông tư', 'tong-ktnn')).toBe(false);
    expect(has('2025-05-01', 'Thông tư', 'tong-ktnn')).toBe(true);
    // Government resolutions only from Luật 64/2025
    expect(has('2024-06-01', 'Nghị quyết', 'chinh-phu')).toBe(false);
    expect(has('2025-05-01', 'Nghị quyết', 'chinh-phu')).toBe(true);
    // district tiers: present before 01/07/2025, gone after
    expect(has('2025-05-01', 'Quyết định', 'ubnd-huyen')).toBe(true);
    expect(has('2025-07-01', 'Quyết định', 'ubnd-huyen')).toBe(false);
    // commune tiers: under Luật 80/2015 and again from 01/07/2025, not in between
    expect(has('2024-06-01', 'Quyết định', 'ubnd-xa')).toBe(true);
    expect(has('2025-05-01', 'Quyết định', 'ubnd-xa')).toBe(false);
    expect(has('2025-07-01', 'Quyết định', 'ubnd-xa')).toBe(true);
    // provincial chairman: new tier 12 from 01/07/2025
    const ct = legalDocumentTypes({ on: '2025-07-01' }).entries.find((e) => e.issuerKey === 'chu-tich-ubnd-tinh');
    expect(ct?.tier).toBe(12);
    expect(ct?.confidence).toBe('confirmed');
  });

  it('marks confidence as the spec does', () => {
    const adopted = legalDocumentTypes({ on: '2025-05-01' }).entries;
    expect(adopted.filter((e) => e.tier <= 9).every((e) => e.confidence === 'confirmed')).toBe(true);
    expect(adopted.filter((e) => e.tier >= 10).every((e) => e.confidence === 'secondary')).toBe(true);
    const old = legalDocumentTypes({ on: '2020-01-01' }).entries;
    expect(old.every((e) => e.confidence !== 'confirmed')).toBe(true);
    expect(legalDocumentTypes({ on: '2026-01-01' }).entries.every((e) => e.confidence === 'confirmed')).toBe(true);
  });

  it('accepts a Date (Vietnam day) and rejects bad or uncovered days', () => {
    expect(legalDocumentTypes({ on: new Date('2025-06-30T17:00:00Z') }).law.id).toBe('luat-64-2025-sua-doi-87-2025');
    expect(legalDocumentTypes({ on: new Date('2025-06-30T17:00:00Z') }).on).toBe('2025-07-01');
    expect(codeOf(() => legalDocumentTypes({ on: '2016-06-30' }))).toBe('DATE_OUT_OF_RANGE');
    expect(codeOf(() => legalDocumentTypes({ on: '2025-02-30' }))).toBe('INVALID_DATE');
    expect(codeOf(() => legalDocumentTypes({ on: 'hôm nay' }))).toBe('INVALID_DATE');
    expect(codeOf(() => legalDocumentTypes(null as unknown as { on: string }))).toBe('INVALID_DATE');
  });
});
