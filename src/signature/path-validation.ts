/**
 * RFC 5280 §6.1 basic path validation (kiểm tra đường dẫn chứng thư) of one candidate path, done here rather than
 * by pkijs (signatures.md §2.2: its engine skips pathLen, EKU and leaf critical extensions): signatures, validity
 * (shell or chain model), name chaining, revocation (through a callback), name constraints, the valid_policy_tree,
 * basicConstraints and pathLen, keyUsage, unknown critical extensions; plus the caller's key-usage / EKU demands,
 * the policy's cryptographic constraints and RFC 5280 §4 profile checks, each at the level the policy gives it.
 */
import { EXTENDED_KEY_USAGES, type CertificateRecord, type KeyUsageName } from './certificate.js';
import { addNameConstraints, checkNames, initialNameConstraints } from './name-constraints.js';
import type { CandidatePath } from './path-building.js';
import { ANY_POLICY, PolicyTree } from './policy-tree.js';
import { CHECK_MESSAGES, type CheckResult, type MainIndication, type RevocationStatus, type SubIndication } from './report.js';
import { verifySignature, type ValidationCache } from './signature-verification.js';
import { cryptoProblems, levelOf, type CheckId, type CheckLevel, type ValidationPolicy } from './validation-policy.js';

/** What a revocation callback reports for one certificate. */
export interface RevocationFinding {
  ok: boolean;
  status: RevocationStatus;
  indication?: Exclude<MainIndication, 'TOTAL_PASSED'>;
  subIndication?: SubIndication;
  details: Record<string, string>;
}

/** Inputs of {@link validatePath}. */
export interface PathValidationContext {
  at: number;
  policy: ValidationPolicy;
  keyUsage?: readonly KeyUsageName[];
  extendedKeyUsage?: readonly string[];
  cache?: ValidationCache;
  /** Called for certificate `index` (1-based in the path, anchor = 0) with its issuer. */
  revocation?: (index: number, cert: CertificateRecord, issuer: CertificateRecord) => Promise<RevocationFinding>;
}

/** Result of one candidate path. */
export interface PathValidationResult {
  checks: CheckResult[];
  /** First failing check at level FAIL (decides the indication). */
  failure?: CheckResult;
  validPolicies: string[];
  revocation: RevocationStatus[];
}

const PROCESSED_CRITICAL = new Set([
  '2.5.29.19', '2.5.29.15', '2.5.29.37', '2.5.29.32', '2.5.29.33', '2.5.29.36', '2.5.29.54', '2.5.29.30', '2.5.29.17',
  '2.5.29.14', '2.5.29.35', '2.5.29.18', '2.5.29.31', '2.5.29.46', '1.3.6.1.5.5.7.1.1',
]);

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function digestOf(rec: CertificateRecord): string | undefined {
  return rec.view.signatureAlgorithm.hash;
}

