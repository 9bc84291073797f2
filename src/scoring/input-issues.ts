import { issuesFromZod, type VnEgovIssue } from '../errors/index.js';
import { issue } from './errors.js';
import { unitInputsSchema, type UnitInputs } from './input-value.js';
import type { PlanIndicator } from './scoring-plan.js';

const isScore = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** A fast, sound pre-check: `true` only for values the input schema accepts (the schema reports the rest). */
function plainValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o['evidence'])) return isScore(o['points']) && (o['evidence'] as unknown[]).every((e) => typeof e === 'string' && e.length > 0);
  if (Array.isArray(o['reviewers'])) return isScore(o['self']) && (o['reviewers'] as unknown[]).length <= 2 && (o['reviewers'] as unknown[]).every(isScore);
  return false;
}

function plainUnit(u: unknown): boolean {
  if (typeof u !== 'object' || u === null) return false;
  const o = u as Record<string, unknown>;
  if (typeof o['unitId'] !== 'string' || o['unitId'].length === 0) return false;
  if (o['unitName'] !== undefined && typeof o['unitName'] !== 'string') return false;
  if (o['level'] !== undefined && (typeof o['level'] !== 'string' || o['level'].length === 0)) return false;
  const values = o['values'];
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  for (const k in values) {
    const v = (values as Record<string, unknown>)[k];
    if (typeof v === 'number' ? !Number.isFinite(v) : !plainValue(v)) return false;
  }
  return true;
}

/**
 * Every problem of a batch of unit inputs at once (lỗi dữ liệu đầu vào): schema errors (checked by a fast, sound
 * pre-check first, the zod schema only for the units it does not accept), duplicate unit ids, unknown unit levels,
 * manual or assessed points above the indicator's maximum. Paths start with the unit's index.
 *
 * @example
 * ```ts
 * inputIssues([{ unitId: 'a', values: { x: 'text' } }], plan.indicators, undefined)[0]?.path; // [0, 'values', 'x']
 * ```
 */
export function inputIssues(units: readonly unknown[], plan: readonly PlanIndicator[], levels: readonly string[] | undefined): VnEgovIssue[] {
  const out: VnEgovIssue[] = [];
  const known = levels ? new Set(levels) : undefined;
  const seen = new Map<string, number>();
  const bounded = plan.filter((p) => p.ind.formula.kind === 'manual' || p.ind.formula.kind === 'assessed');
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const id = typeof u === 'object' && u !== null ? (u as { unitId?: unknown }).unitId : undefined;
    if (typeof id === 'string') {
      const prev = seen.get(id);
      if (prev !== undefined) out.push(issue('duplicate_unit', [i, 'unitId'], `unit "${id}" is also at index ${prev}`));
      else seen.set(id, i);
    }
    if (!plainUnit(u)) {
      const r = unitInputsSchema.safeParse(u);
      if (!r.success) {
        for (const x of issuesFromZod(r.error)) out.push({ ...x, path: [i, ...x.path] });
        continue;
      }
    }
    const level = (u as UnitInputs).level;
    if (known && level !== undefined && !known.has(level)) {
      out.push(issue('unknown_unit_level', [i, 'level'], `unit level "${level}" is not one of ${[...known].join(', ')}`));
    }
    const values = (u as UnitInputs).values;
    for (const p of bounded) {
      const f = p.ind.formula as { input: string };
      const v = values[f.input];
      if (v === null || v === undefined || typeof v !== 'object') continue;
      const given = 'evidence' in v ? [v.points] : [v.self, ...v.reviewers];
      for (const g of given) {
        if (g !== null && g > p.ind.maxPoints + 1e-9) {
          out.push(issue('points_above_max', [i, 'values', f.input], `${g} points exceed the maximum ${p.ind.maxPoints} of "${p.ind.id}"`));
        }
      }
    }
  }
  return out;
}

