/**
 * `validateCertificatePath`: the outer API of certificate validation (kiểm tra hợp lệ chứng thư số). Builds candidate
 * paths to the trust store's anchors, validates each per RFC 5280 §6 with revocation and the policy, and returns an
 * ETSI EN 319 102-1 style report. Malformed input throws `VnEgovError`; a well-formed but invalid certificate or path
 * gives a report with TOTAL_FAILED or INDETERMINATE.
 */
import * as z from 'zod/mini';
import { parseWith } from '../errors/index.js';
import { loadCertificate, KEY_USAGE_BITS, type CertificateInput, type CertificateRecord, type KeyUsageName } from './certificate.js';
import { certificatesFromPkcs7 } from './certificate-bundle.js';
import { checkWithCrls, loadCrl, type CrlInput, type CrlRecord } from './crl.js';
import { checkWithOcsp, loadOcspResponse, type OcspInput, type OcspRecord } from './ocsp.js';
import { buildCandidatePaths, type CandidatePath } from './path-building.js';
import { validatePath, type PathValidationResult, type RevocationFinding } from './path-validation.js';
import { summaryMessage, type CertificateValidationReport, type CheckResult, type PathCertificate } from './report.js';
import { verifySignature, type ValidationCache } from './signature-verification.js';
import type { TrustStore } from './trust-store.js';
import { cryptoProblems, defineValidationPolicy, vietnameseEgovPolicy, type ValidationPolicy } from './validation-policy.js';

/**
 * What the caller's fetch hook is asked for (AIA caIssuers, CRL distribution points, OCSP is not fetched).
 * @example
 * ```ts
 * const seen: FetchRequest[] = []; // e.g. { url: 'https://rootca.gov.vn/crl/vnrca256.crl', kind: 'crl' }
 * ```
 */
export interface FetchRequest {
  url: string;
  kind: 'ca-issuers' | 'crl';
}

/**
 * An optional network hook supplied by the caller (the library never goes online by itself): return the bytes at
 * `url`, or `undefined` when unavailable.
 * @example
 * ```ts
 * const fetchHook: FetchHook = async ({ url }) => new Uint8Array(await (await fetch(url)).arrayBuffer());
 * ```
 */
export type FetchHook = (request: FetchRequest) => Promise<Uint8Array | ArrayBuffer | undefined>;

/**
 * Options of {@link validateCertificatePath}.
 * @example
 * ```ts
 * const options: CertificatePathValidationOptions = { certificate: signerPem, trustStore, at: '2026-03-01T09:00:00+07:00' };
 * ```
 */
export interface CertificatePathValidationOptions {
  /** The certificate to validate (target, usually the signer's). */
  certificate: CertificateInput;
  /** Untrusted certificates that may help build the path, in any order. */
  intermediates?: readonly CertificateInput[];
  trustStore: TrustStore;
  /** Validation time; defaults to now. */
  at?: Date | string;
  crls?: readonly CrlInput[];
  ocspResponses?: readonly OcspInput[];
  policy?: ValidationPolicy;
  /** Key usages the target must have (all of them). */
  keyUsage?: readonly KeyUsageName[];
  /** Extended key usage OIDs the target must have (all of them) when it has an EKU extension. */
  extendedKeyUsage?: readonly string[];
  /** Reusable cache (see `createValidationCache`). */
  cache?: ValidationCache;
  fetch?: FetchHook;
}

const optionsSchema = z.object({
  at: z.optional(z.union([z.date(), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/))])),
  keyUsage: z.optional(z.array(z.enum(KEY_USAGE_BITS as [KeyUsageName, ...KeyUsageName[]]))),
  extendedKeyUsage: z.optional(z.array(z.string().check(z.regex(/^\d+(\.\d+)+$/)))),
  intermediates: z.optional(z.array(z.any())),
  crls: z.optional(z.array(z.any())),
  ocspResponses: z.optional(z.array(z.any())),
});

const MAX_CANDIDATES = 8;
const MAX_FETCHES = 4;

