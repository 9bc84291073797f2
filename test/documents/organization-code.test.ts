import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  formatOrganizationCode,
  isOrganizationCode,
  knownLevel1Codes,
  organizationGroups,
  parseOrganizationCode,
} from '../../src/documents/index.js';

describe('parseOrganizationCode (spec §9.2 examples)', () => {
  it.each([
    // code, level1, level2, level3, level4, unitLevel, parent, letter
    ['000.00.00.G22', 'G22', '00', '00', '000', 1, null, 'G'],
    ['000.00.00.H41', 'H41', '00', '00', '000', 1, null, 'H'],
    ['000.00.00.H14', 'H14', '00', '00', '000', 1, null, 'H'],
    ['000.00.13.H53', 'H53', '13', '00', '000', 2, '000.00.00.H53', 'H'],
    ['000.01.01.H53', 'H53', '01', '01', '000', 3, '000.00.01.H53', 'H'],
    ['000.00.01.A53', 'A53', '01', '00', '000', 2, '000.00.00.A53', 'A'],
    ['000.00.00.H48', 'H48', '00', '00', '000', 1, null, 'H'],
    ['000.00.53.H48', 'H48', '53', '00', '000', 2, '000.00.00.H48', 'H'],
    ['000.00.11.H53', 'H53', '11', '00', '000', 2, '000.00.00.H53', 'H'],
    ['123.45.67.K41', 'K41', '67', '45', '123', 4, '000.45.67.K41', 'K'],
  ] as const)('%s', (code, level1, level2, level3, level4, unitLevel, parent, letter) => {
    const c = parseOrganizationCode(code);
    expect([c.level1, c.level2, c.level3, c.level4, c.unitLevel, c.parent, c.groupLetter]).toEqual([
      level1, level2, level3, level4, unitLevel, parent, letter,
    ]);
    expect(c.code).toBe(code);
    expect(c.warnings).toEqual([]);
    expect(isOrganizationCode(code)).toBe(true);
    const lenient = parseOrganizationCode(code, { mode: 'lenient' });
    expect(lenient.valid).toBe(true);
    expect(lenient.code).toEqual(c);
  });

  it('describes the level-1 group and known bodies, with confidence', () => {
    const vpcp = parseOrganizationCode('000.00.00.G22');
    expect(vpcp.group?.letter).toBe('G');
    expect(vpcp.known?.name).toBe('Văn phòng Chính phủ');
    expect(vpcp.known?.confidence).toBe('secondary');
    expect(parseOrganizationCode('000.00.00.H48').known).toBeNull(); // no province number invented
    expect(parseOrganizationCode('000.00.00.B01').group).toBeNull(); // undocumented letters stay unknown
    expect(organizationGroups.find((g) => g.letter === 'A')?.confidence).toBe('unverified');
    for (const k of knownLevel1Codes) {
      expect(k.level1).toMatch(/^[A-Z]\d{2}$/);
      expect(k.source.length).toBeGreaterThan(5);
    }
    expect(new Set(knownLevel1Codes.map((k) => k.level1)).size).toBe(knownLevel1Codes.length);
  });

  it('warns about level gaps and test units without rejecting them', () => {
    expect(parseOrganizationCode('000.01.00.H53').warnings.map((w) => w.code)).toEqual(['level_gap']);
    expect(parseOrganizationCode('777.77.04.D77').warnings.map((w) => w.code)).toEqual(['test_unit']);
    const lenient = parseOrganizationCode('777.77.04.D77', { mode: 'lenient' });
    expect([lenient.valid, lenient.warnings.map((w) => w.code)]).toEqual([true, ['test_unit']]);
  });
});

