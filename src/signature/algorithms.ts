/**
 * Signature and public-key algorithm identifiers (RFC 3279, RFC 4055, RFC 5480, RFC 5758, RFC 8410). Internal
 * tables plus the readers that turn a SubjectPublicKeyInfo into a plain description.
 */
import { Asn1Error, decodeDer, isUniversal, oid, readAlgorithm, sequence, integerBytes, bitString, type Node } from './asn1.js';

/**
 * Hash names as WebCrypto spells them (tên hàm băm).
 * @example
 * ```ts
 * const hash: HashName = 'SHA-256';
 * ```
 */
export type HashName = 'MD2' | 'MD5' | 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * Signature schemes (lược đồ chữ ký).
 * @example
 * ```ts
 * const family: SignatureFamily = parseCertificate(pem).signatureAlgorithm.family; // 'RSA'
 * ```
 */
export type SignatureFamily = 'RSA' | 'RSA-PSS' | 'ECDSA' | 'EdDSA' | 'DSA' | 'UNKNOWN';

/**
 * A signature algorithm as named by its OID.
 * @example
 * ```ts
 * parseCertificate(pem).signatureAlgorithm.name; // 'sha256WithRSAEncryption'
 * ```
 */
export interface SignatureAlgorithmInfo {
  oid: string;
  /** Conventional name, e.g. `sha256WithRSAEncryption`. */
  name: string;
  family: SignatureFamily;
  /** Hash used (for RSA-PSS, from the parameters). */
  hash?: HashName;
}

const SIG: Record<string, Omit<SignatureAlgorithmInfo, 'oid'>> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', family: 'RSA', hash: 'MD2' },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', family: 'RSA', hash: 'MD5' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', family: 'RSA', hash: 'SHA-1' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', family: 'RSA', hash: 'SHA-224' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', family: 'RSA', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', family: 'RSA', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', family: 'RSA', hash: 'SHA-512' },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS', family: 'RSA-PSS' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', family: 'ECDSA', hash: 'SHA-1' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', family: 'ECDSA', hash: 'SHA-224' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', family: 'ECDSA', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', family: 'ECDSA', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', family: 'ECDSA', hash: 'SHA-512' },
  '1.3.101.112': { name: 'Ed25519', family: 'EdDSA' },
  '1.3.101.113': { name: 'Ed448', family: 'EdDSA' },
  '1.2.840.10040.4.3': { name: 'dsa-with-SHA1', family: 'DSA', hash: 'SHA-1' },
  '2.16.840.1.101.3.4.3.1': { name: 'dsa-with-SHA224', family: 'DSA', hash: 'SHA-224' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa-with-SHA256', family: 'DSA', hash: 'SHA-256' },
};

const HASH_OIDS: Record<string, HashName> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** OID of a hash name (for OCSP CertID). */
export const HASH_OID: Record<string, string> = Object.fromEntries(Object.entries(HASH_OIDS).map(([k, v]) => [v, k]));

/** RSASSA-PSS parameters (RFC 4055 §3.1), defaults SHA-1 / MGF1-SHA-1 / salt 20. */
export interface PssParams {
  hash: HashName | 'UNKNOWN';
  mgfHash: HashName | 'UNKNOWN';
  saltLength: number;
}

export function readPssParams(params: Node | undefined): PssParams {
  const out: PssParams = { hash: 'SHA-1', mgfHash: 'SHA-1', saltLength: 20 };
  if (params === undefined || isUniversal(params, 5)) return out;
  for (const field of sequence(params, 'RSASSA-PSS-params')) {
    const tag = (field as { idBlock: { tagNumber: number } }).idBlock.tagNumber;
    const inner = (field as unknown as { valueBlock: { value: Node[] } }).valueBlock.value[0];
    if (tag === 0) out.hash = HASH_OIDS[readAlgorithm(inner, 'hashAlgorithm').oid] ?? 'UNKNOWN';
    else if (tag === 1) {
      const mgf = readAlgorithm(inner, 'maskGenAlgorithm');
      out.mgfHash = mgf.oid === '1.2.840.113549.1.1.8' ? (HASH_OIDS[readAlgorithm(mgf.params, 'mgf1 hash').oid] ?? 'UNKNOWN') : 'UNKNOWN';
    } else if (tag === 2) {
      const b = integerBytes(inner, 'saltLength');
      let v = 0;
      for (const x of b) v = v * 256 + x;
      out.saltLength = v;
    }
  }
  return out;
}

