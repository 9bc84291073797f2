/**
 * Fuzzing the XML reader, the canonicaliser and verifyXmlSignature with deterministic mutations of the genuine
 * fixtures: every outcome is a `VnEgovError` or a report, and a report that passes digested exactly the original
 * signed bytes (a mutation may only touch what is not signed: comments, white space inside SignatureValue…).
 * Pathological inputs (deep nesting, billion laughs, huge attribute lists) are refused by their bounds.
 */
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../../src/errors/index.js';
import { canonicalizeXml, C14N_ALGORITHMS, createValidationCache, verifyXmlSignature } from '../../../src/signature/index.js';
import { createSeededRandom } from '../../../src/testing/index.js';
import { options, text } from './helpers.js';

const SOURCES = ['envelope-rsa-c14n.xml', 'envelope-ecdsa-exc.xml', 'envelope-rsa-id.xml', 'envelope-legacy-edxml.xml', 'envelope-rsa-sha512.xml'];
const SPECIAL = ['<', '>', '&', '"', "'", ' ', '\n', '=', '/', ':', ';', '#', '!', '?', '-', ']', 'x', '\u0000', '\uD800', 'đ'];

function mutate(x: string, r: ReturnType<typeof createSeededRandom>): string {
  const i = r.int(0, x.length - 1);
  switch (r.int(0, 4)) {
    case 0: return x.slice(0, i) + r.pick(SPECIAL) + x.slice(i + 1);
    case 1: return x.slice(0, i) + x.slice(Math.min(x.length, i + r.int(1, 40)));
    case 2: {
      const j = Math.min(x.length, i + r.int(1, 200));
      return x.slice(0, j) + x.slice(i, j) + x.slice(j);
    }
    case 3: return x.slice(0, i);
    default: return x.slice(0, i) + r.pick(['<!--c-->', '<?p?>', '&amp;', '&#xD;', '<![CDATA[x]]>', '&foo;', 'xmlns=""', ' Id="dup"']) + x.slice(i);
  }
}

describe('XML signature fuzzing', () => {
  it('1,500 mutations of signed envelopes: only VnEgovError or a report; a pass means the signed bytes are unchanged', async () => {
    const r = createSeededRandom(process.env.VN_EGOV_FUZZ_SEED ?? 'xml-fuzz');
    const cache = createValidationCache();
    const o = { ...options, cache, legacy: true };
    const originals = await Promise.all(SOURCES.map(async (f) => {
      const xml = text(f);
      const rep = await verifyXmlSignature(xml, o);
      return { f, xml, signed: rep.signedXml ? new TextDecoder().decode(rep.signedXml) : undefined, indication: rep.indication };
    }));
    const counts: Record<string, number> = {};
    for (let n = 0; n < 1500; n++) {
      const src = originals[n % originals.length]!;
      const m = mutate(src.xml, r);
      let outcome: string;
      try {
        const rep = await verifyXmlSignature(m, o);
        outcome = rep.indication;
        if (rep.indication === 'TOTAL_PASSED') {
          expect(src.indication).toBe('TOTAL_PASSED');
          expect(new TextDecoder().decode(rep.signedXml), `${src.f} #${n}`).toBe(src.signed);
        }
      } catch (e) {
        if (!(e instanceof VnEgovError)) throw e;
        outcome = e.code;
      }
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
    expect(counts.TOTAL_FAILED ?? 0).toBeGreaterThan(100);
    expect(counts.XML_SIGNATURE_MALFORMED_XML ?? 0).toBeGreaterThan(100);
  }, 120_000);

  it('canonicalizeXml on 1,000 mutated C14N cases: a string or a VnEgovError', () => {
    const r = createSeededRandom('c14n-fuzz');
    const inputs = ['c14n/line-ends.xml', 'c14n/mixed.xml', 'c14n/outside-root.xml', 'c14n/cdata.xml', 'samples/status.edxml'].map(text);
    let ok = 0;
    for (let n = 0; n < 1000; n++) {
      const m = mutate(inputs[n % inputs.length]!, r);
      for (const algorithm of [C14N_ALGORITHMS.c14n, C14N_ALGORITHMS.excC14nWithComments]) {
        try {
          expect(canonicalizeXml(m, { algorithm })).toBeInstanceOf(Uint8Array);
          ok++;
        } catch (e) {
          if (!(e instanceof VnEgovError)) throw e;
        }
      }
    }
    expect(ok).toBeGreaterThan(0);
  });

  const code = async (xml: string): Promise<string> => {
    try {
      await verifyXmlSignature(xml, options);
      return 'NO_ERROR';
    } catch (e) {
      if (!(e instanceof VnEgovError)) throw e;
      return e.code;
    }
  };
  it('refuses pathological inputs by their bounds', async () => {
    expect(await code(`${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}`)).toBe('XML_SIGNATURE_LIMIT_EXCEEDED');
    expect(await code(`<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`)).toBe('XML_SIGNATURE_DTD_FORBIDDEN');
    expect(await code(`<r ${Array.from({ length: 1000 }, (_, i) => `a${i}="1"`).join(' ')}/>`)).toBe('XML_SIGNATURE_LIMIT_EXCEEDED');
    expect(await code(`<r>${'&lol;'.repeat(10)}</r>`)).toBe('XML_SIGNATURE_ENTITY_FORBIDDEN');
    // namespace flood: 60 levels × 60 declarations would make inclusive C14N walk 3,600 bindings per element
    const flood = Array.from({ length: 60 }, (_, d) => `<e ${Array.from({ length: 60 }, (_, k) => `xmlns:p${d}x${k}="urn:${k}"`).join(' ')}>`).join('');
    expect(await code(`${flood}${'</e>'.repeat(60)}`)).toBe('XML_SIGNATURE_LIMIT_EXCEEDED');
    expect(await code(`<r>${'<!---->'.repeat(600_000)}</r>`)).toBe('XML_SIGNATURE_LIMIT_EXCEEDED');
    expect(await verifyXmlSignature(text('envelope-rsa-c14n.xml'), { ...options, limits: { maxInputLength: 1000 } }).catch((e: VnEgovError) => e.code)).toBe('XML_SIGNATURE_LIMIT_EXCEEDED');
  });
});
