import * as z from 'zod/mini';
import { civilServiceCalendar, type WorkCalendar } from '../calendar/index.js';
import { parseWith, type VnEgovIssue } from '../errors/index.js';
import type { Dossier } from './dossier-machine.js';
import { describeValue, fail, issue } from './errors.js';
import type { Confidence } from './legal-source.js';
import type { Channel, ImplementationLevel } from './procedure.js';

/**
 * A compact dossier record for the statistics (bản ghi thống kê): days only, so that a million of them stream
 * through {@link summarizeDossiers} quickly. Build one from a {@link Dossier} with {@link toStatisticsRecord}.
 *
 * @example
 * ```ts
 * const r: StatisticsRecord = { channel: 'online', receivedDay: '2026-03-02', dueDay: '2026-03-09', endDay: '2026-03-06', end: 'resolved' };
 * ```
 */
export interface StatisticsRecord {
  readonly channel: Channel;
  /** Day of official receipt; `null` for a dossier never received (refused at reception), which is not counted. */
  readonly receivedDay: string | null;
  /** Current due day (after restart, pause, extension). */
  readonly dueDay: string | null;
  /** Day processing ended: the result (status 9/10) or a refusal after appraisal, or the day of withdrawal/closure. */
  readonly endDay?: string | null;
  /** `resolved` (đã giải quyết) or `withdrawn` (returned without a result: withdrawal, stop, closure). */
  readonly end?: 'resolved' | 'withdrawn' | null;
  /** The KPI rule marks it overdue whatever the dates (more than one supplementation request under `pause`). */
  readonly overdueByRule?: boolean;
  /** Day of a pending supplementation request (status 5), if any. */
  readonly waitingSince?: string | null;
  /** Supplementation policy of the dossier (for the waiting time of a pending request). Default `restart`. */
  readonly policy?: 'restart' | 'pause';
  readonly sector?: string;
  readonly level?: ImplementationLevel;
  readonly agency?: string;
}

/**
 * Builds the statistics record of a dossier. With `asOf` (a day), a supplementation request pending at the end of that
 * day is reported as pending even if it was completed later (the due day is always the dossier's latest).
 *
 * @example
 * ```ts
 * toStatisticsRecord(dossier).end; // 'resolved' once processed
 * ```
 */
export function toStatisticsRecord(d: Dossier, asOf?: string): StatisticsRecord {
  const received = d.receivedAt === null ? null : d.receivedAt.slice(0, 10);
  const resolvedAt = d.processedAt ?? (d.outcome === 'returned' || d.outcome === 'notEligible' ? d.endedAt : null);
  const withdrawnAt = resolvedAt === null && d.outcome !== null && d.outcome !== 'refusedAtReception' ? d.endedAt : null;
  // a supplement pending at `asOf` (the end of the report period), else the one pending now
  const open =
    asOf === undefined
      ? d.status === 5
        ? d.supplements.at(-1)
        : undefined
      : d.supplements.find((s) => s.requestedAt.slice(0, 10) <= asOf && (s.suppliedAt === null ? d.outcome === null || (d.endedAt ?? '') > asOf : s.suppliedAt.slice(0, 10) > asOf));
  return {
    channel: d.channel,
    receivedDay: received,
    dueDay: d.dueDay,
    endDay: (resolvedAt ?? withdrawnAt)?.slice(0, 10) ?? null,
    end: resolvedAt !== null ? 'resolved' : withdrawnAt !== null ? 'withdrawn' : null,
    overdueByRule: d.policy === 'pause' && d.supplements.filter((s) => s.stage === 'appraisal').length > 1,
    waitingSince: open !== undefined && open.stage === 'appraisal' ? open.requestedAt.slice(0, 10) : null,
    policy: d.policy,
    ...(d.sector === undefined ? {} : { sector: d.sector }),
    ...(d.level === undefined ? {} : { level: d.level }),
    ...(d.agency === undefined ? {} : { agency: d.agency }),
  };
}

/**
 * One row of the report "Biểu số 06/VPCP/KSTT — Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải
 * quyết TTHC" (unit: số hồ sơ), plus two counts the form does not show: dossiers waiting for a supplement (part of
 * those in process) and dossiers returned without a result (withdrawn, stopped, closed). Field names match the
 * `StatisticsRow` of `vn-egov/scoring`, so a row can be scored as it is (QĐ 766).
 *
 * @example
 * ```ts
 * const row: Bieu06Row = report.total;
 * row.received.total === row.resolved.total + row.inProcess.total + row.returned; // true
 * ```
 */
