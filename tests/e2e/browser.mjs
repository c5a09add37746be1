// Shared Playwright setup: Debian's Chromium with the flags this machine needs, and a
// page that records console errors, page errors and CSP violations for the tests to check.
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:18080';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/** A fresh context (empty localStorage) and a page whose problems are collected. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported below with their URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  return { context, page, problems };
}

/** Persian or Arabic-Indic digits → ASCII. */
export const asciiDigits = (s) => s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
export const persianDigits = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
