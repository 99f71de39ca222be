/** A front-matter date (YYYY-MM-DD) written the way readers of `lang` expect. */
export function formatDate(lang: string, isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export interface NumberFormatOptions {
  /**
   * Magnitudes below this print as "≈ 0": the demos compute in float32, whose rounding noise
   * makes a 1e-12 as meaningless as a 0. Default 1e-9.
   */
  zeroBelow?: number;
  /** Magnitudes below this (and at least zeroBelow) print in scientific notation. Default 1e-3. */
  scientificBelow?: number;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: string, digits: number, scientific: boolean): Intl.NumberFormat {
  const key = `${lang}|${digits}|${scientific}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumSignificantDigits: digits, ...(scientific ? { notation: 'scientific' as const } : {}) });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A live read-out's number, for reading in the reader's language: at most `digits` significant
 * digits with the locale's separators; tiny magnitudes in scientific notation written
 * "1.92 × 10⁻⁵" (never a run of zeros), and noise-level ones as "≈ 0"; "—" for a value that
 * is not a number yet, "∞" for an infinite one. Every demo's read-outs use this.
 */
export function formatNumber(lang: string, value: number, digits = 3, options: NumberFormatOptions = {}): string {
  const { zeroBelow = 1e-9, scientificBelow = 1e-3 } = options;
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return formatter(lang, 1, false).format(value);
  const magnitude = Math.abs(value);
  if (magnitude === 0) return formatter(lang, digits, false).format(0);
  if (magnitude < zeroBelow) return '≈ 0';
  if (magnitude >= scientificBelow) return formatter(lang, digits, false).format(value);
  let mantissa = '';
  let exponent = '';
  for (const part of formatter(lang, digits, true).formatToParts(value)) {
    if (part.type === 'exponentSeparator') continue;
    if (part.type === 'exponentMinusSign' || part.type === 'exponentInteger') exponent += part.value;
    else mantissa += part.value;
  }
  const sup = [...exponent].map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `${mantissa} × 10${sup}`;
}
