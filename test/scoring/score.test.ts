import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { criteriaSets, defineCriteriaSet, score, type CriteriaSet, type UnitInputs } from '../../src/scoring/index.js';

function thrown(fn: () => unknown): VnEgovError {
  try {
    fn();
  } catch (e) {
    if (e instanceof VnEgovError) return e;
    throw e;
  }
  throw new Error('expected a VnEgovError');
}

const small: CriteriaSet = defineCriteriaSet({
  id: 'small',
  version: '1',
  name: { vi: 'Bộ nhỏ', en: 'Small set' },
  source: 'QĐ 1/QĐ-UBND',
  confidence: 'confirmed',
  scale: { maxPoints: 12 },
  rounding: { decimals: 2, groupTotals: 'sum-of-rounded' },
  unitLevels: ['province', 'commune'],
  groups: [
    {
      id: 'g1',
      name: { vi: 'Nhóm 1', en: 'Group 1' },
      maxPoints: 8,
      indicators: [
        { id: 'r', name: { vi: 'Tỷ lệ', en: 'Ratio' }, maxPoints: 6, source: 's', confidence: 'confirmed',
          formula: { kind: 'ratio', numerator: 'n', denominator: 'd', zeroDenominator: 'null' } },
        { id: 'p', name: { vi: 'Chỉ cấp tỉnh', en: 'Province only' }, maxPoints: 2, scope: ['province'], source: 's', confidence: 'confirmed',
          formula: { kind: 'boolean', input: 'has' } },
      ],
    },
    {
      id: 'g2',
      name: { vi: 'Nhóm 2', en: 'Group 2' },
      maxPoints: 4,
      indicators: [
        { id: 'e', name: { vi: 'Bắt buộc', en: 'Required' }, maxPoints: 2, source: 's', confidence: 'confirmed',
          formula: { kind: 'ratio', numerator: 'a', denominator: 'b', zeroDenominator: 'zero', missing: 'error' } },
        { id: 'm', name: { vi: 'Chấm tay', en: 'Manual' }, maxPoints: 2, source: 's', confidence: 'confirmed',
          formula: { kind: 'manual', input: 'man', requireEvidence: true } },
      ],
    },
  ],
});

