/**
 * Energy → colour mapping for the heatmaps.
 *
 * The colour ramps are perceptually uniform (viridis, cividis) so that equal steps in the
 * transformed energy read as equal steps in lightness, and they stay readable in greyscale and
 * for most colour-vision deficiencies. Everything here is pure so it can be tested in Node and
 * run on every redraw.
 */
import { extent, quantileSorted } from 'd3-array';
import { color, rgb } from 'd3-color';
import { interpolateCividis, interpolateViridis } from 'd3-scale-chromatic';

export type ColourMap = 'viridis' | 'cividis';

export type Domain = readonly [number, number];

/** Number of entries of the colour lookup table; one byte of resolution is below what anyone can see. */
export const LUT_SIZE = 256;

export interface DomainOptions {
  /**
   * Lower and upper quantiles (0–1) to clip the domain to, so that a few extreme energies (e.g. at
   * the corners of the box) do not wash out the rest of the surface. Default: no clipping.
   */
  readonly quantiles?: readonly [number, number];
}

/**
 * Range of the finite values, or null when there is none. NaN and ±Infinity are skipped because a
 * single diverged node would otherwise make the whole colour scale degenerate.
 */
export function energyDomain(values: ArrayLike<number>, options: DomainOptions = {}): Domain | null {
  const q = options.quantiles;
  if (q && (q[0] > 0 || q[1] < 1)) return quantileDomain(values, q);
  return finiteExtent(values);
}

/** d3's extent over the finite values (d3 skips NaN but not ±Infinity). */
export function finiteExtent(values: ArrayLike<number>, accept?: (v: number) => boolean): [number, number] | null {
  const [min, max] = extent(Array.prototype.values.call(values) as Iterable<number>, (v) => (Number.isFinite(v) && (!accept || accept(v)) ? v : undefined));
  return min === undefined || max === undefined ? null : [min, max];
}

/**
 * Widens a domain to cover at least `floor`: a plot whose colours must keep their meaning from
 * one frame to the next (a collapsing surface should look flat, not have its ripples stretched
 * over the whole ramp) fixes a minimum range and still shows values beyond it.
 */
export function coverDomain(domain: Domain | null, floor: Domain | undefined): Domain | null {
  if (!floor) return domain;
  if (!domain) return null;
  return [Math.min(domain[0], floor[0]), Math.max(domain[1], floor[1])];
}

function quantileDomain(values: ArrayLike<number>, q: readonly [number, number]): Domain | null {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return [quantileSorted(sorted, q[0])!, quantileSorted(sorted, q[1])!];
}

export interface EnergyScaleOptions {
  /** Log scale for energies spanning decades: t = log(1 + (E − min)/logUnit). */
  readonly log?: boolean;
  /**
   * Energy difference below which the log scale is roughly linear. 1 matches the usual
   * log(1 + E − min); lower it for surfaces whose whole range is much smaller than 1.
   */
  readonly logUnit?: number;
  readonly colourMap?: ColourMap;
}

export interface EnergyScale {
  readonly domain: Domain;
  readonly log: boolean;
  readonly logUnit: number;
  readonly colourMap: ColourMap;
  /** RGBA bytes, LUT_SIZE entries; entry k is the colour at unit position k/(LUT_SIZE − 1). */
  readonly lut: Uint8ClampedArray;
  /** Position of an energy on the colour ramp, clamped to [0, 1]; NaN for NaN. */
  toUnit(e: number): number;
  /** Inverse of toUnit on [0, 1]: the energy shown at a position of the ramp. */
  fromUnit(u: number): number;
  /** CSS colour for an energy (for legends and swatches, not for per-pixel work). */
  colour(e: number): string;
  /** CSS colour at a unit position of the ramp. */
  colourAt(u: number): string;
}

const interpolators: Record<ColourMap, (t: number) => string> = {
  viridis: interpolateViridis,
  cividis: interpolateCividis,
};

const lutCache = new Map<ColourMap, Uint8ClampedArray>();

/** The lookup table of a colour map, computed once per map and shared (treat it as read-only). */
export function colourLut(map: ColourMap = 'viridis'): Uint8ClampedArray {
  let lut = lutCache.get(map);
  if (!lut) {
    lut = new Uint8ClampedArray(LUT_SIZE * 4);
    const interpolate = interpolators[map];
    for (let k = 0; k < LUT_SIZE; k++) {
      const [r, g, b] = parseCssColour(interpolate(k / (LUT_SIZE - 1)));
      lut[4 * k] = r;
      lut[4 * k + 1] = g;
      lut[4 * k + 2] = b;
      lut[4 * k + 3] = 255;
    }
    lutCache.set(map, lut);
  }
  return lut;
}

