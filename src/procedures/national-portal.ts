import type { VnEgovIssue } from '../errors/index.js';
import { describeValue, fail, issue } from './errors.js';
import { readInstant } from './instant.js';
import {
  procedureSchema,
  type Channel,
  type ChannelOffer,
  type CodedRef,
  type DossierComponent,
  type Fee,
  type ImplementationLevel,
  type Procedure,
  type ProcedureCase,
  type ProcessingTime,
  type TimeUnit,
} from './procedure.js';
import { safeParse } from 'zod/v4/core';
import { issuesFromZod } from '../errors/index.js';

/**
 * Result of {@link fromNationalPortal}: the procedure, the source fields kept verbatim under `procedure.extra`,
 * and every value that could not be mapped (reported, never dropped).
 *
 * @example
 * ```ts
 * const { procedure, unmappedFields, issues } = fromNationalPortal(json);
 * ```
 */
export interface NationalPortalImport {
  readonly procedure: Procedure;
  /** Top-level source fields the model does not cover, kept verbatim in `procedure.extra`. */
  readonly unmappedFields: readonly string[];
  /** Values that could not be mapped (unknown enum values, wrong types, unexpected sub-fields), with their path. */
  readonly issues: readonly VnEgovIssue[];
}

/** Source system name recorded in `procedure.origin.system`. */
const SYSTEM = 'dichvucong.gov.vn (Cổng Dịch vụ công quốc gia), API get-formality-by-citizen';

const CHANNEL_OF: Readonly<Record<string, Channel>> = { ONLINE: 'online', POSTAL: 'postal', DIRECT: 'direct' };
const UNIT_OF: Readonly<Record<string, TimeUnit>> = {
  WORKING_DAY: 'working-day',
  DAY: 'day',
  HOUR: 'hour',
  WORKING_HOUR: 'working-hour',
  MONTH: 'month',
  YEAR: 'year',
};
const FEE_KIND_OF: Readonly<Record<string, Fee['kind']>> = { FEE: 'fee', CHARGE: 'charge' };
const KIND_OF: Readonly<Record<string, 'standard' | 'specific'>> = { STANDARD: 'standard', SPECIFIC: 'specific' };

