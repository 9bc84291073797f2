// Frozen copy of src/scoring/score.ts as of commit 0f428cf (before the compiled fast path): the
// reference implementation the property test compares the optimised score against. Do not optimise this file.
import * as z from 'zod/mini';
import { issuesFromZod, type VnEgovIssue } from '../../../src/errors/index.js';
import { defineCriteriaSet, type Aggregate, type CriteriaSet, type Indicator } from '../../../src/scoring/criteria-set.js';
import { fail, issue } from '../../../src/scoring/errors.js';
import { explainOutcome } from '../../../src/scoring/explain.js';
import { populationStats } from '../../../src/scoring/formulas/cross-unit.js';
import { CROSS_UNIT_KINDS, evaluateFormula } from '../../../src/scoring/formulas/formula.js';
import { numericValue, operandKeys, type Operand } from '../../../src/scoring/formulas/operand.js';
import { populationStatsSchema, type FormulaOutcome, type PopulationStats } from '../../../src/scoring/formulas/outcome.js';
import { unitInputsSchema, type UnitInputs } from '../../../src/scoring/input-value.js';
import { periodSchema, toPeriod, type PeriodInput } from '../../../src/scoring/periods.js';
import type { Explanation, GroupResult, IndicatorResult, ScoreResult } from '../../../src/scoring/result-schema.js';
import { roundTo } from '../../../src/scoring/rounding.js';

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
const scoreOptionsSchema = z.object({
  period: z.union([z.string(), periodSchema]),
  reference: z.optional(z.record(z.string(), populationStatsSchema)),
  explain: z.optional(z.enum(['text', 'data', 'none'])),
});
/** See {@link scoreOptionsSchema}. */
interface ScoreOptions {
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

const isScore = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** A fast, sound pre-check: `true` only for values the input schema accepts (the schema reports the rest). */
function plainValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o['evidence'])) return isScore(o['points']) && (o['evidence'] as unknown[]).every((e) => typeof e === 'string' && e.length > 0);
  if (Array.isArray(o['reviewers'])) return isScore(o['self']) && (o['reviewers'] as unknown[]).length <= 2 && (o['reviewers'] as unknown[]).every(isScore);
  return false;
}

function plainUnit(u: unknown): boolean {
  if (typeof u !== 'object' || u === null) return false;
  const o = u as Record<string, unknown>;
  if (typeof o['unitId'] !== 'string' || o['unitId'].length === 0) return false;
  if (o['unitName'] !== undefined && typeof o['unitName'] !== 'string') return false;
  if (o['level'] !== undefined && (typeof o['level'] !== 'string' || o['level'].length === 0)) return false;
  const values = o['values'];
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  for (const k in values) if (!plainValue((values as Record<string, unknown>)[k])) return false;
  return true;
}

