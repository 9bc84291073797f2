/**
 * Vietnamese identifiers in certificate subjects (định danh trong chứng thư số): the `UID` attribute
 * (0.9.2342.19200300.100.1.1) with prefixes `MST:`, `CCCD:`, `CMND:`, `MNS:` — signatures.md §1.2 [secondary] — and a
 * name-based guess of the trust hierarchy (signatures.md §1.1 [confirmed] for the CA names).
 */
import type { NameAttribute } from './asn1.js';

/**
 * The Vietnamese trust hierarchies (hệ thống chứng thực).
 * @example
 * ```ts
 * const h: VnHierarchy = parseCertificate(pem).vn.hierarchy; // 'neac-public' | 'bcy-government' | 'unknown'
 * ```
 */
export type VnHierarchy =
  /** NEAC "Vietnam National Root CA" and the licensed public CAs (chữ ký số công cộng). */
  | 'neac-public'
  /** Ban Cơ yếu Chính phủ "RootCA chuyên dùng Chính phủ G2" (chữ ký số chuyên dùng công vụ). */
  | 'bcy-government'
  | 'unknown';

/**
 * An identifier whose prefix is not one of the known ones, or whose value does not fit its format.
 * @example
 * ```ts
 * parseCertificate(pem).vn.other.map((o: VnOtherIdentifier) => `${o.prefix}:${o.value}`);
 * ```
 */
export interface VnOtherIdentifier {
  prefix: string;
  value: string;
}

/**
 * Identifiers found in the subject and how sure we are of the format rules.
 * @example
 * ```ts
 * const { mst, mstBranch, cccd }: VnCertificateInfo = parseCertificate(pem).vn;
 * ```
 */
export interface VnCertificateInfo {
  /** Mã số thuế: 10 digits (MST of an organisation or person). */
  mst?: string;
  /** Branch suffix of a dependent unit's tax code (`0100686209-199` → `199`). */
  mstBranch?: string;
  /** Căn cước công dân: 12 digits. */
  cccd?: string;
  /** Chứng minh nhân dân: 9 or 12 digits (legacy). */
  cmnd?: string;
  /** Mã số đơn vị có quan hệ với ngân sách (budget-relationship unit code). */
  mns?: string;
  /** UIDs with another prefix or a value that fails its format rule, kept verbatim. */
  other: VnOtherIdentifier[];
  /** Every raw `UID` value in encoded order. */
  uids: string[];
  /**
   * Hierarchy guessed from the issuer and subject names (not a trust decision: the validation report says which
   * anchor a path actually reached).
   */
  hierarchy: VnHierarchy;
  /**
   * Format rules (MST 10 or 10+3 digits, CCCD 12, CMND 9 or 12) come from general knowledge and public subject
   * samples, not from a circular (signatures.md §1.2, [unverified]); the hierarchy guess is name-based.
   */
  confidence: 'unverified';
}

const UID = '0.9.2342.19200300.100.1.1';

/** Common names of the CAs of each hierarchy (SOURCES.txt; signatures.md §1.1 issuer names seen in signatures). */
const NEAC_CA_NAMES = ['vietnam national root ca', 'vnpt-ca sha2', 'viettel-ca', 'fpt certification authority', 'bkav-ca', 'nc-ca sha256'];
const BCY_ORGANIZATION = 'ban cơ yếu chính phủ';

function fold(s: string): string {
  return s.normalize('NFC').toLowerCase().trim();
}

/**
 * Reads the Vietnamese identifiers (MST, CCCD, CMND, MNS) from a subject name and guesses the hierarchy from the
 * issuer. Values that do not fit the expected format go to `other` rather than being dropped.
 *
 * @example
 * ```ts
 * const vn = extractVnIdentifiers(cert.subject, cert.issuer);
 * vn.mst; // '0104359717'
 * ```
 */
export function extractVnIdentifiers(
  subject: { rdns: NameAttribute[][] },
  issuer?: { rdns: NameAttribute[][] },
): VnCertificateInfo {
  const info: VnCertificateInfo = { other: [], uids: [], hierarchy: 'unknown', confidence: 'unverified' };
  for (const rdn of subject.rdns) {
    for (const a of rdn) {
      if (a.oid !== UID) continue;
      info.uids.push(a.value);
      const m = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(a.value);
      if (!m) {
        info.other.push({ prefix: '', value: a.value });
        continue;
      }
      const prefix = m[1]!.toUpperCase();
      const value = m[2]!;
      if (prefix === 'MST' && /^\d{10}(-\d{3})?$/.test(value) && info.mst === undefined) {
        info.mst = value.slice(0, 10);
        if (value.length > 10) info.mstBranch = value.slice(11);
      } else if (prefix === 'CCCD' && /^\d{12}$/.test(value) && info.cccd === undefined) info.cccd = value;
      else if (prefix === 'CMND' && /^(\d{9}|\d{12})$/.test(value) && info.cmnd === undefined) info.cmnd = value;
      else if (prefix === 'MNS' && /^\d{7}$/.test(value) && info.mns === undefined) info.mns = value;
      else info.other.push({ prefix, value });
    }
  }
  const names = [issuer, subject].filter((n): n is { rdns: NameAttribute[][] } => n !== undefined);
  const attr = (n: { rdns: NameAttribute[][] }, oid: string): string[] =>
    n.rdns.flat().filter((a) => a.oid === oid).map((a) => fold(a.value));
  if (names.some((n) => attr(n, '2.5.4.10').includes(BCY_ORGANIZATION))) info.hierarchy = 'bcy-government';
  else if (issuer && attr(issuer, '2.5.4.3').some((cn) => NEAC_CA_NAMES.includes(cn))) info.hierarchy = 'neac-public';
  return info;
}
