'use client';

import { schemeTableau10 } from 'd3-scale-chromatic';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EnergyPlot, type PlotScales } from '@/components/plots/EnergyPlot';
import { decodePoints, encodePoints, readExtra, writeExtra, type ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { formatOrDash } from '@/lib/i18n/or-dash';
import { fill } from '@/lib/i18n/template';
import { gridPoints } from '@/lib/ml/grid';
import { DATASETS, DATA_BOX, type DatasetName } from '@/lib/ml/part-b/datasets';
import type { KMeansMode } from '@/lib/ml/part-b/kmeans';
import { DemoShell, shellProps } from '../runtime/DemoShell';
import { ParamControl } from '../runtime/ParamControl';
import { createRedrawTimer } from '../runtime/redraw-timer';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoModel } from '../runtime/useDemo';
import { createEditableKMeans, type EditableKMeans, type KMeansSnapshot, type StartChoice } from '@/lib/ml/part-b/editable-kmeans';
import styles from './kmeans-energy.module.css';

const BOX = DATA_BOX;
const N = 128;
/** Below this energy a point is within 0.5 of a prototype: the "low" region the summary measures. */
const LOW = 0.25;

/** Clicked points a link may carry (a URL stays well under browsers' length limits). */
const MAX_LINKED_POINTS = 400;

/** Enough points for K = 30 to still leave several per prototype. */
const PRESET_SIZE: Record<'blobs' | 'spiral' | 'ring', number> = { blobs: 200, spiral: 300, ring: 200 };

const specs = {
  dataset: { kind: 'enum', default: 'spiral', options: ['blobs', 'spiral', 'ring'] },
  k: { kind: 'int', default: 16, min: 1, max: 30 },
  mode: { kind: 'enum', default: 'lloyd', options: ['lloyd', 'gradient'] },
  start: { kind: 'enum', default: 'kmeanspp', options: ['kmeanspp', 'box'] },
  surface: { kind: 'enum', default: 'hard', options: ['hard', 'soft'] },
  beta: { kind: 'number', default: 1, min: 0.01, max: 100, step: 0.01, scale: 'log' },
} as const satisfies ParamSpecs;

/** Prototype k and the points it owns share a colour; ten colours repeat beyond K = 10. */
function clusterColour(k: number): string {
  return schemeTableau10[k % schemeTableau10.length];
}

interface Frame extends KMeansSnapshot {
  version: number;
}

interface View {
  surface: string;
  beta: number;
}

/** Mean of min_k ‖y − w_k‖² over the points and the number of points each prototype owns. */
function dataStatistics(points: Float32Array, prototypes: Float32Array, owners: Int32Array) {
  const k = prototypes.length / 2;
  const owned = new Array<number>(k).fill(0);
  let total = 0;
  for (let i = 0; i < points.length / 2; i++) {
    const owner = owners[i];
    if (owner === undefined || owner < 0 || owner >= k) continue;
    owned[owner] += 1;
    total += (points[2 * i] - prototypes[2 * owner]) ** 2 + (points[2 * i + 1] - prototypes[2 * owner + 1]) ** 2;
  }
  const count = points.length / 2;
  return { owned, mean: count > 0 ? total / count : NaN };
}

function surfaceStatistics(values: Float32Array | null) {
  if (!values) return { min: NaN, max: NaN, lowShare: NaN };
  let min = Infinity;
  let max = -Infinity;
  let low = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < LOW) low += 1;
  }
  return { min, max, lowShare: low / values.length };
}

