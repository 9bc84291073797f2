import { describe, expect, it } from 'vitest';
import { createTrustStore, defineValidationPolicy, vietnameseEgovPolicy, verifyXmlSignature, type XmlSignatureReport } from '../../../src/signature/index.js';
import { isVnEgovError } from '../../../src/errors/index.js';
import { options, text, trustStore, at, crls } from './helpers.js';
import { mutations, resign } from './mutations.js';

const sha1Policy = defineValidationPolicy({
  ...vietnameseEgovPolicy,
  id: 'legacy-edxml-sha1',
  crypto: { ...vietnameseEgovPolicy.crypto, digests: [...vietnameseEgovPolicy.crypto.digests.filter((d) => d.digest !== 'SHA-1'), { digest: 'SHA-1', source: 'legacy edXML test policy' }] },
});

const codes = (r: XmlSignatureReport): string[] => r.findings.map((f) => f.code);

describe('verifyXmlSignature: genuine xmlsec1 fixtures', () => {
  it.each([
    ['envelope-rsa-c14n.xml', 'rsa-sha256', 'Nguyễn Thị Ngọc Trâm'],
    ['envelope-rsa-exc.xml', 'rsa-sha256', 'Nguyễn Thị Ngọc Trâm'],
    ['envelope-ecdsa-c14n.xml', 'ecdsa-sha256', 'UBND huyện Hòa Vang'],
    ['envelope-ecdsa-exc.xml', 'ecdsa-sha256', 'UBND huyện Hòa Vang'],
    ['envelope-rsa-sha512.xml', 'rsa-sha512', 'Nguyễn Thị Ngọc Trâm'],
    ['envelope-rsa-id.xml', 'rsa-sha256', 'Nguyễn Thị Ngọc Trâm'],
    ['envelope-rsa-comments.xml', 'rsa-sha256', 'Nguyễn Thị Ngọc Trâm'],
    ['envelope-tricky-c14n.xml', 'rsa-sha256', 'Nguyễn Thị Ngọc Trâm'],
    ['envelope-tricky-exc.xml', 'ecdsa-sha256', 'UBND huyện Hòa Vang'],
    ['envelope-exc-prefixlist.xml', 'rsa-sha256', 'Nguyễn Thị Ngọc Trâm'],
  ])('%s is TOTAL_PASSED (%s), signer %s', async (f, alg, cn) => {
    const r = await verifyXmlSignature(text(f), options);
    expect(r.indication, JSON.stringify(r.checks)).toBe('TOTAL_PASSED');
    expect(r.signatureMethod).toContain(alg);
    expect(r.signer?.commonName).toBe(cn);
    expect(r.legacy).toBe(false);
    expect(r.message.vi).toBe('Chữ ký số XML hợp lệ');
    expect(r.certificateReport?.indication).toBe('TOTAL_PASSED');
    expect(r.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['XML_STRUCTURE', 'XML_REFERENCE', 'XML_DIGEST', 'XML_CERTIFICATE_PATH', 'XML_SIGNATURE_VALUE']));
    expect(r.signedXml).toBeInstanceOf(Uint8Array);
  });
  it('accepts UTF-8 bytes (with a BOM) as well as text', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${text('envelope-ecdsa-exc.xml')}`);
    expect((await verifyXmlSignature(bytes, options)).indication).toBe('TOTAL_PASSED');
    expect((await verifyXmlSignature(bytes.buffer, options)).indication).toBe('TOTAL_PASSED');
  });
  it('reports the Vietnamese identifiers of the signer', async () => {
    const r = await verifyXmlSignature(text('envelope-rsa-c14n.xml'), options);
    expect(r.signer?.vn.mst).toMatch(/^0401234567/);
    expect(r.signer?.vn.cccd).toBe('048199001234');
  });
  it('signedXml is the canonical document without the Signature: business data is read from it', async () => {
    const r = await verifyXmlSignature(text('envelope-rsa-c14n.xml'), options);
    const signed = new TextDecoder().decode(r.signedXml);
    expect(signed).toContain('<edXML:Subject>V/v kết nối, liên thông phần mềm quản lý văn bản</edXML:Subject>');
    expect(signed).not.toContain('Signature');
    expect(signed.startsWith('<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">')).toBe(true);
  });
  it('a signer outside the trust store is INDETERMINATE and its key is not used', async () => {
    const r = await verifyXmlSignature(text('envelope-rogue.xml'), options);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(r.checks.find((c) => c.id === 'XML_SIGNATURE_VALUE')?.status).toBe('INFORMATION');
  });
  it('the validation time matters: long after the signer expired the path fails', async () => {
    const r = await verifyXmlSignature(text('envelope-rsa-c14n.xml'), { ...options, at: '2040-01-01T00:00:00Z' });
    expect(r.indication).not.toBe('TOTAL_PASSED');
    expect(r.certificateReport?.subIndication).toMatch(/EXPIRED|OUT_OF_BOUNDS/);
  });
  it('a caller-supplied certificate replaces KeyInfo (and is still path-validated)', async () => {
    const good = await verifyXmlSignature(text('envelope-rsa-c14n.xml'), { ...options, certificate: text('signer-rsa.pem') });
    expect(good.indication).toBe('TOTAL_PASSED');
    const wrong = await verifyXmlSignature(text('envelope-rsa-c14n.xml'), { ...options, certificate: text('signer-ec.pem') });
    expect(wrong.indication).toBe('TOTAL_FAILED');
    expect(wrong.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });
  it('without the intermediate, the chain is not found', async () => {
    const r = await verifyXmlSignature(text('envelope-rsa-c14n.xml'), { trustStore, at, crls });
    expect(r.indication).toBe('INDETERMINATE');
  });
});

describe('verifyXmlSignature: legacy edXML signatures', () => {
  const sample = (f: string): string => text(`samples/${f}`);
  it.each(['edoc_new.edxml', 'edoc_update.edxml', 'edoc_replacement.edxml', 'edoc_revocation.edxml'])('%s (edXML namespace, rsa-sha1) is never passed silently', async (f) => {
    const r = await verifyXmlSignature(sample(f), options);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('FORMAT_FAILURE');
    expect(r.legacy).toBe(true);
    expect(r.legacyMode).toBe(false);
    expect(codes(r)).toContain('XML_SIGNATURE_LEGACY_EDXML');
    expect(r.findings[0]!.message.vi).toMatch(/Chữ ký edXML kiểu cũ, không kiểm tra được/);
    expect(r.signatureMethod).toBe('http://www.w3.org/2000/09/xmldsig#rsa-sha1');
  });
  it.each(['edoc_new.edxml', 'edoc_update.edxml'])('%s with legacy: true is verified as far as possible (payload stripped: digest mismatch; truncated certificate)', async (f) => {
    const r = await verifyXmlSignature(sample(f), { ...options, legacy: true });
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.subIndication).toBe('HASH_FAILURE');
    expect(codes(r)).toEqual(expect.arrayContaining(['XML_SIGNATURE_LEGACY_EDXML', 'XML_SIGNATURE_LEGACY_ALGORITHM', 'XML_SIGNATURE_SHA1', 'XML_SIGNATURE_NO_CERTIFICATE']));
  });
  it('a genuine legacy-form signature: refused by default, INDETERMINATE (SHA-1 sunset) in legacy mode, passed with a policy accepting SHA-1', async () => {
    const xml = text('envelope-legacy-edxml.xml');
    expect((await verifyXmlSignature(xml, options)).indication).toBe('INDETERMINATE');
    const legacy = await verifyXmlSignature(xml, { ...options, legacy: true });
    expect(legacy.indication).toBe('INDETERMINATE');
    expect(legacy.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE');
    const accepted = await verifyXmlSignature(xml, { ...options, legacy: true, policy: sha1Policy });
    expect(accepted.indication, JSON.stringify(accepted.checks)).toBe('TOTAL_PASSED');
    expect(accepted.legacy).toBe(true);
    expect(codes(accepted)).toEqual(expect.arrayContaining(['XML_SIGNATURE_LEGACY_EDXML', 'XML_SIGNATURE_SHA1']));
    expect(accepted.checks.find((c) => c.id === 'XML_SIGNATURE_VALUE')?.message.en).toMatch(/namespace repair/);
  });
  it('rsa-sha1 in the xmldsig namespace needs legacy mode; the policy still decides on SHA-1', async () => {
    const xml = text('envelope-rsa-sha1.xml');
    expect((await verifyXmlSignature(xml, options)).findings.map((f) => f.code)).toContain('XML_SIGNATURE_ALGORITHM_UNSUPPORTED');
    expect((await verifyXmlSignature(xml, { ...options, legacy: true, policy: sha1Policy })).indication).toBe('TOTAL_PASSED');
  });
});

describe('verifyXmlSignature: tampering and wrapping (XSW) variants', () => {
  it.each(mutations.map((m) => [m.name, m] as const))('%s', async (_name, m) => {
    const r = await verifyXmlSignature(m.mutate(text(m.base)), options);
    expect(r.indication, JSON.stringify(r.checks.filter((c) => c.status === 'FAILED'))).toBe(m.expect.indication);
    if (m.expect.subIndication) expect(r.subIndication).toBe(m.expect.subIndication);
    if (m.expect.finding) expect(codes(r)).toContain(m.expect.finding);
  });
  it('a comment injected into signed text does not reach signedXml (read business data from it)', async () => {
    const xml = text('envelope-rsa-c14n.xml').replace('<edXML:Subject>V/v kết nối', '<edXML:Subject>V/v kết<!-- chèn --> nối');
    const r = await verifyXmlSignature(xml, options);
    expect(r.indication).toBe('TOTAL_PASSED');
    const signed = new TextDecoder().decode(r.signedXml);
    expect(signed).toContain('<edXML:Subject>V/v kết nối,');
    expect(signed).not.toContain('chèn');
  });
  it('a failed digest gives no signedXml', async () => {
    const r = await verifyXmlSignature(text('envelope-rsa-c14n.xml').replace('Hòa Tiến', 'Hòa Tiền'), options);
    expect(r.subIndication).toBe('HASH_FAILURE');
    expect(r.signedXml).toBeUndefined();
  });
});

describe('verifyXmlSignature: reference and key selection edge cases', () => {
  it.each([
    ["#x' or '1'='1"], ['#xpointer(/)'], ['#xpointer(id(\'edxml-root\'))'], ['http://example.com/doc.xml'], ['#'], ['#missing'],
  ])('Reference URI="%s" (re-signed) is refused as not the root', async (uri) => {
    const xml = resign(text('envelope-rsa-c14n.xml').replace('<ds:Reference URI="">', `<ds:Reference URI="${uri.replace(/'/g, '&apos;')}">`));
    const r = await verifyXmlSignature(xml, options);
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.findings.map((f) => f.code)).toContain('XML_SIGNATURE_REFERENCE_NOT_ROOT');
  });
  it('two end-entity certificates in KeyInfo are ambiguous: no key is picked', async () => {
    const ec = text('signer-ec.pem').replace(/-----[A-Z ]+-----|\s/g, '');
    const xml = text('envelope-rsa-c14n.xml').replace('</ds:X509Data>', `<ds:X509Certificate>${ec}</ds:X509Certificate></ds:X509Data>`);
    const r = await verifyXmlSignature(xml, options);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
  });
  it('a KeyInfo without a certificate gives NO_SIGNING_CERTIFICATE_FOUND, unless the caller supplies one', async () => {
    const xml = text('envelope-rsa-c14n.xml').replace(/<ds:KeyInfo>[\s\S]*<\/ds:KeyInfo>/, '');
    expect((await verifyXmlSignature(xml, options)).subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    expect((await verifyXmlSignature(xml, { ...options, certificate: text('signer-rsa.pem') })).indication).toBe('TOTAL_PASSED');
  });
  it('a truncated KeyInfo certificate (as in the samples) does not matter when the caller supplies the signer', async () => {
    const xml = text('envelope-rsa-c14n.xml').replace(/<ds:X509Certificate>[^<]*<\/ds:X509Certificate>/, '<ds:X509Certificate>MIIFqTCCBJG</ds:X509Certificate>');
    expect((await verifyXmlSignature(xml, options)).subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    expect((await verifyXmlSignature(xml, { ...options, certificate: text('signer-rsa.pem') })).indication).toBe('TOTAL_PASSED');
  });
  it('a Signature that is itself the root (enveloping, nothing signed around it) is refused', async () => {
    const x = text('envelope-rsa-c14n.xml');
    const sig = x.slice(x.indexOf('<ds:Signature'), x.indexOf('</ds:Signature>') + '</ds:Signature>'.length);
    const r = await verifyXmlSignature(sig, options);
    expect(r.subIndication).toBe('FORMAT_FAILURE');
    expect(r.findings.map((f) => f.code)).toContain('XML_SIGNATURE_STRUCTURE');
  });
  it('a SignatureMethod outside the allow-list (HMAC) is refused', async () => {
    const xml = text('envelope-rsa-c14n.xml').replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1');
    const r = await verifyXmlSignature(xml, options);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.findings.map((f) => f.code)).toContain('XML_SIGNATURE_ALGORITHM_UNSUPPORTED');
  });
});

describe('verifyXmlSignature: errors', () => {
  const code = async (xml: unknown, o: unknown = options): Promise<string> => {
    try {
      await verifyXmlSignature(xml as string, o as typeof options);
      return 'NO_ERROR';
    } catch (e) {
      return isVnEgovError(e) ? e.code : 'OTHER';
    }
  };
  it('throws stable codes for unusable input', async () => {
    expect(await code('<r/>')).toBe('XML_SIGNATURE_NOT_FOUND');
    expect(await code(text('samples/status.edxml'))).toBe('XML_SIGNATURE_NOT_FOUND');
    expect(await code('<!DOCTYPE r><r/>')).toBe('XML_SIGNATURE_DTD_FORBIDDEN');
    expect(await code(42)).toBe('XML_SIGNATURE_INVALID_INPUT_TYPE');
    expect(await code('<r/>', {})).toBe('XML_SIGNATURE_INVALID_OPTIONS');
    expect(await code(text('envelope-rsa-c14n.xml'), { ...options, at: 'yesterday' })).toBe('XML_SIGNATURE_INVALID_OPTIONS');
    expect(await code(text('envelope-rsa-c14n.xml'), { ...options, limits: { maxDepth: 0 } })).toBe('XML_SIGNATURE_INVALID_OPTIONS');
    expect(await code(new Uint8Array([0x3c, 0xff, 0x3e]))).toBe('XML_SIGNATURE_MALFORMED_XML');
    expect(await code(text('envelope-rsa-c14n.xml'), { ...options, intermediates: ['garbage'] })).toBe('XML_SIGNATURE_INVALID_OPTIONS');
    expect(await code(text('envelope-rsa-c14n.xml'), { ...options, certificate: 'garbage' })).toBe('XML_SIGNATURE_INVALID_OPTIONS');
  });
});

describe('verifyXmlSignature: third-party vectors', () => {
  it('xml-crypto valid_saml_sha256_rsa_mgf1.xml (RSA-PSS, exclusive C14N) verifies with its certificate supplied', async () => {
    const pem = text('third-party/idp.pem');
    const trust = createTrustStore({ anchors: [{ certificate: pem, id: 'xml-crypto-idp' }] });
    const xml = text('third-party/xml-crypto-valid_saml_sha256_rsa_mgf1.xml');
    const r = await verifyXmlSignature(xml, { trustStore: trust, at: '2026-01-01T00:00:00Z', certificate: pem });
    expect(r.indication, JSON.stringify(r.checks)).toBe('TOTAL_PASSED');
    expect(r.signatureMethod).toBe('http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1');
    // KeyInfo alone holds only a CA certificate: no signer is picked from it
    expect((await verifyXmlSignature(xml, { trustStore: trust, at: '2026-01-01T00:00:00Z' })).subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    // and the NameID changed is a digest failure
    const forged = await verifyXmlSignature(xml.replace('>nameId<', '>admin<'), { trustStore: trust, at: '2026-01-01T00:00:00Z', certificate: pem });
    expect(forged.subIndication).toBe('HASH_FAILURE');
  });
});
