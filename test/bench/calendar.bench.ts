/**
 * Working-day arithmetic benchmark: vn-egov against, in the same run,
 *  (1) the peer: a day-by-day loop over the npm `date-holidays` package's Vietnam calendar (public holidays
 *      only, weekends skipped), the way a vendor would use it;
 *  (2) the straightforward loop a vendor would write: day by day over a `Set` of days off and a `Set` of
 *      working Saturdays (built from vn-egov's own data, so it is as correct as we are).
 * Inputs: random days 2019–2030 (seeded), `addWorkingDays(d, 30)` and `workingDaysBetween(a, b)` with
 * |b − a| ≤ 365 days. Also reports how often the peer's answer differs from ours (it lacks the second
 * Quốc khánh day, compensatory days and swaps).
 * Run: `npm run bench` (or `npx tsx test/bench/calendar.bench.ts`).
 */
import Holidays from 'date-holidays';
import { addWorkingDays, daysOff, workingDaysBetween, workingSaturdays } from '../../src/calendar/index.js';
import { measure, report } from './harness.js';

const DAY = 86_400_000;
const START = Date.UTC(2019, 0, 1);
const SPAN = Date.UTC(2030, 11, 1) - START;

let seed = 20_261_128;
const rand = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const N = 4096;
const days = Array.from({ length: N }, () => iso(START + Math.floor(rand() * (SPAN / DAY)) * DAY));
const pairs = days.map((d) => {
  const a = Date.parse(d);
  return [d, iso(a + Math.floor(rand() * 365) * DAY)] as const;
});

// (2) the straightforward loop over Sets.
const off = new Set<string>();
const workSat = new Set<string>();
for (let y = 2019; y <= 2032; y++) {
  for (const d of daysOff(y)) off.add(d.date);
  for (const s of workingSaturdays(y)) workSat.add(s.date);
}
function naiveIsWorking(ms: number): boolean {
  const s = iso(ms);
  if (workSat.has(s)) return true;
  const w = new Date(ms).getUTCDay();
  return w !== 0 && w !== 6 && !off.has(s);
}
function naiveAdd(day: string, n: number): string {
  let ms = Date.parse(day);
  while (!naiveIsWorking(ms)) ms += DAY;
  for (let k = 0; k < n; ) {
    ms += DAY;
    if (naiveIsWorking(ms)) k++;
  }
  return iso(ms);
}
function naiveBetween(from: string, to: string): number {
  let count = 0;
  for (let ms = Date.parse(from) + DAY, end = Date.parse(to); ms <= end; ms += DAY) if (naiveIsWorking(ms)) count++;
  return count;
}

// (1) the peer: date-holidays, Vietnam, public holidays only.
const hd = new Holidays('VN');
function peerIsWorking(ms: number): boolean {
  const date = new Date(ms + 5 * 3_600_000); // noon in Vietnam
  const w = new Date(ms).getUTCDay();
  if (w === 0 || w === 6) return false;
  const h = hd.isHoliday(date);
  return !(h && h.some((x) => x.type === 'public'));
}
function peerAdd(day: string, n: number): string {
  let ms = Date.parse(day);
  while (!peerIsWorking(ms)) ms += DAY;
  for (let k = 0; k < n; ) {
    ms += DAY;
    if (peerIsWorking(ms)) k++;
  }
  return iso(ms);
}
function peerBetween(from: string, to: string): number {
  let count = 0;
  for (let ms = Date.parse(from) + DAY, end = Date.parse(to); ms <= end; ms += DAY) if (peerIsWorking(ms)) count++;
  return count;
}

// Correctness first: the naive loop must agree with us everywhere; count the peer's disagreements.
let naiveDiff = 0;
let peerDiffAdd = 0;
let peerDiffBetween = 0;
const CHECK = 2000;
const PEER_CHECK = 100; // the peer is slow: a sample
for (let i = 0; i < CHECK; i++) {
  const d = days[i]!;
  const ours = addWorkingDays(d, 30);
  if (naiveAdd(d, 30) !== ours) naiveDiff++;
  const [a, b] = pairs[i]!;
  if (naiveBetween(a, b) !== workingDaysBetween(a, b)) naiveDiff++;
  if (i < PEER_CHECK) {
    if (peerAdd(d, 30) !== ours) peerDiffAdd++;
    if (peerBetween(a, b) !== workingDaysBetween(a, b)) peerDiffBetween++;
  }
}
console.log(`# Calendar benchmark (node ${process.version})`);
console.log(`naive Set loop disagreements with vn-egov: ${naiveDiff} of ${2 * CHECK} (must be 0)`);
console.log(`date-holidays disagreements: addWorkingDays(d, 30) ${peerDiffAdd}/${PEER_CHECK}, workingDaysBetween ${peerDiffBetween}/${PEER_CHECK}`);
if (naiveDiff !== 0) process.exitCode = 1;

const mask = N - 1;
const ours = measure('vn-egov addWorkingDays(d, 30)', (i) => addWorkingDays(days[i & mask]!, 30), 200_000);
const naive = measure('straightforward Set loop', (i) => naiveAdd(days[i & mask]!, 30), 20_000);
const peer = measure('date-holidays day-by-day loop', (i) => peerAdd(days[i & mask]!, 30), 40, 3);
const r1 = report('addWorkingDays(d, 30), random d in 2019–2030', ours, [naive, peer]);

const ours2 = measure('vn-egov workingDaysBetween(a, b)', (i) => workingDaysBetween(pairs[i & mask]![0], pairs[i & mask]![1]), 200_000);
const naive2 = measure('straightforward Set loop', (i) => naiveBetween(pairs[i & mask]![0], pairs[i & mask]![1]), 2_000);
const peer2 = measure('date-holidays day-by-day loop', (i) => peerBetween(pairs[i & mask]![0], pairs[i & mask]![1]), 6, 3);
const r2 = report('workingDaysBetween(a, b), |b − a| ≤ 365 days', ours2, [naive2, peer2]);

const goals = [
  ['addWorkingDays vs date-holidays ≥ 1000×', r1['date-holidays day-by-day loop']! >= 1000],
  ['addWorkingDays vs Set loop ≥ 10×', r1['straightforward Set loop']! >= 10],
  ['workingDaysBetween vs date-holidays ≥ 1000×', r2['date-holidays day-by-day loop']! >= 1000],
  ['workingDaysBetween vs Set loop ≥ 10×', r2['straightforward Set loop']! >= 10],
] as const;
console.log('\n## Goals (informative, not asserted)');
for (const [name, ok] of goals) console.log(`${ok ? 'met    ' : 'NOT met'} ${name}`);
