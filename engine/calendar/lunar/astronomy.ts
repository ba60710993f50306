/**
 * The two astronomical quantities a Chinese-style lunisolar calendar needs: instants of new moon
 * and the Sun's apparent longitude. Algorithms from J. Meeus, "Astronomical Algorithms" (2nd ed.):
 * chapter 49 (phases of the Moon, with the planetary corrections) and chapter 25 (Sun, low
 * accuracy, about 0.01°); ΔT from the Espenak–Meeus polynomials. Plain arithmetic, so the same
 * inputs give the same bits in every JavaScript engine.
 */

const radians = Math.PI / 180;
const synodicMonth = 29.530588861;
/** Julian Day of 1970-01-01 00:00 UT: day numbers (civil-date.ts) + this = Julian Day. */
export const unixEpochJulianDay = 2440587.5;

/** TT − UT in seconds for a decimal year (Espenak–Meeus fits, 1900–2150). */
export function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
}

function decimalYear(julianDay: number): number {
  return 2000 + (julianDay - 2451545) / 365.25;
}

/** Julian Ephemeris Day (TT) of mean-corrected new moon number k (k = 0: 2000-01-06). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const jde = 2451550.09766 + synodicMonth * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  const sunAnomaly = (2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3) * radians;
  const moonAnomaly = (201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4) * radians;
  const latitude = (160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4) * radians;
  const node = (124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3) * radians;
  const [m, mp, f] = [sunAnomaly, moonAnomaly, latitude];

  const periodic =
    -0.4072 * Math.sin(mp) +
    0.17241 * e * Math.sin(m) +
    0.01608 * Math.sin(2 * mp) +
    0.01039 * Math.sin(2 * f) +
    0.00739 * e * Math.sin(mp - m) -
    0.00514 * e * Math.sin(mp + m) +
    0.00208 * e * e * Math.sin(2 * m) -
    0.00111 * Math.sin(mp - 2 * f) -
    0.00057 * Math.sin(mp + 2 * f) +
    0.00056 * e * Math.sin(2 * mp + m) -
    0.00042 * Math.sin(3 * mp) +
    0.00042 * e * Math.sin(m + 2 * f) +
    0.00038 * e * Math.sin(m - 2 * f) -
    0.00024 * e * Math.sin(2 * mp - m) -
    0.00017 * Math.sin(node) -
    0.00007 * Math.sin(mp + 2 * m) +
    0.00004 * Math.sin(2 * mp - 2 * f) +
    0.00004 * Math.sin(3 * m) +
    0.00003 * Math.sin(mp + m - 2 * f) +
    0.00003 * Math.sin(2 * mp + 2 * f) -
    0.00003 * Math.sin(mp + m + 2 * f) +
    0.00003 * Math.sin(mp - m + 2 * f) -
    0.00002 * Math.sin(mp - m - 2 * f) -
    0.00002 * Math.sin(3 * mp + m) +
    0.00002 * Math.sin(4 * mp);

  const planetary: ReadonlyArray<readonly [number, number, number]> = [
    [0.000325, 299.77 + 0.107408 * k - 0.009173 * t ** 2, 0],
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
  const additional = planetary.reduce((sum, [amplitude, base, rate]) => sum + amplitude * Math.sin((base + rate * k) * radians), 0);
  return jde + periodic + additional;
}

/** Julian Day (UT) of new moon number k. */
export function newMoonJulianDay(k: number): number {
  const jde = newMoonJde(k);
  return jde - deltaTSeconds(decimalYear(jde)) / 86400;
}

/** The new moon number whose mean instant is nearest before a Julian Day. */
export function newMoonNumberBefore(julianDay: number): number {
  return Math.floor((julianDay - 2451550.09766) / synodicMonth);
}

/** The Sun's apparent geometric longitude in degrees [0, 360) at a Julian Day (UT). */
export function sunLongitude(julianDay: number): number {
  const t = (julianDay + deltaTSeconds(decimalYear(julianDay)) / 86400 - 2451545) / 36525;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t ** 2;
  const anomaly = (357.52911 + 35999.05029 * t - 0.0001537 * t ** 2) * radians;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t ** 2) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.000289 * Math.sin(3 * anomaly);
  const node = (125.04 - 1934.136 * t) * radians;
  const apparent = meanLongitude + center - 0.00569 - 0.00478 * Math.sin(node);
  return ((apparent % 360) + 360) % 360;
}
