/**
 * Base64 (RFC 4648 §4) encoding and incremental decoding over strings and UTF-8 byte arrays, without `Buffer` (runs in
 * browsers). The decoder skips XML whitespace, requires correct padding and rejects anything else.
 * @internal
 * @packageDocumentation
 */
import type { Chunk } from './envelope-scanner.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const WS = 64;
const PAD = 65;
const BAD = 66;
const TABLE = new Uint8Array(256).fill(BAD);
for (let i = 0; i < 64; i++) TABLE[ALPHABET.charCodeAt(i)] = i;
for (const c of [0x20, 0x09, 0x0a, 0x0d]) TABLE[c] = WS;
TABLE[0x3d] = PAD;
const ENC = new Uint8Array(64);
for (let i = 0; i < 64; i++) ENC[i] = ALPHABET.charCodeAt(i);
// The fast loops decode 4 characters with 4 lookups and 3 ORs: D0..D3 hold each sextet already shifted into place, and
// -1 (every bit set) for anything that is not an alphabet character, so a negative OR means "leave the fast loop".
const D0 = new Int32Array(256).fill(-1);
const D1 = new Int32Array(256).fill(-1);
const D2 = new Int32Array(256).fill(-1);
const D3 = new Int32Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  const c = ALPHABET.charCodeAt(i);
  D0[c] = i << 18;
  D1[c] = i << 12;
  D2[c] = i << 6;
  D3[c] = i;
}

/** Output position after the last `quadsFrom…` call (a second return value without an allocation). */
let quadsOut = 0;

/** Decodes `src[i, stop)` 4 characters at a time while they are alphabet characters; returns where it stopped. */
function quadsFromBytes(src: Uint8Array, i: number, stop: number, out: Uint8Array, o: number): number {
  const last = stop - 4;
  while (i <= last) {
    const v = D0[src[i]!]! | D1[src[i + 1]!]! | D2[src[i + 2]!]! | D3[src[i + 3]!]!;
    if (v < 0) break;
    out[o] = v >>> 16;
    out[o + 1] = v >>> 8;
    out[o + 2] = v;
    o += 3;
    i += 4;
  }
  quadsOut = o;
  return i;
}

/** {@link quadsFromBytes} over UTF-16 text. */
function quadsFromString(src: string, i: number, stop: number, out: Uint8Array, o: number): number {
  const last = stop - 4;
  while (i <= last) {
    const a = src.charCodeAt(i);
    const b = src.charCodeAt(i + 1);
    const c = src.charCodeAt(i + 2);
    const d = src.charCodeAt(i + 3);
    if ((a | b | c | d) > 255) break;
    const v = D0[a]! | D1[b]! | D2[c]! | D3[d]!;
    if (v < 0) break;
    out[o] = v >>> 16;
    out[o + 1] = v >>> 8;
    out[o + 2] = v;
    o += 3;
    i += 4;
  }
  quadsOut = o;
  return i;
}

/** Why a decode failed (message text, English). @internal */
export class Base64Failure {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {}
}

/**
 * An incremental base64 decoder. Feed ranges of chunks with `push`, then `finish`. Output goes to `out`
 * (preallocated) or, when it is full or absent, to `emit`.
 * @internal
 */
export class Base64Decoder {
  private acc = 0;
  private n = 0;
  private pad = 0;
  private done = false;
  private buf: Uint8Array;
  private pos = 0;
  private consumed = 0;
  /** Decoded bytes so far. */
  size = 0;

  constructor(
    private readonly emit: ((bytes: Uint8Array) => void) | null,
    capacity = 65_536,
  ) {
    this.buf = new Uint8Array(Math.max(capacity, 16));
  }

