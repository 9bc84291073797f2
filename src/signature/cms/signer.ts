/**
 * Verification of one SignerInfo of a CMS SignedData (kiểm tra một người ký): signer certificate, signed attributes,
 * signature value, ESS binding, message digest, key usage, digest policy and the certificate path (part 1). Shared by
 * `verifyCms` and `verifyTimestamp` (the TSA's signature on a time-stamp token). Internal.
 */
import { Asn1Error, children, derFramingProblem, integerBytes, isContext, isUniversal, nameToString, octets, oid, readAlgorithm, sequence, smallInt, time, type Node } from '../asn1.js';
import { describeSignatureAlgorithm, HASH_OID, readPssParams, type HashName } from '../algorithms.js';
import { bytesEqual, fromHex, sha256, toHex } from '../bytes.js';
import type { CertificateRecord } from '../certificate.js';
import { validateCertificatePath } from '../certificate-validation.js';
import type { CrlInput } from '../crl.js';
import type { OcspInput } from '../ocsp.js';
import type { CertificateValidationReport, LocalizedMessage, MainIndication, SubIndication } from '../report.js';
import { verifySignature, type ValidationCache } from '../signature-verification.js';
import type { TrustStore } from '../trust-store.js';
import { cryptoProblems, vietnameseEgovPolicy, type ValidationPolicy } from '../validation-policy.js';
import type { CmsCheck, CmsCheckId, CmsSignerReport, CmsSignerSummary } from './verify.js';
import { cmsError } from './errors.js';
import { bytesKey } from './memo.js';
import { OID_DATA, type RawAttribute, type RawSignedData, type RawSignerInfo } from './parse.js';

const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const RSA_WITH: Partial<Record<HashName, string>> = {
  'SHA-1': '1.2.840.113549.1.1.5', 'SHA-224': '1.2.840.113549.1.1.14', 'SHA-256': '1.2.840.113549.1.1.11',
  'SHA-384': '1.2.840.113549.1.1.12', 'SHA-512': '1.2.840.113549.1.1.13',
};
const ECDSA_WITH: Partial<Record<HashName, string>> = {
  'SHA-1': '1.2.840.10045.4.1', 'SHA-224': '1.2.840.10045.4.3.1', 'SHA-256': '1.2.840.10045.4.3.2',
  'SHA-384': '1.2.840.10045.4.3.3', 'SHA-512': '1.2.840.10045.4.3.4',
};
export const HASH_BY_OID: Record<string, HashName> = Object.fromEntries(Object.entries(HASH_OID).map(([name, o]) => [o, name as HashName]));
export const WEBCRYPTO_DIGESTS = new Set<HashName>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

const SUB_MESSAGES: Partial<Record<SubIndication, LocalizedMessage>> = {
  HASH_FAILURE: { vi: 'nội dung đã bị thay đổi sau khi ký (giá trị băm không khớp)', en: 'the content was changed after signing (digest mismatch)' },
  SIG_CRYPTO_FAILURE: { vi: 'giá trị chữ ký không đúng', en: 'the signature value does not verify' },
  SIGNED_DATA_NOT_FOUND: { vi: 'không có nội dung đã ký để kiểm tra', en: 'the signed content is not available' },
  NO_SIGNING_CERTIFICATE_FOUND: { vi: 'không xác định được chứng thư của người ký', en: 'the signing certificate cannot be identified' },
  SIG_CONSTRAINTS_FAILURE: { vi: 'thuộc tính ký không đáp ứng ràng buộc', en: 'a signed attribute does not meet its constraint' },
  FORMAT_FAILURE: { vi: 'chữ ký không đúng định dạng', en: 'the signature is malformed' },
  CRYPTO_CONSTRAINTS_FAILURE: { vi: 'thuật toán không được chính sách chấp nhận hoặc không được hỗ trợ', en: 'an algorithm is not accepted by the policy or not supported' },
  CHAIN_CONSTRAINTS_FAILURE: { vi: 'chứng thư người ký không cho phép ký số', en: 'the signer certificate does not allow digital signatures' },
};
export const MAIN: Record<MainIndication, LocalizedMessage> = {
  TOTAL_PASSED: { vi: 'Chữ ký số hợp lệ', en: 'The signature is valid' },
  TOTAL_FAILED: { vi: 'Chữ ký số không hợp lệ', en: 'The signature is not valid' },
  INDETERMINATE: { vi: 'Chưa xác định được tính hợp lệ của chữ ký số', en: 'The validity of the signature cannot be established' },
};

