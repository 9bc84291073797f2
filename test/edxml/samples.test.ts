import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEdxml, type EdxmlDocumentResult, type EdxmlStatusResult } from '../../src/edxml/index.js';
import { SHARED } from '../helpers/shared-data.js';

const DIR = join(SHARED, 'data', 'edxml-samples');
const read = (name: string): Uint8Array => readFileSync(join(DIR, name));
const codes = (r: { issues: readonly { code: string; severity: string; path: readonly (string | number)[] }[] }): string[] =>
  r.issues.map((i) => `${i.severity}:${i.code}@${i.path.join('.')}`);

describe('VPCP sample files (data/edxml-samples, SOURCES.txt)', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.edxml')).sort();

  it('finds all 15 samples', () => {
    expect(files).toHaveLength(15);
  });

  it.each(files)('%s parses from bytes and from a string with the same result', (file) => {
    const bytes = read(file);
    const a = parseEdxml(bytes);
    const b = parseEdxml(new TextDecoder().decode(bytes));
    const c = parseEdxml(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(a.kind).toBe(file.startsWith('status') ? 'status' : 'document');
    expect(b.message).toEqual(a.message);
    expect(c.message).toEqual(a.message);
    expect(b.issues).toEqual(a.issues);
    // No sample has an error-severity issue (Bussiness/DocumentId is optional: two samples omit it).
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  const statusCases: [string, string, string][] = [
    ['status.edxml', '01', '000.00.00.H41'],
    ['status_inbox_01.edxml', '01', '000.00.00.H41'],
    ['status_rejection_02.edxml', '02', '000.00.00.H41'],
    ['status_acceptance_03.edxml', '03', '000.00.00.H41'],
    ['status_assignment_04.edxml', '04', '000.00.00.H41'],
    ['status_processing_05.edxml', '05', '000.00.00.H41'],
    ['status_finish_06.edxml', '06', '000.00.00.H41'],
    ['status_cancellation_13.edxml', '13', '000.00.00.G22'],
    ['status_change-acceptance_15.edxml', '15', '000.00.00.H41'],
    ['status_change-rejection_16.edxml', '16', '000.00.00.H41'],
  ];
  it.each(statusCases)('%s is status %s from %s', (file, code, from) => {
    const r = parseEdxml(read(file), { expect: 'status' }) as EdxmlStatusResult;
    expect(r.kind).toBe('status');
    expect(r.message.statusCode).toBe(code);
    expect(r.message.from?.organId).toBe(from);
    expect(r.message.responseFor?.documentId).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(r.message.responseFor?.code).toBe('7816/VPCP-TTĐT');
    expect(r.attachments).toEqual([]);
    expect(r.signature).toEqual({ state: 'unsigned' });
    // Strict mode passes: element order is `info`, never a violation.
    expect(() => parseEdxml(read(file), { strict: true })).not.toThrow();
  });

  it('pins status_inbox_01.edxml field by field', () => {
    const r = parseEdxml(read('status_inbox_01.edxml')) as EdxmlStatusResult;
    expect(r.message).toEqual({
      from: {
        organId: '000.00.00.H41',
        organName: 'UBND Tỉnh Nghệ An',
        organizationInCharge: 'UBND Tỉnh Nghệ An',
        organAdd: 'Số 03, đường Trường Thi, Thành phố Vinh, Tỉnh Nghệ An, Việt Nam',
        email: 'nghean@gov.vn',
        telephone: '0383 840418',
        fax: '0383 843049',
        website: 'www.nghean.vn',
      },
      responseFor: {
        organId: '000.00.00.G22',
        code: '7816/VPCP-TTĐT',
        promulgationDate: '2015-09-30',
        documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT',
      },
      staffInfo: { department: 'Phong hanh chinh', staff: 'Nguyen thi ngoc tram', mobile: '84912000001', email: 'ngoctram@nghean.vn' },
      statusCode: '01',
      description: 'Văn thư - Phòng Văn thư - Lưu trữ: Đã đến - Phần mềm QLVB đã nhận nhưng văn thư chưa xử lý',
      timestamp: '2015-09-20T11:08:36',
    });
    // The numbered samples write OrganName before OrganizationInCharge (specs/edxml.md §2.4): noted as info.
    expect(codes(r)).toEqual(['info:non_canonical_order@from', 'info:non_canonical_order@staffInfo']);
  });

  it('pins status.edxml (VNPT order; ResponseFor with DocumentId before PromulgationDate)', () => {
    const r = parseEdxml(read('status.edxml')) as EdxmlStatusResult;
    expect(r.message.timestamp).toBe('2018-09-28T17:25:11');
    expect(r.message.responseFor?.promulgationDate).toBe('2018-09-28');
    expect(r.message.staffInfo).toEqual({ department: 'Văn thư văn phòng', staff: 'Nguyễn Thị Ngọc Trâm', email: 'vanthuvanphong@gov.vn', mobile: '84912000001' });
    expect(codes(r)).toEqual(['info:non_canonical_order@responseFor']);
  });

  const docCases: [string, number, string, number, string][] = [
    ['edoc_new.payload-stripped.edxml', 0, 'Văn bản điện tử mới', 1, '000.00.00.A80'],
    ['edoc_revocation.payload-stripped.edxml', 1, 'Thu hồi văn bản điện tử', 3, '000.00.00.G22'],
    ['edoc_update.payload-stripped.edxml', 2, 'Cập nhật văn bản điện tử', 3, '000.00.00.G22'],
    ['edoc_replacement.payload-stripped.edxml', 3, 'Văn bản thay thế', 3, '000.00.00.G22'],
    ['dc0bdef0-c7a3-4aaf-b717-777303442973.payload-stripped.edxml', 0, 'Văn bản điện tử mới', 3, '000.00.00.G22'],
  ];
  it.each(docCases)('%s: business type %i (%s), %i recipients, from %s', (file, type, reason, recipients, from) => {
    const r = parseEdxml(read(file), { expect: 'document' }) as EdxmlDocumentResult;
    const m = r.message;
    expect(m.traceHeaderList?.business?.businessDocType).toBe(type);
    expect(m.traceHeaderList?.business?.businessDocReason).toBe(reason);
    expect(m.to).toHaveLength(recipients);
    expect(m.from?.organId).toBe(from);
    expect(m.documentId).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(m.documentType).toEqual({ type: 1, typeDetail: 0, typeName: 'Công văn' });
    expect(m.otherInfo?.priority).toBe(0);
    expect(m.otherInfo?.direction).toBe(false);
    expect(m.toPlaces).toEqual(['Cac bo va co quan ngang bo', 'Uy ban nhan dan cac tinh, TP']);
    expect(m.manifest).toEqual({
      version: '1.0',
      references: [{ contentId: 'cid:209', contentType: 'application/zip', description: '1896_QD-TTg_m_294779.doc', attachmentName: '1896_QD-TTg_m_294779.doc' }],
    });
    // One attachment; its payload was stripped (SOURCES.txt), which is reported, and decodes to zero bytes.
    expect(r.attachments).toHaveLength(1);
    const a = r.attachments[0]!;
    expect(a.id).toBe('209');
    expect(a.meta).toEqual({ contentId: 'cid:209', attachmentName: '1896_QD-TTg_m_294779.doc', description: '1896_QD-TTg_m_294779.doc', contentType: 'application/zip' });
    expect(a.bytes()).toEqual(new Uint8Array(0));
    expect(codes(r)).toContain('warning:empty_attachment@attachments.0.contentTransferEncoded');
    // The unsigned-looking signature slot: present, in the edXML namespace (specs/edxml.md §4.2), rsa-sha1.
    expect(r.signature.state).toBe('present');
    if (r.signature.state === 'present') {
      expect(r.signature.inXmldsigNamespace).toBe(false);
      expect(r.signature.namespace).toBe('http://www.mic.gov.vn/TBT/QCVN_102_2016');
      expect(r.signature.signatureMethod).toBe('http://www.w3.org/2000/09/xmldsig#rsa-sha1');
      expect(r.signature.canonicalizationMethod).toBe('http://www.w3.org/TR/2001/REC-xml-c14n-20010315');
      expect(r.signature.references).toEqual([
        {
          uri: '',
          transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/TR/xml-exc-c14n#'],
          digestMethod: 'http://www.w3.org/2000/09/xmldsig#sha1',
          digestValue: 'FwgIqsSYJshUS2+wlOM61L+q7Aw=',
        },
      ]);
      expect(r.signature.x509Certificates).toEqual(['MIIFqTCCBJG']);
      expect(r.signature.usesSha1).toBe(true);
      expect(r.signature.raw.startsWith('<Signature>')).toBe(true);
      expect(r.signature.raw.endsWith('</Signature>')).toBe(true);
    }
  });

  it('pins edoc_new: OrganId 28.22.H17 of the sample is read as is, dates converted, DocumentId opaque', () => {
    const r = parseEdxml(read('edoc_new.payload-stripped.edxml')) as EdxmlDocumentResult;
    const m = r.message;
    expect(m.to[0]?.organId).toBe('28.22.H17');
    expect(m.code).toEqual({ codeNumber: '74fass22', codeNotation: 'VPCP-TTĐT' });
    expect(m.promulgationInfo).toEqual({ place: 'Hà Nội', promulgationDate: '2019-01-16' });
    expect(m.dueDate).toBe('2018-09-28');
    expect(m.signerInfo).toEqual({ competence: 'TL. BO TRUONG', position: 'Cuc truong cuc ung dung cong nghe thong tin', fullName: 'Nguyen Thanh Phuc' });
    expect(m.otherInfo).toEqual({
      priority: 0,
      sphereOfPromulgation: 'Liên thông văn bản quốc gia',
      typerNotation: 'TVC',
      promulgationAmount: 2,
      pageAmount: 22,
      direction: false,
      appendixes: ['Công văn về việc kết nối, liên thông phần mềm quản lý văn bản'],
    });
    expect(m.steeringType).toBe(1);
    // The impossible date 2014/02/30 inside the Bussiness DocumentId stays: DocumentId is opaque (§2.7).
    expect(m.traceHeaderList?.business?.documentId).toBe('000.00.00.G22,2014/02/30,7806/VPCP-TTĐT');
    expect(m.traceHeaderList?.traceHeaders).toEqual([{ organId: '000.00.00.G22', timestamp: '2018-09-28T00:00:00' }]);
    expect(m.traceHeaderList?.business?.staffInfo?.staff).toBe('Nguyễn Thị Ngọc Trâm');
    expect(codes(r)).toEqual(['warning:empty_attachment@attachments.0.contentTransferEncoded']);
  });

  it('pins edoc_update: BussinessDocumentInfo with its receiver list', () => {
    const r = parseEdxml(read('edoc_update.payload-stripped.edxml')) as EdxmlDocumentResult;
    expect(r.message.traceHeaderList?.business?.businessDocumentInfo).toEqual({
      documentInfo: 1,
      documentReceiver: 1,
      receivers: [
        { organId: '000.00.00.H41', receiverType: 0 },
        { organId: '000.00.00.H14', receiverType: 1 },
      ],
    });
    expect(r.message.to.map((o) => o.organId)).toEqual(['000.00.00.H41', '000.00.00.H14', '000.00.00.G17']);
  });

  it('pins edoc_replacement: two ReplacementInfo entries, no Bussiness DocumentId', () => {
    const r = parseEdxml(read('edoc_replacement.payload-stripped.edxml')) as EdxmlDocumentResult;
    const b = r.message.traceHeaderList?.business;
    expect(b?.documentId).toBeUndefined();
    expect(b?.replacementInfoList).toEqual([
      { documentId: '000.00.00.G22,2014/01/30,7806/VPCP-TTĐT', organIds: ['000.00.00.H41', '000.00.00.H14'] },
      { documentId: '000.00.00.G22,2014/01/30,7806/VPCP-TTĐT', organIds: ['000.00.00.H41', '000.00.00.H14'] },
    ]);
  });

  it('pins edoc_revocation: one ResponseFor', () => {
    const r = parseEdxml(read('edoc_revocation.payload-stripped.edxml')) as EdxmlDocumentResult;
    expect(r.message.responseFor).toEqual([
      { organId: '000.00.00.H14', code: '267/VPCP-TTĐT', documentId: '000.00.04.G14,2012/08/06,267/VPCP-TTĐT', promulgationDate: '2018-09-28' },
    ]);
  });

  it('pins dc0bdef0: TraceHeader after Bussiness (order noted as info)', () => {
    const r = parseEdxml(read('dc0bdef0-c7a3-4aaf-b717-777303442973.payload-stripped.edxml')) as EdxmlDocumentResult;
    expect(r.message.traceHeaderList?.traceHeaders).toEqual([{ organId: '000.00.00.G22', timestamp: '2019-04-11T00:00:00' }]);
    expect(r.message.promulgationInfo?.promulgationDate).toBe('2019-04-11');
    expect(codes(r)).toContain('info:non_canonical_order@traceHeaderList');
  });
});
