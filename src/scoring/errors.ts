import { VnEgovError, type VnEgovIssue } from '../errors/index.js';

/**
 * Error codes thrown by `vn-egov/scoring` (stable; switch on `VnEgovError.code`).
 *
 * - `INVALID_CRITERIA_SET`: a criteria set that fails its schema or its consistency checks (points that do not add
 *   up, duplicate ids, unknown formula kinds, bad targets); every problem is listed in `issues`.
 * - `INVALID_INPUTS`: unit inputs that fail their schema (a value that is neither a number, a boolean, `null`, a
 *   manual score nor an assessed score; a duplicate unit id; a manual score above its maximum).
 * - `MISSING_INPUT`: an input an indicator needs is absent and the indicator's missing-data policy is `error`.
 * - `INVALID_OPTIONS`: options of `score`, `rank`, the exports or the levels that fail their schema (bad period,
 *   unknown group, negative precision).
 * - `INVALID_PERIOD`: a period (tháng, quý, năm) that cannot be read, e.g. `"2025-13"` or `"2025-Q5"`.
 * - `INVALID_LEVEL_SCHEME`: a level or band table (mức, xếp loại) that fails its schema or is not ordered.
 * - `INVALID_TRANSITION`: an assessment workflow step not allowed from the current state (e.g. approving a draft,
 *   the same reviewer twice, a third reviewer).
 * - `PERIOD_FROZEN`: a change to an assessment whose period was approved and frozen.
 * - `INVALID_STATISTICS`: a statistics report (Biểu 06) that fails its schema or its column invariants.
 * - `INVALID_RESULT`: a JSON result document that does not match the published result schema.
 * - `SET_MISMATCH`: results of different criteria sets (or versions) mixed in one call (ranking, deltas, exports).
 *
 * @example
 * ```ts
 * if (isVnEgovError(e) && (e.code as ScoringErrorCode) === 'PERIOD_FROZEN') { … }
 * ```
 */
export type ScoringErrorCode =
  | 'INVALID_CRITERIA_SET'
  | 'INVALID_INPUTS'
  | 'MISSING_INPUT'
  | 'INVALID_OPTIONS'
  | 'INVALID_PERIOD'
  | 'INVALID_LEVEL_SCHEME'
  | 'INVALID_TRANSITION'
  | 'PERIOD_FROZEN'
  | 'INVALID_STATISTICS'
  | 'INVALID_RESULT'
  | 'SET_MISMATCH';

/**
 * Throws a scoring error with a bilingual message (`vi — en`) and optional structured issues.
 *
 * @example
 * ```ts
 * fail('INVALID_PERIOD', 'Kỳ không hợp lệ', 'invalid period');
 * ```
 */
export function fail(code: ScoringErrorCode, vi: string, en: string, issues: readonly VnEgovIssue[] = []): never {
  throw new VnEgovError<ScoringErrorCode>(code, `${vi} — ${en}`, { issues });
}

/**
 * Builds one structured issue.
 *
 * @example
 * ```ts
 * issue('duplicate_id', ['groups', 0, 'id'], 'group id "g" is used twice');
 * ```
 */
export function issue(code: string, path: readonly (string | number)[], message: string): VnEgovIssue {
  return { code, path: [...path], message };
}
