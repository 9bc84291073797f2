/**
 * The allow-listed XMLDSig algorithm URIs (danh sách thuật toán chữ ký XML được chấp nhận): digests, signatures
 * (RFC 3275, RFC 6931), transforms, plus the conversions to what part 1's `verifySignature` expects (ASN.1
 * AlgorithmIdentifier, DER ECDSA signatures). Internal apart from the URI constants.
 */
import { decodeDer, type AlgorithmIdentifier } from '../asn1.js';
import type { HashName } from '../algorithms.js';
import { C14N_ALGORITHMS } from './canonicalize.js';

/** The XMLDSig namespace. */
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** The exclusive C14N namespace (InclusiveNamespaces). */
export const EXC_C14N_NS = 'http://www.w3.org/2001/10/xml-exc-c14n#';
/** The enveloped-signature transform. */
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
/** The misspelt exclusive C14N URI of the VPCP samples (accepted only in legacy mode). */
export const LEGACY_EXC_C14N = 'http://www.w3.org/TR/xml-exc-c14n#';

/**
 * XMLDSig algorithm URIs accepted by `verifyXmlSignature` and written by `signEdxml` (thuật toán chữ ký XML).
 * `rsaSha1` and `sha1` are legacy (edXML samples) and need `legacy: true` or a policy accepting SHA-1.
 * @example
 * ```ts
 * XMLDSIG_ALGORITHMS.rsaSha256; // 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'
 * ```
 */
export const XMLDSIG_ALGORITHMS = {
  ...C14N_ALGORITHMS,
  envelopedSignature: ENVELOPED_SIGNATURE,
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha384: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  rsaSha512: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  rsaPssSha256: 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
  rsaPssSha384: 'http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1',
  rsaPssSha512: 'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  ecdsaSha384: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384',
  ecdsaSha512: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512',
} as const;

type XmlHash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export const DIGESTS: Record<string, XmlHash> = {
  [XMLDSIG_ALGORITHMS.sha1]: 'SHA-1',
  [XMLDSIG_ALGORITHMS.sha256]: 'SHA-256',
  [XMLDSIG_ALGORITHMS.sha384]: 'SHA-384',
  [XMLDSIG_ALGORITHMS.sha512]: 'SHA-512',
};

export interface XmlSignatureAlgorithm {
  family: 'RSA' | 'RSA-PSS' | 'ECDSA';
  hash: XmlHash;
  legacy: boolean;
}

export const SIGNATURES: Record<string, XmlSignatureAlgorithm> = {
  [XMLDSIG_ALGORITHMS.rsaSha1]: { family: 'RSA', hash: 'SHA-1', legacy: true },
  [XMLDSIG_ALGORITHMS.rsaSha256]: { family: 'RSA', hash: 'SHA-256', legacy: false },
  [XMLDSIG_ALGORITHMS.rsaSha384]: { family: 'RSA', hash: 'SHA-384', legacy: false },
  [XMLDSIG_ALGORITHMS.rsaSha512]: { family: 'RSA', hash: 'SHA-512', legacy: false },
  [XMLDSIG_ALGORITHMS.rsaPssSha256]: { family: 'RSA-PSS', hash: 'SHA-256', legacy: false },
  [XMLDSIG_ALGORITHMS.rsaPssSha384]: { family: 'RSA-PSS', hash: 'SHA-384', legacy: false },
  [XMLDSIG_ALGORITHMS.rsaPssSha512]: { family: 'RSA-PSS', hash: 'SHA-512', legacy: false },
  [XMLDSIG_ALGORITHMS.ecdsaSha256]: { family: 'ECDSA', hash: 'SHA-256', legacy: false },
  [XMLDSIG_ALGORITHMS.ecdsaSha384]: { family: 'ECDSA', hash: 'SHA-384', legacy: false },
  [XMLDSIG_ALGORITHMS.ecdsaSha512]: { family: 'ECDSA', hash: 'SHA-512', legacy: false },
};

const HASH_ALG_DER: Record<XmlHash, number[]> = {
  'SHA-1': [0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a],
  'SHA-256': [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01],
  'SHA-384': [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02],
  'SHA-512': [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03],
};
const HASH_LENGTH: Record<XmlHash, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

function tlv(tag: number, body: number[]): number[] {
  if (body.length < 128) return [tag, body.length, ...body];
  return [tag, 0x81, body.length, ...body];
}

const RSA_OIDS: Record<XmlHash, string> = {
  'SHA-1': '1.2.840.113549.1.1.5', 'SHA-256': '1.2.840.113549.1.1.11', 'SHA-384': '1.2.840.113549.1.1.12', 'SHA-512': '1.2.840.113549.1.1.13',
};
const ECDSA_OIDS: Record<XmlHash, string> = {
  'SHA-1': '1.2.840.10045.4.1', 'SHA-256': '1.2.840.10045.4.3.2', 'SHA-384': '1.2.840.10045.4.3.3', 'SHA-512': '1.2.840.10045.4.3.4',
};

/** The ASN.1 AlgorithmIdentifier equivalent of an XMLDSig signature algorithm (RFC 6931 §2.3.10 PSS defaults). */
export function asn1Algorithm(alg: XmlSignatureAlgorithm): AlgorithmIdentifier {
  if (alg.family === 'RSA') return { oid: RSA_OIDS[alg.hash], params: undefined, der: new Uint8Array() };
  if (alg.family === 'ECDSA') return { oid: ECDSA_OIDS[alg.hash], params: undefined, der: new Uint8Array() };
  const hashAlg = tlv(0x30, HASH_ALG_DER[alg.hash]);
  const mgf = tlv(0x30, [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08, ...hashAlg]);
  const params = tlv(0x30, [...tlv(0xa0, hashAlg), ...tlv(0xa1, mgf), ...tlv(0xa2, [0x02, 0x01, HASH_LENGTH[alg.hash]])]);
  const bytes = new Uint8Array(params);
  return { oid: '1.2.840.113549.1.1.10', params: decodeDer(bytes, 'RSASSA-PSS-params'), der: new Uint8Array() };
}

/** Salt length of the RFC 6931 PSS URIs. */
export function pssSaltLength(hash: HashName): number {
  return HASH_LENGTH[hash as XmlHash] ?? 32;
}

function derInteger(b: Uint8Array): number[] {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const v = [...b.subarray(i)];
  if (v[0]! & 0x80) v.unshift(0);
  return tlv(0x02, v);
}

/** XMLDSig raw r‖s (RFC 4050 / XMLDSig 1.1 §6.4.3) → DER ECDSA-Sig-Value; undefined when the length is wrong. */
export function ecdsaRawToDer(raw: Uint8Array, curveBits: number): Uint8Array | undefined {
  const size = Math.ceil(curveBits / 8);
  if (size === 0 || raw.length !== 2 * size) return undefined;
  return new Uint8Array(tlv(0x30, [...derInteger(raw.subarray(0, size)), ...derInteger(raw.subarray(size))]));
}
