import * as z from 'zod/mini';
import { parseWith } from '../errors/index.js';

const nonEmpty = z.string().check(z.minLength(1));
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));

/**
 * A coded reference (mục có mã): a sector, subject type, result, legal basis or agency, as the national portal
 * publishes them (`{ id, name, code }`).
 *
 * @example
 * ```ts
 * codedRefSchema.parse({ code: 'G02-CT19', name: 'Thương mại quốc tế' });
 * ```
 */
export const codedRefSchema = z.object({
  /** The code (`G02-CT19`, `KQ.G02.000444`, `ĐT4`, `07/2016/NĐ-CP`), when published. */
  code: z.optional(nonEmpty),
  /** The name (tên). */
  name: z.string(),
  /** The source system's identifier, when known. */
  id: z.optional(nonEmpty),
});
/** See {@link codedRefSchema}. @example `const r: CodedRef = { name: 'Người nước ngoài', code: 'ĐT4' };` */
export type CodedRef = z.infer<typeof codedRefSchema>;

/**
 * Implementing level (cấp thực hiện). Since 01/07/2025 local government has two levels (tỉnh, xã); `district`
 * (cấp huyện) is kept only for historical records (Luật 72/2025/QH15 [secondary]; NĐ 118/2025 Điều 2 k1 b
 * [confirmed]). `other` is the portal's `isOtherAgency`, `undetermined` its "Chưa xác định".
 *
 * @example
 * ```ts
 * implementationLevelSchema.parse('province'); // Cấp tỉnh
 * ```
 */
export const implementationLevelSchema = z.enum(['ministry', 'province', 'district', 'commune', 'other', 'undetermined']);
/** See {@link implementationLevelSchema}. @example `const l: ImplementationLevel = 'commune'; // Cấp xã` */
export type ImplementationLevel = z.infer<typeof implementationLevelSchema>;

/**
 * Vietnamese labels of the implementing levels, as in the portal index (`cap_thuc_hien`).
 *
 * @example
 * ```ts
 * IMPLEMENTATION_LEVEL_NAMES.commune; // 'Cấp xã'
 * ```
 */
export const IMPLEMENTATION_LEVEL_NAMES: Readonly<Record<ImplementationLevel, string>> = Object.freeze({
  ministry: 'Cấp Bộ',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  other: 'Cơ quan khác',
  undetermined: 'Chưa xác định',
});

/**
 * Kind of procedure (loại TTHC): TTHC Tiêu chuẩn, TTHC Đặc thù, TTHC nội bộ (portal index `loai_tthc`
 * [confirmed in data]).
 *
 * @example
 * ```ts
 * procedureKindSchema.parse('internal'); // TTHC nội bộ
 * ```
 */
export const procedureKindSchema = z.enum(['standard', 'specific', 'internal']);
/** See {@link procedureKindSchema}. @example `const k: ProcedureKind = 'standard';` */
export type ProcedureKind = z.infer<typeof procedureKindSchema>;

/**
 * Submission channel (cách thức thực hiện / kênh thực hiện). Portal synchronisation codes 1 Trực tiếp,
 * 2 Trực tuyến, 3 Bưu chính công ích [secondary] (`data/domain/submission-channel-codes.csv`).
 *
 * @example
 * ```ts
 * channelSchema.parse('postal');
 * ```
 */
export const channelSchema = z.enum(['direct', 'online', 'postal']);
/** See {@link channelSchema}. @example `const c: Channel = 'online'; // Trực tuyến` */
export type Channel = z.infer<typeof channelSchema>;

/**
 * Synchronisation code of each channel (KENH_THUC_HIEN / KenhThucHien) and its Vietnamese name [secondary].
 *
 * @example
 * ```ts
 * CHANNELS.online.code; // 2
 * ```
 */
export const CHANNELS: Readonly<Record<Channel, { readonly code: 1 | 2 | 3; readonly name: string }>> = Object.freeze({
  direct: { code: 1, name: 'Trực tiếp' },
  online: { code: 2, name: 'Trực tuyến' },
  postal: { code: 3, name: 'Qua bưu chính công ích' },
});

