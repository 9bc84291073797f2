import type { VnEgovIssue } from '../errors/index.js';
import { describeValue, fail, issue } from './errors.js';
import type { Confidence } from './provenance.js';

/**
 * A level-1 group letter of the organisation identifier code (nhóm mã cấp 1), with what is known about it.
 *
 * @example
 * ```ts
 * const g: OrganizationGroup = organizationGroups[0];
 * g.letter; // 'G'
 * ```
 */
export interface OrganizationGroup {
  /** The letter (first character of the level-1 group). */
  readonly letter: string;
  /** Vietnamese description of the group. */
  readonly description: string;
  /** Where it comes from. */
  readonly source: string;
  /** How well it is established. */
  readonly confidence: Confidence;
}

/**
 * The level-1 letters seen in real data (specs/documents.md §9.3). The letters of the Chủ tịch nước, Quốc hội,
 * Tòa án, Viện kiểm sát and Kiểm toán groups are not confirmed by any source and are deliberately absent.
 *
 * @example
 * ```ts
 * organizationGroups.map((g) => g.letter); // ['G', 'H', 'K', 'A', 'D']
 * ```
 */
export const organizationGroups: readonly OrganizationGroup[] = Object.freeze([
  {
    letter: 'G',
    description: 'Nhóm Chính phủ: bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ (G22 Văn phòng Chính phủ)',
    source: 'QCVN 102:2016/BTTTT; QĐ 20/2020/QĐ-TTg; QĐ 09/2025/QĐ-TTg; codes seen in edXML samples and hubs',
    confidence: 'confirmed',
  },
  {
    letter: 'H',
    description: 'Ủy ban nhân dân cấp tỉnh (H41 Nghệ An, H53 Tây Ninh)',
    source: 'Codes seen in edXML samples, provincial hubs and procedure codes (specs/documents.md §9.3)',
    confidence: 'confirmed',
  },
  {
    letter: 'K',
    description: 'Hội đồng nhân dân cấp tỉnh và văn phòng (K41 Văn phòng HĐND và Đoàn ĐBQH tỉnh Nghệ An)',
    source: 'Public code and Huế file names (specs/documents.md §9.3)',
    confidence: 'secondary',
  },
  {
    letter: 'A',
    description: 'Cơ quan Đảng (A53 Tỉnh ủy Tây Ninh); local Party bodies appear to reuse the province number',
    source: 'Provincial hub sample 000.00.01.A53; the reuse of the province number is an inference (specs/documents.md §9.3)',
    confidence: 'unverified',
  },
  {
    letter: 'D',
    description: 'Seen only as test units of the national document exchange axis (777.77.04.D77)',
    source: 'VPCP test units (specs/documents.md §9.5)',
    confidence: 'secondary',
  },
]);

/**
 * A level-1 code seen in real data or published (mã cấp 1), with the body it names. This is a list of
 * observations, not the official table of QĐ 20/2020/QĐ-TTg (unread); province codes may have changed with the
 * 2025 province mergers.
 *
 * @example
 * ```ts
 * const k: KnownLevel1Code = knownLevel1Codes.find((c) => c.level1 === 'G22')!;
 * k.name; // 'Văn phòng Chính phủ'
 * ```
 */
export interface KnownLevel1Code {
  /** The level-1 group, e.g. `G22`. */
  readonly level1: string;
  /** Vietnamese name of the body. */
  readonly name: string;
  /** Where it comes from. */
  readonly source: string;
  /** How well it is established. */
  readonly confidence: Confidence;
}

