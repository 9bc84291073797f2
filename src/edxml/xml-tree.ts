/**
 * Turns the envelope text (payloads already cut out by the scanner) into a small namespace-resolved element tree:
 * well-formedness by `XMLValidator`, parsing by fast-xml-parser with every conversion off (no value parsing, no
 * entity processing, no trimming), then namespace resolution and XML entity / line-end handling done here
 * (specs/toolchain.md §5.2–5.4). This is the reference path: `parseXmlTree` first tries the one-pass reader of
 * `xml-fast-path.ts`, which builds the same tree for plain input and hands anything else over to the code below.
 * @internal
 * @packageDocumentation
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { VnEgovError } from '../errors/index.js';
import { describeValue, fail, issue } from './errors.js';
import { decodeEntities, malformed } from './xml-entities.js';
import { XML_NAMESPACE, XMLNS_NAMESPACE } from './namespaces.js';
import { fastXmlTree } from './xml-fast-path.js';
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
function normalizeText(raw: string, where: string | (() => string)): string {
  const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(text, where);
}

function normalizeAttribute(raw: string, where: string | (() => string)): string {
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '), where);
}

type FxpNode = Record<string, unknown>;

/**
 * Parses the envelope text into a resolved tree. `locate` turns an envelope offset into a position text. `fast`
 * (default) tries the one-pass reader of `xml-fast-path.ts` first, which gives up on anything it does not handle;
 * `false` runs only the reference path below (differential tests).
 * @internal
 */
export function parseXmlTree(envelope: string, limits: EdxmlLimits, locate: (offset: number) => string, fast = true): XmlElement {
  if (fast) {
    const t = fastXmlTree(envelope, limits, false);
    if (t !== null) return t.root;
  }
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
  const roots = (parsed as FxpNode[]).filter((n) => !Object.hasOwn(n, '#text'));
  if (roots.length !== 1) malformed(`expected one root element, found ${roots.length}`, 'document');
  return new TreeBuilder(limits, locate).build(roots[0]!, new Map<string, string>([['xml', XML_NAMESPACE]]));
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Converts fast-xml-parser's ordered output; no closures per node (this runs for every element). */
class TreeBuilder {
  private payloads = 0;
  constructor(
    private readonly limits: EdxmlLimits,
    private readonly locate: (offset: number) => string,
  ) {}

  private where(start: number, qname: string): string {
    return start >= 0 ? this.locate(start) : `<${qname}>`;
  }

  private resolve(scope: ReadonlyMap<string, string>, name: string, isElement: boolean, start: number): { ns: string | null; local: string } {
    const colon = name.indexOf(':');
    if (colon < 0) {
      const def = isElement ? scope.get('') : undefined;
      return { ns: def === undefined || def === '' ? null : def, local: name };
    }
    const prefix = name.slice(0, colon);
    const uri = scope.get(prefix);
    if (uri === undefined || uri === '') {
      fail('XML_NAMESPACE_ERROR', `Tiền tố chưa khai báo / undeclared namespace prefix ${describeValue(prefix)} on ${describeValue(name)}`, [
        issue('undeclared_prefix', [], 'error', this.where(start, name)),
      ]);
    }
    return { ns: uri, local: name.slice(colon + 1) };
  }

  build(node: FxpNode, scope: ReadonlyMap<string, string>): XmlElement {
    let qname: string | undefined;
    for (const k in node) {
      if (k !== ':@') {
        qname = k;
        break;
      }
    }
    if (qname === undefined) malformed('empty node', 'envelope');
    const metadata = (node as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[META];
    const start = metadata?.startIndex ?? -1;
    if (isForbiddenName(qname)) fail('XML_FORBIDDEN_NAME', `Tên bị cấm / forbidden name ${describeValue(qname)}`, [issue('forbidden_name', [], 'error', this.where(start, qname))]);
    const rawAttrs = node[':@'] as Record<string, unknown> | undefined;
    let local = scope;
    let plain: [string, string][] | null = null;
    if (rawAttrs !== undefined) {
      const attrNames = Object.keys(rawAttrs);
      if (attrNames.length > this.limits.maxAttributes) {
        fail('XML_LIMIT_EXCEEDED', `Quá nhiều thuộc tính / more than ${this.limits.maxAttributes} attributes`, [issue('max_attributes', [], 'error', this.where(start, qname))]);
      }
      plain = [];
      for (const name of attrNames) {
        if (isForbiddenName(name)) fail('XML_FORBIDDEN_NAME', `Tên bị cấm / forbidden attribute name ${describeValue(name)}`, [issue('forbidden_name', [], 'error', this.where(start, qname))]);
        const raw = String(rawAttrs[name]);
        const value = raw.indexOf('&') < 0 && !/[\t\n\r]/.test(raw) ? raw : normalizeAttribute(raw, () => this.where(start, qname));
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          const prefix = name === 'xmlns' ? '' : name.slice(6);
          if (prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NAMESPACE) || value === XMLNS_NAMESPACE) {
            fail('XML_NAMESPACE_ERROR', `Khai báo namespace không hợp lệ / illegal namespace declaration ${name}="${value}"`, [issue('namespace_declaration', [], 'error', this.where(start, qname))]);
          }
          if (prefix !== '' && value === '') {
            fail('XML_NAMESPACE_ERROR', `Khai báo namespace rỗng / empty declaration of prefix ${prefix}`, [issue('namespace_declaration', [], 'error', this.where(start, qname))]);
          }
          if (local === scope) local = new Map(scope);
          (local as Map<string, string>).set(prefix, value);
        } else plain.push([name, value]);
      }
    }
    const el = this.resolve(local, qname, true, start);
    const attributes: XmlAttribute[] = [];
    if (plain !== null) {
      for (const [name, value] of plain) {
        const a = this.resolve(local, name, false, start);
        if (attributes.some((b) => b.ns === a.ns && b.local === a.local)) malformed(`attribute ${name} repeated`, this.where(start, qname));
        attributes.push({ ns: a.ns, local: a.local, qname: name, value });
      }
    }
    const isPayload = el.local === PAYLOAD_LOCAL;
    const payloadIndex = isPayload ? this.payloads++ : undefined;
    const children: XmlElement[] = [];
    let text = '';
    const content = node[qname];
    if (Array.isArray(content)) {
      for (const child of content as FxpNode[]) {
        const t = child['#text'];
        if (t !== undefined) {
          const raw = String(t);
          text += raw.indexOf('&') < 0 && raw.indexOf('\r') < 0 ? raw : normalizeText(raw, () => this.where(start, qname));
        } else if (child['#cdata'] !== undefined) {
          for (const p of child['#cdata'] as FxpNode[]) text += String(p['#text'] ?? '').replace(/\r\n?/g, '\n');
        } else children.push(this.build(child, local));
      }
    } else if (typeof content === 'string') text = normalizeText(content, () => this.where(start, qname));
    if (isPayload && (children.length > 0 || text.trim() !== '')) {
      fail('EDXML_INVALID_ATTACHMENT', 'Tệp đính kèm không hợp lệ / unexpected content left in ContentTransferEncoded', [issue('payload_markup', [], 'error', this.where(start, qname))]);
    }
    return { ns: el.ns, local: el.local, qname, attributes, children, text, payloadIndex, start, end: metadata?.endIndex ?? -1 };
  }
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
