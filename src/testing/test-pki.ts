/**
 * `createTestPki`: a complete test PKI (hạ tầng khóa công khai kiểm thử) that mimics the two Vietnamese hierarchies —
 * NEAC "Vietnam National Root CA" → a licensed public CA, and Ban Cơ yếu Chính phủ "RootCA chuyên dùng Chính phủ G2" →
 * "CA phục vụ các cơ quan Nhà nước G2" (signatures.md §1.1) — with person and organisation leaves carrying `UID`
 * identifiers (§1.2), delegated OCSP responders, CRLs and a time-stamping certificate. WebCrypto only.
 */
import { createTrustStore, EXTENDED_KEY_USAGES, type TrustStore } from '../signature/index.js';
import { issueCertificate, toDate, type IssueCertificateOptions, type TestCaUrls, type TestCertificate } from './certificate-builder.js';
import { createCrl, type CreateCrlOptions, type TestCrl, type TestRevocation } from './crl-builder.js';
import { testingError } from './errors.js';
import { createOcspResponse, issuerHashes, ocspErrorResponse, readOcspRequest, type OcspCertStatus } from './ocsp-responder.js';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';
import { generateTestKeyPair, TEST_KEY_ALGORITHMS, type TestKeyAlgorithm } from './test-keys.js';
import { createTimestampToken, type TimestampResult } from './timestamp.js';
import type { TestName } from './test-name.js';

/**
 * Options of {@link createTestPki}.
 * @example
 * ```ts
 * const options: TestPkiOptions = { seed: 'my-app', now: '2026-03-01T09:00:00+07:00', keyAlgorithm: 'ECDSA-P256' };
 * ```
 */
export interface TestPkiOptions {
  /** Seed of serial numbers (same seed → same serials). Default `vn-egov`. */
  seed?: string | number;
  /** The PKI's present: every validity period, CRL and OCSP time is computed from it. Default: the current time. */
  now?: Date | string;
  /** Key algorithm of end-entity certificates and OCSP responders. Default `RSA-2048`. */
  keyAlgorithm?: TestKeyAlgorithm;
  /** Key algorithm of roots and CAs (the real ones are RSA-4096; 2048 keeps tests fast). Default `RSA-2048`. */
  caKeyAlgorithm?: TestKeyAlgorithm;
  /** Domain of the CRL, OCSP, caIssuers and CPS URLs. Default `vn-egov.test` (RFC 6761: never resolves). */
  domain?: string;
  /** Replace the default CA names, e.g. to name the NEAC-like CA after a real one. */
  names?: { neacRoot?: TestName; neacCa?: TestName; bcyRoot?: TestName; bcyCa?: TestName };
  /** Branch suffix of the organisation's tax code (`MST:0101234567-001`), 3 digits. */
  organizationBranch?: string;
}

/**
 * One hierarchy of the test PKI: root → CA → leaves, with a delegated OCSP responder.
 * @example
 * ```ts
 * const { root, ca, person, organization, revoked }: TestHierarchy = pki.bcy;
 * ```
 */
export interface TestHierarchy {
  /** `neac`: NEAC-like public hierarchy; `bcy`: Ban Cơ yếu-like government hierarchy. */
  readonly kind: 'neac' | 'bcy';
  readonly root: TestCertificate;
  /** The issuing CA (pathLength 0). */
  readonly ca: TestCertificate;
  /** Delegated OCSP responder of the CA (id-kp-OCSPSigning, id-pkix-ocsp-nocheck). */
  readonly ocspResponder: TestCertificate;
  /** A person: NEAC `CN=Nguyễn Văn A, UID=CCCD:001234567890`; BCY an official with CCCD and the agency's MST. */
  readonly person: TestCertificate;
  /** An organisation: NEAC a company with `MST:`; BCY a state agency with `MST:` and `MNS:`. */
  readonly organization: TestCertificate;
  /** A person certificate revoked (keyCompromise) two days before `now`. */
  readonly revoked: TestCertificate;
}

