import * as z from 'zod/mini';
import { issuesFromZod } from '../errors/index.js';
import type { CriteriaSet } from './criteria-set.js';
import { fail } from './errors.js';
import { inputValueSchema, type InputValue, type UnitInputs } from './input-value.js';
import { periodKey, periodSchema, toPeriod, type PeriodInput } from './periods.js';
import { scoreResultSchema } from './result-schema.js';
import { score } from './score.js';

const when = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'ISO date or date-time'));
const who = z.string().check(z.minLength(1));
const textByKey = z.record(z.string(), z.string());
const evidenceByKey = z.record(z.string(), z.array(z.string().check(z.minLength(1))));

/**
 * Where an assessment stands (trạng thái đánh giá): `draft` (the unit fills its self-assessment), `submitted`
 * (tự đánh giá đã gửi), `in-review` (one of two required reviews done), `reviewed` (all required reviews done),
 * `approved` (phê duyệt: the official score is frozen and the period is closed for this unit).
 *
 * @example
 * ```ts
 * const s: AssessmentStatus = 'in-review';
 * ```
 */
export const assessmentStatusSchema = z.enum(['draft', 'submitted', 'in-review', 'reviewed', 'approved']);
/**
 * Where an assessment stands (trạng thái đánh giá). See {@link assessmentStatusSchema}.
 *
 * @example
 * ```ts
 * const s: AssessmentStatus = submitSelfAssessment(a, { by: 'UBND xã A', at: '2026-09-03' }).status; // 'submitted'
 * ```
 */
export type AssessmentStatus = z.infer<typeof assessmentStatusSchema>;

/**
 * One reviewer's review (thẩm định): adjusted input values (they override the self-assessed ones), comments and
 * evidence references per indicator or input key, in a review round (a return for revision starts a new round).
 *
 * @example
 * ```ts
 * const r: Review = { reviewer: 'Sở TT&TT', at: '2026-09-10', round: 1, values: { totalOnTime: 140000 },
 *   comments: { 'processed-on-time': 'Trừ 4.625 hồ sơ quá hạn' }, evidence: {} };
 * ```
 */
export const reviewSchema = z.object({
  reviewer: who,
  at: when,
  round: z.number().check(z.int(), z.minimum(1)),
  values: z.record(z.string(), inputValueSchema),
  comments: textByKey,
  evidence: evidenceByKey,
  note: z.optional(z.string()),
});
/**
 * One reviewer's review (thẩm định). See {@link reviewSchema}.
 *
 * @example
 * ```ts
 * const r: Review | undefined = addReview(a, { reviewer: 'Sở KH&CN', at: '2026-09-10', values: { totalOnTime: 900 },
 *   comments: { 'processed-on-time': 'Trừ 39 hồ sơ quá hạn' } }).reviews[0];
 * r?.round; // 1
 * ```
 */
export type Review = z.infer<typeof reviewSchema>;

/**
 * One line of an assessment's audit trail (nhật ký): who did what, when, the status before and after, and a
 * comment.
 *
 * @example
 * ```ts
 * const h: HistoryEntry = { at: '2026-09-01', by: 'UBND xã A', action: 'submit', from: 'draft', to: 'submitted' };
 * ```
 */
export const historyEntrySchema = z.object({
  at: when,
  by: who,
  action: z.enum(['create', 'update-self', 'submit', 'review', 'return', 'approve']),
  from: z.nullable(assessmentStatusSchema),
  to: assessmentStatusSchema,
  comment: z.optional(z.string()),
});
/**
 * One line of an assessment's audit trail (nhật ký). See {@link historyEntrySchema}.
 *
 * @example
 * ```ts
 * const first: HistoryEntry | undefined = createAssessment({ set: criteriaSets.qd766, unitId: 'xa-a', period: '2026-08',
 *   by: 'UBND xã A', at: '2026-09-01' }).history[0];
 * // { at: '2026-09-01', by: 'UBND xã A', action: 'create', from: null, to: 'draft' }
 * ```
 */
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * The state of one unit's assessment for one period with one criteria set: plain serialisable data the caller
 * stores (the engine does no I/O). Change it only with the transition functions ({@link updateSelfAssessment},
 * {@link submitSelfAssessment}, {@link addReview}, {@link returnForRevision}, {@link approveAssessment}); each
 * returns a new state and appends to `history`. Once `approved`, the state is frozen with its official result.
 *
 * @example
 * ```ts
 * const a: Assessment = createAssessment({ set: criteriaSets.qd766, unitId: 'xa-a', period: '2026-08',
 *   by: 'UBND xã A', at: '2026-09-01' });
 * ```
 */
