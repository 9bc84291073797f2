/**
 * `verifyXmlSignature`: verification of the enveloped XMLDSig signature of an edXML envelope (kiểm tra chữ ký số
 * XML của gói tin edXML), with the wrapping defences of specs/signatures.md §4.3 and the reported legacy edXML mode
 * of §4.2. Canonicalisation is our own (`canonicalize.ts`), the certificate path goes through part 1 and the
 * signature through part 1's WebCrypto primitives — the key of the KeyInfo certificate is used only after its path
 * has been validated.
 */
import type { CmsSignerSummary } from '../cms/verify.js';
import { fromBase64, bytesEqual, toHex } from '../bytes.js';
import { loadCertificate, type CertificateInput, type CertificateRecord } from '../certificate.js';
import { validateCertificatePath } from '../certificate-validation.js';
import type { CrlInput } from '../crl.js';
import type { OcspInput } from '../ocsp.js';
import type { CertificateValidationReport, LocalizedMessage, MainIndication, SubIndication } from '../report.js';
import { verifySignature, type ValidationCache } from '../signature-verification.js';
import type { TrustStore } from '../trust-store.js';
import { cryptoProblems, vietnameseEgovPolicy, type ValidationPolicy } from '../validation-policy.js';
import { canonicalizationMode, canonicalBytes, type CanonicalizationMode } from './canonicalize.js';
import { xmlSignatureError, type XmlSignatureFindingCode } from './errors.js';
import { readSignatureParts, StructureProblem, strictBase64, type SignatureParts } from './signature-element.js';
import {
  asn1Algorithm, DIGESTS, ecdsaRawToDer, ENVELOPED_SIGNATURE, LEGACY_EXC_C14N, SIGNATURES, XMLDSIG_NS, type XmlSignatureAlgorithm,
} from './xml-algorithms.js';
import { DEFAULT_XML_LIMITS, decodeXmlInput, parseXmlDocument, XML_NAMESPACE, type XDocument, type XElement, type XmlLimits } from './xml-document.js';

const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/**
 * Options of {@link verifyXmlSignature}.
 * @example
 * ```ts
 * const options: XmlSignatureVerificationOptions = { trustStore, at: '2026-03-01T09:00:00+07:00', legacy: false };
 * ```
 */
export interface XmlSignatureVerificationOptions {
  trustStore: TrustStore;
  /** Validation time of the certificate path; defaults to now. */
  at?: Date | string;
  policy?: ValidationPolicy;
  crls?: readonly CrlInput[];
  ocspResponses?: readonly OcspInput[];
  cache?: ValidationCache;
  /**
   * Chế độ edXML kiểu cũ: accept a `Signature` in the edXML namespace (namespace repair), rsa-sha1 and the misspelt
   * exclusive C14N URI of the VPCP samples. Always reported (`legacy` finding); SHA-1 is still judged by the policy.
   */
  legacy?: boolean;
  /** The signer certificate supplied by the caller (replaces the KeyInfo certificate); its path is still validated. */
  certificate?: CertificateInput;
  /** Extra untrusted intermediates for path building. */
  intermediates?: readonly CertificateInput[];
  /** Bounds of the XML reader (defaults: 64 Mi characters, depth 64, 500 000 nodes, 64 attributes per element). */
  limits?: Partial<XmlLimits>;
}

/**
 * Stable ids of the XML signature checks (mã kiểm tra chữ ký XML).
 * @example
 * ```ts
 * const digest = report.checks.find((c) => c.id === ('XML_DIGEST' satisfies XmlSignatureCheckId));
 * ```
 */
export type XmlSignatureCheckId =
  | 'XML_STRUCTURE' | 'XML_ALGORITHMS' | 'XML_REFERENCE' | 'XML_DIGEST' | 'XML_SIGNER_IDENTIFIED' | 'XML_KEY_USAGE'
  | 'XML_CRYPTO_CONSTRAINTS' | 'XML_CERTIFICATE_PATH' | 'XML_SIGNATURE_VALUE';

/**
 * One check of an XML signature report.
 * @example
 * ```ts
 * const failed = report.checks.filter((c: XmlSignatureCheck) => c.status === 'FAILED').map((c) => c.message.vi);
 * ```
 */
export interface XmlSignatureCheck {
  id: XmlSignatureCheckId;
  status: 'PASSED' | 'FAILED' | 'WARNING' | 'INFORMATION';
  indication?: Exclude<MainIndication, 'TOTAL_PASSED'>;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  details?: Record<string, string>;
}

