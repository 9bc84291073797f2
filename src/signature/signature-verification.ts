/**
 * Signature verification primitives over WebCrypto (`globalThis.crypto.subtle`): RSASSA-PKCS1-v1_5, RSASSA-PSS,
 * ECDSA (DER signatures checked strictly, signatures.md §2.4) and Ed25519. Keys and outcomes are cached in a
 * caller-owned {@link ValidationCache}. Internal apart from the cache factory.
 */
import { decodeDer, integerBytes, sequence, type AlgorithmIdentifier } from './asn1.js';
import { describePublicKey, describeSignatureAlgorithm, readPssParams } from './algorithms.js';
import type { CertificateCache } from './certificate.js';
import type { CrlRecord } from './crl.js';
import { sha256, toHex } from './bytes.js';

/**
 * Outcome of one signature check, as memoised in a {@link ValidationCache}.
 * @example
 * ```ts
 * const outcome: VerifyOutcome = { ok: false, unsupported: false, reason: 'signature value does not verify' };
 * ```
 */
export type VerifyOutcome = { ok: true } | { ok: false; unsupported: boolean; reason: string };

/**
 * A cache the caller owns and passes to validations to reuse decoded certificates, imported keys and verified
 * signatures (bộ nhớ đệm kiểm tra). Plain `Map`s; no global state.
 * @example
 * ```ts
 * const cache: ValidationCache = createValidationCache();
 * ```
 */
export interface ValidationCache {
  /** Decoded certificates by DER SHA-256 (opaque records). @internal */
  certificates: CertificateCache;
  /** Decoded CRLs by DER SHA-256 (opaque records). @internal */
  crls: Map<string, CrlRecord>;
  /** Imported WebCrypto public keys by SubjectPublicKeyInfo. */
  keys: Map<string, Promise<CryptoKey>>;
  /** Outcomes of signature checks already made. */
  signatures: Map<string, VerifyOutcome>;
}

/**
 * Creates an empty {@link ValidationCache}.
 *
 * @example
 * ```ts
 * const cache = createValidationCache();
 * await validateCertificatePath({ certificate, trustStore, cache });
 * await validateCertificatePath({ certificate, trustStore, cache }); // warm: no parsing, no repeated verifies
 * ```
 */
export function createValidationCache(): ValidationCache {
  return { certificates: new Map(), crls: new Map(), keys: new Map(), signatures: new Map() };
}

function subtle(): SubtleCrypto | undefined {
  return (globalThis as { crypto?: Crypto }).crypto?.subtle;
}

function fixed(intBytes: Uint8Array, size: number): Uint8Array | undefined {
  let b = intBytes;
  while (b.length > size && b[0] === 0) b = b.subarray(1);
  if (b.length > size) return undefined;
  const out = new Uint8Array(size);
  out.set(b, size - b.length);
  return out;
}

/** DER ECDSA-Sig-Value → IEEE P1363 r‖s; undefined for non-DER or out-of-range values. */
function ecdsaRaw(sig: Uint8Array, curveBits: number): Uint8Array | undefined {
  try {
    const s = sequence(decodeDer(sig, 'ECDSA-Sig-Value'), 'ECDSA-Sig-Value');
    if (s.length !== 2) return undefined;
    const size = Math.ceil(curveBits / 8);
    const r = integerBytes(s[0], 'r');
    const ss = integerBytes(s[1], 's');
    if (r[0]! & 0x80 || ss[0]! & 0x80) return undefined;
    const rf = fixed(r, size);
    const sf = fixed(ss, size);
    if (!rf || !sf) return undefined;
    const out = new Uint8Array(2 * size);
    out.set(rf);
    out.set(sf, size);
    return out;
  } catch {
    return undefined;
  }
}

