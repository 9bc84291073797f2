import type { CriteriaSet } from './criteria-set.js';
import type { Formula } from './formulas/formula.js';
import type { IndicatorResult } from './result-schema.js';
import type { FormulaOutcome } from './formulas/outcome.js';
import type { Language } from './localized-text.js';
import { formatNumber } from './rounding.js';

type Texts = { vi: string; en: string };

const fmt = (v: number | null | undefined, lang: Language): string => (v === null || v === undefined ? 'null' : formatNumber(v, lang));

function missingKeys(o: FormulaOutcome): string {
  const keys = Object.keys(o.inputs).filter((k) => o.inputs[k] === null);
  return keys.length ? keys.join(', ') : Object.keys(o.inputs).join(', ');
}

function policyTexts(o: FormulaOutcome, max: number): Texts | undefined {
  const p = o.policy;
  if (p === undefined) return undefined;
  if (p.startsWith('zero-denominator:')) {
    const what = p.slice('zero-denominator:'.length);
    if (what === 'full') return { vi: `Mẫu số bằng 0: theo quy định của chỉ số, được đủ điểm (${fmt(max, 'vi')}).`, en: `Zero denominator: by the indicator's policy, full points (${fmt(max, 'en')}).` };
    if (what === 'zero') return { vi: 'Mẫu số bằng 0: theo quy định của chỉ số, được 0 điểm.', en: "Zero denominator: by the indicator's policy, 0 points." };
    return { vi: 'Mẫu số bằng 0: theo quy định của chỉ số, không tính điểm (null, không cộng vào tổng).', en: "Zero denominator: by the indicator's policy, not scored (null, left out of the totals)." };
  }
  if (p.startsWith('missing:')) {
    const what = p.slice('missing:'.length);
    const keys = missingKeys(o);
    if (what === 'zero') return { vi: `Thiếu dữ liệu (${keys}): theo quy định, được 0 điểm.`, en: `Missing data (${keys}): by policy, 0 points.` };
    return { vi: `Thiếu dữ liệu (${keys}): không tính điểm (null, không cộng vào tổng).`, en: `Missing data (${keys}): not scored (null, left out of the totals).` };
  }
  if (p === 'evidence-required') return { vi: 'Điểm chấm tay không có minh chứng: không tính điểm.', en: 'Manual score without the required evidence: not scored.' };
  return undefined;
}

