import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { VnEgovError } from '../../src/errors/index.js';
import {
  DOSSIER_STATUSES,
  DOSSIER_TRANSITIONS,
  allowedDossierEvents,
  applyDossierEvent,
  controlSlip,
  createDossier,
  dossierSchema,
  dossierTiming,
  foldDossierEvents,
  isTerminalStatus,
  oneStopRegimeAt,
  supplementDeadline,
  type Dossier,
  type DossierEvent,
  type DossierEventType,
  type DossierInit,
} from '../../src/procedures/index.js';

const calendar = createWorkCalendar();
const opts = { calendar };
const init = (over: Partial<DossierInit> = {}): DossierInit => ({
  id: 'HS-1',
  procedureCode: '1.000358',
  channel: 'direct',
  processingDays: 5,
  policy: 'restart',
  submittedAt: '2026-02-13 16:00',
  ...over,
});
const run = (events: DossierEvent[], over: Partial<DossierInit> = {}) => foldDossierEvents(init(over), events, opts);
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof VnEgovError ? e.code : `non-VnEgovError: ${String(e)}`;
  }
  return undefined;
};

describe('receipt and due date', () => {
  it('Friday 13/02/2026 16:00 in person: after the 15:00 cut-off and Tết, counted from Mon 23/02, due Mon 02/03', () => {
    const d = run([{ type: 'received', at: '2026-02-13 16:00', receiptNumber: '01' }]);
    expect(d.status).toBe(2);
    expect(d.regime).toBe('nd118-2025');
    expect(d.clockStartDay).toBe('2026-02-23');
    expect(d.dueDay).toBe('2026-03-02');
    expect(d.originalDueDay).toBe('2026-03-02');
  });

  it('before the cut-off the receipt day is day 0; online has no 15:00 cut-off but an office-hours policy', () => {
    expect(run([{ type: 'received', at: '2026-03-02 14:59' }]).dueDay).toBe('2026-03-09');
    expect(run([{ type: 'received', at: '2026-03-02 15:01' }]).dueDay).toBe('2026-03-10');
    expect(run([{ type: 'received', at: '2026-03-02 16:30' }], { channel: 'online' }).dueDay).toBe('2026-03-09');
    expect(run([{ type: 'received', at: '2026-03-02 17:30' }], { channel: 'online' }).dueDay).toBe('2026-03-10');
    expect(run([{ type: 'received', at: '2026-03-02 17:30' }], { channel: 'online', startDay: { onlineOfficeHoursEnd: null } }).dueDay).toBe('2026-03-09');
    // received on a Sunday: counted from Monday
    expect(run([{ type: 'received', at: '2026-03-01 10:00' }], { channel: 'online', submittedAt: '2026-03-01 09:00' }).dueDay).toBe('2026-03-09');
  });

  it('non-territorial receipt: the time counts from the competent agency\'s receipt when given (NĐ 309/2026)', () => {
    const d = run([{ type: 'received', at: '2026-09-07 09:00', countFrom: '2026-09-08 10:00' }], { submittedAt: '2026-09-07 08:00' });
    expect([d.receivedAt, d.clockStartDay, d.dueDay]).toEqual(['2026-09-07T09:00:00+07:00', '2026-09-08', '2026-09-15']);
    expect(codeOf(() => run([{ type: 'received', at: '2026-09-07 09:00', countFrom: '2026-09-06 10:00' }], { submittedAt: '2026-09-07 08:00' }))).toBe('INVALID_EVENT');
  });

  it('chooses the regime by the day of receipt (NĐ 61/2018 before 01/07/2025, NĐ 118/2025 from then)', () => {
    expect(oneStopRegimeAt('2025-06-30 23:59').id).toBe('nd61-2018');
    expect(oneStopRegimeAt('2025-07-01 00:00').id).toBe('nd118-2025');
    // a dossier submitted under the old decree but received under the new one
    const d = run([{ type: 'received', at: '2025-07-01 08:00' }], { submittedAt: '2025-06-30 20:00', channel: 'online' });
    expect(d.regime).toBe('nd118-2025');
    expect(createDossier(init({ submittedAt: '2025-06-30 20:00' })).regime).toBe('nd61-2018');
    expect(codeOf(() => oneStopRegimeAt('2018-06-20 10:00'))).toBe('DATE_OUT_OF_RANGE');
  });
});

