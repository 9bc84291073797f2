import { describe, expect, it } from 'vitest';
import { createWorkCalendar, daysOff, formatVietnameseDate, HOLIDAY_REGIMES } from '../../src/calendar/index.js';
import { readSharedCsv } from '../helpers/shared-data.js';

const statutoryOnly = createWorkCalendar({ officialSchedules: false });
const rows = readSharedCsv('data/domain/vn-civil-service-days-off-2019-2027.csv');

describe('statutory holiday rules', () => {
  it('agree with every notice on the fixed-date and lunar holidays that fell on weekdays, 2019–2026', () => {
    for (const r of rows) {
      if (r.kind !== 'holiday' || r.occasion!.includes('Tết Âm lịch') || r.confidence === 'projected') continue;
      if (r.occasion!.includes('adjacent') || r.occasion!.includes('liền kề')) continue;
      const y = Number(r.date!.slice(0, 4));
      if (y > 2026) continue;
      expect(statutoryOnly.isWorkingDay(r.date!), r.date).toBe(false);
    }
  });

  it('project the adjacent Quốc khánh day as the 2021–2026 notices chose it', () => {
    const adjacent = { 2021: '2021-09-03', 2022: '2022-09-01', 2023: '2023-09-01', 2024: '2024-09-03', 2025: '2025-09-01', 2026: '2026-09-01' };
    for (const [year, date] of Object.entries(adjacent)) {
      expect(statutoryOnly.isWorkingDay(date), date).toBe(false);
      expect(statutoryOnly.daysOff(Number(year)).find((d) => d.date === date)?.name).toBe('Quốc khánh (ngày liền kề)');
    }
  });

  it('give one Quốc khánh day under the 2012 Code and two from 2021', () => {
    expect(HOLIDAY_REGIMES.map((r) => [r.id, r.nationalDayDays])).toEqual([
      ['blld-2012', 1],
      ['blld-2019', 2],
    ]);
    expect(statutoryOnly.daysOff(2020).filter((d) => d.holiday === 'national-day').map((d) => d.date)).toEqual(['2020-09-02']);
  });

  it('compensate holidays on rest days on the next working day, chaining past other holidays', () => {
    // 2023: Giỗ Tổ on Sat 29/4, 30/4 on Sunday, 1/5 Monday → Tue 2/5 and Wed 3/5 (as the official schedule).
    const may = statutoryOnly.daysOff(2023).filter((d) => d.kind === 'compensatory').map((d) => d.date);
    expect(may).toEqual(expect.arrayContaining(['2023-05-02', '2023-05-03']));
  });

  it('add Ngày Văn hóa Việt Nam (24/11) from 2026 only', () => {
    expect(daysOff(2025).some((d) => d.date === '2025-11-24')).toBe(false);
    expect(daysOff(2026).find((d) => d.date === '2026-11-24')?.holiday).toBe('culture-day');
    expect(daysOff(2030).find((d) => d.date === '2030-11-25')).toMatchObject({ kind: 'compensatory', provisional: true });
  });

  it('mark every day of a year without a notice as provisional, with its source', () => {
    const d2030 = daysOff(2030);
    expect(d2030.length).toBeGreaterThanOrEqual(11);
    expect(d2030.every((d) => d.provisional && d.source.length > 10)).toBe(true);
    expect(d2030.filter((d) => d.holiday === 'tet')).toHaveLength(5); // 2/2/2030 is mùng 1 (VN; CN 3/2)
    expect(d2030.find((d) => d.date === '2030-02-02')).toBeUndefined(); // Saturday
  });
});

describe('formatVietnameseDate', () => {
  it('pads days below 10 and months 1–2 (NĐ 30/2020 Phụ lục I)', () => {
    expect(formatVietnameseDate('2026-01-05', { place: 'Hà Nội' })).toBe('Hà Nội, ngày 05 tháng 01 năm 2026');
    expect(formatVietnameseDate('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(formatVietnameseDate('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
    expect(formatVietnameseDate('2026-11-24', { place: 'Thành phố Hồ Chí Minh' })).toBe(
      'Thành phố Hồ Chí Minh, ngày 24 tháng 11 năm 2026',
    );
    expect(formatVietnameseDate(new Date('2026-12-31T18:00:00Z'))).toBe('ngày 01 tháng 01 năm 2027');
    expect(() => formatVietnameseDate('2026-02-29')).toThrow(/không tồn tại/);
  });
});
