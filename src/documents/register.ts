import * as z from 'zod/mini';
import { dayNumberOfInstant, formatDayNumber, partsFromDayNumber, toDayNumber } from '../calendar/day.js';
import { VnEgovError, issuesFromZod, type VnEgovIssue } from '../errors/index.js';
import { MAX_DOCUMENT_NUMBER, canonicalGroup, formatDocumentNumber } from './document-number.js';
import { type DocumentTypeId, findDocumentType } from './document-types.js';
import { describeValue, fail, issue } from './errors.js';
import { matchLegalAbbreviation } from './legal-symbol-abbreviations.js';
import { secrecyLevelSchema } from './secrecy-urgency.js';
import { useEnglishZodMessages } from './zod-messages.js';

useEnglishZodMessages();

/**
 * Identifier of the state format, so a stored register can be recognised and migrated.
 *
 * @example
 * ```ts
 * createDocumentRegister({ issuer: 'UBND' }).format === DOCUMENT_REGISTER_FORMAT; // true
 * ```
 */
export const DOCUMENT_REGISTER_FORMAT = 'vn-egov/document-register@1';

const abbreviationSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(24),
    z.regex(/^[A-Za-z0-9Đđ]*[A-Za-zĐđ][A-Za-z0-9Đđ]*$/, 'letters A–Z, Đ and digits, with at least one letter'),
  );

/**
 * An advisory body (Hội đồng, Ban, Tổ tư vấn) that issues in its own name with the body's seal and therefore has its
 * own number series (NĐ 30/2020 Phụ lục I mục II.3.a).
 *
 * @example
 * ```ts
 * const b: AdvisoryBody = { id: 'hd-thi-dua', abbreviation: 'HĐTĐKT', name: 'Hội đồng Thi đua – Khen thưởng' };
 * ```
 */
export const advisoryBodySchema = z.object({
  /** Caller's stable identifier. */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Abbreviation used as the issuer group of its symbols. */
  abbreviation: abbreviationSchema,
  /** Vietnamese name. */
  name: z.optional(z.string().check(z.maxLength(200))),
});

/**
 * An advisory body with its own series; see {@link advisoryBodySchema}.
 *
 * @example
 * ```ts
 * const b: AdvisoryBody = { id: 'ban-cd', abbreviation: 'BCĐ' };
 * ```
 */
export type AdvisoryBody = z.infer<typeof advisoryBodySchema>;

/**
 * Options of {@link createDocumentRegister}.
 *
 * - `issuer`: the issuing body's abbreviation used in symbols (`UBND`, `BNV`), fixed by its head;
 * - `name`, `organId`: optional, for display and for the Phụ lục VI metadata;
 * - `administrativeSeries`: `single` (default, one series for all administrative documents) or `per-type`
 *   (one series per document type), as the head of the body decides (NĐ 30/2020 Điều 15 khoản 1 c);
 * - `advisoryBodies`: bodies with their own series.
 *
 * @example
 * ```ts
 * const o: DocumentRegisterOptions = { issuer: 'UBND', name: 'Ủy ban nhân dân huyện Giao Thủy' };
 * ```
 */
export const documentRegisterOptionsSchema = z.object({
  issuer: abbreviationSchema,
  name: z.optional(z.string().check(z.maxLength(200))),
  organId: z.optional(z.string().check(z.maxLength(13))),
  administrativeSeries: z._default(z.enum(['single', 'per-type']), 'single'),
  advisoryBodies: z._default(z.array(advisoryBodySchema).check(z.maxLength(200)), []),
});

/**
 * Options of a register; see {@link documentRegisterOptionsSchema}.
 *
 * @example
 * ```ts
 * const o: DocumentRegisterOptions = { issuer: 'BNV', administrativeSeries: 'per-type' };
 * ```
 */
export type DocumentRegisterOptions = z.input<typeof documentRegisterOptionsSchema>;

/**
 * One line of the register of outgoing documents (sổ đăng ký văn bản đi). Entries are never removed: a cancelled
 * number stays, marked `cancelled`, and is never issued again.
 *
 * @example
 * ```ts
 * const e: DocumentRegisterEntry = issueDocumentNumber(register, { at: '2026-01-02', type: 'QĐ' }).entry;
 * e.text; // '01/QĐ-UBND'
 * ```
 */
