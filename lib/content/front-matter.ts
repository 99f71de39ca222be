import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { ContentError, throwIfAny } from './errors';
import { frontMatterSchema, translationFields, type FrontMatter } from './schema';

export interface SplitSource {
  /** The YAML between the fences, or null when the file has none. */
  yaml: string | null;
  /** The Markdown body with the front matter blanked out, so body line numbers are file line numbers. */
  body: string;
}

const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(source: string): SplitSource {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return { yaml: null, body: lines.join('\n') };
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) return { yaml: null, body: lines.join('\n') };
  const yaml = lines.slice(1, end).join('\n');
  const body = lines.map((line, i) => (i <= end ? '' : line)).join('\n');
  return { yaml, body };
}

/** Line (1-based, in the whole file) where a top-level key is written, or the opening fence. */
function keyLine(doc: Document, counter: LineCounter, key: string | undefined): number {
  if (key !== undefined && isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        return counter.linePos(pair.key.range[0]).line + 1;
      }
    }
  }
  return 1;
}

export interface FrontMatterContext {
  file: string;
  /** Language folder the file lives in. */
  lang: string;
  /** The language translations are made from. */
  sourceLang: string;
}

/** Parses and validates the front matter; throws ContentError(s) naming file, line and field. */
export function parseFrontMatter(yamlText: string | null, ctx: FrontMatterContext): FrontMatter {
  const { file } = ctx;
  if (yamlText === null) {
    throw new ContentError(file, 1, 'front matter', 'missing: the file must start with a --- fenced YAML block');
  }
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throwIfAny(
      doc.errors.map((err) => {
        const line = err.linePos?.[0]?.line;
        return new ContentError(file, line === undefined ? 1 : line + 1, 'front matter', err.message.split('\n')[0]);
      }),
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError(file, 1, 'front matter', 'expected fields written as `name: value`');
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const errors: ContentError[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          errors.push(new ContentError(file, keyLine(doc, counter, key), key, 'unknown field (check its spelling)'));
        }
        continue;
      }
      const key = issue.path.length > 0 ? String(issue.path[0]) : undefined;
      const present = key !== undefined && key in (data as Record<string, unknown>);
      const problem = present ? issue.message : 'required field is missing';
      errors.push(new ContentError(file, keyLine(doc, counter, key), issue.path.join('.') || 'front matter', problem));
    }
    throwIfAny(errors);
  }
  const fm = result.data as FrontMatter;
  validateLanguage(fm, ctx, (key) => keyLine(doc, counter, key));
  return fm;
}

function validateLanguage(fm: FrontMatter, ctx: FrontMatterContext, lineOf: (key?: string) => number): void {
  const errors: ContentError[] = [];
  if (fm.lang !== undefined && fm.lang !== ctx.lang) {
    errors.push(new ContentError(ctx.file, lineOf('lang'), 'lang', `is "${fm.lang}" but the file is in the "${ctx.lang}" folder`));
  }
  if (ctx.lang !== ctx.sourceLang) {
    for (const field of translationFields) {
      if (fm[field] === undefined) {
        errors.push(new ContentError(ctx.file, 1, field, 'required field is missing (translations record it)'));
      }
    }
  }
  throwIfAny(errors);
}
