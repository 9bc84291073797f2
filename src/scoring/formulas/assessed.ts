import * as z from 'zod/mini';
import { inputKeySchema, missingPolicySchema } from './operand.js';
import { missingOutcome, type FormulaContext, type FormulaOutcome } from './outcome.js';

/**
 * How a self-assessment and the reviewers' scores make the final score (kết hợp điểm tự chấm và điểm thẩm định):
 * - `last-reviewer`: the last reviewer who gave a score decides; the self score if no reviewer did;
 * - `mean-of-reviewers`: the mean of the reviewers' scores; the self score if none;
 * - `weighted`: `(self × selfWeight + reviewerMean × reviewerWeight) ÷ (selfWeight + reviewerWeight)`, e.g.
 *   `(Manager × 2 + Self) ÷ 3`; the self score alone if no reviewer scored, the reviewers alone if no self score;
 * - `minimum`: the lowest score given (a cautious rule).
 *
 * @example
 * ```ts
 * const rule: CombineRule = { rule: 'weighted', selfWeight: 1, reviewerWeight: 2 };
 * ```
 */
export const combineRuleSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('last-reviewer') }),
  z.strictObject({ rule: z.literal('mean-of-reviewers') }),
  z.strictObject({
    rule: z.literal('weighted'),
    selfWeight: z.number().check(z.minimum(0)),
    reviewerWeight: z.number().check(z.minimum(0)),
  }),
  z.strictObject({ rule: z.literal('minimum') }),
]);
/**
 * How self and reviewer scores combine (kết hợp điểm tự chấm và điểm thẩm định). See {@link combineRuleSchema}.
 *
 * @example
 * ```ts
 * const rule: CombineRule = { rule: 'weighted', selfWeight: 1, reviewerWeight: 2 }; // (tự chấm + 2 × thẩm định) ÷ 3
 * const last: CombineRule = { rule: 'last-reviewer' };
 * ```
 */
export type CombineRule = z.infer<typeof combineRuleSchema>;

/**
 * Assessed formula: the input is an `AssessedScore` (`{ self, reviewers }`, on the indicator's points scale)
 * combined by a {@link CombineRule}.
 *
 * @example
 * ```ts
 * const f: AssessedFormula = { kind: 'assessed', input: 'emulation', combine: { rule: 'last-reviewer' } };
 * ```
 */
export const assessedFormulaSchema = z.strictObject({
  kind: z.literal('assessed'),
  input: inputKeySchema,
  combine: combineRuleSchema,
  missing: z.optional(missingPolicySchema),
});
/**
 * An assessed formula (tự chấm, thẩm định). See {@link assessedFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: AssessedFormula = { kind: 'assessed', input: 'emulation', combine: { rule: 'mean-of-reviewers' }, missing: 'zero' };
 * ```
 */
export type AssessedFormula = z.infer<typeof assessedFormulaSchema>;

/**
 * Evaluates an {@link AssessedFormula}.
 *
 * @example
 * ```ts
 * evaluateAssessed({ kind: 'assessed', input: 'k', combine: { rule: 'weighted', selfWeight: 1, reviewerWeight: 2 } },
 *   { maxPoints: 10, values: { k: { self: 9, reviewers: [6] } }, periodKind: 'month' }).points; // 7
 * ```
 */
export function evaluateAssessed(f: AssessedFormula, ctx: FormulaContext): FormulaOutcome {
  const v = ctx.values[f.input];
  if (v === null || v === undefined || typeof v !== 'object' || !('reviewers' in v)) {
    return missingOutcome(f.missing, { [f.input]: null });
  }
  const given = v.reviewers.filter((r): r is number => r !== null);
  const steps: Record<string, number | null> = { self: v.self };
  given.forEach((r, i) => (steps[`reviewer${i + 1}`] = r));
  const inputs = { [f.input]: v.self };
  const mean = given.length ? given.reduce((a, b) => a + b, 0) / given.length : null;
  let points: number | null;
  switch (f.combine.rule) {
    case 'last-reviewer':
      points = given.length ? given[given.length - 1]! : v.self;
      break;
    case 'mean-of-reviewers':
      points = mean ?? v.self;
      break;
    case 'weighted': {
      const { selfWeight: sw, reviewerWeight: rw } = f.combine;
      if (mean === null) points = v.self;
      else if (v.self === null || sw + rw === 0) points = mean;
      else points = (v.self * sw + mean * rw) / (sw + rw);
      break;
    }
    case 'minimum': {
      const all = v.self === null ? given : [v.self, ...given];
      points = all.length ? Math.min(...all) : null;
      break;
    }
  }
  if (points === null) return missingOutcome(f.missing, inputs, steps);
  return { points, status: 'scored', inputs, steps };
}
