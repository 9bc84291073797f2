import {
  canChi,
  canChiOfDay,
  canChiOfMonth,
  createWorkCalendar,
  daysOff,
  lunarToSolar,
  solarToLunar,
  workingSaturdays,
  type WorkCalendarOptions,
} from '../../calendar/index.js';
import { weekdayName, t, table } from '../format.js';
import { UsageError, type CliLang } from '../io.js';
import type { CommandResult } from './types.js';

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${what}`);
  return value;
}

function integer(value: string | undefined, what: string): number {
  const v = need(value, what);
  if (!/^-?\d+$/.test(v)) throw new UsageError(`${what} must be an integer, got "${v}"`);
  return Number(v);
}

/** `vn-egov deadline --from "2026-02-13 16:00" --days 15 [--cutoff 15:00] [--extra-day-off D]...` */
export function deadlineCommand(values: Record<string, unknown>, lang: CliLang): CommandResult {
  const from = need(values.from as string | undefined, '--from');
  const days = integer(values.days as string | undefined, '--days');
  const options: WorkCalendarOptions = {};
  if (typeof values.cutoff === 'string') options.cutoff = values.cutoff === 'none' ? null : values.cutoff;
  if (Array.isArray(values['extra-day-off'])) options.extraDaysOff = values['extra-day-off'] as string[];
  if (Array.isArray(values['extra-working-day'])) options.extraWorkingDays = values['extra-working-day'] as string[];
  if (values.saturday === true) options.workingWeekdays = [1, 2, 3, 4, 5, 6];
  const d = createWorkCalendar(options).deadline(from, days);
  const reason: Record<typeof d.reason, [string, string]> = {
    'same-day': ['trong giờ, tính từ ngày tiếp nhận', 'within hours: counted from the day of receipt'],
    'after-cutoff': ['sau giờ tiếp nhận cuối (15:00): tính từ ngày làm việc tiếp theo', 'after the cut-off: counted from the next working day'],
    'after-hours': ['ngoài giờ làm việc: tính từ ngày làm việc tiếp theo', 'after office hours: counted from the next working day'],
    'not-a-working-day': ['ngày nghỉ: tính từ ngày làm việc tiếp theo', 'on a day off: counted from the next working day'],
  };
  const lines = [
    table([
      [`${t(lang, 'Tiếp nhận', 'Received')}:`, `${d.receivedAt} (${weekdayName(d.receivedDay, lang)})`],
      [`${t(lang, 'Bắt đầu tính', 'Counted from')}:`, `${d.startDay} (${weekdayName(d.startDay, lang)}): ${t(lang, reason[d.reason][0], reason[d.reason][1])}`],
      [`${t(lang, 'Thời hạn', 'Time limit')}:`, `${d.workingDays} ${t(lang, 'ngày làm việc', 'working days')}`],
      [`${t(lang, 'Ngày hẹn trả', 'Due date')}:`, `${d.dueDay} (${weekdayName(d.dueDay, lang)})`],
    ]),
  ];
  if (d.daysOffSkipped.length) {
    lines.push(`${t(lang, 'Ngày nghỉ bỏ qua', 'Days off skipped')}:`);
    for (const x of d.daysOffSkipped) lines.push(`  ${x.date} ${lang === 'vi' ? x.name : x.nameEn}${x.provisional ? t(lang, ' (dự kiến)', ' (provisional)') : ''}`);
  }
  if (d.provisional) {
    lines.push(t(lang, 'Lưu ý: kết quả dựa trên lịch nghỉ chưa có thông báo chính thức (dự kiến).', 'Note: the result rests on days off without an official notice (provisional).'));
  }
  return { json: d, text: lines.join('\n') };
}

/** `vn-egov lunar 2026-02-17` or `vn-egov lunar --lunar 2026-3-10 [--leap]` */
export function lunarCommand(positionals: string[], values: Record<string, unknown>, lang: CliLang): CommandResult {
  if (typeof values.lunar === 'string') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(values.lunar);
    if (!m) throw new UsageError('--lunar takes YYYY-M-D (lunar year-month-day)');
    const input = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), leap: values.leap === true };
    const solar = lunarToSolar(input);
    return {
      json: { lunar: input, solar },
      text: `${t(lang, 'Âm lịch', 'Lunar')} ${input.day}/${input.month}${input.leap ? t(lang, ' nhuận', ' (leap)') : ''}/${input.year} (${canChi(input.year)}) → ${t(lang, 'dương lịch', 'solar')} ${solar} (${weekdayName(solar, lang)})`,
    };
  }
  const day = need(positionals[0], 'a day YYYY-MM-DD');
  const l = solarToLunar(day);
  const json = { solar: day, lunar: l, canChi: { year: canChi(l.year), month: canChiOfMonth(l.year, l.month), day: canChiOfDay(day) } };
  return {
    json,
    text: table([
      [`${t(lang, 'Dương lịch', 'Solar')}:`, `${day} (${weekdayName(day, lang)})`],
      [`${t(lang, 'Âm lịch', 'Lunar')}:`, `${t(lang, 'ngày', 'day')} ${l.day} ${t(lang, 'tháng', 'month')} ${l.month}${l.leap ? t(lang, ' nhuận', ' (leap)') : ''} ${t(lang, 'năm', 'year')} ${json.canChi.year} (${l.year})`],
      [`${t(lang, 'Can chi', 'Stem-branch')}:`, `${t(lang, 'ngày', 'day')} ${json.canChi.day}, ${t(lang, 'tháng', 'month')} ${json.canChi.month}, ${t(lang, 'năm', 'year')} ${json.canChi.year}`],
    ]),
  };
}

/** `vn-egov days-off 2026 [--include-rest-days]` */
export function daysOffCommand(positionals: string[], values: Record<string, unknown>, lang: CliLang): CommandResult {
  const year = integer(positionals[0], 'a year');
  const list = daysOff(year, { includeRestDays: values['include-rest-days'] === true });
  const sats = workingSaturdays(year);
  const rows: string[][] = list.map((d) => [
    d.date,
    weekdayName(d.date, lang),
    d.kind,
    lang === 'vi' ? d.name : d.nameEn,
    d.provisional ? t(lang, 'dự kiến', 'provisional') : t(lang, 'chính thức', 'official'),
  ]);
  for (const s of sats) rows.push([s.date, weekdayName(s.date, lang), 'working', lang === 'vi' ? s.name : s.nameEn, s.provisional ? t(lang, 'dự kiến', 'provisional') : t(lang, 'chính thức', 'official')]);
  rows.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return { json: { year, daysOff: list, workingSaturdays: sats }, text: table(rows) };
}
