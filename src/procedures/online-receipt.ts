import * as z from 'zod/mini';
import { civilServiceCalendar, type InstantInput, type WorkCalendar } from '../calendar/index.js';
import { parseWith } from '../errors/index.js';
import { fail } from './errors.js';
import { readInstant } from './instant.js';
import type { LegalSource } from './legal-source.js';

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'));

/**
 * Office hours (giờ làm việc) used to count working hours: intervals of a working day, Vietnam time. The default
 * 07:30–11:30 and 13:00–17:00 (8 hours) is a common civil-service schedule, not a national rule: provinces set their
 * own [unverified]; pass yours.
 *
 * @example
 * ```ts
 * officeHoursSchema.parse([{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }]);
 * ```
 */
export const officeHoursSchema = z.array(z.object({ start: hhmm, end: hhmm })).check(z.minLength(1));
/** See {@link officeHoursSchema}. @example `const h: OfficeHours = [{ start: '07:30', end: '11:30' }];` */
export type OfficeHours = z.infer<typeof officeHoursSchema>;

/**
 * The default office hours (library policy, [unverified]).
 *
 * @example
 * ```ts
 * DEFAULT_OFFICE_HOURS.length; // 2
 * ```
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze([
  Object.freeze({ start: '07:30', end: '11:30' }),
  Object.freeze({ start: '13:00', end: '17:00' }),
]) as OfficeHours;

/**
 * The rule: the officer notifies the applicant of official receipt, or of a request to correct or complete the
 * dossier, no later than 08 working hours after the system received it (NĐ 118/2025/NĐ-CP Điều 17 khoản 2); the
 * system alerts the officer within 02 hours (clock hours assumed [unverified]).
 *
 * @example
 * ```ts
 * ONLINE_RECEIPT_RULE.source; // 'NĐ 118/2025/NĐ-CP Điều 17 khoản 2'
 * ```
 */
export const ONLINE_RECEIPT_RULE: LegalSource = Object.freeze({ source: 'NĐ 118/2025/NĐ-CP Điều 17 khoản 2', confidence: 'confirmed' });

/**
 * Deadlines of an online dossier before official receipt.
 *
 * @example
 * ```ts
 * const d: OnlineReceiptDeadline = onlineReceiptDeadline('2026-02-13 16:00');
 * d.receiptBy; // '2026-02-23T16:00:00+07:00' (1 hour on Friday, 7 after Tết)
 * ```
 */
export interface OnlineReceiptDeadline {
  /** When the portal received the dossier (ISO, +07:00). */
  readonly submittedAt: string;
  /** The system alert is due by then (02 hours, clock time). */
  readonly alertBy: string;
  /** Official receipt or a supplementation request is due by then (08 working hours). */
  readonly receiptBy: string;
  readonly workingHours: number;
  readonly rule: LegalSource;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * When an online dossier must be officially received (or sent back for completion): 8 working hours after the
 * portal received it, counted in the office hours of working days of the calendar (NĐ 118/2025 Điều 17 k2). The
 * processing time itself starts only at official receipt (Điều 17 k3).
 *
 * @throws VnEgovError `INVALID_DATE`; `INVALID_OPTIONS` for bad office hours (unordered or overlapping intervals).
 * @example
 * ```ts
 * onlineReceiptDeadline('2026-03-02 09:00').receiptBy; // '2026-03-03T09:00:00+07:00'
 * onlineReceiptDeadline('2026-03-07 22:00').receiptBy; // Saturday night: '2026-03-09T17:00:00+07:00'
 * ```
 */
export function onlineReceiptDeadline(submittedAt: InstantInput, options: { officeHours?: OfficeHours; workingHours?: number; calendar?: WorkCalendar } = {}): OnlineReceiptDeadline {
  const hours = parseWith(officeHoursSchema, options.officeHours ?? DEFAULT_OFFICE_HOURS, 'INVALID_OPTIONS', 'Giờ làm việc không hợp lệ / invalid office hours').map((h) => [minutes(h.start), minutes(h.end)] as const);
  for (let i = 0; i < hours.length; i++) {
    const [s, e] = hours[i]!;
    if (s >= e || (i > 0 && s < hours[i - 1]![1])) fail('INVALID_OPTIONS', 'Giờ làm việc phải tăng dần, không chồng lấn / office hours must be ordered, non-overlapping intervals');
  }
  const total = options.workingHours ?? 8;
  if (!Number.isInteger(total) || total < 0 || total > 1000) fail('INVALID_OPTIONS', `Số giờ làm việc không hợp lệ / workingHours must be an integer 0–1000, got ${String(total)}`);
  const calendar = options.calendar ?? civilServiceCalendar();
  const t = readInstant(submittedAt, 'submittedAt');
  const alert = readInstant(t.epochMs + 2 * 3_600_000, 'alertBy');
  let day = t.day;
  let minute = Number(t.iso.slice(11, 13)) * 60 + Number(t.iso.slice(14, 16));
  let remaining = total * 60;
  for (let guard = 0; guard < 100_000; guard++) {
    if (!calendar.isWorkingDay(day)) {
      day = calendar.addWorkingDays(day, 0);
      minute = 0;
      continue;
    }
    for (const [s, e] of hours) {
      if (minute >= e) continue;
      const start = Math.max(minute, s);
      const available = e - start;
      if (remaining <= available) {
        return { submittedAt: t.iso, alertBy: alert.iso, receiptBy: `${day}T${hm(start + remaining)}:00+07:00`, workingHours: total, rule: ONLINE_RECEIPT_RULE };
      }
      remaining -= available;
      minute = e;
    }
    day = calendar.nextWorkingDay(day);
    minute = 0;
  }
  fail('INVALID_OPTIONS', 'Không tính được hạn tiếp nhận / receipt deadline not found');
}
