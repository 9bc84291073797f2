/**
 * vn-egov: Vietnamese e-government in typed TypeScript. The root entry re-exports each capability as a
 * namespace; import a subpath (`vn-egov/calendar`, …) to load only what you use.
 *
 * @example
 * ```ts
 * import { calendar, VnEgovError } from 'vn-egov';
 * calendar.addWorkingDays('2026-02-13', 1); // '2026-02-23'
 * ```
 * @packageDocumentation
 */
export { VnEgovError, isVnEgovError, issuesFromZod, type VnEgovIssue, type VnEgovErrorOptions } from './errors/index.js';
export * as text from './text/index.js';
export * as calendar from './calendar/index.js';
export * as documents from './documents/index.js';
