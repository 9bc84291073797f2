/**
 * The data model of edXML packages (gói tin edXML, QCVN 102:2016/BTTTT) as read and written by this module.
 *
 * Presence is kept honest (specs/edxml.md §2.3, "required" means "present, possibly empty"):
 * - an absent element is an absent property (`undefined`);
 * - an empty text element is `''` (dates included: the reader never invents a date);
 * - an empty integer or boolean element is `null`.
 * Dates are civil days `YYYY-MM-DD`; timestamps are `YYYY-MM-DDTHH:mm:ss`, Vietnam local time as written (no time
 * zone is written in edXML; UTC+7 is implied, specs/edxml.md §6, unverified).
 * @packageDocumentation
 */
import * as z from 'zod/mini';

const text = z.string();
/** A civil day `YYYY-MM-DD`, or `''` for an empty element. */
const day = z.string().check(z.regex(/^(?:\d{4}-\d{2}-\d{2})?$/));
/** A timestamp `YYYY-MM-DDTHH:mm:ss` (Vietnam local time), or `''` for an empty element. */
const timestamp = z.string().check(z.regex(/^(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})?$/));
/** An integer, or `null` for an empty element. */
const integer = z.nullable(z.int());
const opt = z.optional;

/**
 * An organisation (`From`, `To`; specs/edxml.md §2.4), fields in VNPT write order. `organizationInCharge` is the name
 * of the governing body (cơ quan chủ quản); the e-doc spelling `OrganInCharge` is read into it with a warning.
 *
 * @example
 * ```ts
 * const o: EdxmlOrganization = { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' };
 * ```
 */
export const edxmlOrganizationSchema = z.strictObject({
  /** Mã định danh (specs/edxml.md §8). */
  organId: opt(text),
  /** Cơ quan chủ quản (name of the governing body). */
  organizationInCharge: opt(text),
  /** Tên cơ quan. */
  organName: opt(text),
  /** Địa chỉ. */
  organAdd: opt(text),
  email: opt(text),
  telephone: opt(text),
  fax: opt(text),
  website: opt(text),
});
/**
 * See {@link edxmlOrganizationSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlOrganization = z.parse(edxmlOrganizationSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlOrganization = z.infer<typeof edxmlOrganizationSchema>;

/**
 * Số và ký hiệu (`Code`): `CodeNumber` and `CodeNotation`, e.g. `7816` and `VPCP-TTĐT` (specs/edxml.md §2.2 #4).
 *
 * @example
 * ```ts
 * const c: EdxmlCode = { codeNumber: '7816', codeNotation: 'VPCP-TTĐT' };
 * ```
 */
export const edxmlCodeSchema = z.strictObject({ codeNumber: opt(text), codeNotation: opt(text) });
/**
 * See {@link edxmlCodeSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlCode = z.parse(edxmlCodeSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlCode = z.infer<typeof edxmlCodeSchema>;

/**
 * Thông tin ban hành (`PromulgationInfo`): place and date (specs/edxml.md §2.2 #5).
 *
 * @example
 * ```ts
 * const p: EdxmlPromulgationInfo = { place: 'Hà Nội', promulgationDate: '2015-09-30' };
 * ```
 */
export const edxmlPromulgationInfoSchema = z.strictObject({ place: opt(text), promulgationDate: opt(day) });
/**
 * See {@link edxmlPromulgationInfoSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlPromulgationInfo = z.parse(edxmlPromulgationInfoSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlPromulgationInfo = z.infer<typeof edxmlPromulgationInfoSchema>;

/**
 * Loại văn bản (`DocumentType`). `type` and `typeDetail` are opaque integers: their code list is unresolved
 * (specs/edxml.md §2.8); `typeName` ("Công văn") is the reliable field.
 *
 * @example
 * ```ts
 * const t: EdxmlDocumentType = { type: 1, typeDetail: 0, typeName: 'Công văn' };
 * ```
 */
export const edxmlDocumentTypeSchema = z.strictObject({ type: opt(integer), typeDetail: opt(integer), typeName: opt(text) });
/**
 * See {@link edxmlDocumentTypeSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlDocumentType = z.parse(edxmlDocumentTypeSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlDocumentType = z.infer<typeof edxmlDocumentTypeSchema>;

/**
 * Người ký (`SignerInfo`): signing authority (e.g. "TL. BỘ TRƯỞNG"), position, full name (specs/edxml.md §2.2 #9).
 *
 * @example
 * ```ts
 * const s: EdxmlSignerInfo = { competence: 'TL. BỘ TRƯỞNG', position: 'Cục trưởng', fullName: 'Nguyễn Văn A' };
 * ```
 */