export default function KMeansEnergyDemo({ id, lang, runtime, messages }: DemoProps) {
  const { tf } = runtime;
  const t = messages.demos['kmeans-energy'];
  const [frame, setFrame] = useState<Frame | null>(null);
  const sessionRef = useRef<EditableKMeans | null>(null);
  const viewRef = useRef<View>({ surface: specs.surface.default, beta: specs.beta.default });
  // Points the reader clicked in, and whether the preset was cleared: data rather than
  // parameters, kept across a reset, and written into the URL so that a link brings them along.
  const clicksRef = useRef<number[]>([]);
  const clearedRef = useRef(false);
  const urlReadRef = useRef(false);
  const timerRef = useRef(createRedrawTimer(id));

  const build = useCallback(
    (p: { dataset: string; k: number; mode: string; start: string; seed: number }): DemoModel => {
      // The first build runs after hydration, when the URL can be read.
      if (!urlReadRef.current) {
        urlReadRef.current = true;
        const search = window.location.search;
        clicksRef.current = decodePoints(readExtra(id, 'points', search) ?? '', BOX, MAX_LINKED_POINTS);
        clearedRef.current = readExtra(id, 'cleared', search) === '1';
      }
      const preset = clearedRef.current
        ? new Float32Array(0)
        : DATASETS[p.dataset as DatasetName](PRESET_SIZE[p.dataset as keyof typeof PRESET_SIZE], p.seed);
      const data = new Float32Array([...preset, ...clicksRef.current]);
      const session = createEditableKMeans({
        data,
        k: p.k,
        seed: p.seed,
        mode: p.mode as KMeansMode,
        start: p.start as StartChoice,
        box: BOX,
      });
      sessionRef.current = session;
      const grid = tf.tensor2d(gridPoints(BOX, N), [N * N, 2]);
      const timer = timerRef.current;
      let version = 0;
      return {
        step: () => session.step(),
        // Nothing to fit yet, or Lloyd's algorithm reached its fixed point: further steps change nothing.
        isFinished: () => !session.canStep() || (session.mode === 'lloyd' && session.converged()),
        async draw() {
          const view = viewRef.current;
          version += 1;
          timer.start(version);
          const snapshot = await session.snapshot(grid, view.surface === 'soft' ? view.beta : null);
          if (snapshot) setFrame({ ...snapshot, version });
        },
        dispose() {
          session.dispose();
          grid.dispose();
          if (sessionRef.current === session) sessionRef.current = null;
        },
      };
    },
    [tf, id],
  );

  const demo = useDemo({ id, runtime, specs, build, structural: ['dataset', 'k', 'start'], speed: 1 });

  const writeData = useCallback(() => {
    let search = writeExtra(id, 'points', clicksRef.current.length > 0 ? encodePoints(clicksRef.current) : null, window.location.search);
    search = writeExtra(id, 'cleared', clearedRef.current ? '1' : null, search);
    if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  }, [id]);

  const { surface, beta, mode } = demo.params;
  const { redraw } = demo;
  useEffect(() => {
    viewRef.current = { surface, beta };
    redraw();
  }, [surface, beta, redraw]);

  useEffect(() => {
    sessionRef.current?.setMode(mode as KMeansMode);
  }, [mode]);

  const { status, play } = demo;
  const onPick = useCallback(
    (point: { x: number; y: number }) => {
      const session = sessionRef.current;
      if (!session) return;
      // Rounded as the link will store it, so that the link reproduces this very model.
      const [x, y] = decodePoints(encodePoints([point.x, point.y]), BOX, 1);
      if (x === undefined || y === undefined) return;
      clicksRef.current.push(x, y);
      writeData();
      session.addPoint(x, y);
      // After convergence a new point is new work; otherwise the next frame (or this redraw) shows it.
      if (status === 'finished') play();
      else redraw();
    },
    [status, play, redraw, writeData],
  );

  const clearPoints = () => {
    clicksRef.current = [];
    clearedRef.current = true;
    writeData();
    demo.reset();
  };
  const restoreData = () => {
    clicksRef.current = [];
    clearedRef.current = false;
    writeData();
    demo.reset();
  };
  const changeDataset = (value: number | string | boolean) => {
    clicksRef.current = [];
    clearedRef.current = false;
    writeData();
    demo.setParam('dataset', value);
  };

  const fmt = (v: number) => formatNumber(lang, v, 3);
  const fmt2 = (v: number) => formatNumber(lang, v, 2);
  const percent = (v: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v);

  const stats = useMemo(() => {
    if (!frame) return null;
    const { owned, mean } = dataStatistics(frame.points, frame.prototypes, frame.owners);
    return { owned, mean, dead: frame.points.length > 0 ? owned.filter((c) => c === 0).length : 0, ...surfaceStatistics(frame.surface) };
  }, [frame]);

  const surfaceValues = useMemo(() => {
    if (!frame) return null;
    // No prototype yet: a surface of NaN, which the plot shows as "no data".
    return frame.surface ?? new Float32Array(N * N).fill(NaN);
  }, [frame]);

  const overlay = useMemo(
    () =>
      function Overlay(s: PlotScales) {
        if (!frame) return null;
        const { points, owners, prototypes } = frame;
        const dots = [];
        for (let i = 0; i < points.length / 2; i++) {
          const owner = owners[i] ?? 0;
          dots.push(<circle key={i} className={styles.point} cx={s.x(points[2 * i])} cy={s.y(points[2 * i + 1])} fill={clusterColour(owner)} />);
        }
        const marks = [];
        for (let k = 0; k < prototypes.length / 2; k++) {
          const dead = stats !== null && points.length > 0 && stats.owned[k] === 0;
          marks.push(
            <g key={k} transform={`translate(${s.x(prototypes[2 * k])} ${s.y(prototypes[2 * k + 1])}) rotate(45)`} data-prototype={k} data-dead={dead || undefined}>
              <rect className={styles.prototypeHalo} />
              <rect className={dead ? `${styles.prototype} ${styles.dead}` : styles.prototype} fill={clusterColour(k)} />
            </g>,
          );
        }
        return (
          <g>
            <g data-layer="points">{dots}</g>
            <g data-layer="prototypes">{marks}</g>
          </g>
        );
      },
    [frame, stats],
  );

  const surfaceName = surface === 'soft' ? fill(t.summarySoft, { beta: fmt(beta) }) : t.summaryHard;
  const k = frame ? frame.prototypes.length / 2 : 0;
  const count = frame ? frame.points.length / 2 : 0;
  const convergedAt = frame?.convergedAt ?? null;
  const summary =
    !frame || !stats || k === 0
      ? t.summaryEmpty
      : fill(t.summary, {
          surface: surfaceName,
          count,
          k,
          min: fmt(stats.min),
          max: fmt(stats.max),
          lowShare: percent(stats.lowShare),
          mean: formatOrDash(lang, stats.mean),
          dead: stats.dead,
          status:
            convergedAt !== null && mode === 'lloyd'
              ? fill(t.statusConverged, { step: convergedAt })
              : fill(t.statusTraining, { step: demo.frame.steps }),
          list: Array.from({ length: k }, (_, j) => `(${fmt2(frame.prototypes[2 * j])}, ${fmt2(frame.prototypes[2 * j + 1])}) ${stats.owned[j]}`).join('; '),
        });

  const datasetNames = { blobs: t.datasetBlobs, spiral: t.datasetSpiral, ring: t.datasetRing };

  return (
    <DemoShell
      {...shellProps(demo, { runtime, messages, lang }, t)}
      lossLabel={t.meanEnergy}
      readouts={
        <>
          <span>
            {t.points} <span data-readout="points">{count}</span>
          </span>
          <span>
            {t.prototypes} <span data-readout="prototypes">{k}</span>
          </span>
          <span>
            {t.dead} <span data-readout="dead">{stats?.dead ?? 0}</span>
          </span>
          {convergedAt !== null && mode === 'lloyd' ? <strong data-readout="converged">{fill(t.converged, { step: convergedAt })}</strong> : null}
        </>
      }
      controls={
        <>
          <ParamControl spec={specs.dataset} label={t.dataset} value={demo.params.dataset} onChange={changeDataset} optionLabels={datasetNames} />
          <ParamControl spec={specs.k} label={t.k} value={demo.params.k} onChange={(v) => demo.setParam('k', v)} />
          <ParamControl
            spec={specs.mode}
            label={t.mode}
            value={mode}
            onChange={(v) => demo.setParam('mode', v)}
            optionLabels={{ lloyd: t.modeLloyd, gradient: t.modeGradient }}
          />
          <ParamControl
            spec={specs.start}
            label={t.init}
            value={demo.params.start}
            onChange={(v) => demo.setParam('start', v)}
            optionLabels={{ kmeanspp: t.initKmeanspp, box: t.initBox }}
          />
          <ParamControl
            spec={specs.surface}
            label={t.surface}
            value={surface}
            onChange={(v) => demo.setParam('surface', v)}
            optionLabels={{ hard: t.surfaceHard, soft: t.surfaceSoft }}
          />
          <ParamControl spec={specs.beta} label={t.beta} value={beta} onChange={(v) => demo.setParam('beta', v)} format={fmt} disabled={surface !== 'soft'} />
          <div className={styles.buttons}>
            <button type="button" className="demo-button" onClick={clearPoints} data-action="clear-points">
              {t.clearPoints}
            </button>
            <button type="button" className="demo-button" onClick={restoreData} data-action="restore-data">
              {t.restoreData}
            </button>
          </div>
        </>
      }
    >
      <p className="demo-hint">{count === 0 && frame ? t.emptyHint : t.hint}</p>
      <EnergyPlot
        box={BOX}
        n={N}
        values={surfaceValues}
        version={frame?.version}
        logScale
        valueLabel={surface === 'soft' ? t.valueSoft : t.valueHard}
        label={t.plotLabel}
        summary={summary}
        overlay={overlay}
        onPick={onPick}
        onPainted={(v) => timerRef.current.painted(v)}
        formatValue={fmt}
        strings={messages.plot}
        lang={lang}
      />
    </DemoShell>
  );
}
