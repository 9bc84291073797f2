/**
 * `verifyDocument`: one call that tells whether a received document is validly signed (kiểm tra chữ ký số của văn
 * bản điện tử), whatever its form: a signed PDF, a CMS / PKCS#7 signature (attached, or detached with its content),
 * an XML document with an XMLDSig signature, or an edXML package — whose envelope signature and every signed
 * attachment (PDF with embedded signatures, `.p7s` detached signatures) are verified and combined in one report.
 */
import { parseEdxml, type EdxmlAttachment } from '../edxml/index.js';
import { isVnEgovError, type VnEgovError } from '../errors/index.js';
import { signatureError } from './errors.js';
import { verifyCms, type CmsInput, type CmsVerificationOptions, type CmsVerificationReport, type CmsSignerSummary } from './cms/verify.js';
import { verifyPdf, type PdfVerificationReport } from './pdf/verify.js';
import type { LocalizedMessage, MainIndication, SubIndication } from './report.js';
import { verifyXmlSignature, type XmlSignatureReport } from './xml/verify-xml-signature.js';

/**
 * What {@link verifyDocument} accepts: bytes or text whose type is detected (PDF, CMS in DER or PEM, XML, edXML), or
 * an object naming the type.
 * @example
 * ```ts
 * const a: DocumentInput = readFileSync('quyet-dinh.pdf');
 * const b: DocumentInput = { edxml: readFileSync('goi-tin.edxml') };
 * const c: DocumentInput = { cms: readFileSync('quyet-dinh.pdf.p7s'), content: readFileSync('quyet-dinh.pdf') };
 * ```
 */
export type DocumentInput =
  | Uint8Array
  | ArrayBuffer
  | string
  | { edxml: string | Uint8Array | ArrayBuffer }
  | { pdf: Uint8Array | ArrayBuffer }
  | { xml: string | Uint8Array | ArrayBuffer }
  | { cms: CmsInput; content?: Uint8Array | ArrayBuffer | string };

/**
 * The detected kind of the document (loại tài liệu).
 * @example
 * ```ts
 * const kind: DocumentKind = (await verifyDocument(bytes, { trustStore })).kind; // 'pdf'
 * ```
 */
export type DocumentKind = 'pdf' | 'cms' | 'xml' | 'edxml';

/**
 * Options of {@link verifyDocument}: those of `verifyCms` (trust store, validation time, policy, CRLs, OCSP
 * responses, cache) plus the legacy switches of the PDF and XML verifiers.
 * @example
 * ```ts
 * const options: DocumentVerificationOptions = { trustStore, at: '2026-03-16T10:00:00+07:00', legacyXml: true };
 * ```
 */
export interface DocumentVerificationOptions extends Omit<CmsVerificationOptions, 'content'> {
  /** The signed content of a detached CMS given as bare bytes (same as `{ cms, content }`). */
  content?: Uint8Array | ArrayBuffer | string;
  /** Verify legacy edXML envelope signatures (edXML namespace, rsa-sha1) instead of reporting them as not verifiable. */
  legacyXml?: boolean;
  /** Accept `adbe.pkcs7.sha1` PDF signatures. */
  allowLegacySha1?: boolean;
}

/**
 * One signature found in the document, with the full report of the verifier that judged it.
 * @example
 * ```ts
 * for (const s of report.signatures) console.log(s.source, s.name, s.signer?.commonName, s.indication);
 * ```
 */
export interface DocumentSignature {
  /** Where the signature was found. */
  source: 'pdf' | 'cms' | 'xml' | 'edxml-envelope' | 'edxml-attachment-pdf' | 'edxml-attachment-cms';
  /** Attachment name, PDF field name or signature position. */
  name?: string;
  indication: MainIndication;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  signer?: CmsSignerSummary;
  /** Claimed signing time (ISO 8601 UTC), when the signature carries one. */
  signingTime?: string;
  /** The verifier's own report. */
  details:
    | { kind: 'pdf'; report: PdfVerificationReport; signatureIndex: number }
    | { kind: 'cms'; report: CmsVerificationReport; signerIndex: number }
    | { kind: 'xml'; report: XmlSignatureReport };
}

