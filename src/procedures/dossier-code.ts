import * as z from 'zod/mini';
import type { InstantInput } from '../calendar/index.js';
import { parseOrganizationCode, type OrganizationCode } from '../documents/index.js';
import { isVnEgovError, parseWith } from '../errors/index.js';
import { describeValue, fail, issue } from './errors.js';
import { readInstant } from './instant.js';
import type { LegalSource } from './legal-source.js';

/**
 * A dossier-code notation (cách ghi mã số hồ sơ), versioned by the date of receipt. Only the 2018 notation is known:
 * the 2025 one is set by TT 03/2025/TT-VPCP, which has not been read, and NĐ 309/2026 moves the rule to Bộ Công an.
 *
 * @example
 * ```ts
 * dossierCodeNotationSchema.parse('nd61-2018');
 * ```
 */
export const dossierCodeNotationSchema = z.enum(['nd61-2018']);
/** See {@link dossierCodeNotationSchema}. @example `const n: DossierCodeNotation = 'nd61-2018';` */
export type DossierCodeNotation = z.infer<typeof dossierCodeNotationSchema>;

/**
 * The known notations with their rule and dates.
 *
 * @example
 * ```ts
 * DOSSIER_CODE_NOTATIONS['nd61-2018'].pattern; // '<mã định danh>-YYMMDD-XXXX'
 * ```
 */
export const DOSSIER_CODE_NOTATIONS: Readonly<Record<DossierCodeNotation, { readonly pattern: string; readonly from: string; readonly to: string; readonly rule: LegalSource }>> = Object.freeze({
  'nd61-2018': {
    pattern: '<mã định danh>-YYMMDD-XXXX',
    from: '2018-06-21',
    to: '2025-06-30',
    rule: { source: 'NĐ 61/2018/NĐ-CP Điều 26 khoản 2; TT 01/2018/TT-VPCP Điều 19', confidence: 'confirmed' },
  },
});

/**
 * A parsed one-stop dossier code (mã số hồ sơ).
 *
 * @example
 * ```ts
 * const c: DossierCode = parseDossierCode('000.00.53.H48-220921-0099');
 * c.date; // '2022-09-21'
 * ```
 */
export interface DossierCode {
  readonly code: string;
  readonly notation: DossierCodeNotation;
  /** The receiving agency's identifier, parsed by `vn-egov/documents`. */
  readonly organization: OrganizationCode;
  /** Day of receipt. */
  readonly date: string;
  /** Sequence number of the dossier in that day, 1–9999. */
  readonly sequence: number;
}

const CODE_2018 = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

function organization(text: unknown): OrganizationCode {
  try {
    return parseOrganizationCode(text as string);
  } catch (e) {
    if (isVnEgovError(e)) fail('INVALID_DOSSIER_CODE', `Mã định danh không hợp lệ / invalid organisation code in a dossier code: ${e.message}`, e.issues);
    throw e;
  }
}

function notationFor(day: string, notation: DossierCodeNotation | undefined): DossierCodeNotation {
  if (notation !== undefined) {
    if (!(notation in DOSSIER_CODE_NOTATIONS)) fail('INVALID_DOSSIER_CODE', `Cách ghi mã không hợp lệ / unknown dossier-code notation ${describeValue(notation)}`);
    return notation;
  }
  if (day < '2018-06-21') fail('DATE_OUT_OF_RANGE', `Trước NĐ 61/2018 / no dossier-code rule is modelled before 2018-06-21: ${day}`);
  if (day >= '2025-07-01') {
    fail(
      'DOSSIER_CODE_NOTATION_UNKNOWN',
      `Hồ sơ nhận từ 01/07/2025: cách ghi mã theo TT 03/2025/TT-VPCP chưa được xác minh; chọn notation rõ ràng / dossiers received from 2025-07-01 follow NĐ 118/2025 Điều 28 with a notation set by TT 03/2025/TT-VPCP (not read): pass { notation: 'nd61-2018' } explicitly to keep the 2018 notation`,
    );
  }
  return 'nd61-2018';
}

/**
 * Formats a dossier code. Before 01/07/2025 the 2018 rule applies: `<mã định danh>-YYMMDD-XXXX` (NĐ 61/2018 Điều 26
 * k2; TT 01/2018 Điều 19). From 01/07/2025 (NĐ 118/2025 Điều 28: the identifier, then the day, month, year and the
 * daily sequence) the notation is unread, so the caller must choose it explicitly.
 *
 * @throws VnEgovError `INVALID_DOSSIER_CODE` (bad organisation code, sequence below 1 or not an integer),
 *   `DOSSIER_SEQUENCE_EXHAUSTED` (above 9999), `DOSSIER_CODE_NOTATION_UNKNOWN`, `INVALID_DATE`, `DATE_OUT_OF_RANGE`.
 * @example
 * ```ts
 * formatDossierCode({ organizationCode: '000.00.53.H48', date: '2022-09-21', sequence: 99 }); // '000.00.53.H48-220921-0099'
 * ```
 */
