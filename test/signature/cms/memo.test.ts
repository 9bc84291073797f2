/** Per-cache memos of the CMS reader: exact-bytes keys, and a shared cache never mixes up signers or certificates. */
import { describe, expect, it } from 'vitest';
import { createValidationCache, verifyCms } from '../../../src/signature/index.js';
import { bytesKey, memoised } from '../../../src/signature/cms/memo.js';
import { at, bin, content, crls, trustStore } from './helpers.js';

describe('CMS memos', () => {
  it('bytesKey is exact and prefixed; large inputs are not keyed', () => {
    expect(bytesKey(Uint8Array.of(0x31, 0x00, 0xff))).toBe('b:1\u0000\u00ff');
    expect(bytesKey(Uint8Array.of(1, 2))).not.toBe(bytesKey(Uint8Array.of(1, 2, 0)));
    expect(bytesKey(new Uint8Array(20_000))).toBeUndefined();
  });

  it('memoised: per owner, per kind, per exact bytes; nothing without an owner', () => {
    const owner = {};
    let calls = 0;
    const make = (): number => ++calls;
    expect(memoised(owner, 'k', Uint8Array.of(1), make)).toBe(1);
    expect(memoised(owner, 'k', Uint8Array.of(1), make)).toBe(1);
    expect(memoised(owner, 'other', Uint8Array.of(1), make)).toBe(2);
    expect(memoised(owner, 'k', Uint8Array.of(2), make)).toBe(3);
    expect(memoised({}, 'k', Uint8Array.of(1), make)).toBe(4);
    expect(memoised(undefined, 'k', Uint8Array.of(1), make)).toBe(5);
    expect(memoised(undefined, 'k', Uint8Array.of(1), make)).toBe(6);
  });

  it('a shared cache gives each CMS its own signer, issuer and verdict (RSA, ECDSA, SKI, rogue)', async () => {
    const cache = createValidationCache();
    const files = ['detached-rsa.der', 'detached-ecdsa.der', 'detached-ski.der', 'detached-rogue.der', 'detached-two-signers.der'];
    const fresh = await Promise.all(files.map((f) => verifyCms(bin(f), { content, trustStore, at, crls })));
    for (let round = 0; round < 2; round++) {
      for (const [i, f] of files.entries()) {
        const r = await verifyCms(bin(f), { content, trustStore, at, crls, cache });
        expect(r.indication, f).toBe(fresh[i]!.indication);
        expect(r.signers.map((s) => [s.signer?.sha256, s.signerIdentifier, s.indication]), f).toEqual(fresh[i]!.signers.map((s) => [s.signer?.sha256, s.signerIdentifier, s.indication]));
      }
    }
  });
});
