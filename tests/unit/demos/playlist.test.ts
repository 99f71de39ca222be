import { describe, expect, it } from 'vitest';
import { playlistFromLink, playlistKeyAction } from '@/lib/demos/playlist';

const at = (over: Partial<Parameters<typeof playlistKeyAction>[1]> = {}) => ({ started: true, modifier: false, arrowsTaken: false, onControl: false, ...over });

describe('playlistKeyAction', () => {
  it('starts the demo on screen with the first playlist key, without moving', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'Enter', ' ']) expect(playlistKeyAction(key, at({ started: false })), key).toBe('start');
  });

  it('moves between demos once started; Enter and Space then belong to the controls', () => {
    expect(playlistKeyAction('ArrowRight', at())).toBe('next');
    expect(playlistKeyAction('PageDown', at())).toBe('next');
    expect(playlistKeyAction('ArrowLeft', at())).toBe('previous');
    expect(playlistKeyAction('PageUp', at())).toBe('previous');
    expect(playlistKeyAction('Enter', at())).toBeNull();
    expect(playlistKeyAction(' ', at())).toBeNull();
  });

  it('leaves other keys, modified keys, a focused control’s Enter/Space and a slider’s arrows alone', () => {
    expect(playlistKeyAction('f', at({ started: false }))).toBeNull();
    expect(playlistKeyAction('Tab', at({ started: false }))).toBeNull();
    expect(playlistKeyAction('ArrowRight', at({ started: false, modifier: true }))).toBeNull();
    expect(playlistKeyAction('Enter', at({ started: false, onControl: true }))).toBeNull();
    expect(playlistKeyAction(' ', at({ started: false, onControl: true }))).toBeNull();
    expect(playlistKeyAction('ArrowRight', at({ arrowsTaken: true }))).toBeNull();
    expect(playlistKeyAction('ArrowLeft', at({ started: false, arrowsTaken: true }))).toBeNull();
    // A clicker's Page keys are never a slider's.
    expect(playlistKeyAction('PageDown', at({ arrowsTaken: true }))).toBe('next');
  });
});

describe('playlistFromLink', () => {
  const week = ['energy-inference', 'latent-ellipse', 'autoencoder'] as const;

  it('keeps the presenter’s order, skipping and reporting unknown ids, dropping repeats and empty entries', () => {
    const link = playlistFromLink('?demos=latent-ellipse,nope,,energy-inference,latent-ellipse, nope ', '', week);
    expect(link.order).toEqual(['latent-ellipse', 'energy-inference']);
    expect(link.skipped).toEqual(['nope']);
    expect(link.opening).toBe('latent-ellipse');
    expect(link.asBuilt).toBe(false);
  });

  it('reports a registered demo that is not in this playlist as skipped too', () => {
    expect(playlistFromLink('?demos=kmeans-energy,autoencoder', '', week)).toMatchObject({ order: ['autoencoder'], skipped: ['kmeans-energy'] });
  });

  it('opens on the #id when it is in the order, else on the first demo', () => {
    expect(playlistFromLink('', '#autoencoder', week)).toMatchObject({ linked: 2, opening: 'autoencoder', asBuilt: false });
    expect(playlistFromLink('?demos=autoencoder,latent-ellipse', '#latent-ellipse', week)).toMatchObject({ linked: 1, opening: 'latent-ellipse' });
    expect(playlistFromLink('?demos=autoencoder', '#latent-ellipse', week)).toMatchObject({ linked: -1, opening: 'autoencoder' });
    expect(playlistFromLink('', '#nope', week)).toMatchObject({ linked: -1, opening: 'energy-inference', asBuilt: true });
  });

  it('is the page as built without a list, with an empty one, or with the week’s own order opening on its first demo', () => {
    for (const [search, hash] of [['', ''], ['?demos=', ''], ['?demos=%20', '#'], ['?autoplay', '#energy-inference'], ['?demos=energy-inference,latent-ellipse,autoencoder', '']]) {
      const link = playlistFromLink(search, hash, week);
      expect(link, `${search}${hash}`).toMatchObject({ order: [...week], skipped: [], opening: 'energy-inference', asBuilt: true });
    }
  });

  it('opens on nothing when no demo of the list is in the playlist', () => {
    expect(playlistFromLink('?demos=nope,other', '#nope', week)).toEqual({ order: [], linked: -1, skipped: ['nope', 'other'], opening: null, asBuilt: false });
  });

  it('reads an encoded list as the address bar gives it', () => {
    expect(playlistFromLink('?demos=autoencoder%2Clatent-ellipse&autoplay', '', week).order).toEqual(['autoencoder', 'latent-ellipse']);
  });
});
