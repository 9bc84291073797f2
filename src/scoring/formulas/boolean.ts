import * as z from 'zod/mini';
import { inputKeySchema, missingPolicySchema } from './operand.js';
import { missingOutcome, type FormulaContext, type FormulaOutcome } from './outcome.js';

/**
 * Yes/no formula (Có / Không): `pointsIfTrue` (default the maximum) or `pointsIfFalse` (default 0). The input
 * is a boolean, or 1/0.
 *
 * @example
 * ```ts
 * const f: BooleanFormula = { kind: 'boolean', input: 'hasFirewall' }; // Tây Ninh 2747: Có 2 / Không 0
 * ```
 */
export const booleanFormulaSchema = z.strictObject({
  kind: z.literal('boolean'),
  input: inputKeySchema,
  pointsIfTrue: z.optional(z.number().check(z.minimum(0))),
  pointsIfFalse: z.optional(z.number().check(z.minimum(0))),
  missing: z.optional(missingPolicySchema),
});
/**
 * A yes/no formula (Có / Không). See {@link booleanFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: BooleanFormula = { kind: 'boolean', input: 'hasFirewall', pointsIfTrue: 2, pointsIfFalse: 0 };
 * ```
 */
export type BooleanFormula = z.infer<typeof booleanFormulaSchema>;

/**
 * Evaluates a {@link BooleanFormula}.
 *
 * @example
 * ```ts
 * evaluateBoolean({ kind: 'boolean', input: 'x' }, { maxPoints: 2, values: { x: true }, periodKind: 'year' }).points; // 2
 * ```
 */
export function evaluateBoolean(f: BooleanFormula, ctx: FormulaContext): FormulaOutcome {
  const raw = ctx.values[f.input];
  const v = raw === true || raw === 1 ? true : raw === false || raw === 0 ? false : null;
  const inputs: Record<string, number | boolean | null> = { [f.input]: v };
  if (v === null) return missingOutcome(f.missing, inputs);
  return {
    points: v ? (f.pointsIfTrue ?? ctx.maxPoints) : (f.pointsIfFalse ?? 0),
    status: 'scored',
    inputs,
    steps: {},
  };
}
