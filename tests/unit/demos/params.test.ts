import { describe, expect, it } from 'vitest';
import { backendOrder } from '@/lib/demos/backends';
import { defaultValues, readParams, writeParams, type ParamSpecs } from '@/lib/demos/params';

const specs = {
  beta: { kind: 'number', default: 1, min: 0.01, max: 100, step: 0.01, scale: 'log' },
  steps: { kind: 'int', default: 50, min: 1, max: 500 },
  view: { kind: 'enum', default: 'free', options: ['free', 'soft', 'gibbs'] },
  noise: { kind: 'bool', default: false },
} as const satisfies ParamSpecs;

describe('demo parameters in the URL', () => {
  it('round-trips every kind of value, namespaced by demo', () => {
    const values = { beta: 12.5, steps: 200, view: 'gibbs', noise: true };
    const search = writeParams('latent-ellipse', specs, values, '?backend=wasm&other.x=1');
    expect(search).toContain('latent-ellipse.beta=12.5');
    expect(search).toContain('backend=wasm');
    expect(search).toContain('other.x=1');
    expect(readParams('latent-ellipse', specs, search)).toEqual(values);
    expect(readParams('another-demo', specs, search)).toEqual(defaultValues(specs));
  });

  it('leaves defaults out of the link', () => {
    expect(writeParams('d', specs, defaultValues(specs), '')).toBe('');
  });

  it('clamps, rounds and rejects bad values instead of failing', () => {
    const read = readParams('d', specs, '?d.beta=1e9&d.steps=12.7&d.view=nope&d.noise=maybe');
    expect(read).toEqual({ beta: 100, steps: 13, view: 'free', noise: false });
    expect(readParams('d', specs, '?d.beta=NaN&d.steps=').beta).toBe(1);
  });
});

describe('backend order', () => {
  it('prefers webgpu where it exists, then webgl, wasm, cpu', () => {
    expect(backendOrder(null, { webgpu: true })).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder(null, { webgpu: false })).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('tries a requested backend first and falls back on the others', () => {
    expect(backendOrder('wasm', { webgpu: false })).toEqual(['wasm', 'webgl', 'cpu']);
    expect(backendOrder('webgpu', { webgpu: false })).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('bogus', { webgpu: false })).toEqual(['webgl', 'wasm', 'cpu']);
  });
});

describe('lecture playlist order', async () => {
  const { playlistOrder } = await import('@/lib/demos/playlist');
  const available = ['energy-inference', 'latent-ellipse', 'autoencoder'] as const;

  it('defaults to every available demo in page order', () => {
    expect(playlistOrder(null, [...available])).toEqual([...available]);
    expect(playlistOrder('', [...available])).toEqual([...available]);
  });

  it("follows the presenter's order, skipping unknown, unavailable and repeated ids", () => {
    expect(playlistOrder('autoencoder, energy-inference,nope,kmeans-energy,autoencoder', [...available])).toEqual([
      'autoencoder',
      'energy-inference',
    ]);
  });
});