export const assessmentSchema = z.object({
  setId: z.string(),
  setVersion: z.string(),
  unitId: who,
  unitName: z.optional(z.string()),
  level: z.optional(z.string()),
  period: periodSchema,
  requiredReviewers: z.union([z.literal(1), z.literal(2)]),
  status: assessmentStatusSchema,
  round: z.number().check(z.int(), z.minimum(1)),
  self: z.object({
    values: z.record(z.string(), inputValueSchema),
    comments: textByKey,
    evidence: evidenceByKey,
    submittedBy: z.optional(who),
  }),
  reviews: z.array(reviewSchema),
  approval: z.optional(z.object({ by: who, at: when, result: scoreResultSchema })),
  history: z.array(historyEntrySchema),
});
/**
 * One unit's assessment for one period (hồ sơ đánh giá): plain data the caller stores. See {@link assessmentSchema}.
 *
 * @example
 * ```ts
 * let a: Assessment = createAssessment({ set: criteriaSets.qd766, unitId: 'xa-a', level: 'commune', period: '2026-08',
 *   by: 'UBND xã A', at: '2026-09-01' });
 * a = updateSelfAssessment(a, { values: { totalReceived: 1038, totalOnTime: 939 }, by: 'UBND xã A', at: '2026-09-02' });
 * a.status; // 'draft'
 * ```
 */
export type Assessment = z.infer<typeof assessmentSchema>;

function check<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (!r.success) fail('INVALID_OPTIONS', `Tham số ${what} không hợp lệ`, `invalid ${what}`, issuesFromZod(r.error));
  return r.data;
}

function guard(a: Assessment, allowed: readonly AssessmentStatus[], action: string): void {
  if (a.status === 'approved') {
    fail('PERIOD_FROZEN', `Kỳ ${periodKey(a.period)} của đơn vị "${a.unitId}" đã phê duyệt, không thể sửa`, `the ${periodKey(a.period)} assessment of "${a.unitId}" is approved and frozen (${action})`);
  }
  if (!allowed.includes(a.status)) {
    fail('INVALID_TRANSITION', `Không thể "${action}" khi đang ở trạng thái "${a.status}"`, `cannot ${action} an assessment in status "${a.status}"`);
  }
}

const entry = (at: string, by: string, action: HistoryEntry['action'], from: AssessmentStatus | null, to: AssessmentStatus, comment?: string): HistoryEntry =>
  comment === undefined ? { at, by, action, from, to } : { at, by, action, from, to, comment };

/**
 * Starts a unit's assessment for a period (status `draft`); `requiredReviewers` is 1 (default) or 2.
 *
 * @example
 * ```ts
 * const a = createAssessment({ set: criteriaSets.qd766, unitId: 'xa-a', level: 'commune', period: '2026-08',
 *   requiredReviewers: 2, by: 'UBND xã A', at: '2026-09-01' });
 * ```
 */
export function createAssessment(options: {
  set: CriteriaSet;
  unitId: string;
  unitName?: string;
  level?: string;
  period: PeriodInput;
  requiredReviewers?: 1 | 2;
  by: string;
  at: string;
}): Assessment {
  const o = check(z.object({ unitId: who, by: who, at: when, requiredReviewers: z.optional(z.union([z.literal(1), z.literal(2)])) }), options, 'createAssessment');
  const a: Assessment = {
    setId: options.set.id,
    setVersion: options.set.version,
    unitId: o.unitId,
    period: toPeriod(options.period),
    requiredReviewers: o.requiredReviewers ?? 1,
    status: 'draft',
    round: 1,
    self: { values: {}, comments: {}, evidence: {} },
    reviews: [],
    history: [entry(o.at, o.by, 'create', null, 'draft')],
  };
  if (options.unitName !== undefined) a.unitName = options.unitName;
  if (options.level !== undefined) a.level = options.level;
  return a;
}

