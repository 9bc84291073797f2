import * as z from 'zod/mini';

/**
 * How sure a fact of a shipped criteria set is (độ tin cậy), with the markers of the shared specs:
 * `confirmed` (read in an official text or the owner's data), `secondary` (a third-party copy or reconstruction),
 * `unverified` (inferred, or a provisional formula not reproduced from published data), `not-found` (looked for,
 * not found: a placeholder the user must fill).
 *
 * @example
 * ```ts
 * const c: Confidence = 'secondary';
 * ```
 */
export const confidenceSchema = z.enum(['confirmed', 'secondary', 'unverified', 'not-found']);
/**
 * How sure a fact of a criteria set is (độ tin cậy). See {@link confidenceSchema}.
 *
 * @example
 * ```ts
 * const c: Confidence = criteriaSets.qd766.confidence; // 'secondary'
 * ```
 */
export type Confidence = z.infer<typeof confidenceSchema>;
