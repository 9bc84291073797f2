import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES, runCli } from '../../src/cli/index.js';
import { parseEdxml } from '../../src/edxml/index.js';
import { SHARED } from '../helpers/shared-data.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'test/fixtures/cli');
const SAMPLES = join(SHARED, 'data/edxml-samples');
const out = mkdtempSync(join(tmpdir(), 'vn-egov-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs the `vn-egov` executable as a real process (its stderr is a pipe, not a terminal). */
function bin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI in-process with the real file system, telling it that stderr is (or is not) a terminal. */
async function inProcess(args: string[], stderrIsTTY: boolean): Promise<{ code: number; out: string; err: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: async (p) => new Uint8Array(readFileSync(p)),
    writeFile: async (p, d) => writeFileSync(p, d),
    stderrIsTTY,
  });
  return { code, out: stdout, err: stderr };
}

describe('vn-egov edxml build|status (the executable)', () => {
  it('builds a package from the committed spec: a file attachment and an inline base64 one', async () => {
    const target = join(out, 'pkg.edxml');
    const r = bin('edxml', 'build', join(FIXTURES, 'package.spec.json'), '-o', target, '--lang', 'en');
    expect(r.status).toBe(EXIT_CODES.ok);
    expect(r.stdout).toMatch(/^Wrote .*pkg\.edxml: document package, \d+ B, sha256 [0-9a-f]{64}\n0 errors, 0 notes\/warnings\n$/);
    expect(r.stderr).toBe(''); // not a terminal: no progress line
    const parsed = parseEdxml(readFileSync(target), { strict: true, expect: 'document' });
    expect(parsed.kind === 'document' && parsed.message.documentId).toBe('000.00.33.H40,2026/03/16,15/QĐ-UBND');
    expect(parsed.attachments.map((a) => [a.meta.attachmentName, a.meta.contentType])).toEqual([
      ['15-QD-UBND.pdf', 'application/pdf'], // name from the file, type sniffed
      ['phu-luc.txt', 'text/plain'],
    ]);
    // the package it wrote validates with the CLI itself
    const v = await inProcess(['edxml', 'validate', target, '--json'], false);
    expect(v.code).toBe(EXIT_CODES.ok);
    const report = JSON.parse(v.out);
    expect(report.attachments[0]).toMatchObject({ name: '15-QD-UBND.pdf', size: readFileSync(join(FIXTURES, '15-QD-UBND.pdf')).length, sniffed: 'pdf', matches: true });
    expect(report.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
  });

  it('writes the XML to stdout without -o, the summary to stderr; the same spec gives the same bytes', async () => {
    const a = bin('edxml', 'build', join(FIXTURES, 'package.spec.json'));
    expect(a.status).toBe(EXIT_CODES.ok);
    expect(a.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(a.stderr).toContain('Đã tạo: gói tin văn bản');
    expect((await inProcess(['edxml', 'build', join(FIXTURES, 'package.spec.json'), '-o', join(out, 'again.edxml')], false)).code).toBe(EXIT_CODES.ok);
    expect(readFileSync(join(out, 'again.edxml'), 'utf8')).toBe(a.stdout);
  });

  it('rejects an invalid spec with exit 3 and lists every schema issue', async () => {
    const r = bin('edxml', 'build', join(FIXTURES, 'invalid.spec.json'), '-o', join(out, 'never.edxml'), '--lang', 'en');
    expect(r.status).toBe(EXIT_CODES.invalidInput);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Error [EDXML_INVALID_MESSAGE]');
    expect(r.stderr).toContain('message.from: Unrecognized key: "nickname" [unrecognized_keys]');
    expect(r.stderr).toContain('message.to: Invalid input: expected array, received string [invalid_type]');
    expect(r.stderr).toMatch(/message\.promulgationInfo\.promulgationDate: .* \[invalid_format\]/);
    expect(r.stderr).toContain('attachments.0: give exactly one of "file" or "base64" [custom]');
    expect(readdirSync(out)).not.toContain('never.edxml');
    const json = await inProcess(['edxml', 'build', join(FIXTURES, 'invalid.spec.json'), '--json'], true);
    expect(json.code).toBe(EXIT_CODES.invalidInput);
    expect(JSON.parse(json.out).error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'))).toEqual([
      'message.from', 'message.to', 'message.promulgationInfo.promulgationDate', 'attachments.0',
    ]);
  });

  it('builds a status message that reads back as the VPCP sample of the same code does', () => {
    const target = join(out, 'status.xml');
    const r = bin('edxml', 'status', join(FIXTURES, 'status.spec.json'), '-o', target, '--json');
    expect(r.status).toBe(EXIT_CODES.ok);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'status', statusCode: '03', output: target, issues: [] });
    const mine = parseEdxml(readFileSync(target), { strict: true, expect: 'status' });
    const sample = parseEdxml(readFileSync(join(SAMPLES, 'status_acceptance_03.edxml')), { expect: 'status' });
    expect(mine.kind).toBe('status');
    expect(Object.keys(mine.message).sort()).toEqual(Object.keys(sample.message).sort());
    expect(mine.kind === 'status' && mine.message.statusCode).toBe('03');
  });
});

