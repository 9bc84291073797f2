/**
 * Error and finding codes of XML signatures (chữ ký số XML): `verifyXmlSignature`, `signEdxml` and the
 * canonicalisation they share. Only unusable input throws; a well-formed document whose signature is bad, forged,
 * wrapped or legacy gives a report with findings.
 */
import { VnEgovError, type VnEgovIssue } from '../../errors/index.js';

/**
 * Stable error codes thrown by the XML signature functions (switch on `VnEgovError.code`).
 *
 * - `XML_SIGNATURE_INVALID_INPUT_TYPE`: the document is neither a string nor a `Uint8Array` / `ArrayBuffer`.
 * - `XML_SIGNATURE_INVALID_OPTIONS`: options that fail their checks (missing trust store, bad `at`, bad key…).
 * - `XML_SIGNATURE_MALFORMED_XML`: text that is not well-formed namespace-aware XML 1.0 (or not UTF-8).
 * - `XML_SIGNATURE_DTD_FORBIDDEN`: a `<!DOCTYPE …>` (DTDs and their entities are never processed).
 * - `XML_SIGNATURE_ENTITY_FORBIDDEN`: an entity reference other than the five predefined ones and character references.
 * - `XML_SIGNATURE_LIMIT_EXCEEDED`: input size, nesting depth, node or attribute count above the bounds.
 * - `XML_SIGNATURE_NOT_FOUND`: `verifyXmlSignature` on a document without any `Signature` element (an unsigned
 *   envelope is a state: check `parseEdxml(xml).signature.state` first).
 * - `XML_SIGNATURE_ALREADY_SIGNED`: `signEdxml` on a document that already holds a `Signature`.
 * - `XML_SIGNATURE_SIGNING_FAILED`: the key cannot sign (wrong usage, unsupported algorithm, WebCrypto refused).
 * @example
 * ```ts
 * try { await verifyXmlSignature(xml, { trustStore }); }
 * catch (e) { if (isVnEgovError<XmlSignatureErrorCode>(e, 'XML_SIGNATURE_DTD_FORBIDDEN')) console.log(e.message); }
 * ```
 */
export type XmlSignatureErrorCode =
  | 'XML_SIGNATURE_INVALID_INPUT_TYPE'
  | 'XML_SIGNATURE_INVALID_OPTIONS'
  | 'XML_SIGNATURE_MALFORMED_XML'
  | 'XML_SIGNATURE_DTD_FORBIDDEN'
  | 'XML_SIGNATURE_ENTITY_FORBIDDEN'
  | 'XML_SIGNATURE_LIMIT_EXCEEDED'
  | 'XML_SIGNATURE_NOT_FOUND'
  | 'XML_SIGNATURE_ALREADY_SIGNED'
  | 'XML_SIGNATURE_SIGNING_FAILED';

/**
 * Stable codes of the findings of an XML signature report (phát hiện trong báo cáo), each with a Vietnamese and an
 * English message in the report.
 *
 * - `XML_SIGNATURE_LEGACY_EDXML`: the `Signature` element is in the edXML namespace, not the xmldsig one (5 of 6
 *   VPCP samples): "chữ ký edXML kiểu cũ, không kiểm tra được" unless `legacy: true`.
 * - `XML_SIGNATURE_LEGACY_ALGORITHM`: a legacy-only algorithm (rsa-sha1, the misspelt exclusive C14N URI of the
 *   samples) was accepted under `legacy: true`.
 * - `XML_SIGNATURE_SHA1`: SHA-1 is used (digest or signature); the policy decides.
 * - `XML_SIGNATURE_MULTIPLE`: more than one `Signature` element (or one in each namespace).
 * - `XML_SIGNATURE_SIGNED_INFO`: not exactly one `SignedInfo` in the document.
 * - `XML_SIGNATURE_STRUCTURE`: unexpected elements, text or order inside the `Signature`.
 * - `XML_SIGNATURE_REFERENCE_COUNT`: not exactly one `Reference`.
 * - `XML_SIGNATURE_REFERENCE_NOT_ROOT`: a Reference to anything but the document root (`URI=""` or the root's ID).
 * - `XML_SIGNATURE_DUPLICATE_ID`: two elements carry the same `Id` / `ID` / `id` value.
 * - `XML_SIGNATURE_TRANSFORM_FORBIDDEN`: a transform outside the allow-list (XSLT, XPath…) or a missing enveloped one.
 * - `XML_SIGNATURE_ALGORITHM_UNSUPPORTED`: a canonicalisation, digest or signature algorithm outside the allow-list.
 * - `XML_SIGNATURE_VALUE_NODES`: a comment, processing instruction or element inside `DigestValue` / `SignatureValue`.
 * - `XML_SIGNATURE_BASE64`: `DigestValue` / `SignatureValue` / `X509Certificate` is not valid base64.
 * - `XML_SIGNATURE_NO_CERTIFICATE`: no usable signer certificate (none, truncated, ambiguous).
 * - `XML_SIGNATURE_POSITION`: the Signature is not the last child of `edXMLHeader` (information).
 * @example
 * ```ts
 * if (report.findings.some((f) => f.code === ('XML_SIGNATURE_LEGACY_EDXML' satisfies XmlSignatureFindingCode))) warn();
 * ```
 */
export type XmlSignatureFindingCode =
  | 'XML_SIGNATURE_LEGACY_EDXML'
  | 'XML_SIGNATURE_LEGACY_ALGORITHM'
  | 'XML_SIGNATURE_SHA1'
  | 'XML_SIGNATURE_MULTIPLE'
  | 'XML_SIGNATURE_SIGNED_INFO'
  | 'XML_SIGNATURE_STRUCTURE'
  | 'XML_SIGNATURE_REFERENCE_COUNT'
  | 'XML_SIGNATURE_REFERENCE_NOT_ROOT'
  | 'XML_SIGNATURE_DUPLICATE_ID'
  | 'XML_SIGNATURE_TRANSFORM_FORBIDDEN'
  | 'XML_SIGNATURE_ALGORITHM_UNSUPPORTED'
  | 'XML_SIGNATURE_VALUE_NODES'
  | 'XML_SIGNATURE_BASE64'
  | 'XML_SIGNATURE_NO_CERTIFICATE'
  | 'XML_SIGNATURE_POSITION';

/** Builds a bilingual {@link VnEgovError} (Vietnamese first, then English). Internal. */
export function xmlSignatureError(
  code: XmlSignatureErrorCode,
  vi: string,
  en: string,
  options: { issues?: readonly VnEgovIssue[]; cause?: unknown } = {},
): VnEgovError<XmlSignatureErrorCode> {
  return new VnEgovError(code, `${vi} (${en})`, options);
}
