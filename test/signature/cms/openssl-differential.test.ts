/**
 * Differential test: `openssl cms -verify` and verifyCms agree on every fixture and on the tampering openssl detects.
 * openssl must be on PATH (the test fails clearly otherwise) unless VN_EGOV_NO_OPENSSL=1. verifyCms runs here under a
 * lenient policy (SHA-1 allowed, no revocation) because openssl applies neither; agreement means: openssl succeeds
 * ⇔ TOTAL_PASSED. Forgeries openssl does not look for (ESS binding without -cades) are covered in verify-cms.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineValidationPolicy, verifyCms, vietnameseEgovPolicy } from '../../../src/signature/index.js';
import { bin, content, dir, hex, indexOf, locate, resign, text, trustStore } from './helpers.js';

const skip = process.env.VN_EGOV_NO_OPENSSL === '1';
function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

const lenient = defineValidationPolicy({
  ...vietnameseEgovPolicy, name: 'differential', revocation: { ...vietnameseEgovPolicy.revocation, required: 'NONE' },
  crypto: { ...vietnameseEgovPolicy.crypto, digests: vietnameseEgovPolicy.crypto.digests.map((d) => (d.digest === 'SHA-1' ? { digest: 'SHA-1', source: 'differential' } : d)) },
});

const work = mkdtempSync(join(tmpdir(), 'vn-egov-cms-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function flipSignedAttr(f: string): Uint8Array {
  const der = bin(f);
  const md = indexOf(der, hex('06092A864886F70D010904'));
  der[md + 20]! ^= 0x01;
  return der;
}
function flipSignature(f: string): Uint8Array {
  const der = bin(f);
  const { sig } = locate(der);
  der[sig[0] + 10]! ^= 0x80;
  return der;
}
function wrongEss(): Uint8Array {
  const der = bin('detached-cades.der');
  const h = indexOf(der, hex('0420'), indexOf(der, hex('060B2A864886F70D010910022F')));
  der[h + 2]! ^= 0xff;
  return resign(der);
}

type Case = { name: string; sig: Uint8Array; pem?: boolean; content?: Uint8Array; extra?: string[] };
const genuine = ['detached-rsa.der', 'detached-pss.der', 'detached-ecdsa.der', 'detached-sha1.der', 'detached-two-signers.der', 'detached-ski.der', 'detached-cades.der', 'detached-noattr.der', 'detached-rogue.der'];
const cases: Case[] = [
  ...genuine.map((f) => ({ name: f, sig: bin(f), content })),
  { name: 'attached-rsa.der', sig: bin('attached-rsa.der') },
  { name: 'attached-ecdsa.der', sig: bin('attached-ecdsa.der') },
  { name: 'attached-ber.der', sig: bin('attached-ber.der') },
  { name: 'detached-rsa.pem', sig: new TextEncoder().encode(text('detached-rsa.pem')), pem: true, content },
  ...['detached-rsa.der', 'detached-ecdsa.der', 'detached-pss.der', 'detached-two-signers.der', 'detached-noattr.der'].map((f) => ({ name: `${f} + tampered content`, sig: bin(f), content: bin('content-tampered.bin') })),
  ...['detached-rsa.der', 'detached-ecdsa.der', 'attached-rsa.der'].map((f) => ({ name: `${f} + signedAttrs byte`, sig: flipSignedAttr(f), ...(f.startsWith('detached') ? { content } : {}) })),
  ...['detached-rsa.der', 'detached-pss.der', 'detached-ecdsa.der'].map((f) => ({ name: `${f} + signature bit`, sig: flipSignature(f), content })),
  { name: 'detached-cades.der re-signed with a wrong ESS hash (openssl -cades)', sig: wrongEss(), content, extra: ['-cades'] },
];

function opensslVerifies(c: Case, i: number): boolean {
  const sigPath = join(work, `sig-${i}`);
  writeFileSync(sigPath, c.sig);
  const args = ['cms', '-verify', '-binary', '-inform', c.pem ? 'PEM' : 'DER', '-in', sigPath, '-CAfile', join(dir, 'root.pem'), '-purpose', 'any', '-out', join(work, `out-${i}`), ...(c.extra ?? [])];
  if (c.content) {
    const cp = join(work, `content-${i}`);
    writeFileSync(cp, c.content);
    args.push('-content', cp);
  }
  return spawnSync('openssl', args, { stdio: 'pipe' }).status === 0;
}

describe.skipIf(skip)('openssl cms -verify agrees with verifyCms', () => {
  it('openssl is on PATH (set VN_EGOV_NO_OPENSSL=1 to skip this differential test)', () => {
    expect(hasOpenssl(), 'openssl not found on PATH; install OpenSSL 3 or set VN_EGOV_NO_OPENSSL=1').toBe(true);
  });
  cases.forEach((c, i) => {
    it(c.name, async () => {
      const theirs = opensslVerifies(c, i);
      const r = await verifyCms(c.sig, { trustStore, policy: lenient, ...(c.content ? { content: c.content } : {}) });
      expect({ ours: r.indication === 'TOTAL_PASSED', sub: r.subIndication }).toEqual({ ours: theirs, sub: r.subIndication });
      // genuine fixtures verify (except the rogue signer, outside the trust store); every tampered case fails
      const expected = !c.name.includes(' ') && c.name !== 'detached-rogue.der';
      expect(theirs, 'openssl verdict').toBe(expected);
    });
  });
  it('known, conservative disagreement: SHA-224 (openssl verifies; WebCrypto has no SHA-224, so INDETERMINATE)', async () => {
    const c: Case = { name: 'detached-sha224.der', sig: bin('detached-sha224.der'), content };
    expect(opensslVerifies(c, 999)).toBe(true);
    const r = await verifyCms(c.sig, { trustStore, policy: lenient, content });
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
  });
});
