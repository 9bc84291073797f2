import { describe, expect, it } from 'vitest';
import { signCms, signPdf, verifyPdf } from '../../../src/signature/index.js';
import { embedCms, preparePdf, signedBytes } from '../../../src/signature/pdf/prepare.js';
import { createTestPki } from '../../../src/testing/index.js';
import { fixture, options } from './helpers.js';

const pki = await createTestPki({ now: '2026-03-16T10:00:00+07:00', seed: 'pdf-ts' });
const crls = (await pki.crls()).map((c) => c.der);
const verifyOptions = { trustStore: pki.trustStore(), at: pki.now, crls };
const person = { key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der] };

async function documentTimestamp(pdf: Uint8Array): Promise<Uint8Array> {
  const p = preparePdf(pdf, { subFilter: 'ETSI.RFC3161', placeholderSize: 8192, signingTime: pki.now, fieldName: 'DocTS' });
  const { token } = await pki.timestamp({ data: signedBytes(p) });
  return embedCms(p, token);
}

describe('document time-stamps (ETSI.RFC3161)', () => {
  it('verifies a document time-stamp with verifyTimestamp and reports the TSA', async () => {
    const r = await verifyPdf(await documentTimestamp(fixture('base.pdf')), verifyOptions);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signatures[0]).toMatchObject({ kind: 'document-timestamp', subFilter: 'ETSI.RFC3161', fieldName: 'DocTS', coverage: 'whole-file' });
    expect(r.signatures[0]!.timestamp?.genTime).toMatch(/^2026-03-16T03:00:00/);
    expect(r.signatures[0]!.nd30.applies).toBe(false);
  });

  it('is an allowed change after a DocMDP P=1 certification (PAdES LTA)', async () => {
    const certified = await signPdf(fixture('base.pdf'), { ...person, docMdp: 1, signingTime: pki.now });
    const r = await verifyPdf(await documentTimestamp(certified), verifyOptions);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signatures[0]!.changes).toBe('allowed');
    expect(r.signatures[0]!.modifications.map((m) => m.kind)).toContain('document-timestamp');
  });

  it('fails when the time-stamped bytes change', async () => {
    const ts = await documentTimestamp(fixture('base.pdf'));
    const i = new TextDecoder('latin1').decode(ts).indexOf('15/QD-UBND');
    const bad = ts.slice();
    bad[i] = 0x31 ^ 0x01;
    const r = await verifyPdf(bad, verifyOptions);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]!.checks.find((c) => c.id === 'PDF_TIMESTAMP')?.status).toBe('FAILED');
  });
});

describe('legacy sub-filters', () => {
  async function sha1Signed(): Promise<Uint8Array> {
    const p = preparePdf(fixture('base.pdf'), { subFilter: 'adbe.pkcs7.sha1', placeholderSize: 8192, signingTime: pki.now });
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', signedBytes(p).slice()));
    return embedCms(p, await signCms(digest, { ...person, detached: false, cades: false, signingTime: pki.now }));
  }

  it('adbe.pkcs7.sha1: INDETERMINATE by default, accepted with a warning under allowLegacySha1', async () => {
    const pdf = await sha1Signed();
    const strict = await verifyPdf(pdf, verifyOptions);
    expect(strict.signatures[0]).toMatchObject({ subFilter: 'adbe.pkcs7.sha1', indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
    expect(strict.signatures[0]!.checks.find((c) => c.id === 'PDF_LEGACY_SHA1')?.status).toBe('FAILED');
    const lax = await verifyPdf(pdf, { ...verifyOptions, allowLegacySha1: true });
    expect(lax.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(lax.signatures[0]!.checks.find((c) => c.id === 'PDF_LEGACY_SHA1')?.status).toBe('WARNING');
  });

  it('adbe.pkcs7.sha1 whose embedded SHA-1 is not the SHA-1 of the ranges: TOTAL_FAILED / HASH_FAILURE', async () => {
    const p = preparePdf(fixture('base.pdf'), { subFilter: 'adbe.pkcs7.sha1', placeholderSize: 8192, signingTime: pki.now });
    const wrong = new Uint8Array(20).fill(1);
    const pdf = embedCms(p, await signCms(wrong, { ...person, detached: false, cades: false, signingTime: pki.now }));
    const r = await verifyPdf(pdf, { ...verifyOptions, allowLegacySha1: true });
    expect(r.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('adbe.x509.rsa_sha1 is not supported: INDETERMINATE', async () => {
    const signed = fixture('signed.pdf');
    const s = new TextDecoder('latin1').decode(signed);
    const i = s.indexOf('/adbe.pkcs7.detached');
    const patched = signed.slice();
    patched.set(new TextEncoder().encode('/adbe.x509.rsa_sha1 '), i);
    const r = await verifyPdf(patched, options);
    expect(r.signatures[0]).toMatchObject({ subFilter: 'adbe.x509.rsa_sha1', indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
  });
});
