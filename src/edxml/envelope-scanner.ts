/**
 * A single-pass, chunk-fed scanner that splits an edXML text into its envelope (everything but the attachment
 * payloads) and the base64 payloads of `ContentTransferEncoded` elements, and enforces the security rules before any
 * XML parser sees the data: no DOCTYPE / ENTITY (any `<!` markup declaration), bounded size, depth, element and
 * attribute counts, no `__proto__` names. It does not check well-formedness (the validator does, on the envelope).
 *
 * Payload text is skipped with `indexOf('<')`, so the cost of a large attachment is a native memory scan. The same
 * scanner serves strings, byte arrays and Node streams (chunks of either kind).
 * @internal
 * @packageDocumentation
 */
import { describeValue, fail, issue } from './errors.js';
import { isForbiddenName, type EdxmlLimits } from './xml-security.js';

/** A piece of input: UTF-16 text or UTF-8 bytes. @internal */
export type Chunk = string | Uint8Array;

/** Receives what the scanner splits. Ranges are within the chunk passed to `write`. @internal */
export interface ScanSink {
  /** Envelope text (copied to the envelope). */
  envelope(chunk: Chunk, start: number, end: number): void;
  /** Envelope text synthesised by the scanner (an end tag whose `<` was in an earlier chunk). */
  envelopeText(text: string): void;
  /** A payload starts; `offset` is the input position just after the start tag. */
  payloadStart(index: number, qname: string, offset: number): void;
  /** Payload characters (base64 text, CDATA content). */
  payload(chunk: Chunk, start: number, end: number): void;
  /** The payload ends; `offset` is the input position of its end tag. */
  payloadEnd(index: number, offset: number): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const RBRACKET = 0x5d;
const QUOT = 0x22;
const APOS = 0x27;

const enum S {
  Text,
  Lt,
  Bang,
  Comment,
  Cdata,
  Pi,
  StartName,
  InTag,
  EndTag,
  Payload,
  PayloadLt,
  PayloadEndTag,
  PayloadBang,
  PayloadCdata,
  PayloadComment,
}

const PAYLOAD_LOCAL = 'ContentTransferEncoded';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** @internal */
export class EnvelopeScanner {
  private state = S.Text;
  private name = '';
  private bang = '';
  private counter = 0;
  private quote = 0;
  private lastNonSpace = 0;
  private attributes = 0;
  private pi = '';
  private depth = 0;
  private elements = 0;
  private payloads = 0;
  private envelopeSize = 0;
  private offset = 0;
  private payloadName = '';
  private payloadIndex = -1;
  private seenRoot = false;
  private rootClosed = false;
  /** The XML declaration's text (`version="1.0" encoding="UTF-8"`), if the input starts with one. */
  declaration: string | null = null;

  constructor(
    private readonly sink: ScanSink,
    private readonly limits: EdxmlLimits,
  ) {}

  /** Whether the scanner has seen at least one element and is back at depth 0 outside any markup. */
  get complete(): boolean {
    return this.state === S.Text && this.seenRoot && this.depth === 0;
  }

  /** Number of payloads found so far. */
  get payloadCount(): number {
    return this.payloads;
  }

  private addEnvelope(n: number): void {
    this.envelopeSize += n;
    if (this.envelopeSize > this.limits.maxEnvelopeBytes) {
      fail('XML_LIMIT_EXCEEDED', `Phong bì quá lớn / envelope larger than ${this.limits.maxEnvelopeBytes} (payloads excluded)`, [
        issue('max_envelope_bytes', [], 'error', `limit ${this.limits.maxEnvelopeBytes}`),
      ]);
    }
  }