function inputIssues(units: readonly unknown[], plan: readonly PlanIndicator[], levels: readonly string[] | undefined): VnEgovIssue[] {
  const out: VnEgovIssue[] = [];
  const known = levels ? new Set(levels) : undefined;
  const seen = new Map<string, number>();
  const bounded = plan.filter((p) => p.ind.formula.kind === 'manual' || p.ind.formula.kind === 'assessed');
  units.forEach((u, i) => {
    const id = typeof u === 'object' && u !== null ? (u as { unitId?: unknown }).unitId : undefined;
    if (typeof id === 'string') {
      const prev = seen.get(id);
      if (prev !== undefined) out.push(issue('duplicate_unit', [i, 'unitId'], `unit "${id}" is also at index ${prev}`));
      else seen.set(id, i);
    }
    if (!plainUnit(u)) {
      const r = unitInputsSchema.safeParse(u);
      if (!r.success) {
        for (const x of issuesFromZod(r.error)) out.push({ ...x, path: [i, ...x.path] });
        return;
      }
    }
    const level = (u as UnitInputs).level;
    if (known && level !== undefined && !known.has(level)) {
      out.push(issue('unknown_unit_level', [i, 'level'], `unit level "${level}" is not one of ${[...known].join(', ')}`));
    }
    const values = (u as UnitInputs).values;
    for (const p of bounded) {
      const f = p.ind.formula as { input: string };
      const v = values[f.input];
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

const pointsOf = (i: IndicatorResult): number | null => i.points;

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
export function referenceScore(set: CriteriaSet, inputs: UnitInputs, options: ScoreOptions): ScoreResult;
export function referenceScore(set: CriteriaSet, inputs: readonly UnitInputs[], options: ScoreOptions): ScoreResult[];
export function referenceScore(set: CriteriaSet, inputs: UnitInputs | readonly UnitInputs[], options: ScoreOptions): ScoreResult | ScoreResult[] {
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
  const problems = inputIssues(units, plan, s.unitLevels);
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
  const groupIds = s.groups.map((g) => g.indicators.map((i) => i.id));
  const groupMaxima = s.groups.map((g) => g.indicators.map((i) => i.maxPoints));
  const setGroupIds = s.groups.map((g) => g.id);
  const setGroupMaxima = s.groups.map((g) => g.maxPoints);
  const results: ScoreResult[] = new Array<ScoreResult>(units.length);
  const nGroups = s.groups.length;
  for (let ui = 0; ui < units.length; ui++) {
    const u = units[ui]!;
    const groups: GroupResult[] = new Array<GroupResult>(nGroups);
    const raws: (number | null)[][] = new Array<(number | null)[]>(nGroups);
    for (let gi = 0; gi < nGroups; gi++) {
      const g = s.groups[gi]!;
      const gr: GroupResult = { id: g.id, name: g.name, maxPoints: g.maxPoints, points: null, scoredMaxPoints: 0, percent: null, indicators: [] };
      if (g.number !== undefined) gr.number = g.number;
      if (g.code !== undefined) gr.code = g.code;
      groups[gi] = gr;
      raws[gi] = [];
    }
    for (let pi = 0; pi < plan.length; pi++) {
      const p = plan[pi]!;
      const ind = p.ind;
      const outcome = applies(p, u)
        ? evaluateFormula(ind.formula, { maxPoints: ind.maxPoints, values: u.values, periodKind: period.kind, population: population.get(ind.id) })
        : NOT_APPLICABLE;
      if (outcome.policy === 'missing:error') {
        const keys = Object.keys(outcome.inputs).filter((k) => outcome.inputs[k] === null).join(', ');
        fail('MISSING_INPUT', `Thiếu dữ liệu ${keys} của đơn vị "${u.unitId}" cho chỉ số "${ind.id}"`, `unit "${u.unitId}" lacks ${keys} for indicator "${ind.id}"`, [
          issue('missing_input', [ui, 'values', keys], `needed by "${ind.id}"`),
        ]);
      }
      const rounded = outcome.points === null ? null : roundTo(outcome.points, decimals);
      const r: IndicatorResult = { id: ind.id, name: ind.name, maxPoints: ind.maxPoints, points: rounded, status: outcome.status, confidence: ind.confidence };
      if (ind.number !== undefined) r.number = ind.number;
      if (ind.code !== undefined) r.code = ind.code;
      if (explain !== 'none') {
        const text = explain === 'text';
        const e: Explanation = {
          formula: ind.formula.kind,
          inputs: outcome.inputs,
          steps: outcome.steps,
          rawPoints: outcome.points,
          rounding: { decimals, from: outcome.points, to: rounded },
          vi: text ? explainOutcome(ind.formula, outcome, ind.maxPoints, rounded, decimals, 'vi') : '',
          en: text ? explainOutcome(ind.formula, outcome, ind.maxPoints, rounded, decimals, 'en') : '',
        };
        if (outcome.policy !== undefined) e.policy = outcome.policy;
        r.explanation = e;
      }
      groups[p.group]!.indicators.push(r);
      raws[p.group]!.push(outcome.points);
    }
    const groupRaw: (number | null)[] = new Array<number | null>(nGroups);
    const groupPoints: (number | null)[] = new Array<number | null>(nGroups);
    for (let gi = 0; gi < nGroups; gi++) {
      const g = s.groups[gi]!;
      const gr = groups[gi]!;
      const a = aggregate(g.aggregate, groupIds[gi]!, groupTotals === 'sum-of-rounded' ? gr.indicators.map(pointsOf) : raws[gi]!, groupMaxima[gi]!);
      groupRaw[gi] = a.value;
      gr.points = a.value === null ? null : roundTo(a.value, decimals);
      groupPoints[gi] = gr.points;
      gr.scoredMaxPoints = roundTo(a.max, 10);
      gr.percent = gr.points === null || g.maxPoints === 0 ? null : roundTo((gr.points / g.maxPoints) * 100, 2);
    }
    let total: number | null = null;
    let scoredMax = 0;
    if (s.total?.kind !== 'none') {
      const a = aggregate(s.total, setGroupIds, groupTotals === 'sum-of-rounded' ? groupPoints : groupRaw, setGroupMaxima);
      total = a.value === null ? null : roundTo(a.value, decimals);
      scoredMax = roundTo(a.max, 10);
    }
    const res: ScoreResult = {
      setId: s.id,
      setVersion: s.version,
      unitId: u.unitId,
      period,
      total,
      maxPoints: s.scale.maxPoints,
      scoredMaxPoints: scoredMax,
      percent: total === null || s.scale.maxPoints === 0 ? null : roundTo((total / s.scale.maxPoints) * 100, 2),
      groups,
    };
    if (u.unitName !== undefined) res.unitName = u.unitName;
    if (u.level !== undefined) res.level = u.level;
    results[ui] = res;
  }
  return single ? results[0]! : results;
}
