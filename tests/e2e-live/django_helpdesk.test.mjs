// The dashboard against a real django-helpdesk 2.6.1 (started and seeded by
// scripts/backends/django-helpdesk/up.sh, reset on every run): connect through the connection
// screen, see the list, search in Persian, open a ticket, read its thread, reply,
// resolve it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage } from '../e2e/browser.mjs';

const BASE_URL = process.env.DJANGO_APP_URL ?? 'http://127.0.0.1:18180';
const TOKENS = process.env.DJANGO_TOKENS ?? 'target/backends/django-helpdesk/tokens.json';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const agentToken = () => JSON.parse(readFileSync(TOKENS, 'utf8')).agent;

/** A page already signed in: the credentials the connection screen keeps, in sessionStorage. */
async function agentPage() {
  const opened = await openPage(browser);
  await opened.page.addInitScript((token) => sessionStorage.setItem('pishkhan.credentials.v2', `token\n${token}`),
    agentToken());
  return opened;
}

test('django-helpdesk: the connection screen says what is wrong, then connects and returns', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/dashboard/tickets/2`);
  await page.waitForURL(/\/dashboard\/connect\?next=%2Fdashboard%2Ftickets%2F2$/);
  // The deployment fixed kind and address; only who you are is asked.
  assert.equal(await page.isDisabled('select[name=kind]'), true);
  assert.equal(await page.inputValue('input[name=base]'), 'http://127.0.0.1:18101/helpdesk/api');

  await page.fill('input[name=secret]', 'not-a-real-token');
  await page.click('button:has-text("آزمودن اتصال")');
  await page.waitForSelector('.diagnosis[data-ok=false]');
  assert.match(await page.textContent('.diagnosis'), /نپذیرفت/);

  await page.fill('input[name=secret]', agentToken());
  await page.click('.connect-form button[type=submit]');
  await page.waitForURL(/\/dashboard\/tickets\/2$/);
  await page.waitForSelector('.ticket-detail h1');
  assert.deepEqual(problems.filter((p) => !p.startsWith('http 403')), []);
  await context.close();
});

test('django-helpdesk: list, Persian search, thread with notes, reply', async () => {
  const { context, page, problems } = await agentPage();
  await page.goto(`${BASE_URL}/dashboard`);
  await page.waitForSelector('table.ticket-table tbody tr');
  await page.selectOption('select[name=status]', '');
  await page.waitForFunction(() => /۱۲ تیکت/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));

  await page.fill('input[type=search]', 'فاكتور');
  await page.waitForFunction(() => document.querySelectorAll('table.ticket-table tbody tr').length === 1);
  assert.equal((await page.textContent('td.col-subject')).trim(), 'درخواست فاکتور رسمی');
  assert.equal((await page.textContent('td.col-department')).trim(), 'مالی', 'queue titles come from config');

  await page.fill('input[type=search]', 'ورود به حساب');
  const row = page.locator('td.col-subject a', { hasText: 'ورود به حساب کاربری ممکن نیست' });
  await row.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table.ticket-table tbody tr').length === 1);
  await row.click();
  await page.waitForSelector('.ticket-detail .thread > li');
  assert.equal((await page.textContent('.ticket-detail h1')).trim(), 'ورود به حساب کاربری ممکن نیست');
  assert.ok(await page.locator('.thread > li.message-customer').count() >= 2, 'the request and the customer reply');
  assert.ok(await page.locator('.thread > li[data-visibility=internal]').count() >= 1, 'the internal note is there');

  const count = await page.locator('.thread > li').count();
  const reply = 'سلام، گذرواژهٔ شما بازنشانی شد. لطفاً دوباره وارد شوید.';
  await page.fill('.composer textarea', reply);
  await page.click('.composer button[type=submit]');
  await page.waitForFunction((n) => document.querySelectorAll('.thread > li').length > n, count);
  const last = await page.locator('.thread > li.message-agent').last().textContent();
  assert.ok(last.includes(reply), 'the reply came back byte for byte');
  assert.equal(await page.getAttribute('.ticket-meta .badge.status', 'data-status'), 'waiting_on_customer');

  // A status change goes to the server as a follow-up, so the thread records it.
  await page.selectOption('.ticket-side select[name=status]', '3');
  await page.waitForSelector('.ticket-meta .badge.status[data-status=resolved]');
  assert.equal((await page.textContent('.ticket-meta .badge.status')).trim(), 'Resolved');
  assert.deepEqual(problems, []);
  await context.close();
});

test('django-helpdesk: an expired token goes back to the connection screen and keeps the page', async () => {
  const { context, page } = await openPage(browser);
  await page.addInitScript(() => sessionStorage.setItem('pishkhan.credentials.v2', 'token\nexpired-token'));
  await page.goto(`${BASE_URL}/dashboard/tickets/3`);
  await page.waitForURL(/\/dashboard\/connect\?next=%2Fdashboard%2Ftickets%2F3$/);
  await page.fill('input[name=secret]', agentToken());
  await page.click('.connect-form button[type=submit]');
  await page.waitForURL(/\/dashboard\/tickets\/3$/);
  await page.waitForSelector('.ticket-detail .thread > li');
  await context.close();
});

test('connection screen: a server whose CORS does not allow this page, and nothing at all', async () => {
  // The demo deployment (another origin, not in the server's CORS_ORIGINS) lets the user pick.
  const demoUrl = process.env.DEMO_APP_URL ?? 'http://127.0.0.1:18080';
  const { context, page } = await openPage(browser);
  await page.goto(`${demoUrl}/dashboard/connect`);
  await page.selectOption('select[name=kind]', 'django_helpdesk');
  await page.fill('input[name=base]', 'http://127.0.0.1:18101/helpdesk/api');
  await page.fill('input[name=secret]', agentToken());
  await page.click('button:has-text("آزمودن اتصال")');
  await page.waitForSelector('.diagnosis[data-ok=false]');
  assert.match(await page.textContent('.diagnosis'), /CORS/);

  await page.fill('input[name=base]', 'http://127.0.0.1:9/helpdesk/api');
  await page.click('button:has-text("آزمودن اتصال")');
  await page.waitForFunction(() => /هیچ سروری/.test(document.querySelector('.diagnosis[data-ok=false]')?.textContent ?? ''));
  await context.close();
});
