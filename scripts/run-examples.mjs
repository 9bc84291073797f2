// Runs every example under examples/ (files *.ts) with tsx; fails if any exits non-zero.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const files = readdirSync('examples').filter((f) => f.endsWith('.ts') && f !== 'demo.ts').sort(); // the demo has its own step (npm run demo)
let failed = 0;
for (const f of files) {
  console.log(`\n=== examples/${f} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `examples/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`examples/${f} FAILED (exit ${r.status})`);
  }
}
console.log(`\n${files.length - failed} of ${files.length} examples ran`);
process.exit(failed ? 1 : 0);