export const edxmlSignerInfoSchema = z.strictObject({ competence: opt(text), position: opt(text), fullName: opt(text) });
/**
 * See {@link edxmlSignerInfoSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlSignerInfo = z.parse(edxmlSignerInfoSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlSignerInfo = z.infer<typeof edxmlSignerInfoSchema>;

/**
 * Thông tin khác (`OtherInfo`, specs/edxml.md §2.5). `priority` is the edXML Priority 0–4 (see `edxmlPriorities` of
 * vn-egov/documents, secondary); `direction` is `false` in every sample and its meaning is unknown.
 *
 * @example
 * ```ts
 * const o: EdxmlOtherInfo = { priority: 0, promulgationAmount: 2, pageAmount: 22, direction: false, appendixes: [] };
 * ```
 */
export const edxmlOtherInfoSchema = z.strictObject({
  /** Độ khẩn. */
  priority: opt(integer),
  /** Phạm vi lưu hành. */
  sphereOfPromulgation: opt(text),
  /** Ký hiệu người đánh máy. */
  typerNotation: opt(text),
  /** Số bản phát hành. */
  promulgationAmount: opt(integer),
  /** Số trang. */
  pageAmount: opt(integer),
  direction: opt(z.nullable(z.boolean())),
  /** Phụ lục; `undefined` when the `Appendixes` element is absent. */
  appendixes: opt(z.array(text)),
});
/**
 * See {@link edxmlOtherInfoSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlOtherInfo = z.parse(edxmlOtherInfoSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlOtherInfo = z.infer<typeof edxmlOtherInfoSchema>;

/**
 * The document answered (`ResponseFor`): in a package a list (specs/edxml.md §2.2 #12), in a status message exactly
 * one (§5.1). `code` is the joined "số/ký hiệu".
 *
 * @example
 * ```ts
 * const r: EdxmlResponseFor = { organId: '000.00.00.G22', code: '7816/VPCP-TTĐT', promulgationDate: '2015-09-30',
 *   documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT' };
 * ```
 */
export const edxmlResponseForSchema = z.strictObject({
  organId: opt(text),
  code: opt(text),
  promulgationDate: opt(day),
  documentId: opt(text),
});
/**
 * See {@link edxmlResponseForSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlResponseFor = z.parse(edxmlResponseForSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlResponseFor = z.infer<typeof edxmlResponseForSchema>;

/**
 * Cán bộ xử lý (`StaffInfo`) of a business action or a status message. The `…Id` children exist in the VNPT library
 * only (specs/edxml.md §2.6, secondary).
 *
 * @example
 * ```ts
 * const s: EdxmlStaffInfo = { department: 'Văn thư', staff: 'Nguyễn Thị A', email: 'a@gov.vn', mobile: '0912000001' };
 * ```
 */
export const edxmlStaffInfoSchema = z.strictObject({
  department: opt(text),
  departmentId: opt(text),
  staff: opt(text),
  staffId: opt(text),
  email: opt(text),
  mobile: opt(text),
});
/**
 * See {@link edxmlStaffInfoSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlStaffInfo = z.parse(edxmlStaffInfoSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlStaffInfo = z.infer<typeof edxmlStaffInfoSchema>;

/**
 * One hop of the trace (`TraceHeader`): the system that handled the package and when.
 *
 * @example
 * ```ts
 * const t: EdxmlTraceHeader = { organId: '000.00.00.G22', timestamp: '2018-09-28T00:00:00' };
 * ```
 */
export const edxmlTraceHeaderSchema = z.strictObject({ organId: opt(text), timestamp: opt(timestamp) });
/**
 * See {@link edxmlTraceHeaderSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlTraceHeader = z.parse(edxmlTraceHeaderSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlTraceHeader = z.infer<typeof edxmlTraceHeaderSchema>;

/**
 * A recipient of an update (`ReceiverList/Receiver`); the meaning of `receiverType` 0/1 is not documented
 * (specs/edxml.md §2.6).
 *
 * @example
 * ```ts
 * const r: EdxmlReceiver = { organId: '000.00.00.H41', receiverType: 0 };
 * ```
 */
export const edxmlReceiverSchema = z.strictObject({ organId: opt(text), receiverType: opt(integer) });
/**
 * See {@link edxmlReceiverSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlReceiver = z.parse(edxmlReceiverSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlReceiver = z.infer<typeof edxmlReceiverSchema>;

/**
 * What an update changes (`BussinessDocumentInfo`, business type 2): metadata (`documentInfo` 0/1), recipients
 * (`documentReceiver` 0/1) and the recipient list.
 *
 * @example
 * ```ts
 * const u: EdxmlBusinessDocumentInfo = { documentInfo: 1, documentReceiver: 0, receivers: [] };
 * ```
 */
