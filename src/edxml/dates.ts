import { toCivilDay, toVietnamTime, type InstantInput } from '../calendar/index.js';
import { describeValue, fail, issue, type EdxmlIssue } from './errors.js';

/**
 * The result of reading an edXML date or timestamp: the ISO value (`''` for an empty element, `undefined` when the
 * text cannot be read) and what was tolerated or wrong.
 *
 * @example
 * ```ts
 * const r: EdxmlDateReading = readEdxmlDate('30/10/2020');
 * r.value; // '2020-10-30' (with a `non_canonical_date` warning)
 * ```
 */
export interface EdxmlDateReading {
  readonly value: string | undefined;
  readonly issues: readonly EdxmlIssue[];
}

const CANONICAL_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const DMY_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function realDay(y: string, m: string, d: string): string | undefined {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  try {
    return toCivilDay(iso);
  } catch {
    return undefined;
  }
}

/**
 * Reads an edXML date. Canonical form `yyyy/MM/dd` (specs/edxml.md §6, confirmed: VNPT `DateUtils`); `dd/MM/yyyy`
 * (seen in real traffic, C's `edoc_new.edxml`) and ISO `yyyy-MM-dd` are read with a `non_canonical_date` warning; an
 * empty text gives `''` with an `empty_element` warning (a date is never invented); anything else, including
 * impossible days such as `2014/02/30`, gives `undefined` with an `invalid_date` error.
 *
 * @example
 * ```ts
 * readEdxmlDate('2015/09/30').value; // '2015-09-30'
 * readEdxmlDate('2014/02/30').issues[0].code; // 'invalid_date'
 * ```
 */
export function readEdxmlDate(text: string, path: readonly (string | number)[] = []): EdxmlDateReading {
  const t = text.trim();
  const issues: EdxmlIssue[] = [];
  if (t !== text) issues.push(issue('whitespace_trimmed', path, 'warning', `surrounding whitespace removed from ${describeValue(text)}`));
  if (t === '') return { value: '', issues: [...issues, issue('empty_element', path, 'warning', 'empty date element')] };
  let m = CANONICAL_DATE.exec(t);
  let value: string | undefined;
  if (m !== null) value = realDay(m[1]!, m[2]!, m[3]!);
  else if ((m = DMY_DATE.exec(t)) !== null) {
    value = realDay(m[3]!, m[2]!, m[1]!);
    if (value !== undefined) issues.push(issue('non_canonical_date', path, 'warning', `date ${describeValue(t)} read as dd/MM/yyyy; the standard form is yyyy/MM/dd`));
  } else if ((m = ISO_DATE.exec(t)) !== null) {
    value = realDay(m[1]!, m[2]!, m[3]!);
    if (value !== undefined) issues.push(issue('non_canonical_date', path, 'warning', `date ${describeValue(t)} read as yyyy-MM-dd; the standard form is yyyy/MM/dd`));
  }
  if (value === undefined) issues.push(issue('invalid_date', path, 'error', `not a real date in a known form: ${describeValue(t)}`));
  return { value, issues };
}

/**
 * Reads an edXML timestamp `yyyy/MM/dd HH:mm:ss` (specs/edxml.md §6) into `YYYY-MM-DDTHH:mm:ss` (Vietnam local time as
 * written). The date part tolerates the same forms as {@link readEdxmlDate}; a missing seconds field or an ISO `T`
 * separator are read with a `non_canonical_date` warning.
 *
 * @example
 * ```ts
 * readEdxmlTimestamp('2018/09/28 17:25:11').value; // '2018-09-28T17:25:11'
 * ```
 */
export function readEdxmlTimestamp(text: string, path: readonly (string | number)[] = []): EdxmlDateReading {
  const t = text.trim();
  const pre: EdxmlIssue[] = t !== text ? [issue('whitespace_trimmed', path, 'warning', `surrounding whitespace removed from ${describeValue(text)}`)] : [];
  if (t === '') return { value: '', issues: [...pre, issue('empty_element', path, 'warning', 'empty timestamp element')] };
  const sep = /^(\S+)(?:\s+|T)(\S+)$/.exec(t);
  const tm = sep === null ? null : TIME.exec(sep[2]!);
  const bad = { value: undefined, issues: [...pre, issue('invalid_date', path, 'error', `not a timestamp yyyy/MM/dd HH:mm:ss: ${describeValue(t)}`)] };
  if (sep === null || tm === null) return bad;
  const day = readEdxmlDate(sep[1]!, path);
  const h = Number(tm[1]);
  const mi = Number(tm[2]);
  const s = Number(tm[3] ?? '0');
  if (day.value === undefined || day.value === '' || h > 23 || mi > 59 || s > 59) return bad;
  const issues = [...pre, ...day.issues];
  if ((tm[3] === undefined || t.includes('T')) && !issues.some((i) => i.code === 'non_canonical_date')) {
    issues.push(issue('non_canonical_date', path, 'warning', `timestamp ${describeValue(t)} is not in the form yyyy/MM/dd HH:mm:ss`));
  }
  return { value: `${day.value}T${tm[1]}:${tm[2]}:${tm[3] ?? '00'}`, issues };
}

/**
 * Writes a civil day `YYYY-MM-DD` in the edXML form `yyyy/MM/dd`; `''` stays `''` (an empty element).
 *
 * @throws VnEgovError `EDXML_INVALID_MESSAGE` for anything that is not a real day.
 * @example
 * ```ts
 * formatEdxmlDate('2015-09-30'); // '2015/09/30'
 * ```
 */
export function formatEdxmlDate(day: string): string {
  if (day === '') return '';
  let iso: string | undefined;
  try {
    iso = toCivilDay(day);
  } catch {
    iso = undefined;
  }
  if (iso === undefined || iso !== day) {
    fail('EDXML_INVALID_MESSAGE', `Ngày không hợp lệ / not a YYYY-MM-DD day: ${describeValue(day)}`, [issue('invalid_date', [], 'error', describeValue(day))]);
  }
  return iso.replaceAll('-', '/');
}

/**
 * Writes a timestamp `YYYY-MM-DDTHH:mm:ss` in the edXML form `yyyy/MM/dd HH:mm:ss`; `''` stays `''`.
 *
 * @throws VnEgovError `EDXML_INVALID_MESSAGE` for anything else.
 * @example
 * ```ts
 * formatEdxmlTimestamp('2018-09-28T17:25:11'); // '2018/09/28 17:25:11'
 * ```
 */
export function formatEdxmlTimestamp(timestamp: string): string {
  if (timestamp === '') return '';
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/.exec(timestamp);
  if (m === null) {
    fail('EDXML_INVALID_MESSAGE', `Thời điểm không hợp lệ / not a YYYY-MM-DDTHH:mm:ss timestamp: ${describeValue(timestamp)}`, [
      issue('invalid_date', [], 'error', describeValue(timestamp)),
    ]);
  }
  return `${formatEdxmlDate(m[1]!)} ${m[2]}:${m[3]}:${m[4]}`;
}

/**
 * The model timestamp (`YYYY-MM-DDTHH:mm:ss`, Vietnam time) of an instant, whatever the host time zone.
 *
 * @throws VnEgovError `INVALID_TIME` (from vn-egov/calendar) for an unreadable instant.
 * @example
 * ```ts
 * vietnamTimestamp(new Date('2018-09-28T10:25:11Z')); // '2018-09-28T17:25:11'
 * ```
 */
export function vietnamTimestamp(at: InstantInput): string {
  const t = toVietnamTime(at);
  const s = t.secondOfDay;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${t.day}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
