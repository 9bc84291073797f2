import type { InstantInput } from '../calendar/index.js';
import { fail } from './errors.js';
import { readInstant } from './instant.js';
import type { LegalSource } from './legal-source.js';

/**
 * A one-stop regime (cơ chế một cửa): the decree that governs a dossier, chosen by the date of receipt.
 *
 * @example
 * ```ts
 * const r: OneStopRegimeId = oneStopRegimeAt('2026-02-13 16:00').id; // 'nd118-2025'
 * ```
 */
export type OneStopRegimeId = 'nd61-2018' | 'nd118-2025';

/**
 * The rules of one regime with their articles (specs/procedures.md §5).
 *
 * @example
 * ```ts
 * const r: OneStopRegime = ONE_STOP_REGIMES[1];
 * r.rules.closure?.source; // 'NĐ 118/2025/NĐ-CP Điều 19 khoản 5'
 * ```
 */
export interface OneStopRegime {
  readonly id: OneStopRegimeId;
  readonly decree: string;
  /** First day of effect (inclusive). */
  readonly from: string;
  /** Last day of effect (inclusive), `null` while in force. */
  readonly to: string | null;
  readonly guidance: string;
  readonly rules: {
    /** Processing time restarts after a supplement. */
    readonly restart: LegalSource;
    /** The due date may be re-set once, with an apology. */
    readonly extension: LegalSource;
    /** Paper dossiers received after 15:00 are passed on the next working day. */
    readonly cutoff: LegalSource;
    /** Closure of a dossier whose supplement did not arrive (15 days); `null` when the regime has none. */
    readonly closure: LegalSource | null;
    /** Stop at the applicant's request; `null` when the decree has no such article. */
    readonly stop: LegalSource | null;
    /** Refusal after appraisal, within the processing time. */
    readonly refusal: LegalSource;
    /** The dossier code rule. */
    readonly dossierCode: LegalSource;
  };
}

/**
 * The two regimes: NĐ 61/2018/NĐ-CP (in force 21/06/2018, replaced on 01/07/2025) and NĐ 118/2025/NĐ-CP (from
 * 01/07/2025). [confirmed] Pháp điển mirror and NĐ 118 copy (specs/procedures.md §0, §5).
 *
 * @example
 * ```ts
 * ONE_STOP_REGIMES.map((r) => r.id); // ['nd61-2018', 'nd118-2025']
 * ```
 */
export const ONE_STOP_REGIMES: readonly OneStopRegime[] = Object.freeze([
  {
    id: 'nd61-2018',
    decree: 'NĐ 61/2018/NĐ-CP (as amended by NĐ 107/2021/NĐ-CP)',
    from: '2018-06-21',
    to: '2025-06-30',
    guidance: 'TT 01/2018/TT-VPCP',
    rules: {
      restart: { source: 'NĐ 61/2018/NĐ-CP Điều 19 khoản 4', confidence: 'confirmed' },
      extension: { source: 'NĐ 61/2018/NĐ-CP Điều 19 khoản 9; TT 01/2018/TT-VPCP Điều 9 (Mẫu 04)', confidence: 'confirmed' },
      cutoff: { source: 'NĐ 61/2018/NĐ-CP Điều 18 khoản 2–3', confidence: 'confirmed' },
      closure: null,
      stop: null,
      refusal: { source: 'NĐ 61/2018/NĐ-CP Điều 19 khoản 8', confidence: 'confirmed' },
      dossierCode: { source: 'NĐ 61/2018/NĐ-CP Điều 26 khoản 2; TT 01/2018/TT-VPCP Điều 19', confidence: 'confirmed' },
    },
  },
  {
    id: 'nd118-2025',
    decree: 'NĐ 118/2025/NĐ-CP (amended by NĐ 367/2025 and NĐ 309/2026)',
    from: '2025-07-01',
    to: null,
    guidance: 'TT 03/2025/TT-VPCP (not read)',
    rules: {
      restart: { source: 'NĐ 118/2025/NĐ-CP Điều 19 khoản 5', confidence: 'confirmed' },
      extension: { source: 'NĐ 118/2025/NĐ-CP Điều 19 khoản 6, Điều 12 khoản 5', confidence: 'confirmed' },
      cutoff: { source: 'NĐ 118/2025/NĐ-CP Điều 18 khoản 2', confidence: 'confirmed' },
      closure: { source: 'NĐ 118/2025/NĐ-CP Điều 19 khoản 5', confidence: 'confirmed' },
      stop: { source: 'NĐ 118/2025/NĐ-CP Điều 21', confidence: 'confirmed' },
      refusal: { source: 'NĐ 118/2025/NĐ-CP Điều 19 khoản 3', confidence: 'confirmed' },
      dossierCode: { source: 'NĐ 118/2025/NĐ-CP Điều 28 (notation set by TT 03/2025/TT-VPCP, not read)', confidence: 'confirmed' },
    },
  },
] satisfies OneStopRegime[]);

/**
 * The regime that governs a dossier received at `at` (by its Vietnamese calendar day).
 *
 * @throws VnEgovError `INVALID_DATE`; `DATE_OUT_OF_RANGE` before 21/06/2018.
 * @example
 * ```ts
 * oneStopRegimeAt('2025-06-30 16:59').id; // 'nd61-2018'
 * oneStopRegimeAt('2025-07-01 07:30').id; // 'nd118-2025'
 * ```
 */
export function oneStopRegimeAt(at: InstantInput): OneStopRegime {
  return oneStopRegimeOnDay(readInstant(at, 'at').day);
}

/** Same as {@link oneStopRegimeAt} for a `YYYY-MM-DD` day. @internal */
export function oneStopRegimeOnDay(day: string): OneStopRegime {
  const [a, b] = ONE_STOP_REGIMES as [OneStopRegime, OneStopRegime];
  if (day < a.from) fail('DATE_OUT_OF_RANGE', `Trước khi NĐ 61/2018 có hiệu lực / no one-stop regime is modelled before ${a.from}: ${day}`);
  return day >= b.from ? b : a;
}
