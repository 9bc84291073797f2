/**
 * What changed after a signed revision (thay đổi sau khi ký), object by object, and whether each change is allowed
 * (ISO 32000-2 §12.8.2.2 DocMDP / FieldMDP; PAdES DSS and document time-stamps; the countermeasures of the
 * shadow- and certification-attack papers). Internal.
 *
 * Policy (fail-closed):
 * - always allowed: DSS / VRI, document time-stamps, metadata (Info, XMP), cross-reference and object streams,
 *   objects nothing refers to;
 * - signature fields and their signatures and invisible widgets: allowed unless DocMDP P=1; a *visible* new
 *   signature appearance after a certification signature is refused (Sneaky Signature);
 * - form filling: allowed unless DocMDP P=1 or the field is locked by FieldMDP / `/Lock`;
 * - annotations that do not cover content (Text, Link, Popup, text markup): allowed with no DocMDP or P=3;
 *   covering annotations (FreeText, Stamp, Square, Ink…) are refused whatever the permission (Evil Annotation);
 * - anything that a page draws (page dictionary, contents, resources, fonts, XObjects), the page tree, the catalog
 *   beyond AcroForm / DSS / Extensions / Metadata, an existing signature value, removed fields, and changes that
 *   cannot be attributed: refused (shadow hide / replace / hide-and-replace, incremental saving attacks).
 */
import { PdfDocument, type PdfRevision } from './document.js';
import { fingerprint, revisionFacts, type RevisionFacts } from './facts.js';
import { PdfDict, PdfStream, nameOf } from './objects.js';
import type { LocalizedMessage } from '../report.js';

/**
 * Kinds of change after a signature (loại thay đổi).
 * @example
 * ```ts
 * const bad = (k: PdfChangeKind) => k === 'page-content' || k === 'overlay-annotation';
 * ```
 */
export type PdfChangeKind =
  | 'structure' | 'metadata' | 'unreferenced' | 'dss' | 'document-timestamp' | 'signature' | 'signature-field'
  | 'signature-appearance' | 'form-fill' | 'form-field-added' | 'form-field-locked' | 'form-field-removed'
  | 'annotation' | 'annotation-removed' | 'overlay-annotation' | 'appearance' | 'acroform' | 'page-annotations'
  | 'page-content' | 'page-tree' | 'page-added' | 'catalog' | 'signature-replaced' | 'unknown' | 'trailing-data';

/**
 * One change found after a signed revision.
 * @example
 * ```ts
 * for (const m of sig.modifications.filter((m: PdfModification) => !m.allowed)) console.log(m.kind, m.objects, m.message.vi);
 * ```
 */
export interface PdfModification {
  kind: PdfChangeKind;
  /** Object numbers concerned. */
  objects: number[];
  /** Revision (0-based) whose update made the change. */
  revision: number;
  allowed: boolean;
  message: LocalizedMessage;
}

/** Permissions in force after a signature. */
export interface Permissions {
  /** DocMDP P of a certification signature at or before the signed revision. */
  docMdp?: 1 | 2 | 3;
  /** Field names locked by FieldMDP / `/Lock`; `'all'` locks every field. */
  locked: Set<string> | 'all';
}

const OVERLAY_SAFE = new Set(['Text', 'Link', 'Popup', 'Highlight', 'Underline', 'StrikeOut', 'Squiggly', 'Caret']);
const CATALOG_ALLOWED = new Set(['AcroForm', 'DSS', 'Extensions', 'Metadata']);