export const documentRegisterEntrySchema = z.object({
  /** `<year>|<series>|<number>`, unique in the register. */
  id: z.string(),
  /** Series key: `general`, `secret`, `type:<id>`, `secret:type:<id>`, `advisory:<id>`, `advisory:<id>:secret`, `legal:<type>`, `copies`. */
  series: z.string(),
  year: z.number().check(z.int()),
  number: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_DOCUMENT_NUMBER)),
  /** Number and symbol as written on the document. */
  text: z.string(),
  documentType: z.nullable(z.string()),
  legalType: z.nullable(z.string()),
  secrecy: z.nullable(secrecyLevelSchema),
  /** Vietnam (UTC+7) day of issue, `YYYY-MM-DD`. */
  issuedOn: z.string(),
  /** The instant given by the caller (ISO 8601), or the day when only a day was given. */
  at: z.string(),
  status: z.enum(['issued', 'cancelled']),
  cancelledAt: z.optional(z.string()),
  cancelReason: z.optional(z.string()),
  /** Caller's reference (subject, draft id). */
  reference: z.optional(z.string()),
});

/**
 * A register line; see {@link documentRegisterEntrySchema}.
 *
 * @example
 * ```ts
 * const cancelled = (e: DocumentRegisterEntry) => e.status === 'cancelled';
 * ```
 */
export type DocumentRegisterEntry = z.infer<typeof documentRegisterEntrySchema>;

/**
 * The register state: a plain serialisable object the caller stores (JSON) and passes back. `version` increases
 * by one on every change: persist with compare-and-set on it (or pass `expectedVersion`) to detect a double issue.
 * `counters` holds the last number issued per `<year>|<series>`.
 *
 * @example
 * ```ts
 * const saved = JSON.stringify(register);
 * const again: DocumentRegister = JSON.parse(saved);
 * ```
 */
export const documentRegisterSchema = z.object({
  format: z.literal(DOCUMENT_REGISTER_FORMAT),
  issuer: abbreviationSchema,
  name: z.optional(z.string().check(z.maxLength(200))),
  organId: z.optional(z.string().check(z.maxLength(13))),
  administrativeSeries: z.enum(['single', 'per-type']),
  advisoryBodies: z.array(advisoryBodySchema),
  version: z.number().check(z.int(), z.minimum(0)),
  counters: z.record(z.string(), z.number().check(z.int(), z.minimum(0), z.maximum(MAX_DOCUMENT_NUMBER))),
  entries: z.array(documentRegisterEntrySchema),
});

/**
 * A register of outgoing documents (sổ đăng ký văn bản đi); see {@link documentRegisterSchema}.
 *
 * @example
 * ```ts
 * const r: DocumentRegister = createDocumentRegister({ issuer: 'UBND' });
 * ```
 */
export type DocumentRegister = z.infer<typeof documentRegisterSchema>;

/**
 * When something happens: a `Date`, epoch milliseconds, a Vietnam day `YYYY-MM-DD`, or an ISO 8601 instant with
 * an offset (`2025-12-31T23:30:00+07:00`). The year of a number is the Vietnam (UTC+7) year of this instant.
 *
 * @example
 * ```ts
 * const at: RegisterInstant = '2026-01-01T00:05:00+07:00';
 * ```
 */
export type RegisterInstant = Date | number | string;

const instantSchema = z.custom<RegisterInstant>(
  (v) => v instanceof Date || typeof v === 'number' || typeof v === 'string',
  'expected a Date, epoch milliseconds or a date/instant string',
);

/**
 * A request to issue a number (cấp số). `type` is a document type (identifier, abbreviation or name) of NĐ 30/2020;
 * `legalType` instead issues a legal normative number in that type's own series (`NĐ`, `QĐ`, `NQ` …, with the
 * year: Điều 15 khoản 1 a). `units` are the drafting-unit groups (required for a công văn, optional otherwise).
 * For a legal normative number, `units` lists the co-issuers of a joint document.
 * `secrecy` sends the document to the secret series (Điều 15 khoản 2). `advisoryBody` uses that body's series.
 *
 * @example
 * ```ts
 * const req: IssueNumberRequest = { at: '2026-03-02', type: 'cong-van', units: ['VP'], expectedVersion: 3 };
 * ```
 */
export const issueNumberRequestSchema = z.object({
  at: instantSchema,
  type: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  legalType: z.optional(abbreviationSchema),
  units: z.optional(z.array(abbreviationSchema).check(z.maxLength(4))),
  secrecy: z.optional(z.nullable(secrecyLevelSchema)),
  advisoryBody: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  expectedVersion: z.optional(z.number().check(z.int(), z.minimum(0))),
  reference: z.optional(z.string().check(z.maxLength(500))),
});

