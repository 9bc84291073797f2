/**
 * Reader of document packages (specs/edxml.md §2): header fields, trace list, manifest, signature slot and the
 * attachment handles.
 * @internal
 * @packageDocumentation
 */
import { bareContentId, createAttachment, type EdxmlAttachment } from './attachments.js';
import { ATTACHMENT, DOCUMENT_HEADER, MANIFEST, TRACE_HEADER_LIST } from './element-specs.js';
import type { EdxmlAttachmentMeta, EdxmlDocument, EdxmlManifest, EdxmlTraceHeaderList } from './model.js';
import { EDXML_NAMESPACE, XMLDSIG_NAMESPACE } from './namespaces.js';
import { edxmlChild, edxmlChildren, reportOthers } from './read-common.js';
import type { Envelope } from './read-envelope.js';
import type { FieldReader } from './read-fields.js';
import { describeSignature, type EnvelopeSignature } from './signature-slot.js';
import type { XmlElement } from './xml-tree.js';

/** The XLink namespace of the optional `xlink:href` on manifest references (specs/edxml.md §2.9). @internal */
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** @internal */
export interface PackageParts {
  readonly message: EdxmlDocument;
  readonly attachments: EdxmlAttachment[];
  readonly signature: EnvelopeSignature;
}

/** Finds the signature element of a header (edXML or XML-DSig namespace). @internal */
export function signatureElement(header: XmlElement | undefined): XmlElement | undefined {
  return header?.children.find((c) => c.local === 'Signature' && (c.ns === EDXML_NAMESPACE || c.ns === XMLDSIG_NAMESPACE));
}

function checkCid(reader: FieldReader, value: string | undefined, path: (string | number)[]): void {
  if (value !== undefined && value !== '' && !/^cid:/i.test(value)) {
    reader.add('content_id_without_prefix', path, 'warning', `ContentId ${JSON.stringify(value)} has no cid: prefix; matched after stripping cid:`);
  }
}

/** @internal */
export function readPackage(env: Envelope, reader: FieldReader, envelope: XmlElement, header: XmlElement | undefined, messageHeader: XmlElement): PackageParts {
  const fields = reader.struct(messageHeader, DOCUMENT_HEADER, []);
  const message: Record<string, unknown> = { ...fields };
  const sig = signatureElement(header);
  if (header !== undefined) {
    const traces = edxmlChild(reader, header, 'TraceHeaderList', ['traceHeaderList'], true);
    if (traces !== undefined) message['traceHeaderList'] = reader.struct(traces, TRACE_HEADER_LIST, ['traceHeaderList']) as EdxmlTraceHeaderList;
    reportOthers(reader, header, ['MessageHeader', 'TraceHeaderList', 'Signature'], ['header'], (c) => c === sig);
    if (sig !== undefined && edxmlChildren(header, 'Signature').length + header.children.filter((c) => c.local === 'Signature' && c.ns === XMLDSIG_NAMESPACE).length > 1) {
      reader.add('duplicate_element', ['signature'], 'error', 'more than one Signature in the header; only the first is described');
    }
  }
  const body = edxmlChild(reader, envelope, 'edXMLBody', ['body'], true);
  if (body !== undefined) {
    reportOthers(reader, body, ['edXMLManifest'], ['body']);
    const manifestEl = edxmlChild(reader, body, 'edXMLManifest', ['manifest'], true);
    if (manifestEl !== undefined) {
      const m = reader.struct(manifestEl, MANIFEST, ['manifest']) as { references: Record<string, unknown>[] };
      const refs = edxmlChildren(manifestEl, 'Reference');
      m.references.forEach((r, i) => {
        const href = refs[i]?.attributes.find((a) => a.local === 'href' && a.ns === XLINK_NAMESPACE);
        if (href !== undefined) r['href'] = href.value;
        checkCid(reader, r['contentId'] as string | undefined, ['manifest', 'references', i, 'contentId']);
      });
      const version = manifestEl.attributes.find((a) => a.local === 'version' && a.ns === null)?.value;
      message['manifest'] = (version === undefined ? { references: m.references } : { version, references: m.references }) as EdxmlManifest;
    }
  }
  const attachments: EdxmlAttachment[] = [];
  const used = new Set<number>();
  const root = env.root;
  const encodedEls = edxmlChildren(root, 'AttachmentEncoded');
  if (encodedEls.length > 1) reader.add('duplicate_element', ['AttachmentEncoded'], 'warning', `${encodedEls.length} AttachmentEncoded elements; all are read`);
  for (const encoded of encodedEls) {
    reportOthers(reader, encoded, ['Attachment'], ['attachments']);
    for (const att of edxmlChildren(encoded, 'Attachment')) {
      const index = attachments.length;
      const path = ['attachments', index];
      const meta = reader.struct(att, ATTACHMENT, path, ['ContentTransferEncoded']) as EdxmlAttachmentMeta;
      checkCid(reader, meta.contentId, [...path, 'contentId']);
      const payloadEl = edxmlChild(reader, att, 'ContentTransferEncoded', path, true);
      const span = payloadEl?.payloadIndex === undefined ? undefined : env.payloads[payloadEl.payloadIndex];
      if (payloadEl?.payloadIndex !== undefined) used.add(payloadEl.payloadIndex);
      for (const extra of edxmlChildren(att, 'ContentTransferEncoded').slice(1)) if (extra.payloadIndex !== undefined) used.add(extra.payloadIndex);
      const attachment = createAttachment(index, meta, env.source, span === undefined ? null : span.ranges);
      if (span !== undefined && isBlank(env, span.ranges, span.blank)) reader.add('empty_attachment', [...path, 'contentTransferEncoded'], 'warning', 'the attachment payload is empty');
      attachments.push(attachment);
    }
  }
  env.payloads.forEach((p, i) => {
    if (!used.has(i) && !isBlank(env, p.ranges, p.blank)) {
      reader.add('unexpected_payload', ['payloads', i], 'error', `a ${p.qname} outside AttachmentEncoded/Attachment is not read (${p.encodedLength} characters)`);
    }
  });
  reportOthers(reader, root, ['edXMLEnvelope', 'AttachmentEncoded'], []);
  reportOthers(reader, envelope, ['edXMLHeader', 'edXMLBody'], ['envelope']);
  const ids = new Set(attachments.map((a) => a.id));
  for (const [i, r] of ((message['manifest'] as EdxmlManifest | undefined)?.references ?? []).entries()) {
    if (r.contentId !== undefined && !ids.has(bareContentId(r.contentId))) {
      reader.add('reference_without_attachment', ['manifest', 'references', i, 'contentId'], 'warning', `no attachment has ContentId ${JSON.stringify(r.contentId)}`);
    }
  }
  return { message: message as EdxmlDocument, attachments, signature: describeSignature(sig, env.envelopeText) };
}

/** For each `AttachmentEncoded/Attachment`, in order, the index of its payload (streamed reading). @internal */
export function attachmentPayloadIndexes(root: XmlElement): (number | undefined)[] {
  return edxmlChildren(root, 'AttachmentEncoded').flatMap((e) => edxmlChildren(e, 'Attachment').map((a) => edxmlChildren(a, 'ContentTransferEncoded')[0]?.payloadIndex));
}

function isBlank(env: Envelope, ranges: readonly (readonly [number, number])[], known?: boolean): boolean {
  if (known !== undefined) return known;
  for (const [a, b] of ranges) {
    for (let i = a; i < b; i++) {
      const c = typeof env.source === 'string' ? env.source.charCodeAt(i) : env.source[i]!;
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    }
  }
  return true;
}