export interface Bieu06Row {
  /** The group value (sector, level or agency), `"Tổng số"` for the total row. */
  readonly group: string;
  /** The sector of a row grouped by sector (the field name of the scoring module's `StatisticsRow`). */
  readonly sector?: string;
  /** The level of a row grouped by level. */
  readonly level?: string;
  /** Số hồ sơ nhận giải quyết: tổng số; trực tuyến; trực tiếp, dịch vụ bưu chính; từ kỳ trước. */
  readonly received: { total: number; online: number; inPersonOrPostal: number; carriedOver: number };
  /** Số hồ sơ đã giải quyết: tổng số; trước hạn; đúng hạn; quá hạn. */
  readonly resolved: { total: number; early: number; onTime: number; overdue: number };
  /** Số hồ sơ đang giải quyết: tổng số; trong hạn; quá hạn (and, of them, waiting for a supplement). */
  readonly inProcess: { total: number; withinDeadline: number; overdue: number; waitingForSupplement: number };
  /** Returned without a result in the period (rút, dừng, đóng hồ sơ); not a column of the form. */
  readonly returned: number;
}

/**
 * The report with its period, grouping, rows, total and the inputs the QĐ 766 scoring needs.
 *
 * @example
 * ```ts
 * const r: Bieu06Report = summarizeDossiers(records, { from: '2026-03-01', to: '2026-03-31' });
 * ```
 */
export interface Bieu06Report {
  readonly form: 'Biểu số 06/VPCP/KSTT';
  readonly source: string;
  readonly confidence: Confidence;
  readonly period: { readonly from: string; readonly to: string };
  readonly groupBy: StatisticsGroupBy;
  /** Rows by group value, in Vietnamese order of the group. */
  readonly rows: readonly Bieu06Row[];
  readonly total: Bieu06Row;
  /** Inputs of QĐ 766 indicator 2.1 (Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn) and the online share. */
  readonly scoring: {
    /** Finished early or on time plus in process within time (indicator 2.1 numerator). */
    readonly totalOnTime: number;
    /** Dossiers received or processed in the period (indicator 2.1 denominator). */
    readonly totalReceived: number;
    /** `totalOnTime / totalReceived`, `null` when nothing was received (null ≠ 0). */
    readonly onTimeRatio: number | null;
    /** Online share of newly received dossiers, `null` when none. */
    readonly onlineRatio: number | null;
    readonly note: string;
  };
  /** Records skipped: received after the period, finished before it, or never received. */
  readonly skipped: number;
}

/**
 * Grouping of the rows: by sector (lĩnh vực), implementing level, agency, or a single total.
 *
 * @example
 * ```ts
 * statisticsGroupBySchema.parse('sector');
 * ```
 */
export const statisticsGroupBySchema = z.enum(['sector', 'level', 'agency', 'none']);
/** See {@link statisticsGroupBySchema}. @example `const g: StatisticsGroupBy = 'level';` */
export type StatisticsGroupBy = z.infer<typeof statisticsGroupBySchema>;

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));
/**
 * Options of {@link summarizeDossiers}.
 *
 * @example
 * ```ts
 * statisticsOptionsSchema.parse({ from: '2026-03-01', to: '2026-03-31', groupBy: 'sector' });
 * ```
 */
export const statisticsOptionsSchema = z.object({ from: isoDay, to: isoDay, groupBy: z.optional(statisticsGroupBySchema) });
/** See {@link statisticsOptionsSchema}; plus the calendar (for pending supplements under `pause`). @example `const o: StatisticsOptions = { from: '2026-03-01', to: '2026-03-31' };` */
export type StatisticsOptions = z.infer<typeof statisticsOptionsSchema> & { readonly calendar?: WorkCalendar };

const UNKNOWN_GROUP = '(Không xác định)';
const TOTAL = 'Tổng số';

interface Counter {
  rOnline: number; rOther: number; rCarried: number;
  early: number; onTime: number; late: number;
  within: number; overdue: number; waiting: number;
  returned: number;
}
const counter = (): Counter => ({ rOnline: 0, rOther: 0, rCarried: 0, early: 0, onTime: 0, late: 0, within: 0, overdue: 0, waiting: 0, returned: 0 });

const isDay = (v: unknown): v is string => typeof v === 'string' && v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45;

function toRow(group: string, c: Counter, groupBy: StatisticsGroupBy = 'none'): Bieu06Row {
  const resolved = c.early + c.onTime + c.late;
  const inProcess = c.within + c.overdue;
  return {
    group,
    ...(groupBy === 'sector' ? { sector: group } : groupBy === 'level' ? { level: group } : {}),
    received: { total: c.rOnline + c.rOther + c.rCarried, online: c.rOnline, inPersonOrPostal: c.rOther, carriedOver: c.rCarried },
    resolved: { total: resolved, early: c.early, onTime: c.onTime, overdue: c.late },
    inProcess: { total: inProcess, withinDeadline: c.within, overdue: c.overdue, waitingForSupplement: c.waiting },
    returned: c.returned,
  };
}

