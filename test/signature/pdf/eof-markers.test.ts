import { describe, expect, it } from 'vitest';
import { countEofMarkers } from '../../../src/signature/pdf/document.js';

/** The reference: repeated search from the previous match + 5 (non-overlapping, leftmost first). */
function naive(b: Uint8Array): number {
  const m = [0x25, 0x25, 0x45, 0x4f, 0x46];
  let n = 0;
  for (let i = 0; i + 5 <= b.length;) {
    if (m.every((c, k) => b[i + k] === c)) {
      n++;
      i += 5;
    } else i++;
  }
  return n;
}

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

describe('countEofMarkers (Horspool scan of %%EOF)', () => {
  it.each([
    ['', 0], ['%%EOF', 1], ['%%EO', 0], ['%%%EOF', 1], ['%%EOF%%EOF', 2], ['x%%EOFx%%EOF\n', 2], ['%%EOF%EOF', 1],
    ['%%%%EOFEOF', 1], ['%%EOOF', 0], ['%%EEOF', 0], ['E%%EOF', 1], ['OF%%EOF', 1], ['%%EOF\r\n%%EOF\n%%EO', 2],
  ])('%j → %i', (s, n) => {
    expect(countEofMarkers(enc(s))).toBe(n);
    expect(naive(enc(s))).toBe(n);
  });

  it('agrees with a naive search on random bytes sprinkled with marker pieces', () => {
    let seed = 7;
    const rnd = (k: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % k;
    const pieces = [enc('%%EOF'), enc('%%'), enc('%EOF'), enc('EOF'), enc('OF'), enc('%'), enc('F'), enc('%%%EO')];
    for (let round = 0; round < 300; round++) {
      const parts: number[] = [];
      const len = rnd(400);
      while (parts.length < len) {
        if (rnd(4) === 0) parts.push(...pieces[rnd(pieces.length)]!);
        else parts.push(rnd(256));
      }
      const b = Uint8Array.from(parts);
      expect(countEofMarkers(b)).toBe(naive(b));
      // same bytes at a non-zero offset of a larger buffer
      const host = new Uint8Array(b.length + 3);
      host.set(b, 3);
      expect(countEofMarkers(host.subarray(3))).toBe(naive(b));
    }
  });
});
