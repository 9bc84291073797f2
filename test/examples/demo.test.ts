import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let trace = '';

// The README's first command ends with `npm run demo`: its trace must tell the key facts of the story.
beforeAll(() => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`demo exited with ${r.status}: ${r.stderr}`);
  trace = r.stdout;
}, 150_000);

describe('the demo trace (npm run demo)', () => {
  it('computes the due date over Tết from a Friday-afternoon receipt', () => {
    expect(trace).toContain('Received 2026-02-13T16:00:00+07:00 (Thứ sáu');
    expect(trace).toContain('Counting starts 2026-02-23');
    expect(trace).toContain('due date (ngày hẹn trả): 2026-03-16 (Thứ hai), provisional: false');
  });

  it('numbers the decision 15/QĐ-UBND', () => {
    expect(trace).toContain('Số: 15/QĐ-UBND');
  });

  it('verifies the signed envelope and the signed PDF, and catches a one-bit change', () => {
    expect(trace).toContain('validation issues: 0');
    expect(trace).toContain('verifyDocument: TOTAL_PASSED');
    expect(trace).toMatch(/edxml-envelope\s+TOTAL_PASSED/);
    expect(trace).toMatch(/edxml-attachment-pdf\s+TOTAL_PASSED .*CCCD 001234567890/);
    expect(trace).toContain('changed by one bit (envelope re-signed): TOTAL_FAILED / HASH_FAILURE');
  });

  it('answers with status 03 and closes the dossier on time', () => {
    expect(trace).toContain('answers with status 03 (Đã tiếp nhận)');
    expect(trace).toMatch(/status 10, due 2026-03-16, result returned: Đúng hạn/i);
  });

  it('scores and ranks the communes with a tie and an unranked unit', () => {
    expect(trace).toContain('Biểu số 06/VPCP/KSTT: received 7 (online 3, carried over 1); resolved 5 (early 3, on time 1, late 1); in process 2');
    expect(trace).toMatch(/ 1= xã Đông Anh\s+18\.50 \/ 20/);
    expect(trace).toMatch(/ 1= xã Phúc Thịnh\s+18\.50 \/ 20/);
    expect(trace).toMatch(/ 3 {2}xã Thư Lâm\s+11\.43 \/ 20 \(tiến độ giải quyết, chỉ số 2\.1\)/);
    expect(trace).toMatch(/-- xã Vĩnh Thanh\s+không xếp hạng \(chưa có dữ liệu\)/);
  });
});
