import { describe, expect, it } from 'vitest';
import { createEnergyScale } from '@/lib/plot/colour-scale';
import {
  coordinateFormatter,
  energyTicks,
  formatFixed,
  formatPlotNumber,
  linearTicks,
  localizeNumber,
  logTicks,
  numberSymbols,
  tickCount,
} from '@/lib/plot/ticks';

const MINUS = '\u2212';
const NNBSP = '\u202f';

describe('formatPlotNumber', () => {
  it('uses significant figures, a real minus sign and drops trailing zeros', () => {
    expect(formatPlotNumber(1.23456)).toBe('1.23');
    expect(formatPlotNumber(-0.5)).toBe('\u22120.5');
    expect(formatPlotNumber(2)).toBe('2');
    expect(formatPlotNumber(0)).toBe('0');
    expect(formatPlotNumber(12345)).toBe('12345');
  });

  it('switches to powers of ten for very large and very small magnitudes', () => {
    expect(formatPlotNumber(123456)).toBe('1.23×10⁵');
    expect(formatPlotNumber(-0.00012)).toBe('\u22121.2×10⁻⁴');
  });

  it('names the non-finite values', () => {
    expect(formatPlotNumber(NaN)).toBe('NaN');
    expect(formatPlotNumber(Infinity)).toBe('∞');
    expect(formatPlotNumber(-Infinity)).toBe('\u2212∞');
  });
});

