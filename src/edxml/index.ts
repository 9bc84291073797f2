/**
 * `vn-egov/edxml`: read, write and validate edXML inter-agency document packages and status messages
 * (QCVN 102:2016/BTTTT), as exchanged on the national document exchange axis (specs/edxml.md).
 *
 * @example
 * ```ts
 * import { parseEdxml, buildEdxml } from 'vn-egov/edxml';
 * const r = parseEdxml(xml);
 * ```
 * @packageDocumentation
 */
export type { EdxmlErrorCode, EdxmlIssue, EdxmlIssueSeverity } from './errors.js';
export { EDXML_NAMESPACE, EDOC_NAMESPACE, XMLDSIG_NAMESPACE, EDXML_PREFIX } from './namespaces.js';
export {
  edxmlStatusCodeSchema,
  edxmlStatusCodes,
  getStatusCode,
  isKnownStatusCode,
  receiverStatusFlow,
  receiverStatusFlowSource,
  type EdxmlConfidence,
  type EdxmlStatusCode,
  type EdxmlStatusInfo,
  type EdxmlStatusSender,
} from './status-codes.js';
export { businessDocTypeSchema, businessDocTypes, steeringTypes, type BusinessDocType, type BusinessDocTypeInfo } from './business-doc-types.js';
export {
  edxmlAttachmentInputSchema,
  edxmlAttachmentMetaSchema,
  edxmlBusinessDocumentInfoSchema,
  edxmlBusinessSchema,
  edxmlCodeSchema,
  edxmlDocumentSchema,
  edxmlDocumentTypeSchema,
  edxmlManifestSchema,
  edxmlOrganizationSchema,
  edxmlOtherInfoSchema,
  edxmlPromulgationInfoSchema,
  edxmlReceiverSchema,
  edxmlReferenceSchema,
  edxmlReplacementInfoSchema,
  edxmlResponseForSchema,
  edxmlSignerInfoSchema,
  edxmlStaffInfoSchema,
  edxmlStatusSchema,
  edxmlTraceHeaderListSchema,
  edxmlTraceHeaderSchema,
  type EdxmlAttachmentInput,
  type EdxmlAttachmentMeta,
  type EdxmlBusiness,
  type EdxmlBusinessDocumentInfo,
  type EdxmlCode,
  type EdxmlDocument,
  type EdxmlDocumentType,
  type EdxmlManifest,
  type EdxmlOrganization,
  type EdxmlOtherInfo,
  type EdxmlPromulgationInfo,
  type EdxmlReceiver,
  type EdxmlReference,
  type EdxmlReplacementInfo,
  type EdxmlResponseFor,
  type EdxmlSignerInfo,
  type EdxmlStaffInfo,
  type EdxmlStatus,
  type EdxmlTraceHeader,
  type EdxmlTraceHeaderList,
} from './model.js';
export { DEFAULT_EDXML_LIMITS, edxmlLimitsSchema, type EdxmlLimits } from './xml-security.js';
export { formatEdxmlDate, formatEdxmlTimestamp, readEdxmlDate, readEdxmlTimestamp, vietnamTimestamp, type EdxmlDateReading } from './dates.js';
export { compareContentType, mediaTypeOf, sniffContentType, type ContentSniff, type ContentTypeCheck, type SniffedKind } from './content-sniff.js';
export type { EdxmlAttachment, EdxmlAttachmentReport } from './attachments.js';
export type { EnvelopeSignature, EnvelopeSignatureReference } from './signature-slot.js';
export {
  edxmlParseOptionsSchema,
  parseEdxml,
  type EdxmlDocumentResult,
  type EdxmlParseOptions,
  type EdxmlParseResult,
  type EdxmlStatusResult,
} from './parse-edxml.js';
export { buildEdxml, manifestFor, edxmlWriteOptionsSchema, type EdxmlWriteOptions } from './write-package.js';
export { buildStatus } from './write-status.js';
export { formatDocumentId, parseDocumentId, type DocumentIdParts, type DocumentIdReading } from './document-id.js';
export { appendTrace, businessPackage, replyStatus, type BusinessRequest } from './message-helpers.js';
export { edxmlValidateOptionsSchema, validateEdxml, type EdxmlValidateOptions, type EdxmlValidationInput } from './validate.js';
export { checkStatusTransition, validateStatusFlow, type ReceiverCode } from './status-flow.js';
