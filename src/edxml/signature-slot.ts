import { XMLDSIG_NAMESPACE } from './namespaces.js';
import type { XmlElement } from './xml-tree.js';

/**
 * One `Reference` of the envelope signature's `SignedInfo`.
 *
 * @example
 * ```ts
 * const r: EnvelopeSignatureReference = { uri: '', transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature'],
 *   digestMethod: 'http://www.w3.org/2000/09/xmldsig#sha1', digestValue: 'FwgI…' };
 * ```
 */
export interface EnvelopeSignatureReference {
  readonly uri: string | null;
  readonly transforms: readonly string[];
  readonly digestMethod: string | null;
  readonly digestValue: string | null;
}

/**
 * The envelope `Signature` slot (specs/edxml.md §4), described, not verified: the signature module verifies it.
 * An unsigned envelope is the state `{ state: 'unsigned' }`, not an error.
 *
 * @example
 * ```ts
 * const s = parseEdxml(xml).signature;
 * if (s.state === 'present' && !s.inXmldsigNamespace) console.log('legacy edXML signature (edXML namespace)');
 * ```
 */
export type EnvelopeSignature =
  | { readonly state: 'unsigned' }
  | {
      readonly state: 'present';
      /** The element's text as it appears in the envelope (not canonicalised; verify against the original bytes). */
      readonly raw: string;
      /** Namespace of the `Signature` element (5 of 6 VPCP samples leave it in the edXML namespace, §4.2). */
      readonly namespace: string | null;
      readonly inXmldsigNamespace: boolean;
      readonly canonicalizationMethod: string | null;
      readonly signatureMethod: string | null;
      readonly references: readonly EnvelopeSignatureReference[];
      readonly hasSignatureValue: boolean;
      readonly x509SubjectNames: readonly string[];
      /** Base64 DER certificates as written (the samples' are truncated). */
      readonly x509Certificates: readonly string[];
      /** `rsa-sha1` or a SHA-1 digest is used (past the 2012-08-01 sunset of EU DSS, specs/signatures.md §3.5). */
      readonly usesSha1: boolean;
    };

function kids(el: XmlElement | undefined, local: string): XmlElement[] {
  return el === undefined ? [] : el.children.filter((c) => c.local === local && c.ns === el.ns);
}
function algorithm(el: XmlElement | undefined): string | null {
  return el?.attributes.find((a) => a.local === 'Algorithm' && a.ns === null)?.value ?? null;
}

/** @internal Describes a `Signature` element. */
export function describeSignature(el: XmlElement | undefined, envelopeText: string): EnvelopeSignature {
  if (el === undefined) return { state: 'unsigned' };
  const signedInfo = kids(el, 'SignedInfo')[0];
  const references = kids(signedInfo, 'Reference').map((r) => ({
    uri: r.attributes.find((a) => a.local === 'URI' && a.ns === null)?.value ?? null,
    transforms: kids(kids(r, 'Transforms')[0], 'Transform').map((t) => algorithm(t) ?? ''),
    digestMethod: algorithm(kids(r, 'DigestMethod')[0]),
    digestValue: kids(r, 'DigestValue')[0]?.text.trim() ?? null,
  }));
  const x509 = kids(kids(el, 'KeyInfo')[0], 'X509Data');
  const signatureMethod = algorithm(kids(signedInfo, 'SignatureMethod')[0]);
  return {
    state: 'present',
    raw: el.start >= 0 && el.end > el.start ? envelopeText.slice(el.start, el.end) : '',
    namespace: el.ns,
    inXmldsigNamespace: el.ns === XMLDSIG_NAMESPACE,
    canonicalizationMethod: algorithm(kids(signedInfo, 'CanonicalizationMethod')[0]),
    signatureMethod,
    references,
    hasSignatureValue: kids(el, 'SignatureValue').some((v) => v.text.trim() !== ''),
    x509SubjectNames: x509.flatMap((x) => kids(x, 'X509SubjectName').map((n) => n.text.trim())),
    x509Certificates: x509.flatMap((x) => kids(x, 'X509Certificate').map((n) => n.text.replace(/\s+/g, ''))),
    usesSha1: /sha1$/i.test(signatureMethod ?? '') || references.some((r) => /sha1$/i.test(r.digestMethod ?? '')),
  };
}
