/**
 * `verifyPdf`: verification of PDF signatures (kiểm tra chữ ký số trên tệp PDF, PAdES) — every signature found
 * through the AcroForm or by scanning, its ByteRange geometry (USF / SWA / ISA countermeasures, signatures.md §5.3),
 * the CMS through `verifyCms` (or the RFC 3161 token through `verifyTimestamp` for document time-stamps), and what
 * was appended after each signed revision (`modifications.ts`).
 */
import { isVnEgovError, parseWith, VnEgovError } from '../../errors/index.js';
import { bytesEqual } from '../bytes.js';
import { berElementEnd } from '../cms/ber.js';
import { parseSignedData } from '../cms/parse.js';
import { verifyCms, type CmsSignerSummary, type CmsVerificationOptions, type CmsVerificationReport } from '../cms/verify.js';
import type { LocalizedMessage, MainIndication, SubIndication } from '../report.js';
import { validationPolicySchema } from '../validation-policy.js';
import { verifyTimestamp, type TimestampVerificationReport } from '../timestamp/verify-timestamp.js';
import { PdfDocument, type PdfRevision } from './document.js';
import { pdfError } from './errors.js';
import { findSignatures, type FoundSignature } from './find-signatures.js';
import { DEFAULT_PDF_LIMITS, isWhite, type PdfLimits } from './lexer.js';
import { ChangeAnalyzer, type PdfModification, type Permissions } from './modifications.js';
import { PdfDict, PdfString, nameOf, type PdfValue } from './objects.js';

/**
 * Options of {@link verifyPdf}: those of `verifyCms` (trust store, validation time, policy, CRLs, OCSP responses,
 * cache) plus PDF-specific ones.
 * @example
 * ```ts
 * const options: PdfVerificationOptions = { trustStore, at: '2026-03-16T10:00:00+07:00', crls: [crlDer] };
 * ```
 */
export interface PdfVerificationOptions extends Omit<CmsVerificationOptions, 'content'> {
  /** Accept `adbe.pkcs7.sha1` signatures (SHA-1 over the ranges) instead of judging them INDETERMINATE. */
  allowLegacySha1?: boolean;
  /** Reader limits (nesting depth, objects, revisions, decoded stream size). */
  limits?: Partial<PdfLimits>;
}

/**
 * Stable ids of the PDF checks (mã kiểm tra chữ ký PDF).
 * @example
 * ```ts
 * const gap = sig.checks.find((c) => c.id === ('PDF_BYTE_RANGE_GAP' satisfies PdfCheckId));
 * ```
 */
export type PdfCheckId =
  | 'PDF_FIELD_REACHABLE' | 'PDF_BYTE_RANGE' | 'PDF_CONTENTS' | 'PDF_BYTE_RANGE_GAP' | 'PDF_REVISION_END'
  | 'PDF_BYTE_RANGE_COLLISION' | 'PDF_SUB_FILTER' | 'PDF_LEGACY_SHA1' | 'PDF_CMS' | 'PDF_TIMESTAMP' | 'PDF_MODIFICATIONS'
  | 'PDF_TRAILING_DATA' | 'PDF_UNCHAINED_REVISIONS';

/**
 * One check of a PDF signature report.
 * @example
 * ```ts
 * const failures = sig.checks.filter((c: PdfCheck) => c.status === 'FAILED').map((c) => c.message.vi);
 * ```
 */
export interface PdfCheck {
  id: PdfCheckId;
  status: 'PASSED' | 'FAILED' | 'WARNING' | 'INFORMATION';
  indication?: Exclude<MainIndication, 'TOTAL_PASSED'>;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  details?: Record<string, string>;
}

/**
 * Whether the signature-image rules of Nghị định 30/2020 (Phụ lục I) apply, from the signer certificate: a person
 * (CCCD / CMND) signs with the image of the handwritten signature; an organisation (MST / MNS, no personal number)
 * with the image of its seal over the left third of the signer's image (documents.md §6).
 * @example
 * ```ts
 * if (sig.nd30.role === 'organization' && sig.visible) console.log(sig.nd30.imageRule.vi);
 * ```
 */
export interface Nd30Placement {
  applies: boolean;
  role: 'signer' | 'organization' | 'unknown';
  imageRule: LocalizedMessage;
  source: string;
}

/**
 * The report of one PDF signature (báo cáo một chữ ký trên PDF).
 * @example
 * ```ts
 * for (const s of report.signatures) console.log(s.fieldName, s.signer?.commonName, s.indication, s.changes);
 * ```
 */
