/**
 * An RFC 3161 time-stamp token signer (dấu thời gian) for tests: a SignedData over a TSTInfo, with the ESS
 * signing-certificate-v2 attribute (RFC 5816), signed by a TSA certificate such as `pki.tsa`.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hex, serialBytes, toDate, type TestCertificate } from './certificate-builder.js';
import { signCms } from '../signature/index.js';
import { testingError } from './errors.js';
import type { SeededRandom } from './seeded-random.js';
import { signingKeyFor, subtle, toArrayBuffer, type TestHash } from './test-keys.js';

/**
 * Options of {@link createTimestampToken}.
 * @example
 * ```ts
 * const options: TimestampOptions = { tsa: pki.tsa, data: new TextEncoder().encode('văn bản'), genTime: pki.now };
 * ```
 */
export interface TimestampOptions {
  /** The TSA certificate (EKU timeStamping) and its key. */
  tsa: TestCertificate;
  /** The time-stamped data (hashed here with `hash`), or an RFC 3161 TimeStampReq (DER) whose imprint is used. */
  data?: Uint8Array;
  request?: Uint8Array;
  /** Default: now. */
  genTime: Date | string;
  /** TSA policy OID; default `2.999.704.1.1.3` (example arc). */
  policy?: string;
  /** Serial of the token as hex; default 16 bytes from `random` or WebCrypto. */
  serialNumber?: string;
  random?: SeededRandom;
  /** Imprint and signature digest; default SHA-256 (SHA-1 is refused). */
  hash?: TestHash;
  /** Include the TSA certificate in the token (default: as the request asks, else true). */
  includeCertificate?: boolean;
}

/**
 * A time-stamp token and the response that carries it.
 * @example
 * ```ts
 * const { token, response, serialNumber }: TimestampResult = await createTimestampToken({ tsa: pki.tsa, data, genTime: pki.now });
 * ```
 */
export interface TimestampResult {
  /** The TimeStampToken: a ContentInfo holding SignedData (DER). */
  token: Uint8Array;
  /** A TimeStampResp with status granted around the token (DER), as a TSA answers over HTTP. */
  response: Uint8Array;
  serialNumber: string;
  genTime: Date;
}

const HASH_OIDS: Record<TestHash, string> = {
  'SHA-1': '1.3.14.3.2.26', 'SHA-256': '2.16.840.1.101.3.4.2.1', 'SHA-384': '2.16.840.1.101.3.4.2.2', 'SHA-512': '2.16.840.1.101.3.4.2.3',
};
const ID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';


/**
 * Makes an RFC 3161 time-stamp token (and its TimeStampResp) over `data` or a TimeStampReq, signed by the TSA
 * certificate: TSTInfo v1 with policy, message imprint, serial, genTime (whole seconds) and the request's nonce;
 * signed attributes contentType, messageDigest and signingCertificateV2.
 *
 * @throws VnEgovError `INVALID_TIMESTAMP_REQUEST`.
 * @example
 * ```ts
 * import { createTimestampToken } from 'vn-egov/testing';
 * const { token } = await createTimestampToken({ tsa: pki.tsa, data: pdfBytes, genTime: '2026-03-01T02:00:00Z' });
 * ```
 */
export async function createTimestampToken(options: TimestampOptions): Promise<TimestampResult> {
  if (typeof options !== 'object' || options === null || typeof options.tsa !== 'object' || options.tsa === null) {
    throw testingError('INVALID_TIMESTAMP_REQUEST', 'Thiếu chứng thư TSA', 'options.tsa is required');
  }
  const hash = options.hash ?? 'SHA-256';
  const t = toDate(options.genTime, 'genTime', 'INVALID_TIMESTAMP_REQUEST');
  const genTime = new Date(Math.floor(t.getTime() / 1000) * 1000);
  let imprint: pkijs.MessageImprint;
  let nonce: asn1js.Integer | undefined;
  let certReq = true;
  if (options.request) {
    let req: pkijs.TimeStampReq;
    try {
      req = pkijs.TimeStampReq.fromBER(toArrayBuffer(options.request));
    } catch (e) {
      throw testingError('INVALID_TIMESTAMP_REQUEST', 'Yêu cầu dấu thời gian không đọc được', 'malformed TimeStampReq', { cause: e });
    }
    imprint = req.messageImprint;
    nonce = req.nonce;
    certReq = req.certReq ?? false;
  } else if (options.data instanceof Uint8Array) {
    const digest = new Uint8Array(await subtle().digest(hash, toArrayBuffer(options.data)));
    imprint = new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OIDS[hash], algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    });
  } else {
    throw testingError('INVALID_TIMESTAMP_REQUEST', 'Thiếu dữ liệu cần gắn dấu thời gian', 'give data (bytes) or request (a DER TimeStampReq)');
  }
  const policy = options.policy ?? '2.999.704.1.1.3';
  if (!/^[0-2](\.\d+)+$/.test(policy)) throw testingError('INVALID_TIMESTAMP_REQUEST', 'OID chính sách không hợp lệ', `invalid policy OID "${policy}"`);
  let serial: Uint8Array;
  try {
    serial = serialBytes(options.serialNumber, options.random);
  } catch (e) {
    throw testingError('INVALID_TIMESTAMP_REQUEST', 'Số hiệu không hợp lệ', 'serialNumber must be 1–20 bytes of hex', { cause: e });
  }

  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy,
    messageImprint: imprint,
    serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(serial) }),
    genTime,
    ...(nonce ? { nonce } : {}),
  });
  const tstDer = new Uint8Array(tstInfo.toSchema().toBER(false));
  if (hash === 'SHA-1') throw testingError('INVALID_TIMESTAMP_REQUEST', 'SHA-1 không được dùng để ký dấu thời gian', 'time-stamp tokens are signed with SHA-256, SHA-384 or SHA-512');
  // DER SignedData over the TSTInfo (content-type id-ct-TSTInfo, message-digest, ESS signing-certificate-v2), so the
  // token can sit inside DER signed attributes (id-aa-ets-contentTimestamp)
  const token = await signCms(tstDer, {
    key: await signingKeyFor(options.tsa.keys.privateKey, hash),
    certificate: options.tsa.der,
    detached: false,
    contentType: ID_CT_TSTINFO,
    hash,
    signingTime: false,
    embedCertificates: options.includeCertificate ?? certReq,
  });
  const response = new Uint8Array(new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 })] }), // PKIStatusInfo { granted }
      asn1js.fromBER(toArrayBuffer(token)).result,
    ],
  }).toBER(false));
  return { token, response, serialNumber: hex(serial), genTime };
}
