import { describe, expect, it } from 'vitest';
import { signPdf, verifyPdf } from '../../../src/signature/index.js';
import { createTestPki } from '../../../src/testing/index.js';
import { PdfDocument } from '../../../src/signature/pdf/document.js';
import { fixture, havePdfsig, nssDb, pdfsig } from './helpers.js';

const pki = await createTestPki({ now: '2026-03-16T10:00:00+07:00', seed: 'pdf-sign' });
const crls = (await pki.crls()).map((c) => c.der);
const verifyOptions = { trustStore: pki.trustStore(), at: pki.now, crls };
const person = { key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der] };
const org = { key: pki.bcy.organization.keys.privateKey, certificate: pki.bcy.organization.der, chain: [pki.bcy.ca.der] };

describe('signPdf', () => {
  it('signs the classic-xref base as PAdES B-B (ETSI.CAdES.detached) that verifyPdf accepts', async () => {
    const signed = await signPdf(fixture('base.pdf'), { ...person, reason: 'Phê duyệt', location: 'Hà Nội', signingTime: pki.now, placeholderSize: 8192 });
    const doc = new PdfDocument(signed);
    expect(doc.revisions).toHaveLength(2);
    expect(doc.last.section.kind).toBe('table');
    const r = await verifyPdf(signed, verifyOptions);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signatures[0]).toMatchObject({ subFilter: 'ETSI.CAdES.detached', fieldName: 'Signature1', coverage: 'whole-file', reason: 'Phê duyệt', location: 'Hà Nội', changes: 'none', visible: false });
    expect(r.signatures[0]!.signingTime.dictionary).toBe(pki.now.toISOString());
    expect(r.signatures[0]!.signingTime.attribute, 'PAdES: no signing-time attribute').toBeUndefined();
    expect(r.signatures[0]!.cms?.signers[0]?.checks.find((c) => c.id === 'CMS_SIGNING_CERTIFICATE')?.status).toBe('PASSED');
  });

  it('keeps an xref-stream original in xref-stream form and signs over an object-stream catalog', async () => {
    const signed = await signPdf(fixture('base-xrefstream.pdf'), { ...person, subFilter: 'adbe.pkcs7.detached', signingTime: pki.now });
    expect(new PdfDocument(signed).last.section.kind).toBe('stream');
    const r = await verifyPdf(signed, verifyOptions);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signatures[0]!.subFilter).toBe('adbe.pkcs7.detached');
    expect(r.signatures[0]!.signingTime.attribute).toBe(pki.now.toISOString());
  });

  it('signs again over a signature: both valid, the first sees only allowed changes', async () => {
    const once = await signPdf(fixture('base.pdf'), { ...person, signingTime: pki.now });
    const twice = await signPdf(once, { ...org, fieldName: 'Đóng dấu', signingTime: pki.now });
    expect(twice.subarray(0, once.length)).toEqual(once);
    const r = await verifyPdf(twice, verifyOptions);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signatures.map((s) => [s.fieldName, s.changes, s.nd30.role])).toEqual([['Signature1', 'allowed', 'signer'], ['Đóng dấu', 'none', 'organization']]);
  });

  it('certification P=1 forbids a later approval signature; P=2 allows it', async () => {
    const p1 = await signPdf(fixture('base.pdf'), { ...org, docMdp: 1, signingTime: pki.now });
    const after1 = await verifyPdf(await signPdf(p1, { ...person, signingTime: pki.now }), verifyOptions);
    expect(after1.signatures[0]).toMatchObject({ docMdp: 1, indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE', changes: 'disallowed' });
    const p2 = await signPdf(fixture('base.pdf'), { ...org, docMdp: 2, signingTime: pki.now });
    const after2 = await verifyPdf(await signPdf(p2, { ...person, signingTime: pki.now }), verifyOptions);
    expect(after2.indication).toBe('TOTAL_PASSED');
    expect(after2.signatures[0]).toMatchObject({ docMdp: 2, changes: 'allowed' });
  });

  it('adds a signature time-stamp through the callback (PAdES B-T)', async () => {
    const signed = await signPdf(fixture('base.pdf'), {
      ...person, signingTime: pki.now,
      timestamp: async (value) => (await pki.timestamp({ data: value })).token,
    });
    const r = await verifyPdf(signed, verifyOptions);
    expect(r.signatures[0]!.cms?.signers).toHaveLength(1);
    expect(r.indication).toBe('TOTAL_PASSED');
  });

  it('rejects bad options and a CMS larger than the placeholder with stable codes', async () => {
    await expect(signPdf(fixture('base.pdf'), { ...person, placeholderSize: 10 })).rejects.toMatchObject({ code: 'PDF_INVALID_OPTIONS' });
    await expect(signPdf(fixture('base.pdf'), { ...person, docMdp: 4 as 1 })).rejects.toMatchObject({ code: 'PDF_INVALID_OPTIONS' });
    await expect(signPdf(fixture('base.pdf'), { ...person, placeholderSize: 1024 })).rejects.toMatchObject({ code: 'PDF_SIGNING_FAILED' });
    await expect(signPdf(fixture('base.pdf'), { ...person, key: pki.neac.person.keys.publicKey })).rejects.toMatchObject({ code: 'PDF_SIGNING_FAILED' });
    await expect(signPdf(new Uint8Array(10), person)).rejects.toMatchObject({ code: 'PDF_MALFORMED' });
  });

  it.skipIf(!havePdfsig)('round trip: pdfsig verifies what signPdf makes, once and twice, table and stream xref', async () => {
    const db = nssDb(pki.roots.map((r) => r.pem));
    try {
      const a = await signPdf(fixture('base.pdf'), { ...person, signingTime: pki.now });
      const b = await signPdf(a, { ...org, subFilter: 'adbe.pkcs7.detached', signingTime: pki.now });
      const c = await signPdf(fixture('base-xrefstream.pdf'), { ...person, signingTime: pki.now });
      expect(pdfsig(db.dir, a).map((s) => s.validation)).toEqual(['Signature is Valid.']);
      expect(pdfsig(db.dir, b).map((s) => [s.validation, s.total])).toEqual([['Signature is Valid.', false], ['Signature is Valid.', true]]);
      expect(pdfsig(db.dir, c).map((s) => s.validation)).toEqual(['Signature is Valid.']);
    } finally {
      db.dispose();
    }
  });
});
