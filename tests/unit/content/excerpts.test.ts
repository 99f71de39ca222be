import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeExcerpts, excerptMismatch, extractRegion } from '@/lib/content/excerpts';

const CONTENT = path.resolve('content');

/** Every Markdown page of every language and week. */
function pages(): string[] {
  return readdirSync(CONTENT, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('content', f).split(path.sep).join('/'));
}

describe('code excerpts in the notes', () => {
  const all = pages().flatMap((file) => codeExcerpts(readFileSync(file, 'utf8')).map((e) => ({ ...e, page: file })));

  it('exist: the practicum page quotes the library in both languages', () => {
    const regions = (lang: string) => all.filter((e) => e.page.startsWith(`content/${lang}/`)).map((e) => `${e.file}#${e.region}`);
    expect(regions('en')).toEqual(expect.arrayContaining(['lib/ml/mnist/model-maths.ts#model', 'lib/ml/mnist/corruption.ts#dropout-mask', 'lib/ml/mnist/autoencoder.ts#training-step']));
    expect(regions('fr')).toEqual(regions('en'));
  });

  it.each(all.map((e) => [`${e.page}:${e.line} ${e.file}#${e.region}`, e] as const))('%s matches its source', (_, excerpt) => {
    expect(excerpt.lang).toBe('ts');
    expect(excerptMismatch(excerpt, readFileSync(excerpt.file, 'utf8'))).toBeNull();
  });
});

describe('the comparison itself', () => {
  const source = ['export function a() {', '  // #region excerpt:body', '  const x = 1;', '  return x + 1;', '  // #endregion', '}'].join('\n');
  const excerpt = { line: 1, lang: 'ts', file: 'lib/x.ts', region: 'body', code: 'const x = 1;\nreturn x + 1;' };

  it('extracts a region dedented', () => {
    expect(extractRegion(source, 'body')).toBe('const x = 1;\nreturn x + 1;');
  });

  it('passes on an unchanged source and fails when the source changes', () => {
    expect(excerptMismatch(excerpt, source)).toBeNull();
    expect(excerptMismatch(excerpt, source.replace('x + 1', 'x + 2'))).toBe(
      'line 2 of the excerpt differs from lib/x.ts#body: the page has "return x + 1;", the source has "return x + 2;"',
    );
    expect(excerptMismatch(excerpt, source.replace('  return x + 1;\n', ''))).toMatch(/^line 2 of the excerpt differs/);
  });

  it('fails when a marker is missing, repeated or unclosed', () => {
    expect(excerptMismatch(excerpt, source.replace('excerpt:body', 'excerpt:other'))).toBe('lib/x.ts: no "// #region excerpt:body" marker');
    expect(excerptMismatch(excerpt, `${source}\n// #region excerpt:body\n// #endregion`)).toMatch(/appears 2 times/);
    expect(excerptMismatch(excerpt, source.replace('// #endregion', ''))).toMatch(/has no "\/\/ #endregion"/);
  });

  it('reads the source of a fence from its meta string', () => {
    expect(codeExcerpts('Text\n\n```ts source=lib/x.ts#body\nconst x = 1;\n```\n\n```python\nx = 1\n```\n')).toEqual([
      { line: 3, lang: 'ts', file: 'lib/x.ts', region: 'body', code: 'const x = 1;' },
    ]);
  });
});
