/**
 * Stem-branch names (can chi) of years, months and days.
 * @packageDocumentation
 */
import { describe, fail, toDayNumber, JDN_OF_EPOCH, type DayInput } from '../day.js';

/**
 * The ten heavenly stems (Thiên can), Giáp first.
 *
 * @example
 * ```ts
 * HEAVENLY_STEMS[2]; // 'Bính' (2026 is Bính Ngọ)
 * ```
 */
export const HEAVENLY_STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
/**
 * The twelve earthly branches (Địa chi), Tý first.
 *
 * @example
 * ```ts
 * EARTHLY_BRANCHES[6]; // 'Ngọ' (2026 is Bính Ngọ)
 * ```
 */
export const EARTHLY_BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

function checkInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    fail('INVALID_ARGUMENT', `${name} phải là số nguyên / ${name} must be an integer, got ${describe(value)}`, [name]);
  }
  return value;
}

/**
 * Stem-branch name (can chi) of a lunar year, e.g. the year whose Tết falls in 2026 is "Bính Ngọ".
 * Year 4 (and 1984, 2044…) is Giáp Tý, the first of the sexagenary cycle.
 *
 * @throws VnEgovError `INVALID_ARGUMENT` if `year` is not an integer.
 * @example
 * ```ts
 * canChi(2026); // 'Bính Ngọ'
 * canChi(1968); // 'Mậu Thân'
 * ```
 */
export function canChi(year: number): string {
  const y = checkInteger(year, 'year');
  return `${HEAVENLY_STEMS[mod(y + 6, 10)]!} ${EARTHLY_BRANCHES[mod(y + 8, 12)]!}`;
}

/**
 * Stem-branch name (can chi) of a lunar month, by the traditional rule: tháng Giêng (month 1) is always a
 * Dần month, and its stem follows the year's stem (Giáp/Kỷ years → Bính Dần, Ất/Canh → Mậu Dần,
 * Bính/Tân → Canh Dần, Đinh/Nhâm → Nhâm Dần, Mậu/Quý → Giáp Dần); later months follow in order.
 * A leap month (tháng nhuận) has no stem-branch of its own; pass its number to get the name it shares.
 *
 * @throws VnEgovError `INVALID_ARGUMENT` if `lunarYear` is not an integer or `month` is not 1–12.
 * @example
 * ```ts
 * canChiOfMonth(2026, 1); // 'Canh Dần'
 * canChiOfMonth(2024, 1); // 'Bính Dần'
 * ```
 */
export function canChiOfMonth(lunarYear: number, month: number): string {
  const y = checkInteger(lunarYear, 'lunarYear');
  const m = checkInteger(month, 'month');
  if (m < 1 || m > 12) fail('INVALID_ARGUMENT', `month phải từ 1 đến 12 / month must be 1–12, got ${m}`, ['month']);
  const yearStem = mod(y + 6, 10);
  return `${HEAVENLY_STEMS[mod(yearStem * 12 + m + 1, 10)]!} ${EARTHLY_BRANCHES[mod(m + 1, 12)]!}`;
}

/**
 * Stem-branch name (can chi) of a day. The day cycle runs continuously: 2000-01-01 is a Mậu Ngọ day and
 * 1949-10-01 a Giáp Tý day. A `Date` is read as the Vietnamese (UTC+7) day.
 *
 * @throws VnEgovError `INVALID_DATE` for a day that does not exist.
 * @example
 * ```ts
 * canChiOfDay('2000-01-01'); // 'Mậu Ngọ'
 * ```
 */
export function canChiOfDay(day: DayInput): string {
  const jdn = toDayNumber(day) + JDN_OF_EPOCH;
  return `${HEAVENLY_STEMS[mod(jdn + 9, 10)]!} ${EARTHLY_BRANCHES[mod(jdn + 1, 12)]!}`;
}
