/**
 * Axis and legend ticks with labels. Linear axes use d3-scale's tick algorithm; the legend of a
 * log-scaled colour ramp needs its own, since d3's log scale assumes a pure log with a positive
 * domain while ours is log(1 + (E − min)/unit).
 *
 * Every label is written for a locale (BCP-47 code, default 'en'): its decimal separator, digit
 * grouping, digits and minus sign, while the compact ×10ⁿ notation is kept in every language.
 * Numbers are first written in the English form and then re-spelt character by character, so the
 * rounding is identical in every language and only the symbols change.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { EnergyScale } from './colour-scale';

export interface Tick {
  readonly value: number;
  readonly label: string;
}

export interface UnitTick extends Tick {
  /** Position on the colour ramp, in [0, 1]. */
  readonly u: number;
}

const MINUS = '\u2212';
const DEFAULT_LOCALE = 'en';

/** How a locale writes the parts of a number. */
export interface NumberSymbols {
  /** Resolved locale actually used (an unsupported code falls back to 'en'). */
  readonly locale: string;
  readonly decimal: string;
  readonly group: string;
  /** Minus sign, with any bidi marks the locale puts before it; a hyphen-minus becomes U+2212. */
  readonly minus: string;
  /** The locale's digits 0–9. */
  readonly digits: readonly string[];
}

const symbolCache = new Map<string, NumberSymbols>();

/**
 * Number symbols of a locale, from Intl. An unsupported or malformed code falls back to English
 * rather than to the runtime's default locale, so the server and the browser agree.
 */
export function numberSymbols(locale: string = DEFAULT_LOCALE): NumberSymbols {
  const cached = symbolCache.get(locale);
  if (cached) return cached;
  let resolved = DEFAULT_LOCALE;
  try {
    resolved = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? DEFAULT_LOCALE;
  } catch {
    // RangeError for a malformed tag: keep English.
  }
  const parts = new Intl.NumberFormat(resolved).formatToParts(-12345.5);
  const firstInteger = parts.findIndex((p) => p.type === 'integer');
  const sign = parts
    .slice(0, Math.max(0, firstInteger))
    .filter((p) => p.type === 'minusSign' || p.type === 'literal')
    .map((p) => p.value)
    .join('');
  const plain = new Intl.NumberFormat(resolved, { useGrouping: false });
  const symbols: NumberSymbols = {
    locale: resolved,
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    minus: (sign || '-').replace('-', MINUS),
    digits: Array.from({ length: 10 }, (_, d) => plain.format(d)),
  };
  symbolCache.set(locale, symbols);
  return symbols;
}

/**
 * Re-spells a number written the English way ('.' decimal point, ',' grouping, '-' or '−' minus,
 * ASCII digits) for `locale`. Other characters (×, superscripts, ∞, letters) are kept as they are.
 */
export function localizeNumber(english: string, locale: string = DEFAULT_LOCALE): string {
  const sym = numberSymbols(locale);
  let out = '';
  for (const c of english) {
    if (c === '.') out += sym.decimal;
    else if (c === ',') out += sym.group;
    else if (c === '-' || c === MINUS) out += sym.minus;
    else if (c >= '0' && c <= '9') out += sym.digits[c.charCodeAt(0) - 48];
    else out += c;
  }
  return out;
}

const SUPERSCRIPTS: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * Compact human-readable number: `digits` significant figures, trailing zeros dropped, a true
 * minus sign, and a ×10ⁿ form outside [10⁻³, 10⁵) where fixed notation gets unreadable; written
 * with the decimal separator, digits and minus sign of `locale`.
 */
export function formatPlotNumber(v: number, digits = 3, locale: string = DEFAULT_LOCALE): string {
  return localizeNumber(formatNumberEnglish(v, digits), locale);
}