export const edxmlBusinessDocumentInfoSchema = z.strictObject({
  documentInfo: opt(integer),
  documentReceiver: opt(integer),
  /** `undefined` when `ReceiverList` is absent. */
  receivers: opt(z.array(edxmlReceiverSchema)),
});
/**
 * See {@link edxmlBusinessDocumentInfoSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlBusinessDocumentInfo = z.parse(edxmlBusinessDocumentInfoSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlBusinessDocumentInfo = z.infer<typeof edxmlBusinessDocumentInfoSchema>;

/**
 * One replaced document (`ReplacementInfo`, business type 3) and the organisations concerned.
 *
 * @example
 * ```ts
 * const r: EdxmlReplacementInfo = { documentId: '000.00.00.G22,2014/01/30,7806/VPCP-TTĐT', organIds: ['000.00.00.H41'] };
 * ```
 */
export const edxmlReplacementInfoSchema = z.strictObject({ documentId: opt(text), organIds: opt(z.array(text)) });
/**
 * See {@link edxmlReplacementInfoSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlReplacementInfo = z.parse(edxmlReplacementInfoSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlReplacementInfo = z.infer<typeof edxmlReplacementInfoSchema>;

/**
 * The business block (`Bussiness`: the official double-s spelling, specs/edxml.md §2.6): new / revoke / update /
 * replace. `businessDocType` is kept as read; `businessDocTypes` lists the known values 0–3.
 *
 * @example
 * ```ts
 * const b: EdxmlBusiness = { documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT', businessDocType: 0,
 *   businessDocReason: 'Văn bản điện tử mới', paper: 0 };
 * ```
 */
export const edxmlBusinessSchema = z.strictObject({
  documentId: opt(text),
  /** Loại nghiệp vụ: 0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế. */
  businessDocType: opt(integer),
  businessDocReason: opt(text),
  /** 0/1: whether a paper copy is also sent (secondary: F). */
  paper: opt(integer),
  staffInfo: opt(edxmlStaffInfoSchema),
  businessDocumentInfo: opt(edxmlBusinessDocumentInfoSchema),
  /** `undefined` when `ReplacementInfoList` is absent. */
  replacementInfoList: opt(z.array(edxmlReplacementInfoSchema)),
});
/**
 * See {@link edxmlBusinessSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlBusiness = z.parse(edxmlBusinessSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlBusiness = z.infer<typeof edxmlBusinessSchema>;

/**
 * `TraceHeaderList`: the hops and the business block (specs/edxml.md §2.6).
 *
 * @example
 * ```ts
 * const t: EdxmlTraceHeaderList = { traceHeaders: [{ organId: '000.00.00.G22', timestamp: '2018-09-28T00:00:00' }] };
 * ```
 */
export const edxmlTraceHeaderListSchema = z.strictObject({
  traceHeaders: z.array(edxmlTraceHeaderSchema),
  business: opt(edxmlBusinessSchema),
});
/**
 * See {@link edxmlTraceHeaderListSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlTraceHeaderList = z.parse(edxmlTraceHeaderListSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlTraceHeaderList = z.infer<typeof edxmlTraceHeaderListSchema>;

/**
 * A manifest entry (`edXMLManifest/Reference`, specs/edxml.md §2.9). `contentId` is kept as written (`cid:209`);
 * matching with attachments strips an optional `cid:`. `href` is the optional `xlink:href` attribute.
 *
 * @example
 * ```ts
 * const r: EdxmlReference = { contentId: 'cid:209', contentType: 'application/pdf', attachmentName: 'a.pdf' };
 * ```
 */
export const edxmlReferenceSchema = z.strictObject({
  contentId: opt(text),
  contentType: opt(text),
  description: opt(text),
  attachmentName: opt(text),
  href: opt(text),
});
/**
 * See {@link edxmlReferenceSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlReference = z.parse(edxmlReferenceSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlReference = z.infer<typeof edxmlReferenceSchema>;

/**
 * `edXMLBody/edXMLManifest` (specs/edxml.md §2.1). No per-attachment digest exists in edXML.
 *
 * @example
 * ```ts
 * const m: EdxmlManifest = { version: '1.0', references: [] };
 * ```
 */
export const edxmlManifestSchema = z.strictObject({ version: opt(text), references: z.array(edxmlReferenceSchema) });
/**
 * See {@link edxmlManifestSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlManifest = z.parse(edxmlManifestSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlManifest = z.infer<typeof edxmlManifestSchema>;

/**
 * A document package (gói tin văn bản điện tử, "edoc"): the `MessageHeader` fields (specs/edxml.md §2.2, VNPT write
 * order), the `TraceHeaderList` and the manifest. Attachments travel beside it (see `EdxmlAttachment`).
 *
 * @example
 * ```ts
 * const m: EdxmlDocument = {
 *   from: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
 *   to: [{ organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' }],
 *   documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT',
 *   code: { codeNumber: '7816', codeNotation: 'VPCP-TTĐT' },
 *   responseFor: [],
 * };
 * ```
 */
