import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  administrativeDocumentTypes,
  copyDocumentTypes,
  documentTypes,
  findDocumentType,
  getDocumentType,
} from '../../src/documents/index.js';

// The abbreviation table of NĐ 30/2020 Phụ lục III mục I, as in data/domain/nd30-2020-document-type-abbreviations.csv.
const CSV: [number, string, string | null][] = [
  [1, 'Nghị quyết (cá biệt)', 'NQ'], [2, 'Quyết định (cá biệt)', 'QĐ'], [3, 'Chỉ thị', 'CT'], [4, 'Quy chế', 'QC'],
  [5, 'Quy định', 'QyĐ'], [6, 'Thông cáo', 'TC'], [7, 'Thông báo', 'TB'], [8, 'Hướng dẫn', 'HD'],
  [9, 'Chương trình', 'CTr'], [10, 'Kế hoạch', 'KH'], [11, 'Phương án', 'PA'], [12, 'Đề án', 'ĐA'],
  [13, 'Dự án', 'DA'], [14, 'Báo cáo', 'BC'], [15, 'Biên bản', 'BB'], [16, 'Tờ trình', 'TTr'],
  [17, 'Hợp đồng', 'HĐ'], [18, 'Công văn', null], [19, 'Công điện', 'CĐ'], [20, 'Bản ghi nhớ', 'BGN'],
  [21, 'Bản thỏa thuận', 'BTT'], [22, 'Giấy ủy quyền', 'GUQ'], [23, 'Giấy mời', 'GM'], [24, 'Giấy giới thiệu', 'GGT'],
  [25, 'Giấy nghỉ phép', 'GNP'], [26, 'Phiếu gửi', 'PG'], [27, 'Phiếu chuyển', 'PC'], [28, 'Phiếu báo', 'PB'],
  [29, 'Thư công', null],
];

describe('document types (NĐ 30/2020 Điều 7, Phụ lục III)', () => {
  it('lists the 29 administrative types in the decree order with their abbreviations', () => {
    expect(administrativeDocumentTypes).toHaveLength(29);
    administrativeDocumentTypes.forEach((t, i) => {
      const [order, name, abbr] = CSV[i]!;
      expect([t.order, t.name, t.abbreviation]).toEqual([order, name, abbr]);
      expect(t.source).toMatch(/NĐ 30\/2020\/NĐ-CP Điều 7/);
      expect(t.confidence).toBe('confirmed');
      expect(t.asciiName).toMatch(/^[\x20-\x7e]+$/);
    });
  });
  it('models Công văn and Thư công with abbreviation null, never an empty string', () => {
    expect(documentTypes.filter((t) => t.abbreviation === null).map((t) => t.id)).toEqual(['cong-van', 'thu-cong']);
    expect(documentTypes.some((t) => t.abbreviation === '')).toBe(false);
  });
  it('lists the copy forms SY, TrS, SL', () => {
    expect(copyDocumentTypes.map((t) => [t.name, t.abbreviation, t.kind])).toEqual([
      ['Bản sao y', 'SY', 'copy'],
      ['Bản trích sao', 'TrS', 'copy'],
      ['Bản sao lục', 'SL', 'copy'],
    ]);
    expect(documentTypes).toHaveLength(32);
  });
  it('gives the templates of Phụ lục III mục II', () => {
    const t = (q: string) => getDocumentType(q).templates;
    expect(t('NQ')).toEqual(['1.1']);
    expect(t('QĐ')).toEqual(['1.2', '1.3']);
    for (const a of ['CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'TTr', 'GUQ', 'PG', 'PC', 'PB']) {
      expect(t(a)).toEqual(['1.4']);
    }
    expect(t('cong van')).toEqual(['1.5']);
    expect(t('CĐ')).toEqual(['1.6']);
    expect(t('GM')).toEqual(['1.7']);
    expect(t('GGT')).toEqual(['1.8']);
    expect(t('BB')).toEqual(['1.9']);
    expect(t('GNP')).toEqual(['1.10']);
    expect(t('SY')).toEqual(['3.1', '3.2']);
    expect(t('HĐ')).toEqual([]);
  });
  it.each([
    ['quyet dinh', 'quyet-dinh'],
    ['Quyết định', 'quyet-dinh'],
    ['QUYẾT ĐỊNH (CÁ BIỆT)', 'quyet-dinh'],
    ['quyết định (cá biệt)', 'quyet-dinh'],
    ['Quye\u0302\u0301t đi\u0323nh', 'quyet-dinh'],
    ['QĐ', 'quyet-dinh'],
    ['qđ', 'quyet-dinh'],
    ['QD', 'quyet-dinh'],
    ['QyĐ', 'quy-dinh'],
    ['QYĐ', 'quy-dinh'],
    ['quy dinh', 'quy-dinh'],
    ['HD', 'huong-dan'],
    ['HĐ', 'hop-dong'],
    ['DA', 'du-an'],
    ['ĐA', 'de-an'],
    ['de an', 'de-an'],
    ['CTr', 'chuong-trinh'],
    ['ctr', 'chuong-trinh'],
    ['CT', 'chi-thi'],
    ['  cong   van ', 'cong-van'],
    ['Thư công', 'thu-cong'],
    ['ban sao y', 'ban-sao-y'],
    ['trs', 'ban-trich-sao'],
    ['giay uy quyen', 'giay-uy-quyen'],
    ['Giấy uỷ quyền', 'giay-uy-quyen'],
    ['to-trinh', 'to-trinh'],
  ])('getDocumentType(%j) is %s', (q, id) => {
    expect(getDocumentType(q).id).toBe(id);
    expect(findDocumentType(q)?.id).toBe(id);
  });
  it('rejects unknown types with UNKNOWN_DOCUMENT_TYPE', () => {
    for (const q of ['', 'Hóa đơn', 'XYZ', 'Thông tư']) {
      expect(findDocumentType(q)).toBeUndefined();
      try {
        getDocumentType(q);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(VnEgovError);
        expect((e as VnEgovError).code).toBe('UNKNOWN_DOCUMENT_TYPE');
        expect((e as VnEgovError).issues[0]?.code).toBe('unknown_document_type');
      }
    }
    expect(() => getDocumentType(42 as unknown as string)).toThrowError(VnEgovError);
    expect(findDocumentType(null as unknown as string)).toBeUndefined();
  });
  it('has no two entries with the same folded name or upper-case abbreviation', () => {
    const names = documentTypes.map((t) => t.asciiName.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const abbrs = documentTypes.flatMap((t) => (t.abbreviation === null ? [] : [t.abbreviation.toUpperCase()]));
    expect(new Set(abbrs).size).toBe(abbrs.length);
  });
  it('entries are frozen data', () => {
    expect(Object.isFrozen(documentTypes)).toBe(true);
    expect(Object.isFrozen(documentTypes[0])).toBe(true);
  });
});
