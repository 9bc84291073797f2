import * as z from 'zod/mini';
import { parseWith } from '../errors/index.js';
import { confidenceSchema } from './confidence.js';
import { fail, issue } from './errors.js';
import { localizedTextSchema, type LocalizedText } from './localized-text.js';
import type { VnEgovIssue } from '../errors/index.js';

/**
 * A level or band table (bảng mức / xếp loại) as data. `levels` lists each level's number, label and the minimum
 * value to reach it; a value gets the best level whose minimum it reaches. `direction` says how the numbers read:
 * `higher-is-better` (e-government result "mức độ 4" is the highest) or `lower-is-better` (Cao Bằng's ICT "Mức I"
 * is the highest). Below every minimum: `not-ranked` (không xếp hạng) or a named bottom level. `basis` is the
 * total or one group's points.
 *
 * @example
 * ```ts
 * const bands: LevelScheme = { id: 'cao-bang-2020', name: { vi: 'Mức xếp hạng', en: 'Ranking band' },
 *   source: 'Cao Bằng 2020', confidence: 'confirmed', basis: { kind: 'total' }, direction: 'lower-is-better',
 *   levels: [{ level: 1, label: { vi: 'Mức I', en: 'Band I' }, minimum: 54 }], belowMinimum: 'not-ranked' };
 * ```
 */
export const levelSchemeSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: localizedTextSchema,
  source: z.string().check(z.minLength(1)),
  confidence: confidenceSchema,
  note: z.optional(z.string()),
  basis: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('total') }),
    z.strictObject({ kind: z.literal('group'), group: z.string().check(z.minLength(1)) }),
  ]),
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  levels: z
    .array(z.strictObject({ level: z.number().check(z.int()), label: localizedTextSchema, minimum: z.number() }))
    .check(z.minLength(1)),
  belowMinimum: z.union([
    z.literal('not-ranked'),
    z.strictObject({ level: z.number().check(z.int()), label: localizedTextSchema }),
  ]),
});
/**
 * A level or band table (bảng mức / xếp loại). See {@link levelSchemeSchema}.
 *
 * @example
 * ```ts
 * const scheme: LevelScheme = egdiGroups;
 * classify(0.7709, scheme).label; // { vi: 'Rất cao', en: 'Very High' }
 * ```
 */
export type LevelScheme = z.infer<typeof levelSchemeSchema>;

/**
 * The level a value reaches: its number and label, or `ranked: false` with the reason (`no-score`: the value is
 * `null`; `below-minimum`: under every band of a scheme whose bottom is "không xếp hạng").
 *
 * @example
 * ```ts
 * const r: LevelResult = { schemeId: 'cao-bang-2020', level: 1, label: { vi: 'Mức I', en: 'Band I' }, ranked: true };
 * ```
 */
export interface LevelResult {
  schemeId: string;
  level: number | null;
  label: LocalizedText;
  ranked: boolean;
  reason?: 'no-score' | 'below-minimum';
}

/**
 * Label of the unranked state: "Không xếp hạng" / "Not ranked".
 *
 * @example
 * ```ts
 * NOT_RANKED_LABEL.vi; // 'Không xếp hạng'
 * ```
 */
export const NOT_RANKED_LABEL: LocalizedText = { vi: 'Không xếp hạng', en: 'Not ranked' };

/**
 * Consistency problems of a level scheme (empty when fine); `path` prefixes each issue's path.
 *
 * @example
 * ```ts
 * levelSchemeProblems(scheme); // [] when the bands are in order
 * ```
 */
