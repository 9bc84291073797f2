/**
 * Builds the yearly civil-service day-off schedules `src/calendar/schedules/civil-service-YYYY.ts` from the shared,
 * reviewed data file `../shared/data/domain/vn-civil-service-days-off-2019-2027.csv` (provenance in
 * `../shared/data/domain/SOURCES.txt`; sources per year in `../shared/specs/calendar.md` §2.2).
 *
 * Run: `npx tsx scripts/build-schedules.ts` (from the repository root, with ../shared beside it).
 * The output is committed and reviewed; `test/calendar/schedules.test.ts` checks it against the CSV again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = join(root, '..', 'shared', 'data', 'domain', 'vn-civil-service-days-off-2019-2027.csv');

/** Minimal RFC 4180 line splitter (quoted fields with commas). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function holidayOf(occasion: string): string {
  const o = occasion.toLowerCase();
  if (o.includes('tết dương lịch')) return 'new-year';
  if (o.includes('tết âm lịch')) return 'tet';
  if (o.includes('giỗ tổ')) return 'hung-kings';
  if (o.includes('lao động')) return 'labour-day';
  if (o.includes('chiến thắng') || o.includes('30/4')) return 'victory-day';
  if (o.includes('quốc khánh')) return 'national-day';
  if (o.includes('văn hóa')) return 'culture-day';
  throw new Error(`unknown occasion: ${occasion}`);
}

const SOURCES: Record<number, string[]> = {
  2019: [
    'Bộ luật Lao động 2012 (10/2012/QH13) Điều 115',
    'Thông báo 6519/VPCP-KGVX (2018) via python-holidays vacanza/holidays@c382fdec holidays/countries/vietnam.py',
  ],
  2020: ['Bộ luật Lao động 2012 Điều 115', 'python-holidays vacanza/holidays@c382fdec (observed rules)'],
  2021: ['Bộ luật Lao động 2019 (45/2019/QH14) Điều 112, Điều 111 k3', 'https://sggpnews.org.vn/culture_art/vietnams-public-holidays-in-2021-89687.html'],
  2022: ['Bộ luật Lao động 2019 Điều 112, Điều 111 k3', 'python-holidays vacanza/holidays@c382fdec'],
  2023: ['Bộ luật Lao động 2019 Điều 112, Điều 111 k3', 'python-holidays vacanza/holidays@c382fdec'],
  2024: [
    'Bộ luật Lao động 2019 Điều 112, Điều 111 k3',
    'Thông báo 2450/VPCP-KGVX (2024) via python-holidays vacanza/holidays@c382fdec',
    'https://m.btv.org.vn/tin-tuc/le-quoc-khanh-29-nguoi-lao-dong-duoc-nghi-4-ngay-lien-tiep-95086.html',
  ],
  2025: [
    'Bộ luật Lao động 2019 Điều 112, Điều 111 k3',
    'https://en.baochinhphu.vn/three-days-off-in-celebration-for-hung-kings-commemoration-day-111250304153250976.htm',
    'https://www.tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html',
  ],
  2026: [
    'Bộ luật Lao động 2019 Điều 112, Điều 111 k3',
    'Thông báo 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch 2026), reported by vietnamnet.vn',
    'https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html',
    'https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm',
    'Nghị quyết 28/2026/QH16 (Ngày Văn hóa Việt Nam 24/11); Thông báo 10065/VPCP-KGVX ngày 02/10/2026 (secondary)',
  ],
  2027: [
    'Thông báo 10065/VPCP-KGVX ngày 02/10/2026 (Tết Âm lịch, Quốc khánh 2027; secondary: press reports, notice not read)',
    'Bộ luật Lao động 2019 Điều 112, Điều 111 k3 (other 2027 days: projected, no notice yet)',
  ],
};

function main(): void {
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  const header = splitCsvLine(lines[0]!);
  const byYear = new Map<number, Record<string, string>[]>();
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    const yearInOccasion = /\b(20\d\d)\s*$/.exec(row.occasion!);
    const year = yearInOccasion ? Number(yearInOccasion[1]) : Number(row.date!.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push(row);
    byYear.set(year, list);
  }
  const written: number[] = [];
  for (const [year, rows] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const entries = rows.map((r) => ({
      date: r.date!,
      kind: r.kind!,
      holiday: holidayOf(r.occasion!),
      occasion: r.occasion!,
      source: r.basis_or_source!,
      confidence: r.confidence!,
    }));
    const covers = [...new Set(entries.filter((e) => e.kind !== 'swap_working_day').map((e) => e.holiday))];
    const schedule = {
      year,
      audience: 'civil-service',
      title: `Lịch nghỉ lễ, Tết năm ${year} của cán bộ, công chức, viên chức`,
      sources: SOURCES[year] ?? ['../shared/data/domain/vn-civil-service-days-off-2019-2027.csv'],
      covers,
      entries,
    };
    const body =
      `// Generated by scripts/build-schedules.ts from ../shared/data/domain/vn-civil-service-days-off-2019-2027.csv.\n` +
      `// Reviewed data: edit the CSV (or this file, then the CSV) when a notice changes, never the code.\n` +
      `import type { DayOffSchedule } from './schema.js';\n\n` +
      `/** Official day-off schedule ${year} for civil servants (lịch nghỉ lễ, Tết năm ${year}), with sources. */\n` +
      `export const civilService${year}: DayOffSchedule = ${JSON.stringify(schedule, null, 2)};\n`;
    writeFileSync(join(root, 'src', 'calendar', 'schedules', `civil-service-${year}.ts`), body);
    written.push(year);
  }
  const index =
    `// Generated by scripts/build-schedules.ts.\n` +
    written.map((y) => `import { civilService${y} } from './civil-service-${y}.js';`).join('\n') +
    `\nimport type { DayOffSchedule } from './schema.js';\n\n` +
    `/**\n * The official civil-service day-off schedules shipped with the library (${written[0]}–${written.at(-1)}), one per year,\n` +
    ` * each with its sources. Years after the last one use the statutory rules and are provisional.\n *\n` +
    ` * @example\n * \`\`\`ts\n * civilServiceSchedules.map((s) => s.year); // [${written.join(', ')}]\n * \`\`\`\n */\n` +
    `export const civilServiceSchedules: readonly DayOffSchedule[] = [${written.map((y) => `civilService${y}`).join(', ')}];\n`;
  writeFileSync(join(root, 'src', 'calendar', 'schedules', 'index.ts'), index);
  console.log(`wrote ${written.length} schedules: ${written.join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
