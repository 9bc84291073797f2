import * as z from 'zod/mini';

/**
 * A text in Vietnamese and English (văn bản song ngữ). The Vietnamese wording is the authoritative one.
 *
 * @example
 * ```ts
 * const name: LocalizedText = { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' };
 * ```
 */
export const localizedTextSchema = z.object({
  vi: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
/**
 * A text in Vietnamese and English (văn bản song ngữ). See {@link localizedTextSchema}.
 *
 * @example
 * ```ts
 * const name: LocalizedText = criteriaSets.qd766.groups[0]!.name; // { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' }
 * ```
 */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * The two languages of explanations and exports: `vi` (tiếng Việt) or `en` (English).
 *
 * @example
 * ```ts
 * const lang: Language = 'vi';
 * ```
 */
export const languageSchema = z.enum(['vi', 'en']);
/**
 * A language of explanations and exports (ngôn ngữ). See {@link languageSchema}.
 *
 * @example
 * ```ts
 * const lang: Language = 'en';
 * formatPeriod(toPeriod('2025-Q1'), lang); // 'Q1 2025'
 * ```
 */
export type Language = z.infer<typeof languageSchema>;
