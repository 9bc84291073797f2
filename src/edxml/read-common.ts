/**
 * Shared steps of the package and status readers: finding the envelope parts by namespace URI and local name.
 * @internal
 * @packageDocumentation
 */
import { describeValue } from './errors.js';
import { EDXML_NAMESPACE } from './namespaces.js';
import type { FieldReader } from './read-fields.js';
import type { XmlElement } from './xml-tree.js';

/** The edXML-namespace children of an element with a local name. @internal */
export function edxmlChildren(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.ns === EDXML_NAMESPACE && c.local === local);
}

/**
 * The single edXML child with a local name; reports a duplicate (first kept) and, when `required`, a missing one.
 * @internal
 */
export function edxmlChild(reader: FieldReader, el: XmlElement, local: string, path: readonly (string | number)[], required: boolean): XmlElement | undefined {
  const found = edxmlChildren(el, local);
  if (found.length > 1) reader.add('duplicate_element', [...path, local], 'error', `${local} appears ${found.length} times; the first is read`);
  if (found.length === 0 && required) reader.add('missing_element', [...path, local], 'error', `required element ${local} is missing`);
  return found[0];
}

/** Reports children of `el` that are not among `known` local names (edXML namespace) as unknown or foreign. @internal */
export function reportOthers(reader: FieldReader, el: XmlElement, known: readonly string[], path: readonly (string | number)[], also: (c: XmlElement) => boolean = () => false): void {
  for (const c of el.children) {
    if (also(c)) continue;
    if (c.ns !== EDXML_NAMESPACE) {
      reader.add('foreign_element', [...path, c.local], 'warning', `element ${describeValue(c.qname)} in namespace ${describeValue(c.ns ?? '(none)')} ignored`);
    } else if (!known.includes(c.local)) {
      reader.add('unknown_element', [...path, c.local], 'warning', `unknown element ${describeValue(c.local)} ignored`);
    }
  }
}