export interface PdfSignatureReport {
  /** 0-based position in file order. */
  index: number;
  kind: 'signature' | 'document-timestamp';
  fieldName?: string;
  /** Object number of the signature dictionary. */
  objectNumber: number;
  subFilter?: string;
  /** Revision (0-based) the signature covers, when its ByteRange ends at one. */
  revision?: number;
  /** `whole-file`: the ByteRange reaches the end of the file; `revision`: later updates follow. */
  coverage?: 'whole-file' | 'revision';
  byteRange?: number[];
  /** Found through the AcroForm (false: a signature dictionary no field reaches). */
  reachable: boolean;
  visible: boolean;
  indication: MainIndication;
  subIndication?: SubIndication;
  message: LocalizedMessage;
  checks: PdfCheck[];
  /** Report of the CMS (signature) or absent. */
  cms?: CmsVerificationReport;
  /** Report of the RFC 3161 token of a document time-stamp. */
  timestamp?: TimestampVerificationReport;
  signer?: CmsSignerSummary;
  /** `/M` of the signature dictionary and the signing-time attribute (both claimed by the signer, ISO 8601 UTC). */
  signingTime: { dictionary?: string; attribute?: string };
  reason?: string;
  location?: string;
  contactInfo?: string;
  name?: string;
  /** DocMDP permission of a certification signature. */
  docMdp?: 1 | 2 | 3;
  /** Summary of what was appended after the signed revision. */
  changes: 'none' | 'allowed' | 'disallowed';
  modifications: PdfModification[];
  nd30: Nd30Placement;
}

/**
 * The report of {@link verifyPdf}: the worst of the signatures, or `NO_SIGNATURE_FOUND`.
 * @example
 * ```ts
 * const r: PdfVerificationReport = await verifyPdf(bytes, { trustStore });
 * if (r.indication === 'NO_SIGNATURE_FOUND') console.log('Tệp chưa được ký');
 * ```
 */
export interface PdfVerificationReport {
  indication: MainIndication | 'NO_SIGNATURE_FOUND';
  subIndication?: SubIndication;
  message: LocalizedMessage;
  validationTime: string;
  revisions: number;
  signatures: PdfSignatureReport[];
  /** Document-level findings (bytes after the last %%EOF…). */
  findings: PdfCheck[];
}

const SUPPORTED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);
const MAIN: Record<MainIndication, LocalizedMessage> = {
  TOTAL_PASSED: { vi: 'Chữ ký số hợp lệ', en: 'The signature is valid' },
  TOTAL_FAILED: { vi: 'Chữ ký số không hợp lệ', en: 'The signature is not valid' },
  INDETERMINATE: { vi: 'Chưa xác định được tính hợp lệ của chữ ký số', en: 'The validity of the signature cannot be established' },
};

function check(id: PdfCheckId, status: PdfCheck['status'], vi: string, en: string, fail?: [Exclude<MainIndication, 'TOTAL_PASSED'>, SubIndication], details?: Record<string, string>): PdfCheck {
  return { id, status, message: { vi, en }, ...(fail && status === 'FAILED' ? { indication: fail[0], subIndication: fail[1] } : {}), ...(details ? { details } : {}) };
}

function text(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfString ? v.text() : undefined;
}

/** PDF date `D:YYYYMMDDHHmmSSOHH'mm'` → ISO 8601 UTC. */
export function parsePdfDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?|[+-]\d{2})?/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz] = m;
  let off = 0;
  if (tz && tz !== 'Z') {
    const t = /([+-])(\d{2})'?(\d{2})?/.exec(tz)!;
    off = (t[1] === '-' ? -1 : 1) * (Number(t[2]) * 60 + Number(t[3] ?? 0));
  }
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)) - off * 60_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function nd30(signer: CmsSignerSummary | undefined): Nd30Placement {
  const source = 'Nghị định 30/2020/NĐ-CP, Phụ lục I (documents.md §6)';
  const vn = signer?.vn;
  if (vn && (vn.cccd || vn.cmnd)) {
    return { applies: true, role: 'signer', source, imageRule: {
      vi: 'Chữ ký của người có thẩm quyền: hình ảnh chữ ký tay màu xanh, PNG nền trong suốt, đặt giữa dòng chức vụ và họ tên',
      en: 'signature of the competent person: image of the handwritten signature, blue, transparent PNG, between the title and the name line',
    } };
  }
  if (vn && (vn.mst || vn.mns)) {
    return { applies: true, role: 'organization', source, imageRule: {
      vi: 'Chữ ký của cơ quan, tổ chức: hình ảnh con dấu màu đỏ, kích thước thật, PNG nền trong suốt, trùm lên khoảng 1/3 hình chữ ký bên trái; với phụ lục tách rời: góc trên bên phải trang đầu, không có hình ảnh',
      en: "organisation's signature: image of the seal, red, actual size, transparent PNG, covering about the left third of the signer's image; for separate appendices: top right of page 1, no image",
    } };
  }
  return { applies: false, role: 'unknown', source, imageRule: { vi: 'Không xác định được chủ thể ký (cá nhân hay cơ quan)', en: 'the signer is neither identified as a person nor as an organisation' } };
}

