// Frozen copy of src/scoring/rank.ts as of commit 0f428cf: the reference implementation the
// property test compares the optimised rank against. Do not optimise this file.
import * as z from 'zod/mini';
import { issuesFromZod } from '../../../src/errors/index.js';
import { fail } from '../../../src/scoring/errors.js';
import type { ScoreResult } from '../../../src/scoring/result-schema.js';
import { roundTo } from '../../../src/scoring/rounding.js';

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
const rankOptionsSchema = z.object({
  by: z.optional(z.union([z.literal('total'), z.object({ group: z.string().check(z.minLength(1)) })])),
  precision: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(10))),
  order: z.optional(z.enum(['descending', 'ascending'])),
  minimum: z.optional(z.number()),
  exclude: z.optional(z.array(z.string())),
});
/** See {@link rankOptionsSchema}. */
type RankOptions = z.infer<typeof rankOptionsSchema>;

/**
 * One line of a ranking (bảng xếp hạng): the unit, the value compared (rounded to the precision), its rank (or
 * `null` with `ranked: false` and the reason — không xếp hạng), and whether it shares its rank.
 *
 * @example
 * ```ts
 * const e: RankEntry = { unitId: 'xa-a', value: 70.02, rank: 8, ranked: true, tied: false };
 * ```
 */
interface RankEntry {
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
export function referenceRank(results: readonly ScoreResult[], options: RankOptions = {}): RankEntry[] {
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
  const seen = new Set<string>();
  const entries = results.map((r, index): RankEntry & { index: number } => {
    if (seen.has(r.unitId)) fail('INVALID_OPTIONS', `Đơn vị "${r.unitId}" xuất hiện hai lần`, `unit "${r.unitId}" appears twice`);
    seen.add(r.unitId);
    let raw: number | null;
    if (by === 'total') raw = r.total;
    else {
      const g = r.groups.find((x) => x.id === by.group);
      if (!g) fail('INVALID_OPTIONS', `Không có nhóm "${by.group}"`, `no group "${by.group}" in the results`);
      raw = g.points;
    }
    const value = raw === null ? null : roundTo(raw, precision);
    const e: RankEntry & { index: number } = { unitId: r.unitId, value, rank: null, ranked: false, tied: false, index };
    if (r.unitName !== undefined) e.unitName = r.unitName;
    if (exclude.has(r.unitId)) e.reason = 'excluded';
    else if (value === null) e.reason = 'no-score';
    else if (options.minimum !== undefined && value < options.minimum) e.reason = 'below-minimum';
    else e.ranked = true;
    return e;
  });
  const ranked = entries.filter((e) => e.ranked).sort((a, b) => sign * (a.value! - b.value!) || a.index - b.index);
  for (let i = 0; i < ranked.length; i++) {
    const e = ranked[i]!;
    const prev = ranked[i - 1];
    e.rank = prev && prev.value === e.value ? prev.rank : i + 1;
    if (prev && prev.value === e.value) {
      e.tied = true;
      prev.tied = true;
    }
  }
  const unranked = entries.filter((e) => !e.ranked);
  return [...ranked, ...unranked].map(({ index: _index, ...e }) => e);
}
