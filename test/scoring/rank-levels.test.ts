import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  caoBang2020Bands,
  classify,
  compareLevels,
  criteriaSets,
  defineLevelScheme,
  rank,
  resultLevel,
  score,
  type ScoreResult,
} from '../../src/scoring/index.js';

const egdiResults = (rows: [string, number | null][]): ScoreResult[] =>
  score(criteriaSets.egdi, rows.map(([id, v]) => ({ unitId: id, values: { osi: v, tii: v, hci: v } })), { period: '2022' });

describe('rank: standard competition ranking (1, 2, 2, 4) at the published precision', () => {
  it('EGDI 2022: Iceland and Sweden both 5 (0.9410), Australia 7', () => {
    const r = rank(egdiResults([['Finland', 0.9533], ['Iceland', 0.941], ['Australia', 0.9405], ['Sweden', 0.941], ['Korea', 0.9529]]), { precision: 4 });
    expect(r.map((e) => [e.unitId, e.rank])).toEqual([['Finland', 1], ['Korea', 2], ['Iceland', 3], ['Sweden', 3], ['Australia', 5]]);
    expect(r.filter((e) => e.tied).map((e) => e.unitId)).toEqual(['Iceland', 'Sweden']);
  });

  it('2017 ICT ranking style: equality at 3 decimals (0.633, 0.633 → 17, 17, 19)', () => {
    const rows: [string, number][] = Array.from({ length: 16 }, (_, i) => [`p${i}`, 0.7 - i * 0.004]);
    rows.push(['Thanh Hóa', 0.6331], ['Bà Rịa–Vũng Tàu', 0.6334], ['Phú Thọ', 0.62]);
    const r = rank(egdiResults(rows), { precision: 3 });
    const byId = new Map(r.map((e) => [e.unitId, e.rank]));
    expect([byId.get('Thanh Hóa'), byId.get('Bà Rịa–Vũng Tàu'), byId.get('Phú Thọ')]).toEqual([17, 17, 19]);
    // at 4 decimals they differ
    const r4 = new Map(rank(egdiResults(rows), { precision: 4 }).map((e) => [e.unitId, e.rank]));
    expect([r4.get('Bà Rịa–Vũng Tàu'), r4.get('Thanh Hóa')]).toEqual([17, 18]);
  });

  it('không xếp hạng: null, excluded and below-minimum units are listed after, with reasons', () => {
    const r = rank(egdiResults([['a', 0.5], ['b', null], ['c', 0.9], ['d', 0.2], ['e', 0.7]]), { precision: 4, minimum: 0.3, exclude: ['e'] });
    expect(r.map((e) => [e.unitId, e.rank, e.ranked, e.reason])).toEqual([
      ['c', 1, true, undefined],
      ['a', 2, true, undefined],
      ['b', null, false, 'no-score'],
      ['d', null, false, 'below-minimum'],
      ['e', null, false, 'excluded'],
    ]);
  });

  it('ranks by a group, ascending when asked; checks options', () => {
    const results = score(criteriaSets.qd766, [
      { unitId: 'a', values: { totalReceived: 10, totalOnTime: 9 } },
      { unitId: 'b', values: { totalReceived: 10, totalOnTime: 5 } },
    ], { period: '2025-01' });
    expect(rank(results, { by: { group: 'progress' } }).map((e) => e.unitId)).toEqual(['a', 'b']);
    expect(rank(results, { by: { group: 'progress' }, order: 'ascending' }).map((e) => e.unitId)).toEqual(['b', 'a']);
    expect(() => rank(results, { by: { group: 'nope' } })).toThrow(VnEgovError);
    expect(() => rank([...results, results[0]!])).toThrow(/twice/);
    expect(() => rank([...results, ...egdiResults([['z', 1]])])).toThrow(expect.objectContaining({ code: 'SET_MISMATCH' }));
    expect(rank([])).toEqual([]);
  });
});

