import * as z from 'zod/mini';
import { missingPolicySchema, operandSchema, resolveOperand } from './operand.js';
import { missingOutcome, type FormulaContext, type FormulaOutcome } from './outcome.js';

/**
 * Linear between two values (tuyến tính): 0 points at `from`, the maximum at `to`, proportional between, clamped
 * outside. `to < from` makes it decreasing (lower is better). With `from: 0, to: 1` the points are the value
 * times the maximum: an index already on 0–1 (as the EGDI components).
 *
 * @example
 * ```ts
 * const f: LinearFormula = { kind: 'linear', input: 'osi', from: 0, to: 1 };
 * ```
 */
export const linearFormulaSchema = z.strictObject({
  kind: z.literal('linear'),
  input: operandSchema,
  from: z.number(),
  to: z.number(),
  missing: z.optional(missingPolicySchema),
});
/**
 * A linear formula (tuyến tính). See {@link linearFormulaSchema}.
 *
 * @example
 * ```ts
 * const osi: LinearFormula = { kind: 'linear', input: 'osi', from: 0, to: 1 }; // EGDI: an index already on 0–1
 * const delay: LinearFormula = { kind: 'linear', input: 'averageDelayDays', from: 10, to: 0 }; // lower is better
 * ```
 */
export type LinearFormula = z.infer<typeof linearFormulaSchema>;

/**
 * Evaluates a {@link LinearFormula}.
 *
 * @example
 * ```ts
 * evaluateLinear({ kind: 'linear', input: 'x', from: 0, to: 1 }, { maxPoints: 1, values: { x: 0.6484 }, periodKind: 'year' }).points; // 0.6484
 * ```
 */
export function evaluateLinear(f: LinearFormula, ctx: FormulaContext): FormulaOutcome {
  const inputs: Record<string, number | boolean | null> = {};
  const v = resolveOperand(f.input, ctx.values, inputs);
  if (v === null) return missingOutcome(f.missing, inputs);
  const share = (v - f.from) / (f.to - f.from);
  const clamped = share < 0 ? 0 : share > 1 ? 1 : share;
  const out: FormulaOutcome = { points: ctx.maxPoints * clamped, status: 'scored', inputs, steps: { value: v, share } };
  if (clamped !== share) out.policy = 'clamp';
  return out;
}
