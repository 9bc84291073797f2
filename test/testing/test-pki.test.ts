/**
 * createTestPki through the library's own validator: chains of both hierarchies validate at `now`, each deliberate
 * defect gives its indication, revocation by CRL and OCSP (CA-signed and delegated) is reported, identifiers are read.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isVnEgovError } from '../../src/errors/index.js';
import {
  parseCertificate, parseCrl, validateCertificatePath, type CertificatePathValidationOptions, type CertificateValidationReport,
} from '../../src/signature/index.js';
import {
  createCrl, createOcspResponse, createTestPki, issueCertificate, readOcspRequest, TEST_CERTIFICATE_DEFECTS,
  type TestCertificate, type TestCertificateDefect, type TestPki,
} from '../../src/testing/index.js';

const NOW = '2026-03-01T02:00:00Z';
/** ECDSA everywhere: fast key generation for the PKIs whose key type is not the point of the test. */
const FAST = { keyAlgorithm: 'ECDSA-P256', caKeyAlgorithm: 'ECDSA-P256' } as const;
let pki: TestPki;
let crls: Uint8Array[];

beforeAll(async () => {
  pki = await createTestPki({ seed: 'test-pki', now: NOW });
  crls = (await pki.crls()).map((c) => c.der);
});

function validate(cert: TestCertificate, extra: Partial<CertificatePathValidationOptions> = {}): Promise<CertificateValidationReport> {
  return validateCertificatePath({
    certificate: cert.pem,
    intermediates: pki.intermediates.map((c) => c.der),
    trustStore: pki.trustStore(),
    crls,
    at: pki.now,
    ...extra,
  });
}

describe('createTestPki: chains validate with validateCertificatePath', () => {
  it('validates every default leaf of both hierarchies to TOTAL_PASSED with revocation checked by CRL', async () => {
    for (const h of [pki.neac, pki.bcy]) {
      for (const leaf of [h.person, h.organization, h.ocspResponder]) {
        const r = await validate(leaf, { keyUsage: ['digitalSignature'] });
        expect(r.indication, `${leaf.label}: ${r.subIndication} ${r.message.en}`).toBe('TOTAL_PASSED');
        expect(r.path.map((p) => p.sha256)).toEqual([h.root, h.ca, leaf].map((c) => parseCertificate(c.der).fingerprints.sha256));
        expect(r.path[0]?.trustAnchorId).toBe(`test-${h.kind}-root`);
        expect(r.revocation.map((x) => [x.status, x.source])).toEqual([['good', 'CRL'], ['good', 'CRL']]);
      }
    }
  });

  it('accepts the person leaves for non-repudiation and reports their certificate policy', async () => {
    const r = await validate(pki.neac.person, { keyUsage: ['nonRepudiation'], extendedKeyUsage: ['1.3.6.1.5.5.7.3.2'] });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.validPolicies).toContain('2.999.704.1.1.1');
  });

  it('validates the TSA certificate (root → TSA) with a critical timeStamping EKU', async () => {
    const r = await validate(pki.tsa, { extendedKeyUsage: ['1.3.6.1.5.5.7.3.8'] });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.path).toHaveLength(2);
    const eku = parseCertificate(pki.tsa.der).extensions.extendedKeyUsage;
    expect(eku).toEqual({ critical: true, purposes: ['1.3.6.1.5.5.7.3.8'] });
  });

  it('trusts nothing but the two test roots', async () => {
    const store = pki.trustStore();
    expect(store.anchors.map((a) => a.id)).toEqual(['test-neac-root', 'test-bcy-root']);
    expect(store.intermediates).toHaveLength(0);
    expect(store.anchors.map((a) => a.certificate.fingerprints.sha256)).toEqual(pki.roots.map((r) => parseCertificate(r.der).fingerprints.sha256));
    // another PKI's leaf does not chain to these roots even with its own CA offered
    const other = await createTestPki({ seed: 'other', now: NOW, ...FAST });
    const r = await validate(other.neac.person, { intermediates: other.intermediates.map((c) => c.der) });
    expect(r.indication).toBe('INDETERMINATE');
    expect(['NO_CERTIFICATE_CHAIN_FOUND', 'CERTIFICATE_CHAIN_GENERAL_FAILURE']).toContain(r.subIndication);
  });

  it('fails revocation without CRLs or OCSP (nothing is implied)', async () => {
    const r = await validate(pki.neac.person, { crls: [] });
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('TRY_LATER');
  });
});

