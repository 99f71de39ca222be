import path from 'node:path';
import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { DEMO_ELEMENT } from '@/lib/content/remark-demo-directive';
import { prepareElements, splitStatic, STATIC_HTML_ATTRIBUTE } from '@/lib/content/static-html';
import { svgSize } from '@/lib/content/svg-size';
import { isDemoId } from '@/lib/demos/registry';
import type { Messages } from '@/lib/i18n/dictionary';
import { fill } from '@/lib/i18n/template';
import { DemoFigure } from '../demos/DemoFigure';
import { CodeBlock } from './CodeBlock';

type ElementProps = { children?: React.ReactNode; 'data-demo'?: string };
type PreProps = React.HTMLAttributes<HTMLPreElement> & { 'data-source'?: string; children?: React.ReactNode };
type JsxFunction = typeof jsx;

const publicDir = path.join(process.cwd(), 'public');
const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

function componentsFor(lang: string, messages: Messages): Partial<Components> {
  return {
    [DEMO_ELEMENT]: ({ children, 'data-demo': id }: ElementProps) =>
      id && isDemoId(id) ? (
        <DemoFigure id={id} lang={lang} messages={messages}>
          {children}
        </DemoFigure>
      ) : null,
    // Code blocks get a copy button and, for a library excerpt, the file it comes from.
    pre: (props: PreProps) => (
      <CodeBlock strings={messages.code} caption={props['data-source'] ? fill(messages.code.source, { file: props['data-source'].split('#')[0] }) : null} pre={props} />
    ),
  } as unknown as Partial<Components>;
}

/** jsx() that gives an element marked by splitStatic its children as one HTML string. */
function withStaticHtml(create: JsxFunction, chunks: string[]): JsxFunction {
  return (type, props, key) => {
    const marker = (props as Record<string, unknown>)[STATIC_HTML_ATTRIBUTE];
    if (marker === undefined) return create(type, props, key);
    const index = Number(marker);
    const { [STATIC_HTML_ATTRIBUTE]: _marker, ...rest } = props as Record<string, unknown>;
    return create(type, { ...rest, dangerouslySetInnerHTML: { __html: chunks[index] } }, key);
  };
}

/**
 * Renders the build-time hast of a page (no client math). Only the demos and the code blocks'
 * frames (for their copy button) are React components; everything else reaches React as HTML strings, so the page's React payload does not repeat
 * the article element by element.
 */
export function Markdown({ tree, lang, messages }: { tree: Root; lang: string; messages: Messages }) {
  const prepared = prepareElements(tree, (src) => svgSize(src, publicDir, basePath));
  const split = splitStatic(prepared, (el) => el.tagName === DEMO_ELEMENT || el.tagName === 'pre');
  return toJsxRuntime(split.tree, {
    Fragment,
    jsx: withStaticHtml(jsx, split.chunks),
    jsxs: withStaticHtml(jsxs, split.chunks),
    components: componentsFor(lang, messages),
    passKeys: true,
  });
}
