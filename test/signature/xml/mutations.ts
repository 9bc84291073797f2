/**
 * Tampered and wrapping variants of the genuine fixtures (XSW-style), each with the verdict vn-egov must give and
 * whether xmlsec1 detects it. Shared by the verification test and the xmlsec1 differential test.
 */
import { canonicalizeXml, C14N_ALGORITHMS } from '../../../src/signature/index.js';
import { rsaSign, text } from './helpers.js';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

export interface Mutation {
  name: string;
  base: string;
  mutate: (xml: string) => string;
  /** Our indication and sub-indication (or finding) for it. */
  expect: { indication: 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE'; subIndication?: string; finding?: string };
  /** Whether xmlsec1 --verify accepts it (measured; a forgery xmlsec1 accepts is listed in the report). */
  xmlsecAccepts: boolean;
}

function once(xml: string, from: string, to: string): string {
  const i = xml.indexOf(from);
  if (i < 0) throw new Error(`mutation anchor not found: ${from.slice(0, 60)}`);
  return xml.slice(0, i) + to + xml.slice(i + from.length);
}

/** The ds:Signature element text. */
export function signatureOf(xml: string): string {
  const s = xml.indexOf('<ds:Signature');
  const e = xml.indexOf('</ds:Signature>') + '</ds:Signature>'.length;
  return xml.slice(s, e);
}

/** Re-signs the (changed) SignedInfo with the fixture RSA key (inclusive C14N SignedInfo only). */
export function resign(xml: string): string {
  const si = new TextDecoder().decode(canonicalizeXml(xml, { algorithm: C14N_ALGORITHMS.c14n, subtree: { localName: 'SignedInfo', namespace: DS } }));
  return xml.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, `<ds:SignatureValue>${rsaSign(si)}</ds:SignatureValue>`);
}

