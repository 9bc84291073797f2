import * as z from 'zod/mini';
import { useEnglishZodMessages } from './zod-messages.js';

useEnglishZodMessages();

/**
 * How well a bundled fact is established (độ tin cậy của dữ liệu), as marked in the project specs:
 * `confirmed` (read in the legal text or a faithful copy), `secondary` (read in a secondary source),
 * `unverified` (inference or general knowledge, verify before relying on it).
 *
 * @example
 * ```ts
 * confidenceSchema.parse('secondary'); // 'secondary'
 * ```
 */
export const confidenceSchema = z.enum(['confirmed', 'secondary', 'unverified']);

/**
 * Confidence of a bundled fact; see {@link confidenceSchema}.
 *
 * @example
 * ```ts
 * const c: Confidence = 'confirmed';
 * ```
 */
export type Confidence = z.infer<typeof confidenceSchema>;
