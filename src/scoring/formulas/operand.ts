import * as z from 'zod/mini';
import type { InputValue } from '../input-value.js';

/**
 * The key of an input value (khóa dữ liệu đầu vào): a letter, then letters, digits, `_`, `-` or `.`.
 *
 * @example
 * ```ts
 * inputKeySchema.parse('totalReceived');
 * ```
 */
export const inputKeySchema = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'input key'));

/**
 * A numeric operand of a formula: one input key, or the `sum`, `max` or `difference` (first minus the others) of
 * several inputs. `max` skips missing inputs (as "the larger of the counts in two systems"); `sum` and
 * `difference` need all of them.
 *
 * @example
 * ```ts
 * const op: Operand = { op: 'max', of: ['receivedBcqg', 'receivedPortal'] };
 * ```
 */
export const operandSchema = z.union([
  inputKeySchema,
  z.strictObject({ op: z.enum(['sum', 'max', 'difference']), of: z.array(inputKeySchema).check(z.minLength(1)) }),
]);
/**
 * A numeric operand of a formula (toán hạng): an input key, or `sum`, `max` or `difference` of several. See {@link operandSchema}.
 *
 * @example
 * ```ts
 * const denominator: Operand = { op: 'max', of: ['receivedDossiersBcqg', 'receivedDossiersPortal'] }; // QĐ 766 1.4
 * const numerator: Operand = 'syncedDossiers';
 * ```
 */
export type Operand = z.infer<typeof operandSchema>;

/**
 * What the policy does when an input is absent or `null`: score `null` (default), score 0, or throw `MISSING_INPUT`.
 *
 * @example
 * ```ts
 * missingPolicySchema.parse('zero');
 * ```
 */
export const missingPolicySchema = z.enum(['null', 'zero', 'error']);
/**
 * What a formula does when an input is absent or `null` (thiếu dữ liệu). See {@link missingPolicySchema}.
 *
 * @example
 * ```ts
 * const missing: MissingPolicy = 'zero'; // a missing input scores 0 instead of null
 * const f: Formula = { kind: 'boolean', input: 'hasFirewall', missing };
 * ```
 */
export type MissingPolicy = z.infer<typeof missingPolicySchema>;

/**
 * What a zero denominator yields: `null` (no score), `zero` (0 points) or `full` (the maximum).
 *
 * @example
 * ```ts
 * zeroDenominatorPolicySchema.parse('full');
 * ```
 */
export const zeroDenominatorPolicySchema = z.enum(['null', 'zero', 'full']);
/**
 * What a zero denominator yields (mẫu số bằng 0). See {@link zeroDenominatorPolicySchema}.
 *
 * @example
 * ```ts
 * const zeroDenominator: ZeroDenominatorPolicy = 'zero'; // QĐ 766 1.4: nothing received scores 0
 * const f: RatioFormula = { kind: 'ratio', numerator: 'syncedDossiers', denominator: 'receivedDossiersPortal', zeroDenominator };
 * ```
 */
export type ZeroDenominatorPolicy = z.infer<typeof zeroDenominatorPolicySchema>;

/**
 * The input keys an operand reads.
 *
 * @example
 * ```ts
 * operandKeys({ op: 'max', of: ['a', 'b'] }); // ['a', 'b']
 * ```
 */
export function operandKeys(op: Operand): readonly string[] {
  return typeof op === 'string' ? [op] : op.of;
}

/**
 * Reads a plain number from an input value; booleans count as 1/0; anything else (or absence) is `null`.
 *
 * @example
 * ```ts
 * numericValue(true); // 1
 * ```
 */
export function numericValue(v: InputValue | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/**
 * Resolves an operand against the input values; records each value read in `used` (absent → `null`).
 * Returns `null` when a needed input is missing.
 *
 * @example
 * ```ts
 * resolveOperand({ op: 'sum', of: ['a', 'b'] }, { a: 1, b: 2 }, {}); // 3
 * ```
 */
export function resolveOperand(
  op: Operand,
  values: Readonly<Record<string, InputValue | undefined>>,
  used: Record<string, number | boolean | null>,
): number | null {
  if (typeof op === 'string') {
    const v = numericValue(values[op]);
    used[op] = v;
    return v;
  }
  let acc: number | null = null;
  for (let i = 0; i < op.of.length; i++) {
    const key = op.of[i]!;
    const v = numericValue(values[key]);
    used[key] = v;
    if (op.op === 'max') {
      if (v !== null && (acc === null || v > acc)) acc = v;
      continue;
    }
    if (v === null) return null;
    acc = acc === null ? v : op.op === 'sum' ? acc + v : acc - v;
  }
  return acc;
}
