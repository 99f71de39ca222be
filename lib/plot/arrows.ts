/**
 * Many arrows as two SVG path strings, shafts and heads, instead of an element (and a marker
 * instance) each: a field of a few hundred arrows redrawn every frame then costs two attribute
 * writes instead of a thousand, which keeps the frame's style and layout work small.
 */

export interface ArrowPaths {
  /** Open subpaths "M x0 y0 L x1 y1", one per arrow, each ending where its head begins. */
  readonly shafts: string;
  /** Closed triangles, one per arrow. */
  readonly heads: string;
  /** Arrows drawn (those shorter than the minimum length are left out). */
  readonly count: number;
}

function fmt(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/**
 * `segments` holds [x0, y0, x1, y1, …] in pixels, each an arrow from (x0, y0) to its tip (x1, y1).
 * Arrows shorter than `minLength` are dropped: a point that stays put has no direction to show.
 * A head is `headLength` long (never longer than its arrow) and 0.9 of that wide.
 */
export function arrowPaths(segments: ArrayLike<number>, headLength: number, minLength = 2): ArrowPaths {
  const shafts: string[] = [];
  const heads: string[] = [];
  for (let k = 0; k + 3 < segments.length; k += 4) {
    const [x0, y0, x1, y1] = [segments[k], segments[k + 1], segments[k + 2], segments[k + 3]];
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (!(length >= minLength)) continue;
    const ux = (x1 - x0) / length;
    const uy = (y1 - y0) / length;
    const h = Math.min(headLength, length);
    const bx = x1 - ux * h;
    const by = y1 - uy * h;
    // Half the head's width along the normal (−uy, ux).
    const w = 0.45 * h;
    if (length > h) shafts.push(`M${fmt(x0)} ${fmt(y0)}L${fmt(bx)} ${fmt(by)}`);
    heads.push(`M${fmt(x1)} ${fmt(y1)}L${fmt(bx - uy * w)} ${fmt(by + ux * w)}L${fmt(bx + uy * w)} ${fmt(by - ux * w)}Z`);
  }
  return { shafts: shafts.join(''), heads: heads.join(''), count: heads.length };
}
