import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, themeInitScript } from '@/components/site/theme-script';

/** Runs the inline head script against a stand-in localStorage and <html> element. */
function run(stored: Record<string, string>): { theme: string | undefined; stored: Record<string, string> } {
  const store = new Map(Object.entries(stored));
  const localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  const document = { documentElement: { dataset: {} as Record<string, string> } };
  new Function('localStorage', 'document', themeInitScript)(localStorage, document);
  return { theme: document.documentElement.dataset.theme, stored: Object.fromEntries(store) };
}

describe('the theme set before first paint', () => {
  it('applies the stored choice and follows the system without one', () => {
    expect(run({ [THEME_STORAGE_KEY]: 'dark' }).theme).toBe('dark');
    expect(run({}).theme).toBeUndefined();
    expect(run({ [THEME_STORAGE_KEY]: 'purple' }).theme).toBeUndefined();
  });

  it('moves a choice stored by the old build to today’s key', () => {
    const after = run({ 'week07-theme': 'dark' });
    expect(after.theme).toBe('dark');
    expect(after.stored).toEqual({ [THEME_STORAGE_KEY]: 'dark' });
  });

  it('prefers today’s key when both exist', () => {
    expect(run({ 'week07-theme': 'dark', [THEME_STORAGE_KEY]: 'light' }).theme).toBe('light');
  });
});
