/**
 * `signEdxml`: puts an enveloped XMLDSig signature into an edXML envelope (ký số gói tin edXML): `ds:Signature` in
 * the xmldsig namespace, last child of `edXMLHeader` (or of the root), `Reference URI=""` with the
 * enveloped-signature transform, KeyInfo/X509Data with the certificate (and chain). WebCrypto keys only.
 */
import { isVnEgovError } from '../../errors/index.js';
import { toBase64 } from '../bytes.js';
import { loadCertificate, type CertificateInput } from '../certificate.js';
import { C14N_ALGORITHMS, canonicalBytes, canonicalizationMode } from './canonicalize.js';
import { xmlSignatureError } from './errors.js';
import { pssSaltLength, XMLDSIG_ALGORITHMS, XMLDSIG_NS } from './xml-algorithms.js';
import { decodeXmlInput, parseXmlDocument, type XDocument, type XElement } from './xml-document.js';

const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/**
 * Options of {@link signEdxml}.
 * @example
 * ```ts
 * const options: SignEdxmlOptions = { key: keys.privateKey, certificate: certPem, canonicalization: 'exc-c14n', hash: 'SHA-256' };
 * ```
 */
export interface SignEdxmlOptions {
  /** Private key (khóa bí mật): RSASSA-PKCS1-v1_5, RSA-PSS or ECDSA, with the `sign` usage. */
  key: CryptoKey;
  /** The signer's certificate (PEM, DER or parsed). */
  certificate: CertificateInput;
  /** Intermediate certificates written after the signer's in X509Data. */
  chain?: readonly CertificateInput[];
  /** Canonicalisation of SignedInfo and of the Reference: inclusive C14N 1.0 (`c14n`, default) or exclusive. */
  canonicalization?: 'c14n' | 'exc-c14n';
  /** Digest of the Reference and, for ECDSA, of the signature; RSA keys use the hash they were imported with. Default SHA-256. */
  hash?: 'SHA-256' | 'SHA-384' | 'SHA-512';
}

const HASH_URI = { 'SHA-256': XMLDSIG_ALGORITHMS.sha256, 'SHA-384': XMLDSIG_ALGORITHMS.sha384, 'SHA-512': XMLDSIG_ALGORITHMS.sha512 } as const;
type SignHash = keyof typeof HASH_URI;
const RSA_URI: Record<SignHash, string> = { 'SHA-256': XMLDSIG_ALGORITHMS.rsaSha256, 'SHA-384': XMLDSIG_ALGORITHMS.rsaSha384, 'SHA-512': XMLDSIG_ALGORITHMS.rsaSha512 };
const PSS_URI: Record<SignHash, string> = { 'SHA-256': XMLDSIG_ALGORITHMS.rsaPssSha256, 'SHA-384': XMLDSIG_ALGORITHMS.rsaPssSha384, 'SHA-512': XMLDSIG_ALGORITHMS.rsaPssSha512 };
const ECDSA_URI: Record<SignHash, string> = { 'SHA-256': XMLDSIG_ALGORITHMS.ecdsaSha256, 'SHA-384': XMLDSIG_ALGORITHMS.ecdsaSha384, 'SHA-512': XMLDSIG_ALGORITHMS.ecdsaSha512 };

function fail(vi: string, en: string, cause?: unknown): never {
  throw xmlSignatureError('XML_SIGNATURE_SIGNING_FAILED', vi, en, cause === undefined ? {} : { cause });
}

function slotOf(doc: XDocument): XElement {
  return doc.elements.find((e) => e.local === 'edXMLHeader' && e.ns === EDXML_NS) ?? doc.root;
}

/** Offset in the original text of an offset in the normalised text (BOM removed, CR LF and CR → LF). */
function originalOffset(original: string, normalized: number): number {
  let i = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (original.indexOf('\r') < 0) return normalized + i;
  for (let k = 0; k < normalized; k++, i++) if (original.charCodeAt(i) === 0x0d && original.charCodeAt(i + 1) === 0x0a) i++;
  return i;
}