const MSG: Record<PdfChangeKind, LocalizedMessage> = {
  structure: { vi: 'bảng tham chiếu / luồng đối tượng', en: 'cross-reference or object stream' },
  metadata: { vi: 'siêu dữ liệu (Info, XMP)', en: 'metadata (Info, XMP)' },
  unreferenced: { vi: 'đối tượng không được tham chiếu', en: 'unreferenced object' },
  dss: { vi: 'dữ liệu kiểm tra dài hạn (DSS)', en: 'document security store (DSS)' },
  'document-timestamp': { vi: 'dấu thời gian tài liệu', en: 'document time-stamp' },
  signature: { vi: 'chữ ký mới', en: 'new signature' },
  'signature-field': { vi: 'trường chữ ký mới hoặc được ký', en: 'new or newly signed signature field' },
  'signature-appearance': { vi: 'hình hiển thị của trường chữ ký mới sau chữ ký chứng nhận (Sneaky Signature)', en: 'visible appearance of a new signature field after a certification signature (Sneaky Signature)' },
  'form-fill': { vi: 'điền biểu mẫu', en: 'form filling' },
  'form-field-added': { vi: 'thêm trường biểu mẫu', en: 'form field added' },
  'form-field-locked': { vi: 'thay đổi trường biểu mẫu đã bị khoá (FieldMDP)', en: 'change of a field locked by FieldMDP' },
  'form-field-removed': { vi: 'xoá trường biểu mẫu', en: 'form field removed' },
  annotation: { vi: 'chú thích', en: 'annotation' },
  'annotation-removed': { vi: 'xoá chú thích', en: 'annotation removed' },
  'overlay-annotation': { vi: 'chú thích che phủ nội dung (Evil Annotation)', en: 'annotation that can cover the content (Evil Annotation)' },
  appearance: { vi: 'hình hiển thị của chú thích / trường', en: 'appearance of an annotation or field' },
  acroform: { vi: 'từ điển biểu mẫu (AcroForm)', en: 'interactive form dictionary (AcroForm)' },
  'page-annotations': { vi: 'danh sách chú thích của trang', en: 'page annotation list' },
  'page-content': { vi: 'nội dung trang (luồng nội dung, tài nguyên, phông chữ, XObject) — tấn công shadow / ISA', en: 'page content (content streams, resources, fonts, XObjects) — shadow / incremental saving attack' },
  'page-tree': { vi: 'cây trang', en: 'page tree' },
  'page-added': { vi: 'thêm trang', en: 'page added' },
  catalog: { vi: 'danh mục tài liệu (Catalog)', en: 'document catalog' },
  'signature-replaced': { vi: 'giá trị chữ ký đã có bị thay', en: 'existing signature value replaced' },
  unknown: { vi: 'thay đổi không xác định được', en: 'change that cannot be attributed' },
  'trailing-data': { vi: 'dữ liệu sau %%EOF cuối cùng không thuộc phiên bản nào', en: 'bytes after the last %%EOF that belong to no revision' },
};

/** A change record; `allowed` is decided by {@link judge}. */
function mod(kind: PdfChangeKind, objects: number[], revision: number, allowed: boolean): PdfModification {
  return { kind, objects, revision, allowed, message: MSG[kind] };
}

function judge(kind: PdfChangeKind, p: Permissions, field?: string): boolean {
  switch (kind) {
    case 'structure': case 'metadata': case 'unreferenced': case 'dss': case 'document-timestamp': case 'appearance':
    case 'acroform': case 'page-annotations':
      return true;
    case 'signature': case 'signature-field':
      return p.docMdp !== 1;
    case 'form-fill':
      if (p.docMdp === 1) return false;
      return !(p.locked === 'all' || (field !== undefined && p.locked.has(field)));
    case 'form-field-added':
      return p.docMdp === undefined;
    case 'annotation': case 'annotation-removed':
      return p.docMdp === undefined || p.docMdp === 3;
    default:
      return false;
  }
}

/** The revision (index) whose update (re)defined object `num` last, between `from` (excl.) and `to` (incl.). */
function changedIn(doc: PdfDocument, num: number, from: number, to: number): number {
  let last = to;
  for (let i = to; i > from; i--) {
    const a = PdfDocument.entryKey(doc.revisions[i]!.xref.get(num));
    const b = PdfDocument.entryKey(doc.revisions[i - 1]!.xref.get(num));
    if (a !== b) return i;
    last = i;
  }
  return last;
}

