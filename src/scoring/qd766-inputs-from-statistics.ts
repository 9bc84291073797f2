import { parseStatisticsReport, type StatisticsReport } from './statistics-report.js';

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
 * Maps a Biểu 06 statistics report (summed over its rows) to the QĐ 766 inputs it covers — indicator 2.1
 * "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn":
 * - `totalReceived` = hồ sơ nhận giải quyết, tổng số (carried over included: dossiers received or processed in
 *   the period);
 * - `totalOnTime` = đã giải quyết trước hạn + đúng hạn + đang giải quyết trong hạn.
 *
 * The form does not tell which online dossiers came with an electronic result, which dossiers were synchronised,
 * or anything about payments, digitisation or satisfaction, so no other indicator is fed (the online share 3.3
 * needs the electronic-result condition and the synchronisation rate). Validates the report first
 * (`INVALID_STATISTICS`).
 *
 * @example
 * ```ts
 * const { values } = qd766InputsFromStatistics(report);
 * score(criteriaSets.qd766, { unitId: 'xa-a', values }, { period: '2026-08' });
 * ```
 */
export function qd766InputsFromStatistics(report: StatisticsReport): Qd766StatisticsInputs {
  const r = parseStatisticsReport(report);
  let totalReceived = 0;
  let totalOnTime = 0;
  for (const row of r.rows) {
    totalReceived += row.received.total;
    totalOnTime += row.resolved.early + row.resolved.onTime + row.inProcess.withinDeadline;
  }
  return { values: { totalReceived, totalOnTime }, covers: ['processed-on-time'] };
}
