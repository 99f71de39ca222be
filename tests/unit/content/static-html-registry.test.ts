import { describe, expect, it } from 'vitest';
import { registerStaticHtml, staticHtml } from '@/components/markdown/static-html-registry';

describe('static HTML registry', () => {
  it('gives back what the article registered, from any module instance (the map is global)', () => {
    registerStaticHtml('k-test-1', '<p>x</p>');
    expect(staticHtml('k-test-1')).toBe('<p>x</p>');
    const symbol = Symbol.for('week07-notes.static-html');
    expect((globalThis as Record<symbol, Map<string, string>>)[symbol].get('k-test-1')).toBe('<p>x</p>');
  });

  it('fails loudly, naming the key, when the document is rendered without the article', () => {
    expect(() => staticHtml('k-never-registered')).toThrow(/k-never-registered/);
  });
});
