import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Intrinsic size of one of our SVG figures, read from its root element's width and height (or
 * its viewBox), given the URL the page uses (`/figures/…`, possibly behind the base path).
 */
export function svgSize(src: string, publicDir: string, basePath = ''): { width: number; height: number } | undefined {
  const local = basePath && src.startsWith(`${basePath}/`) ? src.slice(basePath.length) : src;
  if (!local.startsWith('/') || !local.endsWith('.svg')) return undefined;
  const file = path.join(publicDir, local);
  if (!existsSync(file)) return undefined;
  return parseSvgSize(readFileSync(file, 'utf8'));
}

export function parseSvgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(root)?.[1];
  const width = Number.parseFloat(attr('width') ?? '');
  const height = Number.parseFloat(attr('height') ?? '');
  if (width > 0 && height > 0 && !/%$/.test(attr('width') ?? '')) return { width, height };
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box[2] > 0 && box[3] > 0) return { width: box[2], height: box[3] };
  return undefined;
}
