import { safeParse, type $ZodError, type $ZodErrorMap, type $ZodType, type output } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { VnEgovError, type VnEgovIssue } from './vn-egov-error.js';

let english: $ZodErrorMap | undefined;

/**
 * Maps zod issues (classic `zod` or `zod/mini`) to {@link VnEgovIssue}s (code, path, message).
 *
 * @example
 * ```ts
 * const r = schema.safeParse(input);
 * if (!r.success) console.log(issuesFromZod(r.error));
 * ```
 */
export function issuesFromZod(error: Pick<$ZodError, 'issues'>): VnEgovIssue[] {
  return error.issues.map((i) => ({
    code: i.code,
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}

/**
 * Parses `input` with a zod schema (classic or mini) and throws a {@link VnEgovError} carrying every issue when it
 * does not fit.
 *
 * @example
 * ```ts
 * const options = parseWith(workCalendarOptionsSchema, input, 'INVALID_OPTIONS', 'Tùy chọn lịch làm việc không hợp lệ');
 * ```
 */
export function parseWith<S extends $ZodType, C extends string>(schema: S, input: unknown, code: C, message: string): output<S> {
  // zod/mini sets no message locale; pass zod's English messages per call (no global configuration is touched).
  english ??= en().localeError as $ZodErrorMap;
  const result = safeParse(schema, input, { error: english });
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error);
  const detail = issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw new VnEgovError(code, `${message}: ${detail}`, { issues, cause: result.error });
}
