/**
 * One structured problem found in an input (a zod issue, a data-file check, a parse failure).
 *
 * @example
 * ```ts
 * const issue: VnEgovIssue = { code: 'invalid_date', path: ['from'], message: 'Ngày không hợp lệ' };
 * ```
 */
export interface VnEgovIssue {
  /** Stable, machine-readable code of the problem (lower snake case, as zod issue codes). */
  readonly code: string;
  /** Where the problem is inside the input (object keys and array indexes). */
  readonly path: readonly (string | number)[];
  /** Human-readable explanation. */
  readonly message: string;
}

/**
 * Options accepted by the {@link VnEgovError} constructor.
 *
 * @example
 * ```ts
 * const options: VnEgovErrorOptions = { issues: [{ code: 'invalid_date', path: ['from'], message: 'not a day' }] };
 * throw new VnEgovError('INVALID_DATE', 'Ngày không hợp lệ / invalid date', options);
 * ```
 */
export interface VnEgovErrorOptions {
  /** Structured problems, e.g. from a failed schema check. */
  issues?: readonly VnEgovIssue[];
  /** The underlying error, when this one wraps another. */
  cause?: unknown;
}

/**
 * The single error type of vn-egov (lỗi của thư viện). Every module throws only this for bad input;
 * switch on {@link VnEgovError.code}, which is stable once released.
 *
 * @typeParam C - the union of codes the throwing module documents.
 * @example
 * ```ts
 * import { VnEgovError } from 'vn-egov';
 * try {
 *   addWorkingDays('2026-02-30', 3);
 * } catch (e) {
 *   if (e instanceof VnEgovError && e.code === 'INVALID_DATE') console.log(e.message);
 * }
 * ```
 */
export class VnEgovError<C extends string = string> extends Error {
  /** Stable UPPER_SNAKE code, e.g. `INVALID_DATE`. */
  readonly code: C;
  /** Structured problems; empty when the message says it all. */
  readonly issues: readonly VnEgovIssue[];

  constructor(code: C, message: string, options: VnEgovErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VnEgovError';
    this.code = code;
    this.issues = options.issues ?? [];
  }

  /** A plain, serialisable view of the error (for logs and JSON output). */
  toJSON(): { name: string; code: C; message: string; issues: readonly VnEgovIssue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}

/**
 * Tells whether a value is a {@link VnEgovError}, optionally with a given code.
 *
 * @example
 * ```ts
 * if (isVnEgovError(err, 'INVALID_DATE')) { ... }
 * ```
 */
export function isVnEgovError<C extends string = string>(value: unknown, code?: C): value is VnEgovError<C> {
  return value instanceof VnEgovError && (code === undefined || value.code === code);
}
