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

// ── CMS: detached SignedData over 1 MB (signCms with the CMS fixture signer), warm cache ───────────────────────────
// Candidate: verifyCms (parse, signer lookup, signed attributes, signature, ESS binding, SHA-256 of the content,
// digest policy, path validation with CRLs through the shared cache — run while WebCrypto hashes the content).
// Baseline: node's createHash('sha256') over the same 1 MB plus crypto.verify of the same signature over the same
// signed attributes — the raw work.
{
  const { createHash, createPrivateKey, createPublicKey } = await import('node:crypto');
  const { signCms, verifyCms } = await import('../../src/signature/index.js');
  const cmsDir = join(dir, 'cms');
  const readCms = (f: string): Buffer => readFileSync(join(cmsDir, f));
  const cmsAt = new Date(Date.parse(readCms('GENERATED_AT.txt').toString().trim()) + 86_400_000);
  const cmsTrust = createTrustStore({ anchors: [{ certificate: readCms('root.pem').toString(), id: 'cms-test-root' }] });
  const cmsCrls = [new Uint8Array(readCms('root.crl')), new Uint8Array(readCms('issuing.crl'))];
  const pkcs8 = createPrivateKey(readCms('signer-rsa.key')).export({ type: 'pkcs8', format: 'der' });
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const content = new Uint8Array(1 << 20);
  for (let i = 0; i < content.length; i++) content[i] = (i * 2654435761) >>> 24;
  const signerPem = readCms('signer-rsa.pem').toString();
  const p7s = await signCms(content, { key, certificate: signerPem, chain: [readCms('issuing.pem').toString()], signingTime: cmsAt });
  const cmsCache = createValidationCache();
  const cmsOpts = { content, trustStore: cmsTrust, at: cmsAt, crls: cmsCrls, cache: cmsCache };
  const first = await verifyCms(p7s, cmsOpts);
  if (first.indication !== 'TOTAL_PASSED') throw new Error(`CMS bench signature does not verify: ${first.message.en}`);
  // the signed attributes (as SET) and the signature value, for the raw baseline
  const b = Buffer.from(p7s);
  const ctOid = Buffer.from('06092a864886f70d010903', 'hex');
  const ctPos = b.indexOf(ctOid);
  let setStart = ctPos - 2;
  while (setStart > 0 && b[setStart] !== 0xa0) setStart--; // [0] IMPLICIT SET OF, right before the first attribute
  const lenByte = b[setStart + 1]!;
  const hdr = lenByte < 0x80 ? 2 : 2 + (lenByte & 0x7f);
  let setLen = 0;
  if (lenByte < 0x80) setLen = lenByte;
  else for (let k = 0; k < (lenByte & 0x7f); k++) setLen = setLen * 256 + b[setStart + 2 + k]!;
  const signedAttrs = Buffer.from(b.subarray(setStart, setStart + hdr + setLen));
  signedAttrs[0] = 0x31;
  const sigValue = b.subarray(b.length - 256);
  const pub = createPublicKey(signerPem);
  if (!nodeVerify('sha256', signedAttrs, pub, sigValue)) throw new Error('CMS bench: raw baseline does not verify');
  const rawCms = await measureAsync('node createHash(sha256) 1 MB + crypto.verify', async () => createHash('sha256').update(content).digest() && nodeVerify('sha256', signedAttrs, pub, sigValue), 100);
  const cmsWarm = await measureAsync('verifyCms detached 1 MB, warm cache', () => verifyCms(p7s, cmsOpts), 100);
  const ratios = report('CMS detached over 1 MB — warm (goal ≥ 0.5× raw)', cmsWarm, [rawCms]);
  console.log(`verifyCms throughput = ${(Object.values(ratios)[0]! * 100).toFixed(0)}% of raw`);
  // The same with the Node-only content digest of vn-egov/node (node's createHash, no WebCrypto copy).
  const { nodeContentDigest } = await import('../../src/node/index.js');
  const nodeOpts = { ...cmsOpts, contentDigest: nodeContentDigest };
  if ((await verifyCms(p7s, nodeOpts)).indication !== 'TOTAL_PASSED') throw new Error('CMS bench: contentDigest path does not verify');
  const cmsNode = await measureAsync('verifyCms detached 1 MB, warm cache, contentDigest: nodeContentDigest', () => verifyCms(p7s, nodeOpts), 100);
  const nodeRatios = report('CMS detached over 1 MB — warm, Node content digest (goal ≥ 0.5× raw)', cmsNode, [rawCms]);
  console.log(`verifyCms + nodeContentDigest throughput = ${(Object.values(nodeRatios)[0]! * 100).toFixed(0)}% of raw`);
}

