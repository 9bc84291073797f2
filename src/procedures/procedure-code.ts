import { parseOrganizationCode, type OrganizationCode } from '../documents/index.js';
import { describeValue, fail, issue } from './errors.js';
import type { Confidence } from './legal-source.js';

/**
 * A parsed procedure code (mã thủ tục hành chính) in one of its published shapes (specs/procedures.md §3):
 * - `procedure`: `D.NNNNNN` (`1.000358`) [confirmed in data];
 * - `case`: a variant (trường hợp) `D.NNNNNN.NN` (`1.000358.01`) [confirmed in data];
 * - `extended`: `<code>.<mã định danh>` used by provincial portals (`1.001612.000.00.00.H48`) [secondary];
 * - `local`: `<code>.<level-1 code>` (`1.012753.H19`) [secondary].
 *
 * @example
 * ```ts
 * const p: ProcedureCode = parseProcedureCode('1.000358.01');
 * p.kind; // 'case'
 * ```
 */
export interface ProcedureCode {
  /** The input as given. */
  readonly input: string;
  /** The shape recognised. */
  readonly kind: 'procedure' | 'case' | 'extended' | 'local';
  /** The base procedure code `D.NNNNNN`. */
  readonly procedureCode: string;
  /**
   * The first digit. `5` marks an internal procedure (TTHC nội bộ); what distinguishes `1`, `2` and `3` is
   * unknown, so treat it as opaque [unverified].
   */
  readonly prefix: string;
  /** Whether the prefix marks an internal procedure (prefix `5`) [confirmed in data, index excerpt]. */
  readonly internal: boolean;
  /** The case number `NN` of a `case` code, else `null`. */
  readonly caseNumber: string | null;
  /** The organisation identifier of an `extended` code (parsed by `vn-egov/documents`), else `null`. */
  readonly organization: OrganizationCode | null;
  /** The level-1 code of a `local` code (`H19`) or of the organisation of an `extended` code, else `null`. */
  readonly level1: string | null;
  /** How well the shape is established. */
  readonly confidence: Confidence;
}

const BASE = /^(\d)\.(\d{6})$/;
const CASE = /^(\d)\.(\d{6})\.(\d{2})$/;
const LOCAL = /^(\d)\.(\d{6})\.([A-Z]\d{2})$/;
const EXTENDED = /^(\d)\.(\d{6})\.(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})$/;

/**
 * Parses a procedure code in any of its shapes (see {@link ProcedureCode}).
 *
 * @throws VnEgovError `INVALID_PROCEDURE_CODE` when the text fits none of them.
 * @example
 * ```ts
 * parseProcedureCode('1.000358').kind; // 'procedure'
 * parseProcedureCode('1.001612.000.00.00.H48').organization?.level1; // 'H48'
 * parseProcedureCode('5.003882').internal; // true
 * ```
 */
export function parseProcedureCode(text: string): ProcedureCode {
  if (typeof text !== 'string') {
    fail('INVALID_PROCEDURE_CODE', `Mã TTHC không hợp lệ / procedure code must be a string, got ${describeValue(text)}`);
  }
  const t = text.trim();
  let m = BASE.exec(t);
  const base = (mm: RegExpExecArray) => ({ procedureCode: `${mm[1]}.${mm[2]}`, prefix: mm[1]!, internal: mm[1] === '5' });
  if (m) return { input: text, kind: 'procedure', ...base(m), caseNumber: null, organization: null, level1: null, confidence: 'confirmed' };
  m = CASE.exec(t);
  if (m) return { input: text, kind: 'case', ...base(m), caseNumber: m[3]!, organization: null, level1: null, confidence: 'confirmed' };
  m = LOCAL.exec(t);
  if (m) return { input: text, kind: 'local', ...base(m), caseNumber: null, organization: null, level1: m[3]!, confidence: 'secondary' };
  m = EXTENDED.exec(t);
  if (m) {
    const organization = parseOrganizationCode(m[3]!);
    return { input: text, kind: 'extended', ...base(m), caseNumber: null, organization, level1: organization.level1, confidence: 'secondary' };
  }
  fail(
    'INVALID_PROCEDURE_CODE',
    `Mã TTHC không hợp lệ / not a procedure code (D.NNNNNN, D.NNNNNN.NN, D.NNNNNN.<mã định danh>): ${describeValue(text)}`,
    [issue('invalid_procedure_code', [], 'expected D.NNNNNN, D.NNNNNN.NN, D.NNNNNN.LNN or D.NNNNNN.NNN.NN.NN.LNN')],
  );
}

/**
 * Whether a text is a base procedure code `D.NNNNNN`.
 *
 * @example
 * ```ts
 * isProcedureCode('1.000358'); // true
 * isProcedureCode('1.000358.01'); // false (a case code)
 * ```
 */
export function isProcedureCode(text: string): boolean {
  return typeof text === 'string' && BASE.test(text);
}

/**
 * Builds the extended code a provincial portal uses: `<procedure code>.<mã định danh>` [secondary].
 *
 * @throws VnEgovError `INVALID_PROCEDURE_CODE` for a bad procedure code; `INVALID_ORGANIZATION_CODE` (from
 *   `vn-egov/documents`) for a bad organisation code.
 * @example
 * ```ts
 * formatExtendedProcedureCode('1.001612', '000.00.00.H48'); // '1.001612.000.00.00.H48'
 * ```
 */
export function formatExtendedProcedureCode(procedureCode: string, organizationCode: string): string {
  if (!isProcedureCode(procedureCode)) {
    fail('INVALID_PROCEDURE_CODE', `Mã TTHC không hợp lệ / not a procedure code D.NNNNNN: ${describeValue(procedureCode)}`);
  }
  return `${procedureCode}.${parseOrganizationCode(organizationCode).code}`;
}
