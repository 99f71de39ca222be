'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EnergyPlot } from '@/components/plots/EnergyPlot';
import { LinePlot } from '@/components/plots/LinePlot';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { formatOrDash } from '@/lib/i18n/or-dash';
import { fill } from '@/lib/i18n/template';
import { gridPoints } from '@/lib/ml/grid';
import { CD_DEFAULTS, createCdSession, type CdOptions, type ChainStart } from '@/lib/ml/part-b/contrastive-divergence';
import { DATASETS, DATA_BOX, uniformPoints, type DatasetName } from '@/lib/ml/part-b/datasets';
import { DemoShell, shellProps } from '../runtime/DemoShell';
import { createRedrawTimer } from '../runtime/redraw-timer';
import { ParamControl } from '../runtime/ParamControl';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoModel } from '../runtime/useDemo';
import { Curves } from '../runtime/curve';
import styles from './contrastive.module.css';

const N = 96;
const POINTS = 300;
/** Uniform points of the box at which the "everything else" energy is measured. */
const PROBES = 400;
/** Fixed, so that the gap of one run compares with another's whatever their seeds. */
const PROBE_SEED = 2;
/**
 * With the push-up term the energy-magnitude penalty holds the data near −1/(2α) = −5 and the
 * negatives near +5, so a colour scale spanning at least ±6 shows a trained surface in full
 * colour. That floor on the span is what makes collapse visible: a range fitted to the values
 * alone would stretch whatever ripples a sunken, flat surface keeps over the whole colour ramp.
 */
const FIXED_RANGE = 6;

const specs = {
  dataset: { kind: 'enum', default: 'spiral', options: ['spiral', 'ring', 'twoMoons'] },
  k: { kind: 'int', default: CD_DEFAULTS.k, min: 1, max: 60 },
  stepSize: { kind: 'number', default: CD_DEFAULTS.stepSize, min: 0.001, max: 0.5, step: 0.001, scale: 'log' },
  noise: { kind: 'number', default: CD_DEFAULTS.noise, min: 0, max: 2, step: 0.05 },
  start: { kind: 'enum', default: CD_DEFAULTS.startFrom, options: ['data', 'uniform'] },
  pushUp: { kind: 'bool', default: CD_DEFAULTS.pushUp },
  learningRate: { kind: 'number', default: 0.02, min: 0.001, max: 0.2, step: 0.001, scale: 'log' },
  colours: { kind: 'enum', default: 'fixed', options: ['fixed', 'fit'] },
} as const satisfies ParamSpecs;

interface LiveParams {
  k: number;
  stepSize: number;
  noise: number;
  start: string;
  pushUp: boolean;
  colours: string;
  pace: string;
}

function chainOptions(p: LiveParams): CdOptions {
  return { k: p.k, stepSize: p.stepSize, noise: p.noise, startFrom: p.start as ChainStart, pushUp: p.pushUp };
}

interface Frame {
  surface: Float32Array;
  version: number;
  negatives: Float32Array;
  energyData: number;
  energyUniform: number;
  curves: { xs: number[]; ys: number[][] };
}

function mean(values: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}

