// Size report of the release dist/: raw, gzip and brotli bytes of each backend's bundle
// (its wasm and JS glue, plus the CSS and loader every page loads), and the budget check.
// Fonts are reported apart and not counted against the budget.
// Usage: node scripts/size-report.mjs [DIST] — exits 1 when a bundle is over budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// DESIGN.md: dashboard ≤ 250 KB brotli, portal first load ≤ 150 KB. Each bundle holds the
// dashboard and the portal, so each is checked against the dashboard budget; the portal's
// own budget needs a portal-only bundle, so the report states how far each is from it.
const DASHBOARD_BUDGET = 250 * 1024;
const PORTAL_BUDGET = 150 * 1024;
const dist = process.argv[2] ?? 'dist';

const measure = (file) => {
  const data = readFileSync(join(dist, file));
  const brotli = extname(file) === '.woff2' ? data.length : brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli };
};

const manifestPath = join(dist, 'bundles.json');
if (!existsSync(manifestPath)) {
  console.error(`size report: no ${manifestPath} (build with scripts/build-dist.sh)`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const shared = readdirSync(dist).filter((f) => extname(f) === '.css' || f === 'boot.js').map(measure);
const fonts = readdirSync(join(dist, 'fonts')).filter((f) => f.endsWith('.woff2')).map((f) => measure(join('fonts', f)));
const sum = (key, list) => list.reduce((s, r) => s + r[key], 0);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

console.log(`${'bundle (wasm + js, + shared css and loader)'.padEnd(46)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
console.log(`${'  shared: css + boot.js'.padEnd(46)} ${kb(sum('raw', shared))} ${kb(sum('gzip', shared))} ${kb(sum('brotli', shared))}`);
let over = [];
for (const [kind, names] of Object.entries(manifest)) {
  const own = [measure(names.wasm), measure(names.js)];
  const all = [...own, ...shared];
  const total = sum('brotli', all);
  const portal = total > PORTAL_BUDGET ? `portal ${((total - PORTAL_BUDGET) / 1024).toFixed(1)} KB over` : 'portal met';
  console.log(`${kind.padEnd(46)} ${kb(sum('raw', all))} ${kb(sum('gzip', all))} ${kb(total)}   (wasm ${kb(own[0].brotli).trim()}; ${portal})`);
  if (total > DASHBOARD_BUDGET) over.push(`${kind} ${(total / 1024).toFixed(1)} KB`);
}
console.log(`${'fonts (apart from the budget)'.padEnd(46)} ${kb(sum('raw', fonts))}`);
console.log(`dashboard budget: ${DASHBOARD_BUDGET / 1024} KB brotli per bundle; portal: ${PORTAL_BUDGET / 1024} KB (needs a portal-only bundle)`);
if (over.length) {
  console.error(`dashboard size budget exceeded: ${over.join(', ')}`);
  process.exit(1);
}
