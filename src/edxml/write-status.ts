import { parseWith } from '../errors/index.js';
import { STATUS_HEADER } from './element-specs.js';
import { edxmlStatusSchema, type EdxmlStatus } from './model.js';
import { EDXML_PREFIX } from './namespaces.js';
import { openRoot, edxmlWriteOptionsSchema, type EdxmlWriteOptions } from './write-package.js';
import { ElementWriter } from './xml-writer.js';

/**
 * Writes a status message (thông điệp trạng thái, specs/edxml.md §5.1): `From`, `ResponseFor`, `StaffInfo`,
 * `StatusCode`, `Description`, `Timestamp` (`yyyy/MM/dd HH:mm:ss`), with no trace list, signature or body.
 * Reading the result gives back `status` (property-tested).
 *
 * @throws VnEgovError `EDXML_INVALID_MESSAGE` (schema, characters XML cannot carry, bad dates), `EDXML_INVALID_OPTIONS`.
 * @example
 * ```ts
 * const xml = buildStatus(replyStatus(received, '03', { department: 'Văn thư', staff: 'Nguyễn Thị A' }, 'Đã tiếp nhận', new Date()));
 * ```
 */
export function buildStatus(status: EdxmlStatus, options: EdxmlWriteOptions = {}): string {
  const msg = parseWith(edxmlStatusSchema, status, 'EDXML_INVALID_MESSAGE', 'Thông điệp trạng thái không hợp lệ / invalid status message');
  const opts = parseWith(edxmlWriteOptionsSchema, options, 'EDXML_INVALID_OPTIONS', 'Tùy chọn không hợp lệ / invalid options');
  const w = new ElementWriter(opts.indent ?? true);
  openRoot(w);
  w.struct(3, 'MessageHeader', msg, STATUS_HEADER, []);
  w.line(2, `</${EDXML_PREFIX}:edXMLHeader>`);
  w.line(1, `</${EDXML_PREFIX}:edXMLEnvelope>`);
  w.line(0, '</edXML>');
  return w.toString();
}
