/**
 * Procedures benchmarks, each against naive baselines in the same run:
 *  (1) catalog search on a generated national-size catalog (6,297 procedures, seeded): `createProcedureCatalog`
 *      against (a) a linear filter that folds every name for every query (the straightforward vendor code) and
 *      (b) a linear filter over names folded once in advance; also the p95 latency of one query (goal < 1 ms);
 *  (2) `summarizeDossiers` over 1,000,000 generated dossier records (goal ≥ 500,000 dossiers/s on one core, memory
 *      reported) against a COUNTIFS-style baseline that filters the array once per report column.
 * Run: `npx tsx test/bench/procedures.bench.ts`.
 */
import { generateProcedureCatalog, mulberry32 } from '../../scripts/procedures-generate-catalog.js';
import { createProcedureCatalog, summarizeDossiers, type StatisticsRecord } from '../../src/procedures/index.js';
import { toSearchKey } from '../../src/text/index.js';
import { measure, report } from './harness.js';

// ---------------------------------------------------------------- (1) catalog search
const procedures = generateProcedureCatalog({ size: 6297, seed: 42 });
const t0 = performance.now();
const catalog = createProcedureCatalog(procedures);
const buildMs = performance.now() - t0;
const QUERIES = [
  'cap giay phep xay dung',
  'Cấp giấy phép xây dựng',
  'khai sinh',
  'đăng ký kết hôn',
  'giay phep lai xe',
  'chung thuc ban sao',
  'gia han giay phep thanh lap chi nhanh',
  'tro cap xa hoi',
  'xay d',
  'giấy chứng nhận quyền sử dụng đất',
  'phieu ly lich tu phap',
  'giay phep moi truong',
  'thu hoi',
  'ho kinh doanh',
  'an toan thuc pham',
  'karaoke',
];
const words = (q: string) => toSearchKey(q).split(/[^a-z0-9]+/).filter(Boolean);
const QUERY_WORDS = QUERIES.map(words);

/** (a) fold every name for every query, all words must occur. */
function naiveFold(qi: number): number {
  const ws = QUERY_WORDS[qi]!;
  return procedures.filter((p) => {
    const name = toSearchKey(p.name);
    return ws.every((w) => name.includes(w));
  }).length;
}
/** (b) names folded once; linear scan per query. */
const folded = procedures.map((p) => toSearchKey(p.name));
function naivePrefolded(qi: number): number {
  const ws = QUERY_WORDS[qi]!;
  let n = 0;
  for (const name of folded) if (ws.every((w) => name.includes(w))) n++;
  return n;
}

const n = QUERIES.length;
const cand = measure('createProcedureCatalog().search (top 20, ranked)', (i) => catalog.search(QUERIES[i % n]!).length, 4000);
const base1 = measure('naive: fold every name per query, filter', (i) => naiveFold(i % n), 64);
const base2 = measure('naive: names pre-folded, linear filter', (i) => naivePrefolded(i % n), 1000);
report(`Catalog search, ${procedures.length} procedures (index built in ${buildMs.toFixed(0)} ms)`, cand, [base1, base2]);