/**
 * A finding (phát hiện) with a stable code: legacy forms, wrapping attempts, SHA-1…
 * @example
 * ```ts
 * const legacy = report.findings.find((f: XmlSignatureFinding) => f.code === 'XML_SIGNATURE_LEGACY_EDXML');
 * ```
 */
export interface XmlSignatureFinding {
  code: XmlSignatureFindingCode;
  severity: 'error' | 'warning' | 'info';
  message: LocalizedMessage;
}

/**
 * The signer's certificate summarised for display, with Vietnamese identifiers (same shape as the CMS one).
 * @example
 * ```ts
 * const who = (s: XmlSignerSummary) => `${s.commonName ?? s.subject} (CCCD ${s.vn.cccd ?? '—'})`;
 * ```
 */
export type XmlSignerSummary = CmsSignerSummary;

/**
 * The report of {@link verifyXmlSignature} (báo cáo kiểm tra chữ ký XML).
 * @example
 * ```ts
 * const r: XmlSignatureReport = await verifyXmlSignature(xml, { trustStore });
 * if (r.indication === 'TOTAL_PASSED' && r.signedXml) readBusinessData(new TextDecoder().decode(r.signedXml));
 * ```
 */
export interface XmlSignatureReport {
  indication: MainIndication;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  /** The Signature is the legacy edXML form (edXML namespace instead of xmldsig). */
  legacy: boolean;
  /** Whether `legacy: true` was given. */
  legacyMode: boolean;
  /** Namespace of the Signature element. */
  signatureNamespace: string;
  canonicalizationMethod?: string;
  signatureMethod?: string;
  reference?: { uri: string; transforms: string[]; digestMethod: string };
  signer?: XmlSignerSummary;
  checks: XmlSignatureCheck[];
  findings: XmlSignatureFinding[];
  certificateReport?: CertificateValidationReport;
  /** Validation time used (ISO 8601 UTC). */
  validationTime: string;
  /**
   * The canonical bytes that were digested (present when the digest matched). Read business data only from these
   * bytes, and only when `indication` is `TOTAL_PASSED`: they exclude comments and the Signature element.
   */
  signedXml?: Uint8Array;
}

const MAIN: Record<MainIndication, LocalizedMessage> = {
  TOTAL_PASSED: { vi: 'Chữ ký số XML hợp lệ', en: 'The XML signature is valid' },
  TOTAL_FAILED: { vi: 'Chữ ký số XML không hợp lệ', en: 'The XML signature is not valid' },
  INDETERMINATE: { vi: 'Chưa xác định được tính hợp lệ của chữ ký số XML', en: 'The validity of the XML signature cannot be established' },
};

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Môi trường không có WebCrypto', 'WebCrypto (crypto.subtle) is not available');
  return s;
}

function parseAt(at: Date | string | undefined): number {
  if (at === undefined) return Date.now();
  const t = at instanceof Date ? at.getTime() : typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at) ? Date.parse(at) : NaN;
  if (!Number.isFinite(t)) throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Thời điểm kiểm tra không hợp lệ', '`at` must be a Date or an ISO 8601 date-time');
  return t;
}

function resolveLimits(partial: Partial<XmlLimits> | undefined): XmlLimits {
  const l = { ...DEFAULT_XML_LIMITS, ...(partial ?? {}) };
  for (const [k, v] of Object.entries(l)) {
    if (!Number.isInteger(v) || v < 1) throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Giới hạn không hợp lệ', `limits.${k} must be a positive integer`);
  }
  return l;
}

function summarize(rec: CertificateRecord): XmlSignerSummary {
  const v = rec.view;
  return {
    subject: v.subject.text,
    ...(v.subject.attributes.CN?.[0] ? { commonName: v.subject.attributes.CN[0] } : {}),
    ...(v.subject.attributes.O?.[0] ? { organization: v.subject.attributes.O[0] } : {}),
    issuer: v.issuer.text, serialNumber: v.serialNumber, sha256: v.fingerprints.sha256,
    notBefore: v.validity.notBefore, notAfter: v.validity.notAfter, vn: v.vn,
  };
}

