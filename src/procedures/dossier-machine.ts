import * as z from 'zod/mini';
import { civilServiceCalendar, type WorkCalendar } from '../calendar/index.js';
import { parseWith } from '../errors/index.js';
import { computeStartDay, startDayOptionsSchema, supplementationPolicySchema } from './deadline-policy.js';
import { dossierStatusCodeSchema, getDossierStatus, isTerminalStatus, type DossierStatusCode } from './dossier-status.js';
import { fail, issue } from './errors.js';
import { addDays, readInstant } from './instant.js';
import { oneStopRegimeOnDay, type OneStopRegimeId } from './one-stop-regime.js';
import { channelSchema, implementationLevelSchema } from './procedure.js';

const isoInstant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/, 'YYYY-MM-DDTHH:mm:ss+07:00'));
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));
const instantInput = z.union([z.string().check(z.minLength(1)), z.number(), z.date()]);
const text = z.string().check(z.minLength(1));

/**
 * A dossier event (sự kiện hồ sơ). Every event has `at` (an instant; a string without offset is Vietnam time).
 *
 * - `submitted`: submission (nộp hồ sơ); only as the first event of {@link foldDossierEvents} (it creates the dossier).
 * - `received`: official receipt with the receipt slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả); starts the clock.
 * - `handedOver`: a hand-over between units (a row of the control slip, Phiếu kiểm soát), with an optional step due day.
 * - `supplementRequested` / `supplemented`: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, and the complete dossier.
 * - `refused`: at reception (→ 3) or after appraisal (→ 8, Phiếu từ chối giải quyết hồ sơ).
 * - `financialObligationRequested` / `financialObligationFulfilled`: fees or taxes to pay (status 6).
 * - `withdrawn`: the applicant asks to stop or withdraw (→ 7; NĐ 118/2025 Điều 21).
 * - `stopped`: the officer stops processing (→ 8), e.g. after a withdrawal request.
 * - `closed`: closure of a dossier whose supplement did not arrive in time (→ 8; NĐ 118/2025 Điều 19 k5).
 * - `apologyIssued`: the written apology with a new due day (once only).
 * - `processed`: decision made, result ready (→ 9). `resultReturned`: result handed back (→ 10).
 *
 * @example
 * ```ts
 * dossierEventSchema.parse({ type: 'received', at: '2026-02-13 16:00' });
 * ```
 */
export const dossierEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submitted'), at: instantInput }),
  z.object({
    type: z.literal('received'),
    at: instantInput,
    receiptNumber: z.optional(text),
    /**
     * When the processing time counts from, if not from this receipt: a dossier received outside the competent
     * agency's territory counts from the competent agency's receipt (NĐ 118/2025 Điều 17 k3 as amended by NĐ 309/2026,
     * from 05/08/2026 [secondary]).
     */
    countFrom: z.optional(instantInput),
  }),
  z.object({ type: z.literal('handedOver'), at: instantInput, from: text, to: text, stepDueDay: z.optional(isoDay) }),
  z.object({ type: z.literal('supplementRequested'), at: instantInput, reason: z.optional(text) }),
  z.object({ type: z.literal('supplemented'), at: instantInput }),
  z.object({ type: z.literal('refused'), at: instantInput, reason: text }),
  z.object({ type: z.literal('financialObligationRequested'), at: instantInput, amount: z.optional(z.number().check(z.nonnegative())) }),
  z.object({ type: z.literal('financialObligationFulfilled'), at: instantInput }),
  z.object({ type: z.literal('withdrawn'), at: instantInput, reason: z.optional(text) }),
  z.object({ type: z.literal('stopped'), at: instantInput, reason: text }),
  z.object({ type: z.literal('closed'), at: instantInput }),
  z.object({ type: z.literal('apologyIssued'), at: instantInput, newDueDay: isoDay, reason: text }),
  z.object({ type: z.literal('processed'), at: instantInput }),
  z.object({ type: z.literal('resultReturned'), at: instantInput }),
]);
/** See {@link dossierEventSchema}. @example `const e: DossierEvent = { type: 'processed', at: '2026-03-02 10:00' };` */
export type DossierEvent = z.input<typeof dossierEventSchema>;
/** The event type names. @example `const t: DossierEventType = 'apologyIssued';` */
export type DossierEventType = DossierEvent['type'];

