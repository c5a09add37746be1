// The end-to-end flow on the demo backend: a customer submits a ticket in the
// portal, an agent finds it by its tracking number typed in Persian digits, changes its
// status, and the portal shows the new status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage, asciiDigits } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('portal ticket is found, changed in the dashboard, and its new status shows in the portal', async () => {
  const { context, page, problems } = await openPage(browser);
  const subject = `قطعی ایمیل سازمانی ${Date.now() % 100000}`;

  await page.goto(`${BASE_URL}/portal`);
  await page.fill('input[name=name]', 'پریا نوری');
  await page.fill('input[name=email]', 'pariya.nouri@example.ir');
  await page.selectOption('select[name=department]', 'technical');
  await page.selectOption('select[name=priority]', 'high');
  await page.fill('input[name=subject]', subject);
  await page.fill('textarea[name=body]', 'از صبح امروز ایمیل‌های سازمانی ما دریافت نمی‌شود.\nلطفاً بررسی کنید.');
  await page.click('form.ticket-form button[type=submit]');

  const trackingEl = page.locator('[data-testid=tracking-number]');
  await trackingEl.waitFor();
  const tracking = (await trackingEl.textContent()).trim();
  assert.match(tracking, /^[۰-۹]+$/, `tracking number is shown in Persian digits: ${tracking}`);

  await page.goto(`${BASE_URL}/dashboard`);
  await page.waitForSelector('table.ticket-table tbody tr');
  assert.equal(await page.getAttribute('.app', 'dir'), 'rtl');
  await page.fill('input[type=search]', tracking);
  const row = page.locator(`tr[data-ticket-number="${asciiDigits(tracking)}"]`);
  await row.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table.ticket-table tbody tr').length === 1);
  assert.equal((await row.locator('.col-subject').textContent()).trim(), subject);
  assert.equal(await row.locator('.col-status .badge').getAttribute('data-status'), 'new');

  await row.locator('.col-subject a').click();
  await page.waitForSelector('.ticket-detail h1');
  assert.equal((await page.textContent('.ticket-detail h1')).trim(), subject);
  await page.selectOption('.ticket-side select[name=status]', 'in_progress');
  await page.waitForSelector('.ticket-meta .badge[data-status=in_progress]');
  // The change is recorded in the thread as a system event.
  await page.waitForSelector('.message-system');

  const id = await page.evaluate(() => location.pathname.split('/').pop());
  await page.goto(`${BASE_URL}/portal/tickets/${id}`);
  const status = page.locator('[data-testid=portal-status] .badge');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-status'), 'in_progress');
  assert.equal((await status.textContent()).trim(), 'در حال بررسی');

  assert.deepEqual(problems, []);
  await context.close();
});