/** Elements carrying each ID value (`Id`, `ID`, `id` without namespace, and `xml:id`). */
function idMap(doc: XDocument): Map<string, XElement[]> {
  const m = new Map<string, XElement[]>();
  for (const el of doc.elements) {
    for (const a of el.attrs) {
      if ((a.ns === '' && (a.local === 'Id' || a.local === 'ID' || a.local === 'id')) || (a.ns === XML_NAMESPACE && a.local === 'id')) {
        const list = m.get(a.value);
        if (list) {
          if (!list.includes(el)) list.push(el);
        } else m.set(a.value, [el]);
      }
    }
  }
  return m;
}

class Report {
  readonly checks: XmlSignatureCheck[] = [];
  readonly findings: XmlSignatureFinding[] = [];
  check(id: XmlSignatureCheckId, status: XmlSignatureCheck['status'], vi: string, en: string, fail?: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication], details?: Record<string, string>): void {
    this.checks.push({ id, status, message: { vi, en }, ...(fail && status === 'FAILED' ? { indication: fail[0], subIndication: fail[1] } : {}), ...(details ? { details } : {}) });
  }
  finding(code: XmlSignatureFindingCode, severity: XmlSignatureFinding['severity'], vi: string, en: string): void {
    this.findings.push({ code, severity, message: { vi, en } });
  }
  conclusion(): { indication: MainIndication; subIndication?: SubIndication; message: LocalizedMessage } {
    const worst = this.checks.find((c) => c.status === 'FAILED' && c.indication === 'TOTAL_FAILED')
      ?? this.checks.find((c) => c.status === 'FAILED');
    if (!worst) return { indication: 'TOTAL_PASSED', message: MAIN.TOTAL_PASSED };
    const indication = worst.indication ?? 'INDETERMINATE';
    const m = MAIN[indication];
    return { indication, ...(worst.subIndication ? { subIndication: worst.subIndication } : {}), message: { vi: `${m.vi}: ${worst.message.vi}`, en: `${m.en}: ${worst.message.en}` } };
  }
}

async function digest(hash: string, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(hash, data));
}

/** Inserts a default xmldsig namespace on an unprefixed legacy Signature and re-parses (legacy namespace repair). */
function repairedSignedInfo(doc: XDocument, sig: XElement, limits: XmlLimits): XElement | undefined {
  if (sig.prefix !== '') return undefined;
  const at = sig.start + 1 + sig.qname.length;
  const text = `${doc.text.slice(0, at)} xmlns="${XMLDSIG_NS}"${doc.text.slice(at)}`;
  let repaired: XDocument;
  try {
    repaired = parseXmlDocument(text, limits);
  } catch {
    return undefined;
  }
  const s = repaired.elements.find((e) => e.start === sig.start && e.local === 'Signature');
  return s?.children.find((c): c is XElement => c.kind === 'element' && c.local === 'SignedInfo');
}

/**
 * Verifies the enveloped XMLDSig signature of an XML document, typically an edXML envelope (kiểm tra chữ ký số
 * XML). Exactly one `Signature` (xmldsig namespace; the edXML-namespace legacy form only with `legacy: true`) and
 * one `SignedInfo`; allow-listed algorithms (C14N 1.0 / exclusive C14N ± comments, enveloped-signature; SHA-256/384/512
 * digests, SHA-1 by policy; RSA PKCS#1 v1.5, RSA-PSS of RFC 6931, ECDSA with raw r‖s; rsa-sha1 only in legacy mode);
 * exactly one Reference, to the document root only (`URI=""` or the root's ID) with the enveloped transform;
 * duplicate IDs, comments / PIs inside DigestValue or SignatureValue, XSLT / XPath transforms are rejected. The
 * KeyInfo certificate is a candidate: its path is validated through `validateCertificatePath` at `at`, and only then
 * is its key used to check the SignatureValue.
 *
 * Returns a report (never a silent pass): `TOTAL_PASSED`, `TOTAL_FAILED` (HASH_FAILURE, SIG_CRYPTO_FAILURE,
 * FORMAT_FAILURE for wrapping attempts…) or `INDETERMINATE` (legacy form without `legacy`, untrusted chain, SHA-1 past
 * its sunset…). `signedXml` holds the canonical bytes that were digested: read business data from them.
 *
 * @throws VnEgovError `XML_SIGNATURE_MALFORMED_XML`, `XML_SIGNATURE_DTD_FORBIDDEN`, `XML_SIGNATURE_ENTITY_FORBIDDEN`,
 *   `XML_SIGNATURE_LIMIT_EXCEEDED`, `XML_SIGNATURE_NOT_FOUND`, `XML_SIGNATURE_INVALID_INPUT_TYPE`,
 *   `XML_SIGNATURE_INVALID_OPTIONS`.
 * @example
 * ```ts
 * import { createTrustStore, vietnameseTrustAnchors, verifyXmlSignature } from 'vn-egov/signature';
 * const report = await verifyXmlSignature(edxmlText, { trustStore: createTrustStore({ anchors: vietnameseTrustAnchors }) });
 * console.log(report.indication, report.message.vi, report.signer?.vn.mst);
 * ```
 */
