import * as z from 'zod/mini';
import type { InputValue } from '../input-value.js';

/**
 * How an indicator's points came about:
 * - `scored`: the formula produced points;
 * - `zero-denominator`: the denominator was 0 and the indicator's policy decided (points may be 0, full or null);
 * - `missing-data`: an input was absent or `null` and the missing-data policy decided (points null or 0);
 * - `missing-evidence`: a manual score that needs evidence came without it (points null);
 * - `not-applicable`: the indicator is out of scope for the unit's level (points null, not counted);
 * - `monitoring`: a monitoring-only indicator (maximum 0, never scored; e.g. QĐ 766 5.1).
 *
 * @example
 * ```ts
 * const s: IndicatorStatus = 'zero-denominator';
 * ```
 */
export const indicatorStatusSchema = z.enum([
  'scored',
  'zero-denominator',
  'missing-data',
  'missing-evidence',
  'not-applicable',
  'monitoring',
]);
/**
 * The status of an indicator's points (trạng thái chấm). See {@link indicatorStatusSchema}.
 *
 * @example
 * ```ts
 * const r = score(criteriaSets.qd766, { unitId: 'phu-tho', values: { totalReceived: 184513, totalOnTime: 144625 } }, { period: '2026-08' });
 * const s: IndicatorStatus = r.groups[1]!.indicators[1]!.status; // 'monitoring' (2.2, average processing time)
 * ```
 */
export type IndicatorStatus = z.infer<typeof indicatorStatusSchema>;

/**
 * Statistics of one indicator's input across the units scored together, used by the cross-unit formulas
 * (`normalise-to-best`, `min-max`, `z-score`). Pass your own as `score(…, { reference })` to score against a
 * fixed population (e.g. all 193 UN member states) rather than the units in the call.
 *
 * @example
 * ```ts
 * const s: PopulationStats = { count: 3, min: 0.2, max: 0.9, mean: 0.5, sd: 0.29 };
 * ```
 */
export const populationStatsSchema = z.object({
  count: z.number().check(z.int(), z.minimum(0)),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  sd: z.number().check(z.minimum(0)),
});
/**
 * Statistics of an input across units (thống kê tổng thể), for the cross-unit formulas. See {@link populationStatsSchema}.
 *
 * @example
 * ```ts
 * const osi: PopulationStats = populationStats([0.7081, 0.6484, 0.9]); // { count: 3, min: 0.6484, max: 0.9, … }
 * score(criteriaSets.egdiFromRaw, countries, { period: '2024', reference: { osi } });
 * ```
 */
export type PopulationStats = z.infer<typeof populationStatsSchema>;

/**
 * What a formula needs to evaluate one indicator for one unit.
 *
 * @example
 * ```ts
 * const ctx: FormulaContext = { maxPoints: 20, values: { a: 1, b: 2 }, periodKind: 'month' };
 * ```
 */
export interface FormulaContext {
  /** The indicator's maximum points. */
  readonly maxPoints: number;
  /** The unit's input values. */
  readonly values: Readonly<Record<string, InputValue | undefined>>;
  /** The kind of period being scored (for period-scaled fallbacks). */
  readonly periodKind: 'month' | 'quarter' | 'year';
  /** Population statistics, for cross-unit formulas only. */
  readonly population?: PopulationStats | undefined;
}

/**
 * The raw (unrounded) result of a formula, with what it read and computed.
 *
 * @example
 * ```ts
 * const o: FormulaOutcome = { points: 10, status: 'scored', inputs: { a: 1, b: 2 }, steps: { ratio: 0.5 } };
 * ```
 */
export interface FormulaOutcome {
  points: number | null;
  status: IndicatorStatus;
  /** Input values read, by key (`null` when absent). */
  inputs: Record<string, number | boolean | null>;
  /** Intermediate values by name (e.g. `ratio`, `target`, `numerator`). */
  steps: Record<string, number | null>;
  /** The policy applied, when one decided the points (e.g. `zero-denominator:full`, `missing:null`, `cap`). */
  policy?: string;
}

/**
 * Applies a missing-data policy.
 *
 * @example
 * ```ts
 * missingOutcome('null', { a: null }).points; // null
 * ```
 */
export function missingOutcome(
  policy: 'null' | 'zero' | 'error' | undefined,
  inputs: Record<string, number | boolean | null>,
  steps: Record<string, number | null> = {},
): FormulaOutcome {
  const p = policy ?? 'null';
  return { points: p === 'zero' ? 0 : null, status: 'missing-data', inputs, steps, policy: `missing:${p}` };
}

/**
 * Applies a zero-denominator policy.
 *
 * @example
 * ```ts
 * zeroDenominatorOutcome('full', 6, {}).points; // 6
 * ```
 */
export function zeroDenominatorOutcome(
  policy: 'null' | 'zero' | 'full',
  maxPoints: number,
  inputs: Record<string, number | boolean | null>,
  steps: Record<string, number | null> = {},
): FormulaOutcome {
  const points = policy === 'null' ? null : policy === 'zero' ? 0 : maxPoints;
  return { points, status: 'zero-denominator', inputs, steps, policy: `zero-denominator:${policy}` };
}
