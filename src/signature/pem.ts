/**
 * PEM (RFC 7468) reading and writing with standard APIs only: `-----BEGIN LABEL-----` blocks, CRLF or LF line ends,
 * explanatory text between blocks ignored.
 */
import { fromBase64, toBase64 } from './bytes.js';
import { signatureError } from './errors.js';

/**
 * One PEM block (khối PEM).
 * @example
 * ```ts
 * const [first]: PemBlock[] = decodePem(text); // { label: 'CERTIFICATE', der }
 * ```
 */
export interface PemBlock {
  /** The label, e.g. `CERTIFICATE`, `X509 CRL`, `PKCS7`. */
  label: string;
  /** The decoded DER bytes. */
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/**
 * Decodes every PEM block in a text (RFC 7468). Throws `INVALID_PEM` if there is none, or if a block is malformed.
 *
 * @example
 * ```ts
 * const blocks = decodePem(bundleText); // [{ label: 'CERTIFICATE', der: Uint8Array }, …]
 * ```
 */
export function decodePem(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const [, begin, body, end] = m;
    if (begin !== end) {
      throw signatureError('INVALID_PEM', 'Nhãn BEGIN/END của PEM không khớp', `PEM BEGIN ${begin} does not match END ${end}`);
    }
    const lines = body!.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0 && !/^[A-Za-z-]+:/.test(l));
    out.push({ label: begin!, der: fromBase64(lines.join('')) });
  }
  if (out.length === 0) throw signatureError('INVALID_PEM', 'Không tìm thấy khối PEM', 'no PEM block found');
  return out;
}

/**
 * Encodes DER bytes as PEM with 64-character lines.
 *
 * @example
 * ```ts
 * const pem = encodePem('CERTIFICATE', cert.der);
 * ```
 */
export function encodePem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** DER starts with a SEQUENCE tag; anything else is read as (possibly prefixed) PEM text. */
function looksLikePemBytes(b: Uint8Array): boolean {
  return b[0] !== 0x30;
}

/**
 * Turns a string (PEM), `Uint8Array` or `ArrayBuffer` (DER, or PEM bytes) into DER blobs; with `label`, only blocks
 * with that label (or, for certificates, `X509 CERTIFICATE` / `TRUSTED CERTIFICATE`) are kept. Internal.
 */
export function toDerBytes(input: unknown, label?: string): Uint8Array[] {
  let text: string | undefined;
  if (typeof input === 'string') text = input;
  else if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    if (!looksLikePemBytes(bytes)) return [bytes];
    text = new TextDecoder('utf-8').decode(bytes);
  } else {
    throw signatureError('INVALID_INPUT_TYPE', 'Kiểu dữ liệu đầu vào không được hỗ trợ', 'input must be a PEM string, Uint8Array or ArrayBuffer');
  }
  const blocks = decodePem(text);
  if (label === undefined) return blocks.map((b) => b.der);
  const accepted = label === 'CERTIFICATE' ? ['CERTIFICATE', 'X509 CERTIFICATE'] : [label];
  return blocks.filter((b) => accepted.includes(b.label)).map((b) => b.der);
}
