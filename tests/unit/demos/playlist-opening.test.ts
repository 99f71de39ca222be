import { describe, expect, it } from 'vitest';
import { playlistFromLink } from '@/lib/demos/playlist';
import { OPENING_ATTRIBUTE, playlistOpeningScript, playlistOpeningStyle } from '@/lib/demos/playlist-opening';

const week = ['energy-inference', 'latent-ellipse', 'dae-energy', 'autoencoder'];

/**
 * Runs the inline script as the browser does, in a scope that has only what a page has (a
 * function's source text loses its module: an import it used would be missing here too).
 */
function run(search: string, hash: string): { opening: string | undefined } {
  const attributes = new Map<string, string>();
  const documentElement = { setAttribute: (name: string, value: string) => void attributes.set(name, value) };
  new Function('location', 'document', playlistOpeningScript(week))({ search, hash }, { documentElement });
  return { opening: attributes.get(OPENING_ATTRIBUTE) };
}

describe('the playlist’s opening demo, marked before the first paint', () => {
  it('marks the demo a link opens on, by the playlist’s own rules', () => {
    expect(run('?demos=dae-energy,autoencoder', '').opening).toBe('dae-energy');
    expect(run('?demos=dae-energy,autoencoder', '#autoencoder').opening).toBe('autoencoder');
    expect(run('', '#autoencoder').opening).toBe('autoencoder');
    expect(run('?demos=no-such-demo,latent-ellipse', '').opening).toBe('latent-ellipse');
    for (const [search, hash] of [
      ['?demos=dae-energy,autoencoder', ''],
      ['?demos=autoencoder,dae-energy', '#dae-energy'],
      ['', '#latent-ellipse'],
      ['?demos=latent-ellipse,nope', '#nope'],
    ]) {
      expect(run(search, hash).opening, `${search}${hash}`).toBe(playlistFromLink(search, hash, week).opening);
    }
  });

  it('leaves the page as built when the link asks for it', () => {
    expect(run('', '').opening).toBeUndefined();
    expect(run('?autoplay', '#energy-inference').opening).toBeUndefined();
    expect(run('?demos=energy-inference,latent-ellipse,dae-energy,autoencoder', '').opening).toBeUndefined();
  });

  it('marks no demo at all when none of the link’s is in the playlist', () => {
    expect(run('?demos=nope', '').opening).toBe('');
  });

  it('stays small', () => {
    expect(playlistOpeningScript(week).length).toBeLessThan(1500);
  });
});

describe('the style that honours the mark until React renders', () => {
  const style = playlistOpeningStyle(week);

  it('shows each demo’s own title and question when the link opens on it', () => {
    for (const id of week) expect(style).toContain(`html[${OPENING_ATTRIBUTE}="${id}"] .playlist:not([data-hydrated]) [data-playlist-for="${id}"]{display:inline}`);
  });

  it('sets lecture-hall type on the page, and otherwise applies only while the page is marked and the playlist not yet hydrated', () => {
    const [type, ...rules] = style.split('\n');
    expect(type).toBe('html:root{font-size:var(--lecture-type)}');
    for (const rule of rules) expect(rule).toMatch(new RegExp(`^html\\[${OPENING_ATTRIBUTE}(="[^"]*")?\\] \\.playlist:not\\(\\[data-hydrated\\]\\)`));
  });
});
