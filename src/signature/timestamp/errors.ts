/**
 * Error codes of RFC 3161 time-stamp verification (`verifyTimestamp`). Only unreadable input throws; a well-formed
 * token that does not verify gives a report.
 */
import { VnEgovError } from '../../errors/index.js';

/**
 * Stable error codes thrown by {@link verifyTimestamp} (switch on `VnEgovError.code`).
 *
 * - `TIMESTAMP_INVALID_INPUT_TYPE`: the token or data is neither a `Uint8Array`, an `ArrayBuffer` nor a string.
 * - `TIMESTAMP_MALFORMED`: bytes that are neither a TimeStampToken (ContentInfo / SignedData over id-ct-TSTInfo) nor
 *   a TimeStampResp, or whose TSTInfo is not DER (RFC 3161 §2.4.2: version, policy, messageImprint, serialNumber,
 *   genTime, accuracy, nonce, tsa).
 * - `TIMESTAMP_NOT_GRANTED`: a TimeStampResp whose status is not granted / grantedWithMods (no token to verify).
 * - `TIMESTAMP_INVALID_OPTIONS`: options that cannot be used (missing trust store, bad `at`, bad imprint).
 * @example
 * ```ts
 * try { await verifyTimestamp(tsr, { data, trustStore }); }
 * catch (e) { if (isVnEgovError<TimestampErrorCode>(e, 'TIMESTAMP_NOT_GRANTED')) console.log(e.message); }
 * ```
 */
export type TimestampErrorCode =
  | 'TIMESTAMP_INVALID_INPUT_TYPE'
  | 'TIMESTAMP_MALFORMED'
  | 'TIMESTAMP_NOT_GRANTED'
  | 'TIMESTAMP_INVALID_OPTIONS';

/** Builds a bilingual {@link VnEgovError} (Vietnamese first, then English). Internal. */
export function timestampError(code: TimestampErrorCode, vi: string, en: string, cause?: unknown): VnEgovError<TimestampErrorCode> {
  return new VnEgovError(code, `${vi} (${en})`, cause === undefined ? {} : { cause });
}