/** Top-level fields consumed by the mapping (everything else goes to `extra`). */
const CONSUMED = new Set([
  'id', 'code', 'codeNotation', 'name', 'description', 'type', 'isInternal',
  'isMinistry', 'isProvince', 'isWard', 'isOtherAgency', 'isUndetermined', 'isVertical',
  'isFullProcess', 'isSharedService', 'isOfflineOnly', 'isNonTerritorial',
  'executionSteps', 'executionMethods', 'executionCases', 'cases', 'categoriesDetails',
  'departmentsExecuting', 'departmentsAuthority', 'departmentsAuthorized', 'departmentsCoordinating',
  'executingAgencies', 'authorizedAgencies', 'delegatedAgencies', 'coordinatingAgencies',
  'subjectTypesDetails', 'resultsDetails', 'legalBasisesDetails', 'requirementsAndConditions',
  'procedureProposal', 'departmentPromulgateId', 'departmentPromulgateCode', 'departmentPromulgateName',
  'createdAt', 'updatedAt',
]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Converts one procedure record of the national public-service portal (Cổng Dịch vụ công quốc gia, JSON of the API
 * `get-formality-by-citizen`, 2026 model, specs/procedures.md §2.1) into a {@link Procedure}.
 *
 * Mapping rules: level flags `isMinistry`/`isProvince`/`isWard`/`isOtherAgency`/`isUndetermined` become `levels`;
 * `isInternal` makes the kind `internal`, else `type` `STANDARD` → `standard`; `isFullProcess` true → online form
 * `full` (toàn trình), false → `partial` (một phần) unless `isOfflineOnly`; `executionMethods` become channels
 * with their own time and fees; components of every execution case (and of every case) become `components`;
 * epoch-millisecond dates become Vietnam-time days and instants. Fields the model does not cover are kept verbatim
 * in `extra`; values that cannot be mapped (an unknown channel, unit, fee type; a wrong type; unexpected
 * sub-fields) are listed in `issues` and the source field is kept in `extra` too, so nothing is lost.
 *
 * @throws VnEgovError `INVALID_PORTAL_RECORD` when the input is not an object, or its `code` or `name` is missing
 *   or malformed (nothing useful could be built).
 * @example
 * ```ts
 * const { procedure, issues } = fromNationalPortal(JSON.parse(text));
 * procedure.code; // '1.000358'
 * procedure.channels.map((c) => c.channel); // ['online', 'postal', 'direct']
 * ```
 */
export function fromNationalPortal(json: unknown): NationalPortalImport {
  if (!isObj(json)) {
    fail('INVALID_PORTAL_RECORD', `Bản ghi Cổng DVCQG không hợp lệ / a portal record must be a JSON object, got ${describeValue(json)}`);
  }
  const issues: VnEgovIssue[] = [];
  const extra: Obj = {};
  const keepSource = (key: string): void => {
    if (key in json) extra[key] = json[key];
  };
  const report = (code: string, path: (string | number)[], message: string, key?: string): void => {
    issues.push(issue(code, path, message));
    if (key !== undefined) keepSource(key);
  };

  const str = (key: string, required = false): string | undefined => {
    const v = json[key];
    if (v === undefined || v === null) {
      if (required) fail('INVALID_PORTAL_RECORD', `Bản ghi thiếu trường ${key} / the portal record lacks "${key}"`, [issue('missing_field', [key], `"${key}" is required`)]);
      return undefined;
    }
    if (typeof v !== 'string') {
      if (required) fail('INVALID_PORTAL_RECORD', `Trường ${key} không phải chuỗi / "${key}" must be a string, got ${describeValue(v)}`, [issue('invalid_type', [key], 'expected a string')]);
      report('invalid_type', [key], `expected a string, got ${describeValue(v)}`, key);
      return undefined;
    }
    return v;
  };
  const bool = (key: string): boolean | undefined => {
    const v = json[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      report('invalid_type', [key], `expected a boolean, got ${describeValue(v)}`, key);
      return undefined;
    }
    return v;
  };
  const array = (key: string): unknown[] => {
    const v = json[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      report('invalid_type', [key], `expected an array, got ${describeValue(v)}`, key);
      return [];
    }
    return v;
  };
  /** Checks an item's keys; unexpected ones are reported and the whole source field kept. */
  const checkKeys = (item: Obj, known: readonly string[], path: (string | number)[], key: string): void => {
    for (const k of Object.keys(item)) {
      if (!known.includes(k)) report('unmapped_field', [...path, k], `sub-field "${k}" is not mapped; the source field "${key}" is kept in extra`, key);
    }
  };
  const refs = (key: string): CodedRef[] => {
    const out: CodedRef[] = [];
    array(key).forEach((item, i) => {
      if (!isObj(item) || typeof item.name !== 'string') {
        report('invalid_item', [key, i], `expected { name, code?, id? }, got ${describeValue(item)}`, key);
        return;
      }
      checkKeys(item, ['id', 'name', 'code'], [key, i], key);
      const ref: CodedRef = { name: item.name.normalize('NFC') };
      if (typeof item.code === 'string' && item.code !== '') ref.code = item.code.normalize('NFC');
      if (typeof item.id === 'string' && item.id !== '') ref.id = item.id;
      out.push(ref);
    });
    return out;
  };
  const time = (qty: unknown, unit: unknown, path: (string | number)[], key: string): ProcessingTime | null => {
    if (qty === undefined || qty === null) return null;
    if (typeof qty !== 'number' || !Number.isFinite(qty) || qty < 0) {
      report('invalid_processing_time', path, `expected a non-negative number, got ${describeValue(qty)}`, key);
      return null;
    }
    const raw = typeof unit === 'string' ? unit : undefined;
    const mapped = raw === undefined ? undefined : UNIT_OF[raw];
    if (mapped === undefined) {
      report('unknown_time_unit', path, `unknown processing-time unit ${describeValue(unit)}`, key);
      return raw === undefined ? { value: qty, unit: 'unknown' } : { value: qty, unit: 'unknown', raw };
    }
    return { value: qty, unit: mapped };
  };
  const instant = (v: unknown, path: (string | number)[], key: string): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      report('invalid_date', path, `expected epoch milliseconds, got ${describeValue(v)}`, key);
      return undefined;
    }
    try {
      return readInstant(v, path.join('.')).iso;
    } catch {
      report('invalid_date', path, `epoch milliseconds out of range: ${v}`, key);
      return undefined;
    }
  };

  // --- identity ---
  const code = str('code', true)!.trim();
  if (!/^\d\.\d{6}$/.test(code)) {
    fail('INVALID_PORTAL_RECORD', `Mã TTHC không hợp lệ / the portal record's code is not D.NNNNNN: ${describeValue(code)}`, [issue('invalid_procedure_code', ['code'], 'expected D.NNNNNN')]);
  }
  const name = str('name', true)!.normalize('NFC').trim();
  if (name === '') fail('INVALID_PORTAL_RECORD', 'Tên thủ tục trống / the portal record has an empty name', [issue('empty_name', ['name'], 'name is empty')]);
  const notation = str('codeNotation');
  if (notation !== undefined && notation !== code) report('code_notation_differs', ['codeNotation'], `codeNotation ${describeValue(notation)} differs from code; kept in extra`, 'codeNotation');

  const procedure: Record<string, unknown> = { code, name };
  const description = str('description');
  if (description !== undefined && description.trim() !== '') procedure.description = description.normalize('NFC');

  // --- kind ---
  const internal = bool('isInternal');
  const type = str('type');
  if (internal === true) procedure.kind = 'internal';
  else if (type !== undefined) {
    const k = KIND_OF[type];
    if (k === undefined) report('unknown_procedure_type', ['type'], `unknown procedure type ${describeValue(type)}; kind left null`, 'type');
    else procedure.kind = k;
  }

  // --- levels ---
  const levels: ImplementationLevel[] = [];
  for (const [flag, level] of [
    ['isMinistry', 'ministry'],
    ['isProvince', 'province'],
    ['isWard', 'commune'],
    ['isOtherAgency', 'other'],
    ['isUndetermined', 'undetermined'],
  ] as const) {
    if (bool(flag) === true) levels.push(level);
  }
  procedure.levels = levels;
  const vertical = bool('isVertical');
  if (vertical !== undefined) procedure.vertical = vertical;

  // --- online form ---
  const full = bool('isFullProcess');
  const offlineOnly = bool('isOfflineOnly');
  const online: Record<string, unknown> = { form: full === true ? 'full' : full === false && offlineOnly !== true ? 'partial' : null };
  const shared = bool('isSharedService');
  if (shared !== undefined) online.sharedService = shared;
  if (offlineOnly !== undefined) online.offlineOnly = offlineOnly;
  const nonTerritorial = bool('isNonTerritorial');
  if (nonTerritorial !== undefined) online.nonTerritorial = nonTerritorial;
  procedure.online = online;

  // --- steps ---
  const steps: { name?: string; description: string }[] = [];
  array('executionSteps').forEach((s, i) => {
    if (!isObj(s) || typeof s.description !== 'string') {
      report('invalid_item', ['executionSteps', i], `expected { name, description }, got ${describeValue(s)}`, 'executionSteps');
      return;
    }
    checkKeys(s, ['name', 'description'], ['executionSteps', i], 'executionSteps');
    const step: { name?: string; description: string } = { description: s.description.normalize('NFC') };
    if (typeof s.name === 'string' && s.name.trim() !== '') step.name = s.name.normalize('NFC');
    steps.push(step);
  });
  procedure.steps = steps;

  // --- channels ---
  const channels: ChannelOffer[] = [];
  array('executionMethods').forEach((m, i) => {
    const path = ['executionMethods', i];
    if (!isObj(m)) {
      report('invalid_item', path, `expected a channel object, got ${describeValue(m)}`, 'executionMethods');
      return;
    }
    checkKeys(m, ['submissionMethod', 'processingTime', 'processingTimeUnit', 'fees', 'description'], path, 'executionMethods');
    const channel = typeof m.submissionMethod === 'string' ? CHANNEL_OF[m.submissionMethod] : undefined;
    if (channel === undefined) {
      report('unknown_channel', [...path, 'submissionMethod'], `unknown submission method ${describeValue(m.submissionMethod)}; kept in extra`, 'executionMethods');
      return;
    }
    const fees: Fee[] = [];
    (Array.isArray(m.fees) ? m.fees : []).forEach((f, j) => {
      const fp = [...path, 'fees', j];
      if (!isObj(f)) {
        report('invalid_item', fp, `expected a fee object, got ${describeValue(f)}`, 'executionMethods');
        return;
      }
      checkKeys(f, ['type', 'value', 'description'], fp, 'executionMethods');
      const kind = typeof f.type === 'string' ? FEE_KIND_OF[f.type] : undefined;
      const fee: Fee = { kind: kind ?? 'unknown', amount: typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : null };
      if (kind === undefined) {
        report('unknown_fee_type', [...fp, 'type'], `unknown fee type ${describeValue(f.type)}`, 'executionMethods');
        if (typeof f.type === 'string') fee.raw = f.type;
      }
      if (f.value !== undefined && f.value !== null && fee.amount === null) {
        report('invalid_fee_value', [...fp, 'value'], `fee value is not a number: ${describeValue(f.value)}`, 'executionMethods');
      }
      if (typeof f.description === 'string' && f.description !== '') fee.description = f.description.normalize('NFC');
      fees.push(fee);
    });
    if (m.fees !== undefined && m.fees !== null && !Array.isArray(m.fees)) report('invalid_type', [...path, 'fees'], 'expected an array', 'executionMethods');
    const offer: ChannelOffer = { channel, processingTime: time(m.processingTime, m.processingTimeUnit, [...path, 'processingTime'], 'executionMethods'), fees };
    if (typeof m.description === 'string' && m.description !== '') offer.description = m.description.normalize('NFC');
    channels.push(offer);
  });
  procedure.channels = channels;

  // --- components ---
  const components: DossierComponent[] = [];
  const component = (c: unknown, path: (string | number)[], key: string, caseName: string | undefined): void => {
    if (!isObj(c) || typeof c.name !== 'string') {
      report('invalid_item', path, `expected a dossier component, got ${describeValue(c)}`, key);
      return;
    }
    checkKeys(c, ['profileComponentId', 'originalQty', 'copyQty', 'required', 'hasElectronicForm', 'source', 'name', 'code', 'attachments'], path, key);
    const count = (v: unknown, f: string): number => {
      if (v === undefined || v === null) return 0;
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
      report('invalid_count', [...path, f], `expected a non-negative integer, got ${describeValue(v)}`, key);
      return 0;
    };
    const templates: DossierComponent['templates'] = [];
    (Array.isArray(c.attachments) ? c.attachments : []).forEach((a, k) => {
      if (!isObj(a) || typeof a.fileName !== 'string') {
        report('invalid_item', [...path, 'attachments', k], 'expected { fileName, filePath }', key);
        return;
      }
      checkKeys(a, ['id', 'fileName', 'bucketName', 'filePath'], [...path, 'attachments', k], key);
      const t: DossierComponent['templates'][number] = { fileName: a.fileName };
      if (typeof a.filePath === 'string') t.path = typeof a.bucketName === 'string' && a.bucketName !== '' ? `${a.bucketName}/${a.filePath}` : a.filePath;
      if (typeof a.id === 'string') t.id = a.id;
      templates.push(t);
    });
    if (typeof c.source === 'string' && c.source.trim() !== '') report('unmapped_value', [...path, 'source'], 'component "source" text is not mapped; kept in extra', key);
    const out: DossierComponent = {
      name: c.name.normalize('NFC'),
      originals: count(c.originalQty, 'originalQty'),
      copies: count(c.copyQty, 'copyQty'),
      required: c.required === true,
      electronicForm: c.hasElectronicForm === true,
      templates,
    };
    if (typeof c.code === 'string' && c.code !== '') out.code = c.code;
    if (typeof c.profileComponentId === 'string') out.id = c.profileComponentId;
    if (caseName !== undefined && caseName.trim() !== '') out.caseName = caseName.normalize('NFC');
    components.push(out);
  };
  array('executionCases').forEach((ec, i) => {
    if (!isObj(ec)) {
      report('invalid_item', ['executionCases', i], 'expected { name, profileComponents }', 'executionCases');
      return;
    }
    checkKeys(ec, ['name', 'profileComponents'], ['executionCases', i], 'executionCases');
    const list = Array.isArray(ec.profileComponents) ? ec.profileComponents : [];
    list.forEach((c, j) => component(c, ['executionCases', i, 'profileComponents', j], 'executionCases', typeof ec.name === 'string' ? ec.name : undefined));
  });

  // --- cases ---
  const cases: ProcedureCase[] = [];
  array('cases').forEach((c, i) => {
    const path = ['cases', i];
    if (!isObj(c) || typeof c.name !== 'string') {
      report('invalid_item', path, 'expected { code, name, processingDay }', 'cases');
      return;
    }
    checkKeys(c, ['id', 'name', 'code', 'processingDay', 'profileComponents'], path, 'cases');
    const pd = isObj(c.processingDay) ? c.processingDay : undefined;
    if (pd !== undefined) checkKeys(pd, ['qty', 'type'], [...path, 'processingDay'], 'cases');
    const out: ProcedureCase = { name: c.name.normalize('NFC'), processingTime: pd ? time(pd.qty, pd.type, [...path, 'processingDay'], 'cases') : null };
    if (typeof c.code === 'string') {
      if (/^\d\.\d{6}\.\d{2}$/.test(c.code)) out.code = c.code;
      else report('invalid_case_code', [...path, 'code'], `case code is not D.NNNNNN.NN: ${describeValue(c.code)}`, 'cases');
    }
    if (typeof c.id === 'string') out.id = c.id;
    cases.push(out);
    (Array.isArray(c.profileComponents) ? c.profileComponents : []).forEach((pc, j) => component(pc, [...path, 'profileComponents', j], 'cases', c.name as string));
  });
  procedure.cases = cases;
  procedure.components = components;

  // --- references ---
  procedure.sectors = refs('categoriesDetails');
  procedure.subjects = refs('subjectTypesDetails');
  procedure.results = refs('resultsDetails');
  procedure.legalBases = refs('legalBasisesDetails');
  const text: Record<string, string> = {};
  for (const key of ['executingAgencies', 'authorizedAgencies', 'delegatedAgencies', 'coordinatingAgencies']) {
    const v = str(key);
    if (v !== undefined && v.trim() !== '') text[key] = v.normalize('NFC');
  }
  const agencies: Record<string, unknown> = {
    executing: refs('departmentsExecuting'),
    competent: refs('departmentsAuthority'),
    authorized: refs('departmentsAuthorized'),
    coordinating: refs('departmentsCoordinating'),
  };
  if (Object.keys(text).length > 0) agencies.text = text;
  procedure.agencies = agencies;
  const req = str('requirementsAndConditions');
  if (req !== undefined && req.trim() !== '') procedure.requirements = req.normalize('NFC');

  // --- publication ---
  const pp = json.procedureProposal;
  if (isObj(pp)) {
    checkKeys(pp, ['id', 'proposalNumber', 'decisionDate', 'decisionNumber', 'publicationDate', 'issuingAgency', 'proposalType'], ['procedureProposal'], 'procedureProposal');
    const pub: Record<string, unknown> = {};
    if (typeof pp.proposalNumber === 'string' && pp.proposalNumber !== '') pub.decisionNumber = pp.proposalNumber;
    if (pp.decisionNumber !== null && pp.decisionNumber !== undefined) report('unmapped_value', ['procedureProposal', 'decisionNumber'], 'decisionNumber is not mapped (proposalNumber is); kept in extra', 'procedureProposal');
    const dd = instant(pp.decisionDate, ['procedureProposal', 'decisionDate'], 'procedureProposal');
    if (dd !== undefined) pub.decisionDate = dd.slice(0, 10);
    const pd = instant(pp.publicationDate, ['procedureProposal', 'publicationDate'], 'procedureProposal');
    if (pd !== undefined) pub.publishedAt = pd;
    if (isObj(pp.issuingAgency) && typeof pp.issuingAgency.name === 'string') pub.issuingAgency = pp.issuingAgency.name.normalize('NFC');
    if (typeof pp.proposalType === 'string') pub.type = pp.proposalType;
    procedure.publication = pub;
  } else if (pp !== undefined && pp !== null) report('invalid_type', ['procedureProposal'], 'expected an object', 'procedureProposal');
  const promCode = str('departmentPromulgateCode');
  const promName = str('departmentPromulgateName');
  const promId = str('departmentPromulgateId');
  if (promName !== undefined || promCode !== undefined) {
    const ref: CodedRef = { name: (promName ?? '').normalize('NFC') };
    if (promCode !== undefined && promCode !== '') ref.code = promCode;
    if (promId !== undefined && promId !== '') ref.id = promId;
    procedure.promulgatingAgency = ref;
  }

  // --- origin ---
  const origin: Record<string, unknown> = { system: SYSTEM };
  const id = str('id');
  if (id !== undefined) origin.id = id;
  const created = instant(json.createdAt, ['createdAt'], 'createdAt');
  if (created !== undefined) origin.createdAt = created;
  const updated = instant(json.updatedAt, ['updatedAt'], 'updatedAt');
  if (updated !== undefined) origin.updatedAt = updated;
  procedure.origin = origin;

  // --- everything else, verbatim ---
  const unmappedFields: string[] = [];
  for (const key of Object.keys(json)) {
    if (!CONSUMED.has(key)) {
      extra[key] = json[key];
      unmappedFields.push(key);
    }
  }
  procedure.extra = extra;

  const parsed = safeParse(procedureSchema, procedure);
  if (!parsed.success) {
    // Defensive: every value above is built to fit; a failure here is reported, not swallowed.
    fail('INVALID_PORTAL_RECORD', 'Không chuyển được bản ghi Cổng DVCQG / the mapped record does not fit the procedure schema', issuesFromZod(parsed.error));
  }
  return { procedure: parsed.data, unmappedFields, issues };
}