const WEBCRYPTO_HASHES = new Set(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/**
 * Verifies `signature` over `data` with the key in `spki` under `algorithm`. Never throws.
 * `cacheKey`, when given, memoises the outcome in `cache.signatures`.
 */
export async function verifySignature(
  spki: Uint8Array,
  algorithm: AlgorithmIdentifier,
  data: Uint8Array,
  signature: Uint8Array,
  cache?: ValidationCache,
  cacheKey?: string,
): Promise<VerifyOutcome> {
  if (cache && cacheKey) {
    const hit = cache.signatures.get(cacheKey);
    if (hit) return hit;
  }
  const out = await verifyUncached(spki, algorithm, data, signature, cache);
  if (cache && cacheKey) cache.signatures.set(cacheKey, out);
  return out;
}

async function verifyUncached(
  spki: Uint8Array,
  algorithm: AlgorithmIdentifier,
  data: Uint8Array,
  signature: Uint8Array,
  cache: ValidationCache | undefined,
): Promise<VerifyOutcome> {
  const s = subtle();
  if (!s) return { ok: false, unsupported: true, reason: 'WebCrypto (crypto.subtle) is not available' };
  let key: PublicKeyInfoLite;
  try {
    key = keyInfo(spki);
  } catch {
    return { ok: false, unsupported: false, reason: 'malformed issuer public key' };
  }
  const alg = describeSignatureAlgorithm(algorithm.oid, algorithm.params);
  let importParams: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  let verifyParams: AlgorithmIdentifierLike;
  let sig = signature;
  switch (alg.family) {
    case 'RSA': {
      if (key.algorithm !== 'RSA') return { ok: false, unsupported: false, reason: `${alg.name} signature with a ${key.algorithm} key` };
      if (algorithm.params !== undefined && !isNull(algorithm.params)) return { ok: false, unsupported: false, reason: 'RSA algorithm parameters must be NULL' };
      if (!alg.hash || !WEBCRYPTO_HASHES.has(alg.hash)) return { ok: false, unsupported: true, reason: `${alg.name} is not supported` };
      importParams = { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash };
      verifyParams = { name: 'RSASSA-PKCS1-v1_5' };
      break;
    }
    case 'RSA-PSS': {
      if (key.algorithm !== 'RSA' && key.algorithm !== 'RSA-PSS') return { ok: false, unsupported: false, reason: `RSASSA-PSS signature with a ${key.algorithm} key` };
      let p;
      try {
        p = readPssParams(algorithm.params);
      } catch {
        return { ok: false, unsupported: false, reason: 'malformed RSASSA-PSS parameters' };
      }
      if (p.hash === 'UNKNOWN' || !WEBCRYPTO_HASHES.has(p.hash) || p.mgfHash !== p.hash) {
        return { ok: false, unsupported: true, reason: 'RSASSA-PSS with this hash / MGF combination is not supported' };
      }
      importParams = { name: 'RSA-PSS', hash: p.hash };
      verifyParams = { name: 'RSA-PSS', saltLength: p.saltLength } as RsaPssParams;
      break;
    }
    case 'ECDSA': {
      if (key.algorithm !== 'EC') return { ok: false, unsupported: false, reason: `ECDSA signature with a ${key.algorithm} key` };
      if (algorithm.params !== undefined) return { ok: false, unsupported: false, reason: 'ECDSA algorithm parameters must be absent' };
      if (!['P-256', 'P-384', 'P-521'].includes(key.namedCurve ?? '')) return { ok: false, unsupported: true, reason: `curve ${key.namedCurve} is not supported` };
      if (!alg.hash || !WEBCRYPTO_HASHES.has(alg.hash)) return { ok: false, unsupported: true, reason: `${alg.name} is not supported` };
      const raw = ecdsaRaw(signature, key.keySize);
      if (!raw) return { ok: false, unsupported: false, reason: 'ECDSA signature is not strict DER' };
      sig = raw;
      importParams = { name: 'ECDSA', namedCurve: key.namedCurve! };
      verifyParams = { name: 'ECDSA', hash: alg.hash } as EcdsaParams;
      break;
    }
    case 'EdDSA': {
      if (alg.name !== 'Ed25519' || key.algorithm !== 'Ed25519') return { ok: false, unsupported: alg.name !== 'Ed25519', reason: `${alg.name} with a ${key.algorithm} key` };
      importParams = { name: 'Ed25519' };
      verifyParams = { name: 'Ed25519' };
      break;
    }
    default:
      return { ok: false, unsupported: true, reason: `${alg.name} signatures are not supported by WebCrypto` };
  }
  try {
    const kk = `${toKeyId(spki)}|${JSON.stringify(importParams)}`;
    let keyP = cache?.keys.get(kk);
    if (!keyP) {
      keyP = s.importKey('spki', spki.slice(), importParams, false, ['verify']);
      cache?.keys.set(kk, keyP);
    }
    const cryptoKey = await keyP;
    const ok = await s.verify(verifyParams, cryptoKey, sig.slice(), data.slice());
    return ok ? { ok: true } : { ok: false, unsupported: false, reason: 'signature value does not verify' };
  } catch (e) {
    return { ok: false, unsupported: false, reason: `key or signature rejected by WebCrypto (${e instanceof Error ? e.name : 'error'})` };
  }
}

type AlgorithmIdentifierLike = Algorithm | RsaPssParams | EcdsaParams;

interface PublicKeyInfoLite {
  algorithm: string;
  keySize: number;
  namedCurve?: string;
}

function keyInfo(spki: Uint8Array): PublicKeyInfoLite {
  const info = describePublicKey(decodeDer(spki, 'SubjectPublicKeyInfo'));
  return { algorithm: info.algorithm, keySize: info.keySize, ...(info.namedCurve ? { namedCurve: info.namedCurve } : {}) };
}

function isNull(n: unknown): boolean {
  const b = n as { idBlock?: { tagClass: number; tagNumber: number } };
  return b.idBlock?.tagClass === 1 && b.idBlock.tagNumber === 5;
}

function toKeyId(spki: Uint8Array): string {
  return toHex(sha256(spki));
}

