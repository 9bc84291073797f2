/**
 * A CMS / PKCS#7 signer for tests (ký số CMS): detached or attached SignedData by a test-PKI certificate, with the
 * signed attributes content-type, message-digest, signing-time and ESS signing-certificate-v2.
 * @packageDocumentation
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { pkijsCertificate, toDate, type TestCertificate } from './certificate-builder.js';
import { compareDer } from './der-order.js';
import { testingError } from './errors.js';
import { signingKeyFor, subtle, toArrayBuffer, type TestHash } from './test-keys.js';

/**
 * Options of {@link signCms}.
 *
 * @example
 * ```ts
 * const options: SignCmsOptions = { signer: pki.neac.person, content: pdfBytes, chain: [pki.neac.ca], detached: true };
 * ```
 */
export interface SignCmsOptions {
  /** The signer: a test certificate with its key pair. */
  signer: TestCertificate;
  /** The signed content (e.g. the bytes of a PDF). */
  content: Uint8Array;
  /** Detached (the default: the content is not embedded) or attached. */
  detached?: boolean;
  /** signing-time attribute; default now. */
  signingTime?: Date | string;
  /** Certificates to embed besides the signer's (the intermediates). */
  chain?: readonly TestCertificate[];
  /** Digest; default SHA-256. */
  hash?: TestHash;
}

const ID_DATA = '1.2.840.113549.1.7.1';


/**
 * Signs content as CMS SignedData (RFC 5652) with a test certificate, the way Vietnamese signing tools sign a file
 * (`…_Signed.p7s`): RSA PKCS#1 v1.5 or ECDSA by the certificate's key, signed attributes in DER order. Returns the
 * ContentInfo DER. Verify it with `verifyCms` from `vn-egov/signature`.
 *
 * @throws VnEgovError `INVALID_CERTIFICATE_REQUEST` when the signer or content is missing.
 * @example
 * ```ts
 * const pki = await createTestPki({ now: '2026-03-16T10:00:00+07:00' });
 * const p7s = await signCms({ signer: pki.neac.person, content: pdfBytes, chain: [pki.neac.ca] });
 * const report = await verifyCms(p7s, { content: pdfBytes, trustStore: pki.trustStore(), at: pki.now });
 * ```
 */
export async function signCms(options: SignCmsOptions): Promise<Uint8Array> {
  if (typeof options !== 'object' || options === null || typeof options.signer !== 'object' || options.signer === null) {
    throw testingError('INVALID_CERTIFICATE_REQUEST', 'Thiếu người ký (signCms)', 'signCms needs a signer certificate');
  }
  if (!(options.content instanceof Uint8Array)) {
    throw testingError('INVALID_CERTIFICATE_REQUEST', 'Thiếu nội dung cần ký (signCms)', 'signCms needs the content as a Uint8Array');
  }
  const hash = options.hash ?? 'SHA-256';
  const s = subtle();
  const cert = pkijsCertificate(options.signer);
  const signingTime = toDate(options.signingTime ?? new Date(), 'signingTime', 'INVALID_CERTIFICATE_REQUEST');
  const attr = (type: string, value: asn1js.BaseBlock): pkijs.Attribute => new pkijs.Attribute({ type, values: [value] });
  const attributes = [
    attr('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: ID_DATA })),
    attr('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: await s.digest(hash, toArrayBuffer(options.content)) })),
    attr('1.2.840.113549.1.9.5', new asn1js.UTCTime({ valueDate: signingTime })),
    // signingCertificateV2: SEQUENCE { SEQUENCE OF ESSCertIDv2 { certHash (SHA-256, the default algorithm) } }
    attr('1.2.840.113549.1.9.16.2.47', new asn1js.Sequence({
      value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: await s.digest('SHA-256', toArrayBuffer(options.signer.der)) })] })] })],
    })),
  ];
  attributes.sort((a, b) => compareDer(new Uint8Array(a.toSchema().toBER(false)), new Uint8Array(b.toSchema().toBER(false))));
  const detached = options.detached ?? true;
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: ID_DATA,
      ...(detached ? {} : { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(options.content) }) }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [cert, ...(options.chain ?? []).map(pkijsCertificate)],
  });
  await signedData.sign(await signingKeyFor(options.signer.keys.privateKey, hash), 0, hash);
  return new Uint8Array(new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) }).toSchema().toBER(false));
}
