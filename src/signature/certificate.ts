/**
 * X.509 certificate parsing (RFC 5280 §4) into a plain, typed view (chứng thư số), with the Vietnamese identifiers
 * of the subject. Decoding is strict DER: trailing bytes, BER forms, duplicate or malformed extensions throw
 * `INVALID_CERTIFICATE`.
 */
import {
  Asn1Error, bitString, bit, booleanValue, children, content, decodeDer, integerBytes, isContext, isUniversal, nameToString,
  octets, oid, rawOf, readAlgorithm, readGeneralName, readGeneralNames, readName, sequence, smallInt, time,
  type AlgorithmIdentifier, type GeneralName, type NameAttribute, type Node,
} from './asn1.js';
import { describePublicKey, describeSignatureAlgorithm, type PublicKeyInfo, type SignatureAlgorithmInfo } from './algorithms.js';
import { sha1, sha256, toHex } from './bytes.js';
import { signatureError } from './errors.js';
import { toDerBytes } from './pem.js';
import { extractVnIdentifiers, type VnCertificateInfo } from './vn-identifiers.js';

export type { GeneralName, GeneralNameType, NameAttribute } from './asn1.js';
export type { PublicKeyInfo, SignatureAlgorithmInfo } from './algorithms.js';

/**
 * A distinguished name (tên phân biệt): RDNs in encoded order, plus an RFC 4514 display string.
 * @example
 * ```ts
 * cert.subject.attributes['O']; // ['Ban Cơ yếu Chính phủ']
 * ```
 */
export interface DistinguishedName {
  /** Relative distinguished names, first (most significant, e.g. `C=VN`) first. */
  rdns: NameAttribute[][];
  /** RFC 4514 string (last RDN first). For display only: compare names with {@link namesMatch}. */
  text: string;
  /** Values of the first attribute of each common type, for convenience (`CN`, `O`, `C`, …). */
  attributes: Record<string, string[]>;
}

/**
 * Key usage bits (RFC 5280 §4.2.1.3).
 * @example
 * ```ts
 * const wanted: KeyUsageName[] = ['nonRepudiation'];
 * ```
 */
export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

/**
 * Key usage names in RFC 5280 §4.2.1.3 bit order (bit 0 = digitalSignature).
 * @example
 * ```ts
 * KEY_USAGE_BITS.indexOf('keyCertSign'); // 5 (RFC 5280 §4.2.1.3 bit number)
 * ```
 */
export const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign',
  'encipherOnly', 'decipherOnly',
];

/**
 * Well-known extended key usage OIDs (RFC 5280 §4.2.1.12, RFC 9336).
 * @example
 * ```ts
 * await validateCertificatePath({ certificate, trustStore, extendedKeyUsage: [EXTENDED_KEY_USAGES.documentSigning] });
 * ```
 */
export const EXTENDED_KEY_USAGES = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  documentSigning: '1.3.6.1.5.5.7.3.36',
  anyExtendedKeyUsage: '2.5.29.37.0',
} as const;

/**
 * A CRL distribution point (điểm phân phối CRL), RFC 5280 §4.2.1.13.
 * @example
 * ```ts
 * const urls = cert.extensions.crlDistributionPoints?.points.flatMap((p) => p.fullName ?? []).map((n) => n.value);
 * ```
 */
export interface DistributionPoint {
  /** Full names (usually URIs). */
  fullName?: GeneralName[];
  /** Name relative to the CRL issuer. */
  nameRelativeToCrlIssuer?: NameAttribute[];
  /** Reason flags the point covers, when limited. */
  reasons?: string[];
  /** Indirect CRL issuer names. */
  crlIssuer?: GeneralName[];
}

/**
 * A name-constraint subtree.
 * @example
 * ```ts
 * const permitted = ca.extensions.nameConstraints?.permitted?.map((s) => s.base.value);
 * ```
 */
export interface GeneralSubtree {
  base: GeneralName;
  minimum: number;
  maximum?: number;
}

