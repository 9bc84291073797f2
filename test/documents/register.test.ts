import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  cancelDocumentNumber,
  createDocumentRegister,
  issueDocumentNumber,
  parseDocumentNumber,
  peekDocumentNumber,
  verifyDocumentRegister,
  type DocumentRegister,
  type IssueNumberRequest,
} from '../../src/documents/index.js';

const codeOf = (f: () => unknown): { code: string; issue: string | undefined } => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    return { code: (e as VnEgovError).code, issue: (e as VnEgovError).issues[0]?.code };
  }
  return { code: 'no error', issue: undefined };
};

function issueAll(r: DocumentRegister, reqs: IssueNumberRequest[]): { register: DocumentRegister; texts: string[] } {
  const texts: string[] = [];
  for (const req of reqs) {
    const c = issueDocumentNumber(r, req);
    texts.push(c.entry.text);
    r = c.register;
  }
  return { register: r, texts };
}

describe('document register (sổ đăng ký văn bản đi)', () => {
  const base = createDocumentRegister({
    issuer: 'UBND',
    name: 'Ủy ban nhân dân huyện',
    advisoryBodies: [{ id: 'hdtd', abbreviation: 'HĐTĐKT', name: 'Hội đồng Thi đua – Khen thưởng' }],
  });

  it('numbers one series per year, restarting at 01 on 1 January Vietnam time', () => {
    const { texts, register } = issueAll(base, [
      { at: '2025-12-30', type: 'QĐ' },
      { at: '2025-12-31T16:59:59Z', type: 'cong-van', units: ['VP'] }, // 23:59:59 on 31/12 in Vietnam
      { at: '2025-12-31T17:00:00Z', type: 'KH' }, // 00:00 on 01/01/2026 in Vietnam
      { at: new Date('2026-01-02T03:00:00Z'), type: 'TTr' },
    ]);
    expect(texts).toEqual(['01/QĐ-UBND', '02/UBND-VP', '01/KH-UBND', '02/TTr-UBND']);
    expect(register.entries.map((e) => [e.year, e.issuedOn])).toEqual([
      [2025, '2025-12-30'],
      [2025, '2025-12-31'],
      [2026, '2026-01-01'],
      [2026, '2026-01-02'],
    ]);
    expect(register.version).toBe(4);
    expect(verifyDocumentRegister(register)).toEqual([]);
  });

  it('keeps separate series for secret documents, legal types, advisory bodies and copies', () => {
    const { texts, register } = issueAll(base, [
      { at: '2026-03-01', type: 'QĐ' },
      { at: '2026-03-01', type: 'KH', secrecy: 'secret' },
      { at: '2026-03-01', legalType: 'QĐ' },
      { at: '2026-03-01', legalType: 'QĐ' },
      { at: '2026-03-01', legalType: 'NQ' },
      { at: '2026-03-02', type: 'QĐ', advisoryBody: 'hdtd' },
      { at: '2026-03-02', type: 'SY' },
      { at: '2026-03-02', type: 'TrS' },
      { at: '2026-03-02', type: 'SL' },
      { at: '2026-03-03', type: 'TB' },
    ]);
    expect(texts).toEqual([
      '01/QĐ-UBND',
      '01/KH-UBND',
      '01/2026/QĐ-UBND',
      '02/2026/QĐ-UBND',
      '01/2026/NQ-UBND',
      '01/QĐ-HĐTĐKT',
      '01/SY-UBND',
      '02/TrS-UBND',
      '03/SL-UBND',
      '02/TB-UBND',
    ]);
    expect(register.entries.map((e) => e.series)).toEqual([
      'general', 'secret', 'legal:QĐ', 'legal:QĐ', 'legal:NQ', 'advisory:hdtd', 'copies', 'copies', 'copies', 'general',
    ]);
    for (const t of texts) expect(parseDocumentNumber(t).text).toBe(t);
    expect(parseDocumentNumber('01/2026/QĐ-UBND').legalNormative).toBe(true);
  });

  it('supports one series per type when the head of the body so decides', () => {
    const r = createDocumentRegister({ issuer: 'BNV', administrativeSeries: 'per-type' });
    const { texts } = issueAll(r, [
      { at: '2026-01-05', type: 'QĐ' },
      { at: '2026-01-05', type: 'QĐ' },
      { at: '2026-01-05', type: 'cong-van', units: ['VP'] },
      { at: '2026-01-05', type: 'QĐ', secrecy: 'confidential', units: ['M'] },
    ]);
    expect(texts).toEqual(['01/QĐ-BNV', '02/QĐ-BNV', '01/BNV-VP', '01/QĐ-BNV-M']);
  });

  it('refuses a number and symbol already used in the year, and lets units tell the series apart', () => {
    const a = issueDocumentNumber(base, { at: '2026-01-05', type: 'QĐ' });
    expect(codeOf(() => issueDocumentNumber(a.register, { at: '2026-01-05', type: 'QĐ', secrecy: 'secret' }))).toEqual({
      code: 'INVALID_REGISTER_REQUEST',
      issue: 'duplicate_text',
    });
    expect(issueDocumentNumber(a.register, { at: '2026-01-05', type: 'QĐ', secrecy: 'secret', units: ['M'] }).entry.text).toBe('01/QĐ-UBND-M');
  });

  it('never reuses a cancelled number', () => {
    let { register } = issueAll(base, [
      { at: '2026-02-01', type: 'QĐ' },
      { at: '2026-02-01', type: 'QĐ' },
    ]);
    const cancelled = cancelDocumentNumber(register, { id: '2026|general|2', at: '2026-02-02', reason: 'Không ban hành' });
    expect(cancelled.entry).toMatchObject({ status: 'cancelled', text: '02/QĐ-UBND', cancelReason: 'Không ban hành' });
    register = cancelled.register;
    expect(issueDocumentNumber(register, { at: '2026-02-03', type: 'QĐ' }).entry.text).toBe('03/QĐ-UBND');
    expect(codeOf(() => cancelDocumentNumber(register, { id: '2026|general|2', at: '2026-02-03' })).code).toBe('REGISTER_ENTRY_ALREADY_CANCELLED');
    expect(codeOf(() => cancelDocumentNumber(register, { id: '2026|general|9', at: '2026-02-03' })).code).toBe('REGISTER_ENTRY_NOT_FOUND');
    expect(verifyDocumentRegister(register)).toEqual([]);
  });

  it('is a plain serialisable object returned anew, never mutated', () => {
    const frozen = structuredClone(base);
    const c = issueDocumentNumber(base, { at: '2026-01-01', type: 'QĐ' });
    expect(base).toEqual(frozen);
    const round = JSON.parse(JSON.stringify(c.register)) as DocumentRegister;
    expect(round).toEqual(c.register);
    expect(issueDocumentNumber(round, { at: '2026-01-01', type: 'QĐ' }).entry.text).toBe('02/QĐ-UBND');
    expect(peekDocumentNumber(round, { at: '2026-01-01', type: 'QĐ' })).toBe('02/QĐ-UBND');
    expect(round.version).toBe(1);
  });

  it('makes a double issue detectable: compare-and-set on version, and verify after a merge', () => {
    const a = issueDocumentNumber(base, { at: '2026-01-01', type: 'QĐ', expectedVersion: 0 });
    // a second writer still holding version 0
    expect(codeOf(() => issueDocumentNumber(a.register, { at: '2026-01-01', type: 'QĐ', expectedVersion: 0 })).code).toBe('REGISTER_CONFLICT');
    const b = issueDocumentNumber(base, { at: '2026-01-01', type: 'TB', expectedVersion: 0 });
    expect(a.register.version).toBe(b.register.version); // both writes claim version 1: a store doing CAS keeps one
    expect(a.entry.id).toBe(b.entry.id); // same number of the same series
    const merged = { ...a.register, entries: [...a.register.entries, b.entry] };
    expect(verifyDocumentRegister(merged).map((i) => i.code)).toContain('duplicate_number');
    expect(codeOf(() => issueDocumentNumber(merged, { at: '2026-01-01', type: 'QĐ' })).code).toBe('INVALID_REGISTER_STATE');
  });

  it('rejects bad options, state, requests and dates with their codes', () => {
    expect(codeOf(() => createDocumentRegister({ issuer: '' })).code).toBe('INVALID_REGISTER_OPTIONS');
    expect(codeOf(() => createDocumentRegister({ issuer: 'UB ND' })).code).toBe('INVALID_REGISTER_OPTIONS');
    expect(codeOf(() => createDocumentRegister(null as unknown as { issuer: string })).code).toBe('INVALID_REGISTER_OPTIONS');
    expect(
      codeOf(() => createDocumentRegister({ issuer: 'X', advisoryBodies: [{ id: 'a', abbreviation: 'A' }, { id: 'a', abbreviation: 'B' }] })).code,
    ).toBe('INVALID_REGISTER_OPTIONS');
    expect(codeOf(() => issueDocumentNumber({} as DocumentRegister, { at: '2026-01-01', type: 'QĐ' })).code).toBe('INVALID_REGISTER_STATE');
    expect(codeOf(() => issueDocumentNumber(base, { at: '2026-01-01' })).issue).toBe('missing_type');
    expect(codeOf(() => issueDocumentNumber(base, { at: '2026-01-01', type: 'Hóa đơn' })).issue).toBe('unknown_document_type');
    expect(codeOf(() => issueDocumentNumber(base, { at: '2026-01-01', type: 'cong van' })).issue).toBe('missing_unit');
    expect(codeOf(() => issueDocumentNumber(base, { at: '2026-01-01', type: 'QĐ', advisoryBody: 'x' })).issue).toBe('unknown_advisory_body');
    expect(codeOf(() => issueDocumentNumber(base, { at: '2026-01-01', type: 'QĐ', legalType: 'NĐ' })).issue).toBe('type_and_legal_type');
    for (const at of ['2026-02-30', 'yesterday', Number.NaN, new Date(Number.NaN), '2026-02-30T10:00:00Z', '2026-01-01T10:00:00']) {
      expect(codeOf(() => issueDocumentNumber(base, { at, type: 'QĐ' })).code).toBe('INVALID_DATE');
    }
    expect(codeOf(() => issueDocumentNumber(base, { at: {} as unknown as string, type: 'QĐ' })).code).toBe('INVALID_REGISTER_REQUEST');
  });
});

