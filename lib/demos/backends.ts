/** tfjs backends in order of preference: fastest first, the always-available cpu last. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(name: string | null | undefined): name is BackendName {
  return !!name && (BACKENDS as readonly string[]).includes(name);
}

/**
 * The order in which to try backends: a requested one first, then the usual preference.
 * WebGPU is tried only where the browser exposes it (its module throws elsewhere).
 */
export function backendOrder(requested: string | null | undefined, capabilities: { webgpu: boolean }): BackendName[] {
  const available = BACKENDS.filter((b) => b !== 'webgpu' || capabilities.webgpu);
  if (!isBackendName(requested) || !available.includes(requested)) return available;
  return [requested, ...available.filter((b) => b !== requested)];
}
