import { parseEdxml, validateEdxml, type EdxmlIssue } from '../../edxml/index.js';
import { t, table } from '../format.js';
import { EXIT_CODES, InputFileError, UsageError, type CliIo, type CliLang } from '../io.js';
import type { Progress } from '../progress.js';
import { edxmlBuildCommand, edxmlStatusCommand } from './edxml-build.js';
import type { CommandResult } from './types.js';

function issueRows(issues: readonly EdxmlIssue[]): string[][] {
  return issues.map((i) => [i.severity, i.code, i.path.join('.'), i.message]);
}

const USAGE = 'usage: vn-egov edxml inspect|validate <file.edxml> [--strict] | build <spec.json> [-o out.edxml] | status <spec.json> [-o out.xml]';

/** `vn-egov edxml inspect|validate <file> [--strict]`, `edxml build|status <spec.json> [-o out]` */
export async function edxmlCommand(positionals: string[], values: Record<string, unknown>, lang: CliLang, io: CliIo, progress: Progress): Promise<CommandResult> {
  const [sub, file] = positionals;
  if (sub !== 'inspect' && sub !== 'validate' && sub !== 'build' && sub !== 'status') throw new UsageError(USAGE);
  if (file === undefined) throw new UsageError(sub === 'build' || sub === 'status' ? 'missing the spec JSON file' : 'missing the edXML file');
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"; ${USAGE}`);
  if (!io.readFile) throw new UsageError('this environment cannot read files');
  if (sub === 'build') return edxmlBuildCommand(file, values, lang, io, progress);
  if (sub === 'status') return edxmlStatusCommand(file, values, lang, io);
  if (values.output !== undefined) throw new UsageError('-o is for edxml build and edxml status');
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    throw new InputFileError(file, e);
  }
  progress.update(`${t(lang, 'Đọc', 'Reading')} ${file} (${bytes.length} B)`);
  const parsed = parseEdxml(bytes, { strict: values.strict === true });
  if (sub === 'validate') progress.update(t(lang, 'Kiểm tra gói tin', 'Validating the package'));
  const validation = sub === 'validate' ? validateEdxml(parsed, { required: 'value', organizationCodes: 'strict' }) : [];
  const all = [...parsed.issues, ...validation];
  const errors = all.filter((i) => i.severity === 'error').length;
  const attachments = [];
  for (const [i, a] of parsed.attachments.entries()) {
    progress.update(t(lang, 'Kiểm tra tệp đính kèm', 'Checking attachment'), i + 1, parsed.attachments.length);
    const r = await a.inspect();
    attachments.push({ name: a.meta.attachmentName, size: r.size, sha256: r.sha256, declared: r.contentType.declared, sniffed: r.contentType.sniffed.kind, matches: r.contentType.matches });
  }
  progress.done();
  const m = parsed.message as unknown as Record<string, unknown>;
  const lines: string[] = [];
  if (parsed.kind === 'document') {
    const code = m.code as { codeNumber?: string; codeNotation?: string } | undefined;
    const from = m.from as { organId?: string; organName?: string } | undefined;
    lines.push(
      table([
        [`${t(lang, 'Loại gói tin', 'Kind')}:`, t(lang, 'văn bản', 'document package')],
        [`${t(lang, 'Số, ký hiệu', 'Number/symbol')}:`, `${code?.codeNumber ?? '—'}/${code?.codeNotation ?? '—'}`],
        [`${t(lang, 'Trích yếu', 'Subject')}:`, String(m.subject ?? '—')],
        [`${t(lang, 'Nơi gửi', 'From')}:`, `${from?.organName ?? '—'} (${from?.organId ?? '—'})`],
        [`${t(lang, 'Mã định danh văn bản', 'DocumentId')}:`, String(m.documentId ?? '—')],
        [`${t(lang, 'Chữ ký gói tin', 'Envelope signature')}:`, String(parsed.signature.state)],
      ]),
    );
  } else {
    lines.push(
      table([
        [`${t(lang, 'Loại gói tin', 'Kind')}:`, t(lang, 'trạng thái', 'status message')],
        [`${t(lang, 'Mã trạng thái', 'Status code')}:`, String(m.statusCode ?? '—')],
        [`${t(lang, 'Thời điểm', 'Timestamp')}:`, String(m.timestamp ?? '—')],
      ]),
    );
  }
  for (const a of attachments) {
    lines.push(`${t(lang, 'Tệp đính kèm', 'Attachment')}: ${a.name} — ${a.size} B, ${a.sniffed}${a.matches ? '' : t(lang, ' (khác khai báo ', ' (declared ') + a.declared + ')'}, sha256 ${a.sha256}`);
  }
  if (all.length) lines.push(table(issueRows(all)));
  lines.push(`${errors} ${t(lang, 'lỗi', 'errors')}, ${all.length - errors} ${t(lang, 'ghi chú/cảnh báo', 'notes/warnings')}`);
  return {
    json: { kind: parsed.kind, message: parsed.message, attachments, issues: all },
    text: lines.join('\n'),
    exitCode: errors > 0 ? EXIT_CODES.negative : EXIT_CODES.ok,
  };
}
