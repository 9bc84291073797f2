/**
 * The signing half that does not need a key (chuẩn bị chỗ ký): an incremental update that adds a signature
 * dictionary with a `/Contents` placeholder and a fixed-width `/ByteRange`, a signature field with an invisible
 * widget on page 1, the AcroForm with `/SigFlags 3` (and `/Perms /DocMDP` for a certification signature); then the
 * ByteRange is patched and the CMS written into the placeholder. Internal; `signPdf` and the fixture script use it.
 */
import { PdfDocument } from './document.js';
import { pdfError } from './errors.js';
import { PdfDict, PdfName, PdfRef, PdfString, type PdfValue } from './objects.js';
import { pageTree } from './pages.js';
import { PdfRaw, buildIncrementalUpdate, latin1, pdfDate, textString, type UpdateObject } from './writer.js';

/** What to put in the signature dictionary. */
export interface PrepareOptions {
  /** `ETSI.RFC3161` makes a document time-stamp (`/Type /DocTimeStamp`); `adbe.pkcs7.sha1` is for legacy tests. */
  subFilter: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached' | 'ETSI.RFC3161' | 'adbe.pkcs7.sha1';
  /** Reserved bytes for the DER CMS (the hex placeholder is twice as long). */
  placeholderSize: number;
  signingTime: Date;
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  fieldName?: string;
  /** Certification signature with DocMDP permission P (1, 2 or 3). */
  docMdp?: 1 | 2 | 3;
}

/** A prepared file: the bytes with the placeholder, the signed ranges and where the hex goes. */
export interface PreparedPdf {
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit inside `<…>`. */
  contentsStart: number;
  placeholderSize: number;
}

const BR_PLACEHOLDER = '[0 /********** /********** /**********]';

function uniqueFieldName(doc: PdfDocument, fields: PdfValue[] | undefined): string {
  const names = new Set<string>();
  for (const f of fields ?? []) {
    const t = doc.dict(f)?.get('T');
    if (t instanceof PdfString) names.add(t.text());
  }
  for (let i = 1; ; i++) if (!names.has(`Signature${i}`)) return `Signature${i}`;
}

function copyMap(d: PdfDict): Map<string, PdfValue | PdfRaw> {
  return new Map<string, PdfValue | PdfRaw>(d.map);
}