/**
 * The extensions of a certificate, decoded (phần mở rộng).
 * @example
 * ```ts
 * const pathLen = cert.extensions.basicConstraints?.pathLength; // 0 for VNPT-CA SHA2
 * ```
 */
export interface CertificateExtensions {
  /** Every extension in order, with whether this library processes it. */
  list: { oid: string; name?: string; critical: boolean; processed: boolean }[];
  basicConstraints?: { critical: boolean; ca: boolean; pathLength?: number };
  keyUsage?: { critical: boolean; usages: KeyUsageName[] };
  extendedKeyUsage?: { critical: boolean; purposes: string[] };
  subjectKeyIdentifier?: { critical: boolean; keyIdentifier: string };
  authorityKeyIdentifier?: { critical: boolean; keyIdentifier?: string; authorityCertIssuer?: GeneralName[]; authorityCertSerialNumber?: string };
  certificatePolicies?: { critical: boolean; policies: { oid: string; cps: string[] }[] };
  policyMappings?: { critical: boolean; mappings: { issuerDomainPolicy: string; subjectDomainPolicy: string }[] };
  policyConstraints?: { critical: boolean; requireExplicitPolicy?: number; inhibitPolicyMapping?: number };
  inhibitAnyPolicy?: { critical: boolean; skipCerts: number };
  nameConstraints?: { critical: boolean; permitted?: GeneralSubtree[]; excluded?: GeneralSubtree[] };
  subjectAltName?: { critical: boolean; names: GeneralName[] };
  issuerAltName?: { critical: boolean; names: GeneralName[] };
  crlDistributionPoints?: { critical: boolean; points: DistributionPoint[] };
  freshestCrl?: { critical: boolean; points: DistributionPoint[] };
  authorityInfoAccess?: { critical: boolean; ocsp: string[]; caIssuers: string[] };
}

/**
 * A parsed certificate: plain data, safe to serialise (Uint8Array for `der`). Times are ISO 8601 UTC strings.
 * @example
 * ```ts
 * const cert: ParsedCertificate = parseCertificate(pem);
 * console.log(cert.subject.text, cert.validity.notAfter, cert.vn.cccd);
 * ```
 */
export interface ParsedCertificate {
  /** The DER encoding. */
  der: Uint8Array;
  /** X.509 version (1, 2 or 3). */
  version: number;
  /** Serial number, upper-case hex of the DER INTEGER content (two's complement). */
  serialNumber: string;
  signatureAlgorithm: SignatureAlgorithmInfo;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  validity: { notBefore: string; notAfter: string };
  publicKey: PublicKeyInfo;
  extensions: CertificateExtensions;
  /** SHA-256 and SHA-1 fingerprints of the DER (upper-case hex). */
  fingerprints: { sha256: string; sha1: string };
  /** Issuer and subject are the same name (RFC 5280 §6.1: self-issued). */
  selfIssued: boolean;
  /** Vietnamese identifiers and hierarchy guess (định danh Việt Nam). */
  vn: VnCertificateInfo;
}

/** Internal record with the pieces validation needs. */
export interface CertificateRecord {
  view: ParsedCertificate;
  der: Uint8Array;
  tbs: Uint8Array;
  signatureValue: Uint8Array;
  signatureAlgorithm: AlgorithmIdentifier;
  /** The TBS copy of the signature AlgorithmIdentifier equals the outer one (RFC 5280 §4.1.1.2). */
  algorithmsMatch: boolean;
  spki: Uint8Array;
  /** SHA-256 of the SubjectPublicKeyInfo (upper-case hex): the key's identity for caches. */
  spkiSha256: string;
  subjectPublicKey: Uint8Array;
  subjectKey: string;
  issuerKey: string;
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  notBefore: number;
  notAfter: number;
  sha256: string;
  /** Non-fatal RFC 5280 §4 profile deviations noticed while decoding (checked by policy). */
  profileIssues: string[];
}