function docMdpOf(doc: PdfDocument, d: PdfDict): 1 | 2 | 3 | undefined {
  const refs = doc.resolve(d.get('Reference'));
  if (!Array.isArray(refs)) return undefined;
  for (const r of refs) {
    const rd = doc.dict(r);
    if (!rd || nameOf(doc.resolve(rd.get('TransformMethod'))) !== 'DocMDP') continue;
    const tp = doc.dict(rd.get('TransformParams'));
    const p = doc.resolve(tp?.get('P'));
    return p === 1 || p === 3 ? p : 2;
  }
  return undefined;
}

/** FieldMDP of the signature (`/Reference`) and `/Lock` of its field: locked field names, or all. */
function fieldLocks(doc: PdfDocument, s: FoundSignature): Set<string> | 'all' {
  const locked = new Set<string>();
  const params: PdfDict[] = [];
  const refs = doc.resolve(s.dict.get('Reference'));
  if (Array.isArray(refs)) {
    for (const r of refs) {
      const rd = doc.dict(r);
      if (rd && nameOf(doc.resolve(rd.get('TransformMethod'))) === 'FieldMDP') {
        const tp = doc.dict(rd.get('TransformParams'));
        if (tp) params.push(tp);
      }
    }
  }
  const lock = doc.dict(s.field?.get('Lock'));
  if (lock) params.push(lock);
  for (const tp of params) {
    const action = nameOf(doc.resolve(tp.get('Action')));
    const fields = doc.resolve(tp.get('Fields'));
    const names = Array.isArray(fields) ? fields.map((f) => text(doc.resolve(f))).filter((x): x is string => x !== undefined) : [];
    if (action === 'All' || action === 'Exclude') return 'all'; // Exclude: every field but some — treated as all (stricter)
    for (const n of names) locked.add(n);
  }
  return locked;
}

/** Bytes after the last revision that are not white space. */
function trailingData(doc: PdfDocument): boolean {
  const b = doc.bytes;
  for (let i = doc.last.end; i < b.length; i++) if (!isWhite(b[i])) return true;
  return false;
}

interface Geometry {
  checks: PdfCheck[];
  ok: boolean;
  byteRange?: number[];
  revision?: PdfRevision;
  cms?: Uint8Array;
  gap?: [number, number];
}