export function summary(indication: MainIndication, sub: SubIndication | undefined, cert?: CertificateValidationReport): LocalizedMessage {
  const base = MAIN[indication];
  const s = sub ? (SUB_MESSAGES[sub] ?? (cert ? { vi: `chứng thư: ${cert.message.vi}`, en: `certificate: ${cert.message.en}` } : undefined)) : undefined;
  return s ? { vi: `${base.vi}: ${s.vi}`, en: `${base.en}: ${s.en}` } : base;
}

export function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw cmsError('CMS_INVALID_OPTIONS', 'Môi trường không có WebCrypto', 'WebCrypto (crypto.subtle) is not available');
  return s;
}

export function toBytes(input: unknown, what: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof input === 'string') return new TextEncoder().encode(input);
  throw cmsError('CMS_INVALID_INPUT_TYPE', `Kiểu dữ liệu của ${what} không được hỗ trợ`, `${what} must be a string, Uint8Array or ArrayBuffer`);
}


export function check(id: CmsCheckId, status: CmsCheck['status'], vi: string, en: string, fail?: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication], details?: Record<string, string>): CmsCheck {
  return { id, status, message: { vi, en }, ...(fail && status === 'FAILED' ? { indication: fail[0], subIndication: fail[1] } : {}), ...(details ? { details } : {}) };
}

export function attribute(attrs: RawAttribute[], type: string): RawAttribute[] {
  return attrs.filter((a) => a.type === type);
}

export function summarize(rec: CertificateRecord): CmsSignerSummary {
  const v = rec.view;
  return {
    subject: v.subject.text,
    ...(v.subject.attributes.CN?.[0] ? { commonName: v.subject.attributes.CN[0] } : {}),
    ...(v.subject.attributes.O?.[0] ? { organization: v.subject.attributes.O[0] } : {}),
    issuer: v.issuer.text, serialNumber: v.serialNumber, sha256: v.fingerprints.sha256,
    notBefore: v.validity.notBefore, notAfter: v.validity.notAfter, vn: v.vn,
  };
}

/** Finds the signer certificate; several distinct matches are ambiguous. */
export function findSigner(sd: RawSignedData, si: RawSignerInfo): { cert?: CertificateRecord; ambiguous: boolean } {
  const matches = new Map<string, CertificateRecord>();
  for (const c of sd.certificates) {
    let hit: boolean;
    if (si.sid.kind === 'issuerAndSerialNumber') hit = bytesEqual(c.issuerDer, si.sid.issuerDer) && c.view.serialNumber === toHex(si.sid.serial);
    else hit = c.view.extensions.subjectKeyIdentifier?.keyIdentifier === toHex(si.sid.keyIdentifier);
    if (hit) matches.set(c.view.fingerprints.sha256, c);
  }
  if (matches.size > 1) return { ambiguous: true };
  const cert = [...matches.values()][0];
  return cert ? { cert, ambiguous: false } : { ambiguous: false };
}

export async function digest(hash: HashName, data: Uint8Array): Promise<Uint8Array> {
  // no copy: WebCrypto copies the bytes itself (a 1 MB slice per call cost more than the digest)
  return new Uint8Array(await subtle().digest(hash, data as Uint8Array<ArrayBuffer>));
}

/** A memo key part for bytes: the exact bytes when small (`b:…`), else their SHA-256 (`h:…`). */
function exactKey(b: Uint8Array): string {
  return bytesKey(b) ?? `h:${toHex(sha256(b))}`;
}