describe('vn-egov edxml build (usage and inputs)', () => {
  it('usage errors exit 2; missing attachment files and unreadable JSON exit 3', async () => {
    expect((await inProcess(['edxml', 'build'], false)).code).toBe(EXIT_CODES.usage);
    expect((await inProcess(['edxml', 'inspect', join(SAMPLES, 'status.edxml'), '-o', 'x'], false)).code).toBe(EXIT_CODES.usage);
    expect((await inProcess(['edxml', 'build', 'a.json', 'b.json'], false)).code).toBe(EXIT_CODES.usage);
    const notJson = await inProcess(['edxml', 'build', join(FIXTURES, '15-QD-UBND.pdf')], false);
    expect(notJson.code).toBe(EXIT_CODES.invalidInput);
    expect(notJson.err).toContain('Không đọc được tệp');
    const spec = JSON.parse(readFileSync(join(FIXTURES, 'package.spec.json'), 'utf8'));
    spec.attachments[0].file = 'missing.pdf';
    let err = '';
    const code = await runCli(['edxml', 'build', join(FIXTURES, 'x.spec.json'), '--lang', 'en'], {
      stdout: () => {},
      stderr: (s) => (err += s),
      readFile: async (p) => {
        if (p.endsWith('x.spec.json')) return new TextEncoder().encode(JSON.stringify(spec));
        throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      },
    });
    expect(code).toBe(EXIT_CODES.invalidInput);
    expect(err).toContain(`Cannot read file: ${join(FIXTURES, 'missing.pdf')}`);
  });
});

describe('progress on standard error', () => {
  const pkgFile = join(SAMPLES, 'edoc_new.payload-stripped.edxml');

  it('shows a progress line on stderr only when it is a terminal, and erases it; stdout is unchanged', async () => {
    const tty = await inProcess(['edxml', 'inspect', pkgFile, '--lang', 'en'], true);
    const pipe = await inProcess(['edxml', 'inspect', pkgFile, '--lang', 'en'], false);
    expect(tty.code).toBe(pipe.code);
    expect(tty.out).toBe(pipe.out);
    expect(pipe.err).toBe('');
    expect(tty.err).toContain('\r\x1b[2KReading ');
    expect(tty.err.endsWith('\r\x1b[2K')).toBe(true); // the line is erased before the result is printed
    expect(tty.out).not.toContain('\r');
  });

  it('is silent with --json even on a terminal', async () => {
    const r = await inProcess(['edxml', 'validate', pkgFile, '--json'], true);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).kind).toBe('document');
  });

  it('reports the stages of a long score run', async () => {
    const units = Array.from({ length: 300 }, (_, i) => ({ unitId: `xa-${i}`, level: 'commune', values: { totalReceived: 100 + i, totalOnTime: 90 + (i % 10) } }));
    let err = '';
    let stdout = '';
    const code = await runCli(['score', 'in.json', '--period', '2026-08', '--lang', 'en'], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (err += s),
      readFile: async () => new TextEncoder().encode(JSON.stringify(units)),
      stderrIsTTY: true,
    });
    expect(code).toBe(EXIT_CODES.ok);
    expect(err).toContain('Scoring 300 units');
    expect(err).toContain('Ranking');
    expect(stdout).not.toContain('Scoring');
  });
});
