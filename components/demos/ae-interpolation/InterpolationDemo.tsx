'use client';

import { Fragment, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { LinePlot } from '@/components/plots/LinePlot';
import type { ParamSpecs } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';
import { NO_VALUE, formatOrDash } from '@/lib/i18n/or-dash';
import { fill } from '@/lib/i18n/template';
import { averageDigits, interpolationWeights, latentInterpolation, pixelInterpolation, reconstructionErrors } from '@/lib/ml/mnist/interpolate';
import { evaluateReconstruction } from '@/lib/ml/mnist/evaluate';
import { AUTOENCODER_PRESETS, INTERPOLATION_STEPS, PRACTICUM, epochsAt } from '@/lib/ml/mnist/presets';
import { DemoShell } from '../runtime/DemoShell';
import { ParamControl } from '../runtime/ParamControl';
import type { DemoProps } from '../runtime/types';
import type { MnistSet } from '../mnist-shared/data';
import { DigitCanvas } from '../mnist-shared/DigitCanvas';
import { withMnistData } from '../mnist-shared/MnistGate';
import { publishedModel, publishedVersion, subscribePublished } from '../mnist-shared/model-store';
import styles from '../mnist-shared/mnist.module.css';
import { PIXELS } from '../mnist-shared/pixels';
import { pickRows, lastOf } from '../mnist-shared/controller';
import { MnistModelControls, MnistProblem, MnistReadouts, useMnistDemo } from '../mnist-shared/training';

const STEPS = INTERPOLATION_STEPS;
const T = interpolationWeights(STEPS);

const specs = {
  hidden: { kind: 'int', default: AUTOENCODER_PRESETS.underComplete.hidden, min: 2, max: 1000 },
  learningRate: { kind: 'number', default: PRACTICUM.learningRate, min: 1e-5, max: 0.1, step: 1e-5, scale: 'log' },
  batch: { kind: 'int', default: PRACTICUM.batchSize, min: 8, max: 1024, step: 8 },
  a: { kind: 'int', default: 0, min: 0, max: 999 },
  b: { kind: 'int', default: 1, min: 0, max: 999 },
  t: { kind: 'int', default: Math.floor(STEPS / 2), min: 0, max: STEPS - 1 },
} as const satisfies ParamSpecs;

const REPAINT_MS = 200;

interface Visuals {
  /** pixel path, latent path, reconstructions of the pixel path: STEPS images each. */
  pixel: Float32Array | null;
  latent: Float32Array | null;
  pixelRecon: Float32Array | null;
  /** average, its reconstruction. */
  average: Float32Array | null;
  pixelErrors: number[];
  latentErrors: number[];
  averageError: number;
  steps: number;
  version: number;
}

const EMPTY: Visuals = { pixel: null, latent: null, pixelRecon: null, average: null, pixelErrors: [], latentErrors: [], averageError: NaN, steps: 0, version: 0 };

function Explorer(props: DemoProps & { data: MnistSet }) {
  const { id, lang, messages, data } = props;
  const t = messages.demos['ae-interpolation'];
  const m = messages.demos.mnist;
  const pairRef = useRef<{ a: number; b: number }>({ a: 0, b: 1 });
  const [visuals, setVisuals] = useState<Visuals>(EMPTY);
  const [copyNote, setCopyNote] = useState('');
  useSyncExternalStore(subscribePublished, publishedVersion, () => 0);
  const standard = publishedModel();
  const testCount = data.testLabels.length;

  const { demo, figures, shell, modelRef, onSave, onRestore, rebuildWith } = useMnistDemo({
    props,
    specs,
    strings: t,
    parts: (_p, { model }) => {
      const { tf } = props.runtime;
      let paints = 0;
      setVisuals(EMPTY);
      return {
      repaintMs: REPAINT_MS,
      testLoss: async (snapshot, pause, chunkRows) => (await evaluateReconstruction(snapshot, data.xTest, data.xTest, { chunkRows, pause })).mse,
      async paint() {
        const steps = model.steps;
        const { a, b } = pairRef.current;
        const out = tf.tidy(() => {
          const rows = pickRows(tf, data.xTest, [Math.min(a, testCount - 1), Math.min(b, testCount - 1)]);
          const xa = tf.slice(rows, [0, 0], [1, PIXELS]);
          const xb = tf.slice(rows, [1, 0], [1, PIXELS]);
          const pixel = pixelInterpolation(xa, xb, STEPS);
          const latent = latentInterpolation(model, xa, xb, STEPS).images;
          const avg = averageDigits(model, xa, xb);
          const errors = tf.concat([reconstructionErrors(model, pixel), reconstructionErrors(model, latent), reconstructionErrors(model, avg.average)]);
          return tf.concat([tf.reshape(pixel, [-1]), tf.reshape(latent, [-1]), tf.reshape(model.reconstruct(pixel), [-1]), tf.reshape(avg.average, [-1]), tf.reshape(avg.reconstruction, [-1]), errors]);
        });
        try {
          const v = (await out.data()) as Float32Array;
          const n = STEPS * PIXELS;
          const e = 3 * n + 2 * PIXELS;
          setVisuals({
            pixel: v.slice(0, n),
            latent: v.slice(n, 2 * n),
            pixelRecon: v.slice(2 * n, 3 * n),
            average: v.slice(3 * n, e),
            pixelErrors: Array.from(v.subarray(e, e + STEPS)),
            latentErrors: Array.from(v.subarray(e + STEPS, e + 2 * STEPS)),
            averageError: v[e + 2 * STEPS],
            steps,
            version: ++paints,
          });
        } finally {
          out.dispose();
        }
      },
      };
    },
  });
  const { params, setParam, getParams, redraw } = demo;
  useEffect(() => {
    pairRef.current = { a: params.a, b: params.b };
    redraw();
  }, [params.a, params.b, redraw]);

  const fmt = (v: number, digits = 3) => formatOrDash(lang, v, digits);
  const { modelSteps, problem } = figures;
  const labelOf = (i: number) => data.testLabels[Math.min(i, testCount - 1)];
  const step = params.t;
  const tValue = T[step];

  const copyStandard = async () => {
    const source = publishedModel();
    if (!source) return;
    demo.pause();
    const weights = await source.exportWeights();
    const model = modelRef.current;
    if (model && model.hidden === source.hidden) {
      model.importWeights(weights);
      redraw();
    } else {
      rebuildWith({ hidden: source.hidden, batchSize: getParams().batch }, weights);
    }
    setCopyNote(fill(t.copied, { hidden: source.hidden, steps: formatNumber(lang, source.steps(), 9) }));
  };

  const picker = (which: 'a' | 'b', title: string) => {
    const index = params[which];
    const move = (delta: number) => setParam(which, (index + delta + testCount) % testCount);
    const jumpTo = (cls: number) => {
      for (let k = 1; k <= testCount; k++) {
        const i = (index + k) % testCount;
        if (data.testLabels[i] === cls) return setParam(which, i);
      }
    };
    const desc = fill(t.pickedDigit, { index: index + 1, total: testCount, label: labelOf(index) });
    return (
      <div className={styles.picker} role="group" aria-label={title} data-picker={which}>
        <span className={styles.panelTitle}>{title}</span>
        <div className={styles.pickerRow}>
          <button type="button" className={`demo-button ${styles.stepper}`} onClick={() => move(-1)} aria-label={fill(t.previous, { which: title })} data-action={`${which}-previous`}>
            ‹
          </button>
          <div role="img" aria-label={desc}>
            <DigitCanvas values={visuals.pixel} index={which === 'a' ? 0 : STEPS - 1} version={visuals.version} />
          </div>
          <button type="button" className={`demo-button ${styles.stepper}`} onClick={() => move(1)} aria-label={fill(t.next, { which: title })} data-action={`${which}-next`}>
            ›
          </button>
        </div>
        <span className={styles.note} aria-hidden="true">
          {desc}
        </span>
        <div className="param param-enum">
          <label htmlFor={`${id}-${which}-class`}>{t.jumpToClass}</label>
          <select id={`${id}-${which}-class`} value={labelOf(index)} onChange={(e) => jumpTo(Number(e.target.value))}>
            {Array.from({ length: 10 }, (_, c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
    );
  };

  const errorList = (errors: number[]) => errors.map((e) => fmt(e, 2)).join(', ');
  const pathLabel = (kind: string, errors: number[]) => fill(t.pathLabel, { kind, count: STEPS, a: labelOf(params.a), b: labelOf(params.b), errors: errorList(errors) || NO_VALUE });
  const trained = modelSteps > 0;

  return (
    <DemoShell
      {...shell}
      readouts={<MnistReadouts m={m} lang={lang} epoch={epochsAt(modelSteps, params.batch, data.trainCount)} modelSteps={modelSteps} testLoss={lastOf(figures.test)} />}
      controls={
        <>
          <MnistModelControls specs={specs} demo={demo} m={m} lang={lang} onSave={onSave} onRestore={onRestore} />
        </>
      }
    >
      <p className="demo-hint">{trained ? t.hint : t.untrained}</p>
      <div className={styles.presets}>
        <button type="button" className="demo-button" onClick={() => void copyStandard()} disabled={!standard || standard.steps() === 0} data-action="use-standard">
          {t.useStandard}
        </button>
        <span className={styles.note} role="status">
          {copyNote || (standard ? fill(t.standardReady, { hidden: standard.hidden, steps: formatNumber(lang, standard.steps(), 9) }) : t.standardNone)}
        </span>
      </div>
      <MnistProblem problem={problem} />
      <div className="demo-panels">
        {picker('a', t.digitA)}
        {picker('b', t.digitB)}
      </div>
      <ParamControl spec={specs.t} label={t.position} value={step} onChange={(v) => setParam('t', v)} format={(v) => fmt(T[v] ?? 0, 2)} />
      <div className={`${styles.pair} ${styles.big}`} data-panel="interpolation" data-version={visuals.version}>
        <div className={styles.panel}>
          <span className={styles.panelTitle}>{t.pixelSpace}</span>
          <div
            className={styles.strip}
            role="img"
            aria-label={fill(t.pointLabel, { kind: t.pixelSpace, t: fmt(tValue, 2), error: fmt(visuals.pixelErrors[step] ?? NaN, 3) })}
          >
            <DigitFigure values={visuals.pixel} index={step} version={visuals.version} caption={t.input} />
            <DigitFigure values={visuals.pixelRecon} index={step} version={visuals.version} caption={t.reconstruction} error={fill(t.errorShort, { error: fmt(visuals.pixelErrors[step] ?? NaN, 3) })} />
          </div>
        </div>
        <div className={styles.panel}>
          <span className={styles.panelTitle}>{t.latentSpace}</span>
          <div className={styles.strip} role="img" aria-label={fill(t.pointLabel, { kind: t.latentSpace, t: fmt(tValue, 2), error: fmt(visuals.latentErrors[step] ?? NaN, 3) })}>
            <DigitFigure values={visuals.latent} index={step} version={visuals.version} caption={t.decoded} error={fill(t.errorShort, { error: fmt(visuals.latentErrors[step] ?? NaN, 3) })} />
          </div>
        </div>
        <div className={styles.panel}>
          <span className={styles.panelTitle}>{t.averageTitle}</span>
          <div className={styles.strip} role="img" aria-label={fill(t.averageLabel, { a: labelOf(params.a), b: labelOf(params.b), error: fmt(visuals.averageError, 3) })} data-panel="average">
            <DigitFigure values={visuals.average} index={0} version={visuals.version} caption={t.average} />
            <DigitFigure values={visuals.average} index={1} version={visuals.version} caption={t.reconstruction} error={fill(t.errorShort, { error: fmt(visuals.averageError, 3) })} />
          </div>
        </div>
      </div>
      <section className={styles.panel} aria-labelledby={`${id}-paths-title`}>
        <h4 id={`${id}-paths-title`}>{t.pathsTitle}</h4>
        {[
          { kind: t.pixelSpace, images: visuals.pixel, errors: visuals.pixelErrors },
          { kind: t.latentSpace, images: visuals.latent, errors: visuals.latentErrors },
        ].map((path) => (
          <Fragment key={path.kind}>
            <span className={styles.panelTitle}>{path.kind}</span>
            <div className={`${styles.strip} ${styles.path}`} role="img" aria-label={pathLabel(path.kind, path.errors)}>
              {T.map((_, i) => (
                <div key={i} className={i === step ? styles.selected : undefined}>
                  <DigitCanvas values={path.images} index={i} version={visuals.version} />
                </div>
              ))}
            </div>
          </Fragment>
        ))}
      </section>
      <LinePlot
        series={[
          { label: t.pixelSpace, values: visuals.pixelErrors, xs: T },
          { label: t.latentSpace, values: visuals.latentErrors, xs: T },
        ]}
        xLabel="t"
        yLabel={t.errorAxis}
        marker={{ x: tValue, label: `t = ${fmt(tValue, 2)}` }}
        xDomain={[0, 1]}
        label={t.errorPlotLabel}
        summary={fill(t.errorPlotSummary, { pixel: errorList(visuals.pixelErrors) || NO_VALUE, latent: errorList(visuals.latentErrors) || NO_VALUE })}
        version={visuals.version}
        aspect={0.45}
        strings={messages.plot}
        lang={lang}
      />
    </DemoShell>
  );
}

/** One digit with its caption and, where given, its reconstruction error on a second line. */
function DigitFigure({ values, index, version, caption, error }: { values: Float32Array | null; index: number; version: number; caption: string; error?: string }) {
  return (
    <figure className={styles.cell}>
      <DigitCanvas values={values} index={index} version={version} />
      <figcaption>
        {caption}
        {error === undefined ? null : (
          <>
            <br />
            {error}
          </>
        )}
      </figcaption>
    </figure>
  );
}

const InterpolationDemo = withMnistData(Explorer);
export default InterpolationDemo;
