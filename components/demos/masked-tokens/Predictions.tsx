'use client';

import type { MaskedPrediction } from '@/lib/ml/part-b/masked-chars';
import { fill } from '@/lib/i18n/template';
import styles from './masked.module.css';

interface PredictionsStrings {
  positionCaption: string;
  character: string;
  probability: string;
  space: string;
}

interface PredictionsProps {
  text: string;
  predictions: readonly MaskedPrediction[];
  /** Characters shown on each side of a gap in its caption. */
  context: number;
  lang: string;
  strings: PredictionsStrings;
}

/** A space is invisible in a cell; the open-box glyph shows it and the name reads it out. */
function CharCell({ char, spaceName }: { char: string; spaceName: string }) {
  if (char !== ' ') return <span className={styles.char}>{char}</span>;
  return (
    <span className={styles.char}>
      <span aria-hidden="true">␣</span>
      <span className="visually-hidden">{spaceName}</span>
    </span>
  );
}

/** One small table per masked position: the five most likely characters and their probabilities. */
export function Predictions({ text, predictions, context, lang, strings }: PredictionsProps) {
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <div className={styles.gaps}>
      {predictions.map((gap, n) => {
        const before = text.slice(Math.max(0, gap.position - context), gap.position);
        const after = text.slice(gap.position + 1, gap.position + 1 + context);
        return (
          <table key={gap.position} className={styles.gap} data-gap={n}>
            <caption>
              <span>{fill(strings.positionCaption, { n: n + 1, total: predictions.length, position: gap.position + 1 })}</span>
              <span className={styles.snippet}>{`…${before}_${after}…`}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{strings.character}</th>
                <th scope="col">{strings.probability}</th>
              </tr>
            </thead>
            <tbody>
              {gap.top.map((guess) => (
                <tr key={guess.char}>
                  <td>
                    <CharCell char={guess.char} spaceName={strings.space} />
                  </td>
                  <td>
                    <span className={styles.probability}>
                      <span className={styles.barTrack} aria-hidden="true">
                        <span className={styles.bar} style={{ width: `${(100 * guess.p).toFixed(1)}%` }} />
                      </span>
                      <span className={styles.value}>{percent.format(guess.p)}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
