/**
 * OCSP responses (RFC 6960) checked offline: CertID match (SHA-1 or SHA-256 name and key hashes), the response
 * signature by the CA itself or by a delegated responder certified by the CA with id-kp-OCSPSigning, the nonce
 * when the caller gives one, and thisUpdate / nextUpdate against the validation time — the checks pkijs skips
 * (signatures.md §2.2).
 */
import {
  Asn1Error, bitString, children, content, decodeDer, integerBytes, isContext, octets, oid, rawOf, readAlgorithm, readName,
  sequence, time, type AlgorithmIdentifier,
} from './asn1.js';
import { describeSignatureAlgorithm } from './algorithms.js';
import { bytesEqual, sha1, sha256, toHex } from './bytes.js';
import { decodeCertificate, EXTENDED_KEY_USAGES, type CertificateRecord } from './certificate.js';
import { signatureError } from './errors.js';
import { verifySignature, type ValidationCache } from './signature-verification.js';

/**
 * An OCSP response as DER bytes, optionally with the nonce the caller sent in its request.
 * @example
 * ```ts
 * await validateCertificatePath({ certificate, trustStore, ocspResponses: [{ der: ocspDer, nonce: requestNonce }] });
 * ```
 */
export type OcspInput = Uint8Array | ArrayBuffer | { der: Uint8Array | ArrayBuffer; nonce?: Uint8Array };

interface SingleResponse {
  hashOid: string;
  nameHash: Uint8Array;
  keyHash: Uint8Array;
  serial: string;
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: number;
  reason?: string;
  thisUpdate: number;
  nextUpdate?: number;
}

/** Internal OCSP record. */
export interface OcspRecord {
  tbs: Uint8Array;
  algorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  responderName?: string;
  responderKeyHash?: Uint8Array;
  producedAt: number;
  responses: SingleResponse[];
  certs: CertificateRecord[];
  nonce?: Uint8Array;
  expectedNonce?: Uint8Array;
  sha256: string;
}

const REASONS = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', '', 'removeFromCRL', 'privilegeWithdrawn', 'aACompromise'];

/** Decodes an OCSPResponse holding a BasicOCSPResponse; throws Asn1Error. */
export function decodeOcspResponse(der: Uint8Array): OcspRecord {
  const top = sequence(decodeDer(der, 'OCSPResponse'), 'OCSPResponse');
  const status = content(top[0], 'responseStatus')[0];
  if (status !== 0) throw new Asn1Error(`responseStatus ${status} (not successful)`);
  if (!isContext(top[1], 0)) throw new Asn1Error('missing responseBytes');
  const rb = sequence(children(top[1], 'responseBytes')[0], 'ResponseBytes');
  if (oid(rb[0], 'responseType') !== '1.3.6.1.5.5.7.48.1.1') throw new Asn1Error('not a BasicOCSPResponse');
  const basic = sequence(decodeDer(octets(rb[1], 'response'), 'BasicOCSPResponse'), 'BasicOCSPResponse');
  const tbsNode = basic[0]!;
  const algorithm = readAlgorithm(basic[1], 'signatureAlgorithm');
  const signature = bitString(basic[2], 'signature').bytes;
  const certs: CertificateRecord[] = [];
  if (isContext(basic[3], 0)) for (const c of sequence(children(basic[3], 'certs')[0], 'certs')) certs.push(decodeCertificate(rawOf(c).slice()));
  const rd = sequence(tbsNode, 'ResponseData');
  let i = 0;
  if (isContext(rd[0], 0)) i++;
  const rid = rd[i++]!;
  const rec: OcspRecord = { tbs: rawOf(tbsNode), algorithm, signature, producedAt: 0, responses: [], certs, sha256: toHex(sha256(der)) };
  if (isContext(rid, 1)) rec.responderName = readName(children(rid, 'byName')[0], 'byName').key;
  else if (isContext(rid, 2)) rec.responderKeyHash = octets(children(rid, 'byKey')[0], 'byKey');
  else throw new Asn1Error('bad responderID');
  rec.producedAt = time(rd[i++], 'producedAt');
  for (const sr of sequence(rd[i++], 'responses')) {
    const f = sequence(sr, 'SingleResponse');
    const cid = sequence(f[0], 'CertID');
    const s: SingleResponse = {
      hashOid: readAlgorithm(cid[0], 'hashAlgorithm').oid,
      nameHash: octets(cid[1], 'issuerNameHash'),
      keyHash: octets(cid[2], 'issuerKeyHash'),
      serial: toHex(integerBytes(cid[3], 'serialNumber')),
      status: 'unknown',
      thisUpdate: 0,
    };
    const st = f[1]!;
    if (isContext(st, 0)) s.status = 'good';
    else if (isContext(st, 1)) {
      s.status = 'revoked';
      const ri = children(st, 'RevokedInfo');
      s.revokedAt = time(ri[0], 'revocationTime');
      if (isContext(ri[1], 0)) s.reason = REASONS[content(children(ri[1], 'reason')[0], 'reason')[0] ?? 0] ?? 'unspecified';
    } else if (isContext(st, 2)) s.status = 'unknown';
    else throw new Asn1Error('bad certStatus');
    s.thisUpdate = time(f[2], 'thisUpdate');
    for (const x of f.slice(3)) if (isContext(x, 0)) s.nextUpdate = time(children(x, 'nextUpdate')[0], 'nextUpdate');
    rec.responses.push(s);
  }
  const extNode = rd[i];
  if (isContext(extNode, 1)) {
    for (const x of sequence(children(extNode, 'responseExtensions')[0], 'Extensions')) {
      const xf = sequence(x, 'Extension');
      if (oid(xf[0], 'extnID') === '1.3.6.1.5.5.7.48.1.2') {
        const raw = octets(xf[xf.length - 1], 'nonce');
        try {
          rec.nonce = octets(decodeDer(raw, 'nonce'), 'nonce');
        } catch {
          rec.nonce = raw;
        }
      }
    }
  }
  return rec;
}

