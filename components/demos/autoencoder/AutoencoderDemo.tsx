'use client';

import { useCallback, useState } from 'react';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { fill } from '@/lib/i18n/template';
import { evaluateReconstruction } from '@/lib/ml/mnist/evaluate';
import { AUTOENCODER_PRESETS, PRACTICUM, epochsAt, evaluationChunkRows, presetOf } from '@/lib/ml/mnist/presets';
import { DemoShell } from '../runtime/DemoShell';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoModel } from '../runtime/useDemo';
import { FRAME_BUDGET_MS } from '../mnist-shared/budget';
import type { MnistSet } from '../mnist-shared/data';
import { DigitCanvas, KernelCanvas } from '../mnist-shared/DigitCanvas';
import { withMnistData } from '../mnist-shared/MnistGate';
import { publishModel, touchPublishedModel } from '../mnist-shared/model-store';
import styles from '../mnist-shared/mnist.module.css';
import { createSession } from '../mnist-shared/session';
import { sampleIndices } from '../mnist-shared/samples';
import { MnistLossPanel, MnistModelControls, MnistReadouts, lastOf, useMnistModel, useMnistTraining } from '../mnist-shared/training';

const specs = {
  hidden: { kind: 'int', default: AUTOENCODER_PRESETS.underComplete.hidden, min: 2, max: 1000 },
  learningRate: { kind: 'number', default: PRACTICUM.learningRate, min: 1e-5, max: 0.1, step: 1e-5, scale: 'log' },
  batch: { kind: 'int', default: PRACTICUM.batchSize, min: 8, max: 1024, step: 8 },
} as const satisfies ParamSpecs;

/** Kernels shown (the first ones); reading back all 500 of a wide model would cost for nothing. */
const KERNELS = 24;
/** Milliseconds between repaints of the images while training. */
const REPAINT_MS = 150;

interface Visuals {
  originals: Float32Array | null;
  recon: Float32Array | null;
  kernels: Float32Array | null;
  kernelCount: number;
  /** Optimisation steps of the model the images show. */
  steps: number;
  version: number;
}

interface Curves {
  train: { xs: number[]; ys: number[] };
  test: { xs: number[]; ys: number[] };
  version: number;
}

const EMPTY_CURVES: Curves = { train: { xs: [], ys: [] }, test: { xs: [], ys: [] }, version: 0 };

