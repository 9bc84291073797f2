/**
 * `verifyTimestamp`: verification of an RFC 3161 time-stamp token (dấu thời gian) or TimeStampResp — the TSTInfo
 * fields, the message imprint, the TSA's CMS signature (shared with `verifyCms`), the ESS signing-certificate binding
 * and the TSA certificate path through part 1 with the critical id-kp-timeStamping EKU (RFC 3161 §2.3).
 */
import { Asn1Error, children, decodeBer, isUniversal, sequence, smallInt } from '../asn1.js';
import { HASH_OID, type HashName } from '../algorithms.js';
import { bytesEqual, toHex } from '../bytes.js';
import { isVnEgovError } from '../../errors/index.js';
import type { CrlInput } from '../crl.js';
import type { OcspInput } from '../ocsp.js';
import { loadCertificate } from '../certificate.js';
import { decodePem } from '../pem.js';
import type { CertificateValidationReport, LocalizedMessage, MainIndication, SubIndication } from '../report.js';
import type { ValidationCache } from '../signature-verification.js';
import type { TrustStore } from '../trust-store.js';
import { cryptoProblems, vietnameseEgovPolicy, type ValidationPolicy } from '../validation-policy.js';
import { NotSignedDataError, parseSignedData, type RawSignedData } from '../cms/parse.js';
import { conclude, digest, findSigner, verifySigner } from '../cms/signer.js';
import type { CmsCheck, CmsCheckId, CmsSignerSummary } from '../cms/verify.js';
import { timestampError } from './errors.js';
import { parseTstInfo, type TstInfo } from './tst-info.js';

/** id-ct-TSTInfo (RFC 3161 §2.4.2). */
export const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
/** id-kp-timeStamping (RFC 3161 §2.3). */
export const OID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const HASH_BY_OID: Record<string, HashName> = Object.fromEntries(Object.entries(HASH_OID).map(([name, o]) => [o, name as HashName]));
const DIGESTS = new Set<HashName>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/**
 * A time-stamp input: DER bytes of a TimeStampToken or TimeStampResp, an `ArrayBuffer`, or PEM text.
 * @example
 * ```ts
 * const input: TimestampInput = readFileSync('van-ban.tsr');
 * ```
 */
export type TimestampInput = Uint8Array | ArrayBuffer | string;

/**
 * Options of {@link verifyTimestamp}.
 * @example
 * ```ts
 * const options: TimestampVerificationOptions = { data: pdfBytes, trustStore, at: '2026-03-16T10:00:00+07:00' };
 * ```
 */
export interface TimestampVerificationOptions {
  /** The time-stamped data (hashed here with the token's imprint algorithm); a string is taken as UTF-8. */
  data?: Uint8Array | string;
  /** Or the expected imprint itself. */
  messageImprint?: { algorithm: HashName; value: Uint8Array };
  trustStore: TrustStore;
  /** TSA certificates to use when the token does not embed its signer's (a request with certReq = false). */
  certificates?: readonly (Uint8Array | string)[];
  /** Validation time of the TSA certificate path; default now. */
  at?: Date | string;
  policy?: ValidationPolicy;
  crls?: readonly CrlInput[];
  ocspResponses?: readonly OcspInput[];
  cache?: ValidationCache;
}

/**
 * Stable ids of the time-stamp checks (mã kiểm tra dấu thời gian); the TSA's CMS signature checks keep their
 * {@link CmsCheckId}.
 * @example
 * ```ts
 * const imprint = report.checks.find((c) => c.id === ('TST_IMPRINT' satisfies TimestampCheckId));
 * ```
 */
export type TimestampCheckId =
  | 'TST_SIGNED_DATA' | 'TST_IMPRINT' | 'TST_IMPRINT_ALGORITHM' | 'TST_ESS_SIGNING_CERTIFICATE' | 'TST_TSA_EXTENDED_KEY_USAGE'
  | 'TST_TSA_NAME' | CmsCheckId;