const EXT_NAMES: Record<string, string> = {
  '2.5.29.19': 'basicConstraints', '2.5.29.15': 'keyUsage', '2.5.29.37': 'extKeyUsage', '2.5.29.14': 'subjectKeyIdentifier',
  '2.5.29.35': 'authorityKeyIdentifier', '2.5.29.32': 'certificatePolicies', '2.5.29.33': 'policyMappings',
  '2.5.29.36': 'policyConstraints', '2.5.29.54': 'inhibitAnyPolicy', '2.5.29.30': 'nameConstraints',
  '2.5.29.17': 'subjectAltName', '2.5.29.18': 'issuerAltName', '2.5.29.31': 'cRLDistributionPoints', '2.5.29.46': 'freshestCRL',
  '1.3.6.1.5.5.7.1.1': 'authorityInfoAccess', '1.3.6.1.5.5.7.1.3': 'qcStatements', '1.3.6.1.5.5.7.1.11': 'subjectInfoAccess',
  '1.3.6.1.5.5.7.48.1.5': 'ocspNoCheck', '2.5.29.9': 'subjectDirectoryAttributes', '1.3.6.1.4.1.11129.2.4.2': 'signedCertificateTimestampList',
};

/** Extensions whose semantics this library processes (so they may be critical). */
const PROCESSED = new Set([
  '2.5.29.19', '2.5.29.15', '2.5.29.37', '2.5.29.14', '2.5.29.35', '2.5.29.32', '2.5.29.33', '2.5.29.36', '2.5.29.54',
  '2.5.29.30', '2.5.29.17', '2.5.29.18', '2.5.29.31', '2.5.29.46', '1.3.6.1.5.5.7.1.1',
]);

const REASONS = [
  'unused', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold',
  'privilegeWithdrawn', 'aACompromise',
];

function dn(decoded: { rdns: NameAttribute[][] }): DistinguishedName {
  const attributes: Record<string, string[]> = {};
  for (const rdn of decoded.rdns) for (const a of rdn) (attributes[a.shortName ?? a.oid] ??= []).push(a.value);
  return { rdns: decoded.rdns, text: nameToString(decoded.rdns), attributes };
}

/** Reads the `[0] DistributionPointName` field of a DistributionPoint or IssuingDistributionPoint into `dp`. */
export function readDistributionPointName(f: Node, dp: DistributionPoint, what: string): void {
  const dpn = children(f, what)[0];
  if (isContext(dpn, 0)) dp.fullName = children(dpn, what).map((g) => readGeneralName(g, what));
  else if (isContext(dpn, 1)) dp.nameRelativeToCrlIssuer = children(dpn, what).map((atv) => readName(wrapRdn(atv), what).rdns[0]![0]!);
  else throw new Asn1Error(`${what}: bad DistributionPointName`);
}

export function readDistributionPoints(node: Node | undefined, what: string): DistributionPoint[] {
  return sequence(node, what).map((dpNode) => {
    const dp: DistributionPoint = {};
    for (const f of children(dpNode, what)) {
      if (isContext(f, 0)) readDistributionPointName(f, dp, what);
      else if (isContext(f, 1)) {
        const bits = content(f, what).subarray(1);
        dp.reasons = REASONS.filter((_, i) => bit({ bytes: bits }, i));
      } else if (isContext(f, 2)) dp.crlIssuer = children(f, what).map((g) => readGeneralName(g, what));
      else throw new Asn1Error(`${what}: unexpected field in DistributionPoint`);
    }
    return dp;
  });
}

/** Wraps one AttributeTypeAndValue into a Name (SEQUENCE { SET { atv } }) to reuse the name reader. */
function wrapRdn(atv: Node): Node {
  const raw = rawOf(atv);
  const set = encodeTlv(0x31, raw);
  const seq = encodeTlv(0x30, set);
  return decodeDer(seq, 'RDN');
}

export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const len = value.length;
  const lenBytes = len < 128 ? [len] : len < 256 ? [0x81, len] : len < 65536 ? [0x82, len >> 8, len & 255] : [0x83, len >> 16, (len >> 8) & 255, len & 255];
  const out = new Uint8Array(1 + lenBytes.length + len);
  out[0] = tag;
  out.set(lenBytes, 1);
  out.set(value, 1 + lenBytes.length);
  return out;
}

