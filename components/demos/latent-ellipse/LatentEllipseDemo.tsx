'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EnergyPlot } from '@/components/plots/EnergyPlot';
import { LinePlot } from '@/components/plots/LinePlot';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { fill } from '@/lib/i18n/template';
import { DEFAULT_NOISE, argminLatent, ellipseData, ellipseEnergies, freeEnergy, gibbsDensity, latentGrid } from '@/lib/ml/ellipse';
import { createEllipseTrainer, ellipseInitialWeights } from '@/lib/ml/ellipse-trainer';
import { gridPoints, type Box } from '@/lib/ml/grid';
import { DemoShell, shellProps } from '../runtime/DemoShell';
import { createRedrawTimer } from '../runtime/redraw-timer';
import { ParamControl } from '../runtime/ParamControl';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoModel } from '../runtime/useDemo';

const BOX: Box = { x: [-3, 3], y: [-3, 3] };
const N = 128;
const Z = latentGrid();
const POINTS = 24;

const specs = {
  view: { kind: 'enum', default: 'free', options: ['free', 'soft', 'gibbs'] },
  beta: { kind: 'number', default: 1, min: 0.01, max: 1000, step: 0.01, scale: 'log' },
  train: { kind: 'enum', default: 'free', options: ['free', 'soft'] },
  learningRate: { kind: 'number', default: 0.02, min: 0.001, max: 5, step: 0.001, scale: 'log' },
  noise: { kind: 'bool', default: true },
  py1: { kind: 'number', default: 1.2, min: -3, max: 3, step: 0.01 },
  py2: { kind: 'number', default: 1.6, min: -3, max: 3, step: 0.01 },
} as const satisfies ParamSpecs;

interface Frame {
  surface: Float32Array;
  curve: Float32Array;
  w: [number, number];
  zCheck: number;
  version: number;
}

