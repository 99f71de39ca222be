import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { DEMO_ELEMENT } from '@/lib/content/remark-demo-directive';
import { isDemoId } from '@/lib/demos/registry';
import type { Messages } from '@/lib/i18n/dictionary';
import { fill } from '@/lib/i18n/template';
import { DemoFigure } from '../demos/DemoFigure';
import { CodeBlock } from './CodeBlock';

type ElementProps = { children?: React.ReactNode; 'data-demo'?: string };
type ImageProps = React.ImgHTMLAttributes<HTMLImageElement>;
type PreProps = React.HTMLAttributes<HTMLPreElement> & { 'data-source'?: string; children?: React.ReactNode };

function componentsFor(lang: string, messages: Messages): Partial<Components> {
  return {
    [DEMO_ELEMENT]: ({ children, 'data-demo': id }: ElementProps) =>
      id && isDemoId(id) ? (
        <DemoFigure id={id} lang={lang} messages={messages}>
          {children}
        </DemoFigure>
      ) : null,
    // Figures load lazily: a reader on a phone fetches only the ones scrolled to.
    // eslint-disable-next-line @next/next/no-img-element -- static export, our own SVGs
    img: (props: ImageProps) => <img {...props} alt={props.alt ?? ''} loading="lazy" decoding="async" />,
    // Code blocks get a copy button and, for a library excerpt, the file it comes from.
    pre: (props: PreProps) => (
      <CodeBlock strings={messages.code} caption={props['data-source'] ? fill(messages.code.source, { file: props['data-source'].split('#')[0] }) : null} pre={props} />
    ),
    table: ({ children }: ElementProps) => (
      <div className="table-scroll">
        <table>{children}</table>
      </div>
    ),
  } as unknown as Partial<Components>;
}

/** Renders the build-time hast of a page as React elements (no HTML string, no client math). */
export function Markdown({ tree, lang, messages }: { tree: Root; lang: string; messages: Messages }) {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components: componentsFor(lang, messages), passKeys: true });
}
