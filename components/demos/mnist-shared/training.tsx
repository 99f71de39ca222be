'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { LinePlot } from '@/components/plots/LinePlot';
import type { Messages } from '@/lib/i18n/dictionary';
import type { ParamSpec, ParamSpecs, ParamValues } from '@/lib/demos/params';
import type { Corruption } from '@/lib/ml/mnist/corruption';
import { formatNumber } from '@/lib/i18n/format';
import { formatOrDash } from '@/lib/i18n/or-dash';
import { fill } from '@/lib/i18n/template';
import type { Autoencoder, WeightMap } from '@/lib/ml/mnist/autoencoder';
import type { ModelConfig } from '@/lib/storage/model-record';
import { shellProps } from '../runtime/DemoShell';
import { ParamControl } from '../runtime/ParamControl';
import type { LoopStatus } from '../runtime/loop';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoController, type DemoModel, type commonSpecs } from '../runtime/useDemo';
import { FrameBudget } from './budget';
import { KernelCanvas } from './DigitCanvas';
import { ModelStorage } from './ModelStorage';
import styles from './mnist.module.css';
import { EMPTY_FIGURES, createMnistController, lastOf, type MnistController, type MnistDemoParts, type MnistControls, type MnistSession, type MnistSettings, type TrainingFigures } from './controller';
import type { MnistSet } from './data';
import { EVAL_EVERY } from './session';
import { loadModel, saveModel } from './persist';
import { WeightSnapshots, carriedWeights, sizesKey } from './gpu-snapshot';

type MnistStrings = Messages['demos']['mnist'];

type SharedKey = keyof MnistSettings;

/** What the shared parts need of a demo's controller (useDemo's result). */
export interface MnistDemo {
  status: LoopStatus;
  params: MnistSettings;
  getParams: () => MnistSettings & Record<string, unknown>;
  setParam: (key: SharedKey, value: number) => void;
  pause: () => void;
  reset: () => void;
  redraw: () => void;
}

/** Weights waiting for the next model of matching sizes (a restored or copied model). */
interface PendingWeights {
  hidden: number;
  batch: number;
  weights: WeightMap;
}

/**
 * The refs an MNIST demo's model builder needs, made before `useDemo` (which calls the builder):
 * the frame budget, the live model, and weights waiting to be loaded into the next model.
 */
function useMnistModel() {
  const budgetRef = useRef(new FrameBudget());
  const modelRef = useRef<Autoencoder | null>(null);
  const pendingRef = useRef<PendingWeights | null>(null);

  /** Takes the waiting weights if they fit a model of these sizes; they are used once either way. */
  const takePending = useCallback((p: { hidden: number; batch: number }): WeightMap | null => {
    const pending = pendingRef.current;
    pendingRef.current = null;
    return pending && pending.hidden === p.hidden && pending.batch === p.batch ? pending.weights : null;
  }, []);

  /** Queues weights for the model the next reset builds. */
  const setPending = useCallback((pending: PendingWeights) => {
    pendingRef.current = pending;
  }, []);

  return { budgetRef, modelRef, takePending, setPending };
}

type MnistModel = ReturnType<typeof useMnistModel>;

interface MnistTrainingOptions {
  id: string;
  lang: string;
  m: MnistStrings;
  /** Settings of the demo's own kept with a saved model (e.g. its corruption). */
  saveExtra?: (params: MnistSettings & Record<string, unknown>) => Record<string, string | number>;
  /** Applies those settings on restore. */
  restoreExtra?: (extra: Record<string, string | number>) => void;
}

/**
 * What the three MNIST demos do alike once their controller exists: the frame budget follows
 * play/pause, the learning rate applies live, and a model is saved to and restored from the
 * browser (a restore rebuilds the model with the saved sizes and settings, then loads it).
 */
