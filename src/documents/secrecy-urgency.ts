import * as z from 'zod/mini';
import { toSearchKey } from '../text/index.js';
import { describeValue, fail, issue } from './errors.js';
import type { Confidence } from './provenance.js';
import { useEnglishZodMessages } from './zod-messages.js';

useEnglishZodMessages();

const SRC_ND30 = 'NĐ 30/2020/NĐ-CP Phụ lục I mục III.2.a–b; Điều 18 khoản 1';
const SRC_EDXML =
  'edXML OtherInfo/Priority as seen in practice (specs/edxml.md §2.5: 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, 4 Hỏa tốc hẹn giờ, one client; Bkav eGovCloud says 0–3; Bkav\'s database numbers 1–5). NĐ 30/2020 Phụ lục VI gives the Priority field (Number, 1) but no code values.';

/**
 * Độ mật (secrecy level): `confidential` = Mật, `secret` = Tối mật, `top-secret` = Tuyệt mật.
 *
 * @example
 * ```ts
 * secrecyLevelSchema.parse('secret'); // 'secret'
 * ```
 */
export const secrecyLevelSchema = z.enum(['confidential', 'secret', 'top-secret']);

/**
 * A secrecy level (độ mật); see {@link secrecyLevelSchema}.
 *
 * @example
 * ```ts
 * const s: SecrecyLevel = 'top-secret'; // Tuyệt mật
 * ```
 */
export type SecrecyLevel = z.infer<typeof secrecyLevelSchema>;

/**
 * Độ khẩn (urgency level): `urgent` = Khẩn, `very-urgent` = Thượng khẩn, `flash` = Hỏa tốc. An ordinary
 * document (Thường) has no urgency level (`null`).
 *
 * @example
 * ```ts
 * urgencyLevelSchema.parse('flash'); // 'flash'
 * ```
 */
export const urgencyLevelSchema = z.enum(['urgent', 'very-urgent', 'flash']);

/**
 * An urgency level (độ khẩn); see {@link urgencyLevelSchema}.
 *
 * @example
 * ```ts
 * const u: UrgencyLevel = 'very-urgent'; // Thượng khẩn
 * ```
 */
export type UrgencyLevel = z.infer<typeof urgencyLevelSchema>;

/**
 * One secrecy level with its Vietnamese label.
 *
 * @example
 * ```ts
 * const info: SecrecyLevelInfo = getSecrecyLevel('Tối mật');
 * info.rank; // 2
 * ```
 */
