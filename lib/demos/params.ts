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
