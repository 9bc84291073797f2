import { VnEgovError, type VnEgovIssue } from '../errors/index.js';

/**
 * Error codes thrown by `vn-egov/signature` (stable; switch on `VnEgovError.code`). Only malformed input throws:
 * a well-formed certificate or path that is not valid gives a report, never an error.
 *
 * - `INVALID_PEM`: text that is not PEM (no `-----BEGIN …-----` block, bad base64, mismatched END line).
 * - `INVALID_CERTIFICATE`: bytes that are not one DER X.509 certificate (truncated, trailing bytes, malformed
 *   extension value, unsupported version).
 * - `INVALID_PKCS7`: a `.p7b` / PKCS#7 certificate bag that cannot be read.
 * - `INVALID_CRL`: bytes that are not one DER certificate revocation list.
 * - `INVALID_OCSP_RESPONSE`: bytes that are not a DER OCSP response, or a response without a BasicOCSPResponse.
 * - `INVALID_INPUT_TYPE`: an input that is neither a PEM string, a `Uint8Array` nor an `ArrayBuffer`.
 * - `TRUST_ANCHOR_FINGERPRINT_MISMATCH`: a trust anchor whose SHA-256 fingerprint is not the pinned one.
 * - `INVALID_TRUST_STORE`: trust-store input that fails its schema.
 * - `INVALID_VALIDATION_OPTIONS`: options of `validateCertificatePath` that fail their schema (bad date, bad OID…).
 * - `INVALID_VALIDATION_POLICY`: a validation policy that fails its schema.
 * - `DOCUMENT_UNKNOWN_TYPE`: `verifyDocument` input that is neither PDF, CMS, XML nor edXML.
 * - `DOCUMENT_INVALID_INPUT`: `verifyDocument` input or options of the wrong shape (no trust store, not bytes…).
 * @example
 * ```ts
 * try { parseCertificate(bytes); } catch (e) { if (isVnEgovError<SignatureErrorCode>(e, 'INVALID_CERTIFICATE')) console.log(e.message); }
 * ```
 */
export type SignatureErrorCode =
  | 'INVALID_PEM'
  | 'INVALID_CERTIFICATE'
  | 'INVALID_PKCS7'
  | 'INVALID_CRL'
  | 'INVALID_OCSP_RESPONSE'
  | 'INVALID_INPUT_TYPE'
  | 'TRUST_ANCHOR_FINGERPRINT_MISMATCH'
  | 'INVALID_TRUST_STORE'
  | 'INVALID_VALIDATION_OPTIONS'
  | 'INVALID_VALIDATION_POLICY'
  | 'DOCUMENT_UNKNOWN_TYPE'
  | 'DOCUMENT_INVALID_INPUT';

/** Builds a bilingual {@link VnEgovError} (Vietnamese first, then English). Internal. */
export function signatureError(
  code: SignatureErrorCode,
  vi: string,
  en: string,
  options: { issues?: readonly VnEgovIssue[]; cause?: unknown } = {},
): VnEgovError<SignatureErrorCode> {
  return new VnEgovError(code, `${vi} (${en})`, options);
}
