import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { C14N_ALGORITHMS, canonicalizeXml } from '../../../src/signature/index.js';
import { isVnEgovError } from '../../../src/errors/index.js';
import { dir, hasXmllint, text, xmllint, bin } from './helpers.js';

const c14n = (xml: string, algorithm: string = C14N_ALGORITHMS.c14n, extra: Record<string, unknown> = {}): string =>
  new TextDecoder().decode(canonicalizeXml(xml, { algorithm, ...extra }));

const cases = [
  ...readdirSync(join(dir, 'c14n')).filter((f) => f.endsWith('.xml')).map((f) => `c14n/${f}`),
  ...readdirSync(join(dir, 'samples')).filter((f) => f.endsWith('.edxml')).map((f) => `samples/${f}`),
];

describe('canonicalizeXml against libxml2 (expectations committed by make-fixtures.sh)', () => {
  it.each(cases)('%s: C14N 1.0 and exclusive C14N with comments equal xmllint', (f) => {
    expect(c14n(text(f), C14N_ALGORITHMS.c14nWithComments)).toBe(text(`${f}.c14n`));
    expect(c14n(text(f), C14N_ALGORITHMS.excC14nWithComments)).toBe(text(`${f}.exc-c14n`));
  });
  it.skipIf(!hasXmllint).each(cases)('%s: equal to a live xmllint run', (f) => {
    expect(c14n(text(f), C14N_ALGORITHMS.c14nWithComments)).toBe(xmllint('--c14n', join(dir, f)));
    expect(c14n(text(f), C14N_ALGORITHMS.excC14nWithComments)).toBe(xmllint('--exc-c14n', join(dir, f)));
  });
  it('accepts bytes as well as text', () => {
    expect(new TextDecoder().decode(canonicalizeXml(bin('c14n/cdata.xml'), { algorithm: C14N_ALGORITHMS.c14nWithComments }))).toBe(text('c14n/cdata.xml.c14n'));
  });
});

