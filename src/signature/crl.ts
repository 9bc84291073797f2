/**
 * Certificate revocation lists (danh sách chứng thư bị thu hồi), RFC 5280 §5 and §6.3: parsing, and the revocation
 * check of one certificate — issuer match (direct and indirect CRLs), signature by the issuer or by a separately
 * certified CRL signer with cRLSign, thisUpdate / nextUpdate against the validation time, issuing distribution
 * point scope (user / CA certificates, reasons, distribution point names), delta CRLs, and revocation dates and
 * reason codes compared with the validation time (unlike pkijs, signatures.md §2.2).
 */
import {
  Asn1Error, bit, bitString, booleanValue, children, content, decodeDer, integerBytes, isContext, isUniversal, octets, oid,
  rawOf, readAlgorithm, readGeneralName, readName, sequence, time, type AlgorithmIdentifier, type GeneralName, type Node,
} from './asn1.js';
import { describeSignatureAlgorithm, type SignatureAlgorithmInfo } from './algorithms.js';
import { sha256, toHex } from './bytes.js';
import { readDistributionPointName, type CertificateRecord, type DistinguishedName, type DistributionPoint } from './certificate.js';
import { signatureError } from './errors.js';
import { nameToString } from './asn1.js';
import { toDerBytes } from './pem.js';

/**
 * Revocation reasons (lý do thu hồi), RFC 5280 §5.3.1.
 * @example
 * ```ts
 * const reason: RevocationReason | undefined = parseCrl(crlDer).entries[0]?.reason; // 'keyCompromise'
 * ```
 */
export type RevocationReason =
  | 'unspecified' | 'keyCompromise' | 'cACompromise' | 'affiliationChanged' | 'superseded' | 'cessationOfOperation'
  | 'certificateHold' | 'removeFromCRL' | 'privilegeWithdrawn' | 'aACompromise';

const REASON_CODES: Record<number, RevocationReason> = {
  0: 'unspecified', 1: 'keyCompromise', 2: 'cACompromise', 3: 'affiliationChanged', 4: 'superseded', 5: 'cessationOfOperation',
  6: 'certificateHold', 8: 'removeFromCRL', 9: 'privilegeWithdrawn', 10: 'aACompromise',
};
const REASON_FLAGS = ['unused', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'privilegeWithdrawn', 'aACompromise'];
const ALL_REASONS = REASON_FLAGS.slice(1);

/**
 * One revoked certificate entry.
 * @example
 * ```ts
 * const revoked = parseCrl(crlDer).entries.find((e) => e.serialNumber === cert.serialNumber);
 * ```
 */
export interface CrlEntry {
  serialNumber: string;
  revocationDate: string;
  reason?: RevocationReason;
  invalidityDate?: string;
  /** Indirect CRLs: the issuer this entry (and the following ones) belong to. */
  certificateIssuer?: GeneralName[];
}

/**
 * A parsed CRL in plain form.
 * @example
 * ```ts
 * const crl: ParsedCrl = parseCrl(crlDer);
 * console.log(crl.thisUpdate, crl.nextUpdate, crl.entries.length);
 * ```
 */
export interface ParsedCrl {
  der: Uint8Array;
  issuer: DistinguishedName;
  thisUpdate: string;
  nextUpdate?: string;
  crlNumber?: string;
  /** Present on delta CRLs: the base CRL number. */
  deltaCrlIndicator?: string;
  issuingDistributionPoint?: {
    distributionPoint?: DistributionPoint;
    onlyContainsUserCerts: boolean;
    onlyContainsCACerts: boolean;
    onlySomeReasons?: string[];
    indirectCrl: boolean;
    onlyContainsAttributeCerts: boolean;
  };
  signatureAlgorithm: SignatureAlgorithmInfo;
  entries: CrlEntry[];
  /** Critical extensions this library does not process (the CRL is then unusable). */
  unsupportedCriticalExtensions: string[];
  sha256: string;
}

/** Internal CRL record. */
export interface CrlRecord {
  view: ParsedCrl;
  tbs: Uint8Array;
  signature: Uint8Array;
  algorithm: AlgorithmIdentifier;
  issuerKey: string;
  thisUpdate: number;
  nextUpdate: number | undefined;
  entries: (CrlEntry & { revokedAt: number; issuerKey: string; unsupportedCritical: boolean })[];
  authorityKeyId?: string;
}

