import type { Aggregate, CriteriaSet, Group, Indicator } from './criteria-set.js';
import { CROSS_UNIT_KINDS } from './formulas/formula.js';
import type { IndicatorStatus } from './formulas/outcome.js';
import { compilePoints, type PointsEvaluator } from './formulas/points-evaluator.js';
import type { GroupResult, IndicatorResult } from './result-schema.js';

/**
 * One indicator of a {@link ScoringPlan}: the indicator, its group, its position in the group, its scope as a set,
 * whether it is cross-unit, its compiled points evaluator, and its weight in the group's aggregate.
 *
 * @example
 * ```ts
 * planCriteriaSet(criteriaSets.qd766).indicators[0]?.ind.id; // 'publicity'
 * ```
 */
export interface PlanIndicator {
  readonly ind: Indicator;
  readonly group: number;
  readonly scope: ReadonlySet<string> | undefined;
  readonly cross: boolean;
  readonly points: PointsEvaluator;
  /** The weight of the indicator in its group's aggregate (1 unless the group is a weighted mean). */
  readonly weight: number;
  /** The formula's missing-data policy is `error` (`MISSING_INPUT`). */
  readonly missingError: boolean;
  /** Builds the indicator's result object in one allocation, with the optional keys it has (same key order). */
  readonly result: (points: number | null, status: IndicatorStatus) => IndicatorResult;
}

/**
 * One group of a {@link ScoringPlan}: the group, how it aggregates, and the range of its indicators in the plan.
 *
 * @example
 * ```ts
 * planCriteriaSet(criteriaSets.qd766).groups.length; // 6
 * ```
 */
export interface PlanGroup {
  readonly group: Group;
  /** `sum` (default), `mean` or `weighted-mean`. */
  readonly kind: Aggregate['kind'];
  readonly first: number;
  readonly end: number;
  /** The weight of the group in the set's total (1 unless the total is a weighted mean). */
  readonly weight: number;
  /** Builds the group's result object in one allocation, with the optional keys it has (same key order). */
  readonly result: (points: number | null, scoredMaxPoints: number, percent: number | null, indicators: IndicatorResult[]) => GroupResult;
}

/**
 * A validated criteria set compiled for scoring many units (kế hoạch chấm điểm): the indicators in tree order with
 * their compiled formulas and precomputed aggregation weights, and which indicators apply to each unit level.
 * Built once per {@link score} call; internal (the result format does not depend on it).
 *
 * @example
 * ```ts
 * const plan = planCriteriaSet(defineCriteriaSet(criteriaSets.qd766));
 * plan.indicators.length; // 24
 * ```
 */
export interface ScoringPlan {
  readonly set: CriteriaSet;
  readonly indicators: readonly PlanIndicator[];
  readonly groups: readonly PlanGroup[];
  readonly hasCross: boolean;
  /** `none` when the set reports its groups separately. */
  readonly totalKind: Aggregate['kind'] | 'none';
  /** Which indicators apply at a unit level (`undefined` level: all of them); cached per level. */
  applicable(level: string | undefined): readonly boolean[];
}

// One object literal per combination of optional keys: the object is built with all its keys at once (no
// property added later, so no second allocation for the properties), in the key order of the result schema.
function indicatorResultFactory(ind: Indicator): PlanIndicator['result'] {
  const { id, name, maxPoints, confidence, number, code } = ind;
  if (number !== undefined && code !== undefined) return (points, status) => ({ id, name, maxPoints, points, status, confidence, number, code });
  if (number !== undefined) return (points, status) => ({ id, name, maxPoints, points, status, confidence, number });
  if (code !== undefined) return (points, status) => ({ id, name, maxPoints, points, status, confidence, code });
  return (points, status) => ({ id, name, maxPoints, points, status, confidence });
}

function groupResultFactory(g: Group): PlanGroup['result'] {
  const { id, name, maxPoints, number, code } = g;
  if (number !== undefined && code !== undefined) return (points, scoredMaxPoints, percent, indicators) => ({ id, name, maxPoints, points, scoredMaxPoints, percent, indicators, number, code });
  if (number !== undefined) return (points, scoredMaxPoints, percent, indicators) => ({ id, name, maxPoints, points, scoredMaxPoints, percent, indicators, number });
  if (code !== undefined) return (points, scoredMaxPoints, percent, indicators) => ({ id, name, maxPoints, points, scoredMaxPoints, percent, indicators, code });
  return (points, scoredMaxPoints, percent, indicators) => ({ id, name, maxPoints, points, scoredMaxPoints, percent, indicators });
}

/**
 * Compiles a validated criteria set into a {@link ScoringPlan}.
 *
 * @example
 * ```ts
 * const plan = planCriteriaSet(defineCriteriaSet(json));
 * ```
 */
export function planCriteriaSet(set: CriteriaSet): ScoringPlan {
  const indicators: PlanIndicator[] = [];
  const groups: PlanGroup[] = [];
  const total = set.total;
  set.groups.forEach((g, gi) => {
    const first = indicators.length;
    const agg = g.aggregate;
    for (const ind of g.indicators) {
      indicators.push({
        ind,
        group: gi,
        scope: ind.scope ? new Set(ind.scope) : undefined,
        cross: CROSS_UNIT_KINDS.has(ind.formula.kind),
        points: compilePoints(ind.formula, ind.maxPoints),
        weight: agg?.kind === 'weighted-mean' ? (agg.weights[ind.id] ?? 0) : 1,
        missingError: 'missing' in ind.formula && ind.formula.missing === 'error',
        result: indicatorResultFactory(ind),
      });
    }
    groups.push({
      group: g,
      kind: agg?.kind ?? 'sum',
      first,
      end: indicators.length,
      weight: total?.kind === 'weighted-mean' ? (total.weights[g.id] ?? 0) : 1,
      result: groupResultFactory(g),
    });
  });
  const all = indicators.map(() => true);
  const byLevel = new Map<string, readonly boolean[]>();
  return {
    set,
    indicators,
    groups,
    hasCross: indicators.some((p) => p.cross),
    totalKind: total?.kind ?? 'sum',
    applicable(level) {
      if (level === undefined) return all;
      let mask = byLevel.get(level);
      if (mask === undefined) {
        mask = indicators.map((p) => p.scope === undefined || p.scope.has(level));
        byLevel.set(level, mask);
      }
      return mask;
    },
  };
}
