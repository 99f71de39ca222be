/**
 * The site icon as a data URL: a lecture-hall laptop that goes offline after loading the page
 * must not need to fetch anything, and browsers ask for the icon late (e.g. on full screen).
 */
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d5fc7"/><path d="M5 9c5 0 6 14 11 14s6-14 11-14" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="16" cy="23" r="3" fill="#ffd23f"/></svg>';

export const siteIcon = `data:image/svg+xml,${encodeURIComponent(svg)}`;
