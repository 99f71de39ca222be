'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EnergyPlot } from '@/components/plots/EnergyPlot';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { fill } from '@/lib/i18n/template';
import { conditionalEnergy, ellipseAxes } from '@/lib/ml/conditional-energy';
import { gridPoints, type Box } from '@/lib/ml/grid';
import { createInferenceSession, type InferenceSession } from '@/lib/ml/inference-session';
import { mulberry32, uniform } from '@/lib/ml/random';
import { DemoShell, shellProps } from '../runtime/DemoShell';
import { ParamControl } from '../runtime/ParamControl';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoModel } from '../runtime/useDemo';

const BOX: Box = { x: [-3, 3], y: [-3, 3] };
const N = 128;

const specs = {
  x: { kind: 'number', default: 0.3, min: 0, max: 1, step: 0.01 },
  stepSize: { kind: 'number', default: 0.02, min: 0.001, max: 2, step: 0.001, scale: 'log' },
  steps: { kind: 'int', default: 300, min: 10, max: 3000, step: 10 },
} as const satisfies ParamSpecs;

/** Starting points that do not sit on the origin, where the gradient vanishes. */
function seededStarts(seed: number, count: number): number[] {
  const rng = mulberry32(seed);
  const out: number[] = [];
  while (out.length < 2 * count) {
    const a = uniform(rng, BOX.x[0] * 0.9, BOX.x[1] * 0.9);
    const b = uniform(rng, BOX.y[0] * 0.9, BOX.y[1] * 0.9);
    if (Math.hypot(a, b) > 0.3) out.push(a, b);
  }
  return out;
}

interface Trails {
  paths: number[][];
  remaining: readonly number[];
}

export default function EnergyInferenceDemo({ id, lang, runtime, messages }: DemoProps) {
  const { tf } = runtime;
  const t = messages.demos['energy-inference'];
  const [surface, setSurface] = useState<{ values: Float32Array; version: number } | null>(null);
  const [trails, setTrails] = useState<Trails>({ paths: [], remaining: [] });
  const clicks = useRef<number[]>([]);
  const sessionRef = useRef<InferenceSession | null>(null);
  const pathsRef = useRef<number[][]>([]);
  const getParamsRef = useRef<(() => { stepSize: number }) | null>(null);

  const build = useCallback(
    (p: { x: number; steps: number; seed: number }): DemoModel => {
      const starts = [...seededStarts(p.seed, 3), ...clicks.current];
      const session = createInferenceSession(starts, {
        energy: (y) => conditionalEnergy(p.x, y),
        stepSize: () => getParamsRef.current?.().stepSize ?? specs.stepSize.default,
        budget: p.steps,
      });
      sessionRef.current = session;
      pathsRef.current = [];
      let surfaceDrawn = false;
      const grid = tf.tensor2d(gridPoints(BOX, N), [N * N, 2]);
      return {
        step: () => session.step(),
        isFinished: () => session.finished(),
        async draw() {
          if (!surfaceDrawn) {
            surfaceDrawn = true;
            const energies = tf.tidy(() => conditionalEnergy(p.x, grid));
            const values = (await energies.data()) as Float32Array;
            energies.dispose();
            setSurface((s) => ({ values, version: (s?.version ?? 0) + 1 }));
          }
          const pos = await session.positions();
          const paths = pathsRef.current;
          for (let i = 0; i < pos.length / 2; i++) {
            const path = (paths[i] ??= []);
            const lx = path[path.length - 2];
            const ly = path[path.length - 1];
            if (path.length === 0 || lx !== pos[2 * i] || ly !== pos[2 * i + 1]) path.push(pos[2 * i], pos[2 * i + 1]);
          }
          setTrails({ paths: paths.map((q) => q.slice()), remaining: session.remaining().slice() });
        },
        dispose() {
          session.dispose();
          grid.dispose();
          if (sessionRef.current === session) sessionRef.current = null;
        },
      };
    },
    [tf],
  );

  const demo = useDemo({ id, runtime, specs, build, structural: ['x', 'steps'], speed: 2 });
  useEffect(() => {
    getParamsRef.current = demo.getParams;
  }, [demo.getParams]);

  const onPick = useCallback(
    (point: { x: number; y: number }) => {
      clicks.current.push(point.x, point.y);
      sessionRef.current?.addStart(point.x, point.y);
      demo.redraw();
      demo.play();
    },
    [demo],
  );

  const clear = () => {
    clicks.current = [];
    demo.reset();
  };

  const [a, b] = ellipseAxes(demo.params.x);
  const done = trails.remaining.filter((k) => k <= 0).length;
  const fmt = (v: number) => formatNumber(lang, v, 3);
  const summary = fill(t.summary, { a: fmt(a), b: fmt(b), x: fmt(demo.params.x), count: trails.paths.length, done });

  const overlay = useMemo(
    () =>
      function Overlay(s: { x: (v: number) => number; y: (v: number) => number }) {
        const ellipse = `M ${s.x(a)} ${s.y(0)} A ${Math.abs(s.x(a) - s.x(0))} ${Math.abs(s.y(b) - s.y(0))} 0 1 0 ${s.x(-a)} ${s.y(0)} A ${Math.abs(s.x(a) - s.x(0))} ${Math.abs(s.y(b) - s.y(0))} 0 1 0 ${s.x(a)} ${s.y(0)}`;
        return (
          <g>
            <path d={ellipse} className="overlay-ideal" />
            {trails.paths.map((path, i) => {
              if (path.length < 2) return null;
              const d = path.map((v, k) => (k % 2 === 0 ? `${k === 0 ? 'M' : 'L'} ${s.x(v)}` : `${s.y(v)}`)).join(' ');
              const last = path.length - 2;
              const arrived = (trails.remaining[i] ?? 1) <= 0;
              return (
                <g key={i}>
                  <path d={d} className="overlay-path" />
                  <circle cx={s.x(path[0])} cy={s.y(path[1])} r={4} className="overlay-start" />
                  <circle cx={s.x(path[last])} cy={s.y(path[last + 1])} r={arrived ? 6 : 4} className={arrived ? 'overlay-final' : 'overlay-moving'} />
                </g>
              );
            })}
          </g>
        );
      },
    [trails, a, b],
  );

  return (
    <DemoShell
      {...shellProps(demo, { runtime, messages, lang }, t)}
      lossLabel={t.meanEnergy}
      controls={
        <>
          <ParamControl spec={specs.x} label={t.x} value={demo.params.x} onChange={(v) => demo.setParam('x', v)} format={fmt} />
          <ParamControl spec={specs.stepSize} label={t.stepSize} value={demo.params.stepSize} onChange={(v) => demo.setParam('stepSize', v)} format={fmt} />
          <ParamControl spec={specs.steps} label={t.steps} value={demo.params.steps} onChange={(v) => demo.setParam('steps', v)} />
          <button type="button" className="demo-button" onClick={clear}>
            {t.clear}
          </button>
        </>
      }
    >
      <p className="demo-hint">{t.hint}</p>
      <EnergyPlot
        box={BOX}
        n={N}
        values={surface?.values ?? null}
        version={surface?.version}
        logScale
        label={t.plotLabel}
        summary={summary}
        overlay={overlay}
        onPick={onPick}
        formatValue={(v) => formatNumber(lang, v, 3)}
        strings={messages.plot}
        lang={lang}
      />
    </DemoShell>
  );
}