describe('axis ticks', () => {
  it('gives round linear ticks inside the domain', () => {
    const ticks = linearTicks([-3, 3], 5);
    expect(ticks.map((t) => t.value)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(ticks[0].label).toBe('\u22123');
  });

  it('gives decade ticks for a log axis', () => {
    const values = logTicks([0.01, 100], 5).map((t) => t.value);
    expect(values).toEqual(expect.arrayContaining([0.01, 0.1, 1, 10, 100]));
  });

  it('scales the tick count with the length', () => {
    expect(tickCount(100, 16)).toBe(2);
    expect(tickCount(560, 16)).toBe(7);
    expect(tickCount(5000, 16)).toBe(10);
  });
});

describe('energyTicks', () => {
  it('positions linear ticks on the ramp', () => {
    const scale = createEnergyScale([0, 4]);
    const ticks = energyTicks(scale, 4);
    expect(ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
    expect(ticks.map((t) => t.u)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('gives round, increasing, well-separated ticks on a log ramp', () => {
    const scale = createEnergyScale([0, 1000], { log: true });
    const ticks = energyTicks(scale, 5);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    for (let k = 1; k < ticks.length; k++) {
      expect(ticks[k].value).toBeGreaterThan(ticks[k - 1].value);
      expect(ticks[k].u - ticks[k - 1].u).toBeGreaterThanOrEqual(0.7 / 5 - 1e-12);
    }
    for (const t of ticks) {
      expect(t.u).toBeCloseTo(scale.toUnit(t.value), 12);
      // Round numbers: 1, 2 or 5 times a power of ten (or zero).
      expect(t.value === 0 || /^[125]0*$/.test(String(t.value))).toBe(true);
    }
  });

  it('labels fractional log ticks without floating-point noise', () => {
    const scale = createEnergyScale([-0.3, 0.7], { log: true, logUnit: 0.001 });
    for (const t of energyTicks(scale, 6)) {
      expect(t.label).not.toMatch(/0000|9999/);
      expect(Number(t.label.replace('\u2212', '-'))).toBeCloseTo(t.value, 12);
    }
  });

  it('has a single tick for a flat surface', () => {
    expect(energyTicks(createEnergyScale([2, 2]))).toEqual([{ value: 2, u: 0.5, label: '2' }]);
  });
});

describe('locale-aware numbers', () => {
  it('reads the symbols of a locale from Intl, with a real minus sign', () => {
    expect(numberSymbols('fr')).toMatchObject({ locale: 'fr', decimal: ',', group: NNBSP, minus: MINUS });
    expect(numberSymbols('en')).toMatchObject({ locale: 'en', decimal: '.', group: ',', minus: MINUS });
    expect(numberSymbols('fr').digits.join('')).toBe('0123456789');
  });

  it('falls back to English for an unsupported or malformed language code', () => {
    expect(numberSymbols('xx').locale).toBe('en');
    expect(formatPlotNumber(-1.5, 3, 'xx')).toBe(`${MINUS}1.5`);
    expect(formatPlotNumber(-1.5, 3, 'not a language!')).toBe(`${MINUS}1.5`);
  });

  it('re-spells English numbers in one pass, so swapped separators do not collide', () => {
    expect(localizeNumber('-12,345.5', 'de')).toBe(`${MINUS}12.345,5`);
    expect(localizeNumber(`${MINUS}12,345.5`, 'fr')).toBe(`${MINUS}12${NNBSP}345,5`);
    expect(localizeNumber('1.5×10⁻³', 'fr')).toBe('1,5×10⁻³');
  });

  it('formats values in French with a decimal comma and a real minus sign, keeping ×10ⁿ', () => {
    expect(formatPlotNumber(1.23456, 3, 'fr')).toBe('1,23');
    expect(formatPlotNumber(-0.5, 3, 'fr')).toBe(`${MINUS}0,5`);
    expect(formatPlotNumber(2, 3, 'fr')).toBe('2');
    expect(formatPlotNumber(12345, 3, 'fr')).toBe('12345');
    expect(formatPlotNumber(123456, 3, 'fr')).toBe('1,23×10⁵');
    expect(formatPlotNumber(-0.00012, 3, 'fr')).toBe(`${MINUS}1,2×10⁻⁴`);
    expect(formatPlotNumber(-Infinity, 3, 'fr')).toBe(`${MINUS}∞`);
  });

  it('keeps the English output of the existing callers', () => {
    expect(formatPlotNumber(-0.5)).toBe(formatPlotNumber(-0.5, 3, 'en'));
    expect(linearTicks([-1, 1], 4)).toEqual(linearTicks([-1, 1], 4, 'en'));
    expect(linearTicks([-1, 1], 4).map((t) => t.label)).toEqual([`${MINUS}1.0`, `${MINUS}0.5`, '0.0', '0.5', '1.0']);
  });

  it('labels French linear ticks with a comma and groups thousands', () => {
    expect(linearTicks([-1, 1], 4, 'fr').map((t) => t.label)).toEqual([`${MINUS}1,0`, `${MINUS}0,5`, '0,0', '0,5', '1,0']);
    expect(linearTicks([0, 20000], 2, 'fr').map((t) => t.label)).toEqual(['0', `10${NNBSP}000`, `20${NNBSP}000`]);
  });

  it('labels French log and legend ticks', () => {
    const log = logTicks([0.01, 100], 5, 'fr');
    expect(log.find((t) => t.value === 0.01)?.label).toBe('0,01');
    expect(log.find((t) => t.value === 0.1)?.label).toBe('0,1');
    const scale = createEnergyScale([-0.3, 0.7], { log: true, logUnit: 0.001 });
    const english = energyTicks(scale, 6);
    const french = energyTicks(scale, 6, undefined, 'fr');
    expect(french.map((t) => t.value)).toEqual(english.map((t) => t.value));
    expect(french.some((t) => t.label.includes(','))).toBe(true);
    for (const t of french) {
      expect(t.label).not.toContain('.');
      expect(Number(t.label.replace(MINUS, '-').replace(',', '.'))).toBeCloseTo(t.value, 12);
    }
    expect(energyTicks(createEnergyScale([-2.5, -2.5]), 5, undefined, 'fr')[0].label).toBe(`${MINUS}2,5`);
  });

  it('writes read-out coordinates with fixed decimals for the locale', () => {
    const fr = coordinateFormatter([-3, 3], 128, 'fr');
    expect(fr(-1.5)).toBe(`${MINUS}1,50`);
    expect(fr(-0.001)).toBe('0,00');
    expect(coordinateFormatter([-3, 3], 128)(-1.5)).toBe(`${MINUS}1.50`);
    expect(formatFixed(2, 0, 'fr')).toBe('2');
  });
});
