import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitCsvLine } from '../../scripts/build-schedules.js';

/** `../shared` beside the repository (CI provides it). */
export const SHARED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');

export function readSharedCsv(relative: string): Record<string, string>[] {
  const lines = readFileSync(join(SHARED, relative), 'utf8').trim().split(/\r?\n/);
  const header = splitCsvLine(lines[0]!);
  return lines.slice(1).map((l) => {
    const cells = splitCsvLine(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