describe('supplementation: restart (legal) versus pause (KPI)', () => {
  const events: DossierEvent[] = [
    { type: 'received', at: '2026-03-02 09:00' }, // due 09/03
    { type: 'handedOver', at: '2026-03-02 10:00', from: 'Bộ phận Một cửa', to: 'Sở Công Thương' },
    { type: 'supplementRequested', at: '2026-03-04 09:00' },
    { type: 'supplemented', at: '2026-03-11 09:00' },
  ];

  it('restart: counted again from zero from the complete dossier', () => {
    const d = run(events);
    expect(d.status).toBe(4);
    expect(d.clockStartDay).toBe('2026-03-11');
    expect(d.dueDay).toBe('2026-03-18');
  });

  it('pause: the working days waited (04/03 → 11/03: 5) move the due day', () => {
    const d = run(events, { policy: 'pause' });
    expect(d.supplements[0]!.pausedDays).toBe(5);
    expect(d.dueDay).toBe('2026-03-16');
  });

  it('pause: a second supplementation request makes the dossier overdue (KPI rule), restart does not', () => {
    const twice: DossierEvent[] = [...events, { type: 'supplementRequested', at: '2026-03-12 09:00' }, { type: 'supplemented', at: '2026-03-12 10:00' }, { type: 'processed', at: '2026-03-13 09:00' }];
    expect(dossierTiming(run(twice, { policy: 'pause' }))).toMatchObject({ phase: 'finished', label: 'late', vi: 'Quá hạn' });
    expect(dossierTiming(run(twice))).toMatchObject({ phase: 'finished', label: 'early', vi: 'Trước hạn' });
  });

  it('a supplement requested at reception (status 1) does not touch the clock and returns to 1', () => {
    const d = run([{ type: 'supplementRequested', at: '2026-03-02 09:00' }, { type: 'supplemented', at: '2026-03-05 09:00' }], { channel: 'online', submittedAt: '2026-03-01 20:00' });
    expect(d.status).toBe(1);
    expect(d.dueDay).toBeNull();
    expect(d.supplements[0]!.stage).toBe('reception');
  });

  it('closure after 15 days (NĐ 118/2025 Điều 19 k5), not before, and not under NĐ 61/2018', () => {
    const waiting = run(events.slice(0, 3));
    expect(supplementDeadline(waiting)).toBe('2026-03-19');
    expect(codeOf(() => applyDossierEvent(waiting, { type: 'closed', at: '2026-03-19 16:00' }, opts))).toBe('CLOSURE_TOO_EARLY');
    const closed = applyDossierEvent(waiting, { type: 'closed', at: '2026-03-20 08:00' }, opts);
    expect([closed.status, closed.outcome]).toEqual([8, 'supplementNotReceived']);
    const old = run([{ type: 'received', at: '2024-03-04 09:00' }, { type: 'handedOver', at: '2024-03-04 10:00', from: 'A', to: 'B' }, { type: 'supplementRequested', at: '2024-03-05 09:00' }], { submittedAt: '2024-03-04 08:00' });
    expect(old.regime).toBe('nd61-2018');
    expect(codeOf(() => applyDossierEvent(old, { type: 'closed', at: '2024-05-05 09:00' }, opts))).toBe('CLOSURE_NOT_IN_REGIME');
    expect(applyDossierEvent(old, { type: 'stopped', at: '2024-05-05 09:00', reason: 'Không bổ sung' }, opts).status).toBe(8);
    // a working-day timer when the caller chooses one
    const wd = run(events.slice(0, 3), { closure: { days: 15, unit: 'working-day' } });
    expect(supplementDeadline(wd, opts)).toBe('2026-03-25');
  });
});

describe('extension (apology and new date), once only', () => {
  const base: DossierEvent[] = [{ type: 'received', at: '2026-03-02 09:00' }, { type: 'handedOver', at: '2026-03-02 10:00', from: 'Một cửa', to: 'Phòng' }];

  it('re-sets the due day once; a second apology is rejected with EXTENSION_ALREADY_USED', () => {
    const d = run([...base, { type: 'apologyIssued', at: '2026-03-06 09:00', newDueDay: '2026-03-13', reason: 'Cần xác minh' }]);
    expect(d.dueDay).toBe('2026-03-13');
    expect(d.extension).toEqual({ at: '2026-03-06T09:00:00+07:00', fromDay: '2026-03-09', toDay: '2026-03-13', reason: 'Cần xác minh', late: false });
    expect(codeOf(() => applyDossierEvent(d, { type: 'apologyIssued', at: '2026-03-10 09:00', newDueDay: '2026-03-20', reason: 'x' }, opts))).toBe('EXTENSION_ALREADY_USED');
  });

  it('an apology on the due day is kept but marked late; a new date not after the due day is invalid', () => {
    expect(run([...base, { type: 'apologyIssued', at: '2026-03-09 09:00', newDueDay: '2026-03-13', reason: 'x' }]).extension?.late).toBe(true);
    expect(codeOf(() => run([...base, { type: 'apologyIssued', at: '2026-03-05 09:00', newDueDay: '2026-03-09', reason: 'x' }]))).toBe('INVALID_EVENT');
  });
});

