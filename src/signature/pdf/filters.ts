/**
 * Stream decoding for the reader (giải nén luồng): FlateDecode (zlib, through fflate, bounded output) and the PNG /
 * TIFF-none predictors used by cross-reference and object streams. Internal.
 */
import { Unzlib } from 'fflate';
import { pdfError } from './errors.js';
import { PdfDict, PdfName, type PdfStream } from './objects.js';

class TooLarge extends Error {}

function inflateBounded(data: Uint8Array, max: number, offset: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const z = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > max) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    z.push(data, true);
  } catch (e) {
    if (e instanceof TooLarge) throw pdfError('PDF_LIMIT_EXCEEDED', 'Luồng giải nén quá lớn', `decoded stream larger than ${max} bytes`, offset);
    throw pdfError('PDF_MALFORMED', 'Luồng FlateDecode hỏng', 'corrupt FlateDecode stream', offset, e);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function pngUnpredict(data: Uint8Array, columns: number, colors: number, bpc: number, offset: number): Uint8Array {
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((columns * colors * bpc) / 8);
  if (rowLen <= 0 || data.length % (rowLen + 1) !== 0) throw pdfError('PDF_MALFORMED', 'Dữ liệu dự đoán PNG không khớp số cột', 'PNG predictor data does not fit /Columns', offset);
  const rows = data.length / (rowLen + 1);
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[src + i]!;
      const a = i >= bpp ? out[dst + i - bpp]! : 0;
      const b = r > 0 ? out[dst - rowLen + i]! : 0;
      const c = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 0: v = x; break;
        case 1: v = x + a; break;
        case 2: v = x + b; break;
        case 3: v = x + ((a + b) >> 1); break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default: throw pdfError('PDF_MALFORMED', 'Kiểu lọc PNG không hợp lệ', `bad PNG filter type ${type}`, offset);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function num(d: PdfDict | undefined, key: string, dflt: number): number {
  const v = d?.get(key);
  return typeof v === 'number' && Number.isInteger(v) ? v : dflt;
}

/**
 * Decodes a stream's data: no filter, or FlateDecode with an optional predictor (1, 2 with one byte per sample, 10–15).
 * Other filters throw `PDF_UNSUPPORTED` (the reader only needs to decode xref and object streams).
 */
export function decodeStream(stream: PdfStream, maxSize: number): Uint8Array {
  const f = stream.dict.get('Filter');
  const filters = f === undefined ? [] : Array.isArray(f) ? f : [f];
  const parmsRaw = stream.dict.get('DecodeParms');
  const parms = Array.isArray(parmsRaw) ? parmsRaw[0] : parmsRaw;
  const at = stream.dataStart;
  if (filters.length === 0) {
    if (stream.data.length > maxSize) throw pdfError('PDF_LIMIT_EXCEEDED', 'Luồng quá lớn', `stream larger than ${maxSize} bytes`, at);
    return stream.data;
  }
  if (filters.length !== 1 || !(filters[0] instanceof PdfName) || (filters[0].name !== 'FlateDecode' && filters[0].name !== 'Fl')) {
    throw pdfError('PDF_UNSUPPORTED', 'Bộ lọc luồng không được hỗ trợ', 'only FlateDecode streams can be decoded', at);
  }
  const raw = inflateBounded(stream.data, maxSize, at);
  const p = parms instanceof PdfDict ? parms : undefined;
  const predictor = num(p, 'Predictor', 1);
  if (predictor === 1) return raw;
  const columns = num(p, 'Columns', 1);
  const colors = num(p, 'Colors', 1);
  const bpc = num(p, 'BitsPerComponent', 8);
  if (predictor >= 10 && predictor <= 15) return pngUnpredict(raw, columns, colors, bpc, at);
  if (predictor === 2 && bpc === 8) {
    const rowLen = columns * colors;
    const out = raw.slice();
    for (let i = 0; i < out.length; i++) if (i % rowLen >= colors) out[i] = (out[i]! + out[i - colors]!) & 0xff;
    return out;
  }
  throw pdfError('PDF_UNSUPPORTED', 'Bộ dự đoán không được hỗ trợ', `predictor ${predictor} is not supported`, at);
}
