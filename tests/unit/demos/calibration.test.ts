import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_VERSION,
  applyDemotions,
  calibrationCandidates,
  chooseBackend,
  lightDemoOrder,
  measuredSlow,
  medianMs,
  pageProbe,
  parseStore,
  probeKey,
  recall,
  remember,
  type BackendTiming,
  type CalibrationStore,
} from '@/lib/demos/calibration';

const CHROME = 'Mozilla/5.0 Chrome/131';
const FIREFOX = 'Mozilla/5.0 Firefox/133';

describe('chooseBackend', () => {
  it('picks the fastest backend, whatever the preference order says', () => {
    const timings: BackendTiming[] = [
      { backend: 'wasm', msPerStep: 4 },
      { backend: 'webgl', msPerStep: 11 },
    ];
    expect(chooseBackend(timings)?.backend).toBe('wasm');
    expect(chooseBackend([{ backend: 'wasm', msPerStep: 12 }, { backend: 'webgl', msPerStep: 3 }])?.backend).toBe('webgl');
  });

  it('follows the timings: swapping them swaps the choice', () => {
    const a = chooseBackend([{ backend: 'webgpu', msPerStep: 20 }, { backend: 'webgl', msPerStep: 8 }, { backend: 'wasm', msPerStep: 9 }]);
    const b = chooseBackend([{ backend: 'webgpu', msPerStep: 20 }, { backend: 'webgl', msPerStep: 9 * 1.2 }, { backend: 'wasm', msPerStep: 8 }]);
    expect(a?.backend).toBe('webgl');
    expect(b?.backend).toBe('wasm');
  });

  it('a tie (within 5 %) goes to the usual preference order', () => {
    expect(chooseBackend([{ backend: 'wasm', msPerStep: 10 }, { backend: 'webgl', msPerStep: 10.3 }])?.backend).toBe('webgl');
    expect(chooseBackend([{ backend: 'wasm', msPerStep: 10 }, { backend: 'webgl', msPerStep: 10 }])?.backend).toBe('webgl');
    expect(chooseBackend([{ backend: 'wasm', msPerStep: 10 }, { backend: 'webgl', msPerStep: 10.6 }])?.backend).toBe('wasm');
  });

  it('excludes a backend that failed to start or errored while stepping, keeping its reason', () => {
    const timings: BackendTiming[] = [
      { backend: 'wasm', msPerStep: 40 },
      { backend: 'webgl', error: 'the WebGL context was lost' },
      { backend: 'webgpu', error: 'no adapter' },
    ];
    const decision = chooseBackend(timings);
    expect(decision?.backend).toBe('wasm');
    expect(decision?.timings).toContainEqual({ backend: 'webgl', error: 'the WebGL context was lost' });
  });

  it('ignores a timing that is not a number, and gives null when nothing was timed', () => {
    expect(chooseBackend([{ backend: 'webgl', msPerStep: NaN }, { backend: 'wasm', msPerStep: 30 }])?.backend).toBe('wasm');
    expect(chooseBackend([{ backend: 'webgl', error: 'x' }])).toBeNull();
    expect(chooseBackend([])).toBeNull();
  });
});

describe('medianMs', () => {
  it('is robust to one slow step', () => {
    expect(medianMs([5, 5, 90, 5, 6])).toBe(5);
    expect(medianMs([4, 6])).toBe(5);
    expect(() => medianMs([])).toThrow(RangeError);
  });
});

describe('calibrationCandidates', () => {
  it('times the page-thread backends first and leaves cpu out where wasm exists', () => {
    expect(calibrationCandidates(['webgpu', 'webgl', 'wasm', 'cpu'])).toEqual(['wasm', 'webgpu', 'webgl']);
    expect(calibrationCandidates(['webgl', 'cpu'])).toEqual(['cpu', 'webgl']);
  });
});

describe('pageProbe', () => {
  it('is null on a page of light demos', () => {
    expect(pageProbe(['latent-ellipse', 'energy-inference'], '')).toBeNull();
  });

  it('takes the heaviest MNIST model on the page, sizes from the URL or the demo defaults', () => {
    expect(pageProbe(['autoencoder', 'ae-interpolation'], '')).toEqual({ hidden: 30, batch: 256 });
    expect(pageProbe(['autoencoder', 'denoising-autoencoder'], '')).toEqual({ hidden: 500, batch: 256 });
    expect(pageProbe(['autoencoder', 'denoising-autoencoder'], '?denoising-autoencoder.hidden=64&autoencoder.hidden=200&autoencoder.batch=128')).toEqual({ hidden: 200, batch: 128 });
    expect(pageProbe(['autoencoder'], '?autoencoder.hidden=abc&autoencoder.batch=0')).toEqual({ hidden: 30, batch: 256 });
  });
});

