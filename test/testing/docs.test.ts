/**
 * Every name exported by src/testing/index.ts has TSDoc with an `@example` at its declaration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src/testing');
const index = readFileSync(join(root, 'index.ts'), 'utf8');

function exportsOf(text: string): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'\.\/([^']+)\.js'/g)) {
    for (const raw of m[1]!.split(',')) {
      const name = raw.trim().replace(/^type\s+/, '');
      if (name) out.push({ name, file: `${m[2]}.ts` });
    }
  }
  return out;
}

describe('vn-egov/testing documentation', () => {
  const names = exportsOf(index);

  it('exports the public surface', () => {
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining([
      'createTestPki', 'issueCertificate', 'createCrl', 'createOcspResponse', 'createTimestampToken', 'createSeededRandom',
      'createOutgoingDocuments', 'createIncomingDocuments', 'createDossierFixture', 'TestingErrorCode',
    ]));
  });

  it.each(exportsOf(index).map((n) => [n.name, n.file]))('%s has TSDoc with @example', (name, file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const decl = new RegExp(`^export (?:async )?(?:function|const|interface|type|class) ${name}\\b`, 'm').exec(text);
    expect(decl, `${name} declared in ${file}`).not.toBeNull();
    const before = text.slice(0, decl!.index);
    const end = before.lastIndexOf('*/');
    const start = before.lastIndexOf('/**');
    expect(end > start && before.slice(end + 2).trim() === '', `${name} has a doc comment right above it`).toBe(true);
    expect(before.slice(start, end), name).toContain('@example');
  });
});
