/**
 * Builds test/fixtures/calendar/lunar-reference.json, an independent reference table of the Vietnamese
 * lunar calendar for the lunar years 1900–2100. Run: `npx tsx scripts/build-lunar-reference.ts`.
 *
 * Method (the published rules of calendar.md §3.1, a different ephemeris from the library's):
 *
 * - Ephemeris: the dev dependency `astronomy-engine` (MIT; VSOP87 for the Sun, the Improved Lunar
 *   Ephemeris / Brown theory for the Moon, its own ΔT model), not the library's Meeus code.
 * - New moon (Sóc): the instant when the Moon's and the Sun's apparent geocentric ecliptic longitudes
 *   (true equinox of date) are equal: `EclipticGeoMoon(t).lon − SunPosition(t).elon = 0`, found with
 *   `Astronomy.Search` around the instant given by `Astronomy.SearchMoonPhase(0, …)`. (SearchMoonPhase
 *   itself compares longitudes without the Sun's aberration, which puts its new moons about 40 s later
 *   than the apparent conjunction used by almanacs and by Meeus ch. 49; so it only seeds the search.)
 * - Solar terms: `Astronomy.SearchSunLongitude(λ, …)` (apparent longitude of date), for the December
 *   solstice (270°) and every principal term (trung khí, multiples of 30°).
 * - Each instant is converted to its civil day at UTC+7 (floor((UT ms + 7 h) / 1 day)).
 * - Month 11 is the month (from a new-moon day to the day before the next one) whose days contain the
 *   December solstice's civil day. When 13 months separate month 11 of year Y−1 from month 11 of year
 *   Y, the first month after month 11 containing no principal term's civil day is the leap month and
 *   repeats the previous number. Lunar year L runs from month 1 (after month 11 of Dec L−1) to the day
 *   before month 1 of L+1.
 * - For each year the table also records the event (new moon, solstice or principal term) nearest to a
 *   UTC+7 midnight among those that decide the year, with its margin in minutes: a difference between
 *   two ephemerides can only come from such an event.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as Astronomy from 'astronomy-engine';

const DAY_MS = 86_400_000;
const VN_MS = 7 * 3_600_000;
const FIRST = 1900;
const LAST = 2100;

interface Event {
  kind: string;
  ms: number; // UT epoch milliseconds
}

function vnDay(ms: number): number {
  return Math.floor((ms + VN_MS) / DAY_MS);
}
function iso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
/** Minutes from the instant to the nearest 00:00 at UTC+7. */
function marginMinutes(ms: number): number {
  const inDay = (((ms + VN_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.min(inDay, DAY_MS - inDay) / 60_000;
}
function wrap180(deg: number): number {
  return ((((deg + 180) % 360) + 360) % 360) - 180;
}

/** Apparent conjunction (new moon) nearest to the first SearchMoonPhase(0) result after `fromMs`. */
function nextNewMoon(fromMs: number): number {
  const seed = Astronomy.SearchMoonPhase(0, new Date(fromMs), 40);
  if (seed === null) throw new Error('no new moon');
  const f = (t: Astronomy.AstroTime): number => wrap180(Astronomy.EclipticGeoMoon(t).lon - Astronomy.SunPosition(t).elon);
  const t = Astronomy.Search(f, seed.AddDays(-0.1), seed.AddDays(0.1), { dt_tolerance_seconds: 0.01 });
  if (t === null) throw new Error('apparent conjunction not bracketed');
  return t.date.getTime();
}

function sunTerm(longitude: number, fromMs: number, limitDays: number): number {
  const t = Astronomy.SearchSunLongitude(longitude, new Date(fromMs), limitDays);
  if (t === null) throw new Error(`no solar term ${longitude}`);
  return t.date.getTime();
}

/** New moons (instants) between two instants, cached by day. */
const newMoons: number[] = [];
function newMoonsCovering(fromMs: number, toMs: number): number[] {
  if (newMoons.length === 0) newMoons.push(nextNewMoon(fromMs - 40 * DAY_MS));
  while (newMoons[newMoons.length - 1]! < toMs + 40 * DAY_MS) {
    newMoons.push(nextNewMoon(newMoons[newMoons.length - 1]! + 20 * DAY_MS));
  }
  return newMoons;
}

interface Span {
  /** New-moon instants starting month 11 of Y−1 … month 11 of Y (inclusive). */
  moons: number[];
  numbers: number[];
  leaps: boolean[];
  events: Event[];
}

const month11Cache = new Map<number, { moonMs: number; solsticeMs: number }>();
function month11(year: number): { moonMs: number; solsticeMs: number } {
  const hit = month11Cache.get(year);
  if (hit) return hit;
  const solsticeMs = sunTerm(270, Date.UTC(year, 11, 1), 40);
  const sDay = vnDay(solsticeMs);
  const moons = newMoonsCovering(solsticeMs - 60 * DAY_MS, solsticeMs);
  let moonMs = NaN;
  for (const m of moons) if (vnDay(m) <= sDay) moonMs = m;
  const r = { moonMs, solsticeMs };
  month11Cache.set(year, r);
  return r;
}

function span(year: number): Span {
  const a = month11(year - 1);
  const b = month11(year);
  const moons = newMoonsCovering(a.moonMs, b.moonMs).filter((m) => m >= a.moonMs && m <= b.moonMs);
  const n = moons.length - 1;
  const events: Event[] = [
    { kind: `December solstice ${year - 1}`, ms: a.solsticeMs },
    { kind: `December solstice ${year}`, ms: b.solsticeMs },
  ];
  let leapIndex = -1;
  if (n === 13) {
    // All principal terms from the first month-11 to the second, by their civil days.
    const termDays: number[] = [];
    let t = a.solsticeMs;
    for (let j = 1; j <= 12; j++) {
      const lon = (270 + 30 * j) % 360;
      t = sunTerm(lon, t + 20 * DAY_MS, 20);
      termDays.push(vnDay(t));
      events.push({ kind: `principal term ${lon}°`, ms: t });
    }
    for (let i = 1; i < n; i++) {
      const start = vnDay(moons[i]!);
      const end = vnDay(moons[i + 1]!);
      if (!termDays.some((d) => d >= start && d < end)) {
        leapIndex = i;
        break;
      }
    }
  } else if (n !== 12) {
    throw new Error(`span ${year}: ${n} months`);
  }
  const numbers: number[] = [];
  const leaps: boolean[] = [];
  let num = 10;
  for (let i = 0; i < n; i++) {
    const leap = i === leapIndex;
    if (!leap) num = (num % 12) + 1;
    numbers.push(num);
    leaps.push(leap);
  }
  return { moons, numbers, leaps, events };
}

interface YearRow {
  year: number;
  tet: string;
  gioTo: string;
  leapMonth: number;
  monthStarts: string[];
  nextTet: string;
  closestEvent: { kind: string; at: string; marginMinutes: number };
}

const spans = new Map<number, Span>();
function spanOf(year: number): Span {
  let s = spans.get(year);
  if (!s) {
    s = span(year);
    spans.set(year, s);
  }
  return s;
}

const rows: YearRow[] = [];
for (let year = FIRST; year <= LAST; year++) {
  const a = spanOf(year);
  const b = spanOf(year + 1);
  const months: { n: number; leap: boolean; ms: number }[] = [];
  const first = a.numbers.findIndex((n, i) => n === 1 && !a.leaps[i]);
  for (let i = first; i < a.numbers.length; i++) months.push({ n: a.numbers[i]!, leap: a.leaps[i]!, ms: a.moons[i]! });
  let nextTetMs = NaN;
  for (let i = 0; i < b.numbers.length; i++) {
    if (b.numbers[i] === 1 && !b.leaps[i]) {
      nextTetMs = b.moons[i]!;
      break;
    }
    months.push({ n: b.numbers[i]!, leap: b.leaps[i]!, ms: b.moons[i]! });
  }
  const leap = months.find((m) => m.leap);
  const m3 = months.find((m) => m.n === 3 && !m.leap)!;
  // Events that decide this year's structure: its month-starting new moons, the next Tết, the
  // solstices and the principal terms of the two spans it draws from.
  const events: Event[] = [
    ...months.map((m) => ({ kind: `new moon starting month ${m.n}${m.leap ? ' (leap)' : ''}`, ms: m.ms })),
    { kind: 'new moon starting next Tết', ms: nextTetMs },
    ...a.events,
    ...b.events,
  ];
  let closest = events[0]!;
  for (const e of events) if (marginMinutes(e.ms) < marginMinutes(closest.ms)) closest = e;
  rows.push({
    year,
    tet: iso(vnDay(months[0]!.ms)),
    gioTo: iso(vnDay(m3.ms) + 9),
    leapMonth: leap ? leap.n : 0,
    monthStarts: months.map((m) => iso(vnDay(m.ms))),
    nextTet: iso(vnDay(nextTetMs)),
    closestEvent: {
      kind: closest.kind,
      at: new Date(closest.ms).toISOString().replace(/\.\d+Z$/, 'Z'),
      marginMinutes: Math.round(marginMinutes(closest.ms) * 100) / 100,
    },
  });
}

const enginePackage = new URL('../node_modules/astronomy-engine/package.json', import.meta.url);
const engineVersion = (JSON.parse(readFileSync(enginePackage, 'utf8')) as { version: string }).version;
const out = {
  header: {
    description:
      'Independent reference for the Vietnamese lunar calendar (UTC+7), lunar years 1900–2100: Tết (1/1), Giỗ Tổ (10/3), leap month, month starts (in order; the leap month repeats the number of the month before it).',
    generatedBy: 'scripts/build-lunar-reference.ts (npx tsx scripts/build-lunar-reference.ts)',
    ephemeris: `astronomy-engine ${engineVersion} (MIT): apparent conjunction EclipticGeoMoon.lon = SunPosition.elon for new moons, SearchSunLongitude for solar terms, its default ΔT (Espenak–Meeus)`,
    rules:
      'calendar.md §3.1: a month starts on the UTC+7 day of the new moon; the December solstice falls in month 11; in a 13-month span between months 11 the first month after month 11 containing no principal term (multiple of 30°) is leap; all days at UTC+7',
    closestEvent: 'per year, the deciding event nearest to a UTC+7 midnight and its margin in minutes',
  },
  years: rows,
};
const path = new URL('../test/fixtures/calendar/lunar-reference.json', import.meta.url);
// One line per year keeps the committed file readable and its diffs small.
const text = `{\n "header": ${JSON.stringify(out.header, null, 2).replace(/\n/g, '\n ')},\n "years": [\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n ]\n}\n`;
JSON.parse(text);
writeFileSync(path, text);
console.log(`wrote ${rows.length} years to ${path.pathname}`);