/**
 * One check of a time-stamp report.
 * @example
 * ```ts
 * const failed = report.checks.filter((c: TimestampCheck) => c.status === 'FAILED');
 * ```
 */
export interface TimestampCheck extends Omit<CmsCheck, 'id'> {
  id: TimestampCheckId;
}

/**
 * The report of {@link verifyTimestamp} (báo cáo kiểm tra dấu thời gian).
 * @example
 * ```ts
 * const r: TimestampVerificationReport = await verifyTimestamp(token, { data, trustStore });
 * if (r.indication === 'TOTAL_PASSED') console.log('Tồn tại trước', r.genTime);
 * ```
 */
export interface TimestampVerificationReport {
  indication: MainIndication;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  /** genTime (ISO 8601 UTC, every fractional digit of the token). */
  genTime: string;
  accuracy?: { seconds: number; millis: number; micros: number };
  /** Serial number of the token (upper-case hex). */
  serialNumber: string;
  /** TSA policy OID. */
  policy: string;
  nonce?: string;
  ordering: boolean;
  /** The `tsa` field of TSTInfo, when present (display). */
  tsaName?: string;
  /** The TSA certificate, when identified. */
  tsa?: CmsSignerSummary;
  imprint: { algorithm: string; value: string; matches?: boolean };
  checks: TimestampCheck[];
  /** Part 1 report of the TSA certificate path. */
  certificateReport?: CertificateValidationReport;
}

const MAIN: Record<MainIndication, LocalizedMessage> = {
  TOTAL_PASSED: { vi: 'Dấu thời gian hợp lệ', en: 'The time-stamp is valid' },
  TOTAL_FAILED: { vi: 'Dấu thời gian không hợp lệ', en: 'The time-stamp is not valid' },
  INDETERMINATE: { vi: 'Chưa xác định được tính hợp lệ của dấu thời gian', en: 'The validity of the time-stamp cannot be established' },
};

function check(id: TimestampCheckId, status: CmsCheck['status'], vi: string, en: string, fail?: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication], details?: Record<string, string>): TimestampCheck {
  return { id, status, message: { vi, en }, ...(fail && status === 'FAILED' ? { indication: fail[0], subIndication: fail[1] } : {}), ...(details ? { details } : {}) };
}

function parseAt(at: unknown): number {
  if (at === undefined) return Date.now();
  const t = at instanceof Date ? at.getTime() : typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at) ? Date.parse(at) : NaN;
  if (!Number.isFinite(t)) throw timestampError('TIMESTAMP_INVALID_OPTIONS', 'Thời điểm kiểm tra không hợp lệ', '`at` must be a Date or an ISO 8601 date-time');
  return t;
}

function inputDer(input: unknown): Uint8Array {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (input instanceof Uint8Array) {
    if (input.length > 0 && input[0] === 0x30) return input;
    input = new TextDecoder('utf-8').decode(input);
    if (!(input as string).includes('-----BEGIN')) throw timestampError('TIMESTAMP_MALFORMED', 'Dữ liệu không phải dấu thời gian (DER hoặc PEM)', 'input is neither DER nor PEM');
  }
  if (typeof input !== 'string') throw timestampError('TIMESTAMP_INVALID_INPUT_TYPE', 'Kiểu dữ liệu dấu thời gian không được hỗ trợ', 'the token must be a Uint8Array, ArrayBuffer or PEM string');
  let blocks;
  try {
    blocks = decodePem(input);
  } catch (e) {
    throw timestampError('TIMESTAMP_MALFORMED', 'Văn bản PEM không đọc được', 'unreadable PEM text', e);
  }
  if (blocks.length !== 1) throw timestampError('TIMESTAMP_MALFORMED', 'Cần đúng một khối PEM', 'exactly one PEM block is expected');
  return blocks[0]!.der;
}

