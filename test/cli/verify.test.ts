import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES, runCli } from '../../src/cli/index.js';
import { createEdxmlPackage, createTestPki, signCms, type TestPki } from '../../src/testing/index.js';

// `vn-egov verify` on the PDF fixtures made by poppler's pdfsig and by script (test/fixtures/signature/pdf), and on
// CMS and edXML packages from the test PKI.
const pdfDir = join(import.meta.dirname, '../fixtures/signature/pdf');
const pdfAt = new Date(Date.parse(readFileSync(join(pdfDir, 'GENERATED_AT.txt'), 'utf8').trim()) + 86_400_000).toISOString();
const pdfArgs = ['--trust', join(pdfDir, 'root.pem'), '--crl', join(pdfDir, 'root.crl'), '--crl', join(pdfDir, 'issuing.crl'), '--at', pdfAt];

let work: string;
let pki: TestPki;
let pkiArgs: string[];

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readFile: async (p) => new Uint8Array(readFileSync(p)),
  });
  return { code, out, err };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vn-egov-cli-verify-'));
  writeFileSync(join(work, 'pdfsig-signed.pdf'), gunzipSync(readFileSync(join(pdfDir, 'pdfsig-signed.pdf.gz'))));
  pki = await createTestPki({ seed: 'cli-verify', now: '2026-03-10T03:00:00Z' });
  writeFileSync(join(work, 'roots.pem'), [pki.neac.root.pem, pki.bcy.root.pem].join('\n'));
  const crls = await pki.crls();
  crls.forEach((c, i) => writeFileSync(join(work, `ca-${i}.crl`), c.der));
  pkiArgs = ['--trust', join(work, 'roots.pem'), ...crls.map((_, i) => ['--crl', join(work, `ca-${i}.crl`)]).flat(), '--at', pki.now.toISOString()];
  const content = new TextEncoder().encode('Quyết định số 15/QĐ-UBND');
  writeFileSync(join(work, 'quyet-dinh.txt'), content);
  writeFileSync(join(work, 'quyet-dinh.txt.p7s'), await signCms({ signer: pki.neac.person, content, chain: [pki.neac.ca], signingTime: pki.now }));
  const pkg = await createEdxmlPackage({ seed: 11, signed: { pki } });
  writeFileSync(join(work, 'goi-tin.edxml'), pkg.xml);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('vn-egov verify', () => {
  it('verifies a PDF signed by pdfsig: signer, time, indication (exit 0)', async () => {
    const r = await run('verify', join(work, 'pdfsig-signed.pdf'), ...pdfArgs);
    expect(r.code, r.err).toBe(EXIT_CODES.ok);
    expect(r.out).toMatch(/Kết luận:\s+TOTAL_PASSED/);
    expect(r.out).toContain('Chữ ký 1: pdf');
    expect(r.out).toMatch(/Người ký:\s+\S/);
    const json = JSON.parse((await run('verify', join(work, 'pdfsig-signed.pdf'), ...pdfArgs, '--json')).out);
    expect(json).toMatchObject({ kind: 'pdf', indication: 'TOTAL_PASSED' });
    expect(json.signatures[0].details.kind).toBe('pdf');
  });

  it('gives the reasons and exit 1 for tampered and attacked PDFs', async () => {
    const flipped = await run('verify', join(pdfDir, 'flip-signed-range.pdf'), ...pdfArgs, '--lang', 'en');
    expect(flipped.code).toBe(EXIT_CODES.negative);
    expect(flipped.out).toMatch(/Indication:\s+TOTAL_FAILED/);
    expect(flipped.out).toMatch(/- FAILED: /);
    const shadow = await run('verify', join(pdfDir, 'shadow-replace.pdf'), ...pdfArgs, '--json');
    expect(shadow.code).toBe(EXIT_CODES.negative);
    expect(JSON.parse(shadow.out).indication).not.toBe('TOTAL_PASSED');
    const unsigned = await run('verify', join(pdfDir, 'base.pdf'), ...pdfArgs, '--json');
    expect(unsigned.code).toBe(EXIT_CODES.negative);
    expect(JSON.parse(unsigned.out).indication).toBe('NO_SIGNATURE_FOUND');
  });

  it('verifies a detached .p7s against the file beside it, or the one given with --content', async () => {
    const r = await run('verify', join(work, 'quyet-dinh.txt.p7s'), ...pkiArgs);
    expect(r.code, r.out + r.err).toBe(EXIT_CODES.ok);
    expect(r.out).toContain('CCCD 001234567890');
    writeFileSync(join(work, 'other.txt'), 'một văn bản khác');
    const wrong = await run('verify', join(work, 'quyet-dinh.txt.p7s'), '--content', join(work, 'other.txt'), ...pkiArgs, '--json');
    expect(wrong.code).toBe(EXIT_CODES.negative);
    expect(JSON.parse(wrong.out).subIndication).toBe('HASH_FAILURE');
  });

  it('verifies every signed attachment of an edXML package', async () => {
    const r = await run('verify', join(work, 'goi-tin.edxml'), ...pkiArgs, '--json');
    expect(r.code, r.err).toBe(EXIT_CODES.ok);
    const report = JSON.parse(r.out);
    expect(report.kind).toBe('edxml');
    expect(report.signatures.length).toBeGreaterThan(0);
    expect(report.signatures.every((s: { source: string; indication: string }) => s.source === 'edxml-attachment-cms' && s.indication === 'TOTAL_PASSED')).toBe(true);
  });

  it('trusts only the bundled Vietnamese roots by default: a test-PKI signature is not valid then', async () => {
    const r = await run('verify', join(work, 'quyet-dinh.txt.p7s'), '--at', pki.now.toISOString(), '--json');
    expect(r.code).toBe(EXIT_CODES.negative);
    expect(JSON.parse(r.out).indication).not.toBe('TOTAL_PASSED');
  });

  it('exits 2 on usage errors and 3 on unreadable or unknown input', async () => {
    expect((await run('verify')).code).toBe(EXIT_CODES.usage);
    expect((await run('verify', join(work, 'goi-tin.edxml'), '--at', 'yesterday')).code).toBe(EXIT_CODES.usage);
    expect((await run('verify', join(work, 'goi-tin.edxml'), '--content', 'x')).code).toBe(EXIT_CODES.usage);
    expect((await run('verify', join(work, 'missing.pdf'))).code).toBe(EXIT_CODES.invalidInput);
    writeFileSync(join(work, 'notes.txt'), 'just text');
    const unknown = await run('verify', join(work, 'notes.txt'));
    expect(unknown.code).toBe(EXIT_CODES.invalidInput);
    expect(unknown.err).toContain('DOCUMENT_UNKNOWN_TYPE');
  });

  it('runs as the real binary', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'verify', join(pdfDir, 'flip-contents.pdf'), ...pdfArgs, '--json'], {
      encoding: 'utf8', cwd: join(import.meta.dirname, '../..'), timeout: 120_000,
    });
    expect(r.status).toBe(EXIT_CODES.negative);
    expect(JSON.parse(r.stdout).kind).toBe('pdf');
  });
});
