import { storageKey } from '@/lib/site/config';
import { legacyNames } from '@/lib/site/legacy-names';

/**
 * Runs before the first paint (inline in <head>) so a reader who chose a theme never sees a
 * flash of the other one. Without a stored choice the page follows the system. A choice stored
 * under the key of builds before the site configuration is moved to today's key.
 */
export const THEME_STORAGE_KEY = storageKey('theme');

/** Fired on window when the reader toggles the theme (the storage event fires only in other tabs). */
export const THEME_CHANGE_EVENT = storageKey('themechange');

export const themeInitScript = `(function(){try{var s=localStorage,k=${JSON.stringify(THEME_STORAGE_KEY)},o=${JSON.stringify(legacyNames.themeKey)},t=s.getItem(k);if(t===null&&(t=s.getItem(o))!==null){s.setItem(k,t);s.removeItem(o);}if(t==='light'||t==='dark'){document.documentElement.dataset.theme=t;}}catch(e){}})();`;