/**
 * A document-level finding (not tied to one signature): an unsigned edXML envelope, an attachment no signature
 * covers, a `.p7s` whose content cannot be found, an attachment that cannot be decoded.
 * @example
 * ```ts
 * const unsigned = report.findings.filter((f) => f.code === 'ATTACHMENT_NOT_SIGNED');
 * ```
 */
export interface DocumentFinding {
  code:
    | 'NO_SIGNATURE' | 'EDXML_ENVELOPE_NOT_SIGNED' | 'ATTACHMENT_NOT_SIGNED' | 'DETACHED_CONTENT_NOT_FOUND'
    | 'ATTACHMENT_UNREADABLE' | 'PDF_UNREADABLE' | 'CMS_UNREADABLE';
  severity: 'error' | 'warning' | 'info';
  message: LocalizedMessage;
  /** Attachment name or index concerned. */
  target?: string;
}

/**
 * The combined report of {@link verifyDocument} (báo cáo kiểm tra chữ ký số của văn bản).
 * @example
 * ```ts
 * const r: DocumentVerificationReport = await verifyDocument(bytes, { trustStore });
 * console.log(r.kind, r.indication, r.message.vi);
 * ```
 */
export interface DocumentVerificationReport {
  kind: DocumentKind;
  /** The worst indication over all signatures; `NO_SIGNATURE_FOUND` when the document carries none. */
  indication: MainIndication | 'NO_SIGNATURE_FOUND';
  subIndication?: SubIndication;
  message: LocalizedMessage;
  validationTime: string;
  signatures: DocumentSignature[];
  /** For an edXML package: each attachment and the signatures that cover it (indices into `signatures`). */
  attachments?: { index: number; name: string; contentType: string; signedBy: number[] }[];
  findings: DocumentFinding[];
}

const RANK: Record<MainIndication, number> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };
const MAIN: Record<MainIndication | 'NO_SIGNATURE_FOUND', LocalizedMessage> = {
  TOTAL_PASSED: { vi: 'Tất cả chữ ký số hợp lệ', en: 'All signatures are valid' },
  TOTAL_FAILED: { vi: 'Có chữ ký số không hợp lệ', en: 'At least one signature is not valid' },
  INDETERMINATE: { vi: 'Chưa xác định được tính hợp lệ của tất cả chữ ký số', en: 'The validity of some signature cannot be established' },
  NO_SIGNATURE_FOUND: { vi: 'Không tìm thấy chữ ký số', en: 'No signature was found' },
};
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8', { fatal: false });

function docError(vi: string, en: string): VnEgovError {
  return signatureError('DOCUMENT_INVALID_INPUT', vi, en);
}

function asBytes(input: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof input === 'string') return ENCODER.encode(input);
  throw docError('Kiểu dữ liệu không được hỗ trợ', 'unsupported input type');
}

/** Offset of the first byte after a UTF-8 BOM and leading whitespace. */
function firstSignificant(bytes: Uint8Array): number {
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
}

function startsWithAscii(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** `%PDF-` within the first KiB (PDF readers accept a short preamble, ISO 32000 §7.5.2 / implementation note). */
function isPdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) if (bytes[i] === 0x25 && startsWithAscii(bytes, i, '%PDF-')) return true;
  return false;
}

/**
 * Detects the kind of a document from its first bytes (nhận dạng loại tài liệu): PDF (`%PDF-`), XML (`<`; edXML when
 * the QCVN 102 or e-doc namespace appears in the first 4 KiB), CMS (DER SEQUENCE or PEM PKCS7/CMS).
 * @throws VnEgovError `DOCUMENT_UNKNOWN_TYPE` when none of these.
 * @example
 * ```ts
 * detectDocumentKind(new TextEncoder().encode('%PDF-1.7\n…')); // 'pdf'
 * ```
 */
export function detectDocumentKind(input: Uint8Array | ArrayBuffer | string): DocumentKind {
  const bytes = asBytes(input);
  if (isPdf(bytes)) return 'pdf';
  const at = firstSignificant(bytes);
  if (bytes[at] === 0x3c /* < */) {
    const head = DECODER.decode(bytes.subarray(at, at + 4096));
    return head.includes('http://www.mic.gov.vn/TBT/QCVN_102_2016') || head.includes('http://www.e-doc.vn/Schema') ? 'edxml' : 'xml';
  }
  if (bytes[at] === 0x30) return 'cms';
  if (startsWithAscii(bytes, at, '-----BEGIN PKCS7-----') || startsWithAscii(bytes, at, '-----BEGIN CMS-----')) return 'cms';
  throw signatureError('DOCUMENT_UNKNOWN_TYPE', 'Không nhận dạng được loại tài liệu (PDF, CMS, XML, edXML)', 'unknown document type (expected PDF, CMS, XML or edXML)');
}

