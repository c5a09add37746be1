// The dashboard on the demo backend as a person sees it: RTL Persian, real demo tickets,
// Jalali dates in Persian digits, a search that narrows the list as you type, the
// language switch, and no CSP violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const rowCount = (page) => page.locator('table.ticket-table tbody tr').count();
const totalShown = async (page) => {
  const text = await page.textContent('[data-testid=result-count]');
  const digits = text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[^0-9]/g, '');
  return Number(digits);
};

test('dashboard lists demo tickets with Jalali dates and search narrows as you type', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/dashboard`);
  await page.waitForSelector('table.ticket-table tbody tr');
  assert.equal(await page.getAttribute('html', 'lang'), 'fa');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

  await page.selectOption('select[name=status]', '');
  await page.waitForFunction(() => /۳۲۰/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
  assert.equal(await rowCount(page), 50, 'first page of 50');
  const created = await page.locator('td.col-created').first().textContent();
  assert.match(created.trim(), /^۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2}$/, `Jalali short date in Persian digits: ${created}`);

  const all = await totalShown(page);
  await page.locator('input[type=search]').pressSequentially('فاک', { delay: 30 });
  await page.waitForFunction((n) => {
    const t = document.querySelector('[data-testid=result-count], [data-testid=no-results]')?.textContent ?? '';
    const d = Number(t.replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x06f0)).replace(/[^0-9]/g, ''));
    return d > 0 && d < n;
  }, all);
  const narrowed = await totalShown(page);
  assert.ok(narrowed < all && narrowed > 0, `"فاک" narrows ${all} to ${narrowed}`);
  // Arabic kaf/yeh typed by the user match the Persian letters in the data.
  await page.fill('input[type=search]', 'فاكتور');
  await page.waitForFunction(() => document.querySelectorAll('table.ticket-table tbody tr').length > 0);
  const subjects = await page.locator('td.col-subject').allTextContents();
  assert.ok(subjects.length > 0 && subjects.some((s) => s.includes('فاکتور')), 'فاكتور (Arabic kaf) finds فاکتور');

  assert.deepEqual(problems, []);
  await context.close();
});

test('language switch flips to English LTR; the calendar is a separate setting', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/dashboard`);
  await page.waitForSelector('table.ticket-table tbody tr');
  await page.selectOption('select[name=lang]', 'en');
  await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  assert.equal(await page.getAttribute('.app', 'dir'), 'ltr');
  assert.equal((await page.locator('th').first().textContent()).trim(), 'Number');
  const jalaliEn = (await page.locator('td.col-created').first().textContent()).trim();
  assert.match(jalaliEn, /^14\d\d\/\d\d\/\d\d$/, `English keeps the Jalali calendar: ${jalaliEn}`);
  await page.selectOption('select[name=calendar]', 'gregorian');
  await page.waitForFunction(() => /^20\d\d-\d\d-\d\d$/.test(document.querySelector('td.col-created')?.textContent.trim() ?? ''));
  // Preferences survive a reload.
  await page.reload();
  await page.waitForSelector('table.ticket-table tbody tr');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the release build runs under its strict CSP with no violations', async () => {
  const { context, page } = await openPage(browser);
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${BASE_URL}/dashboard`);
  await page.waitForSelector('table.ticket-table tbody tr');
  await page.goto(`${BASE_URL}/portal`);
  await page.waitForSelector('form.ticket-form');
  assert.deepEqual(violations, []);
  await context.close();
});

test('?demo_tickets=10000 seeds a scale demo that still searches by number', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/dashboard?demo_tickets=10000`);
  await page.waitForSelector('table.ticket-table tbody tr', { timeout: 60000 });
  await page.selectOption('select[name=status]', '');
  await page.waitForFunction(() => /۱۰٬۰۰۰/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
  await page.fill('input[type=search]', '۱۹۹۹۹');
  await page.waitForFunction(() => document.querySelectorAll('table.ticket-table tbody tr').length === 1);
  assert.equal(await page.getAttribute('table.ticket-table tbody tr', 'data-ticket-number'), '19999');
  assert.deepEqual(problems, []);
  await context.close();
});

test('links navigate in place; back and forward work; unknown paths say so', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector('table.ticket-table tbody tr');
  assert.equal(new URL(page.url()).pathname, '/dashboard', 'the root is the dashboard');
  assert.equal(await page.getAttribute('.shell-nav a[href="/dashboard"]', 'aria-current'), 'page');
  await page.evaluate(() => { window.__samePage = true; });
  const link = page.locator('table.ticket-table tbody tr .col-subject a').first();
  const href = await link.getAttribute('href');
  assert.match(href, /^\/dashboard\/tickets\/\d+$/);
  await link.click();
  await page.waitForSelector('.ticket-detail h1');
  assert.equal(new URL(page.url()).pathname, href);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no full page load');
  await page.goBack();
  await page.waitForSelector('table.ticket-table tbody tr');
  await page.goForward();
  await page.waitForSelector('.ticket-detail h1');
  await page.click('.shell-nav a[href="/portal"]');
  await page.waitForSelector('form.ticket-form');
  assert.equal(await page.evaluate(() => window.__samePage), true);
  await page.goto(`${BASE_URL}/no/such/page`);
  await page.waitForSelector('.not-found');
  assert.deepEqual(problems, []);
  await context.close();
});
