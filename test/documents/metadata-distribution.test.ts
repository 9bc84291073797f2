import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  createDistributionPolicy,
  distributionChannelFor,
  documentTypes,
  giaoThuyDistributionPolicy2019,
  incomingDocumentSchema,
  outgoingDocumentSchema,
  parseDocumentFile,
  parseIncomingDocument,
  parseOutgoingDocument,
  type DistributionPolicy,
} from '../../src/documents/index.js';

const errOf = (f: () => unknown): VnEgovError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    return e as VnEgovError;
  }
  throw new Error('did not throw');
};

const outgoing = {
  FileCode: { OrganId: '000.00.00.H41', FileCatalog: 2026, FileNotation: '01.VP' },
  DocOrdinal: 1,
  TypeName: 'Quyết định',
  CodeNumber: '15',
  CodeNotation: 'QĐ-UBND',
  IssuedDate: '2026-03-02',
  OrganName: 'Ủy ban nhân dân tỉnh Nghệ An',
  Subject: 'Về việc phê duyệt kế hoạch',
  Language: 'Tiếng Việt',
  PageAmount: 3,
  SignerInfo: { Position: 'KT. CHỦ TỊCH', FullName: 'Nguyễn Văn A' },
  To: [{ OrganId: '000.00.00.G22', OrganName: 'Văn phòng Chính phủ' }],
  Priority: 1,
  IssuedAmount: 10,
  DueDate: '2026-03-20',
};

