import { issue, type EdxmlIssue } from './errors.js';
import { isKnownStatusCode, receiverStatusFlow, type EdxmlStatusCode } from './status-codes.js';

/**
 * A status code the receiving agency sends (01–06), i.e. every status code except the sender's 13, 15 and 16.
 * @example
 * ```ts
 * const previous: ReceiverCode = '03';
 * checkStatusTransition(previous, '04'); // null: allowed
 * ```
 */
export type ReceiverCode = Exclude<EdxmlStatusCode, '13' | '15' | '16'>;

/**
 * Whether a receiver-side status may follow the previous receiver-side status sent for the same document and
 * recipient, by the flow of specs/edxml.md §5.3 (**unverified**: assembled from the table of §5.2): 01 → 02 | 03,
 * 03 → 04 → 05 (repeatable) → 06. Codes 13, 15 and 16 (recall and its answers; 15/16 also answer revoke, update and
 * replace packages) stand outside this chain and are always accepted here. Returns `null` when allowed.
 *
 * @example
 * ```ts
 * checkStatusTransition('03', '04'); // null (allowed)
 * checkStatusTransition('01', '06')?.code; // 'unexpected_status_transition'
 * ```
 */
export function checkStatusTransition(previous: ReceiverCode | null, next: string): EdxmlIssue | null {
  if (!isKnownStatusCode(next)) return issue('unknown_status_code', [], 'warning', `Mã trạng thái lạ / status code ${JSON.stringify(next)} is used by no known source`);
  if (next === '13' || next === '15' || next === '16') return null;
  return receiverStatusFlow[previous ?? 'start'].includes(next)
    ? null
    : issue(
        'unexpected_status_transition',
        [],
        'warning',
        `Không nên chuyển ${previous ?? '(đầu)'} → ${next} / status ${next} after ${previous ?? 'nothing'} is outside the flow 01 → 02|03 → 04 → 05… → 06 (unverified, specs/edxml.md §5.3)`,
      );
}

/**
 * Checks the status codes sent for one document and one recipient, in order; one issue per step outside the flow
 * (path = index in the list), and a 15/16 answering a recall that was never requested is noted as `info` (it may
 * answer a revoke/update/replace package instead). Advisory: the flow itself is unverified.
 *
 * @example
 * ```ts
 * validateStatusFlow(['01', '03', '04', '05', '05', '06']); // []
 * validateStatusFlow(['01', '05'])[0].path; // [1]
 * ```
 */
export function validateStatusFlow(codes: readonly string[]): EdxmlIssue[] {
  const issues: EdxmlIssue[] = [];
  let state: ReceiverCode | null = null;
  let recallOpen = false;
  codes.forEach((c, i) => {
    const found = checkStatusTransition(state, c);
    if (found !== null) issues.push({ ...found, path: [i] });
    if (!isKnownStatusCode(c)) return;
    if (c === '13') recallOpen = true;
    else if (c === '15' || c === '16') {
      if (!recallOpen) issues.push(issue('answer_without_request', [i], 'info', `Trạng thái ${c} không trả lời yêu cầu 13 nào / status ${c} with no recall (13) before it: it must answer a revoke/update/replace package`));
      recallOpen = false;
    } else state = c;
  });
  return issues;
}
