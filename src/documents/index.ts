/**
 * `vn-egov/documents`: administrative documents of NĐ 30/2020/NĐ-CP (types, number and symbol, registers,
 * secrecy and urgency, signing authority, metadata), legal normative document types by law version, and the
 * organisation identifier code (mã định danh, QCVN 102:2016/BTTTT).
 * @packageDocumentation
 */
export type { DocumentsErrorCode } from './errors.js';
export { confidenceSchema, type Confidence } from './provenance.js';
export {
  administrativeDocumentTypes,
  copyDocumentTypes,
  documentTypes,
  findDocumentType,
  getDocumentType,
  type DocumentType,
  type DocumentTypeId,
} from './document-types.js';
export { legalSymbolAbbreviations, type LegalSymbolAbbreviation } from './legal-symbol-abbreviations.js';
export {
  MAX_DOCUMENT_NUMBER,
  MAX_SYMBOL_LENGTH,
  MAX_SYMBOL_YEAR,
  MIN_SYMBOL_YEAR,
  documentNumberPartsSchema,
  formatDocumentNumber,
  isDocumentNumber,
  parseDocumentNumber,
  type DocumentNumberKind,
  type DocumentNumberParts,
  type ParsedDocumentNumber,
} from './document-number.js';
export {
  formatOrganizationCode,
  isOrganizationCode,
  knownLevel1Codes,
  organizationGroups,
  parseOrganizationCode,
  type KnownLevel1Code,
  type LenientOrganizationCode,
  type OrganizationCode,
  type OrganizationCodeOptions,
  type OrganizationGroup,
  type OrganizationLevel,
} from './organization-code.js';
export {
  edxmlPriorities,
  edxmlPriorityOf,
  getSecrecyLevel,
  getUrgencyLevel,
  secrecyLevelSchema,
  secrecyLevels,
  urgencyFromEdxmlPriority,
  urgencyLevelSchema,
  urgencyLevels,
  type EdxmlPriority,
  type SecrecyLevel,
  type SecrecyLevelInfo,
  type UrgencyLevel,
  type UrgencyLevelInfo,
} from './secrecy-urgency.js';
export {
  formatSignerTitle,
  getSigningAuthority,
  parseSignerTitle,
  signingAuthorities,
  signingAuthoritySchema,
  type SignerTitle,
  type SigningAuthority,
  type SigningAuthorityInfo,
} from './signing-authority.js';
export {
  DOCUMENT_REGISTER_FORMAT,
  advisoryBodySchema,
  cancelDocumentNumber,
  cancelNumberRequestSchema,
  createDocumentRegister,
  documentRegisterEntrySchema,
  documentRegisterOptionsSchema,
  documentRegisterSchema,
  issueDocumentNumber,
  issueNumberRequestSchema,
  peekDocumentNumber,
  verifyDocumentRegister,
  type AdvisoryBody,
  type CancelNumberRequest,
  type DocumentRegister,
  type DocumentRegisterEntry,
  type DocumentRegisterOptions,
  type IssueNumberRequest,
  type RegisterChange,
  type RegisterInstant,
} from './register.js';
export {
  getLawVersion,
  lawVersions,
  legalDocumentTypes,
  type LawVersion,
  type LawVersionId,
  type LegalDocumentTypeCatalog,
  type LegalDocumentTypeEntry,
} from './legal-document-types.js';
export {
  documentFileSchema,
  fileCodeSchema,
  incomingDocumentSchema,
  outgoingDocumentSchema,
  parseDocumentFile,
  parseIncomingDocument,
  parseOutgoingDocument,
  recipientSchema,
  signerInfoSchema,
  type DocumentFile,
  type FileCode,
  type IncomingDocument,
  type OutgoingDocument,
  type Recipient,
  type SignerInfo,
} from './metadata.js';
export {
  createDistributionPolicy,
  distributionChannelFor,
  distributionChannelSchema,
  distributionPolicySchema,
  giaoThuyDistributionPolicy2019,
  type DistributionChannel,
  type DistributionPolicy,
  type DistributionPolicyInput,
} from './distribution-policy.js';
