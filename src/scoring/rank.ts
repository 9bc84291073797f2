import * as z from 'zod/mini';
import { issuesFromZod } from '../errors/index.js';
import { fail } from './errors.js';
import type { ScoreResult } from './result-schema.js';
import { roundTo } from './rounding.js';

/**
 * Options of {@link rank}:
 * - `by`: `'total'` (default) or `{ group: id }`;
 * - `precision`: decimals at which values are compared (the published precision: 2 for QĐ 766, 3 for the 2017
 *   ICT ranking, 4 for EGDI); default 2;
 * - `order`: `descending` (default: higher is better) or `ascending`;
 * - `minimum`: values below it are not ranked (`below-minimum`);
 * - `exclude`: unit ids explicitly not ranked (`excluded`, không xếp hạng).
 *
 * @example
 * ```ts
 * const o: RankOptions = { by: { group: 'progress' }, precision: 2 };
 * ```
 */
export const rankOptionsSchema = z.object({
  by: z.optional(z.union([z.literal('total'), z.object({ group: z.string().check(z.minLength(1)) })])),
  precision: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(10))),
  order: z.optional(z.enum(['descending', 'ascending'])),
  minimum: z.optional(z.number()),
  exclude: z.optional(z.array(z.string())),
});
/**
 * Options of {@link rank} (tùy chọn xếp hạng). See {@link rankOptionsSchema}.
 *
 * @example
 * ```ts
 * const o: RankOptions = { by: { group: 'progress' }, precision: 2, exclude: ['xa-b'] };
 * rank(results, o).map((e) => e.rank); // e.g. [1, 2, null]
 * ```
 */
export type RankOptions = z.infer<typeof rankOptionsSchema>;

/**
 * One line of a ranking (bảng xếp hạng): the unit, the value compared (rounded to the precision), its rank (or
 * `null` with `ranked: false` and the reason — không xếp hạng), and whether it shares its rank.
 *
 * @example
 * ```ts
 * const e: RankEntry = { unitId: 'xa-a', value: 70.02, rank: 8, ranked: true, tied: false };
 * ```
 */
export interface RankEntry {
  unitId: string;
  unitName?: string;
  value: number | null;
  rank: number | null;
  ranked: boolean;
  tied: boolean;
  reason?: 'no-score' | 'below-minimum' | 'excluded';
}

/**
 * Ranks results with standard competition ranking ("1224": equal values share the best rank and the next rank
 * skips, 1, 2, 2, 4), equality decided at the published `precision`. Ranks by the total or by one group. Units
 * with no value (`null`: nothing scored — never treated as 0), below `minimum`, or listed in `exclude` are "không
 * xếp hạng": `rank: null`, `ranked: false` with the reason, listed after the ranked units. Ties keep the input
 * order. Throws `SET_MISMATCH` for results of different sets, `INVALID_OPTIONS` for an unknown group or a
 * duplicate unit.
 *
 * @example
 * ```ts
 * rank(results, { precision: 2 }).map((e) => e.rank); // [1, 2, 2, 4, null]
 * ```
 */
export function rank(results: readonly ScoreResult[], options: RankOptions = {}): RankEntry[] {
  const o = rankOptionsSchema.safeParse(options);
  if (!o.success) fail('INVALID_OPTIONS', 'Tùy chọn xếp hạng không hợp lệ', 'invalid ranking options', issuesFromZod(o.error));
  const first = results[0];
  if (first && results.some((r) => r.setId !== first.setId || r.setVersion !== first.setVersion)) {
    fail('SET_MISMATCH', 'Không thể xếp hạng kết quả của các bộ tiêu chí khác nhau', 'cannot rank results of different criteria sets');
  }
  const by = options.by ?? 'total';
  const precision = options.precision ?? 2;
  const sign = options.order === 'ascending' ? 1 : -1;
  const exclude = new Set(options.exclude ?? []);
  const minimum = options.minimum;
  const group = by === 'total' ? undefined : by.group;
  const seen = new Set<string>();
  const n = results.length;
  const entries: RankEntry[] = new Array<RankEntry>(n);
  const ranked: number[] = [];
  const unranked: number[] = [];
  const values = new Float64Array(n);
  let gi = -1;
  for (let i = 0; i < n; i++) {
    const r = results[i]!;
    if (seen.has(r.unitId)) fail('INVALID_OPTIONS', `Đơn vị "${r.unitId}" xuất hiện hai lần`, `unit "${r.unitId}" appears twice`);
    seen.add(r.unitId);
    let raw: number | null;
    if (group === undefined) raw = r.total;
    else {
      // Results of one set share the group order: look the group up once, check it on every result.
      if (r.groups[gi]?.id !== group) gi = r.groups.findIndex((x) => x.id === group);
      const g = r.groups[gi];
      if (!g) fail('INVALID_OPTIONS', `Không có nhóm "${group}"`, `no group "${group}" in the results`);
      raw = g.points;
    }
    const value = raw === null ? null : roundTo(raw, precision);
    const e: RankEntry = { unitId: r.unitId, value, rank: null, ranked: false, tied: false };
    if (r.unitName !== undefined) e.unitName = r.unitName;
    if (exclude.has(r.unitId)) e.reason = 'excluded';
    else if (value === null) e.reason = 'no-score';
    else if (minimum !== undefined && value < minimum) e.reason = 'below-minimum';
    else e.ranked = true;
    entries[i] = e;
    if (e.ranked) {
      values[i] = value!;
      ranked.push(i);
    } else unranked.push(i);
  }
  ranked.sort((a, b) => sign * (values[a]! - values[b]!) || a - b);
  const out: RankEntry[] = new Array<RankEntry>(n);
  for (let k = 0; k < ranked.length; k++) {
    const e = entries[ranked[k]!]!;
    const prev = k > 0 ? out[k - 1]! : undefined;
    if (prev !== undefined && prev.value === e.value) {
      e.rank = prev.rank;
      e.tied = true;
      prev.tied = true;
    } else e.rank = k + 1;
    out[k] = e;
  }
  for (let k = 0; k < unranked.length; k++) out[ranked.length + k] = entries[unranked[k]!]!;
  return out;
}
