/**
 * Fuzzing the PDF reader and verifyPdf with deterministic mutations of the fixtures: bit flips, byte runs, digit
 * changes (offsets, lengths, ByteRange), deletions, duplications and truncations. Every outcome is a report or a
 * `VnEgovError`; a mutation inside a signed range never verifies (TOTAL_PASSED).
 */
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../../src/errors/index.js';
import { createValidationCache, verifyPdf } from '../../../src/signature/index.js';
import { PdfDocument } from '../../../src/signature/pdf/document.js';
import { findSignatures } from '../../../src/signature/pdf/find-signatures.js';
import { revisionFacts } from '../../../src/signature/pdf/facts.js';
import { fixture, options } from './helpers.js';

const SOURCES = ['signed.pdf', 'signed-two.pdf', 'base-xrefstream.pdf', 'shadow-hide.pdf', 'sneaky-signature.pdf', 'update-dss.pdf', 'certified-p3-annotation.pdf'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One mutation; returns the bytes and the lowest offset changed. */
function mutate(src: Uint8Array, rand: () => number): { bytes: Uint8Array; at: number } {
  const pick = (n: number): number => Math.floor(rand() * n);
  const at = pick(src.length);
  switch (pick(7)) {
    case 0: {
      const b = src.slice();
      b[at] = b[at]! ^ (1 << pick(8));
      return { bytes: b, at };
    }
    case 1: { // a digit changed (offsets, /Length, /ByteRange, xref entries)
      const digits: number[] = [];
      for (let i = 0; i < src.length; i++) if (src[i]! >= 48 && src[i]! <= 57) digits.push(i);
      const i = digits[pick(digits.length)]!;
      const b = src.slice();
      b[i] = 48 + pick(10);
      return { bytes: b, at: i };
    }
    case 2: return { bytes: src.subarray(0, at), at };
    case 3: { // deletion
      const n = 1 + pick(64);
      const b = new Uint8Array(src.length - Math.min(n, src.length - at));
      b.set(src.subarray(0, at));
      b.set(src.subarray(at + n), at);
      return { bytes: b, at };
    }
    case 4: { // duplication of a chunk
      const n = 1 + pick(200);
      const chunk = src.subarray(at, at + n);
      const b = new Uint8Array(src.length + chunk.length);
      b.set(src.subarray(0, at + chunk.length));
      b.set(chunk, at + chunk.length);
      b.set(src.subarray(at + chunk.length), at + 2 * chunk.length);
      return { bytes: b, at };
    }
    case 5: { // a run of syntax characters
      const b = src.slice();
      const alphabet = '<>[]()/ 0R%\n';
      for (let k = 0; k < 1 + pick(8) && at + k < b.length; k++) b[at + k] = alphabet.charCodeAt(pick(alphabet.length));
      return { bytes: b, at };
    }
    default: { // random bytes
      const b = src.slice();
      for (let k = 0; k < 1 + pick(16) && at + k < b.length; k++) b[at + k] = pick(256);
      return { bytes: b, at };
    }
  }
}

describe('PDF fuzzing', () => {
  it('reader: 3,000 mutations give a document or a VnEgovError', () => {
    const rand = rng(Number(process.env.VN_EGOV_FUZZ_SEED ?? 0x9df5eed));
    const srcs = SOURCES.map(fixture);
    const counts = { ok: 0, error: 0 };
    for (let n = 0; n < 3000; n++) {
      const { bytes } = mutate(srcs[n % srcs.length]!, rand);
      try {
        const doc = new PdfDocument(bytes);
        findSignatures(doc);
        for (const r of doc.revisions) revisionFacts(doc, r);
        counts.ok++;
      } catch (e) {
        if (!(e instanceof VnEgovError)) throw new Error(`mutation ${n}: ${String(e)}`, { cause: e });
        expect(e.code).toMatch(/^PDF_/);
        counts.error++;
      }
    }
    expect(counts.ok + counts.error).toBe(3000);
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.error).toBeGreaterThan(0);
  });

  it('verifyPdf: 400 mutations give a report or a VnEgovError; a change in a signed range never passes', async () => {
    const rand = rng(Number(process.env.VN_EGOV_FUZZ_SEED ?? 0x5eed9df));
    const cache = createValidationCache();
    const srcs = ['signed.pdf', 'signed-two.pdf', 'update-dss.pdf'].map(fixture);
    const firstRangeEnd = await Promise.all(srcs.map(async (s) => (await verifyPdf(s, { ...options, cache })).signatures[0]!.byteRange![1]!));
    const counts = { report: 0, passed: 0, error: 0 };
    for (let n = 0; n < 400; n++) {
      const k = n % srcs.length;
      const { bytes, at } = mutate(srcs[k]!, rand);
      try {
        const r = await verifyPdf(bytes, { ...options, cache });
        counts.report++;
        if (r.indication === 'TOTAL_PASSED') {
          counts.passed++;
          // bytes before the first /Contents are signed by every signature: a pass means they are unchanged
          // (a mutation can write the byte that was already there)
          const end = firstRangeEnd[k]!;
          const same = bytes.length >= end && srcs[k]!.subarray(0, end).every((x, i) => bytes[i] === x);
          expect(same, `mutation ${n} at ${at} changed the first signed range and passed`).toBe(true);
        }
      } catch (e) {
        if (!(e instanceof VnEgovError)) throw new Error(`mutation ${n}: ${String(e)}`, { cause: e });
        counts.error++;
      }
    }
    expect(counts.report + counts.error).toBe(400);
  });
});
