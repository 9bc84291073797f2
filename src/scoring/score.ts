import * as z from 'zod/mini';
import { issuesFromZod } from '../errors/index.js';
import { defineCriteriaSet, type CriteriaSet } from './criteria-set.js';
import { fail, issue } from './errors.js';
import { explainOutcome } from './explain.js';
import { populationStats } from './formulas/cross-unit.js';
import { evaluateFormula } from './formulas/formula.js';
import { numericValue, operandKeys, type Operand } from './formulas/operand.js';
import { populationStatsSchema, type FormulaOutcome, type PopulationStats } from './formulas/outcome.js';
import type { PointsSlot } from './formulas/points-evaluator.js';
import { inputIssues } from './input-issues.js';
import type { UnitInputs } from './input-value.js';
import { periodSchema, toPeriod, type Period, type PeriodInput } from './periods.js';
import type { Explanation, GroupResult, IndicatorResult, ScoreResult } from './result-schema.js';
import { roundTo } from './rounding.js';
import { planCriteriaSet, type PlanGroup, type PlanIndicator, type ScoringPlan } from './scoring-plan.js';

/**
 * Options of {@link score}: the period (required), fixed population statistics for cross-unit indicators (by
 * indicator id; otherwise the units of the call are the population), and how much explanation to write
 * (`explain`): `'text'` (default) the structured explanation — inputs, steps, rounding, policy — and the sentences
 * in Vietnamese and English; `'data'` the structured explanation only (render a sentence on demand with
 * {@link explanationText}); `'none'` no explanation (the fastest, for large batches and rankings).
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
/**
 * Options of {@link score}. See {@link scoreOptionsSchema}.
 *
 * @example
 * ```ts
 * const o: ScoreOptions = { period: '2024', explain: 'none' }; // a large batch: no explanations
 * score(criteriaSets.egdi, countries, o);
 * ```
 */
export interface ScoreOptions {
  period: PeriodInput;
  reference?: Readonly<Record<string, PopulationStats>>;
  /** `text` (default): structured explanation plus sentences; `data`: structured only; `none`: no explanation. */
  explain?: 'text' | 'data' | 'none';
}

type Explain = 'text' | 'data' | 'none';

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

/** Population statistics of the cross-unit indicators: `reference` where given, else the units of the call. */
function populations(plan: ScoringPlan, units: readonly UnitInputs[], reference: ScoreOptions['reference']): (PopulationStats | undefined)[] {
  const out = plan.indicators.map((): PopulationStats | undefined => undefined);
  if (!plan.hasCross) return out;
  plan.indicators.forEach((p, pi) => {
    if (!p.cross) return;
    const ref = reference?.[p.ind.id];
    if (ref) {
      out[pi] = ref;
      return;
    }
    const input = (p.ind.formula as { input: Operand }).input;
    const vals: number[] = [];
    for (const u of units) {
      if (!plan.applicable(u.level)[pi]) continue;
      const v = operandNumber(input, u.values);
      if (v !== null) vals.push(v);
    }
    out[pi] = populationStats(vals);
  });
  return out;
}

const NOT_APPLICABLE: FormulaOutcome = { points: null, status: 'not-applicable', inputs: {}, steps: {} };

function missingInput(u: UnitInputs, ui: number, p: PlanIndicator, outcome: FormulaOutcome): never {
  const keys = Object.keys(outcome.inputs).filter((k) => outcome.inputs[k] === null).join(', ');
  fail('MISSING_INPUT', `Thiếu dữ liệu ${keys} của đơn vị "${u.unitId}" cho chỉ số "${p.ind.id}"`, `unit "${u.unitId}" lacks ${keys} for indicator "${p.ind.id}"`, [
    issue('missing_input', [ui, 'values', keys], `needed by "${p.ind.id}"`),
  ]);
}

function explanation(p: PlanIndicator, outcome: FormulaOutcome, rounded: number | null, decimals: number, text: boolean): Explanation {
  const f = p.ind.formula;
  const e: Explanation = {
    formula: f.kind,
    inputs: outcome.inputs,
    steps: outcome.steps,
    rawPoints: outcome.points,
    rounding: { decimals, from: outcome.points, to: rounded },
    vi: text ? explainOutcome(f, outcome, p.ind.maxPoints, rounded, decimals, 'vi') : '',
    en: text ? explainOutcome(f, outcome, p.ind.maxPoints, rounded, decimals, 'en') : '',
  };
  if (outcome.policy !== undefined) e.policy = outcome.policy;
  return e;
}