export interface SecrecyLevelInfo {
  readonly id: SecrecyLevel;
  /** Vietnamese label as stamped: Mật, Tối mật, Tuyệt mật. */
  readonly label: string;
  /** 1 (Mật) to 3 (Tuyệt mật). */
  readonly rank: 1 | 2 | 3;
  /** Box of the layout where the stamp goes (ô số 10a). */
  readonly layoutBox: '10a';
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * One urgency level with its label, stamp size and the edXML `Priority` number seen in practice.
 *
 * @example
 * ```ts
 * getUrgencyLevel('hoa toc').stampSizeMm; // [30, 8]
 * ```
 */
export interface UrgencyLevelInfo {
  readonly id: UrgencyLevel;
  /** Vietnamese label: Khẩn, Thượng khẩn, Hỏa tốc. */
  readonly label: string;
  /** 1 (Khẩn) to 3 (Hỏa tốc). */
  readonly rank: 1 | 2 | 3;
  /** Size of the red rectangular stamp, width × height in millimetres. */
  readonly stampSizeMm: readonly [number, number];
  /** Box of the layout where the stamp goes (ô số 10b). */
  readonly layoutBox: '10b';
  /** The edXML `Priority` value used for this level in practice. */
  readonly edxmlPriority: number;
  /** Where the edXML number comes from, and how sure it is. */
  readonly edxmlSource: string;
  readonly edxmlConfidence: Confidence;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * The three secrecy levels, lowest first (NĐ 30/2020 Phụ lục I mục III.2.a; the stamps follow the law on state
 * secrets). The decree gives no edXML/metadata code for them.
 *
 * @example
 * ```ts
 * secrecyLevels.map((s) => s.label); // ['Mật', 'Tối mật', 'Tuyệt mật']
 * ```
 */
export const secrecyLevels: readonly SecrecyLevelInfo[] = Object.freeze([
  { id: 'confidential', label: 'Mật', rank: 1, layoutBox: '10a', source: SRC_ND30, confidence: 'confirmed' },
  { id: 'secret', label: 'Tối mật', rank: 2, layoutBox: '10a', source: SRC_ND30, confidence: 'confirmed' },
  { id: 'top-secret', label: 'Tuyệt mật', rank: 3, layoutBox: '10a', source: SRC_ND30, confidence: 'confirmed' },
]);

/**
 * The three urgency levels, lowest first, with stamp sizes (NĐ 30/2020 Phụ lục I mục III.2.b) and edXML Priority.
 *
 * @example
 * ```ts
 * urgencyLevels.map((u) => [u.label, u.edxmlPriority]); // [['Khẩn', 1], ['Thượng khẩn', 2], ['Hỏa tốc', 3]]
 * ```
 */
export const urgencyLevels: readonly UrgencyLevelInfo[] = Object.freeze([
  { id: 'urgent', label: 'Khẩn', rank: 1, stampSizeMm: [20, 8], layoutBox: '10b', edxmlPriority: 1, edxmlSource: SRC_EDXML, edxmlConfidence: 'secondary', source: SRC_ND30, confidence: 'confirmed' },
  { id: 'very-urgent', label: 'Thượng khẩn', rank: 2, stampSizeMm: [40, 8], layoutBox: '10b', edxmlPriority: 2, edxmlSource: SRC_EDXML, edxmlConfidence: 'secondary', source: SRC_ND30, confidence: 'confirmed' },
  { id: 'flash', label: 'Hỏa tốc', rank: 3, stampSizeMm: [30, 8], layoutBox: '10b', edxmlPriority: 3, edxmlSource: SRC_EDXML, edxmlConfidence: 'secondary', source: SRC_ND30, confidence: 'confirmed' },
]);

/**
 * One value of the edXML `Priority` element as seen in practice (not from NĐ 30/2020).
 *
 * @example
 * ```ts
 * const p: EdxmlPriority = edxmlPriorities[4];
 * p.label; // 'Hỏa tốc hẹn giờ'
 * ```
 */
export interface EdxmlPriority {
  readonly priority: number;
  readonly label: string;
  /** The urgency level, `null` for Thường (ordinary). */
  readonly urgency: UrgencyLevel | null;
  /** `true` for "Hỏa tốc hẹn giờ" (flash with a set delivery time). */
  readonly scheduled: boolean;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * The edXML `Priority` codes 0–4 (specs/edxml.md §2.5, `secondary`; other systems use 0–3 or 1–5, so check the
 * partner's convention).
 *
 * @example
 * ```ts
 * edxmlPriorities.map((p) => p.priority); // [0, 1, 2, 3, 4]
 * ```
 */
export const edxmlPriorities: readonly EdxmlPriority[] = Object.freeze([
  { priority: 0, label: 'Thường', urgency: null, scheduled: false, source: SRC_EDXML, confidence: 'secondary' },
  { priority: 1, label: 'Khẩn', urgency: 'urgent', scheduled: false, source: SRC_EDXML, confidence: 'secondary' },
  { priority: 2, label: 'Thượng khẩn', urgency: 'very-urgent', scheduled: false, source: SRC_EDXML, confidence: 'secondary' },
  { priority: 3, label: 'Hỏa tốc', urgency: 'flash', scheduled: false, source: SRC_EDXML, confidence: 'secondary' },
  { priority: 4, label: 'Hỏa tốc hẹn giờ', urgency: 'flash', scheduled: true, source: SRC_EDXML, confidence: 'secondary' },
]);

function lookup<T extends { id: string; label: string }>(list: readonly T[], query: unknown): T | undefined {
  if (typeof query !== 'string') return undefined;
  const key = toSearchKey(query);
  return list.find((x) => x.id === query || toSearchKey(x.label) === key);
}

/**
 * Gets a secrecy level by identifier or Vietnamese label, with or without diacritics (`'Tối mật'`, `'toi mat'`).
 *
 * @throws VnEgovError `INVALID_SECRECY_LEVEL` for anything else.
 * @example
 * ```ts
 * getSecrecyLevel('tuyet mat').id; // 'top-secret'
 * ```
 */
export function getSecrecyLevel(query: string): SecrecyLevelInfo {
  const found = lookup(secrecyLevels, query);
  if (found === undefined) {
    fail('INVALID_SECRECY_LEVEL', `Độ mật không hợp lệ / unknown secrecy level ${describeValue(query)}`, [
      issue('unknown_secrecy_level', [], 'expected Mật, Tối mật or Tuyệt mật'),
    ]);
  }
  return found;
}

/**
 * Gets an urgency level by identifier or Vietnamese label, with or without diacritics (`'Hỏa tốc'`, `'hoa toc'`,
 * `'Hoả tốc'`).
 *
 * @throws VnEgovError `INVALID_URGENCY_LEVEL` for anything else.
 * @example
 * ```ts
 * getUrgencyLevel('Thượng khẩn').edxmlPriority; // 2
 * ```
 */
export function getUrgencyLevel(query: string): UrgencyLevelInfo {
  const found = lookup(urgencyLevels, query);
  if (found === undefined) {
    fail('INVALID_URGENCY_LEVEL', `Độ khẩn không hợp lệ / unknown urgency level ${describeValue(query)}`, [
      issue('unknown_urgency_level', [], 'expected Khẩn, Thượng khẩn or Hỏa tốc'),
    ]);
  }
  return found;
}

/**
 * Reads an edXML `Priority` number (0–4, the convention of specs/edxml.md §2.5).
 *
 * @throws VnEgovError `INVALID_URGENCY_LEVEL` for any other value.
 * @example
 * ```ts
 * urgencyFromEdxmlPriority(3).urgency; // 'flash'
 * urgencyFromEdxmlPriority(0).urgency; // null (Thường)
 * ```
 */
export function urgencyFromEdxmlPriority(priority: number): EdxmlPriority {
  const found = Number.isInteger(priority) ? edxmlPriorities.find((p) => p.priority === priority) : undefined;
  if (found === undefined) {
    fail('INVALID_URGENCY_LEVEL', `Priority không hợp lệ / edXML Priority must be 0–4, got ${describeValue(priority)}`, [
      issue('unknown_priority', ['priority'], 'expected an integer 0–4'),
    ]);
  }
  return found;
}

/**
 * The edXML `Priority` number for an urgency level (`null` = Thường → 0; `scheduled` flash → 4).
 *
 * @throws VnEgovError `INVALID_URGENCY_LEVEL` for an unknown level.
 * @example
 * ```ts
 * edxmlPriorityOf('urgent'); // 1
 * edxmlPriorityOf(null);     // 0
 * edxmlPriorityOf('flash', { scheduled: true }); // 4
 * ```
 */
export function edxmlPriorityOf(urgency: UrgencyLevel | null, options: { scheduled?: boolean } = {}): number {
  if (urgency === null) return 0;
  const info = urgencyLevels.find((u) => u.id === urgency);
  if (info === undefined) {
    fail('INVALID_URGENCY_LEVEL', `Độ khẩn không hợp lệ / unknown urgency level ${describeValue(urgency)}`, [
      issue('unknown_urgency_level', [], `expected one of ${urgencyLevelSchema.options.join(', ')} or null`),
    ]);
  }
  return urgency === 'flash' && options.scheduled === true ? 4 : info.edxmlPriority;
}