function dnOf(rdns: ReturnType<typeof readName>['rdns']): DistinguishedName {
  const attributes: Record<string, string[]> = {};
  for (const rdn of rdns) for (const a of rdn) (attributes[a.shortName ?? a.oid] ??= []).push(a.value);
  return { rdns, text: nameToString(rdns), attributes };
}

function bigHexToNumberString(hex: string): string {
  return BigInt('0x' + (hex || '0')).toString();
}

/** Decodes a CRL; throws Asn1Error. */
export function decodeCrl(der: Uint8Array): CrlRecord {
  const top = sequence(decodeDer(der, 'CertificateList'), 'CertificateList');
  if (top.length !== 3) throw new Asn1Error('CertificateList: must have 3 fields');
  const tbsNode = top[0]!;
  const algorithm = readAlgorithm(top[1], 'signatureAlgorithm');
  const sigNode = top[2]!;
  const sigContent = bitString(sigNode, 'signatureValue').bytes;
  const tbs = sequence(tbsNode, 'TBSCertList');
  let i = 0;
  if (isUniversal(tbs[0], 2)) i++; // version
  readAlgorithm(tbs[i++], 'signature');
  const issuer = readName(tbs[i++], 'issuer');
  const thisUpdate = time(tbs[i++], 'thisUpdate');
  let nextUpdate: number | undefined;
  if (tbs[i] && (isUniversal(tbs[i], 23) || isUniversal(tbs[i], 24))) nextUpdate = time(tbs[i++], 'nextUpdate');
  const entries: CrlRecord['entries'] = [];
  let currentIssuerKey = issuer.key;
  let currentIssuerNames: GeneralName[] | undefined;
  if (tbs[i] && isUniversal(tbs[i], 16)) {
    for (const e of sequence(tbs[i++], 'revokedCertificates')) {
      const f = sequence(e, 'revokedCertificate');
      const serial = toHex(integerBytes(f[0], 'userCertificate'));
      const revokedAt = time(f[1], 'revocationDate');
      const entry: CrlRecord['entries'][number] = {
        serialNumber: serial, revocationDate: new Date(revokedAt).toISOString(), revokedAt, issuerKey: currentIssuerKey, unsupportedCritical: false,
      };
      if (f[2]) {
        for (const x of sequence(f[2], 'crlEntryExtensions')) {
          const xf = sequence(x, 'Extension');
          const id = oid(xf[0], 'extnID');
          const critical = isUniversal(xf[1], 1) ? booleanValue(xf[1], 'critical') : false;
          const val = decodeDer(octets(critical || isUniversal(xf[1], 1) ? xf[2] : xf[1], 'extnValue'), id);
          if (id === '2.5.29.21') {
            const code = content(val, 'reasonCode')[0] ?? 0;
            const r = REASON_CODES[code];
            if (r) entry.reason = r;
          } else if (id === '2.5.29.24') entry.invalidityDate = new Date(time(val, 'invalidityDate')).toISOString();
          else if (id === '2.5.29.29') {
            currentIssuerNames = sequence(val, 'certificateIssuer').map((g) => readGeneralName(g, 'certificateIssuer'));
            const dn = currentIssuerNames.find((g) => g.type === 'directoryName');
            currentIssuerKey = dn?.directoryName?.key ?? '#unknown';
          } else if (critical) entry.unsupportedCritical = true;
        }
      }
      entry.issuerKey = currentIssuerKey;
      if (currentIssuerNames) entry.certificateIssuer = currentIssuerNames;
      entries.push(entry);
    }
  }
  const view: ParsedCrl = {
    der,
    issuer: dnOf(issuer.rdns),
    thisUpdate: new Date(thisUpdate).toISOString(),
    ...(nextUpdate !== undefined ? { nextUpdate: new Date(nextUpdate).toISOString() } : {}),
    signatureAlgorithm: describeSignatureAlgorithm(algorithm.oid, algorithm.params),
    entries: entries.map(({ revokedAt: _r, issuerKey: _k, unsupportedCritical: _u, ...e }) => e),
    unsupportedCriticalExtensions: [],
    sha256: toHex(sha256(der)),
  };
  let authorityKeyId: string | undefined;
  const extNode = tbs[i];
  if (extNode !== undefined) {
    if (!isContext(extNode, 0)) throw new Asn1Error('TBSCertList: unexpected field');
    for (const x of sequence(children(extNode, 'crlExtensions')[0], 'Extensions')) {
      const xf = sequence(x, 'Extension');
      const id = oid(xf[0], 'extnID');
      const critical = isUniversal(xf[1], 1) ? booleanValue(xf[1], 'critical') : false;
      const val = decodeDer(octets(isUniversal(xf[1], 1) ? xf[2] : xf[1], 'extnValue'), id);
      switch (id) {
        case '2.5.29.20':
          view.crlNumber = bigHexToNumberString(toHex(integerBytes(val, 'cRLNumber')));
          break;
        case '2.5.29.27':
          view.deltaCrlIndicator = bigHexToNumberString(toHex(integerBytes(val, 'deltaCRLIndicator')));
          break;
        case '2.5.29.35':
          for (const y of sequence(val, 'authorityKeyIdentifier')) if (isContext(y, 0)) authorityKeyId = toHex(content(y, 'keyIdentifier'));
          break;
        case '2.5.29.28':
          view.issuingDistributionPoint = readIdp(val);
          break;
        case '2.5.29.46':
        case '2.5.29.18':
          break;
        default:
          if (critical) view.unsupportedCriticalExtensions.push(id);
      }
    }
  }
  return {
    view,
    tbs: rawOf(tbsNode),
    signature: sigContent,
    algorithm,
    issuerKey: issuer.key,
    thisUpdate,
    nextUpdate,
    entries,
    ...(authorityKeyId !== undefined ? { authorityKeyId } : {}),
  };
}

