/**
 * Scoring benchmark: 10,000 units × the QĐ 766 criteria set, scored and ranked (standard competition ranking at
 * 2 decimals), against the peer rules engine json-rules-engine (npm) evaluating the same formulas in the same run:
 * per ratio indicator, computed facts for numerator, denominator and ratio, and three rules (zero denominator,
 * at or above the saturation target, proportional below it) whose events carry the points; the caller sums the
 * rounded parts into group totals and ranks — the way a vendor would use a generic rules engine.
 * Both sides are checked to give the same totals before timing.
 * Candidates (the three explanation modes of `score`, all reported): `explain: 'none'` — the headline, the same work
 * as the peer (full results: every indicator's points and status, groups, totals; no explanation) — `'data'`
 * (plus the structured explanations: inputs, steps, rounding, policy) and the default `'text'` (plus the
 * Vietnamese and English sentences). Points, totals and ranks are identical in every mode.
 * Timing: wall time and process CPU time (all threads, GC included), median of alternating rounds.
 * Run: `npm run bench` (or `npx tsx test/bench/scoring.bench.ts`).
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import { criteriaSets, rank, roundTo, score, type Operand, type UnitInputs } from '../../src/scoring/index.js';
import { report, type Measurement } from './harness.js';

const N = 10_000;
const set = criteriaSets.qd766;
const period = '2026-08';

let seed = 20_260_801;
const rand = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const units: UnitInputs[] = Array.from({ length: N }, (_, i) => {
  const received = int(50, 5000);
  const petitions = int(0, 30);
  const fee = int(0, 120);
  const procedures = int(20, 400);
  return {
    unitId: `unit-${i}`,
    level: i % 10 === 0 ? 'department' : 'commune',
    values: {
      totalReceived: received,
      totalOnTime: int(0, received),
      satisfiedDossiers: int(0, received),
      petitions,
      petitionsOnTime: int(0, petitions),
      petitionsSatisfied: int(0, petitions),
      proceduresPublished: procedures,
      proceduresPublishedOnTime: int(0, procedures),
      proceduresToMakePublic: procedures,
      proceduresMadePublicOnTime: int(0, procedures),
      proceduresWithFullContent: int(0, procedures),
      syncedDossiers: int(0, received),
      receivedDossiersBcqg: received,
      receivedDossiersPortal: int(0, received),
      receivedDossiersPreviousYear: received * 12,
      totalProcessingDays: int(0, 10 * received),
      completedDossiers: int(0, received),
      onlineProcedures: int(0, procedures),
      proceduresUnderAuthority: procedures,
      onlineServicesWithDossiers: int(0, 50),
      onlineServices: 50,
      onlineSubmissionRatio: rand(),
      totalFeeDossierFormality: int(0, fee),
      totalFeeFormality: fee,
      totalDossierOnlineFormalityPaymentSuccess: int(0, fee),
      totalDossierOnlinePaymentSuccess: int(0, received),
      totalDossierFinancialObligation: received,
      dossiersWithElectronicResult: int(0, received),
      dossiersRequiringResult: received,
      digitisedDossiers: int(0, received),
      certifiedCopyRatio: rand() < 0.5 ? 1 : 0,
      reusedDataDossiers: int(0, received),
      personalStorageDossiers: int(0, received),
      citizenDataProcedures: int(0, procedures),
      citizenProcedures: procedures,
      citizenDataDossiers: int(0, received),
      petitionsAboutProcedures: int(0, petitions),
      petitionsAboutStaff: int(0, petitions),
    },
  };
});

// ---- The peer: json-rules-engine with the same formulas as rules and computed facts. ----
type Values = Record<string, number>;
const operandValue = (op: Operand, v: Values): number =>
  typeof op === 'string' ? v[op]! : op.op === 'max' ? Math.max(...op.of.map((k) => v[k]!)) : op.op === 'sum' ? op.of.reduce((a, k) => a + v[k]!, 0) : op.of.slice(1).reduce((a, k) => a - v[k]!, v[op.of[0]!]!);

const engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: true });
const groupOf = new Map<string, number>();
const indicatorIds: string[] = [];
set.groups.forEach((g, gi) => {
  for (const ind of g.indicators) {
    const f = ind.formula;
    if (f.kind === 'monitoring') continue;
    if (f.kind !== 'ratio') throw new Error(`the baseline covers ratio formulas only, not ${f.kind}`);
    const id = ind.id;
    groupOf.set(id, gi);
    indicatorIds.push(id);
    const target = f.target ?? 1;
    if (f.ratio !== undefined) {
      const key = f.ratio;
      engine.addFact(`den:${id}`, 1);
      engine.addFact(`ratio:${id}`, async (_p, almanac) => Number(await almanac.factValue(key)));
    } else {
      const num = f.numerator!;
      const den = f.denominator!;
      engine.addFact(`den:${id}`, async (_p, almanac) => operandValue(den, (await almanac.factValue('values')) as Values));
      engine.addFact(`ratio:${id}`, async (_p, almanac) => {
        const v = (await almanac.factValue('values')) as Values;
        const d = operandValue(den, v);
        return d === 0 ? 0 : operandValue(num, v) / d;
      });
    }
    const event = (branch: string): RuleProperties['event'] => ({
      type: 'points',
      params: { id, branch, max: ind.maxPoints, target, policy: f.zeroDenominator, ratio: { fact: `ratio:${id}` } },
    });
    engine.addRule({ name: `${id}:zero`, conditions: { all: [{ fact: `den:${id}`, operator: 'equal', value: 0 }] }, event: event('zero') });
    if (f.cap !== false) {
      engine.addRule({
        name: `${id}:full`,
        conditions: { all: [{ fact: `den:${id}`, operator: 'greaterThan', value: 0 }, { fact: `ratio:${id}`, operator: 'greaterThanInclusive', value: target }] },
        event: event('full'),
      });
    }
    engine.addRule({
      name: `${id}:proportional`,
      conditions: {
        all: [{ fact: `den:${id}`, operator: 'greaterThan', value: 0 }, ...(f.cap !== false ? [{ fact: `ratio:${id}`, operator: 'lessThan', value: target }] : [])],
      },
      event: event('proportional'),
    });
  }
});

interface PeerResult {
  unitId: string;
  total: number | null;
}
async function peerScore(u: UnitInputs): Promise<PeerResult> {
  const values = u.values as Values;
  const facts: Record<string, unknown> = { values };
  for (const k in values) facts[k] = values[k];
  const { events } = await engine.run(facts);
  const groups: (number | null)[] = set.groups.map(() => null);
  for (const e of events) {
    const p = e.params as { id: string; branch: string; max: number; target: number; policy: string; ratio: number };
    const points = p.branch === 'zero' ? (p.policy === 'full' ? p.max : p.policy === 'zero' ? 0 : null) : p.branch === 'full' ? p.max : p.ratio <= 0 ? 0 : (p.max * p.ratio) / p.target;
    if (points === null) continue;
    const gi = groupOf.get(p.id)!;
    groups[gi] = (groups[gi] ?? 0) + roundTo(points, 2);
  }
  let total: number | null = null;
  for (const g of groups) if (g !== null) total = (total ?? 0) + roundTo(g, 2);
  return { unitId: u.unitId, total: total === null ? null : roundTo(total, 2) };
}
function competitionRank(rs: PeerResult[]): number[] {
  const sorted = rs.filter((r) => r.total !== null).sort((a, b) => b.total! - a.total!);
  const ranks: number[] = [];
  sorted.forEach((r, i) => ranks.push(i > 0 && sorted[i - 1]!.total === r.total ? ranks[i - 1]! : i + 1));
  return ranks;
}
async function peerBatch(): Promise<number> {
  const out: PeerResult[] = [];
  for (const u of units) out.push(await peerScore(u));
  return competitionRank(out).length;
}

/** One timed batch: wall time and process CPU time (user + system, all threads: GC included) in ms. */
interface Timing {
  wall: number;
  cpu: number;
}
async function time(fn: () => unknown): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const asMeasurement = (name: string, ms: number): Measurement => ({ name, opsPerSec: 1000 / ms, nsPerOp: ms * 1e6 });