function body(f: Formula, o: FormulaOutcome, max: number, lang: Language): string {
  const s = o.steps;
  const vi = lang === 'vi';
  const raw = fmt(o.points, lang);
  switch (f.kind) {
    case 'ratio': {
      const ratioText =
        f.ratio !== undefined
          ? vi ? `Tỷ lệ (đầu vào ${f.ratio}) = ${fmt(s['ratio'], lang)}.` : `Ratio (input ${f.ratio}) = ${fmt(s['ratio'], lang)}.`
          : vi ? `Tỷ lệ = ${fmt(s['numerator'], lang)} ÷ ${fmt(s['denominator'], lang)} = ${fmt(s['ratio'], lang)}.` : `Ratio = ${fmt(s['numerator'], lang)} ÷ ${fmt(s['denominator'], lang)} = ${fmt(s['ratio'], lang)}.`;
      const fallback = o.policy === 'denominator-fallback' ? (vi ? ' Mẫu số lấy theo số năm trước chia theo kỳ.' : " Denominator from last year's count, shared over the period.") : '';
      const t = f.target;
      let pts: string;
      if (t === undefined) pts = vi ? `Điểm = ${fmt(max, lang)} × ${fmt(s['ratio'], lang)} = ${raw}` : `Points = ${fmt(max, lang)} × ${fmt(s['ratio'], lang)} = ${raw}`;
      else if (f.cap === false) pts = vi ? `Điểm = ${fmt(max, lang)} × ${fmt(s['ratio'], lang)} ÷ ${fmt(t, lang)} = ${raw} (không giới hạn trần)` : `Points = ${fmt(max, lang)} × ${fmt(s['ratio'], lang)} ÷ ${fmt(t, lang)} = ${raw} (not capped)`;
      else pts = vi ? `Điểm = min(${fmt(max, lang)}, ${fmt(max, lang)} × ${fmt(s['ratio'], lang)} ÷ ${fmt(t, lang)}) = ${raw} (đủ điểm khi tỷ lệ ≥ ${fmt(t, lang)})` : `Points = min(${fmt(max, lang)}, ${fmt(max, lang)} × ${fmt(s['ratio'], lang)} ÷ ${fmt(t, lang)}) = ${raw} (full at ratio ≥ ${fmt(t, lang)})`;
      if (t === undefined && o.policy === 'cap') pts += vi ? ' (giới hạn ở điểm tối đa)' : ' (capped at the maximum)';
      return `${ratioText}${fallback} ${pts}`;
    }
    case 'thresholds':
      return s['bound'] === null
        ? vi ? `Giá trị ${fmt(s['value'], lang)} không đạt ngưỡng nào: ${raw} điểm` : `Value ${fmt(s['value'], lang)} reaches no band: ${raw} points`
        : vi ? `Giá trị ${fmt(s['value'], lang)} đạt ngưỡng ${f.direction === 'at-least' ? '≥' : '≤'} ${fmt(s['bound'], lang)}: ${raw} điểm` : `Value ${fmt(s['value'], lang)} reaches the band ${f.direction === 'at-least' ? '≥' : '≤'} ${fmt(s['bound'], lang)}: ${raw} points`;
    case 'boolean': {
      const yes = o.inputs[f.input] === true;
      return vi ? `${f.input}: ${yes ? 'Có' : 'Không'} → ${raw} điểm` : `${f.input}: ${yes ? 'yes' : 'no'} → ${raw} points`;
    }
    case 'count':
      return vi
        ? `Điểm = min(${fmt(max, lang)}, ${fmt(f.base ?? 0, lang)} + ${fmt(f.pointsPerUnit, lang)} × ${fmt(s['count'], lang)}) = ${raw}`
        : `Points = min(${fmt(max, lang)}, ${fmt(f.base ?? 0, lang)} + ${fmt(f.pointsPerUnit, lang)} × ${fmt(s['count'], lang)}) = ${raw}`;
    case 'linear':
      return vi
        ? `Điểm = ${fmt(max, lang)} × (${fmt(s['value'], lang)} − ${fmt(f.from, lang)}) ÷ (${fmt(f.to, lang)} − ${fmt(f.from, lang)}) = ${raw}${o.policy === 'clamp' ? ' (giới hạn trong khoảng)' : ''}`
        : `Points = ${fmt(max, lang)} × (${fmt(s['value'], lang)} − ${fmt(f.from, lang)}) ÷ (${fmt(f.to, lang)} − ${fmt(f.from, lang)}) = ${raw}${o.policy === 'clamp' ? ' (clamped)' : ''}`;
    case 'normalise-to-best':
      return f.best === 'highest'
        ? vi ? `Điểm = ${fmt(max, lang)} × ${fmt(s['value'], lang)} ÷ ${fmt(s['max'], lang)} (giá trị cao nhất) = ${raw}` : `Points = ${fmt(max, lang)} × ${fmt(s['value'], lang)} ÷ ${fmt(s['max'], lang)} (highest value) = ${raw}`
        : vi ? `Điểm = ${fmt(max, lang)} × ${fmt(s['min'], lang)} (giá trị thấp nhất) ÷ ${fmt(s['value'], lang)} = ${raw}` : `Points = ${fmt(max, lang)} × ${fmt(s['min'], lang)} (lowest value) ÷ ${fmt(s['value'], lang)} = ${raw}`;
    case 'min-max':
      return vi
        ? `Chuẩn hóa min–max: (${fmt(s['value'], lang)} so với khoảng ${fmt(s['min'], lang)}–${fmt(s['max'], lang)}) → ${fmt(s['share'], lang)}; Điểm = ${fmt(max, lang)} × ${fmt(s['share'], lang)} = ${raw}`
        : `Min–max normalisation: (${fmt(s['value'], lang)} in ${fmt(s['min'], lang)}–${fmt(s['max'], lang)}) → ${fmt(s['share'], lang)}; Points = ${fmt(max, lang)} × ${fmt(s['share'], lang)} = ${raw}`;
    case 'z-score':
      return vi
        ? `z = (${fmt(s['value'], lang)} − ${fmt(s['mean'], lang)}) ÷ ${fmt(s['sd'], lang)} = ${fmt(s['z'], lang)}; chuẩn hóa min–max → ${fmt(s['share'], lang)}; Điểm = ${raw}`
        : `z = (${fmt(s['value'], lang)} − ${fmt(s['mean'], lang)}) ÷ ${fmt(s['sd'], lang)} = ${fmt(s['z'], lang)}; min–max rescaled → ${fmt(s['share'], lang)}; Points = ${raw}`;
    case 'manual':
      return vi ? `Điểm chấm: ${raw} (${fmt(s['evidenceCount'], lang)} minh chứng)` : `Manual score: ${raw} (${fmt(s['evidenceCount'], lang)} evidence items)`;
    case 'assessed': {
      const reviewers: string[] = [];
      for (const k of Object.keys(s)) if (k.startsWith('reviewer')) reviewers.push(fmt(s[k], lang));
      return vi
        ? `Tự chấm ${fmt(s['self'], lang)}; thẩm định ${reviewers.length ? reviewers.join(', ') : 'chưa có'}; kết hợp theo quy tắc "${f.combine.rule}": ${raw}`
        : `Self-assessed ${fmt(s['self'], lang)}; reviewed ${reviewers.length ? reviewers.join(', ') : 'none yet'}; combined by "${f.combine.rule}": ${raw}`;
    }
    case 'monitoring':
      return '';
  }
}

