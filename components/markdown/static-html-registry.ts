/**
 * The HTML of the article's static elements, by key, while the site is rendered (build, or the
 * dev server). The server component that renders the article (Markdown.tsx) registers each
 * element's content; the server rendering of StaticHtml, in the same process but in Next's
 * other module graph (hence a global), writes it into the document. Keys name the content
 * (a hash), so pages rendered at the same time share the map safely.
 */
const REGISTRY = Symbol.for('week07-notes.static-html');

type Registry = Map<string, string>;

function registry(): Registry {
  const scope = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  scope[REGISTRY] ??= new Map();
  return scope[REGISTRY];
}

export function registerStaticHtml(key: string, html: string): void {
  registry().set(key, html);
}

/** The registered HTML; an error if the rendering of the document did not register it. */
export function staticHtml(key: string): string {
  const html = registry().get(key);
  if (html === undefined) {
    throw new Error(`Static HTML ${key} was not registered: the article and its document must be rendered in the same process (components/markdown/static-html-registry.ts).`);
  }
  return html;
}
