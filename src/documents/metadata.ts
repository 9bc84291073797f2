import * as z from 'zod/mini';
import { toDayNumber } from '../calendar/day.js';
import { parseWith } from '../errors/index.js';
import { useEnglishZodMessages } from './zod-messages.js';

useEnglishZodMessages();

/*
 * Phụ lục VI Phần II of NĐ 30/2020/NĐ-CP ("Chuẩn thông tin đầu vào của Hệ thống") gives, for outgoing documents
 * (mục I), incoming documents (mục II) and files (hồ sơ, mục III), each field's name, English abbreviation, data type
 * and length. Read in the ND30 copy (ericphan28/van-ban-plus @ 2358a468, Phuluc6.md), where "Organld" and
 * "Signerlnfo" are OCR artefacts of OrganId and SignerInfo. The decree says neither which fields are mandatory nor
 * how a Date is written: the required fields below and the ISO `YYYY-MM-DD` form (10 characters, as the decree's
 * length) are this library's choices.
 */

const SOURCE = 'NĐ 30/2020/NĐ-CP Phụ lục VI Phần II';

/** A string normalised to NFC, then limited to `max` characters. */
function text(max: number) {
  return z.pipe(
    z.pipe(z.string(), z.transform((s: string) => s.normalize('NFC'))),
    z.string().check(z.maxLength(max, `at most ${max} characters (${SOURCE})`)),
  );
}

/** A non-empty string normalised to NFC. */
function requiredText(max: number) {
  return z.pipe(
    z.pipe(z.string(), z.transform((s: string) => s.normalize('NFC').trim())),
    z.string().check(z.minLength(1, 'required'), z.maxLength(max, `at most ${max} characters (${SOURCE})`)),
  );
}

/** A whole number of at most `digits` digits. */
function digits(n: number) {
  return z.number().check(z.int(), z.minimum(0), z.maximum(10 ** n - 1, `at most ${n} digits (${SOURCE})`));
}

/** A Date of length 10, written `YYYY-MM-DD`. */
const date10 = z.string().check(
  z.refine((s) => {
    try {
      toDayNumber(s);
      return true;
    } catch {
      return false;
    }
  }, 'a real day written YYYY-MM-DD'),
);

/**
 * Mã hồ sơ (FileCode): the code of the file (hồ sơ) the document belongs to = OrganId (String 13) + FileCatalog
 * (year, Number 4) + FileNotation (String 20). Phụ lục VI Phần II, item 1.
 *
 * @example
 * ```ts
 * fileCodeSchema.parse({ OrganId: '000.00.00.H41', FileCatalog: 2026, FileNotation: '01.VP' });
 * ```
 */
export const fileCodeSchema = z.object({
  /** 1.1 Mã định danh của cơ quan, tổ chức lập danh mục hồ sơ — String 13. */
  OrganId: requiredText(13),
  /** 1.2 Năm hình thành hồ sơ — Number 4. */
  FileCatalog: digits(4),
  /** 1.3 Số và ký hiệu hồ sơ — String 20. */
  FileNotation: requiredText(20),
});

/**
 * A file code; see {@link fileCodeSchema}.
 *
 * @example
 * ```ts
 * const c: FileCode = { OrganId: '000.00.00.H41', FileCatalog: 2026, FileNotation: '01.VP' };
 * ```
 */
export type FileCode = z.infer<typeof fileCodeSchema>;

/**
 * Chức vụ, họ tên người ký (SignerInfo): Position (String 100) and FullName (String 50).
 *
 * @example
 * ```ts
 * signerInfoSchema.parse({ Position: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', FullName: 'Nguyễn Văn A' });
 * ```
 */
export const signerInfoSchema = z.object({
  /** Chức vụ của người ký văn bản — String 100. */
  Position: z.optional(text(100)),
  /** Họ và tên người ký văn bản — String 50. */
  FullName: z.optional(text(50)),
});

/**
 * Signer information; see {@link signerInfoSchema}.
 *
 * @example
 * ```ts
 * const s: SignerInfo = { Position: 'CHỦ TỊCH', FullName: 'Trần Thị B' };
 * ```
 */
export type SignerInfo = z.infer<typeof signerInfoSchema>;

/**
 * Nơi nhận (To) of an outgoing document, item 13: OrganId (String 13) and OrganName (String 200). The decree shows
 * one pair; a document usually has several recipients, so records hold a list.
 *
 * @example
 * ```ts
 * recipientSchema.parse({ OrganId: '000.00.00.G22', OrganName: 'Văn phòng Chính phủ' });
 * ```
 */
