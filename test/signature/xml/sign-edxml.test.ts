import { beforeAll, describe, expect, it } from 'vitest';
import { signEdxml, verifyXmlSignature, XMLDSIG_ALGORITHMS, type XmlSignatureVerificationOptions } from '../../../src/signature/index.js';
import { createTestPki, type TestPki, type TestCertificate } from '../../../src/testing/index.js';
import { isVnEgovError } from '../../../src/errors/index.js';
import { hasXmlsec1, pemFile, text, xmlsecVerify } from './helpers.js';

const now = new Date();
let pki: TestPki;
let ecPki: TestPki;
let verifyOptions: (p: TestPki) => Promise<XmlSignatureVerificationOptions>;
/** The edoc sample without its legacy Signature block. */
const unsignedEdoc = text('samples/edoc_new.edxml').replace(/\s*<Signature>[\s\S]*<\/Signature>/, '');
const status = text('samples/status.edxml');

beforeAll(async () => {
  pki = await createTestPki({ now, seed: 'xml-sign' });
  ecPki = await createTestPki({ now, seed: 'xml-sign-ec', keyAlgorithm: 'ECDSA-P384' });
  verifyOptions = async (p) => ({ trustStore: p.trustStore(), at: now, crls: (await p.crls()).map((c) => c.der), intermediates: p.intermediates.map((c) => c.pem) });
}, 60_000);

async function pssKey(c: TestCertificate): Promise<CryptoKey> {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', c.keys.privateKey);
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
}

function xmlsecOk(xml: string, p: TestPki, signer: TestCertificate): boolean {
  const ca = p.intermediates.find((i) => i.subject.CN === signer.issuer.CN)!;
  const root = p.roots.find((r) => r.subject.CN === ca.issuer.CN)!;
  return xmlsecVerify(xml, [], [pemFile(root.pem)], [pemFile(ca.pem)], now);
}

