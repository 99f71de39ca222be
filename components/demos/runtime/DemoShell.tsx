'use client';

import { useId, useState, type ReactNode } from 'react';
import { BACKENDS, type BackendName } from '@/lib/demos/backends';
import type { ParamSpecs } from '@/lib/demos/params';
import type { Messages } from '@/lib/i18n/dictionary';
import { formatNumber } from '@/lib/i18n/format';
import { formatOrDash } from '@/lib/i18n/or-dash';
import { fill } from '@/lib/i18n/template';
import { ParamControl } from './ParamControl';
import { usePresentation } from './presentation';
import { measureAgain, switchBackend, type TfRuntime } from './tf-runtime';
import { OUT_OF_TIME, type BackendTiming } from '@/lib/demos/calibration';
import { threadsLabel, threadsNote } from './threads-note';
import type { DemoController } from './useDemo';

interface DemoShellProps<S extends ParamSpecs> {
  demo: DemoController<S>;
  runtime: TfRuntime;
  messages: Messages;
  lang: string;
  /** Accessible name of the demo region. */
  title: string;
  playLabel?: string;
  pauseLabel?: string;
  /** The demo's own parameter controls. */
  controls?: ReactNode;
  /** Extra read-outs next to step/loss. */
  readouts?: ReactNode;
  lossLabel?: string;
  children: ReactNode;
}

/** "webgl 11 ms/step, wasm 4 ms/step": every backend timed, and why any was left out. */
function timingsText(timings: readonly BackendTiming[], m: Messages['demo'], lang: string): string {
  return timings
    .map((t) => ('msPerStep' in t ? fill(m.timing, { backend: t.backend, ms: formatNumber(lang, t.msPerStep, 2) }) : fill(m.timingFailed, { backend: t.backend, reason: t.error === OUT_OF_TIME ? m.timingOutOfTime : t.error })))
    .join(', ');
}

/** The props every demo passes alike: its controller, runtime, language, and its title and play/pause labels. */
export function shellProps<S extends ParamSpecs>(demo: DemoController<S>, context: { runtime: TfRuntime; messages: Messages; lang: string }, t: { title: string; play?: string; pause?: string }) {
  return { demo, ...context, title: t.title, playLabel: t.play, pauseLabel: t.pause };
}

/**
 * The frame every demo shares: transport (play/pause, step, reset), speed, seed and backend,
 * a status line, a live region for screen readers, and the divergence message.
 */
