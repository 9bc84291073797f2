/**
 * Facts of one revision for change analysis (dữ kiện của một phiên bản): the catalog, page tree, what every page
 * draws (contents, resources, fonts, XObjects), annotations, form fields and signature values, the DSS, and what is
 * reachable from the trailer at all. Internal.
 */
import type { PdfDocument, PdfRevision } from './document.js';
import { PdfDict, PdfRef, PdfStream, PdfString, nameOf, type PdfValue } from './objects.js';
import { pageTree } from './pages.js';

/** A form field (trường biểu mẫu) of a revision. */
export interface FieldFact {
  num: number;
  name: string;
  /** Field type, inherited from parents (`Sig`, `Tx`, `Btn`, `Ch`). */
  ft?: string;
  /** Number of the `/V` object of a signature field, or the serialized value of another field. */
  value?: string;
  /** Is the field's widget visible (non-empty /Rect with an appearance, not hidden)? */
  visible: boolean;
}

/** The facts of one revision. */
export interface RevisionFacts {
  rev: PdfRevision;
  catalogNum?: number;
  acroFormNum?: number;
  infoNum?: number;
  pages: Map<number, PdfDict>;
  pageNodes: Set<number>;
  /** Everything reachable from the pages except their annotations and parents: contents, resources, fonts… */
  pageContent: Set<number>;
  /** Indirect `/Annots` arrays of pages (object number → page number). */
  annotArrays: Map<number, number>;
  /** Indirect `/Fields` array of the AcroForm. */
  fieldsArrayNum?: number;
  /** Annotation object numbers, with their subtype. */
  annots: Map<number, string>;
  /** Objects reachable from annotations and fields (appearances…), minus page content. */
  annotContent: Set<number>;
  fields: Map<number, FieldFact>;
  /** Signature dictionaries (`/V` of signature fields). */
  sigValues: Set<number>;
  dss: Set<number>;
  reachable: Set<number>;
}

const NOT_CONTENT = new Set(['Annots', 'Parent', 'B', 'Thumb', 'StructParents', 'PieceInfo']);
const NOT_ANNOT = new Set(['P', 'Parent', 'Popup', 'IRT']);

function walk(doc: PdfDocument, rev: PdfRevision, start: PdfValue[], skip: Set<string>, into: Set<number>, stop?: Set<number>): void {
  const stack: PdfValue[] = [...start];
  let budget = doc.limits.maxObjects;
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop();
    if (v instanceof PdfRef) {
      if (into.has(v.num) || stop?.has(v.num)) continue;
      into.add(v.num);
      const o = doc.object(v.num, rev);
      if (o) stack.push(o.value);
    } else if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) stack.push(x);
    } else if (v instanceof PdfDict || v instanceof PdfStream) {
      const d = v instanceof PdfStream ? v.dict : v;
      for (const [k, x] of d.map) if (typeof x === 'object' && x !== null && !skip.has(k)) stack.push(x);
    }
  }
}

function rectVisible(doc: PdfDocument, rev: PdfRevision, d: PdfDict): boolean {
  const r = doc.resolve(d.get('Rect'), rev);
  const f = doc.resolve(d.get('F'), rev);
  if (typeof f === 'number' && (f & 2) !== 0) return false; // hidden
  if (!Array.isArray(r) || r.length !== 4 || !r.every((x) => typeof x === 'number')) return false;
  const [x1, y1, x2, y2] = r as number[];
  return Math.abs(x2! - x1!) > 0 && Math.abs(y2! - y1!) > 0 && d.has('AP');
}

/** Serialises a value shallowly for comparison (references by number). */
export function fingerprint(v: PdfValue | undefined, depth = 0): string {
  if (depth > 16) return '…';
  if (v === undefined) return 'undefined';
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfString) return `(${Array.from(v.bytes).join(',')})`;
  if (Array.isArray(v)) return `[${v.map((x) => fingerprint(x, depth + 1)).join(' ')}]`;
  if (v instanceof PdfDict) return `<<${[...v.map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `/${k} ${fingerprint(x, depth + 1)}`).join(' ')}>>`;
  if (v instanceof PdfStream) return `${fingerprint(v.dict, depth + 1)}stream#${v.data.length}`;
  return `/${(v as { name: string }).name}`;
}