export async function verifyXmlSignature(xml: string | Uint8Array | ArrayBuffer, options: XmlSignatureVerificationOptions): Promise<XmlSignatureReport> {
  if (typeof options !== 'object' || options === null || typeof options.trustStore !== 'object' || options.trustStore === null) {
    throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Thiếu kho tin cậy (trustStore)', 'options.trustStore is required');
  }
  const at = parseAt(options.at);
  const limits = resolveLimits(options.limits);
  const policy = options.policy ?? vietnameseEgovPolicy;
  const legacyMode = options.legacy === true;
  const doc = parseXmlDocument(decodeXmlInput(xml), limits);

  const dsig = doc.elements.filter((e) => e.local === 'Signature' && e.ns === XMLDSIG_NS);
  const legacySigs = doc.elements.filter((e) => e.local === 'Signature' && e.ns !== XMLDSIG_NS
    && e.children.some((c) => c.kind === 'element' && c.local === 'SignedInfo'));
  const sig = dsig[0] ?? legacySigs[0];
  if (!sig) throw xmlSignatureError('XML_SIGNATURE_NOT_FOUND', 'Tài liệu không có chữ ký số XML (phần tử Signature)', 'the document has no Signature element');
  const legacy = sig.ns !== XMLDSIG_NS;
  const r = new Report();
  let parts: SignatureParts | undefined;
  const finish = (extra: Partial<XmlSignatureReport> = {}): XmlSignatureReport => ({
    ...r.conclusion(),
    legacy, legacyMode, signatureNamespace: sig.ns,
    ...(parts ? {
      canonicalizationMethod: parts.canonicalization.uri, signatureMethod: parts.signatureMethod,
      reference: { uri: parts.reference.uri ?? '', transforms: parts.reference.transforms.map((t) => t.uri), digestMethod: parts.reference.digestMethod },
    } : {}),
    checks: r.checks, findings: r.findings, validationTime: new Date(at).toISOString(), ...extra,
  });
  const formatFailure = (code: XmlSignatureFindingCode, vi: string, en: string, check: XmlSignatureCheckId = 'XML_STRUCTURE'): XmlSignatureReport => {
    r.finding(code, 'error', vi, en);
    r.check(check, 'FAILED', vi, en, ['TOTAL_FAILED', 'FORMAT_FAILURE']);
    return finish();
  };

  // 1. exactly one Signature and one SignedInfo
  if (dsig.length + legacySigs.length > 1) {
    return formatFailure('XML_SIGNATURE_MULTIPLE', `Tài liệu có ${dsig.length + legacySigs.length} phần tử Signature (chỉ chấp nhận một)`, `the document has ${dsig.length + legacySigs.length} Signature elements (exactly one is accepted)`);
  }
  const signedInfos = doc.elements.filter((e) => e.local === 'SignedInfo' && (e.ns === XMLDSIG_NS || e.ns === sig.ns));
  if (signedInfos.length !== 1 || signedInfos[0]!.parent !== sig) {
    return formatFailure('XML_SIGNATURE_SIGNED_INFO', `Tài liệu phải có đúng một SignedInfo trong Signature (có ${signedInfos.length})`, `exactly one SignedInfo, child of the Signature, is required (found ${signedInfos.length})`);
  }
  if (sig === doc.root) {
    return formatFailure('XML_SIGNATURE_STRUCTURE', 'Chữ ký phải nằm trong tài liệu được ký (enveloped), không phải phần tử gốc', 'the Signature must be enveloped inside the signed document, not its root');
  }
  if (legacy) {
    if (!legacyMode) {
      r.finding('XML_SIGNATURE_LEGACY_EDXML', 'error', 'Chữ ký edXML kiểu cũ, không kiểm tra được: phần tử Signature không thuộc không gian tên xmldsig (dùng tùy chọn legacy để kiểm tra có báo cáo)',
        'legacy edXML signature, not verifiable: the Signature element is not in the xmldsig namespace (use the legacy option to verify it, reported)');
      r.check('XML_STRUCTURE', 'FAILED', 'Chữ ký edXML kiểu cũ, không kiểm tra được', 'legacy edXML signature, not verifiable', ['INDETERMINATE', 'FORMAT_FAILURE'], { namespace: sig.ns });
      try {
        parts = readSignatureParts(sig);
      } catch {
        parts = undefined;
      }
      return finish();
    }
    r.finding('XML_SIGNATURE_LEGACY_EDXML', 'warning', 'Chữ ký edXML kiểu cũ (không thuộc không gian tên xmldsig), được kiểm tra theo chế độ legacy',
      'legacy edXML signature (not in the xmldsig namespace), verified in legacy mode');
  }
  try {
    parts = readSignatureParts(sig);
  } catch (e) {
    if (e instanceof StructureProblem) return formatFailure(e.code, e.text.vi, e.text.en);
    throw e;
  }
  const p = parts;
  const ids = idMap(doc);
  const dup = [...ids.entries()].find(([, els]) => els.length > 1);
  if (dup) {
    return formatFailure('XML_SIGNATURE_DUPLICATE_ID', `Giá trị ID "${dup[0].slice(0, 80)}" xuất hiện ở ${dup[1].length} phần tử`, `the ID "${dup[0].slice(0, 80)}" is carried by ${dup[1].length} elements`);
  }
  const header = sig.parent;
  if (!(header && header.local === 'edXMLHeader' && header.ns === EDXML_NS && header.children.filter((c) => c.kind === 'element').at(-1) === sig) && sig.parent !== doc.root) {
    r.finding('XML_SIGNATURE_POSITION', 'info', 'Chữ ký không phải phần tử con cuối của edXMLHeader', 'the Signature is not the last child of edXMLHeader');
  }
  r.check('XML_STRUCTURE', 'PASSED', 'Cấu trúc chữ ký đúng (một Signature, một SignedInfo, một Reference)', 'signature structure is valid (one Signature, one SignedInfo, one Reference)');

  // 2. algorithms (allow-list)
  const unsupported = (vi: string, en: string): XmlSignatureReport => {
    r.finding('XML_SIGNATURE_ALGORITHM_UNSUPPORTED', 'error', vi, en);
    r.check('XML_ALGORITHMS', 'FAILED', vi, en, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
    return finish();
  };
  const c14n = canonicalizationMode(p.canonicalization.uri, p.canonicalization.prefixes);
  if (!c14n) return unsupported(`Thuật toán chuẩn hóa ${p.canonicalization.uri} không được chấp nhận`, `canonicalization ${p.canonicalization.uri} is not accepted`);
  const sigAlg: XmlSignatureAlgorithm | undefined = SIGNATURES[p.signatureMethod];
  if (!sigAlg) return unsupported(`Thuật toán chữ ký ${p.signatureMethod} không được chấp nhận`, `signature method ${p.signatureMethod} is not accepted`);
  if (sigAlg.legacy) {
    if (!legacyMode) return unsupported('Thuật toán rsa-sha1 chỉ được chấp nhận ở chế độ edXML kiểu cũ (legacy)', 'rsa-sha1 is accepted only in legacy mode');
    r.finding('XML_SIGNATURE_LEGACY_ALGORITHM', 'warning', 'Thuật toán chữ ký rsa-sha1 (kiểu cũ) được chấp nhận ở chế độ legacy', 'legacy signature method rsa-sha1 accepted in legacy mode');
  }
  const digestHash = DIGESTS[p.reference.digestMethod];
  if (!digestHash) return unsupported(`Thuật toán băm ${p.reference.digestMethod} không được chấp nhận`, `digest method ${p.reference.digestMethod} is not accepted`);
  if (digestHash === 'SHA-1' || sigAlg.hash === 'SHA-1') {
    r.finding('XML_SIGNATURE_SHA1', 'warning', 'Chữ ký dùng SHA-1 (đã hết hạn sử dụng từ 01/08/2012 theo ETSI); chính sách kiểm tra quyết định', 'the signature uses SHA-1 (past its 2012-08-01 sunset); the policy decides');
  }
  // transforms: enveloped-signature first, then at most one canonicalisation
  const ts = p.reference.transforms;
  let refMode: CanonicalizationMode = { exclusive: false, withComments: false };
  const forbidden = (vi: string, en: string): XmlSignatureReport => {
    r.finding('XML_SIGNATURE_TRANSFORM_FORBIDDEN', 'error', vi, en);
    r.check('XML_REFERENCE', 'FAILED', vi, en, ['TOTAL_FAILED', 'FORMAT_FAILURE']);
    return finish();
  };
  if (ts.length === 0 || ts[0]!.uri !== ENVELOPED_SIGNATURE) {
    return forbidden('Reference phải dùng phép biến đổi enveloped-signature đầu tiên', 'the Reference must start with the enveloped-signature transform');
  }
  if (ts.length > 2) return forbidden('Reference có quá nhiều phép biến đổi', 'too many transforms in the Reference');
  if (ts[1]) {
    let uri = ts[1].uri;
    if (uri === LEGACY_EXC_C14N && legacyMode) {
      r.finding('XML_SIGNATURE_LEGACY_ALGORITHM', 'warning', `URI chuẩn hóa sai chính tả ${LEGACY_EXC_C14N} được hiểu là exclusive C14N (chế độ legacy)`, `the misspelt URI ${LEGACY_EXC_C14N} is read as exclusive C14N (legacy mode)`);
      uri = 'http://www.w3.org/2001/10/xml-exc-c14n#';
    }
    const m = canonicalizationMode(uri, ts[1].prefixes);
    if (!m) return forbidden(`Phép biến đổi ${ts[1].uri} không được phép (chỉ enveloped-signature và C14N)`, `transform ${ts[1].uri} is not allowed (only enveloped-signature and C14N)`);
    refMode = m;
  }
  r.check('XML_ALGORITHMS', 'PASSED', 'Các thuật toán nằm trong danh sách được chấp nhận', 'algorithms are on the allow-list',
    undefined, { canonicalization: p.canonicalization.uri, signature: p.signatureMethod, digest: p.reference.digestMethod });

  // 3. reference: the document root only
  const uri = p.reference.uri;
  let apex: XElement | undefined;
  if (uri === '') apex = undefined;
  else if (uri !== undefined && /^#[A-Za-z_][A-Za-z0-9_.\-]*$/.test(uri) && ids.get(uri.slice(1))?.[0] === doc.root) apex = doc.root;
  else {
    const vi = uri === undefined ? 'Reference không có thuộc tính URI' : `Reference URI="${uri.slice(0, 80)}" không trỏ tới phần tử gốc của tài liệu`;
    const en = uri === undefined ? 'the Reference has no URI attribute' : `Reference URI="${uri.slice(0, 80)}" does not point at the document root`;
    r.finding('XML_SIGNATURE_REFERENCE_NOT_ROOT', 'error', vi, en);
    r.check('XML_REFERENCE', 'FAILED', vi, en, ['TOTAL_FAILED', 'FORMAT_FAILURE']);
    return finish();
  }
  r.check('XML_REFERENCE', 'PASSED', 'Reference trỏ tới toàn bộ tài liệu (phần tử gốc), biến đổi enveloped-signature', 'the Reference covers the whole document (root) with the enveloped-signature transform', undefined, { uri });

  // 4. digest over the canonical document without the Signature and without comments
  const expectedText = strictBase64(p.reference.digestValue);
  if (!expectedText) return formatFailure('XML_SIGNATURE_BASE64', 'DigestValue không phải base64 hợp lệ', 'DigestValue is not valid base64', 'XML_DIGEST');
  const signedXml = canonicalBytes(doc, refMode, { ...(apex ? { apex } : {}), exclude: sig, dropComments: true });
  const actual = await digest(digestHash, signedXml);
  const expected = fromBase64(expectedText);
  if (!bytesEqual(actual, expected)) {
    r.check('XML_DIGEST', 'FAILED', 'Nội dung đã bị thay đổi sau khi ký (giá trị băm không khớp DigestValue)', 'the document was changed after signing (digest mismatch)',
      ['TOTAL_FAILED', 'HASH_FAILURE'], { expected: toHex(expected), actual: toHex(actual), algorithm: digestHash });
  } else {
    r.check('XML_DIGEST', 'PASSED', 'Giá trị băm của tài liệu khớp DigestValue', 'the document digest matches DigestValue', undefined, { algorithm: digestHash, digest: toHex(actual) });
  }
  const digestOk = bytesEqual(actual, expected);

  // 5. signer certificate (a candidate until its path is valid)
  let signerRec: CertificateRecord | undefined;
  const recs: CertificateRecord[] = [];
  let keyInfoProblem: string | undefined;
  for (const b64 of p.certificates) {
    const clean = strictBase64(b64);
    try {
      if (!clean) throw new Error('X509Certificate is not valid base64');
      recs.push(loadCertificate(fromBase64(clean), options.cache?.certificates));
    } catch (e) {
      keyInfoProblem ??= e instanceof Error ? e.message : 'unreadable certificate';
    }
  }
  if (options.certificate !== undefined) {
    try {
      signerRec = loadCertificate(options.certificate, options.cache?.certificates);
    } catch (e) {
      throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Chứng thư truyền vào không đọc được', 'options.certificate is not a readable certificate', { cause: e });
    }
  } else if (keyInfoProblem === undefined) {
    // the signer: the end-entity certificate (not a CA) that issues none of the others; anything else is ambiguous
    const leaves = recs.filter((c) => c.view.extensions.basicConstraints?.ca !== true
      && !recs.some((o) => o !== c && o.sha256 !== c.sha256 && bytesEqual(o.issuerDer, c.subjectDer) && !bytesEqual(o.subjectDer, o.issuerDer)));
    const distinct = new Map(leaves.map((c) => [c.sha256, c]));
    if (distinct.size === 1) signerRec = [...distinct.values()][0]!;
    else if (distinct.size > 1) keyInfoProblem = 'several candidate signer certificates in KeyInfo';
  }
  if (keyInfoProblem !== undefined && !signerRec) {
    r.finding('XML_SIGNATURE_NO_CERTIFICATE', 'error', 'Chứng thư trong KeyInfo không đọc được hoặc không xác định được người ký', `KeyInfo certificate unusable: ${keyInfoProblem}`);
    r.check('XML_SIGNER_IDENTIFIED', 'FAILED', 'Không xác định được chứng thư của người ký', `the signer certificate cannot be identified: ${keyInfoProblem}`, ['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND']);
    return finish(digestOk ? { signedXml } : {});
  }
  if (!signerRec) {
    r.finding('XML_SIGNATURE_NO_CERTIFICATE', 'error', 'KeyInfo không có chứng thư X.509 của người ký', 'KeyInfo carries no X.509 certificate');
    r.check('XML_SIGNER_IDENTIFIED', 'FAILED', 'Không có chứng thư của người ký', 'no signer certificate', ['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND']);
    return finish(digestOk ? { signedXml } : {});
  }
  const signer = signerRec;
  r.check('XML_SIGNER_IDENTIFIED', 'PASSED', options.certificate !== undefined ? 'Chứng thư người ký do bên gọi cung cấp' : 'Đã lấy chứng thư ứng viên từ KeyInfo (chưa được tin cậy cho tới khi kiểm tra đường dẫn)',
    options.certificate !== undefined ? 'signer certificate supplied by the caller' : 'candidate signer certificate taken from KeyInfo (not trusted until its path is validated)', undefined, { sha256: signer.view.fingerprints.sha256 });
  const ku = signer.view.extensions.keyUsage;
  if (ku && !ku.usages.includes('digitalSignature') && !ku.usages.includes('nonRepudiation')) {
    r.check('XML_KEY_USAGE', 'FAILED', 'Chứng thư người ký không có mục đích digitalSignature hoặc nonRepudiation', 'the signer certificate has neither digitalSignature nor nonRepudiation key usage', ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
  }

  // 6. crypto constraints (policy) of the digest and signature hashes
  const hard: string[] = [];
  const soft: string[] = [];
  for (const h of new Set([digestHash, sigAlg.hash])) {
    const cp = cryptoProblems(policy, h, [], at);
    hard.push(...cp.hard);
    soft.push(...cp.soft);
  }
  if (hard.length) r.check('XML_CRYPTO_CONSTRAINTS', 'FAILED', 'Thuật toán băm không được chính sách chấp nhận', `not accepted by the policy: ${hard.join('; ')}`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
  else if (soft.length) r.check('XML_CRYPTO_CONSTRAINTS', 'WARNING', 'Thuật toán băm sắp hết hạn sử dụng', soft.join('; '));
  else r.check('XML_CRYPTO_CONSTRAINTS', 'PASSED', 'Thuật toán được chính sách chấp nhận', 'algorithms accepted by the policy');

  // 7. certificate path (part 1), then the signature value with the validated key
  const others = recs.filter((c) => c.sha256 !== signer.sha256);
  let intermediates: CertificateRecord[] = others;
  if (options.intermediates) {
    try {
      intermediates = [...others, ...options.intermediates.map((c) => loadCertificate(c, options.cache?.certificates))];
    } catch (e) {
      throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Chứng thư trung gian truyền vào không đọc được', 'options.intermediates holds an unreadable certificate', { cause: e });
    }
  }
  const certificateReport = await validateCertificatePath({
    certificate: signer.der,
    intermediates: intermediates.map((c) => c.der),
    trustStore: options.trustStore,
    at: new Date(at),
    policy,
    ...(options.crls ? { crls: options.crls } : {}),
    ...(options.ocspResponses ? { ocspResponses: options.ocspResponses } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const summary = summarize(signer);
  if (certificateReport.indication !== 'TOTAL_PASSED') {
    r.check('XML_CERTIFICATE_PATH', 'FAILED', `Đường dẫn chứng thư: ${certificateReport.message.vi}`, `certificate path: ${certificateReport.message.en}`,
      [certificateReport.indication, certificateReport.subIndication ?? 'CERTIFICATE_CHAIN_GENERAL_FAILURE']);
    r.check('XML_SIGNATURE_VALUE', 'INFORMATION', 'Chưa kiểm tra giá trị chữ ký vì chứng thư người ký chưa được xác thực', 'the signature value was not checked: the signer certificate is not validated');
    return finish({ signer: summary, certificateReport, ...(digestOk ? { signedXml } : {}) });
  }
  r.check('XML_CERTIFICATE_PATH', 'PASSED', 'Đường dẫn chứng thư của người ký hợp lệ', 'the signer certificate path is valid');

  const svText = strictBase64(p.signatureValue);
  if (!svText) return formatFailure('XML_SIGNATURE_BASE64', 'SignatureValue không phải base64 hợp lệ', 'SignatureValue is not valid base64', 'XML_SIGNATURE_VALUE');
  let sv = fromBase64(svText);
  if (sigAlg.family === 'ECDSA') {
    const der = ecdsaRawToDer(sv, signer.view.publicKey.keySize);
    if (!der) {
      r.check('XML_SIGNATURE_VALUE', 'FAILED', 'Độ dài chữ ký ECDSA không đúng', 'the ECDSA signature value has the wrong length', ['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
      return finish({ signer: summary, certificateReport });
    }
    sv = der;
  }
  const candidates: { signedInfo: XElement; repaired: boolean }[] = [{ signedInfo: p.signedInfo, repaired: false }];
  if (legacy) {
    const rep = repairedSignedInfo(doc, sig, limits);
    if (rep) candidates.push({ signedInfo: rep, repaired: true });
  }
  let outcome: Awaited<ReturnType<typeof verifySignature>> = { ok: false, unsupported: false, reason: 'not checked' };
  let repairedUsed = false;
  for (const c of candidates) {
    const owner = c.repaired ? rootDocument(c.signedInfo) : doc;
    const bytes = canonicalBytes(owner, c14n, { apex: c.signedInfo });
    outcome = await verifySignature(signer.spki, asn1Algorithm(sigAlg), bytes, sv, options.cache);
    if (outcome.ok) {
      repairedUsed = c.repaired;
      break;
    }
  }
  if (!outcome.ok) {
    r.check('XML_SIGNATURE_VALUE', 'FAILED', outcome.unsupported ? 'Thuật toán chữ ký không được hỗ trợ' : 'Giá trị chữ ký trên SignedInfo không đúng',
      `the signature over SignedInfo does not verify: ${outcome.reason}`, outcome.unsupported ? ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'] : ['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
  } else {
    r.check('XML_SIGNATURE_VALUE', 'PASSED', repairedUsed ? 'Giá trị chữ ký đúng (sau khi sửa không gian tên xmldsig cho chữ ký kiểu cũ)' : 'Giá trị chữ ký đúng',
      repairedUsed ? 'the signature value verifies (after xmldsig namespace repair of the legacy signature)' : 'the signature value verifies', undefined, { algorithm: p.signatureMethod });
  }
  return finish({ signer: summary, certificateReport, ...(digestOk ? { signedXml } : {}) });
}

/** The document owning an element of a re-parsed document (only the root is needed by canonicalBytes here). */
function rootDocument(el: XElement): XDocument {
  let root = el;
  while (root.parent) root = root.parent;
  return { text: '', prolog: [], root, epilog: [], elements: [] };
}
