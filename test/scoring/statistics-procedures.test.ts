/**
 * `qd766InputsFromStatistics` reads the Biểu 06 report that the procedures module builds from real dossier
 * histories (`summarizeDossiers` over `createDossierFixtures` of vn-egov/testing): the type is the procedures one,
 * the figures agree with the report's own scoring inputs, and they score QĐ 766 indicator 2.1.
 */
import { describe, expect, it } from 'vitest';
import { summarizeDossiers, type Bieu06Report } from '../../src/procedures/index.js';
import { criteriaSets, qd766InputsFromStatistics, roundTo, score, type Qd766StatisticsSource, type StatisticsRow } from '../../src/scoring/index.js';
import { createDossierFixtures } from '../../src/testing/index.js';

const month = createDossierFixtures({ seed: 'qd766', count: 60, from: '2026-03-02' }).map((f) => f.dossier);

describe('qd766InputsFromStatistics with the procedures module report (Bieu06Report)', () => {
  it('maps the total row of a report built from dossiers; agrees with the report own scoring figures', () => {
    const report: Bieu06Report = summarizeDossiers(month, { from: '2026-03-01', to: '2026-03-31' });
    // Type-level: the procedures row is a scoring row, the report is an accepted source.
    const row: StatisticsRow = report.total;
    const source: Qd766StatisticsSource = report;
    expect(row.received.total).toBeGreaterThan(0);
    const m = qd766InputsFromStatistics(source);
    expect(m.covers).toEqual(['processed-on-time']);
    expect(m.values).toEqual({ totalReceived: report.scoring.totalReceived, totalOnTime: report.scoring.totalOnTime });
    const t = report.total;
    expect(m.values.totalOnTime).toBe(t.resolved.early + t.resolved.onTime + t.inProcess.withinDeadline);
    expect(m.values.totalOnTime).toBeLessThan(m.values.totalReceived); // the fixtures include late dossiers
    const r = score(criteriaSets.qd766, { unitId: 'tinh-thu-nghiem', values: m.values }, { period: '2026-03' });
    const progress = r.groups.flatMap((g) => g.indicators).find((i) => i.id === 'processed-on-time')!;
    expect(progress.status).toBe('scored');
    expect(progress.points).toBe(roundTo((progress.maxPoints * m.values.totalOnTime) / m.values.totalReceived, 2));
  });

  it('gives the same inputs whatever the grouping of the rows (sector, level, agency, none)', () => {
    const base = qd766InputsFromStatistics(summarizeDossiers(month, { from: '2026-03-01', to: '2026-03-31' }));
    for (const groupBy of ['sector', 'level', 'agency'] as const) {
      expect(qd766InputsFromStatistics(summarizeDossiers(month, { from: '2026-03-01', to: '2026-03-31', groupBy }))).toEqual(base);
    }
  });

  it('a period with no dossier received gives 0 received and 2.1 not scored (zero denominator, null ≠ 0)', () => {
    const empty = summarizeDossiers(month, { from: '2025-01-01', to: '2025-01-31' });
    const m = qd766InputsFromStatistics(empty);
    expect(m.values).toEqual({ totalReceived: 0, totalOnTime: 0 });
    const r = score(criteriaSets.qd766, { unitId: 'x', values: m.values }, { period: '2025-01', explain: 'none' });
    const i = r.groups.flatMap((g) => g.indicators).find((x) => x.id === 'processed-on-time')!;
    expect(i.status).toBe('zero-denominator');
    expect(i.points).toBeNull();
  });

  it('fails closed on an edited report: broken total row, or scoring figures that disagree with it', () => {
    const report = summarizeDossiers(month, { from: '2026-03-01', to: '2026-03-31' });
    const broken = { ...report, total: { ...report.total, resolved: { ...report.total.resolved, total: report.total.resolved.total + 1 } } };
    expect(() => qd766InputsFromStatistics(broken)).toThrow(expect.objectContaining({ code: 'INVALID_STATISTICS' }));
    const negative = { ...report, total: { ...report.total, inProcess: { ...report.total.inProcess, overdue: -1 } } };
    expect(() => qd766InputsFromStatistics(negative)).toThrow(expect.objectContaining({ code: 'INVALID_STATISTICS' }));
    const edited = { ...report, scoring: { ...report.scoring, totalOnTime: report.scoring.totalOnTime + 5 } };
    try {
      qd766InputsFromStatistics(edited);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_STATISTICS', issues: [{ code: 'scoring_mismatch', path: ['scoring', 'totalOnTime'] }] });
    }
  });
});
