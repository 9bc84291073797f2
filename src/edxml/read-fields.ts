/**
 * Reads model objects from namespace-resolved elements following the specs of `element-specs.ts`: any child order,
 * tolerated spellings, presence and emptiness, each deviation recorded as an issue.
 * @internal
 * @packageDocumentation
 */
import { readEdxmlDate, readEdxmlTimestamp } from './dates.js';
import { describeValue, issue, type EdxmlIssue, type EdxmlIssueSeverity } from './errors.js';
import type { FieldSpec, LeafKind, ListSpec, StructSpec } from './element-specs.js';
import { EDXML_NAMESPACE } from './namespaces.js';
import type { XmlElement } from './xml-tree.js';

type Path = readonly (string | number)[];

/** Index of each field of a spec by element name, official spelling and variants (built once per spec). */
const FIELD_INDEX = new WeakMap<StructSpec, ReadonlyMap<string, number>>();

function fieldIndex(spec: StructSpec): ReadonlyMap<string, number> {
  let index = FIELD_INDEX.get(spec);
  if (index === undefined) {
    const map = new Map<string, number>();
    // The first field whose name or variant matches, as a search in field order would find it.
    spec.fields.forEach((f, i) => {
      for (const name of [f.name, ...Object.keys(f.variants ?? {})]) if (!map.has(name)) map.set(name, i);
    });
    index = map;
    FIELD_INDEX.set(spec, index);
  }
  return index;
}

/** Collects issues while reading. @internal */
export class FieldReader {
  readonly issues: EdxmlIssue[] = [];

  add(code: string, path: Path, severity: EdxmlIssueSeverity, message: string): void {
    this.issues.push(issue(code, path, severity, message));
  }

  /** Reads a struct; `skip` lists local names handled by the caller (not reported as unknown). */
  struct(el: XmlElement, spec: StructSpec, path: Path, skip: readonly string[] = []): Record<string, unknown> {
    // A plain object (not a null-prototype one, which V8 keeps in slow dictionary mode): its keys are the spec keys,
    // none of which is an Object.prototype member (element names never become keys).
    const out: Record<string, unknown> = {};
    let lastIndex = -1;
    let orderNoted = false;
    const byName = fieldIndex(spec);
    for (const child of el.children) {
      if (child.ns !== EDXML_NAMESPACE) {
        if (!skip.includes(child.local)) {
          this.add('foreign_element', [...path, child.local], 'warning', `element ${describeValue(child.qname)} in namespace ${describeValue(child.ns ?? '(none)')} ignored; edXML elements are in ${EDXML_NAMESPACE}`);
        }
        continue;
      }
      if (skip.includes(child.local)) continue;
      const index = byName.get(child.local) ?? -1;
      const field = spec.fields[index];
      if (field === undefined) {
        this.add('unknown_element', [...path, child.local], 'warning', `unknown element ${describeValue(child.local)} ignored`);
        continue;
      }
      if (field.name !== child.local) {
        this.add(field.variants![child.local]!, [...path, field.key], 'warning', `${child.local} read as ${field.name} (the official spelling)`);
      }
      if (index < lastIndex && !orderNoted) {
        orderNoted = true;
        this.add('non_canonical_order', path, 'info', `${child.local} comes after a field the reference implementation writes later; read in any order`);
      }
      lastIndex = Math.max(lastIndex, index);
      if (field.many) {
        const arr = (out[field.key] ??= []) as unknown[];
        arr.push(this.value(child, field.kind as LeafKind | StructSpec, [...path, field.key, arr.length], field));
      } else if (Object.hasOwn(out, field.key)) {
        this.add('duplicate_element', [...path, field.key], 'error', `${field.name} appears more than once; the first is kept`);
      } else if (field.kind === 'text' && child.children.length === 0 && (child.text !== '' || field.required !== true)) {
        out[field.key] = child.text; // the common case, with nothing to report (see value())
      } else {
        const v = this.value(child, field.kind, [...path, field.key], field);
        if (v !== undefined) out[field.key] = v;
      }
    }
    for (const field of spec.fields) {
      if (field.many && !Object.hasOwn(out, field.key)) out[field.key] = [];
      const present = Object.hasOwn(out, field.key) && !(field.many && (out[field.key] as unknown[]).length === 0);
      if (field.required && !present) this.add('missing_element', [...path, field.key], 'error', `required element ${field.name} is missing`);
    }
    return out;
  }

