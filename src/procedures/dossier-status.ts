import * as z from 'zod/mini';
import { fail } from './errors.js';
import type { Confidence } from './legal-source.js';

/**
 * The ten dossier status codes used when synchronising with the national portal (mã trạng thái hồ sơ)
 * [secondary: identical in several public code bases, not read in a legal text; `data/domain/dossier-status-codes.csv`].
 *
 * @example
 * ```ts
 * dossierStatusCodeSchema.parse(4); // Đang xử lý
 * ```
 */
export const dossierStatusCodeSchema = z.union([
  z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5),
  z.literal(6), z.literal(7), z.literal(8), z.literal(9), z.literal(10),
]);
/** See {@link dossierStatusCodeSchema}. @example `const s: DossierStatusCode = 10; // Đã trả kết quả` */
export type DossierStatusCode = z.infer<typeof dossierStatusCodeSchema>;

/**
 * One dossier status with its Vietnamese name (trạng thái), meaning, whether it is terminal, and source.
 *
 * @example
 * ```ts
 * const s: DossierStatus = getDossierStatus(5);
 * s.name; // 'Yêu cầu bổ sung giấy tờ'
 * ```
 */
export interface DossierStatus {
  readonly code: DossierStatusCode;
  /** English identifier. */
  readonly key: string;
  /** Vietnamese name as synchronised (trang_thai). */
  readonly name: string;
  readonly nameEn: string;
  /** No event leaves a terminal status (3, 8, 10). */
  readonly terminal: boolean;
  readonly source: string;
  readonly confidence: Confidence;
}

const SRC = 'national-portal synchronisation status list (specs/procedures.md §7; data/domain/dossier-status-codes.csv)';

/**
 * The ten statuses, in code order. Terminal: 3, 8, 10; 7 is left by the officer setting 8 (NĐ 118/2025 Điều 21).
 *
 * @example
 * ```ts
 * DOSSIER_STATUSES.filter((s) => s.terminal).map((s) => s.code); // [3, 8, 10]
 * ```
 */
export const DOSSIER_STATUSES: readonly DossierStatus[] = Object.freeze(
  (
    [
      [1, 'registered', 'Mới đăng ký', 'submitted / registered, not yet accepted', false],
      [2, 'received', 'Được tiếp nhận', 'accepted by the one-stop unit (receipt issued)', false],
      [3, 'notReceived', 'Không được tiếp nhận', 'refused at reception', true],
      [4, 'inProcess', 'Đang xử lý', 'in process at the competent agency', false],
      [5, 'supplementRequested', 'Yêu cầu bổ sung giấy tờ', 'supplementation requested', false],
      [6, 'financialObligationRequested', 'Yêu cầu thực hiện nghĩa vụ tài chính', 'payment of fees or taxes requested', false],
      [7, 'withdrawalRequested', 'Công dân yêu cầu rút hồ sơ', 'the applicant asked to withdraw', false],
      [8, 'stopped', 'Dừng xử lý', 'processing stopped (withdrawn, not eligible, closed)', true],
      [9, 'processed', 'Đã xử lý xong', 'decision made, result ready', false],
      [10, 'resultReturned', 'Đã trả kết quả', 'result returned to the applicant', true],
    ] as const
  ).map(([code, key, name, nameEn, terminal]) => Object.freeze({ code, key, name, nameEn, terminal, source: SRC, confidence: 'secondary' as const })),
);

/**
 * The status with a given code.
 *
 * @throws VnEgovError `INVALID_DOSSIER` for a code outside 1–10.
 * @example
 * ```ts
 * getDossierStatus(9).name; // 'Đã xử lý xong'
 * ```
 */
export function getDossierStatus(code: number): DossierStatus {
  const s = Number.isInteger(code) ? DOSSIER_STATUSES[code - 1] : undefined;
  if (s === undefined) fail('INVALID_DOSSIER', `Mã trạng thái không hợp lệ / dossier status must be 1–10, got ${String(code)}`);
  return s;
}

/**
 * Whether a status is terminal (3 Không được tiếp nhận, 8 Dừng xử lý, 10 Đã trả kết quả).
 *
 * @example
 * ```ts
 * isTerminalStatus(10); // true
 * isTerminalStatus(9); // false
 * ```
 */
export function isTerminalStatus(code: DossierStatusCode): boolean {
  return code === 3 || code === 8 || code === 10;
}
