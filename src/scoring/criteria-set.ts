import * as z from 'zod/mini';
import { issuesFromZod, type VnEgovIssue } from '../errors/index.js';
import { confidenceSchema } from './confidence.js';
import { fail, issue } from './errors.js';
import { FORMULA_KINDS, formulaSchema } from './formulas/formula.js';
import { levelSchemeProblems, levelSchemeSchema } from './levels.js';
import { localizedTextSchema } from './localized-text.js';

const idSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'id: letters, digits, _ . -'));
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));
const points = z.number().check(z.refine(Number.isFinite, 'finite number'), z.minimum(0));

/**
 * How a group combines its indicators (or the set its groups) — tổng, trung bình, trung bình có trọng số:
 * `sum` (the default), `mean`, `weighted-mean` (weights by child id), or for a set only `none` (axes that are
 * reported separately and never added, as readiness and results in QĐ 2392).
 *
 * @example
 * ```ts
 * const a: Aggregate = { kind: 'weighted-mean', weights: { osi: 1, tii: 1, hci: 1 } };
 * ```
 */
export const aggregateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sum') }),
  z.strictObject({ kind: z.literal('mean') }),
  z.strictObject({ kind: z.literal('weighted-mean'), weights: z.record(z.string(), z.number().check(z.gt(0))) }),
]);
/**
 * How a group combines its indicators, or a set its groups (tổng, trung bình, trung bình có trọng số). See {@link aggregateSchema}.
 *
 * @example
 * ```ts
 * const a: Aggregate = { kind: 'mean' }; // the EGDI group: ⅓ × (OSI + TII + HCI)
 * const w: Aggregate = { kind: 'weighted-mean', weights: { readiness: 1, results: 2 } };
 * ```
 */
export type Aggregate = z.infer<typeof aggregateSchema>;

/**
 * One indicator (chỉ số / tiêu chí): ids, bilingual name, maximum points, scope (the unit levels it applies to;
 * absent = all), its formula with its zero-denominator and missing-data policies, its legal source and the
 * confidence of that source. `number` is the numbering in the source ("2.1"), `code` the portal metric code.
 *
 * @example
 * ```ts
 * const i: Indicator = { id: 'on-time', number: '2.1', name: { vi: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn',
 *   en: 'Dossiers processed early or on time' }, maxPoints: 20,
 *   formula: { kind: 'ratio', numerator: 'totalOnTime', denominator: 'totalReceived', zeroDenominator: 'null' },
 *   source: 'QĐ 766/QĐ-TTg', confidence: 'secondary' };
 * ```
 */
export const indicatorSchema = z.strictObject({
  id: idSchema,
  number: z.optional(z.string()),
  code: z.optional(z.string()),
  name: localizedTextSchema,
  maxPoints: points,
  scope: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  formula: formulaSchema,
  source: z.string().check(z.minLength(1)),
  confidence: confidenceSchema,
  note: z.optional(z.string()),
  /** Where the inputs come from (e.g. the national portal, the provincial one-stop system). */
  dataSource: z.optional(z.string()),
  /** The body in charge of the indicator (đơn vị tham mưu, thực hiện). */
  owner: z.optional(z.string()),
});
/**
 * One indicator of a criteria set (chỉ số / tiêu chí). See {@link indicatorSchema}.
 *
 * @example
 * ```ts
 * const i: Indicator = criteriaSets.qd766.groups[1]!.indicators[0]!;
 * i.number; // '2.1'
 * i.formula; // { kind: 'ratio', numerator: 'totalOnTime', denominator: 'totalReceived', zeroDenominator: 'null' }
 * ```
 */
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * A group of indicators (nhóm chỉ số) with its maximum points and how its indicators combine.
 *
 * @example
 * ```ts
 * const g: Group = { id: 'progress', name: { vi: 'Tiến độ giải quyết', en: 'Progress' }, maxPoints: 20,
 *   indicators: [onTime] };
 * ```
 */
export const groupSchema = z.strictObject({
  id: idSchema,
  number: z.optional(z.string()),
  code: z.optional(z.string()),
  name: localizedTextSchema,
  maxPoints: points,
  aggregate: z.optional(aggregateSchema),
  source: z.optional(z.string()),
  confidence: z.optional(confidenceSchema),
  note: z.optional(z.string()),
  indicators: z.array(indicatorSchema).check(z.minLength(1)),
});
/**
 * A group of indicators (nhóm chỉ số). See {@link groupSchema}.
 *
 * @example
 * ```ts
 * const g: Group = criteriaSets.qd766.groups[1]!;
 * g.id; // 'progress'
 * g.name.vi; // 'Tiến độ, kết quả giải quyết'
 * g.maxPoints; // 20
 * ```
 */
