/**
 * Content-type sniffing from the bytes of an attachment (specs/edxml.md §3: "Sniff the content; do not trust
 * `ContentType`"), and comparison with the declared type, including the VNPT library's non-standard MIME types
 * (`application/doc`, `application/docx`, `application/xsl`, `application/xslx`, secondary: library bytecode).
 * @packageDocumentation
 */

/**
 * The file kinds the sniffer tells apart. `ole` is an OLE2 compound file that is neither recognisably Word nor Excel.
 *
 * @example
 * ```ts
 * const k: SniffedKind = 'pdf';
 * ```
 */
export type SniffedKind = 'pdf' | 'doc' | 'xls' | 'ole' | 'docx' | 'xlsx' | 'zip' | 'xml' | 'unknown';

/**
 * What the bytes are, with the standard media type of that kind.
 *
 * @example
 * ```ts
 * sniffContentType(new TextEncoder().encode('%PDF-1.7')); // { kind: 'pdf', mediaType: 'application/pdf' }
 * ```
 */
export interface ContentSniff {
  readonly kind: SniffedKind;
  readonly mediaType: string;
}

const MEDIA: Readonly<Record<SniffedKind, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ole: 'application/x-ole-storage',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  xml: 'application/xml',
  unknown: 'application/octet-stream',
};

const DECLARED: Readonly<Record<string, SniffedKind>> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/msword': 'doc',
  'application/doc': 'doc',
  'application/vnd.ms-word': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/xls': 'xls',
  'application/xsl': 'xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/docx': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/xlsx': 'xlsx',
  'application/xslx': 'xlsx',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
  'application/x-zip': 'zip',
  'application/xml': 'xml',
  'text/xml': 'xml',
};

/** Non-standard media types written by the VNPT library (specs/edxml.md §3, secondary). */
const NON_STANDARD = new Set(['application/doc', 'application/docx', 'application/xsl', 'application/xslx', 'application/xls', 'application/xlsx']);

function startsWith(data: Uint8Array, sig: ArrayLike<number>, at = 0): boolean {
  if (data.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (data[at + i] !== sig[i]) return false;
  return true;
}

function contains(data: Uint8Array, needle: Uint8Array, from: number, to: number): boolean {
  const end = Math.min(to, data.length) - needle.length;
  const first = needle[0]!;
  for (let i = data.indexOf(first, Math.max(from, 0)); i >= 0 && i <= end; i = data.indexOf(first, i + 1)) {
    let ok = true;
    for (let j = 1; j < needle.length; j++) {
      if (data[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
};
const WORD_XML = ascii('word/');
const XL_XML = ascii('xl/');
const WORD_STREAM = utf16le('WordDocument');
const BOOK_STREAM = utf16le('Workbook');
const BOOK_STREAM_OLD = utf16le('Book');
const WINDOW = 1 << 20;

/**
 * Tells what a file is from its bytes: PDF (`%PDF-` in the first 1 KiB), OLE2 compound files (Word `.doc` or Excel
 * `.xls` by their stream names), ZIP (and OOXML `.docx` / `.xlsx` by their part names), XML. Looks at the first and
 * last MiB only.
 *
 * @example
 * ```ts
 * sniffContentType(new Uint8Array([0x50, 0x4b, 0x03, 0x04])).kind; // 'zip'
 * ```
 */
export function sniffContentType(data: Uint8Array): ContentSniff {
  const kind = sniffKind(data);
  return { kind, mediaType: MEDIA[kind] };
}

function sniffKind(data: Uint8Array): SniffedKind {
  if (contains(data, ascii('%PDF-'), 0, 1024)) return 'pdf';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (contains(data, WORD_STREAM, 0, WINDOW) || contains(data, WORD_STREAM, data.length - WINDOW, data.length)) return 'doc';
    if (contains(data, BOOK_STREAM, 0, WINDOW) || contains(data, BOOK_STREAM, data.length - WINDOW, data.length) || contains(data, BOOK_STREAM_OLD, 0, WINDOW)) return 'xls';
    return 'ole';
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    const tail = data.length - WINDOW;
    if (contains(data, WORD_XML, 0, WINDOW) || contains(data, WORD_XML, tail, data.length)) return 'docx';
    if (contains(data, XL_XML, 0, WINDOW) || contains(data, XL_XML, tail, data.length)) return 'xlsx';
    return 'zip';
  }
  let i = startsWith(data, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < data.length && i < 1024 && (data[i] === 0x20 || data[i] === 0x09 || data[i] === 0x0a || data[i] === 0x0d)) i++;
  if (data[i] === 0x3c && (startsWith(data, ascii('?xml'), i + 1) || /[A-Za-z_]/.test(String.fromCharCode(data[i + 1] ?? 0)))) return 'xml';
  return 'unknown';
}

/**
 * The comparison of a declared content type with the sniffed one.
 *
 * @example
 * ```ts
 * const c: ContentTypeCheck = compareContentType('application/pdf', { kind: 'pdf', mediaType: 'application/pdf' });
 * c.matches; // true
 * ```
 */
export interface ContentTypeCheck {
  /** The declared type, lower-cased without parameters. */
  readonly declared: string;
  /** The kind the declared type names, `null` when the type is not one the sniffer knows. */
  readonly declaredKind: SniffedKind | null;
  readonly sniffed: ContentSniff;
  /** `true` when they agree, `false` when they disagree, `null` when either side is unknown. */
  readonly matches: boolean | null;
  /** The declared type is one of the VNPT library's non-standard names. */
  readonly nonStandard: boolean;
}

/**
 * Compares a declared content type with sniffed bytes. A declared `application/zip` matches any ZIP, OOXML included
 * (the VNPT library zips non-Office files and keeps the original name, specs/edxml.md §3); an OLE2 file matches a
 * declared `.doc` or `.xls` when its streams could not be told apart.
 *
 * @example
 * ```ts
 * compareContentType('application/docx', sniffContentType(bytes)).nonStandard; // true
 * ```
 */
export function compareContentType(declared: string, sniffed: ContentSniff): ContentTypeCheck {
  const d = declared.split(';')[0]!.trim().toLowerCase();
  const declaredKind = Object.hasOwn(DECLARED, d) ? DECLARED[d]! : null;
  let matches: boolean | null;
  if (declaredKind === null || sniffed.kind === 'unknown') matches = null;
  else if (declaredKind === sniffed.kind) matches = true;
  else if (declaredKind === 'zip') matches = sniffed.kind === 'docx' || sniffed.kind === 'xlsx';
  else if (sniffed.kind === 'ole') matches = declaredKind === 'doc' || declaredKind === 'xls';
  else matches = false;
  return { declared: d, declaredKind, sniffed, matches, nonStandard: NON_STANDARD.has(d) };
}

/**
 * The standard media type the writer should declare for a file kind.
 *
 * @example
 * ```ts
 * mediaTypeOf('docx'); // 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
 * ```
 */
export function mediaTypeOf(kind: SniffedKind): string {
  return MEDIA[kind];
}