export function levelSchemeProblems(s: LevelScheme, path: readonly (string | number)[] = []): VnEgovIssue[] {
  const out: VnEgovIssue[] = [];
  const seen = new Set<number>();
  s.levels.forEach((l, i) => {
    if (seen.has(l.level)) out.push(issue('duplicate_level', [...path, 'levels', i, 'level'], `level ${l.level} twice`));
    seen.add(l.level);
  });
  const sorted = [...s.levels].sort((a, b) => a.level - b.level);
  for (let i = 1; i < sorted.length; i++) {
    const lo = sorted[i - 1]!;
    const hi = sorted[i]!;
    const ok = s.direction === 'higher-is-better' ? hi.minimum > lo.minimum : hi.minimum < lo.minimum;
    if (!ok) {
      out.push(
        issue(
          'level_order',
          [...path, 'levels'],
          `with direction ${s.direction}, level ${hi.level} must need ${s.direction === 'higher-is-better' ? 'more' : 'less'} than level ${lo.level}`,
        ),
      );
    }
  }
  if (typeof s.belowMinimum === 'object' && seen.has(s.belowMinimum.level)) {
    out.push(issue('duplicate_level', [...path, 'belowMinimum', 'level'], `level ${s.belowMinimum.level} is also a band`));
  }
  return out;
}

/**
 * Validates a level scheme (schema and order) and returns it; throws `INVALID_LEVEL_SCHEME` with every problem.
 *
 * @example
 * ```ts
 * const s = defineLevelScheme(json);
 * ```
 */
export function defineLevelScheme(input: unknown): LevelScheme {
  const s = parseWith(levelSchemeSchema, input, 'INVALID_LEVEL_SCHEME', 'Bảng mức không hợp lệ — invalid level scheme');
  const problems = levelSchemeProblems(s);
  if (problems.length) fail('INVALID_LEVEL_SCHEME', 'Bảng mức không hợp lệ', 'invalid level scheme', problems);
  return s;
}

/**
 * Classifies a value (a total or a group's points) in a level scheme. `null` is never a level: it is "không xếp
 * hạng" with reason `no-score`, whatever the scheme's bottom.
 *
 * @example
 * ```ts
 * classify(50, caoBang2020IctBands).label.vi; // 'Mức II'
 * classify(null, caoBang2020IctBands).ranked; // false
 * ```
 */
export function classify(value: number | null, scheme: LevelScheme): LevelResult {
  if (value === null || !Number.isFinite(value)) {
    return { schemeId: scheme.id, level: null, label: NOT_RANKED_LABEL, ranked: false, reason: 'no-score' };
  }
  let best: LevelScheme['levels'][number] | undefined;
  for (const l of scheme.levels) {
    if (value < l.minimum) continue;
    if (best === undefined || (scheme.direction === 'higher-is-better' ? l.level > best.level : l.level < best.level)) best = l;
  }
  if (best) return { schemeId: scheme.id, level: best.level, label: best.label, ranked: true };
  if (scheme.belowMinimum === 'not-ranked') {
    return { schemeId: scheme.id, level: null, label: NOT_RANKED_LABEL, ranked: false, reason: 'below-minimum' };
  }
  return { schemeId: scheme.id, level: scheme.belowMinimum.level, label: scheme.belowMinimum.label, ranked: true };
}

/**
 * Compares two level results of the same scheme: > 0 when `a` is better, < 0 when worse, 0 when equal; unranked
 * results come last.
 *
 * @example
 * ```ts
 * compareLevels(classify(55, s), classify(40, s), s) > 0; // true
 * ```
 */
export function compareLevels(a: LevelResult, b: LevelResult, scheme: LevelScheme): number {
  if (a.level === null || b.level === null) return (a.level === null ? 0 : 1) - (b.level === null ? 0 : 1);
  return scheme.direction === 'higher-is-better' ? a.level - b.level : b.level - a.level;
}

/**
 * Classifies a score result in a level scheme, on the scheme's basis (the total or one group's points).
 * Throws `INVALID_OPTIONS` if the group is not in the result.
 *
 * @example
 * ```ts
 * levelOf(result, criteriaSets.egdi.levels![0]!).label.en; // 'Very High'
 * ```
 */
export function levelOf(result: { total: number | null; groups: readonly { id: string; points: number | null }[] }, scheme: LevelScheme): LevelResult {
  if (scheme.basis.kind === 'total') return classify(result.total, scheme);
  const id = scheme.basis.group;
  const g = result.groups.find((x) => x.id === id);
  if (!g) fail('INVALID_OPTIONS', `Kết quả không có nhóm "${id}"`, `the result has no group "${id}"`);
  return classify(g.points, scheme);
}
