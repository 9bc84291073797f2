import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { criteriaSets, defineCriteriaSet, criteriaSetProblems, type CriteriaSet } from '../../src/scoring/index.js';

const base = (): Record<string, unknown> => ({
  id: 'demo',
  version: '1',
  name: { vi: 'Bộ tiêu chí thử', en: 'Demo set' },
  source: 'QĐ 1/QĐ-UBND',
  confidence: 'confirmed',
  scale: { maxPoints: 10 },
  rounding: { decimals: 2, groupTotals: 'sum-of-rounded' },
  groups: [
    {
      id: 'g1',
      name: { vi: 'Nhóm 1', en: 'Group 1' },
      maxPoints: 10,
      indicators: [
        { id: 'a', name: { vi: 'A', en: 'A' }, maxPoints: 6, source: 's', confidence: 'confirmed',
          formula: { kind: 'ratio', numerator: 'n', denominator: 'd', zeroDenominator: 'null' } },
        { id: 'b', name: { vi: 'B', en: 'B' }, maxPoints: 4, source: 's', confidence: 'confirmed',
          formula: { kind: 'boolean', input: 'has' } },
      ],
    },
  ],
});

function problems(input: unknown): VnEgovError {
  try {
    defineCriteriaSet(input);
  } catch (e) {
    if (e instanceof VnEgovError) return e;
    throw e;
  }
  throw new Error('expected defineCriteriaSet to throw');
}

describe('defineCriteriaSet', () => {
  it('accepts a valid set and returns it typed', () => {
    const s: CriteriaSet = defineCriteriaSet(base());
    expect(s.groups[0]!.indicators.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('accepts the shipped sets', () => {
    for (const s of Object.values(criteriaSets)) expect(criteriaSetProblems(s)).toEqual([]);
    expect(criteriaSets.qd766.groups.map((g) => g.maxPoints)).toEqual([18, 20, 12, 10, 22, 18]);
    expect(criteriaSets.qd766.groups.reduce((a, g) => a + g.maxPoints, 0)).toBe(100);
  });

  it('reports every problem at once: points, unknown kind, duplicate ids, schema errors', () => {
    const s = base();
    const g = (s['groups'] as Record<string, unknown>[])[0]!;
    const inds = g['indicators'] as Record<string, unknown>[];
    inds[1]!['id'] = 'a'; // duplicate id
    inds.push({ id: 'c', name: { vi: 'C', en: 'C' }, maxPoints: 3, source: 's', confidence: 'confirmed', formula: { kind: 'spline', input: 'x' } });
    (s['groups'] as unknown[]).push({ id: 'g1', name: { vi: 'G', en: 'G' }, maxPoints: 5, indicators: [] });
    s['rounding'] = { decimals: -1, groupTotals: 'sum-of-rounded' };
    const e = problems(s);
    expect(e.code).toBe('INVALID_CRITERIA_SET');
    const codes = e.issues.map((i) => i.code);
    expect(codes).toContain('duplicate_id');
    expect(codes).toContain('unknown_formula_kind');
    expect(codes).toContain('points_do_not_add_up');
    expect(codes).toContain('too_small'); // rounding.decimals and the empty indicator list
    const paths = e.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('groups.0.indicators.1.id');
    expect(paths).toContain('groups.0.indicators.2.formula.kind');
    expect(paths).toContain('groups.0.maxPoints');
    expect(paths).toContain('groups.1.id');
    expect(paths).toContain('scale.maxPoints');
    expect(e.message).toMatch(/Bộ tiêu chí không hợp lệ.*invalid criteria set/);
  });

  it('checks meaning: points above max, bad ratio operands, monitoring with points, weights, scopes, dates, levels', () => {
    const s = base();
    s['effectiveFrom'] = '2025-01-01';
    s['effectiveTo'] = '2024-01-01';
    s['unitLevels'] = ['province'];
    const g = (s['groups'] as Record<string, unknown>[])[0]!;
    g['aggregate'] = { kind: 'weighted-mean', weights: { a: 1, zz: 2 } };
    const inds = g['indicators'] as Record<string, unknown>[];
    inds[0]!['formula'] = { kind: 'ratio', ratio: 'r', numerator: 'n', zeroDenominator: 'null' };
    inds[0]!['scope'] = ['commune'];
    inds[1]!['formula'] = { kind: 'boolean', input: 'has', pointsIfTrue: 9 };
    inds.push({ id: 'm', name: { vi: 'M', en: 'M' }, maxPoints: 1, source: 's', confidence: 'confirmed', formula: { kind: 'monitoring', inputs: [] } });
    s['levels'] = [{ id: 'l', name: { vi: 'L', en: 'L' }, source: 's', confidence: 'confirmed', basis: { kind: 'group', group: 'nope' },
      direction: 'higher-is-better', levels: [{ level: 1, label: { vi: '1', en: '1' }, minimum: 50 }, { level: 2, label: { vi: '2', en: '2' }, minimum: 40 }],
      belowMinimum: 'not-ranked' }];
    const codes = problems(s).issues.map((i) => i.code);
    for (const c of ['effective_dates', 'unknown_unit_level', 'missing_weight', 'unknown_weight', 'ratio_operands', 'points_above_max', 'monitoring_points', 'unknown_group', 'level_order']) {
      expect(codes, c).toContain(c);
    }
  });

  it('checks the mean aggregate: a mean group has the maximum of its children', () => {
    const s = base();
    const g = (s['groups'] as Record<string, unknown>[])[0]!;
    g['aggregate'] = { kind: 'mean' };
    g['maxPoints'] = 5; // mean of 6 and 4
    s['scale'] = { maxPoints: 5 };
    expect(() => defineCriteriaSet(s)).not.toThrow();
    g['maxPoints'] = 10;
    expect(problems(s).issues.some((i) => i.code === 'points_do_not_add_up')).toBe(true);
  });

  it('reports misspelt keys instead of dropping them silently', () => {
    const s = base();
    const g = (s['groups'] as Record<string, unknown>[])[0]!;
    const inds = g['indicators'] as Record<string, unknown>[];
    inds[0]!['formula'] = { kind: 'ratio', numerator: 'n', denominator: 'd', zeroDenominator: 'null', targt: 0.8 };
    const e = problems(s);
    expect(e.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'unrecognized_keys', path: ['groups', 0, 'indicators', 0, 'formula'] })]));
  });

  it('rejects non-objects and never crashes on garbage', () => {
    for (const junk of [null, 42, 'set', [], { groups: 'x' }, { groups: [null, 1, { indicators: [null] }] }]) {
      const e = problems(junk);
      expect(e.code).toBe('INVALID_CRITERIA_SET');
      expect(e.issues.length).toBeGreaterThan(0);
    }
  });

  it('every shipped indicator names its source and confidence; provisional QĐ 766 formulas are flagged', () => {
    for (const s of Object.values(criteriaSets)) {
      for (const g of s.groups) for (const i of g.indicators) expect(i.source.length).toBeGreaterThan(10);
    }
    const byNumber = new Map(criteriaSets.qd766.groups.flatMap((g) => g.indicators).map((i) => [i.number, i]));
    for (const n of ['1.1', '1.2', '1.3', '1.4', '3.1', '3.2', '3.3', '3.5a', '4.x', '4.4']) expect(byNumber.get(n)?.confidence, n).toBe('unverified');
    for (const n of ['2.1', '3.5b', '3.6', '4.1', '4.2', '4.3', '4.5a', '4.5b', '5.2', '5.3', '5.4']) expect(byNumber.get(n)?.confidence, n).toBe('secondary');
  });
});