/**
 * Why a dossier ended (lý do kết thúc): `returned` (10), `refusedAtReception` (3), `notEligible` (8, refusal after
 * appraisal), `withdrawn` (8 after 7), `stopped` (8, officer), `supplementNotReceived` (8, 15-day closure).
 *
 * @example
 * ```ts
 * dossierOutcomeSchema.parse('supplementNotReceived');
 * ```
 */
export const dossierOutcomeSchema = z.enum(['returned', 'refusedAtReception', 'notEligible', 'withdrawn', 'stopped', 'supplementNotReceived']);
/** See {@link dossierOutcomeSchema}. @example `const o: DossierOutcome = 'returned';` */
export type DossierOutcome = z.infer<typeof dossierOutcomeSchema>;

/**
 * A one-stop dossier (hồ sơ một cửa) as a plain serialisable object: the caller stores it and passes it back to
 * {@link applyDossierEvent}. Instants are ISO at +07:00, days `YYYY-MM-DD` (Vietnam).
 *
 * @example
 * ```ts
 * const d: Dossier = createDossier({ id: 'HS-1', procedureCode: '1.000358', channel: 'direct', processingDays: 5, policy: 'restart', submittedAt: '2026-03-02 09:00' });
 * ```
 */
export const dossierSchema = z.object({
  id: text,
  procedureCode: text,
  channel: channelSchema,
  /** Processing time in working days (thời hạn giải quyết). */
  processingDays: z.number().check(z.int(), z.nonnegative()),
  /** The supplementation policy, chosen explicitly. */
  policy: supplementationPolicySchema,
  /** The supplement timer: `days` after the request, in calendar days (default, "15 ngày") or working days. */
  closure: z.object({ days: z.number().check(z.int(), z.positive()), unit: z.enum(['calendar-day', 'working-day']) }),
  /** Start-day options (online after-hours policy). */
  startDay: startDayOptionsSchema,
  /** The regime by date of receipt (of submission until received). */
  regime: z.enum(['nd61-2018', 'nd118-2025']),
  status: dossierStatusCodeSchema,
  /** Grouping fields for statistics. */
  sector: z.optional(z.string()),
  level: z.optional(implementationLevelSchema),
  agency: z.optional(z.string()),
  submittedAt: isoInstant,
  receivedAt: z.nullable(isoInstant),
  /** Day 0 of the current count. */
  clockStartDay: z.nullable(isoDay),
  /** The current appointment day (ngày hẹn trả), after restarts, pauses and the extension. */
  dueDay: z.nullable(isoDay),
  /** The due day written on the receipt slip. */
  originalDueDay: z.nullable(isoDay),
  extension: z.nullable(z.object({ at: isoInstant, fromDay: isoDay, toDay: isoDay, reason: text, late: z.boolean() })),
  supplements: z.array(
    z.object({
      stage: z.enum(['reception', 'appraisal']),
      requestedAt: isoInstant,
      suppliedAt: z.nullable(isoInstant),
      /** Working days subtracted under the `pause` policy. */
      pausedDays: z.number().check(z.int(), z.nonnegative()),
    }),
  ),
  financialRequestedAt: z.nullable(isoInstant),
  processedAt: z.nullable(isoInstant),
  endedAt: z.nullable(isoInstant),
  outcome: z.nullable(dossierOutcomeSchema),
  reason: z.nullable(z.string()),
  /** Control-slip rows (Phiếu kiểm soát quá trình giải quyết hồ sơ). */
  steps: z.array(z.object({ from: text, to: text, at: isoInstant, dueDay: z.nullable(isoDay) })),
  /** Every applied event: type, time, status before and after. */
  history: z.array(z.object({ type: z.string(), at: isoInstant, from: dossierStatusCodeSchema, to: dossierStatusCodeSchema })),
  lastEventAt: isoInstant,
});
/** See {@link dossierSchema}. @example `const s: Dossier['status'] = 1;` */
export type Dossier = z.infer<typeof dossierSchema>;

/**
 * Input of {@link createDossier}.
 *
 * @example
 * ```ts
 * const init: DossierInit = { id: 'HS-1', procedureCode: '1.000358', channel: 'online', processingDays: 5, policy: 'pause', submittedAt: '2026-03-02 09:00' };
 * ```
 */
