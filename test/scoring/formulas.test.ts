import { describe, expect, it } from 'vitest';
import {
  evaluateFormula,
  evaluateRatio,
  evaluateAssessed,
  formulaInputKeys,
  populationStats,
  roundTo,
  type Formula,
  type FormulaContext,
} from '../../src/scoring/index.js';

const ctx = (values: FormulaContext['values'], maxPoints = 10, extra: Partial<FormulaContext> = {}): FormulaContext => ({
  maxPoints,
  values,
  periodKind: 'month',
  ...extra,
});

describe('ratio', () => {
  const f: Formula = { kind: 'ratio', numerator: 'n', denominator: 'd', zeroDenominator: 'null' };
  it('max × ratio, capped at max', () => {
    expect(evaluateFormula(f, ctx({ n: 1, d: 4 })).points).toBe(2.5);
    const over = evaluateFormula(f, ctx({ n: 5, d: 4 }));
    expect(over.points).toBe(10);
    expect(over.policy).toBe('cap');
  });
  it('saturation target: full at ≥ target, proportional below', () => {
    const t: Formula = { ...f, target: 0.8 } as Formula;
    expect(evaluateFormula(t, ctx({ n: 8, d: 10 })).points).toBe(10);
    expect(evaluateFormula(t, ctx({ n: 9, d: 10 })).points).toBe(10);
    expect(evaluateFormula(t, ctx({ n: 4, d: 10 })).points).toBeCloseTo(5, 12);
  });
  it('cap: false keeps a fitted formula above the maximum', () => {
    const t: Formula = { ...f, target: 0.8, cap: false } as Formula;
    expect(evaluateFormula(t, ctx({ n: 9, d: 10 }, 2)).points).toBeCloseTo(2.25, 12);
  });
  it('zero denominator: null, zero or full, as configured, and null stays distinct from 0', () => {
    for (const [policy, expected] of [['null', null], ['zero', 0], ['full', 10]] as const) {
      const o = evaluateFormula({ ...f, zeroDenominator: policy } as Formula, ctx({ n: 0, d: 0 }));
      expect(o.points).toBe(expected);
      expect(o.status).toBe('zero-denominator');
      expect(o.policy).toBe(`zero-denominator:${policy}`);
    }
  });
  it('missing data: null by default, 0 or error by policy', () => {
    expect(evaluateFormula(f, ctx({ n: 3 })).points).toBeNull();
    expect(evaluateFormula(f, ctx({ n: 3, d: null })).status).toBe('missing-data');
    expect(evaluateFormula({ ...f, missing: 'zero' } as Formula, ctx({ d: 3 })).points).toBe(0);
    expect(evaluateFormula({ ...f, missing: 'error' } as Formula, ctx({ d: 3 })).policy).toBe('missing:error');
  });
  it('operands: max of two systems, sum, difference; a yearly fallback shared over the period', () => {
    const sync: Formula = { kind: 'ratio', numerator: 's', denominator: { op: 'max', of: ['a', 'b'] }, denominatorFallback: { input: 'y' }, zeroDenominator: 'zero' };
    expect(evaluateFormula(sync, ctx({ s: 50, a: 100, b: null })).points).toBe(5);
    expect(evaluateFormula(sync, ctx({ s: 50, a: 80, b: 100 })).points).toBe(5);
    const fb = evaluateFormula(sync, ctx({ s: 50, a: 0, b: 0, y: 1200 }));
    expect(fb.steps['denominator']).toBe(100);
    expect(fb.policy).toBe('denominator-fallback');
    expect(evaluateFormula(sync, ctx({ s: 50, a: 0, b: 0, y: 1200 }, 10, { periodKind: 'quarter' })).points).toBeCloseTo(10 * (50 / 300), 12);
    expect(evaluateFormula(sync, ctx({ s: 50, a: 0, b: 0, y: 1200 }, 10, { periodKind: 'year' })).points).toBeCloseTo(10 * (50 / 1200), 12);
    expect(evaluateFormula(sync, ctx({ s: 50, a: 0, b: 0 })).points).toBe(0); // no prior year: ratio 0
    const diff: Formula = { kind: 'ratio', numerator: { op: 'difference', of: ['p', 'u', 'o'] }, denominator: { op: 'sum', of: ['p'] }, zeroDenominator: 'full' };
    expect(evaluateFormula(diff, ctx({ p: 10, u: 2, o: 3 })).points).toBe(5);
    expect(evaluateFormula(diff, ctx({ p: 10, u: 2 })).status).toBe('missing-data');
  });
  it('a ratio given directly; a negative ratio scores 0', () => {
    expect(evaluateRatio({ kind: 'ratio', ratio: 'r', zeroDenominator: 'null' }, ctx({ r: 1 }, 2)).points).toBe(2);
    expect(evaluateFormula({ kind: 'ratio', numerator: { op: 'difference', of: ['a', 'b'] }, denominator: 'd', zeroDenominator: 'null' }, ctx({ a: 1, b: 5, d: 4 })).points).toBe(0);
  });
});