/** Loads an OCSP input; throws VnEgovError INVALID_OCSP_RESPONSE. */
export function loadOcspResponse(input: OcspInput): OcspRecord {
  const raw = input instanceof Uint8Array || input instanceof ArrayBuffer ? input : input?.der;
  if (!(raw instanceof Uint8Array) && !(raw instanceof ArrayBuffer)) {
    throw signatureError('INVALID_INPUT_TYPE', 'Đầu vào OCSP không hợp lệ', 'OCSP response must be DER bytes');
  }
  const der = raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw;
  try {
    const rec = decodeOcspResponse(der.slice());
    if (!(input instanceof Uint8Array) && !(input instanceof ArrayBuffer) && input.nonce) rec.expectedNonce = input.nonce;
    return rec;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw signatureError('INVALID_OCSP_RESPONSE', 'Phản hồi OCSP không đọc được', `malformed OCSP response: ${msg}`, { cause: e });
  }
}

/** Outcome of the OCSP check of one certificate. */
export interface OcspCheckOutcome {
  status: 'good' | 'revoked' | 'unknown';
  revocationDate?: number;
  reason?: string;
  thisUpdate?: number;
  detail: string;
}

/** Whether the policy accepts a response signature made with `digest` by `signer`'s key. */
export type OcspCryptoCheck = (digest: string | undefined, signer: CertificateRecord) => boolean;

async function responderOk(rec: OcspRecord, issuer: CertificateRecord, at: number, cache: ValidationCache | undefined, acceptable: OcspCryptoCheck): Promise<CertificateRecord | undefined> {
  const issuerKeyHash = sha1(issuer.subjectPublicKey);
  const byIssuer = (rec.responderName !== undefined && rec.responderName === issuer.subjectKey) || (rec.responderKeyHash !== undefined && bytesEqual(rec.responderKeyHash, issuerKeyHash));
  const candidates: CertificateRecord[] = byIssuer ? [issuer] : [];
  for (const c of rec.certs) {
    const match = (rec.responderName !== undefined && rec.responderName === c.subjectKey) || (rec.responderKeyHash !== undefined && bytesEqual(rec.responderKeyHash, sha1(c.subjectPublicKey)));
    if (!match || c.issuerKey !== issuer.subjectKey) continue;
    if (!c.view.extensions.extendedKeyUsage?.purposes.includes(EXTENDED_KEY_USAGES.ocspSigning)) continue;
    if (!(c.notBefore <= at && at <= c.notAfter)) continue;
    const v = await verifySignature(issuer.spki, c.signatureAlgorithm, c.tbs, c.signatureValue, cache, cache ? `${c.sha256}|${issuer.sha256}` : undefined);
    if (v.ok) candidates.push(c);
  }
  const digest = describeSignatureAlgorithm(rec.algorithm.oid, rec.algorithm.params).hash;
  for (const signer of candidates) {
    if (!acceptable(digest, signer)) continue;
    const v = await verifySignature(signer.spki, rec.algorithm, rec.tbs, rec.signature, cache, cache ? `ocsp|${rec.sha256}|${signer.sha256}` : undefined);
    if (v.ok) return signer;
  }
  return undefined;
}

/** RFC 6960 §3.2 checks of the responses about `cert`. */
export async function checkWithOcsp(
  cert: CertificateRecord,
  issuer: CertificateRecord,
  responses: readonly OcspRecord[],
  at: number,
  maxAgeSeconds: number | undefined,
  cache: ValidationCache | undefined,
  acceptable: OcspCryptoCheck,
): Promise<OcspCheckOutcome> {
  const problems: string[] = [];
  for (const rec of responses) {
    for (const s of rec.responses) {
      if (s.serial !== cert.view.serialNumber) continue;
      const h = s.hashOid === '1.3.14.3.2.26' ? sha1 : s.hashOid === '2.16.840.1.101.3.4.2.1' ? sha256 : undefined;
      if (!h || !bytesEqual(h(issuer.subjectDer), s.nameHash) || !bytesEqual(h(issuer.subjectPublicKey), s.keyHash)) continue;
      if (rec.expectedNonce && (!rec.nonce || !bytesEqual(rec.nonce, rec.expectedNonce))) {
        problems.push('nonce mismatch');
        continue;
      }
      if (s.nextUpdate !== undefined && s.nextUpdate < at) {
        problems.push('response is stale (nextUpdate before the validation time)');
        continue;
      }
      if (s.nextUpdate === undefined && maxAgeSeconds !== undefined && at - s.thisUpdate > maxAgeSeconds * 1000) {
        problems.push('response too old');
        continue;
      }
      if (!(await responderOk(rec, issuer, at, cache, acceptable))) {
        problems.push('response not signed by the CA or an authorised responder with an accepted algorithm');
        continue;
      }
      if (s.status === 'revoked' && s.revokedAt !== undefined && s.revokedAt <= at) {
        return { status: 'revoked', revocationDate: s.revokedAt, ...(s.reason ? { reason: s.reason } : {}), thisUpdate: s.thisUpdate, detail: 'revoked' };
      }
      if (s.status === 'good' || s.status === 'revoked') return { status: 'good', thisUpdate: s.thisUpdate, detail: 'good' };
      problems.push('responder does not know the certificate');
    }
  }
  return { status: 'unknown', detail: problems.length ? [...new Set(problems)].join('; ') : 'no OCSP response for this certificate' };
}
