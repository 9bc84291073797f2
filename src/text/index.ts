/**
 * Vietnamese text helpers: NFC normalisation, diacritic folding (đ/Đ included), search keys, collation.
 * @packageDocumentation
 */
export { normalizeVietnamese } from './normalize.js';
export { foldDiacritics, toSearchKey } from './fold-diacritics.js';
export { compareVietnamese } from './compare.js';
