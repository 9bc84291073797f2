/**
 * Astronomy for the lunar calendar (thiên văn cho âm lịch): true new moons, the Sun's apparent
 * longitude and ΔT, written from J. Meeus, "Astronomical Algorithms", 2nd ed. (1998):
 *
 * - chapter 49 (phases of the Moon): mean new moon, all periodic terms and the 14 planetary arguments;
 * - chapter 25 "higher accuracy" (via chapter 32 and Appendix III): the Earth's heliocentric longitude from
 *   the abridged VSOP87 series, converted to the FK5 system, plus nutation in longitude (chapter 22, main
 *   terms of the IAU 1980 series) and aberration;
 * - ΔT = TT − UT from the Espenak–Meeus polynomials (NASA, "Polynomial expressions for Delta T", 2006).
 *
 * Times are Julian Days: `jd` is Universal Time, `jde` is Terrestrial (dynamical) Time.
 * Nothing here uses `Date`; the results do not depend on the host time zone.
 * @packageDocumentation
 */

const DEG = Math.PI / 180;
/** Julian Day of 1970-01-01 00:00 UT. @internal */
export const JD_UNIX_EPOCH = 2_440_587.5;
/** Vietnam's offset from UTC as a fraction of a day (UTC+7, meridian 105°E). @internal */
export const VN_OFFSET_DAYS = 7 / 24;
/** Mean synodic month in days (Meeus ch. 49). @internal */
export const SYNODIC_MONTH = 29.530588861;

/**
 * ΔT = TT − UT in seconds for a decimal year, from the Espenak–Meeus polynomials (valid 1860–2150,
 * parabolic extrapolation after 2150 and before 1860 the long-term parabola).
 *
 * @example
 * ```ts
 * deltaTSeconds(2000.04); // ≈ 63.9
 * ```
 */
