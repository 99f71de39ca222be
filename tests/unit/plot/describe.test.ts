import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  energyLegendLabel,
  energyLegendTitle,
  energyPlotHelp,
  linePlotNotes,
  pickedAnnouncement,
  pointDescription,
  rampPhrase,
  rangePhrase,
  type RangeState,
} from '@/lib/plot/describe';
import { defaultPlotStrings, type PlotStrings } from '@/lib/plot/strings';
import { formatPlotNumber } from '@/lib/plot/ticks';
import { englishIn } from './english-fragments';

const MINUS = '\u2212';
const NBSP = '\u00a0';
const dir = path.join(process.cwd(), 'lib/i18n/messages');
const dictionaries = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, f), 'utf8')).plot as PlotStrings]),
);
const fr = dictionaries.fr;

/** Every text the plots build, for one language. */
function allTexts(strings: PlotStrings, lang: string): string[] {
  const format = (v: number) => formatPlotNumber(v, 3, lang);
  const box = { x: [-1.5, 1.5] as [number, number], y: [-0.25, 2] as [number, number] };
  const ranges: RangeState[] = [
    { kind: 'domain', domain: [-0.5, 12.25], log: false },
    { kind: 'domain', domain: [0.001, 12345.6], log: true },
    { kind: 'loading' },
    { kind: 'empty' },
  ];
  const out: string[] = [];
  for (const range of ranges) {
    for (const map of ['viridis', 'cividis'] as const) {
      const r = rangePhrase(strings, range, format);
      const ramp = rampPhrase(strings, map);
      out.push(r, ramp, energyLegendLabel(strings, strings.energyLabel, r, ramp));
      for (const contours of [0, 1, 10]) {
        for (const pickable of [false, true]) {
          out.push(
            energyPlotHelp(strings, {
              valueLabel: strings.energyLabel,
              xLabel: 'y₁',
              yLabel: 'y₂',
              box,
              range: r,
              ramp,
              contours,
              pickable,
              locale: lang,
            }),
          );
        }
      }
    }
  }
  for (const value of ['0,5', null]) {
    const point = pointDescription(strings, { xLabel: 'y₁', x: '0,10', yLabel: 'y₂', y: `${MINUS}1,00`, valueLabel: strings.energyLabel, value });
    out.push(point, pickedAnnouncement(strings, point));
  }
  out.push(energyLegendTitle(strings, strings.energyLabel, true), strings.roleDescription, strings.loading, strings.noData);
  out.push(strings.lineNoData, strings.lineSeries);
  for (const marker of [{ x: -2.5 }, { x: 0.75, label: 'z' }]) {
    out.push(...linePlotNotes(strings, { logY: true, marker, xLabel: '', locale: lang }));
  }
  return out;
}

describe('plot descriptions', () => {
  it('are unchanged in English', () => {
    const s = defaultPlotStrings;
    const range = rangePhrase(s, { kind: 'domain', domain: [0, 15], log: true }, (v) => formatPlotNumber(v));
    expect(range).toBe('from 0 to 15, on a logarithmic colour scale');
    const help = energyPlotHelp(s, {
      valueLabel: 'Energy E',
      xLabel: 'y₁',
      yLabel: 'y₂',
      box: { x: [-2, 2], y: [-1, 1] },
      range,
      ramp: rampPhrase(s, 'viridis'),
      contours: 10,
      pickable: true,
      locale: 'en',
    });
    expect(help).toBe(
      `Heatmap of Energy E over y₁ from ${MINUS}2 to 2 (horizontal axis) and y₂ from ${MINUS}1 to 1 (vertical axis). ` +
        'Colour shows Energy E from 0 to 15, on a logarithmic colour scale, dark purple for low values through teal to yellow for high values, with 10 contour lines. ' +
        'Arrow keys move a crosshair whose coordinates and value are shown and announced; Shift moves faster, Home returns to the centre; Enter or Space picks the point.',
    );
    expect(pointDescription(s, { xLabel: 'a', x: '1', yLabel: 'b', y: '2', valueLabel: 'E', value: '3' })).toBe('a 1, b 2: E 3');
    expect(linePlotNotes(s, { logY: true, marker: { x: 1, label: 'now' }, xLabel: 'step' })).toEqual([
      'The vertical axis is logarithmic.',
      'A vertical line marks step = 1 (now).',
    ]);
  });

  it('are French with French numbers', () => {
    const help = energyPlotHelp(fr, {
      valueLabel: fr.energyLabel,
      xLabel: 'y₁',
      yLabel: 'y₂',
      box: { x: [-1.5, 1.5], y: [-1, 1] },
      range: rangePhrase(fr, { kind: 'domain', domain: [-0.25, 12.5], log: false }, (v) => formatPlotNumber(v, 3, 'fr')),
      ramp: rampPhrase(fr, 'viridis'),
      contours: 1,
      pickable: false,
      locale: 'fr',
    });
    expect(help).toContain(`Carte de chaleur${NBSP}: Énergie E`);
    expect(help).toContain(`de ${MINUS}1,5 à 1,5`);
    expect(help).toContain(`de ${MINUS}0,25 à 12,5`);
    expect(help).toContain('avec 1 ligne de niveau.');
    expect(linePlotNotes(fr, { logY: false, marker: { x: -0.5 }, xLabel: 'pas', locale: 'fr' })).toEqual([
      `Une ligne verticale marque pas = ${MINUS}0,5.`,
    ]);
  });

  for (const [lang, strings] of Object.entries(dictionaries)) {
    it(`${lang}: every slot is filled${lang === 'en' ? '' : ' and no English is left'}`, () => {
      for (const text of allTexts(strings, lang)) {
        expect(text).not.toMatch(/\{\w+\}/);
        if (lang !== 'en') expect(englishIn(text), text).toEqual([]);
      }
    });
  }
});