/** The AlgorithmIdentifier handed to the primitive: rsaEncryption / ecPublicKey are combined with the digest. */
function effectiveSignatureAlgorithm(si: RawSignerInfo, hash: HashName): { oid: string; params: Node | undefined; der: Uint8Array } | string {
  const a = si.signatureAlgorithm;
  const isNullOrAbsent = a.params === undefined || isUniversal(a.params, 5);
  if (a.oid === OID_RSA) {
    if (!isNullOrAbsent) return 'rsaEncryption parameters must be NULL';
    const o = RSA_WITH[hash];
    return o ? { oid: o, params: undefined, der: a.der } : `no RSA signature OID for ${hash}`;
  }
  if (a.oid === OID_EC_PUBLIC_KEY) {
    const o = ECDSA_WITH[hash];
    return o ? { oid: o, params: undefined, der: a.der } : `no ECDSA signature OID for ${hash}`;
  }
  const info = describeSignatureAlgorithm(a.oid, a.params);
  if (info.family === 'RSA-PSS') {
    try {
      strictPssParams(a.params);
      const p = readPssParams(a.params);
      if (p.hash !== hash) return `RSASSA-PSS hash ${p.hash} differs from the digest algorithm ${hash}`;
    } catch {
      return 'malformed RSASSA-PSS parameters';
    }
    return a;
  }
  if ((info.family === 'RSA' || info.family === 'ECDSA') && info.hash !== hash) return `${info.name} does not use the digest algorithm ${hash}`;
  if (info.family === 'RSA' && !isNullOrAbsent) return 'RSA algorithm parameters must be NULL';
  return a;
}

/** RFC 4055 §3.1 form of RSASSA-PSS-params: context tags [0]..[3] in order, NULL-or-absent hash parameters. */
function strictPssParams(params: Node | undefined): void {
  if (params === undefined) throw new Asn1Error('RSASSA-PSS parameters are required in CMS');
  const hashAlg = (n: Node | undefined): void => {
    const h = readAlgorithm(n, 'hash');
    if (h.params !== undefined && !isUniversal(h.params, 5)) throw new Asn1Error('hash parameters must be absent or NULL');
  };
  let last = -1;
  for (const f of sequence(params, 'RSASSA-PSS-params')) {
    const t = [0, 1, 2, 3].find((k) => isContext(f, k));
    if (t === undefined || t <= last) throw new Asn1Error('RSASSA-PSS-params: unexpected field');
    last = t;
    const inner = children(f, 'RSASSA-PSS-params field');
    if (inner.length !== 1) throw new Asn1Error('RSASSA-PSS-params: one value per field');
    if (t === 0) hashAlg(inner[0]);
    else if (t === 1) {
      const m = readAlgorithm(inner[0], 'maskGenAlgorithm');
      if (m.oid !== '1.2.840.113549.1.1.8') throw new Asn1Error('only MGF1 is supported');
      hashAlg(m.params);
    } else if (t === 2) integerBytes(inner[0], 'saltLength');
    else if (smallInt(inner[0], 'trailerField') !== 1) throw new Asn1Error('trailerField must be 1');
  }
}