/**
 * A request to issue a number; see {@link issueNumberRequestSchema}.
 *
 * @example
 * ```ts
 * const req: IssueNumberRequest = { at: new Date(), type: 'QĐ' };
 * ```
 */
export type IssueNumberRequest = z.infer<typeof issueNumberRequestSchema>;

/**
 * A request to cancel an issued number (hủy số): the entry stays, marked cancelled; its number is never reused.
 *
 * @example
 * ```ts
 * const req: CancelNumberRequest = { id: '2026|general|3', at: '2026-03-05', reason: 'Văn bản không ban hành' };
 * ```
 */
export const cancelNumberRequestSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  at: instantSchema,
  reason: z.optional(z.string().check(z.maxLength(500))),
  expectedVersion: z.optional(z.number().check(z.int(), z.minimum(0))),
});

/**
 * A request to cancel a number; see {@link cancelNumberRequestSchema}.
 *
 * @example
 * ```ts
 * const req: CancelNumberRequest = { id: '2026|general|3', at: '2026-03-05' };
 * ```
 */
export type CancelNumberRequest = z.infer<typeof cancelNumberRequestSchema>;

/**
 * The result of a change: the new register (the input is left untouched) and the entry concerned.
 *
 * @example
 * ```ts
 * const { register: next, entry } = issueDocumentNumber(register, { at: '2026-01-02', type: 'QĐ' });
 * ```
 */
export interface RegisterChange {
  readonly register: DocumentRegister;
  readonly entry: DocumentRegisterEntry;
}

function parseOrFail<S extends z.ZodMiniType>(schema: S, input: unknown, code: 'INVALID_REGISTER_OPTIONS' | 'INVALID_REGISTER_STATE' | 'INVALID_REGISTER_REQUEST', label: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = issuesFromZod(r.error);
  const detail = issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
  throw new VnEgovError(code, `${label}: ${detail}`, { issues, cause: r.error });
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a {@link RegisterInstant} into a Vietnam day number and a stored string. @internal
 *
 * @example
 * ```ts
 * readInstant('2025-12-31T17:00:00Z', 'at').at; // '2025-12-31T17:00:00.000Z' (day: 1 January 2026 in Vietnam)
 * ```
 */
export function readInstant(at: unknown, path: string): { day: number; at: string } {
  const bad = (why: string): never =>
    fail('INVALID_DATE', `Thời điểm không hợp lệ / invalid ${path}: ${why}`, [issue('invalid_date', [path], why)]);
  if (at instanceof Date || typeof at === 'number') {
    const ms = at instanceof Date ? at.getTime() : at;
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) bad(`not a valid instant (${describeValue(ms)})`);
    return { day: dayNumberOfInstant(ms), at: new Date(ms).toISOString() };
  }
  if (typeof at === 'string') {
    const m = ISO_INSTANT.exec(at);
    if (m !== null) {
      try {
        toDayNumber(m[1], path);
      } catch {
        bad(`no such day ${describeValue(at)}`);
      }
      const ms = Date.parse(at);
      if (!Number.isFinite(ms)) bad(`unreadable instant ${describeValue(at)}`);
      return { day: dayNumberOfInstant(ms), at: new Date(ms).toISOString() };
    }
    try {
      const day = toDayNumber(at, path);
      return { day, at };
    } catch {
      return bad(`expected YYYY-MM-DD or an ISO 8601 instant with offset, got ${describeValue(at)}`);
    }
  }
  return bad(`expected a Date, epoch milliseconds or a string, got ${describeValue(at)}`);
}

/** Checks the invariants of a register; returns the problems found (empty when sound). @internal */
function invariantIssues(r: DocumentRegister): VnEgovIssue[] {
  const issues: VnEgovIssue[] = [];
  const ids = new Set<string>();
  const texts = new Map<string, string>();
  const perKey = new Map<string, number[]>();
  r.entries.forEach((e, i) => {
    const key = `${e.year}|${e.series}`;
    if (e.id !== `${key}|${e.number}`) issues.push(issue('entry_id_mismatch', ['entries', i, 'id'], `id must be "${key}|${e.number}"`));
    if (ids.has(e.id)) issues.push(issue('duplicate_number', ['entries', i], `number ${e.number} issued twice in ${key}`));
    ids.add(e.id);
    const textKey = `${e.year}|${e.text}`;
    const other = texts.get(textKey);
    if (other !== undefined) issues.push(issue('duplicate_text', ['entries', i, 'text'], `"${e.text}" already used in ${e.year} (${other})`));
    texts.set(textKey, e.id);
    const list = perKey.get(key) ?? [];
    list.push(e.number);
    perKey.set(key, list);
  });
  for (const [key, numbers] of perKey) {
    const last = r.counters[key] ?? 0;
    const max = Math.max(...numbers);
    if (max > last) issues.push(issue('counter_behind', ['counters', key], `counter ${last} is below issued number ${max}`));
  }
  for (const [key, last] of Object.entries(r.counters)) {
    const n = perKey.get(key)?.length ?? 0;
    if (n !== last) issues.push(issue('missing_entries', ['counters', key], `counter ${last} but ${n} entries: every issued number keeps an entry`));
  }
  return issues;
}

