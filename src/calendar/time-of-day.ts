import { fail, dayNumberFromParts, daysInMonth, describe, MS_PER_DAY, VN_OFFSET_MS } from './day.js';
import type { CivilDay } from './day.js';

/**
 * A time of day `HH:mm` (giờ:phút), 24-hour clock, Vietnam time.
 *
 * @example
 * ```ts
 * const cutoff: TimeOfDay = '16:00';
 * createWorkCalendar({ cutoff });
 * ```
 */
export type TimeOfDay = string;

/** A time of day regex `HH:mm` (00:00–23:59). @internal */
export const TIME_OF_DAY_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an `HH:mm` string. @internal */
export function minutesOf(time: TimeOfDay): number {
  const m = TIME_OF_DAY_RE.exec(time);
  if (m === null) fail('INVALID_TIME', `Giờ không hợp lệ / expected HH:mm, got ${describe(time)}`, ['time']);
  return Number(m[1]) * 60 + Number(m[2]);
}

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An instant (thời điểm): a `Date`, epoch milliseconds, or an ISO-like string. A string without an offset
 * (`"2026-02-13 16:00"`) is read as Vietnam time (UTC+7); `Z` or `+07:00` style offsets are honoured.
 *
 * @example
 * ```ts
 * toVietnamTime('2026-02-13 16:00').time;      // '16:00' (no offset: Vietnam time)
 * toVietnamTime('2026-02-13T09:00:00Z').time; // '16:00'
 * ```
 */
export type InstantInput = Date | number | string;

/**
 * The Vietnam-time reading of an instant.
 *
 * @example
 * ```ts
 * const t: VietnamTime = toVietnamTime('2026-02-13T09:00:00Z');
 * t.day;  // '2026-02-13'
 * t.time; // '16:00'
 * ```
 */
export interface VietnamTime {
  /** Epoch milliseconds. */
  readonly epochMs: number;
  /** The Vietnamese calendar day. */
  readonly day: CivilDay;
  /** Day number (days since 1970-01-01). @internal */
  readonly dayNumber: number;
  /** Seconds since midnight, Vietnam time. */
  readonly secondOfDay: number;
  /** `HH:mm` in Vietnam time. */
  readonly time: TimeOfDay;
}

/**
 * Reads an instant in Vietnam time (UTC+7), independent of the host time zone.
 *
 * @throws VnEgovError `INVALID_TIME` when the input is not a readable instant.
 * @example
 * ```ts
 * toVietnamTime('2026-02-13 16:00').time; // '16:00'
 * toVietnamTime('2026-02-13T09:00:00Z').time; // '16:00'
 * ```
 */
export function toVietnamTime(input: InstantInput): VietnamTime {
  let ms: number;
  if (input instanceof Date) ms = input.getTime();
  else if (typeof input === 'number') ms = input;
  else if (typeof input === 'string') {
    const m = INSTANT_RE.exec(input.trim());
    if (m === null) fail('INVALID_TIME', `Thời điểm không hợp lệ / not an ISO date-time: ${describe(input)}`, ['receivedAt']);
    const [year, month, day, hh, mm, ss] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hh > 23 || mm > 59 || ss > 59) {
      fail('INVALID_TIME', `Thời điểm không tồn tại / no such date-time: ${describe(input)}`, ['receivedAt']);
    }
    const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
    const zone = m[8];
    let offsetMs = VN_OFFSET_MS;
    if (zone === 'Z') offsetMs = 0;
    else if (zone !== undefined) {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
      offsetMs = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
    }
    ms = (dayNumberFromParts(year, month, day) * 86_400 + hh * 3600 + mm * 60 + ss) * 1000 + frac - offsetMs;
  } else {
    fail('INVALID_TIME', `Thời điểm không hợp lệ / expected a Date, epoch ms or ISO string, got ${describe(input)}`, ['receivedAt']);
  }
  if (!Number.isFinite(ms)) fail('INVALID_TIME', 'Thời điểm không hợp lệ / invalid instant', ['receivedAt']);
  const local = ms + VN_OFFSET_MS;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const secondOfDay = Math.floor((local - dayNumber * MS_PER_DAY) / 1000);
  const { year, month, day } = (() => {
    const d = new Date(dayNumber * MS_PER_DAY);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  })();
  const hh = Math.floor(secondOfDay / 3600);
  const mi = Math.floor((secondOfDay % 3600) / 60);
  return {
    epochMs: ms,
    dayNumber,
    day: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    secondOfDay,
    time: `${String(hh).padStart(2, '0')}:${String(mi).padStart(2, '0')}`,
  };
}