/**
 * A record of the portal's flat procedure index (fields `ma_tthc`, `ten_tthc`, `cap_thuc_hien`, `loai_tthc`,
 * `linh_vuc`, `co_quan_thuc_hien`; specs/procedures.md §2.2).
 *
 * @example
 * ```ts
 * const r: NationalIndexRecord = { ma_tthc: '1.116612', ten_tthc: 'Thủ tục cấp Chứng nhận Apostille đối với giấy tờ công', cap_thuc_hien: 'Cấp Bộ', loai_tthc: 'TTHC Tiêu chuẩn', linh_vuc: 'Chứng nhận lãnh sự, hợp pháp hóa lãnh sự', co_quan_thuc_hien: 'Cục Lãnh sự - Bộ Ngoại giao' };
 * ```
 */
export interface NationalIndexRecord {
  readonly id?: string;
  readonly ma_tthc: string;
  readonly ten_tthc: string;
  readonly cap_thuc_hien?: string;
  readonly loai_tthc?: string;
  readonly linh_vuc?: string;
  readonly co_quan_thuc_hien?: string;
}

const INDEX_LEVELS: Readonly<Record<string, ImplementationLevel>> = {
  'cấp bộ': 'ministry',
  'cấp tỉnh': 'province',
  'cấp huyện': 'district',
  'cấp xã': 'commune',
  'chưa xác định': 'undetermined',
};
const INDEX_KINDS: Readonly<Record<string, 'standard' | 'specific' | 'internal'>> = {
  'tthc tiêu chuẩn': 'standard',
  'tthc đặc thù': 'specific',
  'tthc nội bộ': 'internal',
};

