/**
 * UI strings of the plot components (EnergyPlot, LinePlot), as one flat record of templates.
 *
 * Each entry is a whole sentence or a self-contained phrase; `{name}` marks a slot filled by the
 * component (a label, a number already written for the locale, or another phrase of this record,
 * as noted per key). Translations live in the `plot` group of lib/i18n/messages/<lang>.json and
 * must keep the same slots; the English text below is identical to the `plot` group of en.json.
 * Pure: no React, so it is usable from tests and from lib/.
 */
import { fill } from '@/lib/i18n/template';

export interface PlotStrings {
  /** Default name of the plotted value (EnergyPlot legend title and read-out). */
  readonly energyLabel: string;
  /** aria-roledescription of the interactive EnergyPlot area. */
  readonly roleDescription: string;
  /** Slots: valueLabel, xLabel, xMin, xMax, yLabel, yMin, yMax. */
  readonly heatmap: string;
  /** Slots: valueLabel, range (a range* phrase), ramp (a ramp* phrase). */
  readonly colourShows: string;
  /** As colourShows, with count (the number of contour lines) when the plural category is "one". */
  readonly colourShowsContoursOne: string;
  /** As colourShows, with count (the number of contour lines) for every other plural category. */
  readonly colourShowsContoursOther: string;
  /** Keyboard help when the plot cannot pick a point. */
  readonly keyboardHelp: string;
  /** Keyboard help when Enter or Space picks the point. */
  readonly keyboardHelpPick: string;
  /** Phrase; slots: min, max. */
  readonly rangeLinear: string;
  /** Phrase; slots: min, max. */
  readonly rangeLog: string;
  /** Phrase used as range while the values are loading. */
  readonly rangeNotLoaded: string;
  /** Phrase used as range when no value is finite. */
  readonly rangeNoData: string;
  /** Phrase describing the viridis colour ramp. */
  readonly rampViridis: string;
  /** Phrase describing the cividis colour ramp. */
  readonly rampCividis: string;
  /** Accessible name of the colour legend; slots: valueLabel, range, ramp. */
  readonly legendLabel: string;
  /** Visible legend title on a log colour scale; slot: valueLabel. */
  readonly legendTitleLog: string;
  /** Read-out of a grid node; slots: xLabel, x, yLabel, y, valueLabel, value. */
  readonly point: string;
  /** Read-out of a grid node while values are loading; slots: xLabel, x, yLabel, y, valueLabel. */
  readonly pointNotLoaded: string;
  /** Announcement after picking; slot: point (a point or pointNotLoaded sentence). */
  readonly picked: string;
  /** Visible status while the EnergyPlot values are loading. */
  readonly loading: string;
  /** Visible status when the EnergyPlot has no finite value. */
  readonly noData: string;
  /** Visible text of a LinePlot without data. */
  readonly lineNoData: string;
  /** Accessible name of the LinePlot series legend. */
  readonly lineSeries: string;
  /** Sentence added to the LinePlot description on a log y axis. */
  readonly lineLogAxis: string;
  /** Sentence describing the LinePlot marker; slots: xLabel, x. */
  readonly lineMarker: string;
  /** As lineMarker for a labelled marker; slots: xLabel, x, label. */
  readonly lineMarkerLabelled: string;
}

export type PlotStringKey = keyof PlotStrings;

export const defaultPlotStrings: PlotStrings = {
  energyLabel: 'Energy E',
  roleDescription: 'interactive plot',
  heatmap:
    'Heatmap of {valueLabel} over {xLabel} from {xMin} to {xMax} (horizontal axis) and {yLabel} from {yMin} to {yMax} (vertical axis).',
  colourShows: 'Colour shows {valueLabel} {range}, {ramp}.',
  colourShowsContoursOne: 'Colour shows {valueLabel} {range}, {ramp}, with {count} contour line.',
  colourShowsContoursOther: 'Colour shows {valueLabel} {range}, {ramp}, with {count} contour lines.',
  keyboardHelp:
    'Arrow keys move a crosshair whose coordinates and value are shown and announced; Shift moves faster, Home returns to the centre.',
  keyboardHelpPick:
    'Arrow keys move a crosshair whose coordinates and value are shown and announced; Shift moves faster, Home returns to the centre; Enter or Space picks the point.',
  rangeLinear: 'from {min} to {max}',
  rangeLog: 'from {min} to {max}, on a logarithmic colour scale',
  rangeNotLoaded: '(not loaded yet)',
  rangeNoData: '(no data to show)',
  rampViridis: 'dark purple for low values through teal to yellow for high values',
  rampCividis: 'dark blue for low values through grey to yellow for high values',
  legendLabel: 'Colour legend: {valueLabel} {range}; {ramp}.',
  legendTitleLog: '{valueLabel} (log scale)',
  point: '{xLabel} {x}, {yLabel} {y}: {valueLabel} {value}',
  pointNotLoaded: '{xLabel} {x}, {yLabel} {y}: {valueLabel} not loaded yet',
  picked: 'Picked {point}',
  loading: 'Loading…',
  noData: 'No data to show',
  lineNoData: 'No data yet',
  lineSeries: 'Series',
  lineLogAxis: 'The vertical axis is logarithmic.',
  lineMarker: 'A vertical line marks {xLabel} = {x}.',
  lineMarkerLabelled: 'A vertical line marks {xLabel} = {x} ({label}).',
};

/** Fills the `{name}` slots of a template; an unknown slot stays visible so it gets noticed. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return fill(template, values);
}

/** The `{name}` slots of a template, sorted and without repeats. */
export function templateSlots(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(/\{(\w+)\}/g), (m) => m[1]))].sort();
}