/** Adds the signature placeholder as an incremental update. */
export function preparePdf(bytes: Uint8Array, o: PrepareOptions): PreparedPdf {
  const doc = new PdfDocument(bytes);
  const rev = doc.last;
  const trailer = rev.trailer;
  const rootRef = trailer.get('Root');
  const catalog = doc.catalog(rev);
  if (!(rootRef instanceof PdfRef) || !catalog) throw pdfError('PDF_SIGNING_FAILED', 'Không tìm thấy danh mục (Catalog)', 'no document catalog');
  const { pages } = pageTree(doc, rev);
  const page = pages[0];
  if (!page) throw pdfError('PDF_SIGNING_FAILED', 'Tệp PDF không có trang nào', 'the PDF has no page');
  const sizeV = trailer.get('Size');
  let next = typeof sizeV === 'number' ? sizeV : 0;
  for (const k of rev.xref.keys()) next = Math.max(next, k + 1);
  const sigNum = next++;
  const fieldNum = next++;
  const objects: UpdateObject[] = [];

  // AcroForm
  const afV = catalog.get('AcroForm');
  const af = doc.dict(afV, rev);
  const fieldsV = af?.get('Fields');
  const fieldsArr = doc.resolve(fieldsV, rev);
  const fields = Array.isArray(fieldsArr) ? fieldsArr : [];
  const fieldName = o.fieldName ?? uniqueFieldName(doc, fields);
  const newFields = [...fields, new PdfRef(fieldNum, 0)];
  const afMap = af ? copyMap(af) : new Map<string, PdfValue | PdfRaw>();
  if (fieldsV instanceof PdfRef && Array.isArray(fieldsArr)) objects.push({ num: fieldsV.num, value: newFields });
  else afMap.set('Fields', newFields);
  afMap.set('SigFlags', 3);
  let catalogChanged = false;
  const catMap = copyMap(catalog);
  if (afV instanceof PdfRef && af) objects.push({ num: afV.num, value: afMap });
  else {
    const afNum = next++;
    objects.push({ num: afNum, value: afMap });
    catMap.set('AcroForm', new PdfRef(afNum, 0));
    catalogChanged = true;
  }
  if (o.docMdp) {
    catMap.set('Perms', new PdfRaw(`<</DocMDP ${sigNum} 0 R>>`));
    catalogChanged = true;
  }
  if (catalogChanged) objects.push({ num: rootRef.num, value: catMap });

  // page 1: /Annots gets the widget
  const annotsV = page.dict.get('Annots');
  const annotsArr = doc.resolve(annotsV, rev);
  const annots = [...(Array.isArray(annotsArr) ? annotsArr : []), new PdfRef(fieldNum, 0)];
  if (annotsV instanceof PdfRef && Array.isArray(annotsArr)) objects.push({ num: annotsV.num, value: annots });
  else {
    const pm = copyMap(page.dict);
    pm.set('Annots', annots);
    objects.push({ num: page.num, value: pm });
  }

  // field + invisible widget
  const field = new Map<string, PdfValue | PdfRaw>([
    ['Type', new PdfName('Annot')], ['Subtype', new PdfName('Widget')], ['FT', new PdfName('Sig')],
    ['T', textString(fieldName)], ['V', new PdfRef(sigNum, 0)], ['F', 132], ['Rect', [0, 0, 0, 0]], ['P', new PdfRef(page.num, 0)],
  ]);
  objects.push({ num: fieldNum, value: field });

  // signature dictionary
  const hexLen = o.placeholderSize * 2;
  const isTs = o.subFilter === 'ETSI.RFC3161';
  const sig = new Map<string, PdfValue | PdfRaw>([
    ['Type', new PdfName(isTs ? 'DocTimeStamp' : 'Sig')], ['Filter', new PdfName('Adobe.PPKLite')], ['SubFilter', new PdfName(o.subFilter)],
    ['ByteRange', new PdfRaw(BR_PLACEHOLDER)], ['Contents', new PdfRaw(`<${'0'.repeat(hexLen)}>`)],
  ]);
  if (!isTs) sig.set('M', pdfDate(o.signingTime));
  if (o.name) sig.set('Name', textString(o.name));
  if (o.reason) sig.set('Reason', textString(o.reason));
  if (o.location) sig.set('Location', textString(o.location));
  if (o.contactInfo) sig.set('ContactInfo', textString(o.contactInfo));
  if (o.docMdp) sig.set('Reference', new PdfRaw(`[<</Type/SigRef/TransformMethod/DocMDP/TransformParams<</Type/TransformParams/P ${o.docMdp}/V/1.2>>>>]`));
  objects.unshift({ num: sigNum, value: sig });

  const trailerMap = new Map<string, PdfValue | PdfRaw>();
  for (const k of ['Root', 'Info', 'ID']) {
    const v = trailer.get(k);
    if (v !== undefined) trailerMap.set(k, v);
  }
  const last = bytes[bytes.length - 1];
  const upd = buildIncrementalUpdate(objects, {
    base: bytes.length, prev: rev.section.offset, trailer: trailerMap, size: next,
    xrefStream: rev.section.kind === 'stream', leadingEol: last !== 10 && last !== 13,
  });
  const out = new Uint8Array(bytes.length + upd.bytes.length);
  out.set(bytes);
  out.set(upd.bytes, bytes.length);
  // locate the placeholders inside the signature object
  const sigAt = upd.offsets.get(sigNum)!;
  const text = latin1Text(out, sigAt, Math.min(out.length, sigAt + hexLen + 4096));
  const brRel = text.indexOf(BR_PLACEHOLDER);
  const ctRel = text.indexOf('/Contents <');
  if (brRel < 0 || ctRel < 0) throw pdfError('PDF_SIGNING_FAILED', 'Không tạo được chỗ ký', 'placeholder not found');
  const contentsOpen = sigAt + ctRel + '/Contents '.length;
  const a = contentsOpen;
  const b = contentsOpen + hexLen + 2;
  const byteRange: [number, number, number, number] = [0, a, b, out.length - b];
  const br = `[0 ${a} ${b} ${out.length - b}]`;
  if (br.length > BR_PLACEHOLDER.length) throw pdfError('PDF_SIGNING_FAILED', 'Tệp quá lớn để ghi ByteRange', 'ByteRange does not fit its placeholder');
  out.set(latin1(br.padEnd(BR_PLACEHOLDER.length, ' ')), sigAt + brRel);
  return { bytes: out, byteRange, contentsStart: a + 1, placeholderSize: o.placeholderSize };
}

function latin1Text(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** The bytes covered by the ByteRange (the two ranges concatenated). */
export function signedBytes(p: PreparedPdf): Uint8Array {
  const [, a, b, c] = p.byteRange;
  const out = new Uint8Array(a + c);
  out.set(p.bytes.subarray(0, a));
  out.set(p.bytes.subarray(b, b + c), a);
  return out;
}

/** Writes the DER CMS into the placeholder (upper-case hex, zero padded). */
export function embedCms(p: PreparedPdf, cms: Uint8Array): Uint8Array {
  if (cms.length > p.placeholderSize) {
    throw pdfError('PDF_SIGNING_FAILED', 'Chữ ký CMS lớn hơn chỗ dành sẵn', `the CMS (${cms.length} bytes) does not fit the placeholder (${p.placeholderSize} bytes): raise placeholderSize`);
  }
  const out = p.bytes.slice();
  const hex = '0123456789ABCDEF';
  let o = p.contentsStart;
  for (const byte of cms) {
    out[o++] = hex.charCodeAt(byte >> 4);
    out[o++] = hex.charCodeAt(byte & 15);
  }
  return out;
}
