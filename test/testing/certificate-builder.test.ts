/**
 * issueCertificate as a property: any Vietnamese name and UID set round-trips through parseCertificate, serials
 * and dates are written as given, and the signature verifies under the issuer (through the validator).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrustStore, parseCertificate, validateCertificatePath, vietnameseEgovPolicy } from '../../src/signature/index.js';
import { generateTestKeyPair, issueCertificate, type TestCertificate } from '../../src/testing/index.js';

const VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ĐĂÂÊÔƠƯ-'];
const vnText = fc.array(fc.constantFrom(...VIETNAMESE), { minLength: 1, maxLength: 40 }).map((cs) => cs.join('').trim()).filter((s) => s.length > 0);

let root: TestCertificate;
let keys: CryptoKeyPair;

beforeAll(async () => {
  keys = await generateTestKeyPair('ECDSA-P256');
  root = await issueCertificate({
    subject: { C: 'VN', O: 'Ban Cơ yếu Chính phủ', CN: 'Test RootCA chuyên dùng Chính phủ G2' }, keys,
    notBefore: '2019-01-01T00:00:00Z', notAfter: '2065-01-01T00:00:00Z', basicConstraints: { ca: true }, keyUsage: ['keyCertSign', 'cRLSign'],
  });
});

describe('issueCertificate (property)', () => {
  it('round-trips Vietnamese names, UIDs, serials and dates through parseCertificate and validates', async () => {
    const store = createTrustStore({ anchors: [root.der] });
    const policy = { ...vietnameseEgovPolicy, name: 'no-revocation', revocation: { required: 'NONE' as const } };
    await fc.assert(fc.asyncProperty(
      vnText, vnText,
      fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^\d{10}(-\d{3})?$/),
      fc.stringMatching(/^[1-7][0-9A-F]{1,30}$/),
      fc.integer({ min: 0, max: 40 * 365 }),
      async (cn, province, cccd, mst, serial, offsetDays) => {
        const notBefore = new Date(Date.UTC(2020, 0, 1) + offsetDays * 86_400_000);
        const notAfter = new Date(notBefore.getTime() + 365 * 86_400_000);
        const cert = await issueCertificate({
          issuer: root, keys, serialNumber: serial, notBefore, notAfter,
          subject: { C: 'VN', ST: province, CN: cn, UID: [`CCCD:${cccd}`, `MST:${mst}`] },
          basicConstraints: { ca: false }, keyUsage: ['digitalSignature', 'nonRepudiation'],
        });
        const p = parseCertificate(cert.der);
        expect(p.subject.attributes['CN']).toEqual([cn.normalize('NFC')]);
        expect(p.subject.attributes['ST']).toEqual([province.normalize('NFC')]);
        expect(p.vn.cccd).toBe(cccd);
        expect(p.vn.mst).toBe(mst.slice(0, 10));
        expect(p.serialNumber).toBe(cert.serialNumber);
        expect(BigInt(`0x${p.serialNumber}`)).toBe(BigInt(`0x${serial}`));
        expect(p.validity.notBefore).toBe(notBefore.toISOString());
        expect(p.validity.notAfter).toBe(notAfter.toISOString());
        const r = await validateCertificatePath({ certificate: cert.der, trustStore: store, at: notBefore, policy });
        expect(r.indication, r.message.en).toBe('TOTAL_PASSED');
      },
    ), { numRuns: 40 });
  });
});