describe('the remembered choices', () => {
  const decision = { backend: 'wasm' as const, timings: [{ backend: 'wasm' as const, msPerStep: 4 }, { backend: 'webgl' as const, msPerStep: 11 }] };

  it('round-trip through their stored text, one per model size and browser', () => {
    const key30 = probeKey({ hidden: 30, batch: 256 });
    const key500 = probeKey({ hidden: 500, batch: 256 });
    expect(key30).not.toBe(key500);
    const store = remember({}, key30, CHROME, decision, 1000);
    const read = parseStore(JSON.stringify(store));
    expect(recall(read, key30, CHROME)).toEqual({ version: CALIBRATION_VERSION, browser: CHROME, backend: 'wasm', timings: decision.timings, measuredAt: 1000 });
    expect(recall(read, key500, CHROME)).toBeNull();
    expect(recall(read, key30, FIREFOX)).toBeNull();
  });

  it('ignore unreadable text, a record of another version, and a damaged record (alone)', () => {
    expect(parseStore(null)).toEqual({});
    expect(parseStore('{not json')).toEqual({});
    expect(parseStore('[1,2]')).toEqual({});
    const good = remember({}, 'a', CHROME, decision, 1)['a'];
    const text = JSON.stringify({
      a: good,
      old: { ...good, version: CALIBRATION_VERSION + 1 },
      badBackend: { ...good, backend: 'metal' },
      badTiming: { ...good, timings: [{ backend: 'wasm', msPerStep: -1 }] },
      missing: { version: CALIBRATION_VERSION },
    });
    expect(Object.keys(parseStore(text))).toEqual(['a']);
  });
});

describe('light demos', () => {
  const ORDER = ['webgl', 'wasm', 'cpu'] as const;
  const slowWebGl: CalibrationStore = remember({}, 'k', CHROME, { backend: 'wasm', timings: [{ backend: 'wasm', msPerStep: 4 }, { backend: 'webgl', msPerStep: 11 }] }, 1);

  it('put a backend a heavy demo measured slower in this browser behind the one that beat it', () => {
    expect(measuredSlow(slowWebGl, CHROME)).toEqual([{ slower: 'webgl', than: 'wasm' }]);
    expect(lightDemoOrder(ORDER, slowWebGl, CHROME, () => [])).toEqual(['wasm', 'webgl', 'cpu']);
    expect(lightDemoOrder(['webgpu', 'webgl', 'wasm', 'cpu'], slowWebGl, CHROME, () => [])).toEqual(['webgpu', 'wasm', 'webgl', 'cpu']);
  });

  it('trust a measurement over the presumption, and use the presumption only where nothing was measured', () => {
    const fastWebGl = remember({}, 'k', CHROME, { backend: 'webgl', timings: [{ backend: 'wasm', msPerStep: 9 }, { backend: 'webgl', msPerStep: 3 }] }, 1);
    let asked = 0;
    const presume = () => {
      asked += 1;
      return [{ slower: 'webgl', than: 'wasm' }] as const;
    };
    expect(lightDemoOrder(ORDER, fastWebGl, CHROME, presume)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(asked).toBe(0);
    expect(lightDemoOrder(ORDER, fastWebGl, FIREFOX, presume)).toEqual(['wasm', 'webgl', 'cpu']);
    expect(asked).toBe(1);
    expect(lightDemoOrder(ORDER, {}, CHROME, () => [])).toEqual([...ORDER]);
  });

  it('a failed backend in a record is not "measured slow", and a demotion of a missing backend changes nothing', () => {
    const failed = remember({}, 'k', CHROME, { backend: 'wasm', timings: [{ backend: 'wasm', msPerStep: 4 }, { backend: 'webgl', error: 'x' }] }, 1);
    expect(measuredSlow(failed, CHROME)).toEqual([]);
    expect(applyDemotions(['wasm', 'cpu'], [{ slower: 'webgl', than: 'wasm' }])).toEqual(['wasm', 'cpu']);
    expect(applyDemotions(['wasm', 'webgl'], [{ slower: 'webgl', than: 'wasm' }])).toEqual(['wasm', 'webgl']);
  });
});