/** Aggregates values[first..end) of a group, as the criteria set says (sum, mean, weighted mean); `null` when none. */
function aggregateGroup(g: PlanGroup, plan: ScoringPlan, values: Float64Array, present: Uint8Array, out: { max: number }): number | null {
  let sum = 0;
  let sumMax = 0;
  let weight = 0;
  let n = 0;
  for (let i = g.first; i < g.end; i++) {
    if (present[i] === 0) continue;
    const v = values[i]!;
    const p = plan.indicators[i]!;
    const w = p.weight;
    sum += w * v;
    sumMax += w * p.ind.maxPoints;
    weight += w;
    n++;
  }
  out.max = 0;
  if (n === 0) return null;
  if (g.kind === 'sum') {
    out.max = sumMax;
    return sum;
  }
  if (weight === 0) return null;
  out.max = sumMax / weight;
  return sum / weight;
}

function scoreUnit(plan: ScoringPlan, u: UnitInputs, ui: number, period: Period, pops: readonly (PopulationStats | undefined)[], explain: Explain, slot: PointsSlot, scratch: ScoringScratch): ScoreResult {
  const s = plan.set;
  const { decimals, groupTotals } = s.rounding;
  const ofRounded = groupTotals === 'sum-of-rounded';
  const applies = plan.applicable(u.level);
  const { raw, rounded: roundedPoints, present, groupRaw, groupPoints, groupPresent, max } = scratch;
  const text = explain === 'text';
  const groups: GroupResult[] = new Array<GroupResult>(plan.groups.length);
  for (let gi = 0; gi < plan.groups.length; gi++) {
    const pg = plan.groups[gi]!;
    const g = pg.group;
    const indicators: IndicatorResult[] = new Array<IndicatorResult>(pg.end - pg.first);
    for (let pi = pg.first; pi < pg.end; pi++) {
      const p = plan.indicators[pi]!;
      const ind = p.ind;
      let points: number | null;
      let status: IndicatorResult['status'];
      let outcome: FormulaOutcome | undefined;
      if (!applies[pi]) {
        points = null;
        status = 'not-applicable';
        outcome = NOT_APPLICABLE;
      } else if (explain === 'none') {
        points = p.points(u.values, period.kind, pops[pi], slot);
        status = slot.status;
        if (status === 'missing-data' && p.missingError) {
          // Rare: evaluate again with the inputs recorded, to name the missing ones.
          outcome = evaluateFormula(ind.formula, { maxPoints: ind.maxPoints, values: u.values, periodKind: period.kind, population: pops[pi] });
        }
      } else {
        outcome = evaluateFormula(ind.formula, { maxPoints: ind.maxPoints, values: u.values, periodKind: period.kind, population: pops[pi] });
        points = outcome.points;
        status = outcome.status;
      }
      if (outcome !== undefined && outcome.policy === 'missing:error') missingInput(u, ui, p, outcome);
      const r = points === null ? null : roundTo(points, decimals);
      present[pi] = points === null ? 0 : 1;
      raw[pi] = points ?? 0;
      roundedPoints[pi] = r ?? 0;
      const result = p.result(r, status);
      if (explain !== 'none') result.explanation = explanation(p, outcome!, r, decimals, text);
      indicators[pi - pg.first] = result;
    }
    const value = aggregateGroup(pg, plan, ofRounded ? roundedPoints : raw, present, max);
    const points = value === null ? null : roundTo(value, decimals);
    groupPresent[gi] = value === null ? 0 : 1;
    groupRaw[gi] = value ?? 0;
    groupPoints[gi] = points ?? 0;
    const gr = pg.result(points, roundTo(max.max, 10), points === null || g.maxPoints === 0 ? null : roundTo((points / g.maxPoints) * 100, 2), indicators);
    groups[gi] = gr;
  }
  let total: number | null = null;
  let scoredMax = 0;
  if (plan.totalKind !== 'none') {
    const values = ofRounded ? groupPoints : groupRaw;
    let sum = 0;
    let sumMax = 0;
    let weight = 0;
    let n = 0;
    for (let gi = 0; gi < plan.groups.length; gi++) {
      if (groupPresent[gi] === 0) continue;
      const v = values[gi]!;
      const pg = plan.groups[gi]!;
      sum += pg.weight * v;
      sumMax += pg.weight * pg.group.maxPoints;
      weight += pg.weight;
      n++;
    }
    if (n > 0) {
      if (plan.totalKind === 'sum') {
        total = roundTo(sum, decimals);
        scoredMax = roundTo(sumMax, 10);
      } else if (weight !== 0) {
        total = roundTo(sum / weight, decimals);
        scoredMax = roundTo(sumMax / weight, 10);
      }
    }
  }
  const setId = s.id;
  const setVersion = s.version;
  const unitId = u.unitId;
  const maxPoints = s.scale.maxPoints;
  const percent = total === null || maxPoints === 0 ? null : roundTo((total / maxPoints) * 100, 2);
  const { unitName, level } = u;
  // One literal per combination of the optional keys (built at once, key order of the result schema).
  if (unitName !== undefined && level !== undefined) return { setId, setVersion, unitId, period, total, maxPoints, scoredMaxPoints: scoredMax, percent, groups, unitName, level };
  if (unitName !== undefined) return { setId, setVersion, unitId, period, total, maxPoints, scoredMaxPoints: scoredMax, percent, groups, unitName };
  if (level !== undefined) return { setId, setVersion, unitId, period, total, maxPoints, scoredMaxPoints: scoredMax, percent, groups, level };
  return { setId, setVersion, unitId, period, total, maxPoints, scoredMaxPoints: scoredMax, percent, groups };
}