/**
 * Checks the invariants of a Biểu 06 row (useful also for hand-compiled reports): received = carried over + online
 * + in person/postal; received = resolved + in process + returned; resolved = early + on time + late; in process =
 * within + overdue; waiting ≤ in process; no negative counts.
 *
 * @example
 * ```ts
 * checkBieu06Invariants(report.total); // []
 * ```
 */
export function checkBieu06Invariants(row: Bieu06Row): VnEgovIssue[] {
  const out: VnEgovIssue[] = [];
  const { received: r, resolved: s, inProcess: p } = row;
  const check = (ok: boolean, code: string, msg: string) => {
    if (!ok) out.push(issue(code, [row.group], msg));
  };
  check(r.total === r.carriedOver + r.online + r.inPersonOrPostal, 'received_split', `received ${r.total} ≠ carried over ${r.carriedOver} + online ${r.online} + in person/postal ${r.inPersonOrPostal}`);
  check(r.total === s.total + p.total + row.returned, 'received_outcome', `received ${r.total} ≠ resolved ${s.total} + in process ${p.total} + returned ${row.returned}`);
  check(s.total === s.early + s.onTime + s.overdue, 'resolved_split', `resolved ${s.total} ≠ early ${s.early} + on time ${s.onTime} + overdue ${s.overdue}`);
  check(p.total === p.withinDeadline + p.overdue, 'in_process_split', `in process ${p.total} ≠ within ${p.withinDeadline} + overdue ${p.overdue}`);
  check(p.waitingForSupplement <= p.total, 'waiting_exceeds', `waiting ${p.waitingForSupplement} > in process ${p.total}`);
  check([r.total, r.online, r.inPersonOrPostal, r.carriedOver, s.early, s.onTime, s.overdue, p.withinDeadline, p.overdue, row.returned].every((n) => Number.isInteger(n) && n >= 0), 'negative_count', 'counts must be non-negative integers');
  return out;
}

/**
 * Builds the Biểu số 06/VPCP/KSTT report (form of TT 01/2020/TT-VPCP [secondary]) for the days `from`–`to`
 * (inclusive, Vietnam days), grouped by sector, level or agency. Input: any iterable (a generator streams a million
 * records in constant memory) of {@link StatisticsRecord}s or {@link Dossier}s.
 *
 * Per dossier received on or before `to` and not finished before `from`: carried over when received before `from`,
 * else new (online, or in person/postal); then resolved by `to` (early / on time / late against its due day; the KPI
 * rule's repeated supplementation makes it late), returned without a result by `to`, or in process at `to` (within
 * time / overdue; a pending supplement is within time under `restart`, and its waiting time is not counted under
 * `pause`). The invariants ({@link checkBieu06Invariants}) are checked on every row.
 *
 * @throws VnEgovError `INVALID_OPTIONS`; `INVALID_STATISTICS_RECORD` naming the index of an inconsistent record
 *   (bad day, end before receipt, end without an end kind); `STATISTICS_INVARIANT_VIOLATED` (a bug guard).
 * @example
 * ```ts
 * const report = summarizeDossiers(dossiers, { from: '2026-02-01', to: '2026-02-28', groupBy: 'sector' });
 * report.total.resolved.onTime;
 * ```
 */
