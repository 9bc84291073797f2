import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaSets, formulaInputKeys, rank, roundTo, score, type ScoreResult, type UnitInputs } from '../../src/scoring/index.js';

const set = criteriaSets.qd766;
const keys = [...new Set(set.groups.flatMap((g) => g.indicators.flatMap((i) => formulaInputKeys(i.formula))))];
const RATIO_KEYS = new Set(['onlineSubmissionRatio', 'certifiedCopyRatio']);

/** Random QĐ 766 inputs: counts (often 0), ratios in 0–1, nulls and absences. */
const valueArb = (key: string) =>
  RATIO_KEYS.has(key)
    ? fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null))
    : fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 200_000 }) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(null) });
const valuesArb = fc.record(Object.fromEntries(keys.map((k) => [k, valueArb(k)])) as Record<string, fc.Arbitrary<number | null>>, { requiredKeys: [] });
const unitsArb = fc.uniqueArray(fc.record({ unitId: fc.string({ minLength: 1, maxLength: 6 }), values: valuesArb }), { minLength: 1, maxLength: 8, selector: (u) => u.unitId });

const sumOrNull = (xs: (number | null)[]): number | null => {
  const present = xs.filter((x): x is number => x !== null);
  return present.length ? roundTo(present.reduce((a, b) => a + b, 0), 2) : null;
};

describe('properties of score and rank (QĐ 766)', () => {
  it('totals equal the sums of their rounded parts; null only when no part was scored', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        for (const r of score(set, units as UnitInputs[], { period: '2026-08', explain: 'none' })) {
          for (const g of r.groups) {
            expect(g.points).toBe(sumOrNull(g.indicators.map((i) => i.points)));
            for (const i of g.indicators) {
              if (i.points !== null && i.id !== 'fee-procedures-integrated') expect(i.points).toBeLessThanOrEqual(i.maxPoints);
              if (i.points !== null) expect(i.points).toBeGreaterThanOrEqual(0);
              if (i.status === 'missing-data' || i.status === 'monitoring') expect(i.points).toBeNull();
            }
          }
          expect(r.total).toBe(sumOrNull(r.groups.map((g) => g.points)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("adding a unit never changes the other units' scores, and order does not matter", () => {
    fc.assert(
      fc.property(unitsArb, valuesArb, (units, extra) => {
        const base = score(set, units as UnitInputs[], { period: '2026-08' });
        const more = score(set, [...(units as UnitInputs[]), { unitId: '__extra__', values: extra as UnitInputs['values'] }], { period: '2026-08' });
        expect(more.slice(0, base.length)).toEqual(base);
        const reversed = score(set, [...(units as UnitInputs[])].reverse(), { period: '2026-08' });
        expect([...reversed].reverse()).toEqual(base);
      }),
      { numRuns: 100 },
    );
  });

  it('ranking: competition ranks (1224), ties share a rank, null is never ranked', () => {
    const totalsArb = fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 20 }).map((x) => x / 4)), { minLength: 0, maxLength: 30 });
    fc.assert(
      fc.property(totalsArb, fc.integer({ min: 0, max: 2 }), (totals, precision) => {
        const results = totals.map((t, i): ScoreResult => ({
          setId: 's', setVersion: '1', unitId: `u${i}`, period: { kind: 'year', year: 2025 }, total: t, maxPoints: 5, scoredMaxPoints: 5, percent: null, groups: [],
        }));
        const ranking = rank(results, { precision });
        expect(ranking.length).toBe(totals.length);
        const ranked = ranking.filter((e) => e.ranked);
        for (const e of ranking) {
          if (e.value === null) expect(e.ranked).toBe(false);
          if (!e.ranked) expect(e.rank).toBeNull();
        }
        for (const e of ranked) {
          const better = ranked.filter((o) => o.value! > e.value!).length;
          expect(e.rank).toBe(better + 1);
          expect(e.tied).toBe(ranked.filter((o) => o.value === e.value).length > 1);
        }
        // ranked entries come first, in non-increasing value order
        const firstUnranked = ranking.findIndex((e) => !e.ranked);
        if (firstUnranked >= 0) expect(ranking.slice(firstUnranked).every((e) => !e.ranked)).toBe(true);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.value!).toBeGreaterThanOrEqual(ranked[i]!.value!);
      }),
      { numRuns: 300 },
    );
  });

  it('null is distinct from 0: a zero count scores, an absent count does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (received) => {
        const zero = score(set, { unitId: 'a', values: { totalReceived: received, totalOnTime: 0 } }, { period: '2026-08' });
        const absent = score(set, { unitId: 'a', values: { totalReceived: received, totalOnTime: null } }, { period: '2026-08' });
        expect(zero.total).toBe(0);
        expect(absent.total).toBeNull();
        const r = rank([zero, { ...absent, unitId: 'b' }]);
        expect(r.map((e) => [e.unitId, e.rank])).toEqual([['a', 1], ['b', null]]);
      }),
      { numRuns: 50 },
    );
  });
});
