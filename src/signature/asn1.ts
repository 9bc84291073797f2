/**
 * Small, strict helpers over asn1js trees: DER decoding with full-consumption and re-encoding checks, tag tests,
 * and readers for the X.509 building blocks (names, general names, times). Internal to `vn-egov/signature`.
 */
import * as asn1js from 'asn1js';
import { toHex } from './bytes.js';

/** Any asn1js node. */
export type Node = asn1js.AsnType;

/** Thrown internally by readers; converted to a VnEgovError at the public boundary. */
export class Asn1Error extends Error {}

/**
 * Checks the DER framing of `bytes` without decoding values: one element filling the input, definite lengths in
 * their shortest form, single-byte tags for low tag numbers, minimal INTEGER encodings, recursing into constructed
 * elements. Returns a reason, or undefined when the framing is DER (X.690 §10). Iterative (no recursion limit).
 */
export function derFramingProblem(bytes: Uint8Array): string | undefined {
  const stack: [number, number][] = [[0, bytes.length]];
  let nodes = 0;
  while (stack.length) {
    const [start, end] = stack.pop()!;
    let i = start;
    let first = true;
    while (i < end) {
      if (++nodes > 200_000) return 'too many elements';
      const tag = bytes[i++]!;
      let tagNumber = tag & 0x1f;
      if (tagNumber === 0x1f) {
        tagNumber = 0;
        let b: number;
        let k = 0;
        do {
          if (i >= end) return 'truncated tag';
          b = bytes[i++]!;
          if (k === 0 && b === 0x80) return 'non-minimal tag';
          tagNumber = tagNumber * 128 + (b & 0x7f);
          if (++k > 4) return 'tag too large';
        } while (b & 0x80);
        if (tagNumber < 31) return 'non-minimal tag';
      }
      if (i >= end) return 'truncated length';
      let len = bytes[i++]!;
      if (len === 0x80) return 'indefinite length';
      if (len > 0x80) {
        const n = len & 0x7f;
        if (n > 4) return 'length too large';
        if (i + n > end) return 'truncated length';
        if (bytes[i] === 0) return 'non-minimal length';
        len = 0;
        for (let k = 0; k < n; k++) len = len * 256 + bytes[i++]!;
        if (len < 0x80) return 'non-minimal length';
      }
      if (i + len > end) return 'truncated value';
      const constructed = (tag & 0x20) !== 0;
      if (constructed && (tag & 0xc0) === 0 && tagNumber !== 16 && tagNumber !== 17) return 'constructed encoding of a primitive type';
      if (constructed) stack.push([i, i + len]);
      else if (tag === 0x02) {
        if (len === 0) return 'empty INTEGER';
        if (len > 1 && ((bytes[i] === 0 && !(bytes[i + 1]! & 0x80)) || (bytes[i] === 0xff && bytes[i + 1]! & 0x80))) return 'non-minimal INTEGER';
      }
      i += len;
      if (start === 0 && end === bytes.length && first && i !== end && stack.length <= 1) return 'trailing bytes';
      first = false;
    }
  }
  return undefined;
}

/** Decodes exactly one DER element covering all of `bytes`; throws Asn1Error otherwise (BER forms included). */
export function decodeDer(bytes: Uint8Array, what: string): Node {
  if (bytes.length === 0) throw new Asn1Error(`${what}: empty input`);
  const problem = derFramingProblem(bytes);
  if (problem) throw new Asn1Error(`${what}: not DER (${problem})`);
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let res: ReturnType<typeof asn1js.fromBER>;
  try {
    res = asn1js.fromBER(view);
  } catch (e) {
    throw new Asn1Error(`${what}: ${e instanceof Error ? e.message : 'undecodable'}`);
  }
  if (res.offset === -1 || res.result.error) throw new Asn1Error(`${what}: ${res.result.error || 'undecodable'}`);
  if (res.offset !== bytes.length) throw new Asn1Error(`${what}: ${bytes.length - res.offset} trailing bytes`);
  return res.result;
}

