/**
 * Reader of status messages (specs/edxml.md §5).
 * @internal
 * @packageDocumentation
 */
import { STATUS_HEADER } from './element-specs.js';
import type { EdxmlStatus } from './model.js';
import { edxmlChildren, reportOthers } from './read-common.js';
import type { FieldReader } from './read-fields.js';
import { isKnownStatusCode } from './status-codes.js';
import type { XmlElement } from './xml-tree.js';

/** @internal */
export function readStatus(reader: FieldReader, root: XmlElement, envelope: XmlElement, header: XmlElement | undefined, messageHeader: XmlElement): EdxmlStatus {
  const message = reader.struct(messageHeader, STATUS_HEADER, []) as EdxmlStatus;
  const code = message.statusCode;
  if (code !== undefined && code !== '') {
    if (!/^\d{2}$/.test(code)) reader.add('invalid_status_code', ['statusCode'], 'error', `status code ${JSON.stringify(code)} is not two digits`);
    else if (!isKnownStatusCode(code)) reader.add('unknown_status_code', ['statusCode'], 'warning', `status code ${code} is used by no known source (specs/edxml.md §5.2)`);
  }
  for (const local of ['TraceHeaderList', 'Signature']) {
    if (header !== undefined && edxmlChildren(header, local).length > 0) reader.add('unexpected_element', ['header', local], 'warning', `a status message has no ${local} (specs/edxml.md §5.1); ignored`);
  }
  if (edxmlChildren(envelope, 'edXMLBody').length > 0) reader.add('unexpected_element', ['body'], 'warning', 'a status message has no edXMLBody; ignored');
  if (edxmlChildren(root, 'AttachmentEncoded').length > 0) reader.add('unexpected_element', ['AttachmentEncoded'], 'warning', 'a status message has no attachments; ignored');
  if (header !== undefined) reportOthers(reader, header, ['MessageHeader', 'TraceHeaderList', 'Signature'], ['header']);
  reportOthers(reader, envelope, ['edXMLHeader', 'edXMLBody'], ['envelope']);
  reportOthers(reader, root, ['edXMLEnvelope', 'AttachmentEncoded'], []);
  return message;
}
