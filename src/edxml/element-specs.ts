/**
 * The element structure of edXML as data: element names (official spelling first), the VNPT write order, value
 * kinds, which elements are "required" (specs/edxml.md §2.2–2.10, §5.1; cardinality 1 in the VNPT library and the
 * presence list of Bkav's `XmlChecker.java`, §2.3) and the tolerated spellings with the issue code each raises.
 * One table drives the reader, the writer and the validator, so they cannot disagree.
 * @internal
 * @packageDocumentation
 */

/** How a leaf is read and written. `id` = text compared after trimming (codes, identifiers). @internal */
export type LeafKind = 'text' | 'id' | 'int' | 'bool' | 'date' | 'timestamp';

/** A struct: an element whose children are fields. @internal */
export interface StructSpec {
  readonly type: 'struct';
  readonly fields: readonly FieldSpec[];
}

/** A wrapper element holding repeated items (`ToPlaces/Place`). @internal */
export interface ListSpec {
  readonly type: 'list';
  readonly item: string;
  readonly kind: LeafKind | StructSpec;
  /** At least one item is expected. */
  readonly nonEmpty?: boolean;
}

/** A child element of a struct. @internal */
export interface FieldSpec {
  /** Property name in the model. */
  readonly key: string;
  /** Official element name (written). */
  readonly name: string;
  readonly kind: LeafKind | StructSpec | ListSpec;
  /** Repeated element; the model holds an array. */
  readonly many?: boolean;
  /** Must be present (possibly empty). */
  readonly required?: boolean;
  /** Other spellings read, mapped to the issue code reported. */
  readonly variants?: Readonly<Record<string, string>>;
  /** Where the fact comes from. */
  readonly source?: string;
}

const struct = (fields: FieldSpec[]): StructSpec => ({ type: 'struct', fields });
const list = (item: string, kind: LeafKind | StructSpec, nonEmpty = false): ListSpec => ({ type: 'list', item, kind, nonEmpty });

/** Organization (§2.4). @internal */
export const ORGANIZATION = struct([
  { key: 'organId', name: 'OrganId', kind: 'id', required: true },
  { key: 'organizationInCharge', name: 'OrganizationInCharge', kind: 'text', variants: { OrganInCharge: 'edoc_dialect_name' }, source: 'specs/edxml.md §2.4' },
  { key: 'organName', name: 'OrganName', kind: 'text', required: true },
  { key: 'organAdd', name: 'OrganAdd', kind: 'text' },
  { key: 'email', name: 'Email', kind: 'text' },
  { key: 'telephone', name: 'Telephone', kind: 'text' },
  { key: 'fax', name: 'Fax', kind: 'text' },
  { key: 'website', name: 'Website', kind: 'text' },
]);

/** @internal */
export const CODE = struct([
  { key: 'codeNumber', name: 'CodeNumber', kind: 'id', required: true },
  { key: 'codeNotation', name: 'CodeNotation', kind: 'id', required: true },
]);

/** @internal */
export const PROMULGATION_INFO = struct([
  { key: 'place', name: 'Place', kind: 'text', required: true },
  { key: 'promulgationDate', name: 'PromulgationDate', kind: 'date', required: true },
]);

/** @internal */
export const DOCUMENT_TYPE = struct([
  { key: 'type', name: 'Type', kind: 'int', required: true },
  { key: 'typeDetail', name: 'TypeDetail', kind: 'int' },
  { key: 'typeName', name: 'TypeName', kind: 'text', required: true },
]);

/** @internal */
export const SIGNER_INFO = struct([
  { key: 'competence', name: 'Competence', kind: 'text', required: true },
  { key: 'position', name: 'Position', kind: 'text' },
  { key: 'fullName', name: 'FullName', kind: 'text', required: true },
]);

