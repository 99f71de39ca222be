/**
 * Names that builds before the site configuration wrote into readers' browsers. They are read
 * once, to move what a reader saved (a trained model, a theme) to today's names, and never
 * written again.
 */
export const legacyNames = {
  /** IndexedDB database of saved models (one object store, below). */
  database: 'week07-notes',
  store: 'models',
  /** localStorage key of the chosen colour theme. */
  themeKey: 'week07-theme',
  /** `format` field of a saved model record. */
  modelFormat: 'week07-autoencoder',
} as const;
