/**
 * ETSI EN 319 102-1 style validation reports (báo cáo kiểm tra): main indication TOTAL_PASSED / TOTAL_FAILED /
 * INDETERMINATE with the standard sub-indications (signatures.md §3.2), the chosen path, and every check with its
 * outcome and a message in Vietnamese and English.
 */
import type { CheckId, CheckLevel } from './validation-policy.js';

/**
 * Main indications (EN 319 102-1 §5.1.3).
 * @example
 * ```ts
 * const ok = (i: MainIndication) => i === 'TOTAL_PASSED';
 * ```
 */
export type MainIndication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

/**
 * Sub-indications (EN 319 102-1 §5.1.3; the 25 values of EU DSS SubIndication).
 * @example
 * ```ts
 * if (report.subIndication === 'TRY_LATER') scheduleRetry();
 * ```
 */
export type SubIndication =
  | 'FORMAT_FAILURE' | 'HASH_FAILURE' | 'SIG_CRYPTO_FAILURE' | 'REVOKED' | 'EXPIRED' | 'NOT_YET_VALID'
  | 'SIG_CONSTRAINTS_FAILURE' | 'CHAIN_CONSTRAINTS_FAILURE' | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE' | 'POLICY_PROCESSING_ERROR' | 'SIGNATURE_POLICY_NOT_AVAILABLE' | 'TIMESTAMP_ORDER_FAILURE'
  | 'NO_SIGNING_CERTIFICATE_FOUND' | 'NO_CERTIFICATE_CHAIN_FOUND' | 'NO_CERTIFICATE_CHAIN_FOUND_NO_POE' | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE' | 'OUT_OF_BOUNDS_NOT_REVOKED' | 'OUT_OF_BOUNDS_NO_POE' | 'REVOCATION_OUT_OF_BOUNDS_NO_POE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE' | 'NO_POE' | 'TRY_LATER' | 'SIGNED_DATA_NOT_FOUND';

/**
 * Outcome of one check.
 * @example
 * ```ts
 * const failed = report.checks.some((c) => c.status === ('FAILED' satisfies CheckStatus));
 * ```
 */
export type CheckStatus = 'PASSED' | 'FAILED' | 'WARNING' | 'INFORMATION';

/**
 * A bilingual message (Vietnamese required for display by TT 15/2025, signatures.md §1.3).
 * @example
 * ```ts
 * const text = (m: LocalizedMessage, lang: 'vi' | 'en') => m[lang];
 * ```
 */
export interface LocalizedMessage {
  vi: string;
  en: string;
}

/**
 * One check of the report (một bước kiểm tra).
 * @example
 * ```ts
 * const problems = report.checks.filter((c: CheckResult) => c.status !== 'PASSED').map((c) => c.message.vi);
 * ```
 */
export interface CheckResult {
  /** Stable id, usable as a policy key. */
  id: CheckId;
  status: CheckStatus;
  /** Level the policy gave this check. */
  level: CheckLevel;
  /** Position in the chosen path: 0 = trust anchor, last = target certificate; absent for path-wide checks. */
  certificateIndex?: number;
  /** Subject of the certificate concerned (display). */
  subject?: string;
  /** What a failure of this check means, when it fails at level FAIL. */
  indication?: Exclude<MainIndication, 'TOTAL_PASSED'>;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  /** Machine-readable details (reason, dates, OIDs…). */
  details?: Record<string, string>;
}

/**
 * A certificate of the chosen path, for display.
 * @example
 * ```ts
 * report.path.map((p: PathCertificate) => `${p.subject} (${p.notAfter})`);
 * ```
 */
export interface PathCertificate {
  subject: string;
  issuer: string;
  serialNumber: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  /** True for the trust anchor. */
  trusted: boolean;
  /** Id of the trust anchor entry, for the anchor. */
  trustAnchorId?: string;
}

/**
 * Revocation status found for one certificate.
 * @example
 * ```ts
 * report.revocation.filter((r: RevocationStatus) => r.status === 'revoked').map((r) => r.revocationDate);
 * ```
 */
export interface RevocationStatus {
  certificateIndex: number;
  status: 'good' | 'revoked' | 'on-hold' | 'unknown' | 'not-checked';
  source?: 'CRL' | 'OCSP';
  revocationDate?: string;
  reason?: string;
  /** thisUpdate of the CRL / OCSP response used. */
  producedAt?: string;
}

