/**
 * The library's single error type and helpers to build it from schema failures.
 * @packageDocumentation
 */
export { VnEgovError, isVnEgovError, type VnEgovIssue, type VnEgovErrorOptions } from './vn-egov-error.js';
export { issuesFromZod, parseWith } from './from-zod.js';