function worst(entries: readonly { indication: MainIndication; subIndication?: SubIndication }[]): { indication: MainIndication; subIndication?: SubIndication } | undefined {
  let w: { indication: MainIndication; subIndication?: SubIndication } | undefined;
  for (const e of entries) if (w === undefined || RANK[e.indication] > RANK[w.indication]) w = e;
  return w;
}

function fromPdf(report: PdfVerificationReport, source: DocumentSignature['source'], name: string | undefined): DocumentSignature[] {
  return report.signatures.map((s) => ({
    source,
    ...(name !== undefined ? { name: s.fieldName ? `${name} › ${s.fieldName}` : name } : s.fieldName ? { name: s.fieldName } : {}),
    indication: s.indication,
    ...(s.subIndication ? { subIndication: s.subIndication } : {}),
    message: s.message,
    ...(s.signer ? { signer: s.signer } : {}),
    ...((s.signingTime.attribute ?? s.signingTime.dictionary) ? { signingTime: (s.signingTime.attribute ?? s.signingTime.dictionary)! } : {}),
    details: { kind: 'pdf' as const, report, signatureIndex: s.index },
  }));
}

function fromCms(report: CmsVerificationReport, source: DocumentSignature['source'], name: string | undefined): DocumentSignature[] {
  return report.signers.map((s) => ({
    source,
    ...(name !== undefined ? { name } : {}),
    indication: s.indication,
    ...(s.subIndication ? { subIndication: s.subIndication } : {}),
    message: s.message,
    ...(s.signer ? { signer: s.signer } : {}),
    ...(s.signingTime ? { signingTime: s.signingTime } : {}),
    details: { kind: 'cms' as const, report, signerIndex: s.index },
  }));
}

function fromXml(report: XmlSignatureReport, source: DocumentSignature['source']): DocumentSignature {
  return {
    source,
    indication: report.indication,
    ...(report.subIndication ? { subIndication: report.subIndication } : {}),
    message: report.message,
    ...(report.signer ? { signer: report.signer } : {}),
    details: { kind: 'xml', report },
  };
}

function pdfOptions(options: DocumentVerificationOptions) {
  const { content: _c, legacyXml: _l, ...rest } = options;
  return rest;
}
function cmsOptions(options: DocumentVerificationOptions) {
  const { content: _c, legacyXml: _l, allowLegacySha1: _s, ...rest } = options;
  return rest;
}
function xmlOptions(options: DocumentVerificationOptions) {
  return { ...cmsOptions(options), ...(options.legacyXml ? { legacy: true } : {}) };
}

function unreadable(code: DocumentFinding['code'], target: string | undefined, error: unknown): DocumentFinding {
  const detail = isVnEgovError(error) ? `${error.code}: ${error.message}` : String(error);
  return {
    code, severity: 'error', ...(target !== undefined ? { target } : {}),
    message: { vi: `Không đọc được${target ? ` ${target}` : ''} (${detail})`, en: `Cannot read${target ? ` ${target}` : ''} (${detail})` },
  };
}

function isSignatureAttachment(a: EdxmlAttachment): boolean {
  const name = (a.meta.attachmentName ?? '').toLowerCase();
  const type = (a.meta.contentType ?? '').toLowerCase();
  return /\.(p7s|p7m|p7b|sig)$/.test(name) || type.includes('pkcs7') || type.includes('cms');
}

/** The attachment a detached `.p7s` signs: same name without the signature extension, or the same base name. */
function contentFor(sig: EdxmlAttachment, all: readonly EdxmlAttachment[]): EdxmlAttachment | undefined {
  const name = sig.meta.attachmentName ?? '';
  const stripped = name.replace(/\.(p7s|p7m|sig)$/i, '');
  const others = all.filter((a) => a !== sig && !isSignatureAttachment(a));
  const exact = others.find((a) => a.meta.attachmentName === stripped);
  if (exact) return exact;
  const base = stripped.replace(/\.[^.]*$/, '');
  const sameBase = others.filter((a) => (a.meta.attachmentName ?? '').replace(/\.[^.]*$/, '') === base);
  return sameBase.length === 1 ? sameBase[0] : undefined;
}

