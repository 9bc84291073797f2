/**
 * Issuing X.509 certificates with pkijs (cấp chứng thư số kiểm thử): any subject, issuer, validity and extension set,
 * including deliberately defective certificates so that applications can test their failure paths.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { encodePem, type KeyUsageName } from '../signature/index.js';
import { testingError } from './errors.js';
import type { SeededRandom } from './seeded-random.js';
import { generateTestKeyPair, keyAlgorithmOf, signingKeyFor, toArrayBuffer, type TestHash, type TestKeyAlgorithm } from './test-keys.js';
import { toPkijsName, type TestName } from './test-name.js';
import * as x509 from './x509-extensions.js';

/**
 * Where the certificates a test CA issues point to (CRL distribution point, OCSP responder, caIssuers), all under a
 * test domain that never resolves.
 * @example
 * ```ts
 * const urls: TestCaUrls = pki.neac.ca.urls!; // { crl: 'http://crl.vn-egov.test/neac-ca.crl', ocsp: …, caIssuers: … }
 * ```
 */
export interface TestCaUrls {
  crl: string;
  ocsp: string;
  caIssuers: string;
}

/**
 * A certificate made by the test kit, with its key pair (WebCrypto) and encodings.
 * @example
 * ```ts
 * const leaf: TestCertificate = pki.neac.person;
 * console.log(leaf.serialNumber, leaf.pem);
 * ```
 */
export interface TestCertificate {
  /** Short name for messages and file names, e.g. `neac-ca`. */
  readonly label: string;
  /** DER encoding. */
  readonly der: Uint8Array;
  /** PEM encoding (`-----BEGIN CERTIFICATE-----`). */
  readonly pem: string;
  /** Serial number as upper-case hex, as `parseCertificate(…).serialNumber` prints it. */
  readonly serialNumber: string;
  readonly subject: TestName;
  /** The issuer's subject (the same as `subject` for a self-signed certificate). */
  readonly issuer: TestName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyAlgorithm: TestKeyAlgorithm;
  /** WebCrypto key pair (extractable). */
  readonly keys: CryptoKeyPair;
  /** basicConstraints cA. */
  readonly isCa: boolean;
  /** For a CA: the URLs written into the certificates it issues. */
  readonly urls?: TestCaUrls;
}

/**
 * Options of {@link issueCertificate}. Nothing is added implicitly except the key identifiers: a certificate has
 * exactly the extensions asked for, so defective certificates are easy to make.
 * @example
 * ```ts
 * const options: IssueCertificateOptions = {
 *   subject: { C: 'VN', CN: 'Nguyễn Văn A', UID: ['CCCD:001234567890'] },
 *   issuer: pki.neac.ca,
 *   notBefore: new Date('2026-01-01T00:00:00Z'),
 *   notAfter: new Date('2027-01-01T00:00:00Z'),
 *   keyUsage: ['digitalSignature', 'nonRepudiation'],
 * };
 * ```
 */
export interface IssueCertificateOptions {
  subject: TestName;
  /** The issuing certificate (with its private key); absent for a self-signed certificate. */
  issuer?: TestCertificate;
  /** The subject's key pair; generated (`keyAlgorithm`) when absent. */
  keys?: CryptoKeyPair;
  /** Default `RSA-2048`. */
  keyAlgorithm?: TestKeyAlgorithm;
  /** Serial number as hex (positive, 1–20 bytes); otherwise 16 bytes from `random` or WebCrypto. */
  serialNumber?: string;
  random?: SeededRandom;
  notBefore: Date | string;
  notAfter: Date | string;
  /** basicConstraints; absent: no extension. `critical` defaults to true. */
  basicConstraints?: { ca: boolean; pathLength?: number; critical?: boolean };
  /** keyUsage bits; absent: no extension. */
  keyUsage?: readonly KeyUsageName[];
  /** Default true (RFC 5280 §4.2.1.3 SHOULD). */
  keyUsageCritical?: boolean;
  /** extKeyUsage purposes (OIDs, see `EXTENDED_KEY_USAGES`); absent: no extension. */
  extendedKeyUsage?: readonly string[];
  /** Default false. */
  extendedKeyUsageCritical?: boolean;
  /** Default true. */
  subjectKeyIdentifier?: boolean;
  /** Default true when there is an issuer (and for self-signed certificates too). */
  authorityKeyIdentifier?: boolean;
  crlDistributionPoints?: readonly string[];
  ocspUrls?: readonly string[];
  caIssuersUrls?: readonly string[];
  /** certificatePolicies OIDs. */
  certificatePolicies?: readonly string[];
  /** CPS URI qualifier added to each policy. */
  cpsUrl?: string;
  subjectAltName?: { email?: readonly string[]; dns?: readonly string[] };
  /** id-pkix-ocsp-nocheck (delegated OCSP responders). */
  ocspNoCheck?: boolean;
  /** Any other extension, e.g. an unknown critical one. */
  extraExtensions?: readonly { oid: string; critical: boolean; value: Uint8Array }[];
  /** Signature digest; default SHA-256. */
  hash?: TestHash;
  label?: string;
  /** For a CA: the URLs its own certificates will carry (kept on the result). */
  urls?: TestCaUrls;
}

