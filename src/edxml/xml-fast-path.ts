/**
 * The fast path of the reader: one pass over the text that checks well-formedness and the security limits, resolves
 * namespaces and builds the same element tree as the reference path (`EnvelopeScanner` + `XMLValidator` +
 * fast-xml-parser + `TreeBuilder`), cutting attachment payloads out as ranges of the text without copying them.
 *
 * It handles only the plain shape of real edXML traffic — ASCII names, quoted attributes, the five XML entities and
 * character references, comments, CDATA in text, an XML declaration at the very start — and gives up (returns `null`)
 * at the first thing it does not handle or that is not clearly well-formed: DOCTYPE or any other `<!` declaration,
 * processing instructions, a limit reached, an undeclared prefix, a forbidden name or character, markup inside a
 * payload, and so on. The caller then runs the reference path on the same input, which throws the typed error with its
 * position (or reads the rare construct). So the fast path never accepts what the reference path refuses, and every
 * error keeps its code, message and position; a differential test checks that both paths give deep-equal results.
 * @internal
 * @packageDocumentation
 */
import { XML_NAMESPACE, XMLNS_NAMESPACE } from './namespaces.js';
import type { PayloadSpan } from './read-envelope.js';
import { isForbiddenName, type EdxmlLimits } from './xml-security.js';
import { decodeEntities } from './xml-entities.js';
import type { XmlAttribute, XmlElement } from './xml-tree.js';

/** What the fast path produces. @internal */
export interface FastTree {
  readonly root: XmlElement;
  /** Payload spans (ranges into the text) when `cut` was set; empty otherwise. */
  readonly payloads: PayloadSpan[];
  /** The text without payload contents (the text itself when nothing was cut). */
  readonly envelopeText: string;
  /** The XML declaration's content (`version="1.0" encoding="UTF-8"`), as the scanner reports it. */
  readonly declaration: string | null;
}

/** Thrown internally to give up; never escapes this module. */
const GIVE_UP: unique symbol = Symbol('give up');

const PAYLOAD_LOCAL = 'ContentTransferEncoded';
/** Stands for the value of a namespace declaration in the attribute list (a string no attribute value can be). */
const XMLNS_MARK = '\u0000xmlns';
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]{0,39}\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;

/** An element while it is built (the same shape as `XmlElement`, frozen by nobody: the tree is internal). */
interface Node {
  ns: string | null;
  local: string;
  qname: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  text: string;
  payloadIndex: number | undefined;
  start: number;
  end: number;
}

/** Whether a name is or has as prefix or local part `__proto__`, `constructor` or `prototype` (first letters first). */
function mayBeForbidden(name: string, colon: number): boolean {
  const a = name.charCodeAt(0);
  const b = colon < 0 ? 0 : name.charCodeAt(colon + 1);
  return (a === 0x5f || a === 0x63 || a === 0x70 || b === 0x5f || b === 0x63 || b === 0x70) && isForbiddenName(name);
}

/**
 * `s[from, to)` with XML line-end handling: CR LF and a lone CR become LF (as `replace(/\r\n?/g, '\n')` on the
 * slice, without a regular expression or the intermediate slice).
 */
function newlinesAt(s: string, from: number, to: number): string {
  let out = '';
  let last = from;
  for (let cr = s.indexOf('\r', from); cr >= 0 && cr < to; cr = s.indexOf('\r', last)) {
    out += s.slice(last, cr) + '\n';
    last = cr + 1 < to && s.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1;
  }
  return out + s.slice(last, to);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** ASCII name character (letters, digits, `_ - .`); `:` is handled by the caller. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function giveUp(): never {
  throw GIVE_UP;
}

/**
 * Checks character data (text, attribute value, comment, CDATA) for characters XML does not allow (controls, lone
 * surrogates, U+FFFE, U+FFFF). Returns flags: 1 = has `&`, 2 = has CR, 4 = has TAB or LF, 8 = has `>`.
 */
function scanChars(s: string, from: number, to: number): number {
  let flags = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x0d) flags |= 2;
      else if (c === 0x0a || c === 0x09) flags |= 4;
      else giveUp();
    } else if (c === 0x26) flags |= 1;
    else if (c === 0x3e) flags |= 8;
    else if (c >= 0xd800 && (c < 0xe000 || c >= 0xfffe)) {
      // A surrogate pair is one character outside the BMP; a lone surrogate, U+FFFE and U+FFFF are not XML characters.
      const d = i + 1 < to ? s.charCodeAt(i + 1) : 0;
      if (c >= 0xdc00 || d < 0xdc00 || d > 0xdfff) giveUp();
      i++;
    }
  }
  return flags;
}

/** Reads an ASCII (qualified) name starting at `i`; returns its end. At most one colon, not first or last. */
function nameEnd(s: string, i: number, limits: EdxmlLimits): number {
  const n = s.length;
  if (i >= n || !isNameStart(s.charCodeAt(i))) giveUp();
  let j = i + 1;
  let colon = -1;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isNameChar(c)) j++;
    else if (c === 0x3a && colon < 0 && j + 1 < n && isNameStart(s.charCodeAt(j + 1))) {
      colon = j;
      j += 2;
    } else break;
  }
  if (j - i > limits.maxNameLength) giveUp();
  return j;
}