function readSubtrees(node: Node, what: string): GeneralSubtree[] {
  return children(node, what).map((st) => {
    const f = sequence(st, what);
    const base = readGeneralName(f[0]!, what);
    let minimum = 0;
    let maximum: number | undefined;
    for (const x of f.slice(1)) {
      const v = (() => {
        const c = content(x, what);
        let n = 0;
        for (const b of c) n = n * 256 + b;
        return n;
      })();
      if (isContext(x, 0)) minimum = v;
      else if (isContext(x, 1)) maximum = v;
    }
    return { base, minimum, ...(maximum !== undefined ? { maximum } : {}) };
  });
}

function parseExtensions(extsNode: Node, exts: CertificateExtensions, profileIssues: string[]): void {
  const seen = new Set<string>();
  const list = sequence(children(extsNode, 'extensions')[0], 'Extensions');
  if (list.length === 0) profileIssues.push('EMPTY_EXTENSIONS');
  for (const extNode of list) {
    const f = sequence(extNode, 'Extension');
    const id = oid(f[0], 'extnID');
    let critical = false;
    let valueNode = f[1];
    if (isUniversal(f[1], 1)) {
      critical = booleanValue(f[1], 'critical');
      if (!critical) profileIssues.push('DEFAULT_CRITICAL_ENCODED');
      valueNode = f[2];
    }
    if (f.length > (isUniversal(f[1], 1) ? 3 : 2)) throw new Asn1Error('Extension: too many fields');
    const value = octets(valueNode, `extension ${id}`);
    if (seen.has(id)) throw new Asn1Error(`duplicate extension ${id}`);
    seen.add(id);
    const name = EXT_NAMES[id];
    exts.list.push({ oid: id, ...(name ? { name } : {}), critical, processed: PROCESSED.has(id) });
    if (!PROCESSED.has(id)) continue;
    const what = `extension ${name ?? id}`;
    const v = decodeDer(value, what);
    switch (id) {
      case '2.5.29.19': {
        const s = sequence(v, what);
        let i = 0;
        let ca = false;
        if (isUniversal(s[i], 1)) {
          ca = booleanValue(s[i], what);
          i++;
        }
        const pathLength = s[i] !== undefined ? smallInt(s[i], what) : undefined;
        if (s.length > i + (pathLength !== undefined ? 1 : 0)) throw new Asn1Error(`${what}: extra fields`);
        exts.basicConstraints = { critical, ca, ...(pathLength !== undefined ? { pathLength } : {}) };
        break;
      }
      case '2.5.29.15': {
        const b = bitString(v, what);
        exts.keyUsage = { critical, usages: KEY_USAGE_BITS.filter((_, i) => bit(b, i)) };
        break;
      }
      case '2.5.29.37': {
        const purposes = sequence(v, what).map((p) => oid(p, what));
        if (purposes.length === 0) throw new Asn1Error(`${what}: empty`);
        exts.extendedKeyUsage = { critical, purposes };
        break;
      }
      case '2.5.29.14':
        exts.subjectKeyIdentifier = { critical, keyIdentifier: toHex(octets(v, what)) };
        break;
      case '2.5.29.35': {
        const aki: NonNullable<CertificateExtensions['authorityKeyIdentifier']> = { critical };
        for (const x of sequence(v, what)) {
          if (isContext(x, 0)) aki.keyIdentifier = toHex(content(x, what));
          else if (isContext(x, 1)) aki.authorityCertIssuer = children(x, what).map((g) => readGeneralName(g, what));
          else if (isContext(x, 2)) aki.authorityCertSerialNumber = toHex(content(x, what));
          else throw new Asn1Error(`${what}: unexpected field`);
        }
        exts.authorityKeyIdentifier = aki;
        break;
      }
      case '2.5.29.32': {
        const policies = sequence(v, what).map((pi) => {
          const pf = sequence(pi, what);
          const cps: string[] = [];
          if (pf[1] !== undefined) {
            for (const q of sequence(pf[1], what)) {
              const qf = sequence(q, what);
              if (oid(qf[0], what) === '1.3.6.1.5.5.7.2.1' && qf[1] !== undefined) {
                cps.push(new TextDecoder('latin1').decode(content(qf[1], what)));
              }
            }
          }
          return { oid: oid(pf[0], what), cps };
        });
        if (policies.length === 0) throw new Asn1Error(`${what}: empty`);
        if (new Set(policies.map((p) => p.oid)).size !== policies.length) throw new Asn1Error(`${what}: duplicate policy`);
        exts.certificatePolicies = { critical, policies };
        break;
      }
      case '2.5.29.33': {
        const mappings = sequence(v, what).map((m) => {
          const mf = sequence(m, what);
          return { issuerDomainPolicy: oid(mf[0], what), subjectDomainPolicy: oid(mf[1], what) };
        });
        exts.policyMappings = { critical, mappings };
        break;
      }
      case '2.5.29.36': {
        const pc: NonNullable<CertificateExtensions['policyConstraints']> = { critical };
        for (const x of sequence(v, what)) {
          const c = content(x, what);
          let n = 0;
          for (const b of c) n = n * 256 + b;
          if (isContext(x, 0)) pc.requireExplicitPolicy = n;
          else if (isContext(x, 1)) pc.inhibitPolicyMapping = n;
        }
        exts.policyConstraints = pc;
        break;
      }
      case '2.5.29.54':
        exts.inhibitAnyPolicy = { critical, skipCerts: smallInt(v, what) };
        break;
      case '2.5.29.30': {
        const nc: NonNullable<CertificateExtensions['nameConstraints']> = { critical };
        for (const x of sequence(v, what)) {
          if (isContext(x, 0)) nc.permitted = readSubtrees(x, what);
          else if (isContext(x, 1)) nc.excluded = readSubtrees(x, what);
          else throw new Asn1Error(`${what}: unexpected field`);
        }
        exts.nameConstraints = nc;
        break;
      }
      case '2.5.29.17': {
        const names = readGeneralNames(v, what);
        if (names.length === 0) throw new Asn1Error(`${what}: empty`);
        exts.subjectAltName = { critical, names };
        break;
      }
      case '2.5.29.18':
        exts.issuerAltName = { critical, names: readGeneralNames(v, what) };
        break;
      case '2.5.29.31':
        exts.crlDistributionPoints = { critical, points: readDistributionPoints(v, what) };
        break;
      case '2.5.29.46':
        exts.freshestCrl = { critical, points: readDistributionPoints(v, what) };
        break;
      case '1.3.6.1.5.5.7.1.1': {
        const aia = { critical, ocsp: [] as string[], caIssuers: [] as string[] };
        const list2 = sequence(v, what);
        if (list2.length === 0) throw new Asn1Error(`${what}: empty`);
        for (const ad of list2) {
          const af = sequence(ad, what);
          const method = oid(af[0], what);
          if (af[1] === undefined) throw new Asn1Error(`${what}: missing accessLocation`);
          const loc = readGeneralName(af[1], what);
          if (method === '1.3.6.1.5.5.7.48.1') aia.ocsp.push(loc.value);
          else if (method === '1.3.6.1.5.5.7.48.2') aia.caIssuers.push(loc.value);
        }
        exts.authorityInfoAccess = aia;
        break;
      }
    }
  }
}