describe('other primitives', () => {
  it('thresholds: best band reached, both directions', () => {
    const up: Formula = { kind: 'thresholds', input: 'v', direction: 'at-least', bands: [{ bound: 50, points: 3 }, { bound: 100, points: 5 }] };
    expect(evaluateFormula(up, ctx({ v: 120 })).points).toBe(5);
    expect(evaluateFormula(up, ctx({ v: 60 })).points).toBe(3);
    expect(evaluateFormula(up, ctx({ v: 10 })).points).toBe(0);
    const down: Formula = { kind: 'thresholds', input: 'v', direction: 'at-most', bands: [{ bound: 2, points: 4 }, { bound: 5, points: 2 }], otherwise: 1 };
    expect(evaluateFormula(down, ctx({ v: 1 })).points).toBe(4);
    expect(evaluateFormula(down, ctx({ v: 4 })).points).toBe(2);
    expect(evaluateFormula(down, ctx({ v: 9 })).points).toBe(1);
  });
  it('boolean: Có = max / Không = 0, 1/0 accepted, other values missing', () => {
    const b: Formula = { kind: 'boolean', input: 'x' };
    expect(evaluateFormula(b, ctx({ x: true }, 2)).points).toBe(2);
    expect(evaluateFormula(b, ctx({ x: 0 }, 2)).points).toBe(0);
    expect(evaluateFormula(b, ctx({ x: 7 }, 2)).points).toBeNull();
  });
  it('count with a cap', () => {
    const c: Formula = { kind: 'count', input: 'n', pointsPerUnit: 1, base: 0 };
    expect(evaluateFormula(c, ctx({ n: 3 }, 5)).points).toBe(3);
    expect(evaluateFormula(c, ctx({ n: 9 }, 5)).points).toBe(5);
    expect(evaluateFormula(c, ctx({ n: -2 }, 5)).points).toBe(0);
  });
  it('linear between two values, increasing or decreasing, clamped', () => {
    expect(evaluateFormula({ kind: 'linear', input: 'v', from: 10, to: 20 }, ctx({ v: 15 })).points).toBe(5);
    expect(evaluateFormula({ kind: 'linear', input: 'v', from: 20, to: 10 }, ctx({ v: 12 })).points).toBeCloseTo(8, 12);
    expect(evaluateFormula({ kind: 'linear', input: 'v', from: 10, to: 20 }, ctx({ v: 99 })).points).toBe(10);
  });
  it('cross-unit: normalise to best, min–max, z-score then min–max', () => {
    const pop = populationStats([2, 4, 6, 8]);
    expect(pop).toMatchObject({ count: 4, min: 2, max: 8, mean: 5 });
    expect(pop.sd).toBeCloseTo(Math.sqrt(5), 12);
    expect(evaluateFormula({ kind: 'normalise-to-best', input: 'v', best: 'highest', zeroDenominator: 'zero' }, ctx({ v: 4 }, 40, { population: pop })).points).toBe(20);
    expect(evaluateFormula({ kind: 'normalise-to-best', input: 'v', best: 'lowest', zeroDenominator: 'zero' }, ctx({ v: 4 }, 40, { population: pop })).points).toBe(20);
    expect(evaluateFormula({ kind: 'min-max', input: 'v', direction: 'higher-is-better', zeroDenominator: 'null' }, ctx({ v: 5 }, 1, { population: pop })).points).toBe(0.5);
    expect(evaluateFormula({ kind: 'min-max', input: 'v', direction: 'lower-is-better', zeroDenominator: 'null' }, ctx({ v: 2 }, 1, { population: pop })).points).toBe(1);
    const z = evaluateFormula({ kind: 'z-score', input: 'v', zeroDenominator: 'null' }, ctx({ v: 6 }, 1, { population: pop }));
    expect(z.points).toBeCloseTo(2 / 3, 12);
    expect(z.steps['z']).toBeCloseTo(1 / Math.sqrt(5), 12);
    const flat = populationStats([3, 3]);
    expect(evaluateFormula({ kind: 'min-max', input: 'v', direction: 'higher-is-better', zeroDenominator: 'full' }, ctx({ v: 3 }, 1, { population: flat })).points).toBe(1);
    expect(evaluateFormula({ kind: 'z-score', input: 'v', zeroDenominator: 'null' }, ctx({ v: 3 }, 1, { population: flat })).points).toBeNull();
  });
  it('manual score with evidence', () => {
    const m: Formula = { kind: 'manual', input: 'k', requireEvidence: true };
    expect(evaluateFormula(m, ctx({ k: { points: 4, evidence: ['QĐ 12/QĐ-UBND'] } })).points).toBe(4);
    const noEvidence = evaluateFormula(m, ctx({ k: { points: 4, evidence: [] } }));
    expect(noEvidence.points).toBeNull();
    expect(noEvidence.status).toBe('missing-evidence');
    expect(evaluateFormula(m, ctx({ k: 4 })).status).toBe('missing-data');
  });
  it('combining self-assessment and reviewers', () => {
    const v = { k: { self: 9, reviewers: [6, 8] } };
    expect(evaluateAssessed({ kind: 'assessed', input: 'k', combine: { rule: 'last-reviewer' } }, ctx(v)).points).toBe(8);
    expect(evaluateAssessed({ kind: 'assessed', input: 'k', combine: { rule: 'mean-of-reviewers' } }, ctx(v)).points).toBe(7);
    expect(evaluateAssessed({ kind: 'assessed', input: 'k', combine: { rule: 'weighted', selfWeight: 1, reviewerWeight: 2 } }, ctx({ k: { self: 9, reviewers: [6] } })).points).toBe(7);
    expect(evaluateAssessed({ kind: 'assessed', input: 'k', combine: { rule: 'minimum' } }, ctx(v)).points).toBe(6);
    expect(evaluateAssessed({ kind: 'assessed', input: 'k', combine: { rule: 'last-reviewer' } }, ctx({ k: { self: 9, reviewers: [null] } })).points).toBe(9);
    expect(evaluateAssessed({ kind: 'assessed', input: 'k', combine: { rule: 'minimum' } }, ctx({ k: { self: null, reviewers: [] } })).points).toBeNull();
  });
  it('monitoring is never scored', () => {
    const o = evaluateFormula({ kind: 'monitoring', inputs: ['a'] }, ctx({ a: 3 }, 0));
    expect(o).toMatchObject({ points: null, status: 'monitoring', inputs: { a: 3 } });
  });
  it('lists the input keys a formula reads', () => {
    expect(formulaInputKeys({ kind: 'ratio', numerator: 'a', denominator: { op: 'max', of: ['b', 'c'] }, denominatorFallback: { input: 'y' }, zeroDenominator: 'null' })).toEqual(['a', 'b', 'c', 'y']);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero as written in decimal', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(15.675, 2)).toBe(15.68);
    expect(roundTo(-2.345, 2)).toBe(-2.35);
    expect(roundTo(0.67866666, 4)).toBe(0.6787);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-0.001, 2)).toBe(0);
  });
});