export const dossierInitSchema = z.object({
  id: text,
  procedureCode: text,
  channel: channelSchema,
  processingDays: z.number().check(z.int(), z.nonnegative()),
  policy: supplementationPolicySchema,
  submittedAt: instantInput,
  closure: z.optional(z.object({ days: z.number().check(z.int(), z.positive()), unit: z.enum(['calendar-day', 'working-day']) })),
  startDay: z.optional(startDayOptionsSchema),
  sector: z.optional(z.string()),
  level: z.optional(implementationLevelSchema),
  agency: z.optional(z.string()),
});
/** See {@link dossierInitSchema}. @example `const i: DossierInit = {...};` */
export type DossierInit = z.input<typeof dossierInitSchema>;

/** Options of {@link applyDossierEvent}: the working-day calendar (pin one in tests). @example `const o: DossierOptions = { calendar: createWorkCalendar() };` */
export interface DossierOptions {
  /** Default: the civil-service calendar of `vn-egov/calendar`. */
  readonly calendar?: WorkCalendar;
}

/**
 * The transition table (bảng chuyển trạng thái): for each event, the statuses it may be applied in and the status
 * it leads to (`same` keeps the status). Guards (the single extension, the closure timer and regime) are checked
 * in {@link applyDossierEvent}.
 *
 * @example
 * ```ts
 * DOSSIER_TRANSITIONS.processed; // { from: [4], to: 9 }
 * ```
 */
export const DOSSIER_TRANSITIONS: Readonly<Record<DossierEventType, { readonly from: readonly DossierStatusCode[]; readonly to: DossierStatusCode | 'same' }>> = Object.freeze({
  submitted: { from: [], to: 1 },
  received: { from: [1], to: 2 },
  handedOver: { from: [2, 4, 5, 9], to: 4 },
  supplementRequested: { from: [1, 4], to: 5 },
  supplemented: { from: [5], to: 4 },
  refused: { from: [1, 4], to: 8 },
  financialObligationRequested: { from: [4], to: 6 },
  financialObligationFulfilled: { from: [6], to: 4 },
  withdrawn: { from: [1, 2, 4, 5, 6], to: 7 },
  stopped: { from: [4, 5, 6, 7], to: 8 },
  closed: { from: [5], to: 8 },
  apologyIssued: { from: [4, 5, 6], to: 'same' },
  processed: { from: [4], to: 9 },
  resultReturned: { from: [9], to: 10 },
});

/** The real target of an event in a status (refusal at reception is 3; a hand-over at 5 or 9 keeps the status; a supplement at reception goes back to 1). */
function targetOf(type: DossierEventType, d: Pick<Dossier, 'status' | 'supplements'>): DossierStatusCode {
  if (type === 'refused' && d.status === 1) return 3;
  if (type === 'handedOver' && (d.status === 9 || d.status === 5)) return d.status;
  if (type === 'supplemented' && d.supplements.at(-1)?.stage === 'reception') return 1;
  const t = DOSSIER_TRANSITIONS[type].to;
  return t === 'same' ? d.status : t;
}

/**
 * The events allowed in a dossier's current status (by the transition table; guards aside).
 *
 * @example
 * ```ts
 * allowedDossierEvents(createDossier({...})); // ['received', 'supplementRequested', 'refused', 'withdrawn']
 * ```
 */
export function allowedDossierEvents(dossier: Pick<Dossier, 'status'>): DossierEventType[] {
  return (Object.keys(DOSSIER_TRANSITIONS) as DossierEventType[]).filter((t) => DOSSIER_TRANSITIONS[t].from.includes(dossier.status));
}

const label = (s: DossierStatusCode): string => `«${getDossierStatus(s).name}» (${s})`;

/**
 * Opens a dossier at submission (status 1 Mới đăng ký). The regime is provisionally that of the submission day and
 * is fixed by the day of receipt.
 *
 * @throws VnEgovError `INVALID_DOSSIER` when the input fails {@link dossierInitSchema}; `INVALID_DATE`;
 *   `DATE_OUT_OF_RANGE` before NĐ 61/2018.
 * @example
 * ```ts
 * const d = createDossier({ id: 'HS-1', procedureCode: '1.000358', channel: 'direct', processingDays: 5, policy: 'restart', submittedAt: '2026-02-13 16:00' });
 * d.status; // 1
 * ```
 */
