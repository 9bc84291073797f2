import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../../src/errors/index.js';
import { verifyPdf } from '../../../src/signature/index.js';
import { fixture, manifest, options } from './helpers.js';

describe('verifyPdf — fixtures of manifest.json (pdfsig, openssl, attack variants)', () => {
  for (const c of manifest.cases) {
    it(`${c.file}: ${c.indication} (${c.note})`, async () => {
      const r = await verifyPdf(fixture(c.file), options);
      expect(r.indication).toBe(c.indication);
      expect(r.signatures.length).toBe(c.signatures?.length ?? 0);
      c.signatures?.forEach((e, i) => {
        const s = r.signatures[i]!;
        expect(s.indication, `signature ${i}`).toBe(e.indication);
        if (e.subIndication) expect(s.subIndication, `signature ${i}`).toBe(e.subIndication);
        if (e.changes) expect(s.changes, `signature ${i}`).toBe(e.changes);
      });
    });
  }
});

describe('verifyPdf — report content', () => {
  it('reports signer, Vietnamese identifiers, field, reason, location, times, coverage and NĐ 30 role', async () => {
    const r = await verifyPdf(fixture('signed-two.pdf'), options);
    const [a, b] = r.signatures;
    expect(a).toMatchObject({ fieldName: 'NguoiKy', subFilter: 'adbe.pkcs7.detached', revision: 1, coverage: 'revision', reachable: true, visible: false, reason: 'Phê duyệt', location: 'Hà Nội', name: 'Nguyễn Văn A' });
    expect(a!.signer?.commonName).toBe('Nguyễn Văn A');
    expect(a!.signer?.vn.cccd).toBe('025199009534');
    expect(a!.nd30).toMatchObject({ applies: true, role: 'signer' });
    expect(a!.signingTime.dictionary).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(a!.signingTime.attribute).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(a!.cms?.indication).toBe('TOTAL_PASSED');
    expect(a!.modifications.every((m) => m.allowed)).toBe(true);
    expect(a!.modifications.map((m) => m.kind)).toEqual(expect.arrayContaining(['signature', 'signature-field']));
    expect(b).toMatchObject({ fieldName: 'CoQuan', revision: 2, coverage: 'whole-file', changes: 'none' });
    expect(b!.signer?.vn.mst).toBe('0104359717');
    expect(b!.nd30.role).toBe('organization');
    expect(r.revisions).toBe(3);
  });

  it('reports the DocMDP permission of a certification signature and the refused change class', async () => {
    const r = await verifyPdf(fixture('certified-p1-annotation.pdf'), options);
    expect(r.signatures[0]!.docMdp).toBe(1);
    expect(r.signatures[0]!.modifications.filter((m) => !m.allowed).map((m) => m.kind)).toEqual(['annotation']);
    const evil = await verifyPdf(fixture('evil-annotation.pdf'), options);
    expect(evil.signatures[0]!.modifications.filter((m) => !m.allowed).map((m) => m.kind)).toEqual(['overlay-annotation']);
    const sneaky = await verifyPdf(fixture('sneaky-signature.pdf'), options);
    expect(sneaky.signatures[0]!.modifications.filter((m) => !m.allowed).map((m) => m.kind)).toEqual(['signature-appearance']);
  });

  it('names the shadow attacks as page-content changes', async () => {
    for (const f of ['shadow-hide.pdf', 'shadow-replace.pdf', 'shadow-hide-and-replace.pdf', 'update-page-content.pdf']) {
      const r = await verifyPdf(fixture(f), options);
      const bad = r.signatures[0]!.modifications.filter((m) => !m.allowed);
      expect(bad.map((m) => m.kind), f).toEqual(['page-content']);
      expect(r.signatures[0]!.checks.find((c) => c.id === 'PDF_MODIFICATIONS')?.status).toBe('FAILED');
      expect(r.signatures[0]!.cms?.indication, `${f}: the signed revision itself is intact`).toBe('TOTAL_PASSED');
    }
  });

  it('names the failed geometry check of each USF / SWA variant', async () => {
    const expected: Record<string, string> = {
      'usf-no-byterange.pdf': 'PDF_BYTE_RANGE', 'usf-null-contents.pdf': 'PDF_CONTENTS', 'usf-byterange-offset.pdf': 'PDF_BYTE_RANGE',
      'swa-gap.pdf': 'PDF_BYTE_RANGE_GAP', 'byterange-short.pdf': 'PDF_REVISION_END',
    };
    for (const [f, id] of Object.entries(expected)) {
      const r = await verifyPdf(fixture(f), options);
      expect(r.signatures[0]!.checks.find((c) => c.status === 'FAILED')?.id, f).toBe(id);
      expect(r.signatures[0]!.cms, `${f}: no CMS verification on a bad geometry`).toBeUndefined();
    }
  });

  it('reports bytes after the last %%EOF and refuses them after a signature', async () => {
    const signed = fixture('signed.pdf');
    const junk = new TextEncoder().encode('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const bytes = new Uint8Array(signed.length + junk.length);
    bytes.set(signed);
    bytes.set(junk, signed.length);
    const r = await verifyPdf(bytes, options);
    expect(r.findings.map((f) => f.id)).toEqual(['PDF_TRAILING_DATA']);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.signatures[0]!.modifications.map((m) => m.kind)).toEqual(['trailing-data']);
    expect(r.signatures[0]!.coverage).toBe('revision');
    const untouched = await verifyPdf(fixture('truncated-mid-revision.pdf'), options);
    expect(untouched.findings.map((f) => f.id)).toEqual(['PDF_TRAILING_DATA']);
  });

  it('gives NO_SIGNATURE_FOUND, not an error, for an unsigned PDF', async () => {
    const r = await verifyPdf(fixture('base.pdf'), options);
    expect(r).toMatchObject({ indication: 'NO_SIGNATURE_FOUND', signatures: [], revisions: 1 });
    expect(r.message.vi).toContain('không có chữ ký');
  });

  it('rejects bad input and options with stable codes', async () => {
    await expect(verifyPdf('x' as unknown as Uint8Array, options)).rejects.toMatchObject({ code: 'PDF_INVALID_INPUT_TYPE' });
    await expect(verifyPdf(fixture('base.pdf'), {} as never)).rejects.toMatchObject({ code: 'PDF_INVALID_OPTIONS' });
    await expect(verifyPdf(fixture('base.pdf'), { ...options, at: 'yesterday' })).rejects.toMatchObject({ code: 'PDF_INVALID_OPTIONS' });
    await expect(verifyPdf(new TextEncoder().encode('hello world, not a pdf'), options)).rejects.toBeInstanceOf(VnEgovError);
  });
});

