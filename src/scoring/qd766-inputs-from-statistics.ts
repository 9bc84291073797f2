import type { Bieu06Report } from '../procedures/index.js';
import { issuesFromZod, type VnEgovIssue } from '../errors/index.js';
import { fail, issue } from './errors.js';
import { parseStatisticsReport, statisticsRowProblems, statisticsRowSchema, type StatisticsReport, type StatisticsRow } from './statistics-report.js';

/**
 * The QĐ 766 inputs a statistics report provides, and which indicators they feed.
 *
 * @example
 * ```ts
 * const m: Qd766StatisticsInputs = { values: { totalReceived: 1038, totalOnTime: 939 }, covers: ['processed-on-time'] };
 * ```
 */
export interface Qd766StatisticsInputs {
  values: { totalReceived: number; totalOnTime: number };
  /** Ids of the `criteriaSets.qd766` indicators the values feed. */
  covers: string[];
}

/**
 * What {@link qd766InputsFromStatistics} reads (báo cáo thống kê Biểu 06): the report the procedures module builds
 * from dossiers (`Bieu06Report` of `vn-egov/procedures`, from `summarizeDossiers`) or a hand-compiled
 * {@link StatisticsReport} (rows typed in from a provincial report).
 *
 * @example
 * ```ts
 * const source: Qd766StatisticsSource = summarizeDossiers(dossiers, { from: '2026-08-01', to: '2026-08-31' });
 * ```
 */
export type Qd766StatisticsSource = Bieu06Report | StatisticsReport;

const isBieu06Report = (r: Qd766StatisticsSource): r is Bieu06Report =>
  typeof r === 'object' && r !== null && 'total' in r && typeof (r as { total?: unknown }).total === 'object' && 'groupBy' in r;

/** Validates the total row of a procedures report (the same columns and invariants as a hand-compiled row). */
function bieu06Total(report: Bieu06Report): StatisticsRow {
  const parsed = statisticsRowSchema.safeParse(report.total);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((x): VnEgovIssue => ({ ...x, path: ['total', ...x.path] }));
    fail('INVALID_STATISTICS', 'Báo cáo thống kê không hợp lệ', 'invalid statistics report', issues);
  }
  const problems = statisticsRowProblems(parsed.data, ['total']);
  if (problems.length) {
    fail('INVALID_STATISTICS', `Báo cáo thống kê không khớp số liệu (${problems.length} lỗi)`, `statistics report columns do not add up (${problems.length} problems): ${problems[0]!.message}`, problems);
  }
  return parsed.data;
}

/**
 * Maps a Biểu 06 statistics report to the QĐ 766 inputs it covers — indicator 2.1 "Tỷ lệ hồ sơ xử lý trước hạn,
 * đúng hạn":
 * - `totalReceived` = hồ sơ nhận giải quyết, tổng số (carried over included: dossiers received or processed in
 *   the period);
 * - `totalOnTime` = đã giải quyết trước hạn + đúng hạn + đang giải quyết trong hạn.
 *
 * Accepts the report of `summarizeDossiers` (`Bieu06Report` of `vn-egov/procedures`: its `total` row is read, and
 * its own `scoring` figures must agree) or a hand-compiled {@link StatisticsReport} (summed over its rows). The
 * form does not tell which online dossiers came with an electronic result, which dossiers were synchronised, or
 * anything about payments, digitisation or satisfaction, so no other indicator is fed (the online share 3.3 needs
 * the electronic-result condition and the synchronisation rate). Validates the report first
 * (`INVALID_STATISTICS`, every problem listed).
 *
 * @example
 * ```ts
 * import { summarizeDossiers } from 'vn-egov/procedures';
 * const { values } = qd766InputsFromStatistics(summarizeDossiers(dossiers, { from: '2026-08-01', to: '2026-08-31' }));
 * score(criteriaSets.qd766, { unitId: 'xa-a', values }, { period: '2026-08' });
 * ```
 */
export function qd766InputsFromStatistics(report: Qd766StatisticsSource): Qd766StatisticsInputs {
  const bieu06 = isBieu06Report(report);
  const rows = bieu06 ? [bieu06Total(report)] : parseStatisticsReport(report).rows;
  let totalReceived = 0;
  let totalOnTime = 0;
  for (const row of rows) {
    totalReceived += row.received.total;
    totalOnTime += row.resolved.early + row.resolved.onTime + row.inProcess.withinDeadline;
  }
  if (bieu06) {
    const own = (report as { scoring?: unknown }).scoring;
    if (own !== undefined) {
      const s = own as Partial<Bieu06Report['scoring']> | null;
      const problems: VnEgovIssue[] = [];
      if (s?.totalReceived !== totalReceived) problems.push(issue('scoring_mismatch', ['scoring', 'totalReceived'], `the report says ${String(s?.totalReceived)}, its total row gives ${totalReceived}`));
      if (s?.totalOnTime !== totalOnTime) problems.push(issue('scoring_mismatch', ['scoring', 'totalOnTime'], `the report says ${String(s?.totalOnTime)}, its total row gives ${totalOnTime}`));
      if (problems.length) {
        fail('INVALID_STATISTICS', 'Số liệu chấm điểm của báo cáo không khớp dòng tổng', `the report's scoring figures disagree with its total row: ${problems[0]!.message}`, problems);
      }
    }
  }
  return { values: { totalReceived, totalOnTime }, covers: ['processed-on-time'] };
}