/** Inserts `fragment` as the last child of `slot`, into the original text (every other byte is kept). */
function insert(original: string, slot: XElement, fragment: string): string {
  if (slot.selfClosing) {
    const end = originalOffset(original, slot.end);
    return `${original.slice(0, end - 2)}>${fragment}</${slot.qname}>${original.slice(end)}`;
  }
  const at = originalOffset(original, slot.closeStart);
  return original.slice(0, at) + fragment + original.slice(at);
}

/**
 * Signs an edXML envelope (ký số gói tin edXML) with an enveloped XMLDSig signature: `ds:Signature` (xmldsig
 * namespace) as the last child of `edXMLHeader`, or of the root element when there is none; one `Reference URI=""`
 * with the enveloped-signature transform and C14N; RSA PKCS#1 v1.5 (`rsa-sha256/384/512`), RSA-PSS (RFC 6931
 * `sha256-rsa-MGF1`…) or ECDSA (`ecdsa-sha256/384/512`, raw r‖s) by the key's WebCrypto algorithm; KeyInfo/X509Data
 * with the certificate and `chain`. The output verifies with {@link verifyXmlSignature} and with
 * `xmlsec1 --verify --enabled-reference-uris empty,same-doc`. Every byte outside the inserted Signature is kept (line
 * ends and BOM included).
 *
 * @throws VnEgovError `XML_SIGNATURE_ALREADY_SIGNED`, `XML_SIGNATURE_SIGNING_FAILED`, `XML_SIGNATURE_INVALID_OPTIONS`
 *   and the XML reader's codes (`XML_SIGNATURE_MALFORMED_XML`, `XML_SIGNATURE_DTD_FORBIDDEN`…).
 * @example
 * ```ts
 * import { signEdxml, verifyXmlSignature } from 'vn-egov/signature';
 * const signed = await signEdxml(edxmlText, { key: signer.keys.privateKey, certificate: signer.pem, chain: [ca.pem] });
 * const report = await verifyXmlSignature(signed, { trustStore });
 * ```
 */
