/**
 * Differential tests of the reader's fast path (src/edxml/xml-fast-path.ts) against the reference path (scanner +
 * XMLValidator + fast-xml-parser): on samples, generated messages and mutations, both give deep-equal results, or the
 * same error (the fast path gives up and the reference path throws).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import * as specs from '../../src/edxml/element-specs.js';
import type { StructSpec } from '../../src/edxml/element-specs.js';
import { buildEdxml, buildStatus, parseEdxml } from '../../src/edxml/index.js';
import { interpretEnvelope } from '../../src/edxml/parse-edxml.js';
import { readEnvelope, toSource } from '../../src/edxml/read-envelope.js';
import { fastXmlTree } from '../../src/edxml/xml-fast-path.js';
import { DEFAULT_EDXML_LIMITS, type EdxmlLimits } from '../../src/edxml/xml-security.js';
import { SHARED } from '../helpers/shared-data.js';
import { attachments, documentMessage, statusMessage } from './helpers/arbitraries.js';

const DIR = join(SHARED, 'data', 'edxml-samples');
const files = readdirSync(DIR).filter((f) => f.endsWith('.edxml')).sort();
const samples = files.map((f) => new Uint8Array(readFileSync(join(DIR, f))));

type Outcome = { ok: unknown } | { error: { code: string; message: string; issues: unknown } };

/** Everything observable of a read: the envelope parts and the interpreted result, attachments decoded. */
function outcome(input: string | Uint8Array, fast: boolean, limits: EdxmlLimits = DEFAULT_EDXML_LIMITS, strict = false): Outcome {
  try {
    const env = readEnvelope(input, limits, fast);
    const r = interpretEnvelope(env, { strict });
    return {
      ok: {
        root: env.root,
        // Ranges are in characters for a string source, in bytes for a byte source (small byte inputs are read as a
        // string on the fast path): compare what they hold.
        payloads: env.payloads.map((p) => ({
          qname: p.qname,
          encodedLength: p.encodedLength,
          content: p.ranges.map(([x, y]) => (typeof env.source === 'string' ? env.source.slice(x, y) : new TextDecoder().decode(env.source.subarray(x, y)))),
        })),
        envelopeText: env.envelopeText,
        declaration: env.declaration,
        kind: r.kind,
        message: r.message,
        issues: r.issues,
        signature: r.signature,
        attachments: r.attachments.map((a) => {
          let bytes: unknown;
          try {
            bytes = a.bytes();
          } catch (e) {
            bytes = e instanceof VnEgovError ? `${e.code}: ${e.message}` : e;
          }
          return { index: a.index, meta: a.meta, id: a.id, hasPayload: a.hasPayload, encodedLength: a.encodedLength, maxSize: a.maxSize, bytes };
        }),
      },
    };
  } catch (e) {
    if (!(e instanceof VnEgovError)) throw e;
    return { error: { code: e.code, message: e.message, issues: e.issues } };
  }
}

/** Whether the fast path reads the input itself (rather than giving up). */
function fastTakes(input: string | Uint8Array, limits: EdxmlLimits = DEFAULT_EDXML_LIMITS): boolean {
  const source = toSource(input);
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  return fastXmlTree(text, limits, true) !== null;
}

/** Compares both paths on one input; returns whether the fast path read it. */
function same(input: string | Uint8Array, limits?: EdxmlLimits, strict?: boolean): boolean {
  expect(outcome(input, true, limits, strict)).toStrictEqual(outcome(input, false, limits, strict));
  return fastTakes(input, limits);
}