const latencies: number[] = [];
for (let r = 0; r < 200; r++) {
  for (const q of QUERIES) {
    const a = performance.now();
    catalog.search(q);
    latencies.push(performance.now() - a);
  }
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
console.log(`search latency over ${latencies.length} queries: p50 ${(pct(0.5) * 1000).toFixed(0)} µs, p95 ${(pct(0.95) * 1000).toFixed(0)} µs, max ${(pct(1) * 1000).toFixed(0)} µs (goal p95 < 1 ms: ${pct(0.95) < 1 ? 'met' : 'NOT met'})`);

// ---------------------------------------------------------------- (2) statistics
const N = 1_000_000;
const random = mulberry32(766);
const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const heapBefore = process.memoryUsage().heapUsed;
const SECTORS = ['Đất đai', 'Hộ tịch', 'Xây dựng', 'Chứng thực', 'Tư pháp', 'Giáo dục', 'Y tế', 'Lao động'];
const records: StatisticsRecord[] = new Array(N);
for (let i = 0; i < N; i++) {
  const r = base + Math.floor(random() * 120) * DAY;
  const due = r + Math.floor(1 + random() * 20) * DAY;
  const endRoll = random();
  const end = endRoll < 0.8 ? r + Math.floor(random() * 25) * DAY : null;
  records[i] = {
    channel: random() < 0.3 ? 'online' : random() < 0.9 ? 'direct' : 'postal',
    receivedDay: iso(r),
    dueDay: iso(due),
    endDay: end === null ? null : iso(end),
    end: end === null ? null : endRoll < 0.78 ? 'resolved' : 'withdrawn',
    overdueByRule: random() < 0.01,
    waitingSince: end === null && random() < 0.1 ? iso(r + DAY) : null,
    policy: 'restart',
    sector: SECTORS[Math.floor(random() * SECTORS.length)]!,
  };
}
const heapAfter = process.memoryUsage().heapUsed;
const from = '2026-03-01';
const to = '2026-03-31';

/** COUNTIFS-style baseline: one filter pass over the array per column, per sector. */
function countifs(): number {
  let sum = 0;
  for (const s of SECTORS) {
    const rows = records.filter((r) => r.sector === s && r.receivedDay! <= to && (r.endDay == null || r.endDay >= from));
    const carried = rows.filter((r) => r.receivedDay! < from).length;
    const online = rows.filter((r) => r.receivedDay! >= from && r.channel === 'online').length;
    const other = rows.filter((r) => r.receivedDay! >= from && r.channel !== 'online').length;
    const done = rows.filter((r) => r.endDay != null && r.endDay <= to && r.end === 'resolved');
    const early = done.filter((r) => !r.overdueByRule && r.endDay! < r.dueDay!).length;
    const onTime = done.filter((r) => !r.overdueByRule && r.endDay === r.dueDay).length;
    const late = done.filter((r) => r.overdueByRule || r.endDay! > r.dueDay!).length;
    const returned = rows.filter((r) => r.endDay != null && r.endDay <= to && r.end === 'withdrawn').length;
    const open = rows.filter((r) => r.endDay == null || r.endDay > to);
    const within = open.filter((r) => !r.overdueByRule && ((r.waitingSince != null && r.waitingSince <= to) || to <= r.dueDay!)).length;
    sum += carried + online + other + early + onTime + late + returned + within + open.length;
  }
  return sum;
}

const ours = summarizeDossiers(records, { from, to, groupBy: 'sector' });
const heapReport = process.memoryUsage().heapUsed;
function* stream(): Generator<StatisticsRecord> {
  for (let i = 0; i < N; i++) yield records[i]!;
}
const statsCand = measure(`summarizeDossiers (${N.toLocaleString('en')} records, by sector)`, () => summarizeDossiers(records, { from, to, groupBy: 'sector' }).total.received.total, 1, 5);
const statsStream = measure('summarizeDossiers over a generator (streaming)', () => summarizeDossiers(stream(), { from, to, groupBy: 'sector' }).total.received.total, 1, 5);
const statsBase = measure('naive: COUNTIFS-style, one filter per column', () => countifs(), 1, 3);
report('Biểu 06 statistics (ops = whole reports)', statsCand, [statsBase, statsStream]);
const perSec = statsCand.opsPerSec * N;
console.log(`summarizeDossiers: ${(perSec / 1e6).toFixed(2)} M dossiers/s (goal ≥ 0.5 M/s: ${perSec >= 500_000 ? 'met' : 'NOT met'}); streaming ${((statsStream.opsPerSec * N) / 1e6).toFixed(2)} M/s`);
console.log(`memory: records ${((heapAfter - heapBefore) / 1048576).toFixed(0)} MB for ${N.toLocaleString('en')} (≈ ${((heapAfter - heapBefore) / N).toFixed(0)} B each); report adds ${((heapReport - heapAfter) / 1048576).toFixed(1)} MB`);
console.log(`report check: received ${ours.total.received.total}, resolved ${ours.total.resolved.total}, in process ${ours.total.inProcess.total}, returned ${ours.total.returned}`);
