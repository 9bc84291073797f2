/**
 * Orders DER encodings as a DER `SET OF` requires (X.690 §11.6: ascending by encoding, shorter first when one is
 * a prefix of the other, as if padded with zero bytes). @internal
 *
 * @example
 * ```ts
 * attributes.sort((a, b) => compareDer(encode(a), encode(b)));
 * ```
 */
export function compareDer(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}
