import { VnEgovError, type VnEgovIssue } from '../errors/index.js';

/**
 * Error codes thrown by `vn-egov/edxml` (stable; switch on `VnEgovError.code`).
 *
 * - `XML_ENTITY_FORBIDDEN`: the input has a DOCTYPE, ENTITY or other markup declaration; edXML needs none and
 *   they are the door to XXE and entity-expansion attacks, so they are refused before any parsing.
 * - `XML_MALFORMED`: the input is not well-formed XML (unclosed tags, bad attributes, undefined entities, characters
 *   XML forbids); `issues[0]` carries `line`/`column` in its message.
 * - `XML_NAMESPACE_ERROR`: a prefix is used without an `xmlns` declaration (not namespace-well-formed).
 * - `XML_FORBIDDEN_NAME`: an element or attribute named `__proto__`, `constructor` or `prototype`.
 * - `XML_LIMIT_EXCEEDED`: a size, depth, element-count, attribute-count or attachment-count limit was hit; the
 *   issue names the limit.
 * - `EDXML_INVALID_ENCODING`: the bytes are not valid UTF-8, carry a UTF-16 byte-order mark, or declare another
 *   encoding.
 * - `EDXML_NOT_EDXML`: the root is not `edXML` in the QCVN 102:2016 namespace (specs/edxml.md §1), or the package is
 *   neither a document package nor a status message.
 * - `EDXML_STRICT_VIOLATION`: `strict` mode and the reader had to tolerate something (every tolerance is an issue).
 * - `EDXML_INVALID_BASE64`: an attachment's `ContentTransferEncoded` is not valid base64.
 * - `EDXML_INVALID_ATTACHMENT`: an attachment payload holds markup, or attachment input to the writer is unusable.
 * - `EDXML_INVALID_MESSAGE`: a message given to the writer or a helper fails its schema or holds characters XML
 *   cannot carry.
 * - `EDXML_INVALID_OPTIONS`: options that fail their schema.
 * - `EDXML_INVALID_DOCUMENT_ID`: a DocumentId that does not have the conventional form (only from
 *   `parseDocumentId` in strict mode).
 * - `EDXML_INVALID_INPUT`: the input is not a string, `Uint8Array` or `ArrayBuffer` (or a stream failed).
 *
 * @example
 * ```ts
 * try {
 *   parseEdxml(xml);
 * } catch (e) {
 *   if (isVnEgovError<EdxmlErrorCode>(e, 'XML_ENTITY_FORBIDDEN')) console.log('DOCTYPE refused');
 * }
 * ```
 */
export type EdxmlErrorCode =
  | 'XML_ENTITY_FORBIDDEN'
  | 'XML_MALFORMED'
  | 'XML_NAMESPACE_ERROR'
  | 'XML_FORBIDDEN_NAME'
  | 'XML_LIMIT_EXCEEDED'
  | 'EDXML_INVALID_ENCODING'
  | 'EDXML_NOT_EDXML'
  | 'EDXML_STRICT_VIOLATION'
  | 'EDXML_INVALID_BASE64'
  | 'EDXML_INVALID_ATTACHMENT'
  | 'EDXML_INVALID_MESSAGE'
  | 'EDXML_INVALID_OPTIONS'
  | 'EDXML_INVALID_DOCUMENT_ID'
  | 'EDXML_INVALID_INPUT';

/**
 * How serious an {@link EdxmlIssue} is: `error` (the data is wrong or missing), `warning` (a tolerated deviation
 * from the reference form; an error in strict mode), `info` (noted, not a deviation any source forbids).
 *
 * @example
 * ```ts
 * const s: EdxmlIssueSeverity = 'warning';
 * ```
 */
export type EdxmlIssueSeverity = 'error' | 'warning' | 'info';

/**
 * One problem or tolerance found in an edXML package: a {@link VnEgovIssue} with a severity. `path` names the
 * element (local names, list indexes), e.g. `['header', 'to', 1, 'organId']`.
 *
 * @example
 * ```ts
 * const i: EdxmlIssue = { code: 'variant_spelling', path: ['traces', 'business'], severity: 'warning', message: '…' };
 * ```
 */
export interface EdxmlIssue extends VnEgovIssue {
  readonly severity: EdxmlIssueSeverity;
}

/** @internal Throws a {@link VnEgovError} with an edXML code. */
export function fail(code: EdxmlErrorCode, message: string, issues: readonly VnEgovIssue[] = []): never {
  throw new VnEgovError(code, message, { issues });
}

/** @internal Builds an issue. */
export function issue(
  code: string,
  path: readonly (string | number)[],
  severity: EdxmlIssueSeverity,
  message: string,
): EdxmlIssue {
  return { code, path: [...path], severity, message };
}

/** @internal A short, safe description of a value for messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}
