/**
 * Reads the parts of one XMLDSig `Signature` element strictly (cấu trúc phần tử chữ ký): the child order of
 * XMLDSig 1.1 §4, value elements that hold only text, base64 that is base64. Internal.
 */
import type { LocalizedMessage } from '../report.js';
import type { XmlSignatureFindingCode } from './errors.js';
import { EXC_C14N_NS } from './xml-algorithms.js';
import type { XElement } from './xml-document.js';

export interface SignatureParts {
  signedInfo: XElement;
  canonicalization: { uri: string; prefixes?: string[] };
  signatureMethod: string;
  reference: {
    element: XElement;
    uri: string | undefined;
    transforms: { uri: string; prefixes?: string[] }[];
    digestMethod: string;
    digestValue: string;
  };
  signatureValue: string;
  keyInfo?: XElement;
  /** Base64 text of every KeyInfo/X509Data/X509Certificate. */
  certificates: string[];
}

export class StructureProblem extends Error {
  constructor(readonly code: XmlSignatureFindingCode, readonly text: LocalizedMessage) {
    super(text.en);
  }
}

function problem(code: XmlSignatureFindingCode, vi: string, en: string): never {
  throw new StructureProblem(code, { vi, en });
}

/** Element children; anything else must be white space, a comment or a PI. */
function elementChildren(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) {
    if (c.kind === 'element') out.push(c);
    else if (c.kind === 'text' && !/^[ \t\n]*$/.test(c.value)) {
      problem('XML_SIGNATURE_STRUCTURE', `Phần tử ${el.local} chứa văn bản không mong đợi`, `unexpected text inside ${el.local}`);
    }
  }
  return out;
}

function algorithmOf(el: XElement): string {
  const a = el.attrs.find((x) => x.local === 'Algorithm' && x.ns === '');
  if (!a) problem('XML_SIGNATURE_STRUCTURE', `Phần tử ${el.local} thiếu thuộc tính Algorithm`, `${el.local} has no Algorithm attribute`);
  return a.value;
}

/** Text content of DigestValue / SignatureValue / X509Certificate: text nodes only. */
export function valueText(el: XElement): string {
  let s = '';
  for (const c of el.children) {
    if (c.kind !== 'text') {
      problem('XML_SIGNATURE_VALUE_NODES', `Phần tử ${el.local} chứa chú thích, chỉ thị xử lý hoặc phần tử con`, `${el.local} contains a comment, processing instruction or element`);
    }
    s += c.value;
  }
  return s;
}

function prefixList(el: XElement, uri: string): string[] | undefined {
  const kids = elementChildren(el);
  if (kids.length === 0) return undefined;
  const isExc = uri.startsWith('http://www.w3.org/2001/10/xml-exc-c14n#');
  // parameters of a transform outside the allow-list (XPath, XSLT…) are left to the allow-list check
  if (!isExc && !uri.startsWith('http://www.w3.org/TR/2001/REC-xml-c14n') && !uri.startsWith('http://www.w3.org/2000/09/xmldsig#')) return undefined;
  const k = kids[0]!;
  if (kids.length > 1 || !isExc || k.local !== 'InclusiveNamespaces' || k.ns !== EXC_C14N_NS) {
    problem('XML_SIGNATURE_STRUCTURE', `Tham số không mong đợi trong ${el.local}`, `unexpected parameters inside ${el.local}`);
  }
  const list = k.attrs.find((a) => a.local === 'PrefixList' && a.ns === '')?.value ?? '';
  return list.split(/[ \t\n]+/).filter((p) => p !== '');
}

function expect(list: XElement[], i: number, local: string, ns: string, parent: string): XElement {
  const el = list[i];
  if (!el || el.local !== local || el.ns !== ns) {
    problem('XML_SIGNATURE_STRUCTURE', `Thiếu hoặc sai thứ tự phần tử ${local} trong ${parent}`, `${local} expected at position ${i + 1} of ${parent}`);
  }
  return el;
}