/** @internal */
export const OTHER_INFO = struct([
  { key: 'priority', name: 'Priority', kind: 'int' },
  { key: 'sphereOfPromulgation', name: 'SphereOfPromulgation', kind: 'text' },
  { key: 'typerNotation', name: 'TyperNotation', kind: 'text' },
  { key: 'promulgationAmount', name: 'PromulgationAmount', kind: 'int' },
  { key: 'pageAmount', name: 'PageAmount', kind: 'int' },
  { key: 'direction', name: 'Direction', kind: 'bool' },
  { key: 'appendixes', name: 'Appendixes', kind: list('Appendix', 'text') },
]);

/** ResponseFor of a document package (§2.2 #12: children may be empty). @internal */
export const RESPONSE_FOR = struct([
  { key: 'organId', name: 'OrganId', kind: 'id' },
  { key: 'code', name: 'Code', kind: 'text' },
  { key: 'promulgationDate', name: 'PromulgationDate', kind: 'date' },
  { key: 'documentId', name: 'DocumentId', kind: 'id' },
]);

/** ResponseFor of a status message (§5.1). @internal */
export const STATUS_RESPONSE_FOR = struct([
  { key: 'organId', name: 'OrganId', kind: 'id', required: true },
  { key: 'code', name: 'Code', kind: 'text', required: true },
  { key: 'promulgationDate', name: 'PromulgationDate', kind: 'date', required: true },
  { key: 'documentId', name: 'DocumentId', kind: 'id', required: true },
]);

/** @internal */
export const STAFF_INFO = struct([
  { key: 'department', name: 'Department', kind: 'text' },
  { key: 'departmentId', name: 'DepartmentId', kind: 'text' },
  { key: 'staff', name: 'Staff', kind: 'text' },
  { key: 'staffId', name: 'StaffId', kind: 'text' },
  { key: 'email', name: 'Email', kind: 'text' },
  { key: 'mobile', name: 'Mobile', kind: 'text' },
]);

/** @internal */
export const TRACE_HEADER = struct([
  { key: 'organId', name: 'OrganId', kind: 'id', required: true },
  { key: 'timestamp', name: 'Timestamp', kind: 'timestamp', required: true },
]);

const RECEIVER = struct([
  { key: 'organId', name: 'OrganId', kind: 'id' },
  { key: 'receiverType', name: 'ReceiverType', kind: 'int' },
]);

const BUSINESS_DOCUMENT_INFO = struct([
  { key: 'documentInfo', name: 'DocumentInfo', kind: 'int' },
  { key: 'documentReceiver', name: 'DocumentReceiver', kind: 'int' },
  { key: 'receivers', name: 'ReceiverList', kind: list('Receiver', RECEIVER) },
]);

const REPLACEMENT_INFO = struct([
  { key: 'documentId', name: 'DocumentId', kind: 'id' },
  { key: 'organIds', name: 'OrganIdList', kind: list('OrganId', 'id') },
]);

const SPELLING = 'specs/edxml.md §2.6: double s is official (VNPT library, VPCP samples); Bkav reads and writes Business';

/**
 * Bussiness, in the order of the VPCP samples (`edoc_update`, `edoc_replacement`: the type-specific block before
 * `StaffInfo`). `DocumentId` is optional: `edoc_revocation` and `edoc_replacement` omit it. @internal
 */
export const BUSINESS = struct([
  { key: 'documentId', name: 'DocumentId', kind: 'id' },
  { key: 'businessDocType', name: 'BussinessDocType', kind: 'int', required: true, variants: { BusinessDocType: 'variant_spelling' }, source: SPELLING },
  { key: 'businessDocReason', name: 'BussinessDocReason', kind: 'text', variants: { BusinessDocReason: 'variant_spelling' }, source: SPELLING },
  { key: 'paper', name: 'Paper', kind: 'int' },
  { key: 'businessDocumentInfo', name: 'BussinessDocumentInfo', kind: BUSINESS_DOCUMENT_INFO, variants: { BusinessDocumentInfo: 'variant_spelling' }, source: SPELLING },
  { key: 'replacementInfoList', name: 'ReplacementInfoList', kind: list('ReplacementInfo', REPLACEMENT_INFO) },
  { key: 'staffInfo', name: 'StaffInfo', kind: STAFF_INFO },
]);