/** Decodes one BER element that must fill `bytes` (no DER re-encoding check). */
export function decodeBer(bytes: Uint8Array, what: string): Node {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let res: ReturnType<typeof asn1js.fromBER>;
  try {
    res = asn1js.fromBER(view);
  } catch (e) {
    throw new Asn1Error(`${what}: ${e instanceof Error ? e.message : 'undecodable'}`);
  }
  if (res.offset === -1 || res.result.error) throw new Asn1Error(`${what}: ${res.result.error || 'undecodable'}`);
  if (res.offset !== bytes.length) throw new Asn1Error(`${what}: trailing bytes`);
  return res.result;
}

/** The DER bytes a node was decoded from. */
export function rawOf(node: Node): Uint8Array {
  return (node as asn1js.BaseBlock).valueBeforeDecodeView;
}

export function tagClass(node: Node): number {
  return (node as asn1js.BaseBlock).idBlock.tagClass;
}
export function tagNumber(node: Node): number {
  return (node as asn1js.BaseBlock).idBlock.tagNumber;
}
export function isContext(node: Node | undefined, n: number): boolean {
  return node !== undefined && tagClass(node) === 3 && tagNumber(node) === n;
}
export function isUniversal(node: Node | undefined, n: number): boolean {
  return node !== undefined && tagClass(node) === 1 && tagNumber(node) === n;
}

/** Children of a constructed node (SEQUENCE, SET, explicit tag); throws if primitive. */
export function children(node: Node | undefined, what: string): Node[] {
  if (node === undefined) throw new Asn1Error(`${what}: missing`);
  const b = node as asn1js.BaseBlock;
  if (!b.idBlock.isConstructed) throw new Asn1Error(`${what}: not constructed`);
  const v = (b.valueBlock as unknown as { value?: unknown }).value;
  if (!Array.isArray(v)) throw new Asn1Error(`${what}: not constructed`);
  return v as Node[];
}

export function sequence(node: Node | undefined, what: string): Node[] {
  if (!isUniversal(node, 16)) throw new Asn1Error(`${what}: SEQUENCE expected`);
  return children(node, what);
}

/** Content octets of a primitive node. */
export function content(node: Node | undefined, what: string): Uint8Array {
  if (node === undefined) throw new Asn1Error(`${what}: missing`);
  const b = node as asn1js.BaseBlock;
  if (b.idBlock.isConstructed) throw new Asn1Error(`${what}: primitive expected`);
  return (b.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView;
}

export function oid(node: Node | undefined, what: string): string {
  if (!isUniversal(node, 6)) throw new Asn1Error(`${what}: OBJECT IDENTIFIER expected`);
  const s = (node as asn1js.ObjectIdentifier).valueBlock.toString();
  if (!/^\d+(\.\d+)+$/.test(s)) throw new Asn1Error(`${what}: bad OBJECT IDENTIFIER`);
  return s;
}

export function oidFromContent(bytes: Uint8Array, what: string): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = 0; i < bytes.length; i++) {
    v = v * 128 + (bytes[i]! & 0x7f);
    if (!(bytes[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    } else if (i === bytes.length - 1) throw new Asn1Error(`${what}: truncated OID`);
  }
  if (parts.length === 0) throw new Asn1Error(`${what}: empty OID`);
  const first = parts[0]!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts.slice(1)].join('.');
}

export function integerBytes(node: Node | undefined, what: string): Uint8Array {
  if (!isUniversal(node, 2)) throw new Asn1Error(`${what}: INTEGER expected`);
  const c = content(node, what);
  if (c.length === 0) throw new Asn1Error(`${what}: empty INTEGER`);
  return c;
}

