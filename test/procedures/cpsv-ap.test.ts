import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPSV_AP_CONTEXT, fromNationalPortal, toCpsvAp } from '../../src/procedures/index.js';
import { SHARED } from '../helpers/shared-data.js';

const { procedure } = fromNationalPortal(JSON.parse(readFileSync(join(SHARED, 'data/domain/dvcqg-procedure-1.000358.json'), 'utf8')));

describe('toCpsvAp (spec §10 mapping)', () => {
  const doc = toCpsvAp(procedure) as Record<string, any>;

  it('is a PublicService with the mandatory identifier, name and competent authority', () => {
    expect(doc['@context']).toEqual(CPSV_AP_CONTEXT);
    expect(doc['@type']).toBe('cpsv:PublicService');
    expect(doc['@id']).toBe('urn:vn-egov:procedure:1.000358');
    expect(doc['dct:identifier']).toBe('1.000358');
    expect(doc['dct:title']).toEqual({ '@language': 'vi', '@value': procedure.name });
    expect(doc['cv:hasCompetentAuthority']).toEqual([
      { '@type': 'cv:PublicOrganisation', 'skos:prefLabel': { '@language': 'vi', '@value': 'Ủy ban nhân dân cấp tỉnh' }, 'dct:identifier': 'UBNDCT', 'vnx:role': 'executing' },
    ]);
  });

  it('maps components to Evidence with originals/copies, results to Output, legal bases de-duplicated', () => {
    expect(doc['cpsv:hasInput']).toHaveLength(4);
    expect(doc['cpsv:hasInput'][0]).toMatchObject({ '@type': 'cv:Evidence', 'dct:identifier': '000.00.00.G02-KQ0436', 'vnx:originals': 1, 'vnx:copies': 0 });
    expect(doc['cpsv:produces']).toEqual([{ '@type': 'cv:Output', 'dct:identifier': 'KQ.G02.000444', 'dct:title': { '@language': 'vi', '@value': 'GIA HẠN GIẤY PHÉP THÀNH LẬP CHI NHÁNH CỦA THƯƠNG NHÂN NƯỚC NGOÀI TẠI VIỆT NAM' } }]);
    expect(doc['cv:hasLegalResource'].map((l: any) => l['dct:identifier'])).toEqual(['11/2016/TT-BCT', '07/2016/NĐ-CP', '38/2025/TT-BCT', 'nghị định 146/2025']);
    expect(doc['cv:sector'][0]['skos:notation']).toBe('G02-CT19');
    expect(doc['dct:audience'][0]['dct:identifier']).toBe('ĐT4');
  });

  it('keeps processing time and fees per channel', () => {
    expect(doc['cv:hasChannel']).toHaveLength(3);
    expect(doc['cv:hasChannel'][0]).toMatchObject({ '@id': 'urn:vn-egov:procedure:1.000358#channel-online', 'vnx:processingTime': { 'vnx:value': 5, 'vnx:unit': 'working-day' } });
    expect(doc['cv:hasCost']).toHaveLength(3);
    expect(doc['cv:hasCost'][2]).toMatchObject({ '@type': 'cv:Cost', 'cv:value': 0, 'cv:currency': 'http://publications.europa.eu/resource/authority/currency/VND', 'cv:ifAccessedThrough': { '@id': 'urn:vn-egov:procedure:1.000358#channel-direct' } });
    expect(doc['cpsv:follows']).toHaveLength(1);
  });

  it('is plain JSON (serialises and parses back identically) and honours baseIri', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(toCpsvAp(procedure, { baseIri: 'https://example.org/tthc/' })['@id']).toBe('https://example.org/tthc/1.000358');
  });

  it('rejects an invalid procedure with INVALID_PROCEDURE', () => {
    expect(() => toCpsvAp({ ...procedure, code: 'x' })).toThrow(expect.objectContaining({ code: 'INVALID_PROCEDURE' }));
  });
});

describe('golden fixtures (scripts/procedures-build-fixtures.ts)', () => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'procedures');
  it('the import of the sample is unchanged', () => {
    const sample = JSON.parse(readFileSync(join(SHARED, 'data/domain/dvcqg-procedure-1.000358.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(fromNationalPortal(sample)))).toEqual(JSON.parse(readFileSync(join(fixtures, 'procedure-1.000358.json'), 'utf8')));
  });
  it('the CPSV-AP export of the sample is unchanged', () => {
    expect(JSON.parse(JSON.stringify(toCpsvAp(procedure)))).toEqual(JSON.parse(readFileSync(join(fixtures, 'cpsv-ap-1.000358.jsonld'), 'utf8')));
  });
});
