import * as z from 'zod/mini';
import { missingPolicySchema, operandSchema, resolveOperand } from './operand.js';
import { missingOutcome, type FormulaContext, type FormulaOutcome } from './outcome.js';

/**
 * Thresholds / bands table (bảng ngưỡng): with `direction: 'at-least'` a unit earns the points of the best band
 * whose `bound` its value reaches (value ≥ bound); with `'at-most'`, of the best band with value ≤ bound (for
 * "lower is better" values such as days of delay). Below every band: `otherwise` (default 0).
 *
 * @example
 * ```ts
 * const f: ThresholdsFormula = { kind: 'thresholds', input: 'bandwidthMbps', direction: 'at-least',
 *   bands: [{ bound: 100, points: 5 }, { bound: 50, points: 3 }] };
 * ```
 */
export const thresholdsFormulaSchema = z.strictObject({
  kind: z.literal('thresholds'),
  input: operandSchema,
  direction: z.enum(['at-least', 'at-most']),
  bands: z.array(z.strictObject({ bound: z.number(), points: z.number().check(z.minimum(0)) })).check(z.minLength(1)),
  otherwise: z.optional(z.number().check(z.minimum(0))),
  missing: z.optional(missingPolicySchema),
});
/**
 * A thresholds formula (bảng ngưỡng). See {@link thresholdsFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: ThresholdsFormula = { kind: 'thresholds', input: 'averageDelayDays', direction: 'at-most',
 *   bands: [{ bound: 0, points: 5 }, { bound: 3, points: 3 }], otherwise: 0 }; // no delay 5, ≤ 3 days 3
 * ```
 */
export type ThresholdsFormula = z.infer<typeof thresholdsFormulaSchema>;

/**
 * Evaluates a {@link ThresholdsFormula}.
 *
 * @example
 * ```ts
 * evaluateThresholds({ kind: 'thresholds', input: 'x', direction: 'at-least', bands: [{ bound: 50, points: 3 }] },
 *   { maxPoints: 5, values: { x: 60 }, periodKind: 'year' }).points; // 3
 * ```
 */
export function evaluateThresholds(f: ThresholdsFormula, ctx: FormulaContext): FormulaOutcome {
  const inputs: Record<string, number | boolean | null> = {};
  const v = resolveOperand(f.input, ctx.values, inputs);
  if (v === null) return missingOutcome(f.missing, inputs);
  let best: number | null = null;
  let bound: number | null = null;
  for (const b of f.bands) {
    const hit = f.direction === 'at-least' ? v >= b.bound : v <= b.bound;
    if (hit && (best === null || b.points > best)) {
      best = b.points;
      bound = b.bound;
    }
  }
  return {
    points: best ?? f.otherwise ?? 0,
    status: 'scored',
    inputs,
    steps: { value: v, bound },
  };
}
