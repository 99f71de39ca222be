import type { EnergyScale } from '@/lib/plot/colour-scale';
import { labelWidth } from '@/lib/plot/layout';
import { energyTicks, tickCount } from '@/lib/plot/ticks';
import { axisStyles } from './Axis';
import styles from './ColourLegend.module.css';

const GRADIENT_STOPS = 16;

export interface ColourLegendProps {
  /** The colour scale shown; null while there is none (an empty bar). */
  scale: EnergyScale | null;
  /** Bar position and size, and the baselines of the title and tick labels (lib/plot/layout). */
  geometry: {
    left: number;
    width: number;
    barWidth: number;
    barTop: number;
    barHeight: number;
    height: number;
    titleBaseline: number;
    tickBaseline: number;
    tickLength: number;
    fontPx: number;
  };
  /** Unit positions on the ramp marked on the bar (the isoline levels). */
  marks?: readonly { level: number; u: number }[];
  title: string;
  /** Accessible name: what the colours mean and over which range. */
  label: string;
  /** An id unique on the page for the gradient. */
  gradientId: string;
  lang: string;
}

/** The colour bar of a heatmap: its ramp, ticks in data units, and marks at the isoline levels. */
export function ColourLegend({ scale, geometry: g, marks = [], title, label, gradientId, lang }: ColourLegendProps) {
  const stops = [];
  for (let k = 0; k <= GRADIENT_STOPS; k++) {
    const u = k / GRADIENT_STOPS;
    stops.push(<stop key={k} offset={u} stopColor={scale ? scale.colourAt(u) : 'transparent'} />);
  }
  const ticks = scale ? energyTicks(scale, tickCount(g.barWidth, g.fontPx, 5), undefined, lang) : [];
  const barBottom = g.barTop + g.barHeight;
  return (
    <svg className={styles.legend} width={g.width} height={g.height} role="img" aria-label={label} data-colour-min={scale?.domain[0]} data-colour-max={scale?.domain[1]}>
      <defs>
        <linearGradient id={gradientId} x1="0" x2="1" y1="0" y2="0">
          {stops}
        </linearGradient>
      </defs>
      <text className={axisStyles.title} x={g.left} y={g.titleBaseline}>
        {title}
      </text>
      <rect className={styles.bar} x={g.left} y={g.barTop} width={g.barWidth} height={g.barHeight} fill={scale ? `url(#${gradientId})` : 'none'} />
      {marks.map((m) => {
        const x = g.left + m.u * g.barWidth;
        return (
          <g key={m.level}>
            <line className={styles.markHalo} x1={x} x2={x} y1={g.barTop} y2={barBottom} />
            <line className={styles.mark} x1={x} x2={x} y1={g.barTop} y2={barBottom} />
          </g>
        );
      })}
      {ticks.map((t) => {
        const x = g.left + t.u * g.barWidth;
        const half = labelWidth(t.label, g.fontPx) / 2;
        // Keep end labels inside the SVG instead of letting them be clipped.
        const anchor = x + half > g.width ? 'end' : x - half < 0 ? 'start' : 'middle';
        return (
          <g key={t.value}>
            <line className={axisStyles.tick} x1={x} x2={x} y1={barBottom} y2={barBottom + g.tickLength} />
            <text className={axisStyles.tickLabel} x={x} y={g.tickBaseline} textAnchor={anchor}>
              {t.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
