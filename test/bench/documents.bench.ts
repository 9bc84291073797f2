/**
 * parseDocumentNumber (full validation: shape, number, year, symbol groups, catalog lookup, canonical form, warnings)
 * against a bare regex that only splits number / year / symbol, on the same inputs in the same run.
 * Run: npx tsx test/bench/documents.bench.ts
 */
import { parseDocumentNumber, parseOrganizationCode } from '../../src/documents/index.js';
import { measure, report } from './harness.js';

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
  const candidate = measure('parseDocumentNumber (clean input)', (i) => parseDocumentNumber(clean[i % N]!).number, 200_000);
  const baseline = measure('bare regex exec (clean input)', (i) => BARE.exec(clean[i % N]!)?.[1], 200_000);
  Object.assign(ratios, report('parseDocumentNumber vs bare regex: clean numbers', candidate, [baseline]));
}
{
  const candidate = measure('parseDocumentNumber (pasted: "Số:", spaces, NFD)', (i) => parseDocumentNumber(pasted[i % N]!).number, 100_000);
  const baseline = measure('bare regex exec (pasted)', (i) => BARE_PASTED.exec(pasted[i % N]!)?.[1], 100_000);
  report('parseDocumentNumber vs bare regex: pasted numbers', candidate, [baseline]);
}
{
  const codes = ['000.00.00.G22', '000.00.53.H48', '000.01.01.H53', '000.00.01.A53'];
  const candidate = measure('parseOrganizationCode', (i) => parseOrganizationCode(codes[i % 4]!).unitLevel, 200_000);
  const baseline = measure('bare regex test', (i) => /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/.test(codes[i % 4]!), 200_000);
  report('parseOrganizationCode vs bare regex', candidate, [baseline]);
}
const slowdown = 1 / (Object.values(ratios)[0] ?? 1);
console.log(`\nparseDocumentNumber on clean input costs ${slowdown.toFixed(2)}× the bare regex (goal: ≤ 2×).`);
