/**
 * A small seeded pseudo-random generator (bộ sinh số giả ngẫu nhiên có hạt giống) for reproducible test data:
 * serial numbers, names, document numbers. Not for cryptography — keys always come from WebCrypto.
 */
import { testingError } from './errors.js';

/**
 * A deterministic random source: the same seed gives the same sequence in Node and in browsers.
 * @example
 * ```ts
 * const random: SeededRandom = createSeededRandom('demo');
 * random.int(1, 6); // the same value on every run
 * ```
 */
export interface SeededRandom {
  /** The seed this generator was created from (as a string). */
  readonly seed: string;
  /** Next 32-bit unsigned integer. */
  uint32(): number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** `length` pseudo-random bytes. */
  bytes(length: number): Uint8Array;
  /** `length` decimal digits as a string (leading zeros kept). */
  digits(length: number): string;
  /** A new independent generator derived from this seed and `label` (order-independent sub-streams). */
  fork(label: string): SeededRandom;
}

/** xmur3 string hash → 32-bit seeds. */
function hashSeed(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/**
 * Creates a seeded generator (sfc32 seeded with xmur3 of the seed text).
 *
 * @throws VnEgovError `INVALID_FIXTURE_OPTIONS` when the seed is neither a string nor a finite number.
 * @example
 * ```ts
 * const a = createSeededRandom(42), b = createSeededRandom(42);
 * a.digits(12) === b.digits(12); // true
 * ```
 */
export function createSeededRandom(seed: string | number): SeededRandom {
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw testingError('INVALID_FIXTURE_OPTIONS', 'Hạt giống không hợp lệ', 'seed must be a string or a finite number');
  }
  const text = String(seed);
  const h = hashSeed(text);
  let a = h(), b = h(), c = h(), d = h();
  const uint32 = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return r >>> 0;
  };
  for (let i = 0; i < 12; i++) uint32();
  const next = (): number => uint32() / 4294967296;
  const random: SeededRandom = {
    seed: text,
    uint32,
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw testingError('INVALID_FIXTURE_OPTIONS', 'Khoảng số không hợp lệ', `invalid integer range [${min}, ${max}]`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    pick(items) {
      if (items.length === 0) throw testingError('INVALID_FIXTURE_OPTIONS', 'Danh sách rỗng', 'cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = uint32() & 0xff;
      return out;
    },
    digits(length) {
      let s = '';
      for (let i = 0; i < length; i++) s += String(uint32() % 10);
      return s;
    },
    fork(label) {
      return createSeededRandom(`${text}/${label}`);
    },
  };
  return random;
}
