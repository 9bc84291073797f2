/**
 * `vn-egov/testing` runs in browsers: no `node:*` imports, no `Buffer`, no `process` anywhere under src/testing, and
 * only the other modules' public `index.ts` entry points are imported across modules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src/testing');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Source text without comments and string contents of TSDoc examples (identifiers in code only). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('src/testing is browser-safe', () => {
  const all = files(root);

  it('has source files to check', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(all.map((f) => relative(root, f))).toEqual(expect.arrayContaining(['index.ts', 'test-pki.ts', 'errors.ts']));
  });

  it.each(files(root).map((f) => [relative(root, f), f]))('%s uses no node:*, Buffer or process', (_name, file) => {
    const text = code(readFileSync(file, 'utf8'));
    expect(text).not.toMatch(/from\s+['"]node:|import\(\s*['"]node:|require\(/);
    expect(text).not.toMatch(/from\s+['"](fs|path|os|crypto|child_process|url|util|stream|buffer)['"]/);
    expect(text).not.toMatch(/\bBuffer\b/);
    expect(text).not.toMatch(/\bprocess\b/);
  });

  it.each(files(root).map((f) => [relative(root, f), f]))('%s imports other modules only through their index.ts', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from\s+['"](\.\.?\/[^'"]+)['"]/g)) {
      const spec = m[1]!;
      const target = join(file, '..', spec);
      const rel = relative(root, target);
      if (!rel.startsWith('..')) continue; // inside src/testing
      expect(spec, `${relative(root, file)} imports ${spec}`).toMatch(/\/(signature|calendar|documents|procedures|edxml|scoring|errors|text)\/index\.js$/);
    }
  });
});
