import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/scoring/', import.meta.url).pathname;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/scoring runs in browsers', () => {
  const all = files(root);
  it('has source files', () => expect(all.length).toBeGreaterThan(15));
  for (const f of all) {
    it(`${f.slice(root.length)} uses no Node APIs`, () => {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\s*\.|\bDate\.now\(|new Date\(\)/);
      expect(code).not.toMatch(/from ['"](fs|path|os|crypto|stream)['"]/);
    });
  }
});
