/**
 * `signPdf`: PAdES B-B (and B-T with a time-stamp callback) signing of a PDF by an incremental update (ký số tệp
 * PDF): the placeholder of `prepare.ts`, then the CMS from `signCms` over the two byte ranges written into
 * `/Contents`. The original bytes are kept unchanged, so earlier signatures stay valid.
 */
import * as z from 'zod/mini';
import { isVnEgovError, parseWith } from '../../errors/index.js';
import { signCms, type SignCmsHash } from '../cms/sign.js';
import { pdfError } from './errors.js';
import { embedCms, preparePdf, signedBytes } from './prepare.js';

/**
 * Options of {@link signPdf}.
 * @example
 * ```ts
 * const options: SignPdfOptions = { key, certificate: certPem, chain: [caPem], reason: 'Phê duyệt', location: 'Hà Nội' };
 * ```
 */
export interface SignPdfOptions {
  /** The signer's private key (WebCrypto; RSASSA-PKCS1-v1_5, RSA-PSS or ECDSA, usage `sign`). */
  key: CryptoKey;
  /** The signer's certificate (DER or PEM). */
  certificate: Uint8Array | string;
  /** Intermediate CA certificates to embed. */
  chain?: readonly (Uint8Array | string)[];
  /** `/Reason` (lý do ký). */
  reason?: string;
  /** `/Location` (nơi ký). */
  location?: string;
  /** `/ContactInfo`. */
  contactInfo?: string;
  /** `/Name` of the signer (display). */
  name?: string;
  /** Name of the new signature field; default `Signature1`, `Signature2`… */
  fieldName?: string;
  /** `/M` of the signature dictionary (and the signing-time attribute of adbe.pkcs7.detached); default now. */
  signingTime?: Date | string;
  /** Digest; default SHA-256. */
  hash?: SignCmsHash;
  /** Default `ETSI.CAdES.detached` (PAdES baseline: ESS signing-certificate-v2, no signing-time attribute). */
  subFilter?: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';
  /** Bytes reserved for the CMS; default 16384. */
  placeholderSize?: number;
  /** Makes a certification signature with DocMDP permission P (1: no change, 2: form filling and signing, 3: also annotations). */
  docMdp?: 1 | 2 | 3;
  /** Returns an RFC 3161 TimeStampToken over the signature value (signature time-stamp, PAdES B-T). */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
}

const optionsSchema = z.object({
  reason: z.optional(z.string()),
  location: z.optional(z.string()),
  contactInfo: z.optional(z.string()),
  name: z.optional(z.string()),
  fieldName: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
  signingTime: z.optional(z.union([z.date(), z.iso.datetime({ offset: true })])),
  hash: z.optional(z.enum(['SHA-256', 'SHA-384', 'SHA-512'])),
  subFilter: z.optional(z.enum(['ETSI.CAdES.detached', 'adbe.pkcs7.detached'])),
  placeholderSize: z.optional(z.number().check(z.int(), z.minimum(1024), z.maximum(1_048_576))),
  docMdp: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3)])),
});

/**
 * Signs a PDF (ký số PDF) as PAdES B-B by an incremental update: a new signature dictionary (`/Filter
 * /Adobe.PPKLite`, `/SubFilter /ETSI.CAdES.detached` by default), a signature field with an invisible widget on
 * page 1, the AcroForm with `/SigFlags 3` (and `/Perms /DocMDP` when `docMdp` is given), and a cross-reference
 * section of the same kind as the original's (table or stream). The CMS is made by `signCms` (detached; CAdES
 * attributes for ETSI.CAdES.detached) over the two ranges of the patched `/ByteRange`. The result verifies with
 * `verifyPdf` and poppler's `pdfsig`, and can be signed again.
 *
 * @throws VnEgovError `PDF_INVALID_OPTIONS` (bad option), `PDF_MALFORMED` / `PDF_UNSUPPORTED` (unreadable PDF),
 *   `PDF_SIGNING_FAILED` (no page, the CMS does not fit the placeholder, the key was refused).
 * @example
 * ```ts
 * const signed = await signPdf(pdfBytes, { key: privateKey, certificate: certPem, chain: [caPem], reason: 'Phê duyệt' });
 * const report = await verifyPdf(signed, { trustStore });
 * ```
 */
export async function signPdf(bytes: Uint8Array | ArrayBuffer, options: SignPdfOptions): Promise<Uint8Array> {
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
    throw pdfError('PDF_INVALID_INPUT_TYPE', 'Dữ liệu PDF phải là Uint8Array hoặc ArrayBuffer', 'the PDF must be a Uint8Array or an ArrayBuffer');
  }
  if (typeof options !== 'object' || options === null) throw pdfError('PDF_INVALID_OPTIONS', 'Thiếu tuỳ chọn ký', 'options are required');
  const o = parseWith(optionsSchema, {
    reason: options.reason, location: options.location, contactInfo: options.contactInfo, name: options.name,
    fieldName: options.fieldName, signingTime: options.signingTime, hash: options.hash, subFilter: options.subFilter,
    placeholderSize: options.placeholderSize, docMdp: options.docMdp,
  }, 'PDF_INVALID_OPTIONS', 'Tuỳ chọn ký PDF không hợp lệ');
  const signingTime = o.signingTime === undefined ? new Date() : o.signingTime instanceof Date ? o.signingTime : new Date(o.signingTime);
  if (!Number.isFinite(signingTime.getTime())) throw pdfError('PDF_INVALID_OPTIONS', 'Thời điểm ký không hợp lệ', 'invalid signingTime');
  const subFilter = o.subFilter ?? 'ETSI.CAdES.detached';
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  const prepared = preparePdf(data, {
    subFilter, placeholderSize: o.placeholderSize ?? 16384, signingTime,
    ...(o.name !== undefined ? { name: o.name } : {}), ...(o.reason !== undefined ? { reason: o.reason } : {}),
    ...(o.location !== undefined ? { location: o.location } : {}), ...(o.contactInfo !== undefined ? { contactInfo: o.contactInfo } : {}),
    ...(o.fieldName !== undefined ? { fieldName: o.fieldName } : {}), ...(o.docMdp !== undefined ? { docMdp: o.docMdp } : {}),
  });
  const cades = subFilter === 'ETSI.CAdES.detached';
  let cms: Uint8Array;
  try {
    cms = await signCms(signedBytes(prepared), {
      key: options.key, certificate: options.certificate, detached: true, cades,
      // PAdES baseline (ETSI EN 319 142-1 §5.4): no signing-time attribute, the time is /M
      signingTime: cades ? false : signingTime,
      ...(options.chain ? { chain: options.chain } : {}), ...(o.hash ? { hash: o.hash } : {}),
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    });
  } catch (e) {
    if (isVnEgovError(e)) throw pdfError('PDF_SIGNING_FAILED', `Không tạo được chữ ký CMS: ${e.message}`, `the CMS could not be made (${e.code})`, undefined, e);
    throw pdfError('PDF_SIGNING_FAILED', 'Không tạo được chữ ký CMS', 'the CMS could not be made', undefined, e);
  }
  return embedCms(prepared, cms);
}
