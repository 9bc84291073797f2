/**
 * XML canonicalisation (chuẩn hóa XML): Canonical XML 1.0 (W3C REC 2001-03-15) and Exclusive XML Canonicalization
 * 1.0 (W3C REC 2002-07-18), with or without comments, over a whole document or over an element's subtree minus an
 * optional excluded subtree (the enveloped-signature transform). Works on {@link XDocument} from `xml-document.ts`.
 */
import { concatBytes } from '../bytes.js';
import { decodeXmlInput, parseXmlDocument, XML_NAMESPACE, type XDocument, type XElement, type XNode } from './xml-document.js';
import { xmlSignatureError } from './errors.js';

/**
 * Algorithm URIs of the canonicalisations (thuật toán chuẩn hóa; RFC 3275 / XMLDSig 1.1). C14N 1.1 is not supported.
 * @example
 * ```ts
 * canonicalizeXml(xml, { algorithm: C14N_ALGORITHMS.excC14n });
 * ```
 */
export const C14N_ALGORITHMS = {
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  c14nWithComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  excC14nWithComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
} as const;

/**
 * How to canonicalise (phương pháp chuẩn hóa).
 * @example
 * ```ts
 * const mode: CanonicalizationMode = { exclusive: true, withComments: false, inclusivePrefixes: ['edXML'] };
 * ```
 */
export interface CanonicalizationMode {
  /** Exclusive C14N (only visibly utilised namespaces) instead of inclusive C14N 1.0. */
  exclusive: boolean;
  withComments: boolean;
  /** Exclusive C14N InclusiveNamespaces PrefixList (`#default` for the default namespace). */
  inclusivePrefixes?: readonly string[];
}

/** Options of the internal canonicaliser. */
export interface CanonicalizeTarget {
  /** Subtree to canonicalise; the whole document when absent. */
  apex?: XElement;
  /** A subtree left out (enveloped-signature transform). */
  exclude?: XElement;
  /** Drop comments even in a WithComments mode (same-document references remove them, XMLDSig §4.4.3.3). */
  dropComments?: boolean;
}

