import { describe, expect, it } from 'vitest';
import {
  LUT_SIZE,
  colourLut,
  coverDomain,
  createEnergyScale,
  energyDomain,
  fillEnergyImage,
  parseCssColour,
} from '@/lib/plot/colour-scale';

function rgbaAt(buffer: Uint8ClampedArray, n: number, row: number, col: number): number[] {
  const k = 4 * (row * n + col);
  return Array.from(buffer.subarray(k, k + 4));
}

function lutEntry(index: number): number[] {
  return Array.from(colourLut('viridis').subarray(4 * index, 4 * index + 4));
}

describe('energyDomain', () => {
  it('ignores NaN and ±Infinity', () => {
    expect(energyDomain(new Float32Array([NaN, 3, -Infinity, -2, Infinity, 5, NaN]))).toEqual([-2, 5]);
  });

  it('returns null when no value is finite', () => {
    expect(energyDomain([NaN, Infinity, -Infinity])).toBeNull();
    expect(energyDomain([])).toBeNull();
  });

  it('clips to quantiles when asked, still ignoring non-finite values', () => {
    const values = Array.from({ length: 101 }, (_, k) => k);
    values.push(1e9, NaN, Infinity);
    // d3's quantileSorted interpolates between the ranks around p·(n − 1) = 99.99.
    const [low, high] = energyDomain(values, { quantiles: [0, 0.99] })!;
    expect(low).toBe(0);
    expect(high).toBeCloseTo(99.99, 9);
  });
});

describe('coverDomain', () => {
  it('widens a domain to a floor range but never narrows it', () => {
    expect(coverDomain([-1, 2], [-6, 6])).toEqual([-6, 6]);
    expect(coverDomain([-9, 2], [-6, 6])).toEqual([-9, 6]);
    expect(coverDomain([-9, 20], [-6, 6])).toEqual([-9, 20]);
    expect(coverDomain([-1, 2], undefined)).toEqual([-1, 2]);
    // Nothing to show stays nothing: the floor is not data.
    expect(coverDomain(null, [-6, 6])).toBeNull();
  });
});

describe('colour lookup table', () => {
  it('has LUT_SIZE opaque entries from dark to bright viridis', () => {
    const lut = colourLut('viridis');
    expect(lut.length).toBe(LUT_SIZE * 4);
    expect(lutEntry(0)).toEqual([0x44, 0x01, 0x54, 255]);
    expect(lutEntry(LUT_SIZE - 1)).toEqual([0xfd, 0xe7, 0x25, 255]);
  });

  it('parses both colour syntaxes d3 produces', () => {
    expect(parseCssColour('#0a0B0c')).toEqual([10, 11, 12]);
    expect(parseCssColour('rgb(0, 32, 81)')).toEqual([0, 32, 81]);
    expect(() => parseCssColour('no-such-colour')).toThrow();
  });

  it('builds cividis too', () => {
    const lut = colourLut('cividis');
    expect(Array.from(lut.subarray(0, 4))).toEqual([0, 32, 81, 255]);
  });
});

describe('createEnergyScale', () => {
  it('maps the domain linearly onto [0, 1] and clamps outside it', () => {
    const s = createEnergyScale([2, 6]);
    expect(s.toUnit(2)).toBe(0);
    expect(s.toUnit(4)).toBe(0.5);
    expect(s.toUnit(6)).toBe(1);
    expect(s.toUnit(-100)).toBe(0);
    expect(s.toUnit(Infinity)).toBe(1);
    expect(s.toUnit(NaN)).toBeNaN();
    expect(s.fromUnit(0.25)).toBe(3);
  });

  it('log scale is monotone, spans [0, 1] and inverts', () => {
    const s = createEnergyScale([-1, 1e4], { log: true });
    let previous = -1;
    for (let e = -1; e <= 1e4; e += 0.37 + e * 0.01) {
      const u = s.toUnit(e);
      expect(u).toBeGreaterThan(previous);
      expect(s.fromUnit(u)).toBeCloseTo(e, 6);
      previous = u;
    }
    expect(s.toUnit(-1)).toBe(0);
    expect(s.toUnit(1e4)).toBeCloseTo(1, 12);
    // Decades get comparable room: the first tenth of the range takes far more than a tenth of the ramp.
    expect(s.toUnit(1e3)).toBeGreaterThan(0.7);
  });

  it('log scale with a smaller unit stretches small energy differences', () => {
    const coarse = createEnergyScale([0, 0.1], { log: true });
    const fine = createEnergyScale([0, 0.1], { log: true, logUnit: 1e-3 });
    expect(fine.toUnit(0.01)).toBeGreaterThan(coarse.toUnit(0.01) + 0.3);
  });

  it('puts a flat surface mid-ramp', () => {
    const s = createEnergyScale([3, 3]);
    expect(s.toUnit(3)).toBe(0.5);
    expect(s.fromUnit(0.9)).toBe(3);
  });

  it('rejects a non-finite domain', () => {
    expect(() => createEnergyScale([0, Infinity])).toThrow(RangeError);
  });
});