/** Serial number bytes: positive, non-zero, at most 20 bytes. Internal. */
export function serialBytes(serial: string | undefined, random: SeededRandom | undefined): Uint8Array {
  if (serial !== undefined) {
    const clean = serial.replace(/[\s:]/g, '');
    if (!/^[0-9A-Fa-f]{1,40}$/.test(clean)) {
      throw testingError('INVALID_CERTIFICATE_REQUEST', 'Số hiệu chứng thư không hợp lệ', `serial number "${serial}" must be 1–20 bytes of hex`);
    }
    let hex = clean.length % 2 ? `0${clean}` : clean;
    hex = hex.replace(/^(00)+(?=..)/, '');
    const bytes = new Uint8Array(hex.length / 2).map((_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
    if (bytes.every((b) => b === 0)) throw testingError('INVALID_CERTIFICATE_REQUEST', 'Số hiệu chứng thư không hợp lệ', 'serial number must not be zero');
    // keep it positive: a leading byte >= 0x80 gets a 0x00 prefix in DER
    return bytes[0]! >= 0x80 ? new Uint8Array([0, ...bytes]) : bytes;
  }
  const bytes = random ? random.bytes(16) : globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) || 0x01;
  return bytes;
}

/** Upper-case hex. Internal. */
export function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s.toUpperCase();
}

/** A date from a Date or ISO string. Internal. */
export function toDate(value: Date | string, what: string, code: 'INVALID_CERTIFICATE_REQUEST' | 'INVALID_CRL_REQUEST' | 'INVALID_OCSP_REQUEST' | 'INVALID_TEST_PKI_OPTIONS' | 'INVALID_TIMESTAMP_REQUEST'): Date {
  const d = value instanceof Date ? new Date(value.getTime()) : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime())) throw testingError(code, `Thời điểm không hợp lệ: ${what}`, `invalid date for ${what}: ${String(value)}`);
  return d;
}

/** pkijs Time: UTCTime before 2050, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). Internal. */
export function x509Time(d: Date): pkijs.Time {
  return new pkijs.Time({ type: d.getUTCFullYear() >= 2050 ? 1 : 0, value: d });
}

