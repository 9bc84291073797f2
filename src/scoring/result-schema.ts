import * as z from 'zod/mini';
import { issuesFromZod } from '../errors/index.js';
import { confidenceSchema } from './confidence.js';
import { fail } from './errors.js';
import { indicatorStatusSchema } from './formulas/outcome.js';
import { localizedTextSchema } from './localized-text.js';
import { periodSchema } from './periods.js';

const nullableNumber = z.nullable(z.number());

/**
 * The explanation of one indicator's points (giải trình cách tính): the formula kind, the inputs used, the
 * intermediate values (ratio, target, numerator …), the raw points before rounding, the rounding applied, the
 * policy that decided (zero denominator, missing data, cap), and the same in sentences, Vietnamese and English.
 *
 * @example
 * ```ts
 * result.groups[1].indicators[0].explanation.vi;
 * // 'Tỷ lệ = 144625 ÷ 184513 = 0,7838. Điểm = 20 × 0,7838 = 15,6764; làm tròn 2 chữ số thập phân: 15,68.'
 * ```
 */
export const explanationSchema = z.object({
  formula: z.string(),
  inputs: z.record(z.string(), z.nullable(z.union([z.number(), z.boolean()]))),
  steps: z.record(z.string(), nullableNumber),
  rawPoints: nullableNumber,
  rounding: z.object({ decimals: z.number(), from: nullableNumber, to: nullableNumber }),
  policy: z.optional(z.string()),
  vi: z.string(),
  en: z.string(),
});
/**
 * The explanation of one indicator's points (giải trình cách tính). See {@link explanationSchema}.
 *
 * @example
 * ```ts
 * const e: Explanation | undefined = result.groups[1]!.indicators[0]!.explanation;
 * e?.steps; // { numerator: 144625, denominator: 184513, ratio: 0.7838… }
 * e?.rawPoints; // 15.6764…
 * ```
 */
export type Explanation = z.infer<typeof explanationSchema>;

/**
 * One indicator's result: points (rounded; `null` when not scored — never confused with 0), status, maximum,
 * the confidence of its formula and the explanation.
 *
 * @example
 * ```ts
 * const r: IndicatorResult = result.groups[0].indicators[0];
 * ```
 */
export const indicatorResultSchema = z.object({
  id: z.string(),
  number: z.optional(z.string()),
  code: z.optional(z.string()),
  name: localizedTextSchema,
  maxPoints: z.number(),
  points: nullableNumber,
  status: indicatorStatusSchema,
  confidence: confidenceSchema,
  explanation: z.optional(explanationSchema),
});
/**
 * One indicator's result (kết quả chỉ số). See {@link indicatorResultSchema}.
 *
 * @example
 * ```ts
 * const i: IndicatorResult = result.groups[1]!.indicators[0]!;
 * i.points; // 15.68
 * i.status; // 'scored'
 * ```
 */
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

/**
 * One group's result: points (the aggregate of its scored indicators; `null` when none was scored),
 * maximum, `scoredMaxPoints` (the maximum of the indicators actually scored) and `percent` = points ÷ maximum
 * × 100 at 2 decimals (the portal's group `ratio`).
 *
 * @example
 * ```ts
 * const g: GroupResult = result.groups[0];
 * ```
 */
export const groupResultSchema = z.object({
  id: z.string(),
  number: z.optional(z.string()),
  code: z.optional(z.string()),
  name: localizedTextSchema,
  maxPoints: z.number(),
  points: nullableNumber,
  scoredMaxPoints: z.number(),
  percent: nullableNumber,
  indicators: z.array(indicatorResultSchema),
});
/**
 * One group's result (kết quả nhóm chỉ số). See {@link groupResultSchema}.
 *
 * @example
 * ```ts
 * const g: GroupResult = result.groups[1]!;
 * g.id; // 'progress'
 * g.points; // 15.68
 * g.percent; // 78.4
 * ```
 */
export type GroupResult = z.infer<typeof groupResultSchema>;

/**
 * The result of scoring one unit for one period with one criteria set (kết quả chấm điểm).
 *
 * @example
 * ```ts
 * const r: ScoreResult = score(criteriaSets.qd766, inputs, { period: '2026-08' });
 * r.total; // e.g. 70.02
 * ```
 */
export const scoreResultSchema = z.object({
  setId: z.string(),
  setVersion: z.string(),
  unitId: z.string(),
  unitName: z.optional(z.string()),
  level: z.optional(z.string()),
  period: periodSchema,
  total: nullableNumber,
  maxPoints: z.number(),
  scoredMaxPoints: z.number(),
  percent: nullableNumber,
  groups: z.array(groupResultSchema),
});
/**
 * The result of scoring one unit for one period (kết quả chấm điểm). See {@link scoreResultSchema}.
 *
 * @example
 * ```ts
 * const result: ScoreResult = score(criteriaSets.qd766, { unitId: 'phu-tho', level: 'province',
 *   values: { totalReceived: 184513, totalOnTime: 144625 } }, { period: '2026-08' });
 * result.period; // { kind: 'month', year: 2026, month: 8 }
 * result.groups[1]!.points; // 15.68
 * ```
 */
