/**
 * `verifyCms`: verification of CMS / PKCS#7 SignedData (chữ ký số CMS), attached or detached, one ETSI EN 319 102-1
 * style report per signer. Structures are read with asn1js (`parse.ts`); each SignerInfo is checked by `signer.ts`
 * (digests and signatures with WebCrypto, the certificate path through part 1's `validateCertificatePath`).
 */
import { Asn1Error } from '../asn1.js';
import { bytesEqual } from '../bytes.js';
import { isVnEgovError } from '../../errors/index.js';
import type { CrlInput } from '../crl.js';
import type { OcspInput } from '../ocsp.js';
import { decodePem } from '../pem.js';
import type { CertificateValidationReport, LocalizedMessage, MainIndication, SubIndication } from '../report.js';
import type { ValidationCache } from '../signature-verification.js';
import type { TrustStore } from '../trust-store.js';
import { vietnameseEgovPolicy, type ValidationPolicy } from '../validation-policy.js';
import type { VnCertificateInfo } from '../vn-identifiers.js';
import { cmsError } from './errors.js';
import { NotSignedDataError, parseSignedData, type RawSignedData } from './parse.js';
import { MAIN, summary, toBytes, verifySigner, type ContentDigest, type VerifyContext } from './signer.js';
import { applySignatureTimestamps } from './signature-timestamps.js';
import type { TimestampVerificationReport } from '../timestamp/verify-timestamp.js';

/**
 * A signature, content or CMS input: PEM text (`-----BEGIN PKCS7-----` or `-----BEGIN CMS-----`), DER bytes or an
 * `ArrayBuffer`.
 * @example
 * ```ts
 * const input: CmsInput = readFileSync('van-ban.p7s');
 * ```
 */
export type CmsInput = string | Uint8Array | ArrayBuffer;

/**
 * Options of {@link verifyCms}.
 * @example
 * ```ts
 * const options: CmsVerificationOptions = { content: pdfBytes, trustStore, at: '2026-03-01T09:00:00+07:00' };
 * ```
 */
export interface CmsVerificationOptions {
  /** The signed content for a detached signature (a string is taken as its UTF-8 bytes). */
  content?: Uint8Array | ArrayBuffer | string;
  trustStore: TrustStore;
  /** Validation time of the certificate path; defaults to now. The signing-time attribute is never trusted. */
  at?: Date | string;
  policy?: ValidationPolicy;
  crls?: readonly CrlInput[];
  ocspResponses?: readonly OcspInput[];
  /** Reusable cache (see `createValidationCache`). */
  cache?: ValidationCache;
  /**
   * Digest of the signed content by the caller instead of WebCrypto (e.g. `nodeContentDigest` from `vn-egov/node`,
   * node's `createHash` without WebCrypto's copy of the content); its output length is checked.
   */
  contentDigest?: ContentDigest;
}

/**
 * Stable ids of the CMS checks (mã kiểm tra chữ ký CMS).
 * @example
 * ```ts
 * const digestCheck = report.signers[0]?.checks.find((c) => c.id === ('CMS_MESSAGE_DIGEST' satisfies CmsCheckId));
 * ```
 */
export type CmsCheckId =
  | 'CMS_SIGNER_IDENTIFIED' | 'CMS_SIGNED_ATTRIBUTES' | 'CMS_CONTENT_TYPE' | 'CMS_CONTENT_PRESENT' | 'CMS_MESSAGE_DIGEST'
  | 'CMS_SIGNATURE_VALUE' | 'CMS_SIGNING_CERTIFICATE' | 'CMS_SIGNING_TIME' | 'CMS_CRYPTO_CONSTRAINTS' | 'CMS_KEY_USAGE'
  | 'CMS_CERTIFICATE_PATH' | 'CMS_SIGNATURE_TIMESTAMP' | 'CMS_TIMESTAMP_ORDER' | 'CMS_PROOF_OF_EXISTENCE'
  | 'CMS_CONTENT_TIMESTAMP';

/**
 * One check of a signer's report.
 * @example
 * ```ts
 * const failures = signer.checks.filter((c: CmsCheck) => c.status === 'FAILED').map((c) => c.message.vi);
 * ```
 */
export interface CmsCheck {
  id: CmsCheckId;
  status: 'PASSED' | 'FAILED' | 'WARNING' | 'INFORMATION';
  /** What a failure means. */
  indication?: Exclude<MainIndication, 'TOTAL_PASSED'>;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  details?: Record<string, string>;
}

