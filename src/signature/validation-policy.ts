/**
 * Validation policies (chính sách kiểm tra hợp lệ) in the spirit of EU DSS (signatures.md §3.4, §3.5): every check
 * has a level FAIL / WARN / INFORM / IGNORE, cryptographic constraints are dated, and revocation and the validity
 * model (shell or chain) are chosen by the policy. Policies are plain data validated with zod.
 */
import * as z from 'zod/mini';
import { parseWith } from '../errors/index.js';
import { ANY_POLICY } from './policy-tree.js';

/**
 * Constraint levels (mức ràng buộc), as DSS policy.xsd.
 * @example
 * ```ts
 * checkLevelSchema.safeParse('WARN').success; // true
 * ```
 */
export const checkLevelSchema = z.enum(['FAIL', 'WARN', 'INFORM', 'IGNORE']);
/**
 * FAIL: the check decides the result; WARN / INFORM: reported only; IGNORE: not reported.
 * @example
 * ```ts
 * const policy = defineValidationPolicy({ ...vietnameseEgovPolicy, levels: { TARGET_NOT_CA: 'FAIL' satisfies CheckLevel } });
 * ```
 */
export type CheckLevel = z.infer<typeof checkLevelSchema>;

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/**
 * A dated digest rule: signatures using `digest` are unacceptable after `notAfter` (ETSI TS 119 312 via DSS).
 * @example
 * ```ts
 * digestRuleSchema.safeParse({ digest: 'SHA-1', notAfter: '2012-08-01', source: 'ETSI TS 119 312' }).success; // true
 * ```
 */
export const digestRuleSchema = z.object({
  digest: z.enum(['MD2', 'MD5', 'SHA-1', 'SHA-224', 'SHA-256', 'SHA-384', 'SHA-512']),
  notAfter: z.optional(isoDay),
  source: z.string(),
});
/**
 * A dated digest rule (quy tắc hàm băm).
 * @example
 * ```ts
 * const legacySha1: DigestRule = { digest: 'SHA-1', source: 'legacy edXML policy (specs/edxml.md §4.4)' };
 * ```
 */
export type DigestRule = z.infer<typeof digestRuleSchema>;

/**
 * A key rule: keys of `algorithm` need at least `minKeySize` bits; optionally unacceptable after `notAfter`.
 * @example
 * ```ts
 * keyRuleSchema.safeParse({ algorithm: 'EC', minKeySize: 256, source: 'TT 15/2025' }).success; // true
 * ```
 */
export const keyRuleSchema = z.object({
  algorithm: z.enum(['RSA', 'RSA-PSS', 'EC', 'Ed25519', 'Ed448', 'DSA']),
  minKeySize: z.number().check(z.int(), z.nonnegative()),
  notAfter: z.optional(isoDay),
  source: z.string(),
});
/**
 * A key-size rule (quy tắc độ dài khóa).
 * @example
 * ```ts
 * const rsa3072: KeyRule = { algorithm: 'RSA', minKeySize: 3072, source: 'agency policy' };
 * ```
 */
export type KeyRule = z.infer<typeof keyRuleSchema>;

/**
 * Stable ids of the checks a report can contain (mã kiểm tra).
 * @example
 * ```ts
 * checkIdSchema.safeParse('SIGNATURE').success; // true
 * ```
 */