function loadRegister(register: unknown): DocumentRegister {
  const r = parseOrFail(documentRegisterSchema, register, 'INVALID_REGISTER_STATE', 'Sổ đăng ký không hợp lệ / invalid register state');
  const issues = invariantIssues(r);
  if (issues.length > 0) {
    fail('INVALID_REGISTER_STATE', `Sổ đăng ký không nhất quán / inconsistent register: ${issues.slice(0, 3).map((i) => i.message).join('; ')}`, issues);
  }
  return r;
}

function checkVersion(r: DocumentRegister, expected: number | undefined): void {
  if (expected !== undefined && expected !== r.version) {
    fail('REGISTER_CONFLICT', `Sổ đăng ký đã thay đổi / register changed: expected version ${expected}, found ${r.version}`, [
      issue('version_mismatch', ['expectedVersion'], `the register is at version ${r.version}; reload and retry`),
    ]);
  }
}

/**
 * Creates an empty register of outgoing documents (sổ đăng ký văn bản đi) for one issuing body. Numbers run from 01
 * on 1 January to 31 December (Vietnam time) in each series (NĐ 30/2020/NĐ-CP Điều 15 khoản 1–3; Phụ lục I II.1.c
 * and II.3.a).
 *
 * @throws VnEgovError `INVALID_REGISTER_OPTIONS` when the options fail their schema.
 * @example
 * ```ts
 * const register = createDocumentRegister({ issuer: 'UBND', name: 'Ủy ban nhân dân huyện Giao Thủy' });
 * register.version; // 0
 * ```
 */
export function createDocumentRegister(options: DocumentRegisterOptions): DocumentRegister {
  const o = parseOrFail(documentRegisterOptionsSchema, options, 'INVALID_REGISTER_OPTIONS', 'Tùy chọn sổ đăng ký không hợp lệ / invalid register options');
  const ids = new Set<string>();
  o.advisoryBodies.forEach((b, i) => {
    if (ids.has(b.id)) fail('INVALID_REGISTER_OPTIONS', `Trùng hội đồng / duplicate advisory body id "${b.id}"`, [issue('duplicate_id', ['advisoryBodies', i, 'id'], 'ids are unique')]);
    ids.add(b.id);
  });
  return {
    format: DOCUMENT_REGISTER_FORMAT,
    issuer: canonicalGroup(o.issuer),
    ...(o.name === undefined ? {} : { name: o.name }),
    ...(o.organId === undefined ? {} : { organId: o.organId }),
    administrativeSeries: o.administrativeSeries,
    advisoryBodies: o.advisoryBodies.map((b) => ({ ...b, abbreviation: canonicalGroup(b.abbreviation) })),
    version: 0,
    counters: {},
    entries: [],
  };
}

interface Planned {
  series: string;
  year: number;
  number: number;
  text: string;
  documentType: DocumentTypeId | null;
  legalType: string | null;
  issuedOn: string;
  at: string;
}