/** Validates one candidate path. */
export async function validatePath(path: CandidatePath, ctx: PathValidationContext): Promise<PathValidationResult> {
  const { policy, at } = ctx;
  const checks: CheckResult[] = [];
  const revocation: RevocationStatus[] = [];
  let failure: CheckResult | undefined;
  const certs = path.certificates;
  const n = certs.length;
  const all = [path.anchor, ...certs];

  const record = (
    id: CheckId,
    ok: boolean,
    index: number | undefined,
    onFail: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication],
    details: Record<string, string> = {},
    levelOverride?: CheckLevel,
  ): boolean => {
    const level = levelOverride ?? (id === 'CRYPTO_CONSTRAINTS' ? policy.crypto.level : levelOf(policy, id));
    if (level === 'IGNORE') return true;
    if (ok && level !== 'FAIL' && id.startsWith('PROFILE_')) return true; // passing warn-level profile checks are noise
    const [passT, failT] = CHECK_MESSAGES[id];
    const status = ok ? 'PASSED' : level === 'FAIL' ? 'FAILED' : level === 'WARN' ? 'WARNING' : 'INFORMATION';
    const cert = index !== undefined ? all[index] : undefined;
    const c: CheckResult = {
      id,
      status,
      level,
      ...(index !== undefined ? { certificateIndex: index } : {}),
      ...(cert ? { subject: cert.view.subject.text } : {}),
      ...(!ok ? { indication: onFail[0], subIndication: onFail[1] } : {}),
      message: (ok ? passT : failT)(details),
      ...(Object.keys(details).length ? { details } : {}),
    };
    checks.push(c);
    if (status === 'FAILED' && !failure) failure = c;
    return ok || level !== 'FAIL';
  };
  const CHAIN: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication] = ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE'];
  const GENERAL: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication] = ['INDETERMINATE', 'CERTIFICATE_CHAIN_GENERAL_FAILURE'];
  const CRYPTO: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication] = ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'];

  record('TRUST_ANCHOR', true, 0, GENERAL, { anchor: `${path.anchorId} (${path.anchor.view.subject.text})` });
  const logicalLength = certs.filter((c, k) => k === n - 1 || !c.view.selfIssued).length;
  record('MAX_PATH_LENGTH', logicalLength <= policy.maxPathLength, undefined, CHAIN, { max: String(policy.maxPathLength), length: String(logicalLength) });

  // Trust-anchor certificate checks (RFC 5937-style use of the anchor certificate's own constraints).
  const anchor = path.anchor;
  // chain model: the anchor must have been valid when it issued the first certificate of the path
  const anchorTime = policy.model === 'CHAIN' && n > 0 ? certs[0]!.notBefore : at;
  record('TRUST_ANCHOR_VALIDITY', anchor.notBefore <= anchorTime && anchorTime <= anchor.notAfter, 0, ['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE'], { time: iso(anchorTime) });
  {
    const bc = anchor.view.extensions.basicConstraints;
    const reason = anchor.view.version === 3 && !bc ? 'basicConstraints missing' : bc && !bc.ca ? 'basicConstraints cA is false' : '';
    record('TRUST_ANCHOR_CA', reason === '', 0, CHAIN, reason ? { reason } : {});
    const unknown = anchor.view.extensions.list.filter((e) => e.critical && !PROCESSED_CRITICAL.has(e.oid)).map((e) => e.oid);
    record('CRITICAL_EXTENSIONS', unknown.length === 0, 0, CHAIN, { oids: unknown.join(', ') });
    anchorProfileChecks(anchor, record);
    const anchorEku = anchor.view.extensions.extendedKeyUsage;
    if (policy.constrainEkuOnCaCertificates && anchorEku && ctx.extendedKeyUsage?.length) {
      const missing = ctx.extendedKeyUsage.filter((e) => !anchorEku.purposes.includes(e) && !anchorEku.purposes.includes(EXTENDED_KEY_USAGES.anyExtendedKeyUsage));
      record('CA_EXTENDED_KEY_USAGE', missing.length === 0, 0, CHAIN, { missing: missing.join(', ') });
    }
    // The anchor's self-signature is not relied upon (RFC 5280 §6.1.1 (d)), so its digest is not policed.
  }

  // RFC 5280 §6.1.2 initialisation.
  const tree = new PolicyTree();
  let explicitPolicy = policy.initialExplicitPolicy ? 0 : n + 1;
  let inhibitAnyPolicy = policy.initialAnyPolicyInhibit ? 0 : n + 1;
  let policyMapping = policy.initialPolicyMappingInhibit ? 0 : n + 1;
  let nameState = initialNameConstraints();
  let maxPathLength = n;
  let workingIssuer: CertificateRecord = anchor;
  const anchorNc = anchor.view.extensions.nameConstraints;
  if (anchorNc) nameState = addNameConstraints(nameState, anchorNc);

  for (let i = 1; i <= n; i++) {
    const cert = certs[i - 1]!;
    const ext = cert.view.extensions;
    const isLeaf = i === n;
    const selfIssued = cert.view.selfIssued;

    // (a)(1) signature with the working public key
    const sigKey = `${cert.sha256}|${workingIssuer.spkiSha256}`;
    const v = cert.profileIssues.includes('SIGNATURE_UNUSED_BITS')
      ? { ok: false as const, unsupported: false, reason: 'signature BIT STRING has unused bits' }
      : await verifySignature(workingIssuer.spki, cert.signatureAlgorithm, cert.tbs, cert.signatureValue, ctx.cache, ctx.cache ? sigKey : undefined);
    record('SIGNATURE', v.ok, i, v.ok ? GENERAL : v.unsupported ? GENERAL : ['INDETERMINATE', 'CERTIFICATE_CHAIN_GENERAL_FAILURE'], v.ok ? {} : { reason: v.reason });
    record('SIGNATURE_ALGORITHM_MATCH', cert.algorithmsMatch, i, GENERAL);

    // (a)(2) validity: shell model at `at`; chain model: CA certificates at the issuance of their subordinate.
    const t = isLeaf || policy.model === 'SHELL' ? at : certs[i]!.notBefore;
    const inValidity = cert.notBefore <= t && t <= cert.notAfter;
    const expired = t > cert.notAfter;
    record(
      'VALIDITY',
      inValidity,
      i,
      isLeaf ? ['TOTAL_FAILED', expired ? 'EXPIRED' : 'NOT_YET_VALID'] : ['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE'],
      { time: iso(t), notBefore: cert.view.validity.notBefore, notAfter: cert.view.validity.notAfter, state: expired ? 'expired' : 'not-yet-valid' },
    );

    // (a)(3) revocation
    if (ctx.revocation) {
      const r = await ctx.revocation(i, cert, workingIssuer);
      revocation.push(r.status);
      record('REVOCATION', r.ok, i, [r.indication ?? 'INDETERMINATE', r.subIndication ?? 'TRY_LATER'], r.details);
    }

    // (a)(4) name chaining
    record('NAME_CHAINING', cert.issuerKey === workingIssuer.subjectKey, i, GENERAL);

    // (b)(c) name constraints
    if (!selfIssued || isLeaf) {
      const nc = checkNames(nameState, cert.view.subject, ext.subjectAltName?.names);
      record('NAME_CONSTRAINTS', nc.ok, i, CHAIN, nc.ok ? {} : { name: nc.name, reason: nc.reason });
    }

    // (d)(e)(f) policies
    if (ext.certificatePolicies && !tree.isNull) {
      tree.processCertificate(i, ext.certificatePolicies.policies.map((p) => p.oid), inhibitAnyPolicy > 0 || (!isLeaf && selfIssued));
    } else if (!ext.certificatePolicies) tree.setNull();
    if (tree.overflow) record('CERTIFICATE_POLICIES', false, i, CHAIN, { reason: 'policy tree too large' });
    if (!(explicitPolicy > 0 || !tree.isNull)) record('CERTIFICATE_POLICIES', false, i, CHAIN, { reason: 'explicit policy required and no valid policy' });

    // RFC 5280 §4 profile checks
    profileChecks(cert, i, record);
    // crypto constraints: the signature on this certificate (digest, issuer key) and its own key
    cryptoChecks(cert, workingIssuer, i, at, policy, record, CRYPTO);

    if (!isLeaf) {
      // §6.1.4 preparation for certificate i+1
      const pm = ext.policyMappings;
      if (pm) {
        const bad = pm.mappings.some((m) => m.issuerDomainPolicy === ANY_POLICY || m.subjectDomainPolicy === ANY_POLICY);
        record('POLICY_MAPPING', !bad, i, CHAIN);
        tree.applyMappings(i, pm.mappings, policyMapping > 0);
      }
      workingIssuer = cert;
      if (ext.nameConstraints) nameState = addNameConstraints(nameState, ext.nameConstraints);
      if (!selfIssued) {
        if (explicitPolicy > 0) explicitPolicy--;
        if (policyMapping > 0) policyMapping--;
        if (inhibitAnyPolicy > 0) inhibitAnyPolicy--;
      }
      const pc = ext.policyConstraints;
      if (pc?.requireExplicitPolicy !== undefined && pc.requireExplicitPolicy < explicitPolicy) explicitPolicy = pc.requireExplicitPolicy;
      if (pc?.inhibitPolicyMapping !== undefined && pc.inhibitPolicyMapping < policyMapping) policyMapping = pc.inhibitPolicyMapping;
      if (ext.inhibitAnyPolicy && ext.inhibitAnyPolicy.skipCerts < inhibitAnyPolicy) inhibitAnyPolicy = ext.inhibitAnyPolicy.skipCerts;
      // (k) CA
      record('BASIC_CONSTRAINTS', cert.view.version === 3 && ext.basicConstraints?.ca === true, i, CHAIN);
      // (l)(m) path length
      if (!selfIssued) {
        record('PATH_LENGTH', maxPathLength > 0, i, CHAIN, { remaining: String(maxPathLength) });
        maxPathLength--;
      }
      const pl = ext.basicConstraints?.pathLength;
      if (pl !== undefined && pl < maxPathLength) maxPathLength = pl;
      // (n) keyCertSign
      if (ext.keyUsage) record('KEY_CERT_SIGN', ext.keyUsage.usages.includes('keyCertSign'), i, CHAIN);
      // EKU on CA certificates as a constraint (policy option)
      if (policy.constrainEkuOnCaCertificates && ext.extendedKeyUsage && ctx.extendedKeyUsage?.length) {
        const have = ext.extendedKeyUsage.purposes;
        const missing = ctx.extendedKeyUsage.filter((e) => !have.includes(e) && !have.includes(EXTENDED_KEY_USAGES.anyExtendedKeyUsage));
        record('CA_EXTENDED_KEY_USAGE', missing.length === 0, i, CHAIN, { missing: missing.join(', ') });
      }
    } else {
      // §6.1.5 wrap-up
      if (explicitPolicy > 0) explicitPolicy--;
      if (ext.policyConstraints?.requireExplicitPolicy === 0) explicitPolicy = 0;
      record('TARGET_NOT_CA', ext.basicConstraints?.ca !== true, i, CHAIN);
      // caller demands on the target certificate
      if (ctx.keyUsage?.length) {
        const usages = ext.keyUsage?.usages;
        const missing = usages ? ctx.keyUsage.filter((u) => !usages.includes(u)) : [];
        record('LEAF_KEY_USAGE', missing.length === 0, i, CHAIN, { missing: missing.join(', ') });
      }
      if (ctx.extendedKeyUsage?.length && ext.extendedKeyUsage) {
        const have = ext.extendedKeyUsage.purposes;
        const anyOk = policy.acceptAnyExtendedKeyUsage && have.includes(EXTENDED_KEY_USAGES.anyExtendedKeyUsage);
        const missing = anyOk ? [] : ctx.extendedKeyUsage.filter((e) => !have.includes(e));
        record('LEAF_EXTENDED_KEY_USAGE', missing.length === 0, i, CHAIN, { missing: missing.join(', ') });
      }
    }
    // (o) / §6.1.5 (f) unknown critical extensions
    const unknown = ext.list.filter((e) => e.critical && !PROCESSED_CRITICAL.has(e.oid)).map((e) => e.oid);
    record('CRITICAL_EXTENSIONS', unknown.length === 0, i, CHAIN, { oids: unknown.join(', ') });
  }

  // §6.1.5 (g) policy intersection
  const validPolicies = tree.intersect(n, policy.initialPolicySet);
  const policyOk = explicitPolicy > 0 || validPolicies.length > 0;
  record('CERTIFICATE_POLICIES', policyOk, n, CHAIN, policyOk ? { policies: validPolicies.join(', ') || '(none required)' } : { reason: 'no policy satisfies the initial policy set' });

  return { checks, ...(failure ? { failure } : {}), validPolicies, revocation };
}

