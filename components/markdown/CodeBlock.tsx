'use client';

import { useRef, useState, type ReactNode } from 'react';

export interface CodeBlockStrings {
  copy: string;
  copied: string;
  copyFailed: string;
}

type PreProps = React.HTMLAttributes<HTMLPreElement> & { 'data-source'?: string; children?: ReactNode };

/**
 * A highlighted code block (its colours come from the build) with a button that copies the
 * code. The outcome is shown and announced in a polite live region, so a screen-reader user hears that
 * the copy worked without the focus moving.
 */
export function CodeBlock({ strings, caption, pre }: { strings: CodeBlockStrings; caption: string | null; pre: PreProps }) {
  const ref = useRef<HTMLPreElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    const text = ref.current?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };

  const { children, ...attributes } = pre;
  return (
    <div className="code-block">
      <div className="code-toolbar">
        {caption ? <span className="code-source">{caption}</span> : <span />}
        <span className="code-status" role="status" aria-live="polite">
          {status === 'copied' ? strings.copied : status === 'failed' ? strings.copyFailed : ''}
        </span>
        <button type="button" className="code-copy" onClick={copy} data-status={status}>
          {strings.copy}
        </button>
      </div>
      <pre ref={ref} {...attributes}>
        {children}
      </pre>
    </div>
  );
}
