// What a built page's HTML is made of: raw and gzip size, element count, and the share of the
// typeset math, the React flight payload (the inline `self.__next_f.push` scripts) and the demos'
// server-rendered frames. Usage: node scripts/bench/html-weight.mjs [out-dir] [route]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Measures one HTML document (a string). Sizes in bytes. */
export function htmlWeight(html) {
  const bytes = (s) => Buffer.byteLength(s, 'utf8');
  const flight = [...html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce((n, m) => n + bytes(m[0]), 0);
  const withoutScripts = html.replace(/<script[\s\S]*?<\/script>/g, '');
  // KaTeX spans nest, so the math is measured by its two outputs' own markers.
  const mathml = [...withoutScripts.matchAll(/<math[\s\S]*?<\/math>/g)].reduce((n, m) => n + bytes(m[0]), 0);
  const katexHtml = katexHtmlBytes(withoutScripts);
  const demos = [...withoutScripts.matchAll(/<figure class="demo"[\s\S]*?<\/figure>/g)].reduce((n, m) => n + bytes(m[0]), 0);
  return {
    raw: bytes(html),
    gzip: gzipSync(html, { level: 9 }).length,
    elements: (withoutScripts.match(/<[a-zA-Z][^>]*>/g) ?? []).length + (html.match(/<script/g) ?? []).length,
    flight,
    mathml,
    katexHtml,
    demos,
  };
}

/** Bytes inside `<span class="katex-html" …>…</span>`, balancing the nested spans. */
function katexHtmlBytes(html) {
  let total = 0;
  let from = 0;
  for (;;) {
    const start = html.indexOf('<span class="katex-html"', from);
    if (start < 0) return total;
    let depth = 0;
    const tag = /<(\/?)span\b[^>]*>/g;
    tag.lastIndex = start;
    let m;
    while ((m = tag.exec(html))) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) break;
    }
    const end = m ? tag.lastIndex : html.length;
    total += Buffer.byteLength(html.slice(start, end), 'utf8');
    from = end;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'out';
  const route = process.argv[3] ?? 'en/week07/07-1';
  const w = htmlWeight(readFileSync(path.join(dir, route, 'index.html'), 'utf8'));
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`/${route}/ in ${dir}`);
  console.log(`HTML raw ${kb(w.raw)}, gzip ${kb(w.gzip)}, ${w.elements} elements`);
  console.log(`  flight payload scripts ${kb(w.flight)}; MathML ${kb(w.mathml)}; KaTeX HTML ${kb(w.katexHtml)}; demo frames ${kb(w.demos)}`);
}