describe('canonicalizeXml: the rules', () => {
  it('drops comments (and their line breaks outside the root) without #WithComments', () => {
    expect(c14n('<!--a--><?p x?>\n<r><!--b-->t</r><!--c-->')).toBe('<?p x?>\n<r>t</r>');
    expect(c14n('<!--a--><r/><!--c-->', C14N_ALGORITHMS.c14nWithComments)).toBe('<!--a-->\n<r></r>\n<!--c-->');
  });
  it('sorts attributes by namespace URI then local name, declarations first', () => {
    expect(c14n('<r xmlns:b="urn:a" xmlns:a="urn:b" a:x="1" b:y="2" z="3" xmlns="urn:d"/>'))
      .toBe('<r xmlns="urn:d" xmlns:a="urn:b" xmlns:b="urn:a" z="3" b:y="2" a:x="1"></r>');
  });
  it('escapes text and attribute values as C14N requires (CR as &#xD;)', () => {
    expect(c14n('<r a="&#xD;&#xA;&#x9;&lt;&quot;&gt;">&#xD;&gt;&amp;"\'</r>')).toBe('<r a="&#xD;&#xA;&#x9;&lt;&quot;>">&#xD;&gt;&amp;"\'</r>');
  });
  it('normalises CR LF and lone CR line ends of the input', () => {
    expect(c14n('<r a="x\r\ny">1\r\n2\r3</r>')).toBe('<r a="x y">1\n2\n3</r>');
  });
  it('emits xmlns="" when a default namespace is undeclared, and only then', () => {
    expect(c14n('<a xmlns="urn:a"><b xmlns=""><c xmlns=""/></b></a>')).toBe('<a xmlns="urn:a"><b xmlns=""><c></c></b></a>');
    expect(c14n('<a><b xmlns=""/></a>')).toBe('<a><b></b></a>');
  });
  it('exclusive C14N renders only visibly utilised namespaces, plus the InclusiveNamespaces PrefixList', () => {
    const xml = '<r xmlns:u="urn:u" xmlns:a="urn:a"><a:x/></r>';
    expect(c14n(xml, C14N_ALGORITHMS.excC14n, { subtree: { localName: 'x' } })).toBe('<a:x xmlns:a="urn:a"></a:x>');
    expect(c14n(xml, C14N_ALGORITHMS.excC14n, { subtree: { localName: 'x' }, inclusivePrefixes: ['u'] })).toBe('<a:x xmlns:a="urn:a" xmlns:u="urn:u"></a:x>');
    expect(c14n('<r xmlns="urn:d"><x/></r>', C14N_ALGORITHMS.excC14n, { subtree: { localName: 'x' } })).toBe('<x xmlns="urn:d"></x>');
  });
  it('a subtree inherits every in-scope namespace and the xml:* attributes of its ancestors (inclusive C14N 1.0)', () => {
    const xml = '<r xmlns="urn:d" xmlns:p="urn:p" xml:lang="vi" xml:space="preserve"><s xml:lang="en"><x p:k="1"/></s></r>';
    expect(c14n(xml, C14N_ALGORITHMS.c14n, { subtree: { localName: 'x' } })).toBe('<x xmlns="urn:d" xmlns:p="urn:p" xml:lang="en" xml:space="preserve" p:k="1"></x>') // XML namespace URI (http://…) sorts before urn:p;
    expect(c14n(xml, C14N_ALGORITHMS.excC14n, { subtree: { localName: 'x' } })).toBe('<x xmlns="urn:d" xmlns:p="urn:p" p:k="1"></x>');
  });
  it('removes superfluous namespace declarations', () => {
    expect(c14n('<a xmlns:p="urn:p"><p:b xmlns:p="urn:p"/></a>')).toBe('<a xmlns:p="urn:p"><p:b></p:b></a>');
  });
  it('keeps white space inside the root and drops it outside', () => {
    expect(c14n('\n\n<r>\n  <s> x </s>\n</r>\n\n')).toBe('<r>\n  <s> x </s>\n</r>');
  });
});

describe('canonicalizeXml: fail closed', () => {
  const code = (xml: string): string | undefined => {
    try {
      canonicalizeXml(xml);
      return undefined;
    } catch (e) {
      return isVnEgovError(e) ? e.code : 'NOT_VN_EGOV_ERROR';
    }
  };
  it.each([
    ['<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>', 'XML_SIGNATURE_DTD_FORBIDDEN'],
    ['<r>&e;</r>', 'XML_SIGNATURE_ENTITY_FORBIDDEN'],
    ['<r>&#0;</r>', 'XML_SIGNATURE_MALFORMED_XML'],
    ['<r><s></r>', 'XML_SIGNATURE_MALFORMED_XML'],
    ['<p:r/>', 'XML_SIGNATURE_MALFORMED_XML'],
    ['<r a="1" a="2"/>', 'XML_SIGNATURE_MALFORMED_XML'],
    ['<r xmlns:a="urn:x" xmlns:b="urn:x" a:k="1" b:k="2"/>', 'XML_SIGNATURE_MALFORMED_XML'],
    ['<r/><r/>', 'XML_SIGNATURE_MALFORMED_XML'],
    ['text<r/>', 'XML_SIGNATURE_MALFORMED_XML'],
    ['<?xml version="1.0" encoding="ISO-8859-1"?><r/>', 'XML_SIGNATURE_MALFORMED_XML'],
    ['', 'XML_SIGNATURE_MALFORMED_XML'],
    [`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`, 'XML_SIGNATURE_LIMIT_EXCEEDED'],
  ])('%s → %s', (xml, expected) => {
    expect(code(xml)).toBe(expected);
  });
  it('rejects an unknown algorithm', () => {
    expect(() => canonicalizeXml('<r/>', { algorithm: 'http://www.w3.org/2006/12/xml-c14n11' })).toThrow(/canonicalization/);
  });
});