describe('metadata schemas (NĐ 30/2020 Phụ lục VI Phần II)', () => {
  it('has the 16 outgoing and 18 incoming items by their English names', () => {
    expect(Object.keys(outgoingDocumentSchema.shape)).toEqual([
      'FileCode', 'DocOrdinal', 'TypeName', 'CodeNumber', 'CodeNotation', 'IssuedDate', 'OrganName', 'Subject', 'Language',
      'PageAmount', 'Description', 'SignerInfo', 'To', 'Priority', 'IssuedAmount', 'DueDate',
    ]);
    expect(Object.keys(incomingDocumentSchema.shape)).toEqual([
      'FileCode', 'DocOrdinal', 'TypeName', 'CodeNumber', 'CodeNotation', 'IssuedDate', 'OrganName', 'Subject', 'Language',
      'PageAmount', 'Description', 'ArrivalDate', 'ArrivalNumber', 'SignerInfo', 'Priority', 'ToPlaces', 'TraceHeaderList', 'DueDate',
    ]);
  });
  it('accepts a full outgoing record and normalises NFD text', () => {
    expect(parseOutgoingDocument(outgoing)).toEqual(outgoing);
    const nfd = parseOutgoingDocument({ ...outgoing, Subject: outgoing.Subject.normalize('NFD') });
    expect(nfd.Subject).toBe(outgoing.Subject);
  });
  it.each([
    [{ CodeNumber: '123456789012' }, ['CodeNumber']],
    [{ CodeNotation: 'X'.repeat(31) }, ['CodeNotation']],
    [{ OrganName: 'X'.repeat(201) }, ['OrganName']],
    [{ Subject: 'X'.repeat(501) }, ['Subject']],
    [{ Subject: '' }, ['Subject']],
    [{ IssuedDate: '02/03/2026' }, ['IssuedDate']],
    [{ IssuedDate: '2026-02-30' }, ['IssuedDate']],
    [{ Priority: 10 }, ['Priority']],
    [{ Priority: 1.5 }, ['Priority']],
    [{ PageAmount: 1000 }, ['PageAmount']],
    [{ IssuedAmount: -1 }, ['IssuedAmount']],
    [{ FileCode: { OrganId: '000.00.00.H41X', FileCatalog: 2026, FileNotation: 'A' } }, ['FileCode', 'OrganId']],
    [{ FileCode: { OrganId: '000.00.00.H41', FileCatalog: 20260, FileNotation: 'A' } }, ['FileCode', 'FileCatalog']],
    [{ SignerInfo: { FullName: 'X'.repeat(51) } }, ['SignerInfo', 'FullName']],
    [{ To: [{ OrganName: 'X'.repeat(201) }] }, ['To', 0, 'OrganName']],
  ])('rejects %j with the field path', (patch, path) => {
    const e = errOf(() => parseOutgoingDocument({ ...outgoing, ...patch }));
    expect(e.code).toBe('INVALID_METADATA');
    expect(e.issues[0]?.path).toEqual(path);
  });
  it('checks incoming records (ArrivalDate, ArrivalNumber Number 10, ToPlaces String 1000)', () => {
    const { To: _to, IssuedAmount: _amount, ...rest } = outgoing;
    const incoming = { ...rest, ArrivalDate: '2026-03-03', ArrivalNumber: 120, ToPlaces: 'Phòng Nội chính' };
    expect(parseIncomingDocument(incoming).ArrivalNumber).toBe(120);
    expect(errOf(() => parseIncomingDocument({ ...incoming, ArrivalNumber: 1e10 })).issues[0]?.path).toEqual(['ArrivalNumber']);
    expect(errOf(() => parseIncomingDocument({ ...incoming, ArrivalNumber: 0 })).issues[0]?.path).toEqual(['ArrivalNumber']);
    expect(errOf(() => parseIncomingDocument({ ...incoming, ToPlaces: 'x'.repeat(1001) })).issues[0]?.path).toEqual(['ToPlaces']);
    expect(errOf(() => parseIncomingDocument(outgoing)).issues.map((i) => i.path[0])).toEqual(['ArrivalDate', 'ArrivalNumber']);
  });
  it('checks file (hồ sơ) records', () => {
    expect(parseDocumentFile({ FileCode: outgoing.FileCode, Title: 'Hồ sơ', DocTotal: 12 }).DocTotal).toBe(12);
    expect(errOf(() => parseDocumentFile({ FileCode: outgoing.FileCode, Title: 'Hồ sơ', DocTotal: 10000 })).code).toBe('INVALID_METADATA');
  });
  it('fuzz: anything in, only INVALID_METADATA out', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        for (const f of [parseOutgoingDocument, parseIncomingDocument, parseDocumentFile]) {
          try {
            f(x);
          } catch (e) {
            expect((e as VnEgovError).code).toBe('INVALID_METADATA');
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('distribution policy', () => {
  it('ships the Giao Thủy 2019 example: QĐ and TTr both ways, the rest electronic only', () => {
    const p = giaoThuyDistributionPolicy2019;
    expect(p.confidence).toBe('secondary');
    expect(p.rules).toEqual([{ channel: 'electronic-and-paper', documentTypes: ['quyet-dinh', 'to-trinh'] }]);
    for (const t of documentTypes) {
      const expected = t.id === 'quyet-dinh' || t.id === 'to-trinh' ? 'electronic-and-paper' : 'electronic-only';
      expect(distributionChannelFor(p, t.id)).toBe(expected);
    }
    expect(distributionChannelFor(p, 'quyet dinh')).toBe('electronic-and-paper');
    expect(distributionChannelFor(p, 'TTr')).toBe('electronic-and-paper');
    expect(distributionChannelFor(p, 'Công văn')).toBe('electronic-only');
  });
  it('lets the caller configure its own policy', () => {
    const p = createDistributionPolicy({
      name: 'Sở X',
      defaultChannel: 'electronic-and-paper',
      rules: [{ documentTypes: ['Giấy mời', 'TB'], channel: 'electronic-only' }],
    });
    expect(p.rules[0]?.documentTypes).toEqual(['giay-moi', 'thong-bao']);
    expect(distributionChannelFor(p, 'GM')).toBe('electronic-only');
    expect(distributionChannelFor(p, 'QĐ')).toBe('electronic-and-paper');
  });
  it('rejects bad policies and unknown types', () => {
    expect(errOf(() => createDistributionPolicy({ name: '', defaultChannel: 'electronic-only' })).code).toBe('INVALID_DISTRIBUTION_POLICY');
    expect(errOf(() => createDistributionPolicy({ name: 'X', defaultChannel: 'fax' as 'electronic-only' })).code).toBe('INVALID_DISTRIBUTION_POLICY');
    const unknown = errOf(() => createDistributionPolicy({ name: 'X', defaultChannel: 'electronic-only', rules: [{ documentTypes: ['Hóa đơn'], channel: 'electronic-only' }] }));
    expect(unknown.issues[0]?.path).toEqual(['rules', 0, 'documentTypes', 0]);
    const dup = errOf(() =>
      createDistributionPolicy({
        name: 'X',
        defaultChannel: 'electronic-only',
        rules: [
          { documentTypes: ['QĐ'], channel: 'electronic-only' },
          { documentTypes: ['quyet dinh'], channel: 'electronic-and-paper' },
        ],
      }),
    );
    expect(dup.issues[0]?.code).toBe('duplicate_document_type');
    expect(errOf(() => distributionChannelFor(giaoThuyDistributionPolicy2019, 'Hóa đơn')).code).toBe('UNKNOWN_DOCUMENT_TYPE');
    expect(errOf(() => distributionChannelFor(null as unknown as DistributionPolicy, 'QĐ')).code).toBe('INVALID_DISTRIBUTION_POLICY');
  });
});
