import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { demoLoaders } from '@/components/demos/loaders';
import { DEMO_ELEMENT } from '@/lib/content/remark-demo-directive';
import { contentLanguages, loadPages } from '@/lib/content/pages';
import { demoIds, demoMessageKeys, demoRegistry, type DemoId } from '@/lib/demos/registry';

const messagesDir = path.join(process.cwd(), 'lib/i18n/messages');
const dictionaries = readdirSync(messagesDir).filter((f) => f.endsWith('.json'));

function lookup(dictionary: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), dictionary);
}

/** Text of the fallback under each demo figure of a rendered page, by demo id. */
function fallbacks(tree: Root): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== DEMO_ELEMENT) return;
    const fallback = node.children.find((c): c is Element => c.type === 'element' && (c.properties.className as string[] | undefined)?.includes('demo-fallback') === true);
    let text = '';
    if (fallback) visit(fallback, 'text', (t: { value: string }) => void (text += t.value));
    out.push({ id: String(node.properties.dataDemo), text: text.trim() });
  });
  return out;
}

describe('the demo registry', () => {
  it('has a loader for every registered id, and none for an unknown one', () => {
    expect(Object.keys(demoLoaders).sort()).toEqual([...demoIds].sort());
    for (const id of demoIds) expect(typeof demoLoaders[id]).toBe('function');
  });

  it('has an English caption for every demo', () => {
    for (const id of demoIds) expect(demoRegistry[id].title.trim()).not.toBe('');
  });

  it.each(dictionaries)('%s has the strings of every demo', (file) => {
    const dictionary = JSON.parse(readFileSync(path.join(messagesDir, file), 'utf8'));
    const missing = demoIds.flatMap((id) => demoMessageKeys(id).filter((key) => typeof lookup(dictionary, key) !== 'string' || String(lookup(dictionary, key)).trim() === ''));
    expect(missing).toEqual([]);
  });

  it('every demo is placed in the notes, and every placement has a text fallback in every language', () => {
    const used = new Set<DemoId>();
    const withoutFallback: string[] = [];
    for (const lang of contentLanguages()) {
      for (const page of loadPages(lang)) {
        for (const { id, text } of fallbacks(page.rendered.hast)) {
          used.add(id as DemoId);
          if (text === '') withoutFallback.push(`${page.file}: ${id}`);
        }
      }
    }
    expect(withoutFallback).toEqual([]);
    expect(demoIds.filter((id) => !used.has(id))).toEqual([]);
  });
});