export const recipientSchema = z.object({
  /** 13.1 Mã định danh của cơ quan, tổ chức nhận văn bản — String 13. */
  OrganId: z.optional(text(13)),
  /** 13.2 Tên cơ quan, tổ chức nhận văn bản — String 200. */
  OrganName: requiredText(200),
});

/**
 * A recipient; see {@link recipientSchema}.
 *
 * @example
 * ```ts
 * const r: Recipient = { OrganName: 'Sở Nội vụ' };
 * ```
 */
export type Recipient = z.infer<typeof recipientSchema>;

const common = {
  /** 1 Mã hồ sơ. */
  FileCode: z.optional(fileCodeSchema),
  /** 2 Số thứ tự văn bản trong hồ sơ — Number 3. */
  DocOrdinal: z.optional(digits(3)),
  /** 3 Tên loại văn bản — String 100. */
  TypeName: requiredText(100),
  /** 4 Số của văn bản — String 11. */
  CodeNumber: requiredText(11),
  /** 5 Ký hiệu của văn bản — String 30. */
  CodeNotation: requiredText(30),
  /** 6 Ngày, tháng, năm văn bản — Date 10. */
  IssuedDate: date10,
  /** 7 Tên cơ quan, tổ chức ban hành văn bản — String 200. */
  OrganName: requiredText(200),
  /** 8 Trích yếu nội dung — String 500. */
  Subject: requiredText(500),
  /** 9 Ngôn ngữ — String 30. */
  Language: z.optional(text(30)),
  /** 10 Số trang của văn bản — Number 3. */
  PageAmount: z.optional(digits(3)),
  /** 11 Ghi chú — String 500. */
  Description: z.optional(text(500)),
};

/**
 * Metadata of an outgoing document (dữ liệu quản lý văn bản đi), Phụ lục VI Phần II mục I, 16 items: FileCode,
 * DocOrdinal, TypeName, CodeNumber, CodeNotation, IssuedDate, OrganName, Subject, Language, PageAmount, Description,
 * SignerInfo, To, Priority (Number 1, urgency and secrecy), IssuedAmount (Number 3), DueDate (Date 10).
 *
 * @example
 * ```ts
 * const doc = outgoingDocumentSchema.parse({
 *   TypeName: 'Quyết định', CodeNumber: '15', CodeNotation: 'QĐ-UBND', IssuedDate: '2026-03-02',
 *   OrganName: 'Ủy ban nhân dân tỉnh Nghệ An', Subject: 'Về việc …', Priority: 0,
 * });
 * ```
 */
export const outgoingDocumentSchema = z.object({
  ...common,
  /** 12 Chức vụ, họ tên người ký. */
  SignerInfo: z.optional(signerInfoSchema),
  /** 13 Nơi nhận. */
  To: z.optional(z.array(recipientSchema).check(z.maxLength(1000))),
  /** 14 Mức độ khẩn, độ mật — Number 1. */
  Priority: z.optional(digits(1)),
  /** 15 Số lượng bản phát hành — Number 3. */
  IssuedAmount: z.optional(digits(3)),
  /** 16 Hạn trả lời văn bản — Date 10. */
  DueDate: z.optional(date10),
});

/**
 * An outgoing document record; see {@link outgoingDocumentSchema}.
 *
 * @example
 * ```ts
 * const d: OutgoingDocument = parseOutgoingDocument(input);
 * ```
 */
export type OutgoingDocument = z.infer<typeof outgoingDocumentSchema>;

/**
 * Metadata of an incoming document (dữ liệu quản lý văn bản đến), Phụ lục VI Phần II mục II, 18 items: items 1–11 as
 * for outgoing documents, then ArrivalDate (Date 10), ArrivalNumber (Number 10), SignerInfo, Priority (Number 1),
 * ToPlaces (String 1000), TraceHeaderList (LongText), DueDate (Date 10).
 *
 * @example
 * ```ts
 * const doc = incomingDocumentSchema.parse({
 *   TypeName: 'Công văn', CodeNumber: '05', CodeNotation: 'BNV-VP', IssuedDate: '2026-03-02',
 *   OrganName: 'Bộ Nội vụ', Subject: 'V/v …', ArrivalDate: '2026-03-03', ArrivalNumber: 120,
 * });
 * ```
 */
export const incomingDocumentSchema = z.object({
  ...common,
  /** 12 Ngày, tháng, năm đến — Date 10. */
  ArrivalDate: date10,
  /** 13 Số đến — Number 10. */
  ArrivalNumber: digits(10).check(z.refine((n) => n >= 1, 'the incoming number starts at 1')),
  /** 14 Chức vụ, họ tên người ký. */
  SignerInfo: z.optional(signerInfoSchema),
  /** 15 Mức độ khẩn, độ mật — Number 1. */
  Priority: z.optional(digits(1)),
  /** 16 Đơn vị hoặc người nhận — String 1000. */
  ToPlaces: z.optional(text(1000)),
  /** 17 Ý kiến phân phối, chỉ đạo, trạng thái xử lý văn bản — LongText. */
  TraceHeaderList: z.optional(z.string().check(z.maxLength(1_000_000))),
  /** 18 Thời hạn giải quyết — Date 10. */
  DueDate: z.optional(date10),
});