export const edxmlDocumentSchema = z.strictObject({
  /** Nơi gửi. */
  from: opt(edxmlOrganizationSchema),
  /** Nơi nhận (machine recipients). */
  to: z.array(edxmlOrganizationSchema),
  /** Opaque key; conventionally `{OrganId},{yyyy/MM/dd},{số}/{ký hiệu}` (see `parseDocumentId`). */
  documentId: opt(text),
  code: opt(edxmlCodeSchema),
  promulgationInfo: opt(edxmlPromulgationInfoSchema),
  documentType: opt(edxmlDocumentTypeSchema),
  /** Trích yếu. */
  subject: opt(text),
  content: opt(text),
  signerInfo: opt(edxmlSignerInfoSchema),
  /** Hạn xử lý. */
  dueDate: opt(day),
  otherInfo: opt(edxmlOtherInfoSchema),
  responseFor: z.array(edxmlResponseForSchema),
  /** 0 không phải chỉ đạo, 1 chỉ đạo, 2 báo cáo chỉ đạo (secondary). */
  steeringType: opt(integer),
  /** `ResponseForTask/TaskCode` (VNPT library only). */
  responseForTask: opt(z.array(text)),
  /** VNPT library only. */
  applicationType: opt(text),
  /** Nơi nhận as printed on paper ("Các bộ"), not routing addresses; `undefined` when `ToPlaces` is absent. */
  toPlaces: opt(z.array(text)),
  traceHeaderList: opt(edxmlTraceHeaderListSchema),
  manifest: opt(edxmlManifestSchema),
});
/**
 * See {@link edxmlDocumentSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlDocument = z.parse(edxmlDocumentSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlDocument = z.infer<typeof edxmlDocumentSchema>;

/**
 * A status message (thông điệp trạng thái, specs/edxml.md §5.1): no trace list, no signature, no body. `statusCode`
 * is two digits; known codes are listed in `edxmlStatusCodes` and others are read and reported.
 *
 * @example
 * ```ts
 * const s: EdxmlStatus = {
 *   from: { organId: '000.00.00.H41', organName: 'UBND Tỉnh Nghệ An' },
 *   responseFor: { organId: '000.00.00.G22', code: '7816/VPCP-TTĐT', promulgationDate: '2015-09-30',
 *     documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT' },
 *   staffInfo: { department: 'Văn thư', staff: 'Nguyễn Thị A' },
 *   statusCode: '03', description: 'Đã tiếp nhận', timestamp: '2015-09-30T10:00:00',
 * };
 * ```
 */
export const edxmlStatusSchema = z.strictObject({
  from: opt(edxmlOrganizationSchema),
  responseFor: opt(edxmlResponseForSchema),
  staffInfo: opt(edxmlStaffInfoSchema),
  statusCode: opt(z.string().check(z.regex(/^(?:\d{2})?$/))),
  description: opt(text),
  timestamp: opt(timestamp),
});
/**
 * See {@link edxmlStatusSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlStatus = z.parse(edxmlStatusSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlStatus = z.infer<typeof edxmlStatusSchema>;

/**
 * Metadata of one inline attachment (`AttachmentEncoded/Attachment`, specs/edxml.md §2.10), kept as written.
 * `fieldName` and `mimeType` are VNPT-only children.
 *
 * @example
 * ```ts
 * const a: EdxmlAttachmentMeta = { contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf' };
 * ```
 */
export const edxmlAttachmentMetaSchema = z.strictObject({
  contentId: opt(text),
  attachmentName: opt(text),
  description: opt(text),
  fieldName: opt(text),
  mimeType: opt(text),
  contentType: opt(text),
});
/**
 * See {@link edxmlAttachmentMetaSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlAttachmentMeta = z.parse(edxmlAttachmentMetaSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlAttachmentMeta = z.infer<typeof edxmlAttachmentMetaSchema>;

/**
 * An attachment given to the writer: its metadata and its bytes.
 *
 * @example
 * ```ts
 * const a: EdxmlAttachmentInput = { contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf',
 *   data: new TextEncoder().encode('%PDF-1.7') };
 * ```
 */
export const edxmlAttachmentInputSchema = z.strictObject({
  ...edxmlAttachmentMetaSchema.shape,
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: "expected a Uint8Array" }),
});
/**
 * See {@link edxmlAttachmentInputSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlAttachmentInput = z.parse(edxmlAttachmentInputSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlAttachmentInput = z.infer<typeof edxmlAttachmentInputSchema>;
