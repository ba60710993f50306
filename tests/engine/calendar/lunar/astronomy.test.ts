import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../../engine/calendar/civil-date.js';
import {
  deltaTSeconds,
  newMoonJde,
  newMoonJulianDay,
  newMoonNumberBefore,
  sunLongitude,
  unixEpochJulianDay,
} from '../../../../engine/calendar/lunar/astronomy.js';

describe('astronomy', () => {
  it('reproduces Meeus example 49.a: the new moon of 1977 February (k = −283)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 5);
  });

  it('reproduces Meeus example 25.a: the Sun at 1992 October 13.0 TD is at 199.90895°', () => {
    const ut = 2448908.5 - deltaTSeconds(1992.78) / 86400;
    expect(sunLongitude(ut)).toBeCloseTo(199.90895, 4);
  });

  it('finds the new moon of 2030 February 2 at about 16:07 UT, the hour that splits Vietnam from China', () => {
    const k = newMoonNumberBefore(dayNumber(2030, 2, 3) + unixEpochJulianDay);
    const days = newMoonJulianDay(k) - unixEpochJulianDay;
    expect(Math.floor(days)).toBe(dayNumber(2030, 2, 2));
    const hoursUt = (days - Math.floor(days)) * 24;
    expect(hoursUt).toBeGreaterThan(16);
    expect(hoursUt).toBeLessThan(16.3);
  });

  it('keeps ΔT near the observed values', () => {
    expect(deltaTSeconds(2000)).toBeCloseTo(63.9, 0);
    expect(deltaTSeconds(2020)).toBeGreaterThan(66);
    expect(deltaTSeconds(2020)).toBeLessThan(72);
  });
});
