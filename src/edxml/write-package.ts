import * as z from 'zod/mini';
import { parseWith } from '../errors/index.js';
import { bareContentId } from './attachments.js';
import { encodeBase64 } from './base64.js';
import { ATTACHMENT, DOCUMENT_HEADER, REFERENCE, TRACE_HEADER_LIST } from './element-specs.js';
import { describeValue, fail, issue } from './errors.js';
import { edxmlAttachmentInputSchema, edxmlDocumentSchema, type EdxmlAttachmentInput, type EdxmlDocument, type EdxmlManifest } from './model.js';
import { EDXML_NAMESPACE, EDXML_PREFIX } from './namespaces.js';
import { ElementWriter, escapeAttribute } from './xml-writer.js';

/**
 * Options of the writers.
 * - `base64LineLength`: wrap base64 every n characters (0, the default, writes one line, as the VPCP samples'
 *   upstream payloads: 361 100 characters for 270 823 bytes, SOURCES.txt).
 * - `indent`: two-space indentation (default `true`); whitespace between elements only, never inside values.
 *
 * @example
 * ```ts
 * const o: EdxmlWriteOptions = { base64LineLength: 76 };
 * ```
 */
export const edxmlWriteOptionsSchema = z.object({
  base64LineLength: z.optional(z.number().check(z.int(), z.gte(0))),
  indent: z.optional(z.boolean()),
});
/**
 * See {@link edxmlWriteOptionsSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlWriteOptions = z.parse(edxmlWriteOptionsSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlWriteOptions = z.infer<typeof edxmlWriteOptionsSchema>;

/** @internal */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** `cid:` + the bare id. @internal */
export function withCid(id: string): string {
  return `cid:${bareContentId(id)}`;
}

/**
 * The manifest that lists attachments (one `Reference` per attachment, same ContentId, type, description and name).
 *
 * @example
 * ```ts
 * manifestFor([{ contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf', data }]);
 * // { version: '1.0', references: [{ contentId: 'cid:1', contentType: 'application/pdf', attachmentName: 'a.pdf' }] }
 * ```
 */
export function manifestFor(attachments: readonly Omit<EdxmlAttachmentInput, 'data'>[]): EdxmlManifest {
  return {
    version: '1.0',
    references: attachments.map((a) => ({
      ...(a.contentId === undefined ? {} : { contentId: withCid(a.contentId) }),
      ...(a.contentType === undefined ? {} : { contentType: a.contentType }),
      ...(a.description === undefined ? {} : { description: a.description }),
      ...(a.attachmentName === undefined ? {} : { attachmentName: a.attachmentName }),
    })),
  };
}

/** @internal Opening of a package or status (root with both namespace declarations). */
export function openRoot(w: ElementWriter): void {
  w.line(0, XML_DECLARATION);
  w.line(0, `<edXML xmlns="${EDXML_NAMESPACE}" xmlns:${EDXML_PREFIX}="${EDXML_NAMESPACE}">`);
  w.line(1, `<${EDXML_PREFIX}:edXMLEnvelope>`);
  w.line(2, `<${EDXML_PREFIX}:edXMLHeader>`);
}

/**
 * Writes a document package (gói tin văn bản) in the canonical form: the QCVN 102:2016 namespace, the VNPT element
 * order and spellings (`Bussiness`, `OrganizationInCharge`), dates `yyyy/MM/dd`, `cid:` content ids linking the
 * manifest to `AttachmentEncoded/Attachment`, base64 payloads. When `message.manifest` is absent the manifest is
 * {@link manifestFor} the attachments. Reading the result gives back `message` (property-tested).
 *
 * @throws VnEgovError `EDXML_INVALID_MESSAGE` (schema, characters XML cannot carry, bad dates),
 *   `EDXML_INVALID_ATTACHMENT` (missing or duplicate ContentId), `EDXML_INVALID_OPTIONS`.
 * @example
 * ```ts
 * const xml = buildEdxml(message, [{ contentId: 'cid:1', attachmentName: 'QD.pdf', contentType: 'application/pdf', data: pdf }]);
 * parseEdxml(xml).attachments[0].bytes(); // the PDF bytes
 * ```
 */