export default function LatentEllipseDemo({ id, lang, runtime, messages }: DemoProps) {
  const { tf } = runtime;
  const t = messages.demos['latent-ellipse'];
  const [frame, setFrame] = useState<Frame | null>(null);
  const [data, setData] = useState<Float32Array>(new Float32Array(0));
  const paramsRef = useRef<{ view: string; beta: number; py1: number; py2: number } | null>(null);
  const timerRef = useRef(createRedrawTimer(id));

  const build = useCallback(
    (p: { seed: number; noise: boolean; train: string; beta: number; learningRate: number }): DemoModel => {
      const points = ellipseData({ n: POINTS, x: 0, noise: p.noise ? DEFAULT_NOISE : 0, seed: p.seed });
      setData(points);
      const trainer = createEllipseTrainer({
        data: points,
        w0: ellipseInitialWeights(p.seed),
        learningRate: p.learningRate,
        beta: p.train === 'soft' ? p.beta : undefined,
        optimizer: 'adam',
        latent: Z,
      });
      const grid = tf.tensor2d(gridPoints(BOX, N), [N * N, 2]);
      let version = 0;
      const timer = timerRef.current;
      return {
        step: () => trainer.step(),
        async draw() {
          timer.start(version + 1);
          const view = paramsRef.current ?? { view: 'free', beta: 1, py1: 1.2, py2: 1.6 };
          const w = await trainer.weights();
          // One batched pass over the whole grid for the surface, one for the picked point.
          const [surfaceT, curveT, zT] = tf.tidy(() => {
            const wt = tf.tensor1d(w);
            const beta = view.view === 'free' ? Infinity : view.beta;
            const f = freeEnergy(grid, wt, Z, beta);
            const surface = view.view === 'gibbs' ? gibbsDensity(f, view.beta) : f;
            const picked = tf.tensor2d([view.py1, view.py2], [1, 2]);
            return [surface, ellipseEnergies(picked, wt, Z), argminLatent(picked, wt, Z)] as const;
          });
          const [surface, curve, z] = await Promise.all([surfaceT.data(), curveT.data(), zT.data()]);
          surfaceT.dispose();
          curveT.dispose();
          zT.dispose();
          version += 1;
          setFrame({ surface: surface as Float32Array, curve: curve as Float32Array, w, zCheck: z[0], version });
        },
        dispose() {
          trainer.dispose();
          grid.dispose();
        },
      };
    },
    [tf],
  );

  const demo = useDemo({
    id,
    runtime,
    specs,
    build,
    structural: ['learningRate', 'train', 'noise'],
    rebuildKey: (p) => (p.train === 'soft' ? `β${p.beta}` : ''),
    speed: 5,
  });

  const { view, beta, py1, py2 } = demo.params;
  const { redraw } = demo;
  useEffect(() => {
    paramsRef.current = { view, beta, py1, py2 };
    redraw();
  }, [view, beta, py1, py2, redraw]);

  const onPick = useCallback(
    (point: { x: number; y: number }) => {
      demo.setParam('py1', Number(point.x.toFixed(2)));
      demo.setParam('py2', Number(point.y.toFixed(2)));
    },
    [demo],
  );

  const fmt = (v: number) => formatNumber(lang, v, 3);
  const viewNames: Record<string, string> = { free: t.viewFree, soft: t.viewSoft, gibbs: t.viewGibbs };
  const w = useMemo(() => frame?.w ?? [NaN, NaN], [frame]);
  const zCheck = frame?.zCheck ?? NaN;
  const fInf = frame ? Math.min(...frame.curve) : NaN;

  const overlay = useMemo(
    () =>
      function Overlay(s: { x: (v: number) => number; y: (v: number) => number }) {
        const rx = Math.abs(s.x(w[0]) - s.x(0));
        const ry = Math.abs(s.y(w[1]) - s.y(0));
        const onEllipse: [number, number] = [w[0] * Math.cos(zCheck), w[1] * Math.sin(zCheck)];
        const dots = [];
        for (let i = 0; i < data.length; i += 2) {
          dots.push(<circle key={i} cx={s.x(data[i])} cy={s.y(data[i + 1])} r={3.5} className="overlay-data" />);
        }
        return (
          <g>
            {Number.isFinite(rx) ? (
              <ellipse cx={s.x(0)} cy={s.y(0)} rx={rx} ry={ry} className="overlay-model" />
            ) : null}
            {dots}
            {Number.isFinite(zCheck) ? (
              <line x1={s.x(py1)} y1={s.y(py2)} x2={s.x(onEllipse[0])} y2={s.y(onEllipse[1])} className="overlay-link" />
            ) : null}
            <circle cx={s.x(py1)} cy={s.y(py2)} r={6} className="overlay-pick" />
          </g>
        );
      },
    [w, zCheck, data, py1, py2],
  );

  const summary = fill(t.summary, {
    w1: fmt(w[0]),
    w2: fmt(w[1]),
    view: viewNames[view],
    beta: fmt(beta),
    y1: fmt(py1),
    y2: fmt(py2),
    z: fmt(zCheck),
  });

  return (
    <DemoShell
      {...shellProps(demo, { runtime, messages, lang }, t)}
      readouts={
        <span>
          {t.weights} = (<span data-readout="w1">{fmt(w[0])}</span>, <span data-readout="w2">{fmt(w[1])}</span>)
        </span>
      }
      controls={
        <>
          <ParamControl spec={specs.view} label={t.view} value={view} onChange={(v) => demo.setParam('view', v)} optionLabels={viewNames} />
          <ParamControl spec={specs.beta} label={t.beta} value={beta} onChange={(v) => demo.setParam('beta', v)} format={fmt} />
          <ParamControl
            spec={specs.train}
            label={t.train}
            value={demo.params.train}
            onChange={(v) => demo.setParam('train', v)}
            optionLabels={{ free: t.trainFree, soft: t.trainSoft }}
          />
          <ParamControl spec={specs.learningRate} label={t.learningRate} value={demo.params.learningRate} onChange={(v) => demo.setParam('learningRate', v)} format={fmt} />
          <ParamControl spec={specs.noise} label={t.noise} value={demo.params.noise} onChange={(v) => demo.setParam('noise', v)} />
        </>
      }
    >
      <p className="demo-hint">{t.pickHint}</p>
      <div className="demo-panels">
        <EnergyPlot
          box={BOX}
          n={N}
          values={frame?.surface ?? null}
          version={frame?.version}
          logScale={view !== 'gibbs'}
          valueLabel={viewNames[view]}
          label={t.plotLabel}
          summary={summary}
          overlay={overlay}
          onPick={onPick}
          onPainted={(v) => timerRef.current.painted(v)}
          formatValue={(v) => formatNumber(lang, v, 3)}
          strings={messages.plot}
          lang={lang}
        />
        <LinePlot
          series={[{ label: t.energyAxis, values: frame?.curve ?? [], xs: Z }]}
          xLabel={t.zAxis}
          yLabel={t.energyAxis}
          marker={Number.isFinite(zCheck) ? { x: zCheck, label: `${t.zCheck} = ${fmt(zCheck)}` } : null}
          xDomain={[0, 2 * Math.PI]}
          label={t.curveLabel}
          summary={fill(t.curveSummary, { z: fmt(zCheck), f: fmt(fInf) })}
          version={frame?.version}
          strings={messages.plot}
          lang={lang}
        />
      </div>
    </DemoShell>
  );
}