/**
 * Adds or replaces self-assessed values, comments and evidence (tự đánh giá); only while `draft`.
 *
 * @example
 * ```ts
 * a = updateSelfAssessment(a, { values: { totalReceived: 1038, totalOnTime: 939 }, by: 'UBND xã A', at: '2026-09-02' });
 * ```
 */
export function updateSelfAssessment(
  a: Assessment,
  change: { values?: Record<string, InputValue>; comments?: Record<string, string>; evidence?: Record<string, string[]>; by: string; at: string },
): Assessment {
  guard(a, ['draft'], 'update the self-assessment');
  const c = check(
    z.object({ values: z.optional(z.record(z.string(), inputValueSchema)), comments: z.optional(textByKey), evidence: z.optional(evidenceByKey), by: who, at: when }),
    change,
    'updateSelfAssessment',
  );
  return {
    ...a,
    self: {
      ...a.self,
      values: { ...a.self.values, ...c.values },
      comments: { ...a.self.comments, ...c.comments },
      evidence: { ...a.self.evidence, ...c.evidence },
    },
    history: [...a.history, entry(c.at, c.by, 'update-self', 'draft', 'draft')],
  };
}

/**
 * Submits the self-assessment for review: `draft` → `submitted`.
 *
 * @example
 * ```ts
 * a = submitSelfAssessment(a, { by: 'UBND xã A', at: '2026-09-03' });
 * ```
 */
export function submitSelfAssessment(a: Assessment, step: { by: string; at: string; comment?: string }): Assessment {
  guard(a, ['draft'], 'submit');
  const s = check(z.object({ by: who, at: when, comment: z.optional(z.string()) }), step, 'submitSelfAssessment');
  return { ...a, status: 'submitted', self: { ...a.self, submittedBy: s.by }, history: [...a.history, entry(s.at, s.by, 'submit', 'draft', 'submitted', s.comment)] };
}

/**
 * Records one reviewer's review (thẩm định): `submitted` or `in-review` → `in-review` or `reviewed` (when the
 * required number of reviews is reached). A reviewer reviews once per round and may not be the submitter; at most
 * two reviewers.
 *
 * @example
 * ```ts
 * a = addReview(a, { reviewer: 'Sở TT&TT', at: '2026-09-10', values: { totalOnTime: 930 },
 *   comments: { 'processed-on-time': '9 hồ sơ quá hạn' }, evidence: { 'processed-on-time': ['BB 12/BB-STTTT'] } });
 * ```
 */
export function addReview(
  a: Assessment,
  review: { reviewer: string; at: string; values?: Record<string, InputValue>; comments?: Record<string, string>; evidence?: Record<string, string[]>; note?: string },
): Assessment {
  guard(a, ['submitted', 'in-review'], 'review');
  const r = check(
    z.object({ reviewer: who, at: when, values: z.optional(z.record(z.string(), inputValueSchema)), comments: z.optional(textByKey), evidence: z.optional(evidenceByKey), note: z.optional(z.string()) }),
    review,
    'addReview',
  );
  const current = a.reviews.filter((x) => x.round === a.round);
  if (current.some((x) => x.reviewer === r.reviewer)) {
    fail('INVALID_TRANSITION', `"${r.reviewer}" đã thẩm định vòng này`, `"${r.reviewer}" already reviewed this round`);
  }
  if (r.reviewer === a.self.submittedBy) fail('INVALID_TRANSITION', 'Đơn vị không tự thẩm định', 'the submitter cannot review its own assessment');
  if (current.length >= a.requiredReviewers) fail('INVALID_TRANSITION', 'Đã đủ số người thẩm định', 'all required reviews are done');
  const rec: Review = { reviewer: r.reviewer, at: r.at, round: a.round, values: r.values ?? {}, comments: r.comments ?? {}, evidence: r.evidence ?? {} };
  if (r.note !== undefined) rec.note = r.note;
  const to: AssessmentStatus = current.length + 1 >= a.requiredReviewers ? 'reviewed' : 'in-review';
  return { ...a, status: to, reviews: [...a.reviews, rec], history: [...a.history, entry(r.at, r.reviewer, 'review', a.status, to, r.note)] };
}

