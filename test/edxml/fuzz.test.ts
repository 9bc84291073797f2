import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { buildEdxml, parseEdxml } from '../../src/edxml/index.js';
import { SHARED } from '../helpers/shared-data.js';

const DIR = join(SHARED, 'data', 'edxml-samples');
const seeds: Uint8Array[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.edxml'))
  .sort()
  // Copies: Buffer#slice is a view, and the seeds must never change.
  .map((f) => new Uint8Array(readFileSync(join(DIR, f))));
// A seed with a real payload, so that mutations reach the scanner's payload states and the base64 decoder.
seeds.push(
  new TextEncoder().encode(
    buildEdxml({ to: [{ organId: '000.00.00.H41' }], responseFor: [] }, [
      { contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf', data: new TextEncoder().encode('%PDF-1.7 fuzz seed payload') },
    ], { base64LineLength: 8 }),
  ),
);

const TOKENS = ['<', '>', '&', '"', "'", '/', '<!DOCTYPE x>', '<!--', '-->', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '&#0;', '&#x1EA1;', '&amp', 'xmlns:edXML="urn:x"', '__proto__', '<__proto__/>', '<edXML:ContentTransferEncoded>', '</edXML:ContentTransferEncoded>', '=', '\u0000', '\uFFFF', '\uD800', 'Đ', '\r\n'];

/** Applies one mutation to a seed. */
function mutate(seed: Uint8Array, kind: number, at: number, len: number, token: string, byte: number): Uint8Array | string {
  const n = seed.length;
  const i = n === 0 ? 0 : at % n;
  const text = () => new TextDecoder().decode(seed);
  switch (kind) {
    case 0: {
      const out = Uint8Array.from(seed);
      out[i] = byte;
      return out;
    }
    case 1:
      return seed.subarray(0, i);
    case 2:
      return new Uint8Array([...seed.subarray(0, i), ...seed.subarray(Math.min(n, i + len))]);
    case 3: {
      const s = text();
      const j = at % (s.length + 1);
      return s.slice(0, j) + token + s.slice(j);
    }
    case 4: {
      const s = text();
      const j = at % (s.length + 1);
      return s.slice(0, j) + s.slice(j, j + len).repeat(3) + s.slice(j);
    }
    case 5: {
      const s = text();
      const j = at % (s.length + 1);
      return s.slice(0, j) + s.slice(j + len).replace('>', token);
    }
    case 6: {
      // Replace the value of one leaf element (keeps the XML well-formed; exercises the field readers).
      const s = text();
      const leaves = [...s.matchAll(/>([^<>]*)</g)];
      const m = leaves[at % Math.max(leaves.length, 1)];
      if (m === undefined) return s;
      const v = VALUES[len % VALUES.length]!;
      return s.slice(0, m.index + 1) + v + s.slice(m.index + 1 + m[1]!.length);
    }
    case 7:
    case 8: {
      // Remove or duplicate one line (usually a whole element in the samples).
      const lines = text().split('\n');
      const j = at % lines.length;
      if (kind === 7) lines.splice(j, 1);
      else lines.splice(j, 0, lines[j]!);
      return lines.join('\n');
    }
    default:
      return seed;
  }
}

const VALUES = ['', ' ', 'abc', '2019/02/30', '30/10/2020', '2020-10-30', '-1', '99999999999999999', 'true', '1', 'cid:x', '&#7841;', '07', 'x'.repeat(300), '2018/09/28 25:00:00', '000.00.00.G22'];

const outcomes = new Map<string, number>();
const count = (k: string): void => void outcomes.set(k, (outcomes.get(k) ?? 0) + 1);

function exercise(input: Uint8Array | string): void {
  try {
    const r = parseEdxml(input);
    count(`parsed:${r.kind}`);
    for (const a of r.attachments) {
      try {
        a.bytes();
        a.sniff();
      } catch (e) {
        if (!(e instanceof VnEgovError)) throw e;
      }
    }
    // Whatever was read must be writable again or refused with a VnEgovError.
    try {
      if (r.kind === 'document') buildEdxml(r.message, []);
    } catch (e) {
      if (!(e instanceof VnEgovError)) throw e;
    }
  } catch (e) {
    if (!(e instanceof VnEgovError)) throw new Error(`non-VnEgovError thrown: ${String(e)}`, { cause: e });
    count(e.code);
  }
}

describe('fuzz: only VnEgovError, never a hang', () => {
  it('7 000 mutations of the samples', () => {
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.noBias(fc.nat(seeds.length - 1)),
        fc.noBias(fc.nat(8)),
        fc.noBias(fc.nat()),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(...TOKENS),
        fc.nat(255),
        fc.boolean(),
        (s, kind, at, len, token, byte, asString) => {
          const m = mutate(seeds[s]!, kind, at, len, token, byte);
          const input = asString && typeof m !== 'string' ? new TextDecoder().decode(m) : m;
          const t0 = performance.now();
          exercise(input);
          slowest = Math.max(slowest, performance.now() - t0);
        },
      ),
      { numRuns: 7_000, seed: 20_261_128 },
    );
    expect(slowest).toBeLessThan(2_000);
  });

  it('3 000 random XML-like strings', () => {
    const piece = fc.oneof(fc.constantFrom(...TOKENS, '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">', '</edXML>', '<a>', '</a>', '<b c="d">', 'text'), fc.string({ maxLength: 5 }));
    let slowest = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const t0 = performance.now();
        exercise(parts.join(''));
        slowest = Math.max(slowest, performance.now() - t0);
      }),
      { numRuns: 3_000, seed: 7 },
    );
    expect(slowest).toBeLessThan(2_000);
  });

  it('reached both successful parses and many distinct error codes', () => {
    expect(outcomes.get('parsed:document') ?? 0).toBeGreaterThan(500);
    expect(outcomes.get('parsed:status') ?? 0).toBeGreaterThan(500);
    for (const c of ['XML_MALFORMED', 'XML_ENTITY_FORBIDDEN', 'XML_NAMESPACE_ERROR', 'XML_FORBIDDEN_NAME', 'EDXML_INVALID_ENCODING', 'EDXML_NOT_EDXML']) {
      expect(outcomes.get(c) ?? 0, c).toBeGreaterThan(0);
    }
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
  });
});