const QD09 = 'QĐ 09/2025/QĐ-TTg (14/04/2025), as reported by baodautu.vn (list read to item 26)';
const G2025: readonly [string, string][] = [
  ['G01', 'Bộ Công an'], ['G02', 'Bộ Công Thương'], ['G03', 'Bộ Giáo dục và Đào tạo'], ['G06', 'Bộ Khoa học và Công nghệ'],
  ['G08', 'Bộ Ngoại giao'], ['G09', 'Bộ Nội vụ'], ['G10', 'Bộ Nông nghiệp và Môi trường'], ['G11', 'Bộ Quốc phòng'],
  ['G12', 'Bộ Tài chính'], ['G15', 'Bộ Tư pháp'], ['G16', 'Bộ Văn hóa, Thể thao và Du lịch'], ['G17', 'Bộ Xây dựng'],
  ['G18', 'Bộ Y tế'], ['G19', 'Ngân hàng Nhà nước Việt Nam'], ['G20', 'Thanh tra Chính phủ'], ['G21', 'Bộ Dân tộc và Tôn giáo'],
  ['G22', 'Văn phòng Chính phủ'], ['G27', 'Đài Tiếng nói Việt Nam'], ['G28', 'Đài Truyền hình Việt Nam'],
  ['G30', 'Thông tấn xã Việt Nam'], ['G31', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam'],
  ['G32', 'Viện Hàn lâm Khoa học xã hội Việt Nam'], ['G35', 'Ủy ban An toàn giao thông Quốc gia'],
  ['G38', 'Ủy ban sông Mê Công Việt Nam'], ['G39', 'Hội đồng đánh giá trữ lượng khoáng sản quốc gia'],
];

/**
 * Level-1 codes known from the sources: the ministry codes re-issued by QĐ 09/2025/QĐ-TTg (`secondary`) and the
 * provincial codes seen in real data (each with its own confidence). Codes not listed are not unknown to the law,
 * only to this library; never infer a province number from alphabetical order.
 *
 * @example
 * ```ts
 * knownLevel1Codes.filter((c) => c.level1.startsWith('H')).length > 0; // true
 * ```
 */
export const knownLevel1Codes: readonly KnownLevel1Code[] = Object.freeze([
  ...G2025.map(([level1, name]) => ({ level1, name, source: QD09, confidence: 'secondary' as const })),
  { level1: 'H14', name: 'Ủy ban nhân dân tỉnh Cao Bằng', source: 'Code 000.00.00.H14 in real data (specs/documents.md §9.2)', confidence: 'confirmed' },
  { level1: 'H29', name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', source: 'Procedure code 1.000494.000.00.00.H29 (specs/documents.md §9.3)', confidence: 'confirmed' },
  { level1: 'H36', name: 'Ủy ban nhân dân tỉnh Lâm Đồng', source: 'Provincial hub configuration (specs/documents.md §9.3)', confidence: 'secondary' },
  { level1: 'H38', name: 'Ủy ban nhân dân tỉnh Lào Cai', source: 'Real data (specs/documents.md §9.3)', confidence: 'confirmed' },
  { level1: 'H41', name: 'Ủy ban nhân dân tỉnh Nghệ An', source: 'Code 000.00.00.H41 in real data (specs/documents.md §9.2)', confidence: 'confirmed' },
  { level1: 'H53', name: 'Ủy ban nhân dân tỉnh Tây Ninh', source: 'Bkav Tây Ninh hub samples (specs/documents.md §9.2)', confidence: 'confirmed' },
  { level1: 'H56', name: 'Ủy ban nhân dân tỉnh Thanh Hóa', source: 'A 2026 provincial project, public code not identified (specs/documents.md §9.3)', confidence: 'secondary' },
  { level1: 'H57', name: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế (Huế)', source: 'Huế document file names, 2026 (specs/documents.md §9.3)', confidence: 'secondary' },
  { level1: 'K41', name: 'Văn phòng HĐND và Đoàn ĐBQH tỉnh Nghệ An', source: 'Code 000.00.00.K41 in public code (specs/documents.md §9.3)', confidence: 'secondary' },
  { level1: 'K57', name: 'Hội đồng nhân dân Huế', source: 'File name 000.00.00.K57-55-2025-NQ-HDND (specs/documents.md §9.3)', confidence: 'secondary' },
  { level1: 'A53', name: 'Tỉnh ủy Tây Ninh', source: 'Code 000.00.01.A53 Văn phòng Tỉnh ủy Tây Ninh, provincial hub sample (specs/documents.md §9.2)', confidence: 'confirmed' },
]);

const groupByLetter = new Map(organizationGroups.map((g) => [g.letter, g] as const));
const knownByLevel1 = new Map(knownLevel1Codes.map((k) => [k.level1, k] as const));

/**
 * The level of a unit in the code (cấp): 1 for the level-1 body itself (`000.00.00.H48`), 2 for a unit under it
 * (`000.00.53.H48`), and so on to 4.
 *
 * @example
 * ```ts
 * const l: OrganizationLevel = parseOrganizationCode('000.01.01.H53').unitLevel; // 3
 * ```
 */
export type OrganizationLevel = 1 | 2 | 3 | 4;

/**
 * A parsed organisation identifier code (mã định danh cơ quan, tổ chức; QCVN 102:2016/BTTTT, QĐ 20/2020/QĐ-TTg),
 * `V1V2V3.Z1Z2.Y1Y2.MX1X2`: level 4, level 3, level 2, level 1, read from right to left; zeros mean "no unit".
 *
 * @example
 * ```ts
 * const c: OrganizationCode = parseOrganizationCode('000.00.53.H48');
 * c.parent; // '000.00.00.H48'
 * ```
 */
export interface OrganizationCode {
  /** The code, 13 characters. */
  readonly code: string;
  /** Level-1 group (mã cấp 1), e.g. `H48`. */
  readonly level1: string;
  /** Level-1 letter, e.g. `H`. */
  readonly groupLetter: string;
  /** Level-1 number, two digits, e.g. `48`. */
  readonly groupNumber: string;
  /** Level-2 group (Y1Y2), `00` when none. */
  readonly level2: string;
  /** Level-3 group (Z1Z2), `00` when none. */
  readonly level3: string;
  /** Level-4 group (V1V2V3), `000` when none. */
  readonly level4: string;
  /** Level of the unit the code names: the most specific non-zero group. */
  readonly unitLevel: OrganizationLevel;
  /** Code of the parent unit (the most specific non-zero group set to zeros), `null` for a level-1 body. */
  readonly parent: string | null;
  /** What is known about the level-1 letter, `null` when the letter is not documented. */
  readonly group: OrganizationGroup | null;
  /** A known body for the level-1 code, `null` when none is recorded. */
  readonly known: KnownLevel1Code | null;
  /** Oddities that do not make the code unreadable (`level_gap`, `test_unit`, and in lenient mode what was fixed). */
  readonly warnings: readonly VnEgovIssue[];
}

/**
 * Result of {@link parseOrganizationCode} in lenient mode: never throws; `valid` is `true` only when the input
 * was a well-formed code as given.
 *
 * @example
 * ```ts
 * const r: LenientOrganizationCode = parseOrganizationCode('28.22.H17', { mode: 'lenient' });
 * r.valid; // false
 * ```
 */
export interface LenientOrganizationCode {
  /** Whether the input was well-formed as given. */
  readonly valid: boolean;
  /** The input (or a description of it when it was not a string). */
  readonly input: string;
  /** The parsed code when it could be read after trimming and upper-casing, else `null`. */
  readonly code: OrganizationCode | null;
  /** Every problem found; when `valid`, only the oddities of a well-formed code (`level_gap`, `test_unit`). */
  readonly warnings: readonly VnEgovIssue[];
}

/**
 * Options of {@link parseOrganizationCode}: `strict` (default) throws on malformed codes, `lenient` only warns.
 *
 * @example
 * ```ts
 * const o: OrganizationCodeOptions = { mode: 'lenient' };
 * ```
 */
export interface OrganizationCodeOptions {
  readonly mode?: 'strict' | 'lenient';
}

const STRICT = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z])(\d{2})$/;
const GROUP_PATTERNS: readonly [RegExp, string, string][] = [
  [/^\d{3}$/, 'level4', 'three digits (V1V2V3)'],
  [/^\d{2}$/, 'level3', 'two digits (Z1Z2)'],
  [/^\d{2}$/, 'level2', 'two digits (Y1Y2)'],
  [/^[A-Z]\d{2}$/, 'level1', 'one capital letter and two digits (MX1X2)'],
];

function diagnose(text: string): VnEgovIssue[] {
  const issues: VnEgovIssue[] = [];
  if (text === '') return [issue('empty', [], 'the code is empty')];
  if (text.length > 64) return [issue('too_long', [], 'a code has 13 characters')];
  if (/\s/.test(text)) issues.push(issue('whitespace', [], 'the code contains spaces'));
  if (/[a-z]/.test(text)) issues.push(issue('lowercase', ['level1'], 'the level-1 letter is a capital'));
  const groups = text.trim().split('.');
  if (groups.length !== 4) {
    issues.push(issue('wrong_group_count', [], `expected 4 groups NNN.NN.NN.LNN, got ${groups.length}`));
    const letterAt = groups.findIndex((g) => /[A-Za-z]/.test(g));
    if (letterAt >= 0 && letterAt !== groups.length - 1) {
      issues.push(issue('level1_not_last', [], 'the lettered level-1 group comes last'));
    }
    return issues;
  }
  groups.forEach((g, i) => {
    const [re, name, what] = GROUP_PATTERNS[i]!;
    if (!re.test(g)) issues.push(issue(`invalid_${name}`, [name], `${name} must be ${what}, got ${describeValue(g)}`));
  });
  if (issues.length === 0) issues.push(issue('invalid_format', [], 'expected NNN.NN.NN.LNN'));
  return issues;
}

function build(m: RegExpExecArray, extra: VnEgovIssue[]): OrganizationCode {
  const level4 = m[1]!;
  const level3 = m[2]!;
  const level2 = m[3]!;
  const groupLetter = m[4]!;
  const groupNumber = m[5]!;
  const level1 = groupLetter + groupNumber;
  const unitLevel: OrganizationLevel = level4 !== '000' ? 4 : level3 !== '00' ? 3 : level2 !== '00' ? 2 : 1;
  const warnings = extra;
  if ((unitLevel >= 3 && level2 === '00') || (unitLevel === 4 && level3 === '00')) {
    warnings.push(issue('level_gap', [], 'a unit below a level that is zero (no unit): the code should read from right to left'));
  }
  if (level1 === 'D77') warnings.push(issue('test_unit', ['level1'], 'D77 is seen only as a test unit of the national axis'));
  const parent =
    unitLevel === 4
      ? `000.${level3}.${level2}.${level1}`
      : unitLevel === 3
        ? `000.00.${level2}.${level1}`
        : unitLevel === 2
          ? `000.00.00.${level1}`
          : null;
  return {
    code: `${level4}.${level3}.${level2}.${level1}`,
    level1,
    groupLetter,
    groupNumber,
    level2,
    level3,
    level4,
    unitLevel,
    parent,
    group: groupByLetter.get(groupLetter) ?? null,
    known: knownByLevel1.get(level1) ?? null,
    warnings,
  };
}

/**
 * Reads an organisation identifier code (mã định danh, QCVN 102:2016/BTTTT; QĐ 20/2020/QĐ-TTg): its four levels,
 * the level of the unit, the parent code and the level-1 letter. Strict by default (`^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$`);
 * `{ mode: 'lenient' }` never throws and lists what is wrong with values seen in real traffic (`28.22.H17`,
 * `01.02.G22`, `000.A53.000`, `001.00.20.JB2`). Never reject an edXML package on this alone unless asked.
 *
 * @throws VnEgovError `INVALID_ORGANIZATION_CODE` (strict mode) with issues naming the wrong group.
 * @example
 * ```ts
 * const c = parseOrganizationCode('000.00.53.H48');
 * [c.level1, c.level2, c.unitLevel, c.parent, c.groupLetter]; // ['H48', '53', 2, '000.00.00.H48', 'H']
 * parseOrganizationCode('28.22.H17', { mode: 'lenient' }).warnings[0].code; // 'wrong_group_count'
 * ```
 */
export function parseOrganizationCode(text: string, options?: { readonly mode?: 'strict' }): OrganizationCode;
export function parseOrganizationCode(text: string, options: { readonly mode: 'lenient' }): LenientOrganizationCode;
export function parseOrganizationCode(text: string, options?: OrganizationCodeOptions): OrganizationCode | LenientOrganizationCode;
export function parseOrganizationCode(text: string, options: OrganizationCodeOptions = {}): OrganizationCode | LenientOrganizationCode {
  const lenient = options !== null && typeof options === 'object' && options.mode === 'lenient';
  if (typeof text !== 'string') {
    const warnings = [issue('invalid_type', [], `expected a string, got ${describeValue(text)}`)];
    if (lenient) return { valid: false, input: describeValue(text), code: null, warnings };
    fail('INVALID_ORGANIZATION_CODE', `Mã định danh không hợp lệ / invalid organisation code: expected a string, got ${describeValue(text)}`, warnings);
  }
  const m = STRICT.exec(text);
  if (m !== null) {
    const code = build(m, []);
    return lenient ? { valid: true, input: text, code, warnings: code.warnings } : code;
  }
  const issues = diagnose(text);
  if (!lenient) {
    fail('INVALID_ORGANIZATION_CODE', `Mã định danh không hợp lệ / invalid organisation code ${describeValue(text)}: ${issues.map((i) => i.message).join('; ')}`, issues);
  }
  const fixed = text.length <= 64 ? STRICT.exec(text.normalize('NFC').trim().toUpperCase()) : null;
  return { valid: false, input: text, code: fixed === null ? null : build(fixed, [...issues]), warnings: issues };
}

/**
 * Tells whether a text is a well-formed organisation code (strict shape).
 *
 * @example
 * ```ts
 * isOrganizationCode('000.00.00.G22'); // true
 * isOrganizationCode('01.02.G22');     // false
 * ```
 */
export function isOrganizationCode(text: string): boolean {
  return typeof text === 'string' && STRICT.test(text);
}

/**
 * Writes an organisation code from its levels; missing lower levels are zeros. Inverse of
 * {@link parseOrganizationCode} for well-formed parts.
 *
 * @throws VnEgovError `INVALID_ORGANIZATION_CODE` when a level has the wrong shape.
 * @example
 * ```ts
 * formatOrganizationCode({ level1: 'H48', level2: '53' }); // '000.00.53.H48'
 * ```
 */
export function formatOrganizationCode(parts: { level1: string; level2?: string; level3?: string; level4?: string }): string {
  if (parts === null || typeof parts !== 'object') {
    fail('INVALID_ORGANIZATION_CODE', `Mã định danh không hợp lệ / expected an object of levels, got ${describeValue(parts)}`);
  }
  const code = `${parts.level4 ?? '000'}.${parts.level3 ?? '00'}.${parts.level2 ?? '00'}.${parts.level1}`;
  const m = STRICT.exec(code);
  if (m === null) {
    const issues = diagnose(code);
    fail('INVALID_ORGANIZATION_CODE', `Mã định danh không hợp lệ / invalid levels: ${issues.map((i) => i.message).join('; ')}`, issues);
  }
  return code;
}