type Recorder = (
  id: CheckId,
  ok: boolean,
  index: number | undefined,
  onFail: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication],
  details?: Record<string, string>,
  levelOverride?: CheckLevel,
) => boolean;

function cryptoChecks(
  cert: CertificateRecord,
  issuer: CertificateRecord,
  index: number,
  at: number,
  policy: ValidationPolicy,
  record: Recorder,
  onFail: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication],
): void {
  const family = cert.view.signatureAlgorithm.family;
  const { hard: hardReasons, soft } = cryptoProblems(policy, digestOf(cert), [
    { who: 'issuer', ...issuer.view.publicKey },
    { who: 'subject', ...cert.view.publicKey },
  ], at);
  const hard = family === 'UNKNOWN' ? [`unknown signature algorithm ${cert.view.signatureAlgorithm.oid}`, ...hardReasons] : hardReasons;
  const details: Record<string, string> = {
    algorithm: cert.view.signatureAlgorithm.name,
    key: `${cert.view.publicKey.algorithm}-${cert.view.publicKey.keySize}`,
  };
  if (hard.length) record('CRYPTO_CONSTRAINTS', false, index, onFail, { ...details, reason: hard.join('; ') });
  else if (soft.length) record('CRYPTO_CONSTRAINTS', false, index, onFail, { ...details, reason: soft.join('; ') }, policy.crypto.levelAfterUpdate ?? 'WARN');
  else record('CRYPTO_CONSTRAINTS', true, index, onFail, details);
}

