/**
 * Certificate bundles: several PEM certificates in one text, and PKCS#7 / CMS "certs-only" bags (`.p7b`,
 * RFC 5652 §5 SignedData with no signers), such as NEAC's https://rootca.gov.vn/crt/vnrca256.p7b (SOURCES.txt).
 */
import { Asn1Error, children, decodeBer, isContext, oid, rawOf, sequence, tagClass } from './asn1.js';
import { loadCertificate, type ParsedCertificate } from './certificate.js';
import { signatureError } from './errors.js';
import { decodePem } from './pem.js';

const SIGNED_DATA = '1.2.840.113549.1.7.2';

/** Reads the certificates of a DER PKCS#7 SignedData; throws VnEgovError INVALID_PKCS7. */
export function certificatesFromPkcs7(der: Uint8Array): Uint8Array[] {
  try {
    const ci = sequence(decodeBer(der, 'ContentInfo'), 'ContentInfo');
    if (oid(ci[0], 'contentType') !== SIGNED_DATA) throw new Asn1Error('ContentInfo is not SignedData');
    if (!isContext(ci[1], 0)) throw new Asn1Error('ContentInfo: missing [0] content');
    const sd = sequence(children(ci[1], 'content')[0], 'SignedData');
    const certsNode = sd.find((n) => isContext(n, 0));
    if (!certsNode) return [];
    return children(certsNode, 'certificates')
      .filter((n) => tagClass(n) === 1) // skip other certificate formats ([0]..[3] alternatives)
      .map((n) => rawOf(n).slice());
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw signatureError('INVALID_PKCS7', 'Tệp PKCS#7 (.p7b) không đọc được', `malformed PKCS#7: ${msg}`, { cause: e });
  }
}

function isPkcs7(der: Uint8Array): boolean {
  try {
    const ci = sequence(decodeBer(der, 'ContentInfo'), 'ContentInfo');
    return ci.length >= 1 && oid(ci[0], 'contentType') === SIGNED_DATA;
  } catch {
    return false;
  }
}

/**
 * Parses every certificate of a bundle: PEM text with any number of `CERTIFICATE` and `PKCS7` blocks, a DER
 * certificate, or a DER `.p7b` bag. Order is preserved; duplicates (same SHA-256) are dropped.
 *
 * @throws VnEgovError `INVALID_PEM`, `INVALID_PKCS7`, `INVALID_CERTIFICATE`, `INVALID_INPUT_TYPE`.
 * @example
 * ```ts
 * import { parseCertificates } from 'vn-egov/signature';
 * const certs = parseCertificates(p7bBytes);
 * certs.map((c) => c.subject.text);
 * ```
 */
export function parseCertificates(input: string | Uint8Array | ArrayBuffer): ParsedCertificate[] {
  const ders: Uint8Array[] = [];
  const fromBlock = (label: string, der: Uint8Array): void => {
    if (label === 'PKCS7' || label === 'CMS') ders.push(...certificatesFromPkcs7(der));
    else if (label === 'CERTIFICATE' || label === 'X509 CERTIFICATE') ders.push(der);
  };
  if (typeof input === 'string') {
    for (const b of decodePem(input)) fromBlock(b.label, b.der);
  } else if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    if (bytes[0] === 0x30) {
      if (isPkcs7(bytes)) ders.push(...certificatesFromPkcs7(bytes));
      else ders.push(bytes);
    } else {
      for (const b of decodePem(new TextDecoder('utf-8').decode(bytes))) fromBlock(b.label, b.der);
    }
  } else {
    throw signatureError('INVALID_INPUT_TYPE', 'Kiểu dữ liệu đầu vào không được hỗ trợ', 'input must be a PEM string, Uint8Array or ArrayBuffer');
  }
  const seen = new Set<string>();
  const out: ParsedCertificate[] = [];
  for (const der of ders) {
    const c = loadCertificate(der).view;
    if (seen.has(c.fingerprints.sha256)) continue;
    seen.add(c.fingerprints.sha256);
    out.push(c);
  }
  return out;
}
