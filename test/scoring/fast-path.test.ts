/**
 * The compiled fast path of `score` and the rewritten `rank` give exactly the results of the reference
 * implementation (frozen copies under ./reference/ of the code before the optimisation), on random inputs and
 * random criteria sets, in every explanation mode — compared with toEqual and as JSON (same key order).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  criteriaSets,
  defineCriteriaSet,
  formulaInputKeys,
  rank,
  score,
  type CriteriaSet,
  type Formula,
  type InputValue,
  type RankOptions,
  type UnitInputs,
} from '../../src/scoring/index.js';
import { referenceRank } from './reference/rank-reference.js';
import { referenceScore } from './reference/score-reference.js';

type Explain = 'none' | 'data' | 'text';
const MODES: readonly Explain[] = ['none', 'data', 'text'];

/** Runs a function and returns its value or the error's code, message and issues (both sides must fail alike). */
function outcome<T>(fn: () => T): T | { error: string; message: string; issues: unknown } {
  try {
    return fn();
  } catch (e) {
    if (e instanceof VnEgovError) return { error: e.code, message: e.message, issues: e.issues };
    throw e;
  }
}

function same(set: CriteriaSet, units: UnitInputs[], period: string, explain: Explain): void {
  const fast = outcome(() => score(set, units, { period, explain }));
  const ref = outcome(() => referenceScore(set, units, { period, explain }));
  expect(fast).toEqual(ref);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(ref));
}

const keysOf = (set: CriteriaSet): string[] => [...new Set(set.groups.flatMap((g) => g.indicators.flatMap((i) => formulaInputKeys(i.formula))))];

/** Any plain input value: counts (often 0), fractions, negatives, booleans, null; or the key absent. */
const plainArb: fc.Arbitrary<InputValue> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1.5, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: -50, max: 50 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
);
const valuesArb = (keys: readonly string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, plainArb])) as Record<string, fc.Arbitrary<InputValue>>, { requiredKeys: [] });
const unitsArb = (keys: readonly string[], levels: readonly (string | undefined)[]) =>
  fc.uniqueArray(
    fc.record({ unitId: fc.string({ minLength: 1, maxLength: 5 }), level: fc.constantFrom(...levels), values: valuesArb(keys) }).map((u) => {
      const out: UnitInputs = { unitId: u.unitId, values: u.values as UnitInputs['values'] };
      if (u.level !== undefined) out.level = u.level;
      return out;
    }),
    { minLength: 1, maxLength: 8, selector: (u) => u.unitId },
  );
const periodArb = fc.constantFrom('2026-08', '2026-Q3', '2026');

