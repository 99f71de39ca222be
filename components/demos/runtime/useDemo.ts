'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { deviceReducer, type DeviceState } from '@/lib/demos/device-loss';
import type { DemoId } from '@/lib/demos/registry';
import { defaultValues, readParams, writeParams, type ParamSpecs, type ParamValues } from '@/lib/demos/params';
import { TrainingLoop, type FrameInfo, type LoopDriver, type LoopStatus, type Pace } from './loop';
import { usePresentation } from './presentation';
import { deviceLostNow, subscribeDeviceLoss, switchBackend, type TfRuntime } from './tf-runtime';

/** Parameters every demo has, added to its own. */
export const commonSpecs = {
  seed: { kind: 'int', default: 1, min: 1, max: 99999 },
  speed: { kind: 'int', default: 10, min: 1, max: 500 },
  pace: { kind: 'enum', default: 'normal', options: ['slow', 'normal', 'fast'] },
} as const satisfies ParamSpecs;

export interface DemoModel extends LoopDriver {
  dispose(): void;
  /** Steps the model had taken when built (a restored model), so the step read-out goes on from there. */
  initialSteps?: number;
}

export interface UseDemoOptions<S extends ParamSpecs> {
  id: DemoId;
  runtime: TfRuntime;
  specs: S;
  /** Builds the model from the parameters; called on mount, reset and a structural change. */
  build: (params: ParamValues<S & typeof commonSpecs>) => DemoModel;
  /** Parameters whose change rebuilds the model (others are read live through `paramsRef`). */
  structural: readonly (keyof S | 'seed')[];
  /** Default steps per frame for this demo. */
  speed?: number;
  /** Extra rebuild condition computed from the parameters (e.g. β only while training uses it). */
  rebuildKey?: (params: ParamValues<S & typeof commonSpecs>) => string;
  /**
   * Called when the browser takes the GPU away: a demo that can carry its weights to the next
   * backend puts its last copy aside here and returns its step; null when it starts afresh.
   */
  onDeviceLost?: () => number | null;
}

export interface DemoController<S extends ParamSpecs> {
  params: ParamValues<S & typeof commonSpecs>;
  /** The latest parameters, for code that runs outside render (steps, draws). */
  getParams: () => ParamValues<S & typeof commonSpecs>;
  setParam: (key: keyof (S & typeof commonSpecs), value: number | string | boolean) => void;
  specs: S & typeof commonSpecs;
  status: LoopStatus;
  reason: string | null;
  frame: FrameInfo;
  autoPaused: boolean;
  announcement: string;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  step: () => void;
  reset: () => void;
  /** Redraw without stepping (after a display-only parameter changed). */
  redraw: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  attachRoot: (el: HTMLElement | null) => void;
  /** The GPU's state: lost (paused, offering the next backend) until the page moves on. */
  device: DeviceState;
  /** Moves the page to the next backend (every demo follows, this one with its weights). */
  continueOnNext: () => void;
}

