/**
 * Signature time-stamps of a CMS signer (dấu thời gian trên chữ ký, CAdES-T) and their use as proof of existence,
 * after ETSI EN 319 102-1 §5.5 / §5.6.2 (validation process for signatures with time): a valid time-stamp over the
 * signature value, earlier than the revocation or the expiry of the signer certificate, lets the certificate path be
 * validated at the time-stamp's genTime. Internal (called by `verifyCms`).
 */
import { rawOf } from '../asn1.js';
import type { HashName } from '../algorithms.js';
import { isVnEgovError } from '../../errors/index.js';
import { validateCertificatePath } from '../certificate-validation.js';
import { summaryMessage, type CertificateValidationReport, type SubIndication } from '../report.js';
import { cryptoProblems, vietnameseEgovPolicy } from '../validation-policy.js';
import { verifyTimestampToken, type TimestampVerificationReport } from '../timestamp/verify-timestamp.js';
import type { RawSignerInfo } from './parse.js';
import { check, conclude, findSigner, pathCheck, summary, type VerifyContext } from './signer.js';
import type { CmsCheck, CmsSignerReport } from './verify.js';

/** id-aa-signatureTimeStampToken (RFC 3161 appendix A). */
const OID_SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';
/** id-aa-ets-contentTimestamp (RFC 5126 §5.11.4): a signed attribute, time-stamp over the content. */
const OID_CONTENT_TIMESTAMP = '1.2.840.113549.1.9.16.2.20';
/**
 * How far a signature time-stamp may precede the claimed signing-time before it is a TIMESTAMP_ORDER_FAILURE
 * (clock skew of the signer's computer).
 */
export const TIMESTAMP_ORDER_TOLERANCE_MS = 5 * 60_000;

/** Conclusions of the certificate path at the current time that a proof of existence may resolve. */
const POE_RESOLVABLE = new Set<SubIndication>([
  'REVOKED', 'REVOKED_NO_POE', 'REVOKED_CA_NO_POE', 'EXPIRED', 'OUT_OF_BOUNDS_NO_POE', 'OUT_OF_BOUNDS_NOT_REVOKED',
]);
/** Checks whose failure a proof of existence may resolve. */
const POE_CHECKS = new Set<CmsCheck['id']>(['CMS_CERTIFICATE_PATH', 'CMS_CRYPTO_CONSTRAINTS', 'CMS_SIGNATURE_TIMESTAMP', 'CMS_CONTENT_TIMESTAMP']);

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Revocation time of the target certificate in a part 1 report, when revoked. */
function leafRevocation(r: CertificateValidationReport): number | undefined {
  const last = r.path.length - 1;
  const s = r.revocation.find((x) => x.certificateIndex === last && x.status === 'revoked');
  return s?.revocationDate ? Date.parse(s.revocationDate) : undefined;
}

/**
 * ETSI EN 319 102-1 §5.2.6 in a signature context: an expired or revoked signer certificate without proof of
 * existence is INDETERMINATE (the signature may predate the event), not TOTAL_FAILED.
 */
function withoutPoe(r: CertificateValidationReport, poe: boolean): CertificateValidationReport {
  if (r.indication !== 'TOTAL_FAILED') return r;
  const sub: SubIndication | undefined = r.subIndication === 'EXPIRED' ? 'OUT_OF_BOUNDS_NO_POE' : r.subIndication === 'REVOKED' && !poe ? 'REVOKED_NO_POE' : undefined;
  return sub ? { ...r, indication: 'INDETERMINATE', subIndication: sub, message: summaryMessage('INDETERMINATE', sub) } : r;
}

/**
 * Verifies the signer's signature time-stamps and applies them to its report. Returns the report with
 * `timestamps`, the CMS_SIGNATURE_TIMESTAMP / CMS_TIMESTAMP_ORDER / CMS_PROOF_OF_EXISTENCE checks and, when a
 * time-stamp was used as proof of existence, the certificate path validated at its genTime.
 */
