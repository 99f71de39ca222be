'use client';

import { useEffect } from 'react';

/**
 * Keyboard hints (`.keyboard-hint`) are hidden on touch-only devices by CSS; the first key a
 * reader presses (a tablet with a keyboard) marks the document so that they show again.
 */
export function KeyboardHints() {
  useEffect(() => {
    const onKey = () => {
      document.documentElement.dataset.keyboard = 'true';
      window.removeEventListener('keydown', onKey);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
