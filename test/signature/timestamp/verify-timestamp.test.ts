import { describe, expect, it } from 'vitest';
import { isVnEgovError } from '../../../src/errors/index.js';
import { verifyTimestamp } from '../../../src/signature/index.js';
import { createTestPki, createTimestampToken } from '../../../src/testing/index.js';

const data = new TextEncoder().encode('Quyết định số 42/QĐ-UBND — dấu thời gian');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return isVnEgovError(e) ? e.code : `other: ${String(e)}`;
  }
}

describe('verifyTimestamp (test PKI)', async () => {
  const pki = await createTestPki({ seed: 'verify-timestamp', now: '2026-03-16T10:00:00+07:00' });
  const crls = (await pki.crls()).map((c) => c.der);
  const trustStore = pki.trustStore();
  const base = { trustStore, at: pki.now, crls };

  it('verifies a token and a TimeStampResp over the data, with the TSA summary and TSTInfo fields', async () => {
    const { token, response, serialNumber } = await pki.timestamp({ data });
    const r = await verifyTimestamp(token, { ...base, data });
    expect(r.indication, `${r.message.en} ${JSON.stringify(r.checks.filter((c) => c.status === 'FAILED'))}`).toBe('TOTAL_PASSED');
    expect(r.genTime).toBe('2026-03-16T03:00:00Z');
    expect(r.serialNumber).toBe(serialNumber.toUpperCase());
    expect(r.policy).toBe('2.999.704.1.1.3');
    expect(r.imprint).toMatchObject({ algorithm: 'SHA-256', matches: true });
    expect(r.tsa?.commonName).toBe('Test NEAC Time-Stamping Authority');
    expect(r.checks.find((c) => c.id === 'TST_TSA_EXTENDED_KEY_USAGE')?.status).toBe('PASSED');
    expect(r.checks.find((c) => c.id === 'CMS_SIGNING_CERTIFICATE')?.status).toBe('PASSED');
    expect(r.certificateReport?.indication).toBe('TOTAL_PASSED');
    const rr = await verifyTimestamp(response, { ...base, data: 'Quyết định số 42/QĐ-UBND — dấu thời gian' });
    expect(rr.indication).toBe('TOTAL_PASSED');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    expect((await verifyTimestamp(token, { ...base, messageImprint: { algorithm: 'SHA-256', value: digest } })).indication).toBe('TOTAL_PASSED');
  });

  it('fails on other data, is INDETERMINATE without data, and with an untrusted TSA', async () => {
    const { token } = await pki.timestamp({ data });
    const other = await verifyTimestamp(token, { ...base, data: 'khác' });
    expect(other.indication).toBe('TOTAL_FAILED');
    expect(other.subIndication).toBe('HASH_FAILURE');
    expect(other.imprint.matches).toBe(false);
    const none = await verifyTimestamp(token, base);
    expect(none.indication).toBe('INDETERMINATE');
    expect(none.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
    const otherPki = await createTestPki({ seed: 'other-tsa', now: pki.now });
    const untrusted = await verifyTimestamp(token, { ...base, data, trustStore: otherPki.trustStore() });
    expect(untrusted.indication).not.toBe('TOTAL_PASSED');
    expect(untrusted.checks.find((c) => c.id === 'CMS_CERTIFICATE_PATH')?.status).toBe('FAILED');
  });

  it('requires the critical id-kp-timeStamping EKU of the TSA certificate', async () => {
    for (const [eku, critical] of [[['1.3.6.1.5.5.7.3.8'], false], [['1.3.6.1.5.5.7.3.4'], true], [['1.3.6.1.5.5.7.3.8', '1.3.6.1.5.5.7.3.4'], true]] as const) {
      const tsa = await pki.issueCertificate({
        subject: { C: 'VN', O: 'Test TSA', CN: `Test TSA ${eku.join('+')} ${critical}` }, extendedKeyUsage: eku, extendedKeyUsageCritical: critical,
      });
      const { token } = await createTimestampToken({ tsa, data, genTime: pki.now });
      const r = await verifyTimestamp(token, { ...base, data });
      expect(r.indication, r.message.en).not.toBe('TOTAL_PASSED');
      expect(r.checks.find((c) => c.id === 'TST_TSA_EXTENDED_KEY_USAGE')?.status).toBe('FAILED');
    }
  });

  it('throws VnEgovError for unreadable input and bad options', async () => {
    const { token } = await pki.timestamp({ data });
    expect(await codeOf(verifyTimestamp(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x02]), { ...base, data }))).toBe('TIMESTAMP_MALFORMED');
    expect(await codeOf(verifyTimestamp(42 as never, { ...base, data }))).toBe('TIMESTAMP_INVALID_INPUT_TYPE');
    expect(await codeOf(verifyTimestamp(token, { data } as never))).toBe('TIMESTAMP_INVALID_OPTIONS');
    expect(await codeOf(verifyTimestamp(token, { ...base, at: 'hôm nay' }))).toBe('TIMESTAMP_INVALID_OPTIONS');
    // a rejection TimeStampResp: PKIStatusInfo { rejection (2) }
    expect(await codeOf(verifyTimestamp(new Uint8Array([0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02]), { ...base, data }))).toBe('TIMESTAMP_NOT_GRANTED');
  });
});