describe('fillEnergyImage', () => {
  it('puts the top of the box (largest y) in image row 0', () => {
    const n = 8;
    // E = y: grid row j holds the value j everywhere, so the top row of the image must be brightest.
    const values = new Float32Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = j;
    const scale = createEnergyScale(energyDomain(values)!);
    const image = fillEnergyImage(values, n, scale);
    for (let col = 0; col < n; col++) {
      expect(rgbaAt(image, n, 0, col)).toEqual(lutEntry(LUT_SIZE - 1));
      expect(rgbaAt(image, n, n - 1, col)).toEqual(lutEntry(0));
    }
  });

  it('keeps x running left to right', () => {
    const n = 5;
    const values = new Float32Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = i;
    const image = fillEnergyImage(values, n, createEnergyScale([0, n - 1]));
    expect(rgbaAt(image, n, 2, 0)).toEqual(lutEntry(0));
    expect(rgbaAt(image, n, 2, n - 1)).toEqual(lutEntry(LUT_SIZE - 1));
  });

  it('agrees with scale.colour for every pixel, linear and log', () => {
    const n = 16;
    const values = new Float32Array(n * n);
    for (let k = 0; k < values.length; k++) values[k] = Math.exp(k / 20) - 3;
    for (const log of [false, true]) {
      const scale = createEnergyScale(energyDomain(values)!, { log });
      const image = fillEnergyImage(values, n, scale);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const [r, g, b] = rgbaAt(image, n, n - 1 - j, i);
          const hex = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          expect(hex).toBe(scale.colour(values[j * n + i]));
        }
      }
    }
  });

  it('makes NaN transparent and clamps infinities to the ends of the ramp', () => {
    const n = 2;
    const values = new Float32Array([NaN, Infinity, -Infinity, 1]);
    const image = fillEnergyImage(values, n, createEnergyScale([0, 2]));
    // Grid row 0 (bottom) is image row 1.
    expect(rgbaAt(image, n, 1, 0)[3]).toBe(0);
    expect(rgbaAt(image, n, 1, 1)).toEqual(lutEntry(LUT_SIZE - 1));
    expect(rgbaAt(image, n, 0, 0)).toEqual(lutEntry(0));
    expect(rgbaAt(image, n, 0, 1)).toEqual(lutEntry(128));
  });

  it('is fast enough to run on every redraw', () => {
    const n = 128;
    const values = new Float32Array(n * n);
    for (let k = 0; k < values.length; k++) values[k] = Math.sin(k) * 10 + (k % 7);
    const out = new Uint8ClampedArray(n * n * 4);
    for (const log of [false, true]) {
      const scale = createEnergyScale(energyDomain(values)!, { log });
      for (let warm = 0; warm < 20; warm++) fillEnergyImage(values, n, scale, out);
      const runs = 50;
      const t0 = performance.now();
      for (let r = 0; r < runs; r++) fillEnergyImage(values, n, scale, out);
      const perFill = (performance.now() - t0) / runs;
      // Target is ≪ 5 ms; the bound is loose so a busy CI machine does not make it flaky.
      expect(perFill).toBeLessThan(5);
    }
  });
});
