/** A front-matter date (YYYY-MM-DD) written the way readers of `lang` expect. */
export function formatDate(lang: string, isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatNumber(lang: string, value: number, digits = 3): string {
  return new Intl.NumberFormat(lang, { maximumSignificantDigits: digits }).format(value);
}
