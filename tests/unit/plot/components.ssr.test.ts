import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EnergyPlot } from '@/components/plots/EnergyPlot';
import { LinePlot } from '@/components/plots/LinePlot';

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
});