function profileChecks(cert: CertificateRecord, index: number, record: Recorder): void {
  const ext = cert.view.extensions;
  const P: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication] = ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE'];
  const isCa = ext.basicConstraints?.ca === true;
  // AKI (§4.2.1.1): present with keyIdentifier, non-critical
  const aki = ext.authorityKeyIdentifier;
  const akiReason = !aki ? 'missing' : aki.critical ? 'critical' : aki.keyIdentifier === undefined ? 'no keyIdentifier' : '';
  record('PROFILE_AUTHORITY_KEY_ID', akiReason === '', index, P, { reason: akiReason });
  // SKI (§4.2.1.2): CA certificates must have it; never critical
  const ski = ext.subjectKeyIdentifier;
  const skiReason = ski?.critical ? 'critical' : isCa && !ski ? 'missing in a CA certificate' : '';
  record('PROFILE_SUBJECT_KEY_ID', skiReason === '', index, P, { reason: skiReason });
  if (isCa) record('PROFILE_BASIC_CONSTRAINTS_CRITICAL', ext.basicConstraints!.critical, index, P);
  const serialIssues = cert.profileIssues.filter((p) => p.startsWith('SERIAL_'));
  record('PROFILE_SERIAL_NUMBER', serialIssues.length === 0, index, P, { reason: serialIssues.join(', ') });
  const emptyReason = cert.view.issuer.rdns.length === 0 ? 'empty issuer' : isCa && cert.view.subject.rdns.length === 0 ? 'empty subject in a CA certificate' : '';
  record('PROFILE_EMPTY_NAME', emptyReason === '', index, P, { reason: emptyReason });
  const san = ext.subjectAltName;
  const sanReason =
    cert.view.subject.rdns.length === 0 ? (!san ? 'empty subject without subjectAltName' : !san.critical ? 'subjectAltName must be critical when the subject is empty' : '')
      : san?.critical ? 'subjectAltName should be non-critical when the subject is not empty' : '';
  record('PROFILE_SUBJECT_ALT_NAME', sanReason === '', index, P, { reason: sanReason });
  const mustBeNonCritical = ext.list.filter((e) => e.critical && ['1.3.6.1.5.5.7.1.1', '2.5.29.35', '2.5.29.14', '2.5.29.46'].includes(e.oid));
  record('PROFILE_EXTENSION_CRITICALITY', mustBeNonCritical.length === 0, index, P, { extension: mustBeNonCritical.map((e) => e.name ?? e.oid).join(', ') });
  const nc = ext.nameConstraints;
  if (nc) {
    const ncReason = !isCa ? 'nameConstraints in an end-entity certificate' : !nc.critical ? 'not critical'
      : (!nc.permitted?.length && !nc.excluded?.length) ? 'neither permitted nor excluded subtrees'
        : [...(nc.permitted ?? []), ...(nc.excluded ?? [])].some((s) => s.minimum !== 0 || s.maximum !== undefined) ? 'minimum/maximum present' : '';
    record('PROFILE_NAME_CONSTRAINTS', ncReason === '', index, P, { reason: ncReason });
  }
  const ku = ext.keyUsage;
  const kuReason = ku?.usages.includes('keyCertSign') && !isCa ? 'keyCertSign without basicConstraints cA'
    : ku && isCa && !ku.usages.includes('keyCertSign') ? 'basicConstraints cA without keyCertSign (RFC 5280 §4.2.1.3)'
      : ku && ku.usages.length === 0 ? 'no bit set' : '';
  record('PROFILE_KEY_USAGE_CONSISTENCY', kuReason === '', index, P, { reason: kuReason });
  record('PROFILE_VERSION', cert.view.version === 3, index, P, { reason: `version ${cert.view.version}` });
  const der = cert.profileIssues.filter((p) => !p.startsWith('SERIAL_'));
  record('PROFILE_DER', der.length === 0, index, P, { reason: der.join(', ') });
}