/** TimeStampResp → its token; a ContentInfo is returned as is. */
export function tokenOf(der: Uint8Array): Uint8Array {
  let root;
  try {
    root = decodeBer(der, 'time-stamp');
  } catch (e) {
    throw timestampError('TIMESTAMP_MALFORMED', 'Dấu thời gian không đọc được', e instanceof Error ? e.message : 'undecodable', e);
  }
  let f;
  try {
    f = sequence(root, 'time-stamp');
  } catch (e) {
    throw timestampError('TIMESTAMP_MALFORMED', 'Dấu thời gian không đúng định dạng', 'a SEQUENCE is expected', e);
  }
  if (isUniversal(f[0], 6)) return der; // ContentInfo
  if (!isUniversal(f[0], 16) || f.length > 2) throw timestampError('TIMESTAMP_MALFORMED', 'Không phải TimeStampToken hay TimeStampResp', 'neither a TimeStampToken nor a TimeStampResp');
  let status: number;
  try {
    status = smallInt(children(f[0], 'PKIStatusInfo')[0], 'PKIStatus');
  } catch (e) {
    throw timestampError('TIMESTAMP_MALFORMED', 'PKIStatusInfo không đúng định dạng', 'malformed PKIStatusInfo', e);
  }
  if (status !== 0 && status !== 1) {
    throw timestampError('TIMESTAMP_NOT_GRANTED', `Máy chủ dấu thời gian từ chối (trạng thái ${status})`, `the TSA did not grant the request (PKIStatus ${status})`);
  }
  if (!f[1]) throw timestampError('TIMESTAMP_MALFORMED', 'Phản hồi không có dấu thời gian', 'granted TimeStampResp without a timeStampToken');
  const raw = (f[1] as unknown as { valueBeforeDecodeView: Uint8Array }).valueBeforeDecodeView;
  return raw.slice();
}

interface Resolved {
  trustStore: TrustStore;
  certificates?: readonly (Uint8Array | string)[];
  at: number;
  policy: ValidationPolicy;
  crls?: readonly CrlInput[];
  ocspResponses?: readonly OcspInput[];
  cache?: ValidationCache;
}

/** What the imprint is compared with: the data, or an expected imprint. */
export type ImprintTarget = { data: Uint8Array } | { imprint: { algorithm: HashName; value: Uint8Array } } | undefined;

/**
 * Verifies one TimeStampToken (DER ContentInfo). Throws `TIMESTAMP_MALFORMED` for unreadable structures. Internal
 * (used by `verifyCms` for signature time-stamps).
 */
