import * as z from 'zod/mini';
import { issuesFromZod } from '../errors/index.js';
import { fail } from './errors.js';
import type { Language } from './localized-text.js';

const year = z.number().check(z.int(), z.minimum(1900), z.maximum(2199));

/**
 * An assessment period (kỳ đánh giá): a month (tháng), a quarter (quý) or a year (năm). `timeType` on the
 * national portal is one of these three.
 *
 * @example
 * ```ts
 * const p: Period = { kind: 'month', year: 2025, month: 2 }; // tháng 02/2025
 * ```
 */
export const periodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year, month: z.number().check(z.int(), z.minimum(1), z.maximum(12)) }),
  z.object({ kind: z.literal('quarter'), year, quarter: z.number().check(z.int(), z.minimum(1), z.maximum(4)) }),
  z.object({ kind: z.literal('year'), year }),
]);
/**
 * An assessment period (kỳ đánh giá): a month, a quarter or a year. See {@link periodSchema}.
 *
 * @example
 * ```ts
 * const p: Period = toPeriod('2025-Q1'); // { kind: 'quarter', year: 2025, quarter: 1 }
 * formatPeriod(p, 'vi'); // 'quý I/2025'
 * ```
 */
export type Period = z.infer<typeof periodSchema>;

/**
 * A period, or its key: `"2025-02"` (month), `"2025-Q1"` (quarter), `"2025"` (year).
 *
 * @example
 * ```ts
 * const p: PeriodInput = '2026-Q3';
 * ```
 */
export type PeriodInput = Period | string;

const pad = (n: number): string => String(n).padStart(2, '0');
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/**
 * Reads a period from its key or validates a period object; throws `INVALID_PERIOD`.
 *
 * @example
 * ```ts
 * toPeriod('2025-Q1'); // { kind: 'quarter', year: 2025, quarter: 1 }
 * ```
 */
export function toPeriod(input: PeriodInput): Period {
  if (typeof input === 'string') {
    let m = /^(\d{4})-(\d{2})$/.exec(input);
    let candidate: unknown;
    if (m) candidate = { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
    else if ((m = /^(\d{4})-Q(\d)$/.exec(input))) candidate = { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
    else if ((m = /^(\d{4})$/.exec(input))) candidate = { kind: 'year', year: Number(m[1]) };
    else fail('INVALID_PERIOD', `Kỳ không hợp lệ: "${input}"`, `invalid period "${input}" (use 2025-02, 2025-Q1 or 2025)`);
    input = candidate as Period;
  }
  const r = periodSchema.safeParse(input);
  if (!r.success) fail('INVALID_PERIOD', 'Kỳ không hợp lệ', 'invalid period', issuesFromZod(r.error));
  return r.data;
}

/**
 * The key of a period: `"2025-02"`, `"2025-Q1"` or `"2025"` (sorts in time order within a kind).
 *
 * @example
 * ```ts
 * periodKey({ kind: 'month', year: 2025, month: 2 }); // '2025-02'
 * ```
 */
export function periodKey(p: Period): string {
  return p.kind === 'month' ? `${p.year}-${pad(p.month)}` : p.kind === 'quarter' ? `${p.year}-Q${p.quarter}` : String(p.year);
}

/**
 * The period as a provincial notice words it: "tháng 02/2025", "quý I/2025", "năm 2025" (or in English).
 *
 * @example
 * ```ts
 * formatPeriod(toPeriod('2025-Q1'), 'vi'); // 'quý I/2025'
 * ```
 */
export function formatPeriod(p: Period, lang: Language = 'vi'): string {
  if (lang === 'vi') {
    return p.kind === 'month' ? `tháng ${pad(p.month)}/${p.year}` : p.kind === 'quarter' ? `quý ${ROMAN[p.quarter - 1]}/${p.year}` : `năm ${p.year}`;
  }
  return p.kind === 'month' ? `${p.year}-${pad(p.month)}` : p.kind === 'quarter' ? `Q${p.quarter} ${p.year}` : `year ${p.year}`;
}

/**
 * First and last civil day (`YYYY-MM-DD`) of a period, as the satisfaction endpoint's `fromDate` / `toDate`.
 *
 * @example
 * ```ts
 * periodBounds(toPeriod('2024-02')); // { from: '2024-02-01', to: '2024-02-29' }
 * ```
 */
export function periodBounds(p: Period): { from: string; to: string } {
  const [m0, m1] = p.kind === 'month' ? [p.month, p.month] : p.kind === 'quarter' ? [p.quarter * 3 - 2, p.quarter * 3] : [1, 12];
  const last = new Date(Date.UTC(p.year, m1, 0)).getUTCDate();
  return { from: `${p.year}-${pad(m0)}-01`, to: `${p.year}-${pad(m1)}-${pad(last)}` };
}

/**
 * The period just before (previous month, quarter or year), for period-over-period deltas.
 *
 * @example
 * ```ts
 * periodKey(previousPeriod(toPeriod('2025-01'))); // '2024-12'
 * ```
 */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'month') return p.month === 1 ? { kind: 'month', year: p.year - 1, month: 12 } : { kind: 'month', year: p.year, month: p.month - 1 };
  if (p.kind === 'quarter') return p.quarter === 1 ? { kind: 'quarter', year: p.year - 1, quarter: 4 } : { kind: 'quarter', year: p.year, quarter: p.quarter - 1 };
  return { kind: 'year', year: p.year - 1 };
}

/**
 * The period just after.
 *
 * @example
 * ```ts
 * periodKey(nextPeriod(toPeriod('2025-Q4'))); // '2026-Q1'
 * ```
 */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'month') return p.month === 12 ? { kind: 'month', year: p.year + 1, month: 1 } : { kind: 'month', year: p.year, month: p.month + 1 };
  if (p.kind === 'quarter') return p.quarter === 4 ? { kind: 'quarter', year: p.year + 1, quarter: 1 } : { kind: 'quarter', year: p.year, quarter: p.quarter + 1 };
  return { kind: 'year', year: p.year + 1 };
}

/**
 * Where a period stands on a given day (`at`, `YYYY-MM-DD` at UTC+7, passed by the caller: no hidden clock):
 * `future`, `open` (running: its scores are provisional) or `closed` (ended: its scores can be frozen).
 *
 * @example
 * ```ts
 * periodState(toPeriod('2025-02'), '2025-02-15'); // 'open'
 * ```
 */
export function periodState(p: Period, at: string): 'future' | 'open' | 'closed' {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at)) fail('INVALID_OPTIONS', `Ngày không hợp lệ: "${at}"`, `invalid day "${at}" (YYYY-MM-DD)`);
  const { from, to } = periodBounds(p);
  return at < from ? 'future' : at > to ? 'closed' : 'open';
}

/**
 * The months a period covers (1 for a month, 3 for a quarter, 12 for a year).
 *
 * @example
 * ```ts
 * periodMonths(toPeriod('2025')); // 12
 * ```
 */
export function periodMonths(p: Period): number {
  return p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
}
