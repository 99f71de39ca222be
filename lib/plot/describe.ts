/**
 * Text alternatives of the plots, built from the templates of strings.ts: pure functions so that
 * every language can be checked without rendering. Numbers arrive already formatted, or are
 * formatted here for `locale` with formatPlotNumber.
 */
import type { Box } from '@/lib/ml/grid';
import type { ColourMap } from './colour-scale';
import { fillTemplate, type PlotStrings } from './strings';
import { formatPlotNumber, numberSymbols } from './ticks';

/** What the colour scale covers: a domain, or nothing yet (loading) or at all (no finite value). */
export type RangeState =
  | { readonly kind: 'domain'; readonly domain: readonly [number, number]; readonly log: boolean }
  | { readonly kind: 'loading' }
  | { readonly kind: 'empty' };

/** "from −2 to 3.5" (or the loading / no-data phrase), with values written by `format`. */
export function rangePhrase(strings: PlotStrings, range: RangeState, format: (v: number) => string): string {
  if (range.kind === 'loading') return strings.rangeNotLoaded;
  if (range.kind === 'empty') return strings.rangeNoData;
  const values = { min: format(range.domain[0]), max: format(range.domain[1]) };
  return fillTemplate(range.log ? strings.rangeLog : strings.rangeLinear, values);
}

export function rampPhrase(strings: PlotStrings, colourMap: ColourMap): string {
  return colourMap === 'cividis' ? strings.rampCividis : strings.rampViridis;
}

export function energyLegendLabel(strings: PlotStrings, valueLabel: string, range: string, ramp: string): string {
  return fillTemplate(strings.legendLabel, { valueLabel, range, ramp });
}

export function energyLegendTitle(strings: PlotStrings, valueLabel: string, log: boolean): string {
  return log ? fillTemplate(strings.legendTitleLog, { valueLabel }) : valueLabel;
}

export interface EnergyHelpOptions {
  readonly valueLabel: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly box: Box;
  /** From rangePhrase and rampPhrase. */
  readonly range: string;
  readonly ramp: string;
  /** Number of contour lines drawn. */
  readonly contours: number;
  /** Whether Enter or Space picks the point. */
  readonly pickable: boolean;
  readonly locale?: string;
}

/** The description of an EnergyPlot: what is plotted over what, the colours, and the keys. */
export function energyPlotHelp(strings: PlotStrings, o: EnergyHelpOptions): string {
  const locale = o.locale ?? 'en';
  const num = (v: number) => formatPlotNumber(v, 3, locale);
  const heatmap = fillTemplate(strings.heatmap, {
    valueLabel: o.valueLabel,
    xLabel: o.xLabel,
    xMin: num(o.box.x[0]),
    xMax: num(o.box.x[1]),
    yLabel: o.yLabel,
    yMin: num(o.box.y[0]),
    yMax: num(o.box.y[1]),
  });
  let colourTemplate = strings.colourShows;
  if (o.contours > 0) {
    const one = new Intl.PluralRules(numberSymbols(locale).locale).select(o.contours) === 'one';
    colourTemplate = one ? strings.colourShowsContoursOne : strings.colourShowsContoursOther;
  }
  const colour = fillTemplate(colourTemplate, {
    valueLabel: o.valueLabel,
    range: o.range,
    ramp: o.ramp,
    count: num(o.contours),
  });
  const keys = o.pickable ? strings.keyboardHelpPick : strings.keyboardHelp;
  return `${heatmap} ${colour} ${keys}`;
}

export interface PointOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly valueLabel: string;
  /** Coordinates and value, already formatted; value null while loading. */
  readonly x: string;
  readonly y: string;
  readonly value: string | null;
}

/** Read-out of one grid node, as announced to screen readers. */
export function pointDescription(strings: PlotStrings, p: PointOptions): string {
  const values = { xLabel: p.xLabel, x: p.x, yLabel: p.yLabel, y: p.y, valueLabel: p.valueLabel };
  return p.value === null
    ? fillTemplate(strings.pointNotLoaded, values)
    : fillTemplate(strings.point, { ...values, value: p.value });
}

export function pickedAnnouncement(strings: PlotStrings, point: string): string {
  return fillTemplate(strings.picked, { point });
}

export interface LineNotesOptions {
  readonly logY: boolean;
  readonly marker: { readonly x: number; readonly label?: string } | null;
  /** Axis label of x; the marker sentence uses 'x' when it is empty. */
  readonly xLabel: string;
  readonly locale?: string;
}

/** Sentences appended to a LinePlot's summary: log axis and marker position. */
export function linePlotNotes(strings: PlotStrings, o: LineNotesOptions): string[] {
  const notes: string[] = [];
  if (o.logY) notes.push(strings.lineLogAxis);
  if (o.marker && Number.isFinite(o.marker.x)) {
    const values = { xLabel: o.xLabel || 'x', x: formatPlotNumber(o.marker.x, 3, o.locale ?? 'en') };
    notes.push(
      o.marker.label
        ? fillTemplate(strings.lineMarkerLabelled, { ...values, label: o.marker.label })
        : fillTemplate(strings.lineMarker, values),
    );
  }
  return notes;
}
