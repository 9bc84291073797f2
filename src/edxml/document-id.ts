import { describeValue, fail, issue, type EdxmlIssue } from './errors.js';
import { formatEdxmlDate, readEdxmlDate } from './dates.js';

/**
 * The parts of a DocumentId in its conventional form `{OrganId},{yyyy/MM/dd},{CodeNumber}/{CodeNotation}`
 * (specs/edxml.md §2.7, confirmed in the VPCP samples and Bkav data).
 *
 * @example
 * ```ts
 * const p: DocumentIdParts = { organId: '000.00.00.G22', promulgationDate: '2015-09-30', codeNumber: '7816', codeNotation: 'VPCP-TTĐT' };
 * ```
 */
export interface DocumentIdParts {
  readonly organId: string;
  /** `YYYY-MM-DD`. */
  readonly promulgationDate: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
}

/**
 * The reading of a DocumentId: the parts when the conventional form could be read (possibly with deviations), and the
 * deviations. DocumentId is an opaque key (GUIDs and impossible dates occur, §2.7): deviations are reported, never
 * fatal, unless `{ strict: true }` is asked.
 *
 * @example
 * ```ts
 * parseDocumentId('000.00.00.G22,2014/02/30,7806/VPCP-TTĐT').issues[0].code; // 'invalid_date'
 * ```
 */
export interface DocumentIdReading {
  readonly documentId: string;
  readonly parts: DocumentIdParts | null;
  /** The date part exactly as written (kept even when it is not a real day). */
  readonly dateText: string | null;
  readonly issues: readonly EdxmlIssue[];
}

/**
 * Reads a DocumentId in the conventional form. Never throws unless `strict`; the date may be an impossible day (then
 * `parts` is `null` and `dateText` keeps it).
 *
 * @throws VnEgovError `EDXML_INVALID_DOCUMENT_ID` with `{ strict: true }` when the form is not the conventional one.
 * @example
 * ```ts
 * parseDocumentId('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT').parts;
 * // { organId: '000.00.00.G22', promulgationDate: '2015-09-30', codeNumber: '7816', codeNotation: 'VPCP-TTĐT' }
 * ```
 */
export function parseDocumentId(documentId: string, options: { readonly strict?: boolean } = {}): DocumentIdReading {
  const issues: EdxmlIssue[] = [];
  const m = typeof documentId === 'string' ? /^([^,]*),([^,]*),([^/,]*)\/([^,]*)$/.exec(documentId) : null;
  let parts: DocumentIdParts | null = null;
  let dateText: string | null = null;
  if (m === null) {
    issues.push(issue('non_conventional_document_id', [], 'warning', `DocumentId ${describeValue(documentId)} is not {OrganId},{yyyy/MM/dd},{số}/{ký hiệu}`));
  } else {
    dateText = m[2]!;
    const date = readEdxmlDate(dateText, ['promulgationDate']);
    issues.push(...date.issues);
    if (m[1] === '' || m[3] === '' || m[4] === '') issues.push(issue('non_conventional_document_id', [], 'warning', 'a part of the DocumentId is empty'));
    if (date.value !== undefined && date.value !== '') {
      parts = { organId: m[1]!, promulgationDate: date.value, codeNumber: m[3]!, codeNotation: m[4]! };
    }
  }
  if (options.strict === true && issues.length > 0) {
    fail('EDXML_INVALID_DOCUMENT_ID', `DocumentId không đúng dạng / DocumentId ${describeValue(documentId)}: ${issues[0]!.message}`, issues);
  }
  return { documentId, parts, dateText, issues };
}

/**
 * Writes a DocumentId in the conventional form.
 *
 * @throws VnEgovError `EDXML_INVALID_DOCUMENT_ID` when a part is empty or holds a comma, or the date is not a real day.
 * @example
 * ```ts
 * formatDocumentId({ organId: '000.00.00.G22', promulgationDate: '2015-09-30', codeNumber: '7816', codeNotation: 'VPCP-TTĐT' });
 * // '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT'
 * ```
 */
export function formatDocumentId(parts: DocumentIdParts): string {
  const bad = (['organId', 'codeNumber', 'codeNotation'] as const).filter((k) => typeof parts[k] !== 'string' || parts[k] === '' || parts[k].includes(','));
  if (bad.length > 0 || parts.codeNumber.includes('/')) {
    fail('EDXML_INVALID_DOCUMENT_ID', `Thành phần DocumentId không hợp lệ / invalid DocumentId parts: ${bad.join(', ') || 'codeNumber'}`, bad.map((k) => issue('invalid_part', [k], 'error', 'empty, or holds a comma')));
  }
  let date: string;
  try {
    date = formatEdxmlDate(parts.promulgationDate);
  } catch {
    date = '';
  }
  if (date === '') fail('EDXML_INVALID_DOCUMENT_ID', `Ngày không hợp lệ / invalid promulgation date ${describeValue(parts.promulgationDate)}`, [issue('invalid_date', ['promulgationDate'], 'error', 'YYYY-MM-DD expected')]);
  return `${parts.organId},${date},${parts.codeNumber}/${parts.codeNotation}`;
}