/**
 * Unit of a processing time (đơn vị thời hạn). `working-day` is the one seen in the sample (`WORKING_DAY`);
 * other portal units are mapped when their meaning is plain and otherwise kept as `unknown` with `raw`.
 *
 * @example
 * ```ts
 * timeUnitSchema.parse('working-day');
 * ```
 */
export const timeUnitSchema = z.enum(['working-day', 'day', 'hour', 'working-hour', 'month', 'year', 'unknown']);
/** See {@link timeUnitSchema}. @example `const u: TimeUnit = 'working-day';` */
export type TimeUnit = z.infer<typeof timeUnitSchema>;

/**
 * A processing time (thời hạn giải quyết) with its unit; deadline computation must honour the unit.
 *
 * @example
 * ```ts
 * processingTimeSchema.parse({ value: 5, unit: 'working-day' });
 * ```
 */
export const processingTimeSchema = z.object({
  value: z.number().check(z.nonnegative()),
  unit: timeUnitSchema,
  /** The source's unit text when it was not mapped (`unit: 'unknown'`) or for the record. */
  raw: z.optional(z.string()),
});
/** See {@link processingTimeSchema}. @example `const t: ProcessingTime = { value: 5, unit: 'working-day' };` */
export type ProcessingTime = z.infer<typeof processingTimeSchema>;

/**
 * A fee or charge (phí, lệ phí) of a channel, in đồng.
 *
 * @example
 * ```ts
 * feeSchema.parse({ kind: 'fee', amount: 0 });
 * ```
 */
export const feeSchema = z.object({
  /** `fee` (phí), `charge` (lệ phí), `unknown` with the raw type in `raw`. */
  kind: z.enum(['fee', 'charge', 'unknown']),
  /** Amount in VND, `null` when only described in words. */
  amount: z.nullable(z.number()),
  description: z.optional(z.string()),
  raw: z.optional(z.string()),
});
/** See {@link feeSchema}. @example `const f: Fee = { kind: 'fee', amount: 0 };` */
export type Fee = z.infer<typeof feeSchema>;

/**
 * A channel offer: time **and** fees are attached per channel in Vietnamese data (specs/procedures.md §2.1).
 *
 * @example
 * ```ts
 * channelOfferSchema.parse({ channel: 'online', processingTime: { value: 5, unit: 'working-day' }, fees: [] });
 * ```
 */
export const channelOfferSchema = z.object({
  channel: channelSchema,
  processingTime: z.nullable(processingTimeSchema),
  fees: z.array(feeSchema),
  description: z.optional(z.string()),
});
/** See {@link channelOfferSchema}. @example `const o: ChannelOffer = { channel: 'direct', processingTime: null, fees: [] };` */
export type ChannelOffer = z.infer<typeof channelOfferSchema>;

/**
 * A dossier component (thành phần hồ sơ) with its numbers of originals and copies ("bản chính: 1, bản sao: 0").
 *
 * @example
 * ```ts
 * dossierComponentSchema.parse({ name: 'Đơn đề nghị', originals: 1, copies: 0, required: true, electronicForm: false, templates: [] });
 * ```
 */
export const dossierComponentSchema = z.object({
  code: z.optional(nonEmpty),
  name: z.string(),
  originals: z.number().check(z.int(), z.nonnegative()),
  copies: z.number().check(z.int(), z.nonnegative()),
  required: z.boolean(),
  electronicForm: z.boolean(),
  /** Form templates (mẫu đơn, tờ khai) attached to the component. */
  templates: z.array(z.object({ fileName: z.string(), path: z.optional(z.string()), id: z.optional(z.string()) })),
  /** The case (trường hợp) the component belongs to, when the source groups components by case. */
  caseName: z.optional(z.string()),
  /** The source system's identifier. */
  id: z.optional(z.string()),
});
/** See {@link dossierComponentSchema}. @example `const c: DossierComponent = dossierComponentSchema.parse({...});` */
export type DossierComponent = z.infer<typeof dossierComponentSchema>;

/**
 * A case (trường hợp) of a procedure, with its own code `D.NNNNNN.NN` and processing time.
 *
 * @example
 * ```ts
 * procedureCaseSchema.parse({ code: '1.000358.01', name: 'Gia hạn', processingTime: { value: 5, unit: 'working-day' } });
 * ```
 */
