import * as z from 'zod/mini';
import { describeValue, fail, issue } from './errors.js';
import type { Confidence } from './provenance.js';
import { useEnglishZodMessages } from './zod-messages.js';

useEnglishZodMessages();

const SRC = 'NĐ 30/2020/NĐ-CP Phụ lục I mục II.7.b';

/**
 * Signing authority (thẩm quyền ký) shown by the prefix before the signer's title:
 * `on-behalf-of` = TM. (thay mặt), `acting` = Q. (quyền), `signing-for` = KT. (ký thay),
 * `by-order` = TL. (thừa lệnh), `by-authorisation` = TUQ. (thừa ủy quyền).
 *
 * @example
 * ```ts
 * signingAuthoritySchema.parse('signing-for'); // 'signing-for'
 * ```
 */
export const signingAuthoritySchema = z.enum(['on-behalf-of', 'acting', 'signing-for', 'by-order', 'by-authorisation']);

/**
 * A signing authority; see {@link signingAuthoritySchema}.
 *
 * @example
 * ```ts
 * const a: SigningAuthority = 'by-order'; // TL.
 * ```
 */
export type SigningAuthority = z.infer<typeof signingAuthoritySchema>;

/**
 * One signing prefix with its meaning.
 *
 * @example
 * ```ts
 * const kt: SigningAuthorityInfo = getSigningAuthority('KT.');
 * kt.vietnamese; // 'ký thay'
 * ```
 */
export interface SigningAuthorityInfo {
  readonly id: SigningAuthority;
  /** The prefix as written, with its dot: `TM.`, `Q.`, `KT.`, `TL.`, `TUQ.`. */
  readonly prefix: string;
  /** What the prefix stands for in Vietnamese. */
  readonly vietnamese: string;
  /** Meaning in English. */
  readonly meaning: string;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * The five signing prefixes of NĐ 30/2020 Phụ lục I mục II.7.b.
 *
 * @example
 * ```ts
 * signingAuthorities.map((a) => a.prefix); // ['TM.', 'Q.', 'KT.', 'TL.', 'TUQ.']
 * ```
 */
export const signingAuthorities: readonly SigningAuthorityInfo[] = Object.freeze([
  { id: 'on-behalf-of', prefix: 'TM.', vietnamese: 'thay mặt', meaning: 'on behalf of a collective body', source: SRC, confidence: 'confirmed' },
  { id: 'acting', prefix: 'Q.', vietnamese: 'quyền', meaning: 'acting head', source: SRC, confidence: 'confirmed' },
  { id: 'signing-for', prefix: 'KT.', vietnamese: 'ký thay', meaning: 'a deputy signs for the head', source: SRC, confidence: 'confirmed' },
  { id: 'by-order', prefix: 'TL.', vietnamese: 'thừa lệnh', meaning: 'by order', source: SRC, confidence: 'confirmed' },
  { id: 'by-authorisation', prefix: 'TUQ.', vietnamese: 'thừa ủy quyền', meaning: 'by authorisation', source: SRC, confidence: 'confirmed' },
]);

/**
 * Gets a signing authority by identifier or prefix (with or without the dot, any case).
 *
 * @throws VnEgovError `INVALID_SIGNING_AUTHORITY` for anything else.
 * @example
 * ```ts
 * getSigningAuthority('tuq').id; // 'by-authorisation'
 * ```
 */
export function getSigningAuthority(query: string): SigningAuthorityInfo {
  const q = typeof query === 'string' ? query.trim() : '';
  const p = q.toUpperCase().replace(/\.$/, '');
  const found = signingAuthorities.find((a) => a.id === q || a.prefix === `${p}.`);
  if (found === undefined) {
    fail('INVALID_SIGNING_AUTHORITY', `Thẩm quyền ký không hợp lệ / unknown signing prefix ${describeValue(query)}`, [
      issue('unknown_signing_authority', [], 'expected TM., Q., KT., TL. or TUQ.'),
    ]);
  }
  return found;
}

/**
 * A signer's title line split into its prefix and title.
 *
 * @example
 * ```ts
 * const t: SignerTitle = parseSignerTitle('KT. CHỦ TỊCH');
 * ```
 */
export interface SignerTitle {
  /** The authority, `null` when the head signs in their own right (no prefix). */
  readonly authority: SigningAuthority | null;
  /** The title after the prefix, e.g. `CHỦ TỊCH`. */
  readonly title: string;
}

const PREFIX_RE = /^(TM|Q|KT|TL|TUQ)\.\s*/i;

/**
 * Splits a title line ("quyền hạn, chức vụ của người ký") into its signing prefix and title.
 *
 * @throws VnEgovError `INVALID_SIGNING_AUTHORITY` when the text is not a string or the title is empty.
 * @example
 * ```ts
 * parseSignerTitle('KT. CHỦ TỊCH');            // { authority: 'signing-for', title: 'CHỦ TỊCH' }
 * parseSignerTitle('TM. ỦY BAN NHÂN DÂN');     // { authority: 'on-behalf-of', title: 'ỦY BAN NHÂN DÂN' }
 * parseSignerTitle('BỘ TRƯỞNG');              // { authority: null, title: 'BỘ TRƯỞNG' }
 * ```
 */
export function parseSignerTitle(text: string): SignerTitle {
  if (typeof text !== 'string') {
    fail('INVALID_SIGNING_AUTHORITY', `Chức vụ người ký không hợp lệ / expected a string, got ${describeValue(text)}`);
  }
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const m = PREFIX_RE.exec(t);
  const title = m === null ? t : t.slice(m[0].length).trim();
  if (title === '') {
    fail('INVALID_SIGNING_AUTHORITY', `Chức vụ người ký trống / empty signer title in ${describeValue(text)}`, [
      issue('empty_title', ['title'], 'the title after the prefix is empty'),
    ]);
  }
  return { authority: m === null ? null : getSigningAuthority(m[1]!).id, title };
}

/**
 * Writes a title line from an authority and a title.
 *
 * @throws VnEgovError `INVALID_SIGNING_AUTHORITY` for an unknown authority or an empty title.
 * @example
 * ```ts
 * formatSignerTitle({ authority: 'by-order', title: 'BỘ TRƯỞNG' }); // 'TL. BỘ TRƯỞNG'
 * ```
 */
export function formatSignerTitle(value: SignerTitle): string {
  const title = typeof value?.title === 'string' ? value.title.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
  if (title === '') fail('INVALID_SIGNING_AUTHORITY', 'Chức vụ người ký trống / empty signer title', [issue('empty_title', ['title'], 'required')]);
  if (value.authority === null) return title;
  const info = signingAuthorities.find((a) => a.id === value.authority);
  if (info === undefined) {
    fail('INVALID_SIGNING_AUTHORITY', `Thẩm quyền ký không hợp lệ / unknown authority ${describeValue(value.authority)}`, [
      issue('unknown_signing_authority', ['authority'], `expected one of ${signingAuthoritySchema.options.join(', ')} or null`),
    ]);
  }
  return `${info.prefix} ${title}`;
}