export const checkIdSchema = z.enum([
  'CHAIN_FOUND', 'TRUST_ANCHOR', 'SIGNATURE', 'SIGNATURE_ALGORITHM_MATCH', 'VALIDITY', 'NAME_CHAINING', 'REVOCATION',
  'NAME_CONSTRAINTS', 'CERTIFICATE_POLICIES', 'POLICY_MAPPING', 'BASIC_CONSTRAINTS', 'PATH_LENGTH', 'KEY_CERT_SIGN',
  'CRITICAL_EXTENSIONS', 'LEAF_KEY_USAGE', 'LEAF_EXTENDED_KEY_USAGE', 'CA_EXTENDED_KEY_USAGE', 'CRYPTO_CONSTRAINTS',
  'MAX_PATH_LENGTH', 'TRUST_ANCHOR_VALIDITY', 'TRUST_ANCHOR_CA', 'TARGET_NOT_CA',
  'PROFILE_AUTHORITY_KEY_ID', 'PROFILE_SUBJECT_KEY_ID', 'PROFILE_BASIC_CONSTRAINTS_CRITICAL', 'PROFILE_SERIAL_NUMBER',
  'PROFILE_EMPTY_NAME', 'PROFILE_SUBJECT_ALT_NAME', 'PROFILE_EXTENSION_CRITICALITY', 'PROFILE_NAME_CONSTRAINTS',
  'PROFILE_KEY_USAGE_CONSISTENCY', 'PROFILE_VERSION', 'PROFILE_DER',
]);
/**
 * A stable check id (mã kiểm tra), usable as a policy `levels` key.
 * @example
 * ```ts
 * const levels: Partial<Record<CheckId, CheckLevel>> = { PROFILE_AUTHORITY_KEY_ID: 'IGNORE' };
 * ```
 */
export type CheckId = z.infer<typeof checkIdSchema>;

/**
 * The validation policy object.
 * @example
 * ```ts
 * validationPolicySchema.safeParse(vietnameseEgovPolicy).success; // true
 * ```
 */
export const validationPolicySchema = z.object({
  /** Short name, e.g. `vn-egov-default`. */
  name: z.string().check(z.minLength(1)),
  description: z.string(),
  /** SHELL: every certificate valid at the validation time; CHAIN: each CA certificate valid when it issued the next. */
  model: z.enum(['SHELL', 'CHAIN']),
  /**
   * Longest accepted path below the trust anchor, counting the target and every intermediate that is not
   * self-issued (RFC 5280 §6.1.4 (l) counts the same way); bounds path building.
   */
  maxPathLength: z.number().check(z.int(), z.minimum(1), z.maximum(32)),
  revocation: z.object({
    /** Which certificates need revocation status (trạng thái thu hồi): all but the anchor, the leaf only, or none. */
    required: z.enum(['ALL', 'END_ENTITY', 'NONE']),
    /** A CRL or OCSP response older than this many seconds at the validation time is not fresh (absent: nextUpdate rules). */
    maxAgeSeconds: z.optional(z.number().check(z.int(), z.positive())),
  }),
  /** RFC 5280 §6.1.1 initial inputs. */
  initialPolicySet: z.array(z.string().check(z.regex(/^\d+(\.\d+)+$/))),
  initialExplicitPolicy: z.boolean(),
  initialPolicyMappingInhibit: z.boolean(),
  initialAnyPolicyInhibit: z.boolean(),
  /** Treat an EKU extension on a CA certificate as a constraint on its subordinates (Windows / webpki practice, not RFC 5280). */
  constrainEkuOnCaCertificates: z.boolean(),
  /** Accept anyExtendedKeyUsage in the leaf for a requested EKU (RFC 5280 §4.2.1.12 allows it). */
  acceptAnyExtendedKeyUsage: z.boolean(),
  crypto: z.object({
    level: checkLevelSchema,
    digests: z.array(digestRuleSchema),
    keys: z.array(keyRuleSchema),
    /** Sunsets dated after this day are reported at `levelAfterUpdate` (DSS AlgoExpirationDate UpdateDate). */
    updateDate: z.optional(isoDay),
    levelAfterUpdate: z.optional(checkLevelSchema),
  }),
  /** Level of each check; checks not listed are FAIL. */
  levels: z.partialRecord(checkIdSchema, checkLevelSchema),
});
/**
 * A validation policy (chính sách kiểm tra hợp lệ).
 * @example
 * ```ts
 * const policy: ValidationPolicy = { ...vietnameseEgovPolicy, name: 'chain-model', model: 'CHAIN' };
 * ```
 */
export type ValidationPolicy = z.infer<typeof validationPolicySchema>;

