/**
 * edXML benchmark: vn-egov's reader against fast-xml-parser with default options on the same input, in the same run.
 *  (1) A large document package (the header of the VPCP sample edoc_new and one PDF-like attachment as one line of
 *      base64, as VPCP payloads are; SOURCES.txt), 100 MB by default (`EDXML_BENCH_MB` changes it): `parseEdxml` +
 *      decoding the attachment (goal ≥ 300 MB/s), versus `Buffer.from(base64, 'base64')` alone (the bare native
 *      decode, a lower bound; goal: within 2× of it). Against `new XMLParser().parse(text)` + `Buffer.from` on a
 *      10 MB package (`EDXML_BENCH_FXP_MB`): fast-xml-parser needs minutes for 100 MB.
 *  (2) Status messages (the VPCP sample status.edxml): `parseEdxml` versus `new XMLParser().parse` (goal: 5× faster).
 *      Also timed: filling a fresh array of the decoded size, the floor of any decoder (on machines where page faults
 *      are slow, this and not the decoding dominates).
 *  (3) Peak memory of parsing the package from a file's bytes and decoding its attachment, then of hashing it,
 *      measured in a child process (its maximum resident set size above its size before reading the file), as a
 *      multiple of the file size (goal: ≤ about 2.5×).
 * Run: `node --import tsx test/bench/edxml.bench.ts` (or `npm run bench` for all benchmarks).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { buildEdxml, parseEdxml, type EdxmlDocumentResult } from '../../src/edxml/index.js';
import { SHARED } from '../helpers/shared-data.js';
import { measure, report } from './harness.js';

const MEMORY_CHILD = process.argv[2] === '--memory';

if (MEMORY_CHILD) {
  // Child: read the package file as bytes, parse and decode its attachment (peak 1), then hash it (peak 2: inspect()
  // decodes once more and WebCrypto's digest copies its input). Prints the peak RSS growth over the size before.
  const file = process.argv[3]!;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().rss;
  const input: Uint8Array = readFileSync(file); // a Buffer is a Uint8Array: no copy
  const r = parseEdxml(input) as EdxmlDocumentResult;
  let decoded: Uint8Array | null = r.attachments[0]!.bytes();
  const size = decoded.length;
  const peakDecode = process.resourceUsage().maxRSS * 1024;
  decoded = null;
  gc?.();
  const report = await r.attachments[0]!.inspect();
  const peakHash = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ fileBytes: input.length, decoded: size, sha256: report.sha256.length, decodeGrowth: peakDecode - base, hashGrowth: peakHash - base }));
} else {
  const SAMPLES = join(SHARED, 'data', 'edxml-samples');
  const header = parseEdxml(readFileSync(join(SAMPLES, 'edoc_new.payload-stripped.edxml'))) as EdxmlDocumentResult;

  /** A package of about `mb` MB: the sample header and one pseudo-random PDF-like attachment. */
  const makePackage = (mb: number): { xml: string; bytes: Uint8Array; b64: string } => {
    const size = Math.floor((mb * 1e6 * 3) / 4);
    const pdf = new Uint8Array(size);
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    let x = 20_261_128;
    for (let i = 9; i < size; i++) {
      x = (x * 1_103_515_245 + 12_345) >>> 0;
      pdf[i] = x >>> 24;
    }
    const xml = buildEdxml(header.message, [{ contentId: 'cid:209', attachmentName: '1896_QD-TTg.pdf', contentType: 'application/pdf', data: pdf }]);
    const bytes = new TextEncoder().encode(xml);
    // The base64 text as a one-byte string, the form Buffer.from decodes fastest (the slice of `xml` is two-byte).
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const from = view.indexOf('<edXML:ContentTransferEncoded>') + '<edXML:ContentTransferEncoded>'.length;
    const to = view.indexOf('</edXML:ContentTransferEncoded>');
    return { xml, bytes, b64: new TextDecoder().decode(bytes.subarray(from, to)) };
  };

  const targetMb = Number(process.env['EDXML_BENCH_MB'] ?? 100);
  const { xml, bytes, b64 } = makePackage(targetMb);
  const mb = bytes.length / 1e6;
  console.log(`package: ${mb.toFixed(1)} MB (${b64.length} characters of base64)`);

  const ours = measure('vn-egov parseEdxml(bytes) + bytes()', () => (parseEdxml(bytes) as EdxmlDocumentResult).attachments[0]!.bytes().length, 1, 5);
  const oursStr = measure('vn-egov parseEdxml(string) + bytes()', () => (parseEdxml(xml) as EdxmlDocumentResult).attachments[0]!.bytes().length, 1, 3);
  const oursParse = measure('vn-egov parseEdxml(bytes), attachment not decoded', () => parseEdxml(bytes).attachments.length, 1, 5);
  const bare = measure('Buffer.from(b64, "base64") alone', () => Buffer.from(b64, 'base64').length, 1, 5);
  // The floor of any decoder: writing as many bytes to fresh memory (page faults dominate on some machines).
  const decodedSize = Math.floor((b64.length * 3) / 4);
  const floor = measure('new Uint8Array(decoded size).fill(1) (fresh memory floor)', () => new Uint8Array(decodedSize).fill(1).length, 1, 5);
  const ratios = report(`edXML package, ${mb.toFixed(0)} MB, one attachment: parse + decode`, ours, [bare, floor]);
  const ratiosStr = report('same, string input', oursStr, [bare, floor]);
  console.log(`throughput: ${(mb * ours.opsPerSec).toFixed(0)} MB/s parse + decode (bytes), ${(mb * oursStr.opsPerSec).toFixed(0)} MB/s (string), ${(mb * oursParse.opsPerSec).toFixed(0)} MB/s envelope only; bare decode ${(mb * bare.opsPerSec).toFixed(0)} MB/s; fresh memory floor ${(mb * floor.opsPerSec).toFixed(0)} MB/s`);
  console.log(`vs bare decode: ${(1 / (ratios['Buffer.from(b64, "base64") alone'] ?? 1)).toFixed(2)}× its time (bytes), ${(1 / (ratiosStr['Buffer.from(b64, "base64") alone'] ?? 1)).toFixed(2)}× (string)`);

  // fast-xml-parser is superlinear on one huge text node (minutes at 100 MB): its baseline runs on a smaller package
  // (EDXML_BENCH_FXP_MB, default 10) and is compared in MB/s, with vn-egov measured on the same small package.
  const fxpMb = Number(process.env['EDXML_BENCH_FXP_MB'] ?? 10);
  const small = makePackage(fxpMb);
  const smallMb = small.bytes.length / 1e6;
  const oursSmall = measure(`vn-egov parseEdxml(bytes) + bytes(), ${smallMb.toFixed(0)} MB`, () => (parseEdxml(small.bytes) as EdxmlDocumentResult).attachments[0]!.bytes().length, 1, 5);
  const fxpDecode = measure(`fast-xml-parser default + Buffer.from(b64), ${smallMb.toFixed(0)} MB`, () => {
    const doc = new XMLParser().parse(small.xml) as Record<string, unknown>;
    return Buffer.from(small.b64, 'base64').length + Object.keys(doc).length;
  }, 1, 3);
  report(`edXML package, ${smallMb.toFixed(0)} MB: parse + decode`, oursSmall, [fxpDecode]);
  console.log(`throughput: vn-egov ${(smallMb * oursSmall.opsPerSec).toFixed(0)} MB/s, fast-xml-parser + Buffer.from ${(smallMb * fxpDecode.opsPerSec).toFixed(1)} MB/s`);

  const status = readFileSync(join(SAMPLES, 'status.edxml'), 'utf8');
  const s1 = measure('vn-egov parseEdxml(status)', () => parseEdxml(status).kind, 5_000);
  const s2 = measure('fast-xml-parser default parse(status)', () => new XMLParser().parse(status), 2_000);
  report('status messages (status.edxml, 1.8 KB)', s1, [s2]);

  // Peak memory, in a fresh process so that the runs above do not count.
  const dir = mkdtempSync(join(tmpdir(), 'edxml-bench-'));
  try {
    const file = join(dir, 'package.edxml');
    writeFileSync(file, bytes);
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--memory', file], { encoding: 'utf8' });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) console.log(`\nmemory: child failed: ${child.stderr.slice(0, 500)}`);
    else {
      const m = JSON.parse(line) as { fileBytes: number; decoded: number; decodeGrowth: number; hashGrowth: number };
      const f = (n: number): string => `${(n / 1e6).toFixed(1)} MB = ${(n / m.fileBytes).toFixed(2)}× the file size`;
      console.log(`\nmemory: file ${(m.fileBytes / 1e6).toFixed(1)} MB, attachment ${(m.decoded / 1e6).toFixed(1)} MB; peak RSS growth`);
      console.log(`  reading the file, parsing, decoding the attachment: ${f(m.decodeGrowth)}`);
      console.log(`  then inspect() (decode again, SHA-256 by WebCrypto, which copies its input): ${f(m.hashGrowth)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
