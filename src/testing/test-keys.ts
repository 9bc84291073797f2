/**
 * Test key pairs (cặp khóa kiểm thử) made with WebCrypto only (`globalThis.crypto.subtle`), so the test kit runs in
 * Node and in browsers. Keys are extractable so tests can export them (PKCS#8 PEM) for other tools.
 */
import { encodePem } from '../signature/index.js';
import { testingError } from './errors.js';

/**
 * Key algorithms of the test PKI. RSA keys sign with PKCS#1 v1.5; `RSA-1024` exists only to make deliberately weak
 * certificates (below the 2048-bit minimum of TT 15/2025).
 * @example
 * ```ts
 * const algorithm: TestKeyAlgorithm = 'ECDSA-P256';
 * ```
 */
export type TestKeyAlgorithm = 'RSA-1024' | 'RSA-2048' | 'RSA-3072' | 'RSA-4096' | 'ECDSA-P256' | 'ECDSA-P384';

/**
 * Digest algorithms for signatures made by the test kit (`SHA-1` only for deliberately defective objects).
 * @example
 * ```ts
 * const hash: TestHash = 'SHA-256';
 * ```
 */
export type TestHash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * The supported key algorithms.
 * @example
 * ```ts
 * TEST_KEY_ALGORITHMS.includes('ECDSA-P256'); // true
 * ```
 */
export const TEST_KEY_ALGORITHMS: readonly TestKeyAlgorithm[] = ['RSA-1024', 'RSA-2048', 'RSA-3072', 'RSA-4096', 'ECDSA-P256', 'ECDSA-P384'];

/** `globalThis.crypto.subtle`, or a clear error. Internal. */
export function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw testingError('WEBCRYPTO_UNAVAILABLE', 'Không có WebCrypto', 'globalThis.crypto.subtle is not available (WebCrypto is required)');
  return s;
}

/** A copy of the bytes in a fresh ArrayBuffer (what pkijs and WebCrypto want). Internal. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/**
 * Generates a WebCrypto key pair for the test PKI (extractable, usages sign / verify).
 *
 * @throws VnEgovError `INVALID_TEST_PKI_OPTIONS` for an unknown algorithm; `WEBCRYPTO_UNAVAILABLE`.
 * @example
 * ```ts
 * const keys = await generateTestKeyPair('ECDSA-P256');
 * keys.privateKey.algorithm.name; // 'ECDSA'
 * ```
 */
export async function generateTestKeyPair(algorithm: TestKeyAlgorithm = 'RSA-2048'): Promise<CryptoKeyPair> {
  const s = subtle();
  if (algorithm.startsWith('RSA-') && TEST_KEY_ALGORITHMS.includes(algorithm)) {
    const params: RsaHashedKeyGenParams = {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: Number(algorithm.slice(4)),
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    };
    return s.generateKey(params, true, ['sign', 'verify']);
  }
  if (algorithm === 'ECDSA-P256' || algorithm === 'ECDSA-P384') {
    return s.generateKey({ name: 'ECDSA', namedCurve: algorithm === 'ECDSA-P256' ? 'P-256' : 'P-384' }, true, ['sign', 'verify']);
  }
  throw testingError('INVALID_TEST_PKI_OPTIONS', 'Thuật toán khóa không hỗ trợ', `unsupported key algorithm "${String(algorithm)}" (one of ${TEST_KEY_ALGORITHMS.join(', ')})`);
}

/** The test key algorithm of an existing key pair. Internal. */
export function keyAlgorithmOf(keys: CryptoKeyPair): TestKeyAlgorithm {
  const a = keys.publicKey.algorithm as RsaHashedKeyAlgorithm & EcKeyAlgorithm;
  if (a.name === 'ECDSA' && (a.namedCurve === 'P-256' || a.namedCurve === 'P-384')) return a.namedCurve === 'P-256' ? 'ECDSA-P256' : 'ECDSA-P384';
  if (a.name === 'RSASSA-PKCS1-v1_5') {
    const alg = `RSA-${a.modulusLength}` as TestKeyAlgorithm;
    if (TEST_KEY_ALGORITHMS.includes(alg)) return alg;
  }
  throw testingError('INVALID_CERTIFICATE_REQUEST', 'Khóa không được hỗ trợ', `unsupported key ${a.name}; use generateTestKeyPair()`);
}

/**
 * The private key to sign with `hash`: RSA PKCS#1 v1.5 keys carry their digest in WebCrypto, so a key made for
 * SHA-256 is re-imported for another digest (the test keys are extractable). Internal.
 */
export async function signingKeyFor(privateKey: CryptoKey, hash: TestHash): Promise<CryptoKey> {
  const a = privateKey.algorithm as RsaHashedKeyAlgorithm;
  if (a.name !== 'RSASSA-PKCS1-v1_5' || a.hash.name === hash) return privateKey;
  const s = subtle();
  const pkcs8 = await s.exportKey('pkcs8', privateKey);
  return s.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash }, true, ['sign']);
}

/**
 * Exports a private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), e.g. to hand it to another tool in a test.
 * @example
 * ```ts
 * const pem = await exportPrivateKeyPem(pki.neac.person.keys.privateKey);
 * ```
 */
export async function exportPrivateKeyPem(privateKey: CryptoKey): Promise<string> {
  return encodePem('PRIVATE KEY', new Uint8Array(await subtle().exportKey('pkcs8', privateKey)));
}
