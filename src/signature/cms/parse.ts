/**
 * Reads a CMS ContentInfo / SignedData (RFC 5652 §5) into plain records with a light BER decoder
 * (`light-ber.ts`, nodes read by the `../asn1.ts` readers). BER is accepted for the outer
 * structure (real-world CMS is often BER); the signed attributes keep their exact encoding so that the signature can
 * be checked over their DER `SET OF` form. Every verification decision is left to `verify.ts`. Internal.
 */
import { concatBytes as concat } from '../bytes.js';
import type * as asn1js from 'asn1js';
import {
  Asn1Error, children, content, integerBytes, isContext, isUniversal, oid, rawOf, readAlgorithm, readName,
  sequence, smallInt, tagClass, type AlgorithmIdentifier, type Node,
} from '../asn1.js';
import { berFramingProblem } from './ber.js';
import { decodeLightBer } from './light-ber.js';
import { loadCertificate, type CertificateRecord } from '../certificate.js';
import { memoised } from './memo.js';
import type { CertificateCache } from '../certificate.js';

export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_DATA = '1.2.840.113549.1.7.1';

/** One attribute (type + raw values). */
export interface RawAttribute {
  type: string;
  values: Node[];
}

/** How the SignerInfo names its certificate. */
export type SignerIdentifier =
  | { kind: 'issuerAndSerialNumber'; issuerDer: Uint8Array; issuer: ReturnType<typeof readName>; serial: Uint8Array }
  | { kind: 'subjectKeyIdentifier'; keyIdentifier: Uint8Array };

export interface RawSignerInfo {
  index: number;
  version: number;
  sid: SignerIdentifier;
  digestAlgorithm: AlgorithmIdentifier;
  /** The `[0] IMPLICIT` signed attributes as encoded, when present. */
  signedAttrsRaw?: Uint8Array;
  signedAttrs?: RawAttribute[];
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  unsignedAttrs?: RawAttribute[];
}

export interface RawSignedData {
  version: number;
  digestAlgorithms: string[];
  eContentType: string;
  /** Encapsulated content (constructed OCTET STRING chunks joined), absent when detached. */
  eContent?: Uint8Array;
  certificates: CertificateRecord[];
  signerInfos: RawSignerInfo[];
}


/** OCTET STRING content, joining BER constructed chunks (bounded depth). */
function octetStringValue(node: Node, what: string, depth = 0): Uint8Array {
  if (!isUniversal(node, 4)) throw new Asn1Error(`${what}: OCTET STRING expected`);
  const b = node as asn1js.BaseBlock;
  if (!b.idBlock.isConstructed) return content(node, what);
  if (depth > 8) throw new Asn1Error(`${what}: nested too deeply`);
  return concat(children(node, what).map((c) => octetStringValue(c, what, depth + 1)));
}

function readAttributes(node: Node, what: string): RawAttribute[] {
  return children(node, what).map((a) => {
    const s = sequence(a, `${what} attribute`);
    if (s.length !== 2 || !isUniversal(s[1], 17)) throw new Asn1Error(`${what}: bad Attribute`);
    return { type: oid(s[0], `${what} attrType`), values: children(s[1], `${what} attrValues`) };
  });
}