// ---- Same answers first (this also warms the peer up). ----
const ours = score(set, units, { period, explain: 'none' });
const peer: PeerResult[] = [];
for (const u of units) peer.push(await peerScore(u));
const mismatches = ours.filter((r, i) => r.total !== peer[i]!.total).length;
console.log(`Checked ${N} units: ${mismatches} total(s) differ between vn-egov and the json-rules-engine formulation.`);
if (mismatches > 0) process.exitCode = 1;

type Mode = 'none' | 'data' | 'text';
const MODES: readonly Mode[] = ['none', 'data', 'text'];
const batch = (explain: Mode) => (): number => rank(score(set, units, { period, explain }), { precision: 2 }).length;
for (const m of MODES) batch(m)(); // warm-up of the candidates
// The machine may be shared: candidate and peer rounds alternate; each side reports its median round, in wall
// time and in CPU time (less sensitive to other processes than wall time on a loaded machine).
const ROUNDS = 3;
const runs: Record<Mode | 'peer', Timing[]> = { none: [], data: [], text: [], peer: [] };
for (let r = 0; r < ROUNDS; r++) {
  runs.none.push(await time(batch('none')));
  runs.peer.push(await time(peerBatch));
  runs.data.push(await time(batch('data')));
  runs.text.push(await time(batch('text')));
}
const label: Record<Mode | 'peer', string> = {
  none: `vn-egov score+rank ${N} units (explain: none)`,
  data: `vn-egov score+rank ${N} units (explain: data)`,
  text: `vn-egov score+rank ${N} units (explain: text, default)`,
  peer: `json-rules-engine same formulas+rank ${N} units`,
};
for (const clock of ['wall', 'cpu'] as const) {
  const med = (k: Mode | 'peer'): number => median(runs[k].map((t) => t[clock]));
  const baseline = asMeasurement(label.peer, med('peer'));
  report(`QĐ 766, ${N} units scored and ranked — ${clock === 'wall' ? 'wall' : 'CPU'} time, median of ${ROUNDS} alternating rounds (one op = the whole batch)`, asMeasurement(label.none, med('none')), [baseline]);
  report(`  with structured explanations (${clock})`, asMeasurement(label.data, med('data')), [baseline]);
  report(`  with Vietnamese and English sentences (${clock})`, asMeasurement(label.text, med('text')), [baseline]);
}
const ms = (k: Mode | 'peer', clock: 'wall' | 'cpu'): string => median(runs[k].map((t) => t[clock])).toFixed(0);
console.log(`\nmedian ms (wall / CPU): explain none ${ms('none', 'wall')} / ${ms('none', 'cpu')}; data ${ms('data', 'wall')} / ${ms('data', 'cpu')}; text ${ms('text', 'wall')} / ${ms('text', 'cpu')}; json-rules-engine ${ms('peer', 'wall')} / ${ms('peer', 'cpu')}`);