/** Namespace bindings in scope, innermost first (a chain is cheaper than copying a map per declaring element). */
interface Scope {
  readonly prefix: string;
  readonly uri: string;
  readonly next: Scope | null;
}

const INITIAL_SCOPE: Scope = { prefix: 'xml', uri: XML_NAMESPACE, next: null };

function lookup(scope: Scope | null, prefix: string): string | undefined {
  for (let b = scope; b !== null; b = b.next) if (b.prefix === prefix) return b.uri;
  return undefined;
}

/** The namespace URI of a prefix (`''` for the default namespace of elements). */
function namespaceOf(scope: Scope, prefix: string, isElement: boolean): string | null {
  if (prefix === '') {
    const def = isElement ? lookup(scope, '') : undefined;
    return def === undefined || def === '' ? null : def;
  }
  const uri = lookup(scope, prefix);
  if (uri === undefined || uri === '') giveUp();
  return uri;
}

/**
 * Reads `text` on the fast path, or returns `null` to send the caller to the reference path.
 * - `cut`: `text` is the whole input; payload contents become ranges and are left out of `envelopeText`.
 * - otherwise `text` is an envelope whose payloads the scanner already cut: payload elements must be empty.
 * @internal
 */
export function fastXmlTree(text: string, limits: EdxmlLimits, cut: boolean): FastTree | null {
  try {
    return read(text, limits, cut);
  } catch {
    // GIVE_UP, or a VnEgovError from entity decoding: the reference path decides (and throws the typed error).
    return null;
  }
}

