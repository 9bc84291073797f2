import * as z from 'zod/mini';
import { parseDocumentNumber, parseOrganizationCode, urgencyFromEdxmlPriority } from '../documents/index.js';
import { issuesFromZod, parseWith } from '../errors/index.js';
import { bareContentId, type EdxmlAttachment } from './attachments.js';
import { businessDocTypes } from './business-doc-types.js';
import { compareContentType, sniffContentType } from './content-sniff.js';
import { parseDocumentId } from './document-id.js';
import { DOCUMENT_HEADER, MANIFEST, STATUS_HEADER, TRACE_HEADER_LIST, type ListSpec, type StructSpec } from './element-specs.js';
import { issue, type EdxmlIssue, type EdxmlIssueSeverity } from './errors.js';
import { edxmlDocumentSchema, edxmlStatusSchema, type EdxmlAttachmentMeta, type EdxmlDocument, type EdxmlStatus } from './model.js';
import { getStatusCode } from './status-codes.js';

/**
 * Options of {@link validateEdxml}.
 * - `required`: `presence` (default; an element must be there, possibly empty, as Bkav's hub checks, specs/edxml.md
 *   §2.3) or `value` (it must also hold a value).
 * - `organizationCodes`: `lenient` (default; a malformed OrganId is a warning, specs/edxml.md §8: never reject a package
 *   on OrganId format alone) or `strict` (an error).
 * - `sniff`: decode attachment handles to compare declared and sniffed types (default `true`).
 *
 * @example
 * ```ts
 * const o: EdxmlValidateOptions = { required: 'value', organizationCodes: 'strict' };
 * ```
 */
export const edxmlValidateOptionsSchema = z.object({
  required: z.optional(z.enum(['presence', 'value'])),
  organizationCodes: z.optional(z.enum(['lenient', 'strict'])),
  sniff: z.optional(z.boolean()),
});
/**
 * See {@link edxmlValidateOptionsSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlValidateOptions = z.parse(edxmlValidateOptionsSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlValidateOptions = z.infer<typeof edxmlValidateOptionsSchema>;

/**
 * What {@link validateEdxml} checks: a parse result, or a message with its kind and (for packages) attachments as
 * handles from the reader or as plain metadata.
 *
 * @example
 * ```ts
 * const input: EdxmlValidationInput = { kind: 'status', message: status };
 * ```
 */
export type EdxmlValidationInput =
  | { readonly kind: 'document'; readonly message: EdxmlDocument; readonly attachments?: readonly (EdxmlAttachment | EdxmlAttachmentMeta)[] }
  | { readonly kind: 'status'; readonly message: EdxmlStatus };

type Path = (string | number)[];

class Collector {
  readonly issues: EdxmlIssue[] = [];
  add(code: string, path: Path, severity: EdxmlIssueSeverity, message: string): void {
    this.issues.push(issue(code, path, severity, message));
  }
}

function isEmpty(v: unknown): boolean {
  return v === '' || v === null || (Array.isArray(v) && v.length === 0);
}

function walkRequired(c: Collector, value: Record<string, unknown> | undefined, spec: StructSpec, path: Path, mode: 'presence' | 'value'): void {
  if (value === undefined) return;
  for (const f of spec.fields) {
    const v = value[f.key];
    const here = [...path, f.key];
    const absent = v === undefined || (f.many === true && (v as unknown[]).length === 0);
    if (f.required && absent) {
      c.add('missing_element', here, 'error', `Thiếu phần tử bắt buộc ${f.name} / required element ${f.name} is missing`);
      continue;
    }
    if (f.required && mode === 'value' && !absent && isEmpty(v) && typeof f.kind === 'string') {
      c.add('empty_element', here, 'error', `Phần tử bắt buộc ${f.name} rỗng / required element ${f.name} is empty`);
    }
    if (v === undefined) continue;
    const kind = f.kind;
    if (typeof kind === 'string') continue;
    const items: [unknown, Path][] = f.many ? (v as unknown[]).map((x, i) => [x, [...here, i]]) : [[v, here]];
    for (const [item, p] of items) {
      if (kind.type === 'struct') walkRequired(c, item as Record<string, unknown>, kind, p, mode);
      else walkList(c, item as unknown[], kind, p, mode, f.name);
    }
  }
}

function walkList(c: Collector, items: unknown[], spec: ListSpec, path: Path, mode: 'presence' | 'value', name: string): void {
  if (spec.nonEmpty && items.length === 0) c.add('missing_element', [...path, spec.item], 'error', `${name} cần ít nhất một ${spec.item} / ${name} needs at least one ${spec.item}`);
  items.forEach((item, i) => {
    if (typeof spec.kind !== 'string') walkRequired(c, item as Record<string, unknown>, spec.kind, [...path, i], mode);
    else if (mode === 'value' && spec.nonEmpty && isEmpty(item)) c.add('empty_element', [...path, i], 'error', `${spec.item} rỗng / empty ${spec.item}`);
  });
}