describe('fast path = reference path', () => {
  it.each(files.map((f, i) => [f, i] as const))('%s (bytes, string, CRLF, strict)', (_f, i) => {
    const bytes = samples[i]!;
    const text = new TextDecoder().decode(bytes);
    expect(fastTakes(bytes)).toBe(true);
    same(bytes);
    same(text);
    same(text.replace(/\n/g, '\r\n'));
    same(bytes, DEFAULT_EDXML_LIMITS, true);
  });

  it('the fast path actually reads the samples, the reference path is really another path', () => {
    const text = new TextDecoder().decode(samples[0]!);
    expect(fastXmlTree(text, DEFAULT_EDXML_LIMITS, true)?.root.local).toBe('edXML');
    // A construct only the reference path reads: a processing instruction inside the envelope.
    const withPi = text.replace('<edXML:edXMLEnvelope', '<?vn x?><edXML:edXMLEnvelope');
    expect(fastXmlTree(withPi, DEFAULT_EDXML_LIMITS, true)).toBeNull();
    expect(parseEdxml(withPi).message).toEqual(parseEdxml(text).message);
  });

  it('generated document packages (attachments, wrapped or not, indented or not)', () => {
    let taken = 0;
    fc.assert(
      fc.property(documentMessage, attachments, fc.constantFrom(0, 8, 76), fc.boolean(), fc.boolean(), (m, atts, wrap, indent, asBytes) => {
        const xml = buildEdxml(m, atts, { base64LineLength: wrap, indent });
        if (same(asBytes ? new TextEncoder().encode(xml) : xml)) taken++;
      }),
      { numRuns: 200, seed: 51 },
    );
    expect(taken).toBe(200); // the writer's output is always in the fast path's reach
  });

  it('generated status messages', () => {
    let taken = 0;
    fc.assert(
      fc.property(statusMessage, fc.boolean(), (m, asBytes) => {
        const xml = buildStatus(m);
        if (same(asBytes ? new TextEncoder().encode(xml) : xml)) taken++;
      }),
      { numRuns: 300, seed: 52 },
    );
    expect(taken).toBe(300);
  });

  const payloadSeed = buildEdxml({ to: [{ organId: '000.00.00.H41' }], responseFor: [] }, [
    { contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf', data: new TextEncoder().encode('%PDF-1.7 differential seed') },
  ], { base64LineLength: 8 });
  const seeds = [...samples.map((s) => new TextDecoder().decode(s)), payloadSeed];
  const TOKENS = ['<', '>', '&', '"', "'", '/', ':', ' ', '=', '<!DOCTYPE x>', '<!--', '-->', '<!-- c -->', '<![CDATA[', ']]>', '<![CDATA[x]]>', '<?xml version="1.0"?>', '<?pi x?>',
    '&#0;', '&#x1EA1;', '&amp;', '&lt;', '&amp', '&foo;', 'xmlns:edXML="urn:x"', 'xmlns=""', 'xmlns:a=""', ' a="1"', " b='2'", ' a="1" a="1"', ' x:y="1"', '__proto__', '<__proto__/>', '<x/>', '<a:b/>',
    '<edXML:ContentTransferEncoded>', '</edXML:ContentTransferEncoded>', '<edXML:ContentTransferEncoded/>', '\u0000', '\uFFFF', '\uD800', '\uD83D\uDE00', 'Đ', '\r\n', '\r', '\t', '\n'];

  it('mutations of the samples: same result or same error', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.nat(4), fc.nat(), fc.integer({ min: 1, max: 40 }), fc.constantFrom(...TOKENS), fc.boolean(), (s, kind, at, len, token, asBytes) => {
        const seed = seeds[s]!;
        const j = at % (seed.length + 1);
        const m =
          kind === 0 ? seed.slice(0, j) + token + seed.slice(j)
          : kind === 1 ? seed.slice(0, j) + seed.slice(j + len)
          : kind === 2 ? seed.slice(0, j) + token + seed.slice(j + len)
          : kind === 3 ? seed.slice(0, j) + seed.slice(j, j + len).repeat(2) + seed.slice(j)
          : seed.slice(0, j) + seed.slice(j).replace(/>/, `>${token}`);
        if (same(asBytes ? new TextEncoder().encode(m) : m)) taken++;
      }),
      { numRuns: 2_500, seed: 53 },
    );
    // Most mutations break the XML; a good part still reaches the fast path (so the comparison is not vacuous).
    expect(taken).toBeGreaterThan(400);
  });

  it('hand-picked edge cases (comments around the root, quotes, entities, CDATA, xml: attributes, declarations)', () => {
    const status = new TextDecoder().decode(samples[files.indexOf('status.edxml')]!);
    const body = status.slice(status.indexOf('<edXML '));
    const edits: [string, string][] = [
      ['', '<!-- before -->\n'],
      ['', '\n<!-- after -->\n'],
      ['', '  \n'],
      ['<edXML:StatusCode>', '<edXML:StatusCode xml:lang="vi">'],
      ['<edXML:StatusCode>', "<edXML:StatusCode a='1' b = \"x&gt;y&#x41;\tz\">"],
      ['<edXML:StatusCode>', '<edXML:StatusCode a="1>2">'],
      ['<edXML:StatusCode>', '<edXML:StatusCode xmlns:q="urn:q" q:a="1" a="2">'],
      ['<edXML:StatusCode>', '<edXML:StatusCode xmlns:q="urn:q" xmlns:r="urn:q" q:a="1" r:a="2">'],
      ['<edXML:StatusCode>', '<edXML:StatusCode xmlns="">'],
      ['>01<', '><![CDATA[0]]>1<'],
      ['>01<', '>0<!-- x -->1<'],
      ['>01<', '>0&#49;<'],
      ['>01<', '>0>1<'],
      ['>01<', '>0]]>1<'],
      ['>01<', '>&#xD;01<'],
      ['>01<', '>0\r1<'],
      ['</edXML:StatusCode>', '</edXML:StatusCode   >'],
      ['<edXML:StatusCode>01</edXML:StatusCode>', '<edXML:StatusCode/>'],
      ['<edXML:StatusCode>01</edXML:StatusCode>', '<edXML:StatusCode />'],
      ['<edXML:StatusCode>01</edXML:StatusCode>', '<edXML:StatusCode></edXML:StatusCode>'],
      ['<edXML:StatusCode>01</edXML:StatusCode>', '<edXML:StatusCode>01</edXML:StatusCode><q:x xmlns:q="urn:q"/>'],
    ];
    const declarations = ['', '<?xml version="1.0"?>\n', "<?xml version='1.0' encoding='utf-8' standalone='yes'?>", '<?xml version="1.1" encoding="ISO-8859-1"?>\n', ' <?xml version="1.0"?>', '<?xml  version="1.0" ?>'];
    let taken = 0;
    for (const d of declarations) {
      for (const [from, to] of edits) {
        const xml = from === '' ? (to.startsWith('\n') ? d + body + to : d + to + body) : d + body.replace(from, to);
        if (same(xml)) taken++;
        if (same(new TextEncoder().encode(xml))) taken++;
      }
    }
    expect(taken).toBeGreaterThan(100);
  });

  it('tight limits: the fast path gives up where the reference path throws', () => {
    let refused = 0;
    const text = new TextDecoder().decode(samples[files.indexOf('status.edxml')]!);
    for (const limits of [{ maxDepth: 4 }, { maxDepth: 5 }, { maxElements: 10 }, { maxElements: 33 }, { maxNameLength: 20 }, { maxEnvelopeBytes: 1000 }, { maxAttributes: 0 }, { maxAttachments: 0 }]) {
      const l = { ...DEFAULT_EDXML_LIMITS, ...limits };
      for (const input of [text, payloadSeed]) {
        const accepted = 'ok' in outcome(input, false, l);
        if (!accepted) refused++;
        expect(same(input, l)).toBe(accepted);
      }
    }
    expect(refused).toBeGreaterThan(6);
  });

  it('FieldReader builds plain objects keyed by spec keys: none of them is an Object.prototype member', () => {
    const keys = new Set<string>();
    const walk = (spec: StructSpec): void => {
      for (const f of spec.fields) {
        keys.add(f.key);
        const k = f.kind;
        if (typeof k !== 'string') walk(k.type === 'struct' ? k : { type: 'struct', fields: typeof k.kind === 'string' ? [] : k.kind.fields });
      }
    };
    for (const v of Object.values(specs)) if (typeof v === 'object' && v !== null && (v as StructSpec).type === 'struct') walk(v as StructSpec);
    expect(keys.size).toBeGreaterThan(50);
    for (const k of keys) expect(k in Object.prototype, k).toBe(false);
  });
});
