import * as z from 'zod/mini';
import { civilServiceCalendar, toVietnamTime, type InstantInput, type WorkCalendar } from '../calendar/index.js';
import { fail } from './errors.js';
import { readInstant } from './instant.js';
import type { LegalSource } from './legal-source.js';
import type { Channel, ProcessingTime } from './procedure.js';
import { addDays } from './instant.js';

/**
 * How a supplementation affects the processing time (chính sách tính thời hạn khi bổ sung hồ sơ), chosen
 * explicitly (specs/procedures.md §5.6):
 * - `restart`: the legal rule: the time restarts from zero once the complete dossier is received (NĐ 61/2018
 *   Điều 19 k4; NĐ 118/2025 Điều 19 k5) [confirmed];
 * - `pause`: the national KPI rule: waiting time is subtracted, and more than one supplementation request makes the
 *   dossier count as overdue [secondary]. A measurement convention, not a legal deadline rule.
 *
 * @example
 * ```ts
 * supplementationPolicySchema.parse('restart');
 * ```
 */
export const supplementationPolicySchema = z.enum(['restart', 'pause']);
/** See {@link supplementationPolicySchema}. @example `const p: SupplementationPolicy = 'pause';` */
export type SupplementationPolicy = z.infer<typeof supplementationPolicySchema>;

/**
 * The legal or measurement source of each policy.
 *
 * @example
 * ```ts
 * SUPPLEMENTATION_POLICIES.pause.confidence; // 'secondary'
 * ```
 */
export const SUPPLEMENTATION_POLICIES: Readonly<Record<SupplementationPolicy, LegalSource>> = Object.freeze({
  restart: { source: 'NĐ 61/2018/NĐ-CP Điều 19 khoản 4; NĐ 118/2025/NĐ-CP Điều 19 khoản 5', confidence: 'confirmed' },
  pause: { source: 'National KPI specification excerpt (Bộ chỉ số 766 indicator 2.1; specs/procedures.md §5.6)', confidence: 'secondary' },
});

/**
 * Library policy for online dossiers officially received outside office hours: NĐ 118/2025 has no rule; NĐ 45/2020
 * is said to count them from the next working day [unverified]. The office-hours end is configurable.
 *
 * @example
 * ```ts
 * ONLINE_AFTER_HOURS_POLICY.confidence; // 'unverified'
 * ```
 */
export const ONLINE_AFTER_HOURS_POLICY: LegalSource = Object.freeze({
  source: 'Library policy (NĐ 118/2025 silent; NĐ 45/2020 reported to use the next working day, text not read)',
  confidence: 'unverified',
});

/**
 * Options of the start-day rule (quy tắc ngày bắt đầu tính thời hạn).
 *
 * @example
 * ```ts
 * startDayOptionsSchema.parse({ onlineOfficeHoursEnd: '17:00' });
 * ```
 */
