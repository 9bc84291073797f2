/**
 * `signCms`: creation of CMS SignedData (ký số CMS, RFC 5652) with a WebCrypto private key — detached or attached,
 * RSA PKCS#1 v1.5, RSA-PSS or ECDSA, CAdES-BES signed attributes (ESS signing-certificate-v2) and an optional RFC 3161
 * signature time-stamp (CAdES-T). DER written by hand (`der.ts`); runs in Node and browsers.
 */
import { decodeBer, decodeDer, readAlgorithm } from '../asn1.js';
import { isVnEgovError } from '../../errors/index.js';
import { loadCertificate, type CertificateRecord } from '../certificate.js';
import { fromHex } from '../bytes.js';
import { verifySignature } from '../signature-verification.js';
import { algorithmDer, explicit, integerDer, NULL_DER, octetString, oidDer, seq, setOf, timeDer, unsignedIntegerDer } from './der.js';
import { cmsError } from './errors.js';

/**
 * Digests `signCms` can use (thuật toán băm).
 * @example
 * ```ts
 * const hash: SignCmsHash = 'SHA-384';
 * ```
 */
export type SignCmsHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * An extra attribute: its type OID and the DER encoding of each value.
 * @example
 * ```ts
 * const attr: CmsAttributeInput = { type: '1.2.840.113549.1.9.16.2.14', values: [timeStampTokenDer] };
 * ```
 */
export interface CmsAttributeInput {
  type: string;
  values: readonly Uint8Array[];
}

/**
 * Options of {@link signCms}.
 * @example
 * ```ts
 * const options: SignCmsOptions = { key: privateKey, certificate: certPem, chain: [caPem], detached: true };
 * ```
 */
export interface SignCmsOptions {
  /** The signer's private key (RSASSA-PKCS1-v1_5, RSA-PSS or ECDSA; usage `sign`). */
  key: CryptoKey;
  /** The signer's certificate (DER or PEM). */
  certificate: Uint8Array | string;
  /** Further certificates to embed (intermediate CAs), DER or PEM. */
  chain?: readonly (Uint8Array | string)[];
  /** Embed the signer certificate and `chain` (default true; a TSA answering certReq = false omits them). */
  embedCertificates?: boolean;
  /** Detached (default, content not embedded) or attached. */
  detached?: boolean;
  /** Digest; default the RSA key's own hash, SHA-256 for ECDSA. RSA keys must carry this hash. */
  hash?: SignCmsHash;
  /** signing-time attribute: a time, or `false` to omit it (PAdES); default now. */
  signingTime?: Date | string | false;
  /** Adds ESS signing-certificate-v2 (CAdES-BES); default true. */
  cades?: boolean;
  /** eContentType / content-type attribute OID; default id-data. */
  contentType?: string;
  /**
   * Further signed attributes (e.g. id-aa-ets-contentTimestamp `1.2.840.113549.1.9.16.2.20` with a time-stamp token
   * over the content). content-type, message-digest, signing-time and signing-certificate(-v2) are refused here.
   */
  signedAttributes?: readonly CmsAttributeInput[];
  /** Unsigned attributes to add as given. */
  unsignedAttributes?: readonly CmsAttributeInput[];
  /**
   * Asks a TSA for a time-stamp over the signature value (the bytes of the `signature` OCTET STRING) and returns the
   * TimeStampToken (DER ContentInfo); added as the id-aa-signatureTimeStampToken unsigned attribute (CAdES-T).
   */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
}

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
/** id-aa-signatureTimeStampToken (RFC 3161 appendix A). */
export const OID_SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';
const HASH_OIDS: Record<SignCmsHash, string> = {
  'SHA-256': '2.16.840.1.101.3.4.2.1', 'SHA-384': '2.16.840.1.101.3.4.2.2', 'SHA-512': '2.16.840.1.101.3.4.2.3',
};
const RSA_OIDS: Record<SignCmsHash, string> = {
  'SHA-256': '1.2.840.113549.1.1.11', 'SHA-384': '1.2.840.113549.1.1.12', 'SHA-512': '1.2.840.113549.1.1.13',
};
const ECDSA_OIDS: Record<SignCmsHash, string> = {
  'SHA-256': '1.2.840.10045.4.3.2', 'SHA-384': '1.2.840.10045.4.3.3', 'SHA-512': '1.2.840.10045.4.3.4',
};
const HASH_LENGTH: Record<SignCmsHash, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
const OID_RE = /^[0-2]\.(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/;

function bad(en: string, vi: string, cause?: unknown): never {
  throw cmsError('CMS_INVALID_SIGNING_OPTIONS', vi, en, cause);
}

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw cmsError('CMS_SIGNING_FAILED', 'Môi trường không có WebCrypto', 'WebCrypto (crypto.subtle) is not available');
  return s;
}