describe('transitions and errors', () => {
  it('a dossier is the fold of its events, starting with "submitted"', () => {
    const { submittedAt: _, ...rest } = init();
    const d = foldDossierEvents(rest, [{ type: 'submitted', at: '2026-03-02 08:55' }, { type: 'received', at: '2026-03-02 09:00' }], opts);
    expect([d.submittedAt, d.status, d.dueDay]).toEqual(['2026-03-02T08:55:00+07:00', 2, '2026-03-09']);
    expect(codeOf(() => foldDossierEvents(rest, [{ type: 'received', at: '2026-03-02 09:00' }], opts))).toBe('INVALID_EVENT');
    expect(codeOf(() => foldDossierEvents(rest, [], opts))).toBe('INVALID_EVENT');
    expect(codeOf(() => foldDossierEvents(init(), [{ type: 'submitted', at: '2026-03-02 08:55' }], opts))).toBe('INVALID_EVENT');
    expect(codeOf(() => applyDossierEvent(d, { type: 'submitted', at: '2026-03-03 08:55' }, opts))).toBe('INVALID_TRANSITION');
  });

  it('INVALID_TRANSITION names both statuses in Vietnamese and lists the allowed events', () => {
    const d = run([{ type: 'received', at: '2026-03-02 09:00' }]);
    try {
      applyDossierEvent(d, { type: 'resultReturned', at: '2026-03-03 09:00' }, opts);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VnEgovError);
      const err = e as VnEgovError;
      expect(err.code).toBe('INVALID_TRANSITION');
      expect(err.message).toContain('«Được tiếp nhận» (2)');
      expect(err.message).toContain('«Đã trả kết quả» (10)');
      expect(err.issues.map((i) => i.message)).toEqual(['handedOver', 'withdrawn']);
    }
    const ended = run([{ type: 'refused', at: '2026-03-02 09:00', reason: 'Không thuộc thẩm quyền' }]);
    expect(ended.status).toBe(3);
    expect(codeOf(() => applyDossierEvent(ended, { type: 'received', at: '2026-03-03 09:00' }, opts))).toBe('INVALID_TRANSITION');
  });

  it('rejects events out of order, malformed events and malformed dossiers', () => {
    const d = run([{ type: 'received', at: '2026-03-02 09:00' }]);
    expect(codeOf(() => applyDossierEvent(d, { type: 'handedOver', at: '2026-03-01 09:00', from: 'a', to: 'b' }, opts))).toBe('EVENT_OUT_OF_ORDER');
    expect(codeOf(() => applyDossierEvent(d, { type: 'teleported', at: '2026-03-03' } as unknown as DossierEvent, opts))).toBe('INVALID_EVENT');
    expect(codeOf(() => applyDossierEvent(d, { type: 'handedOver', at: 'tomorrow', from: 'a', to: 'b' }, opts))).toBe('INVALID_DATE');
    expect(codeOf(() => applyDossierEvent({ ...d, status: 11 } as unknown as Dossier, { type: 'processed', at: '2026-03-03 09:00' }, opts))).toBe('INVALID_DOSSIER');
    expect(codeOf(() => createDossier({ ...init(), policy: 'sometimes' } as unknown as DossierInit))).toBe('INVALID_DOSSIER');
  });

  it('withdrawal (7) is ended by the officer (8); the state is plain JSON', () => {
    const d = run([{ type: 'received', at: '2026-03-02 09:00' }, { type: 'withdrawn', at: '2026-03-03 09:00', reason: 'Công dân rút' }, { type: 'stopped', at: '2026-03-03 10:00', reason: 'Rút hồ sơ' }]);
    expect([d.status, d.outcome]).toEqual([8, 'withdrawn']);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(z.safeParse(dossierSchema, d).success).toBe(true);
    expect(d.history.map((h) => `${h.from}>${h.to}`)).toEqual(['1>2', '2>7', '7>8']);
  });

  it('a full path: hand-overs, financial obligation, result; labels and control slip', () => {
    const d = run([
      { type: 'received', at: '2026-03-02 09:00' },
      { type: 'handedOver', at: '2026-03-02 10:00', from: 'Bộ phận Một cửa', to: 'Phòng Kinh tế', stepDueDay: '2026-03-05' },
      { type: 'financialObligationRequested', at: '2026-03-04 09:00', amount: 500000 },
      { type: 'financialObligationFulfilled', at: '2026-03-04 15:00' },
      { type: 'handedOver', at: '2026-03-05 09:00', from: 'Phòng Kinh tế', to: 'Lãnh đạo UBND', stepDueDay: '2026-03-06' },
      { type: 'processed', at: '2026-03-09 08:00' },
      { type: 'handedOver', at: '2026-03-09 09:00', from: 'Lãnh đạo UBND', to: 'Bộ phận Một cửa' },
      { type: 'resultReturned', at: '2026-03-09 10:00' },
    ]);
    expect(d.status).toBe(10);
    expect(dossierTiming(d)).toMatchObject({ phase: 'finished', label: 'on-time', vi: 'Đúng hạn', dueDay: '2026-03-09' });
    expect(controlSlip(d).map((r) => r.vi)).toEqual(['Đúng hạn', 'Quá hạn', null]);
  });

  it('in-process labels need an explicit `at`; pause moves the effective due day while waiting', () => {
    const d = run([{ type: 'received', at: '2026-03-02 09:00' }, { type: 'handedOver', at: '2026-03-02 10:00', from: 'a', to: 'b' }]);
    expect(dossierTiming(d)).toBeNull();
    expect(dossierTiming(d, { at: '2026-03-09 16:00' })).toMatchObject({ label: 'within', vi: 'Trong hạn' });
    expect(dossierTiming(d, { at: '2026-03-10 08:00' })).toMatchObject({ label: 'overdue', vi: 'Quá hạn' });
    const waiting = applyDossierEvent({ ...d, policy: 'pause' }, { type: 'supplementRequested', at: '2026-03-04 09:00' }, opts);
    expect(dossierTiming(waiting, { at: '2026-03-20 09:00', calendar })).toMatchObject({ label: 'within', dueDay: '2026-03-25' });
    // already late when the request came (11/03 > 09/03): waiting does not cure it
    const lateWaiting = applyDossierEvent({ ...d, policy: 'pause' }, { type: 'supplementRequested', at: '2026-03-11 09:00' }, opts);
    expect(dossierTiming(lateWaiting, { at: '2026-03-20 09:00', calendar })).toMatchObject({ label: 'overdue', dueDay: '2026-03-18' });
    expect(dossierTiming(applyDossierEvent(d, { type: 'supplementRequested', at: '2026-03-04 09:00' }, opts), { at: '2026-04-01 09:00' })).toMatchObject({ label: 'within' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Exhaustive exploration: no dossier may ever be left stuck.
// ---------------------------------------------------------------------------------------------------------------

const ALL_TYPES = Object.keys(DOSSIER_TRANSITIONS) as DossierEventType[];

function addHours(iso: string, hours: number): string {
  const ms = Date.parse(iso) + hours * 3_600_000 + 7 * 3_600_000;
  return `${new Date(ms).toISOString().slice(0, 19)}+07:00`;
}

function eventFor(type: DossierEventType, d: Dossier, gapHours: number): DossierEvent {
  const at = addHours(d.lastEventAt, gapHours);
  switch (type) {
    case 'handedOver':
      return { type, at, from: 'A', to: 'B' };
    case 'refused':
    case 'stopped':
      return { type, at, reason: 'lý do' };
    case 'apologyIssued':
      return { type, at, newDueDay: d.dueDay === null ? '2030-01-01' : `${Number(d.dueDay.slice(0, 4)) + 1}${d.dueDay.slice(4)}`, reason: 'xin lỗi' };
    default:
      return { type, at } as DossierEvent;
  }
}

/** An abstraction of the dossier that decides which events can follow. */
function keyOf(d: Dossier): string {
  const appraisal = d.supplements.filter((s) => s.stage === 'appraisal').length;
  return JSON.stringify([d.status, d.regime, d.policy, d.channel, d.supplements.at(-1)?.stage ?? null, d.extension !== null, Math.min(appraisal, 2), d.dueDay !== null]);
}

describe('exhaustive exploration of the dossier machine', () => {
  it('every reachable state (both regimes, both policies, all channels) can reach a terminal status', () => {
    const starts: Dossier[] = [];
    for (const submittedAt of ['2024-03-04 09:00', '2026-03-02 09:00'])
      for (const policy of ['restart', 'pause'] as const)
        for (const channel of ['direct', 'online', 'postal'] as const) starts.push(createDossier(init({ submittedAt, policy, channel })));
    const states = new Map<string, Dossier>();
    const edges = new Map<string, Set<string>>();
    const queue: Dossier[] = [];
    for (const s of starts) {
      states.set(keyOf(s), s);
      queue.push(s);
    }
    let applied = 0;
    let rejectedByGuard = 0;
    while (queue.length > 0) {
      const d = queue.shift()!;
      const k = keyOf(d);
      const out = edges.get(k) ?? new Set<string>();
      edges.set(k, out);
      for (const type of ALL_TYPES) {
        for (const gap of [1, 24 * 40]) {
          let next: Dossier;
          try {
            next = applyDossierEvent(d, eventFor(type, d, gap), opts);
          } catch (e) {
            expect(e).toBeInstanceOf(VnEgovError);
            const code = (e as VnEgovError).code;
            expect(['INVALID_TRANSITION', 'EXTENSION_ALREADY_USED', 'CLOSURE_TOO_EARLY', 'CLOSURE_NOT_IN_REGIME', 'INVALID_EVENT']).toContain(code);
            if (code !== 'INVALID_TRANSITION') rejectedByGuard++;
            continue;
          }
          applied++;
          const nk = keyOf(next);
          out.add(nk);
          if (!states.has(nk)) {
            states.set(nk, next);
            queue.push(next);
          }
        }
      }
    }
    // every status is reachable
    expect(new Set([...states.values()].map((d) => d.status))).toEqual(new Set(DOSSIER_STATUSES.map((s) => s.code)));
    // terminal states have no way out; every other state has at least one
    for (const [k, d] of states) {
      if (isTerminalStatus(d.status)) expect(edges.get(k)!.size).toBe(0);
      else expect(edges.get(k)!.size, k).toBeGreaterThan(0);
    }
    // backward reachability from the terminal states covers everything
    const canEnd = new Set([...states].filter(([, d]) => isTerminalStatus(d.status)).map(([k]) => k));
    let grew = true;
    while (grew) {
      grew = false;
      for (const [k, out] of edges) {
        if (!canEnd.has(k) && [...out].some((n) => canEnd.has(n))) {
          canEnd.add(k);
          grew = true;
        }
      }
    }
    const stuck = [...states.keys()].filter((k) => !canEnd.has(k));
    expect(stuck).toEqual([]);
    expect(states.size).toBeGreaterThan(100);
    expect(applied).toBeGreaterThan(500);
    expect(rejectedByGuard).toBeGreaterThan(0);
  });

  it('property: random event sequences never crash, keep the invariants, and can always be closed', () => {
    const closing: DossierEventType[] = ['resultReturned', 'processed', 'stopped', 'refused', 'supplemented', 'financialObligationFulfilled', 'handedOver', 'received'];
    fc.assert(
      fc.property(
        fc.constantFrom('2024-03-04 09:00', '2025-06-30 16:00', '2026-02-13 16:00'),
        fc.constantFrom('restart' as const, 'pause' as const),
        fc.constantFrom('direct' as const, 'online' as const, 'postal' as const),
        fc.array(fc.tuple(fc.constantFrom(...ALL_TYPES), fc.integer({ min: 0, max: 24 * 30 })), { maxLength: 25 }),
        (submittedAt, policy, channel, steps) => {
          let d = createDossier(init({ submittedAt, policy, channel }));
          for (const [type, gap] of steps) {
            try {
              d = applyDossierEvent(d, eventFor(type, d, gap), opts);
            } catch (e) {
              if (!(e instanceof VnEgovError)) throw e;
            }
            // invariants
            expect(d.dueDay === null).toBe(d.receivedAt === null);
            expect(d.outcome !== null).toBe(isTerminalStatus(d.status));
            if (d.status === 9) expect(d.processedAt).not.toBeNull();
            if (d.status === 5) expect(d.supplements.at(-1)?.suppliedAt).toBeNull();
            expect(d.history.every((h, i) => i === 0 || h.at >= d.history[i - 1]!.at)).toBe(true);
          }
          // a greedy officer always closes the dossier within a few steps
          for (let i = 0; i < 6 && !isTerminalStatus(d.status); i++) {
            const type = closing.find((t) => allowedDossierEvents(d).includes(t))!;
            d = applyDossierEvent(d, eventFor(type, d, 24), opts);
          }
          expect(isTerminalStatus(d.status)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
