import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { isVnEgovError } from '../../../src/errors/index.js';
import { signCms, verifyCms, type SignCmsOptions } from '../../../src/signature/index.js';
import { createTestPki, type TestCertificate } from '../../../src/testing/index.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return process.env.VN_EGOV_NO_OPENSSL !== '1';
  } catch {
    return false;
  }
})();

const content = new TextEncoder().encode('%PDF-1.7\n% Quyết định số 42/QĐ-UBND về việc ký số\n%%EOF\n');

async function asPss(c: TestCertificate, hash = 'SHA-256'): Promise<CryptoKey> {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', c.keys.privateKey);
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash }, false, ['sign']);
}
async function asRsa(c: TestCertificate, hash: string): Promise<CryptoKey> {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', c.keys.privateKey);
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
}

function opensslVerify(p7s: Uint8Array, data: Uint8Array | undefined, root: string, at: Date): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'vn-egov-signcms-core-'));
  try {
    writeFileSync(join(dir, 'sig.p7s'), p7s);
    writeFileSync(join(dir, 'root.pem'), root);
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig.p7s'), '-CAfile', join(dir, 'root.pem'),
      '-purpose', 'any', '-attime', String(Math.floor(at.getTime() / 1000)), '-out', '/dev/null'];
    if (data) {
      writeFileSync(join(dir, 'content.bin'), data);
      args.push('-content', join(dir, 'content.bin'));
    }
    try {
      execFileSync('openssl', args, { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return isVnEgovError(e) ? e.code : `other: ${String(e)}`;
  }
}

describe('signCms (vn-egov/signature)', async () => {
  const pki = await createTestPki({ seed: 'sign-cms-core', now: '2026-03-16T10:00:00+07:00' });
  const ecLeaf = await pki.issueCertificate({ subject: { C: 'VN', CN: 'Nguyễn Văn EC', UID: ['CCCD:001099000123'] }, keyAlgorithm: 'ECDSA-P256' });
  const crls = (await pki.crls()).map((c) => c.der);
  const trustStore = pki.trustStore();
  const verify = (p7s: Uint8Array, data?: Uint8Array) =>
    verifyCms(p7s, { ...(data ? { content: data } : {}), trustStore, at: pki.now, crls });

  const cases: [string, () => Promise<SignCmsOptions>][] = [
    ['RSA PKCS#1 v1.5 SHA-256', async () => ({ key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.pem] })],
    ['RSA PKCS#1 v1.5 SHA-512', async () => ({ key: await asRsa(pki.neac.person, 'SHA-512'), certificate: pki.neac.person.pem, chain: [pki.neac.ca.der], hash: 'SHA-512' })],
    ['RSA-PSS SHA-256', async () => ({ key: await asPss(pki.neac.person), certificate: pki.neac.person.der, chain: [pki.neac.ca.der] })],
    ['RSA-PSS SHA-384', async () => ({ key: await asPss(pki.bcy.organization, 'SHA-384'), certificate: pki.bcy.organization.der, chain: [pki.bcy.ca.der] })],
    ['ECDSA P-256 SHA-256', async () => ({ key: ecLeaf.keys.privateKey, certificate: ecLeaf.der, chain: [pki.neac.ca.der] })],
    ['ECDSA P-256 SHA-384', async () => ({ key: ecLeaf.keys.privateKey, certificate: ecLeaf.der, chain: [pki.neac.ca.der], hash: 'SHA-384' })],
  ];

  for (const [name, make] of cases) {
    it(`${name}: detached and attached verify with verifyCms`, async () => {
      const o = await make();
      const detached = await signCms(content, { ...o, signingTime: pki.now });
      const r = await verify(detached, content);
      expect(r.indication, r.message.en).toBe('TOTAL_PASSED');
      expect(r.attached).toBe(false);
      expect(r.signers[0]?.checks.find((c) => c.id === 'CMS_SIGNING_CERTIFICATE')?.status).toBe('PASSED');
      expect(r.signers[0]?.signingTime).toBe(pki.now.toISOString().replace(/\.\d+Z$/, '.000Z'));
      const attached = await signCms(content, { ...o, detached: false, signingTime: pki.now });
      const ra = await verify(attached);
      expect(ra.indication, ra.message.en).toBe('TOTAL_PASSED');
      expect(ra.attached).toBe(true);
      const tampered = content.slice();
      tampered[3] = tampered[3]! ^ 0x20;
      expect((await verify(detached, tampered)).subIndication).toBe('HASH_FAILURE');
    });

    it.skipIf(!hasOpenssl)(`${name}: openssl cms -verify accepts it and rejects tampered content`, async () => {
      const o = await make();
      const p7s = await signCms(content, { ...o, signingTime: pki.now });
      const root = o.certificate === pki.bcy.organization.der ? pki.bcy.root.pem : pki.neac.root.pem;
      expect(opensslVerify(p7s, content, root, pki.now)).toBe(true);
      expect(opensslVerify(p7s, new TextEncoder().encode('khác'), root, pki.now)).toBe(false);
      const attached = await signCms(content, { ...o, detached: false, signingTime: pki.now });
      expect(opensslVerify(attached, undefined, root, pki.now)).toBe(true);
    });
  }

  it('emits DER: signed attributes in SET OF order, no signing-time when false, no ESS when cades is false', async () => {
    const base = { key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der] };
    const p7s = await signCms('văn bản', { ...base, signingTime: false, cades: false });
    // DER round trip: asn1js re-encoding gives the same bytes
    const decoded = asn1js.fromBER(p7s.slice().buffer);
    expect(decoded.offset).toBe(p7s.length);
    expect(new Uint8Array(decoded.result.toBER(false))).toEqual(p7s);
    const r = await verify(p7s, new TextEncoder().encode('văn bản'));
    expect(r.indication, r.message.en).toBe('TOTAL_PASSED');
    expect(r.signers[0]?.signingTime).toBeUndefined();
    expect(r.signers[0]?.checks.some((c) => c.id === 'CMS_SIGNING_CERTIFICATE')).toBe(false);
  });

  it('adds unsigned attributes and a signature timestamp from the callback', async () => {
    let seen: Uint8Array | undefined;
    const p7s = await signCms(content, {
      key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der], signingTime: pki.now,
      unsignedAttributes: [{ type: '2.999.1', values: [new Uint8Array([0x05, 0x00])] }],
      timestamp: async (sig) => {
        seen = sig;
        return (await pki.timestamp({ data: sig })).token;
      },
    });
    expect(seen?.length).toBe(256);
    const r = await verify(p7s, content);
    expect(r.indication, r.message.en).toBe('TOTAL_PASSED');
    // the signature-timestamp attribute OID is present in the output
    const oid = new Uint8Array([0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x02, 0x0e]);
    expect(Buffer.from(p7s).indexOf(Buffer.from(oid))).toBeGreaterThan(0);
  });

  it('rejects unusable options with VnEgovError codes', async () => {
    const key = pki.neac.person.keys.privateKey;
    const certificate = pki.neac.person.der;
    expect(await codeOf(signCms(42 as never, { key, certificate }))).toBe('CMS_INVALID_INPUT_TYPE');
    expect(await codeOf(signCms(content, null as never))).toBe('CMS_INVALID_SIGNING_OPTIONS');
    expect(await codeOf(signCms(content, { key: pki.neac.person.keys.publicKey, certificate }))).toBe('CMS_INVALID_SIGNING_OPTIONS');
    expect(await codeOf(signCms(content, { key, certificate: new Uint8Array([1, 2, 3]) }))).toBe('CMS_INVALID_SIGNING_OPTIONS');
    expect(await codeOf(signCms(content, { key, certificate, hash: 'SHA-384' }))).toBe('CMS_INVALID_SIGNING_OPTIONS');
    expect(await codeOf(signCms(content, { key, certificate, hash: 'MD5' as never }))).toBe('CMS_INVALID_SIGNING_OPTIONS');
    expect(await codeOf(signCms(content, { key, certificate, signingTime: 'hôm qua' }))).toBe('CMS_INVALID_SIGNING_OPTIONS');
    expect(await codeOf(signCms(content, { key, certificate, contentType: 'data' }))).toBe('CMS_INVALID_SIGNING_OPTIONS');
    expect(await codeOf(signCms(content, { key, certificate, unsignedAttributes: [{ type: '2.999.1', values: [new Uint8Array([0x30])] }] }))).toBe('CMS_INVALID_SIGNING_OPTIONS');
    // a key that is not the certificate's
    expect(await codeOf(signCms(content, { key: pki.bcy.person.keys.privateKey, certificate }))).toBe('CMS_SIGNING_FAILED');
    expect(await codeOf(signCms(content, { key, certificate, timestamp: async () => { throw new Error('TSA down'); } }))).toBe('CMS_SIGNING_FAILED');
    expect(await codeOf(signCms(content, { key, certificate, timestamp: async () => new Uint8Array([1]) }))).toBe('CMS_SIGNING_FAILED');
  });
});