function isCryptoKey(k: unknown): k is CryptoKey {
  return typeof k === 'object' && k !== null && typeof (k as CryptoKey).type === 'string' && typeof (k as CryptoKey).algorithm === 'object';
}

function certificateOf(input: unknown, what: string): CertificateRecord {
  if (!(input instanceof Uint8Array) && typeof input !== 'string') bad(`${what} must be DER bytes or PEM text`, `${what} phải là DER hoặc PEM`);
  try {
    return loadCertificate(input);
  } catch (e) {
    return bad(`${what} is not a readable certificate${isVnEgovError(e) ? `: ${e.message}` : ''}`, `${what} không phải chứng thư đọc được`, e);
  }
}

function signingTimeOf(v: unknown): Date | undefined {
  if (v === false) return undefined;
  if (v === undefined) return new Date();
  const t = v instanceof Date ? v.getTime() : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(t)) bad('signingTime must be a Date, an ISO 8601 date-time or false', 'signingTime phải là thời điểm ISO 8601 hoặc false');
  return new Date(Math.floor(t / 1000) * 1000);
}

interface Scheme {
  hash: SignCmsHash;
  algorithm: Uint8Array;
  params: Algorithm | RsaPssParams | EcdsaParams;
  ecdsaSize?: number;
}

function schemeOf(key: CryptoKey, wanted: SignCmsHash | undefined): Scheme {
  const a = key.algorithm as RsaHashedKeyAlgorithm & EcKeyAlgorithm;
  if (a.name === 'RSASSA-PKCS1-v1_5' || a.name === 'RSA-PSS') {
    const keyHash = a.hash?.name as SignCmsHash;
    if (!(keyHash in HASH_OIDS)) bad(`the RSA key uses ${String(a.hash?.name)}; SHA-256, SHA-384 or SHA-512 is required`, 'Khóa RSA dùng thuật toán băm không được hỗ trợ');
    if (wanted && wanted !== keyHash) bad(`the RSA key is bound to ${keyHash}, not ${wanted} (import it with hash ${wanted})`, `Khóa RSA gắn với ${keyHash}, không phải ${wanted}`);
    if (a.name === 'RSASSA-PKCS1-v1_5') return { hash: keyHash, algorithm: algorithmDer(RSA_OIDS[keyHash], NULL_DER), params: { name: a.name } };
    const h = algorithmDer(HASH_OIDS[keyHash]);
    const pss = seq(explicit(0, h), explicit(1, algorithmDer('1.2.840.113549.1.1.8', h)), explicit(2, unsignedIntegerDer(new Uint8Array([HASH_LENGTH[keyHash]]))));
    return { hash: keyHash, algorithm: algorithmDer('1.2.840.113549.1.1.10', pss), params: { name: 'RSA-PSS', saltLength: HASH_LENGTH[keyHash] } as RsaPssParams };
  }
  if (a.name === 'ECDSA') {
    const size = a.namedCurve === 'P-256' ? 32 : a.namedCurve === 'P-384' ? 48 : a.namedCurve === 'P-521' ? 66 : 0;
    if (!size) bad(`unsupported curve ${String(a.namedCurve)}`, 'Đường cong elliptic không được hỗ trợ');
    const hash = wanted ?? 'SHA-256';
    return { hash, algorithm: algorithmDer(ECDSA_OIDS[hash]), params: { name: 'ECDSA', hash } as EcdsaParams, ecdsaSize: size };
  }
  return bad(`unsupported key algorithm ${String(a.name)} (RSASSA-PKCS1-v1_5, RSA-PSS or ECDSA)`, 'Thuật toán khóa không được hỗ trợ');
}

/** WebCrypto ECDSA output r‖s → DER Ecdsa-Sig-Value. */
function ecdsaDer(raw: Uint8Array, size: number): Uint8Array {
  if (raw.length !== 2 * size) throw cmsError('CMS_SIGNING_FAILED', 'Chữ ký ECDSA không đúng độ dài', `ECDSA signature of ${raw.length} bytes, expected ${2 * size}`);
  return seq(unsignedIntegerDer(raw.subarray(0, size)), unsignedIntegerDer(raw.subarray(size)));
}

function attributeDer(type: string, values: readonly Uint8Array[]): Uint8Array {
  return seq(oidDer(type), setOf(values));
}

