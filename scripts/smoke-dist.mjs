// Smoke test of the built package as consumers load it: ESM import and CommonJS require of every subpath,
// through the package's own exports map (self-reference by name), and one real call each for the calendar.
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const subpaths = ['', '/calendar', '/text', '/documents', '/procedures', '/edxml', '/signature', '/scoring', '/testing', '/cli', '/node'];
for (const s of subpaths) {
  const esm = await import(`vn-egov${s}`);
  const cjs = require(`vn-egov${s}`);
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).filter((k) => k !== 'default' && k !== '__esModule').sort(), `exports of vn-egov${s}`);
}
const esmCal = await import('vn-egov/calendar');
const cjsCal = require('vn-egov/calendar');
for (const cal of [esmCal, cjsCal]) {
  assert.equal(cal.addWorkingDays('2026-02-13', 1), '2026-02-23');
  assert.deepEqual(cal.solarToLunar('2026-02-17'), { year: 2026, month: 1, day: 1, leap: false });
}
const root = await import('vn-egov');
try {
  root.calendar.addWorkingDays('2026-02-30', 1);
  assert.fail('no error');
} catch (e) {
  assert.ok(e instanceof root.VnEgovError, 'the calendar entry throws the root VnEgovError (one shared class)');
  assert.equal(e.code, 'INVALID_DATE');
}
console.log(`dist smoke test: ${subpaths.length} subpaths load as ESM and CJS; calendar calls agree`);
