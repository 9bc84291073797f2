/**
 * Certificate revocation lists (danh sách chứng thư bị thu hồi, CRL; RFC 5280 §5) signed with pkijs.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { encodePem, type RevocationReason } from '../signature/index.js';
import { hex, pkijsCertificate, serialBytes, toDate, x509Time, type TestCertificate } from './certificate-builder.js';
import { testingError } from './errors.js';
import { signingKeyFor, toArrayBuffer, type TestHash } from './test-keys.js';
import type { TestName } from './test-name.js';
import * as x509 from './x509-extensions.js';

/**
 * One revoked certificate (chứng thư bị thu hồi).
 * @example
 * ```ts
 * const entry: TestRevocation = { serialNumber: pki.neac.revoked.serialNumber, revocationDate: '2026-03-01T00:00:00Z', reason: 'keyCompromise' };
 * ```
 */
export interface TestRevocation {
  /** Serial number as hex (as `TestCertificate.serialNumber`). */
  serialNumber: string;
  revocationDate: Date | string;
  reason?: RevocationReason;
  /** When the key is known or suspected to have been compromised (RFC 5280 §5.3.2). */
  invalidityDate?: Date | string;
}

/**
 * Options of {@link createCrl}.
 * @example
 * ```ts
 * const options: CreateCrlOptions = { issuer: pki.neac.ca, thisUpdate: now, nextUpdate: inAWeek, revoked: [] };
 * ```
 */
export interface CreateCrlOptions {
  /** The CA whose certificates the CRL covers; it signs the CRL. */
  issuer: TestCertificate;
  revoked?: readonly TestRevocation[];
  thisUpdate: Date | string;
  /** Absent: no nextUpdate (not recommended by RFC 5280). */
  nextUpdate?: Date | string;
  /** cRLNumber; default 1. */
  crlNumber?: number | bigint;
  /** Signature digest; default SHA-256. */
  hash?: TestHash;
  /** Add the authorityKeyIdentifier extension (default true). */
  authorityKeyIdentifier?: boolean;
  label?: string;
}

/**
 * A CRL made by the test kit.
 * @example
 * ```ts
 * const crl: TestCrl = await pki.createCrl(pki.neac.ca);
 * parseCrl(crl.der).entries.length; // crl.revoked.length
 * ```
 */
export interface TestCrl {
  readonly label: string;
  readonly der: Uint8Array;
  /** PEM (`-----BEGIN X509 CRL-----`). */
  readonly pem: string;
  readonly issuer: TestName;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly crlNumber: bigint;
  readonly revoked: readonly TestRevocation[];
}

const REASON_CODES: Record<RevocationReason, number> = {
  unspecified: 0, keyCompromise: 1, cACompromise: 2, affiliationChanged: 3, superseded: 4, cessationOfOperation: 5,
  certificateHold: 6, removeFromCRL: 8, privilegeWithdrawn: 9, aACompromise: 10,
};

/** The RFC 5280 CRLReason code of a reason name (internal; also used for OCSP). */
export function reasonCode(reason: RevocationReason, code: 'INVALID_CRL_REQUEST' | 'INVALID_OCSP_REQUEST'): number {
  const n = REASON_CODES[reason];
  if (n === undefined) throw testingError(code, 'Lý do thu hồi không hợp lệ', `unknown revocation reason "${String(reason)}"`);
  return n;
}

function bigIntBytes(n: bigint): Uint8Array {
  let h = n.toString(16);
  if (h.length % 2) h = `0${h}`;
  if (parseInt(h.slice(0, 2), 16) >= 0x80) h = `00${h}`;
  return new Uint8Array(h.length / 2).map((_, i) => parseInt(h.slice(2 * i, 2 * i + 2), 16));
}

/**
 * Creates and signs a CRL (v2, with cRLNumber and authorityKeyIdentifier; entries with reasonCode and
 * invalidityDate when given).
 *
 * @throws VnEgovError `INVALID_CRL_REQUEST` for bad dates, serials or reasons.
 * @example
 * ```ts
 * import { createCrl } from 'vn-egov/testing';
 * const crl = await createCrl({
 *   issuer: pki.neac.ca,
 *   thisUpdate: '2026-03-01T00:00:00Z',
 *   nextUpdate: '2026-03-08T00:00:00Z',
 *   revoked: [{ serialNumber: leaf.serialNumber, revocationDate: '2026-02-27T08:00:00Z', reason: 'keyCompromise' }],
 * });
 * ```
 */
