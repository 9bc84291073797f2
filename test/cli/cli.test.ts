import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, runCli } from '../../src/cli/index.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('vn-egov CLI', () => {
  it('computes a deadline after the 15:00 cut-off, in Vietnamese and as JSON', async () => {
    const vi = await run('deadline', '--from', '2026-02-13 16:00', '--days', '15');
    expect(vi.code).toBe(EXIT_CODES.ok);
    expect(vi.out).toContain('Ngày hẹn trả:  2026-03-16 (Thứ hai)');
    expect(vi.out).toContain('2026-02-23 (Thứ hai): sau giờ tiếp nhận cuối');
    const json = await run('deadline', '--from', '2026-02-13 16:00', '--days', '15', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ startDay: '2026-02-23', dueDay: '2026-03-16', provisional: false });
    const en = await run('deadline', '--from', '2026-12-28 09:00', '--days', '10', '--lang', 'en');
    expect(en.out).toContain('Due date:      2027-01-12 (Tuesday)');
    expect(en.out).toContain('(provisional)');
  });

  it('takes calendar options on the command line', async () => {
    const r = await run('deadline', '--from', '2026-03-06 09:00', '--days', '1', '--extra-day-off', '2026-03-09', '--json');
    expect(JSON.parse(r.out).dueDay).toBe('2026-03-10');
    const sat = await run('deadline', '--from', '2026-03-06 09:00', '--days', '1', '--saturday', '--json');
    expect(JSON.parse(sat.out).dueDay).toBe('2026-03-07');
    const noCutoff = await run('deadline', '--from', '2026-03-06 16:00', '--days', '0', '--cutoff', 'none', '--json');
    expect(JSON.parse(noCutoff.out).startDay).toBe('2026-03-06');
  });

  it('converts lunar dates both ways and lists days off', async () => {
    const l = await run('lunar', '2026-02-17');
    expect(l.out).toContain('ngày 1 tháng 1 năm Bính Ngọ (2026)');
    const back = await run('lunar', '--lunar', '2025-6-1', '--leap', '--json');
    expect(JSON.parse(back.out).solar).toBe('2025-07-25');
    const off = await run('days-off', '2026', '--json');
    const parsed = JSON.parse(off.out);
    expect(parsed.daysOff).toHaveLength(14);
    expect(parsed.workingSaturdays.map((s: { date: string }) => s.date)).toEqual(['2026-01-10', '2026-08-22']);
    const text = await run('days-off', '2026', '--lang', 'en');
    expect(text.out).toMatch(/2026-11-24\s+Tuesday\s+holiday\s+Vietnam Culture Day\s+official/);
  });

  it('parses document numbers', async () => {
    const r = await run('docnum', 'parse', 'Số: 15/QĐ-UBND');
    expect(r.out).toContain('Loại: Quyết định');
    const j = await run('docnum', 'parse', '30/2020/NĐ-CP', '--json');
    expect(JSON.parse(j.out)).toMatchObject({ number: 30, year: 2020, legalNormative: true });
  });

  it('returns stable exit codes: 3 for invalid input, 2 for usage errors', async () => {
    const bad = await run('lunar', '2026-02-30');
    expect(bad.code).toBe(EXIT_CODES.invalidInput);
    expect(bad.err).toContain('[INVALID_DATE]');
    const badJson = await run('lunar', '2026-02-30', '--json');
    expect(JSON.parse(badJson.out).error.code).toBe('INVALID_DATE');
    expect((await run('frobnicate')).code).toBe(EXIT_CODES.usage);
    expect((await run('deadline', '--days', '3')).code).toBe(EXIT_CODES.usage);
    expect((await run('deadline', '--from', 'x', '--days', 'three')).code).toBe(EXIT_CODES.usage);
    expect((await run('lunar', '--bogus')).code).toBe(EXIT_CODES.usage);
    expect((await run('deadline', '--from', 'tomorrow', '--days', '3')).code).toBe(EXIT_CODES.invalidInput);
    expect((await run()).code).toBe(EXIT_CODES.usage);
    expect((await run('--help', '--lang', 'en')).out).toContain('Exit codes');
  });

  it('runs as a real process through the bin entry', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'lunar', '1985-01-21', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).lunar).toEqual({ year: 1985, month: 1, day: 1, leap: false });
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'days-off', '1800'], { encoding: 'utf8' });
    expect(bad.status).toBe(3);
  });
});

