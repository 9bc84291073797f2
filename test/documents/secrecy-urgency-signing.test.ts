import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  edxmlPriorities,
  edxmlPriorityOf,
  formatSignerTitle,
  getSecrecyLevel,
  getSigningAuthority,
  getUrgencyLevel,
  parseSignerTitle,
  secrecyLevels,
  signingAuthorities,
  urgencyFromEdxmlPriority,
  urgencyLevels,
  type UrgencyLevel,
} from '../../src/documents/index.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    return (e as VnEgovError).code;
  }
  return 'no error';
};

describe('secrecy (độ mật) and urgency (độ khẩn)', () => {
  it('has the three levels of each with Vietnamese labels (NĐ 30/2020 Phụ lục I III.2)', () => {
    expect(secrecyLevels.map((s) => [s.id, s.label])).toEqual([
      ['confidential', 'Mật'],
      ['secret', 'Tối mật'],
      ['top-secret', 'Tuyệt mật'],
    ]);
    expect(urgencyLevels.map((u) => [u.id, u.label, u.stampSizeMm])).toEqual([
      ['urgent', 'Khẩn', [20, 8]],
      ['very-urgent', 'Thượng khẩn', [40, 8]],
      ['flash', 'Hỏa tốc', [30, 8]],
    ]);
    for (const x of [...secrecyLevels, ...urgencyLevels]) expect(x.source).toMatch(/NĐ 30\/2020/);
  });
  it.each([
    ['Mật', 'confidential'],
    ['mat', 'confidential'],
    ['TỐI MẬT', 'secret'],
    ['toi mat', 'secret'],
    ['Tuyệt mật', 'top-secret'],
    ['top-secret', 'top-secret'],
  ])('getSecrecyLevel(%j)', (q, id) => expect(getSecrecyLevel(q).id).toBe(id));
  it.each([
    ['Khẩn', 'urgent'],
    ['khan', 'urgent'],
    ['Thượng khẩn', 'very-urgent'],
    ['Hỏa tốc', 'flash'],
    ['Hoả tốc', 'flash'],
    ['hoa toc', 'flash'],
  ])('getUrgencyLevel(%j)', (q, id) => expect(getUrgencyLevel(q).id).toBe(id));
  it('rejects unknown levels', () => {
    expect(codeOf(() => getSecrecyLevel('bí mật'))).toBe('INVALID_SECRECY_LEVEL');
    expect(codeOf(() => getSecrecyLevel(3 as unknown as string))).toBe('INVALID_SECRECY_LEVEL');
    expect(codeOf(() => getUrgencyLevel('gấp'))).toBe('INVALID_URGENCY_LEVEL');
  });
  it('maps urgency to the edXML Priority numbers of specs/edxml.md §2.5, marked secondary', () => {
    expect(edxmlPriorities.map((p) => [p.priority, p.label, p.urgency, p.scheduled])).toEqual([
      [0, 'Thường', null, false],
      [1, 'Khẩn', 'urgent', false],
      [2, 'Thượng khẩn', 'very-urgent', false],
      [3, 'Hỏa tốc', 'flash', false],
      [4, 'Hỏa tốc hẹn giờ', 'flash', true],
    ]);
    for (const p of edxmlPriorities) expect(p.confidence).toBe('secondary');
    for (const u of urgencyLevels) {
      expect(urgencyFromEdxmlPriority(edxmlPriorityOf(u.id)).urgency).toBe(u.id);
      expect(u.edxmlConfidence).toBe('secondary');
    }
    expect(edxmlPriorityOf(null)).toBe(0);
    expect(edxmlPriorityOf('flash', { scheduled: true })).toBe(4);
    for (const bad of [-1, 5, 1.5, Number.NaN]) expect(codeOf(() => urgencyFromEdxmlPriority(bad))).toBe('INVALID_URGENCY_LEVEL');
    expect(codeOf(() => edxmlPriorityOf('soon' as UrgencyLevel))).toBe('INVALID_URGENCY_LEVEL');
  });
});

describe('signing authority (TM., Q., KT., TL., TUQ.)', () => {
  it('lists the five prefixes of Phụ lục I II.7.b with their meaning', () => {
    expect(signingAuthorities.map((a) => [a.prefix, a.vietnamese])).toEqual([
      ['TM.', 'thay mặt'],
      ['Q.', 'quyền'],
      ['KT.', 'ký thay'],
      ['TL.', 'thừa lệnh'],
      ['TUQ.', 'thừa ủy quyền'],
    ]);
  });
  it.each([
    ['KT.', 'signing-for'],
    ['kt', 'signing-for'],
    ['TUQ', 'by-authorisation'],
    ['Q.', 'acting'],
    ['on-behalf-of', 'on-behalf-of'],
    ['TL.', 'by-order'],
  ])('getSigningAuthority(%j)', (q, id) => expect(getSigningAuthority(q).id).toBe(id));
  it.each([
    ['KT. CHỦ TỊCH', 'signing-for', 'CHỦ TỊCH'],
    ['TM. ỦY BAN NHÂN DÂN', 'on-behalf-of', 'ỦY BAN NHÂN DÂN'],
    ['TL.  BỘ TRƯỞNG', 'by-order', 'BỘ TRƯỞNG'],
    ['TUQ. GIÁM ĐỐC', 'by-authorisation', 'GIÁM ĐỐC'],
    ['Q. GIÁM ĐỐC', 'acting', 'GIÁM ĐỐC'],
    ['BỘ TRƯỞNG', null, 'BỘ TRƯỞNG'],
    ['QUYỀN HẠN', null, 'QUYỀN HẠN'],
  ] as const)('parseSignerTitle(%j)', (text, authority, title) => {
    const t = parseSignerTitle(text);
    expect(t).toEqual({ authority, title });
    expect(parseSignerTitle(formatSignerTitle(t))).toEqual(t);
  });
  it('rejects bad input', () => {
    expect(codeOf(() => getSigningAuthority('XX.'))).toBe('INVALID_SIGNING_AUTHORITY');
    expect(codeOf(() => parseSignerTitle('KT.'))).toBe('INVALID_SIGNING_AUTHORITY');
    expect(codeOf(() => parseSignerTitle(null as unknown as string))).toBe('INVALID_SIGNING_AUTHORITY');
    expect(codeOf(() => formatSignerTitle({ authority: 'boss' as 'acting', title: 'X' }))).toBe('INVALID_SIGNING_AUTHORITY');
    expect(codeOf(() => formatSignerTitle(null as unknown as { authority: null; title: string }))).toBe('INVALID_SIGNING_AUTHORITY');
  });
});