export function DemoShell<S extends ParamSpecs>(props: DemoShellProps<S>) {
  const { demo, runtime, messages, lang, title, controls, readouts, children } = props;
  const m = messages.demo;
  const { attachRoot } = demo;
  const presentation = usePresentation();
  const backendId = useId();
  const [copied, setCopied] = useState(false);
  const running = demo.status === 'running';
  const playLabel = props.playLabel ?? m.play;
  const pauseLabel = props.pauseLabel ?? m.pause;
  const statusText =
    demo.status === 'running'
      ? m.statusRunning
      : demo.status === 'diverged'
        ? m.statusDiverged
        : demo.status === 'finished'
          ? m.statusFinished
          : demo.autoPaused
            ? m.pausedOffscreen
            : m.statusPaused;
  const announcements: Record<string, string> = {
    running: m.announceRunning,
    paused: m.announcePaused,
    finished: m.announceFinished,
    reset: m.announceReset,
    diverged: m.announceDiverged,
    lost: fill(m.deviceLost, { reason: demo.device.phase === 'lost' ? demo.device.reason : '' }),
  };
  const { device } = demo;

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (permissions): the address bar already holds the same link.
    }
  };

  const changeBackend = (name: BackendName) => {
    const query = new URLSearchParams(window.location.search);
    query.set('backend', name);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query}${window.location.hash}`);
    void switchBackend(name);
  };

  return (
    <section className="demo-shell" aria-label={title} onKeyDown={demo.onKeyDown} ref={attachRoot} data-status={demo.status}>
      <div className="demo-head">
      {presentation.presenting ? <h2 className="demo-present-title">{title}</h2> : null}
      <div className="demo-toolbar" role="toolbar" aria-label={title}>
        <button type="button" className="demo-button demo-play" onClick={demo.toggle} disabled={demo.status === 'diverged' || device.phase !== 'ok'} aria-label={running ? pauseLabel : playLabel} data-action="play">
          <span aria-hidden="true">{running ? '❚❚' : '▶'}</span> {running ? pauseLabel : playLabel}
        </button>
        <button type="button" className="demo-button" onClick={demo.step} disabled={running || demo.status === 'diverged' || device.phase !== 'ok'} title={m.stepTitle} data-action="step">
          {m.step}
        </button>
        <button type="button" className="demo-button" onClick={demo.reset} title={m.resetTitle} data-action="reset">
          {m.reset}
        </button>
        <button
          type="button"
          className="demo-button demo-present"
          onClick={presentation.toggle}
          aria-pressed={presentation.presenting}
          title={presentation.presenting ? m.leavePresent : m.presentTitle}
          data-action="present"
        >
          {presentation.presenting ? m.leavePresent : m.present}
        </button>
        <div className="demo-speed">
          <ParamControl spec={demo.specs.speed} label={m.speed} value={demo.params.speed} onChange={(v) => demo.setParam('speed', v)} />
        </div>
        <div className="demo-pace">
          <ParamControl
            spec={demo.specs.pace}
            label={m.pace}
            value={demo.params.pace}
            onChange={(v) => demo.setParam('pace', v)}
            optionLabels={{ slow: m.paceSlow, normal: m.paceNormal, fast: m.paceFast }}
          />
        </div>
      </div>
      <p className="demo-shortcuts keyboard-hint">{m.shortcuts}</p>
      {demo.status === 'diverged' ? (
        <div className="demo-alert" role="alert">
          <p>{fill(m.diverged, { reason: demo.reason ?? '' })}</p>
          <button type="button" className="demo-button" onClick={demo.reset} data-action="reset-after-divergence">
            {m.reset}
          </button>
        </div>
      ) : null}
      {device.phase === 'lost' || device.phase === 'switching' ? (
        <div className="demo-alert" role="alert" data-alert="device-lost">
          <p>
            {fill(m.deviceLost, { reason: device.phase === 'lost' ? device.reason : '' })}{' '}
            {device.snapshotSteps !== null ? fill(m.deviceLostWeights, { steps: formatNumber(lang, device.snapshotSteps, 9) }) : null}
          </p>
          {device.phase === 'switching' ? (
            <p>{fill(m.deviceSwitching, { backend: device.to })}</p>
          ) : device.next ? (
            <button type="button" className="demo-button" onClick={demo.continueOnNext} data-action="continue-on-next">
              {fill(m.continueOn, { backend: device.next })}
            </button>
          ) : (
            <p>{m.deviceLostNone}</p>
          )}
        </div>
      ) : null}
      </div>
      <div className="demo-main">
        <div className="demo-body">{children}</div>
        {controls ? <div className="demo-controls">{controls}</div> : null}
      </div>
      <div className="demo-foot">
      <div className="demo-status" aria-live="off">
        <span data-readout="status">{statusText}</span>
        <span>
          {m.stepsLabel} <span data-readout="steps">{formatNumber(lang, demo.frame.steps, 9)}</span>
        </span>
        <span>
          {props.lossLabel ?? m.lossLabel}{' '}
          <span data-readout="loss">{formatOrDash(lang, demo.frame.loss, 4)}</span>
        </span>
        <span>
          <span data-readout="rate">{formatNumber(lang, Math.round(demo.frame.stepsPerSecond), 6)}</span> {m.stepsPerSecond}
        </span>
        <span>
          {m.backendInUse} <strong data-readout="backend">{runtime.backend}</strong>
          {runtime.wasmThreads ? <> <span data-readout="threads">{threadsLabel(runtime.wasmThreads, messages.platform)}</span></> : null}
        </span>
        {readouts}
        {demo.frame.phase ? (
          <span>
            {m.phase} <strong data-readout="phase">{demo.frame.phase}</strong>
          </span>
        ) : null}
      </div>
      {runtime.wasmThreads && threadsNote(runtime.wasmThreads, messages.platform) ? (
        <p className="demo-note" data-note="threads">
          {threadsNote(runtime.wasmThreads, messages.platform)}
        </p>
      ) : null}
      {runtime.choice ? (
        <p className="demo-note" data-note="calibration" data-choice={runtime.choice.source}>
          {fill(runtime.choice.source === 'measured' ? m.choiceMeasured : m.choiceRemembered, { timings: timingsText(runtime.choice.timings, m, lang), backend: runtime.backend })}{' '}
          <button type="button" className="demo-button" onClick={() => void measureAgain()} title={m.measureAgainTitle} data-action="measure-again">
            {m.measureAgain}
          </button>
        </p>
      ) : null}
      {runtime.fallbacks.length > 0 ? (
        <p className="demo-note" data-note="backend">
          {runtime.fallbacks.map((f) => fill(m.backendFallback, { backend: f.backend, reason: f.reason, used: runtime.backend })).join(' ')}
        </p>
      ) : null}
      <details className="demo-settings">
        <summary>{m.settings}</summary>
        <div className="demo-settings-body">
          <ParamControl spec={demo.specs.seed} label={m.seed} value={demo.params.seed} onChange={(v) => demo.setParam('seed', v)} numberInput />
          <div className="param param-enum">
            <label htmlFor={backendId}>{m.backend}</label>
            <select id={backendId} value={runtime.backend} onChange={(e) => changeBackend(e.target.value as BackendName)}>
              {BACKENDS.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="demo-button" onClick={copyLink}>
            {copied ? m.linkCopied : m.copyLink}
          </button>
        </div>
      </details>
      <p className="visually-hidden" aria-live="polite" role="status" data-live="announcements">
        {demo.announcement ? announcements[demo.announcement] : ''}
      </p>
      </div>
    </section>
  );
}
