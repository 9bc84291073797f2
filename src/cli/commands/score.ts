import { criteriaSets, rank, score, toCsv, toXlsx, type UnitInputs } from '../../scoring/index.js';
import { t, table } from '../format.js';
import { InputFileError, UsageError, type CliIo, type CliLang } from '../io.js';
import type { Progress } from '../progress.js';
import type { CommandResult } from './types.js';

/**
 * `vn-egov score --set qd766 inputs.json [--period 2026-08] [--xlsx out.xlsx] [--csv out.csv]`
 * inputs.json: `{ "period": "2026-08", "units": [UnitInputs, …] }` or a bare array of UnitInputs.
 */
export async function scoreCommand(positionals: string[], values: Record<string, unknown>, lang: CliLang, io: CliIo, progress: Progress): Promise<CommandResult> {
  const setName = (values.set as string | undefined) ?? 'qd766';
  if (!Object.hasOwn(criteriaSets, setName)) throw new UsageError(`--set must be one of ${Object.keys(criteriaSets).join(', ')}`);
  const set = criteriaSets[setName as keyof typeof criteriaSets];
  const file = positionals[0];
  if (file === undefined) throw new UsageError('missing the inputs JSON file');
  if (!io.readFile) throw new UsageError('this environment cannot read files');
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(file)));
  } catch (e) {
    throw new InputFileError(file, e);
  }
  const units = (Array.isArray(doc) ? doc : (doc as { units?: unknown })?.units) as UnitInputs[] | undefined;
  const period = (values.period as string | undefined) ?? (doc as { period?: string })?.period;
  if (!Array.isArray(units)) throw new InputFileError(file, new Error('expected { "units": [...] } or an array of units'));
  if (period === undefined) throw new UsageError('missing the period: --period 2026-08 or "period" in the file');
  progress.update(t(lang, `Chấm điểm ${units.length} đơn vị`, `Scoring ${units.length} units`));
  const results = score(set, units, { period, explain: 'data' });
  progress.update(t(lang, 'Xếp hạng', 'Ranking'));
  const ranking = rank(results, { precision: 2 });
  if (typeof values.xlsx === 'string') {
    progress.update(`${t(lang, 'Ghi', 'Writing')} ${values.xlsx}`);
    await writeOut(io, values.xlsx, toXlsx(results, { ranking }));
  }
  if (typeof values.csv === 'string') {
    progress.update(`${t(lang, 'Ghi', 'Writing')} ${values.csv}`);
    await writeOut(io, values.csv, toCsv(results, { ranking }));
  }
  progress.done();
  const rows = ranking.map((e) => [
    e.ranked ? `${e.rank}${e.tied ? '=' : ''}` : '--',
    e.unitName ?? e.unitId,
    e.value === null ? t(lang, 'không xếp hạng', 'not ranked') : e.value.toFixed(2),
  ]);
  return {
    json: { set: setName, period, ranking, results },
    text: [`${lang === 'vi' ? set.name.vi : set.name.en} — ${period}`, table([[t(lang, 'Hạng', 'Rank'), t(lang, 'Đơn vị', 'Unit'), t(lang, 'Điểm', 'Points')], ...rows])].join('\n'),
  };
}

async function writeOut(io: CliIo, path: string, data: Uint8Array | string): Promise<void> {
  if (!io.writeFile) throw new UsageError('this environment cannot write files');
  await io.writeFile(path, data);
}
