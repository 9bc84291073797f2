/**
 * OCSP responses (phản hồi OCSP, RFC 6960) signed with pkijs, by the CA itself or by a delegated responder
 * certificate with id-kp-OCSPSigning, and a reader of OCSP requests.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { RevocationReason } from '../signature/index.js';
import { hex, pkijsCertificate, serialBytes, toDate, type TestCertificate } from './certificate-builder.js';
import { reasonCode } from './crl-builder.js';
import { testingError } from './errors.js';
import { signingKeyFor, subtle, toArrayBuffer, type TestHash } from './test-keys.js';
import * as x509 from './x509-extensions.js';

/**
 * The status an OCSP responder gives one certificate (trạng thái chứng thư).
 * @example
 * ```ts
 * const status: OcspCertStatus = 'revoked';
 * ```
 */
export type OcspCertStatus = 'good' | 'revoked' | 'unknown';

/**
 * One SingleResponse of a BasicOCSPResponse.
 * @example
 * ```ts
 * const answer: OcspAnswer = { serialNumber: leaf.serialNumber, status: 'revoked', revocationDate: '2026-02-27T08:00:00Z', reason: 'keyCompromise' };
 * ```
 */
export interface OcspAnswer {
  /** Serial number as hex. */
  serialNumber: string;
  status: OcspCertStatus;
  /** Required for `revoked`. */
  revocationDate?: Date | string;
  reason?: RevocationReason;
}

/**
 * Options of {@link createOcspResponse}.
 * @example
 * ```ts
 * const options: CreateOcspResponseOptions = { issuer: pki.neac.ca, answers: [{ serialNumber: leaf.serialNumber, status: 'good' }], producedAt: now };
 * ```
 */
export interface CreateOcspResponseOptions {
  /** The CA that issued the certificates asked about (the CertID is computed from it). */
  issuer: TestCertificate;
  /** Who signs: the CA (default) or a delegated responder certified by it with id-kp-OCSPSigning. */
  signer?: TestCertificate;
  answers: readonly OcspAnswer[];
  producedAt: Date | string;
  /** Default `producedAt`. */
  thisUpdate?: Date | string;
  /** Absent: no nextUpdate. */
  nextUpdate?: Date | string;
  /** Echoed in the id-pkix-ocsp-nonce response extension. */
  nonce?: Uint8Array;
  /** ResponderID by name (default) or by key hash. */
  responderId?: 'name' | 'key';
  /** Include the signer's certificate in `certs`; default: only when the signer is not the CA. */
  includeSignerCertificate?: boolean;
  /** CertID hash; default SHA-1 (what most clients send). */
  certIdHash?: 'SHA-1' | 'SHA-256';
  /** Signature digest; default SHA-256. */
  hash?: TestHash;
}

/**
 * What an OCSP request asks (RFC 6960 §4.1): the CertIDs and the nonce.
 * @example
 * ```ts
 * const { requests, nonce }: OcspRequestInfo = readOcspRequest(requestDer);
 * ```
 */
