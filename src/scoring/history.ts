import { fail } from './errors.js';
import { periodKey, type Period } from './periods.js';
import type { ScoreResult } from './result-schema.js';
import { roundTo } from './rounding.js';

/**
 * The change of a unit's points between two periods (chênh lệch so với kỳ trước): total, per group and per
 * indicator, `current − previous`; `null` where either side is `null` (a change from "not scored" is not a number).
 *
 * @example
 * ```ts
 * const d: ScoreDelta = periodDelta(august, july);
 * d.total; // e.g. +1.25
 * ```
 */
export interface ScoreDelta {
  unitId: string;
  period: Period;
  previousPeriod: Period;
  total: number | null;
  groups: Record<string, number | null>;
  indicators: Record<string, number | null>;
}

const diff = (a: number | null | undefined, b: number | null | undefined, d: number): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : roundTo(a - b, d);

/**
 * Computes the {@link ScoreDelta} between a unit's result and its result for an earlier period. Throws
 * `SET_MISMATCH` for different sets or units. `decimals` defaults to 2.
 *
 * @example
 * ```ts
 * periodDelta(resultAug, resultJul).groups['progress']; // e.g. 0.41
 * ```
 */
export function periodDelta(current: ScoreResult, previous: ScoreResult, options: { decimals?: number } = {}): ScoreDelta {
  if (current.setId !== previous.setId || current.setVersion !== previous.setVersion || current.unitId !== previous.unitId) {
    fail('SET_MISMATCH', 'Chỉ so sánh kết quả của cùng đơn vị, cùng bộ tiêu chí', 'deltas need results of the same unit and criteria set');
  }
  const d = options.decimals ?? 2;
  const groups: Record<string, number | null> = {};
  const indicators: Record<string, number | null> = {};
  const prevGroups = new Map(previous.groups.map((g) => [g.id, g]));
  const prevInd = new Map(previous.groups.flatMap((g) => g.indicators).map((i) => [i.id, i.points]));
  for (const g of current.groups) {
    groups[g.id] = diff(g.points, prevGroups.get(g.id)?.points, d);
    for (const i of g.indicators) indicators[i.id] = diff(i.points, prevInd.get(i.id), d);
  }
  return { unitId: current.unitId, period: current.period, previousPeriod: previous.period, total: diff(current.total, previous.total, d), groups, indicators };
}

/**
 * One line of a unit's score history: period, total and the change from the line before (same period kind).
 *
 * @example
 * ```ts
 * const e: HistoryPoint = { period: { kind: 'month', year: 2026, month: 8 }, total: 70.02, delta: 1.25 };
 * ```
 */
export interface HistoryPoint {
  period: Period;
  total: number | null;
  delta: number | null;
}

/**
 * A unit's score history from a list of results (any order; other units are skipped): one line per period,
 * months, quarters and years each in time order, with the change from the previous line of the same kind.
 * Throws `SET_MISMATCH` for results of different sets and `INVALID_OPTIONS` for two results of the same period.
 *
 * @example
 * ```ts
 * scoreHistory(allResults, 'xa-a').map((h) => h.delta); // [null, 1.25, -0.4]
 * ```
 */
export function scoreHistory(results: readonly ScoreResult[], unitId: string, options: { decimals?: number } = {}): HistoryPoint[] {
  const mine = results.filter((r) => r.unitId === unitId);
  const first = mine[0];
  if (first && mine.some((r) => r.setId !== first.setId || r.setVersion !== first.setVersion)) {
    fail('SET_MISMATCH', 'Lịch sử gồm kết quả của nhiều bộ tiêu chí', 'the history mixes criteria sets');
  }
  const order = { month: 0, quarter: 1, year: 2 } as const;
  const sorted = [...mine].sort((a, b) => order[a.period.kind] - order[b.period.kind] || (periodKey(a.period) < periodKey(b.period) ? -1 : 1));
  const out: HistoryPoint[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    const prev = sorted[i - 1];
    if (prev && periodKey(prev.period) === periodKey(r.period)) {
      fail('INVALID_OPTIONS', `Hai kết quả cho kỳ ${periodKey(r.period)}`, `two results for period ${periodKey(r.period)}`);
    }
    const sameKind = prev !== undefined && prev.period.kind === r.period.kind;
    out.push({ period: r.period, total: r.total, delta: sameKind ? diff(r.total, prev.total, options.decimals ?? 2) : null });
  }
  return out;
}