  /** Feeds the next chunk. */
  write(chunk: Chunk): void {
    const len = chunk.length;
    const str = typeof chunk === 'string' ? chunk : null;
    const bytes = typeof chunk === 'string' ? null : chunk;
    const at = (i: number): number => (str !== null ? str.charCodeAt(i) : bytes![i]!);
    const indexOfLt = (from: number): number => (str !== null ? str.indexOf('<', from) : bytes!.indexOf(LT, from));
    const base = this.offset;
    let segStart = this.state >= S.Payload ? -1 : 0; // start of the current envelope segment in this chunk
    let i = 0;
    const flushEnvelope = (end: number): void => {
      if (segStart >= 0 && end > segStart) {
        this.addEnvelope(end - segStart);
        this.sink.envelope(chunk, segStart, end);
      }
      segStart = -1;
    };
    while (i < len) {
      switch (this.state) {
        case S.Text: {
          const lt = indexOfLt(i);
          if (lt < 0) {
            i = len;
            break;
          }
          i = lt + 1;
          this.state = S.Lt;
          break;
        }
        case S.Lt: {
          const c = at(i++);
          if (c === SLASH) {
            this.state = S.EndTag;
            this.name = '';
          } else if (c === QUESTION) {
            this.state = S.Pi;
            this.counter = 0;
            this.pi = '';
          } else if (c === BANG) {
            this.state = S.Bang;
            this.bang = '';
          } else if (isSpace(c) || c === GT || c === LT) {
            fail('XML_MALFORMED', `XML không hợp lệ / '<' not followed by a name at offset ${base + i - 1}`, [
              issue('malformed_markup', [], 'error', `offset ${base + i - 1}`),
            ]);
          } else {
            this.state = S.StartName;
            this.name = String.fromCharCode(c);
          }
          break;
        }
        case S.Bang: {
          const c = at(i++);
          this.bang += String.fromCharCode(c);
          if (this.bang === '--') {
            this.state = S.Comment;
            this.counter = 0;
          } else if (this.bang === '[CDATA[') {
            if (this.depth === 0) fail('XML_MALFORMED', 'XML không hợp lệ / CDATA outside the root element', [issue('malformed_markup', [], 'error', 'CDATA outside the root')]);
            this.state = S.Cdata;
            this.counter = 0;
          } else if (/^[A-Za-z]/.test(this.bang)) {
            fail('XML_ENTITY_FORBIDDEN', `Không chấp nhận DOCTYPE/ENTITY / markup declarations (<!${this.bang}…) are forbidden in edXML`, [
              issue('doctype_forbidden', [], 'error', `'<!${this.bang}' at offset ${base + i - this.bang.length - 2}`),
            ]);
          } else if (!('--'.startsWith(this.bang) || '[CDATA['.startsWith(this.bang))) {
            fail('XML_MALFORMED', `XML không hợp lệ / unknown markup '<!${this.bang}'`, [issue('malformed_markup', [], 'error', `offset ${base + i}`)]);
          }
          break;
        }
        case S.Comment: {
          const c = at(i++);
          if (c === DASH) this.counter++;
          else if (c === GT && this.counter >= 2) this.state = S.Text;
          else this.counter = 0;
          break;
        }
        case S.Cdata: {
          const c = at(i++);
          if (c === RBRACKET) this.counter++;
          else if (c === GT && this.counter >= 2) this.state = S.Text;
          else this.counter = 0;
          break;
        }
        case S.Pi: {
          const c = at(i++);
          if (this.pi.length < 512) this.pi += String.fromCharCode(c);
          if (c === GT && this.counter === 1) {
            if (base + i - this.pi.length - 2 === 0 && /^xml\s/.test(this.pi)) this.declaration = this.pi.slice(4, -2).trim();
            this.state = S.Text;
          }
          this.counter = c === QUESTION ? 1 : 0;
          break;
        }
        case S.StartName: {
          const c = at(i);
          if (isSpace(c) || c === SLASH || c === GT) {
            this.checkName(this.name);
            this.state = S.InTag;
            this.quote = 0;
            this.attributes = 0;
            this.lastNonSpace = 0;
          } else {
            this.name += String.fromCharCode(c);
            if (this.name.length > this.limits.maxNameLength) this.nameTooLong();
            i++;
          }
          break;
        }
        case S.InTag: {
          const c = at(i++);
          if (this.quote !== 0) {
            if (c === this.quote) this.quote = 0;
            break;
          }
          if (c === QUOT || c === APOS) {
            this.quote = c;
            this.lastNonSpace = c;
          } else if (c === GT) {
            this.endStartTag(this.lastNonSpace === SLASH, base + i);
            if ((this.state as S) === S.Payload) {
              flushEnvelope(i);
              this.sink.payloadStart(this.payloadIndex, this.payloadName, base + i);
            }
          } else if (!isSpace(c)) {
            if (c === 0x3d) {
              this.attributes++;
              if (this.attributes > this.limits.maxAttributes) {
                fail('XML_LIMIT_EXCEEDED', `Quá nhiều thuộc tính / more than ${this.limits.maxAttributes} attributes on <${this.name}>`, [
                  issue('max_attributes', [], 'error', `limit ${this.limits.maxAttributes}`),
                ]);
              }
            }
            this.lastNonSpace = c;
          }
          break;
        }
        case S.EndTag: {
          const c = at(i++);
          if (c === GT) {
            this.depth--;
            if (this.depth < 0) fail('XML_MALFORMED', `XML không hợp lệ / unexpected end tag </${this.name.trim()}>`, [issue('malformed_markup', [], 'error', `offset ${base + i}`)]);
            if (this.depth === 0) this.rootClosed = true;
            this.state = S.Text;
          } else {
            this.name += String.fromCharCode(c);
            if (this.name.length > this.limits.maxNameLength + 64) this.nameTooLong();
          }
          break;
        }
        case S.Payload: {
          const lt = indexOfLt(i);
          const end = lt < 0 ? len : lt;
          if (end > i) this.sink.payload(chunk, i, end);
          if (lt < 0) {
            i = len;
            break;
          }
          i = lt + 1;
          this.state = S.PayloadLt;
          break;
        }
        case S.PayloadLt: {
          const c = at(i++);
          if (c === SLASH) {
            this.state = S.PayloadEndTag;
            this.name = '';
          } else if (c === BANG) {
            this.state = S.PayloadBang;
            this.bang = '';
          } else {
            fail('EDXML_INVALID_ATTACHMENT', `Tệp đính kèm chứa thẻ XML / an attachment payload (${this.payloadName}) contains markup`, [
              issue('payload_markup', ['attachments', this.payloadIndex], 'error', 'ContentTransferEncoded must hold base64 text only'),
            ]);
          }
          break;
        }
        case S.PayloadBang: {
          const c = at(i++);
          this.bang += String.fromCharCode(c);
          if (this.bang === '--') {
            this.state = S.PayloadComment;
            this.counter = 0;
          } else if (this.bang === '[CDATA[') {
            this.state = S.PayloadCdata;
            this.counter = 0;
          } else if (!('--'.startsWith(this.bang) || '[CDATA['.startsWith(this.bang))) {
            if (/^[A-Za-z]/.test(this.bang)) {
              fail('XML_ENTITY_FORBIDDEN', 'Không chấp nhận DOCTYPE/ENTITY / markup declarations are forbidden in edXML', [
                issue('doctype_forbidden', [], 'error', `'<!${this.bang}'`),
              ]);
            }
            fail('EDXML_INVALID_ATTACHMENT', `Tệp đính kèm chứa thẻ XML / an attachment payload contains markup '<!${this.bang}'`, [
              issue('payload_markup', ['attachments', this.payloadIndex], 'error', 'ContentTransferEncoded must hold base64 text only'),
            ]);
          }
          break;
        }
        case S.PayloadComment: {
          const c = at(i++);
          if (c === DASH) this.counter++;
          else if (c === GT && this.counter >= 2) this.state = S.Payload;
          else this.counter = 0;
          break;
        }
        case S.PayloadCdata: {
          // Base64 never holds ']', so a ']' must start the ']]>' terminator.
          let j = i;
          if (this.counter === 0) {
            while (j < len && at(j) !== RBRACKET) j++;
            if (j > i) this.sink.payload(chunk, i, j);
            if (j === len) {
              i = len;
              break;
            }
          }
          const c = at(j++);
          i = j;
          if (c === RBRACKET && this.counter < 2) this.counter++;
          else if (c === GT && this.counter === 2) {
            this.state = S.Payload;
            this.counter = 0;
          } else {
            fail('EDXML_INVALID_BASE64', `Base64 không hợp lệ / ']' inside the payload of attachment ${this.payloadIndex}`, [
              issue('invalid_base64', ['attachments', this.payloadIndex], 'error', "unexpected ']' in CDATA"),
            ]);
          }
          break;
        }
        case S.PayloadEndTag: {
          const c = at(i++);
          if (c !== GT) {
            this.name += String.fromCharCode(c);
            if (this.name.length > this.limits.maxNameLength + 64) this.nameTooLong();
            break;
          }
          const name = this.name.trimEnd();
          if (name !== this.payloadName) {
            fail('XML_MALFORMED', `XML không hợp lệ / expected </${this.payloadName}>, found </${describeValue(name).slice(1, -1)}>`, [
              issue('malformed_markup', [], 'error', `offset ${base + i}`),
            ]);
          }
          const tagStart = base + i - name.length - 3;
          this.sink.payloadEnd(this.payloadIndex, Math.max(tagStart, 0));
          this.depth--;
          this.state = S.Text;
          const local = i - name.length - 3;
          if (local >= 0 && this.name.length === name.length) segStart = local;
          else {
            segStart = i;
            const text = `</${name}>`;
            this.addEnvelope(text.length);
            this.sink.envelopeText(text);
          }
          break;
        }
      }
    }
    if (this.state < S.Payload) flushEnvelope(len);
    this.offset += len;
  }