function plan(r: DocumentRegister, req: IssueNumberRequest): Planned {
  const when = readInstant(req.at, 'at');
  const year = partsFromDayNumber(when.day).year;
  const units = req.units ?? [];
  const secret = req.secrecy !== undefined && req.secrecy !== null;
  let issuer = r.issuer;
  let advisorySuffix: string | null = null;
  if (req.advisoryBody !== undefined) {
    const body = r.advisoryBodies.find((b) => b.id === req.advisoryBody);
    if (body === undefined) {
      fail('INVALID_REGISTER_REQUEST', `Không có hội đồng / unknown advisory body ${describeValue(req.advisoryBody)}`, [
        issue('unknown_advisory_body', ['advisoryBody'], 'declare it in the register options'),
      ]);
    }
    issuer = body.abbreviation;
    advisorySuffix = `advisory:${body.id}`;
  }
  let series: string;
  let documentType: DocumentTypeId | null = null;
  let legalType: string | null = null;
  let parts: Parameters<typeof formatDocumentNumber>[0];
  if (req.legalType !== undefined) {
    if (req.type !== undefined) {
      fail('INVALID_REGISTER_REQUEST', 'Chỉ một loại văn bản / give either type or legalType', [issue('type_and_legal_type', ['legalType'], 'not both')]);
    }
    const c = canonicalGroup(req.legalType);
    legalType = matchLegalAbbreviation(c)?.type.abbreviation ?? c;
    series = `legal:${legalType}`;
    parts = { number: 1, year, typeAbbreviation: legalType, issuers: [issuer, ...units] };
  } else {
    if (req.type === undefined) {
      fail('INVALID_REGISTER_REQUEST', 'Thiếu loại văn bản / type or legalType is required', [issue('missing_type', ['type'], 'required')]);
    }
    const t = findDocumentType(req.type);
    if (t === undefined) {
      fail('INVALID_REGISTER_REQUEST', `Không có loại văn bản / unknown document type ${describeValue(req.type)}`, [
        issue('unknown_document_type', ['type'], 'an identifier, abbreviation or name of NĐ 30/2020 Điều 7'),
      ]);
    }
    documentType = t.id;
    if (t.abbreviation === null && units.length === 0) {
      fail('INVALID_REGISTER_REQUEST', `Thiếu đơn vị soạn thảo / ${t.name} needs the drafting unit (units), e.g. VP`, [
        issue('missing_unit', ['units'], 'a công văn symbol is <issuer>-<drafting unit>'),
      ]);
    }
    parts = { number: 1, typeAbbreviation: t.abbreviation, issuers: [issuer], units };
    if (t.kind === 'copy') series = 'copies';
    else if (advisorySuffix !== null) series = secret ? `${advisorySuffix}:secret` : advisorySuffix;
    else {
      const base = r.administrativeSeries === 'per-type' ? `type:${t.id}` : 'general';
      series = secret ? (base === 'general' ? 'secret' : `secret:${base}`) : base;
    }
  }
  const key = `${year}|${series}`;
  const number = (r.counters[key] ?? 0) + 1;
  if (number > MAX_DOCUMENT_NUMBER) {
    fail('REGISTER_SERIES_EXHAUSTED', `Hết số / series ${key} is full`, [issue('series_exhausted', ['counters', key], 'no number left this year')]);
  }
  let text: string;
  try {
    text = formatDocumentNumber({ ...parts, number });
  } catch (e) {
    const issues = e instanceof VnEgovError ? e.issues : [];
    return fail('INVALID_REGISTER_REQUEST', `Không tạo được số, ký hiệu / cannot build the number: ${(e as Error).message}`, [...issues]);
  }
  return { series, year, number, text, documentType, legalType, issuedOn: formatDayNumber(when.day), at: when.at };
}

/**
 * Issues the next number of the right series (cấp số văn bản đi) and returns a new register with the entry added.
 * Series: one per issuing body per year (or per type, per the options), a separate series for secret documents, one
 * per legal normative type, one per advisory body, and one shared by all copies; each restarts at 01 on 1 January,
 * Vietnam time (NĐ 30/2020/NĐ-CP Điều 15; Phụ lục I II.1.c, II.3.a). A cancelled number is never reissued.
 *
 * @throws VnEgovError `REGISTER_CONFLICT` when `expectedVersion` differs from the register's version;
 * `INVALID_REGISTER_STATE`, `INVALID_REGISTER_REQUEST`, `INVALID_DATE`, `REGISTER_SERIES_EXHAUSTED`. A number and
 * symbol already used this year in another series (e.g. a secret QĐ and an ordinary QĐ both numbered 01) gives
 * `INVALID_REGISTER_REQUEST` with issue `duplicate_text`: pass `units` to tell the series apart.
 * @example
 * ```ts
 * let register = createDocumentRegister({ issuer: 'UBND' });
 * const a = issueDocumentNumber(register, { at: '2025-12-31', type: 'QĐ' });
 * a.entry.text; // '01/QĐ-UBND'
 * const b = issueDocumentNumber(a.register, { at: '2026-01-01T00:10:00+07:00', type: 'cong-van', units: ['VP'] });
 * b.entry.text; // '01/UBND-VP' (new year, new series)
 * ```
 */
