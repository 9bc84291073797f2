/**
 * A small, bounded, namespace-aware XML 1.0 reader that keeps what canonicalisation needs and nothing more
 * (bộ đọc XML cho chữ ký số): namespace declarations and attributes in source order with their values, text,
 * comments and processing instructions, and source offsets. Fail closed: no DTD (a `<!DOCTYPE` throws), no entities
 * other than the five predefined ones and character references, bounded size, depth, nodes and attributes.
 * Line ends are normalised (CR LF and lone CR → LF) before parsing, as XML 1.0 §2.11 requires. Internal.
 */
import { xmlSignatureError } from './errors.js';

/** The XML namespace, bound to the `xml` prefix. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/**
 * Bounds of the XML reader of `verifyXmlSignature` (giới hạn của bộ đọc XML).
 * @example
 * ```ts
 * const limits: Partial<XmlLimits> = { maxDepth: 32 };
 * ```
 */
export interface XmlLimits {
  /** Characters of the input. Default 64 MiB. */
  maxInputLength: number;
  /** Element nesting depth. Default 64. */
  maxDepth: number;
  /** Elements, texts, comments and PIs. Default 500 000. */
  maxNodes: number;
  /** Attributes (declarations included) on one element. Default 64. */
  maxAttributes: number;
}

/** In-scope namespace bindings of one element (real documents use a handful). */
const MAX_NAMESPACES_IN_SCOPE = 128;

export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxInputLength: 64 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 500_000,
  maxAttributes: 64,
});

export interface XAttribute {
  qname: string;
  prefix: string;
  local: string;
  /** Namespace URI; '' for none. */
  ns: string;
  value: string;
}

export interface XNamespaceDecl {
  /** '' for the default namespace. */
  prefix: string;
  uri: string;
}

export interface XElement {
  kind: 'element';
  qname: string;
  prefix: string;
  local: string;
  /** Namespace URI; '' for none. */
  ns: string;
  decls: XNamespaceDecl[];
  attrs: XAttribute[];
  children: XNode[];
  parent: XElement | undefined;
  /** In-scope namespaces, prefix → URI ('' = default; an empty URI means no default namespace). */
  scope: ReadonlyMap<string, string>;
  /** Offsets in the normalised text: start of `<`, end after `>` of the end tag, start of the end tag (`</`). */
  start: number;
  end: number;
  closeStart: number;
  selfClosing: boolean;
  depth: number;
}

export interface XText {
  kind: 'text';
  value: string;
  /** Whether it came (in part) from a CDATA section. */
  cdata: boolean;
}

export interface XComment {
  kind: 'comment';
  value: string;
}

export interface XPi {
  kind: 'pi';
  target: string;
  data: string;
}

export type XNode = XElement | XText | XComment | XPi;

export interface XDocument {
  /** The normalised text (line ends LF, BOM and nothing else removed). */
  text: string;
  /** Comments and PIs before the root element. */
  prolog: (XComment | XPi)[];
  root: XElement;
  /** Comments and PIs after the root element. */
  epilog: (XComment | XPi)[];
  /** Every element in document order. */
  elements: XElement[];
}

function isNameStart(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
  return (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2ff) || (c >= 0x370 && c <= 0x37d)
    || (c >= 0x37f && c <= 0x1fff) || c === 0x200c || c === 0x200d || (c >= 0x2070 && c <= 0x218f) || (c >= 0x2c00 && c <= 0x2fef)
    || (c >= 0x3001 && c <= 0xdbff) || (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd);
}
function isNameChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x3a || c === 0x2d || c === 0x2e;
  return isNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040 || (c >= 0xdc00 && c <= 0xdfff);
}
/** Fast pre-check: a control character, a non-character or any surrogate (then the exact check runs). */
const SUSPECT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function malformed(en: string, at: number): never {
  throw xmlSignatureError('XML_SIGNATURE_MALFORMED_XML', 'Tài liệu XML không đúng cú pháp', `${en} at offset ${at}`);
}

function limit(what: string, max: number): never {
  throw xmlSignatureError('XML_SIGNATURE_LIMIT_EXCEEDED', `Tài liệu XML vượt giới hạn (${what})`, `XML exceeds the ${what} limit of ${max}`,
    { issues: [{ code: 'limit', path: [what], message: `limit ${max}` }] });
}

