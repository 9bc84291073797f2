import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { statisticsRowProblems, statisticsRowSchema } from '../../src/scoring/index.js';
import {
  applyDossierEvent,
  checkBieu06Invariants,
  createDossier,
  summarizeDossiers,
  type Dossier,
  type DossierEvent,
  type StatisticsRecord,
} from '../../src/procedures/index.js';

const calendar = createWorkCalendar();

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Biểu 06 on a synthetic set with the published Giao Thủy figures (1/1–25/11/2019)', () => {
  // Published: 3,000+ received, 7 online, 2,900+ on time, 41 late, 45 in process, 5 waiting for a supplement,
  // 8 returned. Chosen exact split: 2,906 on time (2,100 early + 806 on the day), 41 late, 45 in process
  // (5 waiting), 8 returned: 3,000 received, 7 of them online.
  const random = rng(2019);
  const dossiers: Dossier[] = [];
  const workingDays2019 = Array.from({ length: 325 }, (_, i) => new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10)).filter((d) => calendar.isWorkingDay(d) && d <= '2019-11-08');
  const make = (n: number, kind: 'early' | 'onTime' | 'late' | 'open' | 'waiting' | 'returned') => {
    const day = kind === 'open' || kind === 'waiting' ? '2019-11-21' : workingDays2019[Math.floor(random() * workingDays2019.length)]!;
    const channel = dossiers.length < 7 ? 'online' : random() < 0.5 ? 'direct' : 'postal';
    let d = createDossier({ id: `GT-${n}`, procedureCode: '1.000358', channel, processingDays: 3, policy: 'restart', submittedAt: `${day} 08:00`, sector: random() < 0.6 ? 'Hộ tịch' : 'Chứng thực' });
    const apply = (e: DossierEvent) => (d = applyDossierEvent(d, e, { calendar }));
    apply({ type: 'received', at: `${day} 08:30` });
    apply({ type: 'handedOver', at: `${day} 09:00`, from: 'Bộ phận Một cửa', to: 'Phòng Tư pháp' });
    const due = d.dueDay!;
    if (kind === 'waiting') apply({ type: 'supplementRequested', at: `${day} 10:00` });
    if (kind === 'returned') {
      apply({ type: 'withdrawn', at: `${day} 10:00` });
      apply({ type: 'stopped', at: `${day} 11:00`, reason: 'Công dân rút hồ sơ' });
    }
    if (kind === 'early' || kind === 'onTime' || kind === 'late') {
      const end = kind === 'early' ? day : kind === 'onTime' ? due : calendar.addWorkingDays(due, 2);
      apply({ type: 'processed', at: `${end} 14:00` });
      apply({ type: 'resultReturned', at: `${end} 16:00` });
    }
    dossiers.push(d);
  };
  let n = 0;
  for (const [kind, count] of [['early', 2100], ['onTime', 806], ['late', 41], ['open', 40], ['waiting', 5], ['returned', 8]] as const) for (let i = 0; i < count; i++) make(n++, kind);

  it('reproduces the published counts', () => {
    const r = summarizeDossiers(dossiers, { from: '2019-01-01', to: '2019-11-25' });
    expect(r.total.received).toEqual({ total: 3000, online: 7, inPersonOrPostal: 2993, carriedOver: 0 });
    expect(r.total.resolved).toEqual({ total: 2947, early: 2100, onTime: 806, overdue: 41 });
    expect(r.total.resolved.early + r.total.resolved.onTime).toBe(2906);
    expect(r.total.inProcess).toEqual({ total: 45, withinDeadline: 45, overdue: 0, waitingForSupplement: 5 });
    expect(r.total.returned).toBe(8);
    expect(r.scoring.totalOnTime).toBe(2906 + 45);
    expect(r.scoring.onTimeRatio).toBeCloseTo(2951 / 3000, 10);
    expect(r.scoring.onlineRatio).toBeCloseTo(7 / 3000, 10);
  });

  it('groups by sector, in Vietnamese order, rows summing to the total', () => {
    const r = summarizeDossiers(dossiers, { from: '2019-01-01', to: '2019-11-25', groupBy: 'sector' });
    expect(r.rows.map((x) => x.group)).toEqual(['Chứng thực', 'Hộ tịch']);
    expect(r.rows.reduce((s, x) => s + x.received.total, 0)).toBe(3000);
    expect(r.rows.reduce((s, x) => s + x.resolved.overdue, 0)).toBe(41);
    for (const row of r.rows) expect(checkBieu06Invariants(row)).toEqual([]);
  });

  it('rows fit the StatisticsRow of vn-egov/scoring as they are (month statistics → QĐ 766)', () => {
    const r = summarizeDossiers(dossiers, { from: '2019-01-01', to: '2019-11-25', groupBy: 'sector' });
    for (const row of [...r.rows, r.total]) {
      const parsed = z.safeParse(statisticsRowSchema, row);
      expect(parsed.success).toBe(true);
      expect(statisticsRowProblems(parsed.data!)).toEqual([]);
    }
    expect(r.rows.map((x) => x.sector)).toEqual(['Chứng thực', 'Hộ tịch']);
  });

  it('carries over dossiers still open at the start of the next period and skips those finished before it', () => {
    const r = summarizeDossiers(dossiers, { from: '2019-11-22', to: '2019-11-30' });
    // the 45 opened on 21/11 are carried over; nothing was received in the period
    expect(r.total.received).toEqual({ total: 45, online: 0, inPersonOrPostal: 0, carriedOver: 45 });
    expect(r.skipped).toBe(3000 - 45);
    // at 30/11 the 40 open ones (due 26/11) are overdue; the 5 waiting ones are within time (restart)
    expect(r.total.inProcess).toEqual({ total: 45, withinDeadline: 5, overdue: 40, waitingForSupplement: 5 });
  });
});

