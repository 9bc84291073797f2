import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  addReview,
  approveAssessment,
  createAssessment,
  criteriaSets,
  defineCriteriaSet,
  effectiveInputs,
  formatPeriod,
  nextPeriod,
  parseAssessment,
  periodBounds,
  periodDelta,
  periodKey,
  periodMonths,
  periodState,
  previousPeriod,
  returnForRevision,
  score,
  scoreHistory,
  submitSelfAssessment,
  toPeriod,
  updateSelfAssessment,
  type Assessment,
} from '../../src/scoring/index.js';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof VnEgovError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
};

describe('periods', () => {
  it('reads, formats and bounds months, quarters and years', () => {
    expect(toPeriod('2025-02')).toEqual({ kind: 'month', year: 2025, month: 2 });
    expect(toPeriod('2025-Q1')).toEqual({ kind: 'quarter', year: 2025, quarter: 1 });
    expect(toPeriod('2025')).toEqual({ kind: 'year', year: 2025 });
    expect(formatPeriod(toPeriod('2025-02'))).toBe('tháng 02/2025');
    expect(formatPeriod(toPeriod('2025-Q3'))).toBe('quý III/2025');
    expect(formatPeriod(toPeriod('2025'), 'en')).toBe('year 2025');
    expect(periodBounds(toPeriod('2024-02'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodBounds(toPeriod('2025-Q4'))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodBounds(toPeriod('2025'))).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodMonths(toPeriod('2025-Q2'))).toBe(3);
  });
  it('steps backwards and forwards across years', () => {
    expect(periodKey(previousPeriod(toPeriod('2025-01')))).toBe('2024-12');
    expect(periodKey(nextPeriod(toPeriod('2025-Q4')))).toBe('2026-Q1');
    expect(periodKey(previousPeriod(toPeriod('2025')))).toBe('2024');
    for (const k of ['2025-07', '2025-Q2', '2025']) expect(periodKey(nextPeriod(previousPeriod(toPeriod(k))))).toBe(k);
  });
  it('open periods are provisional; the day is passed in (no hidden clock)', () => {
    expect(periodState(toPeriod('2025-02'), '2025-02-15')).toBe('open');
    expect(periodState(toPeriod('2025-02'), '2025-03-01')).toBe('closed');
    expect(periodState(toPeriod('2025-02'), '2025-01-31')).toBe('future');
    expect(code(() => periodState(toPeriod('2025-02'), 'tomorrow'))).toBe('INVALID_OPTIONS');
  });
  it('rejects bad periods', () => {
    for (const bad of ['2025-13', '2025-Q5', '25', '2025-1', 'tháng 2']) expect(code(() => toPeriod(bad))).toBe('INVALID_PERIOD');
    expect(code(() => toPeriod({ kind: 'week', year: 2025 } as never))).toBe('INVALID_PERIOD');
  });
});

describe('assessment workflow: self-assessment → review (1 or 2) → approved → frozen', () => {
  const set = criteriaSets.qd766;
  const start = (reviewers: 1 | 2 = 2): Assessment =>
    createAssessment({ set, unitId: 'xa-xuan-lung', unitName: 'xã Xuân Lũng', level: 'commune', period: '2026-08', requiredReviewers: reviewers, by: 'UBND xã Xuân Lũng', at: '2026-09-01' });

  it('runs the happy path with two reviewers, comments and evidence; history records every step', () => {
    let a = start();
    a = updateSelfAssessment(a, { values: { totalReceived: 1038, totalOnTime: 950 }, evidence: { 'processed-on-time': ['BC 12/BC-UBND'] }, by: 'UBND xã Xuân Lũng', at: '2026-09-02' });
    a = submitSelfAssessment(a, { by: 'UBND xã Xuân Lũng', at: '2026-09-03' });
    expect(a.status).toBe('submitted');
    a = addReview(a, { reviewer: 'Văn phòng UBND tỉnh', at: '2026-09-05', values: { totalOnTime: 945 }, comments: { 'processed-on-time': 'Có 5 hồ sơ quá hạn' } });
    expect(a.status).toBe('in-review');
    expect(code(() => approveAssessment(a, { set, by: 'Chủ tịch UBND tỉnh', at: '2026-09-06' }))).toBe('INVALID_TRANSITION');
    a = addReview(a, { reviewer: 'Sở Nội vụ', at: '2026-09-07', values: { totalOnTime: 939 }, evidence: { 'processed-on-time': ['BB 3/BB-SNV'] } });
    expect(a.status).toBe('reviewed');
    expect(effectiveInputs(a, set).values['totalOnTime']).toBe(939); // the later reviewer wins
    const preview = score(set, effectiveInputs(a, set), { period: a.period });
    a = approveAssessment(a, { set, by: 'Chủ tịch UBND tỉnh', at: '2026-09-10' });
    expect(a.status).toBe('approved');
    expect(a.approval?.result.groups.find((g) => g.id === 'progress')?.points).toBe(18.09); // 20 × 939 ÷ 1038
    expect(a.approval?.result).toEqual(preview);
    expect(a.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['create', null, 'draft'],
      ['update-self', 'draft', 'draft'],
      ['submit', 'draft', 'submitted'],
      ['review', 'submitted', 'in-review'],
      ['review', 'in-review', 'reviewed'],
      ['approve', 'reviewed', 'approved'],
    ]);
    // frozen
    expect(code(() => updateSelfAssessment(a, { values: { totalOnTime: 1000 }, by: 'x', at: '2026-09-11' }))).toBe('PERIOD_FROZEN');
    expect(code(() => addReview(a, { reviewer: 'z', at: '2026-09-11' }))).toBe('PERIOD_FROZEN');
    expect(code(() => returnForRevision(a, { by: 'z', at: '2026-09-11', comment: 'x' }))).toBe('PERIOD_FROZEN');
    // plain serialisable state
    expect(parseAssessment(JSON.parse(JSON.stringify(a)))).toEqual(a);
  });

  it('enforces the rules: no self-review, no double review, no third reviewer, no approve of a draft', () => {
    let a = submitSelfAssessment(start(1), { by: 'UBND xã', at: '2026-09-03' });
    expect(code(() => addReview(a, { reviewer: 'UBND xã', at: '2026-09-04' }))).toBe('INVALID_TRANSITION');
    a = addReview(a, { reviewer: 'Sở', at: '2026-09-04' });
    expect(a.status).toBe('reviewed');
    expect(code(() => addReview(a, { reviewer: 'Sở', at: '2026-09-05' }))).toBe('INVALID_TRANSITION');
    expect(code(() => addReview(a, { reviewer: 'Khác', at: '2026-09-05' }))).toBe('INVALID_TRANSITION');
    expect(code(() => approveAssessment(start(), { set, by: 'x', at: '2026-09-05' }))).toBe('INVALID_TRANSITION');
    expect(code(() => submitSelfAssessment(a, { by: 'x', at: '2026-09-05' }))).toBe('INVALID_TRANSITION');
    expect(code(() => approveAssessment(a, { set: criteriaSets.egdi, by: 'x', at: '2026-09-05' }))).toBe('SET_MISMATCH');
    expect(code(() => submitSelfAssessment(start(), { by: '', at: '2026-09-05' }))).toBe('INVALID_OPTIONS');
    expect(code(() => submitSelfAssessment(start(), { by: 'x', at: 'yesterday' }))).toBe('INVALID_OPTIONS');
  });

  it('return for revision starts a new round; old reviews stay for the record', () => {
    let a = submitSelfAssessment(start(1), { by: 'UBND xã', at: '2026-09-03' });
    a = addReview(a, { reviewer: 'Sở', at: '2026-09-04', values: { totalOnTime: 1 } });
    a = returnForRevision(a, { by: 'Sở', at: '2026-09-05', comment: 'Thiếu minh chứng' });
    expect(a.status).toBe('draft');
    expect(a.round).toBe(2);
    a = updateSelfAssessment(a, { values: { totalReceived: 10, totalOnTime: 9 }, by: 'UBND xã', at: '2026-09-06' });
    a = submitSelfAssessment(a, { by: 'UBND xã', at: '2026-09-07' });
    expect(effectiveInputs(a, set).values['totalOnTime']).toBe(9); // round-1 review no longer applies
    a = addReview(a, { reviewer: 'Sở', at: '2026-09-08' });
    expect(a.reviews.map((r) => r.round)).toEqual([1, 2]);
    expect(a.history.find((h) => h.action === 'return')?.comment).toBe('Thiếu minh chứng');
  });

  it('assessed indicators combine self and reviewer scores by the set rule', () => {
    const emulation = defineCriteriaSet({
      id: 'thi-dua', version: '1', name: { vi: 'Chấm điểm thi đua', en: 'Emulation scoring' }, source: 'QĐ thi đua', confidence: 'confirmed',
      scale: { maxPoints: 10 }, rounding: { decimals: 2, groupTotals: 'sum-of-rounded' },
      groups: [{ id: 'g', name: { vi: 'Nhóm', en: 'Group' }, maxPoints: 10, indicators: [
        { id: 'k', name: { vi: 'Hoàn thành nhiệm vụ', en: 'Task completion' }, maxPoints: 10, source: 's', confidence: 'confirmed',
          formula: { kind: 'assessed', input: 'k', combine: { rule: 'weighted', selfWeight: 1, reviewerWeight: 2 } } },
      ] }],
    });
    let a = createAssessment({ set: emulation, unitId: 'p', period: '2026', by: 'p', at: '2026-12-01' });
    a = updateSelfAssessment(a, { values: { k: 9 }, by: 'p', at: '2026-12-02' });
    a = submitSelfAssessment(a, { by: 'p', at: '2026-12-03' });
    a = addReview(a, { reviewer: 'lead', at: '2026-12-04', values: { k: 6 } });
    a = approveAssessment(a, { set: emulation, by: 'head', at: '2026-12-05' });
    expect(a.approval?.result.total).toBe(7); // (6 × 2 + 9) ÷ 3
  });
});

