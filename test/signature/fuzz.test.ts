/**
 * Fuzzed DER (truncations, bit flips, random bytes) through every decoder and the validator: only VnEgovError is
 * ever thrown, nothing hangs, and a mutated certificate never validates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVnEgovError } from '../../src/errors/index.js';
import { createTrustStore, defineValidationPolicy, parseCertificates, parseCrl, validateCertificatePath, vietnameseEgovPolicy } from '../../src/signature/index.js';

const dir = join(import.meta.dirname, '../fixtures/signature');
const bin = (f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));
const pem = (f: string): string => readFileSync(join(dir, f), 'utf8');
const at = new Date(Date.parse(pem('GENERATED_AT.txt').trim()) + 86_400_000);
const trustStore = createTrustStore({ anchors: [pem('root.pem')] });
const noRevocation = defineValidationPolicy({ ...vietnameseEgovPolicy, revocation: { required: 'NONE' } });
const leafDer = parseCertificates(pem('leaf-good.pem'))[0]!.der;

const mutation = (len: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), pos: fc.nat(len - 1), bit: fc.nat(7) }),
    fc.record({ kind: fc.constant('truncate' as const), pos: fc.nat(len - 1), bit: fc.constant(0) }),
    fc.record({ kind: fc.constant('byte' as const), pos: fc.nat(len - 1), bit: fc.nat(255) }),
  );
function mutate(der: Uint8Array, m: { kind: 'flip' | 'truncate' | 'byte'; pos: number; bit: number }): Uint8Array {
  if (m.kind === 'truncate') return der.slice(0, m.pos);
  const out = der.slice();
  if (m.kind === 'flip') out[m.pos]! ^= 1 << m.bit;
  else out[m.pos] = m.bit;
  return out;
}
const onlyVnEgovError = (e: unknown): void => {
  if (!isVnEgovError(e)) throw e;
};

describe('fuzzed DER', () => {
  it('a mutated leaf certificate never validates and never throws anything but VnEgovError', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(leafDer.length), async (m) => {
        const mutated = mutate(leafDer, m);
        if (mutated.length === leafDer.length && mutated.every((b, i) => b === leafDer[i])) return;
        try {
          const r = await validateCertificatePath({ certificate: mutated, intermediates: [pem('issuing.pem')], trustStore, at, policy: noRevocation });
          expect(r.indication).not.toBe('TOTAL_PASSED');
        } catch (e) {
          onlyVnEgovError(e);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('CRLs, OCSP responses and .p7b bags: only VnEgovError', async () => {
    const crl = bin('issuing.crl');
    fc.assert(
      fc.property(mutation(crl.length), (m) => {
        try {
          parseCrl(mutate(crl, m));
        } catch (e) {
          onlyVnEgovError(e);
        }
      }),
      { numRuns: 800 },
    );
    const p7b = bin('chain.p7b');
    fc.assert(
      fc.property(mutation(p7b.length), (m) => {
        try {
          parseCertificates(mutate(p7b, m));
        } catch (e) {
          onlyVnEgovError(e);
        }
      }),
      { numRuns: 800 },
    );
    const ocsp = bin('ocsp-revoked.ocsp');
    const ee = defineValidationPolicy({ ...vietnameseEgovPolicy, revocation: { required: 'END_ENTITY' } });
    await fc.assert(
      fc.asyncProperty(mutation(ocsp.length), async (m) => {
        try {
          const r = await validateCertificatePath({ certificate: pem('leaf-revoked.pem'), intermediates: [pem('issuing.pem')], trustStore, at, policy: ee, ocspResponses: [mutate(ocsp, m)] });
          // no mutation of the signed "revoked" answer can make the revoked leaf valid
          expect(r.indication).not.toBe('TOTAL_PASSED');
        } catch (e) {
          onlyVnEgovError(e);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no mutation of the CRL turns the revoked leaf valid', async () => {
    const crl = bin('issuing.crl');
    await fc.assert(
      fc.asyncProperty(mutation(crl.length), async (m) => {
        try {
          const r = await validateCertificatePath({ certificate: pem('leaf-revoked.pem'), intermediates: [pem('issuing.pem')], trustStore, at, crls: [mutate(crl, m), bin('root.crl')] });
          expect(r.indication).not.toBe('TOTAL_PASSED');
        } catch (e) {
          onlyVnEgovError(e);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes and deep nesting are rejected quickly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        try {
          parseCertificates(bytes);
        } catch (e) {
          onlyVnEgovError(e);
        }
      }),
      { numRuns: 500 },
    );
    const deep = new Uint8Array(20_000);
    for (let i = 0; i < deep.length; i += 2) {
      deep[i] = 0x30;
      deep[i + 1] = 0x80; // indefinite-length SEQUENCE nested 10 000 deep
    }
    const t0 = performance.now();
    expect(() => parseCertificates(deep)).toThrowError(expect.objectContaining({ name: 'VnEgovError' }));
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
