/**
 * Example: a one-stop dossier (hồ sơ một cửa) received on Friday 13/02/2026 at 16:00, the day before Tết Bính Ngọ
 * (14–22/02/2026), taken through a supplementation request and the return of the result; due dates under both
 * supplementation policies, the control slip, and the February–March statistics (Biểu số 06/VPCP/KSTT).
 * Run: `npx tsx examples/procedures-dossier.ts` (examples resolve `vn-egov/*` to the sources via tsconfig paths).
 */
import { createWorkCalendar, formatVietnameseDate } from 'vn-egov/calendar';
import {
  applyDossierEvent,
  controlSlip,
  createDossier,
  dossierTiming,
  getDossierStatus,
  nextDossierCode,
  summarizeDossiers,
  supplementDeadline,
  type Dossier,
  type DossierEvent,
  type SupplementationPolicy,
} from 'vn-egov/procedures';

const calendar = createWorkCalendar(); // civil-service calendar, 15:00 cut-off; pinned explicitly

// Procedure 1.000358 (Gia hạn Giấy phép thành lập Chi nhánh của thương nhân nước ngoài): 5 working days.
const events: DossierEvent[] = [
  { type: 'received', at: '2026-02-13 16:00', receiptNumber: 'GTN-0001' },
  { type: 'handedOver', at: '2026-02-23 08:00', from: 'Bộ phận Một cửa', to: 'Sở Công Thương', stepDueDay: '2026-02-27' },
  { type: 'supplementRequested', at: '2026-02-24 10:00', reason: 'Thiếu bản dịch báo cáo tài chính có chứng thực' },
  { type: 'handedOver', at: '2026-02-24 11:00', from: 'Sở Công Thương', to: 'Bộ phận Một cửa' },
  { type: 'supplemented', at: '2026-03-03 09:30' },
  { type: 'handedOver', at: '2026-03-03 10:00', from: 'Bộ phận Một cửa', to: 'Sở Công Thương', stepDueDay: '2026-03-09' },
  { type: 'processed', at: '2026-03-09 15:00' },
  { type: 'handedOver', at: '2026-03-09 16:00', from: 'Sở Công Thương', to: 'Bộ phận Một cửa' },
  { type: 'resultReturned', at: '2026-03-10 08:30' },
];

function run(policy: SupplementationPolicy): Dossier {
  let d = createDossier({ id: 'HS-2026-0001', procedureCode: '1.000358', channel: 'direct', processingDays: 5, policy, submittedAt: '2026-02-13 16:00', sector: 'Thương mại quốc tế', level: 'province' });
  console.log(`\n— policy "${policy}" —`);
  for (const e of events) {
    d = applyDossierEvent(d, e, { calendar });
    const extra = e.type === 'supplementRequested' ? `; supplement closes after ${supplementDeadline(d, { calendar })}` : '';
    console.log(`${e.at}  ${e.type.padEnd(20)} → ${String(d.status).padStart(2)} ${getDossierStatus(d.status).name.padEnd(24)} due ${d.dueDay ?? '—'}${extra}`);
  }
  const t = dossierTiming(d)!;
  console.log(`regime ${d.regime}; received 13/02 16:00 after the 15:00 cut-off, counted from Mon 23/02 after Tết → first due ${d.originalDueDay}; final due ${d.dueDay} (clock start ${d.clockStartDay}); result on ${t.day}: ${t.vi}`);
  console.log(`appointment slip: ${formatVietnameseDate(d.dueDay!, { place: 'Hà Nội' })}`);
  return d;
}

const restart = run('restart'); // legal rule: NĐ 118/2025/NĐ-CP Điều 19 khoản 5
const pause = run('pause'); // national KPI rule [secondary]

console.log('\nControl slip (Phiếu kiểm soát quá trình giải quyết hồ sơ):');
for (const r of controlSlip(restart)) console.log(`  Giao: ${r.from} — Nhận: ${r.to}  ${r.handedAt}  hạn ${r.dueDay ?? '—'}  xong ${r.completedAt ?? '—'}  ${r.vi ?? ''}`);

// The receipt number of the day, as the 2018 notation (the 2025 notation of TT 03/2025 is unread: chosen explicitly).
const { code } = nextDossierCode({ counters: {} }, { organizationCode: '000.00.53.H48', receivedAt: '2026-02-13 16:00', notation: 'nd61-2018' });
console.log(`\nMã số hồ sơ (2018 notation, explicit): ${code}`);

// Month statistics: March 2026, the dossier plus two others still open.
let open = createDossier({ id: 'HS-2026-0002', procedureCode: '1.000358', channel: 'online', processingDays: 5, policy: 'restart', submittedAt: '2026-03-25 09:00', sector: 'Thương mại quốc tế', level: 'province' });
open = applyDossierEvent(open, { type: 'received', at: '2026-03-25 10:00' }, { calendar });
let late = createDossier({ id: 'HS-2026-0003', procedureCode: '1.000358', channel: 'postal', processingDays: 5, policy: 'restart', submittedAt: '2026-03-16 09:00', sector: 'Thương mại quốc tế', level: 'province' });
late = applyDossierEvent(late, { type: 'received', at: '2026-03-16 09:00' }, { calendar });
for (const [label, from, to] of [['February 2026', '2026-02-01', '2026-02-28'], ['March 2026', '2026-03-01', '2026-03-31']] as const) {
  const report = summarizeDossiers([restart, open, late], { from, to, groupBy: 'sector', calendar });
  const t = report.total;
  console.log(`\n${report.form}, ${label}:`);
  console.log(`  nhận: ${t.received.total} (trực tuyến ${t.received.online}, trực tiếp/bưu chính ${t.received.inPersonOrPostal}, kỳ trước ${t.received.carriedOver})`);
  console.log(`  đã giải quyết: ${t.resolved.total} (trước hạn ${t.resolved.early}, đúng hạn ${t.resolved.onTime}, quá hạn ${t.resolved.overdue})`);
  console.log(`  đang giải quyết: ${t.inProcess.total} (trong hạn ${t.inProcess.withinDeadline}, quá hạn ${t.inProcess.overdue}; chờ bổ sung ${t.inProcess.waitingForSupplement})`);
  console.log(`  QĐ 766 chỉ số 2.1 inputs: ${report.scoring.totalOnTime}/${report.scoring.totalReceived}`);
}
console.log(`\nunder "pause" the same dossier was due ${pause.dueDay} (restart: ${restart.dueDay})`);