  /** Ends the input; throws when it stops inside markup or a payload. */
  end(): void {
    if (this.state !== S.Text) {
      fail('XML_MALFORMED', 'XML không hợp lệ / unexpected end of input inside markup', [issue('unexpected_end', [], 'error', `offset ${this.offset}`)]);
    }
    if (!this.seenRoot) fail('XML_MALFORMED', 'XML không hợp lệ / no root element', [issue('no_root', [], 'error', 'empty document')]);
    if (this.depth !== 0) fail('XML_MALFORMED', 'XML không hợp lệ / unexpected end of input: unclosed elements', [issue('unexpected_end', [], 'error', `depth ${this.depth}`)]);
  }

  private nameTooLong(): never {
    fail('XML_LIMIT_EXCEEDED', `Tên quá dài / a name is longer than ${this.limits.maxNameLength}`, [
      issue('max_name_length', [], 'error', `limit ${this.limits.maxNameLength}`),
    ]);
  }

  private checkName(name: string): void {
    if (isForbiddenName(name)) {
      fail('XML_FORBIDDEN_NAME', `Tên phần tử bị cấm / forbidden element name ${describeValue(name)}`, [
        issue('forbidden_name', [], 'error', 'names such as __proto__ could pollute prototypes'),
      ]);
    }
  }