function checkOrgan(c: Collector, code: string | undefined, path: Path, strict: boolean): void {
  if (code === undefined || code === '') return;
  const r = parseOrganizationCode(code, { mode: 'lenient' });
  if (!r.valid) {
    c.add('invalid_organization_code', path, strict ? 'error' : 'warning', `Mã định danh không đúng dạng NNN.NN.NN.LNN / organisation code ${JSON.stringify(code)} does not have the form NNN.NN.NN.LNN: ${r.warnings.map((w) => w.message).join('; ')}`);
  } else {
    for (const w of r.code?.warnings ?? []) c.add(`organization_code_${w.code}`, path, 'info', w.message);
  }
}

function checkNumber(c: Collector, text: string, path: Path): void {
  try {
    parseDocumentNumber(text);
  } catch (e) {
    c.add('invalid_document_number', path, 'warning', `Số, ký hiệu không đúng NĐ 30/2020 / ${JSON.stringify(text)} is not a number and symbol of NĐ 30/2020: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function checkDate(c: Collector, text: string | undefined, path: Path): void {
  if (text !== undefined && text !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) c.add('invalid_date', path, 'error', `Ngày không hợp lệ / not a YYYY-MM-DD day: ${JSON.stringify(text)}`);
}

function validateDocument(c: Collector, m: EdxmlDocument, attachments: readonly (EdxmlAttachment | EdxmlAttachmentMeta)[] | undefined, opts: EdxmlValidateOptions): void {
  const mode = opts.required ?? 'presence';
  const strictOrg = opts.organizationCodes === 'strict';
  const { traceHeaderList, manifest, ...header } = m;
  walkRequired(c, header, DOCUMENT_HEADER, [], mode);
  if (traceHeaderList === undefined) c.add('missing_element', ['traceHeaderList'], 'error', 'Thiếu TraceHeaderList / a document package has a TraceHeaderList');
  else walkRequired(c, traceHeaderList, TRACE_HEADER_LIST, ['traceHeaderList'], mode);
  if (manifest !== undefined) walkRequired(c, manifest, MANIFEST, ['manifest'], mode);

  if (m.to.length === 0) c.add('no_recipient', ['to'], 'error', 'Không có nơi nhận / no recipient (To)');
  const seen = new Map<string, number>();
  m.to.forEach((o, i) => {
    if (o.organId !== undefined && o.organId !== '') {
      if (seen.has(o.organId)) c.add('duplicate_recipient', ['to', i, 'organId'], 'warning', `Nơi nhận trùng / recipient ${o.organId} listed twice (first at ${seen.get(o.organId)})`);
      else seen.set(o.organId, i);
    }
    checkOrgan(c, o.organId, ['to', i, 'organId'], strictOrg);
  });
  checkOrgan(c, m.from?.organId, ['from', 'organId'], strictOrg);
  if (m.from?.organId !== undefined && seen.has(m.from.organId)) c.add('sender_is_recipient', ['to', seen.get(m.from.organId)!, 'organId'], 'warning', 'Nơi gửi cũng là nơi nhận / the sender is also a recipient');
  m.responseFor.forEach((r, i) => {
    checkOrgan(c, r.organId, ['responseFor', i, 'organId'], strictOrg);
    checkDate(c, r.promulgationDate, ['responseFor', i, 'promulgationDate']);
  });
  traceHeaderList?.traceHeaders.forEach((t, i) => checkOrgan(c, t.organId, ['traceHeaderList', 'traceHeaders', i, 'organId'], strictOrg));

  const { codeNumber, codeNotation } = m.code ?? {};
  if (codeNumber !== undefined && codeNumber !== '' && codeNotation !== undefined && codeNotation !== '') {
    if (!/^\d+$/.test(codeNumber)) c.add('invalid_code_number', ['code', 'codeNumber'], 'warning', `Số văn bản không phải số / CodeNumber ${JSON.stringify(codeNumber)} is not a number`);
    else checkNumber(c, `${codeNumber}/${codeNotation}`, ['code']);
  }
  if (m.documentId !== undefined && m.documentId !== '') {
    const d = parseDocumentId(m.documentId);
    for (const i of d.issues) c.add(i.code === 'invalid_date' ? 'document_id_invalid_date' : i.code, ['documentId'], 'warning', `DocumentId: ${i.message}`);
    if (d.parts !== null) {
      const mismatch: string[] = [];
      if (m.from?.organId !== undefined && d.parts.organId !== m.from.organId) mismatch.push('OrganId');
      if (m.promulgationInfo?.promulgationDate && d.parts.promulgationDate !== m.promulgationInfo.promulgationDate) mismatch.push('PromulgationDate');
      if (codeNumber !== undefined && codeNotation !== undefined && (d.parts.codeNumber !== codeNumber || d.parts.codeNotation !== codeNotation)) mismatch.push('Code');
      if (mismatch.length > 0) c.add('document_id_mismatch', ['documentId'], 'info', `DocumentId không khớp ${mismatch.join(', ')} / DocumentId differs from the header in ${mismatch.join(', ')} (DocumentId is an opaque key, specs/edxml.md §2.7)`);
    }
  }
  checkDate(c, m.promulgationInfo?.promulgationDate, ['promulgationInfo', 'promulgationDate']);
  checkDate(c, m.dueDate, ['dueDate']);
  const pd = m.promulgationInfo?.promulgationDate;
  if (pd && m.dueDate && m.dueDate < pd) c.add('due_before_promulgation', ['dueDate'], 'warning', `Hạn xử lý trước ngày ban hành / DueDate ${m.dueDate} is before the promulgation date ${pd}`);
  const priority = m.otherInfo?.priority;
  if (typeof priority === 'number') {
    try {
      urgencyFromEdxmlPriority(priority);
    } catch {
      c.add('unknown_priority', ['otherInfo', 'priority'], 'warning', `Độ khẩn ${priority} ngoài 0–4 / Priority ${priority} is outside 0–4 (secondary: specs/edxml.md §2.5; other systems use 1–5)`);
    }
  }
  if (typeof m.steeringType === 'number' && (m.steeringType < 0 || m.steeringType > 2)) c.add('unknown_steering_type', ['steeringType'], 'warning', `SteeringType ${m.steeringType} ngoài 0–2 / outside 0–2 (secondary)`);
  const business = traceHeaderList?.business;
  if (business !== undefined && typeof business.businessDocType === 'number') {
    const t = business.businessDocType;
    const p = ['traceHeaderList', 'business'];
    if (!businessDocTypes.some((b) => b.type === t)) c.add('unknown_business_doc_type', [...p, 'businessDocType'], 'error', `BussinessDocType ${t} ngoài 0–3 / BussinessDocType ${t} is not 0–3`);
    if (t === 2 && business.businessDocumentInfo === undefined) c.add('missing_element', [...p, 'businessDocumentInfo'], 'warning', 'Gói cập nhật thiếu BussinessDocumentInfo / an update (2) has no BussinessDocumentInfo');
    if (t === 3 && (business.replacementInfoList === undefined || business.replacementInfoList.length === 0)) c.add('missing_element', [...p, 'replacementInfoList'], 'warning', 'Gói thay thế thiếu ReplacementInfoList / a replacement (3) has no ReplacementInfoList');
  }

  // Manifest ↔ attachments (specs/edxml.md §2.9, §3: matched after stripping cid:).
  const refs = manifest?.references ?? [];
  const refIds = new Map<string, number>();
  refs.forEach((r, i) => {
    const id = bareContentId(r.contentId ?? '');
    if (id === '') return;
    if (refIds.has(id)) c.add('duplicate_content_id', ['manifest', 'references', i, 'contentId'], 'error', `ContentId trùng trong manifest / duplicate ContentId ${id} in the manifest`);
    else refIds.set(id, i);
  });
  if (attachments === undefined) return;
  const attIds = new Map<string, number>();
  attachments.forEach((a, i) => {
    const meta = 'meta' in a ? a.meta : a;
    const id = bareContentId(meta.contentId ?? '');
    const p = ['attachments', i];
    if (id === '') return;
    if (attIds.has(id)) c.add('duplicate_content_id', [...p, 'contentId'], 'error', `ContentId trùng giữa các tệp / duplicate ContentId ${id} among attachments`);
    else attIds.set(id, i);
    const ri = refIds.get(id);
    if (ri === undefined) c.add('attachment_not_in_manifest', [...p, 'contentId'], 'warning', `Tệp ${id} không có trong manifest / attachment ${id} is not listed in the manifest`);
    else {
      const r = refs[ri]!;
      if (r.contentType !== undefined && meta.contentType !== undefined && r.contentType !== meta.contentType) c.add('manifest_mismatch', [...p, 'contentType'], 'warning', `ContentType khác manifest / ContentType ${meta.contentType} differs from the manifest's ${r.contentType}`);
      if (r.attachmentName !== undefined && meta.attachmentName !== undefined && r.attachmentName !== meta.attachmentName) c.add('manifest_mismatch', [...p, 'attachmentName'], 'warning', `Tên tệp khác manifest / AttachmentName differs from the manifest's`);
    }
    if ('meta' in a && (opts.sniff ?? true) && a.hasPayload) {
      let data: Uint8Array | undefined;
      try {
        data = a.bytes();
      } catch (e) {
        c.add('invalid_attachment', [...p, 'contentTransferEncoded'], 'error', e instanceof Error ? e.message : String(e));
      }
      if (data !== undefined && data.length > 0) {
        const check = compareContentType(meta.contentType ?? '', sniffContentType(data));
        if (check.matches === false) c.add('content_type_mismatch', [...p, 'contentType'], 'warning', `Loại tệp khai báo ${check.declared} nhưng nội dung là ${check.sniffed.kind} / declared ${check.declared}, content is ${check.sniffed.kind} (${check.sniffed.mediaType})`);
        if (check.nonStandard) c.add('nonstandard_content_type', [...p, 'contentType'], 'info', `Kiểu MIME không chuẩn của thư viện VNPT / non-standard VNPT media type ${check.declared}`);
      }
    }
  });
  for (const [id, i] of refIds) {
    if (!attIds.has(id)) c.add('reference_without_attachment', ['manifest', 'references', i, 'contentId'], 'error', `Manifest nêu tệp ${id} nhưng không có tệp / the manifest lists ${id} but no attachment has it`);
  }
}

