import { VnEgovError, type VnEgovIssue } from '../errors/index.js';

/**
 * Error codes thrown by `vn-egov/procedures` (stable; switch on `VnEgovError.code`).
 *
 * - `INVALID_PROCEDURE`: a procedure record (thủ tục hành chính) that fails {@link procedureSchema}.
 * - `INVALID_PROCEDURE_CODE`: a procedure, case or extended code (mã TTHC) that does not fit `D.NNNNNN[...]`.
 * - `INVALID_PORTAL_RECORD`: national-portal JSON that is not an object or lacks the code or name.
 * - `INVALID_DOSSIER`: a stored dossier (hồ sơ) or dossier options that fail their schema.
 * - `INVALID_EVENT`: a dossier event that fails its schema or contradicts the dossier (e.g. a new due date
 *   not after the current one).
 * - `INVALID_TRANSITION`: an event not allowed in the dossier's current status (chuyển trạng thái không hợp lệ);
 *   the message names both statuses in Vietnamese and `issues` list the allowed events.
 * - `EVENT_OUT_OF_ORDER`: an event dated before the dossier's last event.
 * - `EXTENSION_ALREADY_USED`: a second apology with a new date (the date may be re-set only once: NĐ 61/2018
 *   Điều 19 k9; NĐ 118/2025 Điều 19 k6).
 * - `CLOSURE_TOO_EARLY`: closing a dossier before the supplementation timer (15 days, NĐ 118/2025 Điều 19 k5)
 *   has run out.
 * - `CLOSURE_NOT_IN_REGIME`: the 15-day closure used for a dossier under NĐ 61/2018, which has no such rule.
 * - `INVALID_DATE`: an instant or day that cannot be read.
 * - `DATE_OUT_OF_RANGE`: a date no bundled rule covers (a dossier received before NĐ 61/2018 took effect on
 *   21/06/2018; a service-level question before NĐ 43/2011 took effect on 01/10/2011).
 * - `INVALID_OPTIONS`: options that fail their schema (catalog search, statistics, postal, service levels).
 * - `INVALID_DOSSIER_CODE`: a one-stop dossier code (mã số hồ sơ) that cannot be read or built.
 * - `DOSSIER_CODE_NOTATION_UNKNOWN`: a dossier received from 01/07/2025 without an explicit notation: the
 *   notation of TT 03/2025/TT-VPCP has not been read, so none is assumed.
 * - `DOSSIER_SEQUENCE_EXHAUSTED`: more than 9,999 dossiers in one day for one agency (4-digit sequence).
 * - `INVALID_STATISTICS_RECORD`: a dossier record given to the statistics that is inconsistent (e.g. ended
 *   before it was received).
 * - `STATISTICS_INVARIANT_VIOLATED`: a computed report breaks one of the form's invariants (a bug guard).
 * - `INVALID_SERVICE_LEVEL`: an unknown online service level or form.
 * - `UNSUPPORTED_TIME_UNIT`: a processing time in hours, months, years or an unknown unit, which the library does not
 *   convert to a due day by guesswork.
 *
 * @example
 * ```ts
 * try {
 *   applyDossierEvent(dossier, event);
 * } catch (e) {
 *   if (isVnEgovError<ProceduresErrorCode>(e, 'INVALID_TRANSITION')) console.log(e.issues.map((i) => i.message));
 * }
 * ```
 */
export type ProceduresErrorCode =
  | 'INVALID_PROCEDURE'
  | 'INVALID_PROCEDURE_CODE'
  | 'INVALID_PORTAL_RECORD'
  | 'INVALID_DOSSIER'
  | 'INVALID_EVENT'
  | 'INVALID_TRANSITION'
  | 'EVENT_OUT_OF_ORDER'
  | 'EXTENSION_ALREADY_USED'
  | 'CLOSURE_TOO_EARLY'
  | 'CLOSURE_NOT_IN_REGIME'
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'INVALID_OPTIONS'
  | 'INVALID_DOSSIER_CODE'
  | 'DOSSIER_CODE_NOTATION_UNKNOWN'
  | 'DOSSIER_SEQUENCE_EXHAUSTED'
  | 'INVALID_STATISTICS_RECORD'
  | 'STATISTICS_INVARIANT_VIOLATED'
  | 'INVALID_SERVICE_LEVEL'
  | 'UNSUPPORTED_TIME_UNIT';

/** Throws a procedures {@link VnEgovError}. @internal */
export function fail(code: ProceduresErrorCode, message: string, issues: readonly VnEgovIssue[] = []): never {
  throw new VnEgovError<ProceduresErrorCode>(code, message, {
    issues: issues.length > 0 ? issues : [{ code: code.toLowerCase(), path: [], message }],
  });
}

/** Builds one issue. @internal */
export function issue(code: string, path: readonly (string | number)[], message: string): VnEgovIssue {
  return { code, path, message };
}

/** Short description of an unexpected value for messages (never the whole input). @internal */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return Array.isArray(value) ? 'array' : typeof value;
}
