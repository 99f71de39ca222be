'use client';

import { interpolateRdBu } from 'd3-scale-chromatic';

/** MNIST images are 28×28. */
export const SIDE = 28;
export const PIXELS = SIDE * SIDE;

export type PaintMode = 'grey' | 'mask' | 'diverging';

let rdbu: Uint8ClampedArray | null = null;

/** 256 RGB entries of RdBu, index 0 = most negative (blue) … 255 = most positive (red). */
function divergingLut(): Uint8ClampedArray {
  if (rdbu) return rdbu;
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    // d3's RdBu runs red → blue; reversed so that positive weights are warm.
    const [r, g, b] = (interpolateRdBu(1 - i / 255).match(/\d+/g) ?? ['0', '0', '0']).map(Number);
    lut[3 * i] = r;
    lut[3 * i + 1] = g;
    lut[3 * i + 2] = b;
  }
  rdbu = lut;
  return lut;
}

/**
 * Writes one 28×28 image into `out` (RGBA, row stride `stride` pixels, top-left at x0, y0).
 * grey: [-1, 1] → black…white (values outside are clamped); mask: 1 → orange, 0 → near black;
 * diverging: symmetric around 0, scaled by the image's own largest magnitude.
 */
export function paintImage(values: ArrayLike<number>, offset: number, mode: PaintMode, out: Uint8ClampedArray, stride: number, x0 = 0, y0 = 0): void {
  let scale = 1;
  if (mode === 'diverging') {
    let max = 0;
    for (let i = 0; i < PIXELS; i++) max = Math.max(max, Math.abs(values[offset + i]));
    scale = max > 0 ? 1 / max : 0;
  }
  const lut = mode === 'diverging' ? divergingLut() : null;
  for (let y = 0; y < SIDE; y++) {
    let o = ((y0 + y) * stride + x0) * 4;
    for (let x = 0; x < SIDE; x++, o += 4) {
      const v = values[offset + y * SIDE + x];
      if (mode === 'grey') {
        const g = (v + 1) * 127.5;
        out[o] = g;
        out[o + 1] = g;
        out[o + 2] = g;
      } else if (mode === 'mask') {
        const on = v > 0.5;
        out[o] = on ? 255 : 24;
        out[o + 1] = on ? 140 : 24;
        out[o + 2] = on ? 26 : 28;
      } else {
        const k = Math.max(0, Math.min(255, Math.round((v * scale + 1) * 127.5))) * 3;
        out[o] = lut![k];
        out[o + 1] = lut![k + 1];
        out[o + 2] = lut![k + 2];
      }
      out[o + 3] = 255;
    }
  }
}
