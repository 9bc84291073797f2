/**
 * A light, strict BER decoder for the small part of a CMS SignedData that is read as a tree (ContentInfo, SignedData
 * fields, SignerInfos, attributes). It builds plain objects with the fields the readers of `../asn1.ts` use on asn1js
 * nodes (`idBlock.tagClass / tagNumber / isConstructed`, `valueBlock.value` for children, `valueBlock.valueHexView` for
 * content, `valueBlock.toString()` of an OBJECT IDENTIFIER, `valueBlock.unusedBits` of a BIT STRING,
 * `valueBeforeDecodeView` for the raw encoding), so every reader and every strictness check applies unchanged. asn1js
 * spends microseconds per node on buffer-type checks; this walk is a few hundred nanoseconds.
 *
 * The decode-time rejections of asn1js that matter are kept: constructed encodings of primitive universal types,
 * constructed OCTET / BIT STRINGs holding anything else, truncated OBJECT IDENTIFIERs, unused bits above 7, BMPString /
 * UniversalString lengths that are not a multiple of 2 / 4 (malformed GeneralizedTime strings, which asn1js throws on,
 * are left to the strict `time()` reader). The input
 * must have passed `berFramingProblem` (tags of at most 4 bytes, definite lengths that fit, end-of-contents closing
 * every indefinite length, one element filling the input); this module relies on it. Internal.
 */
import { Asn1Error, type Node } from '../asn1.js';

/** Universal types asn1js refuses in constructed form (X.690 §8: always primitive). */
const PRIMITIVE_ONLY = new Set([1, 2, 5, 6, 9, 10, 13, 14, 23, 24, 31, 32, 33, 34]);
/** Character string types: asn1js reads them as octets even when constructed. */
const STRING_TYPES = new Set([12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29, 30]);
const EMPTY = new Uint8Array(0);
const MAX_SAFE_ARC = Number.MAX_SAFE_INTEGER;

interface LightIdBlock {
  tagClass: number;
  tagNumber: number;
  isConstructed: boolean;
}

class LightValueBlock {
  constructor(
    readonly valueHexView: Uint8Array,
    readonly value: Node[] | undefined,
    readonly unusedBits: number,
    private readonly isOid: boolean,
  ) {}

  /** Dotted form of an OBJECT IDENTIFIER ('' when empty, a non-dotted marker when an arc is too large). */
  toString(): string {
    if (!this.isOid) return '';
    const c = this.valueHexView;
    const arcs: number[] = [];
    let v = 0;
    for (let i = 0; i < c.length; i++) {
      v = v * 128 + (c[i]! & 0x7f);
      if (v > MAX_SAFE_ARC) return 'oid-arc-too-large';
      if (!(c[i]! & 0x80)) {
        arcs.push(v);
        v = 0;
      }
    }
    if (arcs.length === 0) return '';
    const first = arcs[0]!;
    const head = first < 40 ? `0.${first}` : first < 80 ? `1.${first - 40}` : `2.${first - 80}`;
    return arcs.length === 1 ? head : `${head}.${arcs.slice(1).join('.')}`;
  }
}

class LightNode {
  constructor(readonly idBlock: LightIdBlock, readonly valueBlock: LightValueBlock, readonly valueBeforeDecodeView: Uint8Array) {}
}

/**
 * Decodes the one BER element filling `bytes` (which passed `berFramingProblem`) into nodes the `../asn1.ts` readers
 * accept. Throws Asn1Error for the value-level problems listed above.
 */
export function decodeLightBer(bytes: Uint8Array, what: string): Node {
  const [node, end] = element(bytes, 0, bytes.length, what);
  if (end !== bytes.length) throw new Asn1Error(`${what}: trailing bytes`);
  return node;
}

