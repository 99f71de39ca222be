'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { LinePlot } from '@/components/plots/LinePlot';
import { readExtra, writeExtra, type ParamSpecs } from '@/lib/demos/params';
import { NO_VALUE, formatOrDash } from '@/lib/i18n/or-dash';
import { fill } from '@/lib/i18n/template';
import { createMaskedCharSession, type MaskedPrediction } from '@/lib/ml/part-b/masked-chars';
import { DemoShell, shellProps } from '../runtime/DemoShell';
import { ParamControl } from '../runtime/ParamControl';
import type { DemoProps } from '../runtime/types';
import { useDemo, type DemoModel } from '../runtime/useDemo';
import { Curves } from '../runtime/curve';
import styles from './masked.module.css';
import { Predictions } from './Predictions';

const MASK = '_';
/** Held-out evaluation every this many steps: often enough for a smooth curve, rare enough to cost nothing. */
const EVAL_EVERY = 20;
const MAX_GAPS = 12;
const MAX_TEXT = 160;

const specs = {
  learningRate: { kind: 'number', default: 0.01, min: 0.0005, max: 0.1, step: 0.0005, scale: 'log' },
  context: { kind: 'int', default: 3, min: 1, max: 6 },
  hidden: { kind: 'int', default: 96, min: 8, max: 256, step: 8 },
  batch: { kind: 'int', default: 32, min: 4, max: 128, step: 4 },
} as const satisfies ParamSpecs;

/**
 * The sentence is not a parameter spec (specs hold numbers, enums and switches), yet a prepared
 * link should bring its sentence along, so it gets its own key in the demo's URL namespace.
 */
function readText(id: string): string | null {
  if (typeof window === 'undefined') return null;
  return readExtra(id, 'text', window.location.search)?.slice(0, MAX_TEXT) ?? null;
}

function writeText(id: string, text: string, fallback: string): void {
  const search = writeExtra(id, 'text', text === fallback ? null : text, window.location.search);
  if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
}

interface Frame {
  predictions: MaskedPrediction[];
  text: string;
  steps: number;
  train: { xs: number[]; ys: number[][] };
  held: { xs: number[]; ys: number[][] };
  baseline: number;
  gaps: number;
}

