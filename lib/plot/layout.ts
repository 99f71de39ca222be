/**
 * Pixel layout of the plots, derived from the available width and the font size so that margins
 * grow with the text (rem-based fonts get larger on projectors) instead of clipping tick labels.
 */
import type { Box } from '@/lib/ml/grid';
import { linearTicks, tickCount, type Tick } from './ticks';

/** Rough advance width of a digit or minus sign, in ems, for the sans-serif fonts we use. */
const CHAR_EM = 0.6;
/** Tick labels are drawn at this fraction of the component's font size (see the CSS modules). */
export const TICK_FONT_EM = 0.9;

export function labelWidth(label: string, fontPx: number): number {
  return label.length * CHAR_EM * TICK_FONT_EM * fontPx;
}

export interface EnergyPlotLayout {
  readonly width: number;
  /** Height of the chart (plot area, axes and axis labels), legend excluded. */
  readonly chartHeight: number;
  /** Plot area: a square of `side` pixels at (left, top). */
  readonly left: number;
  readonly top: number;
  readonly side: number;
  readonly tickLength: number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** Baselines (relative to the chart) of the x tick labels and of the x axis label. */
  readonly xTickBaseline: number;
  readonly xLabelBaseline: number;
  /** Centre x of the rotated y axis label. */
  readonly yLabelX: number;
  readonly legendHeight: number;
  readonly legendTitleBaseline: number;
  readonly legendBarTop: number;
  readonly legendBarHeight: number;
  readonly legendTickBaseline: number;
  readonly fontPx: number;
}

/** Smallest plot side worth drawing; below it the figure overflows rather than collapse. */
const MIN_SIDE = 120;

/** Layout of an EnergyPlot; tick labels are written for `locale` (BCP-47, default 'en'). */
export function energyPlotLayout(width: number, fontPx: number, box: Box, locale = 'en'): EnergyPlotLayout {
  const f = fontPx;
  const tickLength = 0.35 * f;
  const estimate = Math.max(MIN_SIDE, width - 5 * f);
  const xTicks = linearTicks(box.x, tickCount(estimate, f, 4.5), locale);
  const yTicks = linearTicks(box.y, tickCount(estimate, f, 3), locale);
  const yLabelsWidth = Math.max(0, ...yTicks.map((t) => labelWidth(t.label, f)));
  const axisLabelBand = 1.5 * f;
  const left = Math.ceil(axisLabelBand + yLabelsWidth + tickLength + 0.5 * f);
  // The last x tick label is centred on the right edge and must not be clipped.
  const lastX = xTicks.length ? labelWidth(xTicks[xTicks.length - 1].label, f) / 2 : 0;
  const right = Math.ceil(Math.max(0.75 * f, lastX + 0.2 * f));
  const side = Math.max(MIN_SIDE, Math.floor(width - left - right));
  const top = Math.ceil(0.7 * f);
  const xTickBaseline = top + side + tickLength + 1.15 * f;
  const xLabelBaseline = xTickBaseline + 1.45 * f;
  const chartHeight = Math.ceil(xLabelBaseline + 0.5 * f);
  const legendTitleBaseline = 1.1 * f;
  const legendBarTop = 1.6 * f;
  const legendBarHeight = 0.85 * f;
  const legendTickBaseline = legendBarTop + legendBarHeight + tickLength + 1.1 * f;
  const legendHeight = Math.ceil(legendTickBaseline + 0.5 * f);
  return {
    width: Math.max(width, left + side + right),
    chartHeight,
    left,
    top,
    side,
    tickLength,
    xTicks,
    yTicks,
    xTickBaseline,
    xLabelBaseline,
    yLabelX: 0.75 * f,
    legendHeight,
    legendTitleBaseline,
    legendBarTop,
    legendBarHeight,
    legendTickBaseline,
    fontPx,
  };
}