export type Group = z.infer<typeof groupSchema>;

/**
 * Rounding of a set (làm tròn): indicators are rounded half away from zero to `decimals`; group totals are then
 * either the `sum-of-rounded` parts (what the QĐ 766 portal publishes) or the rounded raw sum (`round-of-sum`).
 * The total is rounded to `decimals` too.
 *
 * @example
 * ```ts
 * const r: Rounding = { decimals: 2, groupTotals: 'sum-of-rounded' };
 * ```
 */
export const roundingSchema = z.strictObject({
  decimals: z.number().check(z.int(), z.minimum(0), z.maximum(10)),
  groupTotals: z.enum(['sum-of-rounded', 'round-of-sum']),
});
/**
 * The rounding rule of a criteria set (làm tròn). See {@link roundingSchema}.
 *
 * @example
 * ```ts
 * const r: Rounding = criteriaSets.egdi.rounding; // { decimals: 4, groupTotals: 'sum-of-rounded' }
 * ```
 */
export type Rounding = z.infer<typeof roundingSchema>;

/**
 * A criteria set (bộ tiêu chí / bộ chỉ số) as data: metadata (legal source, version, effective dates, scale),
 * groups of indicators, rounding, how groups make the total, and optional level schemes. Validate one with
 * {@link defineCriteriaSet}.
 *
 * @example
 * ```ts
 * const set = defineCriteriaSet({ id: 'demo', version: '1', name: { vi: 'Bộ tiêu chí', en: 'Criteria' },
 *   source: 'QĐ 1/QĐ-UBND', confidence: 'confirmed', scale: { maxPoints: 2 }, rounding: { decimals: 2,
 *   groupTotals: 'sum-of-rounded' }, groups: [ … ] });
 * ```
 */
export const criteriaSetSchema = z.strictObject({
  id: idSchema,
  version: z.string().check(z.minLength(1)),
  name: localizedTextSchema,
  /** The legal instrument (số hiệu văn bản) and, where useful, the article or appendix. */
  source: z.string().check(z.minLength(1)),
  /** Who publishes the official scores (VPCP, Bộ Tư pháp, UBND tỉnh …). */
  publisher: z.optional(z.string()),
  effectiveFrom: z.optional(isoDay),
  effectiveTo: z.optional(isoDay),
  confidence: confidenceSchema,
  note: z.optional(z.string()),
  scale: z.strictObject({ maxPoints: points, unit: z.optional(z.enum(['points', 'index'])) }),
  /** How group points make the total; default `sum`. */
  total: z.optional(z.union([aggregateSchema, z.strictObject({ kind: z.literal('none') })])),
  rounding: roundingSchema,
  /** Unit levels the set knows (e.g. `province`, `commune`); scopes must use these when given. */
  unitLevels: z.optional(z.array(z.string().check(z.minLength(1)))),
  levels: z.optional(z.array(levelSchemeSchema)),
  groups: z.array(groupSchema).check(z.minLength(1)),
});
/**
 * A validated criteria set (bộ tiêu chí / bộ chỉ số), as returned by {@link defineCriteriaSet}. See {@link criteriaSetSchema}.
 *
 * @example
 * ```ts
 * const set: CriteriaSet = criteriaSets.qd766;
 * set.scale.maxPoints; // 100
 * set.groups.map((g) => g.id);
 * // ['transparency', 'progress', 'online-service', 'online-payment', 'digitisation', 'satisfaction']
 * ```
 */
export type CriteriaSet = z.infer<typeof criteriaSetSchema>;

const EPS = 1e-9;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The maximum an aggregate of children maxima gives, or undefined if it cannot be told. */
function aggregateMax(agg: unknown, children: { id: unknown; max: number | undefined }[]): number | undefined {
  if (children.some((c) => c.max === undefined)) return undefined;
  const kind = isObj(agg) ? agg['kind'] : 'sum';
  if (kind === undefined || kind === 'sum') return children.reduce((a, c) => a + c.max!, 0);
  if (kind === 'mean') return children.length ? children.reduce((a, c) => a + c.max!, 0) / children.length : 0;
  if (kind === 'weighted-mean' && isObj(agg) && isObj(agg['weights'])) {
    const w = agg['weights'];
    let sw = 0;
    let s = 0;
    for (const c of children) {
      const wi = num(w[String(c.id)]);
      if (wi === undefined) return undefined;
      sw += wi;
      s += wi * c.max!;
    }
    return sw ? s / sw : undefined;
  }
  return undefined;
}

