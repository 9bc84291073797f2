import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  buildEdxml,
  buildStatus,
  EDXML_NAMESPACE,
  manifestFor,
  parseEdxml,
  type EdxmlAttachmentInput,
  type EdxmlDocument,
  type EdxmlDocumentResult,
  type EdxmlStatusResult,
} from '../../src/edxml/index.js';
import { SHARED } from '../helpers/shared-data.js';
import { attachments, documentMessage, statusMessage } from './helpers/arbitraries.js';

const DIR = join(SHARED, 'data', 'edxml-samples');
const samples = readdirSync(DIR).filter((f) => f.endsWith('.edxml')).sort();

const minimal: EdxmlDocument = {
  from: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
  to: [{ organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' }],
  documentId: '000.00.00.G22,2026/03/02,15/VPCP-TTĐT',
  code: { codeNumber: '15', codeNotation: 'VPCP-TTĐT' },
  responseFor: [],
};

describe('buildEdxml / buildStatus', () => {
  it.each(samples)('%s: parse → build → parse gives the same message, and build is then byte-stable', (file) => {
    const first = parseEdxml(readFileSync(join(DIR, file)));
    const xml =
      first.kind === 'document' ? buildEdxml(first.message, first.attachments.map((a) => ({ ...a.meta, data: a.bytes() }))) : buildStatus(first.message);
    const second = parseEdxml(xml);
    expect(second.kind).toBe(first.kind);
    expect(second.message).toEqual(first.message);
    const again =
      second.kind === 'document' ? buildEdxml(second.message, second.attachments.map((a) => ({ ...a.meta, data: a.bytes() }))) : buildStatus(second.message);
    expect(again).toBe(xml);
    // The canonical output has no tolerance left to report except the stripped payload.
    expect(second.issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual(first.kind === 'document' ? ['empty_attachment'] : []);
  });

  it('property: parse(build(message, attachments)) gives back the message and the attachment bytes', () => {
    fc.assert(
      fc.property(documentMessage, attachments, (message, atts) => {
        const r = parseEdxml(buildEdxml(message, atts)) as EdxmlDocumentResult;
        expect(r.kind).toBe('document');
        // An absent manifest is derived from the attachments (documented behaviour of buildEdxml).
        expect(r.message).toEqual({ ...message, manifest: message.manifest ?? manifestFor(atts) });
        expect(r.attachments.map((a) => a.meta)).toEqual(atts.map(({ data: _data, ...meta }) => meta));
        r.attachments.forEach((a, i) => expect(a.bytes()).toEqual(atts[i]!.data));
      }),
      { numRuns: 300 },
    );
  });

  it('property: build → parse → build is byte-identical', () => {
    fc.assert(
      fc.property(documentMessage, attachments, fc.integer({ min: 0, max: 100 }), (message, atts, wrap) => {
        const first = buildEdxml(message, atts, { base64LineLength: wrap });
        const r = parseEdxml(first) as EdxmlDocumentResult;
        expect(buildEdxml(r.message, r.attachments.map((a) => ({ ...a.meta, data: a.bytes() })), { base64LineLength: wrap })).toBe(first);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(statusMessage, (status) => {
        const first = buildStatus({ ...status, statusCode: status.statusCode ?? '01' });
        const r = parseEdxml(first);
        expect(r.kind === 'status' && buildStatus(r.message)).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('property: parse(buildStatus(status)) gives back the status', () => {
    fc.assert(
      fc.property(statusMessage, (status) => {
        // A status needs a StatusCode element to be recognised as one.
        const s = { ...status, statusCode: status.statusCode ?? '01' };
        const r = parseEdxml(buildStatus(s)) as EdxmlStatusResult;
        expect(r.kind).toBe('status');
        expect(r.message).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('property: wrapped base64 reads back the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.integer({ min: 0, max: 100 }), (data, wrap) => {
        const xml = buildEdxml(minimal, [{ contentId: 'cid:a', attachmentName: 'a.bin', contentType: 'application/octet-stream', data }], { base64LineLength: wrap });
        expect(parseEdxml(xml).attachments[0]!.bytes()).toEqual(data);
      }),
    );
  });

  it('writes the QCVN namespace, the double-s spelling, cid: ids and yyyy/MM/dd dates', () => {
    const xml = buildEdxml(
      {
        ...minimal,
        promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-03-02' },
        traceHeaderList: { traceHeaders: [{ organId: '000.00.00.G22', timestamp: '2026-03-02T09:05:00' }], business: { businessDocType: 0, businessDocReason: 'Văn bản điện tử mới' } },
      },
      [{ contentId: 'abc', attachmentName: 'QD.pdf', contentType: 'application/pdf', data: new TextEncoder().encode('%PDF-1.7') }],
    );
    expect(xml).toContain(`<edXML xmlns="${EDXML_NAMESPACE}" xmlns:edXML="${EDXML_NAMESPACE}">`);
    expect(xml).toContain('<edXML:Bussiness>');
    expect(xml).toContain('<edXML:BussinessDocType>0</edXML:BussinessDocType>');
    expect(xml).toContain('<edXML:PromulgationDate>2026/03/02</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:Timestamp>2026/03/02 09:05:00</edXML:Timestamp>');
    // A bare ContentId is written with cid: in both the manifest (derived) and the attachment.
    expect(xml.match(/<edXML:ContentId>cid:abc<\/edXML:ContentId>/g)).toHaveLength(2);
    expect(xml).toContain('<edXML:ContentTransferEncoded>JVBERi0xLjc=</edXML:ContentTransferEncoded>');
    const r = parseEdxml(xml) as EdxmlDocumentResult;
    expect(r.message.manifest).toEqual(manifestFor([{ contentId: 'abc', attachmentName: 'QD.pdf', contentType: 'application/pdf' }]));
    expect(r.issues.filter((i) => i.severity === 'warning')).toEqual([]);
  });

  it('escapes markup characters and keeps carriage returns', () => {
    const subject = 'a < b && c > d ]]> "q" \'s\' \r\n end\r';
    const r = parseEdxml(buildEdxml({ ...minimal, subject })) as EdxmlDocumentResult;
    expect(r.message.subject).toBe(subject);
  });

  it('refuses characters XML cannot carry, bad dates, and duplicate or missing ContentIds', () => {
    const expectCode = (f: () => unknown, code: string): void => {
      try {
        f();
        expect.unreachable('should throw');
      } catch (e) {
        expect(e).toBeInstanceOf(VnEgovError);
        expect((e as VnEgovError).code).toBe(code);
      }
    };
    expectCode(() => buildEdxml({ ...minimal, subject: 'bell \u0007' }), 'EDXML_INVALID_MESSAGE');
    expectCode(() => buildEdxml({ ...minimal, subject: 'lone \uD800' }), 'EDXML_INVALID_MESSAGE');
    expectCode(() => buildEdxml({ ...minimal, dueDate: '2014-02-30' }), 'EDXML_INVALID_MESSAGE');
    expectCode(() => buildEdxml({ ...minimal, to: 'x' } as unknown as EdxmlDocument), 'EDXML_INVALID_MESSAGE');
    const att = (contentId?: string): EdxmlAttachmentInput => ({ ...(contentId === undefined ? {} : { contentId }), attachmentName: 'a', contentType: 'x', data: new Uint8Array(1) });
    expectCode(() => buildEdxml(minimal, [att('cid:1'), att('1')]), 'EDXML_INVALID_ATTACHMENT');
    expectCode(() => buildEdxml(minimal, [att()]), 'EDXML_INVALID_ATTACHMENT');
    expectCode(() => buildEdxml(minimal, [], { base64LineLength: -1 }), 'EDXML_INVALID_OPTIONS');
    expectCode(() => buildStatus({ statusCode: '1' }), 'EDXML_INVALID_MESSAGE');
  });
});

describe('schemas are strict', () => {
  it('refuses unknown properties instead of dropping them silently', () => {
    expect(() => buildEdxml({ ...minimal, subjet: 'typo' } as unknown as EdxmlDocument)).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_MESSAGE' }));
    expect(() => buildStatus({ statusCode: '01', from: { organID: 'x' } } as never)).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_MESSAGE' }));
  });
});
