/**
 * Scores ten communes for August 2026 with the QĐ 766 criteria set, ranks them (standard competition ranking at
 * 2 decimals, "không xếp hạng" for a commune with no data), prints the table and one explanation, and writes the
 * workbook (one sheet per group) and a CSV to a temporary directory. The commune figures are illustrative.
 * Run: npx tsx examples/scoring-communes.ts
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { criteriaSets, rank, score, toCsv, toXlsx, type UnitInputs } from 'vn-egov/scoring';

const names = ['Xuân Lũng', 'Tiên Kiên', 'Sơn Vi', 'Hy Cương', 'Phù Ninh', 'Trạm Thản', 'Chân Mộng', 'Hạ Hòa', 'Thanh Ba', 'Cẩm Khê'];

// Illustrative monthly figures: dossiers received / on time, satisfaction, petitions (PAKN), digitisation, payment.
const communes: UnitInputs[] = names.map((name, i) => {
  const received = 600 + 97 * i;
  return {
    unitId: `xa-${i + 1}`,
    unitName: `xã ${name}`,
    level: 'commune',
    values:
      i === 9
        ? {} // no data reported this month: not scored, not ranked
        : {
            totalReceived: received,
            totalOnTime: Math.round(received * (0.82 + ((i * 7) % 15) / 100)),
            satisfiedDossiers: Math.round(received * (0.75 + ((i * 5) % 20) / 100)),
            petitions: i % 4,
            petitionsOnTime: i % 4,
            petitionsSatisfied: Math.max(0, (i % 4) - (i % 2)),
            dossiersWithElectronicResult: Math.round(received * 0.6),
            dossiersRequiringResult: received,
            digitisedDossiers: Math.round(received * (0.3 + i / 40)),
            reusedDataDossiers: Math.round(received * 0.1),
            personalStorageDossiers: 0,
            citizenDataDossiers: Math.round(received * 0.45),
            citizenDataProcedures: 40 + i,
            citizenProcedures: 120,
            totalDossierOnlinePaymentSuccess: 40 + 3 * i,
            totalDossierFinancialObligation: 60 + 2 * i,
            totalDossierOnlineFormalityPaymentSuccess: 5 + (i % 3),
            totalFeeFormality: 25,
            totalFeeDossierFormality: 10,
          },
  };
});
// Two communes with identical figures, to show a tie (1, 2, 2, 4).
communes[4] = { ...communes[3]!, unitId: 'xa-5', unitName: 'xã Phù Ninh' };

const results = score(criteriaSets.qd766, communes, { period: '2026-08' });
const ranking = rank(results, { precision: 2 });

console.log('Bảng xếp hạng chỉ số 766, tháng 08/2026 (số liệu minh họa)');
for (const e of ranking) {
  const rankText = e.ranked ? String(e.rank).padStart(2) + (e.tied ? '=' : ' ') : '--';
  console.log(`${rankText} ${(e.unitName ?? e.unitId).padEnd(16)} ${e.value === null ? 'không xếp hạng (chưa có dữ liệu)' : e.value.toFixed(2)}`);
}

const first = results.find((r) => r.unitId === ranking[0]!.unitId)!;
const onTime = first.groups.find((g) => g.id === 'progress')!.indicators[0]!;
console.log(`\n${first.unitName}, chỉ số ${onTime.number}: ${onTime.explanation?.vi}`);
console.log(`${first.unitName}, indicator ${onTime.number}: ${onTime.explanation?.en}`);

const dir = mkdtempSync(join(tmpdir(), 'vn-egov-scoring-'));
const xlsx = join(dir, 'chi-so-766-thang-08-2026.xlsx');
const csv = join(dir, 'chi-so-766-thang-08-2026.csv');
writeFileSync(xlsx, toXlsx(results, { ranking }));
writeFileSync(csv, toCsv(results, { ranking }));
console.log(`\nWorkbook: ${xlsx}\nCSV: ${csv}`);

// Sanity checks so that the example fails loudly if something regresses.
if (ranking.length !== 10 || ranking.at(-1)!.ranked) throw new Error('expected ten communes, the last one not ranked');
if (ranking.filter((e) => e.tied).length !== 2) throw new Error('expected one tie');