/**
 * Defects {@link TestPki.issueCertificate} can build in, each with the validation result the library gives it:
 * - `expired` (TOTAL_FAILED / EXPIRED), `not-yet-valid` (TOTAL_FAILED / NOT_YET_VALID);
 * - `wrong-key-usage`: only keyEncipherment (INDETERMINATE / CHAIN_CONSTRAINTS_FAILURE when the caller requires
 *   `nonRepudiation` or `digitalSignature`);
 * - `ca-false-issuer`: issued by the hierarchy's person certificate (CA:false) (INDETERMINATE / CHAIN_CONSTRAINTS_FAILURE);
 * - `unknown-critical-extension`: a critical extension 2.999.1 (INDETERMINATE / CHAIN_CONSTRAINTS_FAILURE);
 * - `sha1`: signed with SHA-1 (INDETERMINATE / CRYPTO_CONSTRAINTS_FAILURE after the 2012 sunset);
 * - `weak-key`: an RSA-1024 key (INDETERMINATE / CRYPTO_CONSTRAINTS_FAILURE).
 * @example
 * ```ts
 * const bad = await pki.issueCertificate({ defects: ['expired'] satisfies TestCertificateDefect[] });
 * ```
 */
export type TestCertificateDefect =
  | 'expired' | 'not-yet-valid' | 'wrong-key-usage' | 'ca-false-issuer' | 'unknown-critical-extension' | 'sha1' | 'weak-key';

/**
 * Every {@link TestCertificateDefect}, e.g. to test each failure path in a loop.
 * @example
 * ```ts
 * for (const defect of TEST_CERTIFICATE_DEFECTS) await pki.issueCertificate({ defects: [defect] });
 * ```
 */
export const TEST_CERTIFICATE_DEFECTS: readonly TestCertificateDefect[] = [
  'expired', 'not-yet-valid', 'wrong-key-usage', 'ca-false-issuer', 'unknown-critical-extension', 'sha1', 'weak-key',
];

/**
 * Leaf profiles of the test PKI.
 * @example
 * ```ts
 * const profile: TestLeafProfile = 'organization';
 * ```
 */
export type TestLeafProfile = 'person' | 'organization' | 'tsa' | 'ocsp-responder';

/**
 * Options of {@link TestPki.issueCertificate}: a profile and defects, and any {@link IssueCertificateOptions} field to
 * override (subject, dates, extensions…). Issuer defaults to `pki.neac.ca`.
 * @example
 * ```ts
 * const options: TestLeafOptions = { hierarchy: 'bcy', profile: 'organization', subject: { C: 'VN', CN: 'Sở Tư pháp', UID: ['MST:0109999999'] } };
 * ```
 */
export type TestLeafOptions = Partial<IssueCertificateOptions> & {
  /** Which hierarchy's CA issues it (when `issuer` is not given). Default `neac`. */
  hierarchy?: 'neac' | 'bcy';
  /** Default `person`. */
  profile?: TestLeafProfile;
  defects?: readonly TestCertificateDefect[];
};

/**
 * An OCSP query by certificate or serial number (instead of a DER OCSPRequest).
 * @example
 * ```ts
 * const q: OcspQuery = { serialNumber: pki.neac.revoked.serialNumber };
 * ```
 */
export type OcspQuery =
  | { serialNumber: string; issuer?: TestCertificate; nonce?: Uint8Array }
  | { certificate: TestCertificate; nonce?: Uint8Array };

/**
 * Options of {@link TestPki.ocspRespond}.
 * @example
 * ```ts
 * const options: OcspRespondOptions = { signer: 'ca', at: '2026-03-01T00:00:00Z' };
 * ```
 */
export interface OcspRespondOptions {
  /** The CA's delegated responder (default; the CA itself when it has none, e.g. a root) or the CA. */
  signer?: 'delegated' | 'ca';
  /** Time of the answer (producedAt / thisUpdate); default the PKI's `now`. */
  at?: Date | string;
  /** Force a status instead of looking it up. */
  status?: OcspCertStatus;
}

/**
 * The test PKI. Certificates, keys and URLs are fixed at creation; revocations can be added with {@link TestPki.revoke}
 * and show up in later CRLs and OCSP responses.
 * @example
 * ```ts
 * const pki: TestPki = await createTestPki({ now: '2026-03-01T00:00:00Z' });
 * ```
 */
