import * as z from 'zod/mini';
import { assessedFormulaSchema, evaluateAssessed } from './assessed.js';
import { booleanFormulaSchema, evaluateBoolean } from './boolean.js';
import { countFormulaSchema, evaluateCount } from './count.js';
import {
  evaluateCrossUnit,
  minMaxFormulaSchema,
  normaliseToBestFormulaSchema,
  zScoreFormulaSchema,
} from './cross-unit.js';
import { evaluateLinear, linearFormulaSchema } from './linear.js';
import { evaluateManual, manualFormulaSchema } from './manual.js';
import { evaluateMonitoring, monitoringFormulaSchema } from './monitoring.js';
import { operandKeys } from './operand.js';
import type { FormulaContext, FormulaOutcome } from './outcome.js';
import { evaluateRatio, ratioFormulaSchema } from './ratio.js';
import { evaluateThresholds, thresholdsFormulaSchema } from './thresholds.js';

/**
 * The formula kinds (loại công thức), in the order of the spec's feature list.
 *
 * @example
 * ```ts
 * FORMULA_KINDS.includes('ratio'); // true
 * ```
 */
export const FORMULA_KINDS = [
  'ratio',
  'thresholds',
  'boolean',
  'count',
  'linear',
  'normalise-to-best',
  'min-max',
  'z-score',
  'manual',
  'assessed',
  'monitoring',
] as const;

/**
 * The formula kinds whose points depend on the other units scored together.
 *
 * @example
 * ```ts
 * CROSS_UNIT_KINDS.has('z-score'); // true
 * ```
 */
export const CROSS_UNIT_KINDS: ReadonlySet<string> = new Set(['normalise-to-best', 'min-max', 'z-score']);

/**
 * A formula: one of the typed primitives, discriminated by `kind` (not an expression language). The children of
 * a group are combined by the group's `aggregate` (sum, mean or weighted mean).
 *
 * @example
 * ```ts
 * const f: Formula = { kind: 'ratio', numerator: 'onTime', denominator: 'received', target: 0.8, zeroDenominator: 'null' };
 * ```
 */
export const formulaSchema = z.discriminatedUnion('kind', [
  ratioFormulaSchema,
  thresholdsFormulaSchema,
  booleanFormulaSchema,
  countFormulaSchema,
  linearFormulaSchema,
  normaliseToBestFormulaSchema,
  minMaxFormulaSchema,
  zScoreFormulaSchema,
  manualFormulaSchema,
  assessedFormulaSchema,
  monitoringFormulaSchema,
]);
/**
 * Any formula of an indicator (công thức), discriminated by `kind`. See {@link formulaSchema}.
 *
 * @example
 * ```ts
 * const onTime: Formula = { kind: 'ratio', numerator: 'totalOnTime', denominator: 'totalReceived', zeroDenominator: 'null' };
 * const petitions: Formula = { kind: 'monitoring', inputs: ['petitionsAboutProcedures', 'petitions'] };
 * formulaInputKeys(onTime); // ['totalOnTime', 'totalReceived']
 * ```
 */
export type Formula = z.infer<typeof formulaSchema>;

/**
 * Evaluates any {@link Formula} for one unit; returns raw (unrounded) points and what was used.
 *
 * @example
 * ```ts
 * evaluateFormula({ kind: 'boolean', input: 'x' }, { maxPoints: 2, values: { x: true }, periodKind: 'year' }).points; // 2
 * ```
 */
export function evaluateFormula(f: Formula, ctx: FormulaContext): FormulaOutcome {
  switch (f.kind) {
    case 'ratio':
      return evaluateRatio(f, ctx);
    case 'thresholds':
      return evaluateThresholds(f, ctx);
    case 'boolean':
      return evaluateBoolean(f, ctx);
    case 'count':
      return evaluateCount(f, ctx);
    case 'linear':
      return evaluateLinear(f, ctx);
    case 'normalise-to-best':
    case 'min-max':
    case 'z-score':
      return evaluateCrossUnit(f, ctx);
    case 'manual':
      return evaluateManual(f, ctx);
    case 'assessed':
      return evaluateAssessed(f, ctx);
    case 'monitoring':
      return evaluateMonitoring(f, ctx);
  }
}

/**
 * The input keys a formula reads (for documentation, input templates and checks).
 *
 * @example
 * ```ts
 * formulaInputKeys({ kind: 'ratio', numerator: 'a', denominator: { op: 'max', of: ['b', 'c'] }, zeroDenominator: 'null' }); // ['a', 'b', 'c']
 * ```
 */
export function formulaInputKeys(f: Formula): string[] {
  switch (f.kind) {
    case 'ratio': {
      const keys: string[] = [];
      if (f.ratio !== undefined) keys.push(f.ratio);
      if (f.numerator !== undefined) keys.push(...operandKeys(f.numerator));
      if (f.denominator !== undefined) keys.push(...operandKeys(f.denominator));
      if (f.denominatorFallback !== undefined) keys.push(f.denominatorFallback.input);
      return keys;
    }
    case 'monitoring':
      return [...f.inputs];
    case 'boolean':
    case 'manual':
    case 'assessed':
      return [f.input];
    default:
      return [...operandKeys(f.input)];
  }
}
