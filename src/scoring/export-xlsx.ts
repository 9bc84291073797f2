import { strToU8, zipSync } from 'fflate';
import { fail } from './errors.js';
import type { Language } from './localized-text.js';
import type { RankEntry } from './rank.js';
import type { ScoreResult } from './result-schema.js';
import { groupTable, sameSet, summaryTable, type Cell } from './table.js';

/**
 * Options of {@link toXlsx}: header language (`vi` default), an optional ranking (adds the rank column to the
 * summary sheet), and the modification time written in the zip entries (default 2000-01-01, so the same results
 * give the same bytes; no clock is read).
 *
 * @example
 * ```ts
 * const o: XlsxOptions = { lang: 'vi', ranking: rank(results) };
 * ```
 */
export interface XlsxOptions {
  lang?: Language;
  ranking?: readonly RankEntry[];
  modified?: Date;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Escapes text for XML and drops the characters XML 1.0 forbids. */
function esc(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Column letters: 0 → A, 25 → Z, 26 → AA.
 *
 * @example
 * ```ts
 * columnName(27); // 'AB'
 * ```
 */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellXml(v: Cell, ref: string, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : '';
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
}

function sheetXml(rows: Cell[][]): string {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  const cols = Array.from({ length: width }, (_, i) => `<col min="${i + 1}" max="${i + 1}" width="${i === 1 ? 36 : i < 3 ? 14 : 18}" customWidth="1"/>`).join('');
  const data = rows
    .map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => cellXml(v, `${columnName(ci)}${ri + 1}`, ri === 0 ? 1 : 0)).join('')}</row>`)
    .join('');
  const last = `${columnName(width - 1)}${Math.max(rows.length, 1)}`;
  return (
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>${data}</sheetData></worksheet>`
  );
}

/**
 * A valid, unique sheet name: at most 31 characters, none of `[]:*?/\`, not blank.
 *
 * @example
 * ```ts
 * sheetName('Tiến độ / kết quả', new Set()); // 'Tiến độ   kết quả'
 * ```
 */
export function sheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    base = base.slice(0, 31 - suffix.length);
    candidate = base + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * Writes results as an Excel workbook (`.xlsx`, SpreadsheetML) the way provincial offices read them: a summary
 * sheet ("Tổng hợp": total, each group, rank) then one sheet per group with its indicators; headers bold and
 * frozen; `null` (not scored) is an empty cell, never 0. Hand-made XML parts zipped with `fflate`; returns the
 * bytes (write them with your own I/O). Throws `SET_MISMATCH` for results of different sets.
 *
 * @example
 * ```ts
 * const bytes = toXlsx(results, { lang: 'vi', ranking: rank(results) });
 * // Node: writeFileSync('bang-diem.xlsx', bytes); browser: new Blob([bytes])
 * ```
 */
export function toXlsx(results: readonly ScoreResult[], options: XlsxOptions = {}): Uint8Array {
  sameSet(results);
  const lang = options.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') fail('INVALID_OPTIONS', 'Ngôn ngữ không hợp lệ', 'lang must be "vi" or "en"');
  const taken = new Set<string>();
  const sheets: { name: string; rows: Cell[][] }[] = [
    { name: sheetName(lang === 'vi' ? 'Tổng hợp' : 'Summary', taken), rows: summaryTable(results, options.ranking ? { lang, ranking: options.ranking } : { lang }) },
  ];
  for (const g of results[0]?.groups ?? []) {
    sheets.push({ name: sheetName(`${g.number ? `${g.number}. ` : ''}${g.name[lang]}`, taken), rows: groupTable(results, g.id, { lang }) });
  }
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows))));
  return zipSync(files, { level: 6, mtime: options.modified ?? new Date(Date.UTC(2000, 0, 1)) });
}
