import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { DEMO_ELEMENT } from '@/lib/content/remark-demo-directive';
import { wrapSections } from '@/lib/content/sections';
import { prepareElements, splitStatic, STATIC_HTML_ATTRIBUTE } from '@/lib/content/static-html';
import { svgSize } from '@/lib/content/svg-size';
import { isDemoId } from '@/lib/demos/registry';
import type { Messages } from '@/lib/i18n/dictionary';
import { fill } from '@/lib/i18n/template';
import { DemoFigure } from '../demos/DemoFigure';
import { CodeBlock } from './CodeBlock';
import { registerStaticHtml } from './static-html-registry';
import { StaticHtml } from './StaticHtml';

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

/** Key of a static element's content: a hash of it, so equal content gets an equal key. */
function chunkKey(html: string): string {
  return createHash('sha256').update(html).digest('base64url').slice(0, 16);
}

/**
 * jsx() that renders an element marked by splitStatic as a StaticHtml element: its content is
 * registered for the document and left out of the React payload.
 */
function withStaticHtml(create: JsxFunction, chunks: string[]): JsxFunction {
  return (type, props, key) => {
    const marker = (props as Record<string, unknown>)[STATIC_HTML_ATTRIBUTE];
    if (marker === undefined) return create(type, props, key);
    const { [STATIC_HTML_ATTRIBUTE]: _marker, children: _children, ...attributes } = props as Record<string, unknown>;
    const html = chunks[Number(marker)];
    if (typeof type !== 'string') return create(type, { ...attributes, dangerouslySetInnerHTML: { __html: html } }, key);
    const chunk = chunkKey(html);
    registerStaticHtml(chunk, html);
    return jsx(StaticHtml, { tag: type, attributes, chunk }, key);
  };
}

/**
 * Renders the build-time hast of a page (no client math). Only the demos and the code blocks'
 * frames (for their copy button) are React components; everything else is static HTML that is
 * written into the document once and kept out of the React payload (StaticHtml).
 */
export function Markdown({ tree, lang, messages }: { tree: Root; lang: string; messages: Messages }) {
  const prepared = wrapSections(prepareElements(tree, (src) => svgSize(src, publicDir, basePath)));
  const split = splitStatic(prepared, (el) => el.tagName === DEMO_ELEMENT || el.tagName === 'pre');
  return toJsxRuntime(split.tree, {
    Fragment,
    jsx: withStaticHtml(jsx, split.chunks),
    jsxs: withStaticHtml(jsxs, split.chunks),
    components: componentsFor(lang, messages),
    passKeys: true,
  });
}