interface Context {
  at: number;
  policy: ValidationPolicy;
  cache: ValidationCache | undefined;
  anchors: { id: string; record: CertificateRecord }[];
  pool: CertificateRecord[];
  crls: CrlRecord[];
  ocsp: OcspRecord[];
  fetch: FetchHook | undefined;
  fetched: Set<string>;
  /** CRL signers whose own validation is in progress (a CRL may cover its own signer, PKITS 4.14.30). */
  signersInProgress: Set<string>;
  keyUsage?: readonly KeyUsageName[];
  extendedKeyUsage?: readonly string[];
}

function toBytes(b: Uint8Array | ArrayBuffer): Uint8Array {
  return b instanceof ArrayBuffer ? new Uint8Array(b) : b;
}

async function tryFetch(ctx: Context, url: string, kind: FetchRequest['kind']): Promise<Uint8Array | undefined> {
  if (!ctx.fetch || ctx.fetched.has(url) || ctx.fetched.size >= MAX_FETCHES) return undefined;
  ctx.fetched.add(url);
  try {
    const r = await ctx.fetch({ url, kind });
    return r === undefined ? undefined : toBytes(r);
  } catch {
    return undefined;
  }
}

async function revocationFor(
  ctx: Context,
  anchor: CandidatePath,
  depth: number,
  index: number,
  n: number,
  cert: CertificateRecord,
  issuer: CertificateRecord,
): Promise<RevocationFinding> {
  const required = ctx.policy.revocation.required;
  const isLeaf = index === n;
  if (required === 'NONE' || (required === 'END_ENTITY' && !isLeaf)) {
    return { ok: true, status: { certificateIndex: index, status: 'not-checked' }, details: {} };
  }
  // OCSP first (a fresh signed response from the CA or its delegated responder), then CRLs.
  const o = await checkWithOcsp(cert, issuer, ctx.ocsp, ctx.at, ctx.policy.revocation.maxAgeSeconds, ctx.cache, (digest, signer) => revocationCryptoOk(ctx, digest, signer));
  type Outcome = { status: 'good' | 'revoked' | 'on-hold' | 'unknown'; revocationDate?: number; reason?: string; thisUpdate?: number; detail: string; source: 'CRL' | 'OCSP' };
  let outcome: Outcome | undefined = o.status === 'good' || o.status === 'revoked' ? { ...o, source: 'OCSP' } : undefined;
  if (!outcome) {
    let c = await checkWithCrls(cert, issuer, ctx.crls, ctx.at, crlServices(ctx, anchor, depth));
    if (c.status === 'unknown' && ctx.fetch) {
      for (const dp of cert.view.extensions.crlDistributionPoints?.points ?? []) {
        for (const g of dp.fullName ?? []) {
          if (g.type !== 'uniformResourceIdentifier') continue;
          const bytes = await tryFetch(ctx, g.value, 'crl');
          if (!bytes) continue;
          try {
            ctx.crls.push(loadCrl(bytes, ctx.cache?.crls));
          } catch {
            continue;
          }
        }
      }
      c = await checkWithCrls(cert, issuer, ctx.crls, ctx.at, crlServices(ctx, anchor, depth));
    }
    outcome = { ...c, source: 'CRL' };
    if (c.status === 'unknown' && o.status === 'unknown' && o.detail !== 'no OCSP response for this certificate') {
      outcome = { ...c, detail: `${c.detail}; OCSP: ${o.detail}`, source: 'CRL' };
    }
  }
  outcome ??= { status: 'unknown', detail: 'no revocation information', source: 'CRL' };
  const status = {
    certificateIndex: index,
    status: outcome.status,
    ...(outcome.status !== 'unknown' ? { source: outcome.source } : {}),
    ...(outcome.revocationDate !== undefined ? { revocationDate: new Date(outcome.revocationDate).toISOString() } : {}),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    ...(outcome.thisUpdate !== undefined ? { producedAt: new Date(outcome.thisUpdate).toISOString() } : {}),
  };
  const ageOk = ctx.policy.revocation.maxAgeSeconds === undefined || outcome.thisUpdate === undefined || ctx.at - outcome.thisUpdate <= ctx.policy.revocation.maxAgeSeconds * 1000;
  switch (outcome.status) {
    case 'good':
      if (!ageOk) return { ok: false, status, indication: 'INDETERMINATE', subIndication: 'TRY_LATER', details: { reason: 'revocation information too old', vi: 'thông tin thu hồi quá cũ' } };
      return { ok: true, status, details: { source: outcome.source } };
    case 'revoked':
      return {
        ok: false, status,
        indication: isLeaf ? 'TOTAL_FAILED' : 'INDETERMINATE',
        subIndication: isLeaf ? 'REVOKED' : 'REVOKED_CA_NO_POE',
        details: { reason: `revoked on ${status.revocationDate} (${outcome.reason ?? 'unspecified'})`, vi: `đã bị thu hồi ngày ${status.revocationDate} (${outcome.reason ?? 'unspecified'})` },
      };
    case 'on-hold':
      return { ok: false, status, indication: 'INDETERMINATE', subIndication: 'TRY_LATER', details: { reason: 'certificate on hold', vi: 'chứng thư đang bị tạm dừng' } };
    default:
      return { ok: false, status, indication: 'INDETERMINATE', subIndication: 'TRY_LATER', details: { reason: `no acceptable revocation information (${outcome.detail})`, vi: `không có thông tin thu hồi phù hợp (${outcome.detail})` } };
  }
}

