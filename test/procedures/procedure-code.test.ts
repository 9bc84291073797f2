import { describe, expect, it } from 'vitest';
import { formatExtendedProcedureCode, isProcedureCode, parseProcedureCode } from '../../src/procedures/index.js';

describe('procedure codes (spec §3)', () => {
  it.each([
    ['1.000358', 'procedure', '1.000358', false, null, null],
    ['5.003882', 'procedure', '5.003882', true, null, null],
    ['1.000358.01', 'case', '1.000358', false, '01', null],
    ['1.012753.H19', 'local', '1.012753', false, null, 'H19'],
    ['1.001612.000.00.00.H48', 'extended', '1.001612', false, null, 'H48'],
    ['3.000181.000.00.00.H22', 'extended', '3.000181', false, null, 'H22'],
  ] as const)('%s', (text, kind, procedureCode, internal, caseNumber, level1) => {
    const c = parseProcedureCode(text);
    expect([c.kind, c.procedureCode, c.internal, c.caseNumber, c.level1]).toEqual([kind, procedureCode, internal, caseNumber, level1]);
  });

  it('parses the organisation of an extended code with vn-egov/documents', () => {
    expect(parseProcedureCode('1.001612.000.00.53.H48').organization?.code).toBe('000.00.53.H48');
    expect(formatExtendedProcedureCode('2.000884', '000.00.00.H55')).toBe('2.000884.000.00.00.H55');
    expect(() => formatExtendedProcedureCode('2.000884', '00.00.H55')).toThrow(expect.objectContaining({ code: 'INVALID_ORGANIZATION_CODE' }));
  });

  it('rejects malformed codes', () => {
    for (const bad of ['1.00035', '10.000358', '1.000358.1', 'abc', '', '1.000358.000.00.00.h48']) {
      expect(isProcedureCode(bad)).toBe(false);
      expect(() => parseProcedureCode(bad)).toThrow(expect.objectContaining({ code: 'INVALID_PROCEDURE_CODE' }));
    }
    expect(() => parseProcedureCode(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_PROCEDURE_CODE' }));
  });
});
