/**
 * Differential test against `xmlsec1 --verify` (skipped when xmlsec1 is absent): our verdict agrees with xmlsec1 on
 * the genuine fixtures and on every tampering xmlsec1 detects; where xmlsec1 accepts a forgery or a refused form,
 * ours rejects it (the `xmlsecAccepts` column of mutations.ts is what xmlsec1 1.2.37 was measured to do).
 */
import { describe, expect, it } from 'vitest';
import { verifyXmlSignature } from '../../../src/signature/index.js';
import { hasXmlsec1, options, text, xmlsecVerify } from './helpers.js';
import { mutations } from './mutations.js';

const ID_ATTRS: Record<string, string[]> = {
  'envelope-rsa-id.xml': ['--id-attr:Id', 'http://www.mic.gov.vn/TBT/QCVN_102_2016:edXML'],
  'envelope-inner-reference.xml': ['--id-attr:Id', 'http://www.mic.gov.vn/TBT/QCVN_102_2016:MessageHeader'],
};
const genuine = ['envelope-rsa-c14n.xml', 'envelope-rsa-exc.xml', 'envelope-ecdsa-c14n.xml', 'envelope-ecdsa-exc.xml', 'envelope-rsa-sha512.xml', 'envelope-rsa-id.xml', 'envelope-rsa-comments.xml',
  'envelope-tricky-c14n.xml', 'envelope-tricky-exc.xml', 'envelope-exc-prefixlist.xml'];

describe.skipIf(!hasXmlsec1)('xmlsec1 --verify differential', () => {
  it.each(genuine)('%s: both accept', async (f) => {
    const xml = text(f);
    expect(xmlsecVerify(xml, ID_ATTRS[f] ?? [])).toBe(true);
    expect((await verifyXmlSignature(xml, options)).indication).toBe('TOTAL_PASSED');
  });
  it('envelope-rogue.xml: both refuse the untrusted signer', async () => {
    expect(xmlsecVerify(text('envelope-rogue.xml'))).toBe(false);
    expect((await verifyXmlSignature(text('envelope-rogue.xml'), options)).indication).not.toBe('TOTAL_PASSED');
  });
  it('CR LF line ends, and the CDATA section written as escaped text, in a genuine envelope: both accept', async () => {
    const xml = text('envelope-tricky-c14n.xml').replace(/\n/g, '\r\n').replace('<![CDATA[A & B < C]]>', 'A &amp; B &lt; C');
    expect(xml).not.toContain('CDATA');
    expect(xmlsecVerify(xml)).toBe(true);
    expect((await verifyXmlSignature(xml, options)).indication).toBe('TOTAL_PASSED');
  });
  it.each(mutations.map((m) => [m.name, m] as const))('%s', async (_n, m) => {
    const xml = m.mutate(text(m.base));
    const theirs = xmlsecVerify(xml, ID_ATTRS[m.base] ?? []);
    const ours = await verifyXmlSignature(xml, options);
    expect(theirs, 'xmlsec1 verdict changed: update mutations.ts and the report').toBe(m.xmlsecAccepts);
    if (!theirs) expect(ours.indication).not.toBe('TOTAL_PASSED'); // agreement on what xmlsec1 detects
    if (m.expect.indication === 'TOTAL_PASSED') expect(ours.indication).toBe('TOTAL_PASSED');
    else expect(ours.indication).not.toBe('TOTAL_PASSED'); // forgeries xmlsec1 accepts are still rejected
  });
});
