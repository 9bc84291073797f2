/**
 * Shared writing steps: escaping, and writing model objects as elements following `element-specs.ts` (VNPT order,
 * official spellings, canonical dates).
 * @internal
 * @packageDocumentation
 */
import { formatEdxmlDate, formatEdxmlTimestamp } from './dates.js';
import { describeValue, fail, issue } from './errors.js';
import type { FieldSpec, LeafKind, ListSpec, StructSpec } from './element-specs.js';
import { EDXML_PREFIX } from './namespaces.js';
import { FORBIDDEN_CHARS } from './xml-security.js';

type Path = readonly (string | number)[];

function checkChars(text: string, path: Path): void {
  const bad = FORBIDDEN_CHARS.exec(text);
  if (bad !== null) {
    fail('EDXML_INVALID_MESSAGE', `Ký tự không được phép trong XML / character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} cannot be written in XML (${path.join('.')})`, [
      issue('forbidden_character', path, 'error', `at index ${bad.index}`),
    ]);
  }
}

/** Escapes character data; `\r` is written as a reference so that it survives line-end normalisation. @internal */
export function escapeText(text: string, path: Path = []): string {
  checkChars(text, path);
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value (double quotes). @internal */
export function escapeAttribute(text: string, path: Path = []): string {
  checkChars(text, path);
  return text.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Writes elements with the `edXML:` prefix and two-space indentation (or none). @internal */
export class ElementWriter {
  private readonly parts: string[] = [];
  constructor(private readonly indent: boolean) {}

  line(depth: number, text: string): void {
    this.parts.push(this.indent ? `${'  '.repeat(depth)}${text}\n` : text);
  }

  toString(): string {
    return this.parts.join('');
  }

  leaf(depth: number, name: string, value: string, prefix = `${EDXML_PREFIX}:`): void {
    this.line(depth, value === '' ? `<${prefix}${name}/>` : `<${prefix}${name}>${value}</${prefix}${name}>`);
  }

  struct(depth: number, name: string, value: Record<string, unknown>, spec: StructSpec, path: Path, attributes = ''): void {
    this.line(depth, `<${EDXML_PREFIX}:${name}${attributes}>`);
    this.fields(depth + 1, value, spec, path);
    this.line(depth, `</${EDXML_PREFIX}:${name}>`);
  }

  fields(depth: number, value: Record<string, unknown>, spec: StructSpec, path: Path): void {
    for (const field of spec.fields) {
      const v = value[field.key];
      if (v === undefined) continue;
      if (field.many) (v as unknown[]).forEach((item, i) => this.value(depth, field, field.kind as LeafKind | StructSpec, item, [...path, field.key, i]));
      else this.value(depth, field, field.kind, v, [...path, field.key]);
    }
  }

  private value(depth: number, field: FieldSpec | { name: string }, kind: LeafKind | StructSpec | ListSpec, v: unknown, path: Path): void {
    if (typeof kind !== 'string') {
      if (kind.type === 'struct') this.struct(depth, field.name, v as Record<string, unknown>, kind, path);
      else {
        const items = v as unknown[];
        if (items.length === 0) this.line(depth, `<${EDXML_PREFIX}:${field.name}/>`);
        else {
          this.line(depth, `<${EDXML_PREFIX}:${field.name}>`);
          items.forEach((item, i) => this.value(depth + 1, { name: kind.item }, kind.kind, item, [...path, i]));
          this.line(depth, `</${EDXML_PREFIX}:${field.name}>`);
        }
      }
      return;
    }
    this.leaf(depth, field.name, leafText(kind, v, path));
  }
}

/** The text of a leaf value. @internal */
export function leafText(kind: LeafKind, v: unknown, path: Path): string {
  switch (kind) {
    case 'text':
    case 'id':
      return escapeText(v as string, path);
    case 'int':
      return v === null ? '' : String(v);
    case 'bool':
      return v === null ? '' : v ? 'true' : 'false';
    case 'date':
      try {
        return formatEdxmlDate(v as string);
      } catch {
        return fail('EDXML_INVALID_MESSAGE', `Ngày không hợp lệ / invalid date ${describeValue(v)} at ${path.join('.')}`, [issue('invalid_date', path, 'error', describeValue(v))]);
      }
    case 'timestamp':
      try {
        return formatEdxmlTimestamp(v as string);
      } catch {
        return fail('EDXML_INVALID_MESSAGE', `Thời điểm không hợp lệ / invalid timestamp ${describeValue(v)} at ${path.join('.')}`, [issue('invalid_date', path, 'error', describeValue(v))]);
      }
  }
}