/** ETSI TS 119 312 digest sunsets as listed by EU DSS constraint.xml (signatures.md §3.5). */
const ETSI_DIGESTS: DigestRule[] = [
  { digest: 'MD2', notAfter: '2004-08-01', source: 'ETSI TS 119 312 via EU DSS constraint.xml (signatures.md §3.5)' },
  { digest: 'MD5', notAfter: '2004-08-01', source: 'ETSI TS 119 312 via EU DSS constraint.xml (signatures.md §3.5)' },
  { digest: 'SHA-1', notAfter: '2012-08-01', source: 'ETSI TS 119 312 via EU DSS constraint.xml (signatures.md §3.5)' },
  { digest: 'SHA-224', notAfter: '2029-01-01', source: 'ETSI TS 119 312 via EU DSS constraint.xml (signatures.md §3.5)' },
  { digest: 'SHA-256', source: 'ETSI TS 119 312 (no end date)' },
  { digest: 'SHA-384', source: 'ETSI TS 119 312 (no end date)' },
  { digest: 'SHA-512', source: 'ETSI TS 119 312 (no end date)' },
];

const TT15 = 'TT 15/2025/TT-BKHCN minimum key sizes RSA 2048 / ECDSA 256 (signatures.md §1.3, [secondary])';

/** Profile checks that real-world CAs often miss: reported as warnings by the default policy. */
const PROFILE_WARN: Partial<Record<CheckId, CheckLevel>> = {
  PROFILE_AUTHORITY_KEY_ID: 'WARN', PROFILE_SUBJECT_KEY_ID: 'WARN', PROFILE_BASIC_CONSTRAINTS_CRITICAL: 'WARN',
  PROFILE_SERIAL_NUMBER: 'WARN', PROFILE_EMPTY_NAME: 'WARN', PROFILE_SUBJECT_ALT_NAME: 'WARN',
  PROFILE_EXTENSION_CRITICALITY: 'WARN', PROFILE_NAME_CONSTRAINTS: 'WARN', PROFILE_KEY_USAGE_CONSISTENCY: 'WARN',
  PROFILE_VERSION: 'WARN', PROFILE_DER: 'WARN', TARGET_NOT_CA: 'WARN',
};

/**
 * Default policy for Vietnamese e-government (chính sách mặc định): shell model, revocation required for every
 * certificate below the anchor, RSA ≥ 2048 and ECDSA ≥ 256 bits (TT 15/2025, [secondary]), SHA-1 / MD5 signatures
 * rejected after their ETSI sunset, RFC 5280 §4 profile deviations reported as warnings.
 *
 * @example
 * ```ts
 * import { vietnameseEgovPolicy, defineValidationPolicy } from 'vn-egov/signature';
 * const noRevocation = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'offline-demo', revocation: { required: 'NONE' } });
 * ```
 */
export const vietnameseEgovPolicy: ValidationPolicy = {
  name: 'vn-egov-default',
  description:
    'Vietnamese e-government default: RFC 5280 path to a pinned anchor, revocation for all certificates, RSA ≥ 2048 / ECDSA ≥ 256 (TT 15/2025/TT-BKHCN), ETSI TS 119 312 digest sunsets',
  model: 'SHELL',
  maxPathLength: 8,
  revocation: { required: 'ALL' },
  initialPolicySet: [ANY_POLICY],
  initialExplicitPolicy: false,
  initialPolicyMappingInhibit: false,
  initialAnyPolicyInhibit: false,
  constrainEkuOnCaCertificates: false,
  acceptAnyExtendedKeyUsage: true,
  crypto: {
    level: 'FAIL',
    digests: ETSI_DIGESTS,
    keys: [
      { algorithm: 'RSA', minKeySize: 2048, source: TT15 },
      { algorithm: 'RSA-PSS', minKeySize: 2048, source: TT15 },
      { algorithm: 'EC', minKeySize: 256, source: TT15 },
      { algorithm: 'Ed25519', minKeySize: 256, source: 'RFC 8410 (not named by TT 15/2025)' },
    ],
    updateDate: '2026-11-28',
    levelAfterUpdate: 'WARN',
  },
  levels: { ...PROFILE_WARN },
};

