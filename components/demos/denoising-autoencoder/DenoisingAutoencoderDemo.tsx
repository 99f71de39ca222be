'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { fill } from '@/lib/i18n/template';
import { corrupt, type Corruption } from '@/lib/ml/mnist/corruption';
import { classicalBaseline, evaluateBaseline, evaluateReconstruction } from '@/lib/ml/mnist/evaluate';
import { psnr, psnrJs } from '@/lib/ml/mnist/metrics';
import { DENOISING_DEFAULTS, PRACTICUM, epochsAt, evaluationChunkRows } from '@/lib/ml/mnist/presets';
import { mulberry32 } from '@/lib/ml/random';
import { DemoShell } from '../runtime/DemoShell';
import { ParamControl } from '../runtime/ParamControl';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoModel } from '../runtime/useDemo';
import type { MnistSet } from '../mnist-shared/data';
import { DigitCanvas, KernelCanvas } from '../mnist-shared/DigitCanvas';
import { withMnistData } from '../mnist-shared/MnistGate';
import { publishedModel, publishedVersion, subscribePublished } from '../mnist-shared/model-store';
import styles from '../mnist-shared/mnist.module.css';
import { PIXELS } from '../mnist-shared/pixels';
import { sampleIndices } from '../mnist-shared/samples';
import { createSession } from '../mnist-shared/session';
import { MnistLossPanel, MnistModelControls, MnistReadouts, lastOf, useMnistModel, useMnistTraining } from '../mnist-shared/training';

const specs = {
  hidden: { kind: 'int', default: DENOISING_DEFAULTS.hidden, min: 2, max: 1000 },
  corruption: { kind: 'enum', default: 'dropout', options: ['dropout', 'gaussian', 'saltPepper'] },
  p: { kind: 'number', default: 0.5, min: 0.05, max: 0.9, step: 0.05 },
  sigma: { kind: 'number', default: 0.5, min: 0.05, max: 2, step: 0.05 },
  fraction: { kind: 'number', default: 0.2, min: 0.01, max: 0.9, step: 0.01 },
  learningRate: { kind: 'number', default: PRACTICUM.learningRate, min: 1e-5, max: 0.1, step: 1e-5, scale: 'log' },
  batch: { kind: 'int', default: PRACTICUM.batchSize, min: 8, max: 1024, step: 8 },
} as const satisfies ParamSpecs;

const DIGITS = 6;
const KERNELS = 16;
const REPAINT_MS = 200;

function corruptionOf(p: { corruption: string; p: number; sigma: number; fraction: number }): Corruption {
  switch (p.corruption) {
    case 'gaussian':
      return { kind: 'gaussian', sigma: p.sigma };
    case 'saltPepper':
      return { kind: 'saltPepper', fraction: p.fraction };
    default:
      return { kind: 'dropout', p: p.p };
  }
}

/** The fixed corrupted copies of the test set and of the shown digits for one corruption setting. */
interface Corrupted {
  key: string;
  /** Made by the first background job (corrupting 1,000 digits takes a while): null until then. */
  tensors: { test: TF.Tensor2D; testMask: TF.Tensor2D | null; shown: TF.Tensor2D } | null;
  /** JS copies for display: mask (zeros without one), corrupted input, baseline. */
  shownMask: Float32Array | null;
  shownInput: Float32Array | null;
  shownBaseline: Float32Array | null;
  baseline: { psnr: number; mse: number } | null;
  input: { psnr: number } | null;
}

interface Visuals {
  clean: Float32Array | null;
  mask: Float32Array | null;
  input: Float32Array | null;
  recon: Float32Array | null;
  baseline: Float32Array | null;
  kernels: Float32Array | null;
  standardKernels: Float32Array | null;
  standard: { hidden: number; steps: number } | null;
  kernelCount: number;
  steps: number;
  version: number;
}

interface Figures {
  train: { xs: number[]; ys: number[] };
  test: { xs: number[]; ys: number[] };
  modelPsnr: number;
  baselinePsnr: number;
  inputPsnr: number;
  version: number;
}