export function buildEdxml(message: EdxmlDocument, attachments: readonly EdxmlAttachmentInput[] = [], options: EdxmlWriteOptions = {}): string {
  const msg = parseWith(edxmlDocumentSchema, message, 'EDXML_INVALID_MESSAGE', 'Gói tin không hợp lệ / invalid document package');
  const atts = parseWith(z.array(edxmlAttachmentInputSchema), attachments, 'EDXML_INVALID_ATTACHMENT', 'Tệp đính kèm không hợp lệ / invalid attachments');
  const opts = parseWith(edxmlWriteOptionsSchema, options, 'EDXML_INVALID_OPTIONS', 'Tùy chọn không hợp lệ / invalid options');
  const seen = new Set<string>();
  atts.forEach((a, i) => {
    const id = bareContentId(a.contentId ?? '');
    if (id === '') fail('EDXML_INVALID_ATTACHMENT', `Thiếu ContentId / attachment ${i} has no ContentId`, [issue('missing_content_id', ['attachments', i, 'contentId'], 'error', 'required')]);
    if (seen.has(id)) fail('EDXML_INVALID_ATTACHMENT', `ContentId trùng / duplicate ContentId ${describeValue(id)}`, [issue('duplicate_content_id', ['attachments', i, 'contentId'], 'error', id)]);
    seen.add(id);
  });
  const w = new ElementWriter(opts.indent ?? true);
  openRoot(w);
  const { traceHeaderList, manifest, ...header } = msg;
  w.struct(3, 'MessageHeader', header, DOCUMENT_HEADER, []);
  if (traceHeaderList !== undefined) w.struct(3, 'TraceHeaderList', traceHeaderList, TRACE_HEADER_LIST, ['traceHeaderList']);
  w.line(2, `</${EDXML_PREFIX}:edXMLHeader>`);
  const m = manifest ?? manifestFor(atts);
  w.line(2, `<${EDXML_PREFIX}:edXMLBody>`);
  const version = m.version === undefined ? '' : ` version="${escapeAttribute(m.version, ['manifest', 'version'])}"`;
  w.line(3, `<${EDXML_PREFIX}:edXMLManifest${version}>`);
  m.references.forEach((r, i) => {
    const { href, ...fields } = r;
    const attr = href === undefined ? '' : ` xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="${escapeAttribute(href, ['manifest', 'references', i, 'href'])}"`;
    w.struct(4, 'Reference', fields, REFERENCE, ['manifest', 'references', i], attr);
  });
  w.line(3, `</${EDXML_PREFIX}:edXMLManifest>`);
  w.line(2, `</${EDXML_PREFIX}:edXMLBody>`);
  w.line(1, `</${EDXML_PREFIX}:edXMLEnvelope>`);
  if (atts.length > 0) {
    w.line(1, `<${EDXML_PREFIX}:AttachmentEncoded>`);
    atts.forEach((a, i) => {
      const { data, ...meta } = a;
      w.line(2, `<${EDXML_PREFIX}:Attachment>`);
      w.fields(3, { ...meta, contentId: withCid(meta.contentId ?? '') }, ATTACHMENT, ['attachments', i]);
      w.line(3, `<${EDXML_PREFIX}:ContentTransferEncoded>${encodeBase64(data, opts.base64LineLength ?? 0)}</${EDXML_PREFIX}:ContentTransferEncoded>`);
      w.line(2, `</${EDXML_PREFIX}:Attachment>`);
    });
    w.line(1, `</${EDXML_PREFIX}:AttachmentEncoded>`);
  }
  w.line(0, '</edXML>');
  return w.toString();
}