describe('verifyPdf — signature dictionaries no field reaches', () => {
  it('reports a signature whose field was dropped from the AcroForm as unreachable, and the removal as refused', async () => {
    const { PdfDocument } = await import('../../../src/signature/pdf/document.js');
    const { buildIncrementalUpdate, PdfRaw } = await import('../../../src/signature/pdf/writer.js');
    const { PdfRef } = await import('../../../src/signature/pdf/objects.js');
    const signed = fixture('signed.pdf');
    const doc = new PdfDocument(signed);
    const afRef = doc.catalog()!.get('AcroForm') as InstanceType<typeof PdfRef>;
    const trailer = new Map<string, never>([['Root', doc.last.trailer.get('Root') as never]]);
    const upd = buildIncrementalUpdate([{ num: afRef.num, value: new PdfRaw('<< /Fields [] /SigFlags 3 >>') }], {
      base: signed.length, prev: doc.last.section.offset, trailer, size: 20, xrefStream: false, leadingEol: false,
    });
    const bytes = new Uint8Array([...signed, ...upd.bytes]);
    const r = await verifyPdf(bytes, options);
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0]!;
    expect(s.reachable).toBe(false);
    expect(s.fieldName).toBeUndefined();
    expect(s.checks[0]).toMatchObject({ id: 'PDF_FIELD_REACHABLE', status: 'FAILED' });
    expect(s.cms?.indication, 'the signature itself still verifies').toBe('TOTAL_PASSED');
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.modifications.filter((m) => !m.allowed).map((m) => m.kind)).toEqual(['form-field-removed']);
  });
});

describe('verifyPdf — options reach the CMS layer unchanged', () => {
  it('a non-ISO `at` string is an options error, not a signature failure', async () => {
    await expect(verifyPdf(fixture('signed.pdf'), { ...options, at: 'March 1 2026' })).rejects.toMatchObject({ code: 'PDF_INVALID_OPTIONS' });
    const r = await verifyPdf(fixture('signed.pdf'), { ...options, at: options.at.toISOString() });
    expect(r.indication).toBe('TOTAL_PASSED');
  });

  it('a bad policy is an options error', async () => {
    await expect(verifyPdf(fixture('signed.pdf'), { ...options, policy: { name: 'x' } as never })).rejects.toMatchObject({ code: 'PDF_INVALID_OPTIONS' });
  });
});

describe('verifyPdf — default resources of the AcroForm', () => {
  it('a font added to /DR by a later signing tool is an allowed change, not an unattributed one', async () => {
    const { PdfDocument } = await import('../../../src/signature/pdf/document.js');
    const { buildIncrementalUpdate, PdfRaw } = await import('../../../src/signature/pdf/writer.js');
    const signed = fixture('signed.pdf');
    const doc = new PdfDocument(signed);
    const afRef = doc.catalog()!.get('AcroForm') as unknown as { num: number };
    const fields = doc.dict(doc.catalog()!.get('AcroForm'))!.get('Fields') as unknown[];
    const fieldRefs = fields.map((f) => `${(f as { num: number }).num} 0 R`).join(' ');
    const trailer = new Map<string, never>([['Root', doc.last.trailer.get('Root') as never]]);
    const upd = buildIncrementalUpdate([
      { num: 40, value: new PdfRaw('<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>') },
      { num: afRef.num, value: new PdfRaw(`<< /Fields [${fieldRefs}] /SigFlags 3 /DR << /Font << /TiRo 40 0 R >> >> >>`) },
    ], { base: signed.length, prev: doc.last.section.offset, trailer, size: 41, xrefStream: false, leadingEol: false });
    const r = await verifyPdf(new Uint8Array([...signed, ...upd.bytes]), options);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signatures[0]!.modifications.map((m) => [m.kind, m.allowed])).toEqual(expect.arrayContaining([['appearance', true], ['acroform', true]]));
  });
});