/** Facts cache per document. */
export class ChangeAnalyzer {
  private readonly facts = new Map<number, RevisionFacts>();
  constructor(readonly doc: PdfDocument) {}

  factsOf(rev: PdfRevision): RevisionFacts {
    let f = this.facts.get(rev.index);
    if (!f) {
      f = revisionFacts(this.doc, rev);
      this.facts.set(rev.index, f);
    }
    return f;
  }

  /** Every change between revision `signed` and the newest, judged under `perms`. */
  changesAfter(signed: PdfRevision, perms: Permissions, trailingData: boolean): PdfModification[] {
    const doc = this.doc;
    const last = doc.last;
    const out: PdfModification[] = [];
    if (signed.index < last.index) {
      const o = this.factsOf(signed);
      const n = this.factsOf(last);
      const nums = new Set<number>([...signed.xref.keys(), ...last.xref.keys()]);
      for (const num of nums) {
        if (PdfDocument.entryKey(signed.xref.get(num)) === PdfDocument.entryKey(last.xref.get(num))) continue;
        const r = changedIn(doc, num, signed.index, last.index);
        const m = this.classify(num, o, n, perms, r);
        out.push(...m);
      }
    }
    if (trailingData) out.push(mod('trailing-data', [], last.index, false));
    return merge(out);
  }

