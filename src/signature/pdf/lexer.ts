/**
 * A bounded PDF tokenizer and object parser (bộ đọc cú pháp PDF): ISO 32000 §7.2–7.3 syntax over a byte buffer,
 * fail-closed — malformed input throws `PDF_MALFORMED` with the byte offset, nesting deeper than the limit throws
 * `PDF_LIMIT_EXCEEDED`. Never loops without consuming input. Internal.
 */
import { pdfError } from './errors.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './objects.js';

/**
 * Limits of the PDF reader (giới hạn của bộ đọc PDF); input beyond them throws `PDF_LIMIT_EXCEEDED` instead of
 * using unbounded time or memory. Defaults in {@link DEFAULT_PDF_LIMITS}.
 * @example
 * ```ts
 * const limits: Partial<PdfLimits> = { maxStreamSize: 16 * 1024 * 1024, maxRevisions: 64 };
 * await verifyPdf(bytes, { trustStore, limits });
 * ```
 */
export interface PdfLimits {
  maxDepth: number;
  maxObjects: number;
  maxRevisions: number;
  /** Largest decoded stream (bytes) the reader inflates (object and xref streams). */
  maxStreamSize: number;
  /** Largest number of items of one array or dictionary. */
  maxItems: number;
}

/**
 * Default reader limits: nesting depth 64, 2 M objects, 512 revisions, 64 MB per decoded stream, 1 M items per array
 * or dictionary.
 * @example
 * ```ts
 * await verifyPdf(bytes, { trustStore, limits: { maxStreamSize: DEFAULT_PDF_LIMITS.maxStreamSize / 4 } });
 * ```
 */
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxDepth: 64, maxObjects: 2_000_000, maxRevisions: 512, maxStreamSize: 64 * 1024 * 1024, maxItems: 1_000_000 };

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

/** True for PDF white-space bytes. */
export function isWhite(c: number | undefined): boolean {
  return c !== undefined && WS[c] === 1;
}
function isRegular(c: number | undefined): boolean {
  return c !== undefined && WS[c] === 0 && DELIM[c] === 0;
}
function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}
function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

type Keyword = { kw: string; start: number };
const END_DICT = Symbol('>>');
const END_ARRAY = Symbol(']');

/** Resolves a stream's indirect `/Length` (the parser calls it only for `/Length n g R`). */
export type LengthResolver = (ref: PdfRef) => number | undefined;

/**
 * Parser over one buffer. `pos` is the current offset; `base` is added to offsets in error messages (non-zero for
 * decoded object streams, which report the offset of their stream).
 */
