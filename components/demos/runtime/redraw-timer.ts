'use client';

declare global {
  interface Window {
    /** Bench hook: full redraw durations (ms) per demo, from model evaluation to painted canvas. */
    __notesRedraws?: Record<string, number[]>;
  }
}

/**
 * Times a redraw from the start of the model's grid evaluation to the moment the plot has
 * painted it, isolines included. Keeps the last few hundred samples for the bench.
 */
export function createRedrawTimer(id: string) {
  const pending = new Map<number, number>();
  return {
    start(version: number) {
      pending.set(version, performance.now());
    },
    painted(version: number) {
      const start = pending.get(version);
      if (start === undefined) return;
      pending.clear();
      const samples = ((window.__notesRedraws ??= {})[id] ??= []);
      samples.push(performance.now() - start);
      if (samples.length > 500) samples.splice(0, samples.length - 500);
    },
  };
}