/**
 * The signer's certificate, summarised for display, with its Vietnamese identifiers (MST, CCCD…).
 * @example
 * ```ts
 * const who = (s: CmsSignerSummary) => `${s.commonName ?? s.subject} (MST ${s.vn.mst ?? '—'})`;
 * ```
 */
export interface CmsSignerSummary {
  subject: string;
  commonName?: string;
  organization?: string;
  issuer: string;
  serialNumber: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  vn: VnCertificateInfo;
}

/**
 * The report of one SignerInfo (báo cáo cho một người ký).
 * @example
 * ```ts
 * for (const s of report.signers) console.log(s.signer?.commonName, s.indication, s.message.vi);
 * ```
 */
export interface CmsSignerReport {
  /** Position of the SignerInfo in the SignedData (0-based). */
  index: number;
  indication: MainIndication;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  /** Absent when the signer certificate could not be identified. */
  signer?: CmsSignerSummary;
  /** How the SignerInfo identifies its certificate. */
  signerIdentifier: { issuerAndSerialNumber?: { issuer: string; serialNumber: string }; subjectKeyIdentifier?: string };
  /** The signing-time attribute (ISO 8601 UTC): claimed by the signer, reported but not trusted. */
  signingTime?: string;
  digestAlgorithm: { oid: string; name: string };
  signatureAlgorithm: { oid: string; name: string };
  checks: CmsCheck[];
  /**
   * Part 1 report of the signer's certificate path (absent when the signature itself failed first); validated at the
   * proof-of-existence time when `proofOfExistence` is present.
   */
  certificateReport?: CertificateValidationReport;
  /** The signature time-stamps (id-aa-signatureTimeStampToken, CAdES-T) over this signer's signature value. */
  timestamps: TimestampVerificationReport[];
  /**
   * Set when a valid signature time-stamp was used as proof of existence (ETSI EN 319 102-1 §5.6.2) because the
   * certificate path failed at the validation time (revoked or expired since): its time, and the report at `at`.
   */
  proofOfExistence?: { time: string; source: 'SIGNATURE_TIMESTAMP'; currentTimeCertificateReport: CertificateValidationReport };
  /** Content time-stamps (id-aa-ets-contentTimestamp signed attributes), when present: time-stamps over the content. */
  contentTimestamps?: TimestampVerificationReport[];
}

/**
 * The report of {@link verifyCms}: one entry per signer plus the overall conclusion (the worst of the signers).
 * @example
 * ```ts
 * const r: CmsVerificationReport = await verifyCms(p7s, { content, trustStore });
 * if (r.indication === 'TOTAL_PASSED') console.log('Hợp lệ');
 * ```
 */
export interface CmsVerificationReport {
  indication: MainIndication;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  /** True when the content was encapsulated in the SignedData. */
  attached: boolean;
  eContentType: string;
  /** Validation time used (ISO 8601 UTC). */
  validationTime: string;
  signers: CmsSignerReport[];
}


/** PEM (PKCS7 / CMS label) or DER → DER. */
function signatureDer(input: unknown): Uint8Array {
  let text: string | undefined;
  if (typeof input === 'string') text = input;
  else if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const b = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    if (b.length > 0 && b[0] === 0x30) return b;
    text = new TextDecoder('utf-8').decode(b);
    if (!text.includes('-----BEGIN')) throw cmsError('CMS_MALFORMED', 'Dữ liệu không phải là CMS (DER hoặc PEM)', 'input is neither DER nor PEM CMS');
  } else {
    throw cmsError('CMS_INVALID_INPUT_TYPE', 'Kiểu dữ liệu chữ ký không được hỗ trợ', 'signature must be a PEM string, Uint8Array or ArrayBuffer');
  }
  let blocks;
  try {
    blocks = decodePem(text);
  } catch (e) {
    throw cmsError('CMS_INVALID_PEM', 'Văn bản PEM không đọc được', 'unreadable PEM text', e);
  }
  const ok = blocks.filter((b) => b.label === 'PKCS7' || b.label === 'CMS');
  if (ok.length !== 1) throw cmsError('CMS_INVALID_PEM', 'Cần đúng một khối PEM PKCS7 hoặc CMS', 'exactly one PKCS7 or CMS PEM block is expected');
  return ok[0]!.der;
}

function parseAt(at: Date | string | undefined): number {
  if (at === undefined) return Date.now();
  const t = at instanceof Date ? at.getTime() : typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at) ? Date.parse(at) : NaN;
  if (!Number.isFinite(t)) throw cmsError('CMS_INVALID_OPTIONS', 'Thời điểm kiểm tra không hợp lệ', '`at` must be a Date or an ISO 8601 date-time');
  return t;
}


