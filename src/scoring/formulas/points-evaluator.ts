import type { InputValue } from '../input-value.js';
import { evaluateFormula, type Formula } from './formula.js';
import type { Operand } from './operand.js';
import type { IndicatorStatus, PopulationStats } from './outcome.js';

type Values = Readonly<Record<string, InputValue | undefined>>;
type PeriodKind = 'month' | 'quarter' | 'year';

/**
 * Where a {@link PointsEvaluator} writes the status of the points it returns (trạng thái chấm), so that the
 * fast path allocates nothing per indicator.
 *
 * @example
 * ```ts
 * const slot: PointsSlot = { status: 'scored' };
 * ```
 */
export interface PointsSlot {
  status: IndicatorStatus;
}

/**
 * A formula compiled once for a batch (công thức đã biên dịch): returns the raw (unrounded) points of one unit and
 * writes the status into `slot` — the same points and status as {@link evaluateFormula}, without recording the
 * inputs and intermediate values an explanation needs.
 *
 * @example
 * ```ts
 * const points = compilePoints(formula, 20);
 * points({ a: 1, b: 2 }, 'month', undefined, slot); // 10
 * ```
 */
export type PointsEvaluator = (values: Values, periodKind: PeriodKind, population: PopulationStats | undefined, slot: PointsSlot) => number | null;

const num = (v: InputValue | undefined): number | null => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null);

/** An operand compiled to a reader; the same values as `resolveOperand` (sum and difference need every input). */
function compileOperand(op: Operand): (v: Values) => number | null {
  if (typeof op === 'string') return (v) => num(v[op]);
  const keys = op.of;
  if (op.op === 'max') {
    return (v) => {
      let acc: number | null = null;
      for (let i = 0; i < keys.length; i++) {
        const x = num(v[keys[i]!]);
        if (x !== null && (acc === null || x > acc)) acc = x;
      }
      return acc;
    };
  }
  const sum = op.op === 'sum';
  return (v) => {
    let acc: number | null = null;
    for (let i = 0; i < keys.length; i++) {
      const x = num(v[keys[i]!]);
      if (x === null) return null;
      acc = acc === null ? x : sum ? acc + x : acc - x;
    }
    return acc;
  };
}

const PER_YEAR = { month: 12, quarter: 4, year: 1 } as const;

function compileRatio(f: Extract<Formula, { kind: 'ratio' }>, maxPoints: number): PointsEvaluator {
  const target = f.target ?? 1;
  const cap = f.cap !== false;
  const missingPoints = f.missing === 'zero' ? 0 : null;
  const zeroPoints = f.zeroDenominator === 'null' ? null : f.zeroDenominator === 'zero' ? 0 : maxPoints;
  const finish = (ratio: number, slot: PointsSlot): number => {
    slot.status = 'scored';
    const points = ratio <= 0 ? 0 : (maxPoints * ratio) / target;
    return cap && points > maxPoints ? maxPoints : points;
  };
  if (f.ratio !== undefined) {
    const key = f.ratio;
    return (values, _kind, _population, slot) => {
      const r = num(values[key]);
      if (r === null) {
        slot.status = 'missing-data';
        return missingPoints;
      }
      return finish(r, slot);
    };
  }
  const numerator = f.numerator === undefined ? undefined : compileOperand(f.numerator);
  const denominator = f.denominator === undefined ? undefined : compileOperand(f.denominator);
  const fallback = f.denominatorFallback?.input;
  return (values, periodKind, _population, slot) => {
    const n = numerator === undefined ? null : numerator(values);
    let d = denominator === undefined ? null : denominator(values);
    if ((d === null || d === 0) && fallback !== undefined) {
      const yearly = num(values[fallback]);
      if (yearly !== null && yearly > 0) d = yearly / PER_YEAR[periodKind];
    }
    // The order of the checks is evaluateRatio's: a missing numerator (unless the denominator is 0), then a zero
    // or missing denominator (missing counts as zero only where a fallback was possible).
    if (n === null && d !== 0) {
      slot.status = 'missing-data';
      return missingPoints;
    }
    if (d === null || d === 0) {
      if (d === null && fallback === undefined) {
        slot.status = 'missing-data';
        return missingPoints;
      }
      slot.status = 'zero-denominator';
      return zeroPoints;
    }
    if (n === null) {
      slot.status = 'missing-data';
      return missingPoints;
    }
    return finish(n / d, slot);
  };
}

/**
 * Compiles a formula into a {@link PointsEvaluator}: ratio and monitoring formulas (all of QĐ 766) get a
 * specialised reader; the other kinds evaluate through {@link evaluateFormula} and keep its points and status.
 *
 * @example
 * ```ts
 * const slot: PointsSlot = { status: 'scored' };
 * compilePoints({ kind: 'ratio', numerator: 'a', denominator: 'b', zeroDenominator: 'null' }, 20)(
 *   { a: 144625, b: 184513 }, 'month', undefined, slot); // 15.6764…, slot.status === 'scored'
 * ```
 */
export function compilePoints(f: Formula, maxPoints: number): PointsEvaluator {
  if (f.kind === 'ratio') return compileRatio(f, maxPoints);
  if (f.kind === 'monitoring') {
    return (_values, _kind, _population, slot) => {
      slot.status = 'monitoring';
      return null;
    };
  }
  return (values, periodKind, population, slot) => {
    const o = evaluateFormula(f, { maxPoints, values, periodKind, population });
    slot.status = o.status;
    return o.points;
  };
}
