import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVnEgovError } from '../../src/errors/index.js';
import { createSeededRandom } from '../../src/testing/index.js';

describe('createSeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.integer()), (seed) => {
      const a = createSeededRandom(seed), b = createSeededRandom(seed);
      const xs = Array.from({ length: 8 }, () => a.uint32());
      expect(Array.from({ length: 8 }, () => b.uint32())).toEqual(xs);
    }));
    expect(createSeededRandom('a').digits(20)).not.toBe(createSeededRandom('b').digits(20));
  });

  it('pins the sequence of a known seed (same in every runtime)', () => {
    const r = createSeededRandom('vn-egov');
    expect([r.uint32(), r.uint32(), r.int(1, 6), r.digits(12)]).toMatchSnapshot();
  });

  it('keeps int(), pick(), bytes() and digits() in range', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
      const r = createSeededRandom(seed);
      const n = r.int(min, min + span);
      expect(n).toBeGreaterThanOrEqual(min);
      expect(n).toBeLessThanOrEqual(min + span);
      expect(Number.isInteger(n)).toBe(true);
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      expect(['a', 'b', 'c']).toContain(r.pick(['a', 'b', 'c']));
      expect(r.bytes(5)).toHaveLength(5);
      expect(r.digits(12)).toMatch(/^\d{12}$/);
    }));
  });

  it('forks independent, order-free sub-streams', () => {
    const a = createSeededRandom('s');
    const b = createSeededRandom('s');
    a.uint32();
    expect(a.fork('x').digits(10)).toBe(b.fork('x').digits(10));
    expect(a.fork('x').digits(10)).not.toBe(a.fork('y').digits(10));
  });

  it('rejects bad seeds and ranges with INVALID_FIXTURE_OPTIONS', () => {
    for (const f of [() => createSeededRandom(Number.NaN), () => createSeededRandom({} as never), () => createSeededRandom('x').int(5, 1), () => createSeededRandom('x').pick([])]) {
      expect(f).toThrow(expect.objectContaining({ code: 'INVALID_FIXTURE_OPTIONS' }));
      try { f(); } catch (e) { expect(isVnEgovError(e)).toBe(true); }
    }
  });
});
