import { describe, expect, it } from 'vitest';
import { halfPrecisionReason, type FloatFlag } from '@/lib/demos/float-precision';

const flags = (set: Partial<Record<FloatFlag, boolean>>) => (name: FloatFlag) =>
  ({ WEBGL_RENDER_FLOAT32_CAPABLE: true, WEBGL_RENDER_FLOAT32_ENABLED: true, WEBGL_FORCE_F16_TEXTURES: false, ...set })[name];

describe('halfPrecisionReason', () => {
  it('accepts WebGL with float32 render targets', () => {
    expect(halfPrecisionReason('webgl', flags({}))).toBeNull();
  });

  it('refuses WebGL without float32 render targets', () => {
    expect(halfPrecisionReason('webgl', flags({ WEBGL_RENDER_FLOAT32_CAPABLE: false }))).toMatch(/half-precision/);
    expect(halfPrecisionReason('webgl', flags({ WEBGL_RENDER_FLOAT32_ENABLED: false }))).toMatch(/half-precision/);
  });

  it('refuses WebGL with float16 textures forced, even where float32 would render', () => {
    expect(halfPrecisionReason('webgl', flags({ WEBGL_FORCE_F16_TEXTURES: true }))).toMatch(/half-precision textures/);
  });

  it('never refuses the backends that compute in float32, whatever the WebGL flags say', () => {
    const bad = flags({ WEBGL_RENDER_FLOAT32_CAPABLE: false, WEBGL_RENDER_FLOAT32_ENABLED: false, WEBGL_FORCE_F16_TEXTURES: true });
    for (const backend of ['webgpu', 'wasm', 'cpu']) expect(halfPrecisionReason(backend, bad)).toBeNull();
  });
});
