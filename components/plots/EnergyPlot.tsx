'use client';

import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { gridCoordinate, nearestGridIndex, type Box } from '@/lib/ml/grid';
import { coverDomain, createEnergyScale, energyDomain, fillEnergyImage, type ColourMap } from '@/lib/plot/colour-scale';
import { computeIsolines, isolineLevels, isolinePaths, subsampleGrid } from '@/lib/plot/isolines';
import {
  energyLegendLabel,
  energyLegendTitle,
  energyPlotHelp,
  pickedAnnouncement,
  pointDescription,
  rampPhrase,
  rangePhrase,
  type RangeState,
} from '@/lib/plot/describe';
import { energyPlotLayout, labelWidth } from '@/lib/plot/layout';
import { defaultPlotStrings, type PlotStrings } from '@/lib/plot/strings';
import { coordinateFormatter, energyTicks, formatNumber, tickCount } from '@/lib/plot/ticks';
import styles from './EnergyPlot.module.css';
import { useMeasure } from './useMeasure';

/** Data → pixel maps of the plot area (origin at its top-left corner, y pointing down). */
export interface PlotScales {
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  /** Size of the plot area in pixels. */
  readonly width: number;
  readonly height: number;
  /** The plot's font size in pixels, for marks sized with the type (they grow in presentation mode). */
  readonly fontPx: number;
}

export interface EnergyPlotProps {
  box: Box;
  /** Grid nodes per side (lib/ml/grid.ts convention). */
  n: number;
  /** n·n energies, row-major with j = 0 at the bottom; null while loading. */
  values: ArrayLike<number> | null;
  /** Bump when `values` was mutated in place, to repaint. */
  version?: number;
  logScale?: boolean;
  /** A range the colour scale always covers (it still widens to the values beyond it). */
  colourFloor?: readonly [number, number];
  /** Number of isolines, evenly spaced in colour space; 0 for none. */
  levels?: number;
  xLabel?: string;
  yLabel?: string;
  /** Legend title and read-out name of the value; `strings.energyLabel` by default. */
  valueLabel?: string;
  /** Accessible name of the plot. */
  label: string;
  /** Text alternative: what the surface shows (rendered visually hidden, linked by aria-describedby). */
  summary: string;
  /** SVG children drawn over the surface, in pixel space of the plot area; clipped to it. */
  overlay?: (scales: PlotScales) => ReactNode;
  /** Click (exact data coordinates) or Enter/Space on the keyboard crosshair (its grid node). */
  onPick?: (point: { x: number; y: number }) => void;
  /** Writes energies (read-out, legend range, descriptions); formatNumber for `lang` by default. */
  formatValue?: (v: number) => string;
  colourMap?: ColourMap;
  className?: string;
  /** Called after the canvas was repainted with new values (used to time a full redraw). */
  onPainted?: (version: number) => void;
  /** UI strings of the page's language (the `plot` group of its dictionary); English by default. */
  strings?: PlotStrings;
  /** BCP-47 language of the page, for numbers (decimal separator, minus sign); 'en' by default. */
  lang?: string;
}

const GRADIENT_STOPS = 16;
/** Isolines are traced on about this many nodes a side (see subsampleGrid). */
const ISOLINE_NODES = 64;
/** How long a tap leaves the crosshair and its read-out on screen (touch has no hover to end it). */
const TAP_READOUT_MS = 2500;

function clampIndex(k: number, n: number): number {
  return k < 0 ? 0 : k >= n ? n - 1 : k;
}