interface ScoringScratch {
  // Typed arrays with a presence flag (null = absent): no number is boxed per indicator.
  raw: Float64Array;
  rounded: Float64Array;
  present: Uint8Array;
  groupRaw: Float64Array;
  groupPoints: Float64Array;
  groupPresent: Uint8Array;
  max: { max: number };
}

/**
 * Scores one unit, or several units together, for a period with a criteria set (chấm điểm). For each indicator:
 * the formula, its zero-denominator and missing-data policies, rounding to the set's decimals, and an
 * explanation in Vietnamese and English. Group totals aggregate the scored indicators (by default the sum of
 * the rounded parts); `null` indicators (not scored) are left out and never counted as 0, and a group or total
 * with nothing scored is `null`. Indicators outside the unit's level (`scope`) are `not-applicable`; a unit
 * with no `level` gets every indicator.
 *
 * The set is validated on every call (`INVALID_CRITERIA_SET`) and compiled once for the call (formulas, tree
 * order, weights); all input problems of the batch are reported at once (`INVALID_INPUTS`) before anything is
 * scored; an input missing under a `missing: 'error'` policy throws `MISSING_INPUT`. Pure: same inputs, same
 * result. For large batches pass `explain: 'none'` (or `'data'`, rendering sentences on demand with
 * {@link explanationText}): the points, statuses, totals and rankings are the same in every mode.
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

  const plan = planCriteriaSet(s);
  const problems = inputIssues(units, plan.indicators, s.unitLevels);
  if (problems.length) {
    fail('INVALID_INPUTS', `Dữ liệu đầu vào không hợp lệ (${problems.length} lỗi)`, `invalid inputs (${problems.length} problems): ${problems[0]!.path.join('.')}: ${problems[0]!.message}`, problems);
  }
  const pops = populations(plan, units, options.reference);
  const n = plan.indicators.length;
  const scratch: ScoringScratch = {
    raw: new Float64Array(n),
    rounded: new Float64Array(n),
    present: new Uint8Array(n),
    groupRaw: new Float64Array(plan.groups.length),
    groupPoints: new Float64Array(plan.groups.length),
    groupPresent: new Uint8Array(plan.groups.length),
    max: { max: 0 },
  };
  const slot: PointsSlot = { status: 'scored' };
  const results: ScoreResult[] = new Array<ScoreResult>(units.length);
  for (let ui = 0; ui < units.length; ui++) results[ui] = scoreUnit(plan, units[ui]!, ui, period, pops, explain, slot, scratch);
  return single ? results[0]! : results;
}
