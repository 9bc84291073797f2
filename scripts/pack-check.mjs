// Checks the package as npm would publish it: `npm pack` contents (dist, README, LICENSE, package.json; no tests,
// fixtures, sources or maps of other files), then installs the tarball into an empty project and imports every
// subpath as ESM and requires it as CommonJS, and runs the `vn-egov` binary. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'vn-egov-pack-'));
try {
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const files = info.files.map((f) => f.path);
  const allowed = (p) => p.startsWith('dist/') || /^(README\.md|LICENSE|package\.json)$/i.test(p);
  const stray = files.filter((p) => !allowed(p));
  assert.deepEqual(stray, [], `files outside dist/ in the package: ${stray.join(', ')}`);
  const forbidden = files.filter((p) => /(^|\/)(test|tests|fixtures|__tests__|examples)\//.test(p) || /\.test\./.test(p));
  assert.deepEqual(forbidden, [], `tests or fixtures in the package: ${forbidden.join(', ')}`);
  for (const [sub, target] of Object.entries(pkg.exports)) {
    const paths = typeof target === 'string' ? [target] : Object.values(target).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
    for (const p of paths) assert.ok(files.includes(p.replace(/^\.\//, '')), `exports["${sub}"] → ${p} is not in the package`);
  }
  console.log(`npm pack: ${files.length} files, ${(info.size / 1024).toFixed(0)} KiB packed, ${(info.unpackedSize / 1024).toFixed(0)} KiB unpacked; only dist/, README, LICENSE, package.json`);

  // An empty consumer project: install the tarball (dependencies from the npm cache or registry), then load it.
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(work, info.filename)], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json').map((k) => k.replace(/^\./, 'vn-egov'));
  const esm = subpaths.map((s) => `import * as m${subpaths.indexOf(s)} from '${s}'; if (Object.keys(m${subpaths.indexOf(s)}).length === 0) throw new Error('${s}: no exports');`).join('\n');
  writeFileSync(join(app, 'esm.mjs'), `${esm}\nconst { addWorkingDays } = await import('vn-egov/calendar');\nif (addWorkingDays('2026-02-13', 1) !== '2026-02-23') throw new Error('calendar');\nconsole.log('esm ok');\n`);
  writeFileSync(join(app, 'cjs.cjs'), `for (const s of ${JSON.stringify(subpaths)}) { const m = require(s); if (Object.keys(m).length === 0) throw new Error(s + ': no exports'); }\nconst { parseDocumentNumber } = require('vn-egov/documents');\nif (parseDocumentNumber('15/QĐ-UBND').number !== 15) throw new Error('documents');\nconsole.log('cjs ok');\n`);
  const out = [execFileSync('node', ['esm.mjs'], { cwd: app, encoding: 'utf8' }), execFileSync('node', ['cjs.cjs'], { cwd: app, encoding: 'utf8' })].join('');
  assert.match(out, /esm ok[\s\S]*cjs ok/);
  const lunar = execFileSync(join(app, 'node_modules/.bin/vn-egov'), ['lunar', '2026-02-17', '--json'], { encoding: 'utf8' });
  assert.equal(JSON.parse(lunar).lunar?.day ?? JSON.parse(lunar).day, 1);
  console.log(`installed into an empty project: ${subpaths.length} subpaths import (ESM) and require (CJS); the vn-egov binary runs`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
