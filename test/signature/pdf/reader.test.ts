import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { VnEgovError } from '../../../src/errors/index.js';
import { PdfDocument } from '../../../src/signature/pdf/document.js';
import { PdfParser } from '../../../src/signature/pdf/lexer.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString } from '../../../src/signature/pdf/objects.js';
import { pageTree } from '../../../src/signature/pdf/pages.js';
import { fixture } from './helpers.js';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const parse = (s: string): unknown => new PdfParser(enc(s), 0).parseValue();

/** A minimal PDF with a classic xref table from object bodies (1-based). */
function pdf(bodies: string[], trailer = '/Root 1 0 R'): Uint8Array {
  let s = '%PDF-1.7\n';
  const offs: number[] = [];
  bodies.forEach((b, i) => {
    offs.push(s.length);
    s += `${i + 1} 0 obj\n${b}\nendobj\n`;
  });
  const x = s.length;
  s += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f\r\n${offs.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`;
  s += `trailer\n<< /Size ${bodies.length + 1} ${trailer} >>\nstartxref\n${x}\n%%EOF\n`;
  return enc(s);
}

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    return (e as VnEgovError).code;
  }
  return 'no error';
}

describe('PDF lexer', () => {
  it('reads every object type', () => {
    const v = parse('<< /A 1 /B -2.5 /C (a\\(b\\)\\101\\n) /D <48 65 6C6> /E [1 0 R /N#20x true false] /F null /G << /H .5 >> >>') as PdfDict;
    expect(v).toBeInstanceOf(PdfDict);
    expect(v.get('A')).toBe(1);
    expect(v.get('B')).toBe(-2.5);
    expect((v.get('C') as PdfString).text()).toBe('a(b)A\n');
    expect((v.get('D') as PdfString).text()).toBe('Hel`');
    const e = v.get('E') as unknown[];
    expect(e[0]).toEqual(new PdfRef(1, 0));
    expect((e[1] as PdfName).name).toBe('N x');
    expect(e.slice(2)).toEqual([true, false]);
    expect(v.has('F'), 'null entries are absent').toBe(false);
    expect((v.get('G') as PdfDict).get('H')).toBe(0.5);
  });

  it('records the offsets of hex strings (the /Contents gap)', () => {
    const s = parse('<< /Contents <0A0B> >>') as PdfDict;
    const c = s.get('Contents') as PdfString;
    expect([c.start, c.end, c.hex]).toEqual([13, 19, true]); // "<" at 13, after ">" 19
  });

  it('decodes UTF-16BE text strings', () => {
    expect((parse('<FEFF0110> ') as PdfString).text()).toBe('Đ');
  });

  it('fails closed with offsets: bad tokens, duplicate keys, unterminated strings, deep nesting', () => {
    expect(code(() => parse('<< /A 1 /A 2 >>'))).toBe('PDF_MALFORMED');
    expect(code(() => parse('(abc'))).toBe('PDF_MALFORMED');
    expect(code(() => parse('<4G>'))).toBe('PDF_MALFORMED');
    expect(code(() => parse('<< 1 2 >>'))).toBe('PDF_MALFORMED');
    expect(code(() => parse('[1 2 endobj]'))).toBe('PDF_MALFORMED');
    expect(code(() => parse('['.repeat(100)))).toBe('PDF_LIMIT_EXCEEDED');
    try {
      parse('<< /A 1 /A 2 >>');
    } catch (e) {
      expect((e as VnEgovError).message).toMatch(/@\d+$/);
    }
  });
});

describe('PDF document reader', () => {
  it('reads a classic xref table, the page tree and streams', () => {
    const doc = new PdfDocument(fixture('base.pdf'));
    expect(doc.revisions).toHaveLength(1);
    expect(doc.last.section.kind).toBe('table');
    const { pages, nodes } = pageTree(doc, doc.last);
    expect(pages.map((p) => p.num)).toEqual([3]);
    expect(nodes).toEqual([2]);
    const content = doc.object(4)!.value as PdfStream;
    expect(new TextDecoder().decode(content.data)).toContain('15/QD-UBND');
  });

  it('reads an xref stream with the PNG Up predictor and objects inside an object stream', () => {
    const doc = new PdfDocument(fixture('base-xrefstream.pdf'));
    expect(doc.last.section.kind).toBe('stream');
    expect(doc.last.xref.get(3)).toEqual({ type: 'c', stream: 8, index: 2 });
    const page = doc.object(3)!;
    expect(page.inObjectStream).toBe(8);
    expect((page.value as PdfDict).get('Type')).toEqual(new PdfName('Page'));
    expect(pageTree(doc, doc.last).pages).toHaveLength(1);
  });

  it('lists revisions with their ends and per-revision object lookup', () => {
    const doc = new PdfDocument(fixture('shadow-hide.pdf'));
    expect(doc.revisions).toHaveLength(3);
    const [r0, r1, r2] = doc.revisions;
    expect(r0!.end).toBeLessThan(r1!.end);
    expect(r2!.end).toBe(doc.bytes.length);
    // object 4 is redefined by an xref-only update pointing at an earlier offset
    expect(doc.object(4, r2)!.offset).toBeLessThan(doc.object(4, r1)!.offset);
    expect(doc.revisionAt(doc.object(4, r1)!.offset)!.index).toBe(0);
  });

  it('rejects what it cannot read with stable codes', () => {
    expect(code(() => new PdfDocument(enc('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')))).toBe('PDF_MALFORMED');
    expect(code(() => new PdfDocument(enc('just text that is long enough')))).toBe('PDF_MALFORMED');
    const good = pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
    expect(new PdfDocument(good).revisions).toHaveLength(1);
    // /Prev pointing at itself
    const s = new TextDecoder('latin1').decode(good);
    const x = /startxref\n(\d+)/.exec(s)![1]!;
    const loop = enc(s.replace('/Root 1 0 R', `/Root 1 0 R /Prev ${x}`));
    expect(code(() => new PdfDocument(loop))).toBe('PDF_MALFORMED');
    expect(code(() => new PdfDocument(pdf(['<< /Type /Catalog >>'], '/Root 1 0 R /Encrypt 1 0 R')))).toBe('PDF_UNSUPPORTED');
    // xref offset of an object that is not there
    const shifted = enc(s.replace(/\n(\d{10}) 00000 n/, (_m, o: string) => `\n${String(Number(o) + 3).padStart(10, '0')} 00000 n`));
    expect(code(() => new PdfDocument(shifted).object(1))).toBe('PDF_MALFORMED');
  });

  it('bounds inflated streams (zip bomb) and object counts', () => {
    const bomb = zlibSync(new Uint8Array(5_000_000));
    let s = '%PDF-1.7\n';
    const o1 = s.length;
    s += '1 0 obj\n<< /Type /Catalog >>\nendobj\n';
    const x = s.length;
    const head = `2 0 obj\n<< /Type /XRef /Size 3 /W [1 4 1] /Root 1 0 R /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`;
    const bytes = new Uint8Array([...enc(s + head), ...bomb, ...enc(`\nendstream\nendobj\nstartxref\n${x}\n%%EOF\n`)]);
    expect(o1).toBeGreaterThan(0);
    expect(code(() => new PdfDocument(bytes, { maxDepth: 64, maxObjects: 1000, maxRevisions: 8, maxStreamSize: 1_000_000, maxItems: 1000 }))).toBe('PDF_LIMIT_EXCEEDED');
  });
});