export function summarizeDossiers(input: Iterable<StatisticsRecord | Dossier>, options: StatisticsOptions): Bieu06Report {
  const o = parseWith(statisticsOptionsSchema, { from: options?.from, to: options?.to, groupBy: options?.groupBy }, 'INVALID_OPTIONS', 'Tùy chọn thống kê không hợp lệ / invalid statistics options');
  if (o.from > o.to) fail('INVALID_OPTIONS', `Kỳ báo cáo không hợp lệ / period from ${o.from} is after to ${o.to}`);
  if (input === null || typeof input !== 'object' || typeof (input as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    fail('INVALID_OPTIONS', `Dữ liệu phải là một tập lặp / input must be iterable, got ${describeValue(input)}`);
  }
  const { from, to } = o;
  const groupBy = o.groupBy ?? 'none';
  const calendar = options.calendar;
  const groups = new Map<string, Counter>();
  const total = counter();
  let skipped = 0;
  let index = -1;
  function bad(msg: string): never {
    fail('INVALID_STATISTICS_RECORD', `Bản ghi ${index} không hợp lệ / record ${index}: ${msg}`, [issue('invalid_record', [index], msg)]);
  }

  for (const item of input) {
    index++;
    if (item === null || typeof item !== 'object') bad(`expected an object, got ${describeValue(item)}`);
    const r: StatisticsRecord = 'status' in item && 'history' in item ? toStatisticsRecord(item, to) : (item as StatisticsRecord);
    const R = r.receivedDay;
    if (R === null || R === undefined) {
      skipped++;
      continue;
    }
    if (!isDay(R)) bad(`receivedDay ${describeValue(R)} is not YYYY-MM-DD`);
    if (R > to) {
      skipped++;
      continue;
    }
    const due = r.dueDay;
    if (!isDay(due)) bad(`dueDay ${describeValue(due)} is not YYYY-MM-DD (a received dossier has a due day)`);
    const endDay = r.endDay ?? null;
    const end = r.end ?? null;
    if ((endDay === null) !== (end === null)) bad('endDay and end must be given together');
    if (endDay !== null) {
      if (!isDay(endDay)) bad(`endDay ${describeValue(endDay)} is not YYYY-MM-DD`);
      if (endDay < R) bad(`ended ${endDay} before it was received ${R}`);
      if (end !== 'resolved' && end !== 'withdrawn') bad(`end must be "resolved" or "withdrawn", got ${describeValue(end)}`);
      if (endDay < from) {
        skipped++;
        continue;
      }
    }
    const ch = r.channel;
    if (ch !== 'online' && ch !== 'direct' && ch !== 'postal') bad(`channel ${describeValue(ch)} is not direct/online/postal`);
    let key: string = TOTAL;
    if (groupBy !== 'none') {
      const v = r[groupBy];
      key = typeof v === 'string' && v !== '' ? v : UNKNOWN_GROUP;
    }
    let c = groups.get(key);
    if (c === undefined) groups.set(key, (c = counter()));

    if (R < from) {
      c.rCarried++;
      total.rCarried++;
    } else if (ch === 'online') {
      c.rOnline++;
      total.rOnline++;
    } else {
      c.rOther++;
      total.rOther++;
    }
    if (endDay !== null && endDay <= to) {
      if (end === 'resolved') {
        if (r.overdueByRule === true || endDay > due) {
          c.late++;
          total.late++;
        } else if (endDay === due) {
          c.onTime++;
          total.onTime++;
        } else {
          c.early++;
          total.early++;
        }
      } else {
        c.returned++;
        total.returned++;
      }
      continue;
    }
    // in process at `to`
    const waiting = r.waitingSince;
    let within: boolean;
    if (r.overdueByRule === true) within = false;
    else if (waiting !== null && waiting !== undefined && isDay(waiting) && waiting <= to) {
      c.waiting++;
      total.waiting++;
      if (r.policy === 'pause') {
        const cal = calendar ?? civilServiceCalendar();
        within = to <= cal.addWorkingDays(due, Math.max(0, cal.workingDaysBetween(waiting, to)));
      } else within = true;
    } else within = to <= due;
    if (within) {
      c.within++;
      total.within++;
    } else {
      c.overdue++;
      total.overdue++;
    }
  }

  const collator = new Intl.Collator('vi');
  const rows = [...groups].sort(([a], [b]) => collator.compare(a, b)).map(([k, c]) => toRow(k, c, groupBy));
  const totalRow = toRow(TOTAL, total);
  const problems = [...rows, totalRow].flatMap(checkBieu06Invariants);
  if (problems.length > 0) fail('STATISTICS_INVARIANT_VIOLATED', `Báo cáo vi phạm ràng buộc / the report breaks its invariants: ${problems[0]!.message}`, problems);
  const totalOnTime = total.early + total.onTime + total.within;
  const totalReceived = totalRow.received.total;
  const fresh = total.rOnline + total.rOther;
  return {
    form: 'Biểu số 06/VPCP/KSTT',
    source: 'Biểu số 06/VPCP/KSTT, ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 (column layout from a public front-end code base)',
    confidence: 'secondary',
    period: { from, to },
    groupBy,
    rows,
    total: totalRow,
    scoring: {
      totalOnTime,
      totalReceived,
      onTimeRatio: totalReceived === 0 ? null : totalOnTime / totalReceived,
      onlineRatio: fresh === 0 ? null : total.rOnline / fresh,
      note: 'QĐ 766/QĐ-TTg indicator 2.1 = 20 × totalOnTime ÷ totalReceived, measured with the pause policy (specs/scoring.md §1.3); the ratio follows the policies of the dossiers given.',
    },
    skipped,
  };
}
