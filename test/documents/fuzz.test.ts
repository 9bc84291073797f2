import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import {
  createDocumentRegister,
  findDocumentType,
  getDocumentType,
  getSecrecyLevel,
  getSigningAuthority,
  getUrgencyLevel,
  issueDocumentNumber,
  legalDocumentTypes,
  parseIncomingDocument,
  parseOutgoingDocument,
  parseSignerTitle,
  verifyDocumentRegister,
  type IssueNumberRequest,
} from '../../src/documents/index.js';

const RUNS = 10_000;
const strings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('QĐ', 'qd', 'Quyết định', 'KT.', 'TUQ', 'Mật', 'hoa toc', '2025-07-01', '', ' ', 'cong van', 'Đ', '\u0301'),
);

function onlyVnEgovError(f: () => unknown, codes?: readonly string[]): void {
  const t0 = performance.now();
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VnEgovError);
    if (codes !== undefined) expect(codes).toContain((e as VnEgovError).code);
    expect((e as VnEgovError).issues.length).toBeGreaterThan(0);
  }
  expect(performance.now() - t0).toBeLessThan(1000);
}

describe(`fuzz: ${RUNS} cases per parser, only VnEgovError, never a hang`, () => {
  it('getDocumentType / findDocumentType', () => {
    fc.assert(
      fc.property(fc.oneof(strings, fc.anything()), (q) => {
        onlyVnEgovError(() => getDocumentType(q as string), ['UNKNOWN_DOCUMENT_TYPE', 'AMBIGUOUS_DOCUMENT_TYPE']);
        findDocumentType(q as string); // never throws
      }),
      { numRuns: RUNS },
    );
  });
  it('parseSignerTitle / getSigningAuthority / getSecrecyLevel / getUrgencyLevel', () => {
    fc.assert(
      fc.property(fc.oneof(strings, fc.anything()), (q) => {
        onlyVnEgovError(() => parseSignerTitle(q as string), ['INVALID_SIGNING_AUTHORITY']);
        onlyVnEgovError(() => getSigningAuthority(q as string), ['INVALID_SIGNING_AUTHORITY']);
        onlyVnEgovError(() => getSecrecyLevel(q as string), ['INVALID_SECRECY_LEVEL']);
        onlyVnEgovError(() => getUrgencyLevel(q as string), ['INVALID_URGENCY_LEVEL']);
      }),
      { numRuns: RUNS },
    );
  });
  it('legalDocumentTypes', () => {
    fc.assert(
      fc.property(fc.oneof(strings, fc.date(), fc.anything()), (on) => {
        onlyVnEgovError(() => legalDocumentTypes({ on: on as string }), ['INVALID_DATE', 'DATE_OUT_OF_RANGE']);
      }),
      { numRuns: RUNS },
    );
  });
  it('metadata parsers', () => {
    const near = fc.record(
      {
        TypeName: strings,
        CodeNumber: strings,
        CodeNotation: strings,
        IssuedDate: strings,
        OrganName: strings,
        Subject: strings,
        Priority: fc.oneof(fc.integer(), fc.double()),
        ArrivalDate: strings,
        ArrivalNumber: fc.integer(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(near, fc.anything()), (x) => {
        onlyVnEgovError(() => parseOutgoingDocument(x), ['INVALID_METADATA']);
        onlyVnEgovError(() => parseIncomingDocument(x), ['INVALID_METADATA']);
      }),
      { numRuns: RUNS },
    );
  });
  it('register: random requests and random states', () => {
    const register = createDocumentRegister({ issuer: 'UBND' });
    const req = fc.record(
      {
        at: fc.oneof(strings, fc.integer(), fc.date(), fc.double()),
        type: strings,
        legalType: strings,
        units: fc.array(strings, { maxLength: 2 }),
        secrecy: fc.constantFrom('secret', 'x', null),
        expectedVersion: fc.integer(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(req, fc.anything(), (r, state) => {
        onlyVnEgovError(() => issueDocumentNumber(register, r as IssueNumberRequest));
        onlyVnEgovError(() => issueDocumentNumber(state as typeof register, { at: '2026-01-01', type: 'QĐ' }), ['INVALID_REGISTER_STATE']);
        expect(Array.isArray(verifyDocumentRegister(state))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