function readIdp(node: Node): NonNullable<ParsedCrl['issuingDistributionPoint']> {
  const idp: NonNullable<ParsedCrl['issuingDistributionPoint']> = {
    onlyContainsUserCerts: false, onlyContainsCACerts: false, indirectCrl: false, onlyContainsAttributeCerts: false,
  };
  for (const f of sequence(node, 'IssuingDistributionPoint')) {
    const tag = (f as { idBlock: { tagNumber: number } }).idBlock.tagNumber;
    if (tag === 0) {
      const dp: DistributionPoint = {};
      readDistributionPointName(f, dp, 'IDP');
      idp.distributionPoint = dp;
    } else if (tag === 3) {
      const c = content(f, 'onlySomeReasons');
      const bits = { bytes: c.subarray(1) };
      idp.onlySomeReasons = REASON_FLAGS.filter((_, k) => bit(bits, k));
    } else {
      const v = content(f, 'flag')[0] === 0xff;
      if (tag === 1) idp.onlyContainsUserCerts = v;
      else if (tag === 2) idp.onlyContainsCACerts = v;
      else if (tag === 4) idp.indirectCrl = v;
      else if (tag === 5) idp.onlyContainsAttributeCerts = v;
    }
  }
  return idp;
}

/**
 * Input accepted wherever a CRL is expected.
 * @example
 * ```ts
 * const crls: CrlInput[] = [crlDer, crlPemText];
 * ```
 */
export type CrlInput = string | Uint8Array | ArrayBuffer | ParsedCrl;

/** Loads a CRL input into the internal record; throws VnEgovError INVALID_CRL. */
export function loadCrl(input: CrlInput, cache?: Map<string, CrlRecord>): CrlRecord {
  let der: Uint8Array;
  if (typeof input === 'object' && input !== null && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) {
    if (!((input as ParsedCrl).der instanceof Uint8Array)) throw signatureError('INVALID_INPUT_TYPE', 'Đầu vào CRL không hợp lệ', 'CRL input must be PEM, DER or a parsed CRL');
    der = (input as ParsedCrl).der;
  } else {
    const list = toDerBytes(input, 'X509 CRL');
    if (list.length !== 1) throw signatureError('INVALID_CRL', 'Cần đúng một CRL', `expected exactly one CRL, found ${list.length}`);
    der = list[0]!;
  }
  const key = cache ? toHex(sha256(der)) : '';
  const hit = cache?.get(key);
  if (hit) return hit;
  try {
    const rec = decodeCrl(der.slice());
    cache?.set(key, rec);
    return rec;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw signatureError('INVALID_CRL', 'CRL không đọc được', `malformed CRL: ${msg}`, { cause: e, issues: [{ code: 'malformed_der', path: [], message: msg }] });
  }
}

/**
 * Parses a certificate revocation list (CRL) from PEM or DER into plain data.
 *
 * @throws VnEgovError `INVALID_CRL`, `INVALID_PEM`, `INVALID_INPUT_TYPE`.
 * @example
 * ```ts
 * import { parseCrl } from 'vn-egov/signature';
 * const crl = parseCrl(crlBytes);
 * console.log(crl.issuer.text, crl.nextUpdate, crl.entries.length);
 * ```
 */
