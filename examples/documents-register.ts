/**
 * Registers three outgoing documents across a year boundary (Vietnam time, UTC+7) and prints their numbers.
 * Run: npx tsx examples/documents-register.ts
 */
import {
  createDocumentRegister,
  issueDocumentNumber,
  parseDocumentNumber,
  verifyDocumentRegister,
  type DocumentRegister,
  type IssueNumberRequest,
} from '../src/documents/index.js';

let register: DocumentRegister = createDocumentRegister({ issuer: 'UBND', name: 'Ủy ban nhân dân huyện' });

const requests: IssueNumberRequest[] = [
  { at: '2025-12-31T09:00:00+07:00', type: 'Quyết định', reference: 'Quyết định phê duyệt kế hoạch năm 2026' },
  { at: '2025-12-31T23:59:00+07:00', type: 'cong-van', units: ['VP'], reference: 'Công văn về lịch nghỉ Tết' },
  { at: '2026-01-01T00:10:00+07:00', type: 'TTr', reference: 'Tờ trình đầu năm' }, // 31/12 17:10 UTC, already 2026 in Vietnam
];

for (const request of requests) {
  // The caller stores the register; pass expectedVersion so a concurrent writer is detected.
  const { register: next, entry } = issueDocumentNumber(register, { ...request, expectedVersion: register.version });
  register = next;
  const parsed = parseDocumentNumber(entry.text);
  console.log(`${entry.issuedOn}  Số: ${entry.text.padEnd(12)} (${parsed.documentType?.name ?? ''}; series ${entry.series}, year ${entry.year})`);
}

console.log(`register version ${register.version}; problems: ${JSON.stringify(verifyDocumentRegister(register))}`);
