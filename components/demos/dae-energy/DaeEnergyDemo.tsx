'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EnergyPlot, type PlotScales } from '@/components/plots/EnergyPlot';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { formatOrDash } from '@/lib/i18n/or-dash';
import { arrowPaths } from '@/lib/plot/arrows';
import { fill } from '@/lib/i18n/template';
import { gridPoints } from '@/lib/ml/grid';
import { createDaeSession } from '@/lib/ml/part-b/dae';
import { cellCentres, fieldStatistics } from '@/lib/ml/part-b/dae-statistics';
import { DATASETS, DATA_BOX, type DatasetName } from '@/lib/ml/part-b/datasets';
import { DemoShell, shellProps } from '../runtime/DemoShell';
import { ParamControl } from '../runtime/ParamControl';
import { createRedrawTimer } from '../runtime/redraw-timer';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoModel } from '../runtime/useDemo';
import styles from './dae-energy.module.css';

const BOX = DATA_BOX;
/**
 * Nodes per side of the surface. The network is smooth at this scale, so 64 nodes (upscaled
 * bilinearly) look like 128 while costing a quarter: on wasm a 128² pass alone takes most of
 * the 50 ms a frame may use.
 */
const N = 64;
/** Arrows per side of the displacement field. */
const ARROWS = 16;
const POINTS = 200;
const SAMPLES = 40;
/** Arrows starting this close to a data point count as "near the data" in the summary. */
const NEAR = 0.5;
/**
 * The colours show log₁₀ F, floored here. On the plot's own log scale, log(1 + F), everything
 * below about 0.1 is one dark purple, and that is where the whole story is: a trained DAE has
 * F ≈ 0.002 on the data and a few hundredths between the arms, against several units in the
 * corners.
 */
const FLOOR = 1e-4;

const specs = {
  dataset: { kind: 'enum', default: 'spiral', options: ['spiral', 'ring', 'twoMoons'] },
  sigma: { kind: 'number', default: 0.1, min: 0, max: 1.5, step: 0.01 },
  field: { kind: 'bool', default: true },
  samples: { kind: 'bool', default: false },
} as const satisfies ParamSpecs;

const FINE = gridPoints(BOX, N);

/** Tails of the arrows: the centres of a 16 × 16 tiling of the box. */
const TAILS = cellCentres(BOX, ARROWS);

interface Sample {
  noisy: Float32Array;
  clean: Float32Array;
  sigma: number;
}

interface Frame {
  /** F on the grid. */
  surface: Float32Array;
  /** log₁₀ max(F, FLOOR) on the grid: what the colours show. */
  shown: Float32Array;
  /** Dec(Enc(·)) of the tails, then of the data, then of the centre, then of the samples. */
  heads: Float32Array;
  data: Float32Array;
  sample: Sample | null;
  sigma: number;
  version: number;
}

interface View {
  samples: boolean;
}

