/**
 * The namespace of QCVN 102:2016/BTTTT edXML (specs/edxml.md §1, confirmed: VNPT library constants, every VPCP sample,
 * Bkav `EdXmlConstant.EDXML_URI`). Parsers match this URI plus the local name, never a prefix.
 *
 * @example
 * ```ts
 * EDXML_NAMESPACE; // 'http://www.mic.gov.vn/TBT/QCVN_102_2016'
 * ```
 */
export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/**
 * The older Bkav e-doc SOAP dialect's namespace (specs/edxml.md §1.1). Not accepted by VPCP; the reader refuses it
 * with `EDXML_NOT_EDXML` and says so.
 *
 * @example
 * ```ts
 * EDOC_NAMESPACE; // 'http://www.e-doc.vn/Schema/'
 * ```
 */
export const EDOC_NAMESPACE = 'http://www.e-doc.vn/Schema/';

/**
 * The XML-DSig namespace a correct envelope `Signature` is in (specs/edxml.md §4.2: 5 of 6 VPCP samples leave it in the
 * edXML namespace instead).
 *
 * @example
 * ```ts
 * XMLDSIG_NAMESPACE; // 'http://www.w3.org/2000/09/xmldsig#'
 * ```
 */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * The prefix the writer uses for the edXML namespace (`edXML`; specs/edxml.md §1: the prefix carries no meaning).
 *
 * @example
 * ```ts
 * EDXML_PREFIX; // 'edXML'
 * ```
 */
export const EDXML_PREFIX = 'edXML';

/** The namespace bound to `xml:` by the XML namespaces recommendation. @internal */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
/** The namespace of `xmlns` attributes. @internal */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
