import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { buildEdxml, parseEdxml, type EdxmlDocument } from '../../src/edxml/index.js';
import { buildEdxmlStream, parseEdxmlFile, parseEdxmlStream, writeEdxmlFile } from '../../src/node/index.js';
import { SHARED } from '../helpers/shared-data.js';

const DIR = join(SHARED, 'data', 'edxml-samples');
const tmp = mkdtempSync(join(tmpdir(), 'vn-egov-edxml-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const message: EdxmlDocument = {
  from: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
  to: [{ organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' }],
  documentId: '000.00.00.G22,2026/03/02,15/VPCP-TTĐT',
  subject: 'Trích yếu có dấu: Hỏa tốc',
  responseFor: [],
};

function pseudoRandom(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function* chunks(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** A sink that collects what it receives. */
function collector(): { sink: Writable; bytes: () => Uint8Array } {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  });
  return { sink, bytes: () => new Uint8Array(Buffer.concat(parts)) };
}

describe('parseEdxmlStream', () => {
  it('reads every shared sample like parseEdxml', async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.edxml'));
    expect(files).toHaveLength(15);
    for (const f of files) {
      const bytes = readFileSync(join(DIR, f));
      const expected = parseEdxml(bytes);
      const r = await parseEdxmlStream(chunks(bytes, 97));
      expect(r.kind).toBe(expected.kind);
      expect(r.message).toEqual(expected.message);
      expect(r.issues).toEqual(expected.issues);
      expect(r.signature).toEqual(expected.signature);
      expect(r.inputBytes).toBe(bytes.length);
    }
  });

  it('streams a multi-MB attachment to its sink, with size, SHA-256 and sniffed type', async () => {
    const pdf = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...pseudoRandom(3 * 1024 * 1024 + 7)]);
    const path = join(tmp, 'big.edxml');
    writeFileSync(path, buildEdxml(message, [{ contentId: 'cid:big', attachmentName: 'big.pdf', contentType: 'application/pdf', data: pdf }], { base64LineLength: 76 }));
    const c = collector();
    const r = await parseEdxmlFile(path, { sink: () => c.sink });
    expect(r.kind).toBe('document');
    expect(r.message).toEqual({ ...message, manifest: { version: '1.0', references: [{ contentId: 'cid:big', contentType: 'application/pdf', attachmentName: 'big.pdf' }] } });
    const a = r.attachments[0]!;
    expect(a).toMatchObject({ index: 0, id: 'big', payloadIndex: 0, size: pdf.length });
    expect(a.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(a.contentType?.matches).toBe(true);
    // Compared by digest and Buffer.equals: deep equality of megabyte arrays is slow in the test runner.
    expect(Buffer.from(c.bytes()).equals(Buffer.from(pdf))).toBe(true);
  });

  it('property: any chunking gives the in-memory result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 80 }), fc.boolean(), async (data, size, wrap, cdata) => {
        let xml = buildEdxml(message, [{ contentId: 'cid:x', attachmentName: 'x.bin', contentType: 'application/octet-stream', data }], { base64LineLength: wrap });
        if (cdata) xml = xml.replace('<edXML:ContentTransferEncoded>', '<edXML:ContentTransferEncoded><![CDATA[').replace('</edXML:ContentTransferEncoded>', ']]></edXML:ContentTransferEncoded>');
        const bytes = new TextEncoder().encode(xml);
        const c = collector();
        const r = await parseEdxmlStream(chunks(bytes, size), { sink: () => c.sink });
        const expected = parseEdxml(bytes);
        expect(r.message).toEqual(expected.message);
        expect(r.issues).toEqual(expected.issues);
        expect(c.bytes()).toEqual(data);
        expect(r.attachments[0]!.size).toBe(data.length);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps memory bounded: a 100 MB package streamed end to end adds far less than its size to the heap', async () => {
    const size = 75 * 1024 * 1024; // 100 MB of base64
    async function* source(): AsyncGenerator<Uint8Array> {
      const block = pseudoRandom(1024 * 1024, 7);
      for (let i = 0; i < size / block.length; i++) yield block;
    }
    let peak = 0;
    const before = process.memoryUsage();
    const sample = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers);
    }, 5);
    try {
      const out = buildEdxmlStream(message, [{ contentId: 'cid:1', attachmentName: 'big.bin', contentType: 'application/octet-stream', data: source() }]);
      const r = await parseEdxmlStream(out, { sink: () => null });
      expect(r.attachments[0]!.size).toBe(size);
      expect(r.inputBytes).toBeGreaterThan(100_000_000);
    } finally {
      clearInterval(sample);
    }
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });

  it('fails closed: bad base64 destroys the sink; DOCTYPE and markup are refused', async () => {
    const xml = buildEdxml(message, [{ contentId: 'cid:1', attachmentName: 'a', contentType: 'x', data: new Uint8Array([1, 2, 3, 4, 5, 6]) }]).replace('AQIDBAUG', 'AQID!AUG');
    const c = collector();
    await expect(parseEdxmlStream(chunks(new TextEncoder().encode(xml), 10), { sink: () => c.sink })).rejects.toMatchObject({ code: 'EDXML_INVALID_BASE64' });
    expect(c.sink.destroyed).toBe(true);
    await expect(parseEdxmlStream(chunks(new TextEncoder().encode(`<!DOCTYPE x [<!ENTITY a "b">]><edXML/>`), 4))).rejects.toMatchObject({ code: 'XML_ENTITY_FORBIDDEN' });
    await expect(parseEdxmlStream(chunks(new TextEncoder().encode('<edXML><a>'), 4))).rejects.toBeInstanceOf(VnEgovError);
    const bad = new TextEncoder().encode(buildEdxml(message));
    bad[200] = 0xff;
    await expect(parseEdxmlStream(chunks(bad, 64))).rejects.toMatchObject({ code: 'EDXML_INVALID_ENCODING' });
  });
});

describe('writeEdxmlFile / buildEdxmlStream', () => {
  it('writes from attachment streams exactly what buildEdxml writes', async () => {
    const data = pseudoRandom(100_001, 3);
    const path = join(tmp, 'out.edxml');
    await writeEdxmlFile(path, message, [{ contentId: 'cid:s', attachmentName: 's.bin', contentType: 'application/octet-stream', data: chunks(data, 4097) }]);
    const written = readFileSync(path, 'utf8');
    expect(written).toBe(buildEdxml(message, [{ contentId: 'cid:s', attachmentName: 's.bin', contentType: 'application/octet-stream', data }]));
    expect(parseEdxml(written).attachments[0]!.bytes()).toEqual(data);
  });
});
