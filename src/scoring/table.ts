import { fail } from './errors.js';
import type { Language } from './localized-text.js';
import { formatPeriod, periodKey } from './periods.js';
import type { RankEntry } from './rank.js';
import type { ScoreResult } from './result-schema.js';

/**
 * A cell of an export table: text, a number, or empty (`null`: not scored).
 *
 * @example
 * ```ts
 * const row: Cell[] = ['xa-a', 'xã A', 'tháng 08/2026', 70.02, null];
 * ```
 */
export type Cell = string | number | null;

/** Column headers of the unit columns, by language. */
const HEAD = {
  vi: { unitId: 'Mã đơn vị', unitName: 'Tên đơn vị', period: 'Kỳ', total: 'Tổng điểm', rank: 'Xếp hạng', notRanked: 'Không xếp hạng', group: 'Điểm nhóm', max: 'tối đa' },
  en: { unitId: 'Unit id', unitName: 'Unit name', period: 'Period', total: 'Total', rank: 'Rank', notRanked: 'Not ranked', group: 'Group points', max: 'max' },
} as const;

/**
 * Throws `SET_MISMATCH` unless every result is of the same set and version.
 *
 * @example
 * ```ts
 * sameSet(results); // throws SET_MISMATCH for mixed sets
 * ```
 */
export function sameSet(results: readonly ScoreResult[]): void {
  const f = results[0];
  if (f && results.some((r) => r.setId !== f.setId || r.setVersion !== f.setVersion)) {
    fail('SET_MISMATCH', 'Các kết quả thuộc nhiều bộ tiêu chí', 'the results belong to different criteria sets');
  }
}

function rankCell(rankBy: Map<string, RankEntry> | undefined, unitId: string, lang: Language): Cell {
  const e = rankBy?.get(unitId);
  if (!e) return null;
  return e.rank ?? HEAD[lang].notRanked;
}

function unitCells(r: ScoreResult, lang: Language): Cell[] {
  return [r.unitId, r.unitName ?? null, lang === 'vi' ? formatPeriod(r.period, 'vi') : periodKey(r.period)];
}

/**
 * The summary table (bảng tổng hợp): one row per unit with the total, each group's points and the rank when a
 * ranking is given; headers in the chosen language. Used by the CSV and `.xlsx` exports.
 *
 * @example
 * ```ts
 * summaryTable(results, { lang: 'vi', ranking: rank(results) })[0]; // ['Mã đơn vị', 'Tên đơn vị', 'Kỳ', 'Tổng điểm', …]
 * ```
 */
export function summaryTable(results: readonly ScoreResult[], options: { lang?: Language; ranking?: readonly RankEntry[] } = {}): Cell[][] {
  sameSet(results);
  const lang = options.lang ?? 'vi';
  const h = HEAD[lang];
  const rankBy = options.ranking ? new Map(options.ranking.map((e) => [e.unitId, e])) : undefined;
  const groups = results[0]?.groups ?? [];
  const max = results[0]?.maxPoints;
  const header: Cell[] = [h.unitId, h.unitName, h.period, max === undefined ? h.total : `${h.total} (${h.max} ${max})`];
  for (const g of groups) header.push(`${g.number ? `${g.number}. ` : ''}${g.name[lang]} (${h.max} ${g.maxPoints})`);
  if (rankBy) header.push(h.rank);
  const rows: Cell[][] = [header];
  for (const r of results) {
    const row = [...unitCells(r, lang), r.total, ...r.groups.map((g) => g.points)];
    if (rankBy) row.push(rankCell(rankBy, r.unitId, lang));
    rows.push(row);
  }
  return rows;
}

/**
 * The table of one group (bảng điểm một nhóm): one row per unit with the group's points and each indicator's
 * points (empty when not scored).
 *
 * @example
 * ```ts
 * groupTable(results, 'progress', { lang: 'en' })[1]; // ['phu-tho', 'UBND tỉnh Phú Thọ', '2026-08', 15.68, 15.68, null]
 * ```
 */
export function groupTable(results: readonly ScoreResult[], groupId: string, options: { lang?: Language } = {}): Cell[][] {
  sameSet(results);
  const lang = options.lang ?? 'vi';
  const h = HEAD[lang];
  const g0 = results[0]?.groups.find((g) => g.id === groupId);
  if (results.length && !g0) fail('INVALID_OPTIONS', `Không có nhóm "${groupId}"`, `no group "${groupId}"`);
  const header: Cell[] = [h.unitId, h.unitName, h.period, g0 ? `${h.group} (${h.max} ${g0.maxPoints})` : h.group];
  for (const i of g0?.indicators ?? []) header.push(`${i.number ? `${i.number} ` : ''}${i.name[lang]} (${h.max} ${i.maxPoints})`);
  const rows: Cell[][] = [header];
  for (const r of results) {
    const g = r.groups.find((x) => x.id === groupId)!;
    rows.push([...unitCells(r, lang), g.points, ...g.indicators.map((i) => i.points)]);
  }
  return rows;
}
