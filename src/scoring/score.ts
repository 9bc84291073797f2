import * as z from 'zod/mini';
import { issuesFromZod, type VnEgovIssue } from '../errors/index.js';
import { defineCriteriaSet, type Aggregate, type CriteriaSet, type Indicator } from './criteria-set.js';
import { fail, issue } from './errors.js';
import { explainOutcome } from './explain.js';
import { populationStats } from './formulas/cross-unit.js';
import { CROSS_UNIT_KINDS, evaluateFormula } from './formulas/formula.js';
import { numericValue, operandKeys, type Operand } from './formulas/operand.js';
import { populationStatsSchema, type FormulaOutcome, type PopulationStats } from './formulas/outcome.js';
import { unitInputsSchema, type UnitInputs } from './input-value.js';
import { periodSchema, toPeriod, type PeriodInput } from './periods.js';
import type { GroupResult, IndicatorResult, ScoreResult } from './result-schema.js';
import { roundTo } from './rounding.js';

/**
 * Options of {@link score}: the period (required), fixed population statistics for cross-unit indicators (by
 * indicator id; otherwise the units of the call are the population), and whether to write the sentence
 * explanations (default `true`; the structured explanation — inputs, steps, rounding, policy — is always kept
 * unless `explain` is `'none'`).
 *
 * @example
 * ```ts
 * const o: ScoreOptions = { period: '2026-08' };
 * ```
 */
export const scoreOptionsSchema = z.object({
  period: z.union([z.string(), periodSchema]),
  reference: z.optional(z.record(z.string(), populationStatsSchema)),
  explain: z.optional(z.enum(['text', 'data', 'none'])),
});
/** See {@link scoreOptionsSchema}. */
export interface ScoreOptions {
  period: PeriodInput;
  reference?: Readonly<Record<string, PopulationStats>>;
  /** `text` (default): structured explanation plus sentences; `data`: structured only; `none`: no explanation. */
  explain?: 'text' | 'data' | 'none';
}

interface PlanIndicator {
  ind: Indicator;
  group: number;
  scope: ReadonlySet<string> | undefined;
  cross: boolean;
}

function inputIssues(units: readonly unknown[], plan: readonly PlanIndicator[]): VnEgovIssue[] {
  const out: VnEgovIssue[] = [];
  const seen = new Map<string, number>();
  const bounded = plan.filter((p) => p.ind.formula.kind === 'manual' || p.ind.formula.kind === 'assessed');
  units.forEach((u, i) => {
    const id = typeof u === 'object' && u !== null ? (u as { unitId?: unknown }).unitId : undefined;
    if (typeof id === 'string') {
      const prev = seen.get(id);
      if (prev !== undefined) out.push(issue('duplicate_unit', [i, 'unitId'], `unit "${id}" is also at index ${prev}`));
      else seen.set(id, i);
    }
    const r = unitInputsSchema.safeParse(u);
    if (!r.success) {
      for (const x of issuesFromZod(r.error)) out.push({ ...x, path: [i, ...x.path] });
      return;
    }
    for (const p of bounded) {
      const f = p.ind.formula as { input: string };
      const v = r.data.values[f.input];
      if (v === null || v === undefined || typeof v !== 'object') continue;
      const given = 'evidence' in v ? [v.points] : [v.self, ...v.reviewers];
      for (const g of given) {
        if (g !== null && g > p.ind.maxPoints + 1e-9) {
          out.push(issue('points_above_max', [i, 'values', f.input], `${g} points exceed the maximum ${p.ind.maxPoints} of "${p.ind.id}"`));
        }
      }
    }
  });
  return out;
}

function aggregate(agg: Aggregate | undefined, ids: readonly string[], values: readonly (number | null)[], maxima: readonly number[]): { value: number | null; max: number } {
  let sum = 0;
  let sumMax = 0;
  let weight = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const w = agg?.kind === 'weighted-mean' ? (agg.weights[ids[i]!] ?? 0) : 1;
    sum += w * v;
    sumMax += w * maxima[i]!;
    weight += w;
    n++;
  }
  if (n === 0) return { value: null, max: 0 };
  if (agg === undefined || agg.kind === 'sum') return { value: sum, max: sumMax };
  return weight === 0 ? { value: null, max: 0 } : { value: sum / weight, max: sumMax / weight };
}