export default function ContrastiveDivergenceDemo({ id, lang, runtime, messages }: DemoProps) {
  const t = messages.demos['contrastive-divergence'];
  const [frame, setFrame] = useState<Frame | null>(null);
  const [data, setData] = useState<Float32Array>(new Float32Array(0));
  const getParamsRef = useRef<(() => LiveParams) | null>(null);
  const timerRef = useRef(createRedrawTimer(id));

  const build = useCallback(
    (p: LiveParams & { seed: number; dataset: string; learningRate: number }): DemoModel => {
      const live = () => getParamsRef.current?.() ?? p;
      const points = DATASETS[p.dataset as DatasetName](POINTS, p.seed);
      setData(points);
      const session = createCdSession({ data: points, seed: p.seed, learningRate: p.learningRate, ...chainOptions(p) });
      // Grid, data and probes go through the network together: one evaluation per redraw.
      const queries = new Float32Array(2 * (N * N + POINTS + PROBES));
      queries.set(gridPoints(DATA_BOX, N));
      queries.set(points, 2 * N * N);
      queries.set(uniformPoints(DATA_BOX, PROBES, PROBE_SEED), 2 * (N * N + POINTS));
      const curves = new Curves(3);
      const timer = timerRef.current;
      let version = 0;
      let disposed = false;
      return {
        step() {
          session.setOptions(chainOptions(live()));
          return session.step();
        },
        phase() {
          const q = live();
          if (q.pace !== 'slow') return null;
          return q.pushUp ? fill(t.phaseBoth, { k: q.k, start: q.start === 'uniform' ? t.fromUniform : t.fromData }) : t.phaseDownOnly;
        },
        async draw(info) {
          timer.start(version + 1);
          const [energies, negatives, last] = await Promise.all([session.energy(queries), session.negatives(), session.lastEnergies()]);
          // A reset or rebuild may have replaced this model while the read-back was pending.
          if (disposed) return;
          const surface = energies.slice(0, N * N);
          const energyData = mean(energies, N * N, N * N + POINTS);
          const energyUniform = mean(energies, N * N + POINTS, N * N + POINTS + PROBES);
          if (info.steps > 0) curves.push(info.steps, [last.positive, last.negative, energyUniform]);
          version += 1;
          setFrame({ surface, version, negatives, energyData, energyUniform, curves: curves.snapshot() });
        },
        dispose() {
          disposed = true;
          session.dispose();
        },
      };
    },
    [t],
  );

  const demo = useDemo({ id, runtime, specs, build, structural: ['dataset', 'learningRate', 'seed'], speed: 1 });
  useEffect(() => {
    getParamsRef.current = demo.getParams;
  }, [demo.getParams]);

  const { colours, pushUp, k, start } = demo.params;

  const fmt = (v: number) => formatOrDash(lang, v);
  const datasetNames: Record<string, string> = { spiral: t.spiral, ring: t.ring, twoMoons: t.twoMoons };
  const startName = start === 'uniform' ? t.fromUniform : t.fromData;
  const gap = frame ? frame.energyUniform - frame.energyData : Number.NaN;
  const negatives = frame?.negatives ?? null;
  const curves = frame?.curves ?? { xs: [], ys: [[], [], []] };
  const lastCurve = (series: number) => curves.ys[series][curves.ys[series].length - 1] ?? Number.NaN;

  const overlay = useMemo(
    () =>
      function Overlay(s: { x: (v: number) => number; y: (v: number) => number }) {
        const dots = [];
        for (let i = 0; i < data.length; i += 2) {
          dots.push(<circle key={`d${i}`} cx={s.x(data[i])} cy={s.y(data[i + 1])} r={3} className="overlay-data" data-mark="data" />);
        }
        const rings = [];
        if (negatives) {
          const className = pushUp ? styles.negative : `${styles.negative} ${styles.idle}`;
          for (let i = 0; i < negatives.length; i += 2) {
            rings.push(<circle key={`n${i}`} cx={s.x(negatives[i])} cy={s.y(negatives[i + 1])} r={5} className={className} data-mark="negative" />);
          }
        }
        return (
          <g>
            {dots}
            {rings}
          </g>
        );
      },
    [data, negatives, pushUp],
  );

  const summary = fill(t.summary, {
    steps: demo.frame.steps,
    dataset: datasetNames[demo.params.dataset],
    count: data.length / 2,
    data: fmt(frame?.energyData ?? Number.NaN),
    probes: PROBES,
    uniform: fmt(frame?.energyUniform ?? Number.NaN),
    gap: fmt(gap),
    negatives: pushUp ? fill(t.summaryNegatives, { count: (negatives?.length ?? 0) / 2 }) : t.summaryNoPushUp,
  });

  return (
    <DemoShell
      {...shellProps(demo, { runtime, messages, lang }, t)}
      readouts={
        <>
          <span>
            {t.energyData} <span data-readout="energy-data">{fmt(frame?.energyData ?? Number.NaN)}</span>
          </span>
          <span>
            {t.energyUniform} <span data-readout="energy-uniform">{fmt(frame?.energyUniform ?? Number.NaN)}</span>
          </span>
          <span>
            {t.gap} <span data-readout="gap">{fmt(gap)}</span>
          </span>
        </>
      }
      controls={
        <>
          <ParamControl spec={specs.dataset} label={t.dataset} value={demo.params.dataset} onChange={(v) => demo.setParam('dataset', v)} optionLabels={datasetNames} />
          <ParamControl spec={specs.pushUp} label={t.pushUp} value={pushUp} onChange={(v) => demo.setParam('pushUp', v)} />
          <ParamControl
            spec={specs.start}
            label={t.start}
            value={start}
            onChange={(v) => demo.setParam('start', v)}
            optionLabels={{ data: t.startData, uniform: t.startUniform }}
          />
          <ParamControl spec={specs.k} label={t.k} value={k} onChange={(v) => demo.setParam('k', v)} />
          <ParamControl spec={specs.stepSize} label={t.stepSize} value={demo.params.stepSize} onChange={(v) => demo.setParam('stepSize', v)} format={fmt} />
          <ParamControl spec={specs.noise} label={t.noise} value={demo.params.noise} onChange={(v) => demo.setParam('noise', v)} format={fmt} />
          <ParamControl spec={specs.learningRate} label={t.learningRate} value={demo.params.learningRate} onChange={(v) => demo.setParam('learningRate', v)} format={fmt} />
          <ParamControl
            spec={specs.colours}
            label={t.colours}
            value={colours}
            onChange={(v) => demo.setParam('colours', v)}
            optionLabels={{ fixed: t.coloursFixed, fit: t.coloursFit }}
          />
        </>
      }
    >
      <p className="demo-hint">{t.hint}</p>
      <div className="demo-panels">
        <div className={styles.surface}>
          <EnergyPlot
            box={DATA_BOX}
            n={N}
            values={frame?.surface ?? null}
            version={frame?.version}
            colourFloor={colours === 'fixed' ? [-FIXED_RANGE, FIXED_RANGE] : undefined}
            label={t.plotLabel}
            summary={summary}
            overlay={overlay}
            onPainted={(v) => timerRef.current.painted(v)}
            formatValue={(v) => formatNumber(lang, v, 3)}
            strings={messages.plot}
            lang={lang}
          />
          <ul className={styles.legend}>
            <li>
              <svg className={styles.swatch} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <circle cx={10} cy={10} r={4} className="overlay-data" />
              </svg>
              {t.legendData}
            </li>
            <li>
              <svg className={styles.swatch} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <circle cx={10} cy={10} r={6} className={pushUp ? styles.negative : `${styles.negative} ${styles.idle}`} />
              </svg>
              {fill(pushUp ? t.legendNegatives : t.legendNegativesIdle, { k, start: startName })}
            </li>
          </ul>
        </div>
        <LinePlot
          series={[
            { label: t.curveData, values: curves.ys[0], xs: curves.xs },
            { label: t.curveNegatives, values: curves.ys[1], xs: curves.xs },
            { label: t.curveUniform, values: curves.ys[2], xs: curves.xs },
          ]}
          xLabel={t.stepAxis}
          yLabel={t.energyAxis}
          label={t.curveLabel}
          summary={fill(t.curveSummary, { steps: demo.frame.steps, data: fmt(lastCurve(0)), negatives: fmt(lastCurve(1)), uniform: fmt(lastCurve(2)) })}
          version={frame?.version}
          strings={messages.plot}
          lang={lang}
        />
      </div>
    </DemoShell>
  );
}
