import * as z from 'zod/mini';
import type { InstantInput } from '../calendar/index.js';
import { describeValue, fail } from './errors.js';
import { readInstant } from './instant.js';
import type { Confidence, LegalSource } from './legal-source.js';
import type { OnlineServiceForm } from './procedure.js';

/**
 * The four levels of online public services of NĐ 43/2011/NĐ-CP Điều 3 khoản 4 (mức độ 1–4), in force 01/10/2011
 * [confirmed, Pháp điển mirror]. Kept for historical data.
 *
 * @example
 * ```ts
 * legacyServiceLevelSchema.parse(4);
 * ```
 */
export const legacyServiceLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** See {@link legacyServiceLevelSchema}. @example `const l: LegacyServiceLevel = 3; // mức độ 3` */
export type LegacyServiceLevel = z.infer<typeof legacyServiceLevelSchema>;

/**
 * A definition with its source.
 *
 * @example
 * ```ts
 * const d: ServiceLevelDefinition = LEGACY_SERVICE_LEVELS[3];
 * ```
 */
export interface ServiceLevelDefinition {
  readonly name: string;
  readonly definition: string;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * Definitions of mức độ 1–4 (NĐ 43/2011/NĐ-CP Điều 3 k4).
 *
 * @example
 * ```ts
 * LEGACY_SERVICE_LEVELS[2].name; // 'Mức độ 2'
 * ```
 */
export const LEGACY_SERVICE_LEVELS: Readonly<Record<LegacyServiceLevel, ServiceLevelDefinition>> = Object.freeze({
  1: { name: 'Mức độ 1', definition: 'Full information about the procedure is published online.', source: 'NĐ 43/2011/NĐ-CP Điều 3 khoản 4 a', confidence: 'confirmed' },
  2: { name: 'Mức độ 2', definition: 'Level 1 plus downloadable forms; the dossier is filed in person or by post.', source: 'NĐ 43/2011/NĐ-CP Điều 3 khoản 4 b', confidence: 'confirmed' },
  3: { name: 'Mức độ 3', definition: 'Level 2 plus forms filled in and submitted online; exchanges online; fees paid and result collected in person.', source: 'NĐ 43/2011/NĐ-CP Điều 3 khoản 4 c', confidence: 'confirmed' },
  4: { name: 'Mức độ 4', definition: 'Level 3 plus online payment; the result is delivered online, in person or by post.', source: 'NĐ 43/2011/NĐ-CP Điều 3 khoản 4 d', confidence: 'confirmed' },
});

/**
 * Definitions of the two forms (hình thức): dịch vụ công trực tuyến toàn trình / một phần.
 *
 * @example
 * ```ts
 * ONLINE_SERVICE_FORMS.full.name; // 'Dịch vụ công trực tuyến toàn trình'
 * ```
 */
export const ONLINE_SERVICE_FORMS: Readonly<Record<OnlineServiceForm, ServiceLevelDefinition>> = Object.freeze({
  full: {
    name: 'Dịch vụ công trực tuyến toàn trình',
    definition: 'The whole procedure online, including the result delivered online or by public post.',
    source: 'NĐ 42/2022/NĐ-CP Điều 11 (not read); NĐ 224/2026/NĐ-CP Điều 14 from 01/07/2026',
    confidence: 'unverified',
  },
  partial: {
    name: 'Dịch vụ công trực tuyến một phần',
    definition: 'An online service that does not meet the conditions of toàn trình; from 01/07/2026 the reason must be published on the national portal.',
    source: 'NĐ 42/2022/NĐ-CP Điều 11 (not read); NĐ 224/2026/NĐ-CP Điều 14 [secondary]',
    confidence: 'unverified',
  },
});

/**
 * A regime of online service classification, with its dates.
 *
 * @example
 * ```ts
 * const r: ServiceLevelRegime = serviceLevelRegimeAt('2026-08-01');
 * r.id; // 'nd224-2026'
 * ```
 */
export interface ServiceLevelRegime {
  readonly id: 'nd43-2011' | 'nd42-2022' | 'nd224-2026';
  readonly decree: string;
  readonly model: 'levels-1-4' | 'full-partial';
  /** First day (inclusive). */
  readonly from: string;
  /** Last day (inclusive), `null` while in force. */
  readonly to: string | null;
  readonly source: LegalSource;
  /** How well the dates are established. */
  readonly datesConfidence: Confidence;
}

/**
 * The regimes in order. NĐ 43/2011 in force 01/10/2011 [confirmed]. NĐ 42/2022 (signed 24/06/2022) in force
 * 01/08/2022: date from general knowledge, not in the project specs [unverified]. NĐ 224/2026 replaces NĐ 42/2022 on
 * 01/07/2026 (Điều 90 khoản 2 b) [secondary, copy to be confirmed on vanban.chinhphu.vn].
 *
 * @example
 * ```ts
 * SERVICE_LEVEL_REGIMES.map((r) => r.from); // ['2011-10-01', '2022-08-01', '2026-07-01']
 * ```
 */
export const SERVICE_LEVEL_REGIMES: readonly ServiceLevelRegime[] = Object.freeze([
  { id: 'nd43-2011', decree: 'NĐ 43/2011/NĐ-CP', model: 'levels-1-4', from: '2011-10-01', to: '2022-07-31', source: { source: 'NĐ 43/2011/NĐ-CP Điều 3 khoản 4', confidence: 'confirmed' }, datesConfidence: 'unverified' },
  { id: 'nd42-2022', decree: 'NĐ 42/2022/NĐ-CP', model: 'full-partial', from: '2022-08-01', to: '2026-06-30', source: { source: 'NĐ 42/2022/NĐ-CP Điều 11 (not read)', confidence: 'unverified' }, datesConfidence: 'unverified' },
  { id: 'nd224-2026', decree: 'NĐ 224/2026/NĐ-CP', model: 'full-partial', from: '2026-07-01', to: null, source: { source: 'NĐ 224/2026/NĐ-CP Điều 14, Điều 90 khoản 2 b', confidence: 'secondary' }, datesConfidence: 'secondary' },
] satisfies ServiceLevelRegime[]);

/**
 * The classification regime in force on a day (or at an instant, Vietnam time).
 *
 * @throws VnEgovError `INVALID_DATE`; `DATE_OUT_OF_RANGE` before 01/10/2011.
 * @example
 * ```ts
 * serviceLevelRegimeAt('2020-05-01').model; // 'levels-1-4'
 * serviceLevelRegimeAt('2026-07-01').decree; // 'NĐ 224/2026/NĐ-CP'
 * ```
 */
export function serviceLevelRegimeAt(at: InstantInput): ServiceLevelRegime {
  const day = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? readInstant(`${at} 12:00`, 'at').day : readInstant(at, 'at').day;
  const regimes = SERVICE_LEVEL_REGIMES as readonly [ServiceLevelRegime, ServiceLevelRegime, ServiceLevelRegime];
  if (day < regimes[0].from) fail('DATE_OUT_OF_RANGE', `Trước NĐ 43/2011 / no online-service classification is modelled before 2011-10-01: ${day}`);
  return [...regimes].reverse().find((r) => day >= r.from)!;
}

/**
 * The result of a mapping between the two models, with how sure it is.
 *
 * @example
 * ```ts
 * const m: ServiceLevelMapping<OnlineServiceForm | null> = legacyLevelToForm(4);
 * ```
 */
export interface ServiceLevelMapping<T> {
  readonly value: T;
  /** `exact` where the definitions coincide, `approximate` where a rule of thumb decides, `lossy` when information is lost. */
  readonly quality: 'exact' | 'approximate' | 'lossy';
  readonly note: string;
  readonly confidence: Confidence;
}

/**
 * Maps an old level to a current form (documented library convention, the NĐ 42/2022 definitions being unread):
 * - 4 → `full` (toàn trình): online filing, payment and online or postal result match toàn trình, unless the sector
 *   law requires the applicant in person for the result (approximate);
 * - 3 → `partial` (một phần): filed online but paid and collected in person;
 * - 2 → `partial` only where filing was in person with downloaded forms counts as an online service; many sources
 *   do not count it (approximate);
 * - 1 → `null`: information only, not an online public service.
 *
 * @throws VnEgovError `INVALID_SERVICE_LEVEL` for a value outside 1–4.
 * @example
 * ```ts
 * legacyLevelToForm(4).value; // 'full'
 * legacyLevelToForm(1).value; // null
 * ```
 */
export function legacyLevelToForm(level: LegacyServiceLevel): ServiceLevelMapping<OnlineServiceForm | null> {
  switch (level) {
    case 4:
      return { value: 'full', quality: 'approximate', note: 'Mức độ 4 ≈ toàn trình (online filing, payment and result delivery)', confidence: 'unverified' };
    case 3:
      return { value: 'partial', quality: 'exact', note: 'Mức độ 3: filing online, payment and result in person → một phần', confidence: 'unverified' };
    case 2:
      return { value: 'partial', quality: 'approximate', note: 'Mức độ 2: only forms online; counted as một phần by some sources, as no online service by others', confidence: 'unverified' };
    case 1:
      return { value: null, quality: 'exact', note: 'Mức độ 1: information only, not an online public service', confidence: 'unverified' };
    default:
      fail('INVALID_SERVICE_LEVEL', `Mức độ không hợp lệ / online service level must be 1–4, got ${describeValue(level)}`);
  }
}

/**
 * Maps a current form to the old level it corresponds to at best (lossy: một phần covers levels 2–3; level 3 is
 * returned as the usual reading).
 *
 * @throws VnEgovError `INVALID_SERVICE_LEVEL` for an unknown form.
 * @example
 * ```ts
 * formToLegacyLevel('full').value; // 4
 * formToLegacyLevel('partial').quality; // 'lossy'
 * ```
 */
export function formToLegacyLevel(form: OnlineServiceForm): ServiceLevelMapping<LegacyServiceLevel> {
  if (form === 'full') return { value: 4, quality: 'approximate', note: 'toàn trình ≈ mức độ 4', confidence: 'unverified' };
  if (form === 'partial') return { value: 3, quality: 'lossy', note: 'một phần covers mức độ 2 and 3; 3 is the usual reading', confidence: 'unverified' };
  fail('INVALID_SERVICE_LEVEL', `Hình thức không hợp lệ / online service form must be "full" or "partial", got ${describeValue(form)}`);
}
