/**
 * Builds the golden fixtures of `test/fixtures/procedures/` from the shared national-portal sample:
 * - `procedure-1.000358.json`: `fromNationalPortal(sample)` (procedure, unmapped fields, issues);
 * - `cpsv-ap-1.000358.jsonld`: `toCpsvAp(procedure)`.
 * Review the diff by hand before committing a regenerated fixture: the tests compare against these files.
 * Run: `npx tsx scripts/procedures-build-fixtures.ts`
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromNationalPortal, toCpsvAp } from '../src/procedures/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const out = join(root, 'test', 'fixtures', 'procedures');
mkdirSync(out, { recursive: true });
const sample = JSON.parse(readFileSync(join(shared, 'data/domain/dvcqg-procedure-1.000358.json'), 'utf8')) as unknown;
const imported = fromNationalPortal(sample);
writeFileSync(join(out, 'procedure-1.000358.json'), `${JSON.stringify(imported, null, 2)}\n`);
writeFileSync(join(out, 'cpsv-ap-1.000358.jsonld'), `${JSON.stringify(toCpsvAp(imported.procedure), null, 2)}\n`);
console.log(`wrote ${out}/procedure-1.000358.json and cpsv-ap-1.000358.jsonld`);
