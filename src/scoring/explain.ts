import type { Formula } from './formulas/formula.js';
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
  const L = (lang: Language): string => fmt(max, lang);
  if (p.startsWith('zero-denominator:')) {
    const what = p.slice('zero-denominator:'.length);
    if (what === 'full') return { vi: `Mẫu số bằng 0: theo quy định của chỉ số, được đủ điểm (${L('vi')}).`, en: `Zero denominator: by the indicator's policy, full points (${L('en')}).` };
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
  const n = (v: number | null | undefined): string => fmt(v, lang);
  const vi = lang === 'vi';
  const raw = n(o.points);
  switch (f.kind) {
    case 'ratio': {
      const ratioText =
        f.ratio !== undefined
          ? vi ? `Tỷ lệ (đầu vào ${f.ratio}) = ${n(s['ratio'])}.` : `Ratio (input ${f.ratio}) = ${n(s['ratio'])}.`
          : vi ? `Tỷ lệ = ${n(s['numerator'])} ÷ ${n(s['denominator'])} = ${n(s['ratio'])}.` : `Ratio = ${n(s['numerator'])} ÷ ${n(s['denominator'])} = ${n(s['ratio'])}.`;
      const fallback = o.policy === 'denominator-fallback' ? (vi ? ' Mẫu số lấy theo số năm trước chia theo kỳ.' : " Denominator from last year's count, shared over the period.") : '';
      const t = f.target;
      let pts: string;
      if (t === undefined) pts = vi ? `Điểm = ${n(max)} × ${n(s['ratio'])} = ${raw}` : `Points = ${n(max)} × ${n(s['ratio'])} = ${raw}`;
      else if (f.cap === false) pts = vi ? `Điểm = ${n(max)} × ${n(s['ratio'])} ÷ ${n(t)} = ${raw} (không giới hạn trần)` : `Points = ${n(max)} × ${n(s['ratio'])} ÷ ${n(t)} = ${raw} (not capped)`;
      else pts = vi ? `Điểm = min(${n(max)}, ${n(max)} × ${n(s['ratio'])} ÷ ${n(t)}) = ${raw} (đủ điểm khi tỷ lệ ≥ ${n(t)})` : `Points = min(${n(max)}, ${n(max)} × ${n(s['ratio'])} ÷ ${n(t)}) = ${raw} (full at ratio ≥ ${n(t)})`;
      if (t === undefined && o.policy === 'cap') pts += vi ? ' (giới hạn ở điểm tối đa)' : ' (capped at the maximum)';
      return `${ratioText}${fallback} ${pts}`;
    }
    case 'thresholds':
      return s['bound'] === null
        ? vi ? `Giá trị ${n(s['value'])} không đạt ngưỡng nào: ${raw} điểm` : `Value ${n(s['value'])} reaches no band: ${raw} points`
        : vi ? `Giá trị ${n(s['value'])} đạt ngưỡng ${f.direction === 'at-least' ? '≥' : '≤'} ${n(s['bound'])}: ${raw} điểm` : `Value ${n(s['value'])} reaches the band ${f.direction === 'at-least' ? '≥' : '≤'} ${n(s['bound'])}: ${raw} points`;
    case 'boolean': {
      const yes = o.inputs[f.input] === true;
      return vi ? `${f.input}: ${yes ? 'Có' : 'Không'} → ${raw} điểm` : `${f.input}: ${yes ? 'yes' : 'no'} → ${raw} points`;
    }
    case 'count':
      return vi
        ? `Điểm = min(${n(max)}, ${n(f.base ?? 0)} + ${n(f.pointsPerUnit)} × ${n(s['count'])}) = ${raw}`
        : `Points = min(${n(max)}, ${n(f.base ?? 0)} + ${n(f.pointsPerUnit)} × ${n(s['count'])}) = ${raw}`;
    case 'linear':
      return vi
        ? `Điểm = ${n(max)} × (${n(s['value'])} − ${n(f.from)}) ÷ (${n(f.to)} − ${n(f.from)}) = ${raw}${o.policy === 'clamp' ? ' (giới hạn trong khoảng)' : ''}`
        : `Points = ${n(max)} × (${n(s['value'])} − ${n(f.from)}) ÷ (${n(f.to)} − ${n(f.from)}) = ${raw}${o.policy === 'clamp' ? ' (clamped)' : ''}`;
    case 'normalise-to-best':
      return f.best === 'highest'
        ? vi ? `Điểm = ${n(max)} × ${n(s['value'])} ÷ ${n(s['max'])} (giá trị cao nhất) = ${raw}` : `Points = ${n(max)} × ${n(s['value'])} ÷ ${n(s['max'])} (highest value) = ${raw}`
        : vi ? `Điểm = ${n(max)} × ${n(s['min'])} (giá trị thấp nhất) ÷ ${n(s['value'])} = ${raw}` : `Points = ${n(max)} × ${n(s['min'])} (lowest value) ÷ ${n(s['value'])} = ${raw}`;
    case 'min-max':
      return vi
        ? `Chuẩn hóa min–max: (${n(s['value'])} so với khoảng ${n(s['min'])}–${n(s['max'])}) → ${n(s['share'])}; Điểm = ${n(max)} × ${n(s['share'])} = ${raw}`
        : `Min–max normalisation: (${n(s['value'])} in ${n(s['min'])}–${n(s['max'])}) → ${n(s['share'])}; Points = ${n(max)} × ${n(s['share'])} = ${raw}`;
    case 'z-score':
      return vi
        ? `z = (${n(s['value'])} − ${n(s['mean'])}) ÷ ${n(s['sd'])} = ${n(s['z'])}; chuẩn hóa min–max → ${n(s['share'])}; Điểm = ${raw}`
        : `z = (${n(s['value'])} − ${n(s['mean'])}) ÷ ${n(s['sd'])} = ${n(s['z'])}; min–max rescaled → ${n(s['share'])}; Points = ${raw}`;
    case 'manual':
      return vi ? `Điểm chấm: ${raw} (${n(s['evidenceCount'])} minh chứng)` : `Manual score: ${raw} (${n(s['evidenceCount'])} evidence items)`;
    case 'assessed': {
      const reviewers = Object.keys(s).filter((k) => k.startsWith('reviewer')).map((k) => n(s[k]));
      return vi
        ? `Tự chấm ${n(s['self'])}; thẩm định ${reviewers.length ? reviewers.join(', ') : 'chưa có'}; kết hợp theo quy tắc "${f.combine.rule}": ${raw}`
        : `Self-assessed ${n(s['self'])}; reviewed ${reviewers.length ? reviewers.join(', ') : 'none yet'}; combined by "${f.combine.rule}": ${raw}`;
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
 * // 'Ratio = 144625 ÷ 184513 = 0.7838. Points = 20 × 0.7838 = 15.6766; rounded to 2 decimals: 15.68.'
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
  const r = rounded === null ? 'null' : formatNumber(rounded, lang, decimals);
  const tail = vi ? `; làm tròn ${decimals} chữ số thập phân: ${r}.` : `; rounded to ${decimals} decimals: ${r}.`;
  return b + tail;
}