function readSignerInfo(node: Node, index: number, cache?: CertificateCache): RawSignerInfo {
  const what = `SignerInfo #${index + 1}`;
  const f = sequence(node, what);
  let i = 0;
  const version = smallInt(f[i++], `${what} version`);
  if (version !== 1 && version !== 3) throw new Asn1Error(`${what}: version must be 1 or 3`);
  const sidNode = f[i++];
  let sid: SignerIdentifier;
  if (isUniversal(sidNode, 16)) {
    const s = sequence(sidNode, `${what} sid`);
    if (s.length !== 2) throw new Asn1Error(`${what}: bad IssuerAndSerialNumber`);
    sid = { kind: 'issuerAndSerialNumber', issuerDer: rawOf(s[0]!), issuer: memoised(cache, 'issuer', rawOf(s[0]!), () => readName(s[0], `${what} issuer`)), serial: integerBytes(s[1], `${what} serialNumber`) };
  } else if (isContext(sidNode, 0)) {
    const b = sidNode as asn1js.BaseBlock;
    if (b.idBlock.isConstructed) throw new Asn1Error(`${what}: constructed subjectKeyIdentifier`);
    sid = { kind: 'subjectKeyIdentifier', keyIdentifier: content(sidNode, `${what} subjectKeyIdentifier`) };
  } else throw new Asn1Error(`${what}: bad SignerIdentifier`);
  if ((version === 1) !== (sid.kind === 'issuerAndSerialNumber')) throw new Asn1Error(`${what}: version does not match the SignerIdentifier`);
  const digestAlgorithm = readAlgorithm(f[i++], `${what} digestAlgorithm`);
  let signedAttrsRaw: Uint8Array | undefined;
  let signedAttrs: RawAttribute[] | undefined;
  if (isContext(f[i], 0)) {
    signedAttrsRaw = rawOf(f[i]!);
    signedAttrs = readAttributes(f[i++]!, `${what} signedAttrs`);
  }
  const signatureAlgorithm = readAlgorithm(f[i++], `${what} signatureAlgorithm`);
  const sigNode = f[i++];
  if (!isUniversal(sigNode, 4)) throw new Asn1Error(`${what}: signature OCTET STRING expected`);
  const signature = octetStringValue(sigNode!, `${what} signature`);
  let unsignedAttrs: RawAttribute[] | undefined;
  if (isContext(f[i], 1)) unsignedAttrs = readAttributes(f[i++]!, `${what} unsignedAttrs`);
  if (i !== f.length) throw new Asn1Error(`${what}: unexpected fields`);
  return {
    index, version, sid, digestAlgorithm, signatureAlgorithm, signature,
    ...(signedAttrsRaw ? { signedAttrsRaw, signedAttrs: signedAttrs! } : {}),
    ...(unsignedAttrs ? { unsignedAttrs } : {}),
  };
}

/** A definite-length element: tag byte, content start and end. */
interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/** Reads the definite-length, single-byte-tag element at `i` (undefined for other forms). */
function tlvAt(b: Uint8Array, i: number, limit: number): Tlv | undefined {
  if (i + 2 > limit) return undefined;
  const tag = b[i]!;
  if ((tag & 0x1f) === 0x1f) return undefined;
  let len = b[i + 1]!;
  let p = i + 2;
  if (len === 0x80) return undefined;
  if (len > 0x80) {
    const n = len & 0x7f;
    if (n > 4 || p + n > limit) return undefined;
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + b[p++]!;
  }
  return p + len <= limit ? { tag, start: i, contentStart: p, end: p + len } : undefined;
}

function tlvChildren(b: Uint8Array, t: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let i = t.contentStart; i < t.end;) {
    const c = tlvAt(b, i, t.end);
    if (!c) return undefined;
    out.push(c);
    i = c.end;
  }
  return out;
}

/** DER length octets. */
function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return [0x80 | out.length, ...out];
}

function wrap(tag: number, parts: Uint8Array[]): Uint8Array {
  const body = concat(parts);
  return concat([new Uint8Array([tag, ...lengthBytes(body.length)]), body]);
}

/**
 * Fast path for definite-length input: the embedded certificates are cut out by offsets and loaded through the
 * certificate cache (no asn1js tree for them, which is most of a signature's bytes); the rest is decoded as usual.
 * Undefined when the input does not have the expected shape (the full decoder then reports the problem).
 */
function splitCertificates(der: Uint8Array): { reduced: Uint8Array; certificates: Uint8Array[] } | undefined {
  const root = tlvAt(der, 0, der.length);
  if (!root || root.tag !== 0x30 || root.end !== der.length) return undefined;
  const ci = tlvChildren(der, root);
  if (!ci || ci.length !== 2 || ci[0]!.tag !== 0x06 || ci[1]!.tag !== 0xa0) return undefined;
  const wrapped = tlvChildren(der, ci[1]!);
  if (!wrapped || wrapped.length !== 1 || wrapped[0]!.tag !== 0x30) return undefined;
  const fields = tlvChildren(der, wrapped[0]!);
  if (!fields || fields.length < 4) return undefined;
  const certField = fields[3]!;
  if (certField.tag !== 0xa0) return undefined;
  const certs = tlvChildren(der, certField);
  if (!certs || certs.some((c) => c.tag !== 0x30)) return undefined;
  const kept = fields.filter((f) => f !== certField).map((f) => der.subarray(f.start, f.end));
  const reduced = wrap(0x30, [der.subarray(ci[0]!.start, ci[0]!.end), wrap(0xa0, [wrap(0x30, kept)])]);
  return { reduced, certificates: certs.map((c) => der.subarray(c.start, c.end)) };
}

