import { describe, expect, it } from 'vitest';
import {
  LEGACY_SERVICE_LEVELS,
  ONLINE_SERVICE_FORMS,
  SERVICE_LEVEL_REGIMES,
  formToLegacyLevel,
  legacyLevelToForm,
  serviceLevelRegimeAt,
  type LegacyServiceLevel,
} from '../../src/procedures/index.js';

describe('online service levels', () => {
  it('dates each regime: NĐ 43/2011, NĐ 42/2022, NĐ 224/2026 from 01/07/2026', () => {
    expect(serviceLevelRegimeAt('2011-10-01').id).toBe('nd43-2011');
    expect(serviceLevelRegimeAt('2022-07-31').id).toBe('nd43-2011');
    expect(serviceLevelRegimeAt('2022-08-01').id).toBe('nd42-2022');
    expect(serviceLevelRegimeAt('2026-06-30').id).toBe('nd42-2022');
    expect(serviceLevelRegimeAt('2026-07-01').id).toBe('nd224-2026');
    expect(serviceLevelRegimeAt('2026-06-30T17:30:00Z').id).toBe('nd224-2026'); // 00:30 on 01/07 in Vietnam
    expect(() => serviceLevelRegimeAt('2011-09-30')).toThrow(expect.objectContaining({ code: 'DATE_OUT_OF_RANGE' }));
    // regimes are contiguous
    for (let i = 1; i < SERVICE_LEVEL_REGIMES.length; i++) {
      const prev = new Date(`${SERVICE_LEVEL_REGIMES[i - 1]!.to!}T00:00:00Z`).getTime();
      expect(new Date(`${SERVICE_LEVEL_REGIMES[i]!.from}T00:00:00Z`).getTime() - prev).toBe(86_400_000);
    }
  });

  it('maps levels to forms and back, with quality and confidence visible', () => {
    expect(([1, 2, 3, 4] as LegacyServiceLevel[]).map((l) => legacyLevelToForm(l).value)).toEqual([null, 'partial', 'partial', 'full']);
    expect(formToLegacyLevel('full').value).toBe(4);
    expect(formToLegacyLevel('partial')).toMatchObject({ value: 3, quality: 'lossy' });
    for (const l of [1, 2, 3, 4] as LegacyServiceLevel[]) {
      expect(LEGACY_SERVICE_LEVELS[l].source).toMatch(/^NĐ 43\/2011\/NĐ-CP Điều 3 khoản 4/);
      expect(legacyLevelToForm(l).confidence).toBe('unverified');
    }
    expect(ONLINE_SERVICE_FORMS.full.confidence).toBe('unverified');
    expect(() => legacyLevelToForm(5 as LegacyServiceLevel)).toThrow(expect.objectContaining({ code: 'INVALID_SERVICE_LEVEL' }));
    expect(() => formToLegacyLevel('most' as 'full')).toThrow(expect.objectContaining({ code: 'INVALID_SERVICE_LEVEL' }));
  });
});