export async function signEdxml(xml: string | Uint8Array | ArrayBuffer, options: SignEdxmlOptions): Promise<string> {
  if (typeof options !== 'object' || options === null) fail('Thiếu tùy chọn ký', 'options are required');
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  const key = options.key as CryptoKey | undefined;
  if (!subtle || typeof key !== 'object' || key === null || key.type !== 'private' || !key.usages.includes('sign')) {
    throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Khóa ký phải là CryptoKey bí mật có quyền sign', 'options.key must be a private WebCrypto CryptoKey with the sign usage');
  }
  const hash: SignHash = options.hash ?? 'SHA-256';
  if (!(hash in HASH_URI)) throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Thuật toán băm không được hỗ trợ', `hash must be SHA-256, SHA-384 or SHA-512`);
  const c14nName = options.canonicalization ?? 'c14n';
  if (c14nName !== 'c14n' && c14nName !== 'exc-c14n') throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Phương pháp chuẩn hóa không hợp lệ', 'canonicalization must be c14n or exc-c14n');
  const c14nUri = c14nName === 'c14n' ? C14N_ALGORITHMS.c14n : C14N_ALGORITHMS.excC14n;
  const mode = canonicalizationMode(c14nUri)!;
  let certs: string[];
  try {
    certs = [options.certificate, ...(options.chain ?? [])].map((c) => toBase64(loadCertificate(c).der));
  } catch (e) {
    throw xmlSignatureError('XML_SIGNATURE_INVALID_OPTIONS', 'Chứng thư không đọc được', 'certificate or chain is not readable', { cause: e });
  }

  let signatureUri: string;
  let signParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
  const keyAlg = key.algorithm as KeyAlgorithm & { hash?: { name: string } };
  switch (keyAlg.name) {
    case 'RSASSA-PKCS1-v1_5': {
      const h = keyAlg.hash?.name as SignHash | undefined;
      if (!h || !(h in RSA_URI)) fail('Khóa RSA phải gắn với SHA-256/384/512', `RSA key hash ${String(h)} is not supported`);
      signatureUri = RSA_URI[h];
      signParams = { name: 'RSASSA-PKCS1-v1_5' };
      break;
    }
    case 'RSA-PSS': {
      const h = keyAlg.hash?.name as SignHash | undefined;
      if (!h || !(h in PSS_URI)) fail('Khóa RSA-PSS phải gắn với SHA-256/384/512', `RSA-PSS key hash ${String(h)} is not supported`);
      signatureUri = PSS_URI[h];
      signParams = { name: 'RSA-PSS', saltLength: pssSaltLength(h) };
      break;
    }
    case 'ECDSA':
      signatureUri = ECDSA_URI[hash];
      signParams = { name: 'ECDSA', hash };
      break;
    default:
      fail('Thuật toán khóa không được hỗ trợ', `key algorithm ${keyAlg.name} is not supported (RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA)`);
  }

  const original = decodeXmlInput(xml);
  const doc0 = parseXmlDocument(original);
  if (doc0.elements.some((e) => e.local === 'Signature' && (e.ns === XMLDSIG_NS || e.children.some((c) => c.kind === 'element' && c.local === 'SignedInfo')))) {
    throw xmlSignatureError('XML_SIGNATURE_ALREADY_SIGNED', 'Tài liệu đã có chữ ký (phần tử Signature)', 'the document already holds a Signature element');
  }
  const slot0 = slotOf(doc0);
  const build = (digestValue: string, signatureValue: string): string =>
    `<ds:Signature xmlns:ds="${XMLDSIG_NS}">${signedInfo(digestValue)}<ds:SignatureValue>${signatureValue}</ds:SignatureValue>`
    + `<ds:KeyInfo><ds:X509Data>${certs.map((c) => `<ds:X509Certificate>${c}</ds:X509Certificate>`).join('')}</ds:X509Data></ds:KeyInfo></ds:Signature>`;
  const signedInfo = (digestValue: string): string =>
    `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${c14nUri}"/><ds:SignatureMethod Algorithm="${signatureUri}"/>`
    + `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${XMLDSIG_ALGORITHMS.envelopedSignature}"/><ds:Transform Algorithm="${c14nUri}"/></ds:Transforms>`
    + `<ds:DigestMethod Algorithm="${HASH_URI[hash]}"/><ds:DigestValue>${digestValue}</ds:DigestValue></ds:Reference></ds:SignedInfo>`;

  const locate = (doc: XDocument): XElement => doc.elements.find((e) => e.local === 'Signature' && e.ns === XMLDSIG_NS)!;
  try {
    // 1. the reference digest (the Signature itself is excluded by the enveloped transform)
    const doc1 = parseXmlDocument(insert(original, slot0, build('', '')));
    const refBytes = canonicalBytes(doc1, mode, { exclude: locate(doc1), dropComments: true });
    const digestValue = toBase64(new Uint8Array(await subtle.digest(hash, refBytes)));
    // 2. the signature over the canonical SignedInfo, in its final context
    const doc2 = parseXmlDocument(insert(original, slot0, build(digestValue, '')));
    const si = locate(doc2).children.find((c): c is XElement => c.kind === 'element' && c.local === 'SignedInfo')!;
    const siBytes = canonicalBytes(doc2, mode, { apex: si });
    const value = new Uint8Array(await subtle.sign(signParams, key, siBytes));
    return insert(original, slot0, build(digestValue, toBase64(value)));
  } catch (e) {
    if (isVnEgovError(e)) throw e;
    return fail('Không ký được tài liệu', `signing failed: ${e instanceof Error ? e.message : String(e)}`, e);
  }
}
