import { basename, dirname, isAbsolute, join } from 'node:path';
import * as z from 'zod/mini';
import {
  buildEdxml,
  buildStatus,
  edxmlAttachmentMetaSchema,
  edxmlDocumentSchema,
  edxmlStatusSchema,
  edxmlWriteOptionsSchema,
  mediaTypeOf,
  parseEdxml,
  sniffContentType,
  validateEdxml,
  type EdxmlAttachmentInput,
  type EdxmlIssue,
} from '../../edxml/index.js';
import { parseWith } from '../../errors/index.js';
import { t, table } from '../format.js';
import { EXIT_CODES, InputFileError, UsageError, type CliIo, type CliLang } from '../io.js';
import type { Progress } from '../progress.js';
import type { CommandResult } from './types.js';

/** Strict base64 (RFC 4648 §4), whitespace allowed between characters. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * One attachment of a build spec: the edXML metadata (all optional: `contentId` defaults to the position,
 * `attachmentName` to the file's name, `contentType` to the sniffed type) and the bytes, either `file` (a path
 * relative to the spec) or `base64`.
 */
const attachmentSpecSchema = z
  .strictObject({
    ...edxmlAttachmentMetaSchema.shape,
    file: z.optional(z.string().check(z.minLength(1))),
    base64: z.optional(z.string().check(z.refine((s) => BASE64.test(s.replace(/\s+/g, '')), { message: 'not valid base64' }))),
  })
  .check(z.refine((a) => (a.file === undefined) !== (a.base64 === undefined), { message: 'give exactly one of "file" or "base64"' }));

/** `vn-egov edxml build` spec: the package message (as `buildEdxml` takes it), attachments, writer options. */
const packageSpecSchema = z.strictObject({
  message: edxmlDocumentSchema,
  attachments: z.optional(z.array(attachmentSpecSchema)),
  options: z.optional(edxmlWriteOptionsSchema),
});

/** `vn-egov edxml status` spec: the status message (as `buildStatus` takes it) and writer options. */
const statusSpecSchema = z.strictObject({ message: edxmlStatusSchema, options: z.optional(edxmlWriteOptionsSchema) });

async function readSpec(io: CliIo, file: string): Promise<unknown> {
  if (!io.readFile) throw new UsageError('this environment cannot read files');
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    throw new InputFileError(file, e);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new InputFileError(file, e);
  }
}

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function issueLines(issues: readonly EdxmlIssue[]): string[] {
  return issues.length ? [table(issues.map((i) => [i.severity, i.code, i.path.join('.'), i.message]))] : [];
}

/**
 * `vn-egov edxml build <spec.json> [-o out.edxml]`: writes a document package from a JSON spec
 * (`{ "message": EdxmlDocument, "attachments": [{ …, "file" | "base64" }], "options": EdxmlWriteOptions }`), reads
 * the result back and validates it (exit 1 when it has errors; the file is written anyway). Without `-o` the XML
 * goes to standard output. A spec that does not fit the edxml schemas is invalid input (exit 3, every issue listed).
 */
