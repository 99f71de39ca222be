'use client';

import { useId, useMemo, useRef, type ReactNode } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { linePlotNotes } from '@/lib/plot/describe';
import { labelWidth } from '@/lib/plot/layout';
import { linePath, seriesExtent } from '@/lib/plot/line-path';
import { defaultPlotStrings, type PlotStrings } from '@/lib/plot/strings';
import { linearTicks, logTicks, tickCount, type Tick } from '@/lib/plot/ticks';
import { Axis } from './Axis';
import styles from './LinePlot.module.css';
import { SeriesKey } from './SeriesKey';
import { useMeasure } from './useMeasure';

export interface LineSeries {
  label: string;
  values: ArrayLike<number>;
  /** x of each value; the index when omitted. */
  xs?: ArrayLike<number>;
  /** Any CSS colour, including var(--accent). */
  colour?: string;
}

export interface LinePlotProps {
  series: readonly LineSeries[];
  xLabel?: string;
  yLabel?: string;
  /** Log y axis; values ≤ 0 are left out (the line breaks there). */
  logY?: boolean;
  /** A vertical line, e.g. at the z being checked. */
  marker?: { x: number; label?: string } | null;
  /** Fixed ranges; by default they fit the data. */
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  /** Accessible name of the chart. */
  label: string;
  /** Text alternative describing what the curves show (visually hidden, linked by aria-describedby). */
  summary: string;
  /** Bump when series arrays were mutated in place. */
  version?: number;
  /** Height of the chart relative to its width. */
  aspect?: number;
  className?: string;
  /** UI strings of the page's language (the `plot` group of its dictionary); English by default. */
  strings?: PlotStrings;
  /** BCP-47 language of the page, for numbers (decimal separator, minus sign); 'en' by default. */
  lang?: string;
}

// First the site's accent, then Okabe–Ito hues that keep ≥ 3:1 contrast on both the light and
// the dark page background; dashes make series distinguishable without colour.
const PALETTE = ['var(--accent, #1d5fc7)', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];
const DASHES = [undefined, '6 4', '2 3', '8 3 2 3', '1 5', '10 5'];

function withFallback(domain: [number, number] | null, log: boolean): [number, number] {
  if (!domain) return log ? [1, 10] : [0, 1];
  const [a, b] = domain;
  if (a < b) return [a, b];
  // A single value still needs a visible range around it.
  return log ? [a / 10, a * 10] : a === 0 ? [-1, 1] : [a - Math.abs(a) / 2, a + Math.abs(a) / 2];
}

