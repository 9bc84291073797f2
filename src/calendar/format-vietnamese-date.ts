import { partsFromDayNumber, toDayNumber, type DayInput } from './day.js';

/**
 * Options of {@link formatVietnameseDate}.
 *
 * @example
 * ```ts
 * formatVietnameseDate('2026-01-05', { place: 'Hà Nội' }); // 'Hà Nội, ngày 05 tháng 01 năm 2026'
 * ```
 */
export interface FormatVietnameseDateOptions {
  /** Place name (địa danh) written before the date, e.g. `"Hà Nội"`. */
  place?: string;
}

/**
 * Formats a day as in the heading of an administrative document (địa danh và thời gian ban hành văn bản):
 * `"ngày 05 tháng 01 năm 2026"`. Source: Nghị định 30/2020/NĐ-CP, Phụ lục I (địa danh và thời gian ban hành
 * văn bản): "đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước".
 *
 * @example
 * ```ts
 * formatVietnameseDate('2026-01-05', { place: 'Hà Nội' }); // 'Hà Nội, ngày 05 tháng 01 năm 2026'
 * formatVietnameseDate('2026-11-24'); // 'ngày 24 tháng 11 năm 2026'
 * formatVietnameseDate('2026-03-09'); // 'ngày 09 tháng 3 năm 2026'
 * ```
 */
export function formatVietnameseDate(day: DayInput, options: FormatVietnameseDateOptions = {}): string {
  const { year, month, day: d } = partsFromDayNumber(toDayNumber(day));
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = month <= 2 ? `0${month}` : String(month);
  const text = `ngày ${dd} tháng ${mm} năm ${year}`;
  const place = options.place?.normalize('NFC').trim();
  return place ? `${place}, ${text}` : text;
}
