import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { fromNationalPortal, parseProcedure, processingTimeOf, toCpsvAp, uniqueLegalBases } from '../../src/procedures/index.js';
import { SHARED } from '../helpers/shared-data.js';

const sample = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(SHARED, 'data/domain/dvcqg-procedure-1.000358.json'), 'utf8')) as Record<string, unknown>;

describe('fromNationalPortal on the real sample 1.000358', () => {
  const { procedure: p, unmappedFields, issues } = fromNationalPortal(sample());

  it('maps identity, kind, levels and online form', () => {
    expect(p.code).toBe('1.000358');
    expect(p.name).toBe('Gia hạn Giấy phép thành lập Chi nhánh của thương nhân nước ngoài tại Việt Nam');
    expect(p.kind).toBe('standard');
    expect(p.levels).toEqual(['province']);
    expect(p.vertical).toBe(false);
    expect(p.online).toEqual({ form: 'partial', sharedService: true, offlineOnly: false, nonTerritorial: false });
    expect(p.description).toBeUndefined();
  });

  it('attaches time and fees to each channel', () => {
    expect(p.channels.map((c) => c.channel)).toEqual(['online', 'postal', 'direct']);
    for (const c of p.channels) {
      expect(c.processingTime).toEqual({ value: 5, unit: 'working-day' });
      expect(c.fees).toEqual([{ kind: 'fee', amount: 0 }]);
    }
    expect(processingTimeOf(p)).toEqual({ value: 5, unit: 'working-day' });
    expect(processingTimeOf(p, 'postal')).toEqual({ value: 5, unit: 'working-day' });
  });

  it('maps components with originals and copies, cases, references and publication', () => {
    expect(p.components).toHaveLength(4);
    expect(p.components[0]).toMatchObject({ code: '000.00.00.G02-KQ0436', originals: 1, copies: 0, required: false, electronicForm: false });
    expect(p.components[0]!.templates).toEqual([
      { fileName: 'GIAHAN.docx', path: 'dvc/configuring/019e0d25-0d18-756a-9f3e-cd2814a9759b/GIAHAN.docx', id: '019e0d25-0d18-756a-9f3e-cd2814a9759b' },
    ]);
    expect(p.components.slice(1).map((c) => [c.originals, c.copies])).toEqual([[0, 1], [0, 1], [0, 1]]);
    expect(p.cases.map((c) => c.code)).toEqual(['1.000358.01', '1.000358.02']);
    expect(p.cases[0]!.processingTime).toEqual({ value: 5, unit: 'working-day' });
    expect(p.sectors).toEqual([{ id: '019d2bbb-69ee-7079-a6b1-2b7d79c8e2e3', name: 'Thương mại quốc tế', code: 'G02-CT19' }]);
    expect(p.subjects.map((s) => s.code)).toEqual(['ĐT4']);
    expect(p.results.map((r) => r.code)).toEqual(['KQ.G02.000444']);
    expect(p.agencies.executing).toEqual([{ id: '019d2be3-6a89-70fe-8e65-9c9d4b77d824', name: 'Ủy ban nhân dân cấp tỉnh', code: 'UBNDCT' }]);
    expect(p.agencies.text).toEqual({ executingAgencies: 'Ủy ban nhân dân cấp tỉnh' });
    expect(p.legalBases).toHaveLength(7);
    expect(uniqueLegalBases(p).map((b) => b.code)).toEqual(['11/2016/TT-BCT', '07/2016/NĐ-CP', '38/2025/TT-BCT', 'nghị định 146/2025']);
    // 1565481600000 = 2019-08-11T00:00Z = 07:00 in Vietnam
    expect(p.publication).toEqual({ decisionNumber: '01/QĐ-BCT', decisionDate: '2019-08-11', publishedAt: expect.stringMatching(/^2026-04-16T\d\d:\d\d:\d\d\+07:00$/), issuingAgency: 'Bộ Công thương', type: 'STANDARD' });
    expect(p.promulgatingAgency).toEqual({ name: 'Bộ Công thương', code: 'G02', id: '019d2be3-6a72-700f-a652-b16ccb65a5c0' });
    expect(p.origin?.id).toBe('019d2bf7-cd62-75ce-b319-7b31d19fb35f');
    expect(p.origin?.createdAt).toMatch(/^2026-04-1\dT.*\+07:00$/);
  });

  it('keeps every unmodelled field verbatim under extra and lists it; reports nothing unmappable in the sample', () => {
    const src = sample();
    for (const k of ['formalityType', 'state', 'categoryIds', 'unitGroupsExecuting', 'returningMethods', 'dossierReceivingAddresses', 'targetObjects', 'decisionNo', 'note', 'keywords', 'fees', 'profileComponents']) {
      expect(unmappedFields).toContain(k);
      expect(p.extra[k]).toEqual(src[k]);
    }
    expect(Object.keys(p.extra).sort()).toEqual([...unmappedFields].sort());
    expect(issues).toEqual([]);
    // every source key is either consumed by the mapping or kept in extra
    expect(Object.keys(src).length).toBeGreaterThan(unmappedFields.length);
  });

  it('produces a record the schema accepts as is (round trip)', () => {
    expect(parseProcedure(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });
});

describe('fromNationalPortal reports what it cannot map', () => {
  it('an unknown channel, unit, fee type and sub-field are reported and the source kept', () => {
    const src = sample();
    src.executionMethods = [
      { submissionMethod: 'KIOSK', processingTime: 1, processingTimeUnit: 'WORKING_DAY', fees: [] },
      { submissionMethod: 'ONLINE', processingTime: 3, processingTimeUnit: 'FORTNIGHT', fees: [{ type: 'LE_PHI', value: 50000 }], priority: 1 },
    ];
    src.type = 'WEIRD';
    const { procedure, issues } = fromNationalPortal(src);
    expect(issues.map((i) => i.code).sort()).toEqual(['unknown_channel', 'unknown_fee_type', 'unknown_procedure_type', 'unknown_time_unit', 'unmapped_field']);
    expect(procedure.channels).toEqual([{ channel: 'online', processingTime: { value: 3, unit: 'unknown', raw: 'FORTNIGHT' }, fees: [{ kind: 'unknown', amount: 50000, raw: 'LE_PHI' }] }]);
    expect(procedure.extra.executionMethods).toEqual(src.executionMethods);
    expect(procedure.extra.type).toBe('WEIRD');
    expect(procedure.kind).toBeNull();
  });

  it('wrong types are reported, not thrown', () => {
    const { issues, procedure } = fromNationalPortal({ code: '2.000884', name: 'X', isProvince: 'yes', executionSteps: 'text', createdAt: 'yesterday' });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['isProvince', 'executionSteps', 'createdAt']);
    expect(procedure.extra).toMatchObject({ isProvince: 'yes', executionSteps: 'text', createdAt: 'yesterday' });
    expect(procedure.levels).toEqual([]);
  });

  it('throws INVALID_PORTAL_RECORD when nothing useful can be built', () => {
    for (const bad of [null, 42, [], { name: 'x' }, { code: '1.0003', name: 'x' }, { code: '1.000358', name: '  ' }, { code: '1.000358' }]) {
      expect(() => fromNationalPortal(bad)).toThrow(expect.objectContaining({ code: 'INVALID_PORTAL_RECORD' }));
    }
  });

  it('fuzz: arbitrary JSON mutations of the sample never crash (result or VnEgovError)', () => {
    const keys = Object.keys(sample());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys, 'newField'), fc.jsonValue()), { maxLength: 6 }), (mutations) => {
        const src = sample();
        for (const [k, v] of mutations) src[k] = v;
        try {
          const r = fromNationalPortal(src);
          expect(r.procedure.code).toBe(src.code);
          toCpsvAp(r.procedure);
        } catch (e) {
          expect(e).toBeInstanceOf(VnEgovError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
