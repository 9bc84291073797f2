let collator: Intl.Collator | undefined;

/**
 * Compares two strings in Vietnamese alphabetical order (a ă â b c d đ e ê …), for sorting names of
 * agencies, communes and people. Uses the platform's `Intl.Collator('vi')`.
 *
 * @example
 * ```ts
 * ['Đà Nẵng', 'Cần Thơ', 'Dĩ An'].sort(compareVietnamese); // ['Cần Thơ', 'Dĩ An', 'Đà Nẵng']
 * ```
 */
export function compareVietnamese(a: string, b: string): number {
  collator ??= new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
  return collator.compare(a, b);
}