/**
 * The validation report of a certificate path (báo cáo kiểm tra đường dẫn chứng thư).
 * @example
 * ```ts
 * const report: CertificateValidationReport = await validateCertificatePath({ certificate, trustStore });
 * if (report.indication === 'TOTAL_PASSED') console.log(report.path.at(-1)?.subject);
 * ```
 */
export interface CertificateValidationReport {
  indication: MainIndication;
  subIndication?: SubIndication;
  /** Summary message of the conclusion. */
  message: LocalizedMessage;
  /** Validation time used (ISO 8601 UTC). */
  validationTime: string;
  policy: { name: string; description: string };
  /** The chosen path, trust anchor first (empty when none was found). */
  path: PathCertificate[];
  /** Number of candidate paths built and tried. */
  candidatePaths: number;
  /** Every check of the chosen (or best failing) path, in order. */
  checks: CheckResult[];
  revocation: RevocationStatus[];
  /** Authority-constrained policies of the path (RFC 5280 §6.1.6); empty when none or no path. */
  validPolicies: string[];
}

const SUMMARY: Record<MainIndication, LocalizedMessage> = {
  TOTAL_PASSED: { vi: 'Chứng thư số hợp lệ', en: 'The certificate is valid' },
  TOTAL_FAILED: { vi: 'Chứng thư số không hợp lệ', en: 'The certificate is not valid' },
  INDETERMINATE: { vi: 'Chưa xác định được tính hợp lệ của chứng thư số', en: 'The validity of the certificate cannot be established' },
};

const SUB: Partial<Record<SubIndication, LocalizedMessage>> = {
  NO_CERTIFICATE_CHAIN_FOUND: { vi: 'không tìm thấy đường dẫn tới điểm tin cậy', en: 'no certificate chain to a trust anchor was found' },
  REVOKED: { vi: 'chứng thư đã bị thu hồi', en: 'the certificate has been revoked' },
  REVOKED_NO_POE: { vi: 'chứng thư đã bị thu hồi, không có bằng chứng tồn tại trước thời điểm thu hồi', en: 'the certificate was revoked and there is no proof of existence before the revocation' },
  REVOKED_CA_NO_POE: { vi: 'chứng thư CA trong đường dẫn đã bị thu hồi', en: 'a CA certificate of the path has been revoked' },
  EXPIRED: { vi: 'chứng thư đã hết hạn tại thời điểm kiểm tra', en: 'the certificate had expired at the validation time' },
  NOT_YET_VALID: { vi: 'chứng thư chưa có hiệu lực tại thời điểm kiểm tra', en: 'the certificate was not yet valid at the validation time' },
  OUT_OF_BOUNDS_NO_POE: { vi: 'thời điểm kiểm tra nằm ngoài thời hạn của chứng thư trong đường dẫn', en: 'the validation time is outside the validity of a path certificate' },
  CRYPTO_CONSTRAINTS_FAILURE: { vi: 'thuật toán hoặc độ dài khóa không được chính sách chấp nhận', en: 'an algorithm or key size is not accepted by the policy' },
  CHAIN_CONSTRAINTS_FAILURE: { vi: 'đường dẫn vi phạm ràng buộc của chứng thư', en: 'the path violates a certificate constraint' },
  CERTIFICATE_CHAIN_GENERAL_FAILURE: { vi: 'đường dẫn chứng thư không hợp lệ', en: 'the certificate chain is not valid' },
  TRY_LATER: { vi: 'chưa có thông tin trạng thái thu hồi phù hợp, hãy thử lại sau', en: 'no acceptable revocation information yet; try later' },
  SIG_CRYPTO_FAILURE: { vi: 'chữ ký trên chứng thư không đúng', en: 'a certificate signature does not verify' },
  FORMAT_FAILURE: { vi: 'dữ liệu không đúng định dạng', en: 'the data is malformed' },
};

/** Bilingual summary of a conclusion. Internal. */
export function summaryMessage(indication: MainIndication, sub: SubIndication | undefined): LocalizedMessage {
  const base = SUMMARY[indication];
  const s = sub ? SUB[sub] : undefined;
  if (!s) return base;
  return { vi: `${base.vi}: ${s.vi}`, en: `${base.en}: ${s.en}` };
}

