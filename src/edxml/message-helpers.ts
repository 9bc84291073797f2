import type { InstantInput } from '../calendar/index.js';
import { parseWith } from '../errors/index.js';
import { businessDocTypes, type BusinessDocType } from './business-doc-types.js';
import { vietnamTimestamp } from './dates.js';
import { describeValue, fail, issue } from './errors.js';
import {
  edxmlDocumentSchema,
  edxmlStaffInfoSchema,
  type EdxmlBusiness,
  type EdxmlBusinessDocumentInfo,
  type EdxmlDocument,
  type EdxmlOrganization,
  type EdxmlReplacementInfo,
  type EdxmlStaffInfo,
  type EdxmlStatus,
} from './model.js';
import { edxmlStatusCodeSchema, type EdxmlStatusCode } from './status-codes.js';

function checkDocument(document: EdxmlDocument): EdxmlDocument {
  return parseWith(edxmlDocumentSchema, document, 'EDXML_INVALID_MESSAGE', 'Gói tin không hợp lệ / invalid document package');
}

/**
 * Adds a hop to the trace (`TraceHeader`: the organisation handling the package and when, Vietnam time), returning a
 * new message; the input is not changed.
 *
 * @throws VnEgovError `EDXML_INVALID_MESSAGE` for an invalid message or empty code; `INVALID_TIME` for `at`.
 * @example
 * ```ts
 * const m2 = appendTrace(m, '000.00.00.H41', new Date('2026-03-02T02:00:00Z'));
 * m2.traceHeaderList.traceHeaders.at(-1); // { organId: '000.00.00.H41', timestamp: '2026-03-02T09:00:00' }
 * ```
 */
export function appendTrace(message: EdxmlDocument, organizationCode: string, at: InstantInput): EdxmlDocument & { traceHeaderList: NonNullable<EdxmlDocument['traceHeaderList']> } {
  const m = checkDocument(message);
  if (typeof organizationCode !== 'string' || organizationCode.trim() === '') {
    fail('EDXML_INVALID_MESSAGE', `Mã định danh rỗng / empty organisation code ${describeValue(organizationCode)}`, [issue('empty_element', ['organId'], 'error', 'required')]);
  }
  const traces = m.traceHeaderList ?? { traceHeaders: [] };
  return {
    ...m,
    traceHeaderList: { ...traces, traceHeaders: [...traces.traceHeaders, { organId: organizationCode.trim(), timestamp: vietnamTimestamp(at) }] },
  };
}

/**
 * Builds the status message a recipient sends back about a received document package (specs/edxml.md §5): `From` is
 * the recipient (`as`, default the package's first `To`), `ResponseFor` names the package (its sender, số/ký hiệu,
 * promulgation date and DocumentId), the timestamp is `at` in Vietnam time.
 *
 * @throws VnEgovError `EDXML_INVALID_MESSAGE` for an unknown status code, an invalid package or a package without
 *   recipient when `as` is not given.
 * @example
 * ```ts
 * const status = replyStatus(received, '03', { department: 'Văn thư', staff: 'Nguyễn Thị A' }, 'Đã tiếp nhận', new Date());
 * buildStatus(status);
 * ```
 */
export function replyStatus(
  document: EdxmlDocument,
  code: EdxmlStatusCode,
  staff: EdxmlStaffInfo,
  description: string,
  at: InstantInput,
  options: { readonly as?: EdxmlOrganization } = {},
): EdxmlStatus {
  const m = checkDocument(document);
  const statusCode = parseWith(edxmlStatusCodeSchema, code, 'EDXML_INVALID_MESSAGE', 'Mã trạng thái không hợp lệ / unknown status code');
  const staffInfo = parseWith(edxmlStaffInfoSchema, staff, 'EDXML_INVALID_MESSAGE', 'Cán bộ không hợp lệ / invalid staff info');
  const from = options.as ?? m.to[0];
  if (from === undefined) fail('EDXML_INVALID_MESSAGE', 'Gói tin không có nơi nhận / the package has no To; pass options.as', [issue('missing_element', ['to'], 'error', 'no recipient')]);
  const joined = m.code?.codeNumber !== undefined && m.code.codeNotation !== undefined ? `${m.code.codeNumber}/${m.code.codeNotation}` : undefined;
  return {
    from,
    responseFor: {
      ...(m.from?.organId === undefined ? {} : { organId: m.from.organId }),
      ...(joined === undefined ? {} : { code: joined }),
      ...(m.promulgationInfo?.promulgationDate === undefined ? {} : { promulgationDate: m.promulgationInfo.promulgationDate }),
      ...(m.documentId === undefined ? {} : { documentId: m.documentId }),
    },
    staffInfo,
    statusCode,
    description,
    timestamp: vietnamTimestamp(at),
  };
}

