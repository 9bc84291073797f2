/**
 * Rounds half away from zero to `decimals` places (làm tròn), correcting binary representation error so that
 * `roundTo(1.005, 2) === 1.01` and `roundTo(15.675, 2) === 15.68`, as a spreadsheet does.
 *
 * @example
 * ```ts
 * roundTo(20 * 144625 / 184513, 2); // 15.68
 * ```
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** decimals;
  const scaled = Math.abs(value) * f;
  // Nudge by a few ulps so that values like 1.005 (stored as 1.00499999…) round as written.
  const r = Math.round(scaled * (1 + 4 * Number.EPSILON)) / f;
  return value < 0 ? (r === 0 ? 0 : -r) : r;
}

/**
 * Formats a number for an explanation: up to `decimals` places, no trailing zeros, with a decimal comma in
 * Vietnamese (`15,68`) and a decimal point in English (`15.68`).
 *
 * @example
 * ```ts
 * formatNumber(15.6766, 'vi', 4); // '15,6766'
 * ```
 */
export function formatNumber(value: number, lang: 'vi' | 'en', decimals = 4): string {
  let s = String(roundTo(value, decimals));
  if (s.includes('e')) s = roundTo(value, decimals).toFixed(decimals).replace(/\.?0+$/, '');
  return lang === 'vi' ? s.replace('.', ',') : s;
}
