/**
 * Streaming edXML for Node: read a package from a file or stream with memory bounded independently of attachment
 * size (payload bytes go to sinks the caller provides; only the envelope is kept), and write one from attachment
 * streams. Same reader rules, issues and errors as `parseEdxml` of `vn-egov/edxml`.
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { parseWith, VnEgovError } from '../errors/index.js';
import {
  buildEdxml,
  compareContentType,
  sniffContentType,
  type ContentTypeCheck,
  type EdxmlAttachmentMeta,
  type EdxmlDocument,
  type EdxmlIssue,
  type EdxmlLimits,
  type EdxmlParseOptions,
  type EdxmlParseResult,
  type EnvelopeSignature,
} from '../edxml/index.js';
import {
  attachmentPayloadIndexes,
  bareContentId,
  Base64Decoder,
  base64Error,
  checkDeclaredEncoding,
  edxmlParseOptionsSchema,
  EnvelopeScanner,
  encodeBase64,
  fail,
  interpretEnvelope,
  issue,
  locator,
  parseXmlTree,
  resolveLimits,
  type PayloadSpan,
  type ScanSink,
} from '../edxml/internal.js';

/**
 * Where one attachment's decoded bytes go: a Node `Writable` (e.g. `fs.createWriteStream(path)`), or `null` to only
 * measure and hash it.
 *
 * @example
 * ```ts
 * const sink: EdxmlAttachmentSink = ({ index }) => createWriteStream(`/tmp/attachment-${index}.bin`);
 * ```
 */
export type EdxmlAttachmentSink = (payload: { readonly index: number }) => Writable | null;

/**
 * An attachment read from a stream: its metadata and what was measured while its bytes streamed to the sink.
 *
 * @example
 * ```ts
 * const a: StreamedAttachment = result.attachments[0];
 * a.sha256; // 64 hex digits
 * ```
 */
export interface StreamedAttachment {
  readonly index: number;
  readonly meta: EdxmlAttachmentMeta;
  /** ContentId without `cid:`. */
  readonly id: string;
  /** Index of the payload given to the sink (order of `ContentTransferEncoded` in the file), `null` without one. */
  readonly payloadIndex: number | null;
  readonly size: number;
  /** SHA-256 of the decoded bytes, lower-case hex (`''` without a payload). */
  readonly sha256: string;
  readonly contentType: ContentTypeCheck | null;
}

/**
 * What {@link parseEdxmlStream} returns: the same message, signature and issues as `parseEdxml`, with streamed
 * attachments.
 *
 * @example
 * ```ts
 * const r: EdxmlStreamResult = await parseEdxmlFile('big.edxml', { sink: () => null });
 * ```
 */
export interface EdxmlStreamResult {
  readonly kind: EdxmlParseResult['kind'];
  readonly message: EdxmlParseResult['message'];
  readonly signature: EnvelopeSignature;
  readonly issues: readonly EdxmlIssue[];
  readonly attachments: readonly StreamedAttachment[];
  /** Bytes read from the source. */
  readonly inputBytes: number;
}

/**
 * Options of {@link parseEdxmlStream}: those of `parseEdxml` plus the attachment `sink`. `limits.maxInputBytes`
 * defaults to no limit here (the envelope limit still applies).
 *
 * @example
 * ```ts
 * const o: EdxmlStreamOptions = { sink: ({ index }) => createWriteStream(`a${index}.bin`), strict: true };
 * ```
 */
export interface EdxmlStreamOptions extends EdxmlParseOptions {
  readonly sink?: EdxmlAttachmentSink;
}

const SNIFF_WINDOW = 1 << 20;

