/**
 * XML signature benchmark: `verifyXmlSignature` (parse, C14N, SHA-256, path validation with a warm cache, RSA
 * signature) on an edXML envelope carrying a 1 MB base64 attachment, against, in the same run, the raw work —
 * node `crypto` SHA-256 over the same bytes plus one RSA `crypto.verify` over a SignedInfo-sized message — and
 * `canonicalizeXml` alone against the same raw SHA-256 (goal of issue 7: ≥ 50% of the raw throughput).
 * Run: `npx tsx test/bench/signature-xml.bench.ts` (or `npm run bench`).
 */
import { createHash, createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalizeXml, C14N_ALGORITHMS, createTrustStore, createValidationCache, signEdxml, verifyXmlSignature } from '../../src/signature/index.js';
import { measure, report, type Measurement } from './harness.js';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/signature/xml');
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
const at = new Date(Date.parse(read('GENERATED_AT.txt').trim()) + 86_400_000);
const trustStore = createTrustStore({ anchors: [{ certificate: read('root.pem'), id: 'xml-root' }] });
const crls = [new Uint8Array(readFileSync(join(dir, 'root.crl'))), new Uint8Array(readFileSync(join(dir, 'issuing.crl')))];

async function measureAsync(name: string, fn: () => Promise<unknown>, iterations: number, rounds = 7): Promise<Measurement> {
  for (let i = 0; i < Math.min(iterations, 5); i++) await fn();
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

const payload = Buffer.from(new Uint8Array(768 * 1024).map((_, i) => (i * 131) & 0xff)).toString('base64').replace(/.{76}/g, '$&\n');
const unsigned = read('samples/edoc_new.edxml').replace(/\s*<Signature>[\s\S]*<\/Signature>/, '')
  .replace('<edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"></edXML:ContentTransferEncoded>',
    `<edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">${payload}</edXML:ContentTransferEncoded>`);
const pkcs8 = createPrivateKey(read('signer-rsa.key')).export({ type: 'pkcs8', format: 'der' });
const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
const signed = await signEdxml(unsigned, { key, certificate: read('signer-rsa.pem'), chain: [read('issuing.pem')] });
const bytes = new TextEncoder().encode(signed);
const cache = createValidationCache();
const options = { trustStore, at, crls, cache };
const check = await verifyXmlSignature(signed, options);
if (check.indication !== 'TOTAL_PASSED') throw new Error(`benchmark document does not verify: ${check.message.en}`);

const pub = createPublicKey(new X509Certificate(read('signer-rsa.pem')).publicKey.export({ type: 'spki', format: 'pem' }));
const siMessage = Buffer.alloc(900, 0x61);
const siSignature = nodeSign('sha256', siMessage, createPrivateKey(read('signer-rsa.key')));

const mb = (bytes.length / 1024 / 1024).toFixed(2);
const raw = measure(`raw: node SHA-256 (${mb} MB) + RSA verify`, () => {
  createHash('sha256').update(bytes).digest();
  return nodeVerify('sha256', siMessage, pub, siSignature);
}, 20);
const rawHash = measure(`raw: node SHA-256 (${mb} MB)`, () => createHash('sha256').update(bytes).digest(), 20);
const ours = await measureAsync('verifyXmlSignature (warm cache)', () => verifyXmlSignature(signed, options), 5);
const c14n = measure('canonicalizeXml (exclusive/inclusive C14N 1.0)', () => canonicalizeXml(signed, { algorithm: C14N_ALGORITHMS.c14n }), 5);
report(`XML signature of an edXML envelope with a ${mb} MB attachment`, ours, [raw]);
report('C14N alone', c14n, [rawHash]);
