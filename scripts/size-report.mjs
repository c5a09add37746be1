// Size report of the release dist/: raw, gzip and brotli bytes of the wasm, JS and CSS,
// and the budget check. Fonts are reported apart and not counted against the budget.
// Usage: node scripts/size-report.mjs [DIST] — exits 1 when the brotli total is over budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// DESIGN.md: dashboard ≤ 250 KB brotli, portal first load ≤ 150 KB. dist/ is the
// dashboard app (its /portal routes share the bundle), checked against the dashboard
// budget; the portal's own budget needs the portal-only bundle, which does not exist yet,
// so the report states how far the shared bundle is from it.
const DASHBOARD_BUDGET = 250 * 1024;
const PORTAL_BUDGET = 150 * 1024;
const dist = process.argv[2] ?? 'dist';

const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});

const rows = walk(dist)
  .filter((f) => ['.wasm', '.js', '.css', '.woff2'].includes(extname(f)))
  .map((f) => {
    const data = readFileSync(f);
    const brotli = extname(f) === '.woff2' ? data.length : brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length;
    return { file: relative(dist, f), kind: extname(f).slice(1), raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli };
  })
  .sort((a, b) => b.brotli - a.brotli);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(48)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
const code = rows.filter((r) => r.kind !== 'woff2');
const sum = (key, list) => list.reduce((s, r) => s + r[key], 0);
console.log(`${'total (wasm + js + css)'.padEnd(48)} ${kb(sum('raw', code))} ${kb(sum('gzip', code))} ${kb(sum('brotli', code))}`);
console.log(`${'fonts (apart from the budget)'.padEnd(48)} ${kb(sum('raw', rows.filter((r) => r.kind === 'woff2')))}`);
const total = sum('brotli', code);
if (code.length === 0) {
  console.error('size report: no wasm/js/css found in ' + dist);
  process.exit(1);
}
console.log(`dashboard budget: ${kb(total).trim()} KB brotli of ${DASHBOARD_BUDGET / 1024} KB`);
const overPortal = total - PORTAL_BUDGET;
console.log(`portal budget (${PORTAL_BUDGET / 1024} KB): ${overPortal > 0 ? `NOT MET by the shared bundle, ${(overPortal / 1024).toFixed(1)} KB over` : 'met'}`);
if (total > DASHBOARD_BUDGET) {
  console.error(`dashboard size budget exceeded by ${((total - DASHBOARD_BUDGET) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