export function deltaTSeconds(year: number): number {
  const y = year;
  if (y < 1860) {
    const u = (y - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (y < 1900) {
    const t = y - 1860;
    return 7.62 + t * (0.5737 + t * (-0.251754 + t * (0.01680668 + t * (-0.0004473624 + t / 233_174))));
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + t * (0.84493 + t * (-0.0761 + t * 0.0020936));
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + t * (0.407 + t * (-1 / 233 + t / 2547));
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + t * (1.067 + t * (-1 / 260 - t / 718));
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + t * (0.32217 + t * 0.005589);
  }
  const u = (y - 1820) / 100;
  if (y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}

/** Decimal year of a Julian Day (close enough for ΔT). @internal */
function decimalYear(jd: number): number {
  return 2000 + (jd - 2_451_544.5) / 365.2425;
}

/**
 * Converts a Universal Time Julian Day to Terrestrial Time (adds ΔT).
 *
 * @example
 * ```ts
 * jdeFromJd(2451545.0) - 2451545.0; // ≈ 0.00074 days (ΔT ≈ 64 s)
 * ```
 */
export function jdeFromJd(jd: number): number {
  return jd + deltaTSeconds(decimalYear(jd)) / 86_400;
}

/**
 * Converts a Terrestrial Time Julian Day to Universal Time (subtracts ΔT).
 *
 * @example
 * ```ts
 * jdFromJde(2451545.00074); // ≈ 2451545.0
 * ```
 */
export function jdFromJde(jde: number): number {
  let jd = jde - deltaTSeconds(decimalYear(jde)) / 86_400;
  jd = jde - deltaTSeconds(decimalYear(jd)) / 86_400;
  return jd;
}

/**
 * The Vietnamese civil day (ngày theo giờ Việt Nam, UTC+7) containing a UT instant, as a day number
 * (days since 1970-01-01).
 *
 * @example
 * ```ts
 * vnDayNumberOfJd(2461088.5); // 20501 (2026-02-17 00:00 UT is 07:00 in Vietnam on 2026-02-17)
 * ```
 */
export function vnDayNumberOfJd(jd: number): number {
  return Math.floor(jd - JD_UNIX_EPOCH + VN_OFFSET_DAYS);
}

/**
 * The UT Julian Day of 00:00 Vietnamese time (UTC+7) at the start of a day number.
 *
 * @example
 * ```ts
 * jdOfVnMidnight(0); // 2440587.2083… (1970-01-01 00:00 UTC+7 = 1969-12-31 17:00 UT)
 * ```
 */
export function jdOfVnMidnight(dayNumber: number): number {
  return dayNumber + JD_UNIX_EPOCH - VN_OFFSET_DAYS;
}

// ---------------------------------------------------------------------------------------------
// Chapter 49: true new moon (Sóc).

/** Coefficients of the new-moon periodic terms: [coefficient, power of E, k(M), k(M'), k(F), k(Ω)]. */
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

/** The 14 planetary arguments A1…A14: [coefficient, constant (°), rate per lunation (°)]. */
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [0.000325, 299.77, 0.107408], // A1 (also −0.009173 T²)
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/**
 * Instant (Julian Ephemeris Day, TT) of the true new moon number `k` (Sóc), Meeus ch. 49;
 * `k = 0` is the new moon of 2000-01-06, negative before. Accuracy: well under a minute over 1900–2200.
 *
 * @example
 * ```ts
 * newMoonJde(-283); // 2443192.6512 (1977-02-18 03:37:42 TT, Meeus example 49.a)
 * ```
 */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  let jde = 2_451_550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3) * DEG;
  const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * DEG;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * DEG;
  const om = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * DEG;
  let sum = 0;
  for (const [c, pe, cm, cmp, cf, co] of NEW_MOON_TERMS) {
    const factor = pe === 0 ? 1 : pe === 1 ? e : e * e;
    sum += c * factor * Math.sin(cm * m + cmp * mp + cf * f + co * om);
  }
  let planets = 0;
  for (let i = 0; i < PLANETARY_TERMS.length; i++) {
    const [c, a0, rate] = PLANETARY_TERMS[i]!;
    const a = a0 + rate * k - (i === 0 ? 0.009173 * t2 : 0);
    planets += c * Math.sin(a * DEG);
  }
  jde += sum + planets;
  return jde;
}

/**
 * Instant (Julian Day, UT) of the true new moon number `k` (Sóc).
 *
 * @example
 * ```ts
 * newMoonJd(323); // 2461089.0008 (2026-02-17 12:01 UT, 19:01 in Vietnam: Tết Bính Ngọ)
 * ```
 */
export function newMoonJd(k: number): number {
  return jdFromJde(newMoonJde(k));
}

/**
 * Lunation number `k` of the latest mean new moon at or before a Julian Day (a first guess; true new
 * moons differ from mean ones by up to ~14 hours, so callers adjust by ±1).
 *
 * @example
 * ```ts
 * meanLunationBefore(2461100); // 323
 * ```
 */
export function meanLunationBefore(jd: number): number {
  return Math.floor((jd - 2_451_550.09766) / SYNODIC_MONTH);
}

// ---------------------------------------------------------------------------------------------
// Chapter 25 (higher accuracy) with VSOP87 (Appendix III): the Sun's apparent longitude.

type Series = readonly (readonly [number, number, number])[];

/** Earth's heliocentric longitude, VSOP87 abridged as in Meeus Appendix III (units 1e-8 rad). */
const L0: Series = [
  [175347046, 0, 0], [3341656, 4.6692568, 6283.07585], [34894, 4.6261, 12566.1517], [3497, 2.7441, 5753.3849],
  [3418, 2.8289, 3.5231], [3136, 3.6277, 77713.7715], [2676, 4.4181, 7860.4194], [2343, 6.1352, 3930.2097],
  [1324, 0.7425, 11506.7698], [1273, 2.0371, 529.691], [1199, 1.1096, 1577.3435], [990, 5.233, 5884.927],
  [902, 2.045, 26.298], [857, 3.508, 398.149], [780, 1.179, 5223.694], [753, 2.533, 5507.553],
  [505, 4.583, 18849.228], [492, 4.205, 775.523], [357, 2.92, 0.067], [317, 5.849, 11790.629],
  [284, 1.899, 796.298], [271, 0.315, 10977.079], [243, 0.345, 5486.778], [206, 4.806, 2544.314],
  [205, 1.869, 5573.143], [202, 2.458, 6069.777], [156, 0.833, 213.299], [132, 3.411, 2942.463],
  [126, 1.083, 20.775], [115, 0.645, 0.98], [103, 0.636, 4694.003], [102, 0.976, 15720.839],
  [102, 4.267, 7.114], [99, 6.21, 2146.17], [98, 0.68, 155.42], [86, 5.98, 161000.69],
  [85, 1.3, 6275.96], [85, 3.67, 71430.7], [80, 1.81, 17260.15], [79, 3.04, 12036.46],
  [75, 1.76, 5088.63], [74, 3.5, 3154.69], [74, 4.68, 801.82], [70, 0.83, 9437.76],
  [62, 3.98, 8827.39], [61, 1.82, 7084.9], [57, 2.78, 6286.6], [56, 4.39, 14143.5],
  [56, 3.47, 6279.55], [52, 0.19, 12139.55], [52, 1.33, 1748.02], [51, 0.28, 5856.48],
  [49, 0.49, 1194.45], [41, 5.37, 8429.24], [41, 2.4, 19651.05], [39, 6.17, 10447.39],
  [37, 6.04, 10213.29], [37, 2.57, 1059.38], [36, 1.71, 2352.87], [36, 1.78, 6812.77],
  [33, 0.59, 17789.85], [30, 0.44, 83996.85], [30, 2.74, 1349.87], [25, 3.16, 4690.48],
];
const L1: Series = [
  [628331966747, 0, 0], [206059, 2.678235, 6283.07585], [4303, 2.6351, 12566.1517], [425, 1.59, 3.523],
  [119, 5.796, 26.298], [109, 2.966, 1577.344], [93, 2.59, 18849.23], [72, 1.14, 529.69],
  [68, 1.87, 398.15], [67, 4.41, 5507.55], [59, 2.89, 5223.69], [56, 2.17, 155.42],
  [45, 0.4, 796.3], [36, 0.47, 775.52], [29, 2.65, 7.11], [21, 5.34, 0.98],
  [19, 1.85, 5486.78], [19, 4.97, 213.3], [17, 2.99, 6275.96], [16, 0.03, 2544.31],
  [16, 1.43, 2146.17], [15, 1.21, 10977.08], [12, 2.83, 1748.02], [12, 3.26, 5088.63],
  [12, 5.27, 1194.45], [12, 2.08, 4694], [11, 0.77, 553.57], [10, 1.3, 6286.6],
  [10, 4.24, 1349.87], [9, 2.7, 242.73], [9, 5.64, 951.72], [8, 5.3, 2352.87],
  [6, 2.65, 9437.76], [6, 4.67, 4690.48],
];
const L2: Series = [
  [52919, 0, 0], [8720, 1.0721, 6283.0758], [309, 0.867, 12566.152], [27, 0.05, 3.52],
  [16, 5.19, 26.3], [16, 3.68, 155.42], [10, 0.76, 18849.23], [9, 2.06, 77713.77],
  [7, 0.83, 775.52], [5, 4.66, 1577.34], [4, 1.03, 7.11], [4, 3.44, 5573.14],
  [3, 5.14, 796.3], [3, 6.05, 5507.55], [3, 1.19, 242.73], [3, 6.12, 529.69],
  [3, 0.31, 398.15], [3, 2.28, 553.57], [2, 4.38, 5223.69], [2, 3.75, 0.98],
];
const L3: Series = [
  [289, 5.844, 6283.076], [35, 0, 0], [17, 5.49, 12566.15], [3, 5.2, 155.42],
  [1, 4.72, 3.52], [1, 5.3, 18849.23], [1, 5.97, 242.73],
];
const L4: Series = [[114, 3.142, 0], [8, 4.13, 6283.08], [1, 3.84, 12566.15]];
const L5: Series = [[1, 3.14, 0]];
const EARTH_L: readonly Series[] = [L0, L1, L2, L3, L4, L5];

function sumSeries(series: Series, tau: number): number {
  let s = 0;
  for (const [a, b, c] of series) s += a * Math.cos(b + c * tau);
  return s;
}

/**
 * Main terms of the nutation in longitude (IAU 1980 theory, Meeus table 22.A): multiples of D, M, M′, F, Ω
 * and the coefficient in 0.0001″ (constant, per Julian century). The terms left out are below 0.0005″.
 */
const NUTATION_TERMS: readonly (readonly [number, number, number, number, number, number, number])[] = [
  [0, 0, 0, 0, 1, -171996, -174.2],
  [-2, 0, 0, 2, 2, -13187, -1.6],
  [0, 0, 0, 2, 2, -2274, -0.2],
  [0, 0, 0, 0, 2, 2062, 0.2],
  [0, 1, 0, 0, 0, 1426, -3.4],
  [0, 0, 1, 0, 0, 712, 0.1],
  [-2, 1, 0, 2, 2, -517, 1.2],
  [0, 0, 0, 2, 1, -386, -0.4],
  [0, 0, 1, 2, 2, -301, 0],
  [-2, -1, 0, 2, 2, 217, -0.5],
  [-2, 0, 1, 0, 0, -158, 0],
  [-2, 0, 0, 2, 1, 129, 0.1],
  [0, 0, -1, 2, 2, 123, 0],
  [2, 0, 0, 0, 0, 63, 0],
  [0, 0, 1, 0, 1, 63, 0.1],
  [2, 0, -1, 2, 2, -59, 0],
  [0, 0, -1, 0, 1, -58, -0.1],
  [0, 0, 1, 2, 1, -51, 0],
  [-2, 0, 2, 0, 0, 48, 0],
  [0, 0, -2, 2, 1, 46, 0],
  [2, 0, 0, 2, 2, -38, 0],
  [0, 0, 2, 2, 2, -31, 0],
  [0, 0, 2, 0, 0, 29, 0],
  [-2, 0, 1, 2, 2, 29, 0],
  [0, 0, 0, 2, 0, 26, 0],
  [-2, 0, 0, 2, 0, -22, 0],
  [0, 0, -1, 2, 1, 21, 0],
  [0, 2, 0, 0, 0, 17, -0.1],
  [2, 0, -1, 0, 1, 16, 0],
  [-2, 2, 0, 2, 2, -16, 0.1],
  [0, 1, 0, 0, 1, -15, 0],
  [-2, 0, 1, 0, 1, -13, 0],
  [0, -1, 0, 0, 1, -12, 0],
  [0, 0, 2, -2, 0, 11, 0],
  [2, 0, -1, 2, 1, -10, 0],
];

/**
 * Nutation in longitude Δψ in arcseconds (Meeus ch. 22, IAU 1980 main terms; error below 0.01″),
 * `t` in Julian centuries of TT from J2000.0.
 *
 * @example
 * ```ts
 * nutationInLongitude(-0.127296372348); // ≈ -3.788 (Meeus example 22.a: −3.788″)
 * ```
 */
export function nutationInLongitude(t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  const d = (297.85036 + 445267.11148 * t - 0.0019142 * t2 + t3 / 189474) * DEG;
  const m = (357.52772 + 35999.05034 * t - 0.0001603 * t2 - t3 / 300000) * DEG;
  const mp = (134.96298 + 477198.867398 * t + 0.0086972 * t2 + t3 / 56250) * DEG;
  const f = (93.27191 + 483202.017538 * t - 0.0036825 * t2 + t3 / 327270) * DEG;
  const om = (125.04452 - 1934.136261 * t + 0.0020708 * t2 + t3 / 450000) * DEG;
  let sum = 0;
  for (const [cd, cm, cmp, cf, co, a, b] of NUTATION_TERMS) {
    sum += (a + b * t) * Math.sin(cd * d + cm * m + cmp * mp + cf * f + co * om);
  }
  return sum / 10_000;
}

/**
 * The Sun's apparent geocentric longitude (kinh độ biểu kiến của Mặt Trời) in degrees [0, 360) at an
 * instant given as a Julian Ephemeris Day (TT): VSOP87 (abridged) → FK5 → nutation → aberration.
 * Accuracy about 1″ (well under a minute of time for a solar term) over 1900–2200.
 *
 * @example
 * ```ts
 * sunApparentLongitudeJde(2448908.5); // 199.90606 (Meeus example 25.b: 199°54′21.818″)
 * ```
 */
export function sunApparentLongitudeJde(jde: number): number {
  const tau = (jde - 2_451_545) / 365_250;
  let l = 0;
  let p = 1;
  for (const series of EARTH_L) {
    l += sumSeries(series, tau) * p;
    p *= tau;
  }
  l /= 1e8; // radians, heliocentric longitude of the Earth (dynamical ecliptic and equinox of date)
  const t = tau * 10;
  let theta = l / DEG + 180; // geometric geocentric longitude of the Sun
  // FK5 correction (Meeus 32.3; the latitude term is below 0.0001″ here and omitted).
  theta -= 0.09033 / 3600;
  const dPsi = nutationInLongitude(t);
  // Aberration −20.4898″/R, with the Sun's distance R from its mean anomaly (ch. 25).
  const m = (357.52911 + 35999.05029 * t) * DEG;
  const r = 1.000140 - 0.016708 * Math.cos(m) - 0.000140 * Math.cos(2 * m);
  const lambda = theta + (dPsi - 20.4898 / r) / 3600;
  return ((lambda % 360) + 360) % 360;
}

/**
 * The Sun's apparent longitude in degrees [0, 360) at a UT Julian Day.
 *
 * @example
 * ```ts
 * sunApparentLongitude(jdOfVnMidnight(20_501)); // ≈ 328.03 (start of 2026-02-17 in Vietnam)
 * ```
 */
export function sunApparentLongitude(jd: number): number {
  return sunApparentLongitudeJde(jdeFromJd(jd));
}

/**
 * Instant (Julian Day, UT) when the Sun's apparent longitude reaches `longitude` degrees (a solar term,
 * tiết khí; multiples of 30° are the principal terms, trung khí), the first such instant after
 * `afterJd − 5` days, solved by Newton-style iteration to ~0.1 s.
 *
 * @example
 * ```ts
 * solarTermJd(270, 2461380); // ≈ 2461396.368 (2026-12-21 20:50 UT, December solstice, Đông chí)
 * ```
 */
export function solarTermJd(longitude: number, afterJd: number): number {
  // Mean motion 360°/365.2422 days; first guess from the current longitude.
  const rate = 360 / 365.2422;
  let jd = afterJd - 5;
  let delta = (((longitude - sunApparentLongitude(jd)) % 360) + 360) % 360;
  jd += delta / rate;
  for (let i = 0; i < 20; i++) {
    delta = ((((longitude - sunApparentLongitude(jd)) % 360) + 540) % 360) - 180;
    jd += delta / rate;
    if (Math.abs(delta) < 1e-7) break;
  }
  return jd;
}

/**
 * The Sun's apparent longitude by Meeus's low-accuracy method (ch. 25: geometric mean longitude, equation
 * of the centre, nutation and aberration in one term), accurate to about 0.01°, at a UT Julian Day.
 *
 * @example
 * ```ts
 * sunApparentLongitudeLowAccuracy(2448908.5); // ≈ 199.9096 (UT; Meeus example 25.a, at 0h TD: 199.90895°)
 * ```
 */
export function sunApparentLongitudeLowAccuracy(jd: number): number {
  const t = (jdeFromJd(jd) - 2_451_545) / 36_525;
  const l0 = 280.46646 + t * (36000.76983 + t * 0.0003032);
  const m = (357.52911 + t * (35999.05029 - t * 0.0001537)) * DEG;
  const c =
    (1.914602 - t * (0.004817 + t * 0.000014)) * Math.sin(m) + (0.019993 - t * 0.000101) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
  const omega = (125.04 - 1934.136 * t) * DEG;
  const lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
  return ((lambda % 360) + 360) % 360;
}

/** Safety margin (degrees) around a multiple of 30° within which the accurate longitude is computed. */
const FAST_TERM_MARGIN = 0.05;

/**
 * Index (0…11) of the last principal term (trung khí) the Sun has passed at a UT Julian Day:
 * floor(λ / 30°), λ being the apparent longitude. Uses the low-accuracy longitude when it is farther than
 * 0.05° (about 1.2 hours of solar motion, five times its error) from a multiple of 30°, else the VSOP87 one.
 *
 * @example
 * ```ts
 * principalTermIndex(jdOfVnMidnight(20_501)); // 10 (between 300° Đại hàn and 330° Vũ thủy)
 * ```
 */
export function principalTermIndex(jd: number): number {
  const fast = sunApparentLongitudeLowAccuracy(jd) / 30;
  const frac = fast - Math.floor(fast);
  if (frac * 30 > FAST_TERM_MARGIN && (1 - frac) * 30 > FAST_TERM_MARGIN) return Math.floor(fast);
  return Math.floor(sunApparentLongitude(jd) / 30);
}
