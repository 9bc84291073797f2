import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import {
  POSTAL_TRANSIT_TARGETS,
  formatDossierCode,
  nextDossierCode,
  parseDossierCode,
  postalTransitDeadline,
  type DossierSequenceState,
} from '../../src/procedures/index.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('dossier codes (spec §5.3)', () => {
  it('formats and parses the real 2018-rule example', () => {
    expect(formatDossierCode({ organizationCode: '000.00.53.H48', date: '2022-09-21', sequence: 99 })).toBe('000.00.53.H48-220921-0099');
    const c = parseDossierCode('000.00.53.H48-220921-0099');
    expect([c.date, c.sequence, c.notation, c.organization.level1, c.organization.level2]).toEqual(['2022-09-21', 99, 'nd61-2018', 'H48', '53']);
  });

  it('uses the Vietnamese day of an instant (host time zone irrelevant)', () => {
    expect(formatDossierCode({ organizationCode: '000.00.00.H48', date: '2022-09-20T17:30:00Z', sequence: 1 })).toBe('000.00.00.H48-220921-0001');
  });

  it('does not assume a notation for dossiers received from 01/07/2025 unless chosen explicitly', () => {
    expect(codeOf(() => formatDossierCode({ organizationCode: '000.00.53.H48', date: '2025-07-01', sequence: 1 }))).toBe('DOSSIER_CODE_NOTATION_UNKNOWN');
    expect(formatDossierCode({ organizationCode: '000.00.53.H48', date: '2026-02-13', sequence: 1, notation: 'nd61-2018' })).toBe('000.00.53.H48-260213-0001');
    expect(codeOf(() => formatDossierCode({ organizationCode: '000.00.53.H48', date: '2018-06-01', sequence: 1 }))).toBe('DATE_OUT_OF_RANGE');
  });

  it('rejects bad parts with stable codes', () => {
    expect(codeOf(() => formatDossierCode({ organizationCode: '00.53.H48', date: '2022-09-21', sequence: 1 }))).toBe('INVALID_DOSSIER_CODE');
    expect(codeOf(() => formatDossierCode({ organizationCode: '000.00.53.H48', date: '2022-09-21', sequence: 0 }))).toBe('INVALID_DOSSIER_CODE');
    expect(codeOf(() => formatDossierCode({ organizationCode: '000.00.53.H48', date: '2022-09-21', sequence: 10000 }))).toBe('DOSSIER_SEQUENCE_EXHAUSTED');
    expect(codeOf(() => formatDossierCode({ organizationCode: '000.00.53.H48', date: '2022-02-30', sequence: 1 }))).toBe('INVALID_DATE');
    for (const bad of ['000.00.53.H48-220230-0001', '000.00.53.H48-220921-0000', '000.00.53.H48-22092-0001', '000.00.53.h48-220921-0001', '']) {
      expect(codeOf(() => parseDossierCode(bad))).toBe('INVALID_DOSSIER_CODE');
    }
  });

  it('property: format and parse are inverse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2018, 5, 21), max: Date.UTC(2025, 5, 30) }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
        fc.integer({ min: 1, max: 9999 }),
        fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('G', 'H', 'K'), fc.integer({ min: 0, max: 99 })),
        (date, sequence, [a, b, c, l, n]) => {
          const org = `${String(a).padStart(3, '0')}.${String(b).padStart(2, '0')}.${String(c).padStart(2, '0')}.${l}${String(n).padStart(2, '0')}`;
          const code = formatDossierCode({ organizationCode: org, date, sequence });
          const p = parseDossierCode(code);
          expect([p.code, p.date, p.sequence, p.organization.code]).toEqual([code, date, sequence, org]);
        },
      ),
    );
  });

  it('issues per-agency, per-day sequences as plain state', () => {
    let state: DossierSequenceState = { counters: {} };
    const codes: string[] = [];
    for (const [org, at] of [
      ['000.00.53.H48', '2022-09-21 08:00'],
      ['000.00.53.H48', '2022-09-21 16:30'],
      ['000.00.54.H48', '2022-09-21 09:00'],
      ['000.00.53.H48', '2022-09-22 08:00'],
      ['000.00.53.H48', '2022-09-21T23:30:00+07:00'],
    ] as const) {
      const before = JSON.stringify(state);
      const r = nextDossierCode(state, { organizationCode: org, receivedAt: at });
      expect(JSON.stringify(state)).toBe(before); // input not changed
      state = r.state;
      codes.push(r.code);
    }
    expect(codes).toEqual(['000.00.53.H48-220921-0001', '000.00.53.H48-220921-0002', '000.00.54.H48-220921-0001', '000.00.53.H48-220922-0001', '000.00.53.H48-220921-0003']);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(codeOf(() => nextDossierCode({ counters: { x: 10000 } }, { organizationCode: '000.00.53.H48', receivedAt: '2022-09-21 08:00' }))).toBe('INVALID_DOSSIER');
    const full = { counters: { '000.00.53.H48|2022-09-21': 9999 } };
    expect(codeOf(() => nextDossierCode(full, { organizationCode: '000.00.53.H48', receivedAt: '2022-09-21 08:00' }))).toBe('DOSSIER_SEQUENCE_EXHAUSTED');
  });
});

describe('postal J+n (TT 17/2017/TT-BTTTT Điều 7 k2)', () => {
  const calendar = createWorkCalendar();
  it('has the published targets', () => {
    expect(Object.values(POSTAL_TRANSIT_TARGETS).map((t) => [t.days, t.withSlip])).toEqual([[1, 2], [2, 4], [3, 6], [4, 8]]);
  });
  it('counts working days from J, over Tết', () => {
    expect(postalTransitDeadline({ acceptedAt: '2026-02-13 10:00', route: 'within-province', calendar })).toMatchObject({ jDay: '2026-02-13', workingDays: 2, dueDay: '2026-02-24', label: 'J+2' });
    expect(postalTransitDeadline({ acceptedAt: '2026-03-02 10:00', route: 'inter-province', withAppointmentSlip: true, calendar }).dueDay).toBe('2026-03-12');
    expect(postalTransitDeadline({ acceptedAt: '2026-03-02 10:00', route: 'between-major-cities', calendar }).dueDay).toBe('2026-03-05');
    expect(codeOf(() => postalTransitDeadline({ acceptedAt: '2026-03-02', route: 'moon' as 'inter-province' }))).toBe('INVALID_OPTIONS');
  });
});
