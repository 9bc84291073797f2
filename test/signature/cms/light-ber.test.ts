/**
 * Differential test of the light BER decoder used by `parseSignedData` against asn1js: on every CMS / time-stamp
 * fixture and on thousands of mutations that keep the BER framing, the two trees agree node by node (class, tag,
 * form, content, OBJECT IDENTIFIER text, BIT STRING unused bits, raw encoding), and the light decoder never accepts
 * what asn1js rejects except for time strings (read strictly later by `time()`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { children, content, oid, rawOf, tagClass, tagNumber, type Node } from '../../../src/signature/asn1.js';
import { berFramingProblem } from '../../../src/signature/cms/ber.js';
import { decodeLightBer } from '../../../src/signature/cms/light-ber.js';
import { bin, dir } from './helpers.js';

const constructed = (n: Node): boolean => (n as asn1js.BaseBlock).idBlock.isConstructed;

/** OCTET STRING, INTEGER, strings, times…: where asn1js keeps the content octets (not OID, NULL, BOOLEAN). */
const HAS_CONTENT = new Set([2, 3, 4, 12, 18, 19, 20, 22, 23, 24, 26, 30]);

/** Describes a tree through the `asn1.ts` readers only (what the CMS code sees). */
function shape(n: Node): string {
  const head = `${tagClass(n)}:${tagNumber(n)}:${constructed(n) ? 'c' : 'p'}:${Buffer.from(rawOf(n)).toString('hex')}`;
  if (constructed(n)) {
    let kids: Node[];
    try {
      kids = children(n, 'x');
    } catch {
      return `${head}(opaque)`; // a constructed character string: neither children nor content for the readers
    }
    return `${head}[${kids.map((c) => shape(c)).join(',')}]`;
  }
  let extra = tagClass(n) !== 1 || HAS_CONTENT.has(tagNumber(n)) ? Buffer.from(content(n, 'x')).toString('hex') : '';
  if (tagClass(n) === 1 && tagNumber(n) === 6) {
    try {
      extra += `=${oid(n, 'x')}`;
    } catch {
      extra += '=bad';
    }
  }
  if (tagClass(n) === 1 && tagNumber(n) === 3) extra += `/${(n as asn1js.BitString).valueBlock.unusedBits}`;
  return `${head}(${extra})`;
}

function viaAsn1js(b: Uint8Array): Node | Error {
  try {
    const r = asn1js.fromBER(b);
    if (r.offset === -1 || r.result.error) return new Error(r.result.error || 'undecodable');
    if (r.offset !== b.length) return new Error('trailing');
    return r.result;
  } catch (e) {
    return e as Error;
  }
}

function viaLight(b: Uint8Array): Node | Error {
  try {
    return decodeLightBer(b, 'x');
  } catch (e) {
    return e as Error;
  }
}

const fixtures = readdirSync(dir).filter((f) => f.endsWith('.der')).map((f) => [f, bin(f)] as const);
const tsDir = join(dir, '../timestamp');
let tsFixtures: (readonly [string, Uint8Array])[] = [];
try {
  tsFixtures = readdirSync(tsDir).filter((f) => f.endsWith('.tsr') || f.endsWith('.der') || f.endsWith('.tst')).map((f) => [f, bin(`../timestamp/${f}`)] as const);
} catch {
  tsFixtures = [];
}

const ROUNDS = Number(process.env.LIGHT_BER_ROUNDS ?? 4000);

describe('light BER decoder (parseSignedData) against asn1js', () => {
  it.each([...fixtures, ...tsFixtures])('%s: same tree', (_f, der) => {
    expect(berFramingProblem(der)).toBeUndefined();
    const a = viaAsn1js(der);
    const l = viaLight(der);
    expect(a).not.toBeInstanceOf(Error);
    expect(l).not.toBeInstanceOf(Error);
    expect(shape(l as Node)).toBe(shape(a as Node));
  });

  it('agrees on framing-preserving mutations (both decode to the same tree, or the light one rejects too)', () => {
    let seed = 11;
    const rnd = (k: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % k;
    let compared = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const der = fixtures[rnd(fixtures.length)]![1].slice();
      const flips = 1 + rnd(3);
      for (let k = 0; k < flips; k++) {
        const i = rnd(der.length);
        der[i] = rnd(3) === 0 ? der[i]! ^ (1 << rnd(8)) : rnd(3) === 0 ? der[i]! ^ 0x20 : rnd(256);
      }
      if (berFramingProblem(der) !== undefined) continue;
      const a = viaAsn1js(der);
      const l = viaLight(der);
      if (l instanceof Error) continue; // stricter is fine
      if (a instanceof Error) {
        // asn1js throws on malformed GeneralizedTime strings; the CMS readers reject those later with time()
        expect(a.message).toMatch(/Wrong input string/i);
        continue;
      }
      expect(shape(l)).toBe(shape(a));
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });
});
