/**
 * A training curve with several series sampled at the same steps. Its length is bounded: past
 * `max` points it keeps every other point and from then on records one frame in two, so a run
 * of any length costs the same to copy into React state and to draw, and still spans the run.
 */
export class Curves {
  xs: number[] = [];
  ys: number[][];
  private stride = 1;
  private skipped = 0;

  constructor(
    series: number,
    private readonly max = 800,
  ) {
    this.ys = Array.from({ length: series }, () => []);
  }

  push(x: number, values: readonly number[]): void {
    if (this.xs.length > 0 && x <= this.xs[this.xs.length - 1]) return;
    if (++this.skipped < this.stride) return;
    this.skipped = 0;
    this.xs.push(x);
    values.forEach((v, k) => this.ys[k].push(v));
    if (this.xs.length > this.max) {
      const even = (_: number, i: number) => i % 2 === 0;
      this.xs = this.xs.filter(even);
      this.ys = this.ys.map((s) => s.filter(even));
      this.stride *= 2;
    }
  }

  last(series: number): number {
    const s = this.ys[series];
    return s.length ? s[s.length - 1] : Number.NaN;
  }

  /** Copies for React state (the live arrays keep growing outside render). */
  snapshot(): { xs: number[]; ys: number[][] } {
    return { xs: this.xs.slice(), ys: this.ys.map((s) => s.slice()) };
  }
}

/** One series of Curves (a loss curve); non-finite values are left out. */
export class Curve {
  private readonly curves: Curves;

  constructor(max = 1200) {
    this.curves = new Curves(1, max);
  }

  get xs(): number[] {
    return this.curves.xs;
  }

  get ys(): number[] {
    return this.curves.ys[0];
  }

  push(x: number, y: number): void {
    if (Number.isFinite(y)) this.curves.push(x, [y]);
  }

  last(): number {
    return this.curves.last(0);
  }
}
