/**
 * `vn-egov/signature` part 1: X.509 certificates (chứng thư số) with Vietnamese identifiers, the bundled Vietnamese
 * trust anchors, trust stores, RFC 5280 path building and validation, CRL / OCSP revocation, validation policies and
 * ETSI EN 319 102-1 style reports. Runs in Node and browsers (WebCrypto only).
 * @packageDocumentation
 */
export type { SignatureErrorCode } from './errors.js';
export { decodePem, encodePem, type PemBlock } from './pem.js';
export {
  parseCertificate, namesMatch, EXTENDED_KEY_USAGES, KEY_USAGE_BITS,
  type ParsedCertificate, type DistinguishedName, type CertificateExtensions, type KeyUsageName, type DistributionPoint,
  type GeneralSubtree, type CertificateInput, type GeneralName, type GeneralNameType, type NameAttribute,
  type PublicKeyInfo, type SignatureAlgorithmInfo,
} from './certificate.js';
export { parseCertificates } from './certificate-bundle.js';
export { extractVnIdentifiers, type VnCertificateInfo, type VnHierarchy, type VnOtherIdentifier } from './vn-identifiers.js';
export { vietnameseTrustAnchors, type BundledTrustAnchor } from './trust-anchors.js';
export {
  createTrustStore, addTrustAnchors, removeTrustAnchors,
  type TrustStore, type TrustStoreOptions, type TrustAnchorEntry, type TrustAnchorInput,
} from './trust-store.js';
export { parseCrl, type ParsedCrl, type CrlEntry, type CrlInput, type RevocationReason } from './crl.js';
export type { OcspInput } from './ocsp.js';
export {
  vietnameseEgovPolicy, strictRfc5280Policy, defineValidationPolicy, validationPolicySchema, checkLevelSchema,
  checkIdSchema, digestRuleSchema, keyRuleSchema,
  type ValidationPolicy, type CheckLevel, type CheckId, type DigestRule, type KeyRule,
} from './validation-policy.js';
export type {
  CertificateValidationReport, CheckResult, CheckStatus, MainIndication, SubIndication, LocalizedMessage,
  PathCertificate, RevocationStatus,
} from './report.js';
export { createValidationCache, type ValidationCache } from './signature-verification.js';
export {
  validateCertificatePath, type CertificatePathValidationOptions, type FetchHook, type FetchRequest,
} from './certificate-validation.js';
export type { CmsErrorCode } from './cms/errors.js';
export {
  verifyCms,
  type CmsInput, type CmsVerificationOptions, type CmsVerificationReport, type CmsSignerReport, type CmsSignerSummary,
  type CmsCheck, type CmsCheckId,
} from './cms/verify.js';
export { signCms, type SignCmsOptions, type SignCmsHash, type CmsAttributeInput } from './cms/sign.js';
export type { XmlSignatureErrorCode, XmlSignatureFindingCode } from './xml/errors.js';
export { canonicalizeXml, C14N_ALGORITHMS, type CanonicalizeXmlOptions, type CanonicalizationMode } from './xml/canonicalize.js';
export { XMLDSIG_ALGORITHMS } from './xml/xml-algorithms.js';
export {
  verifyXmlSignature,
  type XmlSignatureVerificationOptions, type XmlSignatureReport, type XmlSignatureCheck, type XmlSignatureCheckId,
  type XmlSignatureFinding, type XmlSignerSummary,
} from './xml/verify-xml-signature.js';
export { signEdxml, type SignEdxmlOptions } from './xml/sign-edxml.js';
export type { TimestampErrorCode } from './timestamp/errors.js';
export {
  verifyTimestamp,
  type TimestampInput, type TimestampVerificationOptions, type TimestampVerificationReport, type TimestampCheck, type TimestampCheckId,
} from './timestamp/verify-timestamp.js';
export type { PdfErrorCode } from './pdf/errors.js';
export { DEFAULT_PDF_LIMITS, type PdfLimits } from './pdf/lexer.js';
export type { PdfChangeKind, PdfModification } from './pdf/modifications.js';
export {
  verifyPdf,
  type PdfVerificationOptions, type PdfVerificationReport, type PdfSignatureReport, type PdfCheck, type PdfCheckId,
  type Nd30Placement,
} from './pdf/verify.js';
export { signPdf, type SignPdfOptions } from './pdf/sign.js';
export {
  verifyDocument, detectDocumentKind,
  type DocumentInput, type DocumentKind, type DocumentVerificationOptions, type DocumentVerificationReport,
  type DocumentSignature, type DocumentFinding,
} from './verify-document.js';
export type { HashName, SignatureFamily, PublicKeyAlgorithm } from './algorithms.js';
export type { VerifyOutcome } from './signature-verification.js';
export type { XmlLimits } from './xml/xml-document.js';
export type { ContentDigest } from './cms/signer.js';
