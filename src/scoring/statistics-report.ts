import * as z from 'zod/mini';
import { issuesFromZod, type VnEgovIssue } from '../errors/index.js';
import { fail, issue } from './errors.js';
import { periodSchema } from './periods.js';

const count = z.number().check(z.int(), z.minimum(0));

/**
 * One row of the statistics form "Biểu số 06/VPCP/KSTT — Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị
 * trực tiếp giải quyết TTHC" (Thông tư 01/2020/TT-VPCP), in dossiers, one row per sector and level:
 * - `received` (số hồ sơ nhận giải quyết): `total`, `online` (trực tuyến), `inPersonOrPostal` (trực tiếp, dịch vụ
 *   bưu chính), `carriedOver` (từ kỳ trước);
 * - `resolved` (số hồ sơ đã giải quyết): `total`, `early` (trước hạn), `onTime` (đúng hạn), `overdue` (quá hạn);
 * - `inProcess` (số hồ sơ đang giải quyết): `total`, `withinDeadline` (trong hạn), `overdue` (quá hạn).
 *
 * For hand-compiled reports (figures typed in from a provincial report). A report built from dossiers by
 * `summarizeDossiers` of `vn-egov/procedures` (`Bieu06Report`, whose `Bieu06Row` has these columns and more) is
 * read directly by `qd766InputsFromStatistics`. The columns follow specs/procedures.md §8 [secondary].
 *
 * @example
 * ```ts
 * const row: StatisticsRow = { sector: 'Hộ tịch',
 *   received: { total: 120, online: 80, inPersonOrPostal: 30, carriedOver: 10 },
 *   resolved: { total: 100, early: 60, onTime: 35, overdue: 5 }, inProcess: { total: 20, withinDeadline: 18, overdue: 2 } };
 * ```
 */
export const statisticsRowSchema = z.object({
  sector: z.optional(z.string()),
  level: z.optional(z.string()),
  received: z.object({ total: count, online: count, inPersonOrPostal: count, carriedOver: count }),
  resolved: z.object({ total: count, early: count, onTime: count, overdue: count }),
  inProcess: z.object({ total: count, withinDeadline: count, overdue: count }),
});
/**
 * One row of a Biểu 06 statistics report (dòng biểu thống kê). See {@link statisticsRowSchema}.
 *
 * @example
 * ```ts
 * const row: StatisticsRow = { sector: 'Hộ tịch',
 *   received: { total: 120, online: 80, inPersonOrPostal: 30, carriedOver: 10 },
 *   resolved: { total: 100, early: 60, onTime: 35, overdue: 5 }, inProcess: { total: 20, withinDeadline: 18, overdue: 2 } };
 * statisticsRowProblems(row); // []
 * ```
 */
export type StatisticsRow = z.infer<typeof statisticsRowSchema>;

/**
 * A hand-compiled statistics report (báo cáo thống kê, Biểu 06) of one unit for one period: its rows (one per
 * sector and level). Reports made from dossiers are the procedures module's `Bieu06Report`; both are accepted by
 * `qd766InputsFromStatistics` (see `Qd766StatisticsSource`).
 *
 * @example
 * ```ts
 * const report: StatisticsReport = { form: 'Biểu số 06/VPCP/KSTT', unitId: 'xa-a', period: { kind: 'month', year: 2026, month: 8 }, rows: [row] };
 * ```
 */
export const statisticsReportSchema = z.object({
  form: z.optional(z.string()),
  unitId: z.optional(z.string()),
  unitName: z.optional(z.string()),
  period: z.optional(periodSchema),
  rows: z.array(statisticsRowSchema).check(z.minLength(1)),
});
/**
 * A hand-compiled Biểu 06 statistics report (báo cáo thống kê). See {@link statisticsReportSchema}.
 *
 * @example
 * ```ts
 * const report: StatisticsReport = parseStatisticsReport({ form: 'Biểu số 06/VPCP/KSTT', unitId: 'xa-a',
 *   period: { kind: 'month', year: 2026, month: 8 }, rows: [row] });
 * ```
 */
export type StatisticsReport = z.infer<typeof statisticsReportSchema>;

/**
 * The column invariants of Biểu 06 that a row breaks (empty when consistent): received = carried over + online
 * + in person/postal; resolved = early + on time + overdue; in process = within deadline + overdue; received ≥
 * resolved + in process (withdrawn or returned dossiers are not shown separately).
 *
 * @example
 * ```ts
 * statisticsRowProblems(row, ['rows', 0]); // []
 * ```
 */
export function statisticsRowProblems(r: StatisticsRow, path: readonly (string | number)[] = []): VnEgovIssue[] {
  const out: VnEgovIssue[] = [];
  const rc = r.received;
  if (rc.total !== rc.carriedOver + rc.online + rc.inPersonOrPostal) {
    out.push(issue('received_total', [...path, 'received', 'total'], `received ${rc.total} ≠ carried over ${rc.carriedOver} + online ${rc.online} + in person/postal ${rc.inPersonOrPostal}`));
  }
  const rs = r.resolved;
  if (rs.total !== rs.early + rs.onTime + rs.overdue) {
    out.push(issue('resolved_total', [...path, 'resolved', 'total'], `resolved ${rs.total} ≠ early ${rs.early} + on time ${rs.onTime} + overdue ${rs.overdue}`));
  }
  const ip = r.inProcess;
  if (ip.total !== ip.withinDeadline + ip.overdue) {
    out.push(issue('in_process_total', [...path, 'inProcess', 'total'], `in process ${ip.total} ≠ within deadline ${ip.withinDeadline} + overdue ${ip.overdue}`));
  }
  if (rc.total < rs.total + ip.total) {
    out.push(issue('received_balance', [...path, 'received', 'total'], `received ${rc.total} < resolved ${rs.total} + in process ${ip.total}`));
  }
  return out;
}

/**
 * Validates a Biểu 06 report (schema and column invariants of every row); throws `INVALID_STATISTICS` with
 * every issue.
 *
 * @example
 * ```ts
 * const report = parseStatisticsReport(json);
 * ```
 */
export function parseStatisticsReport(input: unknown): StatisticsReport {
  const r = statisticsReportSchema.safeParse(input);
  if (!r.success) fail('INVALID_STATISTICS', 'Báo cáo thống kê không hợp lệ', 'invalid statistics report', issuesFromZod(r.error));
  const problems = r.data.rows.flatMap((row, i) => statisticsRowProblems(row, ['rows', i]));
  if (problems.length) {
    fail('INVALID_STATISTICS', `Báo cáo thống kê không khớp số liệu (${problems.length} lỗi)`, `statistics report columns do not add up (${problems.length} problems): ${problems[0]!.message}`, problems);
  }
  return r.data;
}