export async function edxmlBuildCommand(file: string, values: Record<string, unknown>, lang: CliLang, io: CliIo, progress: Progress): Promise<CommandResult> {
  const doc = await readSpec(io, file);
  const spec = parseWith(packageSpecSchema, doc, 'EDXML_INVALID_MESSAGE', `${file}: tệp mô tả gói tin không hợp lệ / invalid package spec`);
  const attachments: EdxmlAttachmentInput[] = [];
  const specs = spec.attachments ?? [];
  for (const [i, a] of specs.entries()) {
    progress.update(t(lang, 'Đọc tệp đính kèm', 'Reading attachment'), i + 1, specs.length);
    const { file: path, base64, ...meta } = a;
    let data: Uint8Array;
    if (path !== undefined) {
      const resolved = isAbsolute(path) ? path : join(dirname(file), path);
      try {
        data = await io.readFile!(resolved);
      } catch (e) {
        throw new InputFileError(resolved, e);
      }
    } else {
      data = decodeBase64(base64!);
    }
    attachments.push({
      ...meta,
      contentId: meta.contentId ?? `cid:${i + 1}`,
      ...(meta.attachmentName === undefined && path !== undefined ? { attachmentName: basename(path) } : {}),
      contentType: meta.contentType ?? mediaTypeOf(sniffContentType(data).kind),
      data,
    });
  }
  progress.update(t(lang, 'Ghi gói tin', 'Writing the package'));
  const xml = buildEdxml(spec.message, attachments, spec.options ?? {});
  progress.update(t(lang, 'Kiểm tra gói tin', 'Checking the package'));
  const parsed = parseEdxml(xml, { expect: 'document' });
  const issues = [...parsed.issues, ...validateEdxml(parsed, { required: 'value', organizationCodes: 'strict' })];
  progress.done();
  return finish('document', xml, issues, values, lang, io, {
    documentId: spec.message.documentId ?? null,
    attachments: attachments.map((a) => ({ contentId: a.contentId, name: a.attachmentName ?? null, contentType: a.contentType, size: a.data.length })),
  });
}

/**
 * `vn-egov edxml status <spec.json> [-o out.xml]`: writes a status message from a JSON spec
 * (`{ "message": EdxmlStatus, "options": EdxmlWriteOptions }`), reads it back and validates it.
 */
export async function edxmlStatusCommand(file: string, values: Record<string, unknown>, lang: CliLang, io: CliIo): Promise<CommandResult> {
  const doc = await readSpec(io, file);
  const spec = parseWith(statusSpecSchema, doc, 'EDXML_INVALID_MESSAGE', `${file}: tệp mô tả thông điệp trạng thái không hợp lệ / invalid status spec`);
  const xml = buildStatus(spec.message, spec.options ?? {});
  const parsed = parseEdxml(xml, { expect: 'status' });
  const issues = [...parsed.issues, ...validateEdxml(parsed, { required: 'value', organizationCodes: 'strict' })];
  return finish('status', xml, issues, values, lang, io, { statusCode: spec.message.statusCode ?? null });
}

async function finish(
  kind: 'document' | 'status',
  xml: string,
  issues: EdxmlIssue[],
  values: Record<string, unknown>,
  lang: CliLang,
  io: CliIo,
  extra: Record<string, unknown>,
): Promise<CommandResult> {
  const output = typeof values.output === 'string' ? values.output : undefined;
  const bytes = new TextEncoder().encode(xml);
  if (output !== undefined) {
    if (!io.writeFile) throw new UsageError('this environment cannot write files');
    await io.writeFile(output, bytes);
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  const sha256 = await sha256Hex(bytes);
  const summary = [
    `${output === undefined ? t(lang, 'Đã tạo', 'Built') : `${t(lang, 'Đã ghi', 'Wrote')} ${output}`}: ${kind === 'document' ? t(lang, 'gói tin văn bản', 'document package') : t(lang, 'thông điệp trạng thái', 'status message')}, ${bytes.length} B, sha256 ${sha256}`,
    ...issueLines(issues),
    `${errors} ${t(lang, 'lỗi', 'errors')}, ${issues.length - errors} ${t(lang, 'ghi chú/cảnh báo', 'notes/warnings')}`,
  ].join('\n');
  const json = { kind, output: output ?? null, size: bytes.length, sha256, ...extra, issues, ...(output === undefined ? { xml } : {}) };
  // Without -o the XML itself is the output; the summary goes to standard error.
  if (output === undefined && values.json !== true) io.stderr(`${summary}\n`);
  return {
    json,
    text: output === undefined ? xml.replace(/\n$/, '') : summary,
    exitCode: errors > 0 ? EXIT_CODES.negative : EXIT_CODES.ok,
  };
}
