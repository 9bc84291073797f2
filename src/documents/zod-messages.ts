import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Installs zod's English messages ("Invalid input: expected string, received undefined", "Too big: expected string
 * to have <=13 characters" …) unless a locale is already configured. Classic `zod` does this itself when its first
 * schema is built; `zod/mini` leaves the locale unset (every issue then reads "Invalid input"), so each documents
 * module that builds schemas calls this once when it loads, keeping the issues the module always reported. An
 * application's own `z.config(z.locales.xx())` wins, before or after. @internal
 *
 * @example
 * ```ts
 * useEnglishZodMessages();
 * secrecyLevelSchema.safeParse('x').error?.issues[0]?.message; // 'Invalid option: expected one of "confidential"|"secret"|"top-secret"'
 * ```
 */
export function useEnglishZodMessages(): void {
  if (!config().localeError) config(en());
}
