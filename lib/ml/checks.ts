/** Argument checks shared by the models: each throws a RangeError that names the argument. */

export function checkPositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
}

export function checkNonNegative(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and ≥ 0, got ${value}`);
}

export function checkCount(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
}

/** Throws once a model has been disposed; every public method calls it first. */
export function guard(disposed: boolean, what: string): void {
  if (disposed) throw new Error(`the ${what} has been disposed`);
}