describe('summarizeDossiers rules and errors', () => {
  const rec = (o: Partial<StatisticsRecord>): StatisticsRecord => ({ channel: 'direct', receivedDay: '2026-03-02', dueDay: '2026-03-09', ...o });

  it('classifies early / on time / late, returned, in process, KPI overdue and pause waiting', () => {
    const records: StatisticsRecord[] = [
      rec({ endDay: '2026-03-05', end: 'resolved' }),
      rec({ endDay: '2026-03-09', end: 'resolved' }),
      rec({ endDay: '2026-03-10', end: 'resolved' }),
      rec({ endDay: '2026-03-05', end: 'resolved', overdueByRule: true }),
      rec({ endDay: '2026-03-03', end: 'withdrawn' }),
      rec({ channel: 'online' }),
      rec({ dueDay: '2026-03-20', channel: 'postal' }),
      rec({ waitingSince: '2026-03-20', policy: 'pause', dueDay: '2026-03-27' }),
      rec({ receivedDay: '2026-04-02', dueDay: '2026-04-09' }), // after the period
      rec({ receivedDay: null, dueDay: null }), // never received
      rec({ endDay: '2026-04-05', end: 'resolved' }), // ends after the period: in process at `to`
    ];
    const r = summarizeDossiers(records, { from: '2026-03-01', to: '2026-03-31', calendar });
    expect(r.total.received).toEqual({ total: 9, online: 1, inPersonOrPostal: 8, carriedOver: 0 });
    expect(r.total.resolved).toEqual({ total: 4, early: 1, onTime: 1, overdue: 2 });
    expect(r.total.returned).toBe(1);
    expect(r.total.inProcess).toEqual({ total: 4, withinDeadline: 1, overdue: 3, waitingForSupplement: 1 });
    expect(r.skipped).toBe(2);
  });

  it('streams from a generator and reports inconsistent records with their index', () => {
    function* gen() {
      yield rec({});
      yield rec({ endDay: '2026-03-01', end: 'resolved' });
    }
    expect(() => summarizeDossiers(gen(), { from: '2026-03-01', to: '2026-03-31' })).toThrow(expect.objectContaining({ code: 'INVALID_STATISTICS_RECORD', issues: [expect.objectContaining({ path: [1] })] }));
    expect(() => summarizeDossiers([rec({ endDay: '2026-03-05' })], { from: '2026-03-01', to: '2026-03-31' })).toThrow(expect.objectContaining({ code: 'INVALID_STATISTICS_RECORD' }));
    expect(() => summarizeDossiers([rec({ dueDay: null })], { from: '2026-03-01', to: '2026-03-31' })).toThrow(expect.objectContaining({ code: 'INVALID_STATISTICS_RECORD' }));
    expect(() => summarizeDossiers([rec({ channel: 'fax' as 'direct' })], { from: '2026-03-01', to: '2026-03-31' })).toThrow(expect.objectContaining({ code: 'INVALID_STATISTICS_RECORD' }));
    expect(() => summarizeDossiers([], { from: '2026-03-31', to: '2026-03-01' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => summarizeDossiers(42 as unknown as [], { from: '2026-03-01', to: '2026-03-31' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    const empty = summarizeDossiers([], { from: '2026-03-01', to: '2026-03-31' });
    expect(empty.scoring.onTimeRatio).toBeNull();
    expect(empty.total.received.total).toBe(0);
  });

  it('checkBieu06Invariants finds the errors of a hand-compiled row', () => {
    const row = { group: 'Xã A', received: { total: 10, online: 1, inPersonOrPostal: 8, carriedOver: 0 }, resolved: { total: 7, early: 3, onTime: 3, overdue: 0 }, inProcess: { total: 2, withinDeadline: 2, overdue: 0, waitingForSupplement: 3 }, returned: 0 };
    expect(checkBieu06Invariants(row).map((i) => i.code)).toEqual(['received_split', 'received_outcome', 'resolved_split', 'waiting_exceeds']);
  });

  it('property: the invariants hold on random dossier sets, rows sum to the total', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const record = fc
      .record({
        channel: fc.constantFrom('direct' as const, 'online' as const, 'postal' as const),
        received: day,
        dueOffset: fc.integer({ min: 0, max: 30 }),
        endOffset: fc.option(fc.integer({ min: 0, max: 60 })),
        end: fc.constantFrom('resolved' as const, 'withdrawn' as const),
        overdueByRule: fc.boolean(),
        waiting: fc.option(fc.integer({ min: 0, max: 20 })),
        policy: fc.constantFrom('restart' as const, 'pause' as const),
        sector: fc.constantFrom('Đất đai', 'Hộ tịch', 'Xây dựng', ''),
      })
      .map((x): StatisticsRecord => {
        const add = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        return {
          channel: x.channel,
          receivedDay: x.received,
          dueDay: add(x.received, x.dueOffset),
          endDay: x.endOffset === null ? null : add(x.received, x.endOffset),
          end: x.endOffset === null ? null : x.end,
          overdueByRule: x.overdueByRule,
          waitingSince: x.endOffset === null && x.waiting !== null ? add(x.received, x.waiting) : null,
          policy: x.policy,
          sector: x.sector,
        };
      });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 80 }), day, day, (records, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const r = summarizeDossiers(records, { from, to, groupBy: 'sector', calendar });
        expect(checkBieu06Invariants(r.total)).toEqual([]);
        const counted = records.filter((x) => x.receivedDay! <= to && (x.endDay == null || x.endDay >= from)).length;
        expect(r.total.received.total).toBe(counted);
        expect(r.total.received.total + r.skipped).toBe(records.length);
        for (const k of ['total', 'online', 'inPersonOrPostal', 'carriedOver'] as const) expect(r.rows.reduce((s, x) => s + x.received[k], 0)).toBe(r.total.received[k]);
        expect(r.rows.reduce((s, x) => s + x.resolved.overdue, 0)).toBe(r.total.resolved.overdue);
      }),
      { numRuns: 300 },
    );
  });
});
