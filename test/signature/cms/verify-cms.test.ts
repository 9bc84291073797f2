/**
 * verifyCms over the openssl fixtures of scripts/signature-cms-make-fixtures.sh: per-fixture indications, tampering
 * (content, signed attributes, ESS binding, content type, ambiguous signer), reports and malformed input errors.
 */
import { describe, expect, it } from 'vitest';
import { isVnEgovError } from '../../../src/errors/index.js';
import { createValidationCache, defineValidationPolicy, verifyCms, vietnameseEgovPolicy, type CmsErrorCode } from '../../../src/signature/index.js';
import { at, bin, content, crls, hex, indexOf, locate, resign, text, trustStore } from './helpers.js';

const base = { trustStore, at, crls };

/** [fixture, detached?, overall indication, sub-indication, signer count] */
export const FIXTURES: [string, boolean, string, string | undefined, number][] = [
  ['detached-rsa.der', true, 'TOTAL_PASSED', undefined, 1],
  ['attached-rsa.der', false, 'TOTAL_PASSED', undefined, 1],
  ['detached-pss.der', true, 'TOTAL_PASSED', undefined, 1],
  ['detached-ecdsa.der', true, 'TOTAL_PASSED', undefined, 1],
  ['attached-ecdsa.der', false, 'TOTAL_PASSED', undefined, 1],
  ['attached-ber.der', false, 'TOTAL_PASSED', undefined, 1],
  ['detached-sha1.der', true, 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', 1],
  ['detached-sha224.der', true, 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', 1],
  ['detached-two-signers.der', true, 'TOTAL_PASSED', undefined, 2],
  ['detached-ski.der', true, 'TOTAL_PASSED', undefined, 1],
  ['detached-cades.der', true, 'TOTAL_PASSED', undefined, 1],
  ['detached-noattr.der', true, 'TOTAL_PASSED', undefined, 1],
  ['detached-rsa.pem', true, 'TOTAL_PASSED', undefined, 1],
  ['detached-rogue.der', true, 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND', 1],
];

async function expectCode(p: Promise<unknown>, code: CmsErrorCode): Promise<void> {
  await expect(p).rejects.toSatisfy((e: unknown) => isVnEgovError(e, code));
}

describe('verifyCms on openssl fixtures', () => {
  for (const [file, detached, indication, sub, n] of FIXTURES) {
    it(`${file} → ${indication}${sub ? ` / ${sub}` : ''}`, async () => {
      const input = file.endsWith('.pem') ? text(file) : bin(file);
      const r = await verifyCms(input, { ...base, ...(detached ? { content } : {}) });
      expect(r.indication).toBe(indication);
      expect(r.subIndication).toBe(sub);
      expect(r.signers).toHaveLength(n);
      expect(r.attached).toBe(!detached);
      for (const s of r.signers) {
        expect(s.message.vi.length).toBeGreaterThan(0);
        expect(s.message.en.length).toBeGreaterThan(0);
        for (const c of s.checks) expect(c.message.vi && c.message.en).toBeTruthy();
      }
    });
  }

  it('reports the signer, VN identifiers, times, algorithms, checks and the part 1 report', async () => {
    const r = await verifyCms(bin('detached-rsa.der'), { ...base, content });
    const s = r.signers[0]!;
    expect(s.signer?.commonName).toBe('Nguyễn Văn A');
    expect(s.signer?.vn.mst).toBe('0104359717');
    expect(s.signer?.vn.cccd).toBe('025199009534');
    expect(s.signingTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(s.digestAlgorithm.name).toBe('SHA-256');
    expect(s.signatureAlgorithm.name).toBe('rsaEncryption');
    expect(s.signerIdentifier.issuerAndSerialNumber?.serialNumber).toBe(s.signer?.serialNumber);
    expect(s.checks.map((c) => c.id)).toEqual([
      'CMS_SIGNER_IDENTIFIED', 'CMS_SIGNED_ATTRIBUTES', 'CMS_CONTENT_TYPE', 'CMS_SIGNING_TIME', 'CMS_SIGNATURE_VALUE',
      'CMS_MESSAGE_DIGEST', 'CMS_CRYPTO_CONSTRAINTS', 'CMS_CERTIFICATE_PATH',
    ]);
    expect(s.certificateReport?.indication).toBe('TOTAL_PASSED');
    expect(s.certificateReport?.path).toHaveLength(3);
    expect(r.message).toEqual({ vi: 'Chữ ký số hợp lệ', en: 'The signature is valid' });
  });

  it('identifies the signer by SKI, reads RSA-PSS and ECDSA, and checks ESS signing-certificate-v2', async () => {
    const ski = await verifyCms(bin('detached-ski.der'), { ...base, content });
    expect(ski.signers[0]!.signerIdentifier.subjectKeyIdentifier).toMatch(/^[0-9A-F]{40}$/);
    const pss = await verifyCms(bin('detached-pss.der'), { ...base, content });
    expect(pss.signers[0]!.signatureAlgorithm.name).toBe('RSASSA-PSS');
    const ec = await verifyCms(bin('detached-ecdsa.der'), { ...base, content });
    expect(ec.signers[0]!.signatureAlgorithm.name).toBe('ecdsa-with-SHA256');
    expect(ec.signers[0]!.signer?.vn.mst).toBe('0400260612');
    const cades = await verifyCms(bin('detached-cades.der'), { ...base, content });
    expect(cades.signers[0]!.checks.find((c) => c.id === 'CMS_SIGNING_CERTIFICATE')?.status).toBe('PASSED');
    const two = await verifyCms(bin('detached-two-signers.der'), { ...base, content });
    expect(two.signers.map((s) => s.signer?.commonName).sort()).toEqual(['Nguyễn Văn A', 'Sở Y tế Đà Nẵng']);
    expect(two.signers.map((s) => s.index)).toEqual([0, 1]);
  });

  it('tampered content → TOTAL_FAILED / HASH_FAILURE', async () => {
    for (const f of ['detached-rsa.der', 'detached-ecdsa.der', 'detached-pss.der']) {
      const r = await verifyCms(bin(f), { ...base, content: bin('content-tampered.bin') });
      expect(r.indication).toBe('TOTAL_FAILED');
      expect(r.subIndication).toBe('HASH_FAILURE');
      expect(r.signers[0]!.certificateReport).toBeUndefined();
    }
  });

  it('one changed byte in the signed attributes → TOTAL_FAILED / SIG_CRYPTO_FAILURE', async () => {
    for (const f of ['detached-rsa.der', 'attached-ecdsa.der', 'detached-pss.der']) {
      const der = bin(f);
      const md = indexOf(der, hex('06092A864886F70D010904')); // message-digest attribute
      der[md + 11 + 4 + 5]! ^= 0x01;
      const r = await verifyCms(der, { ...base, ...(f.startsWith('detached') ? { content } : {}) });
      expect(r.indication).toBe('TOTAL_FAILED');
      expect(r.subIndication).toBe('SIG_CRYPTO_FAILURE');
    }
  });

  it('a flipped bit in the signature value → SIG_CRYPTO_FAILURE', async () => {
    const der = bin('detached-ecdsa.der');
    const { sig } = locate(der);
    der[sig[0] + sig[1] - 1]! ^= 0x01;
    const r = await verifyCms(der, { ...base, content });
    expect(r.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('without signed attributes the signature covers the content: tampering → SIG_CRYPTO_FAILURE', async () => {
    const r = await verifyCms(bin('detached-noattr.der'), { ...base, content: bin('content-tampered.bin') });
    expect(r.subIndication).toBe('SIG_CRYPTO_FAILURE');
    expect(r.signers[0]!.signingTime).toBeUndefined();
    expect((await verifyCms(bin('detached-noattr.der'), base)).subIndication).toBe('SIGNED_DATA_NOT_FOUND');
  });

  it('reads the PKCS7 PEM label too', async () => {
    const pem = text('detached-rsa.pem').replace(/CMS-----/g, 'PKCS7-----');
    expect((await verifyCms(pem, { ...base, content })).indication).toBe('TOTAL_PASSED');
  });

  it('rejects re-tagged RSASSA-PSS parameters (unsigned field; found by fuzzing)', async () => {
    const orig = bin('detached-pss.der');
    const mgf = indexOf(orig, hex('06092A864886F70D010108300D0609608648016503040201')); // mgf1(sha256)
    expect(mgf).toBeGreaterThan(0);
    const nullTag = orig.slice();
    nullTag[mgf + 24]! ^= 0x80; // NULL → [5] context tag
    const saltTag = orig.slice();
    saltTag[mgf + 26]! ^= 0x40; // [2] saltLength → private class
    for (const der of [nullTag, saltTag]) {
      const r = await verifyCms(der, { ...base, content });
      expect(r.indication).toBe('TOTAL_FAILED');
      expect(r.signers[0]!.checks.at(-1)?.id).toBe('CMS_SIGNATURE_VALUE');
    }
  });

  it('detached without content → INDETERMINATE / SIGNED_DATA_NOT_FOUND', async () => {
    const r = await verifyCms(bin('detached-rsa.der'), base);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
  });

  it('re-signed attributes verify (helper sanity), a wrong ESS hash fails, a wrong content-type fails', async () => {
    const ok = resign(bin('detached-cades.der'));
    expect((await verifyCms(ok, { ...base, content })).indication).toBe('TOTAL_PASSED');

    const ess = bin('detached-cades.der');
    const o = indexOf(ess, hex('060B2A864886F70D010910022F'));
    const h = indexOf(ess, hex('0420'), o);
    ess[h + 2]! ^= 0xff;
    const r1 = await verifyCms(resign(ess), { ...base, content });
    expect(r1.indication).toBe('TOTAL_FAILED');
    expect(r1.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(r1.signers[0]!.checks.at(-1)?.id).toBe('CMS_SIGNING_CERTIFICATE');

    const ct = bin('detached-rsa.der');
    const c = indexOf(ct, hex('06092A864886F70D010903310B06092A864886F70D010701'));
    ct[c + 23] = 0x05;
    const r2 = await verifyCms(resign(ct), { ...base, content });
    expect(r2.indication).toBe('TOTAL_FAILED');
    expect(r2.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    expect(r2.signers[0]!.checks.at(-1)?.id).toBe('CMS_CONTENT_TYPE');
  });

  it('rejects an ambiguous SKI match (two different certificates with the signer key identifier)', async () => {
    const der = bin('detached-ski.der');
    const r0 = await verifyCms(der, { ...base, content });
    const signerSki = hex(r0.signers[0]!.signerIdentifier.subjectKeyIdentifier!);
    const marker = hex('551D0E04160414');
    let patched = 0;
    for (let i = indexOf(der, marker); i >= 0; i = indexOf(der, marker, i + 1)) {
      const v = der.subarray(i + marker.length, i + marker.length + 20);
      if (!v.every((b, k) => b === signerSki[k])) {
        v.set(signerSki);
        patched++;
      }
    }
    expect(patched).toBe(1);
    const r = await verifyCms(der, { ...base, content });
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    expect(r.signers[0]!.checks[0]!.message.en).toContain('several different certificates');
  });

  it('reports expired signer certificates through part 1 and accepts SHA-1 under a lenient policy', async () => {
    const late = await verifyCms(bin('detached-rsa.der'), { ...base, content, at: new Date(Date.UTC(2100, 0, 1)) });
    expect(late.indication).not.toBe('TOTAL_PASSED');
    expect(late.signers[0]!.checks.find((c) => c.id === 'CMS_CERTIFICATE_PATH')?.status).toBe('FAILED');
    const lenient = defineValidationPolicy({
      ...vietnameseEgovPolicy, name: 'legacy-sha1',
      crypto: { ...vietnameseEgovPolicy.crypto, digests: vietnameseEgovPolicy.crypto.digests.map((d) => (d.digest === 'SHA-1' ? { digest: 'SHA-1', source: 'test' } : d)) },
    });
    const r = await verifyCms(bin('detached-sha1.der'), { ...base, content, policy: lenient, cache: createValidationCache() });
    expect(r.signers[0]!.checks.find((c) => c.id === 'CMS_CRYPTO_CONSTRAINTS')?.status).toBe('PASSED');
  });

  it('accepts content as ArrayBuffer and the PEM as bytes; rejects conflicting attached content', async () => {
    const r = await verifyCms(new TextEncoder().encode(text('detached-rsa.pem')), { ...base, content: content.slice().buffer });
    expect(r.indication).toBe('TOTAL_PASSED');
    await expectCode(verifyCms(bin('attached-rsa.der'), { ...base, content: bin('content-tampered.bin') }), 'CMS_CONTENT_CONFLICT');
    expect((await verifyCms(bin('attached-rsa.der'), { ...base, content })).indication).toBe('TOTAL_PASSED');
  });

  it('throws VnEgovError with stable codes on malformed input', async () => {
    await expectCode(verifyCms(new Uint8Array([0x30, 0x03, 0x02, 0x01]), base), 'CMS_MALFORMED');
    await expectCode(verifyCms(bin('root.crl'), base), 'CMS_MALFORMED');
    await expectCode(verifyCms(text('root.pem'), base), 'CMS_INVALID_PEM');
    await expectCode(verifyCms('-----BEGIN CMS-----\n!!!\n-----END CMS-----\n', base), 'CMS_INVALID_PEM');
    await expectCode(verifyCms(42 as unknown as string, base), 'CMS_INVALID_INPUT_TYPE');
    await expectCode(verifyCms(bin('detached-rsa.der'), { ...base, at: 'yesterday' }), 'CMS_INVALID_OPTIONS');
    await expectCode(verifyCms(bin('detached-rsa.der'), {} as never), 'CMS_INVALID_OPTIONS');
    // id-data ContentInfo instead of id-signedData
    await expectCode(verifyCms(hex('300F06092A864886F70D010701A0020400'), base), 'CMS_NOT_SIGNED_DATA');
    // SignedData with no SignerInfo (a certificate bag)
    await expectCode(verifyCms(hex('302306092A864886F70D010702A0163014020101310030' + '0B06092A864886F70D0107013100'), base), 'CMS_NO_SIGNER');
  });
});
