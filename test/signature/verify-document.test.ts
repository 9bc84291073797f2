import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdxml, parseEdxml } from '../../src/edxml/index.js';
import { isVnEgovError } from '../../src/errors/index.js';
import { detectDocumentKind, signEdxml, signPdf, verifyDocument, type DocumentVerificationOptions } from '../../src/signature/index.js';
import { createEdxmlPackage, createTestPki, signCms, type EdxmlPackageFixture, type TestPki } from '../../src/testing/index.js';

const basePdf = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/signature/pdf/base.pdf')));

let pki: TestPki;
let options: DocumentVerificationOptions;
let fixture: EdxmlPackageFixture;

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = out[at]! ^ 0x01;
  return out;
}

async function signedPdf(): Promise<Uint8Array> {
  return signPdf(basePdf, {
    key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der],
    reason: 'Phê duyệt', location: 'Thư Lâm', signingTime: pki.now,
  });
}

beforeAll(async () => {
  pki = await createTestPki({ seed: 'verify-document', now: '2026-03-10T03:00:00Z' });
  options = { trustStore: pki.trustStore(), at: pki.now, crls: (await pki.crls()).map((c) => c.der) };
  fixture = await createEdxmlPackage({ seed: 7, attachments: 2, signed: { pki } });
}, 60_000);

describe('detectDocumentKind', () => {
  it('tells PDF, CMS (DER and PEM), XML and edXML apart', () => {
    expect(detectDocumentKind(basePdf)).toBe('pdf');
    expect(detectDocumentKind(fixture.xml)).toBe('edxml');
    expect(detectDocumentKind('\uFEFF  <?xml version="1.0"?><a xmlns="urn:x"/>')).toBe('xml');
    expect(detectDocumentKind(new Uint8Array([0x30, 0x82, 0x01, 0x00]))).toBe('cms');
    expect(detectDocumentKind('-----BEGIN PKCS7-----\nMA==\n-----END PKCS7-----\n')).toBe('cms');
  });

  it('rejects anything else with DOCUMENT_UNKNOWN_TYPE', () => {
    for (const input of ['hello', new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(0)]) {
      let caught: unknown;
      try { detectDocumentKind(input); } catch (e) { caught = e; }
      expect(isVnEgovError(caught) && caught.code).toBe('DOCUMENT_UNKNOWN_TYPE');
    }
  });
});

