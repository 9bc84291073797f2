import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { criteriaSets, qd766InputsFromStatistics, score, type StatisticsReport } from '../../src/scoring/index.js';

const row = (early: number, onTime: number, overdue: number, within: number, lateOpen: number, carried = 0) => {
  const resolved = early + onTime + overdue;
  const inProcess = within + lateOpen;
  const total = resolved + inProcess;
  const direct = Math.min(10, total - carried);
  return {
    received: { total, online: total - carried - direct, inPersonOrPostal: direct, carriedOver: carried },
    resolved: { total: resolved, early, onTime, overdue },
    inProcess: { total: inProcess, withinDeadline: within, overdue: lateOpen },
  };
};

describe('qd766InputsFromStatistics (Biểu 06/VPCP/KSTT)', () => {
  it('maps received and on-time counts summed over rows, feeding indicator 2.1', () => {
    const report: StatisticsReport = { form: 'Biểu số 06/VPCP/KSTT', rows: [{ sector: 'Hộ tịch', ...row(500, 300, 60, 139, 39, 20) }, { sector: 'Đất đai', ...row(0, 0, 0, 0, 0) }] };
    const m = qd766InputsFromStatistics(report);
    expect(m).toEqual({ values: { totalReceived: 1038, totalOnTime: 939 }, covers: ['processed-on-time'] });
    const r = score(criteriaSets.qd766, { unitId: 'xuan-lung', values: m.values }, { period: '2026-08' });
    expect(r.groups.find((g) => g.id === 'progress')!.points).toBe(18.09);
  });
  it('reports every broken column invariant at once', () => {
    const bad = row(10, 10, 10, 10, 10);
    bad.resolved.total = 31;
    bad.inProcess.total = 19;
    bad.received.online += 1;
    try {
      qd766InputsFromStatistics({ rows: [bad, { ...row(1, 1, 1, 1, 1), received: { total: 1, online: 1, inPersonOrPostal: 0, carriedOver: 0 } }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VnEgovError);
      const v = e as VnEgovError;
      expect(v.code).toBe('INVALID_STATISTICS');
      expect(v.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
        'rows.0.received.total:received_total',
        'rows.0.resolved.total:resolved_total',
        'rows.0.inProcess.total:in_process_total',
        'rows.1.received.total:received_balance',
      ]);
    }
  });
  it('rejects a malformed report', () => {
    expect(() => qd766InputsFromStatistics({ rows: [] })).toThrow(expect.objectContaining({ code: 'INVALID_STATISTICS' }));
    expect(() => qd766InputsFromStatistics({ rows: [{ ...row(1, 1, 1, 1, 1), resolved: { total: -1, early: 0, onTime: 0, overdue: 0 } }] } as StatisticsReport)).toThrow(
      expect.objectContaining({ code: 'INVALID_STATISTICS' }),
    );
  });
});
