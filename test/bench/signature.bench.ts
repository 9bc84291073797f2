/**
 * Certificate path validation benchmark: vn-egov `validateCertificatePath` on the 3-certificate fixture chain
 * (root → issuing CA → leaf, RSA, with the issuing CA's and the root's CRLs, revocation required for both
 * certificates) against, in the same run, `crypto.X509Certificate.verify` of the same chain (the two certificate
 * signatures, certificates parsed once) — the raw signature checks. Cold = a fresh cache per validation (parse,
 * import keys, verify everything); warm = one shared `createValidationCache()` (decoded certificates, imported keys
 * and verified signatures reused; every RFC 5280, CRL and policy check still runs).
 * `measure` of the harness is synchronous, so the async candidates are timed here the same way (warm-up, rounds,
 * median) and printed with the harness's `report`.
 * Run: `npx tsx test/bench/signature.bench.ts` (or `npm run bench`).
 */
import { X509Certificate, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTrustStore, createValidationCache, validateCertificatePath } from '../../src/signature/index.js';
import { measure, report, type Measurement } from './harness.js';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/signature');
const read = (f: string): Buffer => readFileSync(join(dir, f));
const rootPem = read('root.pem').toString();
const intPem = read('issuing.pem').toString();
const leafPem = read('leaf-good.pem').toString();
const crls = [new Uint8Array(read('issuing.crl')), new Uint8Array(read('root.crl'))];
const at = new Date(Date.parse(read('GENERATED_AT.txt').toString().trim()) + 86_400_000);
const trustStore = createTrustStore({ anchors: [{ certificate: rootPem, id: 'test-root' }] });

async function measureAsync(name: string, fn: () => Promise<unknown>, iterations: number, rounds = 7): Promise<Measurement> {
  for (let i = 0; i < Math.min(iterations, 200); i++) await fn();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return { name, opsPerSec: (iterations / median) * 1000, nsPerOp: (median * 1e6) / iterations };
}

const opts = { certificate: leafPem, intermediates: [intPem], trustStore, crls, at };
const check = await validateCertificatePath(opts);
if (check.indication !== 'TOTAL_PASSED') throw new Error(`fixture chain does not validate: ${check.subIndication}`);

const root = new X509Certificate(rootPem);
const int = new X509Certificate(intPem);
const leaf = new X509Certificate(leafPem);
const raw = measure('X509Certificate.verify ×2 (leaf, CA), parsed once', () => leaf.verify(int.publicKey) && int.verify(root.publicKey), 2_000);
// the raw cost including the two CRL signatures (crypto.verify over each TBSCertList)
const tbsOf = (der: Uint8Array): { tbs: Buffer; sig: Buffer } => {
  const b = Buffer.from(der);
  const hdr = (o: number): [number, number] => {
    const l = b[o + 1]!;
    if (l < 0x80) return [o + 2, l];
    const n = l & 0x7f;
    let len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + b[o + 2 + k]!;
    return [o + 2 + n, len];
  };
  const [outerStart] = hdr(0);
  const [tbsStart, tbsLen] = hdr(outerStart);
  const tbsEnd = tbsStart + tbsLen;
  const [algStart, algLen] = hdr(tbsEnd);
  const [sigStart, sigLen] = hdr(algStart + algLen);
  return { tbs: b.subarray(outerStart, tbsEnd), sig: b.subarray(sigStart + 1, sigStart + sigLen) };
};
const crlParts = crls.map(tbsOf);
const rawWithCrls = measure(
  'X509Certificate.verify ×2 + crypto.verify of both CRLs',
  () => leaf.verify(int.publicKey) && int.verify(root.publicKey) && nodeVerify('sha256', crlParts[0]!.tbs, int.publicKey, crlParts[0]!.sig) && nodeVerify('sha256', crlParts[1]!.tbs, root.publicKey, crlParts[1]!.sig),
  2_000,
);
const rawCold = measure('new X509Certificate ×3 + verify ×2 (cold raw)', () => {
  const r = new X509Certificate(rootPem);
  const i = new X509Certificate(intPem);
  return new X509Certificate(leafPem).verify(i.publicKey) && i.verify(r.publicKey);
}, 1_000);

const cold = await measureAsync('validateCertificatePath, cold (no cache)', () => validateCertificatePath(opts), 100);
const cache = createValidationCache();
const warm = await measureAsync('validateCertificatePath, warm (shared cache)', () => validateCertificatePath({ ...opts, cache }), 1_000);

report('Path validation, 3-certificate chain with CRLs — warm', warm, [raw, rawWithCrls]);
report('Path validation, 3-certificate chain with CRLs — cold', cold, [rawCold, rawWithCrls]);