export const procedureCaseSchema = z.object({
  id: z.optional(z.string()),
  code: z.optional(z.string().check(z.regex(/^\d\.\d{6}\.\d{2}$/, 'D.NNNNNN.NN'))),
  name: z.string(),
  processingTime: z.nullable(processingTimeSchema),
});
/** See {@link procedureCaseSchema}. @example `const c: ProcedureCase = { name: 'x', processingTime: null };` */
export type ProcedureCase = z.infer<typeof procedureCaseSchema>;

/**
 * Online service form (hình thức dịch vụ công trực tuyến): `full` toàn trình, `partial` một phần (NĐ 42/2022,
 * NĐ 224/2026 from 01/07/2026); `null` when the source does not say.
 *
 * @example
 * ```ts
 * onlineServiceFormSchema.parse('full');
 * ```
 */
export const onlineServiceFormSchema = z.enum(['full', 'partial']);
/** See {@link onlineServiceFormSchema}. @example `const f: OnlineServiceForm = 'partial'; // một phần` */
export type OnlineServiceForm = z.infer<typeof onlineServiceFormSchema>;

/**
 * A procedure record (thủ tục hành chính): what NĐ 63/2010/NĐ-CP Điều 8 k2 requires (a name, b steps, c channels,
 * d dossier, đ processing time, e subjects, g agency, h result, i forms, requirements and fees) and what the
 * national portal publishes (specs/procedures.md §1–2). Fields the model does not cover are kept in `extra`.
 *
 * @example
 * ```ts
 * const p = parseProcedure({ code: '1.000358', name: 'Gia hạn Giấy phép…', kind: 'standard', levels: ['province'] });
 * p.channels; // []
 * ```
 */
export const procedureSchema = z.object({
  /** Mã TTHC `D.NNNNNN` [confirmed in data]. */
  code: z.string().check(z.regex(/^\d\.\d{6}$/, 'D.NNNNNN')),
  /** a. Tên thủ tục. */
  name: nonEmpty,
  description: z.optional(z.string()),
  /** Loại TTHC; `null` when the source does not say or uses a value the model does not know. */
  kind: z._default(z.nullable(procedureKindSchema), null),
  /** Lĩnh vực (sector), code `MX1X2-LV` (TT 01/2018/TT-VPCP Điều 20). */
  sectors: z._default(z.array(codedRefSchema), []),
  /** Cấp thực hiện, as a set. */
  levels: z._default(z.array(implementationLevelSchema), []),
  /** Ngành dọc (vertical sector), the portal's `isVertical`. */
  vertical: z.optional(z.boolean()),
  /** g. Cơ quan thực hiện, có thẩm quyền, được ủy quyền, phối hợp. */
  agencies: z._default(
    z.object({
      executing: z._default(z.array(codedRefSchema), []),
      competent: z._default(z.array(codedRefSchema), []),
      authorized: z._default(z.array(codedRefSchema), []),
      coordinating: z._default(z.array(codedRefSchema), []),
      /** Free-text agency fields of the source (`executingAgencies` …), when not empty. */
      text: z.optional(z.record(z.string(), z.string())),
    }),
    { executing: [], competent: [], authorized: [], coordinating: [] },
  ),
  /** b. Trình tự thực hiện. */
  steps: z._default(z.array(z.object({ name: z.optional(z.string()), description: z.string() })), []),
  /** c, đ, i. Cách thức thực hiện with processing time and fees per channel. */
  channels: z._default(z.array(channelOfferSchema), []),
  /** Trường hợp (cases) with their codes and times. */
  cases: z._default(z.array(procedureCaseSchema), []),
  /** d. Thành phần hồ sơ. */
  components: z._default(z.array(dossierComponentSchema), []),
  /** e. Đối tượng thực hiện. */
  subjects: z._default(z.array(codedRefSchema), []),
  /** h. Kết quả thực hiện (result code `KQ.<level-1>.NNNNNN`). */
  results: z._default(z.array(codedRefSchema), []),
  /** Căn cứ pháp lý, as published (duplicates occur; see `uniqueLegalBases`). */
  legalBases: z._default(z.array(codedRefSchema), []),
  /** i. Yêu cầu, điều kiện. */
  requirements: z.optional(z.string()),
  /** Online service form and the portal's flags. */
  online: z._default(
    z.object({
      form: z.nullable(onlineServiceFormSchema),
      sharedService: z.optional(z.boolean()),
      offlineOnly: z.optional(z.boolean()),
      /** Received regardless of administrative boundary (phi địa giới hành chính). */
      nonTerritorial: z.optional(z.boolean()),
    }),
    { form: null },
  ),
  /** Quyết định công bố (publication decision). */
  publication: z.optional(
    z.object({
      decisionNumber: z.optional(z.string()),
      decisionDate: z.optional(isoDay),
      issuingAgency: z.optional(z.string()),
      type: z.optional(z.string()),
      /** When the record was published on the database (ISO, Vietnam time). */
      publishedAt: z.optional(z.string()),
    }),
  ),
  /** Cơ quan ban hành (publishing ministry), e.g. `G02` Bộ Công thương. */
  promulgatingAgency: z.optional(codedRefSchema),
  /** Where the record came from. */
  origin: z.optional(
    z.object({
      system: z.string(),
      id: z.optional(z.string()),
      createdAt: z.optional(z.string()),
      updatedAt: z.optional(z.string()),
    }),
  ),
  /** Source fields the model does not cover, verbatim, by field name. */
  extra: z._default(z.record(z.string(), z.unknown()), {}),
});
/** See {@link procedureSchema}. @example `const p: Procedure = parseProcedure(json);` */
export type Procedure = z.infer<typeof procedureSchema>;
/** Input accepted by {@link parseProcedure} (defaults not yet filled in). @example `const i: ProcedureInput = { code: '1.000358', name: 'x', kind: 'standard' };` */
export type ProcedureInput = z.input<typeof procedureSchema>;

