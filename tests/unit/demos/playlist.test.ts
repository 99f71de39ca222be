import { describe, expect, it } from 'vitest';
import { playlistKeyAction, playlistOrder } from '@/lib/demos/playlist';

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

describe('playlistOrder', () => {
  it('keeps the presenter’s order, skipping unknown and repeated ids', () => {
    expect(playlistOrder('latent-ellipse,nope,energy-inference,latent-ellipse', ['energy-inference', 'latent-ellipse'])).toEqual(['latent-ellipse', 'energy-inference']);
    expect(playlistOrder(null, ['energy-inference', 'latent-ellipse'])).toEqual(['energy-inference', 'latent-ellipse']);
  });
});