export default function MaskedTokensDemo({ id, lang, runtime, messages }: DemoProps) {
  const t = messages.demos['masked-tokens'];
  const [text, setText] = useState(() => readText(id) ?? t.defaultText);
  const [frame, setFrame] = useState<Frame | null>(null);
  const textRef = useRef(text);
  const inputId = useId();
  const hintId = useId();

  const build = useCallback(
    (p: { seed: number; learningRate: number; context: number; hidden: number; batch: number }): DemoModel => {
      const session = createMaskedCharSession({ seed: p.seed, learningRate: p.learningRate, context: p.context, hidden: p.hidden, batch: p.batch });
      const baseline = session.unigramBaselineAccuracy();
      const train = new Curves(1);
      const held = new Curves(2);
      let lastEval = -Infinity;
      let evaluating = false;
      let issued = 0;
      let applied = 0;
      let disposed = false;
      return {
        step: () => session.step(),
        async draw(info) {
          const ticket = ++issued;
          if (Number.isFinite(info.loss)) train.push(info.steps, [info.loss]);
          const due = !evaluating && info.steps - lastEval >= EVAL_EVERY;
          if (due) evaluating = true;
          const shown = textRef.current;
          try {
            const [evaluation, predictions] = await Promise.all([due ? session.evaluate() : null, session.predict(shown, MASK)]);
            // A reset may have replaced this model, and a newer draw (typing is fast) may have finished first.
            if (disposed) return;
            if (evaluation) {
              lastEval = info.steps;
              held.push(info.steps, [evaluation.accuracy, evaluation.loss]);
            }
            if (ticket < applied) return;
            applied = ticket;
            setFrame({
              predictions,
              text: shown,
              steps: info.steps,
              train: train.snapshot(),
              held: held.snapshot(),
              baseline,
              gaps: session.evaluationSize,
            });
          } finally {
            if (due) evaluating = false;
          }
        },
        dispose() {
          disposed = true;
          session.dispose();
        },
      };
    },
    [],
  );

  const demo = useDemo({ id, runtime, specs, build, structural: ['learningRate', 'context', 'hidden', 'batch', 'seed'], speed: 3 });

  const { redraw } = demo;
  useEffect(() => {
    textRef.current = text;
    writeText(id, text, t.defaultText);
    redraw();
  }, [text, id, t.defaultText, redraw]);

  const fmt = (v: number) => formatOrDash(lang, v);
  const percent = (v: number) => (Number.isFinite(v) ? new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v) : NO_VALUE);
  const predictions = frame?.text === text ? frame.predictions : [];
  const held = frame?.held ?? { xs: [], ys: [[], []] };
  const train = frame?.train ?? { xs: [], ys: [[]] };
  const accuracy = held.ys[0][held.ys[0].length - 1] ?? Number.NaN;
  const heldLoss = held.ys[1][held.ys[1].length - 1] ?? Number.NaN;
  const trainLoss = train.ys[0][train.ys[0].length - 1] ?? Number.NaN;
  const baseline = frame?.baseline ?? Number.NaN;
  const lastStep = Math.max(1, held.xs[held.xs.length - 1] ?? 0, train.xs[train.xs.length - 1] ?? 0);

  let filled = '';
  if (predictions.length > 0) {
    const chars = [...text];
    for (const gap of predictions) chars[gap.position] = gap.top[0]?.char ?? MASK;
    filled = chars.join('');
  }
  const examples = [
    { label: t.exampleMiddle, text: t.exampleMiddleText },
    { label: t.exampleStart, text: t.exampleStartText },
    { label: t.exampleRun, text: t.exampleRunText },
  ];

  return (
    <DemoShell
      {...shellProps(demo, { runtime, messages, lang }, t)}
      readouts={
        <>
          <span>
            {t.accuracy} <span data-readout="accuracy">{fmt(accuracy)}</span>
          </span>
          <span>
            {t.baseline} <span data-readout="baseline">{fmt(baseline)}</span>
          </span>
        </>
      }
      controls={
        <>
          <ParamControl spec={specs.context} label={t.context} value={demo.params.context} onChange={(v) => demo.setParam('context', v)} />
          <ParamControl spec={specs.hidden} label={t.hidden} value={demo.params.hidden} onChange={(v) => demo.setParam('hidden', v)} />
          <ParamControl spec={specs.batch} label={t.batch} value={demo.params.batch} onChange={(v) => demo.setParam('batch', v)} />
          <ParamControl spec={specs.learningRate} label={t.learningRate} value={demo.params.learningRate} onChange={(v) => demo.setParam('learningRate', v)} format={fmt} />
        </>
      }
    >
      <div className={styles.entry}>
        <label htmlFor={inputId}>{t.inputLabel}</label>
        <input
          id={inputId}
          type="text"
          value={text}
          maxLength={MAX_TEXT}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          aria-describedby={hintId}
          data-input="sentence"
          onChange={(e) => setText(e.target.value)}
        />
        <p id={hintId} className="demo-hint">
          {fill(t.inputHint, { context: demo.params.context })}
        </p>
        <div className={styles.examples} role="group" aria-label={t.examples}>
          <span aria-hidden="true">{t.examples}:</span>
          {examples.map((example) => (
            <button key={example.label} type="button" className="demo-button" onClick={() => setText(example.text)}>
              {example.label}
            </button>
          ))}
        </div>
      </div>
      {!text.includes(MASK) ? (
        <p className={styles.note}>{t.noMask}</p>
      ) : (
        <>
          {demo.frame.steps === 0 ? <p className={styles.note}>{t.notTrained}</p> : null}
          {filled ? (
            <p className={styles.filled}>
              {t.filled}: <span data-readout="filled">{filled}</span>
            </p>
          ) : null}
          <Predictions text={text} predictions={predictions.slice(0, MAX_GAPS)} context={demo.params.context} lang={lang} strings={t} />
          {predictions.length > MAX_GAPS ? <p className={styles.note}>{fill(t.tooMany, { count: MAX_GAPS })}</p> : null}
        </>
      )}
      <div className={styles.curves}>
        <LinePlot
          series={[
            { label: t.lossTrain, values: train.ys[0], xs: train.xs },
            { label: t.lossHeldOut, values: held.ys[1], xs: held.xs },
          ]}
          xLabel={t.stepAxis}
          yLabel={t.lossAxis}
          label={t.lossLabel}
          summary={fill(t.lossSummary, { steps: demo.frame.steps, train: fmt(trainLoss), heldOut: fmt(heldLoss) })}
          version={frame?.steps}
          strings={messages.plot}
          lang={lang}
        />
        <LinePlot
          series={[
            { label: t.accuracyModel, values: held.ys[0], xs: held.xs },
            { label: t.accuracyBaseline, values: Number.isFinite(baseline) ? [baseline, baseline] : [], xs: [0, lastStep] },
          ]}
          xLabel={t.stepAxis}
          yLabel={t.accuracyAxis}
          yDomain={[0, 1]}
          label={t.accuracyLabel}
          summary={fill(t.accuracySummary, {
            gaps: frame?.gaps ?? 0,
            every: EVAL_EVERY,
            accuracy: percent(accuracy),
            steps: held.xs[held.xs.length - 1] ?? 0,
            baseline: percent(baseline),
          })}
          version={frame?.steps}
          strings={messages.plot}
          lang={lang}
        />
      </div>
    </DemoShell>
  );
}
