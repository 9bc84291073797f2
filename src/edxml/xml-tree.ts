/**
 * Turns the envelope text (payloads already cut out by the scanner) into a small namespace-resolved element tree:
 * well-formedness by `XMLValidator`, parsing by fast-xml-parser with every conversion off (no value parsing, no
 * entity processing, no trimming), then namespace resolution and XML entity / line-end handling done here
 * (specs/toolchain.md §5.2–5.4).
 * @internal
 * @packageDocumentation
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { VnEgovError } from '../errors/index.js';
import { describeValue, fail, issue } from './errors.js';
import { XML_NAMESPACE, XMLNS_NAMESPACE } from './namespaces.js';
import { FORBIDDEN_CHARS, isForbiddenName, type EdxmlLimits } from './xml-security.js';

/** A resolved attribute. @internal */
export interface XmlAttribute {
  readonly ns: string | null;
  readonly local: string;
  readonly qname: string;
  readonly value: string;
}

/** A namespace-resolved element. @internal */
export interface XmlElement {
  readonly ns: string | null;
  readonly local: string;
  readonly qname: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** Character data directly inside the element (text and CDATA, entities decoded, line ends normalised). */
  readonly text: string;
  /** Index of the cut payload when this is a `ContentTransferEncoded` element. */
  readonly payloadIndex: number | undefined;
  /** Offset range in the envelope text (start of the start tag … end of the end tag), when known. */
  readonly start: number;
  readonly end: number;
}

const PAYLOAD_LOCAL = 'ContentTransferEncoded';
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function malformed(message: string, where: string | (() => string)): never {
  if (typeof where === 'function') where = where();
  fail('XML_MALFORMED', `XML không hợp lệ / malformed XML: ${message} (${where})`, [issue('malformed_xml', [], 'error', `${message} at ${where}`)]);
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Decodes the five XML entities and numeric character references; throws on anything else. @internal */
export function decodeEntities(raw: string, where: string | (() => string)): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) malformed(`'&' not followed by a reference`, where);
    const ref = raw.slice(amp + 1, semi);
    let value: string;
    if (ref.startsWith('#')) {
      const hex = ref.startsWith('#x');
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) malformed(`bad character reference &${ref};`, where);
      const cp = Number.parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(cp)) malformed(`character reference &${ref}; is not an XML character`, where);
      value = String.fromCodePoint(cp);
    } else {
      const named = Object.hasOwn(NAMED, ref) ? NAMED[ref] : undefined;
      if (named === undefined) malformed(`undefined entity &${describeValue(ref).slice(1, -1)};`, where);
      value = named;
    }
    out += raw.slice(last, amp) + value;
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

function normalizeText(raw: string, where: string | (() => string)): string {
  const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(text, where);
}

function normalizeAttribute(raw: string, where: string | (() => string)): string {
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '), where);
}

type FxpNode = Record<string, unknown>;