describe('levels as data, with direction', () => {
  it('Cao Bằng 2020: Mức I (≥ 54) is the highest; below 36 not ranked', () => {
    expect(classify(60, caoBang2020Bands).label.vi).toBe('Mức I');
    expect(classify(54, caoBang2020Bands).level).toBe(1);
    expect(classify(50, caoBang2020Bands).label.vi).toBe('Mức II');
    expect(classify(36, caoBang2020Bands).label.vi).toBe('Mức IV');
    expect(classify(35.99, caoBang2020Bands)).toMatchObject({ ranked: false, reason: 'below-minimum', label: { vi: 'Không xếp hạng' } });
    expect(classify(null, caoBang2020Bands)).toMatchObject({ ranked: false, reason: 'no-score' });
    expect(compareLevels(classify(60, caoBang2020Bands), classify(40, caoBang2020Bands), caoBang2020Bands)).toBeGreaterThan(0);
    expect(compareLevels(classify(10, caoBang2020Bands), classify(40, caoBang2020Bands), caoBang2020Bands)).toBeLessThan(0);
  });

  it('mức độ 4 is the highest in the e-government result levels', () => {
    const unit = (p: number[]) =>
      score(criteriaSets.communeReadiness, { unitId: 'x', level: 'commune', values: Object.fromEntries(
        ['presence', 'interaction', 'transaction', 'transformation'].map((k, i) => [k, { points: p[i]!, evidence: ['BC'] }]),
      ) }, { period: '2025' });
    expect(resultLevel(unit([90, 80, 75, 50]), { threshold: 70 })).toBe(3);
    expect(resultLevel(unit([90, 80, 75, 71]), { threshold: 70 })).toBe(4);
    expect(resultLevel(unit([60, 80, 75, 71]), { threshold: 70 })).toBeNull();
    expect(() => resultLevel(unit([1, 1, 1, 1]), { threshold: 170 })).toThrow(VnEgovError);
  });

  it('the readiness template reports two axes and no total', () => {
    const r = score(criteriaSets.communeReadiness, { unitId: 'x', level: 'commune', values: {
      infrastructure: { points: 80, evidence: ['a'] }, staff: { points: 60, evidence: ['b'] }, policy: { points: 70, evidence: ['c'] },
    } }, { period: '2025' });
    expect(r.total).toBeNull();
    expect(r.groups.map((g) => g.points)).toEqual([70, null]);
    const scheme = criteriaSets.communeReadiness.levels![0]!;
    expect(scheme.basis).toEqual({ kind: 'group', group: 'readiness' });
    expect(classify(r.groups[0]!.points, scheme).label.vi).toBe('Mức I');
  });

  it('defineLevelScheme rejects bands in the wrong order for their direction', () => {
    expect(() => defineLevelScheme({ ...caoBang2020Bands, direction: 'higher-is-better' })).toThrow(expect.objectContaining({ code: 'INVALID_LEVEL_SCHEME' }));
    expect(defineLevelScheme(caoBang2020Bands).id).toBe('cao-bang-2020');
    expect(() => defineLevelScheme({ id: '' })).toThrow(expect.objectContaining({ code: 'INVALID_LEVEL_SCHEME' }));
  });
});

describe('levelOf and unit levels', () => {
  it('classifies a result on the scheme basis (total or group)', async () => {
    const { levelOf } = await import('../../src/scoring/index.js');
    const vn = score(criteriaSets.egdi, { unitId: 'VNM', values: { osi: 0.7081, tii: 0.878, hci: 0.7267 } }, { period: '2024' });
    expect(levelOf(vn, criteriaSets.egdi.levels![0]!)).toMatchObject({ level: 4, ranked: true, label: { en: 'Very High' } });
    const commune = score(criteriaSets.communeReadiness, { unitId: 'x', level: 'commune', values: { staff: { points: 40, evidence: ['a'] } } }, { period: '2025' });
    expect(levelOf(commune, criteriaSets.communeReadiness.levels![0]!)).toMatchObject({ level: 4, label: { vi: 'Mức IV' } });
    expect(() => levelOf({ total: 1, groups: [] }, criteriaSets.communeReadiness.levels![0]!)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
  it('an unknown unit level is an input error, not a silent full scope', () => {
    expect(() => score(criteriaSets.qd766, { unitId: 'x', level: 'comune', values: {} }, { period: '2026-08' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUTS', issues: [expect.objectContaining({ code: 'unknown_unit_level', path: [0, 'level'] })] }),
    );
  });
});
