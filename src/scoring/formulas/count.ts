import * as z from 'zod/mini';
import { missingPolicySchema, operandSchema, resolveOperand } from './operand.js';
import { missingOutcome, type FormulaContext, type FormulaOutcome } from './outcome.js';

/**
 * Capped count (đếm, có trần): `points = min(max, base + pointsPerUnit × count)`; negative counts score `base`.
 * E.g. the Bộ TT&TT ICT method: "1 point per application using the WAN, up to 5".
 *
 * @example
 * ```ts
 * const f: CountFormula = { kind: 'count', input: 'wanApplications', pointsPerUnit: 1 };
 * ```
 */
export const countFormulaSchema = z.strictObject({
  kind: z.literal('count'),
  input: operandSchema,
  pointsPerUnit: z.number().check(z.gt(0)),
  base: z.optional(z.number().check(z.minimum(0))),
  missing: z.optional(missingPolicySchema),
});
/**
 * A capped count formula (đếm, có trần). See {@link countFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: CountFormula = { kind: 'count', input: 'wanApplications', pointsPerUnit: 1, base: 0 }; // 1 point each, up to the maximum
 * ```
 */
export type CountFormula = z.infer<typeof countFormulaSchema>;

/**
 * Evaluates a {@link CountFormula}.
 *
 * @example
 * ```ts
 * evaluateCount({ kind: 'count', input: 'n', pointsPerUnit: 1 }, { maxPoints: 5, values: { n: 7 }, periodKind: 'year' }).points; // 5
 * ```
 */
export function evaluateCount(f: CountFormula, ctx: FormulaContext): FormulaOutcome {
  const inputs: Record<string, number | boolean | null> = {};
  const n = resolveOperand(f.input, ctx.values, inputs);
  if (n === null) return missingOutcome(f.missing, inputs);
  const base = f.base ?? 0;
  const uncapped = base + f.pointsPerUnit * Math.max(0, n);
  const points = Math.min(ctx.maxPoints, uncapped);
  const out: FormulaOutcome = { points, status: 'scored', inputs, steps: { count: n, uncapped } };
  if (uncapped > ctx.maxPoints) out.policy = 'cap';
  return out;
}
