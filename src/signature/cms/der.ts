/**
 * A minimal DER writer (X.690 §10) for the structures `signCms` emits: tag-length-value, SEQUENCE, SET OF in DER
 * order, OBJECT IDENTIFIER, INTEGER, OCTET STRING, times. Pure byte arithmetic, browser-safe. Internal.
 */

/** One TLV with a single-byte tag. */
export function tlv(tag: number, value: Uint8Array): Uint8Array {
  const len = value.length;
  let head: number[];
  if (len < 0x80) head = [tag, len];
  else {
    const bytes: number[] = [];
    for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
    head = [tag, 0x80 | bytes.length, ...bytes];
  }
  const out = new Uint8Array(head.length + len);
  out.set(head, 0);
  out.set(value, head.length);
  return out;
}

/** Concatenation (the one of `../bytes.ts`). */
import { concatBytes as concat } from '../bytes.js';

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, concat(items));

/**
 * Orders DER encodings as a DER `SET OF` requires (X.690 §11.6: ascending by encoding, shorter first when one is
 * a prefix of the other, as if padded with zero bytes).
 */
export function compareDer(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** SET OF with its elements sorted (DER); `tag` 0x31, or e.g. 0xa0 for `[0] IMPLICIT SET OF`. */
export function setOf(items: readonly Uint8Array[], tag = 0x31): Uint8Array {
  return tlv(tag, concat([...items].sort(compareDer)));
}

/** `[n] EXPLICIT` / constructed context tag. */
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 | n, inner);

export const NULL_DER = new Uint8Array([0x05, 0x00]);

export function oidDer(dotted: string): Uint8Array {
  const parts = dotted.split('.').map((p) => Number(p));
  if (parts.length < 2 || parts.some((p) => !Number.isSafeInteger(p) || p < 0) || parts[0]! > 2 || (parts[0]! < 2 && parts[1]! >= 40)) {
    throw new RangeError(`invalid OID ${dotted}`);
  }
  const arcs = [parts[0]! * 40 + parts[1]!, ...parts.slice(2)];
  const out: number[] = [];
  for (const arc of arcs) {
    const chunk: number[] = [];
    let v = arc;
    do {
      chunk.unshift(v % 128);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i]! |= 0x80;
    out.push(...chunk);
  }
  return tlv(0x06, new Uint8Array(out));
}

/** INTEGER from its two's-complement content bytes (as read from a certificate serial). */
export const integerDer = (content: Uint8Array): Uint8Array => tlv(0x02, content);

/** Non-negative INTEGER from unsigned big-endian bytes (leading zeros stripped, a 0x00 added when the high bit is set). */
export function unsignedIntegerDer(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const v = bytes.subarray(i);
  return tlv(0x02, v.length === 0 ? new Uint8Array([0]) : v[0]! & 0x80 ? concat([new Uint8Array([0]), v]) : v);
}

export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);

/** signing-time value: UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5652 §11.3); whole seconds, Z. */
export function timeDer(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const y = date.getUTCFullYear();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  if (y >= 1950 && y < 2050) return tlv(0x17, new TextEncoder().encode(`${digits.slice(2)}Z`));
  return tlv(0x18, new TextEncoder().encode(`${digits}Z`));
}

/** An AlgorithmIdentifier. */
export const algorithmDer = (oid: string, params?: Uint8Array): Uint8Array => (params ? seq(oidDer(oid), params) : seq(oidDer(oid)));
