'use client';

import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { gridCoordinate, nearestGridIndex, type Box } from '@/lib/ml/grid';

/** A node of the plot's grid: its indices and data coordinates. */
export interface GridNode {
  index: number;
  i: number;
  j: number;
  x: number;
  y: number;
}

export interface GridCursorOptions {
  grid: Box;
  /** Grid nodes per side; the cursor is off unless it is at least 2. */
  n: number;
  /** Click (exact data coordinates) or Enter/Space on the keyboard crosshair (its grid node). */
  onPick?: (point: { x: number; y: number }) => void;
  /** What a screen reader hears when the crosshair moves to a node, and when a node is picked. */
  describe: (node: GridNode) => string;
  picked: (description: string) => string;
}

function clampIndex(k: number, n: number): number {
  return k < 0 ? 0 : k >= n ? n - 1 : k;
}

/** How long a tap leaves the crosshair and its read-out on screen (touch has no hover to end it). */
const TAP_READOUT_MS = 2500;

/**
 * The pointer and keyboard crosshair of a gridded plot: the node under the pointer, the keyboard
 * (or tap) cursor with arrows, Shift+arrows, Home and Enter/Space to pick, and the live
 * announcement of where it is. The plot spreads `handlers` on its focusable plot area.
 * Kept to a few primitive states, so that hovering re-renders only what reads them.
 */
export function useGridCursor({ grid, n, onPick, describe, picked }: GridCursorOptions) {
  const [hover, setHover] = useState(-1);
  const [cursor, setCursor] = useState(-1);
  const [showCursor, setShowCursor] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // Touch has no hover, so a tap leaves the crosshair and read-out on the tapped node; a mouse
  // click does not, as the hover read-out already follows the pointer.
  const lastPointerType = useRef('mouse');
  // ...but only for a moment: a read-out left on a phone after the finger is gone looks stuck.
  const tapTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(tapTimer.current), []);

  const gridOk = Number.isInteger(n) && n >= 2;
  const total = gridOk ? n * n : 0;
  const centre = gridOk ? Math.floor(n / 2) * n + Math.floor(n / 2) : -1;
  const cursorIndex = cursor >= 0 && cursor < total ? cursor : centre;

  const nodeAt = (index: number): GridNode => {
    const i = index % n;
    const j = (index - i) / n;
    return { index, i, j, x: gridCoordinate(grid.x, n, i), y: gridCoordinate(grid.y, n, j) };
  };
  const valid = (index: number) => index >= 0 && index < total;

  /** Data coordinates under the pointer (the plot area spans the grid's box). */
  const dataPoint = (event: PointerEvent<HTMLElement> | MouseEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const fx = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    const fy = Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height));
    return { x: grid.x[0] + fx * (grid.x[1] - grid.x[0]), y: grid.y[1] - fy * (grid.y[1] - grid.y[0]) };
  };

  const handlers = {
    onPointerMove(event: PointerEvent<HTMLElement>) {
      if (!gridOk) return;
      const p = dataPoint(event);
      setHover(nearestGridIndex(grid, n, p.x, p.y));
    },
    onPointerLeave() {
      setHover(-1);
    },
    onPointerDown(event: PointerEvent<HTMLElement>) {
      lastPointerType.current = event.pointerType;
      setShowCursor(false);
    },
    onClick(event: MouseEvent<HTMLElement>) {
      if (!gridOk) return;
      const p = dataPoint(event);
      const index = nearestGridIndex(grid, n, p.x, p.y);
      if (index >= 0) setCursor(index);
      if (lastPointerType.current !== 'mouse') {
        setShowCursor(true);
        window.clearTimeout(tapTimer.current);
        tapTimer.current = window.setTimeout(() => setShowCursor(false), TAP_READOUT_MS);
      }
      onPick?.(p);
    },
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      if (!gridOk || event.altKey || event.ctrlKey || event.metaKey) return;
      window.clearTimeout(tapTimer.current);
      const node = nodeAt(cursorIndex);
      const { i, j } = node;
      const step = event.shiftKey ? Math.max(2, Math.round((n - 1) / 10)) : 1;
      let di = 0;
      let dj = 0;
      switch (event.key) {
        case 'ArrowLeft':
          di = -step;
          break;
        case 'ArrowRight':
          di = step;
          break;
        case 'ArrowUp':
          dj = step;
          break;
        case 'ArrowDown':
          dj = -step;
          break;
        case 'Home':
          di = Math.floor(n / 2) - i;
          dj = Math.floor(n / 2) - j;
          break;
        case 'Enter':
        case ' ':
          if (!onPick) return;
          event.preventDefault();
          setShowCursor(true);
          setCursor(cursorIndex);
          setAnnouncement(picked(describe(node)));
          onPick({ x: node.x, y: node.y });
          return;
        default:
          return;
      }
      event.preventDefault();
      const next = clampIndex(j + dj, n) * n + clampIndex(i + di, n);
      setCursor(next);
      setShowCursor(true);
      setAnnouncement(describe(nodeAt(next)));
    },
    onFocus(event: FocusEvent<HTMLElement>) {
      // Show the crosshair straight away when focus came from the keyboard, not from a click.
      let fromKeyboard = false;
      try {
        fromKeyboard = event.currentTarget.matches(':focus-visible');
      } catch {
        // Browsers without :focus-visible wait for the first arrow key instead.
      }
      if (fromKeyboard) setShowCursor(true);
    },
    onBlur() {
      setShowCursor(false);
    },
  };

  // The node the read-out shows: under the pointer, else the visible keyboard cursor.
  const active = hover >= 0 ? hover : showCursor ? cursorIndex : -1;
  return {
    handlers,
    announcement,
    active: valid(active) ? nodeAt(active) : null,
    cursor: showCursor && cursorIndex >= 0 ? nodeAt(cursorIndex) : null,
    hover: valid(hover) ? nodeAt(hover) : null,
  };
}