export interface TestPki {
  readonly seed: string;
  readonly now: Date;
  readonly domain: string;
  /** NEAC-like hierarchy: "Test Vietnam National Root CA" → "Test VNPT-CA". */
  readonly neac: TestHierarchy;
  /** Ban Cơ yếu-like hierarchy: "Test RootCA chuyên dùng Chính phủ G2" → "Test CA phục vụ các cơ quan Nhà nước G2". */
  readonly bcy: TestHierarchy;
  /** Time-stamping authority certificate (EKU timeStamping, critical), issued by the NEAC-like root. */
  readonly tsa: TestCertificate;
  readonly roots: readonly TestCertificate[];
  /** The issuing CAs (untrusted intermediates to give to path building). */
  readonly intermediates: readonly TestCertificate[];
  /** Every certificate made so far (roots, CAs, responders, leaves, custom ones). */
  certificates(): readonly TestCertificate[];
  /** A signature-module trust store holding only the two test roots (nothing else is trusted). */
  trustStore(): TrustStore;
  /** Issues a custom leaf (profile defaults, overrides, deliberate defects). */
  issueCertificate(options?: TestLeafOptions): Promise<TestCertificate>;
  /** Records a revocation (default: now − 1 hour, unspecified) for later CRLs and OCSP responses. */
  revoke(certificate: TestCertificate | string, options?: { date?: Date | string; reason?: TestRevocation['reason']; invalidityDate?: Date | string }): void;
  /** Revocations recorded for certificates issued by `issuer`. */
  revocations(issuer: TestCertificate): readonly TestRevocation[];
  /** A CRL of `issuer` with its recorded revocations (thisUpdate now − 1 h, nextUpdate now + 7 days). */
  createCrl(issuer: TestCertificate, options?: Partial<Omit<CreateCrlOptions, 'issuer'>>): Promise<TestCrl>;
  /** The current CRL of every CA (both roots and both issuing CAs). */
  crls(): Promise<TestCrl[]>;
  /** Answers an OCSP request (DER) or a query by certificate / serial with a signed OCSPResponse (DER). */
  ocspRespond(request: Uint8Array | ArrayBuffer | OcspQuery, options?: OcspRespondOptions): Promise<Uint8Array>;
  /** An RFC 3161 time-stamp token by `tsa` over data (or a DER TimeStampReq), at `now` unless `at` is given. */
  timestamp(input: { data: Uint8Array } | { request: Uint8Array }, options?: { at?: Date | string }): Promise<TimestampResult>;
}

const DAY = 86_400_000;
/** Policy OIDs under the ITU-T example arc 2.999 (never a real policy). */
const POLICIES = {
  neac: { person: '2.999.704.1.1.1', organization: '2.999.704.1.1.2', tsa: '2.999.704.1.1.3' },
  bcy: { person: '2.999.704.1.2.1', organization: '2.999.704.1.2.2', tsa: '2.999.704.1.2.3' },
} as const;
const ANY_POLICY = '2.5.29.32.0';
const TEST_OU = 'vn-egov test PKI - không dùng thật';

function defaultNames(): Required<NonNullable<TestPkiOptions['names']>> {
  return {
    neacRoot: { C: 'VN', O: 'Test Ministry of Information and Communications', OU: 'Test National Centre of Digital Signature Authentication', CN: 'Test Vietnam National Root CA' },
    neacCa: { C: 'VN', O: 'Test VNPT Group', OU: TEST_OU, CN: 'Test VNPT-CA' },
    bcyRoot: { C: 'VN', O: 'Ban Cơ yếu Chính phủ', OU: TEST_OU, CN: 'Test RootCA chuyên dùng Chính phủ G2' },
    bcyCa: { C: 'VN', O: 'Ban Cơ yếu Chính phủ', OU: TEST_OU, CN: 'Test CA phục vụ các cơ quan Nhà nước G2' },
  };
}

function checkOptions(o: TestPkiOptions): void {
  if (typeof o !== 'object' || o === null) throw testingError('INVALID_TEST_PKI_OPTIONS', 'Tùy chọn không hợp lệ', 'options must be an object');
  for (const k of ['keyAlgorithm', 'caKeyAlgorithm'] as const) {
    const v = o[k];
    if (v !== undefined && !TEST_KEY_ALGORITHMS.includes(v)) {
      throw testingError('INVALID_TEST_PKI_OPTIONS', 'Thuật toán khóa không hỗ trợ', `${k} "${String(v)}" is not one of ${TEST_KEY_ALGORITHMS.join(', ')}`);
    }
  }
  if (o.domain !== undefined && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(o.domain)) {
    throw testingError('INVALID_TEST_PKI_OPTIONS', 'Tên miền không hợp lệ', `invalid domain "${o.domain}"`);
  }
  if (o.organizationBranch !== undefined && !/^\d{3}$/.test(o.organizationBranch)) {
    throw testingError('INVALID_TEST_PKI_OPTIONS', 'Mã chi nhánh không hợp lệ', 'organizationBranch must be 3 digits');
  }
  if (o.seed !== undefined && !(typeof o.seed === 'string' || (typeof o.seed === 'number' && Number.isFinite(o.seed)))) {
    throw testingError('INVALID_TEST_PKI_OPTIONS', 'Hạt giống không hợp lệ', 'seed must be a string or a finite number');
  }
}