describe('score', () => {
  it('sums rounded parts into groups and total; explanation in both languages', () => {
    const r = score(small, { unitId: 'u', level: 'province', values: { n: 1, d: 3, has: true, a: 1, b: 3, man: { points: 1.5, evidence: ['BC 1'] } } }, { period: '2025-03' });
    expect(r.groups[0]!.indicators[0]!.points).toBe(2);
    expect(r.groups[1]!.indicators[0]!.points).toBe(0.67);
    expect(r.groups[0]!.points).toBe(4);
    expect(r.groups[1]!.points).toBe(2.17);
    expect(r.total).toBe(6.17);
    expect(r.period).toEqual({ kind: 'month', year: 2025, month: 3 });
    expect(r.groups[1]!.indicators[1]!.explanation?.vi).toContain('minh chứng');
    expect(r.groups[1]!.indicators[1]!.explanation?.en).toContain('evidence');
  });

  it('null stays null: left out of group and total, never counted as 0', () => {
    const r = score(small, { unitId: 'u', level: 'province', values: { n: 0, d: 0, has: null, a: 0, b: 0, man: { points: 2, evidence: ['x'] } } }, { period: '2025' });
    const [ratio, prov] = r.groups[0]!.indicators;
    expect(ratio!.points).toBeNull();
    expect(ratio!.status).toBe('zero-denominator');
    expect(prov!.points).toBeNull();
    expect(prov!.status).toBe('missing-data');
    expect(r.groups[0]!.points).toBeNull(); // nothing scored ≠ 0
    expect(r.groups[0]!.scoredMaxPoints).toBe(0);
    expect(r.groups[1]!.indicators[0]!.points).toBe(0); // zero policy
    expect(r.groups[1]!.points).toBe(2);
    expect(r.total).toBe(2);
    expect(r.scoredMaxPoints).toBe(4);
    expect(ratio!.explanation?.vi).toContain('Mẫu số bằng 0');
    expect(ratio!.explanation?.en).toContain('Zero denominator');
  });

  it('everything null gives a null total', () => {
    const r = score(criteriaSets.qd766, { unitId: 'empty', values: {} }, { period: '2025-01' });
    expect(r.total).toBeNull();
    expect(r.percent).toBeNull();
    // PAKN with no petitions: full points would need the count 0, not an absent count
    expect(r.groups.find((g) => g.id === 'satisfaction')!.points).toBeNull();
  });

  it('QĐ 766 zero-denominator policies per indicator: PAKN full, 5.4 zero, digitisation null', () => {
    const r = score(criteriaSets.qd766, { unitId: 'x', values: { petitions: 0, petitionsOnTime: 0, petitionsSatisfied: 0, totalReceived: 0, satisfiedDossiers: 0, digitisedDossiers: 0 } }, { period: '2025-01' });
    const sat = r.groups.find((g) => g.id === 'satisfaction')!;
    expect(sat.indicators.map((i) => i.points)).toEqual([null, null, 6, 6, 0]);
    expect(sat.points).toBe(12);
    expect(r.groups.find((g) => g.id === 'digitisation')!.indicators.find((i) => i.id === 'digitised-dossiers')!.points).toBeNull();
  });

  it('scope: indicators outside the unit level are not applicable', () => {
    const r = score(small, { unitId: 'xa', level: 'commune', values: { n: 1, d: 1, has: true, a: 1, b: 1, man: { points: 2, evidence: ['x'] } } }, { period: '2025' });
    const p = r.groups[0]!.indicators[1]!;
    expect(p.status).toBe('not-applicable');
    expect(p.points).toBeNull();
    expect(r.groups[0]!.points).toBe(6);
    expect(p.explanation?.en).toContain('does not apply');
  });

  it('missing: error throws MISSING_INPUT; manual without evidence is not counted', () => {
    expect(thrown(() => score(small, { unitId: 'u', values: { n: 1, d: 1 } }, { period: '2025' })).code).toBe('MISSING_INPUT');
    const r = score(small, { unitId: 'u', values: { a: 1, b: 1, man: { points: 2, evidence: [] } } }, { period: '2025' });
    expect(r.groups[1]!.indicators[1]!.status).toBe('missing-evidence');
    expect(r.groups[1]!.points).toBe(2);
  });

  it('reports every input problem at once', () => {
    const e = thrown(() =>
      score(small, [
        { unitId: 'a', values: { n: 'x' } },
        { unitId: 'a', values: { man: { points: 9, evidence: ['x'] } } },
        { values: {} },
        { unitId: 'c', values: { n: Number.NaN } },
      ] as unknown as UnitInputs[], { period: '2025' }),
    );
    expect(e.code).toBe('INVALID_INPUTS');
    const paths = e.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['0.values.n', '1.unitId', '1.values.man', '2.unitId', '3.values.n']));
  });

  it('rejects bad options and bad periods', () => {
    expect(thrown(() => score(small, { unitId: 'u', values: {} }, { period: '2025-13' })).code).toBe('INVALID_PERIOD');
    expect(thrown(() => score(small, { unitId: 'u', values: {} }, { period: '2025', explain: 'loud' as 'text' })).code).toBe('INVALID_OPTIONS');
    expect(thrown(() => score({ ...small, groups: [] }, { unitId: 'u', values: {} }, { period: '2025' })).code).toBe('INVALID_CRITERIA_SET');
  });

  it('explain: data keeps the structure without sentences; none drops it', () => {
    const v = { unitId: 'u', values: { n: 1, d: 2, a: 1, b: 1 } };
    const d = score(small, v, { period: '2025', explain: 'data' });
    expect(d.groups[0]!.indicators[0]!.explanation).toMatchObject({ formula: 'ratio', inputs: { n: 1, d: 2 }, steps: { ratio: 0.5 }, vi: '', en: '' });
    expect(score(small, v, { period: '2025', explain: 'none' }).groups[0]!.indicators[0]!.explanation).toBeUndefined();
  });

  it('is pure: the same inputs give the same result, inputs untouched', () => {
    const u: UnitInputs = { unitId: 'u', values: { n: 1, d: 3, a: 1, b: 2 } };
    const copy = structuredClone(u);
    expect(score(small, u, { period: '2025' })).toEqual(score(small, u, { period: '2025' }));
    expect(u).toEqual(copy);
  });

  it('cross-unit formulas use the units scored together, or a reference population', () => {
    const units = [
      { unitId: 'a', values: { osi: 10, tii: 5, hci: 1 } },
      { unitId: 'b', values: { osi: 20, tii: 15, hci: 3 } },
      { unitId: 'c', values: { osi: 30, tii: 25, hci: 2 } },
    ];
    const r = score(criteriaSets.egdiFromRaw, units, { period: '2024' });
    expect(r.map((x) => x.total)).toEqual([0, 0.6667, 0.8333]);
    const ref = { osi: { count: 193, min: 0, max: 40, mean: 20, sd: 10 }, tii: { count: 193, min: 0, max: 40, mean: 20, sd: 10 }, hci: { count: 193, min: 0, max: 4, mean: 2, sd: 1 } };
    const one = score(criteriaSets.egdiFromRaw, units[0]!, { period: '2024', reference: ref });
    expect(one.groups[0]!.indicators.map((i) => i.points)).toEqual([0.25, 0.125, 0.25]);
  });

  it('weighted-mean groups and round-of-sum totals', () => {
    const s = defineCriteriaSet({
      ...small,
      id: 'w',
      rounding: { decimals: 1, groupTotals: 'round-of-sum' },
      scale: { maxPoints: 10 },
      groups: [{ id: 'g', name: { vi: 'G', en: 'G' }, maxPoints: 10, aggregate: { kind: 'weighted-mean', weights: { x: 1, y: 3 } },
        indicators: [
          { id: 'x', name: { vi: 'X', en: 'X' }, maxPoints: 10, source: 's', confidence: 'confirmed', formula: { kind: 'linear', input: 'x', from: 0, to: 1 } },
          { id: 'y', name: { vi: 'Y', en: 'Y' }, maxPoints: 10, source: 's', confidence: 'confirmed', formula: { kind: 'linear', input: 'y', from: 0, to: 1 } },
        ] }],
    });
    const r = score(s, { unitId: 'u', values: { x: 0.14, y: 0.54 } }, { period: '2025' });
    expect(r.groups[0]!.indicators.map((i) => i.points)).toEqual([1.4, 5.4]);
    expect(r.total).toBe(4.4); // (1.4 + 3 × 5.4) ÷ 4
    const partial = score(s, { unitId: 'u', values: { x: 0.5 } }, { period: '2025' });
    expect(partial.total).toBe(5); // y is null: the weighted mean of what was scored
  });
});

describe('explanationText', () => {
  it('renders the same sentences from explain: data as explain: text gives', async () => {
    const { explanationText } = await import('../../src/scoring/index.js');
    const values = { totalReceived: 0, totalOnTime: 0, petitions: 0, petitionsOnTime: 0, satisfiedDossiers: 5, digitisedDossiers: 9, certifiedCopyRatio: 1 };
    const text = score(criteriaSets.qd766, { unitId: 'u', values }, { period: '2026-08' });
    const data = score(criteriaSets.qd766, { unitId: 'u', values }, { period: '2026-08', explain: 'data' });
    let compared = 0;
    text.groups.forEach((g, gi) =>
      g.indicators.forEach((i, ii) => {
        const d = data.groups[gi]!.indicators[ii]!;
        expect(explanationText(criteriaSets.qd766, d, 'vi')).toBe(i.explanation!.vi);
        expect(explanationText(criteriaSets.qd766, d, 'en')).toBe(i.explanation!.en);
        compared++;
      }),
    );
    expect(compared).toBe(24);
    expect(explanationText(criteriaSets.egdi, data.groups[0]!.indicators[0]!, 'vi')).toBe('');
  });
});
