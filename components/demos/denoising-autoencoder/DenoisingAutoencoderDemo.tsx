'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { NO_VALUE, formatOrDash } from '@/lib/i18n/or-dash';
import { fill } from '@/lib/i18n/template';
import { corrupt, type Corruption } from '@/lib/ml/mnist/corruption';
import { classicalBaseline, evaluateBaseline, evaluateReconstruction } from '@/lib/ml/mnist/evaluate';
import { psnr, psnrJs } from '@/lib/ml/mnist/metrics';
import { DENOISING_DEFAULTS, PRACTICUM, epochsAt } from '@/lib/ml/mnist/presets';
import { mulberry32 } from '@/lib/ml/random';
import { DemoShell } from '../runtime/DemoShell';
import { ParamControl } from '../runtime/ParamControl';
import type { DemoProps } from '../runtime/types';
import type { MnistSet } from '../mnist-shared/data';
import { DigitCanvas } from '../mnist-shared/DigitCanvas';
import { withMnistData } from '../mnist-shared/MnistGate';
import { publishedModel, publishedVersion, subscribePublished } from '../mnist-shared/model-store';
import styles from '../mnist-shared/mnist.module.css';
import { PIXELS } from '../mnist-shared/pixels';
import { sampleIndices } from '../mnist-shared/samples';
import { pickRows, lastOf } from '../mnist-shared/controller';
import { MnistLossPanel, MnistModelControls, MnistProblem, MnistReadouts, ModelKernels, useMnistDemo } from '../mnist-shared/training';

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

/** Mean PSNR (dB) over the test set: of the model's reconstructions, of the baseline, of the corrupted input. */
interface Psnr {
  model: number;
  baseline: number;
  input: number;
}

const EMPTY_VISUALS: Visuals = { clean: null, mask: null, input: null, recon: null, baseline: null, kernels: null, standardKernels: null, standard: null, kernelCount: 0, steps: 0, version: 0 };
const NO_PSNR: Psnr = { model: NaN, baseline: NaN, input: NaN };