/**
 * Creates the test PKI: two hierarchies (NEAC-like and Ban Cơ yếu-like) of root → CA (pathLength 0) → person,
 * organisation and revoked leaves, a delegated OCSP responder per CA and a TSA certificate. RSA-2048 / SHA-256 by
 * default (`keyAlgorithm: 'ECDSA-P256'` for ECDSA leaves). Serials derive from `seed`, dates from `now`; keys come
 * from WebCrypto (not reproducible). No openssl, no Node APIs: it runs in browsers too.
 *
 * @throws VnEgovError `INVALID_TEST_PKI_OPTIONS`, `WEBCRYPTO_UNAVAILABLE`.
 * @example
 * ```ts
 * import { createTestPki } from 'vn-egov/testing';
 * import { validateCertificatePath } from 'vn-egov/signature';
 * const pki = await createTestPki({ seed: 'demo', now: '2026-03-01T00:00:00Z' });
 * const report = await validateCertificatePath({
 *   certificate: pki.neac.person.pem,
 *   intermediates: pki.intermediates.map((c) => c.der),
 *   trustStore: pki.trustStore(),
 *   crls: (await pki.crls()).map((c) => c.der),
 *   at: pki.now,
 * });
 * report.indication; // 'TOTAL_PASSED'
 * ```
 */