/**
 * Verifies a CMS / PKCS#7 SignedData (kiểm tra chữ ký số CMS), attached or detached, DER or PEM (`PKCS7` / `CMS`).
 * For every SignerInfo: the signer certificate (issuer+serial or SKI, ambiguous matches rejected), the content-type
 * and message-digest attributes, the signature over the DER `SET OF` signed attributes (RSA PKCS#1 v1.5, RSA-PSS,
 * ECDSA with strict DER), ESS signing-certificate(-v2) binding, the signing-time (reported, not trusted), the digest
 * against the policy, then the signer's certificate path with `validateCertificatePath` at `at`.
 *
 * Malformed input throws `VnEgovError` with a {@link CmsErrorCode}; a well-formed but bad signature gives a report
 * (TOTAL_FAILED with HASH_FAILURE / SIG_CRYPTO_FAILURE…, or INDETERMINATE such as SIGNED_DATA_NOT_FOUND when the
 * detached content is missing). The overall indication is the worst of the signers'.
 *
 * @example
 * ```ts
 * const trustStore = createTrustStore({ anchors: vietnameseTrustAnchors });
 * const report = await verifyCms(p7sBytes, { content: documentBytes, trustStore });
 * for (const s of report.signers) console.log(s.signer?.commonName, s.signer?.vn.mst, s.indication, s.message.vi);
 * ```
 */
export async function verifyCms(signature: CmsInput, options: CmsVerificationOptions): Promise<CmsVerificationReport> {
  if (typeof options !== 'object' || options === null || typeof options.trustStore !== 'object' || options.trustStore === null) {
    throw cmsError('CMS_INVALID_OPTIONS', 'Thiếu kho tin cậy (trustStore)', 'options.trustStore is required');
  }
  if (options.contentDigest !== undefined && typeof options.contentDigest !== 'function') {
    throw cmsError('CMS_INVALID_OPTIONS', 'contentDigest phải là một hàm', 'options.contentDigest must be a function');
  }
  const at = parseAt(options.at);
  const detached = options.content === undefined ? undefined : toBytes(options.content, 'content');
  const der = signatureDer(signature);
  let sd: RawSignedData;
  try {
    sd = parseSignedData(der, options.cache?.certificates);
  } catch (e) {
    if (e instanceof NotSignedDataError) throw cmsError('CMS_NOT_SIGNED_DATA', 'ContentInfo không chứa SignedData', e.message, e);
    if (e instanceof Asn1Error) throw cmsError('CMS_MALFORMED', 'Cấu trúc CMS không đúng định dạng', e.message, e);
    if (isVnEgovError(e)) throw cmsError('CMS_MALFORMED', 'Chứng thư trong CMS không đúng định dạng', `embedded certificate: ${e.message}`, e);
    throw cmsError('CMS_MALFORMED', 'Cấu trúc CMS không đọc được', e instanceof Error ? e.message : 'undecodable', e);
  }
  if (sd.signerInfos.length === 0) throw cmsError('CMS_NO_SIGNER', 'SignedData không có người ký', 'the SignedData has no SignerInfo');
  if (sd.eContent && detached && !bytesEqual(sd.eContent, detached)) {
    throw cmsError('CMS_CONTENT_CONFLICT', 'Nội dung truyền vào khác nội dung đóng gói trong chữ ký', 'the content option differs from the encapsulated content');
  }
  const ctx: VerifyContext = { sd, content: sd.eContent ?? detached, options, at, policy: options.policy ?? vietnameseEgovPolicy };
  const signers: CmsSignerReport[] = [];
  for (const si of sd.signerInfos) signers.push(await applySignatureTimestamps(ctx, si, await verifySigner(ctx, si)));
  const worst = signers.find((s) => s.indication === 'TOTAL_FAILED') ?? signers.find((s) => s.indication === 'INDETERMINATE');
  const indication = worst?.indication ?? 'TOTAL_PASSED';
  return {
    indication, ...(worst?.subIndication ? { subIndication: worst.subIndication } : {}),
    message: signers.length > 1 && worst
      ? { vi: `${MAIN[indication].vi} (người ký thứ ${worst.index + 1})`, en: `${MAIN[indication].en} (signer ${worst.index + 1})` }
      : summary(indication, worst?.subIndication, worst?.certificateReport),
    attached: sd.eContent !== undefined, eContentType: sd.eContentType, validationTime: new Date(at).toISOString(), signers,
  };
}