/**
 * Sends the assessment back to the unit for revision (trả lại để bổ sung): `submitted`, `in-review` or
 * `reviewed` → `draft`, starting a new review round; earlier reviews stay in `reviews` with their round.
 *
 * @example
 * ```ts
 * a = returnForRevision(a, { by: 'Sở TT&TT', at: '2026-09-12', comment: 'Thiếu minh chứng chỉ số 4.1' });
 * ```
 */
export function returnForRevision(a: Assessment, step: { by: string; at: string; comment: string }): Assessment {
  guard(a, ['submitted', 'in-review', 'reviewed'], 'return for revision');
  const s = check(z.object({ by: who, at: when, comment: z.string().check(z.minLength(1)) }), step, 'returnForRevision');
  return { ...a, status: 'draft', round: a.round + 1, history: [...a.history, entry(s.at, s.by, 'return', a.status, 'draft', s.comment)] };
}

/**
 * The inputs the assessment stands for now: the self-assessed values, overridden by the current round's reviews
 * in order (the later reviewer wins). For indicators with an `assessed` formula, the input becomes
 * `{ self, reviewers }` from the self value and each reviewer's value, so the set's combine rule decides.
 *
 * @example
 * ```ts
 * score(set, effectiveInputs(a, set), { period: a.period }); // a live preview
 * ```
 */
export function effectiveInputs(a: Assessment, set: CriteriaSet): UnitInputs {
  const current = a.reviews.filter((r) => r.round === a.round);
  const values: Record<string, InputValue> = { ...a.self.values };
  for (const r of current) Object.assign(values, r.values);
  for (const g of set.groups) {
    for (const ind of g.indicators) {
      if (ind.formula.kind !== 'assessed') continue;
      const key = ind.formula.input;
      const num = (v: InputValue | undefined): number | null => (typeof v === 'number' ? v : null);
      values[key] = { self: num(a.self.values[key]), reviewers: current.map((r) => num(r.values[key])).slice(0, 2) };
    }
  }
  const u: UnitInputs = { unitId: a.unitId, values };
  if (a.unitName !== undefined) u.unitName = a.unitName;
  if (a.level !== undefined) u.level = a.level;
  return u;
}

/**
 * Approves the assessment (phê duyệt): `reviewed` → `approved`. Scores the effective inputs with the set and
 * freezes the result as the official snapshot; every later change throws `PERIOD_FROZEN`. Throws `SET_MISMATCH`
 * if the set is not the one the assessment was created with.
 *
 * @example
 * ```ts
 * a = approveAssessment(a, { set: criteriaSets.qd766, by: 'Chủ tịch UBND tỉnh', at: '2026-09-15' });
 * a.approval?.result.total;
 * ```
 */
export function approveAssessment(a: Assessment, step: { set: CriteriaSet; by: string; at: string; comment?: string }): Assessment {
  guard(a, ['reviewed'], 'approve');
  const s = check(z.object({ by: who, at: when, comment: z.optional(z.string()) }), { by: step.by, at: step.at, comment: step.comment }, 'approveAssessment');
  if (step.set.id !== a.setId || step.set.version !== a.setVersion) {
    fail('SET_MISMATCH', 'Bộ tiêu chí khác với bộ đã dùng để đánh giá', `the assessment uses ${a.setId}@${a.setVersion}, not ${step.set.id}@${step.set.version}`);
  }
  const result = score(step.set, effectiveInputs(a, step.set), { period: a.period });
  return {
    ...a,
    status: 'approved',
    approval: { by: s.by, at: s.at, result },
    history: [...a.history, entry(s.at, s.by, 'approve', 'reviewed', 'approved', s.comment)],
  };
}

/**
 * Reads a stored assessment back (e.g. from JSON) and checks it against {@link assessmentSchema}; throws
 * `INVALID_OPTIONS` with every issue.
 *
 * @example
 * ```ts
 * const a = parseAssessment(JSON.parse(stored));
 * ```
 */
export function parseAssessment(input: unknown): Assessment {
  return check(assessmentSchema, input, 'assessment');
}