export function describeSignatureAlgorithm(algOid: string, params: Node | undefined): SignatureAlgorithmInfo {
  const known = SIG[algOid];
  if (!known) return { oid: algOid, name: algOid, family: 'UNKNOWN' };
  if (known.family === 'RSA-PSS') {
    try {
      const p = readPssParams(params);
      return { oid: algOid, name: 'RSASSA-PSS', family: 'RSA-PSS', ...(p.hash !== 'UNKNOWN' ? { hash: p.hash } : {}) };
    } catch {
      return { oid: algOid, name: 'RSASSA-PSS', family: 'RSA-PSS' };
    }
  }
  return { oid: algOid, ...known };
}

/**
 * Public key algorithms (thuật toán khóa công khai).
 * @example
 * ```ts
 * const algorithm: PublicKeyAlgorithm = parseCertificate(pem).publicKey.algorithm; // 'EC'
 * ```
 */
export type PublicKeyAlgorithm = 'RSA' | 'RSA-PSS' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'UNKNOWN';

/**
 * A subject public key in plain form.
 * @example
 * ```ts
 * const { algorithm, keySize } = parseCertificate(pem).publicKey; // 'RSA', 4096
 * ```
 */
export interface PublicKeyInfo {
  algorithm: PublicKeyAlgorithm;
  /** Algorithm OID from the SubjectPublicKeyInfo. */
  oid: string;
  /** RSA modulus / DSA p length / curve order size in bits (0 when unknown). */
  keySize: number;
  /** Named curve for EC keys (`P-256`, `P-384`, `P-521`, or the OID). */
  namedCurve?: string;
  /** Whether the key has no DSA parameters (RFC 3279 §2.3.2 parameter inheritance). */
  inheritsParameters?: boolean;
}

const CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
  '1.3.132.0.33': { name: 'P-224', bits: 224 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256 },
};

function bitLength(unsignedBigEndian: Uint8Array): number {
  let i = 0;
  while (i < unsignedBigEndian.length && unsignedBigEndian[i] === 0) i++;
  if (i === unsignedBigEndian.length) return 0;
  return (unsignedBigEndian.length - i - 1) * 8 + (32 - Math.clz32(unsignedBigEndian[i]!));
}

export function describePublicKey(spkiNode: Node): PublicKeyInfo {
  const [algNode, keyNode] = sequence(spkiNode, 'SubjectPublicKeyInfo');
  const alg = readAlgorithm(algNode, 'SubjectPublicKeyInfo.algorithm');
  const key = bitString(keyNode, 'subjectPublicKey');
  switch (alg.oid) {
    case '1.2.840.113549.1.1.1':
    case '1.2.840.113549.1.1.10': {
      let keySize = 0;
      try {
        const rsa = sequence(decodeDer(key.bytes, 'RSAPublicKey'), 'RSAPublicKey');
        keySize = bitLength(integerBytes(rsa[0], 'modulus'));
      } catch (e) {
        if (e instanceof Asn1Error) throw e;
      }
      return { algorithm: alg.oid === '1.2.840.113549.1.1.1' ? 'RSA' : 'RSA-PSS', oid: alg.oid, keySize };
    }
    case '1.2.840.10045.2.1': {
      const curveOid = alg.params && isUniversal(alg.params, 6) ? oid(alg.params, 'namedCurve') : undefined;
      const curve = curveOid ? CURVES[curveOid] : undefined;
      return { algorithm: 'EC', oid: alg.oid, keySize: curve?.bits ?? 0, namedCurve: curve?.name ?? curveOid ?? 'explicit' };
    }
    case '1.3.101.112':
      return { algorithm: 'Ed25519', oid: alg.oid, keySize: 256 };
    case '1.3.101.113':
      return { algorithm: 'Ed448', oid: alg.oid, keySize: 456 };
    case '1.2.840.10040.4.1': {
      let keySize = 0;
      const inherits = alg.params === undefined || isUniversal(alg.params, 5);
      if (!inherits) {
        try {
          keySize = bitLength(integerBytes(sequence(alg.params, 'Dss-Parms')[0], 'p'));
        } catch {
          keySize = 0;
        }
      }
      return { algorithm: 'DSA', oid: alg.oid, keySize, inheritsParameters: inherits };
    }
    default:
      return { algorithm: 'UNKNOWN', oid: alg.oid, keySize: 0 };
  }
}