describe('createTestPki: Vietnamese profiles', () => {
  it('writes UTF8String Vietnamese names and UIDs that extractVnIdentifiers reads', () => {
    const person = parseCertificate(pki.neac.person.pem);
    expect(person.subject.attributes['CN']).toEqual(['Nguyễn Văn A']);
    expect(person.vn).toMatchObject({ cccd: '001234567890', uids: ['CCCD:001234567890'], other: [] });
    const org = parseCertificate(pki.neac.organization.der);
    expect(org.vn).toMatchObject({ mst: '0101234567', uids: ['MST:0101234567'] });
    expect(org.vn.mstBranch).toBeUndefined();
    const official = parseCertificate(pki.bcy.person.der);
    expect(official.vn).toMatchObject({ cccd: '001185012345', mst: '0109876543', hierarchy: 'bcy-government' });
    const agency = parseCertificate(pki.bcy.organization.der);
    expect(agency.vn).toMatchObject({ mst: '0109876543', mns: '1234567', hierarchy: 'bcy-government' });
    const legacy = parseCertificate(pki.bcy.revoked.der);
    expect(legacy.vn.cmnd).toBe('201234567');
    // UTF8String (tag 0x0C) for the CN, PrintableString (0x13) for C
    const cnValue = new TextEncoder().encode('Nguyễn Văn A');
    const der = pki.neac.person.der;
    const idx = indexOf(der, cnValue);
    expect(idx).toBeGreaterThan(0);
    expect(der[idx - 2]).toBe(0x0c);
  });

  it('names the hierarchies like the real ones (issuer names per signatures.md §1.1)', () => {
    const root = parseCertificate(pki.bcy.root.der);
    expect(root.subject.attributes['CN']).toEqual(['Test RootCA chuyên dùng Chính phủ G2']);
    expect(parseCertificate(pki.bcy.ca.der).subject.attributes['CN']).toEqual(['Test CA phục vụ các cơ quan Nhà nước G2']);
    expect(parseCertificate(pki.neac.root.der).subject.attributes['CN']).toEqual(['Test Vietnam National Root CA']);
    expect(parseCertificate(pki.neac.ca.der).subject.attributes['CN']).toEqual(['Test VNPT-CA']);
    // the name-based hierarchy guess knows only the real CA names: the NEAC-like test names are 'unknown' …
    expect(parseCertificate(pki.neac.person.der).vn.hierarchy).toBe('unknown');
  });

  it('… unless the NEAC-like CA is given a real licensed-CA name', async () => {
    const named = await createTestPki({ seed: 'named', now: NOW, ...FAST, names: { neacCa: { C: 'VN', O: 'Test', CN: 'VNPT-CA SHA2' } }, organizationBranch: '199' });
    const leaf = parseCertificate(named.neac.organization.der);
    expect(leaf.vn.hierarchy).toBe('neac-public');
    expect(leaf.vn).toMatchObject({ mst: '0101234567', mstBranch: '199' });
  });

  it('has the extensions of the profiles: BC, KU, EKU, SKI/AKI, CRL DP, AIA, policies', () => {
    const ca = parseCertificate(pki.neac.ca.der).extensions;
    expect(ca.basicConstraints).toMatchObject({ critical: true, ca: true, pathLength: 0 });
    expect(ca.keyUsage?.usages).toEqual(expect.arrayContaining(['keyCertSign', 'cRLSign']));
    const root = parseCertificate(pki.neac.root.der).extensions;
    expect(root.basicConstraints).toMatchObject({ ca: true });
    expect(root.basicConstraints?.pathLength).toBeUndefined();
    const leaf = parseCertificate(pki.neac.person.der);
    const e = leaf.extensions;
    expect(e.basicConstraints?.ca).toBe(false);
    expect(e.keyUsage).toEqual({ critical: true, usages: ['digitalSignature', 'nonRepudiation', 'keyEncipherment'] });
    expect(e.extendedKeyUsage?.purposes).toEqual(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.4']);
    expect(e.authorityKeyIdentifier?.keyIdentifier).toBe(ca.subjectKeyIdentifier?.keyIdentifier);
    expect(e.subjectKeyIdentifier?.keyIdentifier).toMatch(/^[0-9A-F]{40}$/);
    expect(e.crlDistributionPoints?.points.flatMap((p) => p.fullName ?? []).map((n) => n.value)).toEqual(['http://crl.vn-egov.test/neac-ca.crl']);
    expect(e.authorityInfoAccess?.ocsp).toEqual(['http://ocsp.vn-egov.test/neac-ca']);
    expect(e.authorityInfoAccess?.caIssuers).toEqual(['http://ca.vn-egov.test/neac-ca.crt']);
    expect(e.certificatePolicies?.policies.map((p) => p.oid)).toEqual(['2.999.704.1.1.1']);
    expect(leaf.publicKey).toMatchObject({ algorithm: 'RSA', keySize: 2048 });
    expect(leaf.signatureAlgorithm.name).toBe('sha256WithRSAEncryption');
    const responder = parseCertificate(pki.neac.ocspResponder.der).extensions;
    expect(responder.extendedKeyUsage?.purposes).toEqual(['1.3.6.1.5.5.7.3.9']);
    expect(responder.list.map((x) => x.oid)).toContain('1.3.6.1.5.5.7.48.1.5');
  });

  it('dates everything from `now` and derives serials from the seed', async () => {
    const leaf = parseCertificate(pki.neac.person.der);
    expect(leaf.validity.notBefore).toBe('2026-01-30T02:00:00.000Z');
    expect(leaf.validity.notAfter).toBe('2028-02-29T02:00:00.000Z');
    const again = await createTestPki({ seed: 'test-pki', now: NOW, ...FAST }); // serials do not depend on the key type
    expect(again.certificates().map((c) => c.serialNumber)).toEqual(pki.certificates().slice(0, again.certificates().length).map((c) => c.serialNumber));
    const other = await createTestPki({ seed: 'another-seed', now: NOW, ...FAST });
    expect(other.neac.person.serialNumber).not.toBe(pki.neac.person.serialNumber);
    for (const c of pki.certificates()) {
      expect(parseCertificate(c.der).serialNumber).toBe(c.serialNumber);
      expect(c.serialNumber).toMatch(/^[0-7][0-9A-F]{31}$/);
    }
    expect(new Set(pki.certificates().map((c) => c.serialNumber)).size).toBe(pki.certificates().length);
  });

  it('issues ECDSA P-256 leaves on request, and they validate', async () => {
    const ec = await createTestPki({ seed: 'ec', now: NOW, keyAlgorithm: 'ECDSA-P256' });
    const leaf = parseCertificate(ec.neac.person.der);
    expect(leaf.publicKey).toMatchObject({ algorithm: 'EC', namedCurve: 'P-256' });
    expect(leaf.extensions.keyUsage?.usages).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(ec.neac.person.keys.privateKey.algorithm.name).toBe('ECDSA');
    const r = await validateCertificatePath({
      certificate: ec.bcy.organization.der, intermediates: ec.intermediates.map((c) => c.der), trustStore: ec.trustStore(),
      crls: (await ec.crls()).map((c) => c.der), at: ec.now,
    });
    expect(r.indication).toBe('TOTAL_PASSED');
    const ecCa = await createTestPki({ seed: 'ec-ca', now: NOW, caKeyAlgorithm: 'ECDSA-P256', keyAlgorithm: 'ECDSA-P256' });
    expect(parseCertificate(ecCa.neac.person.der).signatureAlgorithm.name).toBe('ecdsa-with-SHA256');
    const r2 = await validateCertificatePath({
      certificate: ecCa.neac.person.der, intermediates: ecCa.intermediates.map((c) => c.der), trustStore: ecCa.trustStore(),
      crls: (await ecCa.crls()).map((c) => c.der), at: ecCa.now,
    });
    expect(r2.indication).toBe('TOTAL_PASSED');
  });
});

describe('deliberately defective certificates', () => {
  const expected: Record<TestCertificateDefect, [string, string, string]> = {
    'expired': ['TOTAL_FAILED', 'EXPIRED', 'VALIDITY'],
    'not-yet-valid': ['TOTAL_FAILED', 'NOT_YET_VALID', 'VALIDITY'],
    'wrong-key-usage': ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'LEAF_KEY_USAGE'],
    'ca-false-issuer': ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'BASIC_CONSTRAINTS'],
    'unknown-critical-extension': ['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'CRITICAL_EXTENSIONS'],
    'sha1': ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', 'CRYPTO_CONSTRAINTS'],
    'weak-key': ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', 'CRYPTO_CONSTRAINTS'],
  };

  it('covers every defect in the table', () => {
    expect(Object.keys(expected).sort()).toEqual([...TEST_CERTIFICATE_DEFECTS].sort());
  });

  for (const defect of TEST_CERTIFICATE_DEFECTS) {
    it(`${defect} → ${expected[defect].slice(0, 2).join(' / ')}`, async () => {
      for (const hierarchy of ['neac', 'bcy'] as const) {
        const cert = await pki.issueCertificate({ defects: [defect], hierarchy });
        const h = pki[hierarchy];
        const r = await validate(cert, {
          intermediates: [h.ca.der, h.person.der],
          crls: (await pki.crls()).map((c) => c.der),
          keyUsage: ['nonRepudiation'],
        });
        const [indication, sub, check] = expected[defect];
        expect(r.indication, `${hierarchy} ${defect}: ${r.message.en}`).toBe(indication);
        expect(r.subIndication).toBe(sub);
        expect(r.checks.find((c) => c.status === 'FAILED')?.id).toBe(check);
      }
    });
  }

  it('a custom leaf without defects passes, and overrides are honoured', async () => {
    const cert = await pki.issueCertificate({ hierarchy: 'bcy', profile: 'organization', subject: { C: 'VN', CN: 'Sở Tư pháp tỉnh Thử', UID: ['MST:0109999999-002'] } });
    const p = parseCertificate(cert.der);
    expect(p.vn).toMatchObject({ mst: '0109999999', mstBranch: '002', hierarchy: 'bcy-government' });
    expect((await validate(cert, { crls: (await pki.crls()).map((c) => c.der) })).indication).toBe('TOTAL_PASSED');
  });

  it('issueCertificate makes self-signed certificates with exactly the requested extensions', async () => {
    const self = await issueCertificate({ subject: { CN: 'Tự ký' }, notBefore: NOW, notAfter: '2027-01-01T00:00:00Z', serialNumber: '01', subjectKeyIdentifier: false, authorityKeyIdentifier: false });
    const p = parseCertificate(self.der);
    expect(p.selfIssued).toBe(true);
    expect(p.serialNumber).toBe('01');
    expect(p.extensions.list).toEqual([]);
    expect(p.validity.notAfter).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('revocation: CRLs and the OCSP responder', () => {
  it('lists the revoked serials with reasons and dates in the CA CRL', async () => {
    const crl = parseCrl((await pki.createCrl(pki.neac.ca)).der);
    expect(crl.entries).toEqual([expect.objectContaining({ serialNumber: pki.neac.revoked.serialNumber, reason: 'keyCompromise', revocationDate: '2026-02-27T02:00:00.000Z' })]);
    expect(crl.crlNumber).toBe('1');
    expect(crl.thisUpdate).toBe('2026-03-01T01:00:00.000Z');
    expect(crl.nextUpdate).toBe('2026-03-08T02:00:00.000Z');
    expect(crl.issuer.attributes['CN']).toEqual(['Test VNPT-CA']);
    const rootCrl = parseCrl((await pki.createCrl(pki.neac.root)).der);
    expect(rootCrl.entries).toEqual([]);
  });

  it('reports the revoked leaf REVOKED from the CRL', async () => {
    for (const h of [pki.neac, pki.bcy]) {
      const r = await validate(h.revoked);
      expect(r.indication).toBe('TOTAL_FAILED');
      expect(r.subIndication).toBe('REVOKED');
      expect(r.revocation[1]).toMatchObject({ status: 'revoked', source: 'CRL', reason: 'keyCompromise' });
    }
  });

  it('createCrl writes several entries with reasons and invalidity dates', async () => {
    const crl = await createCrl({
      issuer: pki.bcy.ca, thisUpdate: NOW, nextUpdate: '2026-03-02T00:00:00Z', crlNumber: 42n,
      revoked: [
        { serialNumber: pki.bcy.person.serialNumber, revocationDate: '2026-02-20T00:00:00Z', reason: 'affiliationChanged' },
        { serialNumber: '0A0B', revocationDate: '2026-02-21T00:00:00Z', reason: 'superseded', invalidityDate: '2026-02-19T00:00:00Z' },
        { serialNumber: 'FF', revocationDate: '2026-02-22T00:00:00Z' },
      ],
    });
    const p = parseCrl(crl.pem);
    expect(p.crlNumber).toBe('42');
    expect(p.entries.map((e) => [e.serialNumber, e.reason, e.invalidityDate])).toEqual([
      [pki.bcy.person.serialNumber, 'affiliationChanged', undefined],
      ['0A0B', 'superseded', '2026-02-19T00:00:00.000Z'],
      ['00FF', undefined, undefined],
    ]);
    const r = await validate(pki.bcy.person, { crls: [crl.der, ...crls] });
    expect(r.subIndication).toBe('REVOKED');
    expect(r.revocation[1]?.reason).toBe('affiliationChanged');
  });

  it('pki.revoke shows up in later CRLs and OCSP answers', async () => {
    const local = await createTestPki({ seed: 'revoke', now: NOW, ...FAST });
    const leaf = await local.issueCertificate({ hierarchy: 'bcy' });
    local.revoke(leaf, { reason: 'cessationOfOperation', date: '2026-02-28T00:00:00Z' });
    expect(local.revocations(local.bcy.ca).map((r) => r.serialNumber)).toContain(leaf.serialNumber);
    const crl = parseCrl((await local.createCrl(local.bcy.ca)).der);
    expect(crl.entries.find((e) => e.serialNumber === leaf.serialNumber)?.reason).toBe('cessationOfOperation');
    const ocsp = await local.ocspRespond({ serialNumber: leaf.serialNumber });
    const r = await validateCertificatePath({
      certificate: leaf.der, intermediates: local.intermediates.map((c) => c.der), trustStore: local.trustStore(),
      crls: [(await local.createCrl(local.bcy.root)).der], ocspResponses: [ocsp], at: local.now,
    });
    expect(r.subIndication).toBe('REVOKED');
    expect(r.revocation[1]).toMatchObject({ source: 'OCSP', reason: 'cessationOfOperation' });
  });

  it('answers OCSP good / revoked / unknown, signed by the delegated responder or by the CA', async () => {
    const rootCrl = (await pki.createCrl(pki.neac.root)).der;
    for (const signer of ['delegated', 'ca'] as const) {
      const good = await pki.ocspRespond({ certificate: pki.neac.person }, { signer });
      const rGood = await validate(pki.neac.person, { crls: [rootCrl], ocspResponses: [good] });
      expect(rGood.indication, signer).toBe('TOTAL_PASSED');
      expect(rGood.revocation[1]).toMatchObject({ status: 'good', source: 'OCSP' });
      const revoked = await pki.ocspRespond({ certificate: pki.neac.revoked }, { signer });
      const rRevoked = await validate(pki.neac.revoked, { crls: [rootCrl], ocspResponses: [revoked] });
      expect(rRevoked.indication).toBe('TOTAL_FAILED');
      expect(rRevoked.subIndication).toBe('REVOKED');
      expect(rRevoked.revocation[1]).toMatchObject({ status: 'revoked', source: 'OCSP', reason: 'keyCompromise', revocationDate: '2026-02-27T02:00:00.000Z' });
    }
    const unknown = await pki.ocspRespond({ serialNumber: '7A7A7A', issuer: pki.neac.ca });
    const info = readBasic(unknown);
    expect(info.statuses).toEqual([2]);
    const forced = await pki.ocspRespond({ certificate: pki.neac.person }, { status: 'unknown' });
    const rUnknown = await validate(pki.neac.person, { crls: [rootCrl], ocspResponses: [forced] });
    expect(rUnknown.indication).toBe('INDETERMINATE');
    expect(rUnknown.subIndication).toBe('TRY_LATER');
  });

  it('puts the delegated responder certificate in the response and signs it verifiably (pkijs)', async () => {
    const der = await pki.ocspRespond({ certificate: pki.bcy.person });
    const basic = readBasic(der);
    expect(basic.certs).toHaveLength(1);
    expect(basic.certs[0]).toEqual(pki.bcy.ocspResponder.der);
    // the signature over tbsResponseData verifies with the responder's key (WebCrypto, independent of our validator)
    const tbs = new Uint8Array(basic.response.tbsResponseData.toSchema(true).toBER(false));
    const signature = basic.response.signature.valueBlock.valueHexView.slice();
    const key = pki.bcy.ocspResponder.keys.publicKey;
    expect(await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, signature, tbs)).toBe(true);
    expect(await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, signature, tbs.map((b, i) => (i === 20 ? b ^ 1 : b)))).toBe(false);
  });

  it('answers a DER OCSP request and echoes its nonce', async () => {
    const request = await ocspRequest(pki.bcy.ca, [pki.bcy.person, pki.bcy.revoked], new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const info = readOcspRequest(request);
    expect(info.requests.map((r) => r.serialNumber)).toEqual([pki.bcy.person.serialNumber, pki.bcy.revoked.serialNumber]);
    expect(info.nonce).toEqual(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const der = await pki.ocspRespond(request);
    expect(readBasic(der).statuses).toEqual([0, 1]);
    const rootCrl = (await pki.createCrl(pki.bcy.root)).der;
    const r = await validate(pki.bcy.person, { crls: [rootCrl], ocspResponses: [{ der, nonce: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) }] });
    expect(r.indication).toBe('TOTAL_PASSED');
    const wrongNonce = await validate(pki.bcy.person, { crls: [rootCrl], ocspResponses: [{ der, nonce: new Uint8Array([9]) }] });
    expect(wrongNonce.indication).toBe('INDETERMINATE');
    // a request about another PKI's CA → unauthorized (6)
    const other = await createTestPki({ seed: 'other-ocsp', now: NOW, ...FAST });
    const foreign = await pki.ocspRespond(await ocspRequest(other.neac.ca, [other.neac.person]));
    expect(pkijs.OCSPResponse.fromBER(foreign.slice().buffer).responseStatus.valueBlock.valueDec).toBe(6);
  });

  it('answers SHA-256 CertIDs with SHA-256 CertIDs', async () => {
    const request = await ocspRequest(pki.neac.ca, [pki.neac.revoked], undefined, 'SHA-256');
    expect(readOcspRequest(request).requests[0]?.hashAlgorithm).toBe('SHA-256');
    const der = await pki.ocspRespond(request);
    const basic = readBasic(der);
    expect(basic.statuses).toEqual([1]);
    expect(basic.response.tbsResponseData.responses[0]!.certID.hashAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    const r = await validate(pki.neac.revoked, { crls: [(await pki.createCrl(pki.neac.root)).der], ocspResponses: [der] });
    expect(r.subIndication).toBe('REVOKED');
  });

  it('createOcspResponse rejects a revoked answer without a date', async () => {
    await expect(createOcspResponse({ issuer: pki.neac.ca, producedAt: NOW, answers: [{ serialNumber: '01', status: 'revoked' }] }))
      .rejects.toSatisfy((e: unknown) => isVnEgovError(e, 'INVALID_OCSP_REQUEST'));
  });
});

describe('RFC 3161 time-stamp tokens', () => {
  it('signs a TSTInfo over the data at now, verifiable by pkijs against the NEAC-like root', async () => {
    const data = new TextEncoder().encode('Quyết định số 01/QĐ-UBND');
    const t = await pki.timestamp({ data });
    expect(t.genTime.toISOString()).toBe('2026-03-01T02:00:00.000Z');
    const ci = pkijs.ContentInfo.fromBER(t.token.slice().buffer);
    expect(ci.contentType).toBe('1.2.840.113549.1.7.2');
    const sd = new pkijs.SignedData({ schema: ci.content });
    expect(sd.encapContentInfo.eContentType).toBe('1.2.840.113549.1.9.16.1.4');
    const tst = pkijs.TSTInfo.fromBER(sd.encapContentInfo.eContent!.getValue());
    expect(tst.genTime.toISOString()).toBe('2026-03-01T02:00:00.000Z');
    expect(tst.policy).toBe('2.999.704.1.1.3');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    expect(new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView)).toEqual(digest);
    expect(await tst.verify({ data: data.slice().buffer })).toBe(true);
    const v = await sd.verify({ signer: 0, data: data.slice().buffer, trustedCerts: [pkijs.Certificate.fromBER(pki.neac.root.der.slice().buffer)], checkChain: true, checkDate: pki.now, extendedMode: true });
    expect(v.signatureVerified).toBe(true);
    expect(new Uint8Array(v.signerCertificate!.toSchema().toBER(false))).toEqual(pki.tsa.der);
    expect(sd.signerInfos[0]!.signedAttrs!.attributes.map((a) => a.type).sort()).toEqual(['1.2.840.113549.1.9.16.2.47', '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4']);
    // serials of successive tokens differ and are seeded
    const t2 = await pki.timestamp({ data }, { at: '2026-03-02T00:00:00Z' });
    expect(t2.serialNumber).not.toBe(t.serialNumber);
    expect(t2.genTime.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('answers a TimeStampReq with its nonce and without the certificate unless asked', async () => {
    const data = new Uint8Array([1, 2, 3]);
    const req = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: await pkijs.MessageImprint.create('SHA-256', data),
      nonce: new asn1js.Integer({ value: 123456789 }),
      certReq: false,
    });
    const t = await pki.timestamp({ request: new Uint8Array(req.toSchema().toBER(false)) });
    const sd = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(t.token.slice().buffer).content });
    expect(sd.certificates ?? []).toHaveLength(0);
    const tst = pkijs.TSTInfo.fromBER(sd.encapContentInfo.eContent!.getValue());
    expect(tst.nonce?.toBigInt()).toBe(123456789n);
    const resp = pkijs.TimeStampResp.fromBER(t.response.slice().buffer);
    expect(resp.status.status).toBe(0);
  });

  it('rejects a timestamp request without data', async () => {
    await expect(pki.timestamp({} as never)).rejects.toSatisfy((e: unknown) => isVnEgovError(e, 'INVALID_TIMESTAMP_REQUEST'));
    await expect(pki.timestamp({ request: new Uint8Array([1, 2]) })).rejects.toSatisfy((e: unknown) => isVnEgovError(e, 'INVALID_TIMESTAMP_REQUEST'));
  });
});

describe('bad input throws VnEgovError with stable codes', () => {
  it.each([
    ['bad now', () => createTestPki({ now: 'not a date' }), 'INVALID_TEST_PKI_OPTIONS'],
    ['bad key algorithm', () => createTestPki({ keyAlgorithm: 'DSA-1024' as never }), 'INVALID_TEST_PKI_OPTIONS'],
    ['bad branch', () => createTestPki({ organizationBranch: '12' }), 'INVALID_TEST_PKI_OPTIONS'],
    ['bad domain', () => createTestPki({ domain: 'no domain' }), 'INVALID_TEST_PKI_OPTIONS'],
    ['notAfter before notBefore', () => issueCertificate({ subject: { CN: 'x' }, notBefore: '2027-01-01T00:00:00Z', notAfter: '2026-01-01T00:00:00Z' }), 'INVALID_CERTIFICATE_REQUEST'],
    ['empty subject', () => issueCertificate({ subject: {}, notBefore: NOW, notAfter: NOW }), 'INVALID_CERTIFICATE_REQUEST'],
    ['zero serial', () => issueCertificate({ subject: { CN: 'x' }, notBefore: NOW, notAfter: NOW, serialNumber: '00' }), 'INVALID_CERTIFICATE_REQUEST'],
    ['non-printable country', () => issueCertificate({ subject: { C: 'Việt Nam' }, notBefore: NOW, notAfter: NOW }), 'INVALID_CERTIFICATE_REQUEST'],
    ['unknown key usage', () => issueCertificate({ subject: { CN: 'x' }, notBefore: NOW, notAfter: NOW, keyUsage: ['signEverything' as never] }), 'INVALID_CERTIFICATE_REQUEST'],
    ['unknown defect', () => pki.issueCertificate({ defects: ['broken' as never] }), 'INVALID_CERTIFICATE_REQUEST'],
    ['nextUpdate before thisUpdate', () => createCrl({ issuer: pki.neac.ca, thisUpdate: NOW, nextUpdate: '2020-01-01T00:00:00Z' }), 'INVALID_CRL_REQUEST'],
    ['bad CRL serial', () => createCrl({ issuer: pki.neac.ca, thisUpdate: NOW, revoked: [{ serialNumber: 'xyz', revocationDate: NOW }] }), 'INVALID_CRL_REQUEST'],
    ['malformed OCSP request', () => pki.ocspRespond(new Uint8Array([1, 2, 3])), 'INVALID_OCSP_REQUEST'],
    ['non-hex OCSP serial', () => pki.ocspRespond({ serialNumber: 'not hex' }), 'INVALID_OCSP_REQUEST'],
  ] as const)('%s', async (_label, f, code) => {
    await expect((async () => f())()).rejects.toSatisfy((e: unknown) => isVnEgovError(e, code));
  });

  it('revoke() of a serial this PKI never issued throws', () => {
    expect(() => pki.revoke('0102030405')).toThrow(expect.objectContaining({ code: 'INVALID_CRL_REQUEST' }));
  });
});

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function readBasic(der: Uint8Array): { response: pkijs.BasicOCSPResponse; statuses: number[]; certs: Uint8Array[] } {
  const resp = pkijs.OCSPResponse.fromBER(der.slice().buffer);
  expect(resp.responseStatus.valueBlock.valueDec).toBe(0);
  const basic = pkijs.BasicOCSPResponse.fromBER(resp.responseBytes!.response.valueBlock.valueHexView.slice().buffer);
  return {
    response: basic,
    statuses: basic.tbsResponseData.responses.map((r) => (r.certStatus as asn1js.BaseBlock).idBlock.tagNumber),
    certs: (basic.certs ?? []).map((c) => new Uint8Array(c.toSchema().toBER(false))),
  };
}

async function ocspRequest(issuer: TestCertificate, certs: TestCertificate[], nonce?: Uint8Array, hashAlgorithm: 'SHA-1' | 'SHA-256' = 'SHA-1'): Promise<Uint8Array> {
  const req = new pkijs.OCSPRequest();
  const issuerCert = pkijs.Certificate.fromBER(issuer.der.slice().buffer);
  for (const c of certs) {
    const certID = new pkijs.CertID();
    await certID.createForCertificate(pkijs.Certificate.fromBER(c.der.slice().buffer), { hashAlgorithm, issuerCertificate: issuerCert });
    req.tbsRequest.requestList.push(new pkijs.Request({ reqCert: certID }));
  }
  if (nonce) {
    req.tbsRequest.requestExtensions = [new pkijs.Extension({
      extnID: '1.3.6.1.5.5.7.48.1.2', critical: false, extnValue: new asn1js.OctetString({ valueHex: nonce.slice().buffer }).toBER(false),
    })];
  }
  return new Uint8Array(req.toSchema(true).toBER(false));
}