/** @internal */
export const TRACE_HEADER_LIST = struct([
  { key: 'traceHeaders', name: 'TraceHeader', kind: TRACE_HEADER, many: true, required: true },
  { key: 'business', name: 'Bussiness', kind: BUSINESS, variants: { Business: 'variant_spelling' }, source: SPELLING },
]);

/** Manifest Reference (§2.9); the `xlink:href` attribute is handled by the reader and writer. @internal */
export const REFERENCE = struct([
  { key: 'contentId', name: 'ContentId', kind: 'id', required: true },
  { key: 'contentType', name: 'ContentType', kind: 'id', required: true },
  { key: 'description', name: 'Description', kind: 'text' },
  { key: 'attachmentName', name: 'AttachmentName', kind: 'text', required: true },
]);

/** @internal */
export const MANIFEST = struct([{ key: 'references', name: 'Reference', kind: REFERENCE, many: true }]);

/** MessageHeader of a document package, VNPT write order (§2.2). @internal */
export const DOCUMENT_HEADER = struct([
  { key: 'from', name: 'From', kind: ORGANIZATION, required: true },
  { key: 'to', name: 'To', kind: ORGANIZATION, many: true, required: true },
  { key: 'documentId', name: 'DocumentId', kind: 'id', required: true },
  { key: 'code', name: 'Code', kind: CODE, required: true },
  { key: 'promulgationInfo', name: 'PromulgationInfo', kind: PROMULGATION_INFO, required: true },
  { key: 'documentType', name: 'DocumentType', kind: DOCUMENT_TYPE, required: true },
  { key: 'subject', name: 'Subject', kind: 'text', required: true },
  { key: 'content', name: 'Content', kind: 'text', required: true },
  { key: 'signerInfo', name: 'SignerInfo', kind: SIGNER_INFO, required: true },
  { key: 'dueDate', name: 'DueDate', kind: 'date' },
  { key: 'otherInfo', name: 'OtherInfo', kind: OTHER_INFO, required: true },
  { key: 'responseFor', name: 'ResponseFor', kind: RESPONSE_FOR, many: true },
  { key: 'steeringType', name: 'SteeringType', kind: 'int', required: true },
  { key: 'responseForTask', name: 'ResponseForTask', kind: list('TaskCode', 'text') },
  { key: 'applicationType', name: 'ApplicationType', kind: 'text' },
  { key: 'toPlaces', name: 'ToPlaces', kind: list('Place', 'text', true), required: true },
]);

/** MessageHeader of a status message (§5.1). @internal */
export const STATUS_HEADER = struct([
  { key: 'from', name: 'From', kind: ORGANIZATION, required: true },
  { key: 'responseFor', name: 'ResponseFor', kind: STATUS_RESPONSE_FOR, required: true },
  { key: 'staffInfo', name: 'StaffInfo', kind: STAFF_INFO, required: true },
  { key: 'statusCode', name: 'StatusCode', kind: 'id', required: true },
  { key: 'description', name: 'Description', kind: 'text', required: true },
  { key: 'timestamp', name: 'Timestamp', kind: 'timestamp', required: true },
]);

/** Attachment metadata (§2.10); `ContentTransferEncoded` is handled apart. @internal */
export const ATTACHMENT = struct([
  { key: 'contentId', name: 'ContentId', kind: 'id', required: true },
  { key: 'attachmentName', name: 'AttachmentName', kind: 'text', required: true },
  { key: 'description', name: 'Description', kind: 'text' },
  { key: 'fieldName', name: 'FieldName', kind: 'text' },
  { key: 'mimeType', name: 'MimeType', kind: 'text' },
  { key: 'contentType', name: 'ContentType', kind: 'id', required: true },
]);