type Template = (d: Record<string, string>) => LocalizedMessage;

/** Messages per check id: [passed, failed]. */
export const CHECK_MESSAGES: Record<CheckId, [Template, Template]> = {
  CHAIN_FOUND: [
    (d) => ({ vi: `Đã dựng đường dẫn chứng thư (${d['length']} chứng thư)`, en: `Certificate path built (${d['length']} certificates)` }),
    (d) => ({ vi: `Không dựng được đường dẫn tới điểm tin cậy: ${d['reason']}`, en: `No path to a trust anchor: ${d['reason']}` }),
  ],
  TRUST_ANCHOR: [
    (d) => ({ vi: `Điểm tin cậy: ${d['anchor']}`, en: `Trust anchor: ${d['anchor']}` }),
    () => ({ vi: 'Không có điểm tin cậy', en: 'No trust anchor' }),
  ],
  SIGNATURE: [
    () => ({ vi: 'Chữ ký của tổ chức cấp trên chứng thư đúng', en: 'The issuer signature on the certificate verifies' }),
    (d) => ({ vi: `Chữ ký trên chứng thư không đúng (${d['reason']})`, en: `The certificate signature does not verify (${d['reason']})` }),
  ],
  SIGNATURE_ALGORITHM_MATCH: [
    () => ({ vi: 'Thuật toán chữ ký khớp trong và ngoài TBSCertificate', en: 'Signature algorithm matches inside and outside TBSCertificate' }),
    () => ({ vi: 'Thuật toán chữ ký trong và ngoài TBSCertificate khác nhau (RFC 5280 §4.1.1.2)', en: 'Signature algorithm differs inside and outside TBSCertificate (RFC 5280 §4.1.1.2)' }),
  ],
  VALIDITY: [
    (d) => ({ vi: `Chứng thư còn hiệu lực tại ${d['time']}`, en: `The certificate is within its validity period at ${d['time']}` }),
    (d) => ({ vi: `Chứng thư ${d['state'] === 'expired' ? 'đã hết hạn' : 'chưa có hiệu lực'} tại ${d['time']} (hiệu lực ${d['notBefore']} – ${d['notAfter']})`, en: `The certificate is ${d['state'] === 'expired' ? 'expired' : 'not yet valid'} at ${d['time']} (valid ${d['notBefore']} – ${d['notAfter']})` }),
  ],
  NAME_CHAINING: [
    () => ({ vi: 'Tên tổ chức cấp khớp với chủ thể của chứng thư cấp trên', en: 'Issuer name matches the subject of the issuing certificate' }),
    () => ({ vi: 'Tên tổ chức cấp không khớp với chứng thư cấp trên', en: 'Issuer name does not match the issuing certificate' }),
  ],
  REVOCATION: [
    (d) =>
      d['source'] === undefined
        ? { vi: 'Chính sách không yêu cầu kiểm tra trạng thái thu hồi của chứng thư này', en: 'The policy does not require revocation checking for this certificate' }
        : { vi: `Chứng thư chưa bị thu hồi (theo ${d['source']})`, en: `The certificate is not revoked (according to ${d['source']})` },
    (d) => ({ vi: `Trạng thái thu hồi: ${d['vi'] ?? d['reason']}`, en: `Revocation status: ${d['reason']}` }),
  ],
  NAME_CONSTRAINTS: [
    () => ({ vi: 'Tên trong chứng thư thỏa ràng buộc tên', en: 'Names satisfy the name constraints' }),
    (d) => ({ vi: `Vi phạm ràng buộc tên: ${d['name']} (${d['reason']})`, en: `Name constraint violated: ${d['name']} (${d['reason']})` }),
  ],
  CERTIFICATE_POLICIES: [
    (d) => ({ vi: `Chính sách chứng thư hợp lệ: ${d['policies'] ?? ''}`, en: `Certificate policies valid: ${d['policies'] ?? ''}` }),
    (d) => ({ vi: `Không có chính sách chứng thư hợp lệ cho đường dẫn (${d['reason']})`, en: `No acceptable certificate policy for the path (${d['reason']})` }),
  ],
  POLICY_MAPPING: [
    () => ({ vi: 'Ánh xạ chính sách hợp lệ', en: 'Policy mappings are valid' }),
    () => ({ vi: 'Ánh xạ chính sách tới hoặc từ anyPolicy bị cấm', en: 'Policy mapping to or from anyPolicy is forbidden' }),
  ],
  BASIC_CONSTRAINTS: [
    () => ({ vi: 'Chứng thư là chứng thư CA (basicConstraints cA)', en: 'The certificate is a CA certificate (basicConstraints cA)' }),
    () => ({ vi: 'Chứng thư cấp phát không phải chứng thư CA', en: 'The issuing certificate is not a CA certificate' }),
  ],
  PATH_LENGTH: [
    () => ({ vi: 'Độ dài đường dẫn trong giới hạn pathLenConstraint', en: 'Path length within pathLenConstraint' }),
    () => ({ vi: 'Vượt quá giới hạn pathLenConstraint', en: 'pathLenConstraint exceeded' }),
  ],
  KEY_CERT_SIGN: [
    () => ({ vi: 'Khóa được phép ký chứng thư (keyCertSign)', en: 'Key may sign certificates (keyCertSign)' }),
    () => ({ vi: 'Khóa CA không có quyền keyCertSign', en: 'CA key lacks keyCertSign' }),
  ],
  CRITICAL_EXTENSIONS: [
    () => ({ vi: 'Mọi phần mở rộng quan trọng đều được xử lý', en: 'All critical extensions are processed' }),
    (d) => ({ vi: `Phần mở rộng quan trọng không được hỗ trợ: ${d['oids']}`, en: `Unsupported critical extension: ${d['oids']}` }),
  ],
  LEAF_KEY_USAGE: [
    () => ({ vi: 'Mục đích sử dụng khóa phù hợp', en: 'Key usage is acceptable' }),
    (d) => ({ vi: `Thiếu mục đích sử dụng khóa: ${d['missing']}`, en: `Missing key usage: ${d['missing']}` }),
  ],
  LEAF_EXTENDED_KEY_USAGE: [
    () => ({ vi: 'Mục đích sử dụng khóa mở rộng phù hợp', en: 'Extended key usage is acceptable' }),
    (d) => ({ vi: `Thiếu mục đích sử dụng khóa mở rộng: ${d['missing']}`, en: `Missing extended key usage: ${d['missing']}` }),
  ],
  CA_EXTENDED_KEY_USAGE: [
    () => ({ vi: 'EKU của chứng thư CA cho phép mục đích yêu cầu', en: 'CA EKU allows the requested purpose' }),
    (d) => ({ vi: `EKU của chứng thư CA không cho phép ${d['missing']}`, en: `CA EKU does not allow ${d['missing']}` }),
  ],
  CRYPTO_CONSTRAINTS: [
    (d) => ({ vi: `Thuật toán được chấp nhận (${d['algorithm']}, khóa ${d['key']})`, en: `Algorithms accepted (${d['algorithm']}, key ${d['key']})` }),
    (d) => ({ vi: `Thuật toán hoặc khóa không được chấp nhận: ${d['reason']}`, en: `Algorithm or key not accepted: ${d['reason']}` }),
  ],
  MAX_PATH_LENGTH: [
    () => ({ vi: 'Độ dài đường dẫn trong giới hạn của chính sách', en: 'Path length within the policy limit' }),
    (d) => ({ vi: `Đường dẫn dài hơn giới hạn ${d['max']}`, en: `Path longer than the limit ${d['max']}` }),
  ],
  TRUST_ANCHOR_VALIDITY: [
    () => ({ vi: 'Chứng thư gốc còn hiệu lực', en: 'The trust anchor certificate is within its validity period' }),
    (d) => ({ vi: `Chứng thư gốc không còn hiệu lực tại ${d['time']}`, en: `The trust anchor certificate is not valid at ${d['time']}` }),
  ],
  TRUST_ANCHOR_CA: [
    () => ({ vi: 'Chứng thư gốc là chứng thư CA', en: 'The trust anchor certificate is a CA certificate' }),
    (d) => ({ vi: `Chứng thư gốc không phù hợp: ${d['reason']}`, en: `The trust anchor certificate is unsuitable: ${d['reason']}` }),
  ],
  TARGET_NOT_CA: [
    () => ({ vi: 'Chứng thư được kiểm tra là chứng thư thuê bao', en: 'The validated certificate is an end-entity certificate' }),
    () => ({ vi: 'Chứng thư được kiểm tra là chứng thư CA, không dùng để ký tài liệu', en: 'The validated certificate is a CA certificate, not meant for signing documents' }),
  ],
  PROFILE_AUTHORITY_KEY_ID: [
    () => ({ vi: 'authorityKeyIdentifier đúng quy định', en: 'authorityKeyIdentifier conforms' }),
    (d) => ({ vi: `authorityKeyIdentifier không đúng RFC 5280 §4.2.1.1: ${d['reason']}`, en: `authorityKeyIdentifier does not conform to RFC 5280 §4.2.1.1: ${d['reason']}` }),
  ],
  PROFILE_SUBJECT_KEY_ID: [
    () => ({ vi: 'subjectKeyIdentifier đúng quy định', en: 'subjectKeyIdentifier conforms' }),
    (d) => ({ vi: `subjectKeyIdentifier không đúng RFC 5280 §4.2.1.2: ${d['reason']}`, en: `subjectKeyIdentifier does not conform to RFC 5280 §4.2.1.2: ${d['reason']}` }),
  ],
  PROFILE_BASIC_CONSTRAINTS_CRITICAL: [
    () => ({ vi: 'basicConstraints của CA được đánh dấu quan trọng', en: 'CA basicConstraints is critical' }),
    () => ({ vi: 'basicConstraints của CA phải được đánh dấu quan trọng (RFC 5280 §4.2.1.9)', en: 'CA basicConstraints must be critical (RFC 5280 §4.2.1.9)' }),
  ],
  PROFILE_SERIAL_NUMBER: [
    () => ({ vi: 'Số hiệu chứng thư đúng quy định', en: 'Serial number conforms' }),
    (d) => ({ vi: `Số hiệu chứng thư không đúng RFC 5280 §4.1.2.2: ${d['reason']}`, en: `Serial number does not conform to RFC 5280 §4.1.2.2: ${d['reason']}` }),
  ],
  PROFILE_EMPTY_NAME: [
    () => ({ vi: 'Tên chủ thể và tổ chức cấp không rỗng', en: 'Subject and issuer names are not empty' }),
    (d) => ({ vi: `Tên rỗng không được phép: ${d['reason']}`, en: `Empty name not allowed: ${d['reason']}` }),
  ],
  PROFILE_SUBJECT_ALT_NAME: [
    () => ({ vi: 'subjectAltName đúng quy định', en: 'subjectAltName conforms' }),
    (d) => ({ vi: `subjectAltName không đúng RFC 5280 §4.2.1.6: ${d['reason']}`, en: `subjectAltName does not conform to RFC 5280 §4.2.1.6: ${d['reason']}` }),
  ],
  PROFILE_EXTENSION_CRITICALITY: [
    () => ({ vi: 'Mức quan trọng của phần mở rộng đúng quy định', en: 'Extension criticality conforms' }),
    (d) => ({ vi: `Phần mở rộng ${d['extension']} phải không quan trọng`, en: `Extension ${d['extension']} must be non-critical` }),
  ],
  PROFILE_NAME_CONSTRAINTS: [
    () => ({ vi: 'nameConstraints đúng quy định', en: 'nameConstraints conforms' }),
    (d) => ({ vi: `nameConstraints không đúng RFC 5280 §4.2.1.10: ${d['reason']}`, en: `nameConstraints does not conform to RFC 5280 §4.2.1.10: ${d['reason']}` }),
  ],
  PROFILE_KEY_USAGE_CONSISTENCY: [
    () => ({ vi: 'keyUsage nhất quán với basicConstraints', en: 'keyUsage is consistent with basicConstraints' }),
    (d) => ({ vi: `keyUsage không nhất quán: ${d['reason']}`, en: `keyUsage inconsistent: ${d['reason']}` }),
  ],
  PROFILE_VERSION: [
    () => ({ vi: 'Phiên bản chứng thư đúng quy định', en: 'Certificate version conforms' }),
    (d) => ({ vi: `Phiên bản chứng thư không phù hợp: ${d['reason']}`, en: `Certificate version unsuitable: ${d['reason']}` }),
  ],
  PROFILE_DER: [
    () => ({ vi: 'Mã hóa DER đúng quy định', en: 'DER encoding conforms' }),
    (d) => ({ vi: `Mã hóa không đúng DER: ${d['reason']}`, en: `Encoding is not DER: ${d['reason']}` }),
  ],
};
