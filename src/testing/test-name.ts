/**
 * Distinguished names for test certificates (tên phân biệt), written the way Vietnamese certificates are: UTF8String
 * values with diacritics, `C` as PrintableString, and identifiers in `UID` attributes (`MST:`, `CCCD:`, `CMND:`,
 * `MNS:`; signatures.md §1.2).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { testingError } from './errors.js';

/**
 * A subject or issuer name. Attributes are encoded in this order, one per RDN: C, ST, L, O, OU, T, CN, UID…, E,
 * serialNumber.
 * @example
 * ```ts
 * const person: TestName = { C: 'VN', ST: 'Hà Nội', CN: 'Nguyễn Văn A', UID: ['CCCD:001234567890'] };
 * ```
 */
export interface TestName {
  /** Quốc gia — country (two letters, PrintableString). */
  C?: string;
  /** Tỉnh / thành phố — province. */
  ST?: string;
  /** Địa phương — locality. */
  L?: string;
  /** Tổ chức — organisation. */
  O?: string;
  /** Đơn vị — organisational unit. */
  OU?: string;
  /** Chức danh — title. */
  T?: string;
  /** Tên — common name. */
  CN?: string;
  /** Định danh — UID values, e.g. `MST:0101234567`, `CCCD:001234567890`, `MNS:1234567`. */
  UID?: readonly string[];
  /** Thư điện tử — e-mail address (IA5String, PKCS#9). */
  E?: string;
  /** Số hiệu — the `serialNumber` attribute (PrintableString). */
  serialNumber?: string;
}

const ATTRIBUTES: readonly { key: keyof TestName; oid: string; kind: 'utf8' | 'printable' | 'ia5' }[] = [
  { key: 'C', oid: '2.5.4.6', kind: 'printable' },
  { key: 'ST', oid: '2.5.4.8', kind: 'utf8' },
  { key: 'L', oid: '2.5.4.7', kind: 'utf8' },
  { key: 'O', oid: '2.5.4.10', kind: 'utf8' },
  { key: 'OU', oid: '2.5.4.11', kind: 'utf8' },
  { key: 'T', oid: '2.5.4.12', kind: 'utf8' },
  { key: 'CN', oid: '2.5.4.3', kind: 'utf8' },
  { key: 'UID', oid: '0.9.2342.19200300.100.1.1', kind: 'utf8' },
  { key: 'E', oid: '1.2.840.113549.1.9.1', kind: 'ia5' },
  { key: 'serialNumber', oid: '2.5.4.5', kind: 'printable' },
];

function value(kind: 'utf8' | 'printable' | 'ia5', v: string): asn1js.Utf8String | asn1js.PrintableString | asn1js.IA5String {
  if (kind === 'utf8') return new asn1js.Utf8String({ value: v.normalize('NFC') });
  if (kind === 'printable') return new asn1js.PrintableString({ value: v });
  return new asn1js.IA5String({ value: v });
}

/** Encodes a {@link TestName} as a pkijs name. Internal. */
export function toPkijsName(name: TestName): pkijs.RelativeDistinguishedNames {
  const typesAndValues: pkijs.AttributeTypeAndValue[] = [];
  for (const a of ATTRIBUTES) {
    const raw = name[a.key];
    if (raw === undefined) continue;
    const values = typeof raw === 'string' ? [raw] : [...raw];
    for (const v of values) {
      if (typeof v !== 'string' || v.length === 0) {
        throw testingError('INVALID_CERTIFICATE_REQUEST', 'Thuộc tính tên không hợp lệ', `name attribute ${a.key} must be a non-empty string`);
      }
      if (a.kind === 'printable' && !/^[A-Za-z0-9 '()+,\-./:=?]+$/.test(v)) {
        throw testingError('INVALID_CERTIFICATE_REQUEST', 'Thuộc tính tên không hợp lệ', `name attribute ${a.key} must be PrintableString characters`);
      }
      typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: a.oid, value: value(a.kind, v) }));
    }
  }
  if (typesAndValues.length === 0) throw testingError('INVALID_CERTIFICATE_REQUEST', 'Tên rỗng', 'a name needs at least one attribute');
  // pkijs builds one multi-valued RDN from `typesAndValues`; encode one RDN per attribute and re-read the DER so
  // that pkijs keeps these exact bytes.
  const sequence = new asn1js.Sequence({ value: typesAndValues.map((t) => new asn1js.Set({ value: [t.toSchema()] })) });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

/** A one-line text form (`CN=…, UID=…`) for labels and messages. Internal. */
export function nameText(name: TestName): string {
  const parts: string[] = [];
  for (const a of [...ATTRIBUTES].reverse()) {
    const raw = name[a.key];
    if (raw === undefined) continue;
    for (const v of typeof raw === 'string' ? [raw] : raw) parts.push(`${a.key}=${v}`);
  }
  return parts.join(', ');
}
