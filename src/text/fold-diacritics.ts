const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Removes Vietnamese diacritics (bỏ dấu): tone and vowel marks, and `đ`/`Đ` to `d`/`D`, so that
 * `"Quyết định"` and `"quyet dinh"` can be matched. Case is kept.
 *
 * @example
 * ```ts
 * foldDiacritics('Đăng ký hộ kinh doanh'); // 'Dang ky ho kinh doanh'
 * ```
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * A search key for Vietnamese text: diacritics folded, lower case, runs of white space collapsed, trimmed.
 *
 * @example
 * ```ts
 * toSearchKey('  Cấp  GIẤY phép ') === toSearchKey('cap giay phep'); // true
 * ```
 */
export function toSearchKey(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