function useMnistTraining(demo: MnistDemo, model: MnistModel, options: MnistTrainingOptions) {
  const { status, redraw, params } = demo;
  const { budgetRef, modelRef, setPending } = model;
  const { id, lang, m, saveExtra, restoreExtra } = options;

  // A layout effect, so that the budget is on before the first frame of a run is drawn.
  useLayoutEffect(() => {
    budgetRef.current.active = status === 'running';
    // The last frame before a pause may have skipped its repaint (repaints are throttled).
    if (status !== 'running') redraw();
  }, [budgetRef, status, redraw]);
  useEffect(() => {
    modelRef.current?.setLearningRate(params.learningRate);
  }, [modelRef, params.learningRate]);

  /** Sizes and settings of `config` into the URL and controls; the next build loads `weights`. */
  const rebuildWith = (config: Pick<ModelConfig, 'hidden' | 'batchSize'> & Partial<ModelConfig>, weights: WeightMap) => {
    demo.pause();
    setPending({ hidden: config.hidden, batch: config.batchSize, weights });
    demo.setParam('hidden', config.hidden);
    demo.setParam('batch', config.batchSize);
    if (config.seed !== undefined) demo.setParam('seed', config.seed);
    if (config.learningRate !== undefined) demo.setParam('learningRate', config.learningRate);
    demo.reset();
  };

  const onSave = async (): Promise<string> => {
    const live = modelRef.current;
    if (!live) throw new Error(m.noModel);
    const p = demo.getParams();
    const config = await saveModel(id, live, { seed: p.seed, learningRate: p.learningRate, ...(saveExtra ? { extra: saveExtra(p) } : {}) });
    return fill(m.saved, { hidden: config.hidden, seed: config.seed, steps: formatNumber(lang, config.steps, 9) });
  };

  const onRestore = async (): Promise<string> => {
    const saved = await loadModel(id);
    if (!saved) throw new Error(m.nothingSaved);
    const { config, weights } = saved;
    restoreExtra?.(config.extra ?? {});
    rebuildWith(config, weights);
    return fill(m.restored, { hidden: config.hidden, seed: config.seed, steps: formatNumber(lang, config.steps, 9), date: new Date(saved.savedAt).toLocaleString(lang) });
  };

  return { onSave, onRestore, rebuildWith };
}

/** Makes `controller` the live model of `modelRef` (for saving and copying) until it is disposed. */
function withModelRef(controller: MnistController, modelRef: RefObject<Autoencoder | null>, snapshots: WeightSnapshots, playing: () => boolean): DemoModel {
  const { model } = controller;
  modelRef.current = model;
  return {
    step: controller.step,
    initialSteps: controller.initialSteps,
    isFinished: controller.isFinished,
    async draw(info) {
      await controller.draw(info);
      // Not awaited: the copy's read-back must not hold the next frame back.
      void snapshots.refresh(model, playing());
    },
    dispose() {
      controller.dispose();
      if (modelRef.current === model) modelRef.current = null;
    },
  };
}

type MnistSpecs = ParamSpecs & { hidden: ParamSpec; batch: ParamSpec; learningRate: ParamSpec };

interface MnistDemoOptions<S extends MnistSpecs> {
  props: DemoProps & { data: MnistSet };
  specs: S;
  /** The demo's own strings group: its title and play/pause labels. */
  strings: { title: string; play: string; pause: string };
  /**
   * The demo's parts of the model side (see createMnistController), made on every build from the
   * parameters; it should use only stable values (setters, refs, the data).
   */
  parts: (params: ParamValues<S & typeof commonSpecs>, session: MnistSession, controls: MnistControls) => MnistDemoParts;
  /** The input corruption of a denoising model, from the parameters. */
  corruption?: (params: ParamValues<S & typeof commonSpecs>) => Corruption;
  saveExtra?: MnistTrainingOptions['saveExtra'];
  /** Applies the demo's own saved settings on restore, through the demo's `setParam`. */
  restoreExtra?: (extra: Record<string, string | number>, setParam: DemoController<S>['setParam']) => void;
}

/**
 * An MNIST demo's controller: the shared model side (createMnistController) built by the
 * runtime's useDemo, its figures as React state, saving and restoring, and the props of the
 * demo's frame. The component renders what this returns, plus its own images.
 */
export function useMnistDemo<S extends MnistSpecs>(options: MnistDemoOptions<S>) {
  const { props, specs, strings } = options;
  const { id, lang, runtime, messages, data } = props;
  const mnist = useMnistModel();
  const { budgetRef, modelRef, takePending } = mnist;
  const [figures, setFigures] = useState<TrainingFigures>(EMPTY_FIGURES);
  const snapshotsRef = useRef<{ snapshots: WeightSnapshots; settings: MnistSettings } | null>(null);
  // The latest option callbacks, so that `build` stays the same function across renders.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  const build = useCallback(
    (p: ParamValues<S & typeof commonSpecs>): DemoModel => {
      const settings = p as unknown as MnistSettings;
      const { parts, corruption } = latest.current;
      // Weights waiting for this model: a restore or copy asked for, else the copy carried
      // over from a lost GPU.
      const restore = takePending(settings) ?? carriedWeights.take(id, sizesKey(settings))?.weights ?? null;
      const controller = createMnistController(
        { data, settings, backend: runtime.backend, budget: budgetRef.current, restore, corruption: corruption?.(p), publish: setFigures },
        (session, controls) => parts(p, session, controls),
      );
      const snapshots = new WeightSnapshots(id, runtime.backend);
      snapshotsRef.current = { snapshots, settings };
      return withModelRef(controller, modelRef, snapshots, () => budgetRef.current.active);
    },
    [id, data, runtime.backend, budgetRef, modelRef, takePending],
  );

  const onDeviceLost = useCallback((): number | null => {
    const current = snapshotsRef.current;
    return current ? current.snapshots.carry(current.settings) : null;
  }, []);

  const demo = useDemo({ id, runtime, specs, build, structural: ['hidden', 'batch'], speed: 50, onDeviceLost });
  const restoreExtra = (extra: Record<string, string | number>) => latest.current.restoreExtra?.(extra, demo.setParam);
  const training = useMnistTraining(demo as unknown as MnistDemo, mnist, { id, lang, m: messages.demos.mnist, saveExtra: options.saveExtra, restoreExtra });
  const shell = shellProps(demo, { runtime, messages, lang }, strings);
  return { demo, figures, modelRef, shell, ...training };
}