describe('history and period-over-period deltas', () => {
  const set = criteriaSets.qd766;
  const at = (period: string, onTime: number | null) => score(set, { unitId: 'u', values: { totalReceived: 100, totalOnTime: onTime } }, { period });
  it('deltas per total, group and indicator; null when either side is null', () => {
    const d = periodDelta(at('2026-08', 90), at('2026-07', 80));
    expect(d.total).toBe(2);
    expect(d.groups['progress']).toBe(2);
    expect(d.groups['satisfaction']).toBeNull();
    expect(d.indicators['processed-on-time']).toBe(2);
    expect(periodDelta(at('2026-08', 90), at('2026-07', null)).total).toBeNull();
    expect(code(() => periodDelta(at('2026-08', 1), score(criteriaSets.egdi, { unitId: 'u', values: {} }, { period: '2026' })))).toBe('SET_MISMATCH');
  });
  it('a unit history in time order with deltas', () => {
    const h = scoreHistory([at('2026-08', 90), at('2026-06', 70), at('2026-07', 75), at('2026-Q2', 72)], 'u');
    expect(h.map((x) => [periodKey(x.period), x.total, x.delta])).toEqual([
      ['2026-06', 14, null],
      ['2026-07', 15, 1],
      ['2026-08', 18, 3],
      ['2026-Q2', 14.4, null],
    ]);
    expect(code(() => scoreHistory([at('2026-08', 1), at('2026-08', 2)], 'u'))).toBe('INVALID_OPTIONS');
  });
});
