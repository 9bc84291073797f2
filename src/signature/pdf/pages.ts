/**
 * Page tree walking (cây trang) for one revision: the ordered page dictionaries with their object numbers, and the
 * page-tree nodes. Bounded (cycles and depth). Internal.
 */
import type { PdfDocument, PdfRevision } from './document.js';
import { PdfDict, PdfRef, isName } from './objects.js';

/** A page: its object number (undefined for a direct dictionary, which is malformed) and dictionary. */
export interface PageEntry {
  num: number;
  dict: PdfDict;
}

/** The pages of a revision in order, plus the numbers of the intermediate `/Pages` nodes. */
export function pageTree(doc: PdfDocument, rev: PdfRevision): { pages: PageEntry[]; nodes: number[] } {
  const pages: PageEntry[] = [];
  const nodes: number[] = [];
  const seen = new Set<number>();
  const root = doc.catalog(rev)?.get('Pages');
  const walk = (ref: unknown, depth: number): void => {
    if (!(ref instanceof PdfRef) || seen.has(ref.num) || depth > 64 || seen.size > doc.limits.maxObjects) return;
    seen.add(ref.num);
    const d = doc.dict(ref, rev);
    if (!d) return;
    if (isName(d.get('Type'), 'Pages') || (d.has('Kids') && !isName(d.get('Type'), 'Page'))) {
      nodes.push(ref.num);
      const kids = doc.resolve(d.get('Kids'), rev);
      if (Array.isArray(kids)) for (const k of kids) walk(k, depth + 1);
    } else pages.push({ num: ref.num, dict: d });
  };
  walk(root, 0);
  return { pages, nodes };
}
