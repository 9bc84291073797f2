// Bundles each browser-facing entry point with esbuild for the browser (minified ESM) and prints its size,
// raw and gzipped, with the runtime dependencies bundled in and left external. esbuild fails when an entry
// reaches a Node built-in, so this doubles as the "core runs in browsers" build check.
// Then it enforces the size budgets (min+gz, dependencies external) and checks tree-shaking: what a
// subpath pulls in when bundled with its dependencies (e.g. `vn-egov/calendar` must not pull pkijs).
// Run: `node scripts/size.mjs [entry ...]` (default: all library entries except the CLI; budgets only then).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const all = ['index', 'calendar', 'text', 'documents', 'procedures', 'edxml', 'signature', 'scoring', 'testing'];
const src = (n) => (n === 'index' ? 'src/index.ts' : `src/${n}/index.ts`);
const entries = process.argv.slice(2).length ? process.argv.slice(2) : all;
const deps = ['zod', 'date-fns', 'fast-xml-parser', 'pkijs', 'asn1js', 'fflate'];

/**
 * Budgets in KiB of min+gzip with the runtime dependencies external. `calendar (code)` is the calendar without
 * its yearly day-off schedules (reviewed data, about 1 KiB gzipped per year, stubbed for that measure). Issue 9
 * suggests 8 KB for it; the code measures 12.0 KB because the lunar calendar is computed from astronomy (new
 * moons and solar terms, about 3 KB) rather than read from a table, and the statutory-holiday rules and the
 * work-calendar options are code: the budget is set at the measured size and the gap is recorded, not hidden.
 * Other budgets are the measured size of this release plus about 10 %, so growth is a decision, not an accident.
 */
const BUDGETS = {
  'calendar (code)': 12.5,
  calendar: 16,
  text: 1,
  documents: 19,
  procedures: 41,
  edxml: 40,
  signature: 120,
  scoring: 30,
  testing: 85,
  index: 240,
};

/** What each subpath may pull in when bundled with its dependencies (tree-shaking check). */
const FORBIDDEN = {
  calendar: ['pkijs', 'asn1js', 'fast-xml-parser', 'fflate', 'src/signature/', 'src/edxml/', 'src/scoring/'],
  text: ['zod', 'pkijs', 'asn1js', 'fast-xml-parser', 'fflate', 'date-fns'],
  documents: ['pkijs', 'asn1js', 'fast-xml-parser', 'fflate', 'src/signature/', 'src/edxml/'],
  procedures: ['pkijs', 'asn1js', 'fast-xml-parser', 'fflate', 'src/signature/', 'src/edxml/'],
  edxml: ['pkijs', 'asn1js', 'fflate', 'src/signature/', 'src/scoring/'],
  signature: ['pkijs', 'src/scoring/', 'src/testing/'],
  scoring: ['pkijs', 'asn1js', 'src/signature/', 'src/edxml/'],
};

/** Replaces the generated schedule files with empty schedules (for the "calendar (code)" measure). */
const stubSchedules = {
  name: 'stub-schedules',
  setup(b) {
    b.onLoad({ filter: /schedules[\\/]civil-service-\d{4}\.ts$/ }, (args) => {
      const year = /(\d{4})\.ts$/.exec(args.path)[1];
      return { loader: 'ts', contents: `export const civilService${year} = { year: ${year}, audience: 'civil-service', title: '', sources: [], covers: [], entries: [] };` };
    });
  },
};

async function bundle(entry, external, plugins = []) {
  const r = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022',
    write: false, external, plugins, metafile: true, logLevel: 'silent',
  });
  const code = r.outputFiles[0].contents;
  return { raw: code.length, gz: gzipSync(code, { level: 9 }).length, inputs: Object.keys(r.metafile.inputs) };
}

let failed = 0;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const measured = {};
console.log('entry'.padEnd(16), 'min (deps external)'.padStart(22), 'min+gz'.padStart(9), '|', 'min (all bundled)'.padStart(18), 'min+gz'.padStart(9));
for (const name of entries) {
  try {
    const ext = await bundle(src(name), deps);
    const full = await bundle(src(name), []);
    measured[name] = ext.gz;
    console.log(name.padEnd(16), kb(ext.raw).padStart(22), kb(ext.gz).padStart(9), '|', kb(full.raw).padStart(18), kb(full.gz).padStart(9));
    for (const bad of FORBIDDEN[name] ?? []) {
      const hits = full.inputs.filter((i) => i.includes(bad.startsWith('src/') ? bad : `node_modules/${bad}/`));
      if (hits.length) {
        failed++;
        console.error(`  tree-shaking: ${name} pulls ${bad} (${hits.slice(0, 3).join(', ')}${hits.length > 3 ? ', …' : ''})`);
      }
    }
  } catch (e) {
    failed++;
    console.error(`${name}: browser bundle failed: ${e.message}`);
  }
}
if (entries.includes('calendar')) {
  const code = await bundle(src('calendar'), deps, [stubSchedules]);
  measured['calendar (code)'] = code.gz;
  console.log('calendar (code)'.padEnd(16), kb(code.raw).padStart(22), kb(code.gz).padStart(9), '|', 'schedules stubbed');
}
console.log('\nbudgets (min+gz, dependencies external):');
for (const [name, limit] of Object.entries(BUDGETS)) {
  if (measured[name] === undefined) continue;
  const ok = measured[name] <= limit * 1024;
  if (!ok) failed++;
  console.log(`  ${ok ? 'ok  ' : 'OVER'} ${name.padEnd(16)} ${kb(measured[name]).padStart(9)} ≤ ${limit} KB`);
}
console.log(failed ? `\n${failed} size or tree-shaking problem(s)` : '\nall budgets met, no forbidden imports');
process.exit(failed ? 1 : 0);
