/**
 * Fuzzing verifyCms: 2,000 deterministic bit flips and truncations of the DER fixtures. Every outcome is either a
 * `VnEgovError` or a report that is not TOTAL_PASSED (a mutated signature never verifies).
 */
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../../src/errors/index.js';
import { createValidationCache, defineValidationPolicy, verifyCms, vietnameseEgovPolicy } from '../../../src/signature/index.js';
import { at, bin, content, trustStore } from './helpers.js';

const policy = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'fuzz', revocation: { ...vietnameseEgovPolicy.revocation, required: 'NONE' } });
const SOURCES: [string, boolean][] = [
  ['detached-rsa.der', true], ['attached-ecdsa.der', false], ['detached-pss.der', true], ['detached-ski.der', true],
  ['detached-cades.der', true], ['detached-two-signers.der', true], ['detached-ecdsa.der', true], ['attached-rsa.der', false],
  ['attached-ber.der', false], ['detached-noattr.der', true],
];

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

describe('verifyCms fuzzing', () => {
  it('2,000 bit flips / truncations: only VnEgovError, never TOTAL_PASSED', async () => {
    const rand = rng(Number(process.env.VN_EGOV_FUZZ_SEED ?? 0x7e57c35));
    const cache = createValidationCache();
    const originals = SOURCES.map(([f, d]) => ({ f, d, der: bin(f) }));
    for (const o of originals) {
      expect((await verifyCms(o.der, { trustStore, at, policy, cache, ...(o.d ? { content } : {}) })).indication, o.f).toBe('TOTAL_PASSED');
    }
    const counts = { error: 0, failed: 0, indeterminate: 0 };
    const verified: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const o = originals[n % originals.length]!;
      let m: Uint8Array;
      const kind = rand();
      if (kind < 0.15) m = o.der.slice(0, Math.floor(rand() * o.der.length));
      else {
        m = o.der.slice();
        const flips = kind < 0.85 ? 1 : 1 + Math.floor(rand() * 4);
        for (let k = 0; k < flips; k++) {
          const i = Math.floor(rand() * m.length);
          m[i]! ^= 1 << Math.floor(rand() * 8);
        }
      }
      let outcome: string;
      try {
        const r = await verifyCms(m, { trustStore, at, policy, cache, ...(o.d ? { content } : {}) });
        outcome = r.indication;
        if (r.indication === 'TOTAL_PASSED') {
          const diff = m.length !== o.der.length ? 'length' : [...m].flatMap((b, i) => (b === o.der[i] ? [] : [`@${i}: ${o.der[i]!.toString(16)}→${b.toString(16)}`])).join(', ');
          verified.push(`mutation #${n} of ${o.f} verified (${diff})`);
        }
      } catch (e) {
        expect(e, `mutation #${n} of ${o.f}: ${String(e)}`).toBeInstanceOf(VnEgovError);
        outcome = 'error';
      }
      if (outcome === 'error') counts.error++;
      else if (outcome === 'TOTAL_FAILED') counts.failed++;
      else if (outcome === 'INDETERMINATE') counts.indeterminate++;
    }
    expect(verified).toEqual([]);
    expect(counts.error + counts.failed + counts.indeterminate).toBeGreaterThan(1990);
  }, 120_000);
});
