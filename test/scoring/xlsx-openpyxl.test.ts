/**
 * Cross-check of the `.xlsx` export with a real spreadsheet reader: the workbook written by `toXlsx` is read back
 * with openpyxl (Python, /usr/bin/python3 with the Debian package python3-openpyxl — the `python3` on PATH may be
 * another interpreter without it). Sheet names, one sheet per group, every cell value (numbers as numbers, null as
 * an empty cell, Vietnamese text intact in NFC), number formats, bold frozen headers. Skipped, not passed, when
 * /usr/bin/python3 or openpyxl is absent (CI installs python3-openpyxl).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { criteriaSets, groupTable, rank, score, sheetName, summaryTable, toXlsx, type Cell, type ScoreResult, type UnitInputs } from '../../src/scoring/index.js';

const PYTHON = '/usr/bin/python3';
// VN_EGOV_NO_OPENPYXL=1 simulates a machine without it (the tests must then be skipped, not passed).
const hasOpenpyxl = process.env['VN_EGOV_NO_OPENPYXL'] !== '1' && existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

/** Reads a workbook with openpyxl and prints it as JSON: per sheet, its cells (value, type, number format, bold) and panes. */
const READER = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        rows.append([{"v": c.value, "t": c.data_type, "fmt": c.number_format, "bold": bool(c.font and c.font.b)} for c in row])
    out.append({"name": ws.title, "freeze": ws.freeze_panes, "maxRow": ws.max_row, "maxCol": ws.max_column, "rows": rows})
json.dump({"version": openpyxl.__version__, "sheets": out}, sys.stdout, ensure_ascii=False)
`;

interface PyCell {
  v: string | number | null;
  t: string;
  fmt: string;
  bold: boolean;
}
interface PySheet {
  name: string;
  freeze: string | null;
  maxRow: number;
  maxCol: number;
  rows: PyCell[][];
}

const dir = hasOpenpyxl ? mkdtempSync(join(tmpdir(), 'vn-egov-xlsx-')) : '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function readWithOpenpyxl(bytes: Uint8Array, name: string): { version: string; sheets: PySheet[] } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync(PYTHON, ['-c', READER, file], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { version: string; sheets: PySheet[] };
}

/** The cells openpyxl reads, as our table cells (an empty cell is null), trimmed to the table's width. */
const values = (s: PySheet, width: number): Cell[][] => s.rows.map((r) => Array.from({ length: width }, (_, i) => r[i]?.v ?? null));

const communes: UnitInputs[] = [
  { unitId: 'xa-xuan-lung', unitName: 'Xã Xuân Lũng', level: 'commune', values: { totalReceived: 1038, totalOnTime: 939, satisfiedDossiers: 1001, petitions: 3, petitionsOnTime: 3, petitionsSatisfied: 2 } },
  { unitId: 'xa-ngoc-dong', unitName: 'Xã Ngọc Đồng, huyện Yên Lập', level: 'commune', values: { totalReceived: 412, totalOnTime: 412, proceduresPublished: 120, proceduresPublishedOnTime: 118 } },
  { unitId: 'phuong-nghia-do', unitName: 'Phường Nghĩa Đô — "Cầu Giấy" & <Hà Nội>', level: 'commune', values: { totalReceived: 2210, totalOnTime: 1987, onlineSubmissionRatio: 0.62 } },
  { unitId: 'xa-trong', unitName: ' Xã Ỷ La (tên có dấu cách) ', level: 'commune', values: {} },
  { unitId: 'so-tu-phap', unitName: 'Sở Tư pháp', level: 'department', values: { totalReceived: 5120, totalOnTime: 5003, receivedDossiersBcqg: 5120, receivedDossiersPortal: 5000 } },
];

describe.skipIf(!hasOpenpyxl)('toXlsx read back with openpyxl', () => {
  const results: ScoreResult[] = score(criteriaSets.qd766, communes, { period: '2026-08' });
  const ranking = rank(results);

  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: sheet names, one sheet per group, every value, types, formats, bold frozen header`, () => {
      const book = readWithOpenpyxl(toXlsx(results, { lang, ranking }), `qd766-${lang}.xlsx`);
      const groups = results[0]!.groups;
      const taken = new Set<string>();
      const names = [lang === 'vi' ? 'Tổng hợp' : 'Summary', ...groups.map((g) => `${g.number ? `${g.number}. ` : ''}${g.name[lang]}`)].map((n) => sheetName(n, taken));
      expect(book.sheets.map((s) => s.name)).toEqual(names);
      for (const n of names) expect(n.length).toBeLessThanOrEqual(31); // Excel's limit ('2. Progress and results of proc')
      expect(book.sheets).toHaveLength(1 + groups.length);
      const expected = [summaryTable(results, { lang, ranking }), ...groups.map((g) => groupTable(results, g.id, { lang }))];
      book.sheets.forEach((sheet, si) => {
        const table = expected[si]!;
        const width = table[0]!.length;
        expect(sheet.maxRow).toBe(table.length);
        expect(sheet.maxCol).toBe(width);
        expect(values(sheet, width)).toEqual(table);
        expect(sheet.freeze).toBe('A2');
        for (const [ri, row] of sheet.rows.entries()) {
          for (const c of row) {
            if (c.v === null) continue;
            expect(c.bold).toBe(ri === 0);
            expect(c.t).toBe(typeof c.v === 'number' ? 'n' : 's');
            expect(c.fmt).toBe('General');
          }
        }
      });
    });
  }

  it('Vietnamese text arrives intact (NFC, every diacritic, XML special characters, edge spaces)', () => {
    const book = readWithOpenpyxl(toXlsx(results, { ranking }), 'names.xlsx');
    const names = book.sheets[0]!.rows.slice(1).map((r) => r[1]!.v);
    expect(names).toEqual(communes.map((u) => u.unitName));
    for (const n of names) expect(typeof n === 'string' && n === n.normalize('NFC')).toBe(true);
    expect(book.sheets[0]!.rows[0]!.map((c) => c.v)).toContain('Xếp hạng');
    expect(book.sheets[0]!.rows[4]!.at(-1)!.v).toBe('Không xếp hạng');
    expect(book.sheets[2]!.name).toBe('2. Tiến độ, kết quả giải quyết');
  });

  it('null stays an empty cell (never 0); the published 2.1 figure reads back as the number 15.68', () => {
    const phuTho = score(criteriaSets.qd766, { unitId: 'phu-tho', unitName: 'UBND tỉnh Phú Thọ', level: 'province', values: { totalReceived: 184513, totalOnTime: 144625 } }, { period: '2026-08' });
    const book = readWithOpenpyxl(toXlsx([phuTho]), 'phu-tho.xlsx');
    const progress = book.sheets[2]!;
    expect(progress.rows[1]![3]!.v).toBe(15.68);
    const summary = book.sheets[0]!.rows[1]!;
    expect(summary[3]!.v).toBe(15.68); // total = the only scored group
    expect(summary[4]?.v ?? null).toBeNull(); // transparency not scored: empty
  });

  it('an empty result list gives a workbook with the header-only summary sheet', () => {
    const book = readWithOpenpyxl(toXlsx([]), 'empty.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(['Tổng hợp']);
    expect(book.sheets[0]!.rows).toHaveLength(1);
  });
});
