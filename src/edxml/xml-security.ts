import * as z from 'zod/mini';
import { parseWith } from '../errors/index.js';

/**
 * Bounds on what the reader accepts (fail closed, specs/toolchain.md §5.4). Every limit that is hit throws
 * `XML_LIMIT_EXCEEDED` with an issue naming it. The envelope is everything except attachment payloads.
 *
 * @example
 * ```ts
 * const limits: EdxmlLimits = { ...DEFAULT_EDXML_LIMITS, maxInputBytes: 10 * 1024 * 1024 };
 * ```
 */
export const edxmlLimitsSchema = z.object({
  /** Whole input (characters for a string, bytes otherwise). Default 512 MiB. */
  maxInputBytes: z.number().check(z.int(), z.gte(1)),
  /** The envelope without the base64 payloads. Default 8 MiB. */
  maxEnvelopeBytes: z.number().check(z.int(), z.gte(1)),
  /** Element nesting depth. Default 32 (edXML needs about 9). */
  maxDepth: z.number().check(z.int(), z.gte(1)),
  /** Elements in the envelope. Default 20 000. */
  maxElements: z.number().check(z.int(), z.gte(1)),
  /** Attributes on one element. Default 32. */
  maxAttributes: z.number().check(z.int(), z.gte(0)),
  /** Inline attachments (`ContentTransferEncoded` elements). Default 1 000. */
  maxAttachments: z.number().check(z.int(), z.gte(0)),
  /** Length of one element or attribute name. Default 256. */
  maxNameLength: z.number().check(z.int(), z.gte(1)),
});
/**
 * See {@link edxmlLimitsSchema}.
 *
 * @example
 * ```ts
 * const value: EdxmlLimits = z.parse(edxmlLimitsSchema, input); // throws a ZodError when it does not fit
 * ```
 */
export type EdxmlLimits = z.infer<typeof edxmlLimitsSchema>;

/**
 * The default limits.
 *
 * @example
 * ```ts
 * DEFAULT_EDXML_LIMITS.maxDepth; // 32
 * ```
 */
export const DEFAULT_EDXML_LIMITS: Readonly<EdxmlLimits> = Object.freeze({
  maxInputBytes: 512 * 1024 * 1024,
  maxEnvelopeBytes: 8 * 1024 * 1024,
  maxDepth: 32,
  maxElements: 20_000,
  maxAttributes: 32,
  maxAttachments: 1_000,
  maxNameLength: 256,
});

/** @internal Merges partial limits over the defaults and checks them. */
export function resolveLimits(partial: Partial<EdxmlLimits> | undefined): EdxmlLimits {
  if (partial === undefined) return DEFAULT_EDXML_LIMITS;
  return parseWith(edxmlLimitsSchema, { ...DEFAULT_EDXML_LIMITS, ...partial }, 'EDXML_INVALID_OPTIONS', 'Giới hạn không hợp lệ / invalid limits');
}

/** Names that must never become object keys (prototype pollution). @internal */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a qualified name has a forbidden local part or prefix. @internal */
export function isForbiddenName(qname: string): boolean {
  const colon = qname.indexOf(':');
  return FORBIDDEN_NAMES.has(qname) || (colon >= 0 && (FORBIDDEN_NAMES.has(qname.slice(colon + 1)) || FORBIDDEN_NAMES.has(qname.slice(0, colon))));
}

/** Characters XML 1.0 does not allow anywhere, and unpaired surrogates. @internal */
export const FORBIDDEN_CHARS = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