export function createDossier(init: DossierInit): Dossier {
  const i = parseWith(dossierInitSchema, init, 'INVALID_DOSSIER', 'Hồ sơ không hợp lệ / invalid dossier input');
  const t = readInstant(i.submittedAt, 'submittedAt');
  const d: Dossier = {
    id: i.id,
    procedureCode: i.procedureCode,
    channel: i.channel,
    processingDays: i.processingDays,
    policy: i.policy,
    closure: i.closure ?? { days: 15, unit: 'calendar-day' },
    startDay: i.startDay ?? {},
    regime: oneStopRegimeOnDay(t.day).id,
    status: 1,
    submittedAt: t.iso,
    receivedAt: null,
    clockStartDay: null,
    dueDay: null,
    originalDueDay: null,
    extension: null,
    supplements: [],
    financialRequestedAt: null,
    processedAt: null,
    endedAt: null,
    outcome: null,
    reason: null,
    steps: [],
    history: [],
    lastEventAt: t.iso,
  };
  if (i.sector !== undefined) d.sector = i.sector;
  if (i.level !== undefined) d.level = i.level;
  if (i.agency !== undefined) d.agency = i.agency;
  return d;
}

/**
 * The last day on which the applicant may still complete a dossier after a supplementation request: the request
 * day plus the closure period (default 15 calendar days, NĐ 118/2025 Điều 19 k5: "15 ngày"). Closure is allowed
 * from the next day. `null` when the dossier is not waiting for a supplement.
 *
 * @example
 * ```ts
 * supplementDeadline(d); // '2026-03-17' for a request on 2026-03-02
 * ```
 */
export function supplementDeadline(dossier: Dossier, options: DossierOptions = {}): string | null {
  const open = dossier.status === 5 ? dossier.supplements.at(-1) : undefined;
  if (open === undefined) return null;
  const day = open.requestedAt.slice(0, 10);
  if (dossier.closure.unit === 'calendar-day') return addDays(day, dossier.closure.days);
  return (options.calendar ?? civilServiceCalendar()).addWorkingDays(day, dossier.closure.days);
}

/**
 * Applies one event to a dossier and returns the new dossier (the input is not changed): a pure state machine over
 * the ten national statuses ({@link DOSSIER_TRANSITIONS}). Deadlines use the calendar in `options`:
 * - `received` fixes the regime by the receipt day and computes the due day (`processingDays` working days from the
 *   start day: 15:00 cut-off for paper, next working day for online receipts after hours; from `countFrom` when
 *   the competent agency received it later);
 * - `supplemented` after appraisal restarts the count from the supplement (`restart`) or moves the due day by the
 *   working days waited (`pause`); a supplement requested at reception (status 1) does not touch the clock;
 * - `apologyIssued` re-sets the due day once (a second one throws `EXTENSION_ALREADY_USED`); an apology on or after
 *   the due day is kept but marked `late` (it is due "chậm nhất 01 ngày trước ngày hết hạn"); a later restart
 *   recomputes the due day from the supplement, and the extension stays used;
 * - `closed` needs the NĐ 118/2025 regime and the supplement timer run out ({@link supplementDeadline}).
 *
 * @throws VnEgovError `INVALID_TRANSITION` (names both statuses in Vietnamese; `issues` list the allowed events),
 *   `INVALID_EVENT`, `INVALID_DOSSIER`, `EVENT_OUT_OF_ORDER`, `EXTENSION_ALREADY_USED`, `CLOSURE_TOO_EARLY`,
 *   `CLOSURE_NOT_IN_REGIME`, `INVALID_DATE`.
 * @example
 * ```ts
 * let d = createDossier({ id: 'HS-1', procedureCode: '1.000358', channel: 'direct', processingDays: 5, policy: 'restart', submittedAt: '2026-02-13 16:00' });
 * d = applyDossierEvent(d, { type: 'received', at: '2026-02-13 16:00' }, { calendar });
 * d.dueDay; // '2026-03-02' (counted from Mon 23/02 after Tết)
 * ```
 */
