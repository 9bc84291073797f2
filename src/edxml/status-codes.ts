import * as z from 'zod/mini';

/**
 * Provenance marker of a fact (specs/edxml.md "How reliable this is").
 *
 * @example
 * ```ts
 * const c: EdxmlConfidence = edxmlStatusCodes[0].confidence; // 'confirmed'
 * ```
 */
export type EdxmlConfidence = 'confirmed' | 'secondary' | 'unverified';

const SRC_STATUS =
  'specs/edxml.md §5.2: Description of the VPCP samples status_*.edxml (all4u1089/truclienthong-example @ 837a38b), B status.json, D, E';

/**
 * The business status codes of an edXML status message (mã trạng thái xử lý văn bản), 2-digit strings.
 * Codes 07–12 and 14 are used by no source; the reader accepts any two digits and reports unknown ones.
 *
 * @example
 * ```ts
 * const c: EdxmlStatusCode = '03';
 * ```
 */
export const edxmlStatusCodeSchema = z.enum(['01', '02', '03', '04', '05', '06', '13', '15', '16']);
/**
 * See {@link edxmlStatusCodeSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlStatusCode = z.parse(edxmlStatusCodeSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlStatusCode = z.infer<typeof edxmlStatusCodeSchema>;

/**
 * Who sends a status: the receiver of the document, or the original sender (code 13, reversed direction).
 *
 * @example
 * ```ts
 * getStatusCode('13')?.sentBy; // 'sender'
 * ```
 */
export type EdxmlStatusSender = 'receiver' | 'sender';

/**
 * One business status code with its Vietnamese label, English gloss, sender side and source.
 *
 * @example
 * ```ts
 * const s: EdxmlStatusInfo = getStatusCode('03');
 * s.label; // 'Đã tiếp nhận'
 * ```
 */
export interface EdxmlStatusInfo {
  readonly code: EdxmlStatusCode;
  /** Vietnamese label. */
  readonly label: string;
  /** English gloss. */
  readonly english: string;
  readonly sentBy: EdxmlStatusSender;
  /** Whether the same status may be sent repeatedly (only 05: Bkav's duplicate guard, C `DynamicService.java`). */
  readonly repeatable: boolean;
  readonly source: string;
  readonly confidence: EdxmlConfidence;
}

/**
 * The nine status codes in use (specs/edxml.md §5.2, confirmed).
 *
 * @example
 * ```ts
 * edxmlStatusCodes.map((s) => s.code); // ['01','02','03','04','05','06','13','15','16']
 * ```
 */
export const edxmlStatusCodes: readonly EdxmlStatusInfo[] = Object.freeze([
  { code: '01', label: 'Đã đến', english: 'received by the software, not yet handled by the records office', sentBy: 'receiver', repeatable: false, source: SRC_STATUS, confidence: 'confirmed' },
  { code: '02', label: 'Từ chối tiếp nhận', english: 'refused', sentBy: 'receiver', repeatable: false, source: SRC_STATUS, confidence: 'confirmed' },
  { code: '03', label: 'Đã tiếp nhận', english: 'accepted: entered in the incoming register', sentBy: 'receiver', repeatable: false, source: SRC_STATUS, confidence: 'confirmed' },
  { code: '04', label: 'Phân công xử lý', english: 'assigned for handling', sentBy: 'receiver', repeatable: false, source: SRC_STATUS, confidence: 'confirmed' },
  { code: '05', label: 'Đang xử lý', english: 'in process', sentBy: 'receiver', repeatable: true, source: SRC_STATUS, confidence: 'confirmed' },
  { code: '06', label: 'Hoàn thành xử lý', english: 'finished', sentBy: 'receiver', repeatable: false, source: SRC_STATUS, confidence: 'confirmed' },
  { code: '13', label: 'Yêu cầu lấy lại văn bản', english: 'request to take the document back (recall)', sentBy: 'sender', repeatable: false, source: SRC_STATUS, confidence: 'confirmed' },
  { code: '15', label: 'Đồng ý yêu cầu cập nhật, lấy lại', english: 'agrees to an update or recall request', sentBy: 'receiver', repeatable: false, source: SRC_STATUS, confidence: 'confirmed' },
  { code: '16', label: 'Từ chối yêu cầu cập nhật, lấy lại', english: 'refuses an update or recall request', sentBy: 'receiver', repeatable: false, source: SRC_STATUS, confidence: 'confirmed' },
] satisfies EdxmlStatusInfo[]);

/**
 * Whether a string is one of the nine known status codes.
 *
 * @example
 * ```ts
 * isKnownStatusCode('05'); // true
 * isKnownStatusCode('07'); // false
 * ```
 */
export function isKnownStatusCode(code: string): code is EdxmlStatusCode {
  return edxmlStatusCodes.some((s) => s.code === code);
}

/**
 * The catalog entry of a known status code, `undefined` for any other string.
 *
 * @example
 * ```ts
 * getStatusCode('06')?.label; // 'Hoàn thành xử lý'
 * ```
 */
export function getStatusCode(code: string): EdxmlStatusInfo | undefined {
  return edxmlStatusCodes.find((s) => s.code === code);
}

/**
 * The receiver-side flow of statuses (specs/edxml.md §5.3, **unverified**: assembled from the table of §5.2):
 * which codes may follow a given last code. `null` = no status sent yet. 13 (sender side) and its answers 15/16
 * stand outside this chain and are checked by `checkStatusTransition`.
 *
 * @example
 * ```ts
 * receiverStatusFlow['03']; // ['04']
 * ```
 */
export const receiverStatusFlow: Readonly<Record<'start' | EdxmlStatusCode, readonly EdxmlStatusCode[]>> = Object.freeze({
  start: ['01'],
  '01': ['02', '03'],
  '02': [],
  '03': ['04'],
  '04': ['05'],
  '05': ['05', '06'],
  '06': [],
  '13': ['15', '16'],
  '15': [],
  '16': [],
});

/**
 * Source and confidence of {@link receiverStatusFlow}.
 *
 * @example
 * ```ts
 * receiverStatusFlowSource.confidence; // 'unverified'
 * ```
 */
export const receiverStatusFlowSource = Object.freeze({
  source: 'specs/edxml.md §5.3 (assembled from §5.2)',
  confidence: 'unverified' as EdxmlConfidence,
});
