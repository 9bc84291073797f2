// Runs in a real Chromium: the test PKI is made with the browser's WebCrypto and pkijs, and its chains, CRLs and
// OCSP responses validate with vn-egov/signature.
import { describe, expect, it } from 'vitest';
import { parseCertificate, parseCrl, validateCertificatePath } from '../src/signature/index.js';
import { createTestPki } from '../src/testing/index.js';

describe('vn-egov/testing in the browser', () => {
  it('is a real browser', () => {
    expect(typeof window).toBe('object');
    expect(navigator.userAgent).toMatch(/Chrome/);
  });

  it('creates the test PKI with WebCrypto and validates a chain to TOTAL_PASSED', async () => {
    const pki = await createTestPki({ seed: 'browser', now: '2026-03-01T00:00:00Z' });
    expect(pki.neac.person.keys.privateKey).toBeInstanceOf(CryptoKey);
    const leaf = parseCertificate(pki.neac.person.pem);
    expect(leaf.subject.attributes['CN']).toEqual(['Nguyễn Văn A']);
    expect(leaf.vn.cccd).toBe('001234567890');
    const crls = (await pki.crls()).map((c) => c.der);
    const report = await validateCertificatePath({
      certificate: pki.neac.person.der,
      intermediates: pki.intermediates.map((c) => c.der),
      trustStore: pki.trustStore(),
      crls,
      at: pki.now,
      keyUsage: ['nonRepudiation'],
    });
    expect(report.indication, report.message.en).toBe('TOTAL_PASSED');
    expect(report.path).toHaveLength(3);
    expect(parseCertificate(pki.bcy.organization.der).vn).toMatchObject({ mst: '0109876543', mns: '1234567', hierarchy: 'bcy-government' });

    const revoked = await validateCertificatePath({
      certificate: pki.bcy.revoked.der, intermediates: pki.intermediates.map((c) => c.der), trustStore: pki.trustStore(), crls, at: pki.now,
    });
    expect(revoked.subIndication).toBe('REVOKED');
    expect(parseCrl(crls[3]!).entries.map((e) => e.serialNumber)).toEqual([pki.bcy.revoked.serialNumber]);

    const ocsp = await pki.ocspRespond({ certificate: pki.neac.revoked });
    const byOcsp = await validateCertificatePath({
      certificate: pki.neac.revoked.der, intermediates: [pki.neac.ca.der], trustStore: pki.trustStore(), crls: [crls[0]!], ocspResponses: [ocsp], at: pki.now,
    });
    expect(byOcsp.subIndication).toBe('REVOKED');
    expect(byOcsp.revocation[1]?.source).toBe('OCSP');

    const stamp = await pki.timestamp({ data: new TextEncoder().encode('văn bản') });
    expect(stamp.token[0]).toBe(0x30);
    expect(stamp.genTime.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('issues ECDSA P-256 leaves and defective ones', async () => {
    const pki = await createTestPki({ seed: 'browser-ec', now: '2026-03-01T00:00:00Z', keyAlgorithm: 'ECDSA-P256', caKeyAlgorithm: 'ECDSA-P256' });
    const expired = await pki.issueCertificate({ defects: ['expired'] });
    const r = await validateCertificatePath({
      certificate: expired.der, intermediates: pki.intermediates.map((c) => c.der), trustStore: pki.trustStore(),
      crls: (await pki.crls()).map((c) => c.der), at: pki.now,
    });
    expect([r.indication, r.subIndication]).toEqual(['TOTAL_FAILED', 'EXPIRED']);
    expect(parseCertificate(pki.bcy.person.der).publicKey.namedCurve).toBe('P-256');
  });
});