const EMPTY_VISUALS: Visuals = { clean: null, mask: null, input: null, recon: null, baseline: null, kernels: null, standardKernels: null, standard: null, kernelCount: 0, steps: 0, version: 0 };
const EMPTY_FIGURES: Figures = { train: { xs: [], ys: [] }, test: { xs: [], ys: [] }, modelPsnr: NaN, baselinePsnr: NaN, inputPsnr: NaN, version: 0 };

function Trainer({ id, lang, runtime, messages, data }: DemoProps & { data: MnistSet }) {
  const { tf } = runtime;
  const t = messages.demos['denoising-autoencoder'];
  const m = messages.demos.mnist;
  const mnist = useMnistModel();
  const { budgetRef, modelRef, takePending } = mnist;
  const corruptionRef = useRef<{ c: Corruption; seed: number }>({ c: DENOISING_DEFAULTS.corruption, seed: 1 });
  const [visuals, setVisuals] = useState<Visuals>(EMPTY_VISUALS);
  const [figures, setFigures] = useState<Figures>(EMPTY_FIGURES);
  const [modelSteps, setModelSteps] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  useSyncExternalStore(subscribePublished, publishedVersion, () => 0);
  const standardAvailable = publishedModel() !== null;

  const build = useCallback(
    (p: { hidden: number; seed: number; batch: number; learningRate: number; corruption: string; p: number; sigma: number; fraction: number }): DemoModel => {
      const restore = takePending(p);
      const budget = budgetRef.current;
      const initial = corruptionOf(p);
      corruptionRef.current = { c: initial, seed: p.seed };
      const session = createSession({ data, hidden: p.hidden, seed: p.seed, batchSize: p.batch, learningRate: p.learningRate, backend: runtime.backend, corruption: initial, budget, restore });
      const { model } = session;
      modelRef.current = model;
      const indices = sampleIndices(data.testLabels, DIGITS);
      const clean = tf.tidy(() => tf.gather(data.xTest, tf.tensor1d(indices, 'int32')) as TF.Tensor2D);
      const chunkRows = evaluationChunkRows(p.hidden);
      const kernelCount = Math.min(KERNELS, p.hidden);
      const test = { xs: [] as number[], ys: [] as number[] };
      const live = new Set<Corrupted>();
      let current: Corrupted | null = null;
      let cleanValues: Float32Array | null = null;
      let modelPsnr = NaN;
      let lastPaint = -Infinity;
      let version = 0;
      let paints = 0;
      const fail = (e: unknown) => setProblem(e instanceof Error ? e.message : String(e));
      setFigures(EMPTY_FIGURES);
      setVisuals(EMPTY_VISUALS);
      setModelSteps(model.steps);
      setProblem(null);

      const publishFigures = () =>
        setFigures({
          train: { xs: session.train.xs.slice(), ys: session.train.ys.slice() },
          test: { xs: test.xs.slice(), ys: test.ys.slice() },
          modelPsnr,
          baselinePsnr: current?.baseline?.psnr ?? NaN,
          inputPsnr: current?.input?.psnr ?? NaN,
          version: ++version,
        });

      const release = (set: Corrupted) => {
        if (!live.delete(set) || !set.tensors) return;
        set.tensors.test.dispose();
        set.tensors.testMask?.dispose();
        set.tensors.shown.dispose();
        set.tensors = null;
      };

      /** Corrupts the test set and the shown digits once per setting (seeded), and queues the baseline. */
      const prepare = (c: Corruption, seed: number): Corrupted => {
        const key = `${JSON.stringify(c)}|${seed}`;
        if (current?.key === key) return current;
        const previous = current;
        // The previous copies may still be read by a queued evaluation: free them after it.
        if (previous) void session.jobs.run(async () => release(previous));
        const set: Corrupted = { key, tensors: null, shownMask: null, shownInput: null, shownBaseline: null, baseline: null, input: null };
        live.add(set);
        current = set;
        modelPsnr = NaN;
        session.model.setCorruption(c);
        void session.jobs.run(async (pause) => {
          if (!live.has(set)) return;
          const whole = corrupt(data.xTest, c, mulberry32(seed * 7919 + 17));
          const shown = tf.tidy(() => tf.gather(whole.corrupted, tf.tensor1d(indices, 'int32')) as TF.Tensor2D);
          set.tensors = { test: whole.corrupted, testMask: whole.mask, shown };
          const { testMask } = set.tensors;
          await pause();
          const [mask, input, base] = tf.tidy(() => {
            const shownMask = testMask ? (tf.gather(testMask, tf.tensor1d(indices, 'int32')) as TF.Tensor2D) : null;
            return [shownMask ?? tf.zerosLike(shown), shown, classicalBaseline(clean, shown, shownMask)];
          });
          try {
            const [mv, iv, bv] = await Promise.all([mask.data(), input.data(), base.data()]);
            if (!live.has(set)) return;
            set.shownMask = testMask ? (mv as Float32Array) : null;
            set.shownInput = Float32Array.from(iv);
            set.shownBaseline = bv as Float32Array;
          } finally {
            tf.dispose([mask, base]);
          }
          await paint(set);
          if (!live.has(set)) return;
          await pause();
          const baseline = await evaluateBaseline(data.xTest, whole.corrupted, testMask, { chunkRows: 100, pause });
          // The corrupted input itself, as a reference point: what the model and the baseline start from.
          const asIs = await evaluateReconstructionIdentity(tf, data.xTest, whole.corrupted, pause);
          set.baseline = baseline;
          set.input = { psnr: asIs };
          publishFigures();
        }, fail);
        return set;
      };

      /** Repaints the shown digits, their reconstructions and both sets of kernels. */
      const paint = async (set: Corrupted): Promise<void> => {
        if (!set.tensors || !live.has(set) || session.closed) return;
        lastPaint = performance.now();
        const steps = model.steps;
        const recon = model.reconstruct(set.tensors.shown);
        const standard = publishedModel();
        try {
          const [r, k, s, cv] = await Promise.all([
            recon.data(),
            model.encoderKernels(kernelCount),
            standard ? standard.encoderKernels(KERNELS).catch(() => null) : Promise.resolve(null),
            cleanValues ? Promise.resolve(cleanValues) : clean.data(),
          ]);
          cleanValues = cv as Float32Array;
          setVisuals({
            clean: cleanValues,
            mask: set.shownMask,
            input: set.shownInput,
            recon: r as Float32Array,
            baseline: set.shownBaseline,
            kernels: k,
            standardKernels: s,
            standard: standard && s ? { hidden: standard.hidden, steps: standard.steps() } : null,
            kernelCount,
            steps,
            version: ++paints,
          });
        } finally {
          recon.dispose();
        }
        publishFigures();
        setModelSteps(steps);
      };

      return {
        step: session.step,
        initialSteps: model.steps,
        isFinished: session.isFinished,
        async draw(info) {
          const due = await session.beginDraw(info);
          if (session.closed) return;
          const { c, seed } = corruptionRef.current;
          const before = current;
          const set = prepare(c, seed);
          if (due || set !== before) {
            session.evaluate(async (snapshot, pause, step) => {
              if (!live.has(set) || !set.tensors) return;
              const { mse, psnr } = await evaluateReconstruction(snapshot, set.tensors.test, data.xTest, { chunkRows, pause });
              if (set !== current) return;
              modelPsnr = psnr;
              if (test.xs.length === 0 || step > test.xs[test.xs.length - 1]) {
                test.xs.push(step);
                test.ys.push(mse);
              }
              publishFigures();
            }, fail);
          }
          if (set.tensors && (!budget.active || performance.now() - lastPaint >= REPAINT_MS)) await paint(set);
          await session.settle();
        },
        dispose() {
          session.dispose();
          for (const set of [...live]) release(set);
          clean.dispose();
          if (modelRef.current === model) modelRef.current = null;
        },
      };
    },
    [tf, data, runtime.backend, budgetRef, modelRef, takePending],
  );

  const demo = useDemo({ id, runtime, specs, build, structural: ['hidden', 'batch'], speed: 50 });
  const { params, setParam, redraw } = demo;
  const { onSave, onRestore } = useMnistTraining(demo, mnist, {
    id,
    lang,
    m,
    saveExtra: (p) => ({ corruption: String(p.corruption), p: Number(p.p), sigma: Number(p.sigma), fraction: Number(p.fraction) }),
    restoreExtra: (extra) => {
      if (typeof extra.corruption === 'string' && (specs.corruption.options as readonly string[]).includes(extra.corruption)) setParam('corruption', extra.corruption);
      for (const key of ['p', 'sigma', 'fraction'] as const) if (typeof extra[key] === 'number') setParam(key, extra[key]);
    },
  });
  const corruptionKey = JSON.stringify(corruptionOf(params));
  useEffect(() => {
    corruptionRef.current = { c: JSON.parse(corruptionKey) as Corruption, seed: params.seed };
    redraw();
  }, [corruptionKey, params.seed, redraw]);

  const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? formatNumber(lang, v, digits) : '—');
  const db = (v: number) => (Number.isFinite(v) ? formatNumber(lang, Math.round(v * 10) / 10, 4) : '—');
  const testLoss = lastOf(figures.test);
  const epoch = epochsAt(modelSteps, params.batch, data.trainCount);
  const kind = params.corruption;
  const kindNames: Record<string, string> = { dropout: t.dropout, gaussian: t.gaussian, saltPepper: t.saltPepper };

  const rows = visuals.clean ? Math.min(DIGITS, visuals.clean.length / PIXELS) : 0;
  const rowFigures = Array.from({ length: rows }, (_, i) => {
    const image = (values: Float32Array) => values.subarray(i * PIXELS, (i + 1) * PIXELS);
    const err = (values: Float32Array | null) => (values && visuals.clean ? psnrJs(image(visuals.clean), image(values)) : NaN);
    return { input: err(visuals.input), recon: err(visuals.recon), baseline: err(visuals.baseline) };
  });
  const tableLabel = fill(t.tableLabel, {
    count: rows,
    corruption: kindNames[kind],
    steps: formatNumber(lang, visuals.steps, 9),
    rows: rowFigures.map((r, i) => fill(t.rowSummary, { n: i + 1, input: db(r.input), recon: db(r.recon), baseline: db(r.baseline) })).join(' '),
  });
  const baselineName = kind === 'gaussian' ? t.baselineSmooth : t.baselineInpaint;

  return (
    <DemoShell
      demo={demo}
      runtime={runtime}
      messages={messages}
      lang={lang}
      title={t.title}
      playLabel={t.play}
      pauseLabel={t.pause}
      readouts={
        <MnistReadouts m={m} lang={lang} epoch={epoch} modelSteps={modelSteps} testLoss={testLoss} examplesPerSecond={demo.frame.stepsPerSecond * params.batch} />
      }
      controls={
        <>
          <ParamControl spec={specs.corruption} label={t.corruption} value={kind} onChange={(v) => setParam('corruption', v)} optionLabels={kindNames} />
          {kind === 'dropout' ? <ParamControl spec={specs.p} label={t.dropP} value={params.p} onChange={(v) => setParam('p', v)} format={(v) => fmt(v, 2)} /> : null}
          {kind === 'gaussian' ? <ParamControl spec={specs.sigma} label={t.sigma} value={params.sigma} onChange={(v) => setParam('sigma', v)} format={(v) => fmt(v, 2)} /> : null}
          {kind === 'saltPepper' ? <ParamControl spec={specs.fraction} label={t.fraction} value={params.fraction} onChange={(v) => setParam('fraction', v)} format={(v) => fmt(v, 2)} /> : null}
          <MnistModelControls specs={specs} demo={demo} m={m} lang={lang} onSave={onSave} onRestore={onRestore} />
        </>
      }
    >
      <p className="demo-hint">{kind === 'dropout' ? t.dropoutHint : kind === 'gaussian' ? t.gaussianHint : t.saltPepperHint}</p>
      {problem ? (
        <p className="demo-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className={styles.figures} data-panel="psnr">
        <span>
          {t.avgModel} <strong data-readout="psnr-model">{db(figures.modelPsnr)}</strong> dB
        </span>
        <span>
          {baselineName} <strong data-readout="psnr-baseline">{db(figures.baselinePsnr)}</strong> dB
        </span>
        <span>
          {t.avgInput} <strong data-readout="psnr-input">{db(figures.inputPsnr)}</strong> dB
        </span>
      </div>
      <p className={styles.note}>{t.psnrNote}</p>
      <section className={styles.panel} aria-labelledby={`${id}-table-title`}>
        <h4 id={`${id}-table-title`}>{t.tableTitle}</h4>
        <div className={styles.table} role="img" aria-label={tableLabel} data-panel="denoising" data-version={visuals.version}>
          {[t.colMask, t.colInput, t.colRecon, t.colClean, baselineName].map((h) => (
            <span key={h} className={styles.headCell} aria-hidden="true">
              {h}
            </span>
          ))}
          {rowFigures.map((r, i) => (
            <Row key={i} i={i} visuals={visuals} figures={r} db={db} />
          ))}
        </div>
      </section>
      <div className="demo-panels">
        <MnistLossPanel id={id} m={m} messages={messages} lang={lang} label={t.lossPlotLabel} train={figures.train} test={figures.test} version={figures.version} modelSteps={modelSteps} />
        <section className={styles.panel} aria-labelledby={`${id}-kernels-title`}>
          <h4 id={`${id}-kernels-title`}>{t.kernelsTitle}</h4>
          <div className={styles.pair}>
            <div className={styles.panel}>
              <span className={styles.panelTitle}>{fill(t.kernelsDenoising, { hidden: params.hidden })}</span>
              <KernelCanvas
                values={visuals.kernels}
                count={visuals.kernelCount}
                columns={4}
                version={visuals.version}
                label={fill(m.kernelsLabel, { shown: visuals.kernelCount, total: params.hidden, steps: formatNumber(lang, visuals.steps, 9) })}
              />
            </div>
            <div className={styles.panel} data-panel="standard-kernels">
              <span className={styles.panelTitle}>{visuals.standard ? fill(t.kernelsStandard, { hidden: visuals.standard.hidden, steps: formatNumber(lang, visuals.standard.steps, 9) }) : t.kernelsStandardNone}</span>
              {visuals.standard ? (
                <KernelCanvas
                  values={visuals.standardKernels}
                  count={Math.min(KERNELS, visuals.standard.hidden)}
                  columns={4}
                  version={visuals.version}
                  label={fill(m.kernelsLabel, { shown: Math.min(KERNELS, visuals.standard.hidden), total: visuals.standard.hidden, steps: formatNumber(lang, visuals.standard.steps, 9) })}
                />
              ) : null}
            </div>
          </div>
          <p className={styles.note}>{standardAvailable ? t.standardExplain : t.standardMissing}</p>
          <p className={styles.note}>{m.kernelsLegend}</p>
        </section>
      </div>
    </DemoShell>
  );
}

function Row({ i, visuals, figures, db }: { i: number; visuals: Visuals; figures: { input: number; recon: number; baseline: number }; db: (v: number) => string }) {
  const cell = (values: Float32Array | null, mode: 'grey' | 'mask', caption: string) => (
    <div className={styles.cell}>
      <DigitCanvas values={values} index={i} mode={mode} version={visuals.version} />
      <span className={styles.cellCaption} aria-hidden="true">
        {caption}
      </span>
    </div>
  );
  return (
    <>
      {cell(visuals.mask, 'mask', visuals.mask ? '' : '—')}
      {cell(visuals.input, 'grey', `${db(figures.input)} dB`)}
      {cell(visuals.recon, 'grey', `${db(figures.recon)} dB`)}
      {cell(visuals.clean, 'grey', '')}
      {cell(visuals.baseline, 'grey', `${db(figures.baseline)} dB`)}
    </>
  );
}

/** Mean PSNR of the corrupted inputs themselves against the clean digits, in chunks. */
async function evaluateReconstructionIdentity(tf: typeof TF, clean: TF.Tensor2D, corrupted: TF.Tensor2D, pause: () => Promise<void>): Promise<number> {
  const n = clean.shape[0];
  const values = tf.tidy(() => tf.mean(psnr(clean, corrupted)));
  try {
    await pause();
    return n > 0 ? (await values.data())[0] : NaN;
  } finally {
    values.dispose();
  }
}

const DenoisingAutoencoderDemo = withMnistData(Trainer);
export default DenoisingAutoencoderDemo;
