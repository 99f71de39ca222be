import type { Box } from '../ml/grid';

/**
 * A demo declares its parameters once; the same declaration drives the controls it renders,
 * the URL it writes (so a link reproduces the demo) and the validation of a URL it reads.
 */
export type ParamSpec =
  | { kind: 'number'; default: number; min: number; max: number; step: number; scale?: 'linear' | 'log' }
  | { kind: 'int'; default: number; min: number; max: number; step?: number }
  | { kind: 'enum'; default: string; options: readonly string[] }
  | { kind: 'bool'; default: boolean };

export type ParamSpecs = Record<string, ParamSpec>;

export type ParamValues<S extends ParamSpecs> = {
  [K in keyof S]: S[K] extends { kind: 'enum' } ? string : S[K] extends { kind: 'bool' } ? boolean : number;
};

export function defaultValues<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = spec.default;
  return out as ParamValues<S>;
}

/** Reads one value from URL text; anything invalid yields undefined (the default is kept). */
export function parseParam(spec: ParamSpec, text: string): number | string | boolean | undefined {
  switch (spec.kind) {
    case 'number':
    case 'int': {
      if (text.trim() === '') return undefined;
      const value = Number(text);
      if (!Number.isFinite(value)) return undefined;
      const clamped = Math.min(spec.max, Math.max(spec.min, value));
      return spec.kind === 'int' ? Math.round(clamped) : clamped;
    }
    case 'enum':
      return spec.options.includes(text) ? text : undefined;
    case 'bool':
      return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined;
  }
}

export function formatParam(spec: ParamSpec, value: number | string | boolean): string {
  if (spec.kind === 'bool') return value ? '1' : '0';
  if (typeof value === 'number') return String(Number(value.toPrecision(6)));
  return String(value);
}

/** Keys are namespaced as `<demo-id>.<param>` so several demos share one page URL. */
export function readParams<S extends ParamSpecs>(id: string, specs: S, search: string): ParamValues<S> {
  const query = new URLSearchParams(search);
  const values = defaultValues(specs) as Record<string, unknown>;
  for (const [key, spec] of Object.entries(specs)) {
    const text = query.get(`${id}.${key}`);
    if (text === null) continue;
    const value = parseParam(spec, text);
    if (value !== undefined) values[key] = value;
  }
  return values as ParamValues<S>;
}

/**
 * Writes a demo's parameters into a query string, leaving other demos' keys alone. Values at
 * their default are left out so that links stay short.
 */
export function writeParams<S extends ParamSpecs>(id: string, specs: S, values: ParamValues<S>, search: string): string {
  const query = new URLSearchParams(search);
  for (const [key, spec] of Object.entries(specs)) {
    const value = (values as Record<string, number | string | boolean>)[key];
    const name = `${id}.${key}`;
    if (value === spec.default) query.delete(name);
    else query.set(name, formatParam(spec, value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * State that is not a parameter spec but belongs in a prepared link (a typed sentence, points
 * clicked in): one more key in the demo's namespace. `null` removes the key.
 */
export function readExtra(id: string, key: string, search: string): string | null {
  return new URLSearchParams(search).get(`${id}.${key}`);
}

export function writeExtra(id: string, key: string, value: string | null, search: string): string {
  const query = new URLSearchParams(search);
  if (value === null) query.delete(`${id}.${key}`);
  else query.set(`${id}.${key}`, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * 2-D points as short URL text: "x,y" pairs joined by "_", rounded to `digits` decimals
 * (a hundredth of a unit is finer than a click on the plot can aim).
 */
export function encodePoints(flat: ArrayLike<number>, digits = 2): string {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push(`${Number(flat[i].toFixed(digits))},${Number(flat[i + 1].toFixed(digits))}`);
  return pairs.join('_');
}

/**
 * Reads encodePoints' text back as a flat [x0, y0, x1, y1, …], keeping only well-formed pairs
 * inside the box and at most `max` of them: a hand-edited link cannot break the demo.
 */
export function decodePoints(text: string, box: Box, max: number): number[] {
  const out: number[] = [];
  for (const pair of text.split('_')) {
    if (out.length / 2 >= max) break;
    const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(pair.trim());
    if (!m) continue;
    const x = Number(m[1]);
    const y = Number(m[2]);
    if (x < box.x[0] || x > box.x[1] || y < box.y[0] || y > box.y[1]) continue;
    out.push(x, y);
  }
  return out;
}
