/**
 * Building blocks shared with the Node-only entry `vn-egov/node` (`src/node/`), which streams the same format. Not
 * part of the public surface of `vn-egov/edxml`; nothing else imports this file.
 * @internal
 * @packageDocumentation
 */
export { EnvelopeScanner, type Chunk, type ScanSink } from './envelope-scanner.js';
export { Base64Decoder, encodeBase64 } from './base64.js';
export { base64Error, bareContentId } from './attachments.js';
export { parseXmlTree } from './xml-tree.js';
export { checkDeclaredEncoding, decodeUtf8, locator, type Envelope, type PayloadSpan } from './read-envelope.js';
export { interpretEnvelope, edxmlParseOptionsSchema } from './parse-edxml.js';
export { attachmentPayloadIndexes } from './read-package.js';
export { resolveLimits } from './xml-security.js';
export { fail, issue } from './errors.js';
