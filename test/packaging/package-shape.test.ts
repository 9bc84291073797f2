import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries } from '../../tsup.config.js';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('package shape', () => {
  it('has one subpath export per capability, each built by tsup and documented by typedoc', () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
    const expected = ['.', ...['calendar', 'text', 'documents', 'procedures', 'edxml', 'signature', 'scoring', 'testing', 'cli', 'node'].map((m) => `./${m}`)];
    expect(subpaths.sort()).toEqual(expected.sort());
    for (const s of subpaths) {
      const name = s === '.' ? 'index' : s.slice(2);
      expect(entries).toHaveProperty(name);
      expect(pkg.exports[s]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
    const typedoc = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8'));
    for (const [name, src] of Object.entries(entries)) if (name !== 'cli') expect(typedoc.entryPoints).toContain(src);
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.type).toBe('module');
  });

  it('pins the runtime dependencies the design names, and nothing else', () => {
    // fflate: zip container of the .xlsx export (scoring); small, dependency-free, well kept.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['asn1js', 'date-fns', 'fast-xml-parser', 'fflate', 'pkijs', 'zod']);
    for (const v of Object.values({ ...pkg.dependencies, ...pkg.devDependencies })) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.overrides).toEqual({ rollup: '4.67.4', vite: '8.3.8' });
  });

  it('keeps the core browser-safe: no Node built-ins, Buffer or process outside Node-only entry points', () => {
    const nodeOnly = ['src/node/', 'src/cli/'];
    const offenders: string[] = [];
    for (const file of walk(join(root, 'src'))) {
      const rel = relative(root, file).replaceAll('\\', '/');
      if (!rel.endsWith('.ts') || nodeOnly.some((p) => rel.startsWith(p))) continue;
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const [what, re] of [
        ['node: import', /from\s+['"]node:|from\s+['"](fs|path|crypto|stream|buffer|os|child_process)['"]/],
        ['Buffer', /\bBuffer\./],
        ['process', /\bprocess\.(env|argv|exit|cwd|platform|stdout|stderr)/],
        ['require()', /\brequire\(/],
      ] as const) {
        if (re.test(code)) offenders.push(`${rel}: ${what}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