export function applyDossierEvent(dossier: Dossier, event: DossierEvent, options: DossierOptions = {}): Dossier {
  const d = parseWith(dossierSchema, dossier, 'INVALID_DOSSIER', 'Hồ sơ không hợp lệ / invalid dossier state');
  const e = parseWith(dossierEventSchema, event, 'INVALID_EVENT', 'Sự kiện hồ sơ không hợp lệ / invalid dossier event');
  const calendar = options.calendar ?? civilServiceCalendar();
  const at = readInstant(e.at, 'at');
  const rule = DOSSIER_TRANSITIONS[e.type];
  if (!rule.from.includes(d.status)) {
    const allowed = allowedDossierEvents(d);
    const to = rule.to === 'same' ? rule.from[0]! : rule.to;
    const toStatus = e.type === 'refused' && d.status === 1 ? 3 : to;
    fail(
      'INVALID_TRANSITION',
      `Không thể chuyển hồ sơ từ trạng thái ${label(d.status)} sang ${label(toStatus)} bằng sự kiện "${e.type}"; sự kiện hợp lệ: ${allowed.join(', ') || 'không có (trạng thái kết thúc)'} / ` +
        `invalid transition from ${d.status} (${getDossierStatus(d.status).nameEn}) to ${toStatus} (${getDossierStatus(toStatus).nameEn}) by "${e.type}"; allowed: ${allowed.join(', ') || 'none (terminal status)'}`,
      allowed.length > 0 ? allowed.map((a) => issue('allowed_event', ['type'], a)) : [issue('terminal_status', ['status'], `status ${d.status} is terminal`)],
    );
  }
  if (at.iso < d.lastEventAt) {
    fail('EVENT_OUT_OF_ORDER', `Sự kiện trước sự kiện cuối (${d.lastEventAt}) / event at ${at.iso} is before the dossier's last event ${d.lastEventAt}`, [issue('event_out_of_order', ['at'], `must be on or after ${d.lastEventAt}`)]);
  }
  const next: Dossier = { ...d, supplements: d.supplements.map((s) => ({ ...s })), steps: [...d.steps], history: [...d.history] };
  const to = targetOf(e.type, d);
  const count = () => computeStartDay(at.iso, d.channel, { ...d.startDay, calendar });

  switch (e.type) {
    case 'submitted':
      break; // unreachable: no status allows it (the dossier is created by the submission)
    case 'received': {
      next.regime = oneStopRegimeOnDay(at.day).id satisfies OneStopRegimeId;
      next.receivedAt = at.iso;
      const s = e.countFrom === undefined ? count() : computeStartDay(readInstant(e.countFrom, 'countFrom').iso, d.channel, { ...d.startDay, calendar });
      if (e.countFrom !== undefined && readInstant(e.countFrom, 'countFrom').iso < at.iso) {
        fail('INVALID_EVENT', 'countFrom không được trước thời điểm tiếp nhận / countFrom must not be before the receipt', [issue('count_from_before_receipt', ['countFrom'], 'must be on or after at')]);
      }
      next.clockStartDay = s.startDay;
      next.dueDay = calendar.addWorkingDays(s.startDay, d.processingDays);
      next.originalDueDay = next.dueDay;
      break;
    }
    case 'handedOver':
      next.steps.push({ from: e.from, to: e.to, at: at.iso, dueDay: e.stepDueDay ?? null });
      break;
    case 'supplementRequested':
      next.supplements.push({ stage: d.status === 1 ? 'reception' : 'appraisal', requestedAt: at.iso, suppliedAt: null, pausedDays: 0 });
      break;
    case 'supplemented': {
      const open = next.supplements.at(-1)!;
      open.suppliedAt = at.iso;
      if (open.stage === 'appraisal' && d.dueDay !== null) {
        if (d.policy === 'restart') {
          const s = count();
          next.clockStartDay = s.startDay;
          next.dueDay = calendar.addWorkingDays(s.startDay, d.processingDays);
        } else {
          open.pausedDays = Math.max(0, calendar.workingDaysBetween(open.requestedAt.slice(0, 10), at.day));
          next.dueDay = calendar.addWorkingDays(d.dueDay, open.pausedDays);
        }
      }
      break;
    }
    case 'refused':
      next.endedAt = at.iso;
      next.outcome = d.status === 1 ? 'refusedAtReception' : 'notEligible';
      next.reason = e.reason;
      break;
    case 'financialObligationRequested':
      next.financialRequestedAt = at.iso;
      break;
    case 'financialObligationFulfilled':
      break;
    case 'withdrawn':
      next.reason = e.reason ?? null;
      break;
    case 'stopped':
      next.endedAt = at.iso;
      next.outcome = d.status === 7 ? 'withdrawn' : 'stopped';
      next.reason = e.reason;
      break;
    case 'closed': {
      if (d.regime !== 'nd118-2025') {
        fail('CLOSURE_NOT_IN_REGIME', 'NĐ 61/2018 không có quy định đóng hồ sơ sau 15 ngày; dùng "stopped" / the 15-day closure (NĐ 118/2025 Điều 19 k5) does not apply to a dossier under NĐ 61/2018; use "stopped"');
      }
      const last = supplementDeadline(d, { calendar })!;
      if (at.day <= last) {
        fail('CLOSURE_TOO_EARLY', `Chưa hết thời hạn bổ sung (đến hết ngày ${last}) / the supplement period runs until the end of ${last}; closure is allowed from the next day`, [issue('closure_too_early', ['at'], `allowed after ${last}`)]);
      }
      next.endedAt = at.iso;
      next.outcome = 'supplementNotReceived';
      next.reason = 'Không bổ sung hồ sơ trong thời hạn (NĐ 118/2025/NĐ-CP Điều 19 khoản 5)';
      break;
    }
    case 'apologyIssued': {
      if (d.extension !== null) {
        fail('EXTENSION_ALREADY_USED', `Ngày hẹn trả chỉ được điều chỉnh một lần (đã điều chỉnh ngày ${d.extension.at.slice(0, 10)}) / the due date may be re-set only once (NĐ 61/2018 Điều 19 k9; NĐ 118/2025 Điều 19 k6)`);
      }
      if (d.dueDay === null) fail('INVALID_EVENT', 'Hồ sơ chưa có ngày hẹn trả / the dossier has no due date to extend');
      if (e.newDueDay <= d.dueDay) {
        fail('INVALID_EVENT', `Ngày hẹn mới phải sau ngày hẹn hiện tại ${d.dueDay} / newDueDay ${e.newDueDay} must be after the current due day ${d.dueDay}`, [issue('not_after_due_day', ['newDueDay'], `must be after ${d.dueDay}`)]);
      }
      next.extension = { at: at.iso, fromDay: d.dueDay, toDay: e.newDueDay, reason: e.reason, late: at.day > addDays(d.dueDay, -1) };
      next.dueDay = e.newDueDay;
      break;
    }
    case 'processed':
      next.processedAt = at.iso;
      break;
    case 'resultReturned':
      next.endedAt = at.iso;
      next.outcome = 'returned';
      break;
  }
  next.status = to;
  next.lastEventAt = at.iso;
  next.history.push({ type: e.type, at: at.iso, from: d.status, to });
  return next;
}

