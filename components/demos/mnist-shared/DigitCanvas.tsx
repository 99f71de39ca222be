'use client';

import { useEffect, useRef } from 'react';
import styles from './mnist.module.css';
import { PIXELS, SIDE, paintImage, type PaintMode } from './pixels';

interface DigitCanvasProps {
  /** Images one after another (784 values each); null draws an empty tile. */
  values: Float32Array | null;
  /** Which image of `values`. */
  index: number;
  mode?: PaintMode;
  /** Bump when `values` was refilled in place. */
  version?: number;
  className?: string;
}

/**
 * One 28×28 image on a 28×28 canvas, scaled up by CSS with nearest-neighbour sampling so the
 * pixels stay crisp; painted with one putImageData into a reused buffer. Decorative for
 * assistive technology: the group around it carries the text alternative.
 */
export function DigitCanvas({ values, index, mode = 'grey', version = 0, className }: DigitCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    if (!values || values.length < (index + 1) * PIXELS) {
      ctx.clearRect(0, 0, SIDE, SIDE);
      return;
    }
    image.current ??= ctx.createImageData(SIDE, SIDE);
    paintImage(values, index * PIXELS, mode, image.current.data, SIDE);
    ctx.putImageData(image.current, 0, 0);
  }, [values, index, mode, version]);
  return <canvas ref={ref} width={SIDE} height={SIDE} className={className ? `${styles.digit} ${className}` : styles.digit} aria-hidden="true" />;
}

interface KernelCanvasProps {
  /** count×784 kernel weights. */
  values: Float32Array | null;
  count: number;
  columns: number;
  version?: number;
  label: string;
}

const GAP = 2;

/** A grid of encoder kernels on one canvas, diverging colours symmetric around zero. */
export function KernelCanvas({ values, count, columns, version = 0, label }: KernelCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const rows = Math.max(1, Math.ceil(count / columns));
  const width = columns * SIDE + (columns - 1) * GAP;
  const height = rows * SIDE + (rows - 1) * GAP;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    if (!values) return;
    const image = ctx.createImageData(width, height);
    const shown = Math.min(count, Math.floor(values.length / PIXELS));
    for (let k = 0; k < shown; k++) {
      const col = k % columns;
      const row = Math.floor(k / columns);
      paintImage(values, k * PIXELS, 'diverging', image.data, width, col * (SIDE + GAP), row * (SIDE + GAP));
    }
    ctx.putImageData(image, 0, 0);
  }, [values, count, columns, width, height, version]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className={styles.kernels}
      style={{ aspectRatio: `${width} / ${height}` }}
      role="img"
      aria-label={label}
      data-panel="kernels"
    />
  );
}
