import * as z from 'zod/mini';
import { parseWith } from '../errors/index.js';
import type { EdxmlAttachment } from './attachments.js';
import { describeValue, fail, issue, type EdxmlIssue } from './errors.js';
import type { EdxmlDocument, EdxmlStatus } from './model.js';
import { EDOC_NAMESPACE, EDXML_NAMESPACE } from './namespaces.js';
import { edxmlChild } from './read-common.js';
import { readEnvelope, type Envelope } from './read-envelope.js';
import { FieldReader } from './read-fields.js';
import { readPackage } from './read-package.js';
import { readStatus } from './read-status.js';
import type { EnvelopeSignature } from './signature-slot.js';
import { edxmlLimitsSchema, resolveLimits } from './xml-security.js';

/**
 * Options of {@link parseEdxml}.
 * - `strict`: every tolerance (issue of severity `warning` or `error`) throws `EDXML_STRICT_VIOLATION`; `info` issues
 *   (e.g. element order, which no source prescribes) never do.
 * - `expect`: the kind the caller wants; another kind throws `EDXML_NOT_EDXML`.
 * - `limits`: overrides of the security limits.
 *
 * @example
 * ```ts
 * const o: EdxmlParseOptions = { strict: true, expect: 'status' };
 * ```
 */
export const edxmlParseOptionsSchema = z.object({
  strict: z.optional(z.boolean()),
  expect: z.optional(z.enum(['document', 'status'])),
  limits: z.optional(z.partial(edxmlLimitsSchema)),
});
/**
 * See {@link edxmlParseOptionsSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlParseOptions = z.parse(edxmlParseOptionsSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlParseOptions = z.infer<typeof edxmlParseOptionsSchema>;

/**
 * A parsed document package.
 *
 * @example
 * ```ts
 * const r = parseEdxml(xml);
 * if (r.kind === 'document') r.message.subject;
 * ```
 */
export interface EdxmlDocumentResult {
  readonly kind: 'document';
  readonly message: EdxmlDocument;
  readonly attachments: readonly EdxmlAttachment[];
  readonly signature: EnvelopeSignature;
  readonly issues: readonly EdxmlIssue[];
}

/**
 * A parsed status message (no attachments, no signature).
 *
 * @example
 * ```ts
 * const r = parseEdxml(xml, { expect: 'status' });
 * if (r.kind === 'status') r.message.statusCode; // '03'
 * ```
 */
export interface EdxmlStatusResult {
  readonly kind: 'status';
  readonly message: EdxmlStatus;
  readonly attachments: readonly EdxmlAttachment[];
  readonly signature: EnvelopeSignature;
  readonly issues: readonly EdxmlIssue[];
}

/**
 * What {@link parseEdxml} returns: a document package or a status message, by `kind`.
 *
 * @example
 * ```ts
 * const r: EdxmlParseResult = parseEdxml(xml);
 * const subject = r.kind === 'document' ? r.message.subject : r.message.description;
 * ```
 */
export type EdxmlParseResult = EdxmlDocumentResult | EdxmlStatusResult;