export async function applySignatureTimestamps(ctx: VerifyContext, si: RawSignerInfo, report: CmsSignerReport): Promise<CmsSignerReport> {
  const values = (si.unsignedAttrs ?? []).filter((a) => a.type === OID_SIGNATURE_TIMESTAMP).flatMap((a) => a.values);
  const checks = [...report.checks];
  const timestamps: TimestampVerificationReport[] = [];
  const sigOk = checks.some((c) => c.id === 'CMS_SIGNATURE_VALUE' && c.status === 'PASSED');
  if (sigOk) {
    const o = ctx.options;
    const resolved = {
      trustStore: o.trustStore, at: ctx.at, policy: ctx.policy,
      ...(o.crls ? { crls: o.crls } : {}), ...(o.ocspResponses ? { ocspResponses: o.ocspResponses } : {}), ...(o.cache ? { cache: o.cache } : {}),
    };
    for (const [k, v] of values.entries()) {
      try {
        const t = await verifyTimestampToken(rawOf(v).slice(), { data: si.signature }, resolved);
        timestamps.push(t);
        checks.push(t.indication === 'TOTAL_PASSED'
          ? check('CMS_SIGNATURE_TIMESTAMP', 'PASSED', `Dấu thời gian trên chữ ký hợp lệ: ${t.genTime}`, `valid signature time-stamp: ${t.genTime}`, undefined, { index: String(k), genTime: t.genTime })
          : check('CMS_SIGNATURE_TIMESTAMP', 'WARNING', `Dấu thời gian trên chữ ký không dùng được: ${t.message.vi}`, `signature time-stamp not usable: ${t.message.en}`, undefined, { index: String(k), genTime: t.genTime, indication: t.indication, ...(t.subIndication ? { subIndication: t.subIndication } : {}) }));
      } catch (e) {
        if (!isVnEgovError(e)) throw e;
        checks.push(check('CMS_SIGNATURE_TIMESTAMP', 'WARNING', 'Dấu thời gian trên chữ ký không đọc được', `unreadable signature time-stamp: ${e.message}`, undefined, { index: String(k), code: e.code }));
      }
    }
  }
  const valid = timestamps.filter((t) => t.indication === 'TOTAL_PASSED').map((t) => Date.parse(t.genTime));

  // content time-stamps (signed attribute): imprint over the content; they must precede the signature time-stamps
  const contentValues = (si.signedAttrs ?? []).filter((a) => a.type === OID_CONTENT_TIMESTAMP).flatMap((a) => a.values);
  const contentTimestamps: TimestampVerificationReport[] = [];
  if (sigOk && contentValues.length && ctx.content) {
    const o = ctx.options;
    const resolved = {
      trustStore: o.trustStore, at: ctx.at, policy: ctx.policy,
      ...(o.crls ? { crls: o.crls } : {}), ...(o.ocspResponses ? { ocspResponses: o.ocspResponses } : {}), ...(o.cache ? { cache: o.cache } : {}),
    };
    for (const [k, v] of contentValues.entries()) {
      try {
        const t = await verifyTimestampToken(rawOf(v).slice(), { data: ctx.content }, resolved);
        contentTimestamps.push(t);
        checks.push(t.indication === 'TOTAL_PASSED'
          ? check('CMS_CONTENT_TIMESTAMP', 'PASSED', `Dấu thời gian trên nội dung hợp lệ: ${t.genTime}`, `valid content time-stamp: ${t.genTime}`, undefined, { index: String(k), genTime: t.genTime })
          : check('CMS_CONTENT_TIMESTAMP', 'WARNING', `Dấu thời gian trên nội dung không dùng được: ${t.message.vi}`, `content time-stamp not usable: ${t.message.en}`, undefined, { index: String(k), genTime: t.genTime, indication: t.indication }));
      } catch (e) {
        if (!isVnEgovError(e)) throw e;
        checks.push(check('CMS_CONTENT_TIMESTAMP', 'WARNING', 'Dấu thời gian trên nội dung không đọc được', `unreadable content time-stamp: ${e.message}`, undefined, { index: String(k), code: e.code }));
      }
    }
    const contentTimes = contentTimestamps.filter((t) => t.indication === 'TOTAL_PASSED').map((t) => Date.parse(t.genTime));
    if (contentTimes.length && valid.length) {
      const late = Math.max(...contentTimes);
      const firstSig = Math.min(...valid);
      checks.push(late > firstSig
        ? check('CMS_TIMESTAMP_ORDER', 'FAILED', `Dấu thời gian trên nội dung (${iso(late)}) sau dấu thời gian trên chữ ký (${iso(firstSig)})`, `the content time-stamp ${iso(late)} is after the signature time-stamp ${iso(firstSig)}`, ['INDETERMINATE', 'TIMESTAMP_ORDER_FAILURE'])
        : check('CMS_TIMESTAMP_ORDER', 'PASSED', 'Dấu thời gian trên nội dung trước dấu thời gian trên chữ ký', 'the content time-stamp precedes the signature time-stamp'));
    }
  }

  // signing-time (claimed) must not be later than a signature time-stamp (beyond clock skew)
  if (report.signingTime && valid.length) {
    const claimed = Date.parse(report.signingTime);
    const early = valid.find((g) => g + TIMESTAMP_ORDER_TOLERANCE_MS < claimed);
    checks.push(early !== undefined
      ? check('CMS_TIMESTAMP_ORDER', 'FAILED', `Thời điểm ký khai báo (${report.signingTime}) sau dấu thời gian (${iso(early)})`, `the claimed signing time ${report.signingTime} is after the signature time-stamp ${iso(early)}`, ['INDETERMINATE', 'TIMESTAMP_ORDER_FAILURE'])
      : check('CMS_TIMESTAMP_ORDER', 'PASSED', 'Thời điểm ký khai báo trước dấu thời gian', 'the claimed signing time precedes the signature time-stamp'));
  }

  let certificateReport = report.certificateReport;
  let proofOfExistence: CmsSignerReport['proofOfExistence'];
  const current = report.certificateReport;
  const others = checks.filter((c) => c.status === 'FAILED' && !POE_CHECKS.has(c.id));
  if (valid.length && current && others.length === 0) {
    const poe = Math.min(...valid);
    const poeIso = iso(poe);
    // crypto constraints of the digest: reliable at the POE time (EN 319 102-1 §5.2.8 with POE)
    const ci = checks.findIndex((c) => c.id === 'CMS_CRYPTO_CONSTRAINTS' && c.status === 'FAILED');
    const hash = report.digestAlgorithm.name as HashName;
    if (ci >= 0 && cryptoProblems(ctx.policy, hash, [], poe).hard.length === 0) {
      checks[ci] = check('CMS_CRYPTO_CONSTRAINTS', 'PASSED', `Thuật toán băm ${hash} được chấp nhận tại thời điểm dấu thời gian ${poeIso}`, `digest ${hash} was accepted at the time-stamp ${poeIso}`, undefined, { poe: poeIso });
    }
    if (current.indication !== 'TOTAL_PASSED' && current.subIndication && POE_RESOLVABLE.has(current.subIndication)) {
      const revokedAt = leafRevocation(current);
      const cert = findSigner(ctx.sd, si).cert!;
      const atPoe = await validateCertificatePath({
        certificate: cert.der,
        intermediates: ctx.sd.certificates.filter((c) => c !== cert).map((c) => c.der),
        trustStore: ctx.options.trustStore, at: new Date(poe), ...(ctx.policy !== vietnameseEgovPolicy ? { policy: ctx.policy } : {}),
        ...(ctx.options.crls ? { crls: ctx.options.crls } : {}),
        ...(ctx.options.ocspResponses ? { ocspResponses: ctx.options.ocspResponses } : {}),
        ...(ctx.options.cache ? { cache: ctx.options.cache } : {}),
        ...(ctx.extendedKeyUsage ? { extendedKeyUsage: ctx.extendedKeyUsage } : {}),
      });
      proofOfExistence = { time: poeIso, source: 'SIGNATURE_TIMESTAMP', currentTimeCertificateReport: current };
      certificateReport = atPoe;
      const pi = checks.findIndex((c) => c.id === 'CMS_CERTIFICATE_PATH');
      if (pi >= 0) checks[pi] = pathCheck(atPoe, poeIso);
      if (atPoe.indication === 'TOTAL_PASSED') {
        const what = revokedAt !== undefined
          ? { vi: `trước khi chứng thư bị thu hồi (${iso(revokedAt)})`, en: `before the certificate was revoked (${iso(revokedAt)})` }
          : { vi: 'khi đường dẫn chứng thư còn hiệu lực', en: 'while the certificate path was valid' };
        checks.push(check('CMS_PROOF_OF_EXISTENCE', 'PASSED', `Dấu thời gian ${poeIso} chứng minh chữ ký đã tồn tại ${what.vi}`, `the time-stamp ${poeIso} proves the signature existed ${what.en}`, undefined, { poe: poeIso }));
      } else {
        checks.push(check('CMS_PROOF_OF_EXISTENCE', 'INFORMATION', `Dấu thời gian ${poeIso} không đủ để chứng minh: ${atPoe.message.vi}`, `the time-stamp ${poeIso} does not help: ${atPoe.message.en}`, undefined, { poe: poeIso }));
      }
    }
  }
  // without a usable proof of existence, expiry and revocation of the signer are INDETERMINATE (EN 319 102-1 §5.2.6);
  // revoked before the earliest proof of existence stays TOTAL_FAILED REVOKED
  // (an expiry before the proof of existence stays INDETERMINATE OUT_OF_BOUNDS_NO_POE, EN 319 102-1 §5.6.2.1)
  if (certificateReport) {
    const mapped = withoutPoe(certificateReport, proofOfExistence !== undefined);
    if (mapped !== certificateReport) {
      certificateReport = mapped;
      const pi = checks.findIndex((c) => c.id === 'CMS_CERTIFICATE_PATH');
      if (pi >= 0) checks[pi] = pathCheck(mapped, proofOfExistence?.time);
    }
  }
  const { indication, subIndication } = conclude(checks, certificateReport);
  const { subIndication: _old, ...rest } = report;
  void _old;
  return {
    ...rest, indication, ...(subIndication ? { subIndication } : {}), message: summary(indication, subIndication, certificateReport),
    checks, ...(certificateReport ? { certificateReport } : {}), timestamps, ...(proofOfExistence ? { proofOfExistence } : {}),
    ...(contentTimestamps.length ? { contentTimestamps } : {}),
  };
}
