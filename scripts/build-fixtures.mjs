// Builds the translation-workflow fixture site (tests/fixtures/i18n: a fixture language and a
// fixture week) into out-fixtures/, for the end-to-end tests that run against it.
//
// Next.js exports to out/ unless next.config sets another distDir. With a distDir of its own,
// this build reused nothing of the site build's Turbopack cache and compiled the whole app
// again; with the same config it reuses that compile (the content folders are read when pages
// are generated, not compiled in). So the fixtures are exported to out/ like the site
// and then moved; a site already in out/ is set aside meanwhile and put back.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const out = path.join(root, 'out');
const target = path.join(root, 'out-fixtures');
const aside = path.join(root, 'out-site-aside');

if (existsSync(aside)) {
  console.error(`${path.relative(root, aside)} exists: an earlier fixtures build stopped before restoring out/ from it. Move it back to out/ (or delete it), then run again.`);
  process.exit(1);
}
if (existsSync(out)) renameSync(out, aside);

let status = 1;
try {
  const build = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, CONTENT_DIR: 'tests/fixtures/i18n/content', MESSAGES_DIR: 'tests/fixtures/i18n/messages' },
  });
  status = build.status ?? 1;
  if (status === 0) {
    rmSync(target, { recursive: true, force: true });
    renameSync(out, target);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
  if (existsSync(aside)) renameSync(aside, out);
}
if (status !== 0) {
  console.error('The fixtures build failed (see above).');
  process.exit(status);
}
console.log(`Fixture site: ${path.relative(root, target)}/`);
