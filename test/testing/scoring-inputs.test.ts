import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { criteriaSets, rank, score } from '../../src/scoring/index.js';
import { createScoringInputs } from '../../src/testing/index.js';

const qd766Pairs = criteriaSets.qd766.groups.flatMap((g) =>
  g.indicators.flatMap((i) => (i.formula.kind === 'ratio' && typeof i.formula.numerator === 'string' && typeof i.formula.denominator === 'string' ? [[i.formula.numerator, i.formula.denominator] as const] : [])),
);

describe('createScoringInputs (dữ liệu chấm điểm mẫu)', () => {
  it('QĐ 766, ten communes for a month: scored without input errors, ranked, Vietnamese names, unique ids', () => {
    const f = createScoringInputs({ set: 'qd766', units: 10, seed: 1, period: '2026-08' });
    expect(f.set).toBe(criteriaSets.qd766);
    expect(f.period).toBe('2026-08');
    expect(f.units).toHaveLength(10);
    expect(new Set(f.units.map((u) => u.unitId)).size).toBe(10);
    for (const u of f.units) {
      expect(u.level).toBe('commune');
      expect(u.unitName).toMatch(/^(Xã|Phường) \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*$/u);
      expect(u.unitName).toBe(u.unitName!.normalize('NFC'));
      expect(u.unitId).toMatch(/^[a-z0-9-]+$/);
    }
    expect(f.units.some((u) => /[ăâđêôơưáàảãạếềểễệ]/iu.test(u.unitName!))).toBe(true);
    const results = score(f.set, f.units, { period: f.period });
    const ranking = rank(results);
    expect(ranking.filter((e) => e.ranked)).toHaveLength(10);
    for (const r of results) {
      expect(r.total).not.toBeNull();
      expect(r.total!).toBeGreaterThan(30);
      expect(r.total!).toBeLessThanOrEqual(100);
      for (const g of r.groups) for (const i of g.indicators) if (i.points !== null && i.id !== 'fee-procedures-integrated') expect(i.points).toBeLessThanOrEqual(i.maxPoints);
    }
    // Some units are better than others: a spread of totals, not ten equal scores.
    const totals = results.map((r) => r.total!);
    expect(Math.max(...totals) - Math.min(...totals)).toBeGreaterThan(3);
  });

  it('QĐ 766 values respect the formulas: numerators never above denominators, ratios in 0–1, counts scale with the period', () => {
    const month = createScoringInputs({ units: 50, seed: 'x', period: '2026-07' });
    for (const u of month.units) {
      for (const [num, den] of qd766Pairs) expect(u.values[num] as number).toBeLessThanOrEqual(u.values[den] as number);
      for (const k of ['onlineSubmissionRatio', 'certifiedCopyRatio']) {
        expect(u.values[k]).toBeGreaterThanOrEqual(0);
        expect(u.values[k]).toBeLessThanOrEqual(1);
      }
      const v = u.values as Record<string, number>;
      expect(v['petitionsAboutProcedures']! + v['petitionsAboutStaff']!).toBe(v['petitions']);
      expect(v['syncedDossiers']).toBeLessThanOrEqual(Math.max(v['receivedDossiersBcqg']!, v['receivedDossiersPortal']!));
    }
    const mean = (f: ReturnType<typeof createScoringInputs>): number => f.units.reduce((a, u) => a + (u.values['totalReceived'] as number), 0) / f.units.length;
    const quarter = createScoringInputs({ units: 50, seed: 'x', period: '2026-Q3' });
    const year = createScoringInputs({ units: 50, seed: 'x', period: '2026' });
    expect(mean(quarter) / mean(month)).toBeGreaterThan(2);
    expect(mean(year) / mean(quarter)).toBeGreaterThan(2.5);
    const departments = createScoringInputs({ units: 20, level: 'department' });
    expect(departments.units.every((u) => u.unitName!.startsWith('Sở ') && u.level === 'department')).toBe(true);
    expect(mean(departments)).toBeGreaterThan(mean(createScoringInputs({ units: 20 })));
  });

  it('is reproducible: the same options give the same fixture; another seed another one', () => {
    const a = createScoringInputs({ units: 25, seed: 42, period: '2026-Q2' });
    expect(createScoringInputs({ units: 25, seed: 42, period: '2026-Q2' })).toEqual(a);
    expect(createScoringInputs({ units: 25, seed: 43, period: '2026-Q2' }).units).not.toEqual(a.units);
    expect(JSON.parse(JSON.stringify(a.units))).toEqual(a.units); // plain serialisable data
  });

  it('missingShare leaves values null (not reported, never 0) and the scores show missing data', () => {
    const f = createScoringInputs({ units: 30, seed: 3, missingShare: 0.3 });
    const all = f.units.flatMap((u) => Object.values(u.values));
    const nulls = all.filter((v) => v === null).length;
    expect(nulls / all.length).toBeGreaterThan(0.2);
    expect(nulls / all.length).toBeLessThan(0.4);
    const statuses = score(f.set, f.units, { period: f.period, explain: 'none' }).flatMap((r) => r.groups.flatMap((g) => g.indicators.map((i) => i.status)));
    expect(statuses).toContain('missing-data');
  });

  it('thousands of units: ids stay unique when names repeat', () => {
    const f = createScoringInputs({ units: 2000, seed: 'many' });
    expect(new Set(f.units.map((u) => u.unitId)).size).toBe(2000);
    expect(new Set(f.units.map((u) => u.unitName)).size).toBe(2000);
    expect(score(f.set, f.units, { period: f.period, explain: 'none' })).toHaveLength(2000);
  });

  it('the other shipped sets: EGDI components, EGDI from raw values, the QĐ 2392 commune template with evidence', () => {
    const egdi = createScoringInputs({ set: 'egdi', units: 11, seed: 1, period: '2024' });
    expect(egdi.units[0]).toMatchObject({ unitId: 'viet-nam', unitName: 'Việt Nam', level: 'country' });
    for (const u of egdi.units) for (const k of ['osi', 'tii', 'hci']) expect(u.values[k]).toSatisfy((v: unknown) => typeof v === 'number' && v >= 0 && v <= 1);
    for (const r of score(egdi.set, egdi.units, { period: egdi.period })) expect(r.total).not.toBeNull();
    const raw = createScoringInputs({ set: 'egdiFromRaw', units: 8, seed: 1, period: '2024' });
    const rs = score(raw.set, raw.units, { period: raw.period });
    expect(Math.max(...rs.map((r) => r.total!))).toBeGreaterThan(Math.min(...rs.map((r) => r.total!)));
    const readiness = createScoringInputs({ set: 'communeReadiness', units: 6, seed: 1, period: '2026' });
    const first = readiness.units[0]!.values['infrastructure'] as { points: number; evidence: string[] };
    expect(first.evidence.length).toBeGreaterThan(0);
    expect(first.evidence[0]).toMatch(/^(Báo cáo|Kế hoạch|Quyết định|Công văn) số \d+\/(BC|KH|QĐ|CV)-UBND năm 2026$/u);
    for (const r of score(readiness.set, readiness.units, { period: readiness.period })) {
      for (const g of r.groups) for (const i of g.indicators) expect(i.status).toBe('scored');
    }
  });

  it('rejects bad options with INVALID_FIXTURE_OPTIONS', () => {
    const bad = [
      { set: 'qd999' },
      { units: 0 },
      { units: 10_001 },
      { units: 2.5 },
      { period: '2026-13' },
      { level: 'planet' },
      { set: 'egdi', level: 'commune' },
      { missingShare: 1 },
      { missingShare: Number.NaN },
    ];
    for (const o of bad) expect(() => createScoringInputs(o as never), JSON.stringify(o)).toThrow(expect.objectContaining({ code: 'INVALID_FIXTURE_OPTIONS' }));
  });

  it('imports only the public API of vn-egov/scoring', () => {
    const code = readFileSync(new URL('../../src/testing/fixtures/scoring-inputs.ts', import.meta.url), 'utf8');
    const imports = [...code.matchAll(/^import [^;]* from '([^']+)'/gm)].map((m) => m[1]);
    expect(imports.filter((p) => p!.includes('scoring'))).toEqual(['../../scoring/index.js']);
  });
});