/** Decodes a certificate into the internal record; throws Asn1Error. */
export function decodeCertificate(der: Uint8Array): CertificateRecord {
  const root = decodeDer(der, 'Certificate');
  const top = sequence(root, 'Certificate');
  if (top.length !== 3) throw new Asn1Error('Certificate: must have 3 fields');
  const tbsNode = top[0]!;
  const outerAlg = readAlgorithm(top[1], 'signatureAlgorithm');
  const sig = bitString(top[2], 'signatureValue');
  const tbs = sequence(tbsNode, 'TBSCertificate');
  let i = 0;
  let version = 1;
  const profileIssues: string[] = [];
  if (sig.unusedBits !== 0) profileIssues.push('SIGNATURE_UNUSED_BITS');
  if (isContext(tbs[0], 0)) {
    version = smallInt(children(tbs[0], 'version')[0], 'version') + 1;
    if (version === 1) profileIssues.push('DEFAULT_VERSION_ENCODED');
    i++;
  }
  if (version < 1 || version > 3) throw new Asn1Error(`unsupported version ${version}`);
  const serial = integerBytes(tbs[i++], 'serialNumber');
  if (serial[0]! & 0x80) profileIssues.push('SERIAL_NEGATIVE');
  if (serial.length > 20) profileIssues.push('SERIAL_TOO_LONG');
  if (serial.every((b) => b === 0)) profileIssues.push('SERIAL_ZERO');
  const innerAlg = readAlgorithm(tbs[i++], 'signature');
  const issuer = readName(tbs[i++], 'issuer');
  const validity = sequence(tbs[i++], 'validity');
  if (validity.length !== 2) throw new Asn1Error('validity: must have 2 times');
  const notBefore = time(validity[0], 'notBefore');
  const notAfter = time(validity[1], 'notAfter');
  for (const [k, t] of [[0, notBefore], [1, notAfter]] as const) {
    const isUtc = isUniversal(validity[k], 23);
    const year = new Date(t).getUTCFullYear();
    if (isUtc !== year < 2050) profileIssues.push('VALIDITY_TIME_ENCODING');
  }
  const subject = readName(tbs[i++], 'subject');
  const spkiNode = tbs[i++];
  if (spkiNode === undefined) throw new Asn1Error('TBSCertificate: missing subjectPublicKeyInfo');
  const spkiFields = sequence(spkiNode, 'SubjectPublicKeyInfo');
  const subjectPublicKey = bitString(spkiFields[1], 'subjectPublicKey').bytes;
  const publicKey = describePublicKey(spkiNode);
  const extensions: CertificateExtensions = { list: [] };
  for (; i < tbs.length; i++) {
    const f = tbs[i]!;
    if (isContext(f, 1) || isContext(f, 2)) {
      if (version < 2) throw new Asn1Error('unique identifiers need version 2 or 3');
      continue;
    }
    if (isContext(f, 3)) {
      if (version !== 3) throw new Asn1Error('extensions need version 3');
      parseExtensions(f, extensions, profileIssues);
      continue;
    }
    throw new Asn1Error('TBSCertificate: unexpected field');
  }
  const fp256 = toHex(sha256(der));
  const issuerDn = dn(issuer);
  const subjectDn = dn(subject);
  const view: ParsedCertificate = {
    der,
    version,
    serialNumber: toHex(serial),
    signatureAlgorithm: describeSignatureAlgorithm(outerAlg.oid, outerAlg.params),
    issuer: issuerDn,
    subject: subjectDn,
    validity: { notBefore: new Date(notBefore).toISOString(), notAfter: new Date(notAfter).toISOString() },
    publicKey,
    extensions,
    fingerprints: { sha256: fp256, sha1: toHex(sha1(der)) },
    selfIssued: issuer.key === subject.key,
    vn: extractVnIdentifiers(subjectDn, issuerDn),
  };
  return {
    view,
    der,
    tbs: rawOf(tbsNode),
    signatureValue: sig.bytes,
    signatureAlgorithm: outerAlg,
    algorithmsMatch: toHex(outerAlg.der) === toHex(innerAlg.der),
    spki: rawOf(spkiNode),
    spkiSha256: toHex(sha256(rawOf(spkiNode))),
    subjectPublicKey,
    subjectKey: subject.key,
    issuerKey: issuer.key,
    subjectDer: subject.der,
    issuerDer: issuer.der,
    notBefore,
    notAfter,
    sha256: fp256,
    profileIssues,
  };
}