/** Profile checks of the trust anchor certificate (strict policies). */
export function anchorProfileChecks(anchor: CertificateRecord, record: Recorder): void {
  const ext = anchor.view.extensions;
  const P: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication] = ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE'];
  const aki = ext.authorityKeyIdentifier;
  const ski = ext.subjectKeyIdentifier;
  const akiReason = !aki ? (anchor.view.selfIssued ? '' : 'missing in a cross-signed certificate') : aki.critical ? 'critical' : aki.keyIdentifier === undefined ? 'no keyIdentifier'
    : aki.authorityCertIssuer || aki.authorityCertSerialNumber ? 'authorityCertIssuer / serial present'
      : ski && anchor.view.selfIssued && ski.keyIdentifier !== aki.keyIdentifier ? 'keyIdentifier differs from subjectKeyIdentifier' : '';
  record('PROFILE_AUTHORITY_KEY_ID', akiReason === '', 0, P, { reason: akiReason });
  record('PROFILE_SUBJECT_KEY_ID', !!ski && !ski.critical, 0, P, { reason: !ski ? 'missing in a CA certificate' : 'critical' });
  const bc = ext.basicConstraints;
  if (bc) record('PROFILE_BASIC_CONSTRAINTS_CRITICAL', bc.critical, 0, P);
  const emptyReason = anchor.view.issuer.rdns.length === 0 ? 'empty issuer' : anchor.view.subject.rdns.length === 0 ? 'empty subject in a CA certificate' : '';
  record('PROFILE_EMPTY_NAME', emptyReason === '', 0, P, { reason: emptyReason });
  if (ext.nameConstraints) record('PROFILE_NAME_CONSTRAINTS', ext.nameConstraints.critical, 0, P, { reason: 'not critical' });
  const ku = ext.keyUsage;
  const kuReason = ku && bc?.ca && !ku.usages.includes('keyCertSign') ? 'CA without keyCertSign' : ku?.usages.includes('keyCertSign') && !bc?.ca ? 'keyCertSign without cA' : '';
  record('PROFILE_KEY_USAGE_CONSISTENCY', kuReason === '', 0, P, { reason: kuReason });
  record('PROFILE_SERIAL_NUMBER', !anchor.profileIssues.some((p) => p.startsWith('SERIAL_')), 0, P, { reason: anchor.profileIssues.join(', ') });
}
