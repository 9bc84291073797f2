/**
 * In-memory front end of the reader: checks the input type and encoding, runs the security scanner, keeps the
 * payloads as ranges of the original input (no copy), decodes the envelope and builds its element tree. Strings and
 * small byte inputs go through the one-pass fast path (`xml-fast-path.ts`) first; large byte inputs are scanned as
 * bytes (payloads never decoded to text) and only their envelope is parsed.
 * @internal
 * @packageDocumentation
 */
import { describeValue, fail, issue } from './errors.js';
import { EnvelopeScanner, type Chunk, type ScanSink } from './envelope-scanner.js';
import { fastXmlTree } from './xml-fast-path.js';
import { parseXmlTree, type XmlElement } from './xml-tree.js';
import type { EdxmlLimits } from './xml-security.js';

/** Where one payload lies in the source: ranges (several when CDATA sections split it). @internal */
export interface PayloadSpan {
  readonly qname: string;
  readonly ranges: [number, number][];
  /** Number of characters (string source) or bytes in the ranges. */
  encodedLength: number;
  /** Whether the payload holds only whitespace, when known without the source (streamed input). */
  blank?: boolean;
}

/** What the in-memory front end produces. @internal */
export interface Envelope {
  readonly root: XmlElement;
  readonly source: Chunk;
  readonly payloads: readonly PayloadSpan[];
  readonly envelopeText: string;
  readonly declaration: string | null;
}

/** Normalises the accepted input types; strips a UTF-8 byte-order mark. @internal */
export function toSource(input: unknown): Chunk {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else {
    fail('EDXML_INVALID_INPUT', `Đầu vào không hợp lệ / expected a string, Uint8Array or ArrayBuffer, got ${describeValue(input)}`, [
      issue('invalid_input', [], 'error', 'unsupported input type'),
    ]);
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))) {
    fail('EDXML_INVALID_ENCODING', 'Mã hóa không hỗ trợ / UTF-16 input is not supported: edXML is UTF-8', [issue('utf16_bom', [], 'error', 'byte-order mark FE FF / FF FE')]);
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  return bytes;
}

/** Offset of the first invalid UTF-8 sequence (for error messages). @internal */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return bytes.length;
}

/** Checks the encoding named by an XML declaration (bytes must be UTF-8). @internal */
export function checkDeclaredEncoding(declaration: string | null): void {
  if (declaration === null) return;
  const m = /encoding\s*=\s*["']([^"']*)["']/.exec(declaration);
  if (m !== null && !/^utf-?8$/i.test(m[1]!)) {
    fail('EDXML_INVALID_ENCODING', `Mã hóa không hỗ trợ / declared encoding ${describeValue(m[1])} is not supported: edXML is UTF-8`, [
      issue('unsupported_encoding', [], 'error', m[1]!),
    ]);
  }
}

/** Decodes envelope bytes as UTF-8 (fatal). @internal */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    fail('EDXML_INVALID_ENCODING', `Mã hóa UTF-8 không hợp lệ / invalid UTF-8 in the ${what} at byte ${at} (payloads excluded)`, [
      issue('invalid_utf8', [], 'error', `byte ${at}`),
    ]);
  }
}

/** Builds a position describer for envelope offsets. @internal */
export function locator(envelopeText: string, cutAt: readonly number[]): (offset: number) => string {
  return (offset) => {
    let line = 1;
    let lineStart = 0;
    for (let i = envelopeText.indexOf('\n'); i >= 0 && i < offset; i = envelopeText.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const shifted = cutAt.some((c) => c <= offset);
    return `line ${line}, column ${offset - lineStart + 1}${shifted ? ' of the envelope (attachment payloads excluded)' : ''}`;
  };
}

/** Byte inputs up to this size are decoded whole and read on the fast path like a string. */
const SMALL_BYTES = 256 * 1024;

/** The fast path over a whole string source (see `xml-fast-path.ts`), or `null` to take the reference path. */
function fastEnvelope(source: string, limits: EdxmlLimits): Envelope | null {
  const t = fastXmlTree(source, limits, true);
  return t === null ? null : { root: t.root, source, payloads: t.payloads, envelopeText: t.envelopeText, declaration: t.declaration };
}

/**
 * The fast path over small UTF-8 bytes: decoded whole, then read as a string, provided the reference path would see
 * the same thing: valid UTF-8, a UTF-8 declaration, ASCII payloads (so character and byte ranges agree) and an
 * envelope within the byte limit.
 */
function fastSmallBytes(bytes: Uint8Array, limits: EdxmlLimits): Envelope | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  const env = fastEnvelope(text, limits);
  if (env === null) return null;
  try {
    checkDeclaredEncoding(env.declaration);
  } catch {
    return null;
  }
  let payloadBytes = 0;
  for (const p of env.payloads) {
    for (const [a, b] of p.ranges) for (let i = a; i < b; i++) if (text.charCodeAt(i) > 0x7f) return null;
    payloadBytes += p.encodedLength;
  }
  if (bytes.length - payloadBytes > limits.maxEnvelopeBytes) return null;
  return env;
}

/**
 * Scans, checks and parses an in-memory input. `fast` (default) tries the fast path first; `false` runs only the
 * reference path (differential tests).
 * @internal
 */
export function readEnvelope(input: unknown, limits: EdxmlLimits, fast = true): Envelope {
  const source = toSource(input);
  if (source.length > limits.maxInputBytes) {
    fail('XML_LIMIT_EXCEEDED', `Dữ liệu quá lớn / input larger than ${limits.maxInputBytes}`, [issue('max_input_bytes', [], 'error', `limit ${limits.maxInputBytes}`)]);
  }
  if (fast) {
    const env = typeof source === 'string' ? fastEnvelope(source, limits) : source.length <= SMALL_BYTES ? fastSmallBytes(source, limits) : null;
    if (env !== null) return env;
  }
  const parts: Chunk[] = [];
  let envelopeLength = 0;
  const payloads: PayloadSpan[] = [];
  const cutAt: number[] = [];
  const sink: ScanSink = {
    envelope(chunk, start, end) {
      parts.push(typeof chunk === 'string' ? chunk.slice(start, end) : chunk.subarray(start, end));
      envelopeLength += end - start;
    },
    envelopeText(t) {
      parts.push(typeof source === 'string' ? t : new TextEncoder().encode(t));
      envelopeLength += t.length;
    },
    payloadStart(index, qname) {
      payloads[index] = { qname, ranges: [], encodedLength: 0 };
      cutAt.push(envelopeLength);
    },
    payload(_chunk, start, end) {
      const p = payloads[payloads.length - 1]!;
      p.ranges.push([start, end]);
      p.encodedLength += end - start;
    },
    payloadEnd() {},
  };
  const scanner = new EnvelopeScanner(sink, limits);
  scanner.write(source);
  scanner.end();
  let envelopeText: string;
  if (typeof source === 'string') envelopeText = (parts as string[]).join('');
  else {
    checkDeclaredEncoding(scanner.declaration);
    const joined = new Uint8Array(envelopeLength);
    let o = 0;
    for (const p of parts as Uint8Array[]) {
      joined.set(p, o);
      o += p.length;
    }
    envelopeText = decodeUtf8(joined, 'envelope');
  }
  const root = parseXmlTree(envelopeText, limits, locator(envelopeText, cutAt), fast);
  return { root, source, payloads, envelopeText, declaration: scanner.declaration };
}