function geometry(doc: PdfDocument, s: FoundSignature): Geometry {
  const checks: PdfCheck[] = [];
  const fail = (id: PdfCheckId, vi: string, en: string, details?: Record<string, string>): Geometry => {
    checks.push(check(id, 'FAILED', vi, en, ['TOTAL_FAILED', 'FORMAT_FAILURE'], details));
    return { checks, ok: false };
  };
  const len = doc.bytes.length;
  const brV = doc.resolve(s.dict.get('ByteRange'));
  if (!Array.isArray(brV)) return fail('PDF_BYTE_RANGE', 'Thiếu /ByteRange', 'no /ByteRange');
  const br = brV.map((x) => doc.resolve(x));
  if (br.length !== 4 || !br.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) {
    return fail('PDF_BYTE_RANGE', '/ByteRange phải gồm đúng 4 số nguyên không âm', '/ByteRange must be four non-negative integers');
  }
  const [z, a, b, c] = br as [number, number, number, number];
  const byteRange = [z, a, b, c];
  const details = { byteRange: `[${byteRange.join(' ')}]` };
  if (z !== 0 || a <= 0 || b <= a || b + c > len) {
    const g = fail('PDF_BYTE_RANGE', '/ByteRange phải có dạng [0 a b c] với a < b và nằm trong tệp', '/ByteRange must be [0 a b c] with a < b, inside the file', details);
    return { ...g, byteRange };
  }
  checks.push(check('PDF_BYTE_RANGE', 'PASSED', '/ByteRange có dạng [0 a b c]', '/ByteRange has the form [0 a b c]', undefined, details));
  const contents = s.dict.get('Contents');
  if (!(contents instanceof PdfString) || !contents.hex) {
    return { ...fail('PDF_CONTENTS', '/Contents phải là chuỗi hexa', '/Contents must be a hexadecimal string'), byteRange };
  }
  if (s.holder.inObjectStream !== undefined) {
    return { ...fail('PDF_BYTE_RANGE_GAP', 'Từ điển chữ ký nằm trong luồng đối tượng nén: /Contents không có trong tệp', 'the signature dictionary is inside an object stream: /Contents is not in the file bytes'), byteRange };
  }
  if (contents.start !== a || contents.end !== b) {
    return { ...fail('PDF_BYTE_RANGE_GAP', 'Khoảng trống của /ByteRange không đúng bằng chuỗi /Contents (tấn công bọc chữ ký)', 'the ByteRange gap is not exactly the /Contents string (signature wrapping)', { ...details, contents: `[${contents.start} ${contents.end}]` }), byteRange };
  }
  checks.push(check('PDF_BYTE_RANGE_GAP', 'PASSED', 'Khoảng trống đúng bằng chuỗi /Contents', 'the gap is exactly the /Contents string'));
  const end = b + c;
  const revision = doc.revisions.find((r) => r.end === end || r.eofEnd === end);
  if (!revision) {
    return { ...fail('PDF_REVISION_END', 'Phạm vi ký không kết thúc ở cuối một phiên bản (%%EOF)', 'the signed range does not end at the end of a revision (%%EOF)', { ...details, end: String(end) }), byteRange };
  }
  const holderRev = doc.revisionAt(s.holder.offset);
  if (!holderRev || holderRev.index !== revision.index || s.holder.end > end) {
    return { ...fail('PDF_REVISION_END', 'Từ điển chữ ký không thuộc phiên bản mà nó ký', 'the signature dictionary is not part of the revision it signs', { revision: String(revision.index), dictionaryAt: String(s.holder.offset) }), byteRange };
  }
  checks.push(check('PDF_REVISION_END', 'PASSED', `Phạm vi ký kết thúc ở cuối phiên bản ${revision.index + 1}`, `the signed range ends at the end of revision ${revision.index + 1}`));
  // the DER inside the zero padding
  let cms: Uint8Array;
  try {
    const raw = contents.bytes;
    // framing only (no asn1js tree): the CMS is decoded once, by verifyCms
    const end = raw.length === 0 ? 'empty' : berElementEnd(raw);
    if (typeof end === 'string') throw new Error(end);
    cms = raw.subarray(0, end);
    for (let i = end; i < raw.length; i++) if (raw[i] !== 0) throw new Error('non-zero bytes after the CMS');
    if (cms.length === 0) throw new Error('empty');
  } catch (e) {
    return { ...fail('PDF_CONTENTS', '/Contents không chứa một cấu trúc CMS (DER) duy nhất', `/Contents does not hold one DER structure: ${e instanceof Error ? e.message : 'undecodable'}`), byteRange, revision };
  }
  return { checks, ok: true, byteRange, revision, cms, gap: [a, b] };
}

/**
 * Reusable buffers for the signed ranges, one per validation cache. WebCrypto digests one contiguous buffer, so the
 * two ranges are joined; a fresh multi-megabyte ArrayBuffer per call raises V8's external-memory pressure and costs
 * a full garbage collection every few calls (more than the hashing itself on a 10 MB file). A caller that passes a
 * cache reuses one buffer instead; it is taken by one verification at a time (`busy`, concurrent calls allocate) and
 * kept only up to `MAX_REUSED_BYTES`. The buffer holds the signed bytes of the last document verified with the cache.
 */
const rangeBuffers = new WeakMap<object, { bytes: Uint8Array; busy: boolean }>();
const MAX_REUSED_BYTES = 64 * 1024 * 1024;

/** The two ranges joined, and a release function (call it once WebCrypto has taken its copy: after the CMS check). */
function signedContent(bytes: Uint8Array, br: number[], owner: object | undefined): { content: Uint8Array; release: () => void } {
  const [, a, b, c] = br as [number, number, number, number];
  const n = a + c;
  let slot = owner && n <= MAX_REUSED_BYTES ? rangeBuffers.get(owner) : undefined;
  if (owner && n <= MAX_REUSED_BYTES && !slot) rangeBuffers.set(owner, (slot = { bytes: new Uint8Array(0), busy: false }));
  let out: Uint8Array;
  let release = (): void => undefined;
  if (slot && !slot.busy) {
    if (slot.bytes.length < n) slot.bytes = new Uint8Array(n);
    slot.busy = true;
    const taken = slot;
    release = () => {
      taken.busy = false;
    };
    out = slot.bytes.subarray(0, n);
  } else out = new Uint8Array(n);
  out.set(bytes.subarray(0, a));
  out.set(bytes.subarray(b, b + c), a);
  return { content: out, release };
}