  private endStartTag(selfClosing: boolean, offset: number): void {
    if (this.rootClosed) fail('XML_MALFORMED', 'XML không hợp lệ / content after the root element', [issue('malformed_markup', [], 'error', 'a second root element')]);
    this.seenRoot = true;
    this.elements++;
    if (this.elements > this.limits.maxElements) {
      fail('XML_LIMIT_EXCEEDED', `Quá nhiều phần tử / more than ${this.limits.maxElements} elements`, [
        issue('max_elements', [], 'error', `limit ${this.limits.maxElements}`),
      ]);
    }
    const colon = this.name.indexOf(':');
    const local = colon < 0 ? this.name : this.name.slice(colon + 1);
    const isPayload = local === PAYLOAD_LOCAL;
    if (isPayload) {
      this.payloadIndex = this.payloads++;
      if (this.payloads > this.limits.maxAttachments) {
        fail('XML_LIMIT_EXCEEDED', `Quá nhiều tệp đính kèm / more than ${this.limits.maxAttachments} attachments`, [
          issue('max_attachments', [], 'error', `limit ${this.limits.maxAttachments}`),
        ]);
      }
    }
    if (selfClosing) {
      if (this.depth === 0) this.rootClosed = true;
      this.state = S.Text;
      if (isPayload) {
        this.sink.payloadStart(this.payloadIndex, this.name, offset);
        this.sink.payloadEnd(this.payloadIndex, offset);
      }
      return;
    }
    this.depth++;
    if (this.depth > this.limits.maxDepth) {
      fail('XML_LIMIT_EXCEEDED', `Lồng quá sâu / elements nested deeper than ${this.limits.maxDepth}`, [
        issue('max_depth', [], 'error', `limit ${this.limits.maxDepth}`),
      ]);
    }
    if (isPayload) {
      this.payloadName = this.name;
      this.state = S.Payload;
    } else {
      this.state = S.Text;
    }
  }
}
