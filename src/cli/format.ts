import type { CliLang } from './io.js';

const WEEKDAYS: Record<CliLang, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** Weekday name of a `YYYY-MM-DD` day. @internal */
export function weekdayName(day: string, lang: CliLang): string {
  return WEEKDAYS[lang][new Date(`${day}T00:00:00Z`).getUTCDay()]!;
}

/** Picks the label of the output language. @internal */
export function t(lang: CliLang, vi: string, en: string): string {
  return lang === 'vi' ? vi : en;
}

/** Formats rows as an aligned text table. @internal */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('  ')).join('\n');
}