/** The policy's hard crypto constraints also apply to the signatures on CRLs and OCSP responses. */
function revocationCryptoOk(ctx: Context, digest: string | undefined, signer: CertificateRecord): boolean {
  return cryptoProblems(ctx.policy, digest, [{ who: 'signer', ...signer.view.publicKey }], ctx.at).hard.length === 0;
}

function crlServices(ctx: Context, path: CandidatePath, depth: number) {
  return {
    pool: [...ctx.pool, ...ctx.anchors.map((a) => a.record)],
    verify: async (crl: CrlRecord, signer: CertificateRecord) =>
      revocationCryptoOk(ctx, crl.view.signatureAlgorithm.hash, signer) &&
      (await verifySignature(signer.spki, crl.algorithm, crl.tbs, crl.signature, ctx.cache, ctx.cache ? `crl|${crl.view.sha256}|${signer.sha256}` : undefined)).ok,
    validateSigner: async (signer: CertificateRecord) => {
      if (ctx.anchors.some((a) => a.record.sha256 === signer.sha256)) return signer.sha256 === path.anchor.sha256;
      if (ctx.signersInProgress.has(signer.sha256)) return true; // decided by the enclosing validation of this signer
      if (depth >= 3) return false;
      const anchors = ctx.anchors.filter((a) => a.record.sha256 === path.anchor.sha256);
      const built = buildCandidatePaths(signer, ctx.pool, anchors, ctx.at, { maxLength: ctx.policy.maxPathLength, maxPaths: 4, maxSteps: 200 });
      ctx.signersInProgress.add(signer.sha256);
      try {
        for (const p of built.paths) {
          const r = await runPath(ctx, p, depth + 1, false);
          if (!r.failure) return true;
        }
        return false;
      } finally {
        ctx.signersInProgress.delete(signer.sha256);
      }
    },
  };
}

async function runPath(ctx: Context, p: CandidatePath, depth: number, withDemands: boolean): Promise<PathValidationResult> {
  const n = p.certificates.length;
  return validatePath(p, {
    at: ctx.at,
    policy: ctx.policy,
    ...(withDemands && ctx.keyUsage ? { keyUsage: ctx.keyUsage } : {}),
    ...(withDemands && ctx.extendedKeyUsage ? { extendedKeyUsage: ctx.extendedKeyUsage } : {}),
    ...(ctx.cache ? { cache: ctx.cache } : {}),
    revocation: (i, cert, issuer) => revocationFor(ctx, p, depth, i, n, cert, issuer),
  });
}

function pathView(p: CandidatePath): PathCertificate[] {
  const all = [p.anchor, ...p.certificates];
  return all.map((c, i) => ({
    subject: c.view.subject.text,
    issuer: c.view.issuer.text,
    serialNumber: c.view.serialNumber,
    sha256: c.sha256,
    notBefore: c.view.validity.notBefore,
    notAfter: c.view.validity.notAfter,
    trusted: i === 0,
    ...(i === 0 ? { trustAnchorId: p.anchorId } : {}),
  }));
}

