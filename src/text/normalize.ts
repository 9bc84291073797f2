/**
 * Normalises Vietnamese text to Unicode NFC (dựng sẵn), the form used by the national standard TCVN 6909:2001
 * and by almost every system; text pasted from macOS or some PDFs arrives decomposed (NFD, tổ hợp).
 *
 * @example
 * ```ts
 * normalizeVietnamese('Quye\u0302\u0301t đi\u0323nh') === 'Quyết định'; // true
 * ```
 */
export function normalizeVietnamese(text: string): string {
  return text.normalize('NFC');
}
