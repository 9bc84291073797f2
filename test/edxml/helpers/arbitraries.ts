import fc from 'fast-check';
import type { EdxmlAttachmentInput, EdxmlDocument, EdxmlStatus } from '../../../src/edxml/index.js';

const tokens = ['a', 'Đ', 'ư', 'ạ', 'ế', ' ', '  ', '&', '<', '>', '"', "'", ']]>', '\r', '\n', '\r\n', '\t', '😀', 'x', '1', '/', ',', 'cid:', '&amp;'];
/** Free text, including what needs escaping and line ends. */
export const text = fc.array(fc.constantFrom(...tokens), { maxLength: 8 }).map((a) => a.join(''));
/** Identifier-like text (compared after trimming, so generated trimmed). */
export const id = fc.stringMatching(/^[A-Za-z0-9.\-/Đ]{0,16}$/);
export const int = fc.option(fc.integer({ min: -1_000_000, max: 2_000_000_000 }), { nil: null });
export const bool = fc.option(fc.boolean(), { nil: null });
const dateObj = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
export const day = fc.oneof(fc.constant(''), dateObj.map((d) => d.toISOString().slice(0, 10)));
export const timestamp = fc.oneof(fc.constant(''), dateObj.map((d) => d.toISOString().slice(0, 19)));
const some = { requiredKeys: [] as never[] };
const list = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(a, { maxLength: 3 });

export const organization = fc.record(
  { organId: id, organizationInCharge: text, organName: text, organAdd: text, email: text, telephone: text, fax: text, website: text },
  some,
);
const responseFor = fc.record({ organId: id, code: text, promulgationDate: day, documentId: id }, some);
const staffInfo = fc.record({ department: text, departmentId: text, staff: text, staffId: text, email: text, mobile: text }, some);
const business = fc.record(
  {
    documentId: id,
    businessDocType: int,
    businessDocReason: text,
    paper: int,
    staffInfo,
    businessDocumentInfo: fc.record({ documentInfo: int, documentReceiver: int, receivers: list(fc.record({ organId: id, receiverType: int }, some)) }, some),
    replacementInfoList: list(fc.record({ documentId: id, organIds: list(id) }, some)),
  },
  some,
);

export const documentMessage: fc.Arbitrary<EdxmlDocument> = fc.record(
  {
    from: organization,
    to: list(organization),
    documentId: id,
    code: fc.record({ codeNumber: id, codeNotation: id }, some),
    promulgationInfo: fc.record({ place: text, promulgationDate: day }, some),
    documentType: fc.record({ type: int, typeDetail: int, typeName: text }, some),
    subject: text,
    content: text,
    signerInfo: fc.record({ competence: text, position: text, fullName: text }, some),
    dueDate: day,
    otherInfo: fc.record(
      { priority: int, sphereOfPromulgation: text, typerNotation: text, promulgationAmount: int, pageAmount: int, direction: bool, appendixes: list(text) },
      some,
    ),
    responseFor: list(responseFor),
    steeringType: int,
    responseForTask: list(text),
    applicationType: text,
    toPlaces: list(text),
    traceHeaderList: fc.record({ traceHeaders: list(fc.record({ organId: id, timestamp }, some)), business }, { requiredKeys: ['traceHeaders'] }),
    manifest: fc.record(
      { version: id, references: list(fc.record({ contentId: id, contentType: id, description: text, attachmentName: text, href: text }, some)) },
      { requiredKeys: ['references'] },
    ),
  },
  { requiredKeys: ['to', 'responseFor'] },
) as fc.Arbitrary<EdxmlDocument>;

export const attachments: fc.Arbitrary<EdxmlAttachmentInput[]> = fc.uniqueArray(
  fc.record(
    {
      contentId: fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/).map((s) => `cid:${s}`),
      attachmentName: text,
      description: text,
      fieldName: text,
      mimeType: id,
      contentType: id,
      data: fc.uint8Array({ maxLength: 300 }),
    },
    { requiredKeys: ['contentId', 'data'] },
  ),
  { maxLength: 3, selector: (a) => a.contentId },
) as fc.Arbitrary<EdxmlAttachmentInput[]>;

export const statusMessage: fc.Arbitrary<EdxmlStatus> = fc.record(
  {
    from: organization,
    responseFor,
    staffInfo,
    statusCode: fc.constantFrom('', '01', '02', '03', '04', '05', '06', '13', '15', '16', '07'),
    description: text,
    timestamp,
  },
  some,
) as fc.Arbitrary<EdxmlStatus>;