export function parseCrl(input: string | Uint8Array | ArrayBuffer): ParsedCrl {
  return loadCrl(input).view;
}

/** Outcome of the CRL check of one certificate. */
export interface CrlCheckOutcome {
  status: 'good' | 'revoked' | 'on-hold' | 'unknown';
  revocationDate?: number;
  reason?: RevocationReason;
  thisUpdate?: number;
  detail: string;
}

/** Services the CRL check needs from the validator (signature checks and CRL-signer path validation). */
export interface CrlCheckServices {
  /** Verifies the CRL signature with a candidate signer certificate. */
  verify: (crl: CrlRecord, signer: CertificateRecord) => Promise<boolean>;
  /** Validates a separate CRL signer certificate up to the same trust anchor (RFC 5280 §6.3.3 (f)). */
  validateSigner: (signer: CertificateRecord) => Promise<boolean>;
  /** Certificates that may have signed CRLs (issuers, separate CRL signers). */
  pool: readonly CertificateRecord[];
}

function gnKey(g: GeneralName): string {
  return g.type === 'directoryName' ? `dn:${g.directoryName!.key}` : `${g.type}:${g.value.toLowerCase()}`;
}

function dpNames(dp: DistributionPoint | undefined, crlIssuerKey: string): string[] {
  if (!dp) return [];
  if (dp.fullName) return dp.fullName.map(gnKey);
  if (dp.nameRelativeToCrlIssuer) {
    const a = dp.nameRelativeToCrlIssuer[0]!;
    return [`dn:${crlIssuerKey}${crlIssuerKey ? ',' : ''}${a.oid}=${a.value.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')}`];
  }
  return [];
}

/**
 * RFC 5280 §6.3.3 for one certificate: returns its status at `at` from the given CRLs (complete and delta).
 */
