/**
 * TSTInfo (RFC 3161 §2.4.2; thông tin dấu thời gian): strict DER reader. genTime keeps its fractional seconds (no
 * trailing zeros, `Z` only, as RFC 3161 requires). Internal.
 */
import { Asn1Error, booleanValue, children, content, decodeDer, integerBytes, isContext, isUniversal, oid, octets, readAlgorithm, readGeneralName, sequence, type GeneralName, type Node } from '../asn1.js';
import { toHex } from '../bytes.js';

/** The parsed TSTInfo. */
export interface TstInfo {
  version: number;
  policy: string;
  imprint: { algorithmOid: string; value: Uint8Array };
  /** Serial number (upper-case hex of the INTEGER content). */
  serialNumber: string;
  /** genTime, epoch milliseconds (sub-millisecond digits dropped). */
  genTime: number;
  /** genTime in ISO 8601 UTC with every fractional digit of the token (e.g. `2026-03-16T03:00:00.123456Z`). */
  genTimeIso: string;
  accuracy?: { seconds: number; millis: number; micros: number };
  ordering: boolean;
  nonce?: string;
  tsa?: GeneralName;
  extensions: boolean;
}

const MAX_SMALL = 2 ** 31;

function small(node: Node | undefined, what: string, max = MAX_SMALL): number {
  const c = integerBytes(node, what);
  if (c[0]! & 0x80) throw new Asn1Error(`${what}: negative`);
  if (c.length > 5) throw new Asn1Error(`${what}: too large`);
  let v = 0;
  for (const b of c) v = v * 256 + b;
  if (v > max) throw new Asn1Error(`${what}: out of range`);
  return v;
}

/** GeneralizedTime of RFC 3161: YYYYMMDDhhmmss[.f*]Z, no trailing zeros in the fraction. */
export function readGenTime(node: Node | undefined): { ms: number; iso: string } {
  if (!isUniversal(node, 24)) throw new Asn1Error('genTime: GeneralizedTime expected');
  const s = new TextDecoder('latin1').decode(content(node, 'genTime'));
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/.exec(s);
  if (!m) throw new Asn1Error(`genTime: "${s}" is not YYYYMMDDhhmmss[.f]Z`);
  const [, y, mo, d, h, mi, se, frac] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const back = new Date(ms);
  if (Number.isNaN(ms) || back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) {
    throw new Asn1Error(`genTime: "${s}" is not a valid time`);
  }
  const fraction = frac ?? '';
  const withMs = ms + (fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);
  return { ms: withMs, iso: `${y}-${mo}-${d}T${h}:${mi}:${se}${fraction ? `.${fraction}` : ''}Z` };
}

/** Parses DER TSTInfo; throws Asn1Error when it is not RFC 3161 §2.4.2. */
export function parseTstInfo(der: Uint8Array): TstInfo {
  const f = sequence(decodeDer(der, 'TSTInfo'), 'TSTInfo');
  let i = 0;
  const version = small(f[i++], 'TSTInfo version');
  if (version !== 1) throw new Asn1Error(`TSTInfo: version ${version}, expected 1`);
  const policy = oid(f[i++], 'TSTInfo policy');
  const mi = sequence(f[i++], 'messageImprint');
  if (mi.length !== 2) throw new Asn1Error('messageImprint: two fields expected');
  const alg = readAlgorithm(mi[0], 'messageImprint hashAlgorithm');
  if (alg.params !== undefined && !isUniversal(alg.params, 5)) throw new Asn1Error('messageImprint: hash parameters must be absent or NULL');
  const imprint = { algorithmOid: alg.oid, value: octets(mi[1], 'hashedMessage') };
  const serial = integerBytes(f[i++], 'TSTInfo serialNumber');
  if (serial[0]! & 0x80) throw new Asn1Error('TSTInfo serialNumber: negative');
  const gt = readGenTime(f[i++]);
  let accuracy: TstInfo['accuracy'];
  if (isUniversal(f[i], 16)) {
    const a = children(f[i++], 'accuracy');
    let seconds = 0;
    let millis = 0;
    let micros = 0;
    let k = 0;
    if (isUniversal(a[k], 2)) seconds = small(a[k++], 'accuracy seconds');
    if (isContext(a[k], 0)) millis = small(implicitInteger(a[k++]!, 'millis'), 'accuracy millis', 999);
    if (isContext(a[k], 1)) micros = small(implicitInteger(a[k++]!, 'micros'), 'accuracy micros', 999);
    if (k !== a.length) throw new Asn1Error('accuracy: unexpected field');
    if ((millis === 0 && a.some((n) => isContext(n, 0))) || (micros === 0 && a.some((n) => isContext(n, 1)))) throw new Asn1Error('accuracy: millis / micros must be 1–999');
    accuracy = { seconds, millis, micros };
  }
  let ordering = false;
  if (isUniversal(f[i], 1)) {
    ordering = booleanValue(f[i++], 'ordering');
    if (!ordering) throw new Asn1Error('ordering: DEFAULT FALSE must be omitted in DER');
  }
  let nonce: string | undefined;
  if (isUniversal(f[i], 2)) nonce = toHex(integerBytes(f[i++], 'nonce'));
  let tsa: GeneralName | undefined;
  if (isContext(f[i], 0)) {
    const inner = children(f[i++], 'tsa');
    if (inner.length !== 1) throw new Asn1Error('tsa: one GeneralName expected');
    tsa = readGeneralName(inner[0]!, 'tsa');
  }
  let extensions = false;
  if (isContext(f[i], 1)) {
    extensions = true;
    i++;
  }
  if (i !== f.length) throw new Asn1Error('TSTInfo: unexpected fields');
  return {
    version, policy, imprint, serialNumber: toHex(serial), genTime: gt.ms, genTimeIso: gt.iso,
    ...(accuracy ? { accuracy } : {}), ordering, ...(nonce ? { nonce } : {}), ...(tsa ? { tsa } : {}), extensions,
  };
}

/** `[n] IMPLICIT INTEGER` → a node read as INTEGER content. */
function implicitInteger(node: Node, what: string): Node {
  const c = content(node, what);
  // re-wrap as a universal INTEGER for the common reader
  const der = new Uint8Array(2 + c.length);
  if (c.length > 127) throw new Asn1Error(`${what}: too long`);
  der[0] = 0x02;
  der[1] = c.length;
  der.set(c, 2);
  return decodeDer(der, what);
}