/**
 * Folds events over a new dossier: the dossier is created at submission — from `init.submittedAt`, or from a first
 * `submitted` event — then {@link applyDossierEvent} applies each event in order.
 *
 * @throws the errors of {@link createDossier} and {@link applyDossierEvent}; `INVALID_EVENT` when the submission time
 *   is given twice or not at all.
 * @example
 * ```ts
 * foldDossierEvents({ id: 'HS-1', procedureCode: '1.000358', channel: 'direct', processingDays: 5, policy: 'restart' }, [
 *   { type: 'submitted', at: '2026-03-02 08:55' },
 *   { type: 'received', at: '2026-03-02 09:00' },
 *   { type: 'handedOver', at: '2026-03-02 10:00', from: 'Một cửa', to: 'Phòng Kinh tế' },
 * ]).status; // 4
 * ```
 */
export function foldDossierEvents(
  init: Omit<DossierInit, 'submittedAt'> & { submittedAt?: DossierInit['submittedAt'] },
  events: Iterable<DossierEvent>,
  options: DossierOptions = {},
): Dossier {
  let d: Dossier | undefined = init.submittedAt === undefined ? undefined : createDossier(init as DossierInit);
  for (const e of events) {
    if (d === undefined) {
      if (e === null || typeof e !== 'object' || e.type !== 'submitted') {
        fail('INVALID_EVENT', 'Thiếu thời điểm nộp hồ sơ / the first event must be "submitted" when init has no submittedAt', [issue('missing_submission', ['submittedAt'], 'expected submittedAt or a first "submitted" event')]);
      }
      d = createDossier({ ...init, submittedAt: e.at });
      continue;
    }
    if (e !== null && typeof e === 'object' && e.type === 'submitted' && d.history.length === 0 && init.submittedAt !== undefined) {
      fail('INVALID_EVENT', 'Thời điểm nộp hồ sơ được cho hai lần / submittedAt is given in init and as a "submitted" event', [issue('duplicate_submission', ['submittedAt'], 'give it once')]);
    }
    d = applyDossierEvent(d, e, options);
  }
  if (d === undefined) fail('INVALID_EVENT', 'Không có thời điểm nộp hồ sơ / no submission time (init.submittedAt or a "submitted" event)');
  return d;
}

/**
 * Whether a dossier is in a terminal status (3, 8, 10).
 *
 * @example
 * ```ts
 * isDossierClosed(d); // false while in process
 * ```
 */
export function isDossierClosed(dossier: Pick<Dossier, 'status'>): boolean {
  return isTerminalStatus(dossier.status);
}