export type ScoreResult = z.infer<typeof scoreResultSchema>;

/**
 * The `format` tag of a JSON result document.
 *
 * @example
 * ```ts
 * doc.format === RESULT_FORMAT; // 'vn-egov/scoring-result'
 * ```
 */
export const RESULT_FORMAT = 'vn-egov/scoring-result' as const;
/**
 * The version of the JSON result document format; bumped only on breaking changes.
 *
 * @example
 * ```ts
 * doc.version === RESULT_FORMAT_VERSION; // 1
 * ```
 */
export const RESULT_FORMAT_VERSION = 1 as const;

/**
 * The stable JSON result document (tài liệu kết quả): a format tag and version, the criteria set's identity,
 * an optional generation time supplied by the caller, and the results. Fields are only ever added in version 1;
 * a breaking change bumps `version`.
 *
 * ```json
 * { "format": "vn-egov/scoring-result", "version": 1,
 *   "set": { "id": "qd766", "version": "…", "name": { "vi": "…", "en": "…" }, "source": "QĐ 766/QĐ-TTg" },
 *   "generatedAt": "2026-09-01T06:00:00+07:00",
 *   "results": [ { "unitId": "…", "period": { "kind": "month", "year": 2026, "month": 8 }, "total": 70.02, … } ] }
 * ```
 *
 * @example
 * ```ts
 * const doc = toResultDocument(set, results, { generatedAt: '2026-09-01T06:00:00+07:00' });
 * ```
 */
export const resultDocumentSchema = z.object({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_FORMAT_VERSION),
  set: z.object({ id: z.string(), version: z.string(), name: localizedTextSchema, source: z.string() }),
  generatedAt: z.optional(z.string()),
  results: z.array(scoreResultSchema),
});
/**
 * The JSON result document (tài liệu kết quả). See {@link resultDocumentSchema}.
 *
 * @example
 * ```ts
 * const doc: ResultDocument = toResultDocument(criteriaSets.qd766, results, { generatedAt: '2026-09-01T06:00:00+07:00' });
 * doc.format; // 'vn-egov/scoring-result'
 * doc.set.id; // 'qd766'
 * ```
 */
export type ResultDocument = z.infer<typeof resultDocumentSchema>;

/**
 * Wraps results in the JSON result document; throws `SET_MISMATCH` if a result belongs to another set or version.
 *
 * @example
 * ```ts
 * const json = JSON.stringify(toResultDocument(criteriaSets.qd766, results));
 * ```
 */
export function toResultDocument(
  set: { id: string; version: string; name: { vi: string; en: string }; source: string },
  results: readonly ScoreResult[],
  options: { generatedAt?: string } = {},
): ResultDocument {
  const bad = results.findIndex((r) => r.setId !== set.id || r.setVersion !== set.version);
  if (bad >= 0) {
    fail('SET_MISMATCH', `Kết quả ${bad} thuộc bộ tiêu chí khác`, `result ${bad} belongs to another criteria set or version`);
  }
  const doc: ResultDocument = {
    format: RESULT_FORMAT,
    version: RESULT_FORMAT_VERSION,
    set: { id: set.id, version: set.version, name: { vi: set.name.vi, en: set.name.en }, source: set.source },
    results: [...results],
  };
  if (options.generatedAt !== undefined) doc.generatedAt = options.generatedAt;
  return doc;
}

/**
 * Reads a JSON result document (parsed JSON) and checks it against {@link resultDocumentSchema}; throws
 * `INVALID_RESULT` with every issue.
 *
 * @example
 * ```ts
 * const doc = parseResultDocument(JSON.parse(text));
 * ```
 */
export function parseResultDocument(input: unknown): ResultDocument {
  const r = resultDocumentSchema.safeParse(input);
  if (!r.success) fail('INVALID_RESULT', 'Tài liệu kết quả không hợp lệ', 'invalid result document', issuesFromZod(r.error));
  return r.data;
}

/**
 * The JSON Schema (draft 2020-12) of the {@link ResultDocument}, for consumers in other languages. Stable within
 * `version` 1 (fields are only added); the committed copy is `test/fixtures/scoring/result-schema.json`.
 *
 * @example
 * ```ts
 * const schema = resultJsonSchema();
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export function resultJsonSchema(): Record<string, unknown> {
  const s = z.toJSONSchema(resultDocumentSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...s, $id: 'https://github.com/vn-egov/vn-egov/scoring-result-1.json', title: 'vn-egov scoring result document, version 1' };
}