function validateStatus(c: Collector, m: EdxmlStatus, opts: EdxmlValidateOptions): void {
  walkRequired(c, m as Record<string, unknown>, STATUS_HEADER, [], opts.required ?? 'presence');
  const strictOrg = opts.organizationCodes === 'strict';
  checkOrgan(c, m.from?.organId, ['from', 'organId'], strictOrg);
  checkOrgan(c, m.responseFor?.organId, ['responseFor', 'organId'], strictOrg);
  checkDate(c, m.responseFor?.promulgationDate, ['responseFor', 'promulgationDate']);
  if (m.responseFor?.code) checkNumber(c, m.responseFor.code, ['responseFor', 'code']);
  if (m.responseFor?.documentId) {
    for (const i of parseDocumentId(m.responseFor.documentId).issues) c.add(i.code === 'invalid_date' ? 'document_id_invalid_date' : i.code, ['responseFor', 'documentId'], 'warning', `DocumentId: ${i.message}`);
  }
  const code = m.statusCode;
  if (code !== undefined && code !== '') {
    const info = getStatusCode(code);
    if (info === undefined) c.add('unknown_status_code', ['statusCode'], 'warning', `Mã trạng thái ${code} không có trong 01–06, 13, 15, 16 / status code ${code} is not one of 01–06, 13, 15, 16`);
    else if (m.from?.organId && m.responseFor?.organId && m.from.organId === m.responseFor.organId) {
      // ResponseFor/OrganId names the other party: the document's sender for 01–06, 15, 16, and for 13 (sent by the
      // original sender, reversed direction) the recipient (sample status_cancellation_13.edxml: From G22, OrganId H41).
      c.add('status_direction', ['from', 'organId'], 'warning', `Trạng thái ${code} gửi cho chính mình / status ${code} names its own sender ${m.from.organId} in ResponseFor/OrganId; it names the other party`);
    }
  }
}

