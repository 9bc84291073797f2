import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { criteriaSets, rank, score, classify, egdiGroups } from '../../src/scoring/index.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/scoring/${name}`, import.meta.url), 'utf8'));

interface Qd766Case {
  name: string;
  unit: string;
  level: string;
  group: string;
  values: Record<string, number>;
  published: number;
  publishedParts?: Record<string, number>;
}
interface EgdiRow {
  country: string;
  year: number;
  rank: number;
  egdi: number;
  osi: number;
  hci: number;
  tii: number;
}

describe('QĐ 766: published portal figures are reproduced exactly (specs/scoring.md §1.8)', () => {
  const { cases } = fixture('qd766-published.json') as { cases: Qd766Case[] };
  it('has the fixture rows', () => expect(cases.length).toBe(7));
  for (const c of cases) {
    it(`${c.name} = ${c.published}`, () => {
      const r = score(criteriaSets.qd766, { unitId: c.unit, level: c.level, values: c.values }, { period: '2026-08' });
      const g = r.groups.find((x) => x.id === c.group)!;
      expect(g.points).toBe(c.published);
      for (const [id, pts] of Object.entries(c.publishedParts ?? {})) {
        expect(g.indicators.find((i) => i.id === id)?.points, id).toBe(pts);
      }
    });
  }

  it('progress 20 × 144625 ÷ 184513 = 15.68, explained in both languages', () => {
    const r = score(criteriaSets.qd766, { unitId: 'phu-tho', values: { totalReceived: 184513, totalOnTime: 144625 } }, { period: '2026-08' });
    const ind = r.groups[1]!.indicators[0]!;
    expect(ind.points).toBe(15.68);
    expect(ind.explanation?.rawPoints).toBeCloseTo((20 * 144625) / 184513, 12);
    expect(ind.explanation?.vi).toBe('Tỷ lệ = 144625 ÷ 184513 = 0,7838. Điểm = 20 × 0,7838 = 15,6764; làm tròn 2 chữ số thập phân: 15,68.');
    expect(ind.explanation?.en).toBe('Ratio = 144625 ÷ 184513 = 0.7838. Points = 20 × 0.7838 = 15.6764; rounded to 2 decimals: 15.68.');
    expect(ind.explanation?.rounding).toEqual({ decimals: 2, from: ind.explanation?.rawPoints, to: 15.68 });
  });

  it('the group ratio equals points ÷ max × 100 (12.97 ÷ 18 = 72.06 %)', () => {
    const c = cases.find((x) => x.name.startsWith('Satisfaction, Phú Thọ'))!;
    const r = score(criteriaSets.qd766, { unitId: 'p', values: c.values }, { period: '2026-08' });
    expect(r.groups.find((g) => g.id === 'satisfaction')!.percent).toBe(72.06);
  });
});

describe('EGDI: published values recomputed from the published components (specs/scoring.md §5.3)', () => {
  const { rows } = fixture('egdi-published.json') as { rows: EgdiRow[] };
  it('has the 14 country-years', () => expect(rows.length).toBe(14));
  for (const row of rows) {
    it(`${row.country} ${row.year} = ${row.egdi}`, () => {
      const r = score(criteriaSets.egdi, { unitId: row.country, values: { osi: row.osi, tii: row.tii, hci: row.hci } }, { period: String(row.year) });
      expect(r.total).toBe(row.egdi);
    });
  }
  it('Viet Nam 2022 = 0.6787 and 2024 = 0.7709; 2024 is "Very High"', () => {
    const vn = rows.filter((r) => r.country === 'Viet Nam');
    const [y22, y24] = vn.map((row) => score(criteriaSets.egdi, { unitId: 'VNM', values: { osi: row.osi, tii: row.tii, hci: row.hci } }, { period: String(row.year) }).total);
    expect(y22).toBe(0.6787);
    expect(y24).toBe(0.7709);
    expect(classify(y24!, egdiGroups).label.en).toBe('Very High');
    expect(classify(y22!, egdiGroups).label.en).toBe('High');
  });
  it('ranking the 2024 ASEAN rows gives the published order', () => {
    const y24 = rows.filter((r) => r.year === 2024);
    const results = score(criteriaSets.egdi, y24.map((r) => ({ unitId: r.country, values: { osi: r.osi, tii: r.tii, hci: r.hci } })), { period: '2024' });
    const order = rank(results, { precision: 4 }).map((e) => e.unitId);
    expect(order).toEqual([...y24].sort((a, b) => a.rank - b.rank).map((r) => r.country));
  });
});
