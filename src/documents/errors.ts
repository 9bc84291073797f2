import { VnEgovError, type VnEgovIssue } from '../errors/index.js';

/**
 * Error codes thrown by `vn-egov/documents` (stable; switch on `VnEgovError.code`).
 *
 * - `INVALID_DOCUMENT_NUMBER`: a number and symbol (số, ký hiệu) that cannot be read; `issues` name the part
 *   (`number`, `year`, `symbol`, a symbol group).
 * - `INVALID_DOCUMENT_NUMBER_PARTS`: parts given to `formatDocumentNumber` that do not make a well-formed number.
 * - `UNKNOWN_DOCUMENT_TYPE`: no administrative document type (loại văn bản) matches the query.
 * - `AMBIGUOUS_DOCUMENT_TYPE`: a query without diacritics matches several types (e.g. `"DA"` folded from Đề án / Dự án
 *   when neither matches exactly).
 * - `INVALID_ORGANIZATION_CODE`: a mã định danh that does not fit `NNN.NN.NN.LNN` (strict mode).
 * - `INVALID_SECRECY_LEVEL`: an unknown độ mật.
 * - `INVALID_URGENCY_LEVEL`: an unknown độ khẩn or edXML `Priority` value.
 * - `INVALID_SIGNING_AUTHORITY`: an unknown signing prefix (TM., Q., KT., TL., TUQ.).
 * - `INVALID_REGISTER_OPTIONS`: options of `createDocumentRegister` that fail their schema.
 * - `INVALID_REGISTER_STATE`: a stored register (sổ đăng ký) that fails its schema or its invariants.
 * - `INVALID_REGISTER_REQUEST`: a request to issue or cancel a number that fails its schema.
 * - `REGISTER_CONFLICT`: the caller's `expectedVersion` is not the register's version (a concurrent write happened).
 * - `REGISTER_ENTRY_NOT_FOUND`: cancelling a number that was never issued.
 * - `REGISTER_ENTRY_ALREADY_CANCELLED`: cancelling a number twice.
 * - `REGISTER_SERIES_EXHAUSTED`: a series reached the largest number the 11-character `CodeNumber` field can hold.
 * - `INVALID_DATE`: an `at`/`on` that is not a real day or instant.
 * - `DATE_OUT_OF_RANGE`: a date no bundled law version covers (before Luật 80/2015/QH13 took effect).
 * - `INVALID_METADATA`: a document record that fails the Phụ lục VI schema.
 * - `INVALID_DISTRIBUTION_POLICY`: a distribution policy that fails its schema.
 *
 * @example
 * ```ts
 * try {
 *   parseDocumentNumber('15/QĐ');
 * } catch (e) {
 *   if (e instanceof VnEgovError && (e.code as DocumentsErrorCode) === 'INVALID_DOCUMENT_NUMBER') console.log(e.issues);
 * }
 * ```
 */
export type DocumentsErrorCode =
  | 'INVALID_DOCUMENT_NUMBER'
  | 'INVALID_DOCUMENT_NUMBER_PARTS'
  | 'UNKNOWN_DOCUMENT_TYPE'
  | 'AMBIGUOUS_DOCUMENT_TYPE'
  | 'INVALID_ORGANIZATION_CODE'
  | 'INVALID_SECRECY_LEVEL'
  | 'INVALID_URGENCY_LEVEL'
  | 'INVALID_SIGNING_AUTHORITY'
  | 'INVALID_REGISTER_OPTIONS'
  | 'INVALID_REGISTER_STATE'
  | 'INVALID_REGISTER_REQUEST'
  | 'REGISTER_CONFLICT'
  | 'REGISTER_ENTRY_NOT_FOUND'
  | 'REGISTER_ENTRY_ALREADY_CANCELLED'
  | 'REGISTER_SERIES_EXHAUSTED'
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'INVALID_METADATA'
  | 'INVALID_DISTRIBUTION_POLICY';

/**
 * Throws a documents {@link VnEgovError}. @internal
 *
 * @example
 * ```ts
 * fail('INVALID_DATE', 'Ngày không hợp lệ / invalid day', [issue('invalid_date', ['at'], 'no such day')]);
 * ```
 */
export function fail(code: DocumentsErrorCode, message: string, issues: VnEgovIssue[] = []): never {
  throw new VnEgovError<DocumentsErrorCode>(code, message, {
    issues: issues.length > 0 ? issues : [{ code: code.toLowerCase(), path: [], message }],
  });
}

/**
 * Builds one issue. @internal
 *
 * @example
 * ```ts
 * issue('invalid_number', ['number'], 'the number must be Arabic digits');
 * ```
 */
export function issue(code: string, path: (string | number)[], message: string): VnEgovIssue {
  return { code, path, message };
}

/**
 * Short description of an unexpected value for messages (never the whole input). @internal
 *
 * @example
 * ```ts
 * describeValue({}); // 'object'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return Array.isArray(value) ? 'array' : typeof value;
}