export async function verifyTimestampToken(token: Uint8Array, target: ImprintTarget, o: Resolved): Promise<TimestampVerificationReport> {
  let sd: RawSignedData;
  try {
    sd = parseSignedData(token, o.cache?.certificates);
  } catch (e) {
    const why = e instanceof NotSignedDataError || e instanceof Asn1Error || isVnEgovError(e) || e instanceof Error ? e.message : 'undecodable';
    throw timestampError('TIMESTAMP_MALFORMED', 'Dấu thời gian không phải SignedData đọc được', `the token is not a readable SignedData: ${why}`, e);
  }
  if (o.certificates?.length) {
    const extra: RawSignedData['certificates'] = [];
    for (const c of o.certificates) {
      try {
        extra.push(loadCertificate(c, o.cache?.certificates));
      } catch (e) {
        throw timestampError('TIMESTAMP_INVALID_OPTIONS', 'Chứng thư TSA truyền vào không đọc được', 'options.certificates holds an unreadable certificate', e);
      }
    }
    const have = new Set(sd.certificates.map((c) => c.sha256));
    sd = { ...sd, certificates: [...sd.certificates, ...extra.filter((c) => !have.has(c.sha256))] };
  }
  if (sd.eContentType !== OID_TST_INFO || !sd.eContent) {
    throw timestampError('TIMESTAMP_MALFORMED', 'SignedData không chứa TSTInfo', `eContentType ${sd.eContentType} is not id-ct-TSTInfo or the content is missing`);
  }
  let tst: TstInfo;
  try {
    tst = parseTstInfo(sd.eContent);
  } catch (e) {
    throw timestampError('TIMESTAMP_MALFORMED', 'TSTInfo không đúng định dạng', e instanceof Error ? e.message : 'malformed TSTInfo', e);
  }
  const checks: TimestampCheck[] = [];
  const hash = HASH_BY_OID[tst.imprint.algorithmOid];
  let matches: boolean | undefined;
  let signer: CmsSignerSummary | undefined;
  let certificateReport: CertificateValidationReport | undefined;

  if (sd.signerInfos.length !== 1) {
    checks.push(check('TST_SIGNED_DATA', 'FAILED', 'Dấu thời gian phải có đúng một chữ ký của TSA', `a time-stamp token carries exactly one signature (found ${sd.signerInfos.length})`, ['TOTAL_FAILED', 'FORMAT_FAILURE']));
  } else {
    checks.push(check('TST_SIGNED_DATA', 'PASSED', 'Dấu thời gian có một chữ ký của TSA', 'the token has one TSA signature'));
    // 1. imprint
    if (!hash || !DIGESTS.has(hash)) {
      checks.push(check('TST_IMPRINT_ALGORITHM', 'FAILED', `Thuật toán băm ${tst.imprint.algorithmOid} không được hỗ trợ`, `imprint hash ${tst.imprint.algorithmOid} is not supported`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']));
    } else {
      const cp = cryptoProblems(o.policy, hash, [], tst.genTime);
      checks.push(cp.hard.length
        ? check('TST_IMPRINT_ALGORITHM', 'FAILED', `Thuật toán băm ${hash} của dấu thời gian không được chính sách chấp nhận`, `imprint hash ${hash}: ${cp.hard.join('; ')}`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'])
        : check('TST_IMPRINT_ALGORITHM', 'PASSED', `Thuật toán băm ${hash} được chấp nhận`, `imprint hash ${hash} is accepted`));
      if (target === undefined) {
        checks.push(check('TST_IMPRINT', 'FAILED', 'Không có dữ liệu để đối chiếu giá trị băm của dấu thời gian', 'no data to compare the message imprint with', ['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']));
      } else {
        const expected = 'data' in target ? await digest(hash, target.data) : target.imprint.algorithm === hash ? target.imprint.value : undefined;
        matches = expected !== undefined && bytesEqual(expected, tst.imprint.value);
        checks.push(matches
          ? check('TST_IMPRINT', 'PASSED', 'Giá trị băm trong dấu thời gian khớp với dữ liệu', 'the message imprint matches the data', undefined, { algorithm: hash, value: toHex(tst.imprint.value) })
          : check('TST_IMPRINT', 'FAILED', 'Giá trị băm trong dấu thời gian không khớp với dữ liệu', 'the message imprint does not match the data', ['TOTAL_FAILED', 'HASH_FAILURE'],
            { algorithm: hash, imprint: toHex(tst.imprint.value), expected: expected ? toHex(expected) : `an imprint with ${'imprint' in target ? target.imprint.algorithm : '?'}` }));
      }
    }
    // 2. the TSA's CMS signature and certificate path (EKU timeStamping demanded from part 1)
    const si = sd.signerInfos[0]!;
    const found = findSigner(sd, si);
    const r = await verifySigner({
      sd, content: sd.eContent, at: o.at, policy: o.policy, extendedKeyUsage: [OID_KP_TIME_STAMPING],
      options: { trustStore: o.trustStore, ...(o.crls ? { crls: o.crls } : {}), ...(o.ocspResponses ? { ocspResponses: o.ocspResponses } : {}), ...(o.cache ? { cache: o.cache } : {}) },
    }, si);
    checks.push(...r.checks);
    if (r.signer) signer = r.signer;
    if (r.certificateReport) certificateReport = r.certificateReport;
    const sigOk = r.checks.some((c) => c.id === 'CMS_SIGNATURE_VALUE' && c.status === 'PASSED');
    // 3. ESS signing-certificate(-v2) is mandatory in a time-stamp token (RFC 3161 §2.4.1, RFC 5816)
    if (sigOk && !r.checks.some((c) => c.id === 'CMS_SIGNING_CERTIFICATE')) {
      checks.push(check('TST_ESS_SIGNING_CERTIFICATE', 'FAILED', 'Dấu thời gian thiếu thuộc tính ESS signing-certificate', 'the token lacks the ESS signing-certificate(-v2) attribute', ['TOTAL_FAILED', 'SIG_CONSTRAINTS_FAILURE']));
    }
    // 4. RFC 3161 §2.3: exactly one EKU, id-kp-timeStamping, critical
    if (found.cert) {
      const eku = found.cert.view.extensions.extendedKeyUsage;
      const ok = eku !== undefined && eku.critical && eku.purposes.length === 1 && eku.purposes[0] === OID_KP_TIME_STAMPING;
      checks.push(ok
        ? check('TST_TSA_EXTENDED_KEY_USAGE', 'PASSED', 'Chứng thư TSA có EKU timeStamping (quan trọng)', 'the TSA certificate has the critical id-kp-timeStamping EKU')
        : check('TST_TSA_EXTENDED_KEY_USAGE', 'FAILED', 'Chứng thư TSA phải có duy nhất EKU timeStamping, đánh dấu quan trọng (RFC 3161 §2.3)', 'the TSA certificate must have id-kp-timeStamping as its only, critical, EKU (RFC 3161 §2.3)',
          ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE'], { eku: eku ? `${eku.purposes.join(',')}${eku.critical ? ' (critical)' : ''}` : 'absent' }));
      // 5. the tsa name, when present, names the TSA certificate
      if (tst.tsa) {
        const same = tst.tsa.type === 'directoryName' && tst.tsa.directoryName?.key === found.cert.subjectKey;
        checks.push(same
          ? check('TST_TSA_NAME', 'PASSED', 'Tên TSA khớp chứng thư', 'the tsa name matches the TSA certificate')
          : check('TST_TSA_NAME', 'WARNING', 'Tên TSA trong TSTInfo khác chủ thể chứng thư TSA', 'the tsa name differs from the TSA certificate subject', undefined, { tsa: tst.tsa.value }));
      }
    }
  }
  const failed = checks.find((c) => c.status === 'FAILED' && c.indication === 'TOTAL_FAILED') ?? checks.find((c) => c.status === 'FAILED');
  const fromSigner = conclude([], failed ? undefined : certificateReport);
  const indication: MainIndication = failed?.indication ?? fromSigner.indication;
  const sub = failed ? failed.subIndication : fromSigner.subIndication;
  const detail = failed?.message ?? (indication !== 'TOTAL_PASSED' && certificateReport ? certificateReport.message : undefined);
  return {
    indication, ...(sub ? { subIndication: sub } : {}),
    message: detail && indication !== 'TOTAL_PASSED' ? { vi: `${MAIN[indication].vi}: ${detail.vi}`, en: `${MAIN[indication].en}: ${detail.en}` } : MAIN[indication],
    genTime: tst.genTimeIso, ...(tst.accuracy ? { accuracy: tst.accuracy } : {}), serialNumber: tst.serialNumber, policy: tst.policy,
    ...(tst.nonce ? { nonce: tst.nonce } : {}), ordering: tst.ordering, ...(tst.tsa ? { tsaName: tst.tsa.value } : {}),
    ...(signer ? { tsa: signer } : {}),
    imprint: { algorithm: hash ?? tst.imprint.algorithmOid, value: toHex(tst.imprint.value), ...(matches !== undefined ? { matches } : {}) },
    checks, ...(certificateReport ? { certificateReport } : {}),
  };
}

/** Validates options shared by `verifyTimestamp` and `verifyCms`. Internal. */
export function resolveTimestampOptions(options: unknown): Resolved {
  if (typeof options !== 'object' || options === null) throw timestampError('TIMESTAMP_INVALID_OPTIONS', 'Thiếu tùy chọn', 'options are required');
  const o = options as TimestampVerificationOptions;
  if (typeof o.trustStore !== 'object' || o.trustStore === null || !Array.isArray(o.trustStore.anchors)) {
    throw timestampError('TIMESTAMP_INVALID_OPTIONS', 'Thiếu kho tin cậy (trustStore)', 'options.trustStore is required');
  }
  if (o.certificates !== undefined && (!Array.isArray(o.certificates) || o.certificates.some((c) => typeof c !== 'string' && !(c instanceof Uint8Array)))) {
    throw timestampError('TIMESTAMP_INVALID_OPTIONS', 'certificates phải là mảng chứng thư DER hoặc PEM', 'options.certificates must be an array of DER bytes or PEM text');
  }
  return {
    trustStore: o.trustStore, at: parseAt(o.at), policy: o.policy ?? vietnameseEgovPolicy, ...(o.certificates ? { certificates: o.certificates } : {}),
    ...(o.crls ? { crls: o.crls } : {}), ...(o.ocspResponses ? { ocspResponses: o.ocspResponses } : {}), ...(o.cache ? { cache: o.cache } : {}),
  };
}

/**
 * Verifies an RFC 3161 time-stamp (kiểm tra dấu thời gian): a TimeStampToken or a whole TimeStampResp, DER or PEM.
 * Checks the TSTInfo (version 1, policy, imprint, serial, genTime with its fractional seconds, accuracy, nonce, tsa
 * name), the imprint against `data` or `messageImprint`, the TSA's CMS signature with its ESS signing-certificate
 * binding, the critical id-kp-timeStamping EKU (RFC 3161 §2.3) and the TSA certificate path through part 1 at `at`.
 *
 * @throws VnEgovError `TIMESTAMP_MALFORMED`, `TIMESTAMP_NOT_GRANTED`, `TIMESTAMP_INVALID_INPUT_TYPE`,
 *   `TIMESTAMP_INVALID_OPTIONS`; a readable token that does not verify gives a report.
 * @example
 * ```ts
 * import { verifyTimestamp } from 'vn-egov/signature';
 * const r = await verifyTimestamp(tsrBytes, { data: pdfBytes, trustStore });
 * console.log(r.indication, r.genTime, r.tsa?.commonName);
 * ```
 */
export async function verifyTimestamp(token: TimestampInput, options: TimestampVerificationOptions): Promise<TimestampVerificationReport> {
  const o = resolveTimestampOptions(options);
  let target: ImprintTarget;
  if (options.data !== undefined) {
    if (typeof options.data === 'string') target = { data: new TextEncoder().encode(options.data) };
    else if (options.data instanceof Uint8Array) target = { data: options.data };
    else throw timestampError('TIMESTAMP_INVALID_INPUT_TYPE', 'Dữ liệu phải là chuỗi hoặc Uint8Array', 'data must be a string or a Uint8Array');
  } else if (options.messageImprint !== undefined) {
    const m = options.messageImprint;
    if (typeof m !== 'object' || m === null || !(m.value instanceof Uint8Array) || !Object.values(HASH_BY_OID).includes(m.algorithm)) {
      throw timestampError('TIMESTAMP_INVALID_OPTIONS', 'messageImprint không hợp lệ', 'messageImprint needs an algorithm (SHA-1, SHA-256, SHA-384, SHA-512) and a value');
    }
    target = { imprint: m };
  }
  return verifyTimestampToken(tokenOf(inputDer(token)), target, o);
}