describe('register properties (fast-check)', () => {
  const reqArb = fc.record({
    day: fc.integer({ min: 0, max: 3 * 365 }),
    kind: fc.constantFrom('QĐ', 'KH', 'cong-van', 'SY', 'TrS', 'legal:NĐ', 'advisory', 'secret'),
  });
  it('numbers are 1..n per series and year, unique, and survive cancellations', () => {
    fc.assert(
      fc.property(fc.array(reqArb, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 5 }), (reqs, cancels) => {
        let r = createDocumentRegister({ issuer: 'UBND', advisoryBodies: [{ id: 'hd', abbreviation: 'HĐ1' }] });
        const sorted = [...reqs].sort((a, b) => a.day - b.day);
        for (const q of sorted) {
          const at = new Date(Date.UTC(2025, 0, 1) + q.day * 86_400_000);
          const req: IssueNumberRequest =
            q.kind === 'legal:NĐ' ? { at, legalType: 'NĐ' }
            : q.kind === 'advisory' ? { at, type: 'QĐ', advisoryBody: 'hd' }
            : q.kind === 'secret' ? { at, type: 'TB', secrecy: 'secret' }
            : q.kind === 'cong-van' ? { at, type: 'cong-van', units: ['VP'] }
            : { at, type: q.kind };
          r = issueDocumentNumber(r, { ...req, expectedVersion: r.version }).register;
          if (cancels.includes(r.version) && r.entries.length > 0) {
            r = cancelDocumentNumber(r, { id: r.entries[r.entries.length - 1]!.id, at }).register;
          }
        }
        expect(verifyDocumentRegister(r)).toEqual([]);
        const groups = new Map<string, number[]>();
        for (const e of r.entries) groups.set(`${e.year}|${e.series}`, [...(groups.get(`${e.year}|${e.series}`) ?? []), e.number]);
        for (const nums of groups.values()) expect(nums).toEqual(nums.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
  it('fuzz: random requests only ever throw VnEgovError', () => {
    const r = createDocumentRegister({ issuer: 'UBND' });
    fc.assert(
      fc.property(fc.anything(), fc.record({ at: fc.oneof(fc.string(), fc.integer(), fc.date()), type: fc.string(), units: fc.array(fc.string(), { maxLength: 2 }) }), (a, b) => {
        for (const input of [a, b]) {
          try {
            issueDocumentNumber(r, input as IssueNumberRequest);
          } catch (e) {
            expect(e).toBeInstanceOf(VnEgovError);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