function escapeText(s: string): string {
  if (!/[&<>\r]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

function escapeAttr(s: string): string {
  if (!/[&<"\t\n\r]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}

/** Code-point order (C14N sorts by UCS code points; UTF-16 order differs above U+D7FF). */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function pi(target: string, data: string): string {
  return data === '' ? `<?${target}?>` : `<?${target} ${data}?>`;
}

/**
 * Canonicalises a parsed document or a subtree of it into a string (encode with UTF-8 for digesting).
 * Internal: callers use {@link canonicalizeXml} or the signature functions.
 */
export function canonicalizeNodes(doc: XDocument, mode: CanonicalizationMode, target: CanonicalizeTarget = {}): string {
  return canonicalParts(doc, mode, target).join('');
}

/**
 * The same as UTF-8 bytes. Large text parts are encoded on their own and the small ones in batches: joining a
 * megabyte of sliced text into one string first costs several times more than the encoding itself.
 */
export function canonicalBytes(doc: XDocument, mode: CanonicalizationMode, target: CanonicalizeTarget = {}): Uint8Array<ArrayBuffer> {
  const parts = canonicalParts(doc, mode, target);
  const encoder = new TextEncoder();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let batch: string[] = [];
  for (const p of parts) {
    if (p.length > 4096) {
      if (batch.length) chunks.push(encoder.encode(batch.join('')));
      batch = [];
      chunks.push(encoder.encode(p));
    } else batch.push(p);
  }
  if (batch.length) chunks.push(encoder.encode(batch.join('')));
  return chunks.length === 1 ? chunks[0]! : concatBytes(chunks);
}

function canonicalParts(doc: XDocument, mode: CanonicalizationMode, target: CanonicalizeTarget): string[] {
  const comments = mode.withComments && !target.dropComments;
  const parts: string[] = [];
  const inclusive = new Set(mode.inclusivePrefixes?.map((p) => (p === '#default' ? '' : p)) ?? []);

  const element = (el: XElement, rendered: ReadonlyMap<string, string>, isApex: boolean): void => {
    // namespace declarations to render
    const out: [string, string][] = [];
    let next: Map<string, string> | undefined;
    const consider = (prefix: string, uri: string): void => {
      const current = rendered.get(prefix) ?? (prefix === '' ? '' : undefined);
      if (current === uri) return;
      if (prefix !== '' && uri === '') return;
      out.push([prefix, uri]);
      next ??= new Map(rendered);
      next.set(prefix, uri);
    };
    if (!mode.exclusive) {
      for (const [prefix, uri] of el.scope) if (prefix !== 'xml') consider(prefix, uri);
    } else {
      const used = new Set<string>([el.prefix]);
      for (const a of el.attrs) if (a.prefix !== '') used.add(a.prefix);
      for (const p of inclusive) if (el.scope.has(p)) used.add(p);
      used.delete('xml');
      for (const p of used) consider(p, el.scope.get(p) ?? '');
    }
    out.sort((a, b) => compareCodePoints(a[0], b[0]));
    // attributes (inclusive C14N 1.0 inherits xml:* attributes of omitted ancestors onto the apex)
    let attrs = el.attrs;
    if (isApex && !mode.exclusive && el.parent) {
      const have = new Set(attrs.filter((a) => a.ns === XML_NAMESPACE).map((a) => a.local));
      const extra = [];
      for (let p: XElement | undefined = el.parent; p; p = p.parent) {
        for (const a of p.attrs) if (a.ns === XML_NAMESPACE && !have.has(a.local)) {
          have.add(a.local);
          extra.push(a);
        }
      }
      if (extra.length) attrs = [...attrs, ...extra];
    }
    const sorted = attrs.length > 1
      ? [...attrs].sort((a, b) => compareCodePoints(a.ns, b.ns) || compareCodePoints(a.local, b.local))
      : attrs;
    let s = `<${el.qname}`;
    for (const [p, u] of out) s += p === '' ? ` xmlns="${escapeAttr(u)}"` : ` xmlns:${p}="${escapeAttr(u)}"`;
    for (const a of sorted) s += ` ${a.qname}="${escapeAttr(a.value)}"`;
    parts.push(`${s}>`);
    const r = next ?? rendered;
    for (const c of el.children) child(c, r);
    parts.push(`</${el.qname}>`);
  };

  const child = (c: XNode, rendered: ReadonlyMap<string, string>): void => {
    switch (c.kind) {
      case 'element':
        if (c !== target.exclude) element(c, rendered, false);
        return;
      case 'text':
        parts.push(escapeText(c.value));
        return;
      case 'comment':
        if (comments) parts.push(`<!--${c.value}-->`);
        return;
      case 'pi':
        parts.push(pi(c.target, c.data));
    }
  };

  const empty = new Map<string, string>();
  if (target.apex) {
    if (target.apex !== target.exclude) element(target.apex, empty, true);
    return parts;
  }
  for (const m of doc.prolog) {
    if (m.kind === 'comment' && !comments) continue;
    parts.push(m.kind === 'comment' ? `<!--${m.value}-->` : pi(m.target, m.data), '\n');
  }
  if (doc.root !== target.exclude) element(doc.root, empty, true);
  for (const m of doc.epilog) {
    if (m.kind === 'comment' && !comments) continue;
    parts.push('\n', m.kind === 'comment' ? `<!--${m.value}-->` : pi(m.target, m.data));
  }
  return parts;
}

/** Maps an algorithm URI to a mode; undefined for anything else. */
export function canonicalizationMode(uri: string, inclusivePrefixes?: readonly string[]): CanonicalizationMode | undefined {
  switch (uri) {
    case C14N_ALGORITHMS.c14n: return { exclusive: false, withComments: false };
    case C14N_ALGORITHMS.c14nWithComments: return { exclusive: false, withComments: true };
    case C14N_ALGORITHMS.excC14n: return { exclusive: true, withComments: false, ...(inclusivePrefixes ? { inclusivePrefixes } : {}) };
    case C14N_ALGORITHMS.excC14nWithComments: return { exclusive: true, withComments: true, ...(inclusivePrefixes ? { inclusivePrefixes } : {}) };
    default: return undefined;
  }
}

/**
 * Options of {@link canonicalizeXml}.
 * @example
 * ```ts
 * const options: CanonicalizeXmlOptions = { algorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#', inclusivePrefixes: ['edXML'] };
 * ```
 */
export interface CanonicalizeXmlOptions {
  /** One of {@link C14N_ALGORITHMS}; default inclusive C14N 1.0 without comments. */
  algorithm?: string;
  /** Exclusive C14N only: the InclusiveNamespaces PrefixList. */
  inclusivePrefixes?: readonly string[];
  /**
   * Canonicalise the subtree of the first element with this local name (and namespace, when given) instead of the
   * whole document; ancestors' namespaces are inherited as the specifications require.
   */
  subtree?: { localName: string; namespace?: string };
}

/**
 * Canonicalises an XML document (chuẩn hóa XML) with Canonical XML 1.0 or Exclusive C14N 1.0, with or without
 * comments, into UTF-8 bytes. No DTD or entity is processed: a DOCTYPE throws `XML_SIGNATURE_DTD_FORBIDDEN`.
 *
 * @throws VnEgovError `XML_SIGNATURE_MALFORMED_XML`, `XML_SIGNATURE_DTD_FORBIDDEN`, `XML_SIGNATURE_ENTITY_FORBIDDEN`,
 *   `XML_SIGNATURE_LIMIT_EXCEEDED`, `XML_SIGNATURE_INVALID_OPTIONS` (unknown algorithm, subtree not found).
 * @example
 * ```ts
 * import { canonicalizeXml, C14N_ALGORITHMS } from 'vn-egov/signature';
 * const bytes = canonicalizeXml('<a b="1"   a="2"/>', { algorithm: C14N_ALGORITHMS.c14n });
 * new TextDecoder().decode(bytes); // '<a a="2" b="1"></a>'
 * ```
 */
export function canonicalizeXml(xml: string | Uint8Array | ArrayBuffer, options: CanonicalizeXmlOptions = {}): Uint8Array {
  const mode = canonicalizationMode(options.algorithm ?? C14N_ALGORITHMS.c14n, options.inclusivePrefixes);
  if (!mode) throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Thuật toán chuẩn hóa không được hỗ trợ', `unsupported canonicalization algorithm ${String(options.algorithm)}`);
  const doc = parseXmlDocument(decodeXmlInput(xml));
  let apex: XElement | undefined;
  if (options.subtree) {
    const { localName, namespace } = options.subtree;
    apex = doc.elements.find((e) => e.local === localName && (namespace === undefined || e.ns === namespace));
    if (!apex) throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Không tìm thấy phần tử cần chuẩn hóa', `no element ${localName}`);
  }
  return canonicalBytes(doc, mode, apex ? { apex } : {});
}
