/**
 * `vn-egov/node`: Node-only helpers (files and streams). The core entries run in browsers; this one uses `node:fs`,
 * `node:stream` and `node:crypto`.
 *
 * @example
 * ```ts
 * import { parseEdxmlFile } from 'vn-egov/node';
 * const r = await parseEdxmlFile('package.edxml', { sink: () => null });
 * ```
 * @packageDocumentation
 */
export {
  buildEdxmlStream,
  parseEdxmlFile,
  parseEdxmlStream,
  writeEdxmlFile,
  type EdxmlAttachmentSink,
  type EdxmlStreamOptions,
  type EdxmlStreamResult,
  type StreamedAttachment,
  type StreamingAttachmentInput,
} from './edxml-stream.js';
export { nodeContentDigest } from './content-digest.js';
