import { toVietnamTime, type InstantInput } from '../calendar/index.js';
import { isVnEgovError } from '../errors/index.js';
import { describeValue, fail } from './errors.js';

/** A read instant: ISO text at +07:00, its Vietnamese day and epoch ms. @internal */
export interface ReadInstant {
  readonly iso: string;
  readonly day: string;
  readonly epochMs: number;
}

/** Reads an instant in Vietnam time, throwing `INVALID_DATE` (procedures) on failure. @internal */
export function readInstant(input: InstantInput, name: string): ReadInstant {
  try {
    const t = toVietnamTime(input);
    const sec = String(t.secondOfDay % 60).padStart(2, '0');
    return { iso: `${t.day}T${t.time}:${sec}+07:00`, day: t.day, epochMs: t.epochMs };
  } catch (e) {
    if (isVnEgovError(e)) fail('INVALID_DATE', `Thời điểm không hợp lệ / invalid instant for ${name}: ${describeValue(input)}`, [{ code: 'invalid_date', path: [name], message: e.message }]);
    throw e;
  }
}

/** Adds calendar days to a `YYYY-MM-DD` day (UTC arithmetic, no host zone). @internal */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a `YYYY-MM-DD` day is real. @internal */
export function readDay(input: unknown, name: string): string {
  if (typeof input === 'string' && DAY_RE.test(input)) {
    const [y, m, d] = input.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d) return input;
  }
  fail('INVALID_DATE', `Ngày không hợp lệ / not a real YYYY-MM-DD day for ${name}: ${describeValue(input)}`, [{ code: 'invalid_date', path: [name], message: 'expected YYYY-MM-DD' }]);
}