/**
 * An incoming document record; see {@link incomingDocumentSchema}.
 *
 * @example
 * ```ts
 * const d: IncomingDocument = parseIncomingDocument(input);
 * ```
 */
export type IncomingDocument = z.infer<typeof incomingDocumentSchema>;

/**
 * Metadata of a file (dữ liệu quản lý hồ sơ), Phụ lục VI Phần II mục III, 11 items.
 *
 * @example
 * ```ts
 * documentFileSchema.parse({ FileCode: { OrganId: '000.00.00.H41', FileCatalog: 2026, FileNotation: '01.VP' }, Title: 'Hồ sơ …', Maintenance: '10 năm' });
 * ```
 */
export const documentFileSchema = z.object({
  /** 1 Mã hồ sơ. */
  FileCode: fileCodeSchema,
  /** 2 Tiêu đề hồ sơ — String 500. */
  Title: requiredText(500),
  /** 3 Thời hạn bảo quản — String 30. */
  Maintenance: z.optional(text(30)),
  /** 4 Chế độ sử dụng — String 30. */
  Rights: z.optional(text(30)),
  /** 5 Người lập hồ sơ — String 30. */
  Creator: z.optional(text(30)),
  /** 6 Ngôn ngữ — String 50. */
  Language: z.optional(text(50)),
  /** 7 Thời gian bắt đầu — Date 10. */
  StartDate: z.optional(date10),
  /** 8 Thời gian kết thúc — Date 10. */
  EndDate: z.optional(date10),
  /** 9 Tổng số văn bản trong hồ sơ — Number 4. */
  DocTotal: z.optional(digits(4)),
  /** 10 Tổng số trang của hồ sơ — Number 4. */
  PageTotal: z.optional(digits(4)),
  /** 11 Ghi chú — String 500. */
  Description: z.optional(text(500)),
});

/**
 * A file (hồ sơ) record; see {@link documentFileSchema}.
 *
 * @example
 * ```ts
 * const f: DocumentFile = parseDocumentFile(input);
 * ```
 */
export type DocumentFile = z.infer<typeof documentFileSchema>;

/**
 * Checks an outgoing document record against Phụ lục VI and returns it normalised (NFC).
 *
 * @throws VnEgovError `INVALID_METADATA` with one issue per wrong field.
 * @example
 * ```ts
 * parseOutgoingDocument({ TypeName: 'Quyết định', CodeNumber: '15', CodeNotation: 'QĐ-UBND', IssuedDate: '2026-03-02', OrganName: 'UBND tỉnh', Subject: 'Về việc …' });
 * ```
 */
export function parseOutgoingDocument(input: unknown): OutgoingDocument {
  return parseWith(outgoingDocumentSchema, input, 'INVALID_METADATA', 'Dữ liệu văn bản đi không hợp lệ / invalid outgoing document metadata');
}

/**
 * Checks an incoming document record against Phụ lục VI and returns it normalised (NFC).
 *
 * @throws VnEgovError `INVALID_METADATA` with one issue per wrong field.
 * @example
 * ```ts
 * parseIncomingDocument({ TypeName: 'Công văn', CodeNumber: '05', CodeNotation: 'BNV-VP', IssuedDate: '2026-03-02', OrganName: 'Bộ Nội vụ', Subject: 'V/v …', ArrivalDate: '2026-03-03', ArrivalNumber: 1 });
 * ```
 */
export function parseIncomingDocument(input: unknown): IncomingDocument {
  return parseWith(incomingDocumentSchema, input, 'INVALID_METADATA', 'Dữ liệu văn bản đến không hợp lệ / invalid incoming document metadata');
}

/**
 * Checks a file (hồ sơ) record against Phụ lục VI and returns it normalised (NFC).
 *
 * @throws VnEgovError `INVALID_METADATA` with one issue per wrong field.
 * @example
 * ```ts
 * parseDocumentFile({ FileCode: { OrganId: '000.00.00.H41', FileCatalog: 2026, FileNotation: '01.VP' }, Title: 'Hồ sơ …' });
 * ```
 */
export function parseDocumentFile(input: unknown): DocumentFile {
  return parseWith(documentFileSchema, input, 'INVALID_METADATA', 'Dữ liệu hồ sơ không hợp lệ / invalid file metadata');
}