  /** Decodes `chunk[start, end)`; returns a failure instead of throwing. */
  push(chunk: Chunk, start: number, end: number): Base64Failure | null {
    const str = typeof chunk === 'string' ? chunk : null;
    const bytes = typeof chunk === 'string' ? null : chunk;
    let i = start;
    while (i < end) {
      if (this.buf.length - this.pos < 3) this.flush(Math.max(end - i, 4096));
      let buf = this.buf;
      let o = this.pos;
      const stop = Math.min(end, i + Math.floor((buf.length - o) / 3) * 4);
      let acc = this.acc;
      let n = this.n;
      if (!this.done && this.pad === 0) {
        while (i < stop) {
          if (n === 0) {
            // Whole quanta of 4 alphabet characters, in small functions that V8 optimises quickly.
            i = bytes !== null ? quadsFromBytes(bytes, i, stop, buf, o) : quadsFromString(str!, i, stop, buf, o);
            o = quadsOut;
            if (i >= stop) break;
          }
          const code = bytes !== null ? bytes[i]! : str!.charCodeAt(i);
          const t = code < 256 ? TABLE[code]! : BAD;
          if (t < 64) {
            acc = (acc << 6) | t;
            if (++n === 4) {
              buf[o++] = acc >>> 16;
              buf[o++] = (acc >>> 8) & 255;
              buf[o++] = acc & 255;
              n = 0;
              acc = 0;
            }
            i++;
          } else if (t === WS) i++;
          else break; // padding or invalid: slow path below
        }
      }
      this.acc = acc;
      this.n = n;
      this.pos = o;
      if (i >= end) break;
      if (i >= stop) continue;
      // Slow path: one character (padding, trailing data, invalid).
      const code = str !== null ? str.charCodeAt(i) : bytes![i]!;
      const t = code < 256 ? TABLE[code]! : BAD;
      const where = this.consumed + (i - start);
      if (t === WS) {
        i++;
        continue;
      }
      if (t === BAD) return new Base64Failure(`invalid character ${code === 0x26 ? "'&' (entity references are not allowed in base64)" : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`}`, where);
      if (this.done) return new Base64Failure('data after the final padding', where);
      if (t === PAD) {
        if (this.n < 2) return new Base64Failure("misplaced '=' padding", where);
        this.pad++;
        if (this.n + this.pad > 4) return new Base64Failure("too much '=' padding", where);
        if (this.n + this.pad === 4) {
          if (this.buf.length - this.pos < 3) this.flush(4);
          buf = this.buf;
          o = this.pos;
          if (this.n === 2) buf[o++] = (this.acc >>> 4) & 255;
          else {
            buf[o++] = (this.acc >>> 10) & 255;
            buf[o++] = (this.acc >>> 2) & 255;
          }
          this.pos = o;
          this.done = true;
        }
        i++;
        continue;
      }
      // A data character after padding started.
      return new Base64Failure("data after '=' padding", where);
    }
    this.consumed += end - start;
    return null;
  }

  /** Ends the input; returns a failure when the data stops mid-quantum. */
  finish(): Base64Failure | null {
    if (!this.done && (this.n !== 0 || this.pad !== 0)) return new Base64Failure('truncated data (length not a multiple of 4)', this.consumed);
    this.flush(0);
    return null;
  }

  /** The decoded bytes when no `emit` was given (all output kept). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  private flush(need: number): void {
    if (this.emit === null) {
      if (need === 0) return;
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + Math.ceil((need * 3) / 4) + 3072));
      grown.set(this.buf.subarray(0, this.pos));
      this.buf = grown;
      return;
    }
    if (this.pos > 0) {
      this.size += this.pos;
      this.emit(this.buf.slice(0, this.pos));
      this.pos = 0;
    }
  }

  /** Bytes decoded so far (kept or emitted). */
  get decodedSize(): number {
    return this.emit === null ? this.pos : this.size + this.pos;
  }
}

/**
 * Encodes bytes as base64, optionally wrapped every `lineLength` characters with `\n` (0 = one line).
 * @internal
 */
export function encodeBase64(data: Uint8Array, lineLength = 0): string {
  const full = Math.floor(data.length / 3) * 3;
  const chars = Math.ceil(data.length / 3) * 4;
  const wrap = lineLength > 0 ? Math.max(4, lineLength - (lineLength % 4)) : 0;
  const lines = wrap > 0 && chars > 0 ? Math.ceil(chars / wrap) : 1;
  const out = new Uint8Array(chars + (wrap > 0 ? lines - 1 : 0));
  const lineBytes = wrap > 0 ? (wrap / 4) * 3 : full;
  let o = 0;
  let i = 0;
  while (i < full) {
    const stop = Math.min(full, i + lineBytes);
    for (; i < stop; i += 3) {
      const v = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      out[o] = ENC[v >>> 18]!;
      out[o + 1] = ENC[(v >>> 12) & 63]!;
      out[o + 2] = ENC[(v >>> 6) & 63]!;
      out[o + 3] = ENC[v & 63]!;
      o += 4;
    }
    if (wrap > 0 && i === stop && i < data.length && (i - 0) % lineBytes === 0) out[o++] = 0x0a;
  }
  const rest = data.length - full;
  if (rest > 0) {
    const v = (data[full]! << 16) | (rest === 2 ? data[full + 1]! << 8 : 0);
    out[o++] = ENC[v >>> 18]!;
    out[o++] = ENC[(v >>> 12) & 63]!;
    out[o++] = rest === 2 ? ENC[(v >>> 6) & 63]! : 0x3d;
    out[o++] = 0x3d;
  }
  return new TextDecoder().decode(out.subarray(0, o));
}
