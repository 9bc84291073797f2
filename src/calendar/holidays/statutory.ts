import { dayNumberFromParts, weekdayOf } from '../day.js';
import { lunarNewYearDayNumber, lunarToDayNumber } from '../lunar/index.js';
import type { HolidayId } from './holiday-ids.js';

/**
 * A law that fixes the paid public holidays (ngày nghỉ lễ, Tết hưởng nguyên lương), with the years it governs.
 * Data, not code: a new law is a new entry.
 *
 * @example
 * ```ts
 * const regime: HolidayRegime = HOLIDAY_REGIMES.find((r) => r.id === 'blld-2019')!;
 * regime.nationalDayDays; // 2
 * ```
 */
export interface HolidayRegime {
  /** Short identifier. */
  readonly id: string;
  /** First and last calendar year governed (inclusive); `null` = still in force. */
  readonly fromYear: number;
  readonly toYear: number | null;
  /** The legal source. */
  readonly source: string;
  /** `confirmed`: read in the legal text; `secondary`: from secondary sources only. */
  readonly confidence: 'confirmed' | 'secondary';
  /** Days of Quốc khánh (1 under BLLĐ 2012, 2 under BLLĐ 2019). */
  readonly nationalDayDays: 1 | 2;
}

/**
 * The holiday laws modelled, oldest first. Working-day arithmetic is supported from 2014, the first full year of
 * the 2012 Labour Code (in force 01/05/2013).
 *
 * @example
 * ```ts
 * HOLIDAY_REGIMES.find((r) => r.fromYear <= 2026 && (r.toYear ?? 9999) >= 2026)?.id; // 'blld-2019'
 * ```
 */
export const HOLIDAY_REGIMES: readonly HolidayRegime[] = [
  {
    id: 'blld-2012',
    fromYear: 2014,
    toYear: 2020,
    source: 'Bộ luật Lao động 2012 (10/2012/QH13) Điều 115 (10 ngày; Quốc khánh 1 ngày)',
    confidence: 'secondary',
    nationalDayDays: 1,
  },
  {
    id: 'blld-2019',
    fromYear: 2021,
    toYear: null,
    source: 'Bộ luật Lao động 2019 (45/2019/QH14) Điều 112 khoản 1 (11 ngày; Quốc khánh 2 ngày)',
    confidence: 'confirmed',
    nationalDayDays: 2,
  },
];

/**
 * Ngày Văn hóa Việt Nam (24/11), a paid day off from 2026.
 *
 * @example
 * ```ts
 * CULTURE_DAY_RULE.fromYear; // 2026 (Nghị quyết 28/2026/QH16)
 * ```
 */
export const CULTURE_DAY_RULE = {
  fromYear: 2026,
  source: 'Nghị quyết 28/2026/QH16 (hiệu lực 01/07/2026), Ngày Văn hóa Việt Nam 24/11',
  confidence: 'secondary' as const,
};

/**
 * Source of the compensating-day rule (nghỉ bù).
 *
 * @example
 * ```ts
 * COMPENSATION_SOURCE; // 'Bộ luật Lao động 2019 Điều 111 khoản 3 (nghỉ bù vào ngày làm việc kế tiếp)'
 * ```
 */
export const COMPENSATION_SOURCE = 'Bộ luật Lao động 2019 Điều 111 khoản 3 (nghỉ bù vào ngày làm việc kế tiếp)';

/** One day produced by the statutory rules for a year. @internal */
export interface StatutoryDay {
  readonly day: number;
  readonly holiday: HolidayId;
  readonly kind: 'holiday' | 'substitute';
  /** For `holiday`: whether it falls on the weekly rest day (Saturday or Sunday). */
  readonly onRestDay: boolean;
  /** The legal date itself (fixed-date and lunar holidays), not a chosen or projected day. */
  readonly legalDate: boolean;
  /** A projection of a day the Prime Minister chooses each year (Tết days, the adjacent Quốc khánh day). */
  readonly projected: boolean;
  readonly source: string;
  readonly note: string;
}