function Trainer(props: DemoProps & { data: MnistSet }) {
  const { id, lang, messages, data } = props;
  const t = messages.demos['denoising-autoencoder'];
  const m = messages.demos.mnist;
  const corruptionRef = useRef<{ c: Corruption; seed: number }>({ c: DENOISING_DEFAULTS.corruption, seed: 1 });
  const [visuals, setVisuals] = useState<Visuals>(EMPTY_VISUALS);
  const [psnr, setPsnr] = useState<Psnr>(NO_PSNR);
  useSyncExternalStore(subscribePublished, publishedVersion, () => 0);
  const standardAvailable = publishedModel() !== null;

  const { demo, figures, shell, onSave, onRestore } = useMnistDemo({
    props,
    specs,
    strings: t,
    corruption: corruptionOf,
    saveExtra: (p) => ({ corruption: String(p.corruption), p: Number(p.p), sigma: Number(p.sigma), fraction: Number(p.fraction) }),
    restoreExtra: (extra, setParam) => {
      if (typeof extra.corruption === 'string' && (specs.corruption.options as readonly string[]).includes(extra.corruption)) setParam('corruption', extra.corruption);
      for (const key of ['p', 'sigma', 'fraction'] as const) if (typeof extra[key] === 'number') setParam(key, extra[key]);
    },
    parts: (p, session, { fail, repaint }) => {
      const { tf } = props.runtime;
      corruptionRef.current = { c: corruptionOf(p), seed: p.seed };
      const indices = sampleIndices(data.testLabels, DIGITS);
      const clean = pickRows(tf, data.xTest, indices);
      const kernelCount = Math.min(KERNELS, p.hidden);
      const live = new Set<Corrupted>();
      let current: Corrupted | null = null;
      let cleanValues: Float32Array | null = null;
      let modelPsnr = NaN;
      let paints = 0;
      setVisuals(EMPTY_VISUALS);
      const showPsnr = () => setPsnr({ model: modelPsnr, baseline: current?.baseline?.psnr ?? NaN, input: current?.input?.psnr ?? NaN });
      showPsnr();

      const release = (set: Corrupted) => {
        if (!live.delete(set) || !set.tensors) return;
        set.tensors.test.dispose();
        set.tensors.testMask?.dispose();
        set.tensors.shown.dispose();
        set.tensors = null;
      };

      const { model } = session;

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
        model.setCorruption(c);
        void session.jobs.run(async (pause) => {
          if (!live.has(set)) return;
          const whole = corrupt(data.xTest, c, mulberry32(seed * 7919 + 17));
          const shown = pickRows(tf, whole.corrupted, indices);
          set.tensors = { test: whole.corrupted, testMask: whole.mask, shown };
          const { testMask } = set.tensors;
          await pause();
          const [mask, input, base] = tf.tidy(() => {
            const shownMask = testMask ? pickRows(tf, testMask, indices) : null;
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
          if (set === current) await repaint();
          if (!live.has(set)) return;
          await pause();
          const baseline = await evaluateBaseline(data.xTest, whole.corrupted, testMask, { chunkRows: 100, pause });
          // The corrupted input itself, as a reference point: what the model and the baseline start from.
          const asIs = await evaluateReconstructionIdentity(tf, data.xTest, whole.corrupted, pause);
          set.baseline = baseline;
          set.input = { psnr: asIs };
          showPsnr();
        }, fail);
        return set;
      };

      return {
        repaintMs: REPAINT_MS,
        beforeDraw() {
          const before = current;
          const { c, seed } = corruptionRef.current;
          return prepare(c, seed) !== before;
        },
        canPaint: () => current?.tensors != null,
        async testLoss(snapshot, pause, chunkRows) {
          const set = current;
          if (!set || !live.has(set) || !set.tensors) return null;
          const { mse, psnr } = await evaluateReconstruction(snapshot, set.tensors.test, data.xTest, { chunkRows, pause });
          if (set !== current) return null;
          modelPsnr = psnr;
          showPsnr();
          return mse;
        },
        /** Repaints the shown digits, their reconstructions and both sets of kernels. */
        async paint() {
          const set = current;
          if (!set?.tensors || !live.has(set)) return;
          const steps = model.steps;
          const recon = model.reconstruct(set.tensors.shown);
          const standard = publishedModel();
          try {
            const [r, k, sk, cv] = await Promise.all([
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
              standardKernels: sk,
              standard: standard && sk ? { hidden: standard.hidden, steps: standard.steps() } : null,
              kernelCount,
              steps,
              version: ++paints,
            });
          } finally {
            recon.dispose();
          }
        },
        dispose() {
          for (const set of [...live]) release(set);
          clean.dispose();
        },
      };
    },
  });
  const { params, setParam, redraw } = demo;
  const corruptionKey = JSON.stringify(corruptionOf(params));
  useEffect(() => {
    corruptionRef.current = { c: JSON.parse(corruptionKey) as Corruption, seed: params.seed };
    redraw();
  }, [corruptionKey, params.seed, redraw]);

  const fmt = (v: number, digits = 3) => formatOrDash(lang, v, digits);
  const db = (v: number) => formatOrDash(lang, Math.round(v * 10) / 10, 4);
  const { modelSteps, problem } = figures;
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
      {...shell}
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
      <MnistProblem problem={problem} />
      <div className={styles.figures} data-panel="psnr">
        <span>
          {t.avgModel} <strong data-readout="psnr-model">{db(psnr.model)}</strong> dB
        </span>
        <span>
          {baselineName} <strong data-readout="psnr-baseline">{db(psnr.baseline)}</strong> dB
        </span>
        <span>
          {t.avgInput} <strong data-readout="psnr-input">{db(psnr.input)}</strong> dB
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
        <MnistLossPanel id={id} m={m} messages={messages} lang={lang} label={t.lossPlotLabel} figures={figures} />
        <section className={styles.panel} aria-labelledby={`${id}-kernels-title`}>
          <h4 id={`${id}-kernels-title`}>{t.kernelsTitle}</h4>
          <div className={styles.pair}>
            <div className={styles.panel}>
              <span className={styles.panelTitle}>{fill(t.kernelsDenoising, { hidden: params.hidden })}</span>
              <ModelKernels m={m} lang={lang} values={visuals.kernels} count={visuals.kernelCount} total={params.hidden} steps={visuals.steps} columns={4} version={visuals.version} />
            </div>
            <div className={styles.panel} data-panel="standard-kernels">
              <span className={styles.panelTitle}>{visuals.standard ? fill(t.kernelsStandard, { hidden: visuals.standard.hidden, steps: formatNumber(lang, visuals.standard.steps, 9) }) : t.kernelsStandardNone}</span>
              {visuals.standard ? (
                <ModelKernels
                  m={m}
                  lang={lang}
                  values={visuals.standardKernels}
                  count={Math.min(KERNELS, visuals.standard.hidden)}
                  total={visuals.standard.hidden}
                  steps={visuals.standard.steps}
                  columns={4}
                  version={visuals.version}
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
      {cell(visuals.mask, 'mask', visuals.mask ? '' : NO_VALUE)}
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
