// Runs in a real Chromium: the library core — documents, edXML, signatures (CMS, PDF, XMLDSig, verifyDocument) and
// scoring — with the browser's WebCrypto only.
import { describe, expect, it } from 'vitest';
import { parseDocumentNumber } from '../src/documents/index.js';
import { buildEdxml, parseEdxml, validateEdxml } from '../src/edxml/index.js';
import { criteriaSets, rank, score } from '../src/scoring/index.js';
import { signCms, signEdxml, signPdf, verifyCms, verifyDocument, verifyPdf } from '../src/signature/index.js';
import { createEdxmlPackage, createTestPki } from '../src/testing/index.js';
import bkavSample from '../test/fixtures/edxml/variants-bkav.edxml?raw';
import basePdfUrl from '../test/fixtures/signature/pdf/base.pdf?url';

async function basePdf(): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(basePdfUrl)).arrayBuffer());
}

describe('vn-egov core in the browser', () => {
  it('parses document numbers and an edXML package written by another vendor, with its tolerances reported', () => {
    expect(parseDocumentNumber('Số: 15/QĐ-UBND').documentType?.name).toBe('Quyết định (cá biệt)');
    const parsed = parseEdxml(bkavSample);
    expect(parsed.kind).toBe('document');
    expect(parsed.issues.length).toBeGreaterThan(0);
    expect(parsed.issues.every((i) => typeof i.code === 'string' && i.path !== undefined)).toBe(true);
  });

  it('signs and verifies CMS, PDF (PAdES) and an edXML envelope with WebCrypto', async () => {
    const pki = await createTestPki({ seed: 'browser-modules', now: '2026-03-10T03:00:00Z' });
    const options = { trustStore: pki.trustStore(), at: pki.now, crls: (await pki.crls()).map((c) => c.der) };
    const key = pki.neac.person.keys.privateKey;

    const content = new TextEncoder().encode('Quyết định số 15/QĐ-UBND');
    const p7s = await signCms(content, { key, certificate: pki.neac.person.der, chain: [pki.neac.ca.der] });
    const cms = await verifyCms(p7s, { ...options, content });
    expect(cms.indication, cms.message.en).toBe('TOTAL_PASSED');

    const pdf = await signPdf(await basePdf(), { key, certificate: pki.neac.person.der, chain: [pki.neac.ca.der], reason: 'Ký ban hành', signingTime: pki.now });
    const pdfReport = await verifyPdf(pdf, options);
    expect(pdfReport.indication, pdfReport.message.en).toBe('TOTAL_PASSED');
    expect(pdfReport.signatures[0]?.signer?.vn.cccd).toBe('001234567890');
    const flipped = pdf.slice();
    flipped[30] = flipped[30]! ^ 1;
    expect((await verifyPdf(flipped, options)).indication).toBe('TOTAL_FAILED');

    const fixture = await createEdxmlPackage({ seed: 3, attachments: 1 });
    const xml = buildEdxml(fixture.message, [{ ...fixture.attachments[0]!, data: pdf }]);
    expect(validateEdxml(parseEdxml(xml)).filter((i) => i.severity === 'error')).toEqual([]);
    const signed = await signEdxml(xml, { key: pki.neac.organization.keys.privateKey, certificate: pki.neac.organization.der, chain: [pki.neac.ca.der] });
    const report = await verifyDocument(signed, options);
    expect(report.signatures.map((s) => [s.source, s.indication])).toEqual([
      ['edxml-envelope', 'TOTAL_PASSED'],
      ['edxml-attachment-pdf', 'TOTAL_PASSED'],
    ]);
  });

  it('scores QĐ 766 indicator inputs and ranks with ties', () => {
    const results = score(criteriaSets.qd766, [
      { unitId: 'a', unitName: 'xã A', level: 'commune', values: { totalReceived: 100, totalOnTime: 90 } },
      { unitId: 'b', unitName: 'xã B', level: 'commune', values: { totalReceived: 50, totalOnTime: 45 } },
      { unitId: 'c', unitName: 'xã C', level: 'commune', values: {} },
    ], { period: '2026-03' });
    const ranking = rank(results, { by: { group: 'progress' }, precision: 2 });
    expect(ranking.map((e) => [e.unitId, e.ranked ? e.rank : null])).toEqual([['a', 1], ['b', 1], ['c', null]]);
  });
});