describe('verifyDocument', () => {
  it('verifies an edXML package: every detached .p7s against the PDF it signs, the envelope reported unsigned', async () => {
    const report = await verifyDocument(fixture.xml, options);
    expect(report.kind).toBe('edxml');
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signatures).toHaveLength(2);
    for (const s of report.signatures) {
      expect(s.source).toBe('edxml-attachment-cms');
      expect(s.signer?.vn.cccd ?? s.signer?.vn.mst).toBeTruthy();
      expect(s.details.kind).toBe('cms');
    }
    // Every attachment (two PDFs, two signatures) is covered by a signature.
    expect(report.attachments).toHaveLength(4);
    for (const a of report.attachments!) expect(a.signedBy.length).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.code)).toEqual(['EDXML_ENVELOPE_NOT_SIGNED']);
  });

  it('finds a PDF attachment changed after signing (HASH_FAILURE) and names it', async () => {
    const attachments = fixture.attachments.map((a, i) => (i === 0 ? { ...a, data: flip(a.data as Uint8Array, 40) } : a));
    const xml = buildEdxml(fixture.message, attachments);
    const report = await verifyDocument({ edxml: xml }, options);
    expect(report.indication).toBe('TOTAL_FAILED');
    expect(report.subIndication).toBe('HASH_FAILURE');
    const failed = report.signatures.filter((s) => s.indication === 'TOTAL_FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.name).toBe(`${fixture.attachments[0]!.attachmentName}.p7s`);
  });

  it('reports attachments that no signature covers and a .p7s whose content is missing', async () => {
    const [pdf, p7s, pdf2] = fixture.attachments;
    const xml = buildEdxml(fixture.message, [pdf2!, { ...p7s!, attachmentName: 'khac.pdf.p7s' }]);
    const report = await verifyDocument(xml, options);
    const codes = report.findings.map((f) => f.code);
    expect(codes).toContain('DETACHED_CONTENT_NOT_FOUND');
    expect(report.findings.find((f) => f.code === 'ATTACHMENT_NOT_SIGNED')?.target).toBe(pdf2!.attachmentName);
    // Without its content the detached signature cannot be judged valid.
    expect(report.indication).not.toBe('TOTAL_PASSED');
    expect(pdf).toBeDefined();
  });

  it('verifies the envelope XMLDSig and PDF attachments with embedded signatures together', async () => {
    const pdf = await signedPdf();
    const xml = buildEdxml(fixture.message, [{ contentId: 'cid:vb', attachmentName: 'van-ban.pdf', contentType: 'application/pdf', data: pdf }]);
    const signed = await signEdxml(xml, { key: pki.neac.organization.keys.privateKey, certificate: pki.neac.organization.der, chain: [pki.neac.ca.der] });
    expect(parseEdxml(signed).signature.state).toBe('present');
    const report = await verifyDocument(signed, options);
    expect(report.kind).toBe('edxml');
    expect(report.signatures.map((s) => [s.source, s.indication])).toEqual([
      ['edxml-envelope', 'TOTAL_PASSED'],
      ['edxml-attachment-pdf', 'TOTAL_PASSED'],
    ]);
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.findings).toEqual([]);
    expect(report.attachments?.[0]?.signedBy).toEqual([1]);
  });

  it('verifies a signed PDF and detects a flipped byte in the signed range', async () => {
    const pdf = await signedPdf();
    const ok = await verifyDocument(pdf, options);
    expect(ok.kind).toBe('pdf');
    expect(ok.indication).toBe('TOTAL_PASSED');
    expect(ok.signatures[0]?.signer?.vn.cccd).toBeTruthy();
    expect(ok.signatures[0]?.details.kind).toBe('pdf');
    const bad = await verifyDocument({ pdf: flip(pdf, 20) }, options);
    expect(bad.indication).toBe('TOTAL_FAILED');
  });

  it('says NO_SIGNATURE_FOUND for an unsigned PDF', async () => {
    const report = await verifyDocument(basePdf, options);
    expect(report.indication).toBe('NO_SIGNATURE_FOUND');
    expect(report.findings[0]?.code).toBe('NO_SIGNATURE');
    expect(report.signatures).toEqual([]);
  });

  it('verifies a detached CMS given with its content, either way', async () => {
    const content = new TextEncoder().encode('Quyết định số 15/QĐ-UBND');
    const p7s = await signCms({ signer: pki.neac.person, content, chain: [pki.neac.ca], signingTime: pki.now });
    const a = await verifyDocument({ cms: p7s, content }, options);
    const b = await verifyDocument(p7s, { ...options, content });
    expect(a.kind).toBe('cms');
    expect([a.indication, b.indication]).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    const tampered = await verifyDocument({ cms: p7s, content: flip(content, 3) }, options);
    expect(tampered.subIndication).toBe('HASH_FAILURE');
  });

  it('fails closed on bad input with VnEgovError codes', async () => {
    const cases: [unknown, unknown, string][] = [
      ['plain text', options, 'DOCUMENT_UNKNOWN_TYPE'],
      [basePdf, {}, 'DOCUMENT_INVALID_INPUT'],
      [{ word: basePdf }, options, 'DOCUMENT_INVALID_INPUT'],
      [42, options, 'DOCUMENT_INVALID_INPUT'],
    ];
    for (const [input, opts, code] of cases) {
      let caught: unknown;
      try { await verifyDocument(input as never, opts as never); } catch (e) { caught = e; }
      expect(isVnEgovError(caught) && caught.code).toBe(code);
    }
    // A truncated edXML package: the edXML reader's own code.
    let caught: unknown;
    try { await verifyDocument(fixture.xml.slice(0, 400), options); } catch (e) { caught = e; }
    expect(isVnEgovError(caught) && caught.code).toBe('XML_MALFORMED');
  });
});