function certificateOf(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** Parses a test certificate's DER with pkijs (issuer names, public key info). Internal. */
export function pkijsCertificate(cert: TestCertificate): pkijs.Certificate {
  return certificateOf(cert.der);
}

/**
 * Issues one certificate (chứng thư số) signed by `issuer` (or self-signed), with exactly the extensions asked for
 * plus subject / authority key identifiers. Use it for custom and deliberately defective leaves: expired or not yet
 * valid dates, a wrong key usage, a CA:false issuer, an unknown critical extension, a SHA-1 signature, a weak key.
 *
 * @throws VnEgovError `INVALID_CERTIFICATE_REQUEST` for options that cannot make a certificate.
 * @example
 * ```ts
 * import { issueCertificate } from 'vn-egov/testing';
 * const expired = await issueCertificate({
 *   issuer: pki.neac.ca,
 *   subject: { C: 'VN', CN: 'Phạm Văn Hết Hạn', UID: ['CCCD:001234567891'] },
 *   notBefore: '2023-01-01T00:00:00Z',
 *   notAfter: '2024-01-01T00:00:00Z',
 *   keyUsage: ['digitalSignature', 'nonRepudiation'],
 *   crlDistributionPoints: [pki.neac.ca.urls!.crl],
 * });
 * ```
 */
export async function issueCertificate(options: IssueCertificateOptions): Promise<TestCertificate> {
  if (typeof options !== 'object' || options === null || typeof options.subject !== 'object' || options.subject === null) {
    throw testingError('INVALID_CERTIFICATE_REQUEST', 'Thiếu chủ thể chứng thư', 'options.subject is required');
  }
  const notBefore = toDate(options.notBefore, 'notBefore', 'INVALID_CERTIFICATE_REQUEST');
  const notAfter = toDate(options.notAfter, 'notAfter', 'INVALID_CERTIFICATE_REQUEST');
  if (notAfter.getTime() < notBefore.getTime()) {
    throw testingError('INVALID_CERTIFICATE_REQUEST', 'Thời hạn chứng thư không hợp lệ', 'notAfter is before notBefore');
  }
  const bc = options.basicConstraints;
  if (bc?.pathLength !== undefined && (!Number.isInteger(bc.pathLength) || bc.pathLength < 0)) {
    throw testingError('INVALID_CERTIFICATE_REQUEST', 'pathLength không hợp lệ', 'basicConstraints.pathLength must be a non-negative integer');
  }
  for (const oid of [...(options.extendedKeyUsage ?? []), ...(options.certificatePolicies ?? []), ...(options.extraExtensions ?? []).map((e) => e.oid)]) {
    if (!/^[0-2](\.\d+)+$/.test(oid)) throw testingError('INVALID_CERTIFICATE_REQUEST', 'OID không hợp lệ', `invalid OID "${oid}"`);
  }
  const subjectName = toPkijsName(options.subject); // name errors before the (slow) key generation
  const serial = serialBytes(options.serialNumber, options.random);
  const keys = options.keys ?? await generateTestKeyPair(options.keyAlgorithm ?? 'RSA-2048');
  const keyAlgorithm = keyAlgorithmOf(keys);
  const issuer = options.issuer;
  if (issuer && !issuer.keys.privateKey) throw testingError('INVALID_CERTIFICATE_REQUEST', 'Bên cấp thiếu khóa bí mật', 'the issuer has no private key');

  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  cert.subject = subjectName;
  cert.issuer = issuer ? certificateOf(issuer.der).subject : toPkijsName(options.subject);
  cert.notBefore = x509Time(notBefore);
  cert.notAfter = x509Time(notAfter);
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);

  const extensions: pkijs.Extension[] = [];
  if (bc) extensions.push(x509.basicConstraints(bc.ca, bc.pathLength, bc.critical ?? true));
  if (options.keyUsage) extensions.push(x509.keyUsage(options.keyUsage, options.keyUsageCritical ?? true));
  if (options.extendedKeyUsage) extensions.push(x509.extendedKeyUsage(options.extendedKeyUsage, options.extendedKeyUsageCritical ?? false));
  if (options.subjectKeyIdentifier ?? true) extensions.push(x509.subjectKeyIdentifier(await x509.keyIdentifierOf(cert.subjectPublicKeyInfo)));
  if (options.authorityKeyIdentifier ?? true) {
    const issuerSpki = issuer ? certificateOf(issuer.der).subjectPublicKeyInfo : cert.subjectPublicKeyInfo;
    extensions.push(x509.authorityKeyIdentifier(await x509.keyIdentifierOf(issuerSpki)));
  }
  if (options.crlDistributionPoints?.length) extensions.push(x509.crlDistributionPoints(options.crlDistributionPoints));
  if (options.ocspUrls?.length || options.caIssuersUrls?.length) extensions.push(x509.authorityInfoAccess(options.ocspUrls ?? [], options.caIssuersUrls ?? []));
  if (options.certificatePolicies?.length) extensions.push(x509.certificatePolicies(options.certificatePolicies, options.cpsUrl));
  if (options.subjectAltName) extensions.push(x509.subjectAltName(options.subjectAltName.email ?? [], options.subjectAltName.dns ?? []));
  if (options.ocspNoCheck) extensions.push(x509.ocspNoCheck());
  for (const e of options.extraExtensions ?? []) extensions.push(x509.rawExtension(e.oid, e.critical, e.value));
  if (extensions.length) cert.extensions = extensions;

  const hash = options.hash ?? 'SHA-256';
  const signer = issuer ? issuer.keys.privateKey : keys.privateKey;
  await cert.sign(await signingKeyFor(signer, hash), hash);
  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  return {
    label: options.label ?? (options.subject.CN ?? 'certificate'),
    der,
    pem: encodePem('CERTIFICATE', der),
    serialNumber: hex(serial),
    subject: options.subject,
    issuer: issuer ? issuer.subject : options.subject,
    notBefore,
    notAfter,
    keyAlgorithm,
    keys,
    isCa: bc?.ca === true,
    ...(options.urls ? { urls: options.urls } : {}),
  };
}