interface PayloadState {
  readonly decoder: Base64Decoder;
  readonly hash: ReturnType<typeof createHash>;
  readonly sink: Writable | null;
  head: Uint8Array[];
  headSize: number;
  tail: Uint8Array[];
  tailSize: number;
  size: number;
  digest: string;
  check: ContentTypeCheck | null;
  sniffBytes: Uint8Array;
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function drain(sink: Writable): Promise<void> {
  if (!sink.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const done = (): void => {
      sink.off('error', fail2);
      resolve();
    };
    const fail2 = (e: unknown): void => {
      sink.off('drain', done);
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    sink.once('drain', done);
    sink.once('error', fail2);
  });
}

/**
 * Reads an edXML package or status message from a Node stream or async iterable of chunks, keeping only the envelope
 * in memory: each attachment's base64 is decoded as it streams, hashed (SHA-256), sniffed (first and last MiB) and
 * written to `options.sink({ index })` with back-pressure. Peak memory is the envelope plus one input chunk plus
 * 2 MiB per attachment being sniffed.
 *
 * On any error the sinks are destroyed (without an error event) and a `VnEgovError` is thrown (codes as `parseEdxml`); sinks may then
 * hold partial data and must be discarded.
 *
 * @example
 * ```ts
 * const r = await parseEdxmlStream(createReadStream('in.edxml'), {
 *   sink: ({ index }) => createWriteStream(`attachment-${index}.bin`),
 * });
 * r.attachments.map((a) => [a.meta.attachmentName, a.size, a.sha256]);
 * ```
 */
export async function parseEdxmlStream(source: AsyncIterable<Uint8Array | string> | Readable, options: EdxmlStreamOptions = {}): Promise<EdxmlStreamResult> {
  const { sink: sinkFactory, ...rest } = options;
  const opts = parseWith(edxmlParseOptionsSchema, rest, 'EDXML_INVALID_OPTIONS', 'Tùy chọn không hợp lệ / invalid options');
  const limits: EdxmlLimits = resolveLimits({ maxInputBytes: Number.MAX_SAFE_INTEGER, ...(opts.limits as Partial<EdxmlLimits> | undefined) });
  const envelopeParts: Uint8Array[] = [];
  let envelopeSize = 0;
  const payloads: PayloadSpan[] = [];
  const states: PayloadState[] = [];
  const cutAt: number[] = [];
  let current: PayloadState | null = null;
  const pendingDrains = new Set<Writable>();

  const emit = (state: () => PayloadState) => (bytes: Uint8Array) => {
    const s = state();
    s.size += bytes.length;
    s.hash.update(bytes);
    if (s.headSize < SNIFF_WINDOW) {
      s.head.push(bytes);
      s.headSize += bytes.length;
    } else {
      s.tail.push(bytes);
      s.tailSize += bytes.length;
      while (s.tailSize - (s.tail[0]?.length ?? 0) >= SNIFF_WINDOW) s.tailSize -= s.tail.shift()!.length;
    }
    if (s.sink !== null && !s.sink.write(bytes)) pendingDrains.add(s.sink);
  };

  const sink: ScanSink = {
    envelope(chunk, start, end) {
      const part = typeof chunk === 'string' ? new TextEncoder().encode(chunk.slice(start, end)) : Uint8Array.prototype.slice.call(chunk, start, end);
      envelopeParts.push(part);
      envelopeSize += part.length;
    },
    envelopeText(text) {
      const part = new TextEncoder().encode(text);
      envelopeParts.push(part);
      envelopeSize += part.length;
    },
    payloadStart(index, qname) {
      payloads[index] = { qname, ranges: [], encodedLength: 0 };
      cutAt.push(envelopeSize);
      let self: PayloadState;
      const state: PayloadState = {
        decoder: new Base64Decoder(emit(() => self)),
        hash: createHash('sha256'),
        sink: sinkFactory === undefined ? null : sinkFactory({ index }),
        head: [],
        headSize: 0,
        tail: [],
        tailSize: 0,
        size: 0,
        digest: '',
        check: null,
        sniffBytes: new Uint8Array(0),
      };
      self = state;
      states[index] = state;
      current = state;
    },
    payload(chunk, start, end) {
      const p = payloads[payloads.length - 1]!;
      p.encodedLength += end - start;
      const f = current!.decoder.push(chunk, start, end);
      if (f !== null) base64Error(payloads.length - 1, f);
    },
    payloadEnd(index) {
      const s = states[index]!;
      const f = s.decoder.finish();
      if (f !== null) base64Error(index, f);
      s.digest = s.hash.digest('hex');
      s.sniffBytes = concat([...s.head, ...s.tail], s.headSize + s.tailSize);
      payloads[index]!.blank = s.size === 0;
      s.sink?.end();
      current = null;
    },
  };
  const scanner = new EnvelopeScanner(sink, limits);
  let inputBytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      inputBytes += bytes.length;
      if (inputBytes > limits.maxInputBytes) {
        fail('XML_LIMIT_EXCEEDED', `Dữ liệu quá lớn / input larger than ${limits.maxInputBytes}`, [issue('max_input_bytes', [], 'error', `limit ${limits.maxInputBytes}`)]);
      }
      scanner.write(inputBytes === bytes.length && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
      for (const s of pendingDrains) await drain(s);
      pendingDrains.clear();
    }
    scanner.end();
    checkDeclaredEncoding(scanner.declaration);
    for (const s of states) if (s?.sink) await finished(s.sink);
    const envelopeText = new TextDecoder('utf-8', { fatal: true }).decode(concat(envelopeParts, envelopeSize));
    const root = parseXmlTree(envelopeText, limits, locator(envelopeText, cutAt));
    const result = interpretEnvelope({ root, source: '', payloads, envelopeText, declaration: scanner.declaration }, opts);
    const indexes = attachmentPayloadIndexes(root);
    const attachments = result.attachments.map((a, i): StreamedAttachment => {
      const p = indexes[i];
      const s = p === undefined ? undefined : states[p];
      return {
        index: a.index,
        meta: a.meta,
        id: bareContentId(a.meta.contentId ?? ''),
        payloadIndex: p ?? null,
        size: s?.size ?? 0,
        sha256: s?.digest ?? '',
        contentType: s === undefined ? null : compareContentType(a.meta.contentType ?? '', sniffContentType(s.sniffBytes)),
      };
    });
    return { kind: result.kind, message: result.message, signature: result.signature, issues: result.issues, attachments, inputBytes };
  } catch (e) {
    const error =
      e instanceof VnEgovError
        ? e
        : e instanceof TypeError && /encoded data was not valid/i.test(e.message)
          ? new VnEgovError('EDXML_INVALID_ENCODING', 'Mã hóa UTF-8 không hợp lệ / invalid UTF-8 in the envelope', { cause: e, issues: [issue('invalid_utf8', [], 'error', e.message)] })
          : new VnEgovError('EDXML_INVALID_INPUT', `Không đọc được nguồn / the source failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    // Destroyed without an error: the caller gets the rejection; an error event on their sink could go unhandled.
    for (const s of states) s?.sink?.destroy();
    throw error;
  }
}

/**
 * {@link parseEdxmlStream} over a file.
 *
 * @example
 * ```ts
 * const r = await parseEdxmlFile('package.edxml', { sink: ({ index }) => createWriteStream(`a${index}.bin`) });
 * ```
 */
export async function parseEdxmlFile(path: string, options: EdxmlStreamOptions = {}): Promise<EdxmlStreamResult> {
  return parseEdxmlStream(createReadStream(path, { highWaterMark: 1 << 20 }), options);
}

/**
 * An attachment to write from a stream: metadata and its bytes as chunks.
 *
 * @example
 * ```ts
 * const a: StreamingAttachmentInput = { contentId: 'cid:1', attachmentName: 'big.pdf', contentType: 'application/pdf',
 *   data: createReadStream('big.pdf') };
 * ```
 */
export interface StreamingAttachmentInput extends EdxmlAttachmentMeta {
  readonly data: AsyncIterable<Uint8Array> | Readable;
}

const PLACEHOLDER = '<edXML:ContentTransferEncoded></edXML:ContentTransferEncoded>';

/**
 * Writes a document package as a stream of UTF-8 chunks, encoding each attachment's chunks to base64 as they come (one
 * line, as the VPCP payloads). The output is the same as `buildEdxml` with the attachments' bytes.
 *
 * @throws VnEgovError as `buildEdxml`.
 * @example
 * ```ts
 * await pipeline(Readable.from(buildEdxmlStream(message, [attachment])), createWriteStream('out.edxml'));
 * ```
 */
export async function* buildEdxmlStream(message: EdxmlDocument, attachments: readonly StreamingAttachmentInput[]): AsyncGenerator<Uint8Array> {
  const skeleton = buildEdxml(
    message,
    attachments.map(({ data: _d, ...meta }) => ({ ...meta, data: new Uint8Array(0) })),
  );
  const pieces = skeleton.split(PLACEHOLDER);
  if (pieces.length !== attachments.length + 1) fail('EDXML_INVALID_ATTACHMENT', 'Không tách được tệp đính kèm / could not place the attachment payloads');
  const encoder = new TextEncoder();
  for (let i = 0; i < attachments.length; i++) {
    yield encoder.encode(pieces[i]! + PLACEHOLDER.slice(0, PLACEHOLDER.indexOf('>') + 1));
    let carry = new Uint8Array(0);
    for await (const chunk of attachments[i]!.data as AsyncIterable<Uint8Array>) {
      const data = carry.length === 0 ? chunk : concat([carry, chunk], carry.length + chunk.length);
      const whole = data.length - (data.length % 3);
      if (whole > 0) yield encoder.encode(encodeBase64(data.subarray(0, whole)));
      carry = data.slice(whole);
    }
    if (carry.length > 0) yield encoder.encode(encodeBase64(carry));
    yield encoder.encode(PLACEHOLDER.slice(PLACEHOLDER.indexOf('>') + 1));
  }
  yield encoder.encode(pieces[attachments.length]!);
}

/**
 * Writes a document package to a file from attachment streams (see {@link buildEdxmlStream}).
 *
 * @example
 * ```ts
 * await writeEdxmlFile('out.edxml', message, [{ contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf', data: createReadStream('a.pdf') }]);
 * ```
 */
export async function writeEdxmlFile(path: string, message: EdxmlDocument, attachments: readonly StreamingAttachmentInput[]): Promise<void> {
  await pipeline(Readable.from(buildEdxmlStream(message, attachments)), createWriteStream(path));
}
