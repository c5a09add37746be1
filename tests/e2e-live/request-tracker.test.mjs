// The dashboard against a real Request Tracker 5.0.3 (installed, seeded from a fresh database
// and served by scripts/backends/request-tracker/up.sh): connect through the connection screen
// with an RT auth token, see the seeded list, search in Persian (typed on an Arabic keyboard
// too), open a ticket and read its thread with the internal note, reply, resolve it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage } from '../e2e/browser.mjs';

const BASE_URL = process.env.RT_APP_URL ?? 'http://127.0.0.1:18190';
const TOKENS = process.env.RT_TOKENS ?? 'target/backends/request-tracker/tokens.json';
const CONFIG = process.env.RT_CONFIG ?? 'tests/e2e-live/request-tracker.config.json';
const tokens = () => JSON.parse(readFileSync(TOKENS, 'utf8'));

/** Credentials as the connection screen keeps them: in sessionStorage, this tab only. */
async function signIn(page, token) {
  await page.addInitScript((t) => sessionStorage.setItem('pishkhan.credentials.v2', `token\n${t}`), token);
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const rows = () => document.querySelectorAll('table.ticket-table tbody tr').length;

/** What RT itself stored: the text of a ticket's last transaction of `type`. */
async function storedText(ticket, type) {
  const { base_url: base, agent } = tokens();
  const get = async (path) => {
    const r = await fetch(`${base}${path}`, { headers: { Authorization: `token ${agent.token}` } });
    assert.equal(r.status, 200, path);
    return r.json();
  };
  const history = await get(`/ticket/${ticket}/history?fields=Type&per_page=100`);
  const last = history.items.filter((i) => i.Type === type).at(-1);
  const parts = await get(`/transaction/${last.id}/attachments?fields=Content,ContentType`);
  return parts.items.find((p) => p.ContentType.startsWith('text/plain')).Content;
}

test('Request Tracker: the connection screen refuses a wrong token, then connects and returns', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/dashboard/tickets/2`);
  await page.waitForURL(/\/dashboard\/connect\?next=%2Fdashboard%2Ftickets%2F2$/);
  // The deployment fixed kind and address; only who you are is asked.
  assert.equal(await page.isDisabled('select[name=kind]'), true);
  assert.equal(await page.inputValue('input[name=base]'), JSON.parse(readFileSync(CONFIG, 'utf8')).api_base);

  // RT answers a browser's wrong token with a redirect to its login page, not a 401.
  await page.fill('input[name=secret]', '1-27-00000000000000000000000000000000');
  await page.click('button:has-text("آزمودن اتصال")');
  await page.waitForSelector('.diagnosis[data-ok=false]');
  assert.match(await page.textContent('.diagnosis'), /نپذیرفت/);

  await page.fill('input[name=secret]', tokens().agent.token);
  await page.click('.connect-form button[type=submit]');
  await page.waitForURL(/\/dashboard\/tickets\/2$/);
  assert.equal((await page.textContent('.ticket-detail h1')).trim(), 'درخواست بازگشت وجه سفارش ۱۲۳۴');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Request Tracker: list, Persian search, thread with the internal note, reply, resolve', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, tokens().agent.token);
  await page.goto(`${BASE_URL}/dashboard`);
  await page.waitForSelector('table.ticket-table tbody tr');
  // The default filter is the active statuses: RT's new, open and stalled (8 of the 10).
  await page.waitForFunction(() => /۸ تیکت/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
  await page.selectOption('select[name=status]', '');
  await page.waitForFunction(() => /۱۰ تیکت/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));

  // Arabic-keyboard kaf: «فاكتور» finds «فاکتور».
  await page.fill('input[type=search]', 'فاكتور');
  await page.waitForFunction((n) => document.querySelectorAll('table.ticket-table tbody tr').length === n, 1);
  assert.equal((await page.textContent('td.col-subject')).trim(), 'فاکتور اسفند ماه دریافت نشد');
  assert.equal((await page.textContent('td.col-department')).trim(), 'پشتیبانی فنی', 'queue names come from RT');

  // Arabic ي and ك in two words, both of which must match.
  await page.fill('input[type=search]', 'پنل كاربري');
  const row = page.locator('td.col-subject a', { hasText: 'مشکل ورود به پنل کاربری' });
  await row.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table.ticket-table tbody tr').length === 1);
  await row.click();
  await page.waitForSelector('.ticket-detail .thread > li');
  assert.equal((await page.textContent('.ticket-detail h1')).trim(), 'مشکل ورود به پنل کاربری');
  assert.match(await page.textContent('.customer-card'), /مریم رضایی/, 'the requestor by name');
  const customer = page.locator('.thread > li.message-customer');
  assert.equal(await customer.count(), 2, 'the request and the customer reply');
  assert.match(await customer.first().textContent(), /نمی‌توانم وارد پنل کاربری شوم/);
  const notes = page.locator('.thread > li[data-visibility=internal]');
  assert.equal(await notes.count(), 1, 'the comment, as an internal note');
  assert.match(await notes.textContent(), /خطای انقضای نشست \(session\)/);
  assert.equal(await page.getAttribute('.ticket-meta .badge.status', 'data-status'), 'waiting_on_customer');

  const count = await page.locator('.thread > li').count();
  const reply = 'سلام خانم رضایی، تنظیمات کوکی اصلاح شد؛ لطفاً دوباره وارد شوید. «۱۴۰۴/۰۱/۱۵»';
  await page.fill('.composer textarea', reply);
  await page.click('.composer button[type=submit]');
  await page.waitForFunction((n) => document.querySelectorAll('.thread > li').length > n, count);
  const last = await page.locator('.thread > li.message-agent').last().textContent();
  assert.ok(last.includes(reply), 'the reply came back into the thread');
  assert.equal(await storedText(1, 'Correspond'), reply, 'RT stored it byte for byte');

  await page.selectOption('.ticket-side select[name=status]', 'resolved');
  await page.waitForSelector('.ticket-meta .badge.status[data-status=resolved]');
  assert.equal((await page.textContent('.ticket-meta .badge.status')).trim(), 'resolved', "RT's own status name");
  assert.deepEqual(problems, []);
  await context.close();
});

test('Request Tracker: an expired token goes back to the connection screen and keeps the page', async () => {
  const { context, page } = await openPage(browser);
  await signIn(page, '1-27-00000000000000000000000000000000');
  await page.goto(`${BASE_URL}/dashboard/tickets/3`);
  await page.waitForURL(/\/dashboard\/connect\?next=%2Fdashboard%2Ftickets%2F3$/);
  await page.fill('input[name=secret]', tokens().agent.token);
  await page.click('.connect-form button[type=submit]');
  await page.waitForURL(/\/dashboard\/tickets\/3$/);
  await page.waitForSelector('.ticket-detail .thread > li');
  assert.equal((await page.textContent('.ticket-detail h1')).trim(), 'خطای ۵۰۰ هنگام پرداخت آنلاین');
  await context.close();
});