const RESERVED = new Set([OID_CONTENT_TYPE, OID_MESSAGE_DIGEST, OID_SIGNING_TIME, OID_SIGNING_CERTIFICATE_V2, '1.2.840.113549.1.9.16.2.12']);

function checkAttributes(list: unknown, name = 'unsignedAttributes'): readonly CmsAttributeInput[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) bad(`${name} must be an array`, `${name} phải là một mảng`);
  if (name === 'signedAttributes' && (list as CmsAttributeInput[]).some((a) => RESERVED.has(a?.type))) {
    bad('signedAttributes must not repeat content-type, message-digest, signing-time or signing-certificate', 'signedAttributes không được lặp lại các thuộc tính ký bắt buộc');
  }
  for (const [i, a] of (list as unknown[]).entries()) {
    const x = a as CmsAttributeInput;
    if (typeof x !== 'object' || x === null || typeof x.type !== 'string' || !OID_RE.test(x.type) || !Array.isArray(x.values) || x.values.length === 0) {
      bad(`${name}[${i}] needs a type OID and at least one DER value`, `${name}[${i}] cần OID và ít nhất một giá trị DER`);
    }
    for (const v of x.values) {
      try {
        if (!(v instanceof Uint8Array)) throw new TypeError('not bytes');
        decodeBer(v, 'attribute value');
      } catch (e) {
        bad(`${name}[${i}] has a value that is not one BER/DER element`, `${name}[${i}] có giá trị không phải DER`, e);
      }
    }
  }
  return list as readonly CmsAttributeInput[];
}

/**
 * Signs content as CMS SignedData (RFC 5652; ký số CMS) with a WebCrypto private key and returns the DER ContentInfo.
 * Signed attributes (DER `SET OF` order): content-type, message-digest, signing-time (unless `false`) and ESS
 * signing-certificate-v2 (CAdES-BES, unless `cades: false`). The signature is checked against the certificate's
 * public key before returning, so a key that does not belong to the certificate is an error, not a bad signature.
 * With `timestamp`, the RFC 3161 token over the signature value is added as an unsigned attribute (CAdES-T).
 *
 * @throws VnEgovError `CMS_INVALID_SIGNING_OPTIONS` (missing or unusable key, certificate, bad option),
 *   `CMS_INVALID_INPUT_TYPE` (content), `CMS_SIGNING_FAILED` (WebCrypto refused, key does not match the certificate,
 *   timestamp callback failed).
 * @example
 * ```ts
 * import { signCms, verifyCms } from 'vn-egov/signature';
 * const p7s = await signCms(pdfBytes, { key: privateKey, certificate: certPem, chain: [caPem] });
 * const report = await verifyCms(p7s, { content: pdfBytes, trustStore });
 * ```
 */