export async function createTestPki(options: TestPkiOptions = {}): Promise<TestPki> {
  checkOptions(options);
  const seed = String(options.seed ?? 'vn-egov');
  const nowRaw = options.now === undefined ? new Date() : toDate(options.now, 'now', 'INVALID_TEST_PKI_OPTIONS');
  const now = new Date(Math.floor(nowRaw.getTime() / 1000) * 1000);
  const at = (days: number): Date => new Date(now.getTime() + days * DAY);
  const domain = options.domain ?? 'vn-egov.test';
  const names = { ...defaultNames(), ...(options.names ?? {}) };
  const leafAlg = options.keyAlgorithm ?? 'RSA-2048';
  const caAlg = options.caKeyAlgorithm ?? 'RSA-2048';
  const random = createSeededRandom(seed);
  const serialSource = (label: string): SeededRandom => random.fork(`serial/${label}`);
  const all: TestCertificate[] = [];
  /** Serials issued by each CA, and the revocations recorded for them. */
  const issued = new Map<TestCertificate, Set<string>>();
  const revoked = new Map<TestCertificate, Map<string, TestRevocation>>();
  const issuerOf = new Map<TestCertificate, TestCertificate>();
  const responderOf = new Map<TestCertificate, TestCertificate>();
  const hierarchyOf = new Map<TestCertificate, 'neac' | 'bcy'>();

  const urlsFor = (label: string): TestCaUrls => ({
    crl: `http://crl.${domain}/${label}.crl`,
    ocsp: `http://ocsp.${domain}/${label}`,
    caIssuers: `http://ca.${domain}/${label}.crt`,
  });
  const cps = `http://ca.${domain}/cps`;

  const track = (cert: TestCertificate, issuer: TestCertificate | undefined): TestCertificate => {
    all.push(cert);
    if (issuer) {
      issuerOf.set(cert, issuer);
      let set = issued.get(issuer);
      if (!set) issued.set(issuer, (set = new Set()));
      set.add(cert.serialNumber);
    }
    return cert;
  };

  // Keys first, in parallel (RSA generation dominates the cost).
  const keyPlan: [string, TestKeyAlgorithm][] = [];
  for (const h of ['neac', 'bcy'] as const) {
    keyPlan.push([`${h}-root`, caAlg], [`${h}-ca`, caAlg], [`${h}-ocsp`, leafAlg], [`${h}-person`, leafAlg], [`${h}-organization`, leafAlg], [`${h}-revoked`, leafAlg]);
  }
  keyPlan.push(['tsa', leafAlg]);
  const keyList = await Promise.all(keyPlan.map(([, alg]) => generateTestKeyPair(alg)));
  const keys = new Map(keyPlan.map(([label], i) => [label, keyList[i]!]));

  const caUsage = ['keyCertSign', 'cRLSign'] as const;

  function leafDefaults(profile: TestLeafProfile, hierarchy: 'neac' | 'bcy', issuer: TestCertificate, keyAlgorithm: TestKeyAlgorithm): Partial<IssueCertificateOptions> {
    const rsa = keyAlgorithm.startsWith('RSA');
    const urls = issuer.urls ?? urlsFor(issuer.label);
    const common: Partial<IssueCertificateOptions> = {
      notBefore: at(-30),
      notAfter: at(730),
      crlDistributionPoints: [urls.crl],
      ocspUrls: [urls.ocsp],
      caIssuersUrls: [urls.caIssuers],
      cpsUrl: cps,
      basicConstraints: { ca: false },
    };
    switch (profile) {
      case 'person':
        return {
          ...common,
          keyUsage: rsa ? ['digitalSignature', 'nonRepudiation', 'keyEncipherment'] : ['digitalSignature', 'nonRepudiation'],
          extendedKeyUsage: [EXTENDED_KEY_USAGES.clientAuth, EXTENDED_KEY_USAGES.emailProtection],
          certificatePolicies: [POLICIES[hierarchy].person],
        };
      case 'organization':
        return {
          ...common,
          keyUsage: rsa ? ['digitalSignature', 'nonRepudiation', 'keyEncipherment'] : ['digitalSignature', 'nonRepudiation'],
          extendedKeyUsage: [EXTENDED_KEY_USAGES.clientAuth, EXTENDED_KEY_USAGES.emailProtection],
          certificatePolicies: [POLICIES[hierarchy].organization],
        };
      case 'tsa':
        return {
          ...common,
          notAfter: at(5 * 365),
          keyUsage: ['digitalSignature', 'nonRepudiation'],
          extendedKeyUsage: [EXTENDED_KEY_USAGES.timeStamping],
          extendedKeyUsageCritical: true,
          certificatePolicies: [POLICIES[hierarchy].tsa],
        };
      case 'ocsp-responder':
        return {
          notBefore: at(-30),
          notAfter: at(90),
          basicConstraints: { ca: false },
          keyUsage: ['digitalSignature'],
          extendedKeyUsage: [EXTENDED_KEY_USAGES.ocspSigning],
          ocspNoCheck: true,
        };
      default:
        throw testingError('INVALID_CERTIFICATE_REQUEST', 'Hồ sơ chứng thư không hợp lệ', `unknown profile "${String(profile)}"`);
    }
  }

  const hierarchies = {} as Record<'neac' | 'bcy', TestHierarchy>;
  for (const h of ['neac', 'bcy'] as const) {
    const rootLabel = `${h}-root`;
    const caLabel = `${h}-ca`;
    const root = track(await issueCertificate({
      label: rootLabel, subject: h === 'neac' ? names.neacRoot : names.bcyRoot, keys: keys.get(rootLabel)!, random: serialSource(rootLabel),
      notBefore: at(-365), notAfter: at(20 * 365), basicConstraints: { ca: true }, keyUsage: [...caUsage], urls: urlsFor(rootLabel),
    }), undefined);
    const ca = track(await issueCertificate({
      label: caLabel, subject: h === 'neac' ? names.neacCa : names.bcyCa, issuer: root, keys: keys.get(caLabel)!, random: serialSource(caLabel),
      notBefore: at(-300), notAfter: at(10 * 365), basicConstraints: { ca: true, pathLength: 0 }, keyUsage: ['digitalSignature', ...caUsage],
      crlDistributionPoints: [root.urls!.crl], ocspUrls: [root.urls!.ocsp], caIssuersUrls: [root.urls!.caIssuers],
      certificatePolicies: [ANY_POLICY], cpsUrl: cps, urls: urlsFor(caLabel),
    }), root);
    const leaf = async (label: string, profile: TestLeafProfile, subject: TestName): Promise<TestCertificate> =>
      track(await issueCertificate({
        ...leafDefaults(profile, h, ca, leafAlg),
        label, subject, issuer: ca, keys: keys.get(label)!, random: serialSource(label),
      } as IssueCertificateOptions), ca);
    const ocspResponder = await leaf(`${h}-ocsp`, 'ocsp-responder', {
      C: 'VN', O: (h === 'neac' ? names.neacCa : names.bcyCa).O ?? 'vn-egov', CN: `${(h === 'neac' ? names.neacCa : names.bcyCa).CN ?? caLabel} OCSP Responder`,
    });
    const branch = options.organizationBranch ? `-${options.organizationBranch}` : '';
    const person = await leaf(`${h}-person`, 'person', h === 'neac'
      ? { C: 'VN', ST: 'Hà Nội', CN: 'Nguyễn Văn A', UID: ['CCCD:001234567890'] }
      : { C: 'VN', ST: 'Hà Nội', O: 'Ủy ban nhân dân phường Thử Nghiệm', T: 'Chuyên viên', CN: 'Lê Thị Thu', UID: ['CCCD:001185012345', 'MST:0109876543'] });
    const organization = await leaf(`${h}-organization`, 'organization', h === 'neac'
      ? { C: 'VN', ST: 'Hà Nội', L: 'Phường Cầu Giấy', CN: 'Công ty Cổ phần Thử Nghiệm Sông Hồng', UID: [`MST:0101234567${branch}`] }
      : { C: 'VN', ST: 'Hà Nội', CN: 'Ủy ban nhân dân phường Thử Nghiệm', UID: ['MST:0109876543', 'MNS:1234567'] });
    const revokedLeaf = await leaf(`${h}-revoked`, 'person', h === 'neac'
      ? { C: 'VN', ST: 'Thành phố Hồ Chí Minh', CN: 'Trần Thị B', UID: ['CCCD:079012345678'] }
      : { C: 'VN', ST: 'Đà Nẵng', O: 'Ủy ban nhân dân phường Thử Nghiệm', CN: 'Phạm Văn Cường', UID: ['CMND:201234567', 'MST:0109876543'] });
    responderOf.set(ca, ocspResponder);
    for (const c of [root, ca, ocspResponder, person, organization, revokedLeaf]) hierarchyOf.set(c, h);
    hierarchies[h] = { kind: h, root, ca, ocspResponder, person, organization, revoked: revokedLeaf };
  }
  const tsa = track(await issueCertificate({
    ...leafDefaults('tsa', 'neac', hierarchies.neac.root, leafAlg),
    label: 'tsa', issuer: hierarchies.neac.root, keys: keys.get('tsa')!, random: serialSource('tsa'),
    subject: { C: 'VN', O: names.neacRoot.O ?? 'vn-egov', OU: TEST_OU, CN: 'Test NEAC Time-Stamping Authority' },
  } as IssueCertificateOptions), hierarchies.neac.root);
  hierarchyOf.set(tsa, 'neac');

  const cas = [hierarchies.neac.root, hierarchies.neac.ca, hierarchies.bcy.root, hierarchies.bcy.ca];

  const revoke: TestPki['revoke'] = (certificate, o = {}) => {
    const serial = typeof certificate === 'string' ? certificate.replace(/[\s:]/g, '').toUpperCase() : certificate.serialNumber;
    const issuer = typeof certificate === 'string'
      ? cas.find((ca) => issued.get(ca)?.has(serial)) ?? [...issued.keys()].find((ca) => issued.get(ca)?.has(serial))
      : issuerOf.get(certificate);
    if (!issuer) throw testingError('INVALID_CRL_REQUEST', 'Không tìm thấy chứng thư', `no certificate with serial ${serial} was issued by this PKI`);
    let map = revoked.get(issuer);
    if (!map) revoked.set(issuer, (map = new Map()));
    const date = toDate(o.date ?? new Date(now.getTime() - 3_600_000), 'date', 'INVALID_CRL_REQUEST');
    map.set(serial, {
      serialNumber: serial,
      revocationDate: date,
      ...(o.reason !== undefined ? { reason: o.reason } : {}),
      ...(o.invalidityDate !== undefined ? { invalidityDate: toDate(o.invalidityDate, 'invalidityDate', 'INVALID_CRL_REQUEST') } : {}),
    });
  };
  for (const h of ['neac', 'bcy'] as const) revoke(hierarchies[h].revoked, { date: at(-2), reason: 'keyCompromise' });

  const revocations = (issuer: TestCertificate): readonly TestRevocation[] => [...(revoked.get(issuer)?.values() ?? [])];

  const createCrlFor: TestPki['createCrl'] = (issuer, o = {}) => createCrl({
    thisUpdate: new Date(now.getTime() - 3_600_000),
    nextUpdate: at(7),
    revoked: revocations(issuer),
    ...o,
    issuer,
  });

  let customCount = 0;
  let timestampCount = 0;
  const issueCustom: TestPki['issueCertificate'] = async (o = {}) => {
    const { hierarchy: hName = 'neac', profile = 'person', defects = [], ...overrides } = o;
    for (const d of defects) {
      if (!TEST_CERTIFICATE_DEFECTS.includes(d)) throw testingError('INVALID_CERTIFICATE_REQUEST', 'Lỗi cố ý không hợp lệ', `unknown defect "${String(d)}"`);
    }
    const h = hierarchies[hName];
    if (!h) throw testingError('INVALID_CERTIFICATE_REQUEST', 'Hệ thống không hợp lệ', `unknown hierarchy "${String(hName)}"`);
    let issuer = overrides.issuer ?? h.ca;
    if (defects.includes('ca-false-issuer')) issuer = h.person;
    const keyAlgorithm = defects.includes('weak-key') ? 'RSA-1024' : overrides.keyAlgorithm ?? leafAlg;
    const label = overrides.label ?? `custom-${++customCount}`;
    const base = leafDefaults(profile, hName, issuer, keyAlgorithm);
    const fromDefects: Partial<IssueCertificateOptions> = {};
    if (defects.includes('expired')) Object.assign(fromDefects, { notBefore: at(-730), notAfter: at(-1) });
    if (defects.includes('not-yet-valid')) Object.assign(fromDefects, { notBefore: at(1), notAfter: at(731) });
    if (defects.includes('wrong-key-usage')) Object.assign(fromDefects, { keyUsage: ['keyEncipherment'] });
    if (defects.includes('unknown-critical-extension')) {
      Object.assign(fromDefects, { extraExtensions: [...(overrides.extraExtensions ?? []), { oid: '2.999.1', critical: true, value: new Uint8Array([0x05, 0x00]) }] });
    }
    if (defects.includes('sha1')) Object.assign(fromDefects, { hash: 'SHA-1' });
    const subject = overrides.subject ?? (profile === 'organization'
      ? { C: 'VN', ST: 'Hà Nội', CN: 'Công ty TNHH Thử Nghiệm Số Một', UID: ['MST:0100000001'] }
      : { C: 'VN', ST: 'Hà Nội', CN: 'Hoàng Văn Thử', UID: ['CCCD:001200000001'] });
    const cert = await issueCertificate({
      ...base,
      random: serialSource(label),
      ...overrides,
      ...fromDefects,
      subject,
      label,
      issuer,
      keyAlgorithm,
    } as IssueCertificateOptions);
    track(cert, issuer);
    hierarchyOf.set(cert, hName);
    return cert;
  };

  const statusOf = (ca: TestCertificate, serial: string, when: Date): { status: OcspCertStatus; revocation?: TestRevocation } => {
    const r = revoked.get(ca)?.get(serial);
    if (r && toDate(r.revocationDate, 'revocationDate', 'INVALID_OCSP_REQUEST').getTime() <= when.getTime()) return { status: 'revoked', revocation: r };
    return { status: issued.get(ca)?.has(serial) ? 'good' : 'unknown' };
  };

  const ocspRespond: TestPki['ocspRespond'] = async (request, o = {}) => {
    const when = o.at === undefined ? now : toDate(o.at, 'at', 'INVALID_OCSP_REQUEST');
    let ca: TestCertificate | undefined;
    let serials: string[];
    let nonce: Uint8Array | undefined;
    let certIdHash: 'SHA-1' | 'SHA-256' = 'SHA-1';
    if (request instanceof Uint8Array || request instanceof ArrayBuffer) {
      const info = readOcspRequest(request);
      nonce = info.nonce;
      const first = info.requests[0];
      if (!first) throw testingError('INVALID_OCSP_REQUEST', 'Yêu cầu OCSP rỗng', 'the OCSP request asks about no certificate');
      if (first.hashAlgorithm !== 'SHA-1' && first.hashAlgorithm !== 'SHA-256') return ocspErrorResponse('malformedRequest');
      certIdHash = first.hashAlgorithm;
      for (const candidate of cas) {
        const hs = await issuerHashes(candidate, certIdHash);
        if (equal(hs.key, first.issuerKeyHash) && equal(hs.name, first.issuerNameHash)) ca = candidate;
      }
      if (!ca) return ocspErrorResponse('unauthorized');
      const hsCa = await issuerHashes(ca, certIdHash);
      serials = info.requests.filter((r) => r.hashAlgorithm === certIdHash && equal(r.issuerKeyHash, hsCa.key)).map((r) => r.serialNumber);
    } else if (typeof request === 'object' && request !== null && ('certificate' in request || 'serialNumber' in request)) {
      nonce = request.nonce;
      if ('certificate' in request) {
        serials = [request.certificate.serialNumber];
        ca = issuerOf.get(request.certificate);
      } else {
        if (typeof request.serialNumber !== 'string' || !/^[0-9A-Fa-f:\s]+$/.test(request.serialNumber)) {
          throw testingError('INVALID_OCSP_REQUEST', 'Số hiệu chứng thư không hợp lệ', 'serialNumber must be hex');
        }
        const serial = request.serialNumber.replace(/[\s:]/g, '').toUpperCase();
        serials = [serial];
        ca = request.issuer ?? cas.find((c) => issued.get(c)?.has(serial));
      }
      ca ??= hierarchies.neac.ca;
    } else {
      throw testingError('INVALID_OCSP_REQUEST', 'Yêu cầu OCSP không hợp lệ', 'request must be DER bytes, { serialNumber } or { certificate }');
    }
    const responder = o.signer === 'ca' ? ca : responderOf.get(ca) ?? ca;
    return createOcspResponse({
      issuer: ca,
      signer: responder,
      producedAt: when,
      thisUpdate: new Date(when.getTime() - 5 * 60_000),
      nextUpdate: new Date(when.getTime() + DAY),
      certIdHash,
      ...(nonce ? { nonce } : {}),
      answers: serials.map((serialNumber) => {
        if (o.status && o.status !== 'revoked') return { serialNumber, status: o.status };
        const s = statusOf(ca, serialNumber, when);
        if (o.status === 'revoked' && s.status !== 'revoked') return { serialNumber, status: 'revoked', revocationDate: new Date(when.getTime() - 3_600_000), reason: 'unspecified' };
        return s.status === 'revoked'
          ? { serialNumber, status: 'revoked', revocationDate: s.revocation!.revocationDate, ...(s.revocation!.reason ? { reason: s.revocation!.reason } : {}) }
          : { serialNumber, status: s.status };
      }),
    });
  };

  return {
    seed,
    now,
    domain,
    neac: hierarchies.neac,
    bcy: hierarchies.bcy,
    tsa,
    roots: [hierarchies.neac.root, hierarchies.bcy.root],
    intermediates: [hierarchies.neac.ca, hierarchies.bcy.ca],
    certificates: () => [...all],
    trustStore: () => createTrustStore({
      anchors: [
        { certificate: hierarchies.neac.root.der, id: 'test-neac-root', source: `vn-egov/testing createTestPki (seed ${seed})` },
        { certificate: hierarchies.bcy.root.der, id: 'test-bcy-root', source: `vn-egov/testing createTestPki (seed ${seed})` },
      ],
    }),
    issueCertificate: issueCustom,
    revoke,
    revocations,
    createCrl: createCrlFor,
    crls: () => Promise.all(cas.map((ca) => createCrlFor(ca))),
    ocspRespond,
    timestamp: async (input, o = {}) => {
      if (typeof input !== 'object' || input === null || !('data' in input || 'request' in input)) {
        throw testingError('INVALID_TIMESTAMP_REQUEST', 'Thiếu dữ liệu cần gắn dấu thời gian', 'give { data } or { request }');
      }
      return createTimestampToken({
        tsa, genTime: o.at ?? now, random: serialSource(`timestamp-${++timestampCount}`),
        ...('data' in input ? { data: input.data } : { request: input.request }),
      });
    },
  };
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
