import type { DemoId } from '@/lib/demos/registry';

/**
 * Server-rendered frame of a demo: the caption and the text fallback are in the HTML (print,
 * search, no JavaScript); the live widget mounts into the stage.
 */
export function DemoFigure({ id, children }: { id: DemoId; children: React.ReactNode }) {
  return (
    <figure className="demo" data-demo={id} id={`demo-${id}`}>
      {children}
    </figure>
  );
}
