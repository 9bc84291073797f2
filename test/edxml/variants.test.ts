import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { parseEdxml, type EdxmlDocumentResult, type EdxmlIssue } from '../../src/edxml/index.js';
import { SHARED } from '../helpers/shared-data.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'edxml');
const SAMPLE = readFileSync(join(SHARED, 'data', 'edxml-samples', 'edoc_new.payload-stripped.edxml'), 'utf8');
const has = (issues: readonly EdxmlIssue[], code: string, path: string, severity = 'warning'): void => {
  expect(issues.map((i) => `${i.severity}:${i.code}@${i.path.join('.')}`)).toContain(`${severity}:${code}@${path}`);
};

describe('tolerated variants (fixture variants-bkav.edxml)', () => {
  const xml = readFileSync(join(FIXTURES, 'variants-bkav.edxml'));
  const r = parseEdxml(xml) as EdxmlDocumentResult;

  it('reads every field whatever the prefix and order', () => {
    expect(r.kind).toBe('document');
    expect(r.message.from).toEqual({ organId: '000.00.11.H53', organizationInCharge: 'UBND tỉnh Tây Ninh', organName: 'Sở Tài chính' });
    expect(r.message.to).toEqual([{ organName: 'UBND tỉnh Tây Ninh', organId: '000.00.00.H53' }]);
    expect(r.message.promulgationInfo).toEqual({ place: 'Tây Ninh', promulgationDate: '2020-10-30' });
    expect(r.message.signerInfo).toEqual({ competence: '', position: '', fullName: '' });
    expect(r.message.dueDate).toBe('');
    expect(r.message.traceHeaderList).toEqual({
      traceHeaders: [{ organId: '000.00.11.H53', timestamp: '2020-10-30T08:15:00' }],
      business: { businessDocType: 0, businessDocReason: 'Văn bản điện tử mới' },
    });
  });

  it('reports each tolerance with code, path and severity', () => {
    has(r.issues, 'edoc_dialect_name', 'from.organizationInCharge');
    has(r.issues, 'variant_spelling', 'traceHeaderList.business');
    has(r.issues, 'variant_spelling', 'traceHeaderList.business.businessDocType');
    has(r.issues, 'variant_spelling', 'traceHeaderList.business.businessDocReason');
    has(r.issues, 'non_canonical_date', 'promulgationInfo.promulgationDate');
    has(r.issues, 'non_canonical_date', 'traceHeaderList.traceHeaders.0.timestamp');
    has(r.issues, 'empty_element', 'signerInfo.competence');
    has(r.issues, 'empty_element', 'signerInfo.fullName');
    has(r.issues, 'empty_element', 'dueDate', 'info');
    has(r.issues, 'content_id_without_prefix', 'manifest.references.0.contentId');
    has(r.issues, 'content_id_without_prefix', 'attachments.0.contentId');
    has(r.issues, 'non_canonical_order', '', 'info');
    has(r.issues, 'non_canonical_order', 'traceHeaderList', 'info');
    // Nothing required is missing in this fixture: no error-severity issue.
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('links the bare ContentId to the manifest, decodes CDATA base64 and sniffs the PDF', async () => {
    const a = r.attachments[0]!;
    expect(a.id).toBe('f1');
    expect(new TextDecoder().decode(a.bytes()).startsWith('%PDF-1.7')).toBe(true);
    const report = await a.inspect();
    expect(report.contentType.matches).toBe(true);
    expect(report.contentType.sniffed.kind).toBe('pdf');
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.issues.some((i) => i.code === 'reference_without_attachment')).toBe(false);
  });

  it('throws EDXML_STRICT_VIOLATION in strict mode, listing the deviations', () => {
    try {
      parseEdxml(xml, { strict: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VnEgovError);
      const err = e as VnEgovError;
      expect(err.code).toBe('EDXML_STRICT_VIOLATION');
      expect(err.issues.map((i) => i.code)).toContain('variant_spelling');
      expect(err.issues.map((i) => i.code)).not.toContain('non_canonical_order');
    }
  });
});

describe('single variants on a VPCP sample', () => {
  const cases: [string, (s: string) => string, string, string][] = [
    ['Business spelling', (s) => s.replaceAll('edXML:Bussiness>', 'edXML:Business>'), 'variant_spelling', 'traceHeaderList.business'],
    ['OrganInCharge', (s) => s.replaceAll('edXML:OrganizationInCharge>', 'edXML:OrganInCharge>'), 'edoc_dialect_name', 'from.organizationInCharge'],
    ['dd/MM/yyyy', (s) => s.replace('<edXML:PromulgationDate>2019/01/16', '<edXML:PromulgationDate>16/01/2019'), 'non_canonical_date', 'promulgationInfo.promulgationDate'],
    ['bare cid', (s) => s.replace('<edXML:ContentId>cid:209', '<edXML:ContentId>209'), 'content_id_without_prefix', 'manifest.references.0.contentId'],
    ['empty Subject', (s) => s.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, '<edXML:Subject></edXML:Subject>'), 'empty_element', 'subject'],
    ['padded OrganId', (s) => s.replace('<edXML:OrganId>000.00.00.A80', '<edXML:OrganId> 000.00.00.A80 '), 'whitespace_trimmed', 'from.organId'],
    ['Direction as 0', (s) => s.replace('<edXML:Direction>false', '<edXML:Direction>0'), 'non_canonical_boolean', 'otherInfo.direction'],
  ];
  it.each(cases)('%s is read and reported', (_name, change, code, path) => {
    const changed = change(SAMPLE);
    expect(changed).not.toBe(SAMPLE);
    const r = parseEdxml(changed) as EdxmlDocumentResult;
    has(r.issues, code, path);
    expect(() => parseEdxml(changed, { strict: true })).toThrow(VnEgovError);
  });

  it('keeps the value read through a variant equal to the canonical one', () => {
    const base = parseEdxml(SAMPLE).message;
    const variant = parseEdxml(SAMPLE.replaceAll('edXML:OrganizationInCharge>', 'edXML:OrganInCharge>').replaceAll('edXML:Bussiness', 'edXML:Business')).message;
    expect(variant).toEqual(base);
  });

  const errors: [string, (s: string) => string, string, string][] = [
    ['impossible date', (s) => s.replace('<edXML:PromulgationDate>2019/01/16', '<edXML:PromulgationDate>2019/02/30'), 'invalid_date', 'promulgationInfo.promulgationDate'],
    ['non-integer Priority', (s) => s.replace('<edXML:Priority>0', '<edXML:Priority>high'), 'invalid_integer', 'otherInfo.priority'],
    ['missing DocumentId', (s) => s.replace(/<edXML:DocumentId>000.00.00.G22,2015[^<]*<\/edXML:DocumentId>/, ''), 'missing_element', 'documentId'],
    ['duplicate Subject', (s) => s.replace('<edXML:Content>', '<edXML:Subject>again</edXML:Subject><edXML:Content>'), 'duplicate_element', 'subject'],
    ['element inside a leaf', (s) => s.replace('<edXML:Subject>', '<edXML:Subject><edXML:b>x</edXML:b>'), 'unexpected_children', 'subject'],
  ];
  it.each(errors)('%s is an error-severity issue, not silence', (_name, change, code, path) => {
    const changed = change(SAMPLE);
    expect(changed).not.toBe(SAMPLE);
    has(parseEdxml(changed).issues, code, path, 'error');
  });

  it('reports unknown and foreign elements instead of dropping them silently', () => {
    const r = parseEdxml(SAMPLE.replace('<edXML:Subject>', '<edXML:ReplyFors>1</edXML:ReplyFors><x:Extra xmlns:x="urn:x">1</x:Extra><edXML:Subject>'));
    has(r.issues, 'unknown_element', 'ReplyFors');
    has(r.issues, 'foreign_element', 'Extra');
  });

  it('matches on the namespace URI, not the prefix: edXML-named elements in another namespace are not edXML', () => {
    const other = SAMPLE.replace('<edXML:Subject>', '<edXML:Subject xmlns:edXML="urn:other">');
    const r = parseEdxml(other) as EdxmlDocumentResult;
    expect(r.message.subject).toBeUndefined();
    has(r.issues, 'foreign_element', 'Subject');
    has(r.issues, 'missing_element', 'subject', 'error');
  });

  it('reads the expected kind or refuses', () => {
    expect(() => parseEdxml(SAMPLE, { expect: 'status' })).toThrow(expect.objectContaining({ code: 'EDXML_NOT_EDXML' }));
  });
});