/**
 * Converts a record of the portal's flat index into a {@link Procedure} (the index has no channels, times or
 * components). `cap_thuc_hien` is parsed as a set ("Cấp xã, Cấp tỉnh, Cấp Bộ"); values the model does not know are
 * reported and kept in `extra`.
 *
 * @throws VnEgovError `INVALID_PORTAL_RECORD` when `ma_tthc` or `ten_tthc` is missing or malformed.
 * @example
 * ```ts
 * fromNationalIndexRecord({ ma_tthc: '1.116538', ten_tthc: 'Cấp Quyết định công nhận', cap_thuc_hien: 'Cấp xã, Cấp tỉnh, Cấp Bộ' }).procedure.levels;
 * // ['commune', 'province', 'ministry']
 * ```
 */
export function fromNationalIndexRecord(record: NationalIndexRecord): NationalPortalImport {
  if (!isObj(record)) fail('INVALID_PORTAL_RECORD', `Bản ghi chỉ mục không hợp lệ / an index record must be an object, got ${describeValue(record)}`);
  const r = record as unknown as Obj;
  const code = typeof r.ma_tthc === 'string' ? r.ma_tthc.trim() : '';
  const name = typeof r.ten_tthc === 'string' ? r.ten_tthc.normalize('NFC').trim() : '';
  if (!/^\d\.\d{6}$/.test(code)) fail('INVALID_PORTAL_RECORD', `ma_tthc không hợp lệ / ma_tthc is not D.NNNNNN: ${describeValue(r.ma_tthc)}`, [issue('invalid_procedure_code', ['ma_tthc'], 'expected D.NNNNNN')]);
  if (name === '') fail('INVALID_PORTAL_RECORD', 'ten_tthc trống / ten_tthc is empty', [issue('empty_name', ['ten_tthc'], 'name is empty')]);
  const issues: VnEgovIssue[] = [];
  const extra: Obj = {};
  const levels: ImplementationLevel[] = [];
  if (typeof r.cap_thuc_hien === 'string') {
    for (const part of r.cap_thuc_hien.split(',').map((s) => s.normalize('NFC').trim().toLowerCase()).filter((s) => s !== '')) {
      const l = INDEX_LEVELS[part];
      if (l === undefined) {
        issues.push(issue('unknown_level', ['cap_thuc_hien'], `unknown level ${describeValue(part)}`));
        extra.cap_thuc_hien = r.cap_thuc_hien;
      } else if (!levels.includes(l)) levels.push(l);
    }
  }
  let kind: 'standard' | 'specific' | 'internal' | null = null;
  if (typeof r.loai_tthc === 'string') {
    kind = INDEX_KINDS[r.loai_tthc.normalize('NFC').trim().toLowerCase()] ?? null;
    if (kind === null) {
      issues.push(issue('unknown_procedure_type', ['loai_tthc'], `unknown kind ${describeValue(r.loai_tthc)}`));
      extra.loai_tthc = r.loai_tthc;
    }
  }
  const unmappedFields: string[] = [];
  for (const k of Object.keys(r)) {
    if (!['id', 'ma_tthc', 'ten_tthc', 'cap_thuc_hien', 'loai_tthc', 'linh_vuc', 'co_quan_thuc_hien'].includes(k)) {
      extra[k] = r[k];
      unmappedFields.push(k);
    }
  }
  const input: Record<string, unknown> = {
    code,
    name,
    kind,
    levels,
    sectors: typeof r.linh_vuc === 'string' && r.linh_vuc.trim() !== '' ? [{ name: r.linh_vuc.normalize('NFC').trim() }] : [],
    agencies: {
      executing: [],
      competent: [],
      authorized: [],
      coordinating: [],
      ...(typeof r.co_quan_thuc_hien === 'string' && r.co_quan_thuc_hien.trim() !== '' ? { text: { co_quan_thuc_hien: r.co_quan_thuc_hien.normalize('NFC').trim() } } : {}),
    },
    origin: { system: 'dichvucong.gov.vn flat index (ma_tthc …)', ...(typeof r.id === 'string' ? { id: r.id } : {}) },
    extra,
  };
  const parsed = safeParse(procedureSchema, input);
  if (!parsed.success) fail('INVALID_PORTAL_RECORD', 'Không chuyển được bản ghi chỉ mục / the index record does not fit the procedure schema', issuesFromZod(parsed.error));
  return { procedure: parsed.data, unmappedFields, issues };
}
