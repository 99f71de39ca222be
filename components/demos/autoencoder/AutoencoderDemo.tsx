'use client';

import { useState } from 'react';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { fill } from '@/lib/i18n/template';
import { NO_VALUE, formatOrDash } from '@/lib/i18n/or-dash';
import { evaluateReconstruction } from '@/lib/ml/mnist/evaluate';
import { AUTOENCODER_PRESETS, PRACTICUM, epochsAt, presetOf } from '@/lib/ml/mnist/presets';
import { DemoShell } from '../runtime/DemoShell';
import type { DemoProps } from '../runtime/types';
import { FRAME_BUDGET_MS } from '../mnist-shared/budget';
import type { MnistSet } from '../mnist-shared/data';
import { DigitCanvas } from '../mnist-shared/DigitCanvas';
import { withMnistData } from '../mnist-shared/MnistGate';
import { publishModel, touchPublishedModel } from '../mnist-shared/model-store';
import styles from '../mnist-shared/mnist.module.css';
import { pickRows, lastOf } from '../mnist-shared/controller';
import { sampleIndices } from '../mnist-shared/samples';
import { MnistLossPanel, MnistModelControls, MnistProblem, MnistReadouts, ModelKernels, useMnistDemo } from '../mnist-shared/training';

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

function Trainer(props: DemoProps & { data: MnistSet }) {
  const { id, lang, messages, data } = props;
  const t = messages.demos.autoencoder;
  const m = messages.demos.mnist;
  const [visuals, setVisuals] = useState<Visuals>({ originals: null, recon: null, kernels: null, kernelCount: 0, steps: 0, version: 0 });
  const { demo, figures, shell, onSave, onRestore } = useMnistDemo({
    props,
    specs,
    strings: t,
    parts: (p, { model }, { playing }) => {
      const { tf } = props.runtime;
      const samples = pickRows(tf, data.xTest, sampleIndices(data.testLabels));
      const kernelCount = Math.min(KERNELS, p.hidden);
      let originals: Float32Array | null = null;
      let lastTouch = -Infinity;
      let paints = 0;
      const unpublish = publishModel({
        hidden: p.hidden,
        steps: () => model.steps,
        encoderKernels: (count) => model.encoderKernels(count),
        exportWeights: () => model.exportWeights({ optimizer: true }),
      });
      return {
        repaintMs: REPAINT_MS,
        testLoss: async (snapshot, pause, chunkRows) => (await evaluateReconstruction(snapshot, data.xTest, data.xTest, { chunkRows, pause })).mse,
        async paint() {
          const steps = model.steps;
          const recon = model.reconstruct(samples);
          try {
            const [r, k, o] = await Promise.all([recon.data(), model.encoderKernels(kernelCount), originals ? Promise.resolve(originals) : samples.data()]);
            originals = o as Float32Array;
            setVisuals({ originals, recon: r as Float32Array, kernels: k, kernelCount, steps, version: ++paints });
          } finally {
            recon.dispose();
          }
          // The other demos re-render when told; once a second is enough for them while playing.
          const now = performance.now();
          if (!playing() || now - lastTouch > 1000) {
            lastTouch = now;
            touchPublishedModel();
          }
        },
        dispose() {
          unpublish();
          samples.dispose();
        },
      };
    },
  });
  const { params, setParam } = demo;

  const { modelSteps, problem } = figures;
  const testLoss = lastOf(figures.test);
  const epoch = epochsAt(modelSteps, params.batch, data.trainCount);
  const examplesPerSecond = demo.frame.stepsPerSecond * params.batch;
  const preset = presetOf(params.hidden);

  const count = visuals.originals ? visuals.originals.length / 784 : 0;
  const digitErrors: string[] = [];
  if (visuals.originals && visuals.recon) {
    for (let i = 0; i < count; i++) {
      let s = 0;
      for (let j = 0; j < 784; j++) s += (visuals.originals[i * 784 + j] - visuals.recon[i * 784 + j]) ** 2;
      digitErrors.push(formatOrDash(lang, s / 784, 2));
    }
  }
  const reconLabel = fill(t.reconLabel, { count, steps: formatNumber(lang, visuals.steps, 9), errors: digitErrors.join(', ') || NO_VALUE });

  return (
    <DemoShell
      {...shell}
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
      <MnistProblem problem={problem} />
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
        <MnistLossPanel id={id} m={m} messages={messages} lang={lang} label={m.lossPlotLabel} figures={figures} />
      </div>
      <section className={styles.panel} aria-labelledby={`${id}-kernels-title`}>
        <h4 id={`${id}-kernels-title`}>{m.kernelsTitle}</h4>
        <ModelKernels m={m} lang={lang} values={visuals.kernels} count={visuals.kernelCount} total={params.hidden} steps={visuals.steps} columns={8} version={visuals.version} />
        <p className={styles.note}>{m.kernelsLegend}</p>
      </section>
    </DemoShell>
  );
}

const AutoencoderDemo = withMnistData(Trainer);
export default AutoencoderDemo;
