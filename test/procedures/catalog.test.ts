import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProcedureCatalog } from '../../scripts/procedures-generate-catalog.js';
import { toSearchKey } from '../../src/text/index.js';
import {
  createProcedureCatalog,
  fromNationalIndexRecord,
  fromNationalPortal,
  type NationalIndexRecord,
  type Procedure,
} from '../../src/procedures/index.js';
import { SHARED } from '../helpers/shared-data.js';

const indexRecords = JSON.parse(readFileSync(join(SHARED, 'data/domain/dvcqg-index-excerpt.json'), 'utf8')) as NationalIndexRecord[];
const real: Procedure[] = [
  fromNationalPortal(JSON.parse(readFileSync(join(SHARED, 'data/domain/dvcqg-procedure-1.000358.json'), 'utf8'))).procedure,
  ...indexRecords.map((r) => fromNationalIndexRecord(r).procedure),
];

describe('fromNationalIndexRecord (flat index, spec §2.2)', () => {
  it('parses levels as a set and maps the kinds, without issues on the excerpt', () => {
    for (const r of indexRecords) expect(fromNationalIndexRecord(r).issues).toEqual([]);
    const combined = fromNationalIndexRecord(indexRecords.find((r) => r.ma_tthc === '1.116538')!).procedure;
    expect(combined.levels).toEqual(['commune', 'province', 'ministry']);
    expect(real.filter((p) => p.kind === 'internal').map((p) => p.code)).toEqual(['5.003882', '5.003881']);
    expect(real.some((p) => p.levels.includes('district'))).toBe(false);
    const odd = fromNationalIndexRecord({ ma_tthc: '1.000001', ten_tthc: 'X', cap_thuc_hien: 'Cấp thôn', loai_tthc: 'Khác', note: 1 } as NationalIndexRecord);
    expect(odd.issues.map((i) => i.code)).toEqual(['unknown_level', 'unknown_procedure_type']);
    expect(odd.procedure.extra).toEqual({ cap_thuc_hien: 'Cấp thôn', loai_tthc: 'Khác', note: 1 });
  });
});

describe('createProcedureCatalog on real records', () => {
  const catalog = createProcedureCatalog(real);

  it('finds by code, case code and extended code', () => {
    expect(catalog.size).toBe(11); // the sample and the 10 index records
    expect(catalog.search('1.000358').map((h) => [h.procedure.code, h.match])).toEqual([['1.000358', 'code']]);
    expect(catalog.search('1.000358.02')[0]!.procedure.code).toBe('1.000358');
    expect(catalog.get('1.116612.000.00.00.H29')?.code).toBe('1.116612');
    expect(catalog.search('1.1165').map((h) => h.procedure.code)).toEqual(['1.116532', '1.116538', '1.116540', '1.116551', '1.116556']);
    expect(catalog.search('9.999999')).toEqual([]);
  });

  it('finds words with or without diacritics, and filters by sector, level, agency and kind', () => {
    const a = catalog.search('gia han giay phep chi nhanh');
    expect(a[0]!.procedure.code).toBe('1.000358');
    expect(catalog.search('Gia hạn Giấy phép thành lập Chi nhánh')[0]!.procedure.code).toBe('1.000358');
    expect(catalog.search({ text: 'apostille', level: 'ministry' }).map((h) => h.procedure.code)).toEqual(['1.116612']);
    expect(catalog.search({ text: 'apostille', level: 'commune' })).toEqual([]);
    expect(catalog.search({ sector: 'dat dai' }).map((h) => h.procedure.code).sort()).toEqual(['1.116532', '1.116623']);
    expect(catalog.search({ sector: 'Đất đai', level: 'province' }).map((h) => h.procedure.code)).toEqual(['1.116623']);
    expect(catalog.search({ sector: 'G02-CT19' }).map((h) => h.procedure.code)).toEqual(['1.000358']);
    expect(catalog.search({ agency: 'uy ban nhan dan cap xa' }).map((h) => h.procedure.code).sort()).toEqual(['1.116532', '1.116540', '1.116623']);
    expect(catalog.search({ kind: 'internal', level: 'ministry' }).map((h) => h.procedure.code)).toEqual(['5.003881']);
  });

  it('rejects invalid input', () => {
    expect(() => catalog.search({ text: 'x', limit: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => createProcedureCatalog([{ code: 'bad' } as unknown as Procedure])).toThrow(expect.objectContaining({ code: 'INVALID_PROCEDURE' }));
    expect(() => createProcedureCatalog(5 as unknown as Procedure[])).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});

describe('createProcedureCatalog on a generated national-size catalog', () => {
  const procedures = generateProcedureCatalog({ size: 6297, seed: 42 });
  const catalog = createProcedureCatalog(procedures);

  it('is seeded: same seed, same catalog; 6,297 distinct codes', () => {
    expect(generateProcedureCatalog({ size: 50, seed: 42 })).toEqual(procedures.slice(0, 50));
    expect(generateProcedureCatalog({ size: 50, seed: 43 })).not.toEqual(procedures.slice(0, 50));
    expect(new Set(procedures.map((p) => p.code)).size).toBe(6297);
    expect(catalog.size).toBe(6297);
  });

  it('"cap giay phep xay dung" ranks the exact name first, then longer names with the phrase', () => {
    expect(procedures.filter((p) => p.name === 'Cấp giấy phép xây dựng').length).toBeGreaterThan(0);
    const hits = catalog.search({ text: 'cap giay phep xay dung', limit: 50 });
    expect(hits.length).toBeGreaterThan(5);
    expect(toSearchKey(hits[0]!.procedure.name)).toBe('cap giay phep xay dung');
    for (const h of hits) expect(toSearchKey(h.procedure.name)).toContain('giay phep xay dung');
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    // the same query typed with diacritics gives the same first hit
    expect(catalog.search('Cấp giấy phép xây dựng')[0]!.procedure.name).toBe(hits[0]!.procedure.name);
    // sector filter: name with punctuation, with or without diacritics, or the code
    const labour = catalog.search({ sector: 'lao dong tien luong', limit: 10_000 });
    expect(labour.length).toBeGreaterThan(50);
    expect(catalog.search({ sector: 'Lao động - Tiền lương', limit: 10_000 }).length).toBe(labour.length);
    for (const h of labour) expect(h.procedure.sectors[0]!.name).toBe('Lao động - Tiền lương');
    const code = labour[0]!.procedure.sectors[0]!.code!;
    expect(catalog.search({ sector: code, limit: 10_000 }).every((h) => h.procedure.sectors[0]!.code === code)).toBe(true);
    // the last word is a prefix
    expect(catalog.search('giay phep xay d').length).toBeGreaterThan(0);
  });

  it('property: word search returns exactly what a naive AND filter over folded names returns (up to the limit)', () => {
    const nameTokens = procedures.map((p) => toSearchKey(p.name).split(/[^a-z0-9]+/));
    const words = [...new Set(nameTokens.flat().filter((w) => w.length > 1))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), (qs) => {
        const query = qs.join(' ');
        const hits = catalog.search({ text: query, limit: 10_000 });
        const naive = procedures.filter((_, i) => {
          const toks = nameTokens[i]!;
          return qs.every((q, k) => (k === qs.length - 1 ? toks.some((t) => t.startsWith(q)) : toks.includes(q)));
        });
        if (naive.length > 0) expect(hits.map((h) => h.procedure.code).sort()).toEqual(naive.map((p) => p.code).sort());
        else for (const h of hits) expect(qs.some((q) => toSearchKey(h.procedure.name).includes(q))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