  private value(el: XmlElement, kind: LeafKind | StructSpec | ListSpec, path: Path, field?: FieldSpec): unknown {
    if (typeof kind !== 'string') {
      if (kind.type === 'struct') {
        if (el.text.trim() !== '') this.add('unexpected_text', path, 'warning', `text inside ${el.local} ignored`);
        return this.struct(el, kind, path);
      }
      return this.list(el, kind, path);
    }
    if (el.children.length > 0) {
      this.add('unexpected_children', path, 'error', `${el.local} should hold text, not elements; value not read`);
      return undefined;
    }
    const raw = el.text;
    const required = field?.required === true;
    switch (kind) {
      case 'text':
        if (raw === '' && required) this.add('empty_element', path, 'warning', `required element ${el.local} is empty`);
        return raw;
      case 'id': {
        const t = raw.trim();
        if (t !== raw) this.add('whitespace_trimmed', path, 'warning', `surrounding whitespace removed from ${describeValue(raw)}`);
        if (t === '' && required) this.add('empty_element', path, 'warning', `required element ${el.local} is empty`);
        return t;
      }
      case 'int': {
        const t = raw.trim();
        if (t === '') {
          this.add('empty_element', path, required ? 'warning' : 'info', `integer element ${el.local} is empty`);
          return null;
        }
        if (t !== raw) this.add('whitespace_trimmed', path, 'warning', `surrounding whitespace removed from ${describeValue(raw)}`);
        const n = /^[+-]?\d{1,15}$/.test(t) ? Number(t) : Number.NaN;
        if (!Number.isSafeInteger(n)) {
          this.add('invalid_integer', path, 'error', `not an integer: ${describeValue(t)}; value not read`);
          return undefined;
        }
        if (String(n) !== t) this.add('non_canonical_integer', path, 'warning', `integer written as ${describeValue(t)}`);
        return n;
      }
      case 'bool': {
        const t = raw.trim();
        if (t === 'true' || t === 'false') {
          if (t !== raw) this.add('whitespace_trimmed', path, 'warning', `surrounding whitespace removed from ${describeValue(raw)}`);
          return t === 'true';
        }
        if (t === '1' || t === '0') {
          this.add('non_canonical_boolean', path, 'warning', `boolean written as ${t}`);
          return t === '1';
        }
        if (t === '') {
          this.add('empty_element', path, 'info', `boolean element ${el.local} is empty`);
          return null;
        }
        this.add('invalid_boolean', path, 'error', `not a boolean: ${describeValue(t)}; value not read`);
        return undefined;
      }
      case 'date': {
        const r = readEdxmlDate(raw, path);
        for (const i of r.issues) this.issues.push(i.code === 'empty_element' && !required ? { ...i, severity: 'info' } : i);
        return r.value;
      }
      case 'timestamp': {
        const r = readEdxmlTimestamp(raw, path);
        for (const i of r.issues) this.issues.push(i.code === 'empty_element' && !required ? { ...i, severity: 'info' } : i);
        return r.value;
      }
    }
  }

  private list(el: XmlElement, spec: ListSpec, path: Path): unknown[] {
    const items: unknown[] = [];
    if (el.text.trim() !== '') this.add('unexpected_text', path, 'warning', `text inside ${el.local} ignored`);
    for (const child of el.children) {
      if (child.ns !== EDXML_NAMESPACE || child.local !== spec.item) {
        this.add(child.ns !== EDXML_NAMESPACE ? 'foreign_element' : 'unknown_element', [...path, child.local], 'warning', `element ${describeValue(child.qname)} ignored; expected ${spec.item}`);
        continue;
      }
      const v = this.value(child, spec.kind, [...path, items.length]);
      if (v !== undefined) items.push(v);
    }
    if (spec.nonEmpty && items.length === 0) this.add('missing_element', [...path, spec.item], 'error', `at least one ${spec.item} is expected`);
    return items;
  }
}
