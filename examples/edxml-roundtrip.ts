/**
 * Sends a document as an edXML package (QCVN 102:2016/BTTTT) with a PDF attachment, writes it to disk, reads it back
 * as the recipient would, validates it, checks the attachment (SHA-256, real type) and answers with status 03
 * (Đã tiếp nhận). Run: npx tsx examples/edxml-roundtrip.ts
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendTrace,
  buildEdxml,
  buildStatus,
  formatDocumentId,
  parseEdxml,
  replyStatus,
  validateEdxml,
  type EdxmlDocument,
} from 'vn-egov/edxml';

// A small but real PDF (one empty page).
const pdf = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const sentAt = '2026-03-02T09:30:00+07:00';
const draft: EdxmlDocument = {
  from: { organId: '000.00.00.G22', organizationInCharge: 'Chính phủ', organName: 'Văn phòng Chính phủ', email: 'vpcp@chinhphu.vn' },
  to: [{ organId: '000.00.00.H41', organizationInCharge: 'UBND tỉnh Nghệ An', organName: 'UBND tỉnh Nghệ An' }],
  documentId: formatDocumentId({ organId: '000.00.00.G22', promulgationDate: '2026-03-02', codeNumber: '1520', codeNotation: 'VPCP-KSTT' }),
  code: { codeNumber: '1520', codeNotation: 'VPCP-KSTT' },
  promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-03-02' },
  documentType: { type: 1, typeDetail: 0, typeName: 'Công văn' },
  subject: 'V/v triển khai liên thông văn bản điện tử',
  content: 'V/v triển khai liên thông văn bản điện tử',
  signerInfo: { competence: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM', position: 'Phó Chủ nhiệm', fullName: 'Nguyễn Văn A' },
  dueDate: '2026-03-16',
  otherInfo: { priority: 1, sphereOfPromulgation: 'Liên thông văn bản quốc gia', promulgationAmount: 1, pageAmount: 1, direction: false, appendixes: [] },
  responseFor: [],
  steeringType: 0,
  toPlaces: ['Như trên', 'Lưu: VT, KSTT'],
  traceHeaderList: { traceHeaders: [], business: { businessDocType: 0, businessDocReason: 'Văn bản điện tử mới', paper: 0 } },
};

// Sender: stamp the trace, build, write.
const message = appendTrace(draft, '000.00.00.G22', sentAt);
const xml = buildEdxml(message, [{ contentId: 'cid:1520-VPCP-KSTT', attachmentName: '1520-VPCP-KSTT.signed.pdf', contentType: 'application/pdf', data: pdf }]);
const dir = mkdtempSync(join(tmpdir(), 'edxml-example-'));
const file = join(dir, 'outgoing.edxml');
writeFileSync(file, xml);
console.log(`wrote ${file} (${xml.length} characters)`);

// Recipient: read, validate, check the attachment.
const received = parseEdxml(readFileSync(file), { strict: true, expect: 'document' });
if (received.kind !== 'document') throw new Error('expected a document package');
console.log(`received ${received.message.code?.codeNumber}/${received.message.code?.codeNotation}: ${received.message.subject}`);
console.log(`issues: ${JSON.stringify(validateEdxml(received, { required: 'value', organizationCodes: 'strict' }))}`);
for (const a of received.attachments) {
  const report = await a.inspect();
  console.log(`attachment ${a.meta.attachmentName}: ${report.size} bytes, sha256 ${report.sha256.slice(0, 16)}…, declared ${report.contentType.declared}, sniffed ${report.contentType.sniffed.kind}, matches ${report.contentType.matches}`);
}
console.log(`envelope signature: ${received.signature.state}`);

// Recipient answers with 03 (Đã tiếp nhận: entered in the incoming register).
const status = replyStatus(received.message, '03', { department: 'Văn thư', staff: 'Trần Thị B', email: 'vanthu@nghean.gov.vn' }, 'Đã tiếp nhận, vào sổ văn bản đến', '2026-03-02T10:05:00+07:00');
const statusXml = buildStatus(status);
const back = parseEdxml(statusXml, { strict: true, expect: 'status' });
console.log(`status ${back.kind === 'status' ? back.message.statusCode : '?'} at ${back.kind === 'status' ? back.message.timestamp : '?'} for ${status.responseFor?.documentId}`);
rmSync(dir, { recursive: true, force: true });