/** A model's first encoder kernels, labelled with how many of its `total` they are and at which step. */
export function ModelKernels({ m, lang, values, count, total, steps, columns, version }: { m: MnistStrings; lang: string; values: Float32Array | null; count: number; total: number; steps: number; columns: number; version: number }) {
  return <KernelCanvas values={values} count={count} columns={columns} version={version} label={fill(m.kernelsLabel, { shown: count, total, steps: formatNumber(lang, steps, 9) })} />;
}

/** The last failure of a demo's training or evaluation, announced. */
export function MnistProblem({ problem }: { problem: string | null }) {
  return problem ? (
    <p className="demo-error" role="alert">
      {problem}
    </p>
  ) : null;
}

/** Epoch, optimisation steps, examples per second (where shown) and test loss. */
export function MnistReadouts({ m, lang, epoch, modelSteps, testLoss, examplesPerSecond }: { m: MnistStrings; lang: string; epoch: number; modelSteps: number; testLoss: number; examplesPerSecond?: number }) {
  const fmt = (v: number, digits: number) => formatOrDash(lang, v, digits);
  return (
    <>
      <span>
        {m.epoch} <span data-readout="epoch">{fmt(epoch, 3)}</span>
      </span>
      <span>
        {m.modelSteps} <span data-readout="model-steps">{formatNumber(lang, modelSteps, 9)}</span>
      </span>
      {examplesPerSecond !== undefined ? (
        <span>
          <span data-readout="examples-rate">{formatNumber(lang, Math.round(examplesPerSecond), 7)}</span> {m.examplesPerSecond}
        </span>
      ) : null}
      <span>
        {m.testLoss} <span data-readout="test-loss">{fmt(testLoss, 4)}</span>
      </span>
    </>
  );
}

/** Code size, learning rate, batch size, and saving / restoring the model. */
export function MnistModelControls({
  specs,
  demo,
  m,
  lang,
  onSave,
  onRestore,
}: {
  specs: { hidden: ParamSpec; learningRate: ParamSpec; batch: ParamSpec };
  demo: MnistDemo;
  m: MnistStrings;
  lang: string;
  onSave: () => Promise<string>;
  onRestore: () => Promise<string>;
}) {
  const { params, setParam } = demo;
  return (
    <>
      <ParamControl spec={specs.hidden} label={m.hidden} value={params.hidden} onChange={(v) => setParam('hidden', Number(v))} />
      <ParamControl
        spec={specs.learningRate}
        label={m.learningRate}
        value={params.learningRate}
        onChange={(v) => setParam('learningRate', Number(v))}
        format={(v) => formatNumber(lang, v, 2)}
      />
      <ParamControl spec={specs.batch} label={m.batchSize} value={params.batch} onChange={(v) => setParam('batch', Number(v))} />
      <ModelStorage t={m} onSave={onSave} onRestore={onRestore} />
    </>
  );
}

/** Training and test loss against optimisation steps, on a log scale. */
export function MnistLossPanel({
  id,
  m,
  messages,
  lang,
  label,
  figures,
}: {
  id: string;
  m: MnistStrings;
  messages: Messages;
  lang: string;
  label: string;
  figures: TrainingFigures;
}) {
  const { train, test, version, modelSteps } = figures;
  const { trainLoss: trainLabel, testLoss: testLabel } = m;
  // Only a new curve re-renders the plot (the read-outs change every frame).
  const series = useMemo(
    () => [
      { label: trainLabel, values: train.ys, xs: train.xs },
      { label: testLabel, values: test.ys, xs: test.xs },
    ],
    [train, test, trainLabel, testLabel],
  );
  const fmt = (v: number) => formatOrDash(lang, v);
  return (
    <section className={styles.panel} aria-labelledby={`${id}-loss-title`}>
      <h4 id={`${id}-loss-title`}>{m.lossTitle}</h4>
      <LinePlot
        series={series}
        xLabel={m.stepAxis}
        yLabel={m.lossAxis}
        logY
        label={label}
        summary={fill(m.lossPlotSummary, { train: fmt(lastOf(train)), test: fmt(lastOf(test)), steps: formatNumber(lang, modelSteps, 9), every: EVAL_EVERY })}
        version={version}
        strings={messages.plot}
        lang={lang}
      />
    </section>
  );
}