/** Small non-negative INTEGER as a number (≤ 2^31). */
export function smallInt(node: Node | undefined, what: string): number {
  const c = integerBytes(node, what);
  if (c[0]! & 0x80) throw new Asn1Error(`${what}: negative INTEGER`);
  if (c.length > 5) throw new Asn1Error(`${what}: INTEGER too large`);
  let v = 0;
  for (const b of c) v = v * 256 + b;
  if (v > 0x7fffffff) throw new Asn1Error(`${what}: INTEGER too large`);
  return v;
}

export function booleanValue(node: Node | undefined, what: string): boolean {
  if (!isUniversal(node, 1)) throw new Asn1Error(`${what}: BOOLEAN expected`);
  const c = content(node, what);
  if (c.length !== 1 || (c[0] !== 0 && c[0] !== 0xff)) throw new Asn1Error(`${what}: BOOLEAN not DER`);
  return c[0] === 0xff;
}

export function octets(node: Node | undefined, what: string): Uint8Array {
  if (!isUniversal(node, 4)) throw new Asn1Error(`${what}: OCTET STRING expected`);
  return content(node, what);
}

/** BIT STRING → { bytes, unusedBits }. */
export function bitString(node: Node | undefined, what: string): { bytes: Uint8Array; unusedBits: number } {
  if (!isUniversal(node, 3)) throw new Asn1Error(`${what}: BIT STRING expected`);
  const b = node as asn1js.BitString;
  return { bytes: b.valueBlock.valueHexView, unusedBits: b.valueBlock.unusedBits };
}

/** Bit `i` (0 = most significant bit of the first byte) of a BIT STRING. */
export function bit(bits: { bytes: Uint8Array }, i: number): boolean {
  const byte = bits.bytes[i >> 3];
  return byte !== undefined && (byte & (0x80 >> (i & 7))) !== 0;
}

/** UTCTime / GeneralizedTime → epoch milliseconds (RFC 5280 §4.1.2.5 forms). */
export function time(node: Node | undefined, what: string): number {
  if (isUniversal(node, 23) || isUniversal(node, 24)) {
    const gen = tagNumber(node!) === 24;
    const s = new TextDecoder('latin1').decode(content(node, what));
    const m = gen
      ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(s)
      : /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
    if (!m) throw new Asn1Error(`${what}: time "${s}" not in RFC 5280 form`);
    let year = Number(m[1]);
    if (!gen) year = year >= 50 ? 1900 + year : 2000 + year;
    const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
    if (Number.isNaN(ms)) throw new Asn1Error(`${what}: bad time`);
    return ms;
  }
  throw new Asn1Error(`${what}: time expected`);
}

const STRING_TAGS: Record<number, string> = {
  12: 'UTF8String', 18: 'NumericString', 19: 'PrintableString', 20: 'TeletexString', 22: 'IA5String',
  26: 'VisibleString', 27: 'GeneralString', 28: 'UniversalString', 30: 'BMPString', 21: 'VideotexString', 25: 'GraphicString',
};