/** The regime governing a year, or undefined outside the supported range. @internal */
export function regimeFor(year: number): HolidayRegime | undefined {
  return HOLIDAY_REGIMES.find((r) => r.fromYear <= year && (r.toYear === null || r.toYear >= year));
}

const isRestDay = (d: number): boolean => {
  const w = weekdayOf(d);
  return w === 0 || w === 6;
};

/**
 * The days off of a year computed from the statutory rules alone, for the civil-service Monday–Friday week:
 * the legal holidays, a projection of the days the Prime Minister chooses (five Tết days = the last day of the
 * lunar year and mùng 1–4; the adjacent Quốc khánh day by the weekday rule that matched the 2021–2026 notices),
 * and compensating days on the next working day for holidays on Saturday or Sunday. @internal
 */
export function statutoryDays(year: number): StatutoryDay[] {
  const regime = regimeFor(year);
  if (regime === undefined) return [];
  const out: StatutoryDay[] = [];
  const add = (day: number, holiday: HolidayId, legalDate: boolean, projected: boolean, source: string, note: string) =>
    out.push({ day, holiday, kind: 'holiday', onRestDay: isRestDay(day), legalDate, projected, source, note });

  add(dayNumberFromParts(year, 1, 1), 'new-year', true, false, regime.source, '1/1');
  // Tết: the eve (last day of the old lunar year) and mùng 1–4 of the new one (Điều 112 k1 b; days chosen by the
  // Prime Minister each year, Điều 112 k3, so this is a projection).
  const tet = lunarNewYearDayNumber(year);
  const tetSource = `${regime.source}; Điều 112 khoản 3: Thủ tướng quyết định cụ thể ngày nghỉ (dự kiến)`;
  add(tet - 1, 'tet', false, true, tetSource, 'Tất niên (ngày cuối năm âm lịch)');
  for (let i = 0; i < 4; i++) add(tet + i, 'tet', i === 0, true, tetSource, `mùng ${i + 1} Tết`);
  add(lunarToDayNumber(year, 3, 10, false), 'hung-kings', true, false, regime.source, '10/3 âm lịch');
  add(dayNumberFromParts(year, 4, 30), 'victory-day', true, false, regime.source, '30/4');
  add(dayNumberFromParts(year, 5, 1), 'labour-day', true, false, regime.source, '1/5');
  const nd = dayNumberFromParts(year, 9, 2);
  add(nd, 'national-day', true, false, regime.source, '2/9');
  if (regime.nationalDayDays === 2) {
    // Điều 112 k1 đ: 2/9 and the day before or after, chosen each year (k3). Projection: the weekday rule of
    // python-holidays (vacanza/holidays@c382fdec holidays/countries/vietnam.py), which matched 2021–2026.
    const w = weekdayOf(nd);
    const adjacent = w === 1 || w === 4 || w === 0 ? nd + 1 : nd - 1;
    add(adjacent, 'national-day', false, true, `${regime.source}; Điều 112 khoản 3 (ngày liền kề, dự kiến)`, 'ngày liền kề 2/9');
  }
  if (year >= CULTURE_DAY_RULE.fromYear) {
    add(dayNumberFromParts(year, 11, 24), 'culture-day', true, false, CULTURE_DAY_RULE.source, '24/11');
  }
  out.sort((a, b) => a.day - b.day);

  // Compensating days: each holiday on a rest day moves to the next day that is neither a rest day nor a holiday.
  const taken = new Set(out.map((d) => d.day));
  const subs: StatutoryDay[] = [];
  for (const d of out) {
    if (!d.onRestDay) continue;
    let s = d.day + 1;
    while (isRestDay(s) || taken.has(s)) s++;
    taken.add(s);
    subs.push({
      day: s,
      holiday: d.holiday,
      kind: 'substitute',
      onRestDay: false,
      legalDate: false,
      projected: d.projected,
      source: COMPENSATION_SOURCE,
      note: `nghỉ bù cho ${d.note}`,
    });
  }
  return [...out, ...subs].sort((a, b) => a.day - b.day);
}
