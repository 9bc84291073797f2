/**
 * Error codes of `vn-egov/testing` (mã lỗi của bộ công cụ kiểm thử).
 */
import { VnEgovError, type VnEgovIssue } from '../errors/index.js';

/**
 * Error codes thrown by `vn-egov/testing` (stable; switch on `VnEgovError.code`). Only bad input throws.
 *
 * - `INVALID_TEST_PKI_OPTIONS`: options of `createTestPki` that are not understood (bad `now`, unknown key algorithm…).
 * - `INVALID_CERTIFICATE_REQUEST`: options of `issueCertificate` that cannot make a certificate (no subject, bad
 *   validity, bad serial, unknown key usage or defect).
 * - `INVALID_CRL_REQUEST`: options of `createCrl` that cannot make a CRL (bad dates, bad serial).
 * - `INVALID_OCSP_REQUEST`: an OCSP request that cannot be read, or a `{ serialNumber }` query without a serial.
 * - `INVALID_TIMESTAMP_REQUEST`: data or options of the RFC 3161 time-stamp signer that cannot make a token.
 * - `INVALID_FIXTURE_OPTIONS`: options of a fixture factory that fail their rules (count out of range, bad year).
 * - `WEBCRYPTO_UNAVAILABLE`: `globalThis.crypto.subtle` is missing (not a secure context, very old runtime).
 *
 * @example
 * ```ts
 * import { isVnEgovError } from 'vn-egov/errors';
 * try { await createTestPki({ now: 'yesterday' }); }
 * catch (e) { if (isVnEgovError<TestingErrorCode>(e, 'INVALID_TEST_PKI_OPTIONS')) console.log(e.message); }
 * ```
 */
export type TestingErrorCode =
  | 'INVALID_TEST_PKI_OPTIONS'
  | 'INVALID_CERTIFICATE_REQUEST'
  | 'INVALID_CRL_REQUEST'
  | 'INVALID_OCSP_REQUEST'
  | 'INVALID_TIMESTAMP_REQUEST'
  | 'INVALID_FIXTURE_OPTIONS'
  | 'WEBCRYPTO_UNAVAILABLE';

/** Builds a bilingual {@link VnEgovError} (Vietnamese, then English). Internal. */
export function testingError(
  code: TestingErrorCode,
  vi: string,
  en: string,
  options: { issues?: readonly VnEgovIssue[]; cause?: unknown } = {},
): VnEgovError<TestingErrorCode> {
  return new VnEgovError(code, `${vi} (${en})`, options);
}