/** The RGB bytes of a CSS colour (d3's interpolators return `#rrggbb` or `rgb(r, g, b)`). */
export function parseCssColour(css: string): [number, number, number] {
  const parsed = color(css);
  if (!parsed) throw new Error(`unsupported colour: ${css}`);
  const { r, g, b } = parsed.rgb();
  return [Math.round(r), Math.round(g), Math.round(b)];
}

export function createEnergyScale(domain: Domain, options: EnergyScaleOptions = {}): EnergyScale {
  const [min, max] = domain;
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) {
    throw new RangeError(`energy domain must be finite and ordered, got [${min}, ${max}]`);
  }
  const log = options.log ?? false;
  const logUnit = options.logUnit ?? 1;
  if (!(logUnit > 0)) throw new RangeError(`logUnit must be positive, got ${logUnit}`);
  const colourMap = options.colourMap ?? 'viridis';
  const lut = colourLut(colourMap);
  const span = max - min;
  // A flat surface has no contrast to show; putting it mid-ramp avoids pretending it is "low".
  const flat = !(span > 0);
  const tMax = log ? Math.log1p(span / logUnit) : span;

  const toUnit = (e: number): number => {
    if (e !== e) return NaN;
    if (flat) return 0.5;
    const d = e - min;
    if (d <= 0) return 0;
    const u = (log ? Math.log1p(d / logUnit) : d) / tMax;
    return u < 1 ? u : 1;
  };
  const fromUnit = (u: number): number => {
    if (flat) return min;
    const c = u < 0 ? 0 : u > 1 ? 1 : u;
    return log ? min + logUnit * Math.expm1(c * tMax) : min + c * span;
  };
  const colourAt = (u: number): string => {
    const k = 4 * Math.round((u < 0 ? 0 : u > 1 ? 1 : u) * (LUT_SIZE - 1));
    return rgb(lut[k], lut[k + 1], lut[k + 2]).formatHex();
  };
  const colour = (e: number): string => {
    const u = toUnit(e);
    return u === u ? colourAt(u) : 'transparent';
  };
  return { domain: [min, max], log, logUnit, colourMap, lut, toUnit, fromUnit, colour, colourAt };
}

/**
 * Fills an RGBA buffer (e.g. `ImageData.data`) with the colours of an n×n grid.
 *
 * The grid is stored with j = 0 at the bottom (see lib/ml/grid.ts) while image rows run top to
 * bottom, so grid row j goes to image row n − 1 − j. NaN nodes become fully transparent (so the
 * page shows through where the energy is undefined); ±Infinity clamp to the ends of the ramp.
 */
export function fillEnergyImage(
  values: ArrayLike<number>,
  n: number,
  scale: EnergyScale,
  out: Uint8ClampedArray = new Uint8ClampedArray(n * n * 4),
): Uint8ClampedArray {
  if (values.length < n * n) throw new RangeError(`expected ${n * n} values, got ${values.length}`);
  if (out.length < n * n * 4) throw new RangeError(`output buffer too small for ${n}×${n}`);
  const lut = scale.lut;
  const [min, max] = scale.domain;
  const span = max - min;
  const top = LUT_SIZE - 1;
  // The per-pixel path is inlined rather than calling scale.toUnit: this runs on every redraw and
  // the closure call plus clamping twice is measurable at 256×256.
  const flat = !(span > 0);
  const log = scale.log;
  const invUnit = 1 / scale.logUnit;
  const gain = flat ? 0 : top / (log ? Math.log1p(span * invUnit) : span);
  const mid = 4 * Math.round(top / 2);
  for (let j = 0; j < n; j++) {
    const src = j * n;
    let dst = (n - 1 - j) * n * 4;
    for (let i = 0; i < n; i++, dst += 4) {
      const e = values[src + i];
      if (e !== e) {
        out[dst] = 0;
        out[dst + 1] = 0;
        out[dst + 2] = 0;
        out[dst + 3] = 0;
        continue;
      }
      let k: number;
      if (flat) {
        k = mid;
      } else {
        const d = e - min;
        const t = d <= 0 ? 0 : (log ? Math.log1p(d * invUnit) : d) * gain;
        // `t + 0.5 | 0` rounds to the nearest entry; `|0` would turn +Infinity into 0, hence the clamp first.
        k = t >= top ? 4 * top : 4 * ((t + 0.5) | 0);
      }
      out[dst] = lut[k];
      out[dst + 1] = lut[k + 1];
      out[dst + 2] = lut[k + 2];
      out[dst + 3] = lut[k + 3];
    }
  }
  return out;
}