/**
 * Validates a certificate (usually a signer's) against a trust store: builds candidate paths over the given
 * intermediates, checks each per RFC 5280 §6 with revocation (CRL / OCSP, offline unless a `fetch` hook is given)
 * and the validation policy, and returns an ETSI EN 319 102-1 style report (never a bare boolean).
 *
 * @throws VnEgovError for malformed input only (`INVALID_CERTIFICATE`, `INVALID_CRL`, `INVALID_OCSP_RESPONSE`,
 *   `INVALID_VALIDATION_OPTIONS`, `INVALID_VALIDATION_POLICY`…).
 * @example
 * ```ts
 * import { validateCertificatePath, createTrustStore, vietnameseTrustAnchors } from 'vn-egov/signature';
 * const report = await validateCertificatePath({
 *   certificate: signerPem,
 *   intermediates: [caPem],
 *   trustStore: createTrustStore({ anchors: vietnameseTrustAnchors }),
 *   crls: [crlDer],
 *   at: new Date('2026-03-01T00:00:00Z'),
 *   keyUsage: ['nonRepudiation'],
 * });
 * if (report.indication !== 'TOTAL_PASSED') console.log(report.subIndication, report.message.vi);
 * ```
 */
export async function validateCertificatePath(options: CertificatePathValidationOptions): Promise<CertificateValidationReport> {
  if (typeof options !== 'object' || options === null) {
    parseWith(z.object({}), options, 'INVALID_VALIDATION_OPTIONS', 'Tùy chọn kiểm tra không hợp lệ (invalid validation options)');
  }
  const o = parseWith(optionsSchema, options, 'INVALID_VALIDATION_OPTIONS', 'Tùy chọn kiểm tra không hợp lệ (invalid validation options)');
  const atDate = o.at === undefined ? new Date() : o.at instanceof Date ? o.at : new Date(o.at);
  const at = atDate.getTime();
  if (Number.isNaN(at)) parseWith(z.never(), o.at, 'INVALID_VALIDATION_OPTIONS', 'Thời điểm kiểm tra không hợp lệ (invalid validation time)');
  const policy = options.policy === undefined ? vietnameseEgovPolicy : defineValidationPolicy(options.policy);
  const cache = options.cache;
  if (!options.trustStore || !Array.isArray(options.trustStore.anchors)) {
    parseWith(z.object({ trustStore: z.object({ anchors: z.array(z.unknown()) }) }), options, 'INVALID_VALIDATION_OPTIONS', 'Thiếu kho tin cậy (missing trust store)');
  }

  const target = loadCertificate(options.certificate, cache?.certificates);
  const pool = [
    ...options.trustStore.intermediates.map((c) => loadCertificate(c, cache?.certificates)),
    ...(options.intermediates ?? []).map((c) => loadCertificate(c, cache?.certificates)),
  ];
  const anchors = options.trustStore.anchors.map((a) => ({ id: a.id, record: loadCertificate(a.certificate, cache?.certificates) }));
  const ctx: Context = {
    at, policy, cache, anchors, pool,
    crls: (options.crls ?? []).map((c) => loadCrl(c, cache?.crls)),
    ocsp: (options.ocspResponses ?? []).map((r) => loadOcspResponse(r)),
    fetch: options.fetch,
    fetched: new Set(),
    signersInProgress: new Set(),
    ...(options.keyUsage ? { keyUsage: options.keyUsage } : {}),
    ...(options.extendedKeyUsage ? { extendedKeyUsage: options.extendedKeyUsage } : {}),
  };
  const base = { validationTime: atDate.toISOString(), policy: { name: policy.name, description: policy.description } };

  // The target is itself a trust anchor: trusted by identity, only its validity period is checked.
  const selfAnchor = anchors.find((a) => a.record.sha256 === target.sha256);
  if (selfAnchor) {
    const serialOk = !target.profileIssues.some((x) => x.startsWith('SERIAL_')) || (policy.levels.PROFILE_SERIAL_NUMBER ?? 'FAIL') !== 'FAIL';
    const ok = target.notBefore <= at && at <= target.notAfter && serialOk;
    const check: CheckResult = {
      id: 'TRUST_ANCHOR_VALIDITY', status: ok ? 'PASSED' : 'FAILED', level: 'FAIL', certificateIndex: 0, subject: target.view.subject.text,
      ...(ok ? {} : serialOk ? { indication: 'TOTAL_FAILED' as const, subIndication: at > target.notAfter ? 'EXPIRED' as const : 'NOT_YET_VALID' as const } : { indication: 'INDETERMINATE' as const, subIndication: 'CHAIN_CONSTRAINTS_FAILURE' as const }),
      message: ok ? { vi: 'Chứng thư là điểm tin cậy và còn hiệu lực', en: 'The certificate is a trust anchor and within its validity period' } : { vi: 'Điểm tin cậy không còn hiệu lực', en: 'The trust anchor is outside its validity period' },
    };
    const p: CandidatePath = { anchor: target, anchorId: selfAnchor.id, certificates: [] };
    return {
      indication: ok ? 'TOTAL_PASSED' : check.indication ?? 'TOTAL_FAILED',
      ...(check.subIndication ? { subIndication: check.subIndication } : {}),
      message: summaryMessage(ok ? 'TOTAL_PASSED' : check.indication ?? 'TOTAL_FAILED', check.subIndication),
      ...base, path: pathView(p), candidatePaths: 1, checks: [check], revocation: [], validPolicies: [],
    };
  }

  const limits = { maxLength: policy.maxPathLength, maxPaths: MAX_CANDIDATES, maxSteps: 2_000 };
  let built = buildCandidatePaths(target, pool, anchors, at, limits);
  // AIA chasing through the caller's fetch hook when no path was found
  for (let round = 0; built.paths.length === 0 && ctx.fetch && round < 3; round++) {
    const urls = [target, ...pool].flatMap((c) => c.view.extensions.authorityInfoAccess?.caIssuers ?? []).filter((u) => !ctx.fetched.has(u));
    if (urls.length === 0) break;
    for (const url of urls) {
      const bytes = await tryFetch(ctx, url, 'ca-issuers');
      if (!bytes) continue;
      try {
        const ders = bytes[0] === 0x30 && bytes.length > 12 && isP7(bytes) ? certificatesFromPkcs7(bytes) : [bytes];
        for (const d of ders) pool.push(loadCertificate(d, cache?.certificates));
      } catch {
        continue;
      }
    }
    built = buildCandidatePaths(target, pool, anchors, at, limits);
  }

  if (built.paths.length === 0) {
    const check: CheckResult = {
      id: 'CHAIN_FOUND', status: 'FAILED', level: 'FAIL', certificateIndex: 0, subject: target.view.subject.text,
      indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      message: {
        vi: `Không dựng được đường dẫn tới điểm tin cậy: không có chứng thư cấp phát cho "${target.view.issuer.text}"`,
        en: `No path to a trust anchor: no issuing certificate for "${target.view.issuer.text}"${built.truncated ? ' (search bound reached)' : ''}`,
      },
    };
    return {
      indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      message: summaryMessage('INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND'),
      ...base, path: [], candidatePaths: 0, checks: [check], revocation: [], validPolicies: [],
    };
  }

  let best: { p: CandidatePath; r: PathValidationResult } | undefined;
  for (const p of built.paths) {
    const r = await runPath(ctx, p, 0, true);
    if (!r.failure) {
      best = { p, r };
      break;
    }
    best ??= { p, r };
  }
  const { p, r } = best!;
  const chainCheck: CheckResult = {
    id: 'CHAIN_FOUND', status: 'PASSED', level: 'FAIL',
    message: { vi: `Đã dựng đường dẫn chứng thư (${p.certificates.length + 1} chứng thư)`, en: `Certificate path built (${p.certificates.length + 1} certificates)` },
    details: { length: String(p.certificates.length + 1) },
  };
  const indication = r.failure ? r.failure.indication! : 'TOTAL_PASSED';
  const sub = r.failure?.subIndication;
  return {
    indication,
    ...(sub ? { subIndication: sub } : {}),
    message: summaryMessage(indication, sub),
    ...base,
    path: pathView(p),
    candidatePaths: built.paths.length,
    checks: [chainCheck, ...r.checks],
    revocation: r.revocation,
    validPolicies: r.failure ? [] : r.validPolicies,
  };
}

function isP7(b: Uint8Array): boolean {
  // ContentInfo starts with the signedData OID 1.2.840.113549.1.7.2 shortly after the outer header
  const oid = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
  for (let i = 2; i < 8; i++) if (oid.every((x, k) => b[i + k] === x)) return true;
  return false;
}