export default function DaeEnergyDemo({ id, lang, runtime, messages }: DemoProps) {
  const t = messages.demos['dae-energy'];
  const [frame, setFrame] = useState<Frame | null>(null);
  const viewRef = useRef<View>({ samples: specs.samples.default });
  const sessionRef = useRef<ReturnType<typeof createDaeSession> | null>(null);
  const timerRef = useRef(createRedrawTimer(id));

  const build = useCallback(
    (p: { dataset: string; sigma: number; seed: number }): DemoModel => {
      const data = DATASETS[p.dataset as DatasetName](POINTS, p.seed);
      const session = createDaeSession({ data, sigma: p.sigma, seed: p.seed });
      sessionRef.current = session;
      const timer = timerRef.current;
      let sample: Sample | null = null;
      // Arrow tails, data points and the centre never change; the sample's points follow them.
      const fixedPoints = new Float32Array([...TAILS, ...data, 0, 0]);
      let batch = fixedPoints;
      let batchSample: Sample | null = null;
      let version = 0;
      let disposed = false;
      return {
        step: () => session.step(),
        async draw() {
          if (disposed) return;
          version += 1;
          timer.start(version);
          if (!viewRef.current.samples) sample = null;
          else if (!sample || sample.sigma !== session.sigma) {
            // A fixed batch, redrawn only when σ changes: fresh noise every frame would flicker.
            const drawn = await session.corruptedSample(SAMPLES);
            if (disposed) return;
            sample = { noisy: drawn.noisy, clean: drawn.clean, sigma: session.sigma };
          }
          const sigma = session.sigma;
          if (batchSample !== sample) {
            batchSample = sample;
            batch = sample ? new Float32Array([...fixedPoints, ...sample.noisy]) : fixedPoints;
          }
          // The surface and every arrow head in two batched passes, read back together.
          const [surface, heads] = await Promise.all([session.energy(FINE), session.reconstruct(batch)]);
          if (disposed) return;
          const shown = surface.map((v) => Math.log10(Math.max(v, FLOOR)));
          setFrame({ surface, shown, heads, data, sample, sigma, version });
        },
        dispose() {
          disposed = true;
          session.dispose();
          if (sessionRef.current === session) sessionRef.current = null;
        },
      };
    },
    [],
  );

  const demo = useDemo({ id, runtime, specs, build, structural: ['dataset'], speed: 2 });

  const { sigma, field, samples } = demo.params;
  const { redraw } = demo;
  useEffect(() => {
    sessionRef.current?.setSigma(sigma);
    viewRef.current = { samples };
    redraw();
  }, [sigma, samples, redraw]);

  const fmt = (v: number) => formatNumber(lang, v, 3);
  const fmt2 = (v: number) => formatNumber(lang, v, 2);
  const formatShown = (v: number) => fill(t.logValue, { log: fmt(v), value: fmt(10 ** v) });
  const stats = useMemo(() => (frame ? fieldStatistics({ tails: TAILS, heads: frame.heads, data: frame.data, surface: frame.surface, sample: frame.sample, near: NEAR }) : null), [frame]);

  const overlay = useMemo(
    () =>
      function Overlay(s: PlotScales) {
        if (!frame) return null;
        const { heads, data, sample } = frame;
        // Arrowheads as long as four stroke widths (0.09rem for the field, 0.11rem for samples).
        let fieldArrows = null;
        if (field) {
          const segments = new Float64Array(4 * ARROWS * ARROWS);
          for (let a = 0; a < ARROWS * ARROWS; a++) {
            segments.set([s.x(TAILS[2 * a]), s.y(TAILS[2 * a + 1]), s.x(heads[2 * a]), s.y(heads[2 * a + 1])], 4 * a);
          }
          fieldArrows = arrowPaths(segments, 0.36 * s.fontPx);
        }
        const dots = [];
        for (let i = 0; i < data.length / 2; i++) {
          dots.push(<circle key={i} r={3} className={`overlay-data ${styles.data}`} cx={s.x(data[2 * i])} cy={s.y(data[2 * i + 1])} />);
        }
        const rings = [];
        const links: number[] = [];
        if (sample) {
          const offset = ARROWS * ARROWS + data.length / 2 + 1;
          for (let k = 0; k < sample.noisy.length / 2; k++) {
            const [nx, ny] = [sample.noisy[2 * k], sample.noisy[2 * k + 1]];
            rings.push(<circle key={k} className={styles.noisy} r={5} cx={s.x(nx)} cy={s.y(ny)} />);
            links.push(s.x(nx), s.y(ny), s.x(heads[2 * (offset + k)]), s.y(heads[2 * (offset + k) + 1]));
          }
        }
        const sampleArrows = sample ? arrowPaths(links, 0.44 * s.fontPx) : null;
        return (
          <g>
            <g data-layer="data">{dots}</g>
            <g className={styles.field} data-layer="field" data-arrows={fieldArrows?.count ?? 0}>
              {fieldArrows ? (
                <>
                  <path d={fieldArrows.shafts} fill="none" />
                  <path d={fieldArrows.heads} className={styles.fieldHead} />
                </>
              ) : null}
            </g>
            <g className={styles.samples} data-layer="samples" data-arrows={sampleArrows?.count ?? 0}>
              {rings}
              {sampleArrows ? (
                <>
                  <path d={sampleArrows.shafts} fill="none" />
                  <path d={sampleArrows.heads} className={styles.sampleHead} />
                </>
              ) : null}
            </g>
          </g>
        );
      },
    [frame, field],
  );

  const datasetNames = { spiral: t.datasetSpiral, ring: t.datasetRing, twoMoons: t.datasetTwoMoons };
  const datasetInText: Record<string, string> = { spiral: t.datasetNameSpiral, ring: t.datasetNameRing, twoMoons: t.datasetNameTwoMoons };
  const summary = stats
    ? [
        fill(t.summary, {
          steps: demo.frame.steps,
          sigma: fmt(frame?.sigma ?? sigma),
          count: POINTS,
          dataset: datasetInText[demo.params.dataset],
          min: fmt(stats.min),
          max: fmt(stats.max),
          boxMedian: fmt(stats.boxMedian),
          dataMedian: fmt(stats.dataMedian),
          centre: fmt(stats.centre),
          near: stats.near.count,
          nearInward: stats.near.inward,
          nearLength: fmt2(stats.near.medianLength),
          far: stats.far.count,
          farInward: stats.far.inward,
          farLength: fmt2(stats.far.medianLength),
        }),
        frame?.sample ? fill(t.summarySamples, { count: SAMPLES, noisy: fmt2(stats.noisy), restored: fmt2(stats.restored) }) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : '';

  return (
    <DemoShell
      {...shellProps(demo, { runtime, messages, lang }, t)}
      lossLabel={t.loss}
      readouts={
        <>
          <span>
            {t.dataMedian} <span data-readout="data-median">{formatOrDash(lang, stats?.dataMedian ?? NaN)}</span>
          </span>
          <span>
            {t.centre} <span data-readout="centre">{formatOrDash(lang, stats?.centre ?? NaN)}</span>
          </span>
        </>
      }
      controls={
        <>
          <ParamControl spec={specs.dataset} label={t.dataset} value={demo.params.dataset} onChange={(v) => demo.setParam('dataset', v)} optionLabels={datasetNames} />
          <ParamControl spec={specs.sigma} label={t.sigma} value={sigma} onChange={(v) => demo.setParam('sigma', v)} format={fmt} />
          <ParamControl spec={specs.field} label={t.field} value={field} onChange={(v) => demo.setParam('field', v)} />
          <ParamControl spec={specs.samples} label={t.samples} value={samples} onChange={(v) => demo.setParam('samples', v)} />
        </>
      }
    >
      <p className="demo-hint">{t.hint}</p>
      <EnergyPlot
        box={BOX}
        n={N}
        values={frame?.shown ?? null}
        version={frame?.version}
        valueLabel={t.valueLabel}
        label={t.plotLabel}
        summary={summary}
        overlay={overlay}
        onPainted={(v) => timerRef.current.painted(v)}
        formatValue={formatShown}
        strings={messages.plot}
        lang={lang}
      />
    </DemoShell>
  );
}