declare global {
  interface Window {
    /** Test and bench hook: drive a demo and read the engine's tensor count. */
    __notesDemos?: Record<string, { steps(n: number): Promise<void>; numTensors(): number; status(): LoopStatus; stepCount(): number }>;
  }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['range', 'checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type);
}

/**
 * The shared runtime of a demo: parameters mirrored in the URL, the training loop, keyboard
 * shortcuts, pausing off-screen and in hidden tabs, and announcements for screen readers.
 */
export function useDemo<S extends ParamSpecs>(options: UseDemoOptions<S>): DemoController<S> {
  const { id, runtime, build, structural } = options;
  const specs = useMemo(
    () => ({ ...options.specs, ...commonSpecs, speed: { ...commonSpecs.speed, default: options.speed ?? commonSpecs.speed.default } }),
    [options.specs, options.speed],
  ) as S & typeof commonSpecs;
  type P = ParamValues<S & typeof commonSpecs>;

  const [params, setParams] = useState<P>(() => defaultValues(specs) as P);
  const paramsRef = useRef<P>(params);
  const [status, setStatus] = useState<LoopStatus>('paused');
  const [reason, setReason] = useState<string | null>(null);
  const [frame, setFrame] = useState<FrameInfo>({ steps: 0, loss: NaN, stepsPerSecond: 0 });
  const [announcement, setAnnouncement] = useState('');
  const [autoPaused, setAutoPaused] = useState(false);
  const [device, dispatchDevice] = useReducer(deviceReducer, { phase: 'ok' } as DeviceState);
  const [generation, setGeneration] = useState(0);
  const [hydrated, setHydrated] = useState(false);
  const loopRef = useRef<TrainingLoop | null>(null);
  const modelRef = useRef<DemoModel | null>(null);
  const autoPausedRef = useRef(false);
  const buildRef = useRef(build);
  const lostRef = useRef(options.onDeviceLost);
  const deviceRef = useRef<DeviceState>(device);
  const [element, setElement] = useState<HTMLElement | null>(null);
  const presentation = usePresentation();
  // A link with ?present=<id>&autoplay starts training as soon as the model is built.
  const autoplayRef = useRef(presentation.autoplay);

  useEffect(() => {
    buildRef.current = build;
    lostRef.current = options.onDeviceLost;
    deviceRef.current = device;
  });

  // The URL is read once, after hydration (the server render has no URL).
  useEffect(() => {
    const fromUrl = readParams(id, specs, window.location.search) as P;
    paramsRef.current = fromUrl;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is only readable after mount
    setParams(fromUrl);
    setHydrated(true);
  }, [id, specs]);

  useEffect(() => {
    if (!hydrated) return;
    const search = writeParams(id, specs, params, window.location.search);
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, '', url);
    }
  }, [hydrated, id, specs, params]);

  const structuralKey =
    JSON.stringify(structural.map((k) => (params as Record<string, unknown>)[k as string])) + (options.rebuildKey?.(params) ?? '');

  // A rebuilt model starts from step 0: reset the read-outs while rendering, not in an effect.
  const buildKey = `${structuralKey}|${generation}|${runtime.backend}`;
  const [builtKey, setBuiltKey] = useState(buildKey);
  if (builtKey !== buildKey) {
    setBuiltKey(buildKey);
    setFrame({ steps: 0, loss: NaN, stepsPerSecond: 0 });
    setStatus('paused');
    setReason(null);
  }

  // (Re)build the model and its loop. Everything it allocated is disposed on the way out.
  useEffect(() => {
    if (!hydrated) return;
    const model = buildRef.current(paramsRef.current);
    modelRef.current = model;
    const startAt = model.initialSteps ?? 0;
    const loop = new TrainingLoop(
      model,
      {
        onStatus: (s, why) => {
          // A step that failed because the GPU went away is a pause, not a divergence.
          if (s === 'diverged' && deviceLostNow(runtime.tf)) {
            setStatus('paused');
            setReason(null);
            return;
          }
          setStatus(s);
          setReason(why ?? null);
          if (s === 'diverged' || s === 'finished') setAnnouncement(s);
        },
        onFrame: (info) => setFrame(info),
      },
      startAt,
    );
    if (startAt > 0) setFrame({ steps: startAt, loss: NaN, stepsPerSecond: 0 });
    loop.stepsPerFrame = Number(paramsRef.current.speed);
    loop.pace = paramsRef.current.pace as Pace;
    loopRef.current = loop;
    if (autoplayRef.current) {
      autoplayRef.current = false;
      loop.play();
    }
    void Promise.resolve(model.draw({ steps: startAt, loss: NaN, stepsPerSecond: 0 })).catch(() => undefined);
    const hooks = (window.__notesDemos ??= {});
    hooks[id] = {
      steps: (n) => loop.stepOnce(n),
      numTensors: () => runtime.tf.memory().numTensors,
      status: () => loop.state,
      stepCount: () => loop.stepCount,
    };
    return () => {
      loop.dispose();
      model.dispose();
      if (loopRef.current === loop) loopRef.current = null;
      if (modelRef.current === model) modelRef.current = null;
    };
    // structuralKey stands for the structural parameters; generation for a reset.
  }, [hydrated, structuralKey, generation, runtime, id]);

  useEffect(
    () => () => {
      if (window.__notesDemos) delete window.__notesDemos[id];
    },
    [id],
  );

  // The browser took the GPU away: stop stepping, keep what can be kept, tell the reader.
  useEffect(
    () =>
      subscribeDeviceLoss((loss) => {
        if (loss.backend !== runtime.backend) return;
        loopRef.current?.pause();
        const snapshotSteps = lostRef.current?.() ?? null;
        dispatchDevice({ type: 'lost', backend: loss.backend, reason: loss.reason, next: loss.next, snapshotSteps });
        setAnnouncement('lost');
      }),
    [runtime],
  );

  const continueOnNext = useCallback(() => {
    if (device.phase !== 'lost' || device.next === null) return;
    dispatchDevice({ type: 'continue' });
    // Every demo on the page remounts on the new backend; this one's state goes with it.
    void switchBackend(device.next);
  }, [device]);

  const getParams = useCallback(() => paramsRef.current, []);

  const setParam = useCallback((key: keyof (S & typeof commonSpecs), value: number | string | boolean) => {
    const next = { ...paramsRef.current, [key]: value } as P;
    paramsRef.current = next;
    setParams(next);
    if (key === 'speed' && loopRef.current) loopRef.current.stepsPerFrame = Number(value);
    if (key === 'pace' && loopRef.current) loopRef.current.setPace(value as Pace);
  }, []);

  const play = useCallback(() => {
    // Nothing can train on a lost GPU: the reader continues on the next backend instead.
    if (deviceRef.current.phase !== 'ok') return;
    autoPausedRef.current = false;
    setAutoPaused(false);
    loopRef.current?.play();
    if (loopRef.current?.state === 'running') setAnnouncement('running');
  }, []);
  const pause = useCallback(() => {
    loopRef.current?.pause();
    setAnnouncement('paused');
  }, []);
  const toggle = useCallback(() => {
    if (loopRef.current?.state === 'running') pause();
    else play();
  }, [play, pause]);
  const step = useCallback(() => {
    void loopRef.current?.stepOnce(1);
  }, []);
  const reset = useCallback(() => {
    autoPausedRef.current = false;
    setAutoPaused(false);
    setGeneration((g) => g + 1);
    setAnnouncement('reset');
  }, []);
  const redraw = useCallback(() => {
    const loop = loopRef.current;
    const model = modelRef.current;
    if (!loop || !model || loop.state === 'running') return;
    void Promise.resolve(model.draw({ steps: loop.stepCount, loss: NaN, stepsPerSecond: 0 })).catch(() => undefined);
  }, []);

  // Pause when the demo leaves the screen or the tab is hidden; resume where it was.
  useEffect(() => {
    if (!element) return;
    const suspend = () => {
      if (loopRef.current?.state === 'running') {
        loopRef.current.pause();
        autoPausedRef.current = true;
        setAutoPaused(true);
      }
    };
    const resume = () => {
      if (autoPausedRef.current && document.visibilityState === 'visible' && deviceRef.current.phase === 'ok') {
        autoPausedRef.current = false;
        setAutoPaused(false);
        loopRef.current?.play();
      }
    };
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) (e.isIntersecting ? resume : suspend)();
    });
    observer.observe(element);
    const onVisibility = () => (document.visibilityState === 'hidden' ? suspend() : resume());
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [element]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const target = event.target as HTMLElement;
      if (event.key === ' ' && !(target.tagName === 'BUTTON' || target.tagName === 'INPUT' || target.tagName === 'SUMMARY')) {
        event.preventDefault();
        toggle();
      } else if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        step();
      } else if (event.key === 'r' || event.key === 'R') {
        event.preventDefault();
        reset();
      } else if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        presentation.toggle();
      }
    },
    [toggle, step, reset, presentation],
  );

  return {
    params,
    getParams,
    setParam,
    specs,
    status,
    reason,
    frame,
    autoPaused,
    announcement,
    play,
    pause,
    toggle,
    step,
    reset,
    redraw,
    onKeyDown,
    attachRoot: setElement,
    device,
    continueOnNext,
  };
}