function formatNumberEnglish(v: number, digits: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS}∞`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e5 || a < 1e-3) {
    const [mantissa, exponent] = v.toExponential(Math.max(0, digits - 1)).split('e');
    const m = stripZeros(mantissa);
    const e = String(Number(exponent))
      .split('')
      .map((c) => SUPERSCRIPTS[c] ?? c)
      .join('');
    s = `${m}×10${e}`;
  } else {
    s = stripZeros(v.toPrecision(digits));
    // toPrecision switches to exponent form for large integers with few digits (e.g. 12345 at 3).
    if (s.includes('e')) s = String(Math.round(v));
  }
  return s.replace('-', MINUS);
}

function stripZeros(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * A number with a fixed count of decimals (for read-outs that should not jitter in width), a
 * true minus sign, no grouping, and no sign on a value that rounds to zero.
 */
export function formatFixed(v: number, decimals: number, locale: string = DEFAULT_LOCALE): string {
  if (!Number.isFinite(v)) return formatPlotNumber(v, 3, locale);
  const s = v.toFixed(Math.min(100, Math.max(0, Math.round(decimals))));
  return localizeNumber(Number(s) === 0 ? s.replace('-', '') : s, locale);
}

/**
 * Formatter for the coordinates of grid nodes over `range` with `n` nodes: as many decimals as the
 * grid spacing needs (at most 6), so that neighbouring nodes read differently.
 */
export function coordinateFormatter(
  range: readonly [number, number],
  n: number,
  locale: string = DEFAULT_LOCALE,
): (v: number) => string {
  const step = Math.abs(range[1] - range[0]) / Math.max(1, n - 1);
  const decimals = step > 0 ? Math.min(6, Math.max(0, Math.ceil(-Math.log10(step)))) : 2;
  return (v) => formatFixed(v, decimals, locale);
}

/** Round ticks of a linear axis over `domain`, about `count` of them, labelled consistently. */
export function linearTicks(domain: readonly [number, number], count: number, locale: string = DEFAULT_LOCALE): Tick[] {
  const scale = scaleLinear().domain([domain[0], domain[1]]);
  // d3 writes the English form ('.' decimal, ',' groups, '−' minus), which is then re-spelt.
  const format = scale.tickFormat(count);
  return scale.ticks(count).map((value) => ({ value, label: localizeNumber(format(value), locale) }));
}

/** Ticks of a log axis (positive domain), labelled with formatPlotNumber. */
export function logTicks(domain: readonly [number, number], count: number, locale: string = DEFAULT_LOCALE): Tick[] {
  const scale = scaleLog().domain([domain[0], domain[1]]);
  const all = scale.ticks(count);
  // d3 returns every 1…9 multiple per decade; keep the ones its formatter would label.
  const shown = scale.tickFormat(count);
  const ticks = all.filter((v) => shown(v) !== '');
  return (ticks.length >= 2 ? ticks : all).map((value) => ({ value, label: formatPlotNumber(value, 3, locale) }));
}

/** Number of decimals needed to print multiples of `step` exactly. */
function decimalsFor(step: number): number {
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

function formatStep(value: number, step: number, locale: string): string {
  const a = Math.abs(value);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return formatPlotNumber(value, 3, locale);
  const s = value.toFixed(decimalsFor(step));
  return localizeNumber(Number(s) === 0 ? '0' : s, locale);
}

/**
 * Ticks for a colour legend: energies with round labels and their positions on the ramp.
 *
 * For a linear ramp these are d3's ticks. For the log ramp, round numbers are tried from the
 * coarsest step (1, 2, 5 × 10ᵏ) down, and one is kept only if it is at least `minGap` (in ramp
 * units) away from those already kept: that yields the familiar 1, 2, 5, 10, 20, 50 … pattern
 * where the log compresses, without labels colliding near the low end.
 */
export function energyTicks(
  scale: EnergyScale,
  count = 5,
  minGap = 0.7 / Math.max(1, count),
  locale: string = DEFAULT_LOCALE,
): UnitTick[] {
  const [min, max] = scale.domain;
  if (!(max > min)) {
    return [{ value: min, u: scale.toUnit(min), label: formatPlotNumber(min, 3, locale) }];
  }
  if (!scale.log) {
    return linearTicks([min, max], count, locale).map((t) => ({ ...t, u: scale.toUnit(t.value) }));
  }
  const kept: { value: number; u: number; step: number }[] = [];
  const span = max - min;
  const floor = span * 1e-6;
  let exponent = Math.ceil(Math.log10(span));
  // Steps 10ᵏ, 5·10ᵏ⁻¹, 2·10ᵏ⁻¹, 10ᵏ⁻¹, … from coarse to fine.
  const mantissas = [1, 0.5, 0.2];
  outer: for (let guard = 0; guard < 60; guard++) {
    for (const mantissa of mantissas) {
      const step = mantissa * 10 ** exponent;
      if (step < floor) break outer;
      const first = Math.ceil(min / step - 1e-9);
      const last = Math.floor(max / step + 1e-9);
      if (last - first > 2000) break outer;
      for (let k = first; k <= last; k++) {
        // k·step (not accumulation) avoids drift; the rounding trims 0.30000000000000004-type noise.
        const value = Number((k * step).toPrecision(12));
        const u = scale.toUnit(value);
        if (kept.some((t) => Math.abs(t.u - u) < minGap)) continue;
        kept.push({ value, u, step });
      }
      if (kept.length >= count + 1) break outer;
    }
    exponent--;
  }
  kept.sort((a, b) => a.value - b.value);
  return kept.map(({ value, u, step }) => ({ value, u, label: formatStep(value, step, locale) }));
}

/** A reasonable number of axis ticks for a given length in pixels and font size. */
export function tickCount(lengthPx: number, fontPx: number, minSpacingEm = 4.5): number {
  return Math.max(2, Math.min(10, Math.floor(lengthPx / (minSpacingEm * fontPx))));
}
