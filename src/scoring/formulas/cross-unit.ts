import * as z from 'zod/mini';
import { missingPolicySchema, operandSchema, resolveOperand, zeroDenominatorPolicySchema } from './operand.js';
import { missingOutcome, zeroDenominatorOutcome, type FormulaContext, type FormulaOutcome } from './outcome.js';

/**
 * Normalised to the best unit (so với đơn vị tốt nhất): `max × value ÷ highest` (or `max × lowest ÷ value` when
 * lower is better), as the Bộ TT&TT ICT method's "bandwidth per staff ÷ highest among ministries × 40".
 * Cross-unit: the population is the units scored together, or `score(…, { reference })`.
 *
 * @example
 * ```ts
 * const f: NormaliseToBestFormula = { kind: 'normalise-to-best', input: 'bandwidthPerStaff', best: 'highest',
 *   zeroDenominator: 'zero' };
 * ```
 */
export const normaliseToBestFormulaSchema = z.strictObject({
  kind: z.literal('normalise-to-best'),
  input: operandSchema,
  best: z.enum(['highest', 'lowest']),
  zeroDenominator: zeroDenominatorPolicySchema,
  missing: z.optional(missingPolicySchema),
});
/**
 * A formula normalised to the best unit (so với đơn vị tốt nhất). See {@link normaliseToBestFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: NormaliseToBestFormula = { kind: 'normalise-to-best', input: 'bandwidthPerStaff', best: 'highest', zeroDenominator: 'zero' };
 * ```
 */
export type NormaliseToBestFormula = z.infer<typeof normaliseToBestFormulaSchema>;

/**
 * Min–max normalisation across units (chuẩn hóa min–max): `max × (value − min) ÷ (highest − min)`, reversed when
 * lower is better. When every unit has the same value the range is 0 and `zeroDenominator` decides.
 *
 * @example
 * ```ts
 * const f: MinMaxFormula = { kind: 'min-max', input: 'tii', direction: 'higher-is-better', zeroDenominator: 'full' };
 * ```
 */
export const minMaxFormulaSchema = z.strictObject({
  kind: z.literal('min-max'),
  input: operandSchema,
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  zeroDenominator: zeroDenominatorPolicySchema,
  missing: z.optional(missingPolicySchema),
});
/**
 * A min–max formula across units (chuẩn hóa min–max). See {@link minMaxFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: MinMaxFormula = { kind: 'min-max', input: 'averageDelayDays', direction: 'lower-is-better', zeroDenominator: 'full' };
 * ```
 */
export type MinMaxFormula = z.infer<typeof minMaxFormulaSchema>;

/**
 * z-score then min–max (chuẩn hóa z-score rồi min–max), the UN EGDI method for each component:
 * `z = (value − mean) ÷ sd` (population standard deviation), then rescaled so that the lowest unit scores 0 and
 * the highest the maximum. A zero standard deviation falls to `zeroDenominator`.
 *
 * @example
 * ```ts
 * const f: ZScoreFormula = { kind: 'z-score', input: 'osiRaw', zeroDenominator: 'null' };
 * ```
 */
export const zScoreFormulaSchema = z.strictObject({
  kind: z.literal('z-score'),
  input: operandSchema,
  zeroDenominator: zeroDenominatorPolicySchema,
  missing: z.optional(missingPolicySchema),
});
/**
 * A z-score then min–max formula (chuẩn hóa z-score), as the components of `criteriaSets.egdiFromRaw`. See {@link zScoreFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: ZScoreFormula = { kind: 'z-score', input: 'osi', zeroDenominator: 'null' };
 * ```
 */
export type ZScoreFormula = z.infer<typeof zScoreFormulaSchema>;

/**
 * Any cross-unit formula.
 *
 * @example
 * ```ts
 * const f: CrossUnitFormula = { kind: 'min-max', input: 'x', direction: 'higher-is-better', zeroDenominator: 'null' };
 * ```
 */
export type CrossUnitFormula = NormaliseToBestFormula | MinMaxFormula | ZScoreFormula;

/**
 * Evaluates a cross-unit formula against `ctx.population`.
 *
 * @example
 * ```ts
 * evaluateCrossUnit({ kind: 'min-max', input: 'x', direction: 'higher-is-better', zeroDenominator: 'null' },
 *   { maxPoints: 1, values: { x: 5 }, periodKind: 'year', population: { count: 2, min: 0, max: 10, mean: 5, sd: 5 } }).points; // 0.5
 * ```
 */
export function evaluateCrossUnit(f: CrossUnitFormula, ctx: FormulaContext): FormulaOutcome {
  const inputs: Record<string, number | boolean | null> = {};
  const v = resolveOperand(f.input, ctx.values, inputs);
  if (v === null) return missingOutcome(f.missing, inputs);
  const p = ctx.population;
  if (p === undefined || p.count === 0) return zeroDenominatorOutcome(f.zeroDenominator, ctx.maxPoints, inputs);
  const steps: Record<string, number | null> = { value: v, min: p.min, max: p.max };
  let share: number;
  if (f.kind === 'normalise-to-best') {
    const den = f.best === 'highest' ? p.max : v;
    if (den === 0) return zeroDenominatorOutcome(f.zeroDenominator, ctx.maxPoints, inputs, steps);
    share = f.best === 'highest' ? v / p.max : p.min / v;
  } else if (f.kind === 'min-max') {
    const range = p.max - p.min;
    if (range === 0) return zeroDenominatorOutcome(f.zeroDenominator, ctx.maxPoints, inputs, steps);
    share = f.direction === 'higher-is-better' ? (v - p.min) / range : (p.max - v) / range;
  } else {
    steps['mean'] = p.mean;
    steps['sd'] = p.sd;
    if (p.sd === 0) return zeroDenominatorOutcome(f.zeroDenominator, ctx.maxPoints, inputs, steps);
    const z0 = (v - p.mean) / p.sd;
    const zMin = (p.min - p.mean) / p.sd;
    const zMax = (p.max - p.mean) / p.sd;
    steps['z'] = z0;
    share = (z0 - zMin) / (zMax - zMin);
  }
  const clamped = share < 0 ? 0 : share > 1 ? 1 : share;
  steps['share'] = share;
  const out: FormulaOutcome = { points: ctx.maxPoints * clamped, status: 'scored', inputs, steps };
  if (clamped !== share) out.policy = 'clamp';
  return out;
}

/**
 * Computes the {@link PopulationStats} of a list of values (non-finite values skipped).
 *
 * @example
 * ```ts
 * populationStats([1, 2, 3]); // { count: 3, min: 1, max: 3, mean: 2, sd: 0.816… }
 * ```
 */
export function populationStats(values: readonly number[]): { count: number; min: number; max: number; mean: number; sd: number } {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return { count: 0, min: 0, max: 0, mean: 0, sd: 0 };
  const mean = sum / count;
  let sq = 0;
  for (const v of values) if (Number.isFinite(v)) sq += (v - mean) ** 2;
  return { count, min, max, mean, sd: Math.sqrt(sq / count) };
}