function element(b: Uint8Array, start: number, limit: number, what: string): [Node, number] {
  let i = start;
  if (i >= limit) throw new Asn1Error(`${what}: truncated`);
  const first = b[i++]!;
  const tagClass = (first >> 6) + 1;
  const isConstructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    let k = 0;
    let x: number;
    do {
      if (i >= limit || ++k > 4) throw new Asn1Error(`${what}: bad tag`);
      x = b[i++]!;
      tagNumber = tagNumber * 128 + (x & 0x7f);
    } while (x & 0x80);
  }
  if (i >= limit) throw new Asn1Error(`${what}: truncated length`);
  const lenByte = b[i++]!;
  const indefinite = lenByte === 0x80;
  let len = 0;
  if (lenByte < 0x80) len = lenByte;
  else if (!indefinite) {
    const n = lenByte & 0x7f;
    if (n > 4 || i + n > limit) throw new Asn1Error(`${what}: bad length`);
    for (let k = 0; k < n; k++) len = len * 256 + b[i++]!;
  }
  if (indefinite && !isConstructed) throw new Asn1Error(`${what}: indefinite length on a primitive element`);
  if (tagClass === 1) {
    if (isConstructed && PRIMITIVE_ONLY.has(tagNumber)) throw new Asn1Error(`${what}: constructed encoding used for primitive type`);
    if (!isConstructed && (tagNumber === 16 || tagNumber === 17)) throw new Asn1Error(`${what}: primitive SEQUENCE / SET`);
    // reserved or never used in CMS (asn1js rejects 15 and ≥ 37, reads the others in ways not worth imitating)
    if (tagNumber === 14 || tagNumber === 15 || tagNumber >= 31) throw new Asn1Error(`${what}: unsupported universal tag ${tagNumber}`);
    // end-of-contents outside an indefinite length: only the two-byte form, kept as a node as asn1js does
    if (tagNumber === 0 && (isConstructed || lenByte !== 0)) throw new Asn1Error(`${what}: misplaced end-of-contents`);
  }
  const idBlock: LightIdBlock = { tagClass, tagNumber, isConstructed };
  if (isConstructed && tagClass === 1 && STRING_TYPES.has(tagNumber)) {
    // asn1js keeps a constructed character string as opaque octets (no children; the readers reject it)
    if (indefinite) throw new Asn1Error(`${what}: indefinite-length character string`);
    const stop = i + len;
    if (stop > limit) throw new Asn1Error(`${what}: element overruns its parent`);
    if ((tagNumber === 30 && len % 2 !== 0) || (tagNumber === 28 && len % 4 !== 0)) {
      throw new Asn1Error(`${what}: ${tagNumber === 30 ? 'BMPString' : 'UniversalString'} of a bad length`);
    }
    const node = new LightNode(idBlock, new LightValueBlock(b.subarray(i, stop), undefined, 0, false), b.subarray(start, stop));
    return [node as unknown as Node, stop];
  }
  if (isConstructed) {
    const kids: Node[] = [];
    let p = i;
    if (indefinite) {
      for (;;) {
        if (p + 2 <= limit && b[p] === 0 && b[p + 1] === 0) {
          p += 2;
          break;
        }
        const [kid, next] = element(b, p, limit, what);
        kids.push(kid);
        p = next;
      }
    } else {
      const stop = i + len;
      if (stop > limit) throw new Asn1Error(`${what}: element overruns its parent`);
      while (p < stop) {
        const [kid, next] = element(b, p, stop, what);
        kids.push(kid);
        p = next;
      }
    }
    if (tagClass === 1 && (tagNumber === 4 || tagNumber === 3)) {
      // asn1js: a constructed OCTET / BIT STRING consists of OCTET / BIT STRINGs only
      let unusedSeen = false;
      for (const k of kids as unknown as LightNode[]) {
        if (k.idBlock.tagClass !== 1 || k.idBlock.tagNumber !== tagNumber) {
          throw new Asn1Error(`${what}: ${tagNumber === 4 ? 'OCTET' : 'BIT'} STRING may consist of ${tagNumber === 4 ? 'OCTET' : 'BIT'} STRINGs only`);
        }
        if (tagNumber === 3 && k.valueBlock.unusedBits > 0) {
          if (unusedSeen) throw new Asn1Error(`${what}: unused bits inside a constructed BIT STRING`);
          unusedSeen = true;
        }
      }
    }
    const node = new LightNode(idBlock, new LightValueBlock(EMPTY, kids, 0, false), b.subarray(start, p));
    return [node as unknown as Node, p];
  }
  const stop = i + len;
  if (stop > limit) throw new Asn1Error(`${what}: element overruns its parent`);
  let content = b.subarray(i, stop);
  let unusedBits = 0;
  if (tagClass === 1 && tagNumber === 3 && content.length > 0) {
    unusedBits = content[0]!;
    if (unusedBits > 7) throw new Asn1Error(`${what}: unused bits of a BIT STRING must be 0-7`);
    content = content.subarray(1);
  }
  if (tagClass === 1 && ((tagNumber === 30 && content.length % 2 !== 0) || (tagNumber === 28 && content.length % 4 !== 0))) {
    throw new Asn1Error(`${what}: ${tagNumber === 30 ? 'BMPString' : 'UniversalString'} of a bad length`);
  }
  const isOid = tagClass === 1 && tagNumber === 6;
  if ((isOid || (tagClass === 1 && tagNumber === 13)) && content.length > 0 && content[content.length - 1]! & 0x80) {
    throw new Asn1Error(`${what}: truncated OBJECT IDENTIFIER`);
  }
  const node = new LightNode(idBlock, new LightValueBlock(content, undefined, unusedBits, isOid), b.subarray(start, stop));
  return [node as unknown as Node, stop];
}
