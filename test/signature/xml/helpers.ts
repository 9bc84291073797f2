/** Shared helpers of the XML signature tests: fixture loading, tool detection, re-signing of forged SignedInfo. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrustStore, type XmlSignatureVerificationOptions } from '../../../src/signature/index.js';

export const dir = join(import.meta.dirname, '../../fixtures/signature/xml');
export const text = (f: string): string => readFileSync(join(dir, f), 'utf8');
export const bin = (f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));
export const generatedAt = Date.parse(text('GENERATED_AT.txt').trim());
export const at = new Date(generatedAt + 86_400_000);
export const trustStore = createTrustStore({ anchors: [{ certificate: text('root.pem'), id: 'xml-test-root' }] });
export const crls = [bin('root.crl'), bin('issuing.crl')];
export const options: XmlSignatureVerificationOptions = { trustStore, at, crls, intermediates: [text('issuing.pem')] };

function has(tool: string, args: string[]): boolean {
  try {
    return spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}
export const hasXmlsec1 = has('xmlsec1', ['--version']);
export const hasXmllint = has('xmllint', ['--version']);

/** xmlsec1 --verify on a document: true when xmlsec1 says OK. */
export function xmlsecVerify(xml: string, extra: string[] = [], trusted = [join(dir, 'root.pem')], untrusted = [join(dir, 'issuing.pem')], when: Date = at): boolean {
  const tmp = mkdtempSync(join(tmpdir(), 'vn-egov-xmlsec-'));
  const f = join(tmp, 'doc.xml');
  writeFileSync(f, xml);
  const time = when.toISOString().slice(0, 19).replace('T', ' ');
  const args = ['--verify', '--enabled-reference-uris', 'empty,same-doc', '--verification-time', time,
    ...trusted.flatMap((t) => ['--trusted-pem', t]), ...untrusted.flatMap((u) => ['--untrusted-pem', u]), ...extra, f];
  const r = spawnSync('xmlsec1', args, { encoding: 'utf8' });
  return r.status === 0;
}

/** Writes PEM text to a temporary file (for xmlsec1 --trusted-pem / --untrusted-pem). */
export function pemFile(pem: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'vn-egov-pem-')), 'cert.pem');
  writeFileSync(f, pem);
  return f;
}

export function xmllint(flag: string, file: string): string {
  return execFileSync('xmllint', [flag, file]).toString('utf8');
}

/** Signs `data` with a fixture key the way an XMLDSig signer would (RSA PKCS#1 v1.5 SHA-256). */
export function rsaSign(data: string): string {
  return nodeSign('sha256', Buffer.from(data, 'utf8'), createPrivateKey(text('signer-rsa.key'))).toString('base64');
}
