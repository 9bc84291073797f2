import { describe, expect, it } from 'vitest';
import { signCms, verifyCms } from '../../../src/signature/index.js';
import { createTestPki, type TestCertificate } from '../../../src/testing/index.js';

const DAY = 86_400_000;
const content = new TextEncoder().encode('%PDF-1.7\n% Công văn số 7/UBND-VP\n%%EOF\n');

describe('signature time-stamps as proof of existence (ETSI EN 319 102-1 §5.6.2)', async () => {
  const pki = await createTestPki({ seed: 'proof-of-existence', now: '2026-03-16T10:00:00+07:00' });
  const now = pki.now.getTime();
  const signedAt = new Date(now - 30 * DAY);
  const leaf = (name: string, notAfter: number): Promise<TestCertificate> =>
    pki.issueCertificate({ subject: { C: 'VN', CN: name, UID: ['CCCD:001099000777'] }, notBefore: new Date(now - 60 * DAY), notAfter: new Date(notAfter) });
  const sign = (signer: TestCertificate, genTime?: Date, signingTime: Date = signedAt) =>
    signCms(content, {
      key: signer.keys.privateKey, certificate: signer.der, chain: [pki.neac.ca.der], signingTime,
      ...(genTime ? { timestamp: async (sig: Uint8Array) => (await pki.timestamp({ data: sig }, { at: genTime })).token } : {}),
    });

  const goodUntilLater = await leaf('Ký rồi bị thu hồi sau', now + 300 * DAY);
  const revokedEarly = await leaf('Bị thu hồi trước dấu thời gian', now + 300 * DAY);
  const expiring = await leaf('Hết hạn sau dấu thời gian', now - 5 * DAY);
  pki.revoke(goodUntilLater, { date: new Date(now - 10 * DAY), reason: 'keyCompromise' });
  pki.revoke(revokedEarly, { date: new Date(signedAt.getTime() - DAY), reason: 'keyCompromise' });
  const crls = (await pki.crls()).map((c) => c.der);
  const verify = (p7s: Uint8Array) => verifyCms(p7s, { content, trustStore: pki.trustStore(), at: pki.now, crls });
  const genTime = new Date(signedAt.getTime() + 60_000);

  it('signed, time-stamped, then revoked: TOTAL_PASSED, the path validated at the time-stamp', async () => {
    const r = (await verify(await sign(goodUntilLater, genTime))).signers[0]!;
    expect(r.indication, r.message.en).toBe('TOTAL_PASSED');
    expect(r.timestamps).toHaveLength(1);
    expect(r.timestamps[0]!.indication).toBe('TOTAL_PASSED');
    expect(r.timestamps[0]!.genTime).toBe(genTime.toISOString().replace('.000Z', 'Z'));
    expect(r.proofOfExistence?.time).toBe(genTime.toISOString());
    expect(r.proofOfExistence?.currentTimeCertificateReport.subIndication).toBe('REVOKED');
    expect(r.checks.find((c) => c.id === 'CMS_PROOF_OF_EXISTENCE')?.status).toBe('PASSED');
    expect(r.checks.find((c) => c.id === 'CMS_TIMESTAMP_ORDER')?.status).toBe('PASSED');
    expect(r.certificateReport?.indication).toBe('TOTAL_PASSED');
  });

  it('without a time-stamp the same revoked signer is INDETERMINATE REVOKED_NO_POE', async () => {
    const r = (await verify(await sign(goodUntilLater))).signers[0]!;
    expect(r.timestamps).toEqual([]);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('REVOKED_NO_POE');
  });

  it('revoked before the time-stamp: TOTAL_FAILED REVOKED', async () => {
    const r = (await verify(await sign(revokedEarly, genTime))).signers[0]!;
    expect(r.indication, r.message.en).toBe('TOTAL_FAILED');
    expect(r.subIndication).toBe('REVOKED');
    expect(r.proofOfExistence).toBeDefined();
    expect(r.checks.find((c) => c.id === 'CMS_PROOF_OF_EXISTENCE')?.status).toBe('INFORMATION');
  });

  it('expired after the time-stamp: TOTAL_PASSED; expired without a time-stamp: INDETERMINATE OUT_OF_BOUNDS_NO_POE', async () => {
    const r = (await verify(await sign(expiring, genTime))).signers[0]!;
    expect(r.indication, r.message.en).toBe('TOTAL_PASSED');
    expect(r.proofOfExistence?.currentTimeCertificateReport.subIndication).toBe('EXPIRED');
    const n = (await verify(await sign(expiring))).signers[0]!;
    expect(n.indication).toBe('INDETERMINATE');
    expect(n.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    // a time-stamp made after the expiry proves nothing
    const late = (await verify(await sign(expiring, new Date(now - DAY)))).signers[0]!;
    expect(late.indication).toBe('INDETERMINATE');
    expect(late.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
  });

  it('a claimed signing time after the time-stamp is a TIMESTAMP_ORDER_FAILURE', async () => {
    const r = (await verify(await sign(pki.neac.person, new Date(now - 2 * DAY), new Date(now - DAY)))).signers[0]!;
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('TIMESTAMP_ORDER_FAILURE');
    expect(r.checks.find((c) => c.id === 'CMS_TIMESTAMP_ORDER')?.status).toBe('FAILED');
  });

  it('a time-stamp over another signature value is reported and not used', async () => {
    const other = await signCms(content, { key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, signingTime: signedAt });
    const foreign = async (): Promise<Uint8Array> => (await pki.timestamp({ data: other.subarray(other.length - 256) }, { at: genTime })).token;
    const p7s = await signCms(content, { key: goodUntilLater.keys.privateKey, certificate: goodUntilLater.der, chain: [pki.neac.ca.der], signingTime: signedAt, timestamp: foreign });
    const r = (await verify(p7s)).signers[0]!;
    expect(r.timestamps[0]?.indication).toBe('TOTAL_FAILED');
    expect(r.timestamps[0]?.subIndication).toBe('HASH_FAILURE');
    expect(r.checks.find((c) => c.id === 'CMS_SIGNATURE_TIMESTAMP')?.status).toBe('WARNING');
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('REVOKED_NO_POE');
  });

  it('content time-stamps (signed attribute) are verified over the content and must precede the signature time-stamp', async () => {
    const contentTs = async (t: Date) => ({ type: '1.2.840.113549.1.9.16.2.20', values: [(await pki.timestamp({ data: content }, { at: t })).token] });
    const signWith = async (contentTime: Date) => signCms(content, {
      key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der], signingTime: signedAt,
      signedAttributes: [await contentTs(contentTime)],
      timestamp: async (sig: Uint8Array) => (await pki.timestamp({ data: sig }, { at: genTime })).token,
    });
    const ok = (await verify(await signWith(new Date(signedAt.getTime() - 60_000)))).signers[0]!;
    expect(ok.indication, ok.message.en).toBe('TOTAL_PASSED');
    expect(ok.contentTimestamps?.[0]?.indication).toBe('TOTAL_PASSED');
    expect(ok.checks.find((c) => c.id === 'CMS_CONTENT_TIMESTAMP')?.status).toBe('PASSED');
    const late = (await verify(await signWith(new Date(genTime.getTime() + DAY)))).signers[0]!;
    expect(late.indication).toBe('INDETERMINATE');
    expect(late.subIndication).toBe('TIMESTAMP_ORDER_FAILURE');
    await expect(signCms(content, { key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, signedAttributes: [{ type: '1.2.840.113549.1.9.4', values: [new Uint8Array([4, 0])] }] }))
      .rejects.toMatchObject({ code: 'CMS_INVALID_SIGNING_OPTIONS' });
  });
});
