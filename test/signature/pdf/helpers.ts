/** Shared helpers of the PDF signature tests: fixtures, manifest, trust store, CRLs, pdfsig runner. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTrustStore } from '../../../src/signature/index.js';

export const dir = join(import.meta.dirname, '../../fixtures/signature/pdf');
/** A fixture's bytes (`.gz` fixtures are gunzipped). */
export function fixture(f: string): Uint8Array {
  const b = readFileSync(join(dir, f));
  return new Uint8Array(f.endsWith('.gz') ? gunzipSync(b) : b);
}
export const text = (f: string): string => readFileSync(join(dir, f), 'utf8');
export const at = new Date(Date.parse(text('GENERATED_AT.txt').trim()) + 86_400_000);
export const trustStore = createTrustStore({ anchors: [{ certificate: text('root.pem'), id: 'pdf-test-root' }] });
export const crls = [fixture('root.crl'), fixture('issuing.crl')];
export const options = { trustStore, at, crls };

export interface ManifestCase {
  file: string;
  indication: 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE' | 'NO_SIGNATURE_FOUND';
  signatures?: { indication: string; subIndication?: string; changes?: 'none' | 'allowed' | 'disallowed' }[];
  note: string;
}
export const manifest = JSON.parse(text('manifest.json')) as { cases: ManifestCase[] };

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
export const havePdfsig = has('pdfsig') && has('certutil');

/** Per signature of pdfsig's output: "valid", "invalid" (digest mismatch, bad signature, not verified), total flag. */
export interface PdfsigSignature {
  validation: string;
  valid: boolean;
  total: boolean;
}

/** Runs pdfsig with an NSS database trusting `rootPem` (made once per call site with {@link nssDb}). */
export function pdfsig(db: string, bytes: Uint8Array): PdfsigSignature[] {
  const tmp = mkdtempSync(join(tmpdir(), 'vn-egov-pdfsig-'));
  try {
    const f = join(tmp, 'in.pdf');
    writeFileSync(f, bytes);
    let out: string;
    try {
      out = execFileSync('pdfsig', ['-nssdir', `sql:${db}`, '-no-ocsp', f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? '');
    }
    const sigs: PdfsigSignature[] = [];
    for (const block of out.split(/^Signature #\d+:$/m).slice(1)) {
      if (/The signature form field is not signed/.test(block)) continue; // an empty field, not a signature
      const v = /Signature Validation: (.*)$/m.exec(block)?.[1]?.trim() ?? '';
      sigs.push({ validation: v, valid: v === 'Signature is Valid.', total: /Total document signed/.test(block) && !/Not total document signed/.test(block) });
    }
    return sigs;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** An NSS database directory trusting the given root certificates (PEM). */
export function nssDb(rootsPem: string[]): { dir: string; dispose: () => void } {
  const d = mkdtempSync(join(tmpdir(), 'vn-egov-nss-'));
  execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${d}`], { stdio: 'pipe' });
  rootsPem.forEach((pem, i) => {
    const f = join(d, `root${i}.pem`);
    writeFileSync(f, pem);
    execFileSync('certutil', ['-A', '-n', `root${i}`, '-t', 'CT,C,C', '-i', f, '-d', `sql:${d}`], { stdio: 'pipe' });
  });
  return { dir: d, dispose: () => existsSync(d) && rmSync(d, { recursive: true, force: true }) };
}
