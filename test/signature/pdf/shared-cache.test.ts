/**
 * verifyPdf with a shared validation cache reuses one buffer for the signed ranges: concurrent verifications sharing
 * the cache must not see each other's bytes, and a reused (larger) buffer must not leak bytes of a previous document.
 */
import { describe, expect, it } from 'vitest';
import { createValidationCache, verifyPdf } from '../../../src/signature/index.js';
import { fixture, manifest, options } from './helpers.js';

const byFile = new Map(manifest.cases.map((c) => [c.file, c]));
const cases = manifest.cases.filter((c) => c.signatures?.length).map((c) => c.file);

/** A byte flip inside the first signed range: the signature must not pass (or the file no longer reads). */
function tampered(bytes: Uint8Array): Uint8Array {
  const t = bytes.slice();
  t[20] = t[20]! ^ 0x01;
  return t;
}

describe('verifyPdf — shared cache (reused range buffer)', () => {
  it('gives the same verdicts as fresh calls, sequentially and concurrently, across documents of different sizes', async () => {
    const cache = createValidationCache();
    const opts = { ...options, cache };
    const docs = cases.map((f) => fixture(f));
    // sequential, largest first then smaller (the buffer is reused for shorter ranges)
    const order = docs.map((_, i) => i).sort((x, y) => docs[y]!.length - docs[x]!.length);
    for (const i of order) {
      const r = await verifyPdf(docs[i]!, opts);
      expect(r.indication, cases[i]).toBe(byFile.get(cases[i]!)!.indication);
    }
    // concurrent: intact and tampered copies interleaved on the one cache
    const runs = docs.flatMap((d, i) => [verifyPdf(d, opts).then((r) => [i, 'intact', r] as const), verifyPdf(tampered(d), opts).catch(() => ({ indication: 'MALFORMED' })).then((r) => [i, 'tampered', r] as const)]);
    for (const [i, kind, r] of await Promise.all(runs)) {
      if (kind === 'intact') expect(r.indication, cases[i]).toBe(byFile.get(cases[i]!)!.indication);
      else expect(r.indication, `${cases[i]} tampered`).not.toBe('TOTAL_PASSED');
    }
  });
});
