/**
 * vn-egov: Vietnamese e-government in typed TypeScript. The root entry re-exports each capability as a
 * namespace; import a subpath (`vn-egov/calendar`, …) to load only what you use. Node-only helpers (files,
 * streams) live in `vn-egov/node`, the command line in `vn-egov/cli`.
 *
 * @example
 * ```ts
 * import { calendar, documents, VnEgovError } from 'vn-egov';
 * calendar.addWorkingDays('2026-02-13', 1); // '2026-02-23'
 * documents.parseDocumentNumber('Số: 15/QĐ-UBND').number; // 15
 * ```
 * @packageDocumentation
 */
export { VnEgovError, isVnEgovError, issuesFromZod, type VnEgovIssue, type VnEgovErrorOptions } from './errors/index.js';
export * as text from './text/index.js';
export * as calendar from './calendar/index.js';
export * as documents from './documents/index.js';
export * as procedures from './procedures/index.js';
export * as edxml from './edxml/index.js';
export * as signature from './signature/index.js';
export * as scoring from './scoring/index.js';
export * as testing from './testing/index.js';
