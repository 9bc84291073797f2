/**
 * DER encoders of the X.509 extensions the test kit writes (RFC 5280 §4.2), built with asn1js. Internal.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeyUsageName } from '../signature/index.js';
import { testingError } from './errors.js';
import { subtle, toArrayBuffer } from './test-keys.js';

const KU_BITS: readonly KeyUsageName[] = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign',
  'encipherOnly', 'decipherOnly',
];

function ext(oid: string, critical: boolean, value: asn1js.BaseBlock | Uint8Array): pkijs.Extension {
  const der = value instanceof Uint8Array ? toArrayBuffer(value) : value.toBER(false);
  return new pkijs.Extension({ extnID: oid, critical, extnValue: der });
}

function context(tag: number, bytes: Uint8Array): asn1js.Primitive {
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: tag }, valueHex: toArrayBuffer(bytes) });
}

function uri(u: string): asn1js.Primitive {
  return context(6, new TextEncoder().encode(u));
}

/** basicConstraints (2.5.29.19). */
export function basicConstraints(ca: boolean, pathLength: number | undefined, critical: boolean): pkijs.Extension {
  const value: asn1js.BaseBlock[] = [];
  if (ca) value.push(new asn1js.Boolean({ value: true }));
  if (pathLength !== undefined) value.push(new asn1js.Integer({ value: pathLength }));
  return ext('2.5.29.19', critical, new asn1js.Sequence({ value }));
}

/** keyUsage (2.5.29.15) as a minimal DER named-bit string. */
export function keyUsage(usages: readonly KeyUsageName[], critical: boolean): pkijs.Extension {
  let bits = 0;
  for (const u of usages) {
    const i = KU_BITS.indexOf(u);
    if (i < 0) throw testingError('INVALID_CERTIFICATE_REQUEST', 'Mục đích khóa không hợp lệ', `unknown key usage "${String(u)}"`);
    bits |= 1 << (15 - i);
  }
  let length = 2;
  if ((bits & 0xff) === 0) length = 1;
  if (bits === 0) length = 0;
  const bytes = new Uint8Array(length);
  if (length >= 1) bytes[0] = bits >> 8;
  if (length === 2) bytes[1] = bits & 0xff;
  const last = bytes[length - 1] ?? 0;
  let unused = 0;
  if (length > 0) while (unused < 7 && ((last >> unused) & 1) === 0) unused++;
  return ext('2.5.29.15', critical, new asn1js.BitString({ unusedBits: unused, valueHex: toArrayBuffer(bytes) }));
}

/** extKeyUsage (2.5.29.37). */
export function extendedKeyUsage(purposes: readonly string[], critical: boolean): pkijs.Extension {
  return ext('2.5.29.37', critical, new asn1js.Sequence({ value: purposes.map((p) => new asn1js.ObjectIdentifier({ value: p })) }));
}

/** subjectKeyIdentifier (2.5.29.14). */
export function subjectKeyIdentifier(keyId: Uint8Array): pkijs.Extension {
  return ext('2.5.29.14', false, new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) }));
}

/** authorityKeyIdentifier (2.5.29.35) with keyIdentifier only. */
export function authorityKeyIdentifier(keyId: Uint8Array): pkijs.Extension {
  return ext('2.5.29.35', false, new asn1js.Sequence({ value: [context(0, keyId)] }));
}

/** cRLDistributionPoints (2.5.29.31): one distribution point per URL, fullName only. */
export function crlDistributionPoints(urls: readonly string[]): pkijs.Extension {
  return ext('2.5.29.31', false, new asn1js.Sequence({
    value: urls.map((u) => new asn1js.Sequence({
      value: [new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [uri(u)] })],
      })],
    })),
  }));
}

/** authorityInfoAccess (1.3.6.1.5.5.7.1.1): OCSP and caIssuers URLs. */
export function authorityInfoAccess(ocsp: readonly string[], caIssuers: readonly string[]): pkijs.Extension {
  const entry = (oid: string, u: string): asn1js.Sequence => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), uri(u)] });
  return ext('1.3.6.1.5.5.7.1.1', false, new asn1js.Sequence({
    value: [...ocsp.map((u) => entry('1.3.6.1.5.5.7.48.1', u)), ...caIssuers.map((u) => entry('1.3.6.1.5.5.7.48.2', u))],
  }));
}

/** certificatePolicies (2.5.29.32), with an optional CPS URI qualifier on each policy. */
export function certificatePolicies(oids: readonly string[], cpsUrl: string | undefined): pkijs.Extension {
  return ext('2.5.29.32', false, new asn1js.Sequence({
    value: oids.map((oid) => new asn1js.Sequence({
      value: [
        new asn1js.ObjectIdentifier({ value: oid }),
        ...(cpsUrl ? [new asn1js.Sequence({
          value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.3.6.1.5.5.7.2.1' }), new asn1js.IA5String({ value: cpsUrl })] })],
        })] : []),
      ],
    })),
  }));
}

/** subjectAltName (2.5.29.17): rfc822Name and dNSName entries. */
export function subjectAltName(email: readonly string[], dns: readonly string[]): pkijs.Extension {
  const enc = new TextEncoder();
  return ext('2.5.29.17', false, new asn1js.Sequence({
    value: [...email.map((e) => context(1, enc.encode(e))), ...dns.map((d) => context(2, enc.encode(d)))],
  }));
}

/** id-pkix-ocsp-nocheck (1.3.6.1.5.5.7.48.1.5) for delegated OCSP responders (RFC 6960 §4.2.2.2.1). */
export function ocspNoCheck(): pkijs.Extension {
  return ext('1.3.6.1.5.5.7.48.1.5', false, new asn1js.Null());
}

/** An arbitrary extension with a caller-given DER value. */
export function rawExtension(oid: string, critical: boolean, value: Uint8Array): pkijs.Extension {
  return ext(oid, critical, value);
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING value. */
export async function keyIdentifierOf(spki: pkijs.PublicKeyInfo): Promise<Uint8Array> {
  const bits = spki.subjectPublicKey.valueBlock.valueHexView;
  return new Uint8Array(await subtle().digest('SHA-1', toArrayBuffer(new Uint8Array(bits))));
}
