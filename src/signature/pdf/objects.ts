/**
 * The PDF object model of the reader (objets PDF — đối tượng PDF): names, strings (with their byte offsets, so that
 * the `/Contents` gap of a signature can be checked), references, arrays, dictionaries and streams. Internal.
 */

/** `/Name` (decoded `#xx` escapes, as a latin-1 string). */
export class PdfName {
  constructor(readonly name: string) {}
}

/** Literal `( … )` or hex `< … >` string; `start`/`end` are the offsets of its delimiters in its buffer. */
export class PdfString {
  constructor(readonly bytes: Uint8Array, readonly hex: boolean, readonly start: number, readonly end: number) {}
  /** Latin-1 / PDFDocEncoding-ish text, or UTF-16BE when it starts with a BOM; UTF-8 with its BOM. */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      return s;
    }
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
    let s = '';
    for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
    return s;
  }
}

/** Indirect reference `n g R`. */
export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

/** `<< … >>`; `start`/`end` are its offsets in its buffer. */
export class PdfDict {
  constructor(readonly map: Map<string, PdfValue>, readonly start: number, readonly end: number) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}

/** A stream: its dictionary and where its (still encoded) data lies in its buffer. */
export class PdfStream {
  constructor(readonly dict: PdfDict, readonly data: Uint8Array, readonly dataStart: number) {}
}

/** Any PDF value (arrays are plain arrays). */
export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

/** An indirect object as read: where it was found (file offset, or inside an object stream). */
export interface PdfIndirect {
  num: number;
  gen: number;
  value: PdfValue;
  /** File offset of `n g obj`, or the offset of the containing object stream. */
  offset: number;
  /** Offset just after `endobj` (file objects only). */
  end: number;
  /** Number of the object stream holding it, when compressed. */
  inObjectStream?: number;
}

/** `/Name` value of a dictionary entry, or undefined. */
export function nameOf(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfName ? v.name : undefined;
}

/** Is the value a `/Name` equal to `name`? */
export function isName(v: PdfValue | undefined, name: string): boolean {
  return v instanceof PdfName && v.name === name;
}