export function EnergyPlot({
  box,
  n,
  values,
  version = 0,
  logScale = false,
  colourFloor,
  levels = 10,
  xLabel = 'y₁',
  yLabel = 'y₂',
  valueLabel: valueLabelProp,
  label,
  summary,
  overlay,
  onPick,
  formatValue: formatValueProp,
  colourMap = 'viridis',
  className,
  onPainted,
  strings = defaultPlotStrings,
  lang = 'en',
}: EnergyPlotProps) {
  const valueLabel = valueLabelProp ?? strings.energyLabel;
  const formatValue = useMemo(() => formatValueProp ?? ((v: number) => formatNumber(v, 3, lang)), [formatValueProp, lang]);
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const imageRef = useRef<ImageData | null>(null);
  const measure = useMeasure(rootRef);
  const onPaintedRef = useRef(onPainted);
  useLayoutEffect(() => {
    onPaintedRef.current = onPainted;
  });

  const reactId = useId();
  const ids = useMemo(() => {
    // useId output may contain characters that break `url(#…)` references.
    const base = `energy-plot-${reactId.replace(/[^A-Za-z0-9_-]/g, '')}`;
    return { summary: `${base}-summary`, help: `${base}-help`, gradient: `${base}-gradient` };
  }, [reactId]);

  // Callers often pass a fresh box literal on every render; keying on the numbers keeps the
  // expensive memos below from recomputing when nothing changed.
  const [bx0, bx1] = box.x;
  const [by0, by1] = box.y;
  const grid = useMemo<Box>(() => ({ x: [bx0, bx1], y: [by0, by1] }), [bx0, bx1, by0, by1]);
  const gridOk = Number.isInteger(n) && n >= 2;

  // The identity of `data` is the repaint trigger: it changes with the array or its version.
  const data = useMemo(
    () => ({ values: values && gridOk && values.length >= n * n ? values : null, version }),
    [values, version, n, gridOk],
  );

  // Keyed on the numbers: callers pass a fresh pair literal on every render.
  const [floorLow, floorHigh] = colourFloor ?? [NaN, NaN];
  const scale = useMemo(() => {
    if (!data.values) return null;
    const domain = coverDomain(energyDomain(data.values), Number.isNaN(floorLow) ? undefined : [floorLow, floorHigh]);
    return domain ? createEnergyScale(domain, { log: logScale, colourMap }) : null;
  }, [data, logScale, colourMap, floorLow, floorHigh]);

  const isolines = useMemo(() => {
    if (!data.values || !scale || levels <= 0) return [];
    const coarse = subsampleGrid(data.values, n, grid, Math.max(1, Math.round((n - 1) / ISOLINE_NODES)));
    return computeIsolines(coarse.values, coarse.n, coarse.box, isolineLevels(scale, levels), scale);
  }, [data, scale, levels, n, grid]);

  const layout = useMemo(
    () => (measure && measure.width > 0 ? energyPlotLayout(measure.width, measure.fontPx, grid, lang) : null),
    [measure, grid, lang],
  );
  const side = layout?.side ?? 0;
  const fontPx = layout?.fontPx ?? 16;

  const scales = useMemo<PlotScales>(
    () => ({
      x: (v) => ((v - bx0) / (bx1 - bx0)) * side,
      y: (v) => (1 - (v - by0) / (by1 - by0)) * side,
      width: side,
      height: side,
      fontPx,
    }),
    [bx0, bx1, by0, by1, side, fontPx],
  );

  const hasCanvas = layout !== null;
  // A layout effect so the canvas and the isoline SVG of the same data reach the screen together.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    if (!data.values || !scale) {
      context.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    let image = imageRef.current;
    if (!image || image.width !== n || image.height !== n) {
      image = context.createImageData(n, n);
      imageRef.current = image;
    }
    fillEnergyImage(data.values, n, scale, image.data);
    context.putImageData(image, 0, 0);
    onPaintedRef.current?.(data.version);
  }, [data, scale, n, hasCanvas]);

  // ---- interaction: kept to a few primitive states so hovering re-renders only the read-out.
  // `cursor` is the keyboard/tap crosshair node, shown while `showCursor` is set.
  const [hover, setHover] = useState(-1);
  const [cursor, setCursor] = useState(-1);
  const [showCursor, setShowCursor] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const total = gridOk ? n * n : 0;
  const centre = gridOk ? Math.floor(n / 2) * n + Math.floor(n / 2) : -1;
  const cursorIndex = cursor >= 0 && cursor < total ? cursor : centre;
  const formatX = useMemo(() => coordinateFormatter(grid.x, n, lang), [grid, n, lang]);
  const formatY = useMemo(() => coordinateFormatter(grid.y, n, lang), [grid, n, lang]);

  const nodeAt = (index: number) => {
    const i = index % n;
    const j = (index - i) / n;
    const x = gridCoordinate(grid.x, n, i);
    const y = gridCoordinate(grid.y, n, j);
    const v = data.values ? data.values[index] : NaN;
    return { i, j, x, y, v };
  };
  const describe = (index: number) => {
    const { x, y, v } = nodeAt(index);
    return pointDescription(strings, {
      xLabel,
      x: formatX(x),
      yLabel,
      y: formatY(y),
      valueLabel,
      value: data.values ? formatValue(v) : null,
    });
  };

  const dataPoint = (event: PointerEvent<HTMLDivElement> | MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const fx = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    const fy = Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height));
    return { x: bx0 + fx * (bx1 - bx0), y: by1 - fy * (by1 - by0) };
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!gridOk) return;
    const p = dataPoint(event);
    setHover(nearestGridIndex(grid, n, p.x, p.y));
  };
  const onPointerLeave = () => setHover(-1);
  // Touch has no hover, so a tap leaves the crosshair and read-out on the tapped node; a mouse
  // click does not, as the hover read-out already follows the pointer.
  const lastPointerType = useRef('mouse');
  // ...but only for a moment: a read-out left on a phone after the finger is gone looks stuck.
  const tapTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(tapTimer.current), []);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    lastPointerType.current = event.pointerType;
    setShowCursor(false);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!gridOk) return;
    const p = dataPoint(event);
    const index = nearestGridIndex(grid, n, p.x, p.y);
    if (index >= 0) setCursor(index);
    if (lastPointerType.current !== 'mouse') {
      setShowCursor(true);
      window.clearTimeout(tapTimer.current);
      tapTimer.current = window.setTimeout(() => setShowCursor(false), TAP_READOUT_MS);
    }
    onPick?.(p);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!gridOk || event.altKey || event.ctrlKey || event.metaKey) return;
    window.clearTimeout(tapTimer.current);
    const { i, j, x, y } = nodeAt(cursorIndex);
    const step = event.shiftKey ? Math.max(2, Math.round((n - 1) / 10)) : 1;
    let di = 0;
    let dj = 0;
    switch (event.key) {
      case 'ArrowLeft':
        di = -step;
        break;
      case 'ArrowRight':
        di = step;
        break;
      case 'ArrowUp':
        dj = step;
        break;
      case 'ArrowDown':
        dj = -step;
        break;
      case 'Home':
        di = Math.floor(n / 2) - i;
        dj = Math.floor(n / 2) - j;
        break;
      case 'Enter':
      case ' ':
        if (!onPick) return;
        event.preventDefault();
        setShowCursor(true);
        setCursor(cursorIndex);
        setAnnouncement(pickedAnnouncement(strings, describe(cursorIndex)));
        onPick({ x, y });
        return;
      default:
        return;
    }
    event.preventDefault();
    const next = clampIndex(j + dj, n) * n + clampIndex(i + di, n);
    setCursor(next);
    setShowCursor(true);
    setAnnouncement(describe(next));
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    // Show the crosshair straight away when focus came from the keyboard, not from a click.
    let fromKeyboard = false;
    try {
      fromKeyboard = event.currentTarget.matches(':focus-visible');
    } catch {
      // Browsers without :focus-visible wait for the first arrow key instead.
    }
    if (fromKeyboard) setShowCursor(true);
  };
  const onBlur = () => setShowCursor(false);

  // ---- static layers, memoised so that hover updates skip them entirely.
  const isolineLayer = useMemo(() => {
    if (!isolines.length || side <= 0) return null;
    const paths = isolinePaths(isolines, scales.x, scales.y).filter((p) => p.d);
    return (
      <svg className={styles.layer} width={side} height={side} aria-hidden="true" focusable="false">
        <g className={styles.isoHalo}>
          {paths.map((p) => (
            <path key={p.level} d={p.d} />
          ))}
        </g>
        <g className={styles.isoLine}>
          {paths.map((p) => (
            <path key={p.level} d={p.d} />
          ))}
        </g>
      </svg>
    );
  }, [isolines, scales, side]);

  const overlayContent = useMemo(() => (overlay && side > 0 ? overlay(scales) : null), [overlay, scales, side]);

  const axes = useMemo(() => {
    if (!layout) return null;
    const { left, top, tickLength, fontPx } = layout;
    return (
      <svg className={styles.axes} width={layout.width} height={layout.chartHeight} aria-hidden="true" focusable="false">
        {layout.xTicks.map((t) => {
          const x = left + scales.x(t.value);
          return (
            <g key={`x${t.value}`}>
              <line className={styles.tick} x1={x} x2={x} y1={top + side} y2={top + side + tickLength} />
              <text className={styles.tickLabel} x={x} y={layout.xTickBaseline} textAnchor="middle">
                {t.label}
              </text>
            </g>
          );
        })}
        {layout.yTicks.map((t) => {
          const y = top + scales.y(t.value);
          return (
            <g key={`y${t.value}`}>
              <line className={styles.tick} x1={left - tickLength} x2={left} y1={y} y2={y} />
              <text
                className={styles.tickLabel}
                x={left - tickLength - 0.25 * fontPx}
                y={y}
                dy="0.32em"
                textAnchor="end"
              >
                {t.label}
              </text>
            </g>
          );
        })}
        <text className={styles.axisLabel} x={left + side / 2} y={layout.xLabelBaseline} textAnchor="middle">
          {xLabel}
        </text>
        <text
          className={styles.axisLabel}
          transform={`translate(${layout.yLabelX},${top + side / 2}) rotate(-90)`}
          dy="0.35em"
          textAnchor="middle"
        >
          {yLabel}
        </text>
      </svg>
    );
  }, [layout, scales, side, xLabel, yLabel]);

  const loading = values === null;
  const { rampWords, rangeText, legendLabel, legendTitle } = useMemo(() => {
    const range: RangeState = scale
      ? { kind: 'domain', domain: scale.domain, log: scale.log }
      : loading
        ? { kind: 'loading' }
        : { kind: 'empty' };
    const ramp = rampPhrase(strings, scale?.colourMap ?? colourMap);
    const text = rangePhrase(strings, range, formatValue);
    return {
      rampWords: ramp,
      rangeText: text,
      legendLabel: energyLegendLabel(strings, valueLabel, text, ramp),
      legendTitle: energyLegendTitle(strings, valueLabel, scale?.log ?? false),
    };
  }, [strings, scale, colourMap, loading, formatValue, valueLabel]);

  const legend = useMemo(() => {
    if (!layout) return null;
    const { left, width, tickLength, legendBarTop: barTop, legendBarHeight: barHeight, fontPx } = layout;
    const stops = [];
    for (let k = 0; k <= GRADIENT_STOPS; k++) {
      const u = k / GRADIENT_STOPS;
      stops.push(<stop key={k} offset={u} stopColor={scale ? scale.colourAt(u) : 'transparent'} />);
    }
    const ticks = scale ? energyTicks(scale, tickCount(side, fontPx, 5), undefined, lang) : [];
    return (
      <svg
        className={styles.legend}
        width={width}
        height={layout.legendHeight}
        role="img"
        aria-label={legendLabel}
        data-colour-min={scale?.domain[0]}
        data-colour-max={scale?.domain[1]}
      >
        <defs>
          <linearGradient id={ids.gradient} x1="0" x2="1" y1="0" y2="0">
            {stops}
          </linearGradient>
        </defs>
        <text className={styles.legendTitle} x={left} y={layout.legendTitleBaseline}>
          {legendTitle}
        </text>
        <rect
          className={styles.legendBar}
          x={left}
          y={barTop}
          width={side}
          height={barHeight}
          fill={scale ? `url(#${ids.gradient})` : 'none'}
        />
        {isolines.map((iso) => {
          const x = left + iso.u * side;
          return (
            <g key={iso.level}>
              <line className={styles.legendMarkHalo} x1={x} x2={x} y1={barTop} y2={barTop + barHeight} />
              <line className={styles.legendMark} x1={x} x2={x} y1={barTop} y2={barTop + barHeight} />
            </g>
          );
        })}
        {ticks.map((t) => {
          const x = left + t.u * side;
          const half = labelWidth(t.label, fontPx) / 2;
          // Keep end labels inside the SVG instead of letting them be clipped.
          const anchor = x + half > width ? 'end' : x - half < 0 ? 'start' : 'middle';
          return (
            <g key={t.value}>
              <line className={styles.tick} x1={x} x2={x} y1={barTop + barHeight} y2={barTop + barHeight + tickLength} />
              <text className={styles.tickLabel} x={x} y={layout.legendTickBaseline} textAnchor={anchor}>
                {t.label}
              </text>
            </g>
          );
        })}
      </svg>
    );
  }, [layout, scale, side, isolines, ids.gradient, legendLabel, legendTitle, lang]);

  // ---- per-render, cheap: read-out and crosshair.
  const active = hover >= 0 ? hover : showCursor ? cursorIndex : -1;
  const activeNode = active >= 0 && active < total ? nodeAt(active) : null;
  const cursorNode = showCursor && cursorIndex >= 0 ? nodeAt(cursorIndex) : null;
  const hoverNode = hover >= 0 && hover < total ? nodeAt(hover) : null;
  // The read-out moves to the bottom when it would cover the point being read.
  const readoutAtBottom =
    activeNode !== null && scales.x(activeNode.x) < side * 0.6 && scales.y(activeNode.y) < side * 0.35;

  const help = energyPlotHelp(strings, {
    valueLabel,
    xLabel,
    yLabel,
    box: grid,
    range: rangeText,
    ramp: rampWords,
    contours: isolines.length,
    pickable: onPick !== undefined,
    locale: lang,
  });

  const cell = gridOk ? side / (n - 1) : 0;
  const rootClass = className ? `${styles.root} ${className}` : styles.root;

  return (
    // A plain div: pages wrap demos in their own <figure> with the caption.
    <div ref={rootRef} className={rootClass} aria-busy={values === null || undefined}>
      {layout ? (
        <div className={styles.chart} style={{ height: layout.chartHeight }}>
          {axes}
          <div
            className={styles.plotArea}
            style={{ left: layout.left, top: layout.top, width: side, height: side }}
            role="application"
            aria-roledescription={strings.roleDescription}
            aria-label={label}
            aria-describedby={`${ids.summary} ${ids.help}`}
            tabIndex={0}
            onPointerMove={onPointerMove}
            onPointerLeave={onPointerLeave}
            onPointerDown={onPointerDown}
            onClick={onClick}
            onKeyDown={onKeyDown}
            onFocus={onFocus}
            onBlur={onBlur}
          >
            {/*
              One canvas pixel per grid node. Node i must land on pixel x(i) = i·side/(n−1), so the
              canvas is one cell larger than the plot area and shifted by half a cell; the outer
              half cells are clipped by the plot area.
            */}
            <canvas
              ref={canvasRef}
              className={styles.canvas}
              width={gridOk ? n : 1}
              height={gridOk ? n : 1}
              style={{ left: -cell / 2, top: -cell / 2, width: side + cell, height: side + cell }}
            />
            {isolineLayer}
            {overlayContent !== null && overlayContent !== undefined ? (
              <svg className={styles.layer} width={side} height={side} aria-hidden="true" focusable="false">
                {overlayContent}
              </svg>
            ) : null}
            {(cursorNode || hoverNode) && (
              <svg className={styles.layer} width={side} height={side} aria-hidden="true" focusable="false">
                {cursorNode && (
                  <g>
                    <line className={styles.crossHalo} x1={0} x2={side} y1={scales.y(cursorNode.y)} y2={scales.y(cursorNode.y)} />
                    <line className={styles.crossHalo} x1={scales.x(cursorNode.x)} x2={scales.x(cursorNode.x)} y1={0} y2={side} />
                    <line className={styles.crossLine} x1={0} x2={side} y1={scales.y(cursorNode.y)} y2={scales.y(cursorNode.y)} />
                    <line className={styles.crossLine} x1={scales.x(cursorNode.x)} x2={scales.x(cursorNode.x)} y1={0} y2={side} />
                  </g>
                )}
                {hoverNode && (
                  <g>
                    <circle className={styles.crossHalo} cx={scales.x(hoverNode.x)} cy={scales.y(hoverNode.y)} r={4.5} />
                    <circle className={styles.crossLine} cx={scales.x(hoverNode.x)} cy={scales.y(hoverNode.y)} r={4.5} />
                  </g>
                )}
              </svg>
            )}
            {activeNode && (
              <div className={readoutAtBottom ? `${styles.readout} ${styles.readoutBottom}` : styles.readout} aria-hidden="true">
                <span className={styles.readoutKey}>{xLabel}</span>
                <span className={styles.readoutValue}>{formatX(activeNode.x)}</span>
                <span className={styles.readoutKey}>{yLabel}</span>
                <span className={styles.readoutValue}>{formatY(activeNode.y)}</span>
                <span className={styles.readoutKey}>{valueLabel}</span>
                <span className={styles.readoutValue}>{data.values ? formatValue(activeNode.v) : '…'}</span>
              </div>
            )}
            {!scale && <p className={styles.status}>{values === null ? strings.loading : strings.noData}</p>}
          </div>
        </div>
      ) : (
        <div className={styles.placeholder} />
      )}
      {legend}
      <p id={ids.summary} className="visually-hidden">
        {summary}
      </p>
      <p id={ids.help} className="visually-hidden">
        {help}
      </p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}

export default EnergyPlot;