export async function signCms(content: Uint8Array | string, options: SignCmsOptions): Promise<Uint8Array> {
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    throw cmsError('CMS_INVALID_INPUT_TYPE', 'Nội dung cần ký phải là chuỗi hoặc Uint8Array', 'content must be a string or a Uint8Array');
  }
  if (typeof options !== 'object' || options === null) bad('options are required', 'Thiếu tùy chọn ký');
  const o = options;
  if (!isCryptoKey(o.key) || o.key.type !== 'private' || !o.key.usages.includes('sign')) {
    bad('key must be a private WebCrypto CryptoKey with usage "sign"', 'key phải là khóa bí mật WebCrypto có quyền ký (sign)');
  }
  if (o.hash !== undefined && !(o.hash in HASH_OIDS)) bad('hash must be SHA-256, SHA-384 or SHA-512', 'hash phải là SHA-256, SHA-384 hoặc SHA-512');
  if (o.detached !== undefined && typeof o.detached !== 'boolean') bad('detached must be a boolean', 'detached phải là boolean');
  if (o.cades !== undefined && typeof o.cades !== 'boolean') bad('cades must be a boolean', 'cades phải là boolean');
  if (o.embedCertificates !== undefined && typeof o.embedCertificates !== 'boolean') bad('embedCertificates must be a boolean', 'embedCertificates phải là boolean');
  if (o.contentType !== undefined && (typeof o.contentType !== 'string' || !OID_RE.test(o.contentType))) bad('contentType must be a dotted OID', 'contentType phải là OID');
  if (o.timestamp !== undefined && typeof o.timestamp !== 'function') bad('timestamp must be a function', 'timestamp phải là một hàm');
  if (o.chain !== undefined && !Array.isArray(o.chain)) bad('chain must be an array of certificates', 'chain phải là mảng chứng thư');
  const unsigned = checkAttributes(o.unsignedAttributes);
  const extraSigned = checkAttributes(o.signedAttributes, 'signedAttributes');
  const cert = certificateOf(o.certificate, 'certificate');
  const chain = (o.chain ?? []).map((c, i) => certificateOf(c, `chain[${i}]`));
  const scheme = schemeOf(o.key, o.hash);
  const signingTime = signingTimeOf(o.signingTime);
  const contentType = o.contentType ?? OID_DATA;
  const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const s = subtle();

  const digest = new Uint8Array(await s.digest(scheme.hash, data.slice()));
  const attrs: Uint8Array[] = [
    attributeDer(OID_CONTENT_TYPE, [oidDer(contentType)]),
    attributeDer(OID_MESSAGE_DIGEST, [octetString(digest)]),
  ];
  if (signingTime) attrs.push(attributeDer(OID_SIGNING_TIME, [timeDer(signingTime)]));
  const issuerAndSerial = seq(cert.issuerDer, integerDer(fromHex(cert.view.serialNumber)));
  if (o.cades ?? true) {
    // SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { certHash (SHA-256 default, omitted), issuerSerial } }
    const certHash = new Uint8Array(await s.digest('SHA-256', cert.der.slice()));
    const issuerSerial = seq(seq(explicit(4, cert.issuerDer)), integerDer(fromHex(cert.view.serialNumber)));
    attrs.push(attributeDer(OID_SIGNING_CERTIFICATE_V2, [seq(seq(seq(octetString(certHash), issuerSerial)))]));
  }
  for (const a of extraSigned) attrs.push(attributeDer(a.type, a.values));
  const signedAttrsSet = setOf(attrs);

  let signature: Uint8Array;
  try {
    signature = new Uint8Array(await s.sign(scheme.params, o.key, signedAttrsSet.slice()));
  } catch (e) {
    throw cmsError('CMS_SIGNING_FAILED', 'WebCrypto từ chối ký', `WebCrypto refused to sign (${e instanceof Error ? e.name : 'error'})`, e);
  }
  if (scheme.ecdsaSize) signature = ecdsaDer(signature, scheme.ecdsaSize);
  const check = await verifySignature(cert.spki, readAlgorithm(decodeDer(scheme.algorithm, 'signatureAlgorithm'), 'signatureAlgorithm'), signedAttrsSet, signature);
  if (!check.ok) {
    throw cmsError('CMS_SIGNING_FAILED', 'Khóa bí mật không khớp với chứng thư của người ký', `the private key does not match the signer certificate (${check.reason})`);
  }

  const unsignedDer = unsigned.map((a) => attributeDer(a.type, a.values));
  if (o.timestamp) {
    let token: unknown;
    try {
      token = await o.timestamp(signature.slice());
    } catch (e) {
      throw cmsError('CMS_SIGNING_FAILED', 'Không lấy được dấu thời gian', `the timestamp callback failed${e instanceof Error ? `: ${e.message}` : ''}`, e);
    }
    try {
      if (!(token instanceof Uint8Array)) throw new TypeError('not bytes');
      decodeBer(token, 'TimeStampToken');
    } catch (e) {
      throw cmsError('CMS_SIGNING_FAILED', 'Dấu thời gian trả về không đúng định dạng', 'the timestamp callback did not return one DER TimeStampToken', e);
    }
    unsignedDer.push(attributeDer(OID_SIGNATURE_TIMESTAMP, [token]));
  }

  const signedAttrsImplicit = signedAttrsSet.slice();
  signedAttrsImplicit[0] = 0xa0;
  const signerInfo = seq(
    unsignedIntegerDer(new Uint8Array([1])),
    issuerAndSerial,
    algorithmDer(HASH_OIDS[scheme.hash]),
    signedAttrsImplicit,
    scheme.algorithm,
    octetString(signature),
    ...(unsignedDer.length ? [setOf(unsignedDer, 0xa1)] : []),
  );
  const detached = o.detached ?? true;
  const certificates = [cert, ...chain.filter((c) => c.sha256 !== cert.sha256)];
  const unique = [...new Map(certificates.map((c) => [c.sha256, c.der])).values()];
  const signedData = seq(
    unsignedIntegerDer(new Uint8Array([contentType === OID_DATA ? 1 : 3])),
    setOf([algorithmDer(HASH_OIDS[scheme.hash])]),
    seq(oidDer(contentType), ...(detached ? [] : [explicit(0, octetString(data))])),
    ...(o.embedCertificates === false ? [] : [setOf(unique, 0xa0)]),
    setOf([signerInfo]),
  );
  return seq(oidDer(OID_SIGNED_DATA), explicit(0, signedData));
}

