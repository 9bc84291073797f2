import { parseArgs } from 'node:util';
import { VnEgovError } from '../errors/index.js';
import { daysOffCommand, deadlineCommand, lunarCommand } from './commands/calendar.js';
import { docnumCommand } from './commands/docnum.js';
import { edxmlCommand } from './commands/edxml.js';
import { scoreCommand } from './commands/score.js';
import { verifyCommand } from './commands/verify.js';
import type { CommandResult } from './commands/types.js';
import { createProgress } from './progress.js';
import { EXIT_CODES, InputFileError, UsageError, type CliIo, type CliLang } from './io.js';

const HELP: Record<CliLang, string> = {
  vi: `vn-egov — thư viện chính phủ điện tử Việt Nam

Cách dùng: vn-egov <lệnh> [tham số] [--lang vi|en] [--json]

Lệnh:
  deadline --from "2026-02-13 16:00" --days 15   Tính ngày hẹn trả (ngày làm việc, giờ tiếp nhận cuối 15:00)
           [--cutoff 15:00|none] [--extra-day-off YYYY-MM-DD]... [--extra-working-day YYYY-MM-DD]... [--saturday]
  lunar 2026-02-17                                Đổi dương lịch sang âm lịch, can chi
  lunar --lunar 2026-3-10 [--leap]                Đổi âm lịch sang dương lịch
  days-off 2026 [--include-rest-days]             Lịch nghỉ lễ, Tết, nghỉ bù, làm bù của năm
  docnum parse "Số: 15/QĐ-UBND"                   Phân tích số, ký hiệu văn bản
  edxml inspect|validate <tệp.edxml> [--strict]   Đọc, kiểm tra gói tin edXML (mã thoát 1 nếu có lỗi)
  edxml build <mô-tả.json> [-o tệp.edxml]         Tạo gói tin văn bản từ tệp mô tả JSON (tệp đính kèm: "file" hoặc "base64")
  edxml status <mô-tả.json> [-o tệp.xml]          Tạo thông điệp trạng thái từ tệp mô tả JSON
  verify <tệp.pdf|.p7s|.xml|.edxml>               Kiểm tra chữ ký số: người ký, định danh, thời điểm, kết luận, lý do
         [--content tệp-được-ký] [--trust ca.pem]... [--crl tệp.crl]... [--at thời-điểm] [--legacy]
         (mặc định tin cậy các chứng thư gốc Việt Nam đi kèm; mã thoát 1 nếu có chữ ký không hợp lệ/chưa xác định)
  score --set qd766 <đầu-vào.json> [--period 2026-08] [--xlsx tệp.xlsx] [--csv tệp.csv]
                                                  Chấm điểm, xếp hạng; xuất Excel/CSV

Mã thoát: 0 thành công, 1 kết quả phủ định, 2 sai cú pháp lệnh, 3 dữ liệu vào không hợp lệ, 4 lỗi nội bộ.
Việc dài hiển thị tiến độ trên stderr (chỉ khi stderr là terminal, không có --json).`,
  en: `vn-egov — Vietnamese e-government library

Usage: vn-egov <command> [arguments] [--lang vi|en] [--json]

Commands:
  deadline --from "2026-02-13 16:00" --days 15   Due date in working days (15:00 cut-off)
           [--cutoff 15:00|none] [--extra-day-off YYYY-MM-DD]... [--extra-working-day YYYY-MM-DD]... [--saturday]
  lunar 2026-02-17                                Solar to lunar date, stem-branch names
  lunar --lunar 2026-3-10 [--leap]                Lunar to solar date
  days-off 2026 [--include-rest-days]             The year's holidays, compensatory and swapped days
  docnum parse "Số: 15/QĐ-UBND"                   Parse a document number and symbol
  edxml inspect|validate <file.edxml> [--strict]  Read and check an edXML package (exit 1 on errors)
  edxml build <spec.json> [-o out.edxml]          Write a document package from a JSON spec (attachments: "file" or "base64")
  edxml status <spec.json> [-o out.xml]           Write a status message from a JSON spec
  verify <file.pdf|.p7s|.xml|.edxml>              Verify signatures: signer, identifiers, time, indication, reasons
         [--content signed-file] [--trust ca.pem]... [--crl file.crl]... [--at time] [--legacy]
         (trusts the bundled Vietnamese roots by default; exit 1 unless every signature is TOTAL_PASSED)
  score --set qd766 <inputs.json> [--period 2026-08] [--xlsx out.xlsx] [--csv out.csv]
                                                  Score and rank units; write a workbook or CSV

Exit codes: 0 success, 1 negative result, 2 usage error, 3 invalid input, 4 internal error.
Long work shows progress on stderr (only when stderr is a terminal and without --json).`,
};

const OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  from: { type: 'string' },
  days: { type: 'string' },
  cutoff: { type: 'string' },
  'extra-day-off': { type: 'string', multiple: true },
  'extra-working-day': { type: 'string', multiple: true },
  saturday: { type: 'boolean' },
  lunar: { type: 'string' },
  leap: { type: 'boolean' },
  'include-rest-days': { type: 'boolean' },
  strict: { type: 'boolean' },
  set: { type: 'string' },
  period: { type: 'string' },
  xlsx: { type: 'string' },
  csv: { type: 'string' },
  output: { type: 'string', short: 'o' },
  content: { type: 'string' },
  trust: { type: 'string', multiple: true },
  crl: { type: 'string', multiple: true },
  at: { type: 'string' },
  legacy: { type: 'boolean' },
} as const;

const MAX_ISSUES = 50;

/**
 * The package version printed by `--version`.
 *
 * @example
 * ```ts
 * CLI_VERSION; // '0.1.0'
 * ```
 */
export const CLI_VERSION = '0.1.0';

/**
 * Runs the `vn-egov` command line with the given arguments (without `node` and the script name) and returns
 * the exit code (see {@link EXIT_CODES}). Human output is Vietnamese by default (`--lang en` for English);
 * `--json` prints one JSON document for machines. Errors go to `io.stderr`.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const code = await runCli(['deadline', '--from', '2026-02-13 16:00', '--days', '15', '--json'], {
 *   stdout: (s) => out.push(s), stderr: () => {} });
 * JSON.parse(out.join('')).dueDay; // '2026-03-16'
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: CliLang = 'vi';
  let json = false;
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    if (values.lang !== undefined) {
      if (values.lang !== 'vi' && values.lang !== 'en') throw new UsageError('--lang must be vi or en');
      lang = values.lang;
    }
    json = values.json === true;
    if (values.version) {
      io.stdout(`${CLI_VERSION}\n`);
      return EXIT_CODES.ok;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout(`${HELP[lang]}\n`);
      return command === undefined && !values.help ? EXIT_CODES.usage : EXIT_CODES.ok;
    }
    const progress = createProgress(io, json);
    let result: CommandResult;
    switch (command) {
      case 'deadline':
        result = deadlineCommand(values, lang);
        break;
      case 'lunar':
        result = lunarCommand(rest, values, lang);
        break;
      case 'days-off':
        result = daysOffCommand(rest, values, lang);
        break;
      case 'docnum':
        result = docnumCommand(rest, lang);
        break;
      case 'edxml':
        result = await edxmlCommand(rest, values, lang, io, progress);
        break;
      case 'score':
        result = await scoreCommand(rest, values, lang, io, progress);
        break;
      case 'verify':
        result = await verifyCommand(rest, values, lang, io, progress);
        break;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
    io.stdout(json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text}\n`);
    return result.exitCode ?? EXIT_CODES.ok;
  } catch (e) {
    if (e instanceof VnEgovError) {
      if (json) io.stdout(`${JSON.stringify({ error: e.toJSON() }, null, 2)}\n`);
      io.stderr(`${lang === 'vi' ? 'Lỗi' : 'Error'} [${e.code}]: ${e.message}\n`);
      for (const i of e.issues.slice(0, MAX_ISSUES)) io.stderr(`  ${i.path.length ? i.path.join('.') : '(gốc / root)'}: ${i.message} [${i.code}]\n`);
      if (e.issues.length > MAX_ISSUES) io.stderr(`  … ${e.issues.length - MAX_ISSUES} ${lang === 'vi' ? 'vấn đề khác' : 'more issues'}\n`);
      return EXIT_CODES.invalidInput;
    }
    if (e instanceof InputFileError) {
      io.stderr(`${lang === 'vi' ? 'Không đọc được tệp' : 'Cannot read file'}: ${e.message}\n`);
      return EXIT_CODES.invalidInput;
    }
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`${lang === 'vi' ? 'Sai cú pháp' : 'Usage error'}: ${(e as Error).message}\n${lang === 'vi' ? 'Xem' : 'See'}: vn-egov --help\n`);
      return EXIT_CODES.usage;
    }
    io.stderr(`${lang === 'vi' ? 'Lỗi nội bộ' : 'Internal error'}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_CODES.internal;
  }
}