async function verifyEdxml(bytes: Uint8Array, options: DocumentVerificationOptions): Promise<Omit<DocumentVerificationReport, 'indication' | 'message' | 'validationTime'>> {
  const signatures: DocumentSignature[] = [];
  const findings: DocumentFinding[] = [];
  const parsed = parseEdxml(bytes);
  if (parsed.signature.state === 'present') {
    signatures.push(fromXml(await verifyXmlSignature(bytes, xmlOptions(options)), 'edxml-envelope'));
  } else {
    findings.push({
      code: 'EDXML_ENVELOPE_NOT_SIGNED', severity: 'info',
      message: { vi: 'Phong bì edXML không có chữ ký số', en: 'The edXML envelope is not signed' },
    });
  }
  const attachments: NonNullable<DocumentVerificationReport['attachments']> = parsed.attachments.map((a) => ({
    index: a.index, name: a.meta.attachmentName ?? `#${a.index}`, contentType: a.meta.contentType ?? '', signedBy: [],
  }));
  const covers = (attachmentIndex: number, from: number) => {
    const entry = attachments.find((x) => x.index === attachmentIndex);
    for (let i = from; i < signatures.length; i++) entry?.signedBy.push(i);
  };
  for (const a of parsed.attachments) {
    const label = a.meta.attachmentName ?? `#${a.index}`;
    let data: Uint8Array;
    try {
      data = a.bytes();
    } catch (error) {
      findings.push(unreadable('ATTACHMENT_UNREADABLE', label, error));
      continue;
    }
    if (isSignatureAttachment(a)) {
      const target = contentFor(a, parsed.attachments);
      let content: Uint8Array | undefined;
      if (target) {
        try { content = target.bytes(); } catch (error) { findings.push(unreadable('ATTACHMENT_UNREADABLE', target.meta.attachmentName ?? `#${target.index}`, error)); }
      } else {
        findings.push({
          code: 'DETACHED_CONTENT_NOT_FOUND', severity: 'warning', target: label,
          message: { vi: `Không tìm thấy tệp được ký bởi ${label}`, en: `The file signed by ${label} was not found in the package` },
        });
      }
      const from = signatures.length;
      try {
        const report = await verifyCms(data, { ...cmsOptions(options), ...(content ? { content } : {}) });
        signatures.push(...fromCms(report, 'edxml-attachment-cms', label));
        covers(a.index, from);
        if (target) covers(target.index, from);
      } catch (error) {
        findings.push(unreadable('CMS_UNREADABLE', label, error));
      }
    } else if (isPdf(data)) {
      const from = signatures.length;
      try {
        const report = await verifyPdf(data, pdfOptions(options));
        signatures.push(...fromPdf(report, 'edxml-attachment-pdf', label));
        covers(a.index, from);
      } catch (error) {
        findings.push(unreadable('PDF_UNREADABLE', label, error));
      }
    }
  }
  for (const a of attachments) {
    if (a.signedBy.length === 0) {
      findings.push({
        code: 'ATTACHMENT_NOT_SIGNED', severity: 'warning', target: a.name,
        message: { vi: `Tệp đính kèm ${a.name} không có chữ ký số`, en: `Attachment ${a.name} carries no signature` },
      });
    }
  }
  return { kind: 'edxml', signatures, attachments, findings };
}

