/**
 * XML character data: the five predefined entities and numeric character references (no DTD, so no other entity
 * exists), shared by the reference and the fast path of the reader.
 * @internal
 * @packageDocumentation
 */
import { describeValue, fail, issue } from './errors.js';

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Throws `XML_MALFORMED` with a position text. @internal */
export function malformed(message: string, where: string | (() => string)): never {
  if (typeof where === 'function') where = where();
  fail('XML_MALFORMED', `XML không hợp lệ / malformed XML: ${message} (${where})`, [issue('malformed_xml', [], 'error', `${message} at ${where}`)]);
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Decodes the five XML entities and numeric character references; throws on anything else. @internal */
export function decodeEntities(raw: string, where: string | (() => string)): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) malformed(`'&' not followed by a reference`, where);
    const ref = raw.slice(amp + 1, semi);
    let value: string;
    if (ref.startsWith('#')) {
      const hex = ref.startsWith('#x');
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) malformed(`bad character reference &${ref};`, where);
      const cp = Number.parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(cp)) malformed(`character reference &${ref}; is not an XML character`, where);
      value = String.fromCodePoint(cp);
    } else {
      const named = Object.hasOwn(NAMED, ref) ? NAMED[ref] : undefined;
      if (named === undefined) malformed(`undefined entity &${describeValue(ref).slice(1, -1)};`, where);
      value = named;
    }
    out += raw.slice(last, amp) + value;
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}