// ── PDF: verifyPdf on a 10 MB signed PDF (signPdf by the test PKI), warm cache ──────────────────────────────────────
// Baseline in the same run: node createHash('sha256') over the same 10 MB + one crypto.verify (RSA-2048) — the raw
// cryptographic floor of checking one PDF signature. The candidate also reads the xref, finds the signature, checks
// the ByteRange geometry, joins the two ranges (into a buffer reused per cache: WebCrypto digests one contiguous
// buffer), counts the %%EOF markers while WebCrypto hashes, verifies the CMS and the certificate path (cached), and
// classifies the revisions. WebCrypto's own copy of the 10 MB and its thread-pool round trip are part of the candidate.
{
  const { createHash, generateKeyPairSync, sign: nodeSign } = await import('node:crypto');
  const { signPdf, verifyPdf } = await import('../../src/signature/index.js');
  const { createTestPki } = await import('../../src/testing/index.js');
  const pki = await createTestPki({ now: '2026-03-16T10:00:00+07:00', seed: 'pdf-bench' });
  const size = 10 * 1024 * 1024;
  const blob = new Uint8Array(size);
  for (let i = 0; i < size; i++) blob[i] = (i * 2654435761) >>> 24;
  const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let pos = 0;
  const put = (b: Uint8Array): void => {
    parts.push(b);
    pos += b.length;
  };
  put(enc('%PDF-1.7\n'));
  const obj = (n: number, body: string): void => {
    offsets[n] = pos;
    put(enc(`${n} 0 obj\n${body}\nendobj\n`));
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>');
  obj(4, '<< /Length 28 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream'.replace('28', String('q 595 0 0 842 0 0 cm /Im1 Do Q'.length)));
  offsets[5] = pos;
  put(enc(`5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2048 /Height ${size / 2048} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${size} >>\nstream\n`));
  put(blob);
  put(enc('\nendstream\nendobj\n'));
  const xref = pos;
  put(enc(`xref\n0 6\n0000000000 65535 f\r\n${[1, 2, 3, 4, 5].map((n) => `${String(offsets[n]).padStart(10, '0')} 00000 n\r\n`).join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const base = new Uint8Array(pos);
  let o = 0;
  for (const p of parts) {
    base.set(p, o);
    o += p.length;
  }
  const signed = await signPdf(base, { key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der], signingTime: pki.now });
  const pdfCache = createValidationCache();
  const pdfOpts = { trustStore: pki.trustStore(), at: pki.now, crls: (await pki.crls()).map((c) => c.der), cache: pdfCache };
  const firstPdf = await verifyPdf(signed, pdfOpts);
  if (firstPdf.indication !== 'TOTAL_PASSED') throw new Error(`PDF bench signature does not verify: ${firstPdf.message.en}`);
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const attrs = new Uint8Array(120).fill(7);
  const sigValue = nodeSign('sha256', attrs, privateKey);
  const [, a, b, c] = firstPdf.signatures[0]!.byteRange! as [number, number, number, number];
  const rawPdf = await measureAsync('node createHash(sha256) 10 MB ranges + crypto.verify', async () =>
    createHash('sha256').update(signed.subarray(0, a)).update(signed.subarray(b, b + c)).digest() && nodeVerify('sha256', attrs, publicKey, sigValue), 10, 5);
  const pdfWarm = await measureAsync('verifyPdf 10 MB, warm cache', () => verifyPdf(signed, pdfOpts), 10, 5);
  const pdfRatios = report('PDF (PAdES) 10 MB — warm (goal ≥ 0.5× raw)', pdfWarm, [rawPdf]);
  console.log(`verifyPdf throughput = ${(Object.values(pdfRatios)[0]! * 100).toFixed(0)}% of raw`);
}