/**
 * Verifies every signature of a received document and returns one combined report (kiểm tra chữ ký số văn bản điện
 * tử, Nghị định 30/2020 Điều 5): a PDF (every signature and document timestamp, with what was changed after each), a
 * CMS / PKCS#7 signature (give the content of a detached one), an XML document with an enveloped XMLDSig, or an edXML
 * package (the envelope signature, then every attachment: PDFs with their embedded signatures and `.p7s` detached
 * signatures matched to the attachment they sign by name). The indication is the worst over all signatures;
 * attachments no signature covers are listed as findings.
 *
 * @throws VnEgovError `DOCUMENT_UNKNOWN_TYPE`, `DOCUMENT_INVALID_INPUT`, or the parser's error when the document
 * itself (not an attachment) cannot be read (`EDXML_*`, `PDF_*`, `CMS_*`, `XML_*`).
 * @example
 * ```ts
 * import { verifyDocument, createTrustStore } from 'vn-egov/signature';
 * const report = await verifyDocument(readFileSync('goi-tin.edxml'), { trustStore: createTrustStore({ anchors: [rootPem] }) });
 * for (const s of report.signatures) console.log(s.source, s.name, s.signer?.commonName, s.indication, s.message.vi);
 * ```
 */
export async function verifyDocument(input: DocumentInput, options: DocumentVerificationOptions): Promise<DocumentVerificationReport> {
  if (options === null || typeof options !== 'object' || !('trustStore' in options)) {
    throw docError('Thiếu kho chứng thư tin cậy (trustStore)', 'options.trustStore is required');
  }
  let kind: DocumentKind;
  let bytes: Uint8Array;
  let content: Uint8Array | ArrayBuffer | string | undefined = options.content;
  if (input instanceof Uint8Array || input instanceof ArrayBuffer || typeof input === 'string') {
    bytes = asBytes(input);
    kind = detectDocumentKind(bytes);
  } else if (input !== null && typeof input === 'object') {
    if ('edxml' in input) { kind = 'edxml'; bytes = asBytes(input.edxml); }
    else if ('pdf' in input) { kind = 'pdf'; bytes = asBytes(input.pdf); }
    else if ('xml' in input) { kind = 'xml'; bytes = asBytes(input.xml); }
    else if ('cms' in input) { kind = 'cms'; bytes = asBytes(input.cms as Uint8Array | ArrayBuffer | string); content = input.content ?? content; }
    else throw docError('Tài liệu phải là bytes, chuỗi hoặc { edxml | pdf | xml | cms }', 'input must be bytes, a string or { edxml | pdf | xml | cms }');
  } else {
    throw docError('Tài liệu phải là bytes, chuỗi hoặc { edxml | pdf | xml | cms }', 'input must be bytes, a string or { edxml | pdf | xml | cms }');
  }

  let body: Omit<DocumentVerificationReport, 'indication' | 'message' | 'validationTime'>;
  let validationTime: string | undefined;
  if (kind === 'pdf') {
    const report = await verifyPdf(bytes, pdfOptions(options));
    validationTime = report.validationTime;
    body = { kind, signatures: fromPdf(report, 'pdf', undefined), findings: [] };
  } else if (kind === 'cms') {
    const report = await verifyCms(bytes, { ...cmsOptions(options), ...(content !== undefined ? { content } : {}) });
    validationTime = report.validationTime;
    body = { kind, signatures: fromCms(report, 'cms', undefined), findings: [] };
  } else if (kind === 'xml') {
    const report = await verifyXmlSignature(bytes, xmlOptions(options));
    validationTime = report.validationTime;
    body = { kind, signatures: [fromXml(report, 'xml')], findings: [] };
  } else {
    body = await verifyEdxml(bytes, options);
  }
  validationTime ??= firstValidationTime(body.signatures) ?? toIso(options.at);
  const w = worst(body.signatures);
  if (w === undefined) {
    body.findings.unshift({ code: 'NO_SIGNATURE', severity: 'error', message: MAIN.NO_SIGNATURE_FOUND });
    return { ...body, indication: 'NO_SIGNATURE_FOUND', message: MAIN.NO_SIGNATURE_FOUND, validationTime };
  }
  const message = body.signatures.length === 1 ? body.signatures[0]!.message : MAIN[w.indication];
  return { ...body, indication: w.indication, ...(w.subIndication ? { subIndication: w.subIndication } : {}), message, validationTime };
}

function firstValidationTime(signatures: readonly DocumentSignature[]): string | undefined {
  for (const s of signatures) if (s.details.report.validationTime) return s.details.report.validationTime;
  return undefined;
}

function toIso(at: Date | string | undefined): string {
  const d = at === undefined ? new Date() : new Date(at);
  return Number.isNaN(d.getTime()) ? new Date().toISOString() : d.toISOString();
}