/** Collects the facts of a revision. */
export function revisionFacts(doc: PdfDocument, rev: PdfRevision): RevisionFacts {
  const rootRef = rev.trailer.get('Root');
  const infoRef = rev.trailer.get('Info');
  const catalog = doc.catalog(rev);
  const { pages, nodes } = pageTree(doc, rev);
  const pageMap = new Map(pages.map((p) => [p.num, p.dict] as const));
  const pageContent = new Set<number>();
  for (const p of pages) walk(doc, rev, [...p.dict.map.entries()].filter(([k]) => !NOT_CONTENT.has(k)).map(([, v]) => v), NOT_CONTENT, pageContent);
  const annots = new Map<number, string>();
  const annotArrays = new Map<number, number>();
  const annotRoots: PdfValue[] = [];
  for (const p of pages) {
    const a = doc.resolve(p.dict.get('Annots'), rev);
    const ar = p.dict.get('Annots');
    if (ar instanceof PdfRef) {
      pageContent.delete(ar.num);
      annotArrays.set(ar.num, p.num);
    }
    if (!Array.isArray(a)) continue;
    for (const r of a) {
      if (!(r instanceof PdfRef)) continue;
      const d = doc.dict(r, rev);
      annots.set(r.num, nameOf(d?.get('Subtype')) ?? '?');
      annotRoots.push(r);
    }
  }
  const fields = new Map<number, FieldFact>();
  const sigValues = new Set<number>();
  const afV = catalog?.get('AcroForm');
  const af = doc.dict(afV, rev);
  const fieldRoots: PdfValue[] = [];
  if (af) {
    const seen = new Set<number>();
    const visit = (r: PdfValue, parentName: string, ft: string | undefined, depth: number): void => {
      if (!(r instanceof PdfRef) || seen.has(r.num) || depth > 32) return;
      seen.add(r.num);
      const d = doc.dict(r, rev);
      if (!d) return;
      fieldRoots.push(r);
      const t = d.get('T');
      const name = t instanceof PdfString ? (parentName ? `${parentName}.${t.text()}` : t.text()) : parentName;
      const myFt = nameOf(d.get('FT')) ?? ft;
      const v = d.get('V');
      fields.set(r.num, {
        num: r.num, name, ...(myFt ? { ft: myFt } : {}),
        ...(v !== undefined ? { value: v instanceof PdfRef ? `${v.num} ${v.gen} R` : fingerprint(v) } : {}),
        visible: rectVisible(doc, rev, d),
      });
      if (myFt === 'Sig' && v instanceof PdfRef) sigValues.add(v.num);
      const kids = doc.resolve(d.get('Kids'), rev);
      if (Array.isArray(kids)) for (const k of kids) visit(k, name, myFt, depth + 1);
    };
    const fs = doc.resolve(af.get('Fields'), rev);
    if (Array.isArray(fs)) for (const f of fs) visit(f, '', undefined, 0);
  }
  const annotContent = new Set<number>();
  // appearances and the AcroForm default resources (/DR fonts signing tools add for their appearances)
  const dr = af?.get('DR');
  walk(doc, rev, [...annotRoots, ...fieldRoots, ...(dr !== undefined ? [dr] : [])], NOT_ANNOT, annotContent, pageContent);
  const dss = new Set<number>();
  const dssV = catalog?.get('DSS');
  if (dssV !== undefined) walk(doc, rev, [dssV], new Set(), dss);
  const reachable = new Set<number>();
  walk(doc, rev, [rootRef ?? null, infoRef ?? null], new Set(), reachable);
  return {
    rev,
    ...(rootRef instanceof PdfRef ? { catalogNum: rootRef.num } : {}),
    ...(afV instanceof PdfRef ? { acroFormNum: afV.num } : {}),
    ...(infoRef instanceof PdfRef ? { infoNum: infoRef.num } : {}),
    ...(af?.get('Fields') instanceof PdfRef ? { fieldsArrayNum: (af.get('Fields') as PdfRef).num } : {}),
    annotArrays, pages: pageMap, pageNodes: new Set(nodes), pageContent, annots, annotContent, fields, sigValues, dss, reachable,
  };
}
