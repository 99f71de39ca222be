/**
 * Every problem found in a content file is reported as `file:line: field: what is wrong`, so a
 * contributor who only knows Markdown can go straight to the line that needs fixing.
 */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line ?? 1}: ${field}: ${problem}`);
    this.name = 'ContentError';
  }
}

/** Several problems at once: a contributor fixes them in one pass instead of one per build. */
export class ContentErrors extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ContentErrors';
  }
}

export function throwIfAny(errors: readonly ContentError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ContentErrors(errors);
}