describe('malformed values seen in real traffic (spec §9.5)', () => {
  it.each([
    ['28.22.H17', ['wrong_group_count']],
    ['01.02.G22', ['wrong_group_count']],
    ['000.A53.000', ['wrong_group_count', 'level1_not_last']],
    ['001.00.20.JB2', ['invalid_level1']],
    ['', ['empty']],
    ['000.00.00.h48', ['lowercase', 'invalid_level1']],
    [' 000.00.00.H48', ['whitespace']],
    ['00.000.00.H48', ['invalid_level4', 'invalid_level3']],
    ['000.00.00.H480', ['invalid_level1']],
    ['000.00.00.G22.01', ['wrong_group_count', 'level1_not_last']],
  ] as const)('%j: strict throws, lenient warns', (text, codes) => {
    try {
      parseOrganizationCode(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VnEgovError);
      expect((e as VnEgovError).code).toBe('INVALID_ORGANIZATION_CODE');
      expect((e as VnEgovError).issues.map((i) => i.code)).toEqual(codes);
    }
    const r = parseOrganizationCode(text, { mode: 'lenient' });
    expect(r.valid).toBe(false);
    expect(r.warnings.map((w) => w.code)).toEqual(codes);
    expect(isOrganizationCode(text)).toBe(false);
  });
  it('lenient mode reads what trimming and upper-casing fix, and says so', () => {
    const r = parseOrganizationCode(' 000.00.53.h48 ', { mode: 'lenient' });
    expect(r.valid).toBe(false);
    expect(r.code?.code).toBe('000.00.53.H48');
    expect(r.code?.warnings.map((w) => w.code)).toContain('whitespace');
    expect(parseOrganizationCode('28.22.H17', { mode: 'lenient' }).code).toBeNull();
  });
  it('non-strings', () => {
    expect(() => parseOrganizationCode(42 as unknown as string)).toThrowError(VnEgovError);
    const r = parseOrganizationCode(null as unknown as string, { mode: 'lenient' });
    expect([r.valid, r.warnings[0]?.code]).toEqual([false, 'invalid_type']);
  });
});

describe('formatOrganizationCode', () => {
  it('fills missing levels with zeros', () => {
    expect(formatOrganizationCode({ level1: 'H48', level2: '53' })).toBe('000.00.53.H48');
    expect(formatOrganizationCode({ level1: 'G22' })).toBe('000.00.00.G22');
    expect(() => formatOrganizationCode({ level1: 'h48' })).toThrowError(VnEgovError);
    expect(() => formatOrganizationCode({ level1: 'H48', level2: '5' })).toThrowError(/level2/);
    expect(() => formatOrganizationCode(null as unknown as { level1: string })).toThrowError(VnEgovError);
  });
  it('round-trips (fast-check)', () => {
    const d = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), d(2), d(2), d(2), d(3), (l, n, level2, level3, level4) => {
        const parts = { level1: l + n, level2, level3, level4 };
        const c = parseOrganizationCode(formatOrganizationCode(parts));
        expect({ level1: c.level1, level2: c.level2, level3: c.level3, level4: c.level4 }).toEqual(parts);
        if (c.parent !== null) {
          const p = parseOrganizationCode(c.parent);
          expect(p.unitLevel).toBeLessThan(c.unitLevel);
          expect(p.level1).toBe(c.level1);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fuzz: parseOrganizationCode', () => {
  const TOKENS = ['000', '00', '0', '.', 'H', '48', 'G22', 'A', ' ', 'h', '1', '..', 'Đ', '\u0301', '999'];
  it('10,000 random strings: strict throws only VnEgovError, lenient never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...TOKENS), { maxLength: 10 }).map((t) => t.join(''))), (s) => {
        const t0 = performance.now();
        try {
          parseOrganizationCode(s);
        } catch (e) {
          expect(e).toBeInstanceOf(VnEgovError);
          expect((e as VnEgovError).code).toBe('INVALID_ORGANIZATION_CODE');
        }
        const r = parseOrganizationCode(s, { mode: 'lenient' });
        expect(r.valid || r.warnings.length > 0).toBe(true);
        expect(performance.now() - t0).toBeLessThan(1000);
      }),
      { numRuns: 10_000 },
    );
  });
});