/** Decodes a directory string (UTF8String, BMPString, UniversalString, PrintableString, …) to text. */
export function directoryString(node: Node): { value: string; stringType: string } | undefined {
  if (tagClass(node) !== 1) return undefined;
  const type = STRING_TAGS[tagNumber(node)];
  if (type === undefined || (node as asn1js.BaseBlock).idBlock.isConstructed) return undefined;
  const c = content(node, type);
  let value: string;
  if (type === 'UTF8String') value = new TextDecoder('utf-8', { fatal: false }).decode(c);
  else if (type === 'BMPString') {
    value = '';
    for (let i = 0; i + 1 < c.length; i += 2) value += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
  } else if (type === 'UniversalString') {
    value = '';
    for (let i = 0; i + 3 < c.length; i += 4) {
      const cp = ((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0;
      value += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
  } else value = new TextDecoder('latin1').decode(c);
  return { value, stringType: type };
}

/** Short names of common attribute types (RFC 4514 plus the ones Vietnamese CAs use). */
export const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'T', '2.5.4.42': 'GN', '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier', '2.5.4.46': 'dnQualifier', '2.5.4.65': 'pseudonym', '2.5.4.20': 'telephoneNumber',
  '2.5.4.17': 'postalCode', '2.5.4.97': 'organizationIdentifier', '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC', '1.2.840.113549.1.9.1': 'emailAddress',
};

/**
 * One attribute of a distinguished name (thuộc tính tên phân biệt).
 * @example
 * ```ts
 * const uids = cert.subject.rdns.flat().filter((a: NameAttribute) => a.shortName === 'UID');
 * ```
 */
export interface NameAttribute {
  /** Attribute type OID, e.g. `2.5.4.3`. */
  oid: string;
  /** Short name (`CN`, `O`, `UID`…) when known. */
  shortName?: string;
  /** Decoded text; for non-string values, `#` + hex of the DER (RFC 4514 §2.4). */
  value: string;
  /** ASN.1 string type (`UTF8String`, `PrintableString`, `BMPString`…), or `other`. */
  stringType: string;
}

/** Decoded Name plus the comparison key of RFC 5280 §7.1 (case-folded, whitespace-collapsed). */
export interface DecodedName {
  rdns: NameAttribute[][];
  key: string;
  der: Uint8Array;
}

function normaliseForCompare(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

export function readName(node: Node | undefined, what: string): DecodedName {
  const rdnNodes = sequence(node, what);
  const rdns: NameAttribute[][] = [];
  const keys: string[] = [];
  for (const rdnNode of rdnNodes) {
    if (!isUniversal(rdnNode, 17)) throw new Asn1Error(`${what}: RDN must be a SET`);
    const atvs = children(rdnNode, what);
    if (atvs.length === 0) throw new Asn1Error(`${what}: empty RDN`);
    const rdn: NameAttribute[] = [];
    const rdnKeys: string[] = [];
    for (const atvNode of atvs) {
      const atv = sequence(atvNode, what);
      if (atv.length !== 2) throw new Asn1Error(`${what}: AttributeTypeAndValue must have 2 elements`);
      const type = oid(atv[0], what);
      const ds = directoryString(atv[1]!);
      const shortName = ATTRIBUTE_NAMES[type];
      const value = ds ? ds.value : '#' + toHex(rawOf(atv[1]!)).toLowerCase();
      rdn.push({ oid: type, ...(shortName ? { shortName } : {}), value, stringType: ds ? ds.stringType : 'other' });
      rdnKeys.push(`${type}=${ds ? normaliseForCompare(ds.value) : value}`);
    }
    rdnKeys.sort();
    rdns.push(rdn);
    keys.push(rdnKeys.join('+'));
  }
  return { rdns, key: keys.join(','), der: rawOf(node!) };
}

function escapeRdnValue(v: string): string {
  return v.replace(/([,+"\\<>;=])/g, '\\$1').replace(/^([ #])/, '\\$1').replace(/ $/, '\\ ');
}

/** RFC 4514 string (last RDN first), for display only — never compare these strings. */
export function nameToString(rdns: NameAttribute[][]): string {
  return [...rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.shortName ?? a.oid}=${escapeRdnValue(a.value)}`).join('+'))
    .join(', ');
}

/**
 * Kinds of GeneralName (RFC 5280 §4.2.1.6).
 * @example
 * ```ts
 * const type: GeneralNameType = 'dNSName';
 * ```
 */
export type GeneralNameType =
  | 'otherName'
  | 'rfc822Name'
  | 'dNSName'
  | 'x400Address'
  | 'directoryName'
  | 'ediPartyName'
  | 'uniformResourceIdentifier'
  | 'iPAddress'
  | 'registeredID';

const GN_TYPES: GeneralNameType[] = [
  'otherName', 'rfc822Name', 'dNSName', 'x400Address', 'directoryName', 'ediPartyName', 'uniformResourceIdentifier',
  'iPAddress', 'registeredID',
];

/**
 * A general name (tên tổng quát) in plain form.
 * @example
 * ```ts
 * const emails = cert.extensions.subjectAltName?.names.filter((n) => n.type === 'rfc822Name').map((n) => n.value);
 * ```
 */
export interface GeneralName {
  type: GeneralNameType;
  /** Text for string forms; dotted/colon form for IP addresses (with `/prefix` in name constraints); RFC 4514 for directory names; hex otherwise. */
  value: string;
  /** For `directoryName`: the decoded name. */
  directoryName?: { rdns: NameAttribute[][]; key: string };
  /** For `iPAddress`: the raw octets (4 or 16, or 8 / 32 with a mask in name constraints). */
  ipBytes?: Uint8Array;
  /** For `otherName`: the type OID. */
  otherNameOid?: string;
}

function ipToString(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  if (b.length === 16) {
    const parts: string[] = [];
    for (let i = 0; i < 16; i += 2) parts.push(((b[i]! << 8) | b[i + 1]!).toString(16));
    return parts.join(':');
  }
  if (b.length === 8 || b.length === 32) {
    const half = b.length / 2;
    const mask = b.subarray(half);
    let prefix = 0;
    for (const m of mask) for (let k = 7; k >= 0; k--) if (m & (1 << k)) prefix++;
    return `${ipToString(b.subarray(0, half))}/${prefix}`;
  }
  return toHex(b);
}

export function readGeneralName(node: Node, what: string): GeneralName {
  if (tagClass(node) !== 3) throw new Asn1Error(`${what}: GeneralName must be context-tagged`);
  const n = tagNumber(node);
  const type = GN_TYPES[n];
  if (type === undefined) throw new Asn1Error(`${what}: unknown GeneralName tag ${n}`);
  const constructed = (node as asn1js.BaseBlock).idBlock.isConstructed;
  switch (type) {
    case 'rfc822Name':
    case 'dNSName':
    case 'uniformResourceIdentifier': {
      if (constructed) throw new Asn1Error(`${what}: ${type} must be primitive`);
      const bytes = content(node, what);
      for (const b of bytes) if (b > 0x7e || b < 0x20) throw new Asn1Error(`${what}: ${type} is not IA5 printable`);
      return { type, value: new TextDecoder('latin1').decode(bytes) };
    }
    case 'iPAddress': {
      if (constructed) throw new Asn1Error(`${what}: iPAddress must be primitive`);
      const bytes = content(node, what);
      return { type, value: ipToString(bytes), ipBytes: bytes };
    }
    case 'directoryName': {
      const inner = children(node, what);
      if (inner.length !== 1) throw new Asn1Error(`${what}: directoryName must hold one Name`);
      const name = readName(inner[0], what);
      return { type, value: nameToString(name.rdns), directoryName: { rdns: name.rdns, key: name.key } };
    }
    case 'registeredID':
      return { type, value: oidFromContent(content(node, what), what) };
    case 'otherName': {
      const inner = children(node, what);
      const typeOid = oid(inner[0], what);
      return { type, value: toHex(rawOf(node)), otherNameOid: typeOid };
    }
    default:
      return { type, value: toHex(rawOf(node)) };
  }
}

export function readGeneralNames(node: Node | undefined, what: string): GeneralName[] {
  return sequence(node, what).map((n) => readGeneralName(n, what));
}

/** An AlgorithmIdentifier with its raw DER (to compare the two copies in a certificate). */
export interface AlgorithmIdentifier {
  oid: string;
  params: Node | undefined;
  der: Uint8Array;
}

export function readAlgorithm(node: Node | undefined, what: string): AlgorithmIdentifier {
  const s = sequence(node, what);
  if (s.length < 1 || s.length > 2) throw new Asn1Error(`${what}: bad AlgorithmIdentifier`);
  return { oid: oid(s[0], what), params: s[1], der: rawOf(node!) };
}