/**
 * Strict profile policy: like the default, but every RFC 5280 §4 profile rule (key identifiers, critical
 * basicConstraints, serial numbers, name-constraint placement…) and the web-PKI rules x509-limbo tests (no
 * authorityCertIssuer / serial in a root's AKI, EKU on CA certificates as a constraint) fail the path. Used by the
 * x509-limbo harness. Note: the NEAC root's AKI carries authorityCertIssuer and serial, so this policy rejects
 * paths to it — use {@link vietnameseEgovPolicy} (warnings) for the Vietnamese hierarchies.
 *
 * @example
 * ```ts
 * const report = await validateCertificatePath({ certificate, trustStore, policy: strictRfc5280Policy });
 * ```
 */
export const strictRfc5280Policy: ValidationPolicy = {
  ...vietnameseEgovPolicy,
  name: 'rfc5280-strict-profile',
  description: 'RFC 5280 §6 path validation plus every §4 profile rule and the x509-limbo web-PKI rules as failures',
  constrainEkuOnCaCertificates: true,
  // RFC 5280 lets a CA certificate be the target (x509-limbo pathlen::validation-ignores-pathlen-in-leaf)
  levels: { TARGET_NOT_CA: 'WARN' },
};

/**
 * Checks and returns a validation policy built from a plain object (for example a copy of
 * {@link vietnameseEgovPolicy} with changes).
 *
 * @throws VnEgovError `INVALID_VALIDATION_POLICY`.
 * @example
 * ```ts
 * const chainModel = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'chain', model: 'CHAIN' });
 * ```
 */
export function defineValidationPolicy(input: unknown): ValidationPolicy {
  return parseWith(validationPolicySchema, input, 'INVALID_VALIDATION_POLICY', 'Chính sách kiểm tra không hợp lệ (invalid validation policy)');
}

/** The level a policy gives a check (FAIL when not listed). */
export function levelOf(policy: ValidationPolicy, id: CheckId): CheckLevel {
  return policy.levels[id] ?? 'FAIL';
}

/** Problems a policy finds with a digest and a key at a time, split by the update-date rule. Internal. */
export function cryptoProblems(
  policy: ValidationPolicy,
  digest: string | undefined,
  keys: readonly { who: string; algorithm: string; keySize: number; namedCurve?: string }[],
  at: number,
): { hard: string[]; soft: string[] } {
  const problems: { reason: string; sunset?: string }[] = [];
  const day = (d: string): number => Date.parse(`${d}T00:00:00Z`);
  if (digest) {
    const rule = policy.crypto.digests.find((d) => d.digest === digest);
    if (!rule) problems.push({ reason: `digest ${digest} not accepted` });
    else if (rule.notAfter && at >= day(rule.notAfter)) problems.push({ reason: `${digest} past its sunset ${rule.notAfter}`, sunset: rule.notAfter });
  }
  for (const key of keys) {
    const rule = policy.crypto.keys.find((k) => k.algorithm === key.algorithm);
    if (!rule) {
      problems.push({ reason: `${key.who} key algorithm ${key.algorithm} not accepted` });
      continue;
    }
    if (key.keySize < rule.minKeySize) problems.push({ reason: `${key.who} ${key.algorithm} key of ${key.keySize} bits < ${rule.minKeySize}` });
    if (rule.notAfter && at >= day(rule.notAfter)) problems.push({ reason: `${key.who} ${key.algorithm} past its sunset ${rule.notAfter}`, sunset: rule.notAfter });
    if (key.algorithm === 'EC' && !['P-256', 'P-384', 'P-521'].includes(key.namedCurve ?? '')) problems.push({ reason: `${key.who} curve ${key.namedCurve} not accepted` });
  }
  const update = policy.crypto.updateDate;
  const isSoft = (p: { sunset?: string }): boolean => p.sunset !== undefined && update !== undefined && p.sunset > update;
  return { hard: problems.filter((p) => !isSoft(p)).map((p) => p.reason), soft: problems.filter(isSoft).map((p) => p.reason) };
}