function worst(list: { indication: MainIndication; subIndication?: SubIndication }[]): { indication: MainIndication; subIndication?: SubIndication } {
  return list.find((x) => x.indication === 'TOTAL_FAILED') ?? list.find((x) => x.indication === 'INDETERMINATE') ?? { indication: 'TOTAL_PASSED' };
}

async function subHash(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', data.slice()));
}

/**
 * Verifies every signature of a PDF (kiểm tra chữ ký số PDF / PAdES).
 *
 * For each signature dictionary (found through the AcroForm and by scanning — one no field reaches is reported
 * INDETERMINATE): `/ByteRange` must be `[0 a b c]`, its gap exactly the `<hex>` of `/Contents`, `b + c` the end of
 * the revision holding the signature dictionary, with no collision between signatures (else TOTAL_FAILED /
 * FORMAT_FAILURE: universal signature forgery, signature wrapping). The CMS is verified by `verifyCms` over the two
 * ranges (`adbe.pkcs7.detached`, `ETSI.CAdES.detached`; `adbe.pkcs7.sha1` is legacy: INDETERMINATE /
 * CRYPTO_CONSTRAINTS_FAILURE unless `allowLegacySha1`; `adbe.x509.rsa_sha1` is not supported: INDETERMINATE);
 * document time-stamps (`ETSI.RFC3161`) by `verifyTimestamp`. Then every object changed after the signed revision is
 * classified (see `PdfChangeKind`): a change that is not allowed makes an otherwise valid signature INDETERMINATE /
 * SIG_CONSTRAINTS_FAILURE — the signed revision is intact but the document shown is not the one signed (the EU DSS
 * convention: a failed signature-acceptance constraint). The overall indication is the worst of the signatures;
 * a PDF without signature gives `NO_SIGNATURE_FOUND`.
 *
 * Malformed PDF input throws `VnEgovError` with a {@link PdfErrorCode} (`PDF_MALFORMED` with the byte offset,
 * `PDF_LIMIT_EXCEEDED`, `PDF_UNSUPPORTED`); a malformed CMS inside a readable PDF gives a TOTAL_FAILED report.
 *
 * @example
 * ```ts
 * const report = await verifyPdf(pdfBytes, { trustStore: pki.trustStore(), at: pki.now, crls });
 * for (const s of report.signatures) {
 *   console.log(s.fieldName, s.signer?.commonName, s.signer?.vn.cccd, s.indication, s.changes, s.nd30.role);
 * }
 * ```
 */
