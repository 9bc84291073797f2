/**
 * The PDF file as a list of revisions (phiên bản gia tăng): classic cross-reference tables and cross-reference
 * streams (with hybrid `/XRefStm`), the trailer `/Prev` chain, the `%%EOF` that ends each revision, object lookup
 * per revision, and objects inside object streams. Bounded and fail-closed (ISO 32000-1 §7.5). Internal.
 */
import { pdfError } from './errors.js';
import { decodeStream } from './filters.js';
import { DEFAULT_PDF_LIMITS, PdfParser, isWhite, type PdfLimits } from './lexer.js';
import { PdfDict, PdfRef, PdfStream, isName, type PdfIndirect, type PdfValue } from './objects.js';

/** One cross-reference entry. */
export type XrefEntry =
  | { type: 'n'; offset: number; gen: number }
  | { type: 'c'; stream: number; index: number }
  | { type: 'f'; gen: number };

/** One cross-reference section (a table with its trailer, or an xref stream). */
export interface XrefSection {
  /** Offset of `xref` or of the xref stream object. */
  offset: number;
  kind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** Offset just after this section's `%%EOF` (and its end-of-line): the end of the revision. */
  end: number;
  /** Offset just after `%%EOF` without the end-of-line. */
  eofEnd: number;
}

/** A revision: the file up to one `%%EOF`, with the merged cross-reference of all sections up to it. */
export interface PdfRevision {
  index: number;
  /** Offset just after `%%EOF` plus its end-of-line (the length of the file at that revision). */
  end: number;
  /** Offset just after `%%EOF` (without the end-of-line). */
  eofEnd: number;
  /** Where the update of this revision starts (0 for the first). */
  start: number;
  section: XrefSection;
  xref: Map<number, XrefEntry>;
  trailer: PdfDict;
}

const SKIP_CACHE = Symbol('none');

