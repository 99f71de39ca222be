import type { Tick } from '@/lib/plot/ticks';
import styles from './Axis.module.css';

export { styles as axisStyles };

export interface AxisProps {
  /** Where the axis stands: below the plot area (x) or to its left (y). */
  side: 'bottom' | 'left';
  ticks: readonly Tick[];
  /** Data value → pixel along the axis, in the coordinates of the enclosing SVG group. */
  scale: (v: number) => number;
  /** Pixel across the axis where its line runs: the plot area's bottom (x) or left edge (y). */
  at: number;
  tickLength: number;
  fontPx: number;
  /** Baseline of the tick labels of a bottom axis; one line below the ticks by default. */
  labelBaseline?: number;
  /** Grid lines across the plot area, from `at` over this many pixels (left axis only). */
  gridLength?: number;
  /** Axis title and where its centre goes (a left axis' title is turned a quarter). */
  title?: { text: string; x: number; y: number };
}

/** Ticks, tick labels, optional grid lines and title of one axis of a plot, in SVG. */
export function Axis({ side, ticks, scale, at, tickLength, fontPx, labelBaseline, gridLength, title }: AxisProps) {
  const bottom = side === 'bottom';
  return (
    <>
      {ticks.map((t) => {
        const p = scale(t.value);
        return bottom ? (
          <g key={`x${t.value}`}>
            <line className={styles.tick} x1={p} x2={p} y1={at} y2={at + tickLength} />
            <text className={styles.tickLabel} x={p} y={labelBaseline ?? at + tickLength + 1.15 * fontPx} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ) : (
          <g key={`y${t.value}`}>
            {gridLength ? <line className={styles.grid} x1={at} x2={at + gridLength} y1={p} y2={p} /> : null}
            <line className={styles.tick} x1={at - tickLength} x2={at} y1={p} y2={p} />
            <text className={styles.tickLabel} x={at - tickLength - 0.25 * fontPx} y={p} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        );
      })}
      {title?.text ? (
        bottom ? (
          <text className={styles.title} x={title.x} y={title.y} textAnchor="middle">
            {title.text}
          </text>
        ) : (
          <text className={styles.title} transform={`translate(${title.x},${title.y}) rotate(-90)`} dy="0.35em" textAnchor="middle">
            {title.text}
          </text>
        )
      ) : null}
    </>
  );
}
