/**
 * Serialisation of PDF objects and of an incremental update (cập nhật gia tăng): new or replaced objects appended
 * after the last `%%EOF`, with a classic cross-reference table or a cross-reference stream matching the original
 * file, and a trailer chained by `/Prev` (ISO 32000-1 §7.5.6). Internal.
 */
import { concatBytes as concat } from '../bytes.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './objects.js';

const latin1 = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
};

function nameText(n: string): string {
  let s = '/';
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    const ch = n[i]!;
    if (c < 0x21 || c > 0x7e || '#()<>[]{}/%'.includes(ch)) s += `#${c.toString(16).padStart(2, '0')}`;
    else s += ch;
  }
  return s;
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/** A raw text fragment written verbatim (e.g. a `/Contents <000…>` placeholder). */
export class PdfRaw {
  constructor(readonly text: string) {}
}

/** Serialises a direct value to PDF syntax (latin-1). */
export function serialize(v: PdfValue | PdfRaw): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberText(v);
  if (v instanceof PdfRaw) return v.text;
  if (v instanceof PdfName) return nameText(v.name);
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfString) {
    let h = '';
    for (const b of v.bytes) h += b.toString(16).padStart(2, '0');
    return `<${h}>`;
  }
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`;
  if (v instanceof PdfDict) return dictText(v.map);
  if (v instanceof PdfStream) throw new Error('streams are written with writeObject');
  return 'null';
}

/** `<< /K v … >>` from a map (values may be raw fragments). */
export function dictText(map: Map<string, PdfValue | PdfRaw>): string {
  const parts: string[] = [];
  for (const [k, val] of map) parts.push(`${nameText(k)} ${serialize(val)}`);
  return `<<${parts.join(' ')}>>`;
}

/** A text string: PDFDocEncoding-safe ASCII as is, anything else as UTF-16BE with a BOM. */
export function textString(s: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(s)) return new PdfString(latin1(s), true, 0, 0);
  const out = [0xfe, 0xff];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(c >> 8, c & 0xff);
  }
  return new PdfString(Uint8Array.from(out), true, 0, 0);
}

/** A PDF date string `D:YYYYMMDDHHmmSS+07'00'` in Vietnam time (UTC+7). */
export function pdfDate(d: Date): PdfString {
  const t = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  const s = `D:${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}+07'00'`;
  return new PdfString(latin1(s), false, 0, 0);
}

/** An object of an update: a dictionary (or raw text) or a stream with its data. */
export interface UpdateObject {
  num: number;
  gen?: number;
  /** Direct value (dictionary, array…), or raw text for the object body. */
  value: PdfValue | PdfRaw | Map<string, PdfValue | PdfRaw>;
  /** Stream data; `/Length` is set automatically. */
  stream?: Uint8Array;
}

/** Options of {@link buildIncrementalUpdate}. */
export interface UpdateOptions {
  /** Length of the original file (where the update starts). */
  base: number;
  /** Offset of the original's last cross-reference section (`/Prev`). */
  prev: number;
  /** Trailer entries to carry over (Root, Info, ID, Size is recomputed). */
  trailer: Map<string, PdfValue | PdfRaw>;
  /** Current /Size of the original (highest object number + 1). */
  size: number;
  /** Write a cross-reference stream (when the original uses them) instead of a table. */
  xrefStream: boolean;
  /** Start the update with an end of line (when the original does not end with one). */
  leadingEol: boolean;
  /** Cross-reference entries that point at existing offsets without writing an object (fixture attacks only). */
  extraEntries?: ReadonlyMap<number, number>;
}


/**
 * Builds the bytes of an incremental update (to append to the original): the objects, then the cross-reference
 * section and trailer, `startxref` and `%%EOF\n`. Returns the bytes and each object's offset in the final file.
 */
export function buildIncrementalUpdate(objects: readonly UpdateObject[], o: UpdateOptions): { bytes: Uint8Array; offsets: Map<number, number> } {
  const parts: Uint8Array[] = [];
  let pos = o.base;
  const push = (b: Uint8Array): void => {
    parts.push(b);
    pos += b.length;
  };
  if (o.leadingEol) push(latin1('\n'));
  const offsets = new Map<number, number>();
  let size = o.size;
  for (const obj of objects) {
    offsets.set(obj.num, pos);
    size = Math.max(size, obj.num + 1);
    const gen = obj.gen ?? 0;
    const val = obj.value instanceof Map ? new PdfRaw(dictText(obj.value)) : obj.value;
    if (obj.stream) {
      const m = obj.value instanceof Map ? new Map(obj.value) : new Map<string, PdfValue | PdfRaw>();
      m.set('Length', obj.stream.length);
      push(latin1(`${obj.num} ${gen} obj\n${dictText(m)}\nstream\n`));
      push(obj.stream);
      push(latin1('\nendstream\nendobj\n'));
    } else {
      push(latin1(`${obj.num} ${gen} obj\n${serialize(val)}\nendobj\n`));
    }
  }
  for (const [num, off] of o.extraEntries ?? []) {
    offsets.set(num, off);
    size = Math.max(size, num + 1);
  }
  const trailer = new Map(o.trailer);
  trailer.delete('Prev');
  trailer.delete('XRefStm');
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  if (!o.xrefStream) {
    const xrefAt = pos;
    let t = 'xref\n';
    for (let i = 0; i < nums.length;) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
      t += `${nums[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) t += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n\r\n`;
      i = j + 1;
    }
    trailer.set('Size', size);
    trailer.set('Prev', o.prev);
    t += `trailer\n${dictText(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`;
    push(latin1(t));
  } else {
    const xrefNum = size;
    size += 1;
    const xrefAt = pos;
    offsets.set(xrefNum, xrefAt);
    nums.push(xrefNum);
    const index: number[] = [];
    const rows: number[] = [];
    for (let i = 0; i < nums.length;) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
      index.push(nums[i]!, j - i + 1);
      for (let k = i; k <= j; k++) {
        const off = offsets.get(nums[k]!)!;
        rows.push(1, (off >>> 24) & 0xff, (off >>> 16) & 0xff, (off >>> 8) & 0xff, off & 0xff, 0);
      }
      i = j + 1;
    }
    const data = Uint8Array.from(rows);
    trailer.set('Type', new PdfName('XRef'));
    trailer.set('Size', size);
    trailer.set('Prev', o.prev);
    trailer.set('W', [1, 4, 1]);
    trailer.set('Index', index);
    trailer.set('Length', data.length);
    push(latin1(`${xrefNum} 0 obj\n${dictText(trailer)}\nstream\n`));
    push(data);
    push(latin1(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`));
  }
  return { bytes: concat(parts), offsets };
}

export { latin1, concat };
