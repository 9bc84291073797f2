import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  columnName,
  criteriaSets,
  parseResultDocument,
  rank,
  score,
  sheetName,
  toCsv,
  toResultDocument,
  toXlsx,
  RESULT_FORMAT,
} from '../../src/scoring/index.js';

const units = [
  { unitId: 'phu-tho', unitName: 'UBND tỉnh Phú Thọ', level: 'province', values: { totalReceived: 184513, totalOnTime: 144625, satisfiedDossiers: 144574, petitions: 247, petitionsOnTime: 182, petitionsSatisfied: 137 } },
  { unitId: 'xuan-lung', unitName: 'xã Xuân Lũng, "Lâm Thao"', level: 'commune', values: { totalReceived: 1038, totalOnTime: 939 } },
  { unitId: 'empty', unitName: '=HYPERLINK("x")', level: 'commune', values: {} },
];
const results = score(criteriaSets.qd766, units, { period: '2026-08' });
const ranking = rank(results);

describe('CSV', () => {
  it('summary with BOM, CRLF, quoting, empty for null, rank and không xếp hạng', () => {
    const csv = toCsv(results, { ranking });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'Mã đơn vị,Tên đơn vị,Kỳ,Tổng điểm (tối đa 100),"1. Công khai, minh bạch (tối đa 18)","2. Tiến độ, kết quả giải quyết (tối đa 20)",3. Cung cấp dịch vụ trực tuyến (tối đa 12),3b. Thanh toán trực tuyến (tối đa 10),4. Số hóa hồ sơ (tối đa 22),5. Mức độ hài lòng (tối đa 18),Xếp hạng',
    );
    expect(lines[1]).toBe('phu-tho,UBND tỉnh Phú Thọ,tháng 08/2026,28.65,,15.68,,,,12.97,1');
    expect(lines[2]).toBe('xuan-lung,"xã Xuân Lũng, ""Lâm Thao""",tháng 08/2026,18.09,,18.09,,,,,2');
    expect(lines[3]).toBe(`empty,"'=HYPERLINK(""x"")",tháng 08/2026,,,,,,,,Không xếp hạng`);
  });
  it('one group, English, semicolons, no BOM', () => {
    const csv = toCsv(results, { group: 'progress', lang: 'en', separator: ';', bom: false });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Unit id;Unit name;Period;Group points (max 20);2.1 Dossiers processed early or on time (max 20);2.2 Average processing time per procedure (max 0)');
    expect(lines[1]).toBe('phu-tho;UBND tỉnh Phú Thọ;2026-08;15.68;15.68;');
  });
  it('rejects bad options and mixed sets', () => {
    expect(() => toCsv(results, { separator: '|' as ',' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    const egdi = score(criteriaSets.egdi, { unitId: 'x', values: {} }, { period: '2024' });
    expect(() => toCsv([...results, egdi])).toThrow(expect.objectContaining({ code: 'SET_MISMATCH' }));
  });
});

describe('JSON result document', () => {
  it('round-trips through JSON and validates against the schema', () => {
    const doc = toResultDocument(criteriaSets.qd766, results, { generatedAt: '2026-09-01T06:00:00+07:00' });
    expect(doc.format).toBe(RESULT_FORMAT);
    expect(doc.version).toBe(1);
    const back = parseResultDocument(JSON.parse(JSON.stringify(doc)));
    expect(back).toEqual(doc);
    expect(() => parseResultDocument({ ...doc, version: 2 })).toThrow(expect.objectContaining({ code: 'INVALID_RESULT' }));
    expect(() => toResultDocument(criteriaSets.egdi, results)).toThrow(expect.objectContaining({ code: 'SET_MISMATCH' }));
  });
});

describe('XLSX (SpreadsheetML zipped with fflate)', () => {
  const bytes = toXlsx(results, { ranking });
  const files = unzipSync(bytes);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['sheet', 'row', 'c', 'Override', 'Relationship'].includes(name) });
  const xml = (path: string) => {
    const f = files[path];
    if (!f) throw new Error(`missing ${path}`);
    return parser.parse(strFromU8(f));
  };
  type XCell = { '@r': string; '@t'?: string; v?: number | string; is?: { t: string | { '#text': string } } };
  const cellText = (c: XCell): string | number | null => (c['@t'] === 'inlineStr' ? (typeof c.is!.t === 'object' ? c.is!.t['#text'] : String(c.is!.t)) : c.v !== undefined ? Number(c.v) : null);
  const sheetRows = (i: number): Map<string, string | number | null> => {
    const rows = xml(`xl/worksheets/sheet${i}.xml`).worksheet.sheetData.row as { c?: XCell[] }[];
    return new Map(rows.flatMap((r) => (r.c ?? []).map((c) => [c['@r'], cellText(c)] as const)));
  };

  it('is a zip with the SpreadsheetML parts, well-formed XML, starting with PK', () => {
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml',
      ...Array.from({ length: 7 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`),
      'xl/workbook.xml',
    ].sort());
    const types = xml('[Content_Types].xml').Types.Override as { '@PartName': string }[];
    expect(types.map((t) => t['@PartName'])).toContain('/xl/worksheets/sheet7.xml');
    const rels = xml('xl/_rels/workbook.xml.rels').Relationships.Relationship as { '@Target': string }[];
    expect(rels.map((r) => r['@Target'])).toContain('styles.xml');
  });

  it('has a summary sheet and one sheet per group, named in Vietnamese', () => {
    const sheets = xml('xl/workbook.xml').workbook.sheets.sheet as { '@name': string }[];
    expect(sheets.map((s) => s['@name'])).toEqual([
      'Tổng hợp', '1. Công khai, minh bạch', '2. Tiến độ, kết quả giải quyết', '3. Cung cấp dịch vụ trực tuyến', '3b. Thanh toán trực tuyến', '4. Số hóa hồ sơ', '5. Mức độ hài lòng',
    ]);
  });

  it('carries the values: numbers as numbers, null as an empty cell, rank and không xếp hạng', () => {
    const summary = sheetRows(1);
    expect(summary.get('A1')).toBe('Mã đơn vị');
    expect(summary.get('B2')).toBe('UBND tỉnh Phú Thọ');
    expect(summary.get('D2')).toBe(28.65);
    expect(summary.get('F2')).toBe(15.68);
    expect(summary.has('E2')).toBe(false); // transparency not scored: empty, not 0
    expect(summary.get('K3')).toBe(2);
    expect(summary.get('K4')).toBe('Không xếp hạng');
    expect(summary.get('B4')).toBe('=HYPERLINK("x")'); // inline string: never a formula
    const satisfaction = sheetRows(7);
    expect(satisfaction.get('D2')).toBe(12.97);
    expect([satisfaction.get('G2'), satisfaction.get('H2'), satisfaction.get('I2')]).toEqual([4.42, 3.33, 5.22]);
  });

  it('is deterministic and in English on request', () => {
    expect(toXlsx(results, { ranking })).toEqual(bytes);
    const en = unzipSync(toXlsx(results, { lang: 'en' }));
    expect(strFromU8(en['xl/workbook.xml']!)).toContain('name="Summary"');
  });

  it('column names and sheet names follow Excel rules', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?e[f]g\\h', taken)).toBe('a b c d e f g h');
    const long = 'Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả';
    const first = sheetName(long, taken);
    const second = sheetName(long, taken);
    expect(first.length).toBeLessThanOrEqual(31);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second).not.toBe(first);
    expect(sheetName('   ', taken)).toBe('Sheet');
  });
});

describe('JSON Schema of the result document', () => {
  it('matches the committed copy (changing the format must be deliberate)', async () => {
    const { readFileSync } = await import('node:fs');
    const committed = JSON.parse(readFileSync(new URL('../fixtures/scoring/result-schema.json', import.meta.url), 'utf8'));
    const { resultJsonSchema } = await import('../../src/scoring/index.js');
    expect(resultJsonSchema()).toEqual(committed);
    expect(committed.properties.version.const).toBe(1);
    expect(committed.required).toEqual(expect.arrayContaining(['format', 'version', 'set', 'results']));
  });
});

describe('empty exports', () => {
  it('an empty result list gives a header-only CSV and a workbook with the summary sheet', () => {
    expect(toCsv([], { bom: false, lang: 'en' })).toBe('Unit id,Unit name,Period,Total\r\n');
    const files = unzipSync(toXlsx([]));
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Tổng hợp"');
    expect(Object.keys(files).filter((f) => f.startsWith('xl/worksheets/'))).toEqual(['xl/worksheets/sheet1.xml']);
  });
});
