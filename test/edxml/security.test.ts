import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { buildEdxml, EDXML_NAMESPACE, parseEdxml, type EdxmlDocumentResult } from '../../src/edxml/index.js';

const NS = EDXML_NAMESPACE;
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    return (e as VnEgovError).code;
  }
  return 'NO_ERROR';
};
const timed = (f: () => unknown): [string, number] => {
  const t0 = performance.now();
  const c = code(f);
  return [c, performance.now() - t0];
};
const status = (inner = '<edXML:StatusCode>01</edXML:StatusCode>'): string =>
  `<edXML xmlns="${NS}" xmlns:edXML="${NS}"><edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader>${inner}</edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>`;

describe('fail-closed security', () => {
  it('refuses DOCTYPE and ENTITY declarations before parsing (XXE, billion laughs)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>${status('<edXML:StatusCode>&x;</edXML:StatusCode>')}`;
    let lol = '<!DOCTYPE lolz [<!ENTITY lol "lol">';
    for (let i = 1; i < 10; i++) lol += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10).replace(/&lol0;/g, '&lol;')}">`;
    lol += `]>${status('<edXML:StatusCode>&lol9;</edXML:StatusCode>')}`;
    for (const input of [xxe, lol, '<!DOCTYPE edXML SYSTEM "http://example.org/x.dtd"><edXML/>', `<edXML xmlns="${NS}"><!ENTITY a "b"></edXML>`]) {
      const [c, ms] = timed(() => parseEdxml(input));
      expect(c).toBe('XML_ENTITY_FORBIDDEN');
      expect(ms).toBeLessThan(200);
      expect(code(() => parseEdxml(new TextEncoder().encode(input)))).toBe('XML_ENTITY_FORBIDDEN');
    }
  });

  it('bounds depth, element count, attribute count, names, envelope and input size, quickly', () => {
    const deep = `<edXML xmlns="${NS}">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</edXML>`;
    const many = `<edXML xmlns="${NS}">${'<a/>'.repeat(30_000)}</edXML>`;
    const attrs = `<edXML xmlns="${NS}"><a ${Array.from({ length: 100 }, (_, i) => `a${i}="1"`).join(' ')}/></edXML>`;
    const hugeAttr = `<edXML xmlns="${NS}"><a b="${'x'.repeat(9 * 1024 * 1024)}"/></edXML>`;
    const longName = `<edXML xmlns="${NS}"><${'n'.repeat(1000)}/></edXML>`;
    for (const [input, expected] of [
      [deep, 'XML_LIMIT_EXCEEDED'],
      [many, 'XML_LIMIT_EXCEEDED'],
      [attrs, 'XML_LIMIT_EXCEEDED'],
      [hugeAttr, 'XML_LIMIT_EXCEEDED'],
      [longName, 'XML_LIMIT_EXCEEDED'],
    ] as const) {
      const [c, ms] = timed(() => parseEdxml(input));
      expect(c).toBe(expected);
      expect(ms).toBeLessThan(1000);
    }
    expect(code(() => parseEdxml(status(), { limits: { maxInputBytes: 100 } }))).toBe('XML_LIMIT_EXCEEDED');
    expect(code(() => parseEdxml(status(), { limits: { maxDepth: 3 } }))).toBe('XML_LIMIT_EXCEEDED');
    expect(code(() => parseEdxml(status(), { limits: { maxDepth: 0 } }))).toBe('EDXML_INVALID_OPTIONS');
  });

  it('refuses __proto__ / constructor names and leaves prototypes clean', () => {
    for (const input of [
      status('<__proto__><polluted>1</polluted></__proto__><edXML:StatusCode>01</edXML:StatusCode>'),
      status('<edXML:constructor>1</edXML:constructor><edXML:StatusCode>01</edXML:StatusCode>'),
      status('<edXML:StatusCode __proto__="1">01</edXML:StatusCode>'),
      status('<edXML:From><edXML:__proto__>x</edXML:__proto__></edXML:From><edXML:StatusCode>01</edXML:StatusCode>'),
    ]) {
      expect(code(() => parseEdxml(input))).toBe('XML_FORBIDDEN_NAME');
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports malformed XML with a position', () => {
    try {
      parseEdxml(status('<edXML:StatusCode>01</edXML:Status>'));
      expect.unreachable();
    } catch (e) {
      expect((e as VnEgovError).code).toBe('XML_MALFORMED');
      expect((e as VnEgovError).message).toMatch(/line 1, column \d+/);
    }
    for (const input of ['', '   ', 'not xml', '<a>', '<a></b>', `<edXML xmlns="${NS}"></edXML><x/>`, status('&undefined;'), status('<edXML:StatusCode>0&#0;</edXML:StatusCode>'), status('\u0001'), '<a b="1" b="2"/>', '<a>&#xD800;</a>']) {
      expect(['XML_MALFORMED', 'EDXML_NOT_EDXML']).toContain(code(() => parseEdxml(input)));
    }
    expect(code(() => parseEdxml(status('&undefined;')))).toBe('XML_MALFORMED');
  });

  it('checks namespaces and the root', () => {
    expect(code(() => parseEdxml(status('<x:StatusCode>01</x:StatusCode>')))).toBe('XML_NAMESPACE_ERROR');
    expect(code(() => parseEdxml('<edXML><edXMLEnvelope/></edXML>'))).toBe('EDXML_NOT_EDXML');
    expect(code(() => parseEdxml('<edXML xmlns="http://www.e-doc.vn/Schema/"/>'))).toBe('EDXML_NOT_EDXML');
    expect(code(() => parseEdxml(`<edXML xmlns="${NS}"/>`))).toBe('EDXML_NOT_EDXML');
    expect(code(() => parseEdxml(`<a xmlns:p=""/>`))).toBe('XML_NAMESPACE_ERROR');
  });

  it('checks the encoding of byte input', () => {
    const good = new TextEncoder().encode(status());
    expect(parseEdxml(good).kind).toBe('status');
    expect(parseEdxml(new Uint8Array([0xef, 0xbb, 0xbf, ...good])).kind).toBe('status');
    const bad = new Uint8Array([...good]);
    bad[bad.length - 20] = 0xff;
    expect(code(() => parseEdxml(bad))).toBe('EDXML_INVALID_ENCODING');
    expect(code(() => parseEdxml(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])))).toBe('EDXML_INVALID_ENCODING');
    expect(code(() => parseEdxml(new TextEncoder().encode(`<?xml version="1.0" encoding="ISO-8859-1"?>${status()}`)))).toBe('EDXML_INVALID_ENCODING');
    expect(code(() => parseEdxml(42 as unknown as string))).toBe('EDXML_INVALID_INPUT');
  });

  it('decodes numeric character references (specs/toolchain.md §5.3) and the five XML entities', () => {
    const r = parseEdxml(status('<edXML:StatusCode>01</edXML:StatusCode><edXML:Description>&#7841; &#x1EA1; &amp;&lt;&gt;&quot;&apos;</edXML:Description>'));
    expect(r.kind === 'status' && r.message.description).toBe('ạ ạ &<>"\'');
  });

  it('keeps attachment payloads out of the parser and checks them on decode', () => {
    const base = buildEdxml({ to: [], responseFor: [] }, [{ contentId: 'cid:1', attachmentName: 'a', contentType: 'application/pdf', data: new Uint8Array([1, 2, 3]) }]);
    const bad = base.replace('AQID', 'A!ID');
    const r = parseEdxml(bad) as EdxmlDocumentResult;
    expect(code(() => r.attachments[0]!.bytes())).toBe('EDXML_INVALID_BASE64');
    expect(code(() => parseEdxml(base.replace('AQID', 'AQ<x/>ID')))).toBe('EDXML_INVALID_ATTACHMENT');
    expect(code(() => (parseEdxml(base.replace('AQID', 'AQI')) as EdxmlDocumentResult).attachments[0]!.bytes())).toBe('EDXML_INVALID_BASE64');
    expect(code(() => (parseEdxml(base.replace('AQID', 'AQ&#65;D')) as EdxmlDocumentResult).attachments[0]!.bytes())).toBe('EDXML_INVALID_BASE64');
    expect((parseEdxml(base.replace('AQID', 'AQ<!-- c -->ID')) as EdxmlDocumentResult).attachments[0]!.bytes()).toEqual(new Uint8Array([1, 2, 3]));
    // A payload outside AttachmentEncoded/Attachment is reported, not silently dropped.
    const stray = base.replace('<edXML:edXMLBody>', `<edXML:ContentTransferEncoded>AQID</edXML:ContentTransferEncoded><edXML:edXMLBody>`);
    expect((parseEdxml(stray) as EdxmlDocumentResult).issues.map((i) => i.code)).toContain('unexpected_payload');
  });
});

describe('memory of in-memory parsing', () => {
  it('holds payloads as ranges of the input: parsing adds little, decoding adds the decoded size', () => {
    const data = new Uint8Array(24 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const input = new TextEncoder().encode(buildEdxml({ to: [], responseFor: [] }, [{ contentId: 'cid:1', attachmentName: 'a', contentType: 'application/octet-stream', data }]));
    const used = (): number => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = used();
    const r = parseEdxml(input) as EdxmlDocumentResult;
    const afterParse = used();
    const bytes = r.attachments[0]!.bytes();
    const afterDecode = used();
    expect(bytes.length).toBe(data.length);
    expect(afterParse - before).toBeLessThan(0.1 * input.length);
    // Input + decoded bytes + small change: within the 2.5× budget of the issue.
    expect(afterDecode - before).toBeLessThan(1.0 * input.length);
  });
});
