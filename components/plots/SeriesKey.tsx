import styles from './SeriesKey.module.css';

export interface SeriesKeyEntry {
  label: string;
  /** Any CSS colour. */
  colour: string;
  /** SVG stroke-dasharray of the series' line; solid when omitted. */
  dash?: string;
}

export interface SeriesKeyProps {
  entries: readonly SeriesKeyEntry[];
  /** Accessible name of the list. */
  label: string;
}

/**
 * The key of a line chart: one sample of each series' stroke (colour and dash) next to its name.
 * A list, not a picture: each name is text a screen reader reads in order.
 */
export function SeriesKey({ entries, label }: SeriesKeyProps) {
  return (
    <ul className={styles.key} aria-label={label}>
      {entries.map((s, k) => (
        <li key={k} className={styles.item}>
          <svg className={styles.swatch} width="28" height="10" aria-hidden="true" focusable="false">
            <line x1="1" x2="27" y1="5" y2="5" style={{ stroke: s.colour }} strokeDasharray={s.dash} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