/** Reads ESS signing-certificate(-v2): the first ESSCertID must hash the signer certificate. */
async function essBinding(attrs: RawAttribute[], cert: CertificateRecord): Promise<CmsCheck | undefined> {
  const v1 = attribute(attrs, OID_SIGNING_CERTIFICATE);
  const v2 = attribute(attrs, OID_SIGNING_CERTIFICATE_V2);
  if (v1.length === 0 && v2.length === 0) return undefined;
  const fail: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication] = ['TOTAL_FAILED', 'SIG_CONSTRAINTS_FAILURE'];
  if (v1.length + v2.length > 1 || (v1[0] ?? v2[0])!.values.length !== 1) {
    return check('CMS_SIGNING_CERTIFICATE', 'FAILED', 'Thuộc tính signing-certificate xuất hiện nhiều lần', 'the signing-certificate attribute is repeated', fail);
  }
  const isV2 = v2.length === 1;
  const value = (isV2 ? v2[0]! : v1[0]!).values[0]!;
  let hash: HashName = isV2 ? 'SHA-256' : 'SHA-1';
  let certHash: Uint8Array;
  let serial: Uint8Array | undefined;
  try {
    const certs = sequence(sequence(value, 'SigningCertificate')[0], 'certs');
    const first = sequence(certs[0], 'ESSCertID');
    let i = 0;
    if (isV2 && isUniversal(first[0], 16)) {
      const h = HASH_BY_OID[readAlgorithm(first[i++], 'hashAlgorithm').oid];
      if (!h) return check('CMS_SIGNING_CERTIFICATE', 'FAILED', 'Thuật toán băm của signing-certificate-v2 không được hỗ trợ', 'unsupported signing-certificate-v2 hash algorithm', ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
      hash = h;
    }
    certHash = octets(first[i++], 'certHash');
    if (first[i]) serial = integerBytes(sequence(first[i], 'IssuerSerial')[1], 'serialNumber');
  } catch {
    return check('CMS_SIGNING_CERTIFICATE', 'FAILED', 'Thuộc tính signing-certificate không đúng định dạng', 'malformed signing-certificate attribute', ['TOTAL_FAILED', 'FORMAT_FAILURE']);
  }
  if (!WEBCRYPTO_DIGESTS.has(hash)) return check('CMS_SIGNING_CERTIFICATE', 'FAILED', `Không hỗ trợ ${hash}`, `${hash} is not supported`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
  const actual = hash === 'SHA-256' ? fromHex(cert.sha256) : await digest(hash, cert.der);
  const details = { attribute: isV2 ? 'signing-certificate-v2' : 'signing-certificate', hash, expected: toHex(certHash), actual: toHex(actual) };
  if (!bytesEqual(actual, certHash) || (serial !== undefined && toHex(serial) !== cert.view.serialNumber)) {
    return check('CMS_SIGNING_CERTIFICATE', 'FAILED', 'Chứng thư của người ký không khớp thuộc tính signing-certificate', 'the signer certificate does not match the signing-certificate attribute', fail, details);
  }
  return check('CMS_SIGNING_CERTIFICATE', 'PASSED', 'Thuộc tính signing-certificate ràng buộc đúng chứng thư người ký', 'the signing-certificate attribute binds the signer certificate', undefined, details);
}

/** What the certificate path step needs from the caller's options. */
export interface SignerOptions {
  trustStore: TrustStore;
  crls?: readonly CrlInput[];
  ocspResponses?: readonly OcspInput[];
  cache?: ValidationCache;
  /** Caller-supplied digest of the signed content (see `CmsVerificationOptions.contentDigest`). */
  contentDigest?: ContentDigest;
}

/**
 * A function computing the digest of signed content, used by `verifyCms` instead of WebCrypto for the content only
 * (hàm băm nội dung do bên gọi cung cấp): e.g. `nodeContentDigest` from `vn-egov/node`, which hashes with node's
 * `createHash` without the copy WebCrypto makes. Signatures, certificates and attributes still use WebCrypto.
 * @example
 * ```ts
 * import { nodeContentDigest } from 'vn-egov/node';
 * const report = await verifyCms(p7s, { content, trustStore, contentDigest: nodeContentDigest });
 * ```
 */
export type ContentDigest = (hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const DIGEST_LENGTH: Partial<Record<HashName, number>> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/** The content digest by the caller's function when given (its output length checked), else by WebCrypto. */
async function contentDigestOf(options: SignerOptions, hash: HashName, data: Uint8Array): Promise<Uint8Array> {
  const fn = options.contentDigest;
  if (!fn) return digest(hash, data);
  const out = await fn(hash as 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', data);
  if (!(out instanceof Uint8Array) || out.length !== DIGEST_LENGTH[hash]) {
    throw cmsError('CMS_INVALID_OPTIONS', 'Hàm contentDigest trả về giá trị băm không hợp lệ', `contentDigest returned no ${hash} digest (${DIGEST_LENGTH[hash]} bytes expected)`);
  }
  return out;
}

export interface VerifyContext {
  sd: RawSignedData;
  content: Uint8Array | undefined;
  options: SignerOptions;
  at: number;
  policy: ValidationPolicy;
  /** Extended key usages the signer certificate must allow (e.g. id-kp-timeStamping for a TSA). */
  extendedKeyUsage?: readonly string[];
}

/** The signer's conclusion from its checks and certificate report (first TOTAL_FAILED, else first failure, else the path). */
export function conclude(checks: readonly CmsCheck[], certificateReport: CertificateValidationReport | undefined): { indication: MainIndication; subIndication?: SubIndication } {
  const failed = checks.find((c) => c.status === 'FAILED' && c.indication === 'TOTAL_FAILED') ?? checks.find((c) => c.status === 'FAILED');
  let indication: MainIndication = failed?.indication ?? 'TOTAL_PASSED';
  let sub = failed?.subIndication;
  if (!failed && certificateReport && certificateReport.indication !== 'TOTAL_PASSED') {
    indication = certificateReport.indication;
    sub = certificateReport.subIndication;
  }
  return { indication, ...(sub ? { subIndication: sub } : {}) };
}

/** The CMS_CERTIFICATE_PATH check for a part 1 report. */
export function pathCheck(r: CertificateValidationReport, at?: string): CmsCheck {
  const when = at ? { vi: ` (tại ${at})`, en: ` (at ${at})` } : { vi: '', en: '' };
  return r.indication === 'TOTAL_PASSED'
    ? check('CMS_CERTIFICATE_PATH', 'PASSED', `Đường dẫn chứng thư của người ký hợp lệ${when.vi}`, `the signer certificate path is valid${when.en}`, undefined, at ? { validationTime: at } : undefined)
    : check('CMS_CERTIFICATE_PATH', 'FAILED', `Đường dẫn chứng thư: ${r.message.vi}${when.vi}`, `certificate path: ${r.message.en}${when.en}`,
      [r.indication, r.subIndication ?? 'CERTIFICATE_CHAIN_GENERAL_FAILURE'], at ? { validationTime: at } : undefined);
}

export async function verifySigner(ctx: VerifyContext, si: RawSignerInfo): Promise<CmsSignerReport> {
  const checks: CmsCheck[] = [];
  const hash = HASH_BY_OID[si.digestAlgorithm.oid];
  const sigInfo = describeSignatureAlgorithm(si.signatureAlgorithm.oid, si.signatureAlgorithm.params);
  const base = {
    index: si.index,
    signerIdentifier: si.sid.kind === 'issuerAndSerialNumber'
      ? { issuerAndSerialNumber: { issuer: nameToString(si.sid.issuer.rdns), serialNumber: toHex(si.sid.serial) } }
      : { subjectKeyIdentifier: toHex(si.sid.keyIdentifier) },
    digestAlgorithm: { oid: si.digestAlgorithm.oid, name: hash ?? si.digestAlgorithm.oid },
    signatureAlgorithm: { oid: si.signatureAlgorithm.oid, name: si.signatureAlgorithm.oid === OID_RSA ? 'rsaEncryption' : si.signatureAlgorithm.oid === OID_EC_PUBLIC_KEY ? 'ecPublicKey' : sigInfo.name },
  };
  let signingTime: string | undefined;
  let signer: CmsSignerSummary | undefined;
  let certificateReport: CertificateValidationReport | undefined;
  const finish = (): CmsSignerReport => {
    const { indication, subIndication: sub } = conclude(checks, certificateReport);
    return {
      ...base, timestamps: [], indication, ...(sub ? { subIndication: sub } : {}), message: summary(indication, sub, certificateReport),
      ...(signer ? { signer } : {}), ...(signingTime ? { signingTime } : {}), checks,
      ...(certificateReport ? { certificateReport } : {}),
    };
  };

  // 1. signer certificate
  const found = findSigner(ctx.sd, si);
  if (!found.cert) {
    checks.push(found.ambiguous
      ? check('CMS_SIGNER_IDENTIFIED', 'FAILED', 'Nhiều chứng thư khác nhau khớp với định danh người ký', 'several different certificates match the signer identifier', ['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND'])
      : check('CMS_SIGNER_IDENTIFIED', 'FAILED', 'Không tìm thấy chứng thư của người ký trong SignedData', 'the signer certificate is not among the SignedData certificates', ['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND']));
    return finish();
  }
  const cert = found.cert;
  signer = summarize(cert);
  checks.push(check('CMS_SIGNER_IDENTIFIED', 'PASSED', 'Đã xác định chứng thư của người ký', 'the signer certificate was identified', undefined, { by: si.sid.kind, sha256: cert.view.fingerprints.sha256 }));

  // 2. algorithms
  const p = si.digestAlgorithm.params;
  if ((p !== undefined && !isUniversal(p, 5)) || !ctx.sd.digestAlgorithms.includes(si.digestAlgorithm.oid)) {
    checks.push(check('CMS_SIGNED_ATTRIBUTES', 'FAILED', 'Thuật toán băm của người ký không đúng định dạng hoặc không có trong digestAlgorithms', 'the signer digest algorithm is malformed or not listed in digestAlgorithms', ['TOTAL_FAILED', 'FORMAT_FAILURE']));
    return finish();
  }
  if (!hash || !WEBCRYPTO_DIGESTS.has(hash)) {
    checks.push(check('CMS_CRYPTO_CONSTRAINTS', 'FAILED', `Thuật toán băm ${hash ?? si.digestAlgorithm.oid} không được hỗ trợ`, `digest algorithm ${hash ?? si.digestAlgorithm.oid} is not supported`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']));
    return finish();
  }
  const sigAlg = effectiveSignatureAlgorithm(si, hash);
  if (typeof sigAlg === 'string') {
    checks.push(check('CMS_SIGNATURE_VALUE', 'FAILED', 'Thuật toán chữ ký không nhất quán với thuật toán băm', `inconsistent signature algorithm: ${sigAlg}`, ['TOTAL_FAILED', 'FORMAT_FAILURE']));
    return finish();
  }

  // 3. content
  const data = ctx.content;
  let signedBytes: Uint8Array;
  // The tail of the checks (key usage, digest policy, certificate path) does not depend on the content digest: it is
  // started while WebCrypto hashes the content off the main thread, and its checks are reported in the same order
  // and under the same conditions as before (nothing of it when an earlier check fails).
  let tail: Tail | undefined;
  const startTail = (): Tail => (tail ??= tailChecks(ctx, cert, hash));
  if (si.signedAttrs && si.signedAttrsRaw) {
    // the content digest is started first (WebCrypto hashes in parallel); unused when an attribute check fails
    const pending = data ? contentDigestOf(ctx.options, hash, data) : undefined;
    pending?.catch(() => undefined);
    const attrs = si.signedAttrs;
    const set = si.signedAttrsRaw.slice();
    set[0] = 0x31;
    // the attributes were decoded with the SignedData: only their DER framing is checked here (no second tree)
    const derOk = set.length > 0 && derFramingProblem(set) === undefined;
    const ct = attribute(attrs, OID_CONTENT_TYPE);
    const md = attribute(attrs, OID_MESSAGE_DIGEST);
    const st = attribute(attrs, OID_SIGNING_TIME);
    if (!derOk || ct.length !== 1 || md.length !== 1 || st.length > 1 || ct[0]!.values.length !== 1 || md[0]!.values.length !== 1 || (st[0] && st[0].values.length !== 1)) {
      checks.push(check('CMS_SIGNED_ATTRIBUTES', 'FAILED', 'Thuộc tính ký không đúng định dạng (DER, content-type và message-digest bắt buộc, mỗi loại một giá trị)', 'signed attributes are malformed (DER; content-type and message-digest required, one value each)', ['TOTAL_FAILED', 'FORMAT_FAILURE']));
      return finish();
    }
    checks.push(check('CMS_SIGNED_ATTRIBUTES', 'PASSED', 'Thuộc tính ký đúng định dạng', 'signed attributes are well formed'));
    let ctValue: string;
    let mdValue: Uint8Array;
    try {
      ctValue = oid(ct[0]!.values[0], 'content-type');
      mdValue = octets(md[0]!.values[0], 'message-digest');
      if (st[0]) signingTime = new Date(time(st[0].values[0], 'signing-time')).toISOString();
    } catch {
      checks.push(check('CMS_SIGNED_ATTRIBUTES', 'FAILED', 'Giá trị thuộc tính ký không đúng định dạng', 'a signed attribute value is malformed', ['TOTAL_FAILED', 'FORMAT_FAILURE']));
      return finish();
    }
    if (ctValue !== ctx.sd.eContentType) {
      checks.push(check('CMS_CONTENT_TYPE', 'FAILED', 'Thuộc tính content-type khác kiểu nội dung được ký', 'the content-type attribute differs from eContentType', ['TOTAL_FAILED', 'SIG_CONSTRAINTS_FAILURE'], { attribute: ctValue, eContentType: ctx.sd.eContentType }));
      return finish();
    }
    checks.push(check('CMS_CONTENT_TYPE', 'PASSED', 'Thuộc tính content-type khớp kiểu nội dung', 'the content-type attribute matches eContentType'));
    if (signingTime) checks.push(check('CMS_SIGNING_TIME', 'INFORMATION', `Thời điểm ký do người ký khai: ${signingTime} (không được coi là bằng chứng thời gian)`, `signing time claimed by the signer: ${signingTime} (not a proof of time)`, undefined, { signingTime }));
    // signature first: a bad signature over the attributes is a forgery whatever the content
    // memoised in the caller's cache, keyed by key, algorithm and the hashes of the signed bytes and the signature value
    const memo = ctx.options.cache ? `cms|${cert.spkiSha256}|${sigAlg.oid}|${toHex(sigAlg.der)}|${exactKey(set)}|${exactKey(si.signature)}` : undefined;
    const sv = await verifySignature(cert.spki, sigAlg, set, si.signature, ctx.options.cache, memo);
    if (!sv.ok) {
      checks.push(sv.unsupported
        ? check('CMS_SIGNATURE_VALUE', 'FAILED', 'Thuật toán chữ ký không được hỗ trợ', `unsupported signature algorithm: ${sv.reason}`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'])
        : check('CMS_SIGNATURE_VALUE', 'FAILED', 'Giá trị chữ ký trên thuộc tính ký không đúng', `the signature over the signed attributes does not verify: ${sv.reason}`, ['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']));
      return finish();
    }
    checks.push(check('CMS_SIGNATURE_VALUE', 'PASSED', 'Giá trị chữ ký đúng', 'the signature value verifies', undefined, { algorithm: sigAlg.oid }));
    const ess = await essBinding(attrs, cert);
    if (ess) {
      checks.push(ess);
      if (ess.status === 'FAILED') return finish();
    }
    if (!data) {
      checks.push(check('CMS_CONTENT_PRESENT', 'FAILED', 'Chữ ký tách rời nhưng không có nội dung để kiểm tra', 'detached signature without the signed content', ['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']));
      return finish();
    }
    startTail();
    const actual = await pending!;
    if (!bytesEqual(actual, mdValue)) {
      checks.push(check('CMS_MESSAGE_DIGEST', 'FAILED', 'Giá trị băm của nội dung khác thuộc tính message-digest', 'the content digest differs from the message-digest attribute', ['TOTAL_FAILED', 'HASH_FAILURE'], { expected: toHex(mdValue), actual: toHex(actual) }));
      return finish();
    }
    checks.push(check('CMS_MESSAGE_DIGEST', 'PASSED', 'Giá trị băm của nội dung khớp', 'the content digest matches the message-digest attribute', undefined, { digest: toHex(actual) }));
  } else {
    // no signed attributes: the signature is over the content itself (RFC 5652 §5.4), only for id-data
    if (ctx.sd.eContentType !== OID_DATA) {
      checks.push(check('CMS_SIGNED_ATTRIBUTES', 'FAILED', 'Thiếu thuộc tính ký với kiểu nội dung khác id-data', 'signed attributes are required when eContentType is not id-data', ['TOTAL_FAILED', 'FORMAT_FAILURE']));
      return finish();
    }
    if (!data) {
      checks.push(check('CMS_CONTENT_PRESENT', 'FAILED', 'Chữ ký tách rời nhưng không có nội dung để kiểm tra', 'detached signature without the signed content', ['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']));
      return finish();
    }
    signedBytes = data;
    const sv = await verifySignature(cert.spki, sigAlg, signedBytes, si.signature, ctx.options.cache);
    if (!sv.ok) {
      checks.push(sv.unsupported
        ? check('CMS_SIGNATURE_VALUE', 'FAILED', 'Thuật toán chữ ký không được hỗ trợ', `unsupported signature algorithm: ${sv.reason}`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'])
        : check('CMS_SIGNATURE_VALUE', 'FAILED', 'Giá trị chữ ký trên nội dung không đúng', `the signature over the content does not verify: ${sv.reason}`, ['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']));
      return finish();
    }
    checks.push(check('CMS_SIGNATURE_VALUE', 'PASSED', 'Giá trị chữ ký đúng', 'the signature value verifies', undefined, { algorithm: sigAlg.oid }));
  }

  // 4.–6. key usage, digest policy and certificate path (started above when the content was hashed)
  const t = startTail();
  checks.push(...t.checks);
  if (!t.path) return finish();
  certificateReport = await t.path;
  checks.push(pathCheck(certificateReport));
  return finish();
}

/** Key usage and digest-policy checks, and the certificate path validation started when they allow it. */
interface Tail {
  checks: CmsCheck[];
  /** Absent when a check stops the signer before its path is validated. */
  path?: Promise<CertificateValidationReport>;
}

function tailChecks(ctx: VerifyContext, cert: CertificateRecord, hash: HashName): Tail {
  const checks: CmsCheck[] = [];
  // 4. key usage of the signer certificate
  const ku = cert.view.extensions.keyUsage;
  if (ku && !ku.usages.includes('digitalSignature') && !ku.usages.includes('nonRepudiation')) {
    checks.push(check('CMS_KEY_USAGE', 'FAILED', 'Chứng thư người ký không có mục đích digitalSignature hoặc nonRepudiation', 'the signer certificate has neither digitalSignature nor nonRepudiation key usage', ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']));
    return { checks };
  }

  // 5. crypto constraints of the digest (policy)
  const cp = cryptoProblems(ctx.policy, hash, [], ctx.at);
  if (cp.hard.length) {
    checks.push(check('CMS_CRYPTO_CONSTRAINTS', 'FAILED', `Thuật toán băm ${hash} không được chính sách chấp nhận`, `digest ${hash} is not accepted by the policy: ${cp.hard.join('; ')}`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']));
  } else if (cp.soft.length) {
    checks.push(check('CMS_CRYPTO_CONSTRAINTS', 'WARNING', `Thuật toán băm ${hash} sắp hết hạn sử dụng`, `digest ${hash}: ${cp.soft.join('; ')}`));
  } else checks.push(check('CMS_CRYPTO_CONSTRAINTS', 'PASSED', `Thuật toán băm ${hash} được chấp nhận`, `digest ${hash} is accepted`));

  // 6. certificate path (part 1), at the validation time
  const o = ctx.options;
  const path = validateCertificatePath({
    certificate: cert.der,
    intermediates: ctx.sd.certificates.filter((c) => c !== cert).map((c) => c.der),
    trustStore: o.trustStore,
    at: new Date(ctx.at),
    // the default policy is validateCertificatePath's own default: not passing it skips re-validating its schema
    ...(ctx.policy !== vietnameseEgovPolicy ? { policy: ctx.policy } : {}),
    ...(o.crls ? { crls: o.crls } : {}),
    ...(o.ocspResponses ? { ocspResponses: o.ocspResponses } : {}),
    ...(o.cache ? { cache: o.cache } : {}),
    ...(ctx.extendedKeyUsage ? { extendedKeyUsage: ctx.extendedKeyUsage } : {}),
  });
  // a speculative run whose result is dropped (the content digest failed) must not surface as an unhandled rejection;
  // when it is used, the caller's await still sees the error
  path.catch(() => undefined);
  return { checks, path };
}

