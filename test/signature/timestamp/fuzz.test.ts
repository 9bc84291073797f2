/**
 * Fuzzing verifyTimestamp: 1,000 deterministic bit flips and truncations of openssl-made tokens. Every outcome is
 * a `VnEgovError` or a report that is not TOTAL_PASSED (a mutated token never verifies), never another throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../../src/errors/index.js';
import { createTrustStore, createValidationCache, verifyCms, verifyTimestamp } from '../../../src/signature/index.js';

const dir = join(import.meta.dirname, '../../fixtures/signature/timestamp');
const bin = (f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));
const at = new Date(Date.parse(readFileSync(join(dir, 'GENERATED_AT.txt'), 'utf8').trim()) + 86_400_000);
const trustStore = createTrustStore({ anchors: [{ certificate: readFileSync(join(dir, 'root.pem'), 'utf8'), id: 'tsa-test-root' }] });
const crls = [bin('root.crl')];
const data = bin('data.bin');

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

describe('verifyTimestamp fuzzing', () => {
  it('1,000 bit flips / truncations of tokens: only VnEgovError or a non-passing report', async () => {
    const rand = rng(Number(process.env.VN_EGOV_FUZZ_SEED ?? 0x75a3161));
    const cache = createValidationCache();
    const originals = ['good.tst', 'fractional.tst'].map((f) => ({ f, der: bin(f) }));
    for (const o of originals) expect((await verifyTimestamp(o.der, { data, trustStore, at, crls, cache })).indication, o.f).toBe('TOTAL_PASSED');
    const counts = { error: 0, failed: 0, indeterminate: 0 };
    const verified: string[] = [];
    for (let n = 0; n < 1000; n++) {
      const o = originals[n % originals.length]!;
      let m: Uint8Array;
      const kind = rand();
      if (kind < 0.15) m = o.der.slice(0, Math.floor(rand() * o.der.length));
      else {
        m = o.der.slice();
        const flips = kind < 0.85 ? 1 : 1 + Math.floor(rand() * 4);
        for (let k = 0; k < flips; k++) m[Math.floor(rand() * m.length)]! ^= 1 << Math.floor(rand() * 8);
      }
      try {
        const r = await verifyTimestamp(m, { data, trustStore, at, crls, cache });
        if (r.indication === 'TOTAL_PASSED') verified.push(`mutation #${n} of ${o.f} verified`);
        else if (r.indication === 'TOTAL_FAILED') counts.failed++;
        else counts.indeterminate++;
      } catch (e) {
        expect(e, `mutation #${n} of ${o.f}: ${String(e)}`).toBeInstanceOf(VnEgovError);
        counts.error++;
      }
    }
    expect(verified).toEqual([]);
    expect(counts.error + counts.failed + counts.indeterminate).toBe(1000);
  }, 120_000);

  it('500 mutations of a CAdES-T signature: only VnEgovError or a report; a pass only when the signature bytes are intact', async () => {
    const rand = rng(Number(process.env.VN_EGOV_FUZZ_SEED ?? 0xcade5));
    const cache = createValidationCache();
    const der = bin('cades-t.der');
    expect((await verifyCms(der, { content: data, trustStore, at, crls, cache })).indication).toBe('TOTAL_PASSED');
    // offset of the unsigned attributes (the signature time-stamp): the [1] field of the only SignerInfo
    type Block = asn1js.BaseBlock & { valueBlock: { value: Block[] }; valueBeforeDecodeView: Uint8Array };
    const buf = der.slice().buffer;
    const root = asn1js.fromBER(buf).result as Block;
    const si = root.valueBlock.value[1]!.valueBlock.value[0]!.valueBlock.value.at(-1)!.valueBlock.value[0]!;
    const tail = si.valueBlock.value.find((x) => x.idBlock.tagClass === 3 && x.idBlock.tagNumber === 1)!.valueBeforeDecodeView.byteOffset;
    expect(tail).toBeGreaterThan(1000);
    let outcomes = 0;
    for (let n = 0; n < 500; n++) {
      const m = der.slice();
      const flipped: number[] = [];
      for (let k = 0, f = 1 + Math.floor(rand() * 3); k < f; k++) {
        const i = Math.floor(rand() * m.length);
        m[i]! ^= 1 << Math.floor(rand() * 8);
        flipped.push(i);
      }
      let passed = false;
      try {
        passed = (await verifyCms(m, { content: data, trustStore, at, crls, cache })).indication === 'TOTAL_PASSED';
      } catch (e) {
        expect(e, `mutation #${n}: ${String(e)}`).toBeInstanceOf(VnEgovError);
      }
      if (passed) expect(flipped.every((i) => i >= tail), `mutation #${n} at ${flipped.join(',')} verified`).toBe(true);
      outcomes++;
    }
    expect(outcomes).toBe(500);
  }, 120_000);
});
