import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EnergyPlot } from '@/components/plots/EnergyPlot';
import { LinePlot } from '@/components/plots/LinePlot';
import fr from '@/lib/i18n/messages/fr.json';
import { defaultPlotStrings } from '@/lib/plot/strings';
import { decodeMarkup, englishIn } from './english-fragments';

const MINUS = '\u2212';

// Server rendering must not touch the DOM (static export) and must already carry the text
// alternatives, since the plot itself only appears once the browser has measured the width.
describe('server rendering', () => {
  it('renders EnergyPlot with its summary and description, without a measured layout', () => {
    const html = renderToStaticMarkup(
      createElement(EnergyPlot, {
        box: { x: [-2, 2], y: [-1, 1] },
        n: 4,
        values: new Float32Array(16).map((_, k) => k),
        label: 'Energy landscape',
        summary: 'A tilted plane rising towards the top right.',
      }),
    );
    expect(html).toContain('A tilted plane rising towards the top right.');
    expect(html).toContain('Heatmap of Energy E over y₁ from \u22122 to 2');
    expect(html).toContain('from 0 to 15');
    expect(html).not.toContain('aria-busy');
  });

  it('marks a loading EnergyPlot as busy', () => {
    const html = renderToStaticMarkup(
      createElement(EnergyPlot, { box: { x: [0, 1], y: [0, 1] }, n: 8, values: null, label: 'x', summary: 'y' }),
    );
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('not loaded yet');
  });

  it('renders LinePlot with its summary and marker description', () => {
    const html = renderToStaticMarkup(
      createElement(LinePlot, {
        series: [{ label: 'loss', values: [3, 2, 1] }],
        xLabel: 'step',
        marker: { x: 1, label: 'now' },
        label: 'Loss',
        summary: 'The loss falls.',
      }),
    );
    expect(html).toContain('The loss falls.');
    expect(html).toContain('step = 1 (now)');
  });

  it('renders EnergyPlot in French with French numbers and no English sentence', () => {
    for (const values of [new Float32Array(16).map((_, k) => k / 4 - 0.5), null]) {
      const html = decodeMarkup(
        renderToStaticMarkup(
          createElement(EnergyPlot, {
            box: { x: [-1.5, 1.5], y: [-1, 2.5] },
            n: 4,
            values,
            logScale: true,
            label: "Paysage d'énergie",
            summary: 'Un plan incliné qui monte vers le coin supérieur droit.',
            onPick: () => {},
            strings: fr.plot,
            lang: 'fr',
          }),
        ),
      );
      expect(html).toContain('Un plan incliné');
      expect(html).toContain(`Carte de chaleur\u00a0: Énergie E en fonction de y₁, de ${MINUS}1,5 à 1,5`);
      expect(html).toContain('de y₂, de \u22121 à 2,5');
      expect(html).toContain(values ? `de ${MINUS}0,5 à 3,25, sur une échelle de couleurs logarithmique` : '(données pas encore chargées)');
      expect(html).not.toMatch(/\d\.\d/);
      expect(englishIn(html)).toEqual([]);
    }
  });

  it('renders LinePlot in French with French numbers and no English sentence', () => {
    const html = decodeMarkup(
      renderToStaticMarkup(
        createElement(LinePlot, {
          series: [
            { label: 'perte', values: [3, 2, 1] },
            { label: 'validation', values: [3.5, 2.5, 1.5] },
          ],
          xLabel: 'pas',
          logY: true,
          marker: { x: 1.5, label: 'maintenant' },
          label: 'Perte',
          summary: 'La perte diminue.',
          strings: fr.plot,
          lang: 'fr',
        }),
      ),
    );
    expect(html).toContain("La perte diminue. L'axe vertical est logarithmique. Une ligne verticale marque pas = 1,5 (maintenant).");
    expect(html).toContain('aria-label="Séries"');
    expect(englishIn(html)).toEqual([]);
  });

  it('keeps English as the default, with or without the props', () => {
    const props = { series: [{ label: 'loss', values: [3, 2, 1] }], marker: { x: -0.5 }, logY: true, label: 'L', summary: 'S.' };
    const plain = renderToStaticMarkup(createElement(LinePlot, props));
    expect(plain).toContain(`S. The vertical axis is logarithmic. A vertical line marks x = ${MINUS}0.5.`);
    expect(renderToStaticMarkup(createElement(LinePlot, { ...props, strings: defaultPlotStrings, lang: 'en' }))).toBe(plain);
  });
});
