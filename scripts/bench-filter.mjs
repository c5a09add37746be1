// Benchmark: how long one keystroke in the dashboard search takes to repaint, with the
// default demo (320 tickets) as the baseline and a 10,000-ticket demo, side by side in
// the same run. Prints medians; asserts nothing (shared machines are noisy).
// Usage: serve dist/ (node scripts/static-server.mjs dist 18080), then
//        BASE_URL=http://127.0.0.1:18080 node scripts/bench-filter.mjs
import { launch } from '../tests/e2e/browser.mjs';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:18080';
const QUERIES = ['ف', 'فا', 'فاک', 'فاکت', 'فاکتور', 'فاکتو', 'ورود', 'ایمیل', '۱۰۲', '', 'سایت کند'];
const ROUNDS = 3;

async function measure(page, query) {
  return page.evaluate(async (q) => {
    const input = document.querySelector('input[type=search]');
    const list = document.querySelector('.tickets-page');
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(list, { subtree: true, childList: true, characterData: true });
      setTimeout(() => { observer.disconnect(); resolve(); }, 2000);
    });
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    // The frame after the DOM change is when the user sees it.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - start;
  }, query);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const browser = await launch();
const results = {};
for (const size of [320, 10000]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/dashboard?demo_tickets=${size}`);
  await page.waitForSelector('table.ticket-table tbody tr', { timeout: 60000 });
  await page.selectOption('select[name=status]', '');
  await page.waitForTimeout(300);
  const times = [];
  for (let r = 0; r < ROUNDS; r++) for (const q of QUERIES) times.push(await measure(page, q));
  results[size] = { median: median(times), max: Math.max(...times), samples: times.length };
  await context.close();
}
await browser.close();
console.log('keystroke → repaint in the dashboard search (ms)');
for (const [size, r] of Object.entries(results)) {
  console.log(`  ${String(size).padStart(6)} tickets: median ${r.median.toFixed(1)}, max ${r.max.toFixed(1)} (${r.samples} keystrokes)`);
}
console.log(`  ratio 10,000 / 320 (median): ${(results[10000].median / results[320].median).toFixed(2)}×`);
