'use client';

import { useId } from 'react';
import type { ParamSpec } from '@/lib/demos/params';
import { formatNumber } from '@/lib/i18n/format';

interface ParamControlProps {
  spec: ParamSpec;
  label: string;
  value: number | string | boolean;
  onChange: (value: number | string | boolean) => void;
  /** Text for each enum option (defaults to the option itself). */
  optionLabels?: Record<string, string>;
  format?: (value: number) => string;
  disabled?: boolean;
  /** A number field instead of a slider (for values such as a seed, where every value is as good). */
  numberInput?: boolean;
}

/** A labelled control for one parameter; log-scaled numbers move by decades on the slider. */
export function ParamControl({ spec, label, value, onChange, optionLabels, format, disabled, numberInput }: ParamControlProps) {
  const id = useId();
  if (spec.kind === 'bool') {
    return (
      <label className="param param-bool" htmlFor={id}>
        <input id={id} type="checkbox" checked={Boolean(value)} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
    );
  }
  if (spec.kind === 'enum') {
    return (
      <div className="param param-enum">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={String(value)} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {optionLabels?.[o] ?? o}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const numeric = Number(value);
  if (numberInput) {
    return (
      <div className="param param-number">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="number"
          min={spec.min}
          max={spec.max}
          step={spec.kind === 'int' ? (spec.step ?? 1) : spec.step}
          value={numeric}
          disabled={disabled}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(v)) onChange(Math.min(spec.max, Math.max(spec.min, spec.kind === 'int' ? Math.round(v) : v)));
          }}
        />
      </div>
    );
  }
  const log = spec.kind === 'number' && spec.scale === 'log';
  const toSlider = (v: number) => (log ? Math.log10(v) : v);
  const fromSlider = (s: number) => (log ? Number((10 ** s).toPrecision(3)) : s);
  const min = toSlider(spec.min);
  const max = toSlider(spec.max);
  const step = log ? 0.01 : spec.kind === 'int' ? (spec.step ?? 1) : spec.step;
  // Demos render in the browser only, so the page's language is at hand.
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en';
  const shown = format ? format(numeric) : formatNumber(lang, numeric, spec.kind === 'int' ? 21 : 4, { zeroBelow: 0 });
  return (
    <div className="param param-range">
      <label htmlFor={id}>
        {label} <output htmlFor={id}>{shown}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={toSlider(numeric)}
        disabled={disabled}
        aria-valuetext={shown}
        onChange={(e) => onChange(fromSlider(Number(e.target.value)))}
      />
    </div>
  );
}