/** Decodes bytes (UTF-8 only, BOM allowed) or takes a string. */
export function decodeXmlInput(input: unknown): string {
  if (typeof input === 'string') return input;
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else throw xmlSignatureError('XML_SIGNATURE_INVALID_INPUT_TYPE', 'Kiểu dữ liệu XML không được hỗ trợ', 'the XML document must be a string, Uint8Array or ArrayBuffer');
  if (bytes.length >= 2 && ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))) {
    throw xmlSignatureError('XML_SIGNATURE_MALFORMED_XML', 'Chỉ hỗ trợ XML mã hóa UTF-8', 'only UTF-8 XML is supported (UTF-16 BOM found)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw xmlSignatureError('XML_SIGNATURE_MALFORMED_XML', 'Tài liệu XML không phải UTF-8 hợp lệ', 'the XML document is not valid UTF-8', { cause: e });
  }
}

function decodeCharRef(body: string, at: number): string {
  const hex = body[1] === 'x';
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9A-Fa-f]{1,8}$/ : /^[0-9]{1,9}$/).test(digits)) malformed('bad character reference', at);
  const cp = parseInt(digits, hex ? 16 : 10);
  const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
  if (!ok) malformed('character reference to a character outside XML 1.0', at);
  return String.fromCodePoint(cp);
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Expands references in `raw` (text or attribute value); `attr` also normalises literal white space to spaces. */
function expand(raw: string, at: number, attr: boolean): string {
  if (raw.indexOf('&') < 0) return attr ? raw.replace(/[\t\n]/g, ' ') : raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    const chunk = amp < 0 ? raw.slice(i) : raw.slice(i, amp);
    out += attr ? chunk.replace(/[\t\n]/g, ' ') : chunk;
    if (amp < 0) break;
    const semi = raw.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) malformed('unterminated reference', at + amp);
    const body = raw.slice(amp + 1, semi);
    if (body[0] === '#') out += decodeCharRef(body, at + amp);
    else {
      const v = PREDEFINED[body];
      if (v === undefined) {
        throw xmlSignatureError('XML_SIGNATURE_ENTITY_FORBIDDEN', 'Tham chiếu thực thể không được phép', `entity reference &${body.slice(0, 40)}; is not allowed (only the five predefined entities and character references)`);
      }
      out += v;
    }
    i = semi + 1;
  }
  return out;
}

interface RawAttr {
  qname: string;
  value: string;
}

function split(qname: string, at: number): [string, string] {
  const c = qname.indexOf(':');
  if (c < 0) return ['', qname];
  if (c === 0 || c === qname.length - 1 || qname.indexOf(':', c + 1) >= 0) malformed(`bad qualified name ${qname.slice(0, 60)}`, at);
  return [qname.slice(0, c), qname.slice(c + 1)];
}

/**
 * Parses a document. Throws `XML_SIGNATURE_MALFORMED_XML`, `XML_SIGNATURE_DTD_FORBIDDEN`,
 * `XML_SIGNATURE_ENTITY_FORBIDDEN` or `XML_SIGNATURE_LIMIT_EXCEEDED`.
 */
