import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentTypes } from '../../src/documents/index.js';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trim().split(/\r?\n/)) {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

describe('bundled catalog matches the project data file', () => {
  it('nd30-2020-document-type-abbreviations.csv: same order, names and abbreviations', () => {
    const csv = readFileSync(new URL('../fixtures/documents/nd30-2020-document-type-abbreviations.csv', import.meta.url), 'utf8');
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['stt', 'ten_loai', 'abbreviation', 'note']);
    expect(rows).toHaveLength(documentTypes.length);
    rows.forEach(([stt, name, abbr], i) => {
      const t = documentTypes[i]!;
      expect(t.name).toBe(name);
      expect(t.abbreviation).toBe(abbr === '' ? null : abbr);
      expect(t.kind).toBe(stt!.startsWith('copy') ? 'copy' : 'administrative');
      if (t.kind === 'administrative') expect(String(t.order)).toBe(stt);
    });
  });
});