/**
 * What a revoke / update / replace package needs besides the document it concerns.
 *
 * @example
 * ```ts
 * const r: BusinessRequest = { type: 1, staffInfo: { staff: 'Nguyễn Thị A' } };
 * ```
 */
export interface BusinessRequest {
  /** 1 thu hồi (revoke), 2 cập nhật (update), 3 thay thế (replace); 0 (new) is accepted too. */
  readonly type: BusinessDocType;
  /** Free text; default the VPCP sample's text for the type. */
  readonly reason?: string;
  readonly staffInfo?: EdxmlStaffInfo;
  /** Paper copy also sent (0/1). */
  readonly paper?: 0 | 1;
  /** For type 2. */
  readonly documentInfo?: EdxmlBusinessDocumentInfo;
  /** For type 3. */
  readonly replacements?: readonly EdxmlReplacementInfo[];
}

/**
 * Turns a document package into a business package (specs/edxml.md §2.6, §5.2): revoke (1), update (2) or replace (3)
 * of `document`, with the `Bussiness` block filled in (its DocumentId is the package's). The answer to such a package
 * is a status 15 or 16.
 *
 * @throws VnEgovError `EDXML_INVALID_MESSAGE` when the type is not 0–3, an update has no `documentInfo` or a
 *   replacement no `replacements`.
 * @example
 * ```ts
 * const revoke = businessPackage(sent, { type: 1, reason: 'Thu hồi văn bản điện tử' });
 * revoke.traceHeaderList.business.businessDocType; // 1
 * ```
 */
export function businessPackage(document: EdxmlDocument, request: BusinessRequest): EdxmlDocument & { traceHeaderList: { business: EdxmlBusiness } } {
  const m = checkDocument(document);
  const info = businessDocTypes.find((t) => t.type === request.type);
  if (info === undefined) fail('EDXML_INVALID_MESSAGE', `Loại nghiệp vụ không hợp lệ / business type must be 0–3, got ${describeValue(request.type)}`, [issue('invalid_business_type', ['type'], 'error', '0–3')]);
  if (request.type === 2 && request.documentInfo === undefined) fail('EDXML_INVALID_MESSAGE', 'Thiếu BussinessDocumentInfo / an update needs documentInfo', [issue('missing_element', ['documentInfo'], 'error', 'type 2')]);
  if (request.type === 3 && (request.replacements === undefined || request.replacements.length === 0)) {
    fail('EDXML_INVALID_MESSAGE', 'Thiếu ReplacementInfoList / a replacement needs replacements', [issue('missing_element', ['replacements'], 'error', 'type 3')]);
  }
  const business: EdxmlBusiness = {
    ...(m.documentId === undefined ? {} : { documentId: m.documentId }),
    businessDocType: request.type,
    businessDocReason: request.reason ?? info.sampleReason,
    paper: request.paper ?? 0,
    ...(request.type === 2 && request.documentInfo !== undefined ? { businessDocumentInfo: request.documentInfo } : {}),
    ...(request.type === 3 && request.replacements !== undefined ? { replacementInfoList: [...request.replacements] } : {}),
    ...(request.staffInfo === undefined ? {} : { staffInfo: request.staffInfo }),
  };
  return { ...m, traceHeaderList: { traceHeaders: m.traceHeaderList?.traceHeaders ?? [], business } };
}