/** Parses one ContentInfo(SignedData). Throws Asn1Error (structure) or `not-signed-data` / `no-signer` Errors. */
export function parseSignedData(der: Uint8Array, cache?: CertificateCache): RawSignedData {
  const problem = berFramingProblem(der);
  if (problem) throw new Asn1Error(`ContentInfo: not BER (${problem})`);
  const split = splitCertificates(der);
  if (split) {
    const sd = parseSignedDataTree(split.reduced, cache);
    // the record of exactly these DER bytes, remembered per cache (skips hashing the certificate for the cache key)
    return { ...sd, certificates: split.certificates.map((c) => memoised(cache, 'certificate', c, () => loadCertificate(c, cache))) };
  }
  return parseSignedDataTree(der, cache);
}

function parseSignedDataTree(der: Uint8Array, cache?: CertificateCache): RawSignedData {
  // framing checked by parseSignedData; the light decoder builds the few nodes read here (no asn1js tree)
  const root = decodeLightBer(der, 'ContentInfo');
  const ci = sequence(root, 'ContentInfo');
  if (ci.length < 1 || ci.length > 2) throw new Asn1Error('ContentInfo: bad field count');
  const ct = oid(ci[0], 'contentType');
  if (ct !== OID_SIGNED_DATA) throw new NotSignedDataError(ct);
  if (!isContext(ci[1], 0)) throw new Asn1Error('ContentInfo: [0] content expected');
  const inner = children(ci[1], 'ContentInfo content');
  if (inner.length !== 1) throw new Asn1Error('ContentInfo: one SignedData expected');
  const f = sequence(inner[0], 'SignedData');
  let i = 0;
  const version = smallInt(f[i++], 'SignedData version');
  if (version < 1 || version > 5 || version === 2) throw new Asn1Error('SignedData: unsupported version');
  const dNode = f[i++];
  if (!isUniversal(dNode, 17)) throw new Asn1Error('SignedData: digestAlgorithms SET expected');
  const digestAlgorithms = children(dNode, 'digestAlgorithms').map((n) => {
    const a = readAlgorithm(n, 'digestAlgorithm');
    if (a.params !== undefined && !isUniversal(a.params, 5)) throw new Asn1Error('digestAlgorithm: parameters must be absent or NULL');
    return a.oid;
  });
  const eci = sequence(f[i++], 'EncapsulatedContentInfo');
  if (eci.length < 1 || eci.length > 2) throw new Asn1Error('EncapsulatedContentInfo: bad field count');
  const eContentType = oid(eci[0], 'eContentType');
  let eContent: Uint8Array | undefined;
  if (eci.length === 2) {
    if (!isContext(eci[1], 0)) throw new Asn1Error('EncapsulatedContentInfo: [0] eContent expected');
    const c = children(eci[1], 'eContent');
    if (c.length !== 1) throw new Asn1Error('eContent: one OCTET STRING expected');
    eContent = octetStringValue(c[0]!, 'eContent');
  }
  const certificates: CertificateRecord[] = [];
  if (isContext(f[i], 0)) {
    for (const c of children(f[i++], 'certificates')) {
      if (!isUniversal(c, 16)) {
        if (tagClass(c) !== 3) throw new Asn1Error('certificates: unexpected element');
        continue; // attribute certificates / other formats: ignored
      }
      certificates.push(loadCertificate(rawOf(c).slice(), cache));
    }
  }
  if (isContext(f[i], 1)) i++; // revocation info choices: read through the crls option instead
  const sNode = f[i++];
  if (!isUniversal(sNode, 17)) throw new Asn1Error('SignedData: signerInfos SET expected');
  if (i !== f.length) throw new Asn1Error('SignedData: unexpected fields');
  const signerInfos = children(sNode, 'signerInfos').map((n, k) => readSignerInfo(n, k, cache));
  // RFC 5652 §5.1: the version follows from the content (attribute certificates / other formats are not read here)
  const expected = signerInfos.some((x) => x.version === 3) || eContentType !== OID_DATA ? 3 : 1;
  if (version !== expected) throw new Asn1Error(`SignedData: version ${version}, expected ${expected}`);
  return { version, digestAlgorithms, eContentType, ...(eContent ? { eContent } : {}), certificates, signerInfos };
}

export class NotSignedDataError extends Error {
  constructor(readonly contentType: string) {
    super(`content type ${contentType} is not id-signedData`);
  }
}
