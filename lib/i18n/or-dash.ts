import { formatNumber } from './format';

/** What a read-out shows while its figure is unknown (not computed yet, or not finite). */
export const NO_VALUE = '—';

/** `formatNumber` for finite values, a dash otherwise: a read-out never shows "NaN". */
export function formatOrDash(lang: string, value: number, digits = 3): string {
  return Number.isFinite(value) ? formatNumber(lang, value, digits) : NO_VALUE;
}
