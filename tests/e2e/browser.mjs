// Debian's Chromium, launched headless with the flags this machine needs (see ../../README.md).
// Playwright gives every launch a fresh, empty profile directory.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  laptop: { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  presentation: { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
};

export const VIEWS = ['medals', 'events', 'facilities', 'industry', 'talent', 'governance'];

/// Opens `url` in a new page of `context`, collecting console errors and page errors.
export async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

/// Waits until the chart canvas has drawn, and returns how many of its pixels are not white.
export async function waitForChart(page) {
  await page.waitForSelector('canvas.chart[data-marks]');
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas.chart');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++;
    }
    return { ink, marks: Number(canvas.dataset.marks), width: canvas.width, height: canvas.height };
  });
}

/// Moves the pointer (or taps, on a touch screen; or clicks) across the chart until a source
/// card (hover) or the source panel (tap, click) opens. Returns whether one did. Bars and points
/// are not in the DOM, so a person's way is the only way.
/// A chart taller than the screen (bars laid across on a phone) is scrolled to each row tried.
export async function openSourceCard(page, { touch = false, click = false, from = 0.3, to = 0.95 } = {}) {
  const canvas = page.locator('canvas.chart');
  const screen = page.viewportSize();
  const opened = touch || click ? '.source-panel' : '.tooltip';
  for (let fy = from; fy <= to; fy += 0.04) {
    let box = await canvas.boundingBox();
    if (box.y + box.height * fy < 0 || box.y + box.height * fy > screen.height) {
      await page.evaluate((dy) => window.scrollBy(0, dy), box.y + box.height * fy - screen.height / 2);
      box = await canvas.boundingBox();
    }
    const y = box.y + box.height * fy;
    for (let x = box.x + 40; x < box.x + box.width; x += 12) {
      if (touch) await page.touchscreen.tap(x, y);
      else if (click) await page.mouse.click(x, y);
      else await page.mouse.move(x, y);
      if (await page.locator(opened).count()) return true;
    }
  }
  return false;
}