export class PdfParser {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start: number,
    readonly limits: PdfLimits = DEFAULT_PDF_LIMITS,
    readonly resolveLength?: LengthResolver,
    readonly errorBase?: number,
  ) {
    this.pos = start;
  }

  fail(en: string, at = this.pos): never {
    throw pdfError('PDF_MALFORMED', 'Cấu trúc PDF không hợp lệ', en, this.errorBase ?? at);
  }

  /** Skips white space and comments. */
  skipWs(): void {
    const b = this.buf;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) return;
      if (WS[c] === 1) this.pos++;
      else if (c === 37) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** Reads a regular-character token as latin-1 text (keywords, numbers). */
  private word(): string {
    const start = this.pos;
    const b = this.buf;
    while (this.pos < b.length && isRegular(b[this.pos])) this.pos++;
    let s = '';
    for (let i = start; i < this.pos; i++) s += String.fromCharCode(b[i]!);
    return s;
  }

  /** Reads an unsigned integer token at the current position (after white space), or undefined without moving. */
  tryInteger(): number | undefined {
    this.skipWs();
    const b = this.buf;
    let p = this.pos;
    let n = 0;
    if (!isDigit(b[p])) return undefined;
    while (isDigit(b[p])) {
      n = n * 10 + (b[p]! - 48);
      if (n > Number.MAX_SAFE_INTEGER / 10) this.fail('integer too large', p);
      p++;
    }
    if (isRegular(b[p])) return undefined;
    this.pos = p;
    return n;
  }

  /** Expects keyword `kw` next (after white space). */
  expectKeyword(kw: string): void {
    this.skipWs();
    const at = this.pos;
    const w = this.word();
    if (w !== kw) this.fail(`expected "${kw}", found "${w.slice(0, 20)}"`, at);
  }

  /** Parses one value (a whole object); throws on a stray `>>`, `]` or keyword. */
  parseValue(depth = 0): PdfValue {
    const v = this.parseAny(depth);
    if (v === END_DICT || v === END_ARRAY) this.fail('unexpected end of container');
    if (typeof v === 'object' && v !== null && 'kw' in v) this.fail(`unexpected keyword "${(v as Keyword).kw.slice(0, 20)}"`, (v as Keyword).start);
    return v as PdfValue;
  }

  private parseAny(depth: number): PdfValue | Keyword | typeof END_DICT | typeof END_ARRAY {
    if (depth > this.limits.maxDepth) throw pdfError('PDF_LIMIT_EXCEEDED', 'Cấu trúc PDF lồng nhau quá sâu', `nesting deeper than ${this.limits.maxDepth}`, this.errorBase ?? this.pos);
    this.skipWs();
    const b = this.buf;
    const start = this.pos;
    const c = b[start];
    if (c === undefined) this.fail('unexpected end of data');
    switch (c) {
      case 47: // '/'
        return this.name();
      case 40: // '('
        return this.literal();
      case 60: // '<'
        if (b[start + 1] === 60) {
          this.pos += 2;
          return this.dict(depth, start);
        }
        return this.hexString();
      case 62: // '>'
        if (b[start + 1] === 62) {
          this.pos += 2;
          return END_DICT;
        }
        return this.fail('stray ">"');
      case 91: // '['
        this.pos++;
        return this.array(depth);
      case 93:
        this.pos++;
        return END_ARRAY;
      case 41: case 123: case 125:
        return this.fail(`unexpected "${String.fromCharCode(c)}"`);
      default:
        break;
    }
    if (isDigit(c) || c === 43 || c === 45 || c === 46) {
      const n = this.number();
      if (n !== undefined) {
        if (n.int && c !== 43 && c !== 45) {
          const save = this.pos;
          const g = this.tryInteger();
          if (g !== undefined) {
            this.skipWs();
            if (b[this.pos] === 82 && !isRegular(b[this.pos + 1])) {
              this.pos++;
              return new PdfRef(n.value, g);
            }
          }
          this.pos = save;
        }
        return n.value;
      }
    }
    const w = this.word();
    if (w.length === 0) this.fail('unexpected byte');
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      const n = Number(w);
      if (!Number.isFinite(n)) this.fail('bad number', start);
      // n g R
      if (/^\d+$/.test(w)) {
        const save = this.pos;
        const g = this.tryInteger();
        if (g !== undefined) {
          this.skipWs();
          if (b[this.pos] === 82 && !isRegular(b[this.pos + 1])) {
            this.pos++;
            return new PdfRef(n, g);
          }
        }
        this.pos = save;
      }
      return n;
    }
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    return { kw: w, start };
  }

  /** Fast path for a number token; undefined (position unchanged) when the token is not a plain number. */
  private number(): { value: number; int: boolean } | undefined {
    const b = this.buf;
    let p = this.pos;
    let sign = 1;
    if (b[p] === 43) p++;
    else if (b[p] === 45) {
      sign = -1;
      p++;
    }
    let v = 0;
    let digits = 0;
    while (isDigit(b[p])) {
      v = v * 10 + (b[p]! - 48);
      p++;
      digits++;
    }
    let int = true;
    if (b[p] === 46) {
      int = false;
      p++;
      while (isDigit(b[p])) {
        p++;
        digits++;
      }
    }
    if (digits === 0 || digits > 40 || isRegular(b[p])) return undefined;
    if (!int) {
      let t = '';
      for (let i = this.pos; i < p; i++) t += String.fromCharCode(b[i]!);
      v = Math.abs(Number(t));
      if (!Number.isFinite(v)) return undefined;
    }
    this.pos = p;
    return { value: sign * v, int };
  }

  private name(): PdfName {
    const b = this.buf;
    this.pos++;
    let s = '';
    while (this.pos < b.length && isRegular(b[this.pos])) {
      const c = b[this.pos]!;
      if (c === 35) {
        const h = hexVal(b[this.pos + 1] ?? 0);
        const l = hexVal(b[this.pos + 2] ?? 0);
        if (h < 0 || l < 0) this.fail('bad #xx escape in name');
        s += String.fromCharCode(h * 16 + l);
        this.pos += 3;
      } else {
        s += String.fromCharCode(c);
        this.pos++;
      }
    }
    return new PdfName(s);
  }

  private literal(): PdfString {
    const b = this.buf;
    const start = this.pos;
    this.pos++;
    const out: number[] = [];
    let nest = 1;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) this.fail('unterminated literal string', start);
      this.pos++;
      if (c === 92) {
        const e = b[this.pos];
        if (e === undefined) this.fail('unterminated literal string', start);
        this.pos++;
        switch (e) {
          case 110: out.push(10); break;
          case 114: out.push(13); break;
          case 116: out.push(9); break;
          case 98: out.push(8); break;
          case 102: out.push(12); break;
          case 13: if (b[this.pos] === 10) this.pos++; break;
          case 10: break;
          default:
            if (e >= 48 && e <= 55) {
              let v = e - 48;
              for (let k = 0; k < 2 && (b[this.pos] ?? 0) >= 48 && (b[this.pos] ?? 0) <= 55; k++) v = v * 8 + (b[this.pos++]! - 48);
              out.push(v & 0xff);
            } else out.push(e);
        }
      } else if (c === 40) {
        nest++;
        out.push(c);
      } else if (c === 41) {
        if (--nest === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return new PdfString(Uint8Array.from(out), false, start, this.pos);
  }

  private hexString(): PdfString {
    const b = this.buf;
    const start = this.pos;
    this.pos++;
    // fast path: find '>' first, then decode
    let end = this.pos;
    while (end < b.length && b[end] !== 62) end++;
    if (end >= b.length) this.fail('unterminated hex string', start);
    const out = new Uint8Array((end - this.pos + 1) >> 1);
    let o = 0;
    let hi = -1;
    for (let p = this.pos; p < end; p++) {
      const c = b[p]!;
      if (WS[c] === 1) continue;
      const v = hexVal(c);
      if (v < 0) this.fail('bad character in hex string', p);
      if (hi < 0) hi = v;
      else {
        out[o++] = hi * 16 + v;
        hi = -1;
      }
    }
    if (hi >= 0) out[o++] = hi * 16;
    this.pos = end + 1;
    return new PdfString(out.subarray(0, o), true, start, this.pos);
  }

  private array(depth: number): PdfValue[] {
    const items: PdfValue[] = [];
    for (;;) {
      const v = this.parseAny(depth + 1);
      if (v === END_ARRAY) return items;
      if (v === END_DICT) this.fail('">>" inside an array');
      if (typeof v === 'object' && v !== null && 'kw' in v) this.fail(`keyword "${(v as Keyword).kw.slice(0, 20)}" inside an array`, (v as Keyword).start);
      if (items.length >= this.limits.maxItems) throw pdfError('PDF_LIMIT_EXCEEDED', 'Mảng PDF quá lớn', 'too many array items', this.errorBase ?? this.pos);
      items.push(v as PdfValue);
    }
  }

  private dict(depth: number, start: number): PdfDict {
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipWs();
      const b = this.buf;
      if (b[this.pos] === 62 && b[this.pos + 1] === 62) {
        this.pos += 2;
        return new PdfDict(map, start, this.pos);
      }
      if (b[this.pos] !== 47) this.fail('dictionary key is not a name');
      const key = this.name().name;
      const v = this.parseAny(depth + 1);
      if (v === END_DICT || v === END_ARRAY || (typeof v === 'object' && v !== null && 'kw' in v)) this.fail(`bad value for /${key.slice(0, 20)}`);
      if (map.size >= this.limits.maxItems) throw pdfError('PDF_LIMIT_EXCEEDED', 'Từ điển PDF quá lớn', 'too many dictionary entries', this.errorBase ?? this.pos);
      // ISO 32000 §7.3.7: a null value is the same as an absent entry; the last duplicate key wins in most readers,
      // a duplicate key is ambiguous: reject it
      if (map.has(key)) this.fail(`duplicate key /${key.slice(0, 20)}`);
      if (v !== null) map.set(key, v as PdfValue);
    }
  }

  /**
   * Parses `n g obj <value> [stream … endstream] endobj` at the current position.
   * @returns the object number, generation, value and the offset after `endobj`.
   */
  parseIndirect(expectNum?: number): { num: number; gen: number; value: PdfValue; end: number } {
    const at = this.pos;
    const num = this.tryInteger();
    const gen = this.tryInteger();
    if (num === undefined || gen === undefined) this.fail('expected "n g obj"', at);
    if (expectNum !== undefined && num !== expectNum) this.fail(`object ${expectNum} expected, found ${num}`, at);
    this.expectKeyword('obj');
    let value = this.parseValue(0);
    this.skipWs();
    const kwAt = this.pos;
    let kw = this.word();
    if (kw === 'stream') {
      if (!(value instanceof PdfDict)) this.fail('stream without a dictionary', kwAt);
      const b = this.buf;
      if (b[this.pos] === 13 && b[this.pos + 1] === 10) this.pos += 2;
      else if (b[this.pos] === 10) this.pos++;
      else this.fail('"stream" must be followed by an end of line', this.pos);
      const dataStart = this.pos;
      const lenV = value.get('Length');
      const len = typeof lenV === 'number' ? lenV : lenV instanceof PdfRef && this.resolveLength ? this.resolveLength(lenV) : undefined;
      if (len === undefined || !Number.isInteger(len) || len < 0 || dataStart + len > b.length) this.fail('stream /Length missing or out of range', dataStart);
      this.pos = dataStart + len;
      this.skipWs();
      const endAt = this.pos;
      if (this.word() !== 'endstream') this.fail('"endstream" expected after /Length bytes', endAt);
      value = new PdfStream(value, b.subarray(dataStart, dataStart + len), dataStart);
      this.skipWs();
      kw = this.word();
    }
    if (kw !== 'endobj') this.fail(`"endobj" expected, found "${kw.slice(0, 20)}"`, kwAt);
    return { num, gen, value, end: this.pos };
  }
}
