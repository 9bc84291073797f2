import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as procedures from '../../src/procedures/index.js';
import { createWorkCalendar } from '../../src/calendar/index.js';

const dir = join(import.meta.dirname, '..', '..', 'src', 'procedures');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const strip = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('vn-egov/procedures module shape', () => {
  it('runs in browsers: no Node built-ins, Buffer, process, require or file reading in src/procedures', () => {
    const offenders: string[] = [];
    for (const f of files) {
      const code = strip(readFileSync(join(dir, f), 'utf8'));
      for (const [what, re] of [
        ['node: import', /from\s+['"]node:|from\s+['"](fs|path|crypto|stream|buffer|os|child_process)['"]/],
        ['Buffer', /\bBuffer\b/],
        ['process', /\bprocess\./],
        ['require()', /\brequire\(/],
        ['fetch()', /\bfetch\(/],
        ['hidden clock', /\bDate\.now\(|new Date\(\)/],
      ] as const) {
        if (re.test(code)) offenders.push(`${f}: ${what}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('imports other modules only through their index', () => {
    for (const f of files) {
      const code = readFileSync(join(dir, f), 'utf8');
      for (const m of code.matchAll(/from\s+'\.\.\/([^']+)'/g)) expect(m[1], `${f}: ${m[1]}`).toMatch(/^[a-z]+\/index\.js$/);
    }
  });

  it('documents every export with TSDoc and an @example', () => {
    const missing: string[] = [];
    for (const f of files.filter((x) => x !== 'index.ts' && x !== 'instant.ts')) {
      const code = readFileSync(join(dir, f), 'utf8');
      for (const m of code.matchAll(/^export (?:const|function|interface|type|class) (\w+)/gm)) {
        const before = code.slice(0, m.index);
        const doc = before.slice(before.lastIndexOf('/**'));
        const isInternal = /@internal/.test(doc);
        const docEnds = doc.includes('*/') && before.trimEnd().endsWith('*/');
        if (!isInternal && (!docEnds || !/@example/.test(doc))) missing.push(`${f}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('exposes only documented values from the public index', () => {
    expect(Object.keys(procedures).length).toBeGreaterThan(60);
    expect(typeof procedures.applyDossierEvent).toBe('function');
  });

  it('gives the same deadlines and report whatever the host time zone', () => {
    const calendar = createWorkCalendar();
    const scenario = () => {
      let d = procedures.createDossier({ id: 'x', procedureCode: '1.000358', channel: 'online', processingDays: 5, policy: 'pause', submittedAt: '2026-02-13T09:30:00Z' });
      d = procedures.applyDossierEvent(d, { type: 'received', at: '2026-02-13T09:30:00Z' }, { calendar });
      d = procedures.applyDossierEvent(d, { type: 'handedOver', at: new Date(Date.UTC(2026, 1, 23, 1)), from: 'a', to: 'b' }, { calendar });
      d = procedures.applyDossierEvent(d, { type: 'processed', at: Date.UTC(2026, 2, 1, 20, 0) }, { calendar });
      return { d, report: procedures.summarizeDossiers([d], { from: '2026-02-01', to: '2026-03-31', calendar }) };
    };
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        results.push(JSON.stringify(scenario()));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(results).size).toBe(1);
    const { d } = JSON.parse(results[0]!) as { d: procedures.Dossier };
    // 09:30Z = 16:30 in Vietnam on Friday 13/02 (online: no 15:00 cut-off, within office hours) → due 2026-02-27;
    // processed at 2026-03-02 03:00 Vietnam time
    expect([d.receivedAt, d.dueDay, d.processedAt]).toEqual(['2026-02-13T16:30:00+07:00', '2026-02-27', '2026-03-02T03:00:00+07:00']);
  });
});