export const mutations: Mutation[] = [
  {
    name: 'text of a signed element changed', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => once(x, '<edXML:Subject>V/v kết nối', '<edXML:Subject>V/v ngắt kết nối'),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }, xmlsecAccepts: false,
  },
  {
    name: 'attribute added', base: 'envelope-rsa-exc.xml',
    mutate: (x) => once(x, '<edXML:edXMLManifest version="1.0">', '<edXML:edXMLManifest version="1.0" priority="urgent">'),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }, xmlsecAccepts: false,
  },
  {
    name: 'namespace prefix changed (same namespace)', base: 'envelope-ecdsa-c14n.xml',
    mutate: (x) => x.replace(/edXML:/g, 'e:').replace(/xmlns:edXML=/g, 'xmlns:e='),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }, xmlsecAccepts: false,
  },
  {
    name: 'SignatureValue changed', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => x.replace(/<ds:SignatureValue>(.)/, (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE' }, xmlsecAccepts: false,
  },
  {
    name: 'ECDSA SignatureValue changed', base: 'envelope-ecdsa-exc.xml',
    mutate: (x) => x.replace(/<ds:SignatureValue>(.)/, (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE' }, xmlsecAccepts: false,
  },
  {
    name: 'comment inside DigestValue (CVE-2025-29774 shape)', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => x.replace(/<ds:DigestValue>(.{4})/, '<ds:DigestValue>$1<!---->'),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_VALUE_NODES' }, xmlsecAccepts: true,
  },
  {
    name: 'processing instruction inside SignatureValue', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => x.replace(/<ds:SignatureValue>(.{4})/, '<ds:SignatureValue>$1<?x?>'),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_VALUE_NODES' }, xmlsecAccepts: true,
  },
  {
    name: 'second Signature in the body', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => once(x, '</edXML:edXMLBody>', `${signatureOf(x)}</edXML:edXMLBody>`),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_MULTIPLE' }, xmlsecAccepts: false,
  },
  {
    name: 'second SignedInfo wrapped in an Object (CVE-2025-29775 shape)', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => {
      const si = /<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/.exec(x)![0];
      return once(x, '</ds:KeyInfo>', `</ds:KeyInfo><ds:Object>${si}</ds:Object>`);
    },
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_SIGNED_INFO' }, xmlsecAccepts: true,
  },
  {
    name: 'unsigned Object appended to the Signature', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => once(x, '</ds:KeyInfo>', '</ds:KeyInfo><ds:Object><edXML:Subject xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">Giả mạo</edXML:Subject></ds:Object>'),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_STRUCTURE' }, xmlsecAccepts: true,
  },
  {
    name: 'XSW: root Id moved to a copy of the signed root hidden in the envelope, visible document changed', base: 'envelope-rsa-id.xml',
    mutate: (x) => {
      const start = x.indexOf('<edXML ');
      const root = x.slice(start);
      const copy = root.replace(signatureOf(root), '').trimEnd();
      const forged = x.replace('Id="edxml-root"', 'Id="evil"').replace('<edXML:StatusCode>03</edXML:StatusCode>', '<edXML:StatusCode>02</edXML:StatusCode>');
      return once(forged, '</edXML:edXMLEnvelope>', `<edXML:Extension>${copy}</edXML:Extension></edXML:edXMLEnvelope>`);
    },
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, xmlsecAccepts: true,
  },
  {
    name: 'duplicate Id: a copy of the signed root with the same Id in an Object', base: 'envelope-rsa-id.xml',
    mutate: (x) => {
      const start = x.indexOf('<edXML ');
      const copy = x.slice(start).replace(signatureOf(x.slice(start)), '');
      return once(x, '</ds:KeyInfo>', `</ds:KeyInfo><ds:Object>${copy.trimEnd()}</ds:Object>`);
    },
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' }, xmlsecAccepts: false,
  },
  {
    name: 'Reference URI to an inner element (valid signature over MessageHeader only)', base: 'envelope-inner-reference.xml',
    mutate: (x) => x,
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_REFERENCE_NOT_ROOT' }, xmlsecAccepts: true,
  },
  {
    name: 'Reference to an inner element, the unsigned envelope changed', base: 'envelope-inner-reference.xml',
    mutate: (x) => once(x, '<edXML:edXMLEnvelope ', '<edXML:edXMLEnvelope forged="1" '),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_REFERENCE_NOT_ROOT' }, xmlsecAccepts: true,
  },
  {
    name: 'XPath transform added and SignedInfo re-signed', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => resign(once(x, '</ds:Transforms>', '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>not(ancestor-or-self::*)</ds:XPath></ds:Transform></ds:Transforms>')),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_TRANSFORM_FORBIDDEN' }, xmlsecAccepts: false,
  },
  {
    name: 'enveloped transform removed and SignedInfo re-signed', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => resign(x.replace(/<ds:Transform Algorithm="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#enveloped-signature"\/>/, '')),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', finding: 'XML_SIGNATURE_TRANSFORM_FORBIDDEN' }, xmlsecAccepts: false,
  },
  {
    name: 'signer certificate replaced by another trusted one (ECDSA signer)', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => x.replace(/<ds:X509Certificate>[^<]*<\/ds:X509Certificate>/, `<ds:X509Certificate>${text('signer-ec.pem').replace(/-----[A-Z ]+-----|\s/g, '')}</ds:X509Certificate>`),
    expect: { indication: 'TOTAL_FAILED', subIndication: 'SIG_CRYPTO_FAILURE' }, xmlsecAccepts: false,
  },
  {
    name: 'signer certificate replaced by an untrusted one', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => x.replace(/<ds:X509Certificate>[^<]*<\/ds:X509Certificate>/, `<ds:X509Certificate>${text('rogue.pem').replace(/-----[A-Z ]+-----|\s/g, '')}</ds:X509Certificate>`),
    expect: { indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }, xmlsecAccepts: false,
  },
  {
    name: 'Signature moved from edXMLHeader to the body (still signed: reported, not failed)', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => once(x.replace(signatureOf(x), ''), '</edXML:edXMLBody>', `${signatureOf(x)}</edXML:edXMLBody>`),
    expect: { indication: 'TOTAL_PASSED', finding: 'XML_SIGNATURE_POSITION' }, xmlsecAccepts: true,
  },
  {
    name: 'comment injected into signed text (C14N removes it: valid; read signedXml)', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => once(x, '<edXML:Subject>V/v kết nối', '<edXML:Subject>V/v kết<!-- chèn --> nối'),
    expect: { indication: 'TOTAL_PASSED' }, xmlsecAccepts: true,
  },
  {
    name: 'comment injected with c14n#WithComments (URI="" removes comments)', base: 'envelope-rsa-comments.xml',
    mutate: (x) => once(x, '<edXML:Subject>V/v kết nối', '<edXML:Subject>V/v kết<!-- chèn --> nối'),
    expect: { indication: 'TOTAL_PASSED' }, xmlsecAccepts: true,
  },
  {
    name: 'line breaks inside SignatureValue (allowed by XMLDSig base64; not signed)', base: 'envelope-rsa-c14n.xml',
    mutate: (x) => x.replace(/<ds:SignatureValue>(.{8})/, '<ds:SignatureValue>\n$1\n'),
    expect: { indication: 'TOTAL_PASSED' }, xmlsecAccepts: true,
  },
  {
    name: 'CR LF line ends (normalised by XML parsing)', base: 'envelope-rsa-exc.xml',
    mutate: (x) => x.replace(/\n/g, '\r\n'),
    expect: { indication: 'TOTAL_PASSED' }, xmlsecAccepts: true,
  },
  {
    name: 'rsa-sha1 in the xmldsig namespace (SHA-1 past its sunset)', base: 'envelope-rsa-sha1.xml',
    mutate: (x) => x,
    expect: { indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE', finding: 'XML_SIGNATURE_ALGORITHM_UNSUPPORTED' }, xmlsecAccepts: true,
  },
];
