/**
 * Writes the JSON Schema of the scoring result document to test/fixtures/scoring/result-schema.json (the
 * committed copy that a test compares with, so that a change of the result format is always deliberate).
 * Run: npx tsx scripts/scoring-result-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { resultJsonSchema } from '../src/scoring/index.js';

writeFileSync(new URL('../test/fixtures/scoring/result-schema.json', import.meta.url), JSON.stringify(resultJsonSchema(), null, 2) + '\n');
console.log('wrote test/fixtures/scoring/result-schema.json');