describe('the fast path of score equals the reference implementation', () => {
  it('QĐ 766: random units, levels, nulls and absences, every explanation mode', () => {
    const set = criteriaSets.qd766;
    const levels = [undefined, ...(set.unitLevels ?? [])];
    fc.assert(
      fc.property(unitsArb(keysOf(set), levels), periodArb, fc.constantFrom(...MODES), (units, period, explain) => same(set, units, period, explain)),
      { numRuns: 150 },
    );
  });

  it('the other shipped sets (EGDI from components and from raw values, commune readiness with manual scores)', () => {
    const manualArb: fc.Arbitrary<InputValue> = fc.oneof(
      fc.record({ points: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 3, noNaN: true })), evidence: fc.array(fc.constantFrom('QĐ 1/QĐ-UBND', 'BC 2'), { maxLength: 2 }) }),
      plainArb,
    );
    for (const set of [criteriaSets.egdi, criteriaSets.egdiFromRaw, criteriaSets.communeReadiness]) {
      const keys = keysOf(set);
      const manual = set === criteriaSets.communeReadiness;
      const levels = [undefined, ...(set.unitLevels ?? [])];
      const vals = manual
        ? fc.record(Object.fromEntries(keys.map((k) => [k, manualArb])) as Record<string, fc.Arbitrary<InputValue>>, { requiredKeys: [] })
        : valuesArb(keys);
      const units = fc.uniqueArray(
        fc.record({ unitId: fc.string({ minLength: 1, maxLength: 5 }), level: fc.constantFrom(...levels), values: vals }).map((u) => {
          const out: UnitInputs = { unitId: u.unitId, values: u.values as UnitInputs['values'] };
          if (u.level !== undefined) out.level = u.level;
          return out;
        }),
        { minLength: 1, maxLength: 8, selector: (u) => u.unitId },
      );
      fc.assert(
        fc.property(units, periodArb, fc.constantFrom(...MODES), (us, period, explain) => same(set, us, period, explain)),
        { numRuns: 60 },
      );
    }
  });

  it('random criteria sets: every ratio variant, other formula kinds, scopes, means and weighted means, both rounding rules', () => {
    const KEYS = ['a', 'b', 'c', 'd', 'y'];
    const operandArb = fc.oneof(
      fc.constantFrom(...KEYS),
      fc.record({ op: fc.constantFrom('sum' as const, 'max' as const, 'difference' as const), of: fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }) }),
    );
    const missingArb = fc.option(fc.constantFrom('null' as const, 'zero' as const, 'error' as const), { nil: undefined });
    const zeroArb = fc.constantFrom('null' as const, 'zero' as const, 'full' as const);
    const ratioArb: fc.Arbitrary<Formula> = fc
      .record({
        useRatio: fc.boolean(),
        numerator: fc.option(operandArb, { nil: undefined }),
        denominator: fc.option(operandArb, { nil: undefined }),
        target: fc.option(fc.constantFrom(1, 0.8, 0.5), { nil: undefined }),
        cap: fc.option(fc.boolean(), { nil: undefined }),
        zeroDenominator: zeroArb,
        fallback: fc.boolean(),
        missing: missingArb,
      })
      .map((r): Formula => {
        const f: Formula = { kind: 'ratio', zeroDenominator: r.zeroDenominator };
        if (r.useRatio) f.ratio = 'c';
        else {
          f.numerator = r.numerator ?? 'a';
          if (r.denominator !== undefined) f.denominator = r.denominator;
          if (r.fallback) f.denominatorFallback = { input: 'y' };
        }
        if (r.target !== undefined) f.target = r.target;
        if (r.cap !== undefined) f.cap = r.cap;
        if (r.missing !== undefined) f.missing = r.missing;
        return f;
      });
    const otherArb: fc.Arbitrary<Formula> = fc.oneof(
      fc.record({ input: fc.constantFrom(...KEYS), missing: missingArb }).map((r): Formula => (r.missing ? { kind: 'boolean', input: r.input, missing: r.missing } : { kind: 'boolean', input: r.input })),
      fc.constantFrom<Formula>(
        { kind: 'linear', input: 'c', from: 0, to: 1 },
        { kind: 'count', input: 'd', pointsPerUnit: 0.5 },
        { kind: 'monitoring', inputs: ['a', 'b'] },
        { kind: 'min-max', input: 'a', direction: 'higher-is-better', zeroDenominator: 'full' },
        { kind: 'z-score', input: { op: 'sum', of: ['a', 'b'] }, zeroDenominator: 'null' },
        { kind: 'normalise-to-best', input: 'b', best: 'lowest', zeroDenominator: 'zero' },
        { kind: 'thresholds', input: 'c', direction: 'at-least', bands: [{ bound: 0.9, points: 1 }, { bound: 0.5, points: 0.5 }] },
      ),
    );
    const indicatorArb = fc.record({
      formula: fc.oneof({ weight: 3, arbitrary: ratioArb }, { weight: 1, arbitrary: otherArb }),
      max: fc.constantFrom(1, 2, 3.5, 10),
      scope: fc.option(fc.constantFrom(['province'], ['commune'], ['province', 'commune']), { nil: undefined }),
    });
    const groupArb = fc.record({ indicators: fc.array(indicatorArb, { minLength: 1, maxLength: 4 }), agg: fc.constantFrom('sum', 'mean', 'weighted-mean', undefined) });
    const setArb = fc
      .record({
        groups: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
        total: fc.constantFrom('sum', 'mean', 'weighted-mean', 'none', undefined),
        decimals: fc.constantFrom(0, 2, 4),
        groupTotals: fc.constantFrom('sum-of-rounded' as const, 'round-of-sum' as const),
      })
      .map((r): CriteriaSet | undefined => {
        const aggOf = (kind: string | undefined, ids: string[]) =>
          kind === undefined ? undefined : kind === 'weighted-mean' ? { kind, weights: Object.fromEntries(ids.map((id, i) => [id, i + 1])) } : { kind };
        const maxOf = (kind: string | undefined, maxima: number[]) =>
          kind === 'mean' ? maxima.reduce((a, b) => a + b, 0) / maxima.length
            : kind === 'weighted-mean' ? maxima.reduce((a, b, i) => a + b * (i + 1), 0) / maxima.reduce((a, _b, i) => a + i + 1, 0)
              : maxima.reduce((a, b) => a + b, 0);
        const groups = r.groups.map((g, gi) => {
          const indicators = g.indicators.map((i, ii) => {
            const ind: Record<string, unknown> = {
              id: `i${gi}-${ii}`, name: { vi: `Chỉ số ${ii}`, en: `Indicator ${ii}` }, maxPoints: i.formula.kind === 'monitoring' ? 0 : i.max,
              formula: i.formula, source: 's', confidence: 'confirmed',
            };
            if (i.scope) ind['scope'] = i.scope;
            return ind;
          });
          const ids = indicators.map((i) => i['id'] as string);
          const group: Record<string, unknown> = { id: `g${gi}`, name: { vi: `Nhóm ${gi}`, en: `Group ${gi}` }, maxPoints: maxOf(g.agg, indicators.map((i) => i['maxPoints'] as number)), indicators };
          const agg = aggOf(g.agg, ids);
          if (agg) group['aggregate'] = agg;
          return group;
        });
        const total = r.total === 'none' ? { kind: 'none' } : aggOf(r.total, groups.map((g) => g['id'] as string));
        const json: Record<string, unknown> = {
          id: 'random', version: '1', name: { vi: 'Ngẫu nhiên', en: 'Random' }, source: 's', confidence: 'confirmed',
          scale: { maxPoints: r.total === 'none' ? 0 : maxOf(r.total, groups.map((g) => g['maxPoints'] as number)) },
          rounding: { decimals: r.decimals, groupTotals: r.groupTotals }, unitLevels: ['province', 'commune'], groups,
        };
        if (total) json['total'] = total;
        try {
          return defineCriteriaSet(json);
        } catch {
          return undefined;
        }
      });
    let checked = 0;
    fc.assert(
      fc.property(setArb, fc.integer({ min: 1, max: 6 }), fc.constantFrom(...MODES), periodArb, fc.infiniteStream(valuesArb(KEYS)), fc.infiniteStream(fc.constantFrom(undefined, 'province', 'commune')), (set, n, explain, period, values, levels) => {
        fc.pre(set !== undefined);
        const units = Array.from({ length: n }, (_, i): UnitInputs => {
          const u: UnitInputs = { unitId: `u${i}`, values: values.next().value as UnitInputs['values'] };
          const level = levels.next().value as string | undefined;
          if (level !== undefined) u.level = level;
          return u;
        });
        same(set!, units, period, explain);
        checked++;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('invalid inputs and missing inputs fail the same way (codes, messages, issues)', () => {
    const set = criteriaSets.qd766;
    const bad = [
      { unitId: 'a', values: { totalReceived: 'x' } },
      { unitId: 'a', values: { totalReceived: Number.NaN } },
      { unitId: '', values: {} },
      { unitId: 'b', level: 'planet', values: {} },
    ] as unknown as UnitInputs[];
    for (const explain of MODES) same(set, bad, '2026-08', explain);
  });
});

describe('the rewritten rank equals the reference implementation', () => {
  it('random totals and groups, precision, order, minimum, exclusions', () => {
    const set = criteriaSets.qd766;
    const optionsArb: fc.Arbitrary<RankOptions> = fc
      .record({
        by: fc.constantFrom<RankOptions['by']>(undefined, 'total', { group: 'progress' }, { group: 'publicity' }, { group: 'no-such-group' }),
        precision: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        order: fc.option(fc.constantFrom('descending' as const, 'ascending' as const), { nil: undefined }),
        minimum: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        exclude: fc.option(fc.array(fc.constantFrom('u0', 'u1', 'u5')), { nil: undefined }),
      })
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as RankOptions);
    fc.assert(
      fc.property(unitsArb(keysOf(set), [undefined, 'province']), optionsArb, fc.boolean(), (units, options, named) => {
        const results = score(set, units.map((u, i) => ({ ...u, unitId: `u${i}`, ...(named ? { unitName: `Xã ${i}` } : {}) })), { period: '2026-08', explain: 'none' });
        const fast = outcome(() => rank(results, options));
        const ref = outcome(() => referenceRank(results, options));
        expect(fast).toEqual(ref);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(ref));
      }),
      { numRuns: 300 },
    );
  });

  it('duplicates and ties at the published precision', () => {
    const results = score(criteriaSets.qd766, [
      { unitId: 'a', values: { totalReceived: 3, totalOnTime: 1 } },
      { unitId: 'b', values: { totalReceived: 6, totalOnTime: 2 } },
      { unitId: 'c', values: {} },
    ], { period: '2026-08', explain: 'none' });
    expect(rank(results)).toEqual(referenceRank(results));
    expect(rank(results).map((e) => e.rank)).toEqual([1, 1, null]);
    expect(outcome(() => rank([...results, results[0]!]))).toEqual(outcome(() => referenceRank([...results, results[0]!])));
  });
});