export const startDayOptionsSchema = z.object({
  /**
   * End of office hours for online dossiers: an official receipt after it counts from the next working day. Default
   * `"17:00"`; `null` counts any time of a working day as that day. Policy, see {@link ONLINE_AFTER_HOURS_POLICY}.
   */
  onlineOfficeHoursEnd: z.optional(z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm')))),
});
/** See {@link startDayOptionsSchema}. @example `const o: StartDayOptions = { onlineOfficeHoursEnd: null };` */
export type StartDayOptions = z.infer<typeof startDayOptionsSchema>;

/**
 * The day a processing time counts from.
 *
 * @example
 * ```ts
 * const s: StartDay = computeStartDay('2026-02-13 16:00', 'direct');
 * s.startDay; // '2026-02-23' (after 15:00 on the Friday before Tết)
 * ```
 */
export interface StartDay {
  /** The receipt instant, ISO at +07:00. */
  readonly receivedAt: string;
  readonly receivedDay: string;
  /** Day 0 of counting. */
  readonly startDay: string;
  readonly reason: 'same-day' | 'after-cutoff' | 'after-hours' | 'not-a-working-day';
  /** The rule applied. */
  readonly rule: LegalSource;
}

/**
 * The day counting starts from. Paper dossiers (in person, postal: the lawful moment is the signing of the hand-over
 * record, QĐ 45/2016/QĐ-TTg Điều 7 k3–4) follow the calendar's cut-off (default 15:00, NĐ 61/2018 Điều 18 k2–3;
 * NĐ 118/2025 Điều 18 k2) and move a receipt on a day off to the next working day. Online dossiers are passed on at
 * once (NĐ 118/2025 Điều 18 k1): no cut-off, but a receipt on a day off or after office hours counts from the next
 * working day (library policy, {@link ONLINE_AFTER_HOURS_POLICY}).
 *
 * @throws VnEgovError `INVALID_DATE`; calendar errors (`DATE_OUT_OF_RANGE`) from `vn-egov/calendar`.
 * @example
 * ```ts
 * computeStartDay('2026-02-13 16:00', 'online').startDay; // '2026-02-13' (no 15:00 cut-off online)
 * computeStartDay('2026-02-13 17:30', 'online').startDay; // '2026-02-23' (after office hours, then Tết)
 * ```
 */
export function computeStartDay(receivedAt: InstantInput, channel: Channel, options: StartDayOptions & { calendar?: WorkCalendar } = {}): StartDay {
  const calendar = options.calendar ?? civilServiceCalendar();
  const t = readInstant(receivedAt, 'receivedAt');
  if (channel !== 'online') {
    const r = calendar.receiptDay(t.iso);
    const regime = t.day >= '2025-07-01' ? 'NĐ 118/2025/NĐ-CP Điều 18 khoản 2' : 'NĐ 61/2018/NĐ-CP Điều 18 khoản 2–3';
    return { receivedAt: t.iso, receivedDay: t.day, startDay: r.startDay, reason: r.reason, rule: { source: regime, confidence: 'confirmed' } };
  }
  const end = options.onlineOfficeHoursEnd === undefined ? '17:00' : options.onlineOfficeHoursEnd;
  if (end !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(end)) fail('INVALID_OPTIONS', `Giờ kết thúc không hợp lệ / onlineOfficeHoursEnd must be HH:mm, got ${end}`);
  const vt = toVietnamTime(t.iso);
  let reason: StartDay['reason'] = 'same-day';
  if (!calendar.isWorkingDay(t.day)) reason = 'not-a-working-day';
  else if (end !== null && vt.time > end) reason = 'after-hours';
  const startDay = reason === 'same-day' ? t.day : calendar.addWorkingDays(t.day, reason === 'after-hours' ? 1 : 0);
  return { receivedAt: t.iso, receivedDay: t.day, startDay, reason, rule: ONLINE_AFTER_HOURS_POLICY };
}

/**
 * A due date (ngày hẹn trả kết quả) in working days.
 *
 * @example
 * ```ts
 * const d: DueDate = computeDueDate({ receivedAt: '2026-03-02 09:00', channel: 'direct', workingDays: 5 });
 * d.dueDay; // '2026-03-09'
 * ```
 */
export interface DueDate extends StartDay {
  readonly workingDays: number;
  readonly dueDay: string;
  /** True when a day off in the span is provisional (no official notice yet), as the calendar reports. */
  readonly provisional: boolean;
}

/**
 * The due day of a dossier: `workingDays` working days after its start day ({@link computeStartDay}), with the
 * calendar given (pin one in tests: `createWorkCalendar()` from `vn-egov/calendar`).
 *
 * @throws VnEgovError `INVALID_OPTIONS` for a negative or non-integer time; `INVALID_DATE`.
 * @example
 * ```ts
 * computeDueDate({ receivedAt: '2026-02-13 16:00', channel: 'direct', workingDays: 5 }).dueDay; // '2026-03-02'
 * ```
 */
export function computeDueDate(input: { receivedAt: InstantInput; channel: Channel; workingDays: number } & StartDayOptions & { calendar?: WorkCalendar }): DueDate {
  const { workingDays } = input;
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
    fail('INVALID_OPTIONS', `Thời hạn giải quyết phải là số nguyên ≥ 0 / workingDays must be a non-negative integer, got ${String(workingDays)}`);
  }
  const calendar = input.calendar ?? civilServiceCalendar();
  const s = computeStartDay(input.receivedAt, input.channel, input);
  const dueDay = calendar.addWorkingDays(s.startDay, workingDays);
  const provisional = calendar.provisionalDaysOff(s.startDay, dueDay).length > 0;
  return { ...s, workingDays, dueDay, provisional };
}

/**
 * The due day for a published processing time with its unit (đơn vị thời hạn): `working-day` as
 * {@link computeDueDate}; `day` as calendar days from the start day (rolled forward to a working day, since results
 * are returned on working days [library policy]). Hours, months, years and unknown units are refused rather than
 * guessed.
 *
 * @throws VnEgovError `UNSUPPORTED_TIME_UNIT` for units other than `working-day` and `day`; the errors of
 *   {@link computeDueDate}.
 * @example
 * ```ts
 * processingDeadline({ receivedAt: '2026-03-02 09:00', channel: 'direct', time: { value: 15, unit: 'day' } }).dueDay; // '2026-03-17'
 * ```
 */
export function processingDeadline(input: { receivedAt: InstantInput; channel: Channel; time: ProcessingTime } & StartDayOptions & { calendar?: WorkCalendar }): DueDate {
  const { time } = input;
  if (time === null || typeof time !== 'object' || !Number.isSafeInteger(time.value) || time.value < 0) {
    fail('INVALID_OPTIONS', 'Thời hạn không hợp lệ / time must be { value: non-negative integer, unit }');
  }
  if (time.unit === 'working-day') return computeDueDate({ ...input, workingDays: time.value });
  if (time.unit === 'day') {
    const calendar = input.calendar ?? civilServiceCalendar();
    const s = computeStartDay(input.receivedAt, input.channel, input);
    const dueDay = calendar.addWorkingDays(addDays(s.startDay, time.value), 0);
    return { ...s, workingDays: calendar.workingDaysBetween(s.startDay, dueDay), dueDay, provisional: calendar.provisionalDaysOff(s.startDay, dueDay).length > 0 };
  }
  fail('UNSUPPORTED_TIME_UNIT', `Đơn vị thời hạn chưa hỗ trợ / processing-time unit "${time.unit}"${time.raw === undefined ? '' : ` (${time.raw})`} is not supported; convert it explicitly`);
}