/** Parses the envelope text into a resolved tree. `locate` turns an envelope offset into a position text. @internal */
export function parseXmlTree(envelope: string, limits: EdxmlLimits, locate: (offset: number) => string): XmlElement {
  const bad = FORBIDDEN_CHARS.exec(envelope);
  if (bad !== null) malformed(`character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, locate(bad.index));
  const valid = XMLValidator.validate(envelope, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    malformed(msg, locate(offsetOf(envelope, line, col)));
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    htmlEntities: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: false,
    maxNestedTags: limits.maxDepth + 1,
    captureMetaData: true,
    stopNodes: ['*.' + PAYLOAD_LOCAL],
  });
  let parsed: unknown;
  try {
    parsed = parser.parse(envelope);
  } catch (e) {
    if (e instanceof VnEgovError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes('[SECURITY]')) {
      fail('XML_FORBIDDEN_NAME', `Tên bị cấm / forbidden name: ${message}`, [issue('forbidden_name', [], 'error', message)]);
    }
    if (/nested tags/i.test(message)) {
      fail('XML_LIMIT_EXCEEDED', `Lồng quá sâu / ${message}`, [issue('max_depth', [], 'error', message)]);
    }
    malformed(message, 'envelope');
  }
  const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const roots = (parsed as FxpNode[]).filter((n) => !Object.hasOwn(n, '#text'));
  if (roots.length !== 1) malformed(`expected one root element, found ${roots.length}`, 'document');
  let payloads = 0;
  const scopeRoot = new Map<string, string>([['xml', XML_NAMESPACE]]);

  const build = (node: FxpNode, scope: ReadonlyMap<string, string>, depth: number): XmlElement => {
    const qname = Object.keys(node).find((k) => k !== ':@');
    if (qname === undefined) malformed('empty node', 'envelope');
    const metadata = (node as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[meta];
    const start = metadata?.startIndex ?? -1;
    const here = (): string => (start >= 0 ? locate(start) : `<${qname}>`);
    if (isForbiddenName(qname)) fail('XML_FORBIDDEN_NAME', `Tên bị cấm / forbidden name ${describeValue(qname)}`, [issue('forbidden_name', [], 'error', here())]);
    const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
    const attrNames = Object.keys(rawAttrs);
    if (attrNames.length > limits.maxAttributes) {
      fail('XML_LIMIT_EXCEEDED', `Quá nhiều thuộc tính / more than ${limits.maxAttributes} attributes`, [issue('max_attributes', [], 'error', here())]);
    }
    let local = scope;
    const plain: [string, string][] = [];
    for (const name of attrNames) {
      if (isForbiddenName(name)) fail('XML_FORBIDDEN_NAME', `Tên bị cấm / forbidden attribute name ${describeValue(name)}`, [issue('forbidden_name', [], 'error', here())]);
      const value = normalizeAttribute(String(rawAttrs[name]), here);
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        if (prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NAMESPACE) || value === XMLNS_NAMESPACE) {
          fail('XML_NAMESPACE_ERROR', `Khai báo namespace không hợp lệ / illegal namespace declaration ${name}="${value}"`, [issue('namespace_declaration', [], 'error', here())]);
        }
        if (prefix !== '' && value === '') {
          fail('XML_NAMESPACE_ERROR', `Khai báo namespace rỗng / empty declaration of prefix ${prefix}`, [issue('namespace_declaration', [], 'error', here())]);
        }
        if (local === scope) local = new Map(scope);
        (local as Map<string, string>).set(prefix, value);
      } else plain.push([name, value]);
    }
    const resolve = (name: string, isElement: boolean): { ns: string | null; local: string } => {
      const colon = name.indexOf(':');
      if (colon < 0) {
        const def = isElement ? local.get('') : undefined;
        return { ns: def === undefined || def === '' ? null : def, local: name };
      }
      const prefix = name.slice(0, colon);
      const uri = local.get(prefix);
      if (uri === undefined || uri === '') {
        fail('XML_NAMESPACE_ERROR', `Tiền tố chưa khai báo / undeclared namespace prefix ${describeValue(prefix)} on ${describeValue(name)}`, [
          issue('undeclared_prefix', [], 'error', here()),
        ]);
      }
      return { ns: uri, local: name.slice(colon + 1) };
    };
    const el = resolve(qname, true);
    const attributes = plain.map(([name, value]) => ({ ...resolve(name, false), qname: name, value }));
    const seen = new Set<string>();
    for (const a of attributes) {
      const key = `${a.ns ?? ''}|${a.local}`;
      if (seen.has(key)) malformed(`attribute ${a.qname} repeated`, here());
      seen.add(key);
    }
    const isPayload = el.local === PAYLOAD_LOCAL;
    const payloadIndex = isPayload ? payloads++ : undefined;
    const children: XmlElement[] = [];
    let text = '';
    const content = node[qname];
    if (Array.isArray(content)) {
      for (const child of content as FxpNode[]) {
        if (Object.hasOwn(child, '#text')) text += normalizeText(String(child['#text']), here);
        else if (Object.hasOwn(child, '#cdata')) {
          const parts = child['#cdata'] as FxpNode[];
          for (const p of parts) text += String(p['#text'] ?? '').replace(/\r\n?/g, '\n');
        } else children.push(build(child, local, depth + 1));
      }
    } else if (typeof content === 'string') text = normalizeText(content, here);
    if (isPayload && (children.length > 0 || text.trim() !== '')) {
      fail('EDXML_INVALID_ATTACHMENT', 'Tệp đính kèm không hợp lệ / unexpected content left in ContentTransferEncoded', [issue('payload_markup', [], 'error', here())]);
    }
    return { ...el, qname, attributes, children, text, payloadIndex, start, end: metadata?.endIndex ?? -1 };
  };
  return build(roots[0]!, scopeRoot, 1);
}

/** Offset of a 1-based line and column in a text. @internal */
export function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + Math.max(col - 1, 0), text.length);
}
