// Threads on the demo backend: an agent's reply and internal note, drafts that survive a
// reload, and the customer's side — own tickets only, no internal notes, reply, close, reopen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('agent: a draft survives reload; reply waits on the customer; notes are internal', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/dashboard`);
  await page.selectOption('select[name=status]', 'new');
  const first = page.locator('table.ticket-table tbody tr').first();
  await first.waitFor();
  await first.locator('.col-subject a').click();
  await page.waitForSelector('.ticket-detail h1');
  const url = page.url();

  const draft = 'سلام، مشکل را بررسی کردیم و برطرف شد.';
  await page.fill('.composer textarea', draft);
  await page.reload();
  await page.waitForSelector('.composer textarea');
  assert.equal(await page.inputValue('.composer textarea'), draft, 'the draft came back after reload');

  const before = await page.locator('.thread > li').count();
  await page.click('.composer button[type=submit]');
  await page.waitForFunction((n) => document.querySelectorAll('.thread > li').length > n, before);
  assert.equal(await page.getAttribute('.ticket-meta .badge.status', 'data-status'), 'waiting_on_customer');
  assert.equal(await page.inputValue('.composer textarea'), '', 'the composer is cleared after sending');
  assert.ok((await page.locator('.thread > li.message-agent').last().textContent()).includes(draft));

  await page.check('.composer input[value=note]');
  await page.fill('.composer textarea', 'یادداشت داخلی: مشتری VIP است.');
  await page.click('.composer button[type=submit]');
  await page.waitForSelector('.thread > li[data-visibility=internal]:has-text("مشتری VIP است")');

  await page.goto(url);
  await page.waitForSelector('.thread > li[data-visibility=internal]:has-text("مشتری VIP است")');
  assert.deepEqual(problems, []);
  await context.close();
});

test('customer: own tickets only, never internal notes, reply, close and reopen', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/portal/tickets`);
  await page.fill('form.identify input[name=email]', 'zahra.kazemi@example.ir');
  await page.click('form.identify button[type=submit]');
  await page.waitForSelector('table.ticket-table tbody tr');
  const numbers = await page.locator('table.ticket-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.ticketNumber));
  assert.ok(numbers.length >= 5, `the sample customer has tickets: ${numbers.length}`);
  assert.equal(await page.locator('th').filter({ hasText: 'مشتری' }).count(), 0, 'no customer column in her own list');

  // Her tickets as an agent sees them include internal notes somewhere; the portal shows none.
  let sawOpenTicket = false;
  for (const row of await page.locator('table.ticket-table tbody tr').all()) {
    const status = await row.locator('.badge.status').getAttribute('data-status');
    if (status === 'closed') continue;
    await row.locator('.col-subject a').click();
    sawOpenTicket = true;
    break;
  }
  assert.ok(sawOpenTicket, 'she has a ticket that is not closed');
  await page.waitForSelector('.portal-ticket .thread');
  assert.equal(await page.locator('.thread > li[data-visibility=internal]').count(), 0);

  const count = await page.locator('.thread > li').count();
  await page.fill('.composer textarea', 'ممنون، هنوز مشکل دارم.');
  await page.click('.composer button[type=submit]');
  await page.waitForFunction((n) => document.querySelectorAll('.thread > li').length > n, count);
  assert.equal(await page.getAttribute('[data-testid=portal-status] .badge', 'data-status'), 'open');

  await page.click('button:has-text("بستن تیکت")');
  await page.waitForSelector('[data-testid=portal-status] .badge[data-status=closed]');
  assert.equal(await page.locator('.composer').count(), 0, 'a closed ticket has no reply box');
  await page.click('button:has-text("بازگشایی تیکت")');
  await page.waitForSelector('[data-testid=portal-status] .badge[data-status=open]');
  await page.waitForSelector('.composer textarea');
  assert.deepEqual(problems, []);
  await context.close();
});

test('portal form: field errors before sending, nothing typed is lost', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/portal`);
  await page.fill('input[name=subject]', 'پرسش دربارهٔ فاکتور');
  await page.fill('input[name=email]', 'not-an-email');
  await page.click('form.ticket-form button[type=submit]');
  await page.waitForSelector('.field-error');
  const errors = await page.locator('.field-error').allTextContents();
  assert.ok(errors.includes('ایمیل معتبر نیست.'), errors.join(' | '));
  assert.ok(errors.includes('این خانه را پر کنید.'), errors.join(' | '));
  await page.reload();
  await page.waitForSelector('input[name=subject]');
  assert.equal(await page.inputValue('input[name=subject]'), 'پرسش دربارهٔ فاکتور', 'the draft survived the reload');
  assert.equal(await page.inputValue('input[name=email]'), 'not-an-email');
  assert.deepEqual(problems, []);
  await context.close();
});

test('attachments: type and size are checked before sending; sent ones download from the thread', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}/portal`);
  const input = page.locator('form.ticket-form input[type=file]');
  await input.setInputFiles({ name: 'virus.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await page.waitForSelector('.attachment-picker .field-error');
  assert.match(await page.textContent('.attachment-picker .field-error'), /virus\.exe/);
  await input.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(600 * 1024) });
  await page.waitForSelector('.attachment-picker .field-error:has-text("big.png")');
  assert.equal(await page.locator('.picked-files li').count(), 0, 'rejected files are not attached');

  await input.setInputFiles({ name: 'گزارش.txt', mimeType: 'text/plain', buffer: Buffer.from('خطای ۵۰۰ در ساعت ۱۰') });
  await page.waitForSelector('.picked-files li');
  await page.fill('input[name=name]', 'کاوه مرادی');
  await page.fill('input[name=email]', 'kaveh.moradi@example.ir');
  await page.fill('input[name=subject]', 'خطای سرور با پیوست');
  await page.fill('textarea[name=body]', 'گزارش خطا پیوست شد.');
  await page.click('form.ticket-form button[type=submit]');
  await page.click('a:has-text("مشاهدهٔ تیکت")');
  const link = page.locator('.thread .attachments a');
  await link.waitFor();
  assert.equal((await link.textContent()).trim(), 'گزارش.txt');
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith('data:text/plain;base64,'), href.slice(0, 40));
  assert.equal(Buffer.from(href.split(',')[1], 'base64').toString('utf8'), 'خطای ۵۰۰ در ساعت ۱۰');
  // A click downloads through the backend (with credentials, for real servers) as a file.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'گزارش.txt');
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString('utf8'), 'خطای ۵۰۰ در ساعت ۱۰');
  assert.deepEqual(problems, []);
  await context.close();
});
