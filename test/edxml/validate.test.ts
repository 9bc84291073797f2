import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendTrace,
  buildEdxml,
  businessPackage,
  checkStatusTransition,
  formatDocumentId,
  parseDocumentId,
  parseEdxml,
  replyStatus,
  validateEdxml,
  validateStatusFlow,
  type EdxmlDocument,
  type EdxmlIssue,
} from '../../src/edxml/index.js';
import { SHARED } from '../helpers/shared-data.js';

const DIR = join(SHARED, 'data', 'edxml-samples');
const keys = (issues: readonly EdxmlIssue[]): string[] => issues.map((i) => `${i.severity}:${i.code}@${i.path.join('.')}`);

const good: EdxmlDocument = {
  from: { organId: '000.00.00.G22', organizationInCharge: 'Chính phủ', organName: 'Văn phòng Chính phủ' },
  to: [{ organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' }],
  documentId: '000.00.00.G22,2026/03/02,15/VPCP-TTĐT',
  code: { codeNumber: '15', codeNotation: 'VPCP-TTĐT' },
  promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-03-02' },
  documentType: { type: 1, typeDetail: 0, typeName: 'Công văn' },
  subject: 'V/v thử nghiệm',
  content: 'V/v thử nghiệm',
  signerInfo: { competence: 'KT. BỘ TRƯỞNG', position: 'Thứ trưởng', fullName: 'Nguyễn Văn A' },
  dueDate: '2026-03-16',
  otherInfo: { priority: 1, promulgationAmount: 1, pageAmount: 2, direction: false, appendixes: [] },
  responseFor: [],
  steeringType: 0,
  toPlaces: ['Như trên'],
  traceHeaderList: { traceHeaders: [{ organId: '000.00.00.G22', timestamp: '2026-03-02T09:00:00' }], business: { businessDocType: 0, businessDocReason: 'Văn bản điện tử mới', paper: 0 } },
  manifest: { version: '1.0', references: [{ contentId: 'cid:1', contentType: 'application/pdf', attachmentName: 'a.pdf' }] },
};
const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');

describe('validateEdxml', () => {
  it('finds nothing to say about a complete, consistent package', () => {
    const r = parseEdxml(buildEdxml(good, [{ contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf', data: pdf }]));
    expect(validateEdxml(r, { required: 'value', organizationCodes: 'strict' })).toEqual([]);
  });

  it('reports every problem at once, with paths and bilingual messages', () => {
    const bad: EdxmlDocument = {
      ...good,
      from: { organId: '28.22.H17' },
      to: [],
      code: { codeNumber: 'x1', codeNotation: 'VPCP' },
      documentId: 'not-a-document-id',
      dueDate: '2026-03-01',
      subject: '',
      otherInfo: { priority: 7 },
      traceHeaderList: { traceHeaders: [], business: { businessDocType: 5 } },
      manifest: { references: [{ contentId: 'cid:1' }, { contentId: '1' }] },
    };
    const issues = validateEdxml({ kind: 'document', message: bad, attachments: [{ contentId: 'cid:2', contentType: 'application/pdf' }] }, { required: 'value' });
    const k = keys(issues);
    for (const expected of [
      'error:missing_element@from.organName',
      'error:missing_element@to',
      'error:no_recipient@to',
      'error:empty_element@subject',
      'warning:invalid_organization_code@from.organId',
      'warning:invalid_code_number@code.codeNumber',
      'warning:non_conventional_document_id@documentId',
      'warning:due_before_promulgation@dueDate',
      'warning:unknown_priority@otherInfo.priority',
      'error:missing_element@traceHeaderList.traceHeaders',
      'error:unknown_business_doc_type@traceHeaderList.business.businessDocType',
      'error:duplicate_content_id@manifest.references.1.contentId',
      'warning:attachment_not_in_manifest@attachments.0.contentId',
      'error:reference_without_attachment@manifest.references.0.contentId',
    ]) {
      expect(k).toContain(expected);
    }
    expect(issues.every((i) => i.message.includes('/'))).toBe(true);
  });

  it('presence mode accepts empty required elements, value mode does not (specs/edxml.md §2.3)', () => {
    const m = { ...good, signerInfo: { competence: '', fullName: '' }, dueDate: '' };
    expect(keys(validateEdxml({ kind: 'document', message: m }))).not.toContain('error:empty_element@signerInfo.competence');
    expect(keys(validateEdxml({ kind: 'document', message: m }, { required: 'value' }))).toContain('error:empty_element@signerInfo.competence');
  });

  it('compares declared and sniffed types of attachment handles', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    const r = parseEdxml(buildEdxml(good, [{ contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf', data: zip }]));
    expect(keys(validateEdxml(r))).toContain('warning:content_type_mismatch@attachments.0.contentType');
    const docx = parseEdxml(buildEdxml({ ...good, manifest: { references: [{ contentId: 'cid:1', contentType: 'application/docx', attachmentName: 'a.docx' }] } }, [{ contentId: 'cid:1', attachmentName: 'a.docx', contentType: 'application/docx', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml')]) }]));
    expect(keys(validateEdxml(docx))).toEqual(['info:nonstandard_content_type@attachments.0.contentType']);
  });

  it('flags the known oddities of the VPCP samples without rejecting them', () => {
    const r = parseEdxml(readFileSync(join(DIR, 'edoc_new.payload-stripped.edxml')));
    const k = keys(validateEdxml(r));
    expect(k).toContain('warning:invalid_organization_code@to.0.organId'); // 28.22.H17
    expect(k).toContain('warning:invalid_code_number@code.codeNumber'); // 74fass22
    expect(k).toContain('info:document_id_mismatch@documentId');
    expect(k.filter((x) => x.startsWith('error:'))).toEqual([]);
    for (const f of readdirSync(DIR).filter((x) => x.startsWith('status'))) {
      const s = parseEdxml(readFileSync(join(DIR, f)));
      expect(keys(validateEdxml(s)).filter((x) => x.startsWith('error:')), f).toEqual([]);
    }
  });

  it('checks that a status names the other party in ResponseFor (13 reversed, as in status_cancellation_13)', () => {
    const s13 = parseEdxml(readFileSync(join(DIR, 'status_cancellation_13.edxml')));
    expect(keys(validateEdxml(s13)).some((x) => x.includes('status_direction'))).toBe(false);
    const s03 = parseEdxml(readFileSync(join(DIR, 'status_acceptance_03.edxml')));
    if (s03.kind !== 'status') throw new Error('expected a status');
    const wrong = { kind: 'status' as const, message: { ...s03.message, from: { ...s03.message.from, organId: s03.message.responseFor?.organId ?? '' } } };
    expect(keys(validateEdxml(wrong))).toContain('warning:status_direction@from.organId');
  });

  it('returns schema problems as issues', () => {
    expect(keys(validateEdxml({ kind: 'document', message: { to: 'x' } as unknown as EdxmlDocument }))[0]).toMatch(/^error:schema@/);
  });
});

describe('status flow (specs/edxml.md §5.3, unverified)', () => {
  it('accepts the documented chain and flags jumps', () => {
    expect(validateStatusFlow(['01', '03', '04', '05', '05', '06'])).toEqual([]);
    expect(validateStatusFlow(['01', '02'])).toEqual([]);
    expect(keys(validateStatusFlow(['01', '05']))).toEqual(['warning:unexpected_status_transition@1']);
    expect(keys(validateStatusFlow(['03']))).toEqual(['warning:unexpected_status_transition@0']);
    expect(keys(validateStatusFlow(['01', '03', '13', '16', '04']))).toEqual([]);
    expect(keys(validateStatusFlow(['01', '15']))).toEqual(['info:answer_without_request@1']);
    expect(keys(validateStatusFlow(['01', '07']))).toEqual(['warning:unknown_status_code@1']);
    expect(checkStatusTransition('03', '04')).toBeNull();
    expect(checkStatusTransition('06', '05')?.code).toBe('unexpected_status_transition');
  });
});

describe('helpers', () => {
  it('formats and parses DocumentId, reporting deviations', () => {
    const parts = { organId: '000.00.00.G22', promulgationDate: '2015-09-30', codeNumber: '7816', codeNotation: 'VPCP-TTĐT' };
    expect(formatDocumentId(parts)).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(parseDocumentId('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT')).toEqual({ documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT', parts, dateText: '2015/09/30', issues: [] });
    const odd = parseDocumentId('000.00.00.G22,2014/02/30,7806/VPCP-TTĐT');
    expect(odd.parts).toBeNull();
    expect(odd.dateText).toBe('2014/02/30');
    expect(odd.issues.map((i) => i.code)).toEqual(['invalid_date']);
    expect(parseDocumentId('dc0bdef0-c7a3-4aaf-b717-777303442973').issues[0]?.code).toBe('non_conventional_document_id');
    expect(() => parseDocumentId('x', { strict: true })).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_DOCUMENT_ID' }));
    expect(() => formatDocumentId({ ...parts, codeNumber: '' })).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_DOCUMENT_ID' }));
    expect(() => formatDocumentId({ ...parts, promulgationDate: '2015-02-30' })).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_DOCUMENT_ID' }));
  });

  it('appends a trace hop in Vietnam time, whatever the host time zone', () => {
    const m = appendTrace(good, '000.00.00.H41', new Date('2026-03-02T20:30:00Z'));
    expect(m.traceHeaderList.traceHeaders.at(-1)).toEqual({ organId: '000.00.00.H41', timestamp: '2026-03-03T03:30:00' });
    expect(good.traceHeaderList?.traceHeaders).toHaveLength(1);
  });

  it('builds the reply status of a received package', () => {
    const s = replyStatus(good, '03', { department: 'Văn thư', staff: 'Nguyễn Thị B' }, 'Đã tiếp nhận', '2026-03-02 10:00');
    expect(s).toEqual({
      from: good.to[0],
      responseFor: { organId: '000.00.00.G22', code: '15/VPCP-TTĐT', promulgationDate: '2026-03-02', documentId: good.documentId },
      staffInfo: { department: 'Văn thư', staff: 'Nguyễn Thị B' },
      statusCode: '03',
      description: 'Đã tiếp nhận',
      timestamp: '2026-03-02T10:00:00',
    });
    expect(validateEdxml({ kind: 'status', message: s }).filter((i) => i.severity !== 'info')).toEqual([]);
    expect(() => replyStatus(good, '07' as '01', {}, '', 0)).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_MESSAGE' }));
  });

  it('builds revoke, update and replace packages', () => {
    const revoke = businessPackage(good, { type: 1 });
    expect(revoke.traceHeaderList.business).toEqual({ documentId: good.documentId, businessDocType: 1, businessDocReason: 'Thu hồi văn bản điện tử', paper: 0 });
    const update = businessPackage(good, { type: 2, documentInfo: { documentInfo: 1, documentReceiver: 0 } });
    expect(update.traceHeaderList.business.businessDocumentInfo).toEqual({ documentInfo: 1, documentReceiver: 0 });
    const replace = businessPackage(good, { type: 3, replacements: [{ documentId: 'x', organIds: ['000.00.00.H41'] }] });
    const back = parseEdxml(buildEdxml(replace));
    expect(back.kind === 'document' && back.message.traceHeaderList?.business?.replacementInfoList).toEqual([{ documentId: 'x', organIds: ['000.00.00.H41'] }]);
    expect(() => businessPackage(good, { type: 2 })).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_MESSAGE' }));
    expect(() => businessPackage(good, { type: 3 })).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_MESSAGE' }));
  });
});
