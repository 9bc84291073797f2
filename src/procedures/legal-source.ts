import * as z from 'zod/mini';

/**
 * How well a bundled fact is established (độ tin cậy), with the markers of the project specs: `confirmed` (read
 * in the legal text or a faithful copy, or seen in the data file named), `secondary` (a secondary source),
 * `unverified` (inference or general knowledge; verify before relying on it).
 *
 * @example
 * ```ts
 * confidenceSchema.parse('secondary'); // 'secondary'
 * ```
 */
export const confidenceSchema = z.enum(['confirmed', 'secondary', 'unverified']);

/**
 * Confidence of a fact; see {@link confidenceSchema}.
 *
 * @example
 * ```ts
 * const c: Confidence = 'confirmed';
 * ```
 */
export type Confidence = z.infer<typeof confidenceSchema>;

/**
 * The legal source of a rule (căn cứ pháp lý): the act and article, and how well it is established.
 *
 * @example
 * ```ts
 * legalSourceSchema.parse({ source: 'NĐ 118/2025/NĐ-CP Điều 19 k5', confidence: 'confirmed' });
 * ```
 */
export const legalSourceSchema = z.object({
  /** The act and article, e.g. `NĐ 118/2025/NĐ-CP Điều 19 khoản 5`. */
  source: z.string().check(z.minLength(1)),
  /** How well the fact is established. */
  confidence: confidenceSchema,
});

/**
 * See {@link legalSourceSchema}.
 *
 * @example
 * ```ts
 * const s: LegalSource = { source: 'TT 17/2017/TT-BTTTT Điều 7 k2', confidence: 'confirmed' };
 * ```
 */
export type LegalSource = z.infer<typeof legalSourceSchema>;
