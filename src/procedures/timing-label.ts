import { civilServiceCalendar, type InstantInput, type WorkCalendar } from '../calendar/index.js';
import type { Dossier } from './dossier-machine.js';
import { readInstant } from './instant.js';

/**
 * Timing labels exactly as officials use them (specs/procedures.md §6–7): for finished dossiers `early` trước hạn,
 * `on-time` đúng hạn, `late` quá hạn; for dossiers in process `within` trong hạn, `overdue` quá hạn.
 *
 * @example
 * ```ts
 * TIMING_LABELS.early; // 'Trước hạn'
 * ```
 */
export const TIMING_LABELS = Object.freeze({
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
  within: 'Trong hạn',
  overdue: 'Quá hạn',
} as const);

/** A timing label code. @example `const t: TimingLabel = 'on-time';` */
export type TimingLabel = keyof typeof TIMING_LABELS;

/**
 * The timing of a dossier or step.
 *
 * @example
 * ```ts
 * const t: DossierTiming = dossierTiming(d, { at: '2026-03-03 08:00' })!;
 * t.vi; // 'Trong hạn'
 * ```
 */
export interface DossierTiming {
  readonly phase: 'finished' | 'in-process';
  readonly label: TimingLabel;
  /** Vietnamese label. */
  readonly vi: string;
  /** The due day the label was measured against (after a pause, the moved day). */
  readonly dueDay: string;
  /** The day processing ended (finished) or the day of `at` (in process). */
  readonly day: string;
  /** Why, when a rule rather than the dates decided it (the KPI rule on repeated supplementation). */
  readonly note?: string;
}

/** Options of {@link dossierTiming}. @example `const o: TimingOptions = { at: '2026-03-03 08:00' };` */
export interface TimingOptions {
  /** The instant a dossier in process is measured at (required for dossiers in process: no hidden clock). */
  readonly at?: InstantInput;
  readonly calendar?: WorkCalendar;
}

const KPI_NOTE = 'Yêu cầu bổ sung quá một lần: tính quá hạn (quy tắc chỉ số KPI quốc gia) / more than one supplementation request counts as overdue (national KPI rule)';

/**
 * The timing label of a dossier: for a finished one (a result ready, returned, or a refusal after appraisal; the end
 * is the first of status 9, 10, refusal as in the KPI rule) `early` / `on-time` / `late` by its end day against its
 * due day; for one in process at `at`, `within` / `overdue`. Under the `pause` policy the waiting time for a pending
 * supplement is not counted, and more than one supplementation request after receipt makes the dossier overdue
 * (national KPI rule [secondary]); under `restart` a dossier waiting for a supplement is within time (its clock
 * restarts on completion). `null` when the label does not apply: not yet received, refused at reception, withdrawn,
 * stopped or closed.
 *
 * @example
 * ```ts
 * dossierTiming(done)?.label; // 'on-time' when processed on the due day
 * dossierTiming(open, { at: '2026-03-03 08:00' })?.label; // 'overdue' after the due day
 * ```
 */
export function dossierTiming(dossier: Dossier, options: TimingOptions = {}): DossierTiming | null {
  const due = dossier.dueDay;
  if (due === null || dossier.receivedAt === null) return null;
  const repeated = dossier.policy === 'pause' && dossier.supplements.filter((s) => s.stage === 'appraisal').length > 1;
  const endAt = dossier.processedAt ?? (dossier.outcome === 'returned' || dossier.outcome === 'notEligible' ? dossier.endedAt : null);
  if (endAt !== null) {
    const day = endAt.slice(0, 10);
    const label: TimingLabel = repeated || day > due ? 'late' : day === due ? 'on-time' : 'early';
    return { phase: 'finished', label, vi: TIMING_LABELS[label], dueDay: due, day, ...(repeated ? { note: KPI_NOTE } : {}) };
  }
  if (dossier.outcome !== null) return null;
  if (options.at === undefined) return null;
  const day = readInstant(options.at, 'at').day;
  let effectiveDue = due;
  const open = dossier.status === 5 ? dossier.supplements.at(-1) : undefined;
  if (open !== undefined && open.stage === 'appraisal') {
    if (dossier.policy === 'restart') {
      return { phase: 'in-process', label: 'within', vi: TIMING_LABELS.within, dueDay: due, day, note: 'Đang chờ bổ sung; thời hạn tính lại từ đầu khi nhận đủ hồ sơ / waiting for a supplement; the time restarts on completion' };
    }
    const calendar = options.calendar ?? civilServiceCalendar();
    const waited = Math.max(0, calendar.workingDaysBetween(open.requestedAt.slice(0, 10), day));
    effectiveDue = calendar.addWorkingDays(due, waited);
  }
  const label: TimingLabel = repeated || day > effectiveDue ? 'overdue' : 'within';
  return { phase: 'in-process', label, vi: TIMING_LABELS[label], dueDay: effectiveDue, day, ...(repeated ? { note: KPI_NOTE } : {}) };
}

/**
 * A row of the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ, TT 01/2018/TT-VPCP Mẫu 05): "Giao —
 * Nhận", the hand-over time, the step's due day, when the step ended (the next hand-over or the result), and the
 * label.
 *
 * @example
 * ```ts
 * const row: ControlSlipRow = controlSlip(d)[0];
 * row.vi; // 'Đúng hạn'
 * ```
 */
export interface ControlSlipRow {
  readonly from: string;
  readonly to: string;
  readonly handedAt: string;
  readonly dueDay: string | null;
  readonly completedAt: string | null;
  readonly label: TimingLabel | null;
  readonly vi: string | null;
}

/**
 * The control-slip rows of a dossier with a timing label per step: a step is complete at the next hand-over (or when
 * the dossier is processed or ends); `early` / `on-time` / `late` against its due day, or `within` / `overdue` at
 * `at` while open; `null` labels where the step has no due day.
 *
 * @example
 * ```ts
 * controlSlip(d, { at: '2026-03-03 08:00' }).map((r) => r.vi);
 * ```
 */
export function controlSlip(dossier: Dossier, options: { at?: InstantInput } = {}): ControlSlipRow[] {
  const atDay = options.at === undefined ? null : readInstant(options.at, 'at').day;
  return dossier.steps.map((s, i) => {
    const completedAt = dossier.steps[i + 1]?.at ?? [dossier.processedAt, dossier.endedAt].find((t): t is string => t !== null && t >= s.at) ?? null;
    let label: TimingLabel | null = null;
    if (s.dueDay !== null) {
      if (completedAt !== null) {
        const d = completedAt.slice(0, 10);
        label = d < s.dueDay ? 'early' : d === s.dueDay ? 'on-time' : 'late';
      } else if (atDay !== null) label = atDay > s.dueDay ? 'overdue' : 'within';
    }
    return { from: s.from, to: s.to, handedAt: s.at, dueDay: s.dueDay, completedAt, label, vi: label === null ? null : TIMING_LABELS[label] };
  });
}
