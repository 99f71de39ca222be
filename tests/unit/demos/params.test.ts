import { describe, expect, it } from 'vitest';
import { backendOrder } from '@/lib/demos/backends';
import { decodePoints, defaultValues, encodePoints, readExtra, readParams, writeExtra, writeParams, type ParamSpecs } from '@/lib/demos/params';

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
  const { playlistFromLink } = await import('@/lib/demos/playlist');
  const available = ['energy-inference', 'latent-ellipse', 'autoencoder'] as const;
  const order = (search: string) => playlistFromLink(search, '', available).order;

  it('defaults to every available demo in page order', () => {
    expect(order('')).toEqual([...available]);
    expect(order('?demos=')).toEqual([...available]);
  });

  it("follows the presenter's order, skipping unknown, unavailable and repeated ids", () => {
    expect(order('?demos=autoencoder, energy-inference,nope,kmeans-energy,autoencoder')).toEqual(['autoencoder', 'energy-inference']);
  });
});

describe('extra demo state in the URL', () => {
  it('writes and removes a namespaced key, leaving parameters and other demos alone', () => {
    const search = writeExtra('masked-tokens', 'text', 'le ch_t dort', '?masked-tokens.seed=3&backend=wasm');
    expect(readExtra('masked-tokens', 'text', search)).toBe('le ch_t dort');
    expect(readParams('masked-tokens', { seed: { kind: 'int', default: 1, min: 1, max: 9 } }, search).seed).toBe(3);
    const removed = writeExtra('masked-tokens', 'text', null, search);
    expect(readExtra('masked-tokens', 'text', removed)).toBeNull();
    expect(removed).toBe('?masked-tokens.seed=3&backend=wasm');
    expect(writeExtra('d', 'x', null, '')).toBe('');
  });

  it('round-trips clicked points at a hundredth, and drops malformed or out-of-box pairs', () => {
    const box = { x: [-3, 3], y: [-3, 3] } as const;
    const text = encodePoints([0.123, -1.987, 2, 0, -2.999, 2.5]);
    expect(text).toBe('0.12,-1.99_2,0_-3,2.5');
    expect(decodePoints(text, box, 10)).toEqual([0.12, -1.99, 2, 0, -3, 2.5]);
    // Survives the query string's own encoding.
    const search = writeExtra('kmeans-energy', 'points', text, '');
    expect(decodePoints(readExtra('kmeans-energy', 'points', search)!, box, 10)).toEqual([0.12, -1.99, 2, 0, -3, 2.5]);
    expect(decodePoints('1,1_nope_4,0_1,1,1_,2_-0.5,0.25', box, 10)).toEqual([1, 1, -0.5, 0.25]);
    expect(decodePoints('1,1_2,2_0,0', box, 2)).toEqual([1, 1, 2, 2]);
    expect(decodePoints('', box, 5)).toEqual([]);
  });
});