export function issueDocumentNumber(register: DocumentRegister, request: IssueNumberRequest): RegisterChange {
  const r = loadRegister(register);
  const req = parseOrFail(issueNumberRequestSchema, request, 'INVALID_REGISTER_REQUEST', 'Yêu cầu cấp số không hợp lệ / invalid issue request');
  checkVersion(r, req.expectedVersion);
  const p = plan(r, req);
  const clash = r.entries.find((e) => e.year === p.year && e.text === p.text);
  if (clash !== undefined) {
    fail('INVALID_REGISTER_REQUEST', `Số, ký hiệu đã dùng / "${p.text}" is already used in ${p.year} (${clash.id}); give units to tell the series apart`, [
      issue('duplicate_text', ['units'], 'number and symbol must be unique within the year (NĐ 30/2020 Điều 15 khoản 1)'),
    ]);
  }
  const entry: DocumentRegisterEntry = {
    id: `${p.year}|${p.series}|${p.number}`,
    series: p.series,
    year: p.year,
    number: p.number,
    text: p.text,
    documentType: p.documentType,
    legalType: p.legalType,
    secrecy: req.secrecy ?? null,
    issuedOn: p.issuedOn,
    at: p.at,
    status: 'issued',
    ...(req.reference === undefined ? {} : { reference: req.reference }),
  };
  return {
    register: {
      ...r,
      version: r.version + 1,
      counters: { ...r.counters, [`${p.year}|${p.series}`]: p.number },
      entries: [...r.entries, entry],
    },
    entry,
  };
}

/**
 * Tells which number the next issue with this request would get, without issuing it (the register is unchanged).
 *
 * @example
 * ```ts
 * peekDocumentNumber(createDocumentRegister({ issuer: 'BNV' }), { at: '2026-05-04', type: 'cong-van', units: ['VP'] }); // '01/BNV-VP'
 * ```
 */
export function peekDocumentNumber(register: DocumentRegister, request: IssueNumberRequest): string {
  return issueDocumentNumber(register, request).entry.text;
}

/**
 * Cancels an issued number (hủy số): the entry stays, marked `cancelled` with the time and reason, and the number
 * is never issued again.
 *
 * @throws VnEgovError `REGISTER_ENTRY_NOT_FOUND`, `REGISTER_ENTRY_ALREADY_CANCELLED`, `REGISTER_CONFLICT`,
 * `INVALID_REGISTER_STATE`, `INVALID_REGISTER_REQUEST`, `INVALID_DATE`.
 * @example
 * ```ts
 * const { register: next } = cancelDocumentNumber(register, { id: '2026|general|2', at: '2026-01-05', reason: 'Ký nhầm' });
 * ```
 */
export function cancelDocumentNumber(register: DocumentRegister, request: CancelNumberRequest): RegisterChange {
  const r = loadRegister(register);
  const req = parseOrFail(cancelNumberRequestSchema, request, 'INVALID_REGISTER_REQUEST', 'Yêu cầu hủy số không hợp lệ / invalid cancel request');
  checkVersion(r, req.expectedVersion);
  const when = readInstant(req.at, 'at');
  const index = r.entries.findIndex((e) => e.id === req.id);
  if (index < 0) {
    fail('REGISTER_ENTRY_NOT_FOUND', `Không có số / no entry ${describeValue(req.id)} in the register`, [issue('entry_not_found', ['id'], 'issue the number first')]);
  }
  const old = r.entries[index]!;
  if (old.status === 'cancelled') {
    fail('REGISTER_ENTRY_ALREADY_CANCELLED', `Số đã hủy / ${old.text} (${old.id}) is already cancelled`, [issue('already_cancelled', ['id'], 'cancelled numbers stay cancelled')]);
  }
  const entry: DocumentRegisterEntry = {
    ...old,
    status: 'cancelled',
    cancelledAt: when.at,
    ...(req.reason === undefined ? {} : { cancelReason: req.reason }),
  };
  const entries = r.entries.slice();
  entries[index] = entry;
  return { register: { ...r, version: r.version + 1, entries }, entry };
}

/**
 * Checks a stored register: its schema, and that every series is numbered 1, 2, 3 … with no number issued twice and
 * no number and symbol used twice in a year. Use it after merging copies of a register to detect a double issue.
 * Never throws; returns the problems (empty when sound).
 *
 * @example
 * ```ts
 * verifyDocumentRegister(register); // []
 * ```
 */
export function verifyDocumentRegister(register: unknown): VnEgovIssue[] {
  const r = documentRegisterSchema.safeParse(register);
  if (!r.success) return issuesFromZod(r.error);
  return invariantIssues(r.data);
}
