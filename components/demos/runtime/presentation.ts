'use client';

import { createContext, useContext } from 'react';

export interface Presentation {
  /** True while the demo fills the screen in the lecture-hall palette. */
  presenting: boolean;
  toggle(): void;
  /** Start training as soon as the demo is ready (a prepared link, or a playlist). */
  autoplay: boolean;
}

export const PresentationContext = createContext<Presentation>({ presenting: false, toggle: () => undefined, autoplay: false });

export function usePresentation(): Presentation {
  return useContext(PresentationContext);
}