function operandNumber(op: Operand, values: UnitInputs['values']): number | null {
  if (typeof op === 'string') return numericValue(values[op]);
  const vs = operandKeys(op).map((k) => numericValue(values[k]));
  if (op.op === 'max') {
    const present = vs.filter((v): v is number => v !== null);
    return present.length ? Math.max(...present) : null;
  }
  if (vs.some((v) => v === null)) return null;
  return op.op === 'sum' ? vs.reduce((a, b) => a! + b!, 0)! : vs.slice(1).reduce((a, b) => a! - b!, vs[0]!)!;
}

const NOT_APPLICABLE: FormulaOutcome = { points: null, status: 'not-applicable', inputs: {}, steps: {} };

/**
 * Scores one unit, or several units together, for a period with a criteria set (chấm điểm). For each indicator:
 * the formula, its zero-denominator and missing-data policies, rounding to the set's decimals, and an
 * explanation in Vietnamese and English. Group totals aggregate the scored indicators (by default the sum of
 * the rounded parts); `null` indicators (not scored) are left out and never counted as 0, and a group or total
 * with nothing scored is `null`. Indicators outside the unit's level (`scope`) are `not-applicable`; a unit
 * with no `level` gets every indicator.
 *
 * The set is validated on every call (`INVALID_CRITERIA_SET`); all input problems are reported at once
 * (`INVALID_INPUTS`); an input missing under a `missing: 'error'` policy throws `MISSING_INPUT`. Pure: same
 * inputs, same result.
 *
 * @example
 * ```ts
 * import { score, criteriaSets } from 'vn-egov/scoring';
 * const r = score(criteriaSets.qd766, { unitId: 'phu-tho', level: 'province',
 *   values: { totalReceived: 184513, totalOnTime: 144625 } }, { period: '2026-08' });
 * r.groups.find((g) => g.id === 'progress')?.points; // 15.68
 * ```
 */