export function formatDossierCode(input: { organizationCode: string; date: InstantInput; sequence: number; notation?: DossierCodeNotation }): string {
  if (input === null || typeof input !== 'object') fail('INVALID_DOSSIER_CODE', `Dữ liệu không hợp lệ / expected an object, got ${describeValue(input)}`);
  const org = organization(input.organizationCode);
  const day = typeof input.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? readInstant(`${input.date} 12:00`, 'date').day : readInstant(input.date, 'date').day;
  notationFor(day, input.notation);
  const seq = input.sequence;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) fail('INVALID_DOSSIER_CODE', `Số thứ tự phải là số nguyên ≥ 1 / sequence must be an integer ≥ 1, got ${describeValue(seq)}`, [issue('invalid_sequence', ['sequence'], 'expected an integer 1–9999')]);
  if (seq > 9999) fail('DOSSIER_SEQUENCE_EXHAUSTED', `Quá 9999 hồ sơ trong ngày / the 4-digit daily sequence ends at 9999, got ${seq}`);
  return `${org.code}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
}

/**
 * Parses a dossier code in the 2018 notation.
 *
 * @throws VnEgovError `INVALID_DOSSIER_CODE` naming the part that does not fit.
 * @example
 * ```ts
 * parseDossierCode('000.00.53.H48-220921-0099').sequence; // 99
 * ```
 */
export function parseDossierCode(text: string): DossierCode {
  if (typeof text !== 'string') fail('INVALID_DOSSIER_CODE', `Mã số hồ sơ phải là chuỗi / a dossier code must be a string, got ${describeValue(text)}`);
  const m = CODE_2018.exec(text.trim());
  if (m === null) {
    fail('INVALID_DOSSIER_CODE', `Mã số hồ sơ không hợp lệ / not a dossier code <mã định danh>-YYMMDD-XXXX: ${describeValue(text)}`, [issue('invalid_dossier_code', [], 'expected NNN.NN.NN.LNN-YYMMDD-XXXX')]);
  }
  const org = organization(m[1]);
  const date = `20${m[2]}-${m[3]}-${m[4]}`;
  const [y, mo, d] = [Number(`20${m[2]}`), Number(m[3]), Number(m[4])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) fail('INVALID_DOSSIER_CODE', `Ngày trong mã không tồn tại / no such date ${date} in ${text}`, [issue('invalid_date', ['date'], `no such date ${date}`)]);
  const sequence = Number(m[5]);
  if (sequence === 0) fail('INVALID_DOSSIER_CODE', `Số thứ tự 0000 không hợp lệ / sequence 0000 in ${text}`, [issue('invalid_sequence', ['sequence'], 'sequence starts at 0001')]);
  return { code: `${org.code}-${m[2]}${m[3]}${m[4]}-${m[5]}`, notation: 'nd61-2018', organization: org, date, sequence };
}

/**
 * State of a per-agency, per-day sequence generator (bộ đếm số hồ sơ): plain JSON the caller stores. Keys are
 * `<mã định danh>|<YYYY-MM-DD>`, values the last sequence issued.
 *
 * @example
 * ```ts
 * dossierSequenceStateSchema.parse({ counters: {} });
 * ```
 */
export const dossierSequenceStateSchema = z.object({ counters: z.record(z.string(), z.number().check(z.int(), z.nonnegative(), z.maximum(9999))) });
/** See {@link dossierSequenceStateSchema}. @example `const s: DossierSequenceState = { counters: {} };` */
export type DossierSequenceState = z.infer<typeof dossierSequenceStateSchema>;

/**
 * Issues the next dossier code for an agency and a receipt instant (Vietnam day), returning the new state (the input
 * state is not changed). Days are independent: each starts at 0001.
 *
 * @throws VnEgovError `INVALID_DOSSIER` for a malformed state; the errors of {@link formatDossierCode}.
 * @example
 * ```ts
 * let state: DossierSequenceState = { counters: {} };
 * const r = nextDossierCode(state, { organizationCode: '000.00.53.H48', receivedAt: '2022-09-21 08:00' });
 * r.code; // '000.00.53.H48-220921-0001'
 * state = r.state;
 * ```
 */
export function nextDossierCode(
  state: DossierSequenceState,
  input: { organizationCode: string; receivedAt: InstantInput; notation?: DossierCodeNotation },
): { state: DossierSequenceState; code: string; sequence: number } {
  const s = parseWith(dossierSequenceStateSchema, state, 'INVALID_DOSSIER', 'Bộ đếm số hồ sơ không hợp lệ / invalid sequence state');
  const org = organization(input?.organizationCode);
  const day = readInstant(input.receivedAt, 'receivedAt').day;
  const key = `${org.code}|${day}`;
  const sequence = (s.counters[key] ?? 0) + 1;
  const code = formatDossierCode({ organizationCode: org.code, date: day, sequence, ...(input.notation === undefined ? {} : { notation: input.notation }) });
  return { state: { counters: { ...s.counters, [key]: sequence } }, code, sequence };
}