function Trainer({ id, lang, runtime, messages, data }: DemoProps & { data: MnistSet }) {
  const { tf } = runtime;
  const t = messages.demos['autoencoder'];
  const m = messages.demos.mnist;
  const mnist = useMnistModel();
  const { budgetRef, modelRef, takePending } = mnist;
  const [visuals, setVisuals] = useState<Visuals>({ originals: null, recon: null, kernels: null, kernelCount: 0, steps: 0, version: 0 });
  const [curves, setCurves] = useState<Curves>(EMPTY_CURVES);
  const [modelSteps, setModelSteps] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const build = useCallback(
    (p: { hidden: number; seed: number; batch: number; learningRate: number }): DemoModel => {
      const restore = takePending(p);
      const budget = budgetRef.current;
      const session = createSession({ data, hidden: p.hidden, seed: p.seed, batchSize: p.batch, learningRate: p.learningRate, backend: runtime.backend, budget, restore });
      const { model } = session;
      modelRef.current = model;
      const indices = sampleIndices(data.testLabels);
      const samples = tf.tidy(() => tf.gather(data.xTest, tf.tensor1d(indices, 'int32')) as typeof data.xTest);
      const chunkRows = evaluationChunkRows(p.hidden);
      const kernelCount = Math.min(KERNELS, p.hidden);
      const test = { xs: [] as number[], ys: [] as number[] };
      let originals: Float32Array | null = null;
      let lastPaint = -Infinity;
      let lastTouch = -Infinity;
      let version = 0;
      let paints = 0;
      const unpublish = publishModel({
        hidden: p.hidden,
        steps: () => model.steps,
        encoderKernels: (count) => model.encoderKernels(count),
        exportWeights: () => model.exportWeights({ optimizer: true }),
      });
      setCurves(EMPTY_CURVES);
      setModelSteps(model.steps);
      setProblem(null);

      const publishCurves = () =>
        setCurves({ train: { xs: session.train.xs.slice(), ys: session.train.ys.slice() }, test: { xs: test.xs.slice(), ys: test.ys.slice() }, version: ++version });

      return {
        step: session.step,
        initialSteps: model.steps,
        isFinished: session.isFinished,
        async draw(info) {
          const due = await session.beginDraw(info);
          if (session.closed) return;
          if (due) {
            session.evaluate(
              async (snapshot, pause, step) => {
                const { mse } = await evaluateReconstruction(snapshot, data.xTest, data.xTest, { chunkRows, pause });
                if (test.xs.length === 0 || step > test.xs[test.xs.length - 1]) {
                  test.xs.push(step);
                  test.ys.push(mse);
                }
                publishCurves();
              },
              (e) => setProblem(e instanceof Error ? e.message : String(e)),
            );
          }
          const now = performance.now();
          if (!budget.active || now - lastPaint >= REPAINT_MS) {
            lastPaint = now;
            const steps = model.steps;
            const recon = model.reconstruct(samples);
            try {
              const [r, k, o] = await Promise.all([recon.data(), model.encoderKernels(kernelCount), originals ? Promise.resolve(originals) : samples.data()]);
              originals = o as Float32Array;
              setVisuals({ originals, recon: r as Float32Array, kernels: k, kernelCount, steps, version: ++paints });
            } finally {
              recon.dispose();
            }
            publishCurves();
            setModelSteps(steps);
            // The other demos re-render when told; once a second is enough for them.
            if (!budget.active || now - lastTouch > 1000) {
              lastTouch = now;
              touchPublishedModel();
            }
          }
          await session.settle();
        },
        dispose() {
          unpublish();
          session.dispose();
          samples.dispose();
          if (modelRef.current === model) modelRef.current = null;
        },
      };
    },
    [tf, data, runtime.backend, budgetRef, modelRef, takePending],
  );

  const demo = useDemo({ id, runtime, specs, build, structural: ['hidden', 'batch'], speed: 50 });
  const { params, setParam } = demo;
  const { onSave, onRestore } = useMnistTraining(demo, mnist, { id, lang, m });

  const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? formatNumber(lang, v, digits) : '—');
  const testLoss = lastOf(curves.test);
  const epoch = epochsAt(modelSteps, params.batch, data.trainCount);
  const examplesPerSecond = demo.frame.stepsPerSecond * params.batch;
  const preset = presetOf(params.hidden);

  const count = visuals.originals ? visuals.originals.length / 784 : 0;
  const digitErrors: string[] = [];
  if (visuals.originals && visuals.recon) {
    for (let i = 0; i < count; i++) {
      let s = 0;
      for (let j = 0; j < 784; j++) s += (visuals.originals[i * 784 + j] - visuals.recon[i * 784 + j]) ** 2;
      digitErrors.push(fmt(s / 784, 2));
    }
  }
  const reconLabel = fill(t.reconLabel, { count, steps: formatNumber(lang, visuals.steps, 9), errors: digitErrors.join(', ') || '—' });

  return (
    <DemoShell
      demo={demo}
      runtime={runtime}
      messages={messages}
      lang={lang}
      title={t.title}
      playLabel={t.play}
      pauseLabel={t.pause}
      readouts={<MnistReadouts m={m} lang={lang} epoch={epoch} modelSteps={modelSteps} testLoss={testLoss} examplesPerSecond={examplesPerSecond} />}
      controls={
        <>
          <div className={styles.presets} role="group" aria-label={m.presets}>
            <button type="button" className="demo-button" aria-pressed={preset === 'underComplete'} data-action="preset-under" onClick={() => setParam('hidden', AUTOENCODER_PRESETS.underComplete.hidden)}>
              {m.presetUnder}
            </button>
            <button type="button" className="demo-button" aria-pressed={preset === 'overComplete'} data-action="preset-over" onClick={() => setParam('hidden', AUTOENCODER_PRESETS.overComplete.hidden)}>
              {m.presetOver}
            </button>
          </div>
          <MnistModelControls specs={specs} demo={demo} m={m} lang={lang} onSave={onSave} onRestore={onRestore} />
        </>
      }
    >
      <p className="demo-hint">{fill(m.budgetHint, { ms: FRAME_BUDGET_MS })}</p>
      {problem ? (
        <p className="demo-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="demo-panels">
        <section className={styles.panel} aria-labelledby={`${id}-digits-title`}>
          <h4 id={`${id}-digits-title`}>{t.digitsTitle}</h4>
          <div role="img" aria-label={reconLabel} data-panel="reconstructions" data-version={visuals.version}>
            <div className={styles.strip}>
              {Array.from({ length: count }, (_, i) => (
                <div key={i} className={styles.cell}>
                  <DigitCanvas values={visuals.originals} index={i} version={visuals.version} />
                  <DigitCanvas values={visuals.recon} index={i} version={visuals.version} />
                  <span className={styles.cellCaption} aria-hidden="true">
                    {digitErrors[i] ?? ''}
                  </span>
                </div>
              ))}
            </div>
          </div>
          <p className={styles.note}>{t.digitsNote}</p>
        </section>
        <MnistLossPanel id={id} m={m} messages={messages} lang={lang} label={m.lossPlotLabel} train={curves.train} test={curves.test} version={curves.version} modelSteps={modelSteps} />
      </div>
      <section className={styles.panel} aria-labelledby={`${id}-kernels-title`}>
        <h4 id={`${id}-kernels-title`}>{m.kernelsTitle}</h4>
        <KernelCanvas
          values={visuals.kernels}
          count={visuals.kernelCount}
          columns={8}
          version={visuals.version}
          label={fill(m.kernelsLabel, { shown: visuals.kernelCount, total: params.hidden, steps: formatNumber(lang, visuals.steps, 9) })}
        />
        <p className={styles.note}>{m.kernelsLegend}</p>
      </section>
    </DemoShell>
  );
}

const AutoencoderDemo = withMnistData(Trainer);
export default AutoencoderDemo;
