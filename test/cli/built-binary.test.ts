import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../helpers/shared-data.js';

// The built `vn-egov` executable (dist/bin/vn-egov.js, the package's "bin"), as users and scripts run it. CI builds
// before it tests; without a build, or with a build older than the sources, these tests are skipped (reported as
// skipped, never as passed).
const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/bin/vn-egov.js');
function newestSource(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestSource(join(dir, e.name)) : e.name.endsWith('.ts') ? statSync(join(dir, e.name)).mtimeMs : 0)));
}
const built = existsSync(bin) && statSync(bin).mtimeMs >= newestSource(join(root, 'src'));
const samples = join(SHARED, 'data/edxml-samples');
const pdfDir = join(root, 'test/fixtures/signature/pdf');

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!built)('the built vn-egov binary', () => {
  it('prints its version and help', () => {
    expect(run('--version')).toMatchObject({ code: 0, out: '0.1.0\n' });
    const help = run('--help', '--lang', 'en');
    expect(help.code).toBe(0);
    for (const c of ['deadline', 'lunar', 'days-off', 'docnum', 'edxml inspect|validate', 'edxml build', 'verify', 'score']) expect(help.out).toContain(c);
  });

  it('reads every shared edXML sample, with exit 1 exactly when validation finds errors', () => {
    const files = readdirSync(samples).filter((f) => f.endsWith('.edxml'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) {
      const r = run('edxml', 'validate', join(samples, f), '--json');
      expect([0, 1], `${f}: ${r.err}`).toContain(r.code);
      const report = JSON.parse(r.out) as { kind: string; issues: { severity: string; code: string }[] };
      expect(report.kind).toBe(f.startsWith('status') ? 'status' : 'document');
      expect(r.code === 1, f).toBe(report.issues.some((i) => i.severity === 'error'));
    }
    const bad = JSON.parse(run('edxml', 'validate', join(samples, 'edoc_new.payload-stripped.edxml'), '--json').out) as { issues: { code: string }[] };
    expect(bad.issues.map((i) => i.code)).toContain('invalid_organization_code'); // "28.22.H17" in the sample
    const status = run('edxml', 'inspect', join(samples, 'status_acceptance_03.edxml'));
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/Mã trạng thái:\s+03/);
  });

  it('verifies a PDF with two signatures and rejects a shadow attack', () => {
    const at = new Date(Date.parse(readFileSync(join(pdfDir, 'GENERATED_AT.txt'), 'utf8').trim()) + 86_400_000).toISOString();
    const trust = ['--trust', join(pdfDir, 'root.pem'), '--crl', join(pdfDir, 'root.crl'), '--crl', join(pdfDir, 'issuing.crl'), '--at', at];
    const ok = run('verify', join(pdfDir, 'signed-two.pdf'), ...trust, '--lang', 'en');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/Indication:\s+TOTAL_PASSED/);
    expect(ok.out).toContain('Signature 2: pdf');
    const bad = run('verify', join(pdfDir, 'shadow-hide.pdf'), ...trust, '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).indication).not.toBe('TOTAL_PASSED');
  });

  it('computes a deadline and parses a document number', () => {
    expect(JSON.parse(run('deadline', '--from', '2026-02-13 16:00', '--days', '15', '--json').out).dueDay).toBe('2026-03-16');
    expect(run('docnum', 'parse', 'Số: 15/QĐ-UBND').out).toContain('Quyết định');
  });

  it('keeps its exit codes: 2 for usage errors, 3 for invalid input', () => {
    expect(run('frobnicate').code).toBe(2);
    expect(run('lunar', '2026-02-30').code).toBe(3);
    const missing = run('edxml', 'inspect', join(root, 'no-such-file.edxml'));
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('no-such-file.edxml');
  });
});