describe('vn-egov edxml', () => {
  const io = (files: Record<string, Uint8Array>) => {
    let out = '';
    let err = '';
    return {
      io: {
        stdout: (s: string) => (out += s),
        stderr: (s: string) => (err += s),
        readFile: async (p: string) => {
          const f = files[p];
          if (!f) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
          return f;
        },
      },
      get out() {
        return out;
      },
      get err() {
        return err;
      },
    };
  };

  it('inspects and validates a real VPCP sample', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SHARED } = await import('../helpers/shared-data.js');
    const sample = new Uint8Array(readFileSync(join(SHARED, 'data/edxml-samples/status_acceptance_03.edxml')));
    const c = io({ 's.edxml': sample });
    expect(await runCli(['edxml', 'validate', 's.edxml', '--lang', 'en'], c.io)).toBe(EXIT_CODES.ok);
    expect(c.out).toMatch(/Status code:\s+03/);
    const j = io({ 's.edxml': sample });
    expect(await runCli(['edxml', 'inspect', 's.edxml', '--json'], j.io)).toBe(EXIT_CODES.ok);
    expect(JSON.parse(j.out)).toMatchObject({ kind: 'status', message: { statusCode: '03' } });
  });

  it('exits 1 on a package with errors, 3 on unreadable or forbidden input', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SHARED } = await import('../helpers/shared-data.js');
    const text = readFileSync(join(SHARED, 'data/edxml-samples/edoc_new.payload-stripped.edxml'), 'utf8');
    const broken = text.replace('<edXML:OrganId>000.00.00.A80</edXML:OrganId>', '<edXML:OrganId>not-a-code</edXML:OrganId>');
    expect(broken).not.toBe(text);
    const withErrors = io({ 'b.edxml': new TextEncoder().encode(broken) });
    expect(await runCli(['edxml', 'validate', 'b.edxml'], withErrors.io)).toBe(EXIT_CODES.negative);
    expect(withErrors.out).toMatch(/error\s+\S+\s+from\.organId/);
    const bad = io({ 'x.edxml': new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>') });
    expect(await runCli(['edxml', 'inspect', 'x.edxml'], bad.io)).toBe(EXIT_CODES.invalidInput);
    expect(bad.err).toContain('XML_ENTITY_FORBIDDEN');
    const missing = io({});
    expect(await runCli(['edxml', 'inspect', 'nope.edxml'], missing.io)).toBe(EXIT_CODES.invalidInput);
    expect(missing.err).toContain('Không đọc được tệp: nope.edxml');
    expect(await runCli(['edxml', 'frob', 'x'], io({}).io)).toBe(EXIT_CODES.usage);
  });
});

describe('vn-egov score', () => {
  const units = {
    period: '2026-08',
    units: [
      { unitId: 'xa-a', unitName: 'xã A', level: 'commune', values: { totalReceived: 120, totalOnTime: 111 } },
      { unitId: 'xa-b', unitName: 'xã B', level: 'commune', values: { totalReceived: 80, totalOnTime: 74 } },
      { unitId: 'xa-c', unitName: 'xã C', level: 'commune', values: { totalReceived: 50, totalOnTime: 30 } },
      { unitId: 'xa-d', unitName: 'xã D', level: 'commune', values: {} },
    ],
  };
  it('scores and ranks with ties, writes the workbook and CSV', async () => {
    const written: Record<string, Uint8Array | string> = {};
    let out = '';
    const code = await runCli(['score', '--set', 'qd766', 'in.json', '--xlsx', 'o.xlsx', '--csv', 'o.csv', '--lang', 'en'], {
      stdout: (s) => (out += s),
      stderr: () => {},
      readFile: async () => new TextEncoder().encode(JSON.stringify(units)),
      writeFile: async (p, d) => {
        written[p] = d;
      },
    });
    expect(code).toBe(EXIT_CODES.ok);
    expect(out).toMatch(/1=\s+xã A\s+18\.50/);
    expect(out).toMatch(/1=\s+xã B\s+18\.50/);
    expect(out).toMatch(/3\s+xã C\s+12\.00/);
    expect(out).toMatch(/--\s+xã D\s+not ranked/);
    const xlsx = written['o.xlsx'] as Uint8Array;
    expect([...xlsx.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip container
    expect(String(written['o.csv'])).toContain('xã A');
  });
  it('reports bad input files and options with exit codes', async () => {
    const ioWith = (text: string) => ({ stdout: () => {}, stderr: () => {}, readFile: async () => new TextEncoder().encode(text) });
    expect(await runCli(['score', 'in.json'], ioWith('{not json'))).toBe(EXIT_CODES.invalidInput);
    expect(await runCli(['score', 'in.json'], ioWith('{"units": 3, "period": "2026-08"}'))).toBe(EXIT_CODES.invalidInput);
    expect(await runCli(['score', '--set', 'nope', 'in.json'], ioWith('[]'))).toBe(EXIT_CODES.usage);
    expect(await runCli(['score', 'in.json'], ioWith('[]'))).toBe(EXIT_CODES.usage); // no period
    expect(await runCli(['score', 'in.json', '--period', '2026-08'], ioWith('[{"unitId": 5}]'))).toBe(EXIT_CODES.invalidInput);
  });
});
