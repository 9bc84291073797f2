import * as z from 'zod/mini';
import { civilServiceCalendar, type WorkCalendar } from '../calendar/index.js';
import { parseWith } from '../errors/index.js';
import { readInstant } from './instant.js';
import type { LegalSource } from './legal-source.js';

/**
 * Postal routes of the public postal service for administrative dossiers (dịch vụ bưu chính công ích).
 *
 * @example
 * ```ts
 * postalRouteSchema.parse('within-province');
 * ```
 */
export const postalRouteSchema = z.enum(['within-district', 'within-province', 'between-major-cities', 'inter-province']);
/** See {@link postalRouteSchema}. @example `const r: PostalRoute = 'inter-province';` */
export type PostalRoute = z.infer<typeof postalRouteSchema>;

/**
 * Transit-time targets J+n in working days, J being the day the post office accepts the item (TT 17/2017/TT-BTTTT
 * Điều 7 khoản 2 [confirmed], detailing QĐ 45/2016/QĐ-TTg). `withSlip` applies when the appointment slip must also
 * be delivered. The district row predates the abolition of districts on 01/07/2025.
 *
 * @example
 * ```ts
 * POSTAL_TRANSIT_TARGETS['within-province']; // { days: 2, withSlip: 4, … }
 * ```
 */
export const POSTAL_TRANSIT_TARGETS: Readonly<Record<PostalRoute, { readonly days: number; readonly withSlip: number; readonly name: string; readonly note?: string }>> = Object.freeze({
  'within-district': { days: 1, withSlip: 2, name: 'Trong phạm vi huyện', note: 'historical: districts were abolished on 01/07/2025' },
  'within-province': { days: 2, withSlip: 4, name: 'Trong phạm vi tỉnh' },
  'between-major-cities': { days: 3, withSlip: 6, name: 'Giữa các đô thị loại đặc biệt, loại I' },
  'inter-province': { days: 4, withSlip: 8, name: 'Liên tỉnh khác' },
});

/**
 * The source of the J+n targets.
 *
 * @example
 * ```ts
 * POSTAL_TRANSIT_SOURCE.confidence; // 'confirmed'
 * ```
 */
export const POSTAL_TRANSIT_SOURCE: LegalSource = Object.freeze({ source: 'TT 17/2017/TT-BTTTT Điều 7 khoản 2 (QĐ 45/2016/QĐ-TTg)', confidence: 'confirmed' });

/**
 * Options of {@link postalTransitDeadline}.
 *
 * @example
 * ```ts
 * postalTransitOptionsSchema.parse({ acceptedAt: '2026-02-13 10:00', route: 'within-province' });
 * ```
 */
export const postalTransitOptionsSchema = z.object({
  /** When the post office accepted the item (J). */
  acceptedAt: z.union([z.string().check(z.minLength(1)), z.number(), z.date()]),
  route: postalRouteSchema,
  /** The appointment slip must also be delivered (doubles the target). */
  withAppointmentSlip: z.optional(z.boolean()),
});

/**
 * A transit target as a day.
 *
 * @example
 * ```ts
 * const t: PostalTransit = postalTransitDeadline({ acceptedAt: '2026-02-13 10:00', route: 'within-province' });
 * ```
 */
export interface PostalTransit {
  /** Day J (Vietnam day of acceptance). */
  readonly jDay: string;
  /** n in J+n. */
  readonly workingDays: number;
  /** The day the item is due at the agency (or the applicant). */
  readonly dueDay: string;
  readonly label: string;
  readonly rule: LegalSource;
}

/**
 * The J+n transit target of a postal dossier or result, in working days of the given calendar (by default the
 * civil-service calendar; pass one that matches the postal operator's working days if they differ).
 *
 * @throws VnEgovError `INVALID_OPTIONS`; `INVALID_DATE`.
 * @example
 * ```ts
 * postalTransitDeadline({ acceptedAt: '2026-02-13 10:00', route: 'within-province' }).dueDay; // '2026-02-24' (J+2 over Tết)
 * ```
 */
export function postalTransitDeadline(options: z.input<typeof postalTransitOptionsSchema> & { calendar?: WorkCalendar }): PostalTransit {
  const o = parseWith(postalTransitOptionsSchema, { acceptedAt: options?.acceptedAt, route: options?.route, withAppointmentSlip: options?.withAppointmentSlip }, 'INVALID_OPTIONS', 'Tùy chọn bưu chính không hợp lệ / invalid postal options');
  const calendar = options.calendar ?? civilServiceCalendar();
  const jDay = readInstant(o.acceptedAt, 'acceptedAt').day;
  const target = POSTAL_TRANSIT_TARGETS[o.route];
  const n = o.withAppointmentSlip === true ? target.withSlip : target.days;
  return { jDay, workingDays: n, dueDay: calendar.addWorkingDays(jDay, n), label: `J+${n}`, rule: POSTAL_TRANSIT_SOURCE };
}