export async function checkWithCrls(
  cert: CertificateRecord,
  issuer: CertificateRecord,
  crls: readonly CrlRecord[],
  at: number,
  services: CrlCheckServices,
): Promise<CrlCheckOutcome> {
  const isCa = cert.view.extensions.basicConstraints?.ca === true;
  const certDps = cert.view.extensions.crlDistributionPoints?.points;
  let covered = new Set<string>();
  let sawFresh = false;
  let best: CrlCheckOutcome | undefined;
  const reasons: string[] = [];

  const complete = crls.filter((c) => c.view.deltaCrlIndicator === undefined);
  const deltas = crls.filter((c) => c.view.deltaCrlIndicator !== undefined);

  /** Distribution points of the certificate this CRL may serve (RFC 5280 §6.3.3 (b)); `[undefined]` when it has none. */
  const candidateDps = (crl: CrlRecord): (DistributionPoint | undefined)[] | string => {
    const indirect = crl.view.issuingDistributionPoint?.indirectCrl === true;
    if (!certDps) {
      if (crl.issuerKey === cert.issuerKey) return [undefined];
      if (indirect && crl.entries.some((e) => e.issuerKey === cert.issuerKey)) return [undefined];
      return 'CRL issuer is not the certificate issuer';
    }
    const out = certDps.filter((dp) =>
      dp.crlIssuer
        ? indirect && dp.crlIssuer.some((g) => g.type === 'directoryName' && g.directoryName!.key === crl.issuerKey)
        : crl.issuerKey === cert.issuerKey,
    );
    return out.length ? out : 'CRL issuer is not the certificate issuer';
  };

  const scopeOk = async (crl: CrlRecord): Promise<{ ok: boolean; reasons: string[]; why?: string }> => {
    const dps = candidateDps(crl);
    if (typeof dps === 'string') return { ok: false, reasons: [], why: dps };
    if (crl.view.unsupportedCriticalExtensions.length) return { ok: false, reasons: [], why: 'unsupported critical CRL extension' };
    const idp = crl.view.issuingDistributionPoint;
    if (idp) {
      if (idp.onlyContainsAttributeCerts) return { ok: false, reasons: [], why: 'attribute-certificate CRL' };
      if (idp.onlyContainsUserCerts && isCa) return { ok: false, reasons: [], why: 'CRL covers only end-entity certificates' };
      if (idp.onlyContainsCACerts && !isCa) return { ok: false, reasons: [], why: 'CRL covers only CA certificates' };
    }
    let reasonsCovered: string[] | undefined;
    for (const dpUsed of dps) {
      const idpNames = dpNames(idp?.distributionPoint, crl.issuerKey);
      if (idpNames.length) {
        let certNames: string[];
        if (dpUsed) {
          certNames = dpUsed.fullName
            ? dpUsed.fullName.map(gnKey)
            : dpNames(dpUsed, dpUsed.crlIssuer?.find((g) => g.type === 'directoryName')?.directoryName?.key ?? cert.issuerKey);
          if (certNames.length === 0 && dpUsed.crlIssuer) certNames = dpUsed.crlIssuer.map(gnKey);
        } else certNames = [`dn:${cert.issuerKey}`];
        if (!certNames.some((x) => idpNames.includes(x))) continue;
      }
      let r = idp?.onlySomeReasons ?? ALL_REASONS;
      if (dpUsed?.reasons) r = r.filter((x) => dpUsed.reasons!.includes(x));
      reasonsCovered = [...new Set([...(reasonsCovered ?? []), ...r])];
    }
    if (!reasonsCovered) return { ok: false, reasons: [], why: 'distribution point names do not match' };
    // signature: the certificate issuer (with cRLSign) or another certificate of the CRL issuer validated separately
    const signers = crl.issuerKey === issuer.subjectKey
      ? [issuer, ...services.pool.filter((p) => p.subjectKey === crl.issuerKey && p !== issuer)]
      : services.pool.filter((p) => p.subjectKey === crl.issuerKey);
    for (const s of signers) {
      const ku = s.view.extensions.keyUsage;
      if (ku && !ku.usages.includes('cRLSign')) continue;
      if (crl.authorityKeyId && s.view.extensions.subjectKeyIdentifier && s.view.extensions.subjectKeyIdentifier.keyIdentifier !== crl.authorityKeyId) continue;
      if (!(await services.verify(crl, s))) continue;
      if (s.sha256 !== issuer.sha256 && !(await services.validateSigner(s))) continue;
      return { ok: true, reasons: reasonsCovered };
    }
    return { ok: false, reasons: [], why: 'no valid CRL signer' };
  };

  for (const crl of complete) {
    if (crl.nextUpdate !== undefined && crl.nextUpdate < at) {
      reasons.push('CRL is stale (nextUpdate before the validation time)');
      continue;
    }
    const sc = await scopeOk(crl);
    if (!sc.ok) {
      reasons.push(sc.why ?? 'not applicable');
      continue;
    }
    sawFresh = true;
    // delta CRLs for this base
    const usable: CrlRecord[] = [crl];
    for (const d of deltas) {
      if (d.issuerKey !== crl.issuerKey || (d.nextUpdate !== undefined && d.nextUpdate < at)) continue;
      if (crl.view.crlNumber === undefined || BigInt(d.view.deltaCrlIndicator!) > BigInt(crl.view.crlNumber)) continue;
      const ds = await scopeOk(d);
      if (ds.ok) usable.push(d);
    }
    let status: CrlCheckOutcome | undefined;
    for (const c of usable) {
      const entry = c.entries.find((e) => e.serialNumber === cert.view.serialNumber && e.issuerKey === cert.issuerKey);
      if (!entry) continue;
      if (entry.unsupportedCritical) {
        status = { status: 'unknown', detail: 'unsupported critical CRL entry extension', thisUpdate: c.thisUpdate };
        continue;
      }
      if (entry.reason === 'removeFromCRL') {
        status = { status: 'good', detail: 'removed from CRL by a delta CRL', thisUpdate: c.thisUpdate };
        continue;
      }
      if (entry.revokedAt > at) continue;
      status = {
        status: entry.reason === 'certificateHold' ? 'on-hold' : 'revoked',
        revocationDate: entry.revokedAt,
        ...(entry.reason ? { reason: entry.reason } : {}),
        thisUpdate: c.thisUpdate,
        detail: entry.reason ?? 'revoked',
      };
    }
    if (status && status.status !== 'good') return status;
    covered = new Set([...covered, ...sc.reasons]);
    best = { status: 'good', thisUpdate: crl.thisUpdate, detail: 'not listed' };
    if (ALL_REASONS.every((r) => covered.has(r))) return best;
  }
  if (best && ALL_REASONS.every((r) => covered.has(r))) return best;
  if (sawFresh) return { status: 'unknown', detail: 'CRLs do not cover every revocation reason' };
  return { status: 'unknown', detail: reasons.length ? [...new Set(reasons)].join('; ') : 'no CRL for this certificate' };
}
