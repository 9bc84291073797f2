import * as z from 'zod/mini';
import { inputKeySchema, missingPolicySchema } from './operand.js';
import { missingOutcome, type FormulaContext, type FormulaOutcome } from './outcome.js';

/**
 * Manual score with evidence (chấm điểm thủ công có minh chứng): the input is a `ManualScore`
 * (`{ points, evidence }`); points above the maximum are an input error. With `requireEvidence`, a score without
 * evidence is not counted (status `missing-evidence`, points null).
 *
 * @example
 * ```ts
 * const f: ManualFormula = { kind: 'manual', input: 'policyDocuments', requireEvidence: true };
 * ```
 */
export const manualFormulaSchema = z.strictObject({
  kind: z.literal('manual'),
  input: inputKeySchema,
  requireEvidence: z.boolean(),
  missing: z.optional(missingPolicySchema),
});
/**
 * A manual formula with evidence (chấm điểm thủ công có minh chứng). See {@link manualFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: ManualFormula = { kind: 'manual', input: 'infrastructure', requireEvidence: true }; // QĐ 2392 template, Hạng mục A
 * ```
 */
export type ManualFormula = z.infer<typeof manualFormulaSchema>;

/**
 * Evaluates a {@link ManualFormula} (the range check against the maximum is done by `score`).
 *
 * @example
 * ```ts
 * evaluateManual({ kind: 'manual', input: 'p', requireEvidence: true },
 *   { maxPoints: 5, values: { p: { points: 4, evidence: ['QĐ 12/QĐ-UBND'] } }, periodKind: 'year' }).points; // 4
 * ```
 */
export function evaluateManual(f: ManualFormula, ctx: FormulaContext): FormulaOutcome {
  const v = ctx.values[f.input];
  if (v === null || v === undefined || typeof v !== 'object' || !('evidence' in v) || v.points === null) {
    return missingOutcome(f.missing, { [f.input]: null });
  }
  const inputs = { [f.input]: v.points };
  const steps = { evidenceCount: v.evidence.length };
  if (f.requireEvidence && v.evidence.length === 0) {
    return { points: null, status: 'missing-evidence', inputs, steps, policy: 'evidence-required' };
  }
  return { points: v.points, status: 'scored', inputs, steps };
}
