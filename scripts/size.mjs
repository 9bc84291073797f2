// Bundles each browser-facing entry point with esbuild for the browser (minified ESM) and prints its size,
// raw and gzipped, with the runtime dependencies bundled in and left external. esbuild fails when an entry
// reaches a Node built-in, so this doubles as the "core runs in browsers" build check.
// Run: `node scripts/size.mjs [entry ...]` (default: all library entries except the CLI).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const all = ['index', 'calendar', 'text', 'documents', 'procedures', 'edxml', 'signature', 'scoring', 'testing'];
const src = (n) => (n === 'index' ? 'src/index.ts' : `src/${n}/index.ts`);
const entries = process.argv.slice(2).length ? process.argv.slice(2) : all;
const deps = ['zod', 'date-fns', 'fast-xml-parser', 'pkijs', 'asn1js', 'fflate'];
let failed = 0;
console.log('entry'.padEnd(12), 'min (deps external)'.padStart(22), 'min+gz'.padStart(9), '|', 'min (all bundled)'.padStart(18), 'min+gz'.padStart(9));
for (const name of entries) {
  const sizes = [];
  for (const external of [deps, []]) {
    try {
      const r = await build({
        entryPoints: [src(name)],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        external,
        logLevel: 'silent',
      });
      const code = r.outputFiles[0].contents;
      sizes.push([code.length, gzipSync(code, { level: 9 }).length]);
    } catch (e) {
      failed++;
      console.error(`${name}: browser bundle failed: ${e.message}`);
      sizes.push([NaN, NaN]);
    }
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    name.padEnd(12),
    kb(sizes[0][0]).padStart(22),
    kb(sizes[0][1]).padStart(9),
    '|',
    kb(sizes[1][0]).padStart(18),
    kb(sizes[1][1]).padStart(9),
  );
}
process.exit(failed ? 1 : 0);
