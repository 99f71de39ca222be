/**
 * Whether a backend would train in half precision. A WebGL context whose render targets hold
 * only 16-bit floats (no float32 colour buffers), or tfjs told to use 16-bit textures, computes
 * every intermediate in half precision: an autoencoder's losses stall or turn to NaN without an
 * error. Such a backend is refused so that the next one (wasm, in float32) is used instead.
 * WebGPU and the CPU-side backends compute in float32.
 */

/** The tfjs-backend-webgl flags the rule reads. */
export const FLOAT_FLAGS = ['WEBGL_RENDER_FLOAT32_CAPABLE', 'WEBGL_RENDER_FLOAT32_ENABLED', 'WEBGL_FORCE_F16_TEXTURES'] as const;
export type FloatFlag = (typeof FLOAT_FLAGS)[number];

/**
 * The reason `backend` would compute in half precision, for the reader, or null when it
 * computes in float32. `flag` reads a tfjs environment flag (`tf.env().getBool`).
 */
export function halfPrecisionReason(backend: string, flag: (name: FloatFlag) => boolean): string | null {
  if (backend !== 'webgl') return null;
  if (flag('WEBGL_FORCE_F16_TEXTURES')) return 'WebGL is set to half-precision textures';
  if (!flag('WEBGL_RENDER_FLOAT32_CAPABLE') || !flag('WEBGL_RENDER_FLOAT32_ENABLED')) return 'this GPU renders only half-precision floats';
  return null;
}