export async function verifyPdf(bytes: Uint8Array | ArrayBuffer, options: PdfVerificationOptions): Promise<PdfVerificationReport> {
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
    throw pdfError('PDF_INVALID_INPUT_TYPE', 'Dữ liệu PDF phải là Uint8Array hoặc ArrayBuffer', 'the PDF must be a Uint8Array or an ArrayBuffer');
  }
  if (typeof options !== 'object' || options === null || typeof options.trustStore !== 'object' || options.trustStore === null) {
    throw pdfError('PDF_INVALID_OPTIONS', 'Thiếu kho tin cậy (trustStore)', 'options.trustStore is required');
  }
  if (options.policy !== undefined) parseWith(validationPolicySchema, options.policy, 'PDF_INVALID_OPTIONS', 'Chính sách kiểm tra không hợp lệ');
  const limits = { ...DEFAULT_PDF_LIMITS, ...(options.limits ?? {}) };
  if (!Object.values(limits).every((v) => typeof v === 'number' && Number.isInteger(v) && v > 0)) {
    throw pdfError('PDF_INVALID_OPTIONS', 'Giới hạn không hợp lệ', 'limits must be positive integers');
  }
  const at = options.at === undefined ? new Date() : options.at;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const atMs = at instanceof Date ? at.getTime() : typeof at === 'string' && iso.test(at) ? Date.parse(at) : NaN;
  if (!Number.isFinite(atMs)) throw pdfError('PDF_INVALID_OPTIONS', 'Thời điểm kiểm tra không hợp lệ', '`at` must be a Date or an ISO 8601 date-time');
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  let doc: PdfDocument;
  let found: FoundSignature[];
  try {
    doc = new PdfDocument(data, limits);
    found = findSignatures(doc);
  } catch (e) {
    throw wrap(e);
  }
  const trailing = trailingData(doc);
  const findings: PdfCheck[] = [];
  if (trailing) findings.push(check('PDF_TRAILING_DATA', 'WARNING', 'Có dữ liệu sau %%EOF cuối cùng không thuộc phiên bản nào', 'bytes after the last %%EOF belong to no revision', undefined, { from: String(doc.last.end) }));
  // the %%EOF count scans the whole file: it is made while WebCrypto hashes the first signed ranges (off the main
  // thread), or at the end when no signature gets that far; its finding is added after the trailing-data one
  let eofs: number | undefined;
  const countEofs = (): void => {
    eofs ??= doc.eofMarkers();
  };
  const cmsOptions: Omit<CmsVerificationOptions, 'content'> = {
    trustStore: options.trustStore, at: new Date(atMs),
    ...(options.policy ? { policy: options.policy } : {}), ...(options.crls ? { crls: options.crls } : {}),
    ...(options.ocspResponses ? { ocspResponses: options.ocspResponses } : {}), ...(options.cache ? { cache: options.cache } : {}),
    ...(options.contentDigest ? { contentDigest: options.contentDigest } : {}),
  };

  // pass 1: geometry and cryptography
  const partial = [];
  for (const s of found) {
    const g = geometry(doc, s);
    partial.push({ s, g, docMdp: docMdpOf(doc, s.dict) });
  }
  // collisions: identical ranges or overlapping gaps
  for (let i = 0; i < partial.length; i++) {
    for (let j = i + 1; j < partial.length; j++) {
      const x = partial[i]!.g;
      const y = partial[j]!.g;
      if (!x.gap || !y.gap) continue;
      if (x.gap[0] < y.gap[1] && y.gap[0] < x.gap[1]) {
        for (const g of [x, y]) {
          g.checks.push(check('PDF_BYTE_RANGE_COLLISION', 'FAILED', 'Hai chữ ký dùng chung vùng /Contents', 'two signatures share a /Contents gap', ['TOTAL_FAILED', 'FORMAT_FAILURE']));
          g.ok = false;
        }
      }
    }
  }
  const analyzer = new ChangeAnalyzer(doc);
  const reports: PdfSignatureReport[] = [];
  for (let i = 0; i < partial.length; i++) {
    const { s, g, docMdp } = partial[i]!;
    const checks = [...g.checks];
    const isTs = nameOf(s.dict.get('Type')) === 'DocTimeStamp' || nameOf(s.dict.get('SubFilter')) === 'ETSI.RFC3161';
    const subFilter = nameOf(s.dict.get('SubFilter'));
    const signingTimeDict = parsePdfDate(text(s.dict.get('M')));
    let cms: CmsVerificationReport | undefined;
    let ts: TimestampVerificationReport | undefined;
    let signer: CmsSignerSummary | undefined;
    let attrTime: string | undefined;
    const verdicts: { indication: MainIndication; subIndication?: SubIndication }[] = [];
    if (!s.reachable) {
      checks.unshift(check('PDF_FIELD_REACHABLE', 'FAILED', 'Từ điển chữ ký không thuộc trường chữ ký nào của AcroForm', 'the signature dictionary is not the value of any AcroForm signature field', ['INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE']));
    }
    if (!g.ok) {
      verdicts.push({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
    } else {
      const { content, release } = signedContent(data, g.byteRange!, options.cache);
      try {
        if (isTs) {
          const pending = verifyTimestamp(g.cms!, { data: content, ...cmsOptions });
          countEofs();
          ts = await pending;
          signer = ts.tsa;
          checks.push(check('PDF_TIMESTAMP', ts.indication === 'TOTAL_PASSED' ? 'PASSED' : 'FAILED', `Dấu thời gian tài liệu: ${ts.message.vi}`, `document time-stamp: ${ts.message.en}`,
            ts.indication === 'TOTAL_PASSED' ? undefined : [ts.indication, ts.subIndication ?? 'FORMAT_FAILURE'], { genTime: ts.genTime }));
          verdicts.push(ts);
        } else if (subFilter !== undefined && SUPPORTED.has(subFilter)) {
          checks.push(check('PDF_SUB_FILTER', 'PASSED', `Định dạng ${subFilter}`, `sub-filter ${subFilter}`));
          const pending = verifyCms(g.cms!, { content, ...cmsOptions });
          countEofs();
          cms = await pending;
          verdicts.push(cms);
        } else if (subFilter === 'adbe.pkcs7.sha1') {
          cms = await verifyCms(g.cms!, cmsOptions);
          verdicts.push(cms);
          const sd = parseSignedData(g.cms!);
          const expected = await subHash(content);
          if (!sd.eContent || !bytesEqual(sd.eContent, expected)) {
            checks.push(check('PDF_LEGACY_SHA1', 'FAILED', 'Giá trị SHA-1 trong chữ ký khác SHA-1 của phạm vi ký', 'the SHA-1 inside the signature differs from the SHA-1 of the signed ranges', ['TOTAL_FAILED', 'HASH_FAILURE']));
            verdicts.push({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
          } else if (options.allowLegacySha1) {
            checks.push(check('PDF_LEGACY_SHA1', 'WARNING', 'Chữ ký kiểu cũ adbe.pkcs7.sha1 (SHA-1), được chấp nhận theo tuỳ chọn', 'legacy adbe.pkcs7.sha1 signature (SHA-1), accepted by option'));
          } else {
            checks.push(check('PDF_LEGACY_SHA1', 'FAILED', 'Chữ ký kiểu cũ adbe.pkcs7.sha1 (SHA-1) không được chấp nhận', 'legacy adbe.pkcs7.sha1 signature (SHA-1) is not accepted', ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']));
            verdicts.push({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
          }
        } else {
          checks.push(check('PDF_SUB_FILTER', 'FAILED', `Định dạng chữ ký ${subFilter ?? '(không có)'} không được hỗ trợ`, `sub-filter ${subFilter ?? '(none)'} is not supported`, ['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']));
          verdicts.push({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
        }
      } catch (e) {
        if (!isVnEgovError(e)) {
          // fail-closed: an unexpected error while reading the signature is a signature that cannot be read
          checks.push(check(isTs ? 'PDF_TIMESTAMP' : 'PDF_CMS', 'FAILED', 'Cấu trúc chữ ký trong /Contents không đọc được', `the signature in /Contents cannot be read: ${e instanceof Error ? e.message : 'error'}`, ['TOTAL_FAILED', 'FORMAT_FAILURE']));
          verdicts.push({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
          cms = undefined;
        } else if (e.code.endsWith('_INVALID_OPTIONS')) throw pdfError('PDF_INVALID_OPTIONS', `Tuỳ chọn kiểm tra không hợp lệ: ${e.message}`, `invalid verification options (${e.code})`, undefined, e);
        else {
          checks.push(check(isTs ? 'PDF_TIMESTAMP' : 'PDF_CMS', 'FAILED', `Cấu trúc chữ ký trong /Contents không đọc được: ${e.message}`, `the signature in /Contents cannot be read: ${e.code}`, ['TOTAL_FAILED', 'FORMAT_FAILURE']));
          verdicts.push({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
        }
      } finally {
        release(); // WebCrypto copied the bytes when the digest was started
      }
      if (cms) {
        const first = cms.signers[0];
        signer = first?.signer;
        attrTime = first?.signingTime;
        if (cms.signers.length !== 1) {
          checks.push(check('PDF_CMS', 'FAILED', 'Chữ ký PDF phải có đúng một người ký', 'a PDF signature must have exactly one SignerInfo', ['TOTAL_FAILED', 'FORMAT_FAILURE']));
          verdicts.push({ indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
        } else {
          checks.push(check('PDF_CMS', cms.indication === 'TOTAL_PASSED' ? 'PASSED' : 'FAILED', `CMS: ${cms.message.vi}`, `CMS: ${cms.message.en}`,
            cms.indication === 'TOTAL_PASSED' ? undefined : [cms.indication, cms.subIndication ?? 'FORMAT_FAILURE']));
        }
      }
    }
    if (!s.reachable) verdicts.push({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' });
    // changes after the signed revision
    let modifications: PdfModification[] = [];
    if (g.revision) {
      const earlier = partial.filter((p) => p.g.ok && p.g.revision && p.g.revision.index <= g.revision!.index);
      const mdp = earlier.map((p) => p.docMdp).filter((x): x is 1 | 2 | 3 => x !== undefined);
      const locked = new Set<string>();
      let all = false;
      for (const p of earlier) {
        const l = fieldLocks(doc, p.s);
        if (l === 'all') all = true;
        else for (const n of l) locked.add(n);
      }
      const perms: Permissions = { ...(mdp.length ? { docMdp: Math.min(...mdp) as 1 | 2 | 3 } : {}), locked: all ? 'all' : locked };
      try {
        modifications = analyzer.changesAfter(g.revision, perms, trailing);
      } catch (e) {
        throw wrap(e);
      }
    } else if (trailing) modifications = [];
    const disallowed = modifications.filter((m) => !m.allowed);
    const changes: PdfSignatureReport['changes'] = modifications.length === 0 ? 'none' : disallowed.length ? 'disallowed' : 'allowed';
    if (g.revision) {
      if (disallowed.length) {
        checks.push(check('PDF_MODIFICATIONS', 'FAILED', `Tài liệu bị thay đổi sau khi ký: ${disallowed.map((m) => m.message.vi).join('; ')}`, `the document was changed after signing: ${disallowed.map((m) => m.message.en).join('; ')}`, ['INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE']));
        verdicts.push({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' });
      } else if (modifications.length) {
        checks.push(check('PDF_MODIFICATIONS', 'INFORMATION', `Các thay đổi sau khi ký đều được phép: ${modifications.map((m) => m.message.vi).join('; ')}`, `changes after signing are all allowed: ${modifications.map((m) => m.message.en).join('; ')}`));
      } else checks.push(check('PDF_MODIFICATIONS', 'PASSED', 'Không có thay đổi sau khi ký', 'nothing was changed after signing'));
    }
    const w = worst(verdicts);
    const coverage = g.revision ? (g.revision.index === doc.last.index && !trailing ? 'whole-file' : 'revision') : undefined;
    const failedCheck = checks.find((c) => c.status === 'FAILED' && c.indication === w.indication && c.subIndication === w.subIndication);
    reports.push({
      index: i, kind: isTs ? 'document-timestamp' : 'signature',
      ...(s.fieldName !== undefined ? { fieldName: s.fieldName } : {}), objectNumber: s.holder.num,
      ...(subFilter ? { subFilter } : {}), ...(g.revision ? { revision: g.revision.index } : {}), ...(coverage ? { coverage } : {}),
      ...(g.byteRange ? { byteRange: g.byteRange } : {}), reachable: s.reachable, visible: s.visible,
      indication: w.indication, ...(w.subIndication ? { subIndication: w.subIndication } : {}),
      message: w.indication === 'TOTAL_PASSED' ? MAIN.TOTAL_PASSED : { vi: `${MAIN[w.indication].vi}: ${failedCheck?.message.vi ?? ''}`, en: `${MAIN[w.indication].en}: ${failedCheck?.message.en ?? ''}` },
      checks, ...(cms ? { cms } : {}), ...(ts ? { timestamp: ts } : {}), ...(signer ? { signer } : {}),
      signingTime: { ...(signingTimeDict ? { dictionary: signingTimeDict } : {}), ...(attrTime ? { attribute: attrTime } : {}) },
      ...optText('reason', s.dict.get('Reason')), ...optText('location', s.dict.get('Location')),
      ...optText('contactInfo', s.dict.get('ContactInfo')), ...optText('name', s.dict.get('Name')),
      ...(docMdp ? { docMdp } : {}), changes, modifications, nd30: nd30(isTs ? undefined : signer),
    });
  }
  countEofs();
  if (eofs! > doc.sectionCount) {
    findings.push(check('PDF_UNCHAINED_REVISIONS', 'WARNING', `Tệp có ${eofs} dấu %%EOF nhưng chỉ ${doc.sectionCount} bảng tham chiếu nối bằng /Prev: có phiên bản bị tách khỏi chuỗi (tấn công lưu gia tăng)`,
      `the file has ${eofs} %%EOF markers but only ${doc.sectionCount} cross-reference sections chained by /Prev: some revisions are cut off the chain (incremental saving attack)`));
  }
  if (reports.length === 0) {
    return {
      indication: 'NO_SIGNATURE_FOUND', message: { vi: 'Tệp PDF không có chữ ký số', en: 'the PDF has no signature' },
      validationTime: new Date(atMs).toISOString(), revisions: doc.revisions.length, signatures: [], findings,
    };
  }
  const w = worst(reports);
  const worstSig = reports.find((r) => r.indication === w.indication);
  return {
    indication: w.indication, ...(w.subIndication ? { subIndication: w.subIndication } : {}),
    message: w.indication === 'TOTAL_PASSED' ? { vi: `Tất cả ${reports.length} chữ ký số hợp lệ`, en: `all ${reports.length} signatures are valid` }
      : { vi: `${MAIN[w.indication].vi} (chữ ký thứ ${(worstSig?.index ?? 0) + 1})`, en: `${MAIN[w.indication].en} (signature ${(worstSig?.index ?? 0) + 1})` },
    validationTime: new Date(atMs).toISOString(), revisions: doc.revisions.length, signatures: reports, findings,
  };
}

function optText<K extends string>(k: K, v: PdfValue | undefined): Partial<Record<K, string>> {
  const t = text(v);
  return t === undefined ? {} : ({ [k]: t } as Partial<Record<K, string>>);
}

/** Anything else than a VnEgovError out of the reader becomes PDF_MALFORMED (never a raw RangeError). */
function wrap(e: unknown): VnEgovError {
  if (isVnEgovError(e)) return e;
  return pdfError('PDF_MALFORMED', 'Cấu trúc PDF không đọc được', e instanceof Error ? e.message : 'unreadable', undefined, e);
}


