/**
 * Per-cache memos of pure results of the CMS reader (certificate records by their exact DER, decoded issuer names),
 * keyed by the caller's cache object so that nothing outlives it, and exact-bytes keys that are cheaper than a
 * JavaScript SHA-256 of small inputs (and cannot collide). Internal.
 */

/** Largest input keyed by its bytes; larger ones are not memoised here (or keyed by a hash by the caller). */
const MAX_KEY_BYTES = 16_384;

/** The bytes as a latin1 string prefixed `b:` (exact, injective), or undefined when too large. */
export function bytesKey(bytes: Uint8Array): string | undefined {
  if (bytes.length > MAX_KEY_BYTES) return undefined;
  return `b:${String.fromCharCode.apply(null, bytes as unknown as number[])}`;
}

const memos = new WeakMap<object, Map<string, unknown>>();

/** The memo map of `owner` (a validation or certificate cache). */
export function memoOf(owner: object): Map<string, unknown> {
  let m = memos.get(owner);
  if (!m) memos.set(owner, (m = new Map()));
  return m;
}

/** `make()` memoised under `owner` by `kind` and the exact bytes (not memoised without an owner or for large input). */
export function memoised<T>(owner: object | undefined, kind: string, bytes: Uint8Array, make: () => T): T {
  const key = owner ? bytesKey(bytes) : undefined;
  if (!owner || key === undefined) return make();
  const m = memoOf(owner);
  const k = `${kind}|${key}`;
  const hit = m.get(k) as T | undefined;
  if (hit !== undefined) return hit;
  const v = make();
  m.set(k, v);
  return v;
}