function weightProblems(agg: unknown, ids: unknown[], path: (string | number)[]): VnEgovIssue[] {
  if (!isObj(agg) || agg['kind'] !== 'weighted-mean' || !isObj(agg['weights'])) return [];
  const w = agg['weights'];
  const out: VnEgovIssue[] = [];
  for (const id of ids) {
    if (typeof id === 'string' && num(w[id]) === undefined) out.push(issue('missing_weight', [...path, 'weights'], `no weight for "${id}"`));
  }
  for (const k of Object.keys(w)) {
    if (!ids.includes(k)) out.push(issue('unknown_weight', [...path, 'weights', k], `weight for unknown child "${k}"`));
  }
  return out;
}

/** Checks one formula against its indicator's maximum (structure is zod's job; this checks meaning). */
function formulaProblems(f: unknown, max: number | undefined, path: (string | number)[]): VnEgovIssue[] {
  if (!isObj(f)) return [];
  const out: VnEgovIssue[] = [];
  const kind = f['kind'];
  if (typeof kind !== 'string' || !(FORMULA_KINDS as readonly string[]).includes(kind)) {
    out.push(issue('unknown_formula_kind', [...path, 'kind'], `unknown formula kind ${JSON.stringify(kind)}; known: ${FORMULA_KINDS.join(', ')}`));
    return out;
  }
  const over = (v: unknown, key: (string | number)[]): void => {
    const n = num(v);
    if (n !== undefined && max !== undefined && n > max + EPS) out.push(issue('points_above_max', [...path, ...key], `${n} points exceed the indicator maximum ${max}`));
  };
  switch (kind) {
    case 'ratio': {
      const hasRatio = f['ratio'] !== undefined;
      const hasPair = f['numerator'] !== undefined && f['denominator'] !== undefined;
      const hasAny = f['numerator'] !== undefined || f['denominator'] !== undefined;
      if (hasRatio && hasAny) out.push(issue('ratio_operands', path, 'give either `ratio` or `numerator` and `denominator`, not both'));
      if (!hasRatio && !hasPair) out.push(issue('ratio_operands', path, 'a ratio formula needs `ratio`, or `numerator` and `denominator`'));
      break;
    }
    case 'thresholds':
      arr(f['bands']).forEach((b, i) => isObj(b) && over(b['points'], ['bands', i, 'points']));
      over(f['otherwise'], ['otherwise']);
      break;
    case 'boolean':
      over(f['pointsIfTrue'], ['pointsIfTrue']);
      over(f['pointsIfFalse'], ['pointsIfFalse']);
      break;
    case 'count':
      over(f['base'], ['base']);
      break;
    case 'linear':
      if (num(f['from']) !== undefined && f['from'] === f['to']) out.push(issue('empty_range', [...path, 'to'], '`from` and `to` must differ'));
      break;
    case 'monitoring':
      if (max !== undefined && max !== 0) out.push(issue('monitoring_points', path, `a monitoring indicator has maxPoints 0, not ${max}`));
      break;
  }
  return out;
}

/**
 * Finds every consistency problem of a criteria set, on whatever part of the input is readable (so that schema
 * errors and meaning errors are reported together): duplicate ids, maxima that do not add up (group = aggregate
 * of its indicators, scale = aggregate of the groups), unknown formula kinds, points above an indicator's maximum,
 * weights for unknown children, scopes outside `unitLevels`, level schemes out of order or on unknown groups,
 * effective dates in the wrong order.
 *
 * @example
 * ```ts
 * criteriaSetProblems({ …, groups: [{ id: 'g', maxPoints: 10, indicators: [{ id: 'a', maxPoints: 6, … }] }] });
 * // [{ code: 'points_do_not_add_up', path: ['groups', 0, 'maxPoints'], … }]
 * ```
 */