export interface OcspRequestInfo {
  requests: { hashAlgorithm: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'; issuerNameHash: Uint8Array; issuerKeyHash: Uint8Array; serialNumber: string }[];
  nonce?: Uint8Array;
}

const HASH_OIDS: Record<'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', string> = {
  'SHA-1': '1.3.14.3.2.26', 'SHA-256': '2.16.840.1.101.3.4.2.1', 'SHA-384': '2.16.840.1.101.3.4.2.2', 'SHA-512': '2.16.840.1.101.3.4.2.3',
};
const NONCE_OID = '1.3.6.1.5.5.7.48.1.2';

function whole(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** CertID name and key hashes of an issuer with a given digest. Internal. */
export async function issuerHashes(issuer: TestCertificate, hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'): Promise<{ name: Uint8Array; key: Uint8Array }> {
  const c = pkijsCertificate(issuer);
  const nameDer = new Uint8Array(c.subject.toSchema().toBER(false));
  const keyBits = new Uint8Array(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  const s = subtle();
  return {
    name: new Uint8Array(await s.digest(hash, toArrayBuffer(nameDer))),
    key: new Uint8Array(await s.digest(hash, toArrayBuffer(keyBits))),
  };
}

/**
 * Reads an OCSP request (DER).
 *
 * @throws VnEgovError `INVALID_OCSP_REQUEST` when the bytes are not an OCSPRequest.
 * @example
 * ```ts
 * const info = readOcspRequest(requestDer);
 * info.requests[0]?.serialNumber; // '4DB51B…'
 * ```
 */
export function readOcspRequest(der: Uint8Array | ArrayBuffer): OcspRequestInfo {
  const bytes = der instanceof ArrayBuffer ? new Uint8Array(der) : der;
  let req: pkijs.OCSPRequest;
  try {
    req = pkijs.OCSPRequest.fromBER(toArrayBuffer(bytes));
  } catch (e) {
    throw testingError('INVALID_OCSP_REQUEST', 'Yêu cầu OCSP không đọc được', 'malformed OCSP request', { cause: e });
  }
  const byOid = Object.fromEntries(Object.entries(HASH_OIDS).map(([k, v]) => [v, k])) as Record<string, 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'>;
  const requests = req.tbsRequest.requestList.map((r) => {
    const id = r.reqCert;
    const hashAlgorithm = byOid[id.hashAlgorithm.algorithmId];
    if (!hashAlgorithm) throw testingError('INVALID_OCSP_REQUEST', 'Thuật toán băm không hỗ trợ', `unsupported CertID hash ${id.hashAlgorithm.algorithmId}`);
    return {
      hashAlgorithm,
      issuerNameHash: new Uint8Array(id.issuerNameHash.valueBlock.valueHexView),
      issuerKeyHash: new Uint8Array(id.issuerKeyHash.valueBlock.valueHexView),
      serialNumber: hex(new Uint8Array(id.serialNumber.valueBlock.valueHexView)),
    };
  });
  const nonceExt = req.tbsRequest.requestExtensions?.find((e) => e.extnID === NONCE_OID);
  let nonce: Uint8Array | undefined;
  if (nonceExt) {
    const raw = new Uint8Array(nonceExt.extnValue.valueBlock.valueHexView);
    const inner = asn1js.fromBER(toArrayBuffer(raw));
    nonce = inner.offset !== -1 && inner.result instanceof asn1js.OctetString ? new Uint8Array(inner.result.valueBlock.valueHexView) : raw;
  }
  return { requests, ...(nonce ? { nonce } : {}) };
}

/**
 * Creates a signed OCSPResponse (responseStatus successful) holding a BasicOCSPResponse with one SingleResponse per
 * answer.
 *
 * @throws VnEgovError `INVALID_OCSP_REQUEST` for bad dates, serials, or a revoked answer without a date.
 * @example
 * ```ts
 * import { createOcspResponse } from 'vn-egov/testing';
 * const der = await createOcspResponse({
 *   issuer: pki.neac.ca,
 *   signer: pki.neac.ocspResponder,
 *   answers: [{ serialNumber: pki.neac.person.serialNumber, status: 'good' }],
 *   producedAt: '2026-03-01T00:00:00Z',
 *   nextUpdate: '2026-03-02T00:00:00Z',
 * });
 * ```
 */
export async function createOcspResponse(options: CreateOcspResponseOptions): Promise<Uint8Array> {
  if (typeof options !== 'object' || options === null || typeof options.issuer !== 'object' || !Array.isArray(options.answers)) {
    throw testingError('INVALID_OCSP_REQUEST', 'Thiếu bên cấp hoặc câu trả lời', 'options.issuer and options.answers are required');
  }
  const signer = options.signer ?? options.issuer;
  const producedAt = whole(toDate(options.producedAt, 'producedAt', 'INVALID_OCSP_REQUEST'));
  const thisUpdate = whole(options.thisUpdate === undefined ? producedAt : toDate(options.thisUpdate, 'thisUpdate', 'INVALID_OCSP_REQUEST'));
  const nextUpdate = options.nextUpdate === undefined ? undefined : whole(toDate(options.nextUpdate, 'nextUpdate', 'INVALID_OCSP_REQUEST'));
  const certIdHash = options.certIdHash ?? 'SHA-1';
  const hashes = await issuerHashes(options.issuer, certIdHash);

  const basic = new pkijs.BasicOCSPResponse();
  const signerCert = pkijsCertificate(signer);
  basic.tbsResponseData.responderID = options.responderId === 'key'
    ? new asn1js.OctetString({ valueHex: toArrayBuffer(await x509.keyIdentifierOf(signerCert.subjectPublicKeyInfo)) })
    : signerCert.subject;
  basic.tbsResponseData.producedAt = producedAt;
  for (const a of options.answers) {
    let serial: Uint8Array;
    try {
      serial = serialBytes(a.serialNumber, undefined);
    } catch (e) {
      throw testingError('INVALID_OCSP_REQUEST', 'Số hiệu chứng thư không hợp lệ', `invalid serial number "${String(a.serialNumber)}"`, { cause: e });
    }
    const certID = new pkijs.CertID({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OIDS[certIdHash], algorithmParams: new asn1js.Null() }),
      issuerNameHash: new asn1js.OctetString({ valueHex: toArrayBuffer(hashes.name) }),
      issuerKeyHash: new asn1js.OctetString({ valueHex: toArrayBuffer(hashes.key) }),
      serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(serial) }),
    });
    let certStatus: asn1js.BaseBlock;
    if (a.status === 'good') certStatus = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
    else if (a.status === 'unknown') certStatus = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } });
    else if (a.status === 'revoked') {
      if (a.revocationDate === undefined) throw testingError('INVALID_OCSP_REQUEST', 'Thiếu ngày thu hồi', 'a revoked answer needs revocationDate');
      const when = whole(toDate(a.revocationDate, 'revocationDate', 'INVALID_OCSP_REQUEST'));
      certStatus = new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 1 },
        value: [
          new asn1js.GeneralizedTime({ valueDate: when }),
          ...(a.reason !== undefined ? [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Enumerated({ value: reasonCode(a.reason, 'INVALID_OCSP_REQUEST') })] })] : []),
        ],
      });
    } else throw testingError('INVALID_OCSP_REQUEST', 'Trạng thái không hợp lệ', `unknown status "${String(a.status)}"`);
    basic.tbsResponseData.responses.push(new pkijs.SingleResponse({ certID, certStatus, thisUpdate, ...(nextUpdate ? { nextUpdate } : {}) }));
  }
  if (options.nonce) {
    basic.tbsResponseData.responseExtensions = [new pkijs.Extension({
      extnID: NONCE_OID, critical: false, extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(options.nonce) }).toBER(false),
    })];
  }
  const include = options.includeSignerCertificate ?? signer !== options.issuer;
  if (include) basic.certs = [signerCert];
  const hash = options.hash ?? 'SHA-256';
  await basic.sign(await signingKeyFor(signer.keys.privateKey, hash), hash);
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: '1.3.6.1.5.5.7.48.1.1',
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

/**
 * An OCSPResponse without a body, e.g. `unauthorized` (6) when the responder is not authoritative for the request.
 * @example
 * ```ts
 * const der = ocspErrorResponse('unauthorized');
 * ```
 */
export function ocspErrorResponse(status: 'malformedRequest' | 'internalError' | 'tryLater' | 'sigRequired' | 'unauthorized'): Uint8Array {
  const code = { malformedRequest: 1, internalError: 2, tryLater: 3, sigRequired: 5, unauthorized: 6 }[status];
  return new Uint8Array(new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: code }) }).toSchema().toBER(false));
}
