/**
 * Error codes of CMS / PKCS#7 verification (`verifyCms`). Only malformed input throws; a well-formed SignedData
 * whose signature is bad gives a report.
 */
import { VnEgovError } from '../../errors/index.js';

/**
 * Stable error codes thrown by {@link verifyCms} (switch on `VnEgovError.code`).
 *
 * - `CMS_INVALID_INPUT_TYPE`: the signature or content is neither a string, a `Uint8Array` nor an `ArrayBuffer`.
 * - `CMS_INVALID_PEM`: PEM text without a readable `PKCS7` / `CMS` block (bad base64, wrong label, several blocks).
 * - `CMS_MALFORMED`: bytes that are not a BER/DER ContentInfo with SignedData (truncated, trailing bytes, wrong
 *   tags, bad version, malformed SignerInfo or embedded certificate).
 * - `CMS_NOT_SIGNED_DATA`: a ContentInfo whose content type is not id-signedData (1.2.840.113549.1.7.2).
 * - `CMS_NO_SIGNER`: a SignedData without any SignerInfo (a certificate bag, not a signature).
 * - `CMS_CONTENT_CONFLICT`: detached content passed for a SignedData that already encapsulates different content.
 * - `CMS_INVALID_OPTIONS`: options that fail their schema (missing trust store, bad `at` date…).
 * - `CMS_INVALID_SIGNING_OPTIONS`: options of `signCms` that cannot be used (no private signing key, unreadable
 *   certificate, RSA key bound to another hash, bad OID or attribute).
 * - `CMS_SIGNING_FAILED`: WebCrypto refused to sign, the key does not match the certificate, or the timestamp
 *   callback failed or returned something that is not a TimeStampToken.
 * @example
 * ```ts
 * try { await verifyCms(bytes, { trustStore }); }
 * catch (e) { if (isVnEgovError<CmsErrorCode>(e, 'CMS_MALFORMED')) console.log(e.message); }
 * ```
 */
export type CmsErrorCode =
  | 'CMS_INVALID_INPUT_TYPE'
  | 'CMS_INVALID_PEM'
  | 'CMS_MALFORMED'
  | 'CMS_NOT_SIGNED_DATA'
  | 'CMS_NO_SIGNER'
  | 'CMS_CONTENT_CONFLICT'
  | 'CMS_INVALID_OPTIONS'
  | 'CMS_INVALID_SIGNING_OPTIONS'
  | 'CMS_SIGNING_FAILED';

/** Builds a bilingual {@link VnEgovError} (Vietnamese first, then English). Internal. */
export function cmsError(code: CmsErrorCode, vi: string, en: string, cause?: unknown): VnEgovError<CmsErrorCode> {
  return new VnEgovError(code, `${vi} (${en})`, cause === undefined ? {} : { cause });
}