/**
 * Validates a procedure record and fills in the defaults.
 *
 * @throws VnEgovError `INVALID_PROCEDURE` with one issue per problem.
 * @example
 * ```ts
 * parseProcedure({ code: '1.000358', name: 'Gia hạn Giấy phép thành lập Chi nhánh', kind: 'standard' }).levels; // []
 * ```
 */
export function parseProcedure(input: unknown): Procedure {
  return parseWith(procedureSchema, input, 'INVALID_PROCEDURE', 'Thủ tục hành chính không hợp lệ / invalid procedure record');
}

/**
 * The legal bases of a procedure without duplicates (by code, else by name), in first-seen order: portal lists
 * repeat entries (specs/procedures.md §2.1).
 *
 * @example
 * ```ts
 * uniqueLegalBases(p).map((b) => b.code); // ['11/2016/TT-BCT', '07/2016/NĐ-CP', …]
 * ```
 */
export function uniqueLegalBases(procedure: Pick<Procedure, 'legalBases'>): CodedRef[] {
  const seen = new Set<string>();
  const out: CodedRef[] = [];
  for (const b of procedure.legalBases) {
    const key = (b.code ?? b.name).normalize('NFC').trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(b);
  }
  return out;
}

/**
 * The processing time of a channel, or of the procedure when every channel has the same one; `null` when none is
 * published.
 *
 * @example
 * ```ts
 * processingTimeOf(p, 'online'); // { value: 5, unit: 'working-day' }
 * ```
 */
export function processingTimeOf(procedure: Pick<Procedure, 'channels' | 'cases'>, channel?: Channel): ProcessingTime | null {
  const offers = channel === undefined ? procedure.channels : procedure.channels.filter((c) => c.channel === channel);
  const times = offers.map((o) => o.processingTime).filter((t): t is ProcessingTime => t !== null);
  const first = times[0];
  if (first !== undefined && times.every((t) => t.value === first.value && t.unit === first.unit)) return first;
  if (times.length === 0 && channel === undefined) {
    const c = procedure.cases.map((x) => x.processingTime).filter((t): t is ProcessingTime => t !== null);
    const f = c[0];
    if (f !== undefined && c.every((t) => t.value === f.value && t.unit === f.unit)) return f;
  }
  return null;
}
