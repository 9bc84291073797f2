import * as z from 'zod/mini';

/**
 * A manual score with evidence (điểm chấm tay, kèm minh chứng): the points an assessor gives an indicator and
 * references to the documents that justify them (file names, document numbers, links).
 *
 * @example
 * ```ts
 * const v: ManualScore = { points: 2, evidence: ['Công văn 123/UBND-VP'] };
 * ```
 */
export const manualScoreSchema = z.object({
  points: z.nullable(z.number().check(z.refine(Number.isFinite, 'finite number'), z.minimum(0))),
  evidence: z.array(z.string().check(z.minLength(1))),
});
/**
 * A manual score with its evidence (điểm chấm tay, kèm minh chứng). See {@link manualScoreSchema}.
 *
 * @example
 * ```ts
 * const infrastructure: ManualScore = { points: 80, evidence: ['Báo cáo 12/BC-UBND'] };
 * score(criteriaSets.communeReadiness, { unitId: 'xa-a', level: 'commune', values: { infrastructure } }, { period: '2025' });
 * ```
 */
export type ManualScore = z.infer<typeof manualScoreSchema>;

/**
 * A self-assessed score and the scores of one or two reviewers (tự chấm, thẩm định) for one indicator, on the
 * indicator's points scale; `null` where a party gave no score.
 *
 * @example
 * ```ts
 * const v: AssessedScore = { self: 9, reviewers: [8] };
 * ```
 */
export const assessedScoreSchema = z.object({
  self: z.nullable(z.number().check(z.refine(Number.isFinite, 'finite number'), z.minimum(0))),
  reviewers: z.array(z.nullable(z.number().check(z.refine(Number.isFinite, 'finite number'), z.minimum(0)))).check(
    z.maxLength(2),
  ),
});
/**
 * A self-assessed score and the reviewers' scores (tự chấm, thẩm định) for one indicator. See {@link assessedScoreSchema}.
 *
 * @example
 * ```ts
 * const v: AssessedScore = { self: 9, reviewers: [8, null] }; // tự chấm 9; first reviewer 8, second not yet
 * ```
 */
export type AssessedScore = z.infer<typeof assessedScoreSchema>;

/**
 * One input value of a unit: a finite number (a count, a ratio, an index), a yes/no answer, `null` (the source
 * published nothing: kept distinct from 0), a {@link ManualScore} or an {@link AssessedScore}.
 *
 * @example
 * ```ts
 * const values: Record<string, InputValue> = { totalReceived: 184513, totalOnTime: 144625, hasFirewall: true };
 * ```
 */
export const inputValueSchema = z.union([
  z.number().check(z.refine(Number.isFinite, 'finite number')),
  z.boolean(),
  z.null(),
  manualScoreSchema,
  assessedScoreSchema,
]);
/**
 * One input value of a unit (giá trị đầu vào). See {@link inputValueSchema}.
 *
 * @example
 * ```ts
 * const received: InputValue = 184513;
 * const notPublished: InputValue = null; // kept distinct from 0: the indicator is not scored
 * const evidenced: InputValue = { points: 80, evidence: ['Báo cáo 12/BC-UBND'] };
 * ```
 */
export type InputValue = z.infer<typeof inputValueSchema>;

/**
 * The inputs of one assessed unit (đơn vị được đánh giá) for one period: its id, optional name, its level (which
 * decides the indicators in scope, e.g. `province`, `commune`) and its input values by key.
 *
 * @example
 * ```ts
 * const u: UnitInputs = { unitId: 'phu-tho', unitName: 'UBND tỉnh Phú Thọ', level: 'province',
 *   values: { totalReceived: 184513, totalOnTime: 144625 } };
 * ```
 */
export const unitInputsSchema = z.object({
  unitId: z.string().check(z.minLength(1)),
  unitName: z.optional(z.string()),
  level: z.optional(z.string().check(z.minLength(1))),
  values: z.record(z.string(), inputValueSchema),
});
/**
 * The inputs of one assessed unit (đơn vị được đánh giá) for one period. See {@link unitInputsSchema}.
 *
 * @example
 * ```ts
 * const u: UnitInputs = { unitId: 'phu-tho', unitName: 'UBND tỉnh Phú Thọ', level: 'province',
 *   values: { totalReceived: 184513, totalOnTime: 144625 } };
 * score(criteriaSets.qd766, u, { period: '2026-08' }).groups[1]!.points; // 15.68
 * ```
 */
export type UnitInputs = z.infer<typeof unitInputsSchema>;
