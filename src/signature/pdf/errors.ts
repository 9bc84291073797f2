/**
 * Error codes of the PDF signature layer (`verifyPdf`, `signPdf`). Only unreadable input throws; a readable PDF whose
 * signatures are bad, missing or followed by forbidden changes gives a report.
 */
import { VnEgovError } from '../../errors/index.js';

/**
 * Stable error codes thrown by {@link verifyPdf} and {@link signPdf} (switch on `VnEgovError.code`).
 *
 * - `PDF_INVALID_INPUT_TYPE`: the input is not a `Uint8Array` or `ArrayBuffer`.
 * - `PDF_MALFORMED`: bytes that are not a readable PDF (no header, no `startxref`, broken cross-reference table or
 *   stream, object not where the table says, bad token); the message carries the byte offset.
 * - `PDF_LIMIT_EXCEEDED`: a structural limit was hit (nesting depth, object count, revisions, stream size) —
 *   fail-closed instead of a hang or unbounded memory.
 * - `PDF_UNSUPPORTED`: a valid PDF feature the reader does not handle (encrypted files, a stream filter other than
 *   FlateDecode where one must be decoded).
 * - `PDF_INVALID_OPTIONS`: options that fail their schema (missing trust store or key, bad date, bad size).
 * - `PDF_SIGNING_FAILED`: `signPdf` cannot sign this file (the CMS does not fit the placeholder, no page, the CMS
 *   signer is not available).
 * @example
 * ```ts
 * try { await verifyPdf(bytes, { trustStore }); }
 * catch (e) { if (isVnEgovError<PdfErrorCode>(e, 'PDF_MALFORMED')) console.log(e.message); }
 * ```
 */
export type PdfErrorCode =
  | 'PDF_INVALID_INPUT_TYPE'
  | 'PDF_MALFORMED'
  | 'PDF_LIMIT_EXCEEDED'
  | 'PDF_UNSUPPORTED'
  | 'PDF_INVALID_OPTIONS'
  | 'PDF_SIGNING_FAILED';

/** Builds a bilingual {@link VnEgovError} (Vietnamese first, then English); `offset` is appended when given. Internal. */
export function pdfError(code: PdfErrorCode, vi: string, en: string, offset?: number, cause?: unknown): VnEgovError<PdfErrorCode> {
  const at = offset === undefined ? '' : ` @${offset}`;
  return new VnEgovError(code, `${vi} (${en})${at}`, {
    ...(offset === undefined ? {} : { issues: [{ code: code.toLowerCase(), path: ['offset', offset], message: en }] }),
    ...(cause === undefined ? {} : { cause }),
  });
}
