/**
 * BER framing check for CMS input (X.690 §8.1): every definite length must be filled exactly by its children,
 * indefinite lengths only on constructed elements and closed by end-of-contents, one element filling the input.
 * asn1js tolerates children that overrun their parent's length; this walker rejects such inputs before decoding.
 * Internal.
 */

const MAX_DEPTH = 64;
const MAX_NODES = 200_000;

/** Returns a reason when `bytes` is not one well-framed BER element, undefined otherwise. */
export function berFramingProblem(bytes: Uint8Array): string | undefined {
  const r = berElementEnd(bytes);
  if (typeof r === 'string') return r;
  return r === bytes.length ? undefined : 'trailing bytes';
}

/**
 * The end offset of the one well-framed BER element at the start of `bytes` (what follows it is not looked at), or
 * a reason when it is not well framed. Walks the framing only (no tree): used to cut a CMS out of its zero padding.
 */
export function berElementEnd(bytes: Uint8Array): number | string {
  let nodes = 0;
  /** Reads one element at `i` (limit `end`); returns the offset after it, or a string reason. */
  const element = (i: number, end: number, depth: number): number | string => {
    if (++nodes > MAX_NODES) return 'too many elements';
    if (depth > MAX_DEPTH) return 'nested too deeply';
    if (i >= end) return 'truncated tag';
    const tag = bytes[i++]!;
    if ((tag & 0x1f) === 0x1f) {
      let k = 0;
      let b: number;
      do {
        if (i >= end) return 'truncated tag';
        b = bytes[i++]!;
        if (++k > 4) return 'tag too large';
      } while (b & 0x80);
    }
    const constructed = (tag & 0x20) !== 0;
    if (i >= end) return 'truncated length';
    const first = bytes[i++]!;
    if (first === 0x80) {
      if (!constructed) return 'indefinite length on a primitive element';
      for (;;) {
        if (i + 2 <= end && bytes[i] === 0 && bytes[i + 1] === 0) return i + 2;
        const next = element(i, end, depth + 1);
        if (typeof next === 'string') return next;
        i = next;
      }
    }
    let len = first;
    if (first > 0x80) {
      const n = first & 0x7f;
      if (n > 4 || i + n > end) return 'bad length';
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + bytes[i++]!;
    }
    const stop = i + len;
    if (stop > end) return 'element overruns its parent';
    if (constructed) {
      while (i < stop) {
        const next = element(i, stop, depth + 1);
        if (typeof next === 'string') return next;
        i = next;
      }
    }
    return stop;
  };
  return element(0, bytes.length, 0);
}

