import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPlotStrings, fillTemplate, templateSlots, type PlotStringKey } from '@/lib/plot/strings';
import { englishFragments, englishIn } from './english-fragments';

const dir = path.join(process.cwd(), 'lib/i18n/messages');
const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
const keys = Object.keys(defaultPlotStrings).sort() as PlotStringKey[];

describe('plot strings', () => {
  it('defaultPlotStrings is exactly the plot group of en.json', () => {
    expect(read('en.json').plot).toEqual(defaultPlotStrings);
  });

  it('fills slots and leaves unknown ones visible', () => {
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(templateSlots('{x} = {y}, {x}')).toEqual(['x', 'y']);
  });

  it('finds the English words to look for', () => {
    expect(englishFragments).toEqual(expect.arrayContaining(['Heatmap of', 'Energy E', 'interactive plot', 'Picked']));
    expect(englishIn('Carte de chaleur')).toEqual([]);
    expect(englishIn('Séries')).toEqual([]);
    expect(englishIn('x: Series')).toEqual(['Series']);
  });

  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'en.json')) {
    describe(file, () => {
      const plot = read(file).plot as Record<string, unknown>;

      it('has a plot group with exactly the keys of the defaults, all strings', () => {
        expect(Object.keys(plot).sort()).toEqual(keys);
        for (const key of keys) expect(typeof plot[key], key).toBe('string');
      });

      it('keeps every placeholder of each template, and no other', () => {
        for (const key of keys) {
          expect(templateSlots(plot[key] as string), key).toEqual(templateSlots(defaultPlotStrings[key]));
        }
      });

      it('is translated: no English sentence of the defaults is left', () => {
        for (const key of keys) expect(englishIn(plot[key] as string), key).toEqual([]);
      });
    });
  }
});