/**
 * Input accepted wherever a certificate is expected.
 * @example
 * ```ts
 * const inputs: CertificateInput[] = [pemText, derBytes, parseCertificate(pemText)];
 * ```
 */
export type CertificateInput = string | Uint8Array | ArrayBuffer | ParsedCertificate;

/** A cache of decoded certificates keyed by DER SHA-256 (and by PEM text); pass one to reuse work across calls (bộ nhớ đệm). */
export type CertificateCache = Map<string, CertificateRecord>;

/** Loads a certificate input into the internal record (throws VnEgovError INVALID_CERTIFICATE). */
export function loadCertificate(input: CertificateInput, cache?: CertificateCache): CertificateRecord {
  // PEM text is immutable: it can key the cache directly, skipping base64 decoding and hashing when warm
  if (cache && typeof input === 'string' && input.length <= 65_536) {
    const hit = cache.get(input);
    if (hit) return hit;
    const rec = loadCertificate(input);
    const byDer = cache.get(rec.sha256) ?? rec;
    cache.set(rec.sha256, byDer);
    cache.set(input, byDer);
    return byDer;
  }
  let der: Uint8Array;
  if (typeof input === 'object' && input !== null && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) {
    if (!((input as ParsedCertificate).der instanceof Uint8Array)) {
      throw signatureError('INVALID_INPUT_TYPE', 'Đầu vào chứng thư không hợp lệ', 'certificate input must be PEM, DER or a parsed certificate');
    }
    der = (input as ParsedCertificate).der;
  } else {
    const list = toDerBytes(input, 'CERTIFICATE');
    if (list.length !== 1) {
      throw signatureError('INVALID_CERTIFICATE', 'Cần đúng một chứng thư số', `expected exactly one certificate, found ${list.length}`);
    }
    der = list[0]!;
  }
  if (cache) {
    const key = toHex(sha256(der));
    const hit = cache.get(key);
    if (hit) return hit;
    const rec = decodeOrThrow(der);
    cache.set(key, rec);
    return rec;
  }
  return decodeOrThrow(der);
}