/** @internal Reads the parts of an already scanned envelope. */
export function interpretEnvelope(env: Envelope, options: EdxmlParseOptions): EdxmlParseResult {
  const root = env.root;
  if (root.ns !== EDXML_NAMESPACE || root.local !== 'edXML') {
    const hint =
      root.ns === EDOC_NAMESPACE || root.local === 'Envelope'
        ? ' (this is the Bkav e-doc SOAP dialect, which VPCP does not accept; specs/edxml.md §1.1)'
        : root.local === 'edXML'
          ? ` (the root is in namespace ${describeValue(root.ns ?? '(none)')}, not ${EDXML_NAMESPACE})`
          : '';
    fail('EDXML_NOT_EDXML', `Không phải gói tin edXML / not an edXML package: root <${root.qname}>${hint}`, [
      issue('not_edxml', [], 'error', `root {${root.ns ?? ''}}${root.local}`),
    ]);
  }
  const reader = new FieldReader();
  const envelope = edxmlChild(reader, root, 'edXMLEnvelope', [], true);
  const header = envelope === undefined ? undefined : edxmlChild(reader, envelope, 'edXMLHeader', ['envelope'], true);
  const messageHeader = header === undefined ? undefined : edxmlChild(reader, header, 'MessageHeader', ['header'], true);
  if (envelope === undefined || messageHeader === undefined) {
    fail('EDXML_NOT_EDXML', 'Thiếu edXMLEnvelope/edXMLHeader/MessageHeader / the package has no message header', reader.issues);
  }
  const isStatus = messageHeader.children.some((c) => c.ns === EDXML_NAMESPACE && c.local === 'StatusCode');
  const kind = isStatus ? 'status' : 'document';
  if (options.expect !== undefined && options.expect !== kind) {
    fail('EDXML_NOT_EDXML', `Sai loại gói tin / expected a ${options.expect === 'status' ? 'status message' : 'document package'}, got a ${isStatus ? 'status message' : 'document package'}`, [
      issue('unexpected_kind', [], 'error', kind),
    ]);
  }
  let result: EdxmlParseResult;
  if (isStatus) {
    const message = readStatus(reader, root, envelope, header, messageHeader);
    result = { kind: 'status', message, attachments: [], signature: { state: 'unsigned' }, issues: reader.issues };
  } else {
    const parts = readPackage(env, reader, envelope, header, messageHeader);
    result = { kind: 'document', ...parts, issues: reader.issues };
  }
  if (options.strict === true) {
    const violations = result.issues.filter((i) => i.severity !== 'info');
    if (violations.length > 0) {
      fail('EDXML_STRICT_VIOLATION', `Gói tin không đúng chuẩn (chế độ nghiêm ngặt) / strict mode: ${violations.length} deviation(s), first: ${violations[0]!.code} at ${violations[0]!.path.join('.') || '(root)'}: ${violations[0]!.message}`, violations);
    }
  }
  return result;
}

const NO_OPTIONS: EdxmlParseOptions = Object.freeze({});

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const k in value) if (Object.hasOwn(value, k)) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

/**
 * Reads an edXML document package or status message (QCVN 102:2016/BTTTT) from a string or UTF-8 bytes.
 *
 * Namespace-aware (elements are matched by the QCVN namespace URI and local name, whatever the prefix), in any element
 * order, tolerant of the variants seen in real traffic (`Bussiness`/`Business`, `OrganizationInCharge`/`OrganInCharge`,
 * `yyyy/MM/dd` and `dd/MM/yyyy` dates, empty required elements, `cid:` or not) and honest about it: each tolerance is
 * an issue with a code, path and severity, and `strict` mode turns them into an error. Attachments are handles whose
 * bytes are decoded on demand from the input (no copy). Fails closed: DOCTYPE/ENTITY, limits, malformed XML, bad
 * UTF-8 all throw a `VnEgovError` (see `EdxmlErrorCode`).
 *
 * @throws VnEgovError `XML_ENTITY_FORBIDDEN`, `XML_MALFORMED`, `XML_NAMESPACE_ERROR`, `XML_FORBIDDEN_NAME`,
 *   `XML_LIMIT_EXCEEDED`, `EDXML_INVALID_ENCODING`, `EDXML_NOT_EDXML`, `EDXML_STRICT_VIOLATION`,
 *   `EDXML_INVALID_ATTACHMENT`, `EDXML_INVALID_BASE64`, `EDXML_INVALID_INPUT`, `EDXML_INVALID_OPTIONS`.
 * @example
 * ```ts
 * const r = parseEdxml(await file.arrayBuffer());
 * if (r.kind === 'document') {
 *   console.log(r.message.subject, r.message.to.map((o) => o.organId));
 *   for (const a of r.attachments) console.log(a.meta.attachmentName, await a.sha256());
 * }
 * for (const i of r.issues) console.log(i.severity, i.code, i.path.join('.'));
 * ```
 */
export function parseEdxml(input: string | Uint8Array | ArrayBuffer, options: EdxmlParseOptions = {}): EdxmlParseResult {
  // No options (the common case) need no schema check.
  const opts = isEmptyObject(options) ? NO_OPTIONS : parseWith(edxmlParseOptionsSchema, options, 'EDXML_INVALID_OPTIONS', 'Tùy chọn không hợp lệ / invalid options');
  const limits = resolveLimits(opts.limits as Partial<Parameters<typeof resolveLimits>[0]> | undefined);
  return interpretEnvelope(readEnvelope(input, limits), opts);
}
