import type { DemoId } from '@/lib/demos/registry';
import type { Messages } from '@/lib/i18n/dictionary';
import { DemoMount } from './DemoMount';

/**
 * Server-rendered frame of a demo: the caption and the text fallback are in the HTML (print,
 * search, no JavaScript); the live widget mounts into the stage when it comes into view.
 */
export function DemoFigure({ id, lang, messages, children }: { id: DemoId; lang: string; messages: Messages; children: React.ReactNode }) {
  return (
    <figure className="demo" data-demo={id} id={`demo-${id}`}>
      <DemoMount id={id} lang={lang} messages={messages} />
      {children}
    </figure>
  );
}
