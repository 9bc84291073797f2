import {
  createTrustStore, parseCertificates, verifyDocument, vietnameseTrustAnchors,
  type DocumentInput, type DocumentSignature, type DocumentVerificationReport,
} from '../../signature/index.js';
import { t, table } from '../format.js';
import { EXIT_CODES, InputFileError, UsageError, type CliIo, type CliLang } from '../io.js';
import type { Progress } from '../progress.js';
import type { CommandResult } from './types.js';

const USAGE =
  'usage: vn-egov verify <file.pdf|file.p7s|file.xml|file.edxml> [--content signed-file] [--trust ca.pem]... [--crl file.crl]... [--at 2026-03-16T10:00:00+07:00] [--legacy]';

async function read(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile!(path);
  } catch (e) {
    throw new InputFileError(path, e);
  }
}

async function tryRead(io: CliIo, path: string): Promise<Uint8Array | undefined> {
  try {
    return await io.readFile!(path);
  } catch {
    return undefined;
  }
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

function identifiers(s: DocumentSignature): string {
  const vn = s.signer?.vn as Record<string, unknown> | undefined;
  if (!vn) return '—';
  const parts: string[] = [];
  for (const key of ['cccd', 'cmnd', 'mst', 'mns'] as const) {
    const v = vn[key];
    if (typeof v === 'string' && v) parts.push(`${key.toUpperCase()} ${v}`);
  }
  return parts.length ? parts.join(', ') : '—';
}

/** Reasons: the failed or warning checks of the verifier that judged the signature, in the output language. */
function reasons(s: DocumentSignature, lang: CliLang): string[] {
  const d = s.details;
  type Check = { status: string; message: { vi: string; en: string } };
  let checks: readonly Check[] = [];
  if (d.kind === 'pdf') checks = (d.report.signatures[d.signatureIndex]?.checks ?? []) as readonly Check[];
  else if (d.kind === 'cms') checks = (d.report.signers[d.signerIndex]?.checks ?? []) as readonly Check[];
  else checks = d.report.checks as readonly Check[];
  return checks.filter((c) => c.status === 'FAILED' || c.status === 'WARNING').map((c) => `${c.status}: ${lang === 'vi' ? c.message.vi : c.message.en}`);
}

function render(report: DocumentVerificationReport, file: string, lang: CliLang): string {
  const lines: string[] = [];
  lines.push(
    table([
      [`${t(lang, 'Tệp', 'File')}:`, `${file} (${report.kind})`],
      [`${t(lang, 'Kết luận', 'Indication')}:`, `${report.indication}${report.subIndication ? ` / ${report.subIndication}` : ''}`],
      [`${t(lang, 'Diễn giải', 'Meaning')}:`, lang === 'vi' ? report.message.vi : report.message.en],
      [`${t(lang, 'Thời điểm kiểm tra', 'Validation time')}:`, report.validationTime],
    ]),
  );
  report.signatures.forEach((s, i) => {
    lines.push('');
    lines.push(`${t(lang, 'Chữ ký', 'Signature')} ${i + 1}: ${s.source}${s.name ? ` — ${s.name}` : ''}`);
    lines.push(
      table([
        [`  ${t(lang, 'Người ký', 'Signer')}:`, s.signer ? (s.signer.commonName ?? s.signer.subject) : '—'],
        [`  ${t(lang, 'Tổ chức', 'Organisation')}:`, s.signer?.organization ?? '—'],
        [`  ${t(lang, 'Định danh', 'Identifiers')}:`, identifiers(s)],
        [`  ${t(lang, 'Thời điểm ký (tự khai)', 'Signing time (claimed)')}:`, s.signingTime ?? '—'],
        [`  ${t(lang, 'Kết luận', 'Indication')}:`, `${s.indication}${s.subIndication ? ` / ${s.subIndication}` : ''}`],
        [`  ${t(lang, 'Diễn giải', 'Meaning')}:`, lang === 'vi' ? s.message.vi : s.message.en],
      ]),
    );
    for (const r of reasons(s, lang)) lines.push(`    - ${r}`);
  });
  if (report.findings.length) {
    lines.push('');
    for (const f of report.findings) lines.push(`${f.severity} ${f.code}${f.target ? ` (${f.target})` : ''}: ${lang === 'vi' ? f.message.vi : f.message.en}`);
  }
  return lines.join('\n');
}

/** A JSON-safe copy of the report (byte arrays such as `signedXml` become their length). */
function jsonReport(report: DocumentVerificationReport): unknown {
  return JSON.parse(JSON.stringify(report, (_k, v: unknown) => (v instanceof Uint8Array ? { bytes: v.length } : v)));
}

/**
 * `vn-egov verify <file> [--content f] [--trust ca.pem]... [--crl f]... [--at time] [--legacy]`: verifies a signed PDF,
 * a CMS signature (detached: the content is `--content`, else the file name without `.p7s`), an XML document or an
 * edXML package; exit 0 when every signature is TOTAL_PASSED, 1 otherwise. @internal
 */
export async function verifyCommand(positionals: string[], values: Record<string, unknown>, lang: CliLang, io: CliIo, progress: Progress): Promise<CommandResult> {
  const [file, extra] = positionals;
  if (file === undefined) throw new UsageError(`missing the file to verify; ${USAGE}`);
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"; ${USAGE}`);
  if (!io.readFile) throw new UsageError('this environment cannot read files');
  if (values.output !== undefined) throw new UsageError('-o is not an option of verify');
  const bytes = await read(io, file);
  progress.update(`${t(lang, 'Đọc', 'Reading')} ${file} (${bytes.length} B)`);

  const trustFiles = list(values.trust);
  const anchors = [];
  for (const f of trustFiles) anchors.push(...parseCertificates(await read(io, f)));
  const trustStore = createTrustStore({ anchors: trustFiles.length ? anchors : vietnameseTrustAnchors });
  const crls: Uint8Array[] = [];
  for (const f of list(values.crl)) crls.push(await read(io, f));

  let input: DocumentInput = bytes;
  const lower = file.toLowerCase();
  if (/\.(p7s|p7m|sig)$/.test(lower)) {
    const contentPath = typeof values.content === 'string' ? values.content : file.replace(/\.(p7s|p7m|sig)$/i, '');
    const content = typeof values.content === 'string' ? await read(io, contentPath) : await tryRead(io, contentPath);
    input = content ? { cms: bytes, content } : { cms: bytes };
  } else if (values.content !== undefined) {
    throw new UsageError('--content is for a detached .p7s signature');
  }
  const at = typeof values.at === 'string' ? values.at : undefined;
  if (at !== undefined && Number.isNaN(Date.parse(at))) throw new UsageError(`--at: not a date-time: ${at}`);
  progress.update(t(lang, 'Kiểm tra chữ ký số', 'Verifying signatures'));
  const report = await verifyDocument(input, {
    trustStore,
    ...(crls.length ? { crls } : {}),
    ...(at !== undefined ? { at } : {}),
    ...(values.legacy === true ? { legacyXml: true, allowLegacySha1: true } : {}),
  });
  progress.done();
  return {
    json: jsonReport(report),
    text: render(report, file, lang),
    exitCode: report.indication === 'TOTAL_PASSED' ? EXIT_CODES.ok : EXIT_CODES.negative,
  };
}