export function parseXmlDocument(input: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XDocument {
  if (input.length > limits.maxInputLength) limit('input length', limits.maxInputLength);
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  const bad = SUSPECT_CHAR.test(text) ? ILLEGAL_CHAR.exec(text) : null;
  if (bad) malformed('character not allowed in XML 1.0', bad.index);
  const n = text.length;
  let i = 0;
  let nodes = 0;
  const elements: XElement[] = [];
  const prolog: (XComment | XPi)[] = [];
  const epilog: (XComment | XPi)[] = [];
  let root: XElement | undefined;
  const stack: XElement[] = [];
  const rootScope = new Map<string, string>([['xml', XML_NAMESPACE], ['', '']]);

  const countNode = (): void => {
    if (++nodes > limits.maxNodes) limit('node count', limits.maxNodes);
  };
  const readName = (): string => {
    const s0 = i;
    if (i >= n || !isNameStart(text.charCodeAt(i))) malformed('name expected', i);
    i++;
    while (i < n && isNameChar(text.charCodeAt(i))) i++;
    return text.slice(s0, i);
  };
  const skipSpace = (): boolean => {
    const s = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x9 && c !== 0xa) break;
      i++;
    }
    return i > s;
  };
  const addMisc = (node: XComment | XPi | XText): void => {
    const top = stack[stack.length - 1];
    if (top) {
      const last = top.children[top.children.length - 1];
      if (node.kind === 'text' && last?.kind === 'text') {
        last.value += node.value;
        last.cdata ||= node.cdata;
        return;
      }
      countNode();
      top.children.push(node);
      return;
    }
    if (node.kind === 'text') {
      if (!/^[ \t\n]*$/.test(node.value) || node.cdata) malformed('text outside the root element', i);
      return;
    }
    countNode();
    (root ? epilog : prolog).push(node);
  };

  // XML declaration
  if (text.startsWith('<?xml') && /^<\?xml[ \t\n]/.test(text)) {
    const end = text.indexOf('?>');
    if (end < 0) malformed('unterminated XML declaration', 0);
    const decl = text.slice(5, end);
    if (!/^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(decl)) {
      malformed('malformed XML declaration', 0);
    }
    const enc = /encoding\s*=\s*["']([^"']+)["']/.exec(decl)?.[1];
    if (enc && !/^utf-?8$/i.test(enc)) {
      throw xmlSignatureError('XML_SIGNATURE_MALFORMED_XML', 'Chỉ hỗ trợ XML mã hóa UTF-8', `encoding ${enc} is not supported (UTF-8 only)`);
    }
    i = end + 2;
  }

  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt !== i) {
      const end = lt < 0 ? n : lt;
      const raw = text.slice(i, end);
      if (raw.indexOf(']]>') >= 0) malformed('"]]>" in text', i);
      const at = i;
      i = end;
      addMisc({ kind: 'text', value: expand(raw, at, false), cdata: false });
      continue;
    }
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) malformed('unterminated comment', i);
        const value = text.slice(i + 4, end);
        if (value.indexOf('--') >= 0 || value.endsWith('-')) malformed('"--" inside a comment', i);
        i = end + 3;
        addMisc({ kind: 'comment', value });
        continue;
      }
      if (text.startsWith('<![CDATA[', i)) {
        if (stack.length === 0) malformed('CDATA outside the root element', i);
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) malformed('unterminated CDATA section', i);
        const value = text.slice(i + 9, end);
        i = end + 3;
        addMisc({ kind: 'text', value, cdata: true });
        continue;
      }
      if (text.startsWith('<!DOCTYPE', i)) {
        throw xmlSignatureError('XML_SIGNATURE_DTD_FORBIDDEN', 'Tài liệu XML có DOCTYPE (không được phép)', 'a DOCTYPE declaration is not allowed (no DTD, no entities)');
      }
      malformed('unexpected markup declaration', i);
    }
    if (c1 === 0x3f /* ? */) {
      i += 2;
      const target = readName();
      if (/^xml$/i.test(target)) malformed('reserved processing-instruction target', i);
      if (target.indexOf(':') >= 0) malformed('colon in a processing-instruction target', i);
      const end = text.indexOf('?>', i);
      if (end < 0) malformed('unterminated processing instruction', i);
      let data = '';
      if (end > i) {
        if (!skipSpace()) malformed('space expected after the processing-instruction target', i);
        data = text.slice(i, end);
      }
      i = end + 2;
      addMisc({ kind: 'pi', target, data });
      continue;
    }
    if (c1 === 0x2f /* / */) {
      const at = i;
      i += 2;
      const name = readName();
      skipSpace();
      if (text.charCodeAt(i) !== 0x3e) malformed('">" expected', i);
      i++;
      const top = stack.pop();
      if (!top || top.qname !== name) malformed(`end tag </${name.slice(0, 60)}> does not match`, at);
      top.closeStart = at;
      top.end = i;
      continue;
    }
    // start tag
    if (root && stack.length === 0) malformed('a second root element', i);
    const start = i;
    i++;
    const qname = readName();
    const raws: RawAttr[] = [];
    let selfClosing = false;
    for (;;) {
      const spaced = skipSpace();
      const c = text.charCodeAt(i);
      if (c === 0x3e) {
        i++;
        break;
      }
      if (c === 0x2f && text.charCodeAt(i + 1) === 0x3e) {
        i += 2;
        selfClosing = true;
        break;
      }
      if (!spaced) malformed('space expected between attributes', i);
      const an = readName();
      skipSpace();
      if (text.charCodeAt(i) !== 0x3d) malformed('"=" expected', i);
      i++;
      skipSpace();
      const q = text[i];
      if (q !== '"' && q !== "'") malformed('quoted attribute value expected', i);
      const vend = text.indexOf(q, i + 1);
      if (vend < 0) malformed('unterminated attribute value', i);
      const rawValue = text.slice(i + 1, vend);
      if (rawValue.indexOf('<') >= 0) malformed('"<" in an attribute value', i);
      raws.push({ qname: an, value: expand(rawValue, i + 1, true) });
      i = vend + 1;
      if (raws.length > limits.maxAttributes) limit('attributes per element', limits.maxAttributes);
    }
    const parent = stack[stack.length - 1];
    if (stack.length + 1 > limits.maxDepth) limit('depth', limits.maxDepth);
    countNode();
    // namespaces
    const decls: XNamespaceDecl[] = [];
    const plain: RawAttr[] = [];
    for (const a of raws) {
      if (a.qname === 'xmlns') decls.push({ prefix: '', uri: a.value });
      else if (a.qname.startsWith('xmlns:')) {
        const p = a.qname.slice(6);
        if (p === '' || p.indexOf(':') >= 0) malformed('bad namespace prefix', start);
        if (p === 'xmlns') malformed('the xmlns prefix cannot be declared', start);
        if (a.value === '') malformed(`empty namespace name for prefix ${p}`, start);
        if ((p === 'xml') !== (a.value === XML_NAMESPACE)) malformed('the xml prefix is bound to its namespace only', start);
        if (a.value === XMLNS_NAMESPACE) malformed('the xmlns namespace cannot be declared', start);
        decls.push({ prefix: p, uri: a.value });
      } else plain.push(a);
    }
    const seenDecl = new Set<string>();
    for (const d of decls) {
      if (seenDecl.has(d.prefix)) malformed('duplicate namespace declaration', start);
      seenDecl.add(d.prefix);
      if (d.prefix === '' && (d.uri === XML_NAMESPACE || d.uri === XMLNS_NAMESPACE)) malformed('reserved namespace as default', start);
    }
    const parentScope = parent ? parent.scope : rootScope;
    let scope: ReadonlyMap<string, string> = parentScope;
    if (decls.length) {
      const m = new Map(parentScope);
      for (const d of decls) m.set(d.prefix, d.uri);
      // inclusive C14N walks the in-scope namespaces of every element: keep that set small
      if (m.size > MAX_NAMESPACES_IN_SCOPE) limit('namespaces in scope', MAX_NAMESPACES_IN_SCOPE);
      scope = m;
    }
    const [prefix, local] = split(qname, start);
    let ns: string;
    if (prefix === '') ns = scope.get('') ?? '';
    else {
      const u = scope.get(prefix);
      if (u === undefined || prefix === 'xmlns') malformed(`undeclared prefix ${prefix.slice(0, 60)}`, start);
      ns = u;
    }
    const attrs: XAttribute[] = [];
    const seen = new Set<string>();
    for (const a of plain) {
      const [ap, al] = split(a.qname, start);
      let ans = '';
      if (ap !== '') {
        const u = scope.get(ap);
        if (u === undefined) malformed(`undeclared attribute prefix ${ap.slice(0, 60)}`, start);
        ans = u;
      }
      const key = `${ans}\u0000${al}`;
      if (seen.has(key)) malformed(`duplicate attribute ${a.qname.slice(0, 60)}`, start);
      seen.add(key);
      attrs.push({ qname: a.qname, prefix: ap, local: al, ns: ans, value: a.value });
    }
    const el: XElement = {
      kind: 'element', qname, prefix, local, ns, decls, attrs, children: [], parent, scope,
      start, end: selfClosing ? i : -1, closeStart: selfClosing ? -1 : -1, selfClosing, depth: stack.length,
    };
    elements.push(el);
    if (parent) parent.children.push(el);
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length) malformed(`unclosed element <${stack[stack.length - 1]!.qname.slice(0, 60)}>`, n);
  if (!root) malformed('no root element', 0);
  return { text, prolog, root, epilog, elements };
}
