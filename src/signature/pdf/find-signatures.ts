/**
 * Finding signature dictionaries (tìm chữ ký trong PDF): through the AcroForm fields of the newest revision
 * (`/Fields`, `/Kids`, inherited `/FT /Sig`), and by scanning every object of the newest revision for signature
 * dictionaries that no field reaches (reported, never silently ignored). Internal.
 */
import type { PdfDocument } from './document.js';
import { PdfDict, PdfRef, PdfStream, PdfString, isName, nameOf, type PdfIndirect } from './objects.js';

/** A signature dictionary and where it hangs. */
export interface FoundSignature {
  /** The indirect object holding the dictionary (the field itself when `/V` is direct). */
  holder: PdfIndirect;
  dict: PdfDict;
  fieldName?: string;
  fieldNum?: number;
  /** The field dictionary (for `/Lock`). */
  field?: PdfDict;
  /** Reached from the AcroForm (false: found only by scanning). */
  reachable: boolean;
  /** Widget with a non-empty rectangle and an appearance, not hidden. */
  visible: boolean;
}

function isSigDict(d: PdfDict): boolean {
  const t = nameOf(d.get('Type'));
  return t === 'Sig' || t === 'DocTimeStamp' || (t === undefined && d.has('ByteRange') && d.has('Contents') && d.has('Filter'));
}

/** All signature dictionaries of the newest revision, in file order of their holders. */
export function findSignatures(doc: PdfDocument): FoundSignature[] {
  const rev = doc.last;
  const out: FoundSignature[] = [];
  const seen = new Set<number>();
  const catalog = doc.catalog(rev);
  const af = doc.dict(catalog?.get('AcroForm'), rev);
  const visited = new Set<number>();
  const visit = (r: unknown, parentName: string, ft: string | undefined, depth: number): void => {
    if (!(r instanceof PdfRef) || visited.has(r.num) || depth > 32) return;
    visited.add(r.num);
    const holder = doc.object(r.num, rev);
    const d = doc.dict(r, rev);
    if (!holder || !d) return;
    const t = d.get('T');
    const name = t instanceof PdfString ? (parentName ? `${parentName}.${t.text()}` : t.text()) : parentName;
    const myFt = nameOf(d.get('FT')) ?? ft;
    const kids = doc.resolve(d.get('Kids'), rev);
    if (myFt === 'Sig') {
      const v = d.get('V');
      let sig: { holder: PdfIndirect; dict: PdfDict } | undefined;
      if (v instanceof PdfRef) {
        const h = doc.object(v.num, rev);
        const sd = doc.dict(v, rev);
        if (h && sd) sig = { holder: h, dict: sd };
      } else if (v instanceof PdfDict) sig = { holder, dict: v };
      if (sig && !seen.has(sig.holder.num)) {
        seen.add(sig.holder.num);
        const rect = doc.resolve(d.get('Rect'), rev);
        const f = doc.resolve(d.get('F'), rev);
        const visible = Array.isArray(rect) && rect.length === 4 && rect.every((x) => typeof x === 'number')
          && Math.abs((rect[2] as number) - (rect[0] as number)) > 0 && Math.abs((rect[3] as number) - (rect[1] as number)) > 0
          && d.has('AP') && !(typeof f === 'number' && (f & 2) !== 0);
        out.push({ ...sig, fieldName: name, fieldNum: r.num, field: d, reachable: true, visible });
      }
    }
    if (Array.isArray(kids)) for (const k of kids) visit(k, name, myFt, depth + 1);
  };
  const fields = doc.resolve(af?.get('Fields'), rev);
  if (Array.isArray(fields)) for (const f of fields) visit(f, '', undefined, 0);

  // scan: signature dictionaries nothing reaches
  for (const [num, e] of rev.xref) {
    if (e.type === 'f' || seen.has(num)) continue;
    const o = doc.object(num, rev);
    if (!o) continue;
    const d = o.value instanceof PdfDict ? o.value : undefined;
    if (o.value instanceof PdfStream) continue;
    if (d && isSigDict(d) && !isName(d.get('FT'), 'Sig')) {
      seen.add(num);
      out.push({ holder: o, dict: d, reachable: false, visible: false });
    }
  }
  return out.sort((a, b) => a.holder.offset - b.holder.offset || a.holder.num - b.holder.num);
}