function read(s: string, limits: EdxmlLimits, cut: boolean): FastTree {
  const n = s.length;
  const payloads: PayloadSpan[] = [];
  const kept: string[] = [];
  let keptFrom = 0; // start of the text not yet copied to `kept` (cut mode)
  let shift = 0; // characters cut so far: envelope offset = text offset - shift
  let declaration: string | null = null;
  let i = 0;
  if (s.startsWith('<?')) {
    const m = DECLARATION.exec(s);
    if (m === null) giveUp();
    declaration = m[0].slice(5, -2).trim();
    i = m[0].length;
  }
  const stack: Node[] = [];
  const scopes: Scope[] = [];
  let root: Node | undefined;
  let elements = 0;
  let payloadCount = 0;

  while (i < n) {
    const lt = s.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        for (let j = i; j < textEnd; j++) if (!isSpace(s.charCodeAt(j))) giveUp();
      } else {
        const flags = scanChars(s, i, textEnd);
        if ((flags & 8) !== 0 && s.slice(i, textEnd).indexOf(']]>') >= 0) giveUp();
        let t = (flags & 2) !== 0 ? newlinesAt(s, i, textEnd) : s.slice(i, textEnd);
        if ((flags & 1) !== 0) t = decodeEntities(t, 'text');
        top.text += t;
      }
    }
    if (lt < 0) break;
    if (lt - shift > limits.maxEnvelopeBytes) giveUp(); // give up early on a huge envelope
    i = lt + 1;
    if (i >= n) giveUp();
    const c = s.charCodeAt(i);
    if (c === 0x2f) {
      // End tag.
      const top = stack.pop();
      if (top === undefined) giveUp();
      scopes.pop();
      const q = top.qname;
      if (!s.startsWith(q, i + 1)) giveUp();
      let j = i + 1 + q.length;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n || s.charCodeAt(j) !== 0x3e) giveUp();
      i = j + 1;
      top.end = i - shift;
      continue;
    }
    if (c === 0x21) {
      if (s.startsWith('--', i + 1)) {
        const endC = s.indexOf('-->', i + 3);
        if (endC < 0) giveUp();
        const body = s.indexOf('--', i + 3);
        if (body < endC) giveUp(); // '--' inside a comment (or '--->')
        scanChars(s, i + 3, endC);
        i = endC + 3;
        continue;
      }
      if (s.startsWith('[CDATA[', i + 1)) {
        const top = stack[stack.length - 1];
        if (top === undefined) giveUp();
        const from = i + 8;
        const endC = s.indexOf(']]>', from);
        if (endC < 0) giveUp();
        const flags = scanChars(s, from, endC);
        top.text += (flags & 2) !== 0 ? newlinesAt(s, from, endC) : s.slice(from, endC);
        i = endC + 3;
        continue;
      }
      giveUp(); // DOCTYPE, ENTITY, anything else: the reference path rejects or reads it
    }
    // Start tag.
    const start = lt;
    const ne = nameEnd(s, i, limits);
    const qname = s.slice(i, ne);
    const colon = qname.indexOf(':');
    if (mayBeForbidden(qname, colon)) giveUp();
    const depth = stack.length;
    const parent = depth === 0 ? undefined : stack[depth - 1]!;
    if (parent === undefined && root !== undefined) giveUp(); // a second root
    let scope = depth === 0 ? INITIAL_SCOPE : scopes[depth - 1]!;
    let j = ne;
    let plain: string[] | null = null; // name, value pairs
    let count = 0;
    let selfClosing = false;
    for (;;) {
      if (j >= n) giveUp();
      let cc = s.charCodeAt(j);
      const spaced = isSpace(cc);
      while (isSpace(cc)) {
        j++;
        if (j >= n) giveUp();
        cc = s.charCodeAt(j);
      }
      if (cc === 0x3e) {
        j++;
        break;
      }
      if (cc === 0x2f) {
        if (j + 1 >= n || s.charCodeAt(j + 1) !== 0x3e) giveUp();
        j += 2;
        selfClosing = true;
        break;
      }
      if (!spaced) giveUp();
      const ae = nameEnd(s, j, limits);
      const aname = s.slice(j, ae);
      j = ae;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n || s.charCodeAt(j) !== 0x3d) giveUp();
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const quote = j < n ? s.charCodeAt(j) : 0;
      if (quote !== 0x22 && quote !== 0x27) giveUp();
      const vEnd = s.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (vEnd < 0) giveUp();
      const raw = s.slice(j + 1, vEnd);
      if (raw.indexOf('<') >= 0) giveUp();
      const flags = scanChars(s, j + 1, vEnd);
      j = vEnd + 1;
      if (++count > limits.maxAttributes) giveUp();
      if (mayBeForbidden(aname, aname.indexOf(':'))) giveUp();
      const value = (flags & 7) === 0 ? raw : decodeEntities((flags & 6) !== 0 ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw, 'attribute');
      if (aname === 'xmlns' || aname.startsWith('xmlns:')) {
        const prefix = aname === 'xmlns' ? '' : aname.slice(6);
        if (prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NAMESPACE) || value === XMLNS_NAMESPACE) giveUp();
        if (prefix !== '' && value === '') giveUp();
        scope = { prefix, uri: value, next: scope };
        (plain ??= []).push(aname, XMLNS_MARK);
      } else {
        (plain ??= []).push(aname, value);
      }
    }
    if (++elements > limits.maxElements) giveUp();
    if (depth + 1 > limits.maxDepth) giveUp();
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const ns = namespaceOf(scope, colon < 0 ? '' : qname.slice(0, colon), true);
    const attributes: XmlAttribute[] = [];
    if (plain !== null) {
      for (let k = 0; k < plain.length; k += 2) {
        const name = plain[k]!;
        const value = plain[k + 1]!;
        for (let m = 0; m < k; m += 2) if (plain[m] === name) giveUp();
        if (value === XMLNS_MARK) continue;
        const ac = name.indexOf(':');
        const a = { ns: ac < 0 ? null : namespaceOf(scope, name.slice(0, ac), false), local: ac < 0 ? name : name.slice(ac + 1), qname: name, value };
        for (const b of attributes) if (b.ns === a.ns && b.local === a.local) giveUp();
        attributes.push(a);
      }
    }
    const el: Node = { ns, local, qname, attributes, children: [], text: '', payloadIndex: undefined, start: start - shift, end: -1 };
    if (parent === undefined) root = el;
    else parent.children.push(el);
    if (local !== PAYLOAD_LOCAL) {
      if (selfClosing) el.end = j - shift;
      else {
        stack.push(el);
        scopes.push(scope);
      }
      i = j;
      continue;
    }
    el.payloadIndex = payloadCount++;
    if (payloadCount > limits.maxAttachments) giveUp();
    if (selfClosing) {
      if (cut) payloads.push({ qname, ranges: [], encodedLength: 0 });
      el.end = j - shift;
      i = j;
      continue;
    }
    // Payload content: base64 text up to the end tag, nothing else (comments, CDATA: reference path).
    const contentEnd = s.indexOf('<', j);
    if (contentEnd < 0 || !s.startsWith('</', contentEnd) || !s.startsWith(qname, contentEnd + 2) || s.charCodeAt(contentEnd + 2 + qname.length) !== 0x3e) giveUp();
    if (cut) {
      const span: PayloadSpan = { qname, ranges: [], encodedLength: 0 };
      if (contentEnd > j) {
        span.ranges.push([j, contentEnd]);
        span.encodedLength = contentEnd - j;
        kept.push(s.slice(keptFrom, j));
        keptFrom = contentEnd;
        shift += contentEnd - j;
      }
      payloads.push(span);
    } else if (contentEnd !== j) giveUp();
    i = contentEnd + 3 + qname.length;
    el.end = i - shift;
  }
  if (root === undefined || stack.length > 0) giveUp();
  let envelopeText = s;
  if (kept.length > 0) {
    kept.push(s.slice(keptFrom));
    envelopeText = kept.join('');
  }
  if (envelopeText.length > limits.maxEnvelopeBytes) giveUp();
  return { root, payloads, envelopeText, declaration };
}