function decodeOrThrow(der: Uint8Array): CertificateRecord {
  try {
    return decodeCertificate(der.slice());
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw signatureError('INVALID_CERTIFICATE', 'Chứng thư số không đọc được', `malformed certificate: ${msg}`, {
      issues: [{ code: 'malformed_der', path: [], message: msg }],
      cause: e,
    });
  }
}

/**
 * Parses one X.509 certificate (chứng thư số) from PEM text or DER bytes into a plain, typed view: names with
 * Vietnamese text decoded, validity, key, extensions, fingerprints and the Vietnamese identifiers (`vn`).
 *
 * @throws VnEgovError `INVALID_CERTIFICATE` (not exactly one well-formed DER certificate), `INVALID_PEM`,
 *   `INVALID_INPUT_TYPE`.
 * @example
 * ```ts
 * import { parseCertificate } from 'vn-egov/signature';
 * const cert = parseCertificate(pemText);
 * console.log(cert.subject.text, cert.vn.mst, cert.fingerprints.sha256);
 * ```
 */
export function parseCertificate(input: string | Uint8Array | ArrayBuffer): ParsedCertificate {
  return loadCertificate(input).view;
}

/**
 * Compares two distinguished names by the RFC 5280 §7.1 rules (attribute types, case-insensitive and
 * whitespace-collapsed string values, RDN order significant, attribute order inside an RDN not).
 *
 * @example
 * ```ts
 * namesMatch(child.issuer, parent.subject); // true when they chain by name
 * ```
 */
export function namesMatch(a: DistinguishedName, b: DistinguishedName): boolean {
  return nameKey(a) === nameKey(b);
}

function nameKey(n: DistinguishedName): string {
  return n.rdns
    .map((rdn) =>
      rdn
        .map((x) => `${x.oid}=${x.stringType === 'other' ? x.value : x.value.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')}`)
        .sort()
        .join('+'),
    )
    .join(',');
}
