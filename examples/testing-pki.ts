/**
 * Creates the vn-egov test PKI (NEAC-like and Ban Cơ yếu-like hierarchies), prints a leaf's subject and Vietnamese
 * identifiers, and validates chains — a good one, a revoked one (CRL and OCSP) and a deliberately expired one.
 * Run: npx tsx examples/testing-pki.ts
 */
import { parseCertificate, validateCertificatePath, type CertificateValidationReport } from 'vn-egov/signature';
import { createTestPki, type TestCertificate } from 'vn-egov/testing';

const pki = await createTestPki({ seed: 'example', now: '2026-03-01T09:00:00+07:00' });
const crls = (await pki.crls()).map((c) => c.der);

function show(title: string, r: CertificateValidationReport): void {
  console.log(`  ${title}: ${r.indication}${r.subIndication ? ` / ${r.subIndication}` : ''}`);
  console.log(`    vi: ${r.message.vi}`);
}

for (const leaf of [pki.neac.person, pki.neac.organization, pki.bcy.person, pki.bcy.organization] as TestCertificate[]) {
  const cert = parseCertificate(leaf.pem);
  const { uids, hierarchy, mst, mstBranch, cccd, cmnd, mns } = cert.vn;
  console.log(`\n# ${leaf.label}`);
  console.log(`  subject:  ${cert.subject.text}`);
  console.log(`  issuer:   ${cert.issuer.text}`);
  console.log(`  serial:   ${cert.serialNumber}`);
  console.log(`  UIDs:     ${uids.join(', ')}`);
  console.log(`  parsed:   ${JSON.stringify({ mst, mstBranch, cccd, cmnd, mns, hierarchy })}`);
  const report = await validateCertificatePath({
    certificate: leaf.der,
    intermediates: pki.intermediates.map((c) => c.der),
    trustStore: pki.trustStore(),
    crls,
    at: pki.now,
    keyUsage: ['nonRepudiation'],
  });
  show('chain', report);
  console.log(`    path: ${report.path.map((p) => p.subject).join('  →  ')}`);
}

console.log('\n# failure paths');
show('revoked (CRL)', await validateCertificatePath({
  certificate: pki.neac.revoked.der, intermediates: pki.intermediates.map((c) => c.der), trustStore: pki.trustStore(), crls, at: pki.now,
}));
const ocsp = await pki.ocspRespond({ certificate: pki.bcy.revoked });
show('revoked (OCSP, delegated responder)', await validateCertificatePath({
  certificate: pki.bcy.revoked.der, intermediates: [pki.bcy.ca.der], trustStore: pki.trustStore(),
  crls: [(await pki.createCrl(pki.bcy.root)).der], ocspResponses: [ocsp], at: pki.now,
}));
const expired = await pki.issueCertificate({ defects: ['expired'] });
show('expired', await validateCertificatePath({
  certificate: expired.der, intermediates: pki.intermediates.map((c) => c.der), trustStore: pki.trustStore(),
  crls: (await pki.crls()).map((c) => c.der), at: pki.now,
}));

// An RFC 3161 time-stamp token by the test TSA (EKU timeStamping, critical), e.g. for a signature time-stamp.
const stamp = await pki.timestamp({ data: new TextEncoder().encode('Quyết định số 01/QĐ-UBND') });
console.log(`\n# time-stamp token: ${stamp.token.length} bytes, serial ${stamp.serialNumber}, genTime ${stamp.genTime.toISOString()}`);