export function criteriaSetProblems(input: unknown): VnEgovIssue[] {
  if (!isObj(input)) return [];
  const out: VnEgovIssue[] = [];
  const groupIds = new Map<string, number>();
  const indicatorIds = new Map<string, (string | number)[]>();
  const levelsKnown = Array.isArray(input['unitLevels']) ? (input['unitLevels'] as unknown[]) : undefined;
  const groups = arr(input['groups']);
  const groupMaxima: { id: unknown; max: number | undefined }[] = [];
  groups.forEach((g, gi) => {
    if (!isObj(g)) return;
    const gp: (string | number)[] = ['groups', gi];
    const gid = g['id'];
    if (typeof gid === 'string') {
      if (groupIds.has(gid)) out.push(issue('duplicate_id', [...gp, 'id'], `group id "${gid}" is used twice`));
      groupIds.set(gid, gi);
    }
    const inds = arr(g['indicators']);
    const maxima: { id: unknown; max: number | undefined }[] = [];
    inds.forEach((ind, ii) => {
      if (!isObj(ind)) return;
      const ip: (string | number)[] = [...gp, 'indicators', ii];
      const iid = ind['id'];
      if (typeof iid === 'string') {
        const prev = indicatorIds.get(iid);
        if (prev) out.push(issue('duplicate_id', [...ip, 'id'], `indicator id "${iid}" is also used at ${prev.join('.')}`));
        else indicatorIds.set(iid, ip);
      }
      const max = num(ind['maxPoints']);
      maxima.push({ id: iid, max });
      out.push(...formulaProblems(ind['formula'], max, [...ip, 'formula']));
      if (levelsKnown) {
        arr(ind['scope']).forEach((s, si) => {
          if (!levelsKnown.includes(s)) out.push(issue('unknown_unit_level', [...ip, 'scope', si], `unit level ${JSON.stringify(s)} is not in unitLevels`));
        });
      }
    });
    out.push(...weightProblems(g['aggregate'], maxima.map((m) => m.id), [...gp, 'aggregate']));
    const expected = aggregateMax(g['aggregate'], maxima);
    const gmax = num(g['maxPoints']);
    groupMaxima.push({ id: gid, max: gmax });
    if (expected !== undefined && gmax !== undefined && Math.abs(expected - gmax) > EPS) {
      out.push(issue('points_do_not_add_up', [...gp, 'maxPoints'], `group "${String(gid)}" has maxPoints ${gmax} but its indicators give ${+expected.toFixed(10)}`));
    }
  });
  const total = input['total'];
  if (!(isObj(total) && total['kind'] === 'none')) {
    out.push(...weightProblems(total, groupMaxima.map((m) => m.id), ['total']));
    const expected = aggregateMax(total, groupMaxima);
    const smax = isObj(input['scale']) ? num(input['scale']['maxPoints']) : undefined;
    if (expected !== undefined && smax !== undefined && Math.abs(expected - smax) > EPS) {
      out.push(issue('points_do_not_add_up', ['scale', 'maxPoints'], `the scale is ${smax} points but the groups give ${+expected.toFixed(10)}`));
    }
  }
  const from = input['effectiveFrom'];
  const to = input['effectiveTo'];
  if (typeof from === 'string' && typeof to === 'string' && from > to) {
    out.push(issue('effective_dates', ['effectiveTo'], `effectiveTo ${to} is before effectiveFrom ${from}`));
  }
  arr(input['levels']).forEach((l, li) => {
    const r = levelSchemeSchema.safeParse(l);
    if (!r.success) return;
    out.push(...levelSchemeProblems(r.data, ['levels', li]));
    if (r.data.basis.kind === 'group' && !groupIds.has(r.data.basis.group)) {
      out.push(issue('unknown_group', ['levels', li, 'basis', 'group'], `level scheme on unknown group "${r.data.basis.group}"`));
    }
  });
  return out;
}

/**
 * Validates a criteria set (JSON or a TypeScript object) and returns it typed. Schema errors and consistency
 * problems are collected together and thrown at once as `INVALID_CRITERIA_SET` with every issue (path, code,
 * message): points that do not add up, unknown formula kinds, duplicate ids, and so on.
 *
 * @example
 * ```ts
 * import { defineCriteriaSet } from 'vn-egov/scoring';
 * const set = defineCriteriaSet(JSON.parse(text));
 * ```
 */
export function defineCriteriaSet(input: unknown): CriteriaSet {
  const parsed = criteriaSetSchema.safeParse(input);
  const issues = parsed.success ? [] : issuesFromZod(parsed.error);
  issues.push(...criteriaSetProblems(input));
  if (issues.length > 0 || !parsed.success) {
    const first = issues
      .slice(0, 3)
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    fail('INVALID_CRITERIA_SET', `Bộ tiêu chí không hợp lệ (${issues.length} lỗi)`, `invalid criteria set (${issues.length} problems): ${first}`, issues);
  }
  return parsed.data;
}
