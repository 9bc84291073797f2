/**
 * Validates certificates against a trust store and prints ETSI-style reports in Vietnamese and English:
 * the bundled Vietnamese CAs (VNPT-CA SHA2 → NEAC root; BCY issuing CA → BCY root G2), then the openssl test PKI
 * of test/fixtures/signature (a good signer, a revoked one, an expired one) with CRLs.
 * Run: npx tsx examples/signature-validate-chain.ts
 */
import { readFileSync } from 'node:fs';
import {
  createTrustStore,
  defineValidationPolicy,
  parseCertificate,
  validateCertificatePath,
  vietnameseEgovPolicy,
  vietnameseTrustAnchors,
  type CertificateValidationReport,
} from 'vn-egov/signature';

const fixture = (f: string): string => readFileSync(new URL(`../test/fixtures/signature/${f}`, import.meta.url), 'utf8');
const bytes = (f: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../test/fixtures/signature/${f}`, import.meta.url)));

function show(title: string, r: CertificateValidationReport): void {
  console.log(`\n# ${title}`);
  console.log(`  ${r.indication}${r.subIndication ? ' / ' + r.subIndication : ''}`);
  console.log(`  vi: ${r.message.vi}`);
  console.log(`  en: ${r.message.en}`);
  console.log(`  path: ${r.path.map((p) => p.subject).join('  →  ') || '(none)'}`);
  for (const c of r.checks.filter((x) => x.status !== 'PASSED')) console.log(`  [${c.status}] ${c.id}: ${c.message.vi}`);
}

// 1. The bundled Vietnamese hierarchies (fingerprints pinned; revocation waived because no CRL is at hand offline).
const vnStore = createTrustStore({ anchors: vietnameseTrustAnchors });
const offline = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'vn-offline-demo', revocation: { required: 'NONE' } });
for (const a of vietnameseTrustAnchors.filter((x) => x.kind === 'intermediate')) {
  const cert = parseCertificate(a.pem);
  const r = await validateCertificatePath({ certificate: cert, trustStore: vnStore, at: '2026-06-01T00:00:00+07:00', policy: offline });
  show(`${cert.subject.attributes['CN']?.[0]} (${cert.vn.hierarchy})`, r);
}

// 2. The openssl test PKI with CRLs (default policy: revocation required for every certificate).
const trustStore = createTrustStore({ anchors: [{ certificate: fixture('root.pem'), id: 'vn-egov-test-root' }] });
const at = new Date(Date.parse(fixture('GENERATED_AT.txt').trim()) + 86_400_000);
for (const leaf of ['leaf-good.pem', 'leaf-revoked.pem', 'leaf-expired.pem']) {
  const cert = parseCertificate(fixture(leaf));
  const r = await validateCertificatePath({
    certificate: cert,
    intermediates: [fixture('issuing.pem')],
    trustStore,
    crls: [bytes('issuing.crl'), bytes('root.crl')],
    at,
    keyUsage: ['nonRepudiation'],
  });
  show(`${cert.subject.attributes['CN']?.[0]} — MST ${cert.vn.mst ?? '-'}${cert.vn.mstBranch ? '-' + cert.vn.mstBranch : ''}`, r);
}
