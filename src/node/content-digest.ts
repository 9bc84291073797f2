import { createHash } from 'node:crypto';
import { VnEgovError } from '../errors/index.js';

const NODE_NAMES = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/**
 * The content digest for `verifyCms` / `verifyPdf` / `verifyDocument` computed with node's `createHash` (băm nội
 * dung bằng node:crypto): no copy of the content (WebCrypto copies it before hashing on a worker thread), so large
 * detached contents verify faster in Node. Pass it as the `contentDigest` option; browsers keep WebCrypto.
 *
 * @example
 * ```ts
 * import { verifyCms } from 'vn-egov/signature';
 * import { nodeContentDigest } from 'vn-egov/node';
 * const report = await verifyCms(p7s, { content: pdfBytes, trustStore, contentDigest: nodeContentDigest });
 * ```
 */
export function nodeContentDigest(hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array): Uint8Array {
  const name = NODE_NAMES[hash];
  if (name === undefined) throw new VnEgovError('INVALID_ARGUMENT', `Thuật toán băm không được hỗ trợ / unsupported hash: ${String(hash)}`);
  const out = createHash(name).update(data).digest();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
