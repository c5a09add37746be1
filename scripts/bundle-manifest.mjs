// Gathers the per-backend bundles that scripts/build-dist.sh built into target/bundles/<kind>/
// into dist/, writes dist/bundles.json ({kind: {js, wasm}}) for the size report, and fills
// boot.js's BUNDLES so the loader picks one.
// Usage: node scripts/bundle-manifest.mjs DIST BUNDLES_DIR KIND...
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dist, bundlesDir, ...kinds] = process.argv.slice(2);
const namesIn = (indexHtml) => {
  const html = readFileSync(indexHtml, 'utf8');
  const attr = (name) => html.match(new RegExp(`${name}="[^"]*?/?([^"/]+)"`))?.[1];
  const js = attr('data-wasm-js');
  const wasm = attr('data-wasm-bg');
  if (!js || !wasm) throw new Error(`${indexHtml}: no data-wasm-js / data-wasm-bg`);
  return { js, wasm };
};

const manifest = {};
for (const kind of kinds) {
  const dir = join(bundlesDir, kind);
  const names = namesIn(join(dir, 'index.html'));
  for (const file of Object.values(names)) copyFileSync(join(dir, file), join(dist, file));
  manifest[kind] = names;
}
writeFileSync(join(dist, 'bundles.json'), JSON.stringify(manifest, null, 2) + '\n');
const bootPath = join(dist, 'boot.js');
const boot = readFileSync(bootPath, 'utf8');
if (!boot.includes('const BUNDLES = {};')) throw new Error('boot.js: no BUNDLES placeholder');
writeFileSync(bootPath, boot.replace('const BUNDLES = {};', `const BUNDLES = ${JSON.stringify(manifest)};`));
console.log(`bundles: ${kinds.map((k) => `${k} → ${manifest[k].wasm}`).join(', ')}`);
