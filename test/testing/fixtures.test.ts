/**
 * Seeded fixture factories: documents numbered through a real register and valid under the Phụ lục VI schemas;
 * dossiers whose event histories replay through the dossier machine and end as their scenario says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import {
  incomingDocumentSchema, isOrganizationCode, outgoingDocumentSchema, parseDocumentNumber, verifyDocumentRegister,
} from '../../src/documents/index.js';
import { isVnEgovError } from '../../src/errors/index.js';
import { applyDossierEvent, createDossier, dossierTiming, isDossierClosed, summarizeDossiers } from '../../src/procedures/index.js';
import {
  createDossierFixture, createDossierFixtures, createIncomingDocuments, createOutgoingDocuments, createPersonName,
  createSeededRandom, DOSSIER_SCENARIOS, testAgencies,
} from '../../src/testing/index.js';

const calendar = createWorkCalendar();

describe('names and agencies', () => {
  it('makes seeded Vietnamese names in Vietnamese order', () => {
    const a = createPersonName(createSeededRandom(5));
    expect(createPersonName(createSeededRandom(5))).toEqual(a);
    expect(a.fullName).toBe(`${a.familyName} ${a.middleName} ${a.givenName}`);
    expect(a.fullName).toBe(a.fullName.normalize('NFC'));
    const many = Array.from({ length: 50 }, (_, i) => createPersonName(createSeededRandom(i)));
    expect(new Set(many.map((p) => p.fullName)).size).toBeGreaterThan(30);
    expect(many.some((p) => p.gender === 'female') && many.some((p) => p.gender === 'male')).toBe(true);
  });

  it('has fictional agencies with well-formed organisation codes', () => {
    for (const a of testAgencies) {
      expect(isOrganizationCode(a.organId), a.organId).toBe(true);
      expect(a.name).toMatch(/tỉnh Thử Nghiệm$/);
    }
  });
});

describe('createOutgoingDocuments', () => {
  it('numbers documents in order through the register and validates them with outgoingDocumentSchema', () => {
    const { documents, register } = createOutgoingDocuments({ seed: 'out', count: 25 });
    expect(documents).toHaveLength(25);
    expect(register.entries).toHaveLength(25);
    expect(verifyDocumentRegister(register)).toEqual([]);
    documents.forEach((d, i) => {
      expect(outgoingDocumentSchema.safeParse(d).success).toBe(true);
      expect(Number(d.CodeNumber)).toBe(i + 1);
      const parsed = parseDocumentNumber(`Số: ${d.CodeNumber}/${d.CodeNotation}`);
      expect(parsed.number).toBe(i + 1);
      expect(d.IssuedDate.startsWith('2026-')).toBe(true);
      expect(calendar.isWorkingDay(d.IssuedDate)).toBe(true);
      expect(d.To?.length).toBeGreaterThan(0);
      expect(d.To?.some((r) => r.OrganName === d.OrganName)).toBe(false);
      if (i > 0) expect(d.IssuedDate >= documents[i - 1]!.IssuedDate).toBe(true);
    });
    expect(new Set(documents.map((d) => d.TypeName)).size).toBeGreaterThan(3);
    expect(documents.find((d) => d.TypeName === 'Công văn')?.CodeNotation).toMatch(/^UBND-[A-Z]+$/);
    expect(documents.find((d) => d.TypeName === 'Quyết định')?.CodeNotation).toBe('QĐ-UBND');
  });

  it('is reproducible from the seed, for any agency, year and count', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 2021, max: 2099 }), fc.integer({ min: 1, max: 30 }), fc.constantFrom(...testAgencies), (seed, year, count, agency) => {
      const a = createOutgoingDocuments({ seed, year, count, agency });
      expect(createOutgoingDocuments({ seed, year, count, agency })).toEqual(a);
      expect(a.documents).toHaveLength(count);
      expect(a.documents.every((d) => d.IssuedDate.startsWith(String(year)) && d.CodeNotation.includes(agency.abbreviation))).toBe(true);
    }), { numRuns: 25 });
    expect(createOutgoingDocuments({ seed: 1 }).documents).not.toEqual(createOutgoingDocuments({ seed: 2 }).documents);
  });
});

describe('createIncomingDocuments', () => {
  it('gives other agencies\' documents arrival numbers from 1 and arrival days on or after issue', () => {
    const receiver = testAgencies[1]!;
    const docs = createIncomingDocuments({ seed: 'in', count: 12, agency: receiver });
    expect(docs.map((d) => d.ArrivalNumber)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const [i, d] of docs.entries()) {
      expect(incomingDocumentSchema.safeParse(d).success).toBe(true);
      expect(d.OrganName).not.toBe(receiver.name);
      expect(d.ArrivalDate >= d.IssuedDate).toBe(true);
      if (i > 0) expect(d.ArrivalDate >= docs[i - 1]!.ArrivalDate).toBe(true);
      expect(receiver.units).toContain(d.ToPlaces);
    }
    expect(createIncomingDocuments({ seed: 'in', count: 12, agency: receiver })).toEqual(docs);
  });
});

describe('dossier fixtures', () => {
  const expectedLabel = { 'early': 'early', 'on-time': 'on-time', 'late': 'late', 'supplemented': 'on-time' } as const;

  it('ends each scenario as named, and the events replay to the same dossier', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom(...DOSSIER_SCENARIOS), fc.integer({ min: 3, max: 30 }), fc.constantFrom('restart', 'pause' as const), (seed, scenario, processingDays, policy) => {
      const f = createDossierFixture({ seed, scenario, processingDays, policy });
      let replay = createDossier({
        id: f.dossier.id, procedureCode: f.dossier.procedureCode, channel: f.dossier.channel, processingDays, policy,
        submittedAt: f.dossier.submittedAt, agency: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
      });
      for (const e of f.events) replay = applyDossierEvent(replay, e, { calendar });
      expect(replay).toEqual(f.dossier);
      if (scenario === 'in-progress') {
        expect(f.dossier.status).toBe(4);
        expect(isDossierClosed(f.dossier)).toBe(false);
        expect(dossierTiming(f.dossier, { at: `${f.dossier.dueDay} 08:00` })?.label).toBe('within');
      } else {
        expect(f.dossier.status).toBe(10);
        expect(dossierTiming(f.dossier)?.label).toBe(expectedLabel[scenario]);
      }
      expect(f.dossier.supplements.length).toBe(scenario === 'supplemented' ? 1 : 0);
      expect(f.applicant).toMatch(/^\S+ \S+ \S+$/);
    }), { numRuns: 60 });
  });

  it('makes a month of dossiers that the statistics report counts', () => {
    const month = createDossierFixtures({ seed: 'month', count: 20, from: '2026-03-02' });
    expect(month.map((f) => f.scenario)).toEqual(Array.from({ length: 20 }, (_, i) => DOSSIER_SCENARIOS[i % 5]));
    expect(new Set(month.map((f) => f.dossier.id)).size).toBe(20);
    expect(createDossierFixtures({ seed: 'month', count: 20, from: '2026-03-02' })).toEqual(month);
    const report = summarizeDossiers(month.map((f) => f.dossier), { from: '2026-03-01', to: '2026-04-30', calendar });
    expect(report.total.received.total).toBe(20);
    expect(report.total.resolved.total).toBe(16);
    expect(report.total.resolved.overdue).toBe(4);
    expect(report.total.inProcess.total).toBe(4);
  });

  it('rejects bad options with INVALID_FIXTURE_OPTIONS', () => {
    const bad = [
      () => createDossierFixture({ scenario: 'lost' as never }),
      () => createDossierFixture({ scenario: 'late', processingDays: 1 }),
      () => createDossierFixture({ scenario: 'late', submittedOn: '2026-02-30' }),
      () => createDossierFixtures({ count: 0 }),
      () => createDossierFixtures({ scenarios: [] }),
      () => createOutgoingDocuments({ count: 501 }),
      () => createOutgoingDocuments({ year: 1999 }),
      () => createIncomingDocuments({ count: 1.5 }),
    ];
    for (const f of bad) expect(f).toThrow(expect.objectContaining({ code: 'INVALID_FIXTURE_OPTIONS' }));
    expect(bad.every((f) => { try { f(); return false; } catch (e) { return isVnEgovError(e); } })).toBe(true);
  });
});
