import { describe, expect, it } from 'vitest';
import { formatNumber } from '@/lib/i18n/format';

describe('formatNumber (read-outs)', () => {
  it('keeps the requested significant digits with the locale’s separators', () => {
    expect(formatNumber('en', 1.23456)).toBe('1.23');
    expect(formatNumber('fr', 1.23456)).toBe('1,23');
    expect(formatNumber('en', 1234567, 9)).toBe('1,234,567');
    expect(formatNumber('en', 0.0123456, 3)).toBe('0.0123');
    expect(formatNumber('en', 0)).toBe('0');
  });

  it('writes tiny values in scientific notation, never as a run of zeros', () => {
    expect(formatNumber('en', 0.0000123456)).toBe('1.23 × 10⁻⁵');
    expect(formatNumber('fr', -0.0000123456)).toMatch(/^-1,23 × 10⁻⁵$/);
    expect(formatNumber('en', 0.0005)).toBe('5 × 10⁻⁴');
  });

  it('writes noise-level values as ≈ 0 (the energy-inference read-out at a minimum)', () => {
    expect(formatNumber('en', 0.000000000001918)).toBe('≈ 0');
    expect(formatNumber('fr', -1e-15)).toBe('≈ 0');
    expect(formatNumber('en', 1e-12, 3, { zeroBelow: 1e-14 })).toBe('1 × 10⁻¹²');
  });

  it('says when there is no number yet, and writes infinities', () => {
    expect(formatNumber('en', Number.NaN)).toBe('—');
    expect(formatNumber('en', Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
