/**
 * Example: the working-day calendar of Vietnamese civil servants.
 * Run: `npx tsx examples/calendar-deadline.ts` (examples resolve `vn-egov/*` to the sources via tsconfig paths).
 */
import { addWorkingDays, createWorkCalendar, daysOff, formatVietnameseDate, workingDaysBetween } from 'vn-egov/calendar';

// Tết Bính Ngọ 2026: 14–22/02. A document due "1 working day" after Friday 13/02 is due on Monday 23/02.
console.log('addWorkingDays(2026-02-13, 1) =', addWorkingDays('2026-02-13', 1));
console.log('working days 2026-01-01 → 2026-12-31:', workingDaysBetween('2026-01-01', '2026-12-31'));

// The 2026 days off with their legal sources.
for (const d of daysOff(2026)) console.log(`${d.date}  ${d.kind.padEnd(12)} ${d.name}`);

// A province that adds a day off, and a dossier received after the 15:00 cut-off.
const cal = createWorkCalendar({ extraDaysOff: [{ date: '2026-03-09', name: 'Nghỉ theo quyết định của tỉnh', source: 'QĐ (ví dụ)' }] });
const due = cal.deadline('2026-03-06 15:30', 3);
console.log(`received ${due.receivedAt} (${due.reason}) → counted from ${due.startDay} → due ${due.dueDay}`);
console.log(formatVietnameseDate(due.dueDay, { place: 'Hà Nội' }));
