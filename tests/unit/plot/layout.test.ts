import { describe, expect, it } from 'vitest';
import { energyPlotLayout } from '@/lib/plot/layout';

describe('energyPlotLayout', () => {
  const box = { x: [-3, 3], y: [-3, 3] } as const;

  for (const [width, fontPx] of [
    [328, 14],
    [560, 14],
    [840, 21],
  ] as const) {
    it(`fits a square plot, its axes and margins into ${width} px`, () => {
      const l = energyPlotLayout(width, fontPx, box);
      expect(l.width).toBe(width);
      expect(l.side).toBeGreaterThan(width * 0.7);
      expect(l.left + l.side).toBeLessThanOrEqual(width);
      expect(l.xLabelBaseline).toBeLessThanOrEqual(l.chartHeight);
      expect(l.xTicks.length).toBeGreaterThanOrEqual(3);
      expect(l.yTicks.length).toBeGreaterThanOrEqual(3);
      for (const t of [...l.xTicks, ...l.yTicks]) {
        expect(t.value).toBeGreaterThanOrEqual(-3);
        expect(t.value).toBeLessThanOrEqual(3);
      }
    });
  }

  it('grows margins with the font size', () => {
    const small = energyPlotLayout(800, 14, box);
    const large = energyPlotLayout(800, 28, box);
    expect(large.left).toBeGreaterThan(small.left);
    expect(large.legendHeight).toBeGreaterThan(small.legendHeight);
  });
});

describe('energyPlotLayout in French', () => {
  it('labels the axis ticks with a decimal comma and a real minus sign', () => {
    const box = { x: [-1.5, 1.5], y: [-1, 1] } as const;
    const en = energyPlotLayout(560, 14, box);
    const fr = energyPlotLayout(560, 14, box, 'fr');
    expect(fr.xTicks.map((t) => t.value)).toEqual(en.xTicks.map((t) => t.value));
    expect(fr.xTicks.map((t) => t.label)).toEqual(en.xTicks.map((t) => t.label.replace('.', ',')));
    expect(fr.xTicks.map((t) => t.label)).toContain('\u22120,5');
    expect(fr.yTicks.map((t) => t.label)).toContain('\u22120,4');
    for (const t of [...fr.xTicks, ...fr.yTicks]) expect(t.label).not.toMatch(/[.-]/);
  });
});
