import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { DEMO_ELEMENT } from '@/lib/content/remark-demo-directive';
import { isDemoId } from '@/lib/demos/registry';
import { DemoFigure } from '../demos/DemoFigure';

type ElementProps = { children?: React.ReactNode; 'data-demo'?: string };

const components = {
  [DEMO_ELEMENT]: ({ children, 'data-demo': id }: ElementProps) =>
    id && isDemoId(id) ? <DemoFigure id={id}>{children}</DemoFigure> : null,
  table: ({ children }: ElementProps) => (
    <div className="table-scroll">
      <table>{children}</table>
    </div>
  ),
} as unknown as Partial<Components>;

/** Renders the build-time hast of a page as React elements (no HTML string, no client math). */
export function Markdown({ tree }: { tree: Root }) {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components, passKeys: true });
}
