import { Base64Decoder, type Base64Failure } from './base64.js';
import { compareContentType, sniffContentType, type ContentSniff, type ContentTypeCheck } from './content-sniff.js';
import { fail, issue } from './errors.js';
import type { Chunk } from './envelope-scanner.js';
import type { EdxmlAttachmentMeta } from './model.js';

/**
 * The facts about one attachment's bytes, computed by {@link EdxmlAttachment.inspect}.
 *
 * @example
 * ```ts
 * const r: EdxmlAttachmentReport = await attachment.inspect();
 * r.sha256; // 64 hex digits
 * ```
 */
export interface EdxmlAttachmentReport {
  /** Decoded size in bytes. */
  readonly size: number;
  /** SHA-256 of the decoded bytes, lower-case hex (edXML carries no digest of its own, specs/edxml.md §3). */
  readonly sha256: string;
  readonly contentType: ContentTypeCheck;
}

/**
 * One inline attachment of a parsed package (tệp đính kèm): metadata at once, bytes decoded on demand from the
 * original input (no copy is kept until you ask).
 *
 * @example
 * ```ts
 * const [a] = parseEdxml(xml).attachments;
 * a.meta.attachmentName; // 'QD-123.pdf'
 * const bytes = a.bytes(); // decoded now
 * ```
 */
export interface EdxmlAttachment {
  /** Position in `AttachmentEncoded`. */
  readonly index: number;
  /** Metadata as written. */
  readonly meta: EdxmlAttachmentMeta;
  /** `ContentId` without an optional `cid:` prefix, for matching the manifest (specs/edxml.md §3). */
  readonly id: string;
  /** Whether a `ContentTransferEncoded` element was present. */
  readonly hasPayload: boolean;
  /** Length of the base64 text (characters or bytes, whitespace included). */
  readonly encodedLength: number;
  /** Upper bound of the decoded size. */
  readonly maxSize: number;
  /** Decodes the payload. @throws VnEgovError `EDXML_INVALID_BASE64`, `EDXML_INVALID_ATTACHMENT` (no payload). */
  bytes(): Uint8Array;
  /** SHA-256 of the decoded bytes (WebCrypto), lower-case hex. */
  sha256(): Promise<string>;
  /** The file kind told by the bytes. */
  sniff(): ContentSniff;
  /** Size, SHA-256 and declared-versus-sniffed type in one decode. */
  inspect(): Promise<EdxmlAttachmentReport>;
}

/** Strips an optional `cid:` prefix (case-insensitive) and angle brackets. @internal */
export function bareContentId(id: string): string {
  const t = id.trim();
  const s = /^cid:/i.test(t) ? t.slice(4) : t;
  return s.startsWith('<') && s.endsWith('>') ? s.slice(1, -1) : s;
}

/** @internal Throws the error for a base64 failure. */
export function base64Error(index: number, failure: Base64Failure): never {
  fail('EDXML_INVALID_BASE64', `Base64 không hợp lệ / attachment ${index}: ${failure.reason} at position ${failure.position} of its payload`, [
    issue('invalid_base64', ['attachments', index], 'error', `${failure.reason} at ${failure.position}`),
  ]);
}

/** Lower-case hex SHA-256 with WebCrypto. @internal */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** @internal Creates an attachment handle over ranges of the source. */
export function createAttachment(
  index: number,
  meta: EdxmlAttachmentMeta,
  source: Chunk,
  ranges: readonly (readonly [number, number])[] | null,
): EdxmlAttachment {
  const encodedLength = ranges === null ? 0 : ranges.reduce((n, [a, b]) => n + b - a, 0);
  const bytes = (): Uint8Array => {
    if (ranges === null) {
      fail('EDXML_INVALID_ATTACHMENT', `Tệp đính kèm không có nội dung / attachment ${index} has no ContentTransferEncoded`, [
        issue('missing_element', ['attachments', index, 'contentTransferEncoded'], 'error', 'no payload'),
      ]);
    }
    const decoder = new Base64Decoder(null, Math.floor((encodedLength * 3) / 4) + 3);
    for (const [a, b] of ranges) {
      const f = decoder.push(source, a, b);
      if (f !== null) base64Error(index, f);
    }
    const f = decoder.finish();
    if (f !== null) base64Error(index, f);
    return decoder.result();
  };
  // The digest is computed once (one decode, one WebCrypto call) and shared by sha256() and inspect().
  let digest: Promise<string> | undefined;
  const sha256 = (data?: Uint8Array): Promise<string> => (digest ??= sha256Hex(data ?? bytes()));
  return Object.freeze({
    index,
    meta,
    id: bareContentId(meta.contentId ?? ''),
    hasPayload: ranges !== null,
    encodedLength,
    maxSize: Math.floor((encodedLength * 3) / 4),
    bytes,
    sha256: () => sha256(),
    sniff: () => sniffContentType(bytes()),
    async inspect(): Promise<EdxmlAttachmentReport> {
      const data = bytes();
      return { size: data.length, sha256: await sha256(data), contentType: compareContentType(meta.contentType ?? '', sniffContentType(data)) };
    },
  });
}
