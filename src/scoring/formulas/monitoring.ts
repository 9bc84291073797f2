import * as z from 'zod/mini';
import { inputKeySchema, numericValue } from './operand.js';
import type { FormulaContext, FormulaOutcome } from './outcome.js';

/**
 * Monitoring only (chỉ theo dõi): the indicator is shown with its inputs but never scored (its maximum must be
 * 0), e.g. QĐ 766 5.1 "Tỷ lệ phản ánh, kiến nghị theo phân loại" (maxScore 0, score null on the portal).
 *
 * @example
 * ```ts
 * const f: MonitoringFormula = { kind: 'monitoring', inputs: ['petitionsAboutProcedures'] };
 * ```
 */
export const monitoringFormulaSchema = z.strictObject({
  kind: z.literal('monitoring'),
  inputs: z.array(inputKeySchema),
});
/**
 * A monitoring-only formula (chỉ theo dõi). See {@link monitoringFormulaSchema}.
 *
 * @example
 * ```ts
 * const f: MonitoringFormula = { kind: 'monitoring', inputs: ['totalProcessingDays', 'completedDossiers'] }; // QĐ 766 2.2
 * ```
 */
export type MonitoringFormula = z.infer<typeof monitoringFormulaSchema>;

/**
 * Evaluates a {@link MonitoringFormula}: records the inputs, scores `null`.
 *
 * @example
 * ```ts
 * evaluateMonitoring({ kind: 'monitoring', inputs: ['x'] }, { maxPoints: 0, values: { x: 3 }, periodKind: 'month' }).status; // 'monitoring'
 * ```
 */
export function evaluateMonitoring(f: MonitoringFormula, ctx: FormulaContext): FormulaOutcome {
  const inputs: Record<string, number | boolean | null> = {};
  for (const k of f.inputs) inputs[k] = numericValue(ctx.values[k]);
  return { points: null, status: 'monitoring', inputs, steps: {} };
}