describe('signEdxml', () => {
  const cases = [
    ['RSA, inclusive C14N, edoc', () => pki.neac.person, {}, unsignedEdoc, XMLDSIG_ALGORITHMS.rsaSha256],
    ['RSA, exclusive C14N, SHA-512 digest, status', () => pki.bcy.organization, { canonicalization: 'exc-c14n', hash: 'SHA-512' }, status, XMLDSIG_ALGORITHMS.rsaSha256],
    ['ECDSA P-384, SHA-384, edoc', () => ecPki.bcy.person, { hash: 'SHA-384' }, unsignedEdoc, XMLDSIG_ALGORITHMS.ecdsaSha384],
    ['ECDSA P-384, exclusive C14N, status', () => ecPki.neac.organization, { canonicalization: 'exc-c14n' }, status, XMLDSIG_ALGORITHMS.ecdsaSha256],
  ] as const;
  it.each(cases)('%s: verifies with verifyXmlSignature', async (_n, who, extra, doc, sigUri) => {
    const signer = who();
    const p = signer.keyAlgorithm.startsWith('ECDSA') ? ecPki : pki;
    const signed = await signEdxml(doc, { key: signer.keys.privateKey, certificate: signer.pem, chain: p.intermediates.map((c) => c.pem), ...extra });
    const r = await verifyXmlSignature(signed, await verifyOptions(p));
    expect(r.indication, JSON.stringify(r.checks)).toBe('TOTAL_PASSED');
    expect(r.signatureMethod).toBe(sigUri);
    expect(r.signer?.sha256).toBeDefined();
    expect(r.findings.map((f) => f.code)).not.toContain('XML_SIGNATURE_POSITION');
    if (doc.includes('edXMLHeader')) expect(signed).toMatch(/<\/ds:Signature><\/edXML:edXMLHeader>/);
  });
  it.skipIf(!hasXmlsec1).each(cases)('%s: verifies with xmlsec1 --verify', async (_n, who, extra, doc) => {
    const signer = who();
    const p = signer.keyAlgorithm.startsWith('ECDSA') ? ecPki : pki;
    const signed = await signEdxml(doc, { key: signer.keys.privateKey, certificate: signer.pem, ...extra });
    expect(xmlsecOk(signed, p, signer)).toBe(true);
    expect(xmlsecOk(signed.replace('UBND', 'UBNN'), p, signer)).toBe(false);
  });
  it('RSA-PSS (RFC 6931 sha256-rsa-MGF1) verifies with verifyXmlSignature', async () => {
    const signer = pki.neac.person;
    const signed = await signEdxml(status, { key: await pssKey(signer), certificate: signer.pem });
    expect(signed).toContain(XMLDSIG_ALGORITHMS.rsaPssSha256);
    expect((await verifyXmlSignature(signed, await verifyOptions(pki))).indication).toBe('TOTAL_PASSED');
  });
  it('without edXMLHeader the Signature is the last child of the root', async () => {
    const signer = pki.neac.organization;
    const signed = await signEdxml('<hoSo xmlns="urn:vn-egov:test"><ma>H01.01-250101-0001</ma></hoSo>', { key: signer.keys.privateKey, certificate: signer.pem });
    expect(signed).toMatch(/<\/ma><ds:Signature [\s\S]*<\/ds:Signature><\/hoSo>$/);
    const r = await verifyXmlSignature(signed, await verifyOptions(pki));
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(new TextDecoder().decode(r.signedXml)).toBe('<hoSo xmlns="urn:vn-egov:test"><ma>H01.01-250101-0001</ma></hoSo>');
    const self = await signEdxml('<r a="1"/>', { key: signer.keys.privateKey, certificate: signer.pem });
    expect((await verifyXmlSignature(self, await verifyOptions(pki))).indication).toBe('TOTAL_PASSED');
  });
  it('leaves every byte outside the inserted Signature as it was', async () => {
    const signer = pki.neac.person;
    const signed = await signEdxml(unsignedEdoc, { key: signer.keys.privateKey, certificate: signer.pem });
    const start = signed.indexOf('<ds:Signature');
    const end = signed.indexOf('</ds:Signature>') + '</ds:Signature>'.length;
    expect(unsignedEdoc).toContain('\r\n');
    expect(signed.slice(0, start) + signed.slice(end)).toBe(unsignedEdoc);
    const withBom = await signEdxml(`\uFEFF<r>\r\n<a/>\r</r>`, { key: signer.keys.privateKey, certificate: signer.pem });
    expect(withBom.startsWith('\uFEFF<r>\r\n<a/>\r<ds:Signature')).toBe(true);
    expect((await verifyXmlSignature(withBom, await verifyOptions(pki))).indication).toBe('TOTAL_PASSED');
    const selfClosing = await signEdxml('<r><edXML:edXMLHeader xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"/></r>', { key: signer.keys.privateKey, certificate: signer.pem });
    expect(selfClosing).toMatch(/^<r><edXML:edXMLHeader xmlns:edXML="[^"]+"><ds:Signature [\s\S]*<\/ds:Signature><\/edXML:edXMLHeader><\/r>$/);
    expect((await verifyXmlSignature(selfClosing, await verifyOptions(pki))).indication).toBe('TOTAL_PASSED');
  });
  it('a change after signing is a HASH_FAILURE', async () => {
    const signer = pki.bcy.person;
    const signed = await signEdxml(unsignedEdoc, { key: signer.keys.privateKey, certificate: signer.pem });
    const r = await verifyXmlSignature(signed.replace('<edXML:Priority>0</edXML:Priority>', '<edXML:Priority>3</edXML:Priority>'), await verifyOptions(pki));
    expect(r.subIndication).toBe('HASH_FAILURE');
  });
  it('refuses a document that is already signed, and unusable keys', async () => {
    const signer = pki.neac.person;
    const code = async (f: () => Promise<unknown>): Promise<string> => {
      try {
        await f();
        return 'NO_ERROR';
      } catch (e) {
        return isVnEgovError(e) ? e.code : 'OTHER';
      }
    };
    expect(await code(() => signEdxml(text('samples/edoc_new.edxml'), { key: signer.keys.privateKey, certificate: signer.pem }))).toBe('XML_SIGNATURE_ALREADY_SIGNED');
    expect(await code(() => signEdxml(status, { key: signer.keys.publicKey, certificate: signer.pem }))).toBe('XML_SIGNATURE_INVALID_OPTIONS');
    expect(await code(() => signEdxml(status, { key: signer.keys.privateKey, certificate: 'not a certificate' }))).toBe('XML_SIGNATURE_INVALID_OPTIONS');
    expect(await code(() => signEdxml('<!DOCTYPE x><x/>', { key: signer.keys.privateKey, certificate: signer.pem }))).toBe('XML_SIGNATURE_DTD_FORBIDDEN');
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect(await code(() => signEdxml(status, { key: hmac, certificate: signer.pem }))).toBe('XML_SIGNATURE_INVALID_OPTIONS');
  });
});