export function score(set: CriteriaSet, inputs: UnitInputs, options: ScoreOptions): ScoreResult;
export function score(set: CriteriaSet, inputs: readonly UnitInputs[], options: ScoreOptions): ScoreResult[];
export function score(set: CriteriaSet, inputs: UnitInputs | readonly UnitInputs[], options: ScoreOptions): ScoreResult | ScoreResult[] {
  const s = defineCriteriaSet(set);
  const o = scoreOptionsSchema.safeParse(options);
  if (!o.success) fail('INVALID_OPTIONS', 'Tùy chọn chấm điểm không hợp lệ', 'invalid scoring options', issuesFromZod(o.error));
  const period = toPeriod(options.period);
  const explain = options.explain ?? 'text';
  const single = !Array.isArray(inputs);
  const units = (single ? [inputs] : inputs) as readonly UnitInputs[];

  const plan: PlanIndicator[] = [];
  s.groups.forEach((g, gi) => {
    for (const ind of g.indicators) {
      plan.push({ ind, group: gi, scope: ind.scope ? new Set(ind.scope) : undefined, cross: CROSS_UNIT_KINDS.has(ind.formula.kind) });
    }
  });
  const problems = inputIssues(units, plan);
  if (problems.length) {
    fail('INVALID_INPUTS', `Dữ liệu đầu vào không hợp lệ (${problems.length} lỗi)`, `invalid inputs (${problems.length} problems): ${problems[0]!.path.join('.')}: ${problems[0]!.message}`, problems);
  }
  const applies = (p: PlanIndicator, u: UnitInputs): boolean => p.scope === undefined || u.level === undefined || p.scope.has(u.level);

  // Population statistics of cross-unit indicators.
  const population = new Map<string, PopulationStats>();
  for (const p of plan) {
    if (!p.cross) continue;
    const ref = options.reference?.[p.ind.id];
    if (ref) {
      population.set(p.ind.id, ref);
      continue;
    }
    const input = (p.ind.formula as { input: Operand }).input;
    const vals: number[] = [];
    for (const u of units) {
      if (!applies(p, u)) continue;
      const v = operandNumber(input, u.values);
      if (v !== null) vals.push(v);
    }
    population.set(p.ind.id, populationStats(vals));
  }

  const { decimals, groupTotals } = s.rounding;
  const results = units.map((u): ScoreResult => {
    const groups: GroupResult[] = s.groups.map((g) => ({
      id: g.id,
      ...(g.number !== undefined && { number: g.number }),
      ...(g.code !== undefined && { code: g.code }),
      name: g.name,
      maxPoints: g.maxPoints,
      points: null,
      scoredMaxPoints: 0,
      percent: null,
      indicators: [],
    }));
    const raws: (number | null)[][] = s.groups.map(() => []);
    for (const p of plan) {
      const ind = p.ind;
      const outcome = applies(p, u)
        ? evaluateFormula(ind.formula, { maxPoints: ind.maxPoints, values: u.values, periodKind: period.kind, population: population.get(ind.id) })
        : NOT_APPLICABLE;
      if (outcome.policy === 'missing:error') {
        const keys = Object.keys(outcome.inputs).filter((k) => outcome.inputs[k] === null).join(', ');
        fail('MISSING_INPUT', `Thiếu dữ liệu ${keys} của đơn vị "${u.unitId}" cho chỉ số "${ind.id}"`, `unit "${u.unitId}" lacks ${keys} for indicator "${ind.id}"`, [
          issue('missing_input', ['values', keys], `needed by "${ind.id}"`),
        ]);
      }
      const rounded = outcome.points === null ? null : roundTo(outcome.points, decimals);
      const r: IndicatorResult = {
        id: ind.id,
        ...(ind.number !== undefined && { number: ind.number }),
        ...(ind.code !== undefined && { code: ind.code }),
        name: ind.name,
        maxPoints: ind.maxPoints,
        points: rounded,
        status: outcome.status,
        confidence: ind.confidence,
      };
      if (explain !== 'none') {
        r.explanation = {
          formula: ind.formula.kind,
          inputs: outcome.inputs,
          steps: outcome.steps,
          rawPoints: outcome.points,
          rounding: { decimals, from: outcome.points, to: rounded },
          ...(outcome.policy !== undefined && { policy: outcome.policy }),
          vi: explain === 'text' ? explainOutcome(ind.formula, outcome, ind.maxPoints, rounded, decimals, 'vi') : '',
          en: explain === 'text' ? explainOutcome(ind.formula, outcome, ind.maxPoints, rounded, decimals, 'en') : '',
        };
      }
      groups[p.group]!.indicators.push(r);
      raws[p.group]!.push(outcome.points);
    }
    const groupRaw: (number | null)[] = [];
    s.groups.forEach((g, gi) => {
      const gr = groups[gi]!;
      const ids = gr.indicators.map((i) => i.id);
      const maxima = gr.indicators.map((i) => i.maxPoints);
      const parts = groupTotals === 'sum-of-rounded' ? gr.indicators.map((i) => i.points) : raws[gi]!;
      const a = aggregate(g.aggregate, ids, parts, maxima);
      groupRaw.push(a.value);
      gr.points = a.value === null ? null : roundTo(a.value, decimals);
      gr.scoredMaxPoints = roundTo(a.max, 10);
      gr.percent = gr.points === null || g.maxPoints === 0 ? null : roundTo((gr.points / g.maxPoints) * 100, 2);
    });
    let total: number | null = null;
    let scoredMax = 0;
    if (s.total?.kind !== 'none') {
      const parts = groupTotals === 'sum-of-rounded' ? groups.map((g) => g.points) : groupRaw;
      const a = aggregate(s.total, s.groups.map((g) => g.id), parts, s.groups.map((g) => g.maxPoints));
      total = a.value === null ? null : roundTo(a.value, decimals);
      scoredMax = roundTo(a.max, 10);
    }
    const res: ScoreResult = {
      setId: s.id,
      setVersion: s.version,
      unitId: u.unitId,
      ...(u.unitName !== undefined && { unitName: u.unitName }),
      ...(u.level !== undefined && { level: u.level }),
      period,
      total,
      maxPoints: s.scale.maxPoints,
      scoredMaxPoints: scoredMax,
      percent: total === null || s.scale.maxPoints === 0 ? null : roundTo((total / s.scale.maxPoints) * 100, 2),
      groups,
    };
    return res;
  });
  return single ? results[0]! : results;
}