export async function createCrl(options: CreateCrlOptions): Promise<TestCrl> {
  if (typeof options !== 'object' || options === null || typeof options.issuer !== 'object' || options.issuer === null) {
    throw testingError('INVALID_CRL_REQUEST', 'Thiếu bên cấp CRL', 'options.issuer is required');
  }
  const thisUpdate = toDate(options.thisUpdate, 'thisUpdate', 'INVALID_CRL_REQUEST');
  const nextUpdate = options.nextUpdate === undefined ? undefined : toDate(options.nextUpdate, 'nextUpdate', 'INVALID_CRL_REQUEST');
  if (nextUpdate && nextUpdate.getTime() < thisUpdate.getTime()) {
    throw testingError('INVALID_CRL_REQUEST', 'nextUpdate trước thisUpdate', 'nextUpdate is before thisUpdate');
  }
  const crlNumber = BigInt(options.crlNumber ?? 1);
  if (crlNumber < 0n) throw testingError('INVALID_CRL_REQUEST', 'Số CRL không hợp lệ', 'crlNumber must not be negative');
  const revoked = [...(options.revoked ?? [])];
  const issuerCert = pkijsCertificate(options.issuer);

  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuerCert.subject;
  crl.thisUpdate = x509Time(thisUpdate);
  if (nextUpdate) crl.nextUpdate = x509Time(nextUpdate);
  if (revoked.length) {
    crl.revokedCertificates = revoked.map((r) => {
      let serial: Uint8Array;
      try {
        serial = serialBytes(r.serialNumber, undefined);
      } catch (e) {
        throw testingError('INVALID_CRL_REQUEST', 'Số hiệu chứng thư không hợp lệ', `invalid serial number "${String(r.serialNumber)}"`, { cause: e });
      }
      const entryExtensions: pkijs.Extension[] = [];
      if (r.reason !== undefined) {
        entryExtensions.push(new pkijs.Extension({
          extnID: '2.5.29.21', critical: false,
          extnValue: new asn1js.Enumerated({ value: reasonCode(r.reason, 'INVALID_CRL_REQUEST') }).toBER(false),
        }));
      }
      if (r.invalidityDate !== undefined) {
        const d = toDate(r.invalidityDate, 'invalidityDate', 'INVALID_CRL_REQUEST');
        entryExtensions.push(new pkijs.Extension({ extnID: '2.5.29.24', critical: false, extnValue: new asn1js.GeneralizedTime({ valueDate: d }).toBER(false) }));
      }
      return new pkijs.RevokedCertificate({
        userCertificate: new asn1js.Integer({ valueHex: toArrayBuffer(serial) }),
        revocationDate: x509Time(toDate(r.revocationDate, 'revocationDate', 'INVALID_CRL_REQUEST')),
        ...(entryExtensions.length ? { crlEntryExtensions: new pkijs.Extensions({ extensions: entryExtensions }) } : {}),
      });
    });
  }
  const extensions: pkijs.Extension[] = [];
  if (options.authorityKeyIdentifier ?? true) extensions.push(x509.authorityKeyIdentifier(await x509.keyIdentifierOf(issuerCert.subjectPublicKeyInfo)));
  extensions.push(new pkijs.Extension({ extnID: '2.5.29.20', critical: false, extnValue: new asn1js.Integer({ valueHex: toArrayBuffer(bigIntBytes(crlNumber)) }).toBER(false) }));
  crl.crlExtensions = new pkijs.Extensions({ extensions });
  const hash = options.hash ?? 'SHA-256';
  await crl.sign(await signingKeyFor(options.issuer.keys.privateKey, hash), hash);
  const der = new Uint8Array(crl.toSchema(true).toBER(false));
  return {
    label: options.label ?? `${options.issuer.label}.crl`,
    der,
    pem: encodePem('X509 CRL', der),
    issuer: options.issuer.subject,
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    crlNumber,
    revoked: revoked.map((r) => ({ ...r, serialNumber: hex(serialBytes(r.serialNumber, undefined)) })),
  };
}
