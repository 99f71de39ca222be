/**
 * A loss curve that stays small however long training runs: past `max` points every other
 * point is dropped and only every second new one is kept, so the plot's cost is bounded while
 * the curve still spans the whole run.
 */
export class Curve {
  xs: number[] = [];
  ys: number[] = [];
  private stride = 1;
  private skipped = 0;

  constructor(private readonly max = 1200) {}

  push(x: number, y: number): void {
    if (!Number.isFinite(y)) return;
    if (this.xs.length > 0 && x <= this.xs[this.xs.length - 1]) return;
    if (++this.skipped < this.stride) return;
    this.skipped = 0;
    this.xs.push(x);
    this.ys.push(y);
    if (this.xs.length > this.max) {
      this.xs = this.xs.filter((_, i) => i % 2 === 0);
      this.ys = this.ys.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  last(): number {
    return this.ys.length ? this.ys[this.ys.length - 1] : NaN;
  }
}
