import * as z from 'zod/mini';
import type { EdxmlConfidence } from './status-codes.js';

/**
 * The business document type of a package (`TraceHeaderList/Bussiness/BussinessDocType`, loại nghiệp vụ):
 * 0 new (mới), 1 revoke (thu hồi), 2 update (cập nhật), 3 replace (thay thế).
 *
 * @example
 * ```ts
 * const t: BusinessDocType = 1; // thu hồi
 * ```
 */
export const businessDocTypeSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
/**
 * See {@link businessDocTypeSchema}.
 *
 * @example
 * ```ts
 * const value: BusinessDocType = z.parse(businessDocTypeSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type BusinessDocType = z.infer<typeof businessDocTypeSchema>;

/**
 * One business document type with its labels and source.
 *
 * @example
 * ```ts
 * businessDocTypes[2].label; // 'Cập nhật'
 * ```
 */
export interface BusinessDocTypeInfo {
  readonly type: BusinessDocType;
  readonly id: 'new' | 'revoke' | 'update' | 'replace';
  /** Vietnamese label. */
  readonly label: string;
  /** The `BussinessDocReason` text the VPCP samples carry for this type. */
  readonly sampleReason: string;
  readonly source: string;
  readonly confidence: EdxmlConfidence;
}

const SRC = 'specs/edxml.md §2.6: A samples edoc_*.edxml, E, D, C enum NEW/REVOKE/UPDATE/REPLACE';

/**
 * The four business document types (specs/edxml.md §2.6, confirmed). `sampleReason` is the text of the matching VPCP
 * sample (`edoc_new`, `edoc_revocation`, `edoc_update`, `edoc_replacement`).
 *
 * @example
 * ```ts
 * businessDocTypes.map((t) => t.id); // ['new', 'revoke', 'update', 'replace']
 * ```
 */
export const businessDocTypes: readonly BusinessDocTypeInfo[] = Object.freeze([
  { type: 0, id: 'new', label: 'Mới', sampleReason: 'Văn bản điện tử mới', source: SRC, confidence: 'confirmed' },
  { type: 1, id: 'revoke', label: 'Thu hồi', sampleReason: 'Thu hồi văn bản điện tử', source: SRC, confidence: 'confirmed' },
  { type: 2, id: 'update', label: 'Cập nhật', sampleReason: 'Cập nhật văn bản điện tử', source: SRC, confidence: 'confirmed' },
  { type: 3, id: 'replace', label: 'Thay thế', sampleReason: 'Văn bản thay thế', source: SRC, confidence: 'confirmed' },
] satisfies BusinessDocTypeInfo[]);

/**
 * The steering type of a package (`SteeringType`, specs/edxml.md §2.2 #13, **secondary**: F; the samples use 0 and 1).
 *
 * @example
 * ```ts
 * steeringTypes[1].label; // 'Chỉ đạo'
 * ```
 */
export const steeringTypes: readonly { readonly type: number; readonly label: string; readonly source: string; readonly confidence: EdxmlConfidence }[] =
  Object.freeze([
    { type: 0, label: 'Không phải chỉ đạo', source: 'specs/edxml.md §2.2 (F)', confidence: 'secondary' },
    { type: 1, label: 'Chỉ đạo', source: 'specs/edxml.md §2.2 (F)', confidence: 'secondary' },
    { type: 2, label: 'Báo cáo (thực hiện) chỉ đạo', source: 'specs/edxml.md §2.2 (F)', confidence: 'secondary' },
  ]);