export function LinePlot({
  series,
  xLabel = '',
  yLabel = '',
  logY = false,
  marker = null,
  xDomain,
  yDomain,
  label,
  summary,
  version = 0,
  aspect = 0.6,
  className,
  strings = defaultPlotStrings,
  lang = 'en',
}: LinePlotProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const measure = useMeasure(rootRef);
  const reactId = useId();
  const ids = useMemo(() => {
    const base = `line-plot-${reactId.replace(/[^A-Za-z0-9_-]/g, '')}`;
    return { summary: `${base}-summary`, clip: `${base}-clip` };
  }, [reactId]);

  // The identity of `styled` changes with `version`, so in-place mutations refit and redraw.
  const styled = useMemo(
    () => ({
      version,
      list: series.map((s, k) => ({
        ...s,
        colour: s.colour ?? PALETTE[k % PALETTE.length],
        dash: DASHES[k % DASHES.length],
      })),
    }),
    [series, version],
  );

  const extents = useMemo(() => {
    const positive = (v: number) => v > 0;
    let x: [number, number] | null = null;
    let y: [number, number] | null = null;
    for (const s of styled.list) {
      const ex = s.xs ? seriesExtent(s.xs) : s.values.length ? ([0, s.values.length - 1] as [number, number]) : null;
      const ey = seriesExtent(s.values, logY ? positive : undefined);
      if (ex) x = x ? [Math.min(x[0], ex[0]), Math.max(x[1], ex[1])] : ex;
      if (ey) y = y ? [Math.min(y[0], ey[0]), Math.max(y[1], ey[1])] : ey;
    }
    return { x, y };
  }, [styled, logY]);

  const chart = useMemo(() => {
    if (!measure || measure.width <= 0) return null;
    const f = measure.fontPx;
    const width = measure.width;
    const height = Math.max(12 * f, Math.round(width * aspect));
    const top = Math.ceil(marker?.label ? 1.7 * f : 0.8 * f);
    const tickLength = 0.35 * f;
    const bottom = Math.ceil(tickLength + 1.15 * f + (xLabel ? 1.45 * f : 0) + 0.5 * f);
    const plotHeight = Math.max(4 * f, height - top - bottom);

    const xd = xDomain ? ([xDomain[0], xDomain[1]] as [number, number]) : withFallback(extents.x, false);
    const yd = yDomain ? ([yDomain[0], yDomain[1]] as [number, number]) : withFallback(extents.y, logY);
    const y = logY ? scaleLog().domain(yd) : scaleLinear().domain(yd);
    if (!yDomain) y.nice();
    y.range([plotHeight, 0]);
    const yCount = tickCount(plotHeight, f, 2.6);
    const [ny0, ny1] = y.domain() as [number, number];
    // Before there is any data, an axis without a fixed range has no scale to show: no made-up ticks.
    const yTicks: Tick[] = !extents.y && !yDomain ? [] : logY ? logTicks([ny0, ny1], yCount, lang) : linearTicks([ny0, ny1], yCount, lang);
    const left = Math.ceil(
      (yLabel ? 1.5 * f : 0.3 * f) + Math.max(0, ...yTicks.map((t) => labelWidth(t.label, f))) + tickLength + 0.5 * f,
    );
    const estimateWidth = Math.max(4 * f, width - left - 1.5 * f);
    const xTicks = !extents.x && !xDomain ? [] : linearTicks(xd, tickCount(estimateWidth, f, 4.5), lang);
    const lastX = xTicks.length ? labelWidth(xTicks[xTicks.length - 1].label, f) / 2 : 0;
    const right = Math.ceil(Math.max(0.75 * f, lastX + 0.2 * f));
    const plotWidth = Math.max(4 * f, width - left - right);
    const x = scaleLinear().domain(xd).range([0, plotWidth]);
    return { f, width, height, top, left, plotWidth, plotHeight, tickLength, x, y, xTicks, yTicks };
  }, [measure, aspect, marker?.label, xLabel, yLabel, xDomain, yDomain, extents, logY, lang]);

  const paths = useMemo(() => {
    if (!chart) return [];
    const defined = logY ? (_x: number, v: number) => v > 0 : undefined;
    const sx = (v: number) => chart.x(v);
    const sy = (v: number) => chart.y(v);
    return styled.list.map((s) => linePath(s.values, s.xs, sx, sy, { defined }));
  }, [chart, styled, logY]);

  let markerElement: ReactNode = null;
  if (chart && marker && Number.isFinite(marker.x)) {
    const mx = chart.x(marker.x);
    if (mx >= -0.5 && mx <= chart.plotWidth + 0.5) {
      const half = marker.label ? labelWidth(marker.label, chart.f) / 2 : 0;
      // Keep the label inside the SVG near either edge.
      const anchor = chart.left + mx + half > chart.width ? 'end' : chart.left + mx - half < 0 ? 'start' : 'middle';
      markerElement = (
        <g>
          <line className={styles.marker} x1={mx} x2={mx} y1={0} y2={chart.plotHeight} />
          {marker.label && (
            <text className={styles.markerLabel} x={mx} y={-0.45 * chart.f} textAnchor={anchor}>
              {marker.label}
            </text>
          )}
        </g>
      );
    }
  }

  const hasData = extents.y !== null;
  const notes = linePlotNotes(strings, { logY, marker, xLabel, locale: lang });
  const rootClass = className ? `${styles.root} ${className}` : styles.root;

  return (
    <div ref={rootRef} className={rootClass}>
      {chart ? (
        <svg
          className={styles.svg}
          width={chart.width}
          height={chart.height}
          role="img"
          aria-label={label}
          aria-describedby={ids.summary}
        >
          <defs>
            <clipPath id={ids.clip}>
              <rect x={0} y={-2} width={chart.plotWidth} height={chart.plotHeight + 4} />
            </clipPath>
          </defs>
          <g transform={`translate(${chart.left},${chart.top})`}>
            <rect className={styles.frame} width={chart.plotWidth} height={chart.plotHeight} />
            <Axis
              side="left"
              ticks={chart.yTicks}
              scale={chart.y}
              at={0}
              tickLength={chart.tickLength}
              fontPx={chart.f}
              gridLength={chart.plotWidth}
              title={{ text: yLabel, x: 0.75 * chart.f - chart.left, y: chart.plotHeight / 2 }}
            />
            <Axis
              side="bottom"
              ticks={chart.xTicks}
              scale={chart.x}
              at={chart.plotHeight}
              tickLength={chart.tickLength}
              fontPx={chart.f}
              title={{ text: xLabel, x: chart.plotWidth / 2, y: chart.plotHeight + chart.tickLength + 2.6 * chart.f }}
            />
            <g clipPath={`url(#${ids.clip})`}>
              {paths.map((d, k) => (
                <path
                  key={k}
                  className={styles.line}
                  d={d}
                  style={{ stroke: styled.list[k].colour }}
                  strokeDasharray={styled.list[k].dash}
                />
              ))}
            </g>
            {markerElement}
            {!hasData && (
              <text className={styles.empty} x={chart.plotWidth / 2} y={chart.plotHeight / 2} textAnchor="middle">
                {strings.lineNoData}
              </text>
            )}
          </g>
        </svg>
      ) : (
        <div className={styles.placeholder} style={{ aspectRatio: `1 / ${aspect}` }} />
      )}
      {styled.list.length > 1 && <SeriesKey entries={styled.list} label={strings.lineSeries} />}
      <p id={ids.summary} className="visually-hidden">
        {[summary, ...notes].join(' ')}
      </p>
    </div>
  );
}

export default LinePlot;
