/**
 * edXML benchmark: vn-egov's reader against fast-xml-parser with default options on the same input, in the same run.
 *  (1) A realistic document package (the header of the VPCP sample edoc_new, an 8 MiB PDF-like attachment as one line
 *      of base64, as VPCP payloads are; SOURCES.txt): `parseEdxml` + decoding the attachment, versus
 *      (a) `new XMLParser().parse(text)` (default options: the payload is parsed as a text node, nothing decoded),
 *      (b) the same plus `Buffer.from(base64, 'base64')` (parse and decode, the baseline),
 *      (c) `Buffer.from(base64, 'base64')` alone (the bare decode, a lower bound).
 *  (2) Status messages (the VPCP sample status.edxml): `parseEdxml` versus `new XMLParser().parse`.
 * Also reports the heap and array-buffer growth while the package is held parsed and decoded.
 * Run: `npx tsx test/bench/edxml.bench.ts` (or `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { buildEdxml, parseEdxml, type EdxmlDocumentResult } from '../../src/edxml/index.js';
import { SHARED } from '../helpers/shared-data.js';
import { measure, report } from './harness.js';

const SAMPLES = join(SHARED, 'data', 'edxml-samples');
const header = parseEdxml(readFileSync(join(SAMPLES, 'edoc_new.payload-stripped.edxml'))) as EdxmlDocumentResult;

const SIZE = 8 * 1024 * 1024;
const pdf = new Uint8Array(SIZE);
pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
let x = 20_261_128;
for (let i = 9; i < SIZE; i++) {
  x = (x * 1_103_515_245 + 12_345) >>> 0;
  pdf[i] = x >>> 24;
}
const xml = buildEdxml(header.message, [{ contentId: 'cid:209', attachmentName: '1896_QD-TTg.pdf', contentType: 'application/pdf', data: pdf }]);
const bytes = new TextEncoder().encode(xml);
const b64Start = xml.indexOf('<edXML:ContentTransferEncoded>') + '<edXML:ContentTransferEncoded>'.length;
const b64 = xml.slice(b64Start, xml.indexOf('</edXML:ContentTransferEncoded>'));
const mb = bytes.length / 1e6;
console.log(`package: ${mb.toFixed(1)} MB (${SIZE} bytes of attachment)`);

const ours = measure('vn-egov parseEdxml(bytes) + bytes()', () => (parseEdxml(bytes) as EdxmlDocumentResult).attachments[0]!.bytes().length, 1, 5);
const oursStr = measure('vn-egov parseEdxml(string) + bytes()', () => (parseEdxml(xml) as EdxmlDocumentResult).attachments[0]!.bytes().length, 1, 5);
const oursParse = measure('vn-egov parseEdxml(bytes), attachment not decoded', () => parseEdxml(bytes).attachments.length, 1, 5);
const fxp = measure('fast-xml-parser default parse(text)', () => new XMLParser().parse(xml), 1, 3);
const fxpDecode = measure('fast-xml-parser default + Buffer.from(b64)', () => {
  const doc = new XMLParser().parse(xml) as Record<string, unknown>;
  return Buffer.from(b64, 'base64').length + Object.keys(doc).length;
}, 1, 3);
const bare = measure('Buffer.from(b64, "base64") alone', () => Buffer.from(b64, 'base64').length, 1, 5);
const ratios = report('edXML package with an 8 MiB attachment: parse + decode', ours, [fxp, fxpDecode, bare]);
report('same, string input', oursStr, [fxp, fxpDecode, bare]);
report('envelope only (attachment left encoded)', oursParse, [fxp]);
console.log(`throughput: ${(mb * ours.opsPerSec).toFixed(0)} MB/s parse + decode (bytes), ${(mb * oursParse.opsPerSec).toFixed(0)} MB/s envelope only`);
console.log(`vs bare decode: ${(1 / (ratios['Buffer.from(b64, "base64") alone'] ?? 1)).toFixed(2)}× its time`);

const status = readFileSync(join(SAMPLES, 'status.edxml'), 'utf8');
const s1 = measure('vn-egov parseEdxml(status)', () => parseEdxml(status).kind, 2_000);
const s2 = measure('fast-xml-parser default parse(status)', () => new XMLParser().parse(status), 2_000);
report('status messages (status.edxml, 1.8 KB)', s1, [s2]);

// Memory held by a parsed and decoded package (payload ranges point into the input; one decoded copy).
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const held = parseEdxml(bytes) as EdxmlDocumentResult;
const decoded = held.attachments[0]!.bytes();
const after = process.memoryUsage();
const grow = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
console.log(`\nmemory: input ${mb.toFixed(1)} MB; parsed + decoded adds ${grow.toFixed(1)} MB (decoded ${(decoded.length / 1e6).toFixed(1)} MB)${gc ? '' : ' (run with --expose-gc for a cleaner number)'}`);