/**
 * Writes the sentence explaining an indicator's points in one language: the formula with the values put in, the
 * policy that decided (zero denominator, missing data, evidence), and the rounding.
 *
 * @example
 * ```ts
 * explainOutcome(formula, outcome, 20, 15.68, 2, 'en');
 * // 'Ratio = 144625 ÷ 184513 = 0.7838. Points = 20 × 0.7838 = 15.6764; rounded to 2 decimals: 15.68.'
 * ```
 */
export function explainOutcome(
  f: Formula,
  o: FormulaOutcome,
  maxPoints: number,
  rounded: number | null,
  decimals: number,
  lang: Language,
): string {
  const vi = lang === 'vi';
  if (o.status === 'not-applicable') return vi ? 'Chỉ số không áp dụng cho cấp của đơn vị: không tính điểm.' : "The indicator does not apply to the unit's level: not scored.";
  if (o.status === 'monitoring') {
    const ins = Object.entries(o.inputs).map(([k, v]) => `${k} = ${typeof v === 'number' ? formatNumber(v, lang) : String(v)}`).join(', ');
    return vi ? `Chỉ số theo dõi, không tính điểm${ins ? ` (${ins})` : ''}.` : `Monitoring only, not scored${ins ? ` (${ins})` : ''}.`;
  }
  const policy = policyTexts(o, maxPoints);
  if (o.status !== 'scored' && policy) {
    const pre = o.status === 'zero-denominator' && f.kind === 'ratio' && f.ratio === undefined
      ? vi ? `Tỷ lệ = ${fmt(o.steps['numerator'], lang)} ÷ ${fmt(o.steps['denominator'], lang)}. ` : `Ratio = ${fmt(o.steps['numerator'], lang)} ÷ ${fmt(o.steps['denominator'], lang)}. `
      : '';
    return pre + (vi ? policy.vi : policy.en);
  }
  const b = body(f, o, maxPoints, lang);
  const fixed = rounded === null ? 'null' : rounded.toFixed(decimals);
  const r = lang === 'vi' ? fixed.replace('.', ',') : fixed;
  const tail = vi ? `; làm tròn ${decimals} chữ số thập phân: ${r}.` : `; rounded to ${decimals} decimals: ${r}.`;
  // join() writes one flat string: the pieces of the template literals become garbage at once instead of being
  // retained as a rope for as long as the result lives (a large difference for 10,000-unit batches).
  return [b, tail].join('');
}

/**
 * Writes the sentence of an indicator result from its structured explanation — for results scored with
 * `explain: 'data'` (large batches), rendered only for the rows a user opens. Gives the same text as
 * `explain: 'text'`. Returns `''` for a result without explanation or an indicator the set does not have.
 *
 * @example
 * ```ts
 * const r = score(criteriaSets.qd766, units, { period: '2026-08', explain: 'data' });
 * explanationText(criteriaSets.qd766, r[0].groups[1].indicators[0], 'vi');
 * ```
 */
export function explanationText(
  set: CriteriaSet,
  result: IndicatorResult,
  lang: Language,
): string {
  const e = result.explanation;
  if (!e) return '';
  for (const g of set.groups) {
    for (const ind of g.indicators) {
      if (ind.id !== result.id) continue;
      const outcome: FormulaOutcome = { points: e.rawPoints, status: result.status, inputs: e.inputs, steps: e.steps };
      if (e.policy !== undefined) outcome.policy = e.policy;
      return explainOutcome(ind.formula, outcome, ind.maxPoints, result.points, e.rounding.decimals, lang);
    }
  }
  return '';
}
