import * as z from 'zod/mini';
import {
  inputKeySchema,
  missingPolicySchema,
  numericValue,
  operandSchema,
  resolveOperand,
  zeroDenominatorPolicySchema,
} from './operand.js';
import { missingOutcome, zeroDenominatorOutcome, type FormulaContext, type FormulaOutcome } from './outcome.js';

/**
 * Ratio formula (tỷ lệ × điểm tối đa), the pattern of almost every QĐ 766 indicator:
 * `points = max × ratio ÷ target`, capped at `max` unless `cap` is `false`; `target` defaults to 1 (plain
 * `ratio × max`); with a target below 1 it is a saturation target (full points at ratio ≥ target).
 *
 * The ratio is `numerator ÷ denominator`, or an input that already holds a ratio in 0–1 (`ratio`). When the
 * denominator is 0 (or missing while the numerator is present) and a `denominatorFallback` is given, the fallback
 * input (a yearly count) divided by 12 (month), 4 (quarter) or 1 (year) is used; otherwise `zeroDenominator`
 * decides: `null`, `zero` or `full`. A negative ratio scores 0.
 *
 * @example
 * ```ts
 * const f: RatioFormula = { kind: 'ratio', numerator: 'totalOnTime', denominator: 'totalReceived',
 *   zeroDenominator: 'null' };
 * ```
 */
export const ratioFormulaSchema = z.strictObject({
  kind: z.literal('ratio'),
  numerator: z.optional(operandSchema),
  denominator: z.optional(operandSchema),
  /** An input holding the ratio itself (0–1), instead of numerator and denominator. */
  ratio: z.optional(inputKeySchema),
  /** Saturation target in (0, 1]: full points at or above it. */
  target: z.optional(z.number().check(z.gt(0), z.maximum(1))),
  /** `false` keeps points above the maximum (faithful to a fitted formula); default `true`. */
  cap: z.optional(z.boolean()),
  zeroDenominator: zeroDenominatorPolicySchema,
  /** A yearly count used when the denominator is 0: ÷ 12 for a month, ÷ 4 for a quarter, × 1 for a year. */
  denominatorFallback: z.optional(z.strictObject({ input: inputKeySchema })),
  missing: z.optional(missingPolicySchema),
});
/**
 * A ratio formula (tỷ lệ × điểm tối đa). See {@link ratioFormulaSchema}.
 *
 * @example
 * ```ts
 * const dossierSync: RatioFormula = { kind: 'ratio', numerator: 'syncedDossiers', // QĐ 766 1.4
 *   denominator: { op: 'max', of: ['receivedDossiersBcqg', 'receivedDossiersPortal'] },
 *   denominatorFallback: { input: 'receivedDossiersPreviousYear' }, zeroDenominator: 'zero' };
 * ```
 */
export type RatioFormula = z.infer<typeof ratioFormulaSchema>;

const PER_YEAR = { month: 12, quarter: 4, year: 1 } as const;

/**
 * Evaluates a {@link RatioFormula}.
 *
 * @example
 * ```ts
 * evaluateRatio({ kind: 'ratio', numerator: 'a', denominator: 'b', zeroDenominator: 'null' },
 *   { maxPoints: 20, values: { a: 144625, b: 184513 }, periodKind: 'month' }).points; // 15.6764…
 * ```
 */
export function evaluateRatio(f: RatioFormula, ctx: FormulaContext): FormulaOutcome {
  const inputs: Record<string, number | boolean | null> = {};
  const steps: Record<string, number | null> = {};
  const target = f.target ?? 1;
  let ratio: number;
  let policy: string | undefined;
  if (f.ratio !== undefined) {
    const r = numericValue(ctx.values[f.ratio]);
    inputs[f.ratio] = r;
    if (r === null) return missingOutcome(f.missing, inputs);
    ratio = r;
  } else {
    const num = f.numerator === undefined ? null : resolveOperand(f.numerator, ctx.values, inputs);
    let den = f.denominator === undefined ? null : resolveOperand(f.denominator, ctx.values, inputs);
    steps['numerator'] = num;
    steps['denominator'] = den;
    if ((den === null || den === 0) && f.denominatorFallback !== undefined) {
      const yearly = numericValue(ctx.values[f.denominatorFallback.input]);
      inputs[f.denominatorFallback.input] = yearly;
      if (yearly !== null && yearly > 0) {
        den = yearly / PER_YEAR[ctx.periodKind];
        steps['denominator'] = den;
        policy = 'denominator-fallback';
      }
    }
    if (num === null && (den === null || den !== 0)) return missingOutcome(f.missing, inputs, steps);
    if (den === null || den === 0) {
      if (den === null && f.denominatorFallback === undefined) return missingOutcome(f.missing, inputs, steps);
      return zeroDenominatorOutcome(f.zeroDenominator, ctx.maxPoints, inputs, steps);
    }
    if (num === null) return missingOutcome(f.missing, inputs, steps);
    ratio = num / den;
  }
  steps['ratio'] = ratio;
  if (f.target !== undefined) steps['target'] = target;
  let points = ratio <= 0 ? 0 : (ctx.maxPoints * ratio) / target;
  if (f.cap !== false && points > ctx.maxPoints) {
    points = ctx.maxPoints;
    policy ??= 'cap';
  }
  const out: FormulaOutcome = { points, status: 'scored', inputs, steps };
  if (policy !== undefined) out.policy = policy;
  return out;
}
