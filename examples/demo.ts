/**
 * The vn-egov demo (`npm run demo`): the main job of the library, told as one story — deadline, numbering,
 * signing, edXML exchange and verification, status answer, the dossier state machine, statistics and scoring.
 *
 * Story: a citizen hands in a dossier at the one-stop desk (bộ phận một cửa) on Friday 13 February 2026 at
 * 16:00, the last working day before Tết Bính Ngọ. The procedure takes 15 working days.
 */
import {
  createDocumentRegister,
  issueDocumentNumber,
  parseDocumentNumber,
  type DocumentRegister,
} from 'vn-egov/documents';
import {
  applyDossierEvent,
  createDossier,
  dossierTiming,
  summarizeDossiers,
  type Dossier,
  type DossierEvent,
} from 'vn-egov/procedures';
import { criteriaSets, qd766InputsFromStatistics, rank, score, type UnitInputs } from 'vn-egov/scoring';
import { signEdxml, signPdf, verifyDocument } from 'vn-egov/signature';
import { createTestPki } from 'vn-egov/testing';
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
import {
  canChi,
  createWorkCalendar,
  daysOff,
  formatVietnameseDate,
  solarToLunar,
  toVietnamTime,
  workingSaturdays,
} from 'vn-egov/calendar';

const line = (s = ''): void => console.log(s);
const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const weekdayOf = (d: string): string => WEEKDAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]!;
/** A small but real one-page PDF (classic xref table) standing in for the decision. */
function minimalPdf(text: string): Uint8Array {
  const content = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    `<</Length ${content.length}>>\nstream\n${content}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Times-Roman>>',
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
const lunarText = (d: string): string => {
  const l = solarToLunar(d);
  return `${l.day}/${l.month}${l.leap ? ' nhuận' : ''} năm ${canChi(l.year)}`;
};

line('vn-egov demo: hồ sơ một cửa trước Tết / a one-stop dossier before Tết');
line('==================================================================');

const receivedAt = '2026-02-13 16:00';
const calendar = createWorkCalendar(); // civil servants: Mon–Fri, official schedules, 15:00 cut-off
const deadline = calendar.deadline(receivedAt, 15);

line(`1. Received ${deadline.receivedAt} (${weekdayOf(deadline.receivedDay)}, âm lịch ${lunarText(deadline.receivedDay)})`);
line(`   After the 15:00 cut-off (NĐ 118/2025 Điều 18 k2): counting starts on the next working day.`);
line(`2. Days off skipped before the count starts (Tết Bính Ngọ, official schedule):`);
for (const d of daysOff(2026).filter((x) => x.date > deadline.receivedDay && x.date < deadline.startDay)) {
  line(`   - ${d.date} ${weekdayOf(d.date).padEnd(8)} ${d.name.padEnd(28)} âm lịch ${lunarText(d.date)}`);
}
line(`3. Counting starts ${deadline.startDay} (${weekdayOf(deadline.startDay)}); 15 working days later:`);
line(`   due date (ngày hẹn trả): ${deadline.dueDay} (${weekdayOf(deadline.dueDay)}), provisional: ${deadline.provisional}`);
line(`   as written on the receipt: "${formatVietnameseDate(deadline.dueDay, { place: 'Hà Nội' })}"`);

line('4. The same dossier received one hour earlier, at 15:00, counts from Friday itself:');
const early = calendar.deadline('2026-02-13 15:00', 15);
line(`   ${early.receivedAt} → start ${early.startDay} → due ${early.dueDay}`);

line("5. The result document is numbered in the commune's register of outgoing documents (sổ đăng ký văn bản đi):");
let register: DocumentRegister = createDocumentRegister({ issuer: 'UBND', name: 'Ủy ban nhân dân xã Thư Lâm' });
// Earlier documents of the year take numbers 01–14 (the series restarts on 1 January, Vietnam time).
for (let i = 0; i < 14; i++) {
  register = issueDocumentNumber(register, { at: '2026-01-05T09:00:00+07:00', type: i % 3 === 0 ? 'cong-van' : 'Quyết định', ...(i % 3 === 0 ? { units: ['VP'] } : {}) }).register;
}
const issued = issueDocumentNumber(register, {
  at: `${deadline.dueDay}T10:00:00+07:00`,
  type: 'Quyết định',
  reference: 'Quyết định cấp giấy phép xây dựng nhà ở riêng lẻ',
  expectedVersion: register.version, // compare-and-set: a concurrent issue would be detected
});
register = issued.register;
const number = parseDocumentNumber(issued.entry.text);
line(`   Số: ${issued.entry.text}  (${number.documentType?.name}, series "${issued.entry.series}", ${register.entries.length} numbers issued in ${issued.entry.year})`);
line(`   Thư Lâm, ${formatVietnameseDate(deadline.dueDay)}: "${issued.entry.reference}"`);

line('6. The chairman signs the decision inside the PDF (PAdES, test PKI, NEAC-like hierarchy); the commune signs the');
line('   edXML envelope (XMLDSig, organisation certificate) and sends it to the provincial Department of Construction:');
const pdf = minimalPdf('QUYET DINH cap giay phep xay dung');
const commune = '000.00.33.H40';
const department = '000.00.21.H40';
const [codeNumber, codeNotation] = issued.entry.text.split('/') as [string, string];
const draft: EdxmlDocument = {
  from: { organId: commune, organizationInCharge: 'UBND xã Thư Lâm', organName: 'Ủy ban nhân dân xã Thư Lâm' },
  to: [{ organId: department, organizationInCharge: 'UBND tỉnh', organName: 'Sở Xây dựng' }],
  documentId: formatDocumentId({ organId: commune, promulgationDate: deadline.dueDay, codeNumber, codeNotation }),
  code: { codeNumber, codeNotation },
  promulgationInfo: { place: 'Thư Lâm', promulgationDate: deadline.dueDay },
  documentType: { type: 1, typeDetail: 2, typeName: 'Quyết định' },
  subject: issued.entry.reference ?? 'Quyết định',
  content: issued.entry.reference ?? 'Quyết định',
  signerInfo: { competence: 'TM. ỦY BAN NHÂN DÂN', position: 'Chủ tịch', fullName: 'Nguyễn Văn An' },
  otherInfo: { priority: 0, sphereOfPromulgation: 'Liên thông văn bản', promulgationAmount: 1, pageAmount: 1, direction: false, appendixes: [] },
  responseFor: [],
  steeringType: 0,
  toPlaces: ['Sở Xây dựng', 'Lưu: VT'],
  traceHeaderList: { traceHeaders: [], business: { businessDocType: 0, businessDocReason: 'Văn bản điện tử mới', paper: 0 } },
};
const signedAt = new Date(`${deadline.dueDay}T10:20:00+07:00`);
const pki = await createTestPki({ seed: 'demo', now: signedAt });
const signedPdf = await signPdf(pdf, {
  key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der],
  reason: 'Ký ban hành', location: 'Thư Lâm', signingTime: signedAt,
});
const attachmentName = `${codeNumber}-QD-UBND_Signed.pdf`;
const unsignedXml = buildEdxml(appendTrace(draft, commune, `${deadline.dueDay}T10:30:00+07:00`), [
  { contentId: `cid:${codeNumber}`, attachmentName, contentType: 'application/pdf', data: signedPdf },
]);
const xml = await signEdxml(unsignedXml, { key: pki.neac.organization.keys.privateKey, certificate: pki.neac.organization.der, chain: [pki.neac.ca.der] });
const received = parseEdxml(xml, { strict: true, expect: 'document' });
if (received.kind !== 'document') throw new Error('expected a document package');
const problems = validateEdxml(received, { required: 'value', organizationCodes: 'strict' });
const attachment = await received.attachments[0]!.inspect();
line(`   ${xml.length} characters; DocumentId ${received.message.documentId}; validation issues: ${problems.length}`);
for (const p of problems) line(`   - ${p.severity} ${p.code}: ${p.message}`);
line(`   attachment ${attachmentName}: ${attachment.size} bytes, sniffed ${attachment.contentType.sniffed.kind}, sha256 ${attachment.sha256.slice(0, 16)}…`);
// The department verifies everything in one call, trusting only the test roots.
const verifyOptions = { trustStore: pki.trustStore(), at: signedAt, crls: (await pki.crls()).map((c) => c.der) };
const verification = await verifyDocument({ edxml: xml }, verifyOptions);
line(`   verifyDocument: ${verification.indication} — ${verification.message.vi}`);
for (const s of verification.signatures) {
  const when = s.signingTime ? `, signed at ${toVietnamTime(s.signingTime).day} ${toVietnamTime(s.signingTime).time} (giờ Việt Nam)` : '';
  const id = s.signer?.vn.cccd ? `CCCD ${s.signer.vn.cccd}` : s.signer?.vn.mst ? `MST ${s.signer.vn.mst}` : '—';
  line(`   - ${s.source.padEnd(20)} ${s.indication.padEnd(13)} ${s.signer?.commonName ?? '?'} (${id})${when}`);
}
const forgedPdf = signedPdf.slice();
forgedPdf[20] = (forgedPdf[20] ?? 0) ^ 1;
const forgedXml = await signEdxml(
  buildEdxml(appendTrace(draft, commune, `${deadline.dueDay}T10:30:00+07:00`), [{ contentId: `cid:${codeNumber}`, attachmentName, contentType: 'application/pdf', data: forgedPdf }]),
  { key: pki.neac.organization.keys.privateKey, certificate: pki.neac.organization.der, chain: [pki.neac.ca.der] },
);
const forgedReport = await verifyDocument({ edxml: forgedXml }, verifyOptions);
line(`   the same package with the PDF changed by one bit (envelope re-signed): ${forgedReport.indication} / ${forgedReport.subIndication}`);
const status = replyStatus(received.message, '03', { department: 'Văn thư', staff: 'Trần Thị Bình' }, 'Đã tiếp nhận, vào sổ văn bản đến', `${deadline.dueDay}T11:00:00+07:00`);
const answer = parseEdxml(buildStatus(status), { strict: true, expect: 'status' });
line(`   the department answers with status ${answer.kind === 'status' ? answer.message.statusCode : '?'} (Đã tiếp nhận) at ${answer.kind === 'status' ? answer.message.timestamp : '?'}`);

line('7. The one-stop dossier itself, as a state machine over the national-portal statuses (NĐ 118/2025):');
const events: DossierEvent[] = [
  { type: 'received', at: receivedAt, receiptNumber: 'GTN-0001' },
  { type: 'handedOver', at: `${deadline.startDay} 08:00`, from: 'Bộ phận Một cửa', to: 'Phòng Kinh tế', stepDueDay: deadline.dueDay },
  { type: 'processed', at: `${deadline.dueDay} 10:00` },
  { type: 'handedOver', at: `${deadline.dueDay} 10:15`, from: 'Phòng Kinh tế', to: 'Bộ phận Một cửa' },
  { type: 'resultReturned', at: `${deadline.dueDay} 14:00` },
];
let dossier: Dossier = createDossier({ id: 'HS-2026-0001', procedureCode: '1.009974', channel: 'direct', processingDays: 15, policy: 'restart', submittedAt: receivedAt, sector: 'Xây dựng', level: 'commune' });
for (const e of events) dossier = applyDossierEvent(dossier, e, { calendar });
line(`   status ${dossier.status}, due ${dossier.dueDay}, result returned: ${dossierTiming(dossier)?.vi}`);

line('8. March 2026 at the commune: Biểu 06 statistics, then the QĐ 766 indicator 2.1 and a ranking:');
// The commune's other March dossiers: a few finished on time, one late, two still open.
const others: Dossier[] = [];
for (let i = 0; i < 6; i++) {
  const at = `2026-03-${String(2 + i).padStart(2, '0')} 09:00`;
  let d = createDossier({ id: `HS-2026-01${i}`, procedureCode: '1.001612', channel: i % 2 ? 'online' : 'direct', processingDays: 3, policy: 'restart', submittedAt: at, sector: 'Hộ tịch', level: 'commune' });
  d = applyDossierEvent(d, { type: 'received', at }, { calendar });
  if (i < 4) {
    const doneDay = calendar.addWorkingDays(at.slice(0, 10), i === 3 ? 5 : 2); // the fourth one is late
    d = applyDossierEvent(d, { type: 'handedOver', at: `${at.slice(0, 10)} 10:00`, from: 'Bộ phận Một cửa', to: 'Công chức Tư pháp - Hộ tịch' }, { calendar });
    d = applyDossierEvent(d, { type: 'processed', at: `${doneDay} 09:00` }, { calendar });
    d = applyDossierEvent(d, { type: 'resultReturned', at: `${doneDay} 15:00` }, { calendar });
  }
  others.push(d);
}
const report = summarizeDossiers([dossier, ...others], { from: '2026-03-01', to: '2026-03-31', groupBy: 'sector', calendar });
const t = report.total;
line(`   ${report.form}: received ${t.received.total} (online ${t.received.online}, carried over ${t.received.carriedOver}); resolved ${t.resolved.total} (early ${t.resolved.early}, on time ${t.resolved.onTime}, late ${t.resolved.overdue}); in process ${t.inProcess.total}`);
const { values } = qd766InputsFromStatistics({ form: report.form, unitId: 'xa-thu-lam', rows: report.rows.map((r) => ({ sector: r.group, received: r.received, resolved: r.resolved, inProcess: r.inProcess })) });
const units: UnitInputs[] = [
  { unitId: 'xa-thu-lam', unitName: 'xã Thư Lâm', level: 'commune', values },
  { unitId: 'xa-dong-anh', unitName: 'xã Đông Anh', level: 'commune', values: { totalReceived: 120, totalOnTime: 111 } },
  { unitId: 'xa-phuc-thinh', unitName: 'xã Phúc Thịnh', level: 'commune', values: { totalReceived: 80, totalOnTime: 74 } },
  { unitId: 'xa-vinh-thanh', unitName: 'xã Vĩnh Thanh', level: 'commune', values: {} },
];
const results = score(criteriaSets.qd766, units, { period: '2026-03', explain: 'data' });
const ranking = rank(results, { by: { group: 'progress' }, precision: 2 });
for (const e of ranking) {
  line(`   ${e.ranked ? String(e.rank).padStart(2) + (e.tied ? '=' : ' ') : '--'} ${(e.unitName ?? e.unitId).padEnd(14)} ${e.value === null ? 'không xếp hạng (chưa có dữ liệu)' : `${e.value.toFixed(2)} / 20 (tiến độ giải quyết, chỉ số 2.1)`}`);
}

line('9. 2026 at a glance (lịch nghỉ lễ, Tết 2026 của cán bộ, công chức, viên chức):');
for (const d of daysOff(2026)) line(`   - ${d.date} ${d.kind.padEnd(12)} ${d.name}`);
for (const s of workingSaturdays(2026)) line(`   + ${s.date} working Saturday (${s.name}, swapped with ${s.swappedWith})`);

line('10. Next year: parts of 2027 still lack a notice, so deadlines over them say so:');
const late = calendar.deadline('2026-12-28 09:00', 10);
line(`   ${late.receivedAt} + 10 working days → ${late.dueDay}, provisional: ${late.provisional}`);
for (const d of late.provisionalDaysOff) line(`   provisional day off: ${d.date} ${d.name} (${d.source})`);
line();
