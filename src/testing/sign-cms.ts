/**
 * A CMS / PKCS#7 signer for tests (ký số CMS): detached or attached SignedData by a test-PKI certificate, with the
 * signed attributes content-type, message-digest, signing-time and ESS signing-certificate-v2.
 * @packageDocumentation
 */
import { signCms as signCmsCore } from '../signature/index.js';
import { toDate, type TestCertificate } from './certificate-builder.js';
import { testingError } from './errors.js';
import { signingKeyFor, type TestHash } from './test-keys.js';

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
  const signingTime = toDate(options.signingTime ?? new Date(), 'signingTime', 'INVALID_CERTIFICATE_REQUEST');
  if (hash === 'SHA-1') {
    throw testingError('INVALID_CERTIFICATE_REQUEST', 'SHA-1 không được dùng để ký CMS', 'signCms signs with SHA-256, SHA-384 or SHA-512');
  }
  return signCmsCore(options.content, {
    key: await signingKeyFor(options.signer.keys.privateKey, hash),
    certificate: options.signer.der,
    chain: (options.chain ?? []).map((c) => c.der),
    detached: options.detached ?? true,
    hash,
    signingTime,
  });
}