/** Strict, ordered read of a Signature element whose children live in `sig.ns`. Throws StructureProblem. */
export function readSignatureParts(sig: XElement): SignatureParts {
  const ns = sig.ns;
  const top = elementChildren(sig);
  const signedInfo = expect(top, 0, 'SignedInfo', ns, 'Signature');
  const sv = expect(top, 1, 'SignatureValue', ns, 'Signature');
  let k = 2;
  let keyInfo: XElement | undefined;
  if (top[k]?.local === 'KeyInfo' && top[k]?.ns === ns) keyInfo = top[k++];
  // an Object is never covered by a root-only enveloped Reference: unsigned content inside the envelope (and the
  // usual hiding place of wrapping attacks), so it is refused
  const extra = top[k];
  if (extra) {
    problem('XML_SIGNATURE_STRUCTURE', `Phần tử ${extra.local} trong Signature không được ký (không chấp nhận)`, `unexpected ${extra.local} inside Signature (not covered by the signature)`);
  }
  const si = elementChildren(signedInfo);
  const cm = expect(si, 0, 'CanonicalizationMethod', ns, 'SignedInfo');
  const sm = expect(si, 1, 'SignatureMethod', ns, 'SignedInfo');
  if (elementChildren(sm).length) problem('XML_SIGNATURE_STRUCTURE', 'SignatureMethod có tham số không được hỗ trợ', 'SignatureMethod parameters (e.g. HMACOutputLength) are not supported');
  const refs = si.slice(2);
  if (refs.some((r) => r.local !== 'Reference' || r.ns !== ns)) {
    problem('XML_SIGNATURE_STRUCTURE', 'SignedInfo chứa phần tử không phải Reference', 'SignedInfo holds an element other than Reference');
  }
  if (refs.length !== 1) {
    problem('XML_SIGNATURE_REFERENCE_COUNT', `SignedInfo phải có đúng một Reference (có ${refs.length})`, `exactly one Reference is required (found ${refs.length})`);
  }
  const ref = refs[0]!;
  const rk = elementChildren(ref);
  let j = 0;
  const transforms: { uri: string; prefixes?: string[] }[] = [];
  if (rk[0]?.local === 'Transforms' && rk[0].ns === ns) {
    const ts = elementChildren(rk[0]);
    if (ts.length === 0) problem('XML_SIGNATURE_STRUCTURE', 'Transforms rỗng', 'empty Transforms');
    for (const t of ts) {
      if (t.local !== 'Transform' || t.ns !== ns) problem('XML_SIGNATURE_STRUCTURE', 'Transforms chứa phần tử không phải Transform', 'Transforms holds an element other than Transform');
      const uri = algorithmOf(t);
      const prefixes = prefixList(t, uri);
      transforms.push(prefixes ? { uri, prefixes } : { uri });
    }
    j = 1;
  }
  const dm = expect(rk, j, 'DigestMethod', ns, 'Reference');
  const dv = expect(rk, j + 1, 'DigestValue', ns, 'Reference');
  if (rk.length !== j + 2) problem('XML_SIGNATURE_STRUCTURE', 'Reference chứa phần tử thừa', 'unexpected element inside Reference');
  if (elementChildren(dm).length) problem('XML_SIGNATURE_STRUCTURE', 'DigestMethod có tham số', 'DigestMethod parameters are not supported');
  const certificates: string[] = [];
  if (keyInfo) {
    for (const x of elementChildren(keyInfo)) {
      if (x.local !== 'X509Data' || x.ns !== ns) continue;
      for (const c of elementChildren(x)) if (c.local === 'X509Certificate' && c.ns === ns) certificates.push(valueText(c));
    }
  }
  const cmUri = algorithmOf(cm);
  const cmPrefixes = prefixList(cm, cmUri);
  const uriAttr = ref.attrs.find((a) => a.local === 'URI' && a.ns === '');
  return {
    signedInfo,
    canonicalization: cmPrefixes ? { uri: cmUri, prefixes: cmPrefixes } : { uri: cmUri },
    signatureMethod: algorithmOf(sm),
    reference: { element: ref, uri: uriAttr?.value, transforms, digestMethod: algorithmOf(dm), digestValue: valueText(dv) },
    signatureValue: valueText(sv),
    ...(keyInfo ? { keyInfo } : {}),
    certificates,
  };
}

/** Strict base64 (white space allowed between characters); undefined when malformed. */
export function strictBase64(text: string): string | undefined {
  const s = text.replace(/[ \t\n\r]+/g, '');
  if (s.length === 0 || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return undefined;
  return s;
}