function indexOfBytes(hay: Uint8Array, needle: string, from: number, to = hay.length): number {
  const n0 = needle.charCodeAt(0);
  const last = to - needle.length;
  outer: for (let i = hay.indexOf(n0, from); i !== -1 && i <= last; i = hay.indexOf(n0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOfBytes(hay: Uint8Array, needle: string, before: number): number {
  for (let i = Math.min(before, hay.length - needle.length); i >= 0; i--) {
    let ok = true;
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle.charCodeAt(j)) { ok = false; break; }
    if (ok) return i;
  }
  return -1;
}

/** A parsed PDF file: revisions (oldest first) and per-revision object lookup with caches. */
export class PdfDocument {
  readonly revisions: PdfRevision[];
  /** Cross-reference sections reached through startxref and /Prev. */
  sectionCount = 0;
  private readonly objCache = new Map<string, PdfIndirect | typeof SKIP_CACHE>();
  private readonly objStmCache = new Map<string, { buf: Uint8Array; offsets: Map<number, number>; order: number[]; first: number; at: number }>();
  private objectsRead = 0;
  private nesting = 0;

  constructor(readonly bytes: Uint8Array, readonly limits: PdfLimits = DEFAULT_PDF_LIMITS) {
    if (bytes.length < 8 || indexOfBytes(bytes, '%PDF-', 0, Math.min(bytes.length, 1024)) < 0) {
      throw pdfError('PDF_MALFORMED', 'Không phải tệp PDF (thiếu %PDF-)', 'not a PDF file (no %PDF- header)', 0);
    }
    this.revisions = this.readRevisions();
  }

  /** The newest revision. */
  get last(): PdfRevision {
    return this.revisions[this.revisions.length - 1]!;
  }

  private readRevisions(): PdfRevision[] {
    const b = this.bytes;
    const sx = lastIndexOfBytes(b, 'startxref', b.length - 9);
    if (sx < 0) throw pdfError('PDF_MALFORMED', 'Không tìm thấy startxref', 'no startxref', b.length);
    const p = new PdfParser(b, sx + 9, this.limits);
    const first = p.tryInteger();
    if (first === undefined) throw pdfError('PDF_MALFORMED', 'startxref không có vị trí', 'startxref without an offset', sx);
    const sections: XrefSection[] = [];
    const seen = new Set<number>();
    let next: number | undefined = first;
    while (next !== undefined) {
      if (seen.has(next)) throw pdfError('PDF_MALFORMED', 'Chuỗi /Prev lặp vòng', '/Prev chain loops', next);
      if (seen.size >= this.limits.maxRevisions) throw pdfError('PDF_LIMIT_EXCEEDED', 'Quá nhiều phiên bản', `more than ${this.limits.maxRevisions} revisions`, next);
      seen.add(next);
      const s = this.readSection(next);
      sections.push(s);
      const prev = s.trailer.get('Prev');
      if (prev !== undefined && (typeof prev !== 'number' || !Number.isInteger(prev) || prev < 0)) {
        throw pdfError('PDF_MALFORMED', '/Prev không hợp lệ', '/Prev is not an offset', s.offset);
      }
      next = prev;
    }
    if (sections.some((s) => s.trailer.has('Encrypt'))) {
      throw pdfError('PDF_UNSUPPORTED', 'Tệp PDF mã hoá chưa được hỗ trợ', 'encrypted PDF files are not supported');
    }
    this.sectionCount = sections.length;
    // oldest first; sections ending at the same %%EOF (linearized first-page tables) form one revision
    sections.sort((x, y) => x.end - y.end || x.offset - y.offset);
    const revisions: PdfRevision[] = [];
    let xref = new Map<number, XrefEntry>();
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i]!;
      xref = new Map(xref);
      for (const [k, v] of s.entries) xref.set(k, v);
      const prevRev = revisions[revisions.length - 1];
      if (prevRev && prevRev.end === s.end) {
        prevRev.xref = xref;
        continue;
      }
      revisions.push({ index: revisions.length, end: s.end, eofEnd: s.eofEnd, start: prevRev?.end ?? 0, section: s, xref, trailer: s.trailer });
    }
    const newest = revisions[revisions.length - 1]!;
    const root = newest.trailer.get('Root');
    if (!(root instanceof PdfRef)) throw pdfError('PDF_MALFORMED', 'Trailer thiếu /Root', 'trailer without /Root', newest.section.offset);
    return revisions;
  }

  /** Reads `startxref n %%EOF` after `pos`; returns the revision ends. */
  private readEof(pos: number, sectionOffset: number): { end: number; eofEnd: number } {
    const b = this.bytes;
    const at = indexOfBytes(b, '%%EOF', pos);
    if (at < 0) throw pdfError('PDF_MALFORMED', 'Thiếu %%EOF sau bảng tham chiếu', 'no %%EOF after the cross-reference section', sectionOffset);
    let end = at + 5;
    const eofEnd = end;
    if (b[end] === 13) end++;
    if (b[end] === 10) end++;
    return { end, eofEnd };
  }

  private readSection(offset: number): XrefSection {
    const b = this.bytes;
    if (offset >= b.length) throw pdfError('PDF_MALFORMED', 'Vị trí bảng tham chiếu nằm ngoài tệp', 'xref offset beyond the end of file', offset);
    const p = new PdfParser(b, offset, this.limits);
    p.skipWs();
    if (indexOfBytes(b, 'xref', p.pos, p.pos + 4) === p.pos && !isRegularAt(b, p.pos + 4)) return this.readTable(p, offset);
    return this.readStreamSection(offset);
  }

  private readTable(p: PdfParser, offset: number): XrefSection {
    p.pos += 4;
    const entries = new Map<number, XrefEntry>();
    const b = this.bytes;
    for (;;) {
      p.skipWs();
      if (indexOfBytes(b, 'trailer', p.pos, p.pos + 7) === p.pos) break;
      const start = p.tryInteger();
      const count = p.tryInteger();
      if (start === undefined || count === undefined) throw p.fail('bad xref subsection header');
      if (entries.size + count > this.limits.maxObjects) throw pdfError('PDF_LIMIT_EXCEEDED', 'Quá nhiều đối tượng', 'too many objects', p.pos);
      for (let i = 0; i < count; i++) {
        const o = p.tryInteger();
        const g = p.tryInteger();
        p.skipWs();
        const t = b[p.pos];
        if (o === undefined || g === undefined || (t !== 110 && t !== 102) || isRegularAt(b, p.pos + 1)) throw p.fail('bad xref entry');
        p.pos++;
        const num = start + i;
        if (!entries.has(num)) entries.set(num, t === 110 ? { type: 'n', offset: o, gen: g } : { type: 'f', gen: g });
      }
    }
    p.pos += 7;
    const trailer = p.parseValue();
    if (!(trailer instanceof PdfDict)) throw p.fail('trailer is not a dictionary');
    const xs = trailer.get('XRefStm');
    if (typeof xs === 'number') {
      // hybrid file: the stream's entries fill what the table leaves free
      const hybrid = this.readStreamSection(xs, true);
      for (const [k, v] of hybrid.entries) if (!entries.has(k) || entries.get(k)!.type === 'f') entries.set(k, v);
    }
    return { offset, kind: 'table', entries, trailer, ...this.readEof(p.pos, offset) };
  }

  private readStreamSection(offset: number, hybrid = false): XrefSection {
    const p = new PdfParser(this.bytes, offset, this.limits, (r) => {
      const v = this.lengthFromSameFile(r);
      return v;
    });
    const obj = p.parseIndirect();
    const s = obj.value;
    if (!(s instanceof PdfStream) || !isName(s.dict.get('Type'), 'XRef')) throw p.fail('xref offset points to neither "xref" nor an XRef stream', offset);
    const d = s.dict;
    const w = d.get('W');
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 8)) throw p.fail('bad /W in xref stream', offset);
    const [w0, w1, w2] = w as [number, number, number];
    const size = d.get('Size');
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > this.limits.maxObjects) throw p.fail('bad /Size in xref stream', offset);
    const idx = d.get('Index') ?? [0, size];
    if (!Array.isArray(idx) || idx.length % 2 !== 0 || !idx.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) throw p.fail('bad /Index in xref stream', offset);
    const data = decodeStream(s, this.limits.maxStreamSize);
    const rowLen = w0 + w1 + w2;
    const entries = new Map<number, XrefEntry>();
    let pos = 0;
    const field = (n: number): number => {
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[pos++]!;
      return v;
    };
    for (let k = 0; k < idx.length; k += 2) {
      const start = idx[k] as number;
      const count = idx[k + 1] as number;
      if (entries.size + count > this.limits.maxObjects) throw pdfError('PDF_LIMIT_EXCEEDED', 'Quá nhiều đối tượng', 'too many objects', offset);
      for (let i = 0; i < count; i++) {
        if (pos + rowLen > data.length) throw p.fail('xref stream data shorter than /Index says', offset);
        const type = w0 === 0 ? 1 : field(w0);
        const f2 = field(w1);
        const f3 = field(w2);
        const num = start + i;
        if (entries.has(num)) continue;
        if (type === 0) entries.set(num, { type: 'f', gen: f3 });
        else if (type === 1) entries.set(num, { type: 'n', offset: f2, gen: f3 });
        else if (type === 2) entries.set(num, { type: 'c', stream: f2, index: f3 });
        // other types: ignored (ISO 32000-1 Table 18: treated as a reference to the null object)
      }
    }
    if (hybrid) return { offset, kind: 'stream', entries, trailer: d, end: 0, eofEnd: 0 };
    return { offset, kind: 'stream', entries, trailer: d, ...this.readEof(obj.end, offset) };
  }

  /** /Length of an xref stream given by reference: looked up by scanning for `n g obj` (xref not yet known). */
  private lengthFromSameFile(r: PdfRef): number | undefined {
    const re = `\n${r.num} ${r.gen} obj`;
    const at = indexOfBytes(this.bytes, re, 0);
    if (at < 0) return undefined;
    const p = new PdfParser(this.bytes, at + 1, this.limits);
    const o = p.parseIndirect(r.num);
    return typeof o.value === 'number' ? o.value : undefined;
  }

  /** Stable identity of an entry (same identity in two revisions = the same object bytes). */
  static entryKey(e: XrefEntry | undefined): string {
    if (!e) return '-';
    return e.type === 'n' ? `n${e.offset}` : e.type === 'c' ? `c${e.stream}.${e.index}` : 'f';
  }

  /** Reads object `num` as defined in `rev` (undefined when free or absent). */
  object(num: number, rev: PdfRevision = this.last): PdfIndirect | undefined {
    const e = rev.xref.get(num);
    if (!e || e.type === 'f') return undefined;
    if (e.type === 'n') return this.objectAt(e.offset, num, rev);
    // compressed: the containing stream as defined in this revision (never itself compressed)
    const host = rev.xref.get(e.stream);
    if (host?.type !== 'n') throw pdfError('PDF_MALFORMED', 'Luồng đối tượng không hợp lệ', `object ${num}: its object stream ${e.stream} is not an uncompressed object`);
    const key = `c${PdfDocument.entryKey(host)}:${e.index}:${num}`;
    const hit = this.objCache.get(key);
    if (hit === SKIP_CACHE) return undefined;
    if (hit) return hit;
    const result = this.fromObjectStream(e.stream, e.index, num, rev);
    this.objCache.set(key, result ?? SKIP_CACHE);
    return result;
  }

  private count(at: number): void {
    if (++this.objectsRead > this.limits.maxObjects) throw pdfError('PDF_LIMIT_EXCEEDED', 'Quá nhiều đối tượng', 'too many objects read', at);
  }

  /** Parses the indirect object at a file offset. */
  objectAt(offset: number, num: number | undefined, rev: PdfRevision = this.last): PdfIndirect {
    const key = `n${offset}`;
    const hit = this.objCache.get(key);
    if (hit && hit !== SKIP_CACHE) {
      if (num !== undefined && hit.num !== num) throw pdfError('PDF_MALFORMED', 'Đối tượng không nằm đúng vị trí trong bảng tham chiếu', `object ${num} expected at ${offset}, found ${hit.num}`, offset);
      return hit;
    }
    if (offset >= this.bytes.length) throw pdfError('PDF_MALFORMED', 'Vị trí đối tượng nằm ngoài tệp', `object ${num ?? '?'} offset beyond the end of file`, offset);
    this.count(offset);
    if (this.nesting > 8) throw pdfError('PDF_MALFORMED', 'Tham chiếu /Length lồng nhau', 'nested /Length references', offset);
    const p = new PdfParser(this.bytes, offset, this.limits, (r) => {
      if (r.num === num) return undefined;
      const o = this.object(r.num, rev);
      return typeof o?.value === 'number' ? o.value : undefined;
    });
    let o;
    this.nesting++;
    try {
      o = p.parseIndirect(num);
    } finally {
      this.nesting--;
    }
    const result: PdfIndirect = { num: o.num, gen: o.gen, value: o.value, offset, end: o.end };
    this.objCache.set(key, result);
    return result;
  }

  private fromObjectStream(streamNum: number, index: number, num: number, rev: PdfRevision): PdfIndirect | undefined {
    const host = this.object(streamNum, rev);
    if (!host || host.inObjectStream !== undefined) throw pdfError('PDF_MALFORMED', 'Luồng đối tượng không tồn tại', `object stream ${streamNum} not found`);
    const s = host.value;
    if (!(s instanceof PdfStream) || !isName(s.dict.get('Type'), 'ObjStm')) throw pdfError('PDF_MALFORMED', 'Không phải luồng đối tượng', `object ${streamNum} is not an ObjStm`, host.offset);
    const key = `${host.offset}`;
    let parsed = this.objStmCache.get(key);
    if (!parsed) {
      const n = s.dict.get('N');
      const first = s.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number' || !Number.isInteger(n) || !Number.isInteger(first) || n < 0 || first < 0 || n > this.limits.maxObjects) {
        throw pdfError('PDF_MALFORMED', 'Luồng đối tượng thiếu /N hoặc /First', 'ObjStm without a valid /N or /First', host.offset);
      }
      const buf = decodeStream(s, this.limits.maxStreamSize);
      const p = new PdfParser(buf, 0, this.limits, undefined, host.offset);
      const offsets = new Map<number, number>();
      const order: number[] = [];
      for (let i = 0; i < n; i++) {
        const on = p.tryInteger();
        const oo = p.tryInteger();
        if (on === undefined || oo === undefined || first + oo >= buf.length) throw pdfError('PDF_MALFORMED', 'Đầu luồng đối tượng hỏng', 'corrupt ObjStm header', host.offset);
        order.push(on);
        if (!offsets.has(on)) offsets.set(on, first + oo);
      }
      parsed = { buf, offsets, order, first, at: host.offset };
      this.objStmCache.set(key, parsed);
    }
    if (parsed.order[index] !== num) {
      // the index must name this object (ISO 32000-1 §7.5.8.3); fall back to lookup by number
      if (!parsed.offsets.has(num)) return undefined;
    }
    this.count(host.offset);
    const p = new PdfParser(parsed.buf, parsed.offsets.get(num)!, this.limits, undefined, host.offset);
    const value = p.parseValue();
    if (value instanceof PdfStream) throw pdfError('PDF_MALFORMED', 'Luồng nằm trong luồng đối tượng', 'stream inside an object stream', host.offset);
    return { num, gen: 0, value, offset: host.offset, end: host.end, inObjectStream: streamNum };
  }

  /** Follows references (bounded) to a direct value, in `rev`. */
  resolve(v: PdfValue | undefined, rev: PdfRevision = this.last): PdfValue | undefined {
    for (let i = 0; i < 32 && v instanceof PdfRef; i++) v = this.object(v.num, rev)?.value ?? undefined;
    return v instanceof PdfRef ? undefined : v;
  }

  /** `resolve` narrowed to a dictionary (a stream's dictionary counts). */
  dict(v: PdfValue | undefined, rev: PdfRevision = this.last): PdfDict | undefined {
    const r = this.resolve(v, rev);
    return r instanceof PdfDict ? r : r instanceof PdfStream ? r.dict : undefined;
  }

  /** The catalog of a revision. */
  catalog(rev: PdfRevision = this.last): PdfDict | undefined {
    return this.dict(rev.trailer.get('Root'), rev);
  }

  /** Number of `%%EOF` markers in the file (each normally ends one cross-reference section). */
  eofMarkers(): number {
    return countEofMarkers(this.bytes);
  }

  /** The revision whose update contains file offset `offset`. */
  revisionAt(offset: number): PdfRevision | undefined {
    return this.revisions.find((r) => offset >= r.start && offset < r.end);
  }
}

function isRegularAt(b: Uint8Array, i: number): boolean {
  const c = b[i];
  return c !== undefined && !isWhite(c) && !'()<>[]{}/%'.includes(String.fromCharCode(c));
}

/**
 * Number of `%%EOF` markers in `b`, non-overlapping, leftmost first (what a repeated byte search from the previous
 * match + 5 counts). Horspool over the whole file: the byte under the window's last position decides the shift, so
 * most of a binary stream is stepped over 5 bytes at a time (a Uint8Array.indexOf on '%' stops every ~256 bytes of
 * compressed data and cost twice the scan).
 */
export function countEofMarkers(b: Uint8Array): number {
  const last = b.length - 5;
  let n = 0;
  let i = 0;
  while (i <= last) {
    const c = b[i + 4]!;
    if (c === 0x46) {
      if (b[i] === 0x25 && b[i + 1] === 0x25 && b[i + 2] === 0x45 && b[i + 3] === 0x4f) n++;
      i += 5;
    } else if (c === 0x25) i += 3;
    else if (c === 0x45) i += 2;
    else if (c === 0x4f) i += 1;
    else i += 5;
  }
  return n;
}