  private classify(num: number, o: RevisionFacts, n: RevisionFacts, p: Permissions, r: number): PdfModification[] {
    const doc = this.doc;
    const make = (kind: PdfChangeKind, field?: string): PdfModification[] => [mod(kind, [num], r, judge(kind, p, field))];
    const newObj = doc.object(num, n.rev);
    const oldObj = doc.object(num, o.rev);
    const nv = newObj?.value;
    const nd = nv instanceof PdfStream ? nv.dict : nv instanceof PdfDict ? nv : undefined;
    const od = oldObj?.value instanceof PdfStream ? oldObj.value.dict : oldObj?.value instanceof PdfDict ? oldObj.value : undefined;
    const type = nameOf(nd?.get('Type'));
    if (!newObj && !oldObj) return [];
    // objects an older revision drew and the update freed
    if (!newObj) return o.pageContent.has(num) || o.pages.has(num) || o.pageNodes.has(num) ? make('page-content') : o.fields.has(num) ? make('form-field-removed') : make('unreferenced');
    if (type === 'XRef' || type === 'ObjStm') return make('structure');
    if (num === n.catalogNum || num === o.catalogNum) {
      const oc = doc.catalog(o.rev);
      const nc = doc.catalog(n.rev);
      if (!oc || !nc) return make('catalog');
      const keys = new Set([...oc.map.keys(), ...nc.map.keys()]);
      const bad = [...keys].filter((k) => !CATALOG_ALLOWED.has(k) && fingerprint(oc.get(k)) !== fingerprint(nc.get(k)));
      return bad.length ? make('catalog') : make('structure');
    }
    if (o.pageNodes.has(num) || n.pageNodes.has(num)) return make('page-tree');
    if (o.pages.has(num) && n.pages.has(num)) {
      const a = o.pages.get(num)!;
      const b = n.pages.get(num)!;
      const keys = new Set([...a.map.keys(), ...b.map.keys()]);
      const differs = [...keys].filter((k) => k !== 'Annots' && fingerprint(a.get(k)) !== fingerprint(b.get(k)));
      if (differs.length) return make('page-content');
      const oldAnnots = new Set(annotNums(doc, o.rev, a));
      const newAnnots = new Set(annotNums(doc, n.rev, b));
      const removed = [...oldAnnots].filter((x) => !newAnnots.has(x));
      const res = make('page-annotations');
      for (const x of removed) {
        const isField = o.fields.has(x);
        res.push(mod(isField ? 'form-field-removed' : 'annotation-removed', [x], r, isField ? false : judge('annotation-removed', p)));
      }
      return res;
    }
    if (n.pages.has(num) || o.pages.has(num)) return make('page-added');
    if (n.annotArrays.has(num) || o.annotArrays.has(num)) {
      const before = doc.resolve(oldObj?.value, o.rev);
      const after = doc.resolve(newObj.value, n.rev);
      const nums = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap((x) => (x && typeof x === 'object' && 'num' in x ? [(x as { num: number }).num] : [])) : []);
      const newSet = new Set(nums(after));
      const res = make('page-annotations');
      for (const x of nums(before).filter((k) => !newSet.has(k))) {
        const isField = o.fields.has(x);
        res.push(mod(isField ? 'form-field-removed' : 'annotation-removed', [x], r, isField ? false : judge('annotation-removed', p)));
      }
      return res;
    }
    if (num === n.fieldsArrayNum || num === o.fieldsArrayNum) {
      const removed = [...o.fields.keys()].filter((f) => !n.fields.has(f));
      return removed.length ? [mod('form-field-removed', removed, r, false)] : make('acroform');
    }
    if (o.pageContent.has(num) || n.pageContent.has(num)) return make('page-content');
    if (n.dss.has(num)) return make('dss');
    if (num === n.acroFormNum || num === o.acroFormNum) {
      const removed = [...o.fields.keys()].filter((f) => !n.fields.has(f));
      return removed.length ? [mod('form-field-removed', removed, r, false)] : make('acroform');
    }
    const nf = n.fields.get(num);
    if (nf) {
      const of = o.fields.get(num);
      if (nf.ft === 'Sig') {
        if (of?.value !== undefined && of.value !== nf.value) return make('signature-replaced');
        const sigDict = nf.value !== undefined ? doc.dict(doc.object(Number(nf.value.split(' ')[0]), n.rev)?.value, n.rev) : undefined;
        if (sigDict && nameOf(sigDict.get('Type')) === 'DocTimeStamp') return make('document-timestamp');
        if (!of && nf.visible && p.docMdp !== undefined) return make('signature-appearance');
        return make('signature-field');
      }
      if (!of) return make('form-field-added');
      if (p.locked === 'all' || p.locked.has(nf.name)) return make('form-field-locked');
      return make('form-fill', nf.name);
    }
    if (n.sigValues.has(num)) {
      if (o.sigValues.has(num)) return make('signature-replaced');
      return make(type === 'DocTimeStamp' ? 'document-timestamp' : 'signature');
    }
    if (n.annots.has(num)) {
      const sub = n.annots.get(num)!;
      if (!OVERLAY_SAFE.has(sub)) return make('overlay-annotation');
      return make('annotation');
    }
    if (n.annotContent.has(num)) return make('appearance');
    if (num === n.infoNum || num === o.infoNum || type === 'Metadata') return make('metadata');
    if (!n.reachable.has(num)) return make('unreferenced');
    void od;
    return make('unknown');
  }
}

function annotNums(doc: PdfDocument, rev: PdfRevision, page: PdfDict): number[] {
  const a = doc.resolve(page.get('Annots'), rev);
  if (!Array.isArray(a)) return [];
  return a.flatMap((x) => (x && typeof x === 'object' && 'num' in x ? [(x as { num: number }).num] : []));
}

/** One entry per (kind, revision, allowed), object numbers merged. */
function merge(list: PdfModification[]): PdfModification[] {
  const map = new Map<string, PdfModification>();
  for (const m of list) {
    const k = `${m.kind}|${m.revision}|${m.allowed}`;
    const e = map.get(k);
    if (e) e.objects.push(...m.objects);
    else map.set(k, { ...m, objects: [...m.objects] });
  }
  return [...map.values()].map((m) => ({ ...m, objects: [...new Set(m.objects)].sort((a, b) => a - b) })).sort((a, b) => a.revision - b.revision || Number(a.allowed) - Number(b.allowed));
}


