import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentNumber, parseOrganizationCode } from '../../src/documents/index.js';
import { parseDocumentId, parseEdxml, validateEdxml } from '../../src/edxml/index.js';
import { verifyCms } from '../../src/signature/index.js';
import { createEdxmlPackage, createStatusMessage, createTestPki, testAgencies, type TestPki } from '../../src/testing/index.js';

const errorsOf = (issues: readonly { severity: string }[]) => issues.filter((i) => i.severity === 'error');

describe('createEdxmlPackage', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createTestPki({ seed: 'edxml-fixtures', now: '2026-06-01T09:00:00+07:00' });
  }, 60_000); // key generation is slow on a loaded machine

  it('writes a package that parses strictly and validates without errors', async () => {
    for (const seed of [1, 2, 'xã Thư Lâm', 42]) {
      const f = await createEdxmlPackage({ seed, attachments: 2 });
      const parsed = parseEdxml(f.xml, { strict: true, expect: 'document' });
      expect(parsed.kind).toBe('document');
      expect(errorsOf(parsed.issues)).toEqual([]);
      expect(errorsOf(validateEdxml(parsed, { required: 'value', organizationCodes: 'strict' }))).toEqual([]);
      expect(parsed.message).toEqual(f.message);
      // realistic values: a well-formed number and symbol, organisation codes and DocumentId
      const m = f.message;
      const number = parseDocumentNumber(`${m.code?.codeNumber}/${m.code?.codeNotation}`);
      expect(number.number).toBeGreaterThan(0);
      expect(parseOrganizationCode(m.from!.organId!).code).toBe(m.from!.organId);
      for (const r of m.to) expect(parseOrganizationCode(r.organId!).code).toBe(r.organId);
      const id = parseDocumentId(m.documentId!, { strict: true });
      expect(id.issues).toEqual([]);
      expect(id.parts).toMatchObject({ organId: m.from!.organId, codeNumber: m.code?.codeNumber });
      expect(parsed.attachments).toHaveLength(2);
      for (const a of parsed.attachments) {
        const r = await a.inspect();
        expect(r.contentType.sniffed.kind).toBe('pdf');
        expect(r.contentType.matches).toBe(true);
      }
    }
  });

  it('is reproducible: the same seed gives the same bytes, another seed other bytes', async () => {
    const a = await createEdxmlPackage({ seed: 'same' });
    const b = await createEdxmlPackage({ seed: 'same' });
    expect(b.xml).toBe(a.xml);
    expect((await createEdxmlPackage({ seed: 'other' })).xml).not.toBe(a.xml);
  });

  it('attaches a detached CMS signature of each PDF that verifies with the test PKI', async () => {
    const f = await createEdxmlPackage({ seed: 3, signed: { pki } });
    const again = await createEdxmlPackage({ seed: 3, signed: { pki } });
    expect(again.xml).toBe(f.xml); // RSA PKCS#1 v1.5 signatures are deterministic
    const parsed = parseEdxml(f.xml, { strict: true, expect: 'document' });
    expect(errorsOf(validateEdxml(parsed, { required: 'value', organizationCodes: 'strict' }))).toEqual([]);
    expect(parsed.attachments.map((a) => a.meta.contentType)).toEqual(['application/pdf', 'application/pkcs7-signature']);
    const [pdf, p7s] = await Promise.all(parsed.attachments.map((a) => a.bytes()));
    const report = await verifyCms(p7s!, { content: pdf!, trustStore: pki.trustStore(), at: new Date(`${f.promulgationDate}T17:00:00+07:00`), crls: (await pki.crls()).map((c) => c.der) });
    expect(report.indication).toBe('TOTAL_PASSED');
  });

  it('takes sender, recipients and attachment count; rejects bad options', async () => {
    const f = await createEdxmlPackage({ seed: 5, from: testAgencies[2]!, to: [testAgencies[0]!], attachments: 0 });
    expect(f.message.from?.organId).toBe(testAgencies[2]!.organId);
    expect(f.message.to.map((t) => t.organId)).toEqual([testAgencies[0]!.organId]);
    expect(f.attachments).toEqual([]);
    expect(parseEdxml(f.xml).attachments).toHaveLength(0);
    await expect(createEdxmlPackage({ attachments: 11 })).rejects.toMatchObject({ code: 'INVALID_FIXTURE_OPTIONS' });
    await expect(createEdxmlPackage({ year: 1999 })).rejects.toMatchObject({ code: 'INVALID_FIXTURE_OPTIONS' });
    await expect(createEdxmlPackage({ to: [] })).rejects.toMatchObject({ code: 'INVALID_FIXTURE_OPTIONS' });
  });
});

describe('createStatusMessage', () => {
  it('answers a package with every known code; parses and validates without errors; reproducible', async () => {
    const pkg = await createEdxmlPackage({ seed: 9 });
    for (const code of ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const) {
      const s = createStatusMessage({ seed: 9, forDocument: pkg, code });
      const parsed = parseEdxml(s.xml, { strict: true, expect: 'status' });
      expect(parsed.kind).toBe('status');
      expect(parsed.message).toEqual(s.message);
      expect(errorsOf(validateEdxml(parsed, { required: 'value', organizationCodes: 'strict' }))).toEqual([]);
      expect(s.message.statusCode).toBe(code);
      expect(s.message.responseFor?.documentId).toBe(pkg.message.documentId);
      expect(s.message.from?.organId).toBe(code === '13' ? pkg.message.from?.organId : pkg.message.to[0]?.organId);
      expect(s.message.timestamp! >= pkg.message.traceHeaderList!.traceHeaders[0]!.timestamp!).toBe(true);
      expect(createStatusMessage({ seed: 9, forDocument: pkg.message, code }).xml).toBe(s.xml);
    }
    expect(createStatusMessage({ forDocument: pkg }).message.description).toBe('Đã tiếp nhận');
    expect(() => createStatusMessage({ forDocument: pkg, code: '07' as never })).toThrow(expect.objectContaining({ code: 'INVALID_FIXTURE_OPTIONS' }));
    expect(() => createStatusMessage({} as never)).toThrow(expect.objectContaining({ code: 'INVALID_FIXTURE_OPTIONS' }));
  });
});
