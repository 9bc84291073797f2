import * as z from 'zod/mini';
import { issuesFromZod } from '../errors/index.js';
import { fail } from './errors.js';
import { languageSchema } from './localized-text.js';
import type { RankEntry } from './rank.js';
import type { ScoreResult } from './result-schema.js';
import { groupTable, summaryTable, type Cell } from './table.js';

/**
 * Options of {@link toCsv}: language of the headers (`vi` default), separator (`,` default; `;` for spreadsheets
 * set to a Vietnamese locale), a UTF-8 byte-order mark so Excel reads the diacritics (default `true`), an
 * optional ranking to add the rank column, and `group` to export one group's indicators instead of the summary.
 *
 * @example
 * ```ts
 * const o: CsvOptions = { lang: 'en', separator: ';', bom: false };
 * ```
 */
export const csvOptionsSchema = z.object({
  lang: z.optional(languageSchema),
  separator: z.optional(z.enum([',', ';', '\t'])),
  bom: z.optional(z.boolean()),
  group: z.optional(z.string().check(z.minLength(1))),
});
/**
 * Options of {@link toCsv} (xuất CSV). See {@link csvOptionsSchema}.
 *
 * @example
 * ```ts
 * const o: CsvOptions = { lang: 'vi', separator: ';', ranking: rank(results) };
 * const csv = toCsv(results, o);
 * ```
 */
export type CsvOptions = z.infer<typeof csvOptionsSchema> & { ranking?: readonly RankEntry[] };

function cell(v: Cell, sep: string): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  // Text that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection).
  const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return t.includes(sep) || /["\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * Writes results as CSV (RFC 4180: CRLF line ends, quoted fields where needed): the summary by default, or one
 * group's indicators with `group`. Numbers use a decimal point; `null` (not scored) is an empty field, never 0.
 * Throws `SET_MISMATCH` for results of different sets.
 *
 * @example
 * ```ts
 * const csv = toCsv(results, { lang: 'vi', ranking: rank(results) });
 * ```
 */
export function toCsv(results: readonly ScoreResult[], options: CsvOptions = {}): string {
  const o = csvOptionsSchema.safeParse({ lang: options.lang, separator: options.separator, bom: options.bom, group: options.group });
  if (!o.success) fail('INVALID_OPTIONS', 'Tùy chọn CSV không hợp lệ', 'invalid CSV options', issuesFromZod(o.error));
  const sep = options.separator ?? ',';
  const lang = options.lang ?? 'vi';
  const rows =
    options.group !== undefined
      ? groupTable(results, options.group, { lang })
      : summaryTable(results, options.ranking ? { lang, ranking: options.ranking } : { lang });
  const body = rows.map((r) => r.map((c) => cell(c, sep)).join(sep)).join('\r\n') + '\r\n';
  return (options.bom ?? true ? '\uFEFF' : '') + body;
}
