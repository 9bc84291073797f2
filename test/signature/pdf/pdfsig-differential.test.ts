/**
 * Differential test against poppler's pdfsig (22.12) with an NSS database trusting the fixture root: on every
 * manifest fixture, the signature / digest verdict of pdfsig is compared with ours, signature by signature.
 * - pdfsig "Signature is Valid." ⇔ our geometry and CMS checks pass (our indication may still be INDETERMINATE
 *   because of a refused change after signing, which pdfsig does not analyse: those are the forgeries pdfsig
 *   accepts, listed in PDFSIG_ACCEPTS below and asserted);
 * - anything else from pdfsig (Digest Mismatch, Signature is Invalid, not yet verified) ⇒ we reject too.
 * The certificate line is not compared (signatures.md quirks: pdfsig -no-ocsp can say "Unknown issue").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPdf, type PdfSignatureReport } from '../../../src/signature/index.js';
import { fixture, havePdfsig, manifest, nssDb, options, pdfsig, text } from './helpers.js';

/** Fixtures where pdfsig says "Signature is Valid." although the document shown was changed in a refused way. */
const PDFSIG_ACCEPTS = new Set([
  'update-page-content.pdf', 'shadow-hide.pdf', 'shadow-replace.pdf', 'shadow-hide-and-replace.pdf',
  'certified-p1-annotation.pdf', 'certified-p2-annotation.pdf', 'evil-annotation.pdf', 'sneaky-signature.pdf',
  'isa-no-xref.pdf', 'isa-no-prev.pdf',
]);

const GEOMETRY_AND_CMS = new Set(['PDF_BYTE_RANGE', 'PDF_CONTENTS', 'PDF_BYTE_RANGE_GAP', 'PDF_REVISION_END', 'PDF_BYTE_RANGE_COLLISION', 'PDF_CMS', 'PDF_SUB_FILTER', 'PDF_LEGACY_SHA1']);
/** Our "signature / digest" verdict: no failed geometry check and the CMS signature value and digest hold. */
function cryptoValid(s: PdfSignatureReport): boolean {
  if (s.checks.some((c) => c.status === 'FAILED' && GEOMETRY_AND_CMS.has(c.id) && c.id !== 'PDF_CMS')) return false;
  const signer = s.cms?.signers[0];
  return !!signer && ['CMS_SIGNATURE_VALUE', 'CMS_MESSAGE_DIGEST'].every((id) => signer.checks.some((c) => c.id === id && c.status === 'PASSED'));
}

describe.skipIf(!havePdfsig)('verifyPdf agrees with pdfsig on signature and digest', () => {
  const db = havePdfsig ? nssDb([text('root.pem')]) : undefined;
  afterAll(() => db?.dispose());
  const accepted: string[] = [];

  for (const c of manifest.cases) {
    it(c.file, async () => {
      const bytes = fixture(c.file);
      const theirs = pdfsig(db!.dir, bytes);
      const ours = await verifyPdf(bytes, options);
      if (ours.indication === 'NO_SIGNATURE_FOUND' && theirs.some((t) => t.valid)) {
        // pdfsig repaired a broken revision chain and shows a valid signature; we refuse to read one
        accepted.push(c.file);
        expect(ours.findings.length, 'the broken structure is reported').toBeGreaterThan(0);
        return;
      }
      expect(ours.signatures.length, 'same number of signatures').toBe(theirs.length);
      theirs.forEach((t, i) => {
        const s = ours.signatures[i]!;
        expect(cryptoValid(s), `signature ${i}: pdfsig says "${t.validation}"`).toBe(t.valid);
        if (t.valid && s.indication !== 'TOTAL_PASSED') accepted.push(c.file);
        if (!t.valid) expect(s.indication).not.toBe('TOTAL_PASSED');
      });
    });
  }

  it('pdfsig accepts exactly the listed forgeries, which we reject', () => {
    expect(new Set(accepted)).toEqual(PDFSIG_ACCEPTS);
    for (const f of PDFSIG_ACCEPTS) expect(manifest.cases.find((c) => c.file === f)?.indication).not.toBe('TOTAL_PASSED');
  });
});
