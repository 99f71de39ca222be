/**
 * Runs before the first paint (inline in <head>) so a reader who chose a theme never sees a
 * flash of the other one. Without a stored choice the page follows the system.
 */
export const THEME_STORAGE_KEY = 'week07-theme';

export const themeInitScript = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark'){document.documentElement.dataset.theme=t;}}catch(e){}})();`;