/**
 * Checks a document package or status message against the rules of specs/edxml.md and returns **all** issues at once
 * (path, code, severity, Vietnamese / English message); never throws for bad data. Checks: required elements
 * (`presence` or `value`), recipients, organisation codes (vn-egov/documents `parseOrganizationCode`), số/ký hiệu
 * (`parseDocumentNumber`), DocumentId form and agreement with the header, dates, Priority (`urgencyFromEdxmlPriority`),
 * SteeringType, BussinessDocType and its blocks, manifest ↔ attachment consistency, duplicate ContentIds, declared
 * versus sniffed content types, status codes and who sends them.
 *
 * @throws VnEgovError `EDXML_INVALID_OPTIONS` for bad options only.
 * @example
 * ```ts
 * const issues = validateEdxml(parseEdxml(xml), { required: 'value' });
 * const errors = issues.filter((i) => i.severity === 'error');
 * ```
 */
export function validateEdxml(input: EdxmlValidationInput, options: EdxmlValidateOptions = {}): EdxmlIssue[] {
  const opts = parseWith(edxmlValidateOptionsSchema, options, 'EDXML_INVALID_OPTIONS', 'Tùy chọn không hợp lệ / invalid options');
  const c = new Collector();
  const schema = input.kind === 'status' ? edxmlStatusSchema : edxmlDocumentSchema;
  const parsed = z.safeParse(schema, input.message);
  if (!parsed.success) {
    for (const i of issuesFromZod(parsed.error)) c.add('schema', [...i.path], 'error', `Sai cấu trúc / ${i.message}`);
    return c.issues;
  }
  if (input.kind === 'status') validateStatus(c, input.message, opts);
  else validateDocument(c, input.message, input.attachments, opts);
  return c.issues;
}
