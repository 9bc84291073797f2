/**
 * parseDocumentNumber (full validation: shape, number, year, symbol groups, catalog lookup, canonical form, warnings)
 * against a bare regex that only splits number / year / symbol, on the same inputs in the same run.
 * Run: npx tsx test/bench/documents.bench.ts
 */
import { parseDocumentNumber, parseOrganizationCode } from '../../src/documents/index.js';
import { measure, report, type Measurement } from './harness.js';

/**
 * Measures candidate and baseline alternately `times` times and keeps each one's best round, so that load from
 * other processes on a shared machine hits both sides alike.
 */
function pair(
  a: [string, (i: number) => unknown],
  b: [string, (i: number) => unknown],
  iterations: number,
  times = 5,
): [Measurement, Measurement] {
  let best: [Measurement | undefined, Measurement | undefined] = [undefined, undefined];
  for (let t = 0; t < times; t++) {
    const ma = measure(a[0], a[1], iterations);
    const mb = measure(b[0], b[1], iterations);
    best = [
      best[0] === undefined || ma.opsPerSec > best[0].opsPerSec ? ma : best[0],
      best[1] === undefined || mb.opsPerSec > best[1].opsPerSec ? mb : best[1],
    ];
  }
  return [best[0]!, best[1]!];
}

const issuers = ['UBND', 'BNV', 'SNV', 'STC', 'VPCP', 'BTTTT', 'HĐND', 'SGDĐT', 'TTg', 'CP'];
const types = ['QĐ', 'KH', 'TB', 'TTr', 'QyĐ', 'CTr', 'BC', 'HD', 'GM', 'CV'];
const clean: string[] = [];
for (let i = 0; i < 1000; i++) {
  const n = (i * 37) % 4000 + 1;
  const num = n < 10 ? `0${n}` : String(n);
  const issuer = issuers[i % issuers.length]!;
  const t = types[(i * 7) % types.length]!;
  if (i % 10 === 0) clean.push(`${num}/${2015 + (i % 11)}/NĐ-CP`);
  else if (i % 10 === 1) clean.push(`${num}/${2015 + (i % 11)}/TT-${issuer}`);
  else if (t === 'CV') clean.push(`${num}/${issuer}-VP`);
  else clean.push(`${num}/${t}-${issuer}`);
}
const pasted = clean.map((s, i) => (i % 3 === 0 ? `Số: ${s}` : i % 3 === 1 ? s.replace('/', ' / ') : s.normalize('NFD')));

const BARE = /^(\d+)\/(?:(\d{4})\/)?([^\s/]+)$/;
const BARE_PASTED = /^\s*(?:Số:?\s*)?(\d+)\s*\/\s*(?:(\d{4})\s*\/\s*)?([^/]+?)\s*$/;

const N = clean.length;
const ratios: Record<string, number> = {};
{
  const [candidate, baseline] = pair(
    ['parseDocumentNumber (clean input)', (i) => parseDocumentNumber(clean[i % N]!).number],
    ['bare regex exec (clean input)', (i) => BARE.exec(clean[i % N]!)?.[1]],
    200_000,
  );
  Object.assign(ratios, report('parseDocumentNumber vs bare regex: clean numbers', candidate, [baseline]));
}
{
  const [candidate, baseline] = pair(
    ['parseDocumentNumber (pasted: "Số:", spaces, NFD)', (i) => parseDocumentNumber(pasted[i % N]!).number],
    ['bare regex exec (pasted)', (i) => BARE_PASTED.exec(pasted[i % N]!)?.[1]],
    100_000,
  );
  report('parseDocumentNumber vs bare regex: pasted numbers', candidate, [baseline]);
}
{
  const codes = ['000.00.00.G22', '000.00.53.H48', '000.01.01.H53', '000.00.01.A53'];
  const ORG = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
  const [candidate, baseline] = pair(
    ['parseOrganizationCode', (i) => parseOrganizationCode(codes[i % 4]!).unitLevel],
    ['bare regex test', (i) => ORG.test(codes[i % 4]!)],
    200_000,
  );
  report('parseOrganizationCode vs bare regex', candidate, [baseline]);
}
const slowdown = 1 / (Object.values(ratios)[0] ?? 1);
console.log(`\nparseDocumentNumber on clean input costs ${slowdown.toFixed(2)}× the bare regex (goal: ≤ 2×).`);
