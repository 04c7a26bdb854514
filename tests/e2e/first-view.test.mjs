// End-to-end: the first view (src/snapshot.rs) — the default view written into index.html
// when the site is built, painted before the wasm has loaded, and replaced by the app in place.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, SIZES, waitForChart } from './browser.mjs';
import { startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withSite(options, contextOptions, body) {
  const server = await startServer({ root: DIST, ...options });
  const context = await browser.newContext(contextOptions);
  try {
    await body(server.url, context, server);
  } finally {
    await context.close();
    await server.close();
  }
}

/// Opens `url` with the wasm held back until `release()` is called: the page as it is before
/// the app runs.
async function openHeld(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const held = [];
  let released = false;
  await page.route('**/*.wasm', (route) => (released ? route.continue() : held.push(route)));
  await page.goto(url);
  const release = async () => {
    released = true;
    for (const route of held.splice(0)) await route.continue();
  };
  return { page, errors, release };
}

// The parts of the page whose places must not move when the app takes the first view's place.
const PARTS = ['.masthead', '.tabs', '.filters', '.view-bar', '.indicator-about', '.chart-frame', '.chart-summary', '.hint', '.footer'];

function boxes(page, root) {
  return page.evaluate(([root, parts]) => parts.map((part) => {
    const shown = [...document.querySelectorAll(`${root} ${part}`)].filter((e) => e.getClientRects().length);
    if (shown.length !== 1) return `${part}: ${shown.length} shown`;
    const r = shown[0].getBoundingClientRect();
    return `${part} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  }), [root, PARTS]);
}

/// The first view's chart that is shown, and how it fits its frame: its drawing is the frame's
/// size at this screen size, so nothing is scaled or letterboxed until the app draws its own.
function shownChart(page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('.first-view svg.chart')].filter((s) => s.getClientRects().length);
    if (shown.length !== 1) return { count: shown.length };
    const svg = shown[0];
    const frame = svg.closest('.chart-frame').getBoundingClientRect();
    const box = svg.viewBox.baseVal;
    const scale = Math.min(frame.width / box.width, frame.height / box.height);
    return {
      count: 1,
      size: svg.classList[1],
      bars: svg.querySelectorAll('rect').length,
      texts: [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()),
      unused: [frame.width - box.width * scale, frame.height - box.height * scale],
    };
  });
}

describe('the first view', () => {
  for (const [name, device] of Object.entries(SIZES)) {
    test(`${name}: the default view's chart is painted before the wasm loads, and the app takes its place without moving anything`, async () => {
      await withSite({}, device, async (url, context) => {
        const { page, errors, release } = await openHeld(context, url);
        assert.equal(await page.evaluate(() => document.documentElement.className), '');
        const chart = await shownChart(page);
        assert.equal(chart.count, 1, 'one chart shown for this screen size');
        assert.equal(chart.size, { phone: 'phone', laptop: 'laptop', presentation: 'screen' }[name]);
        assert.ok(chart.bars > 10, `bars drawn (${chart.bars} rects)`);
        for (const label of ['焦作市', '河东区', '81', '92']) {
          assert.ok(chart.texts.some((t) => t === label || t.endsWith(label)), `"${label}" in ${chart.texts.join(' | ')}`);
        }
        // Within the rounding of the frame's fractional CSS size (669.6 px drawn as 670).
        assert.ok(Math.abs(chart.unused[0]) < 2 && Math.abs(chart.unused[1]) < 2, `fills its frame: ${chart.unused}`);
        assert.equal(await page.locator('.boot').isVisible(), false, 'no loading note over the first view');
        assert.equal(await page.locator('canvas.chart').count(), 0, 'the app has not run');
        const before = await boxes(page, '.first-view');

        await release();
        const live = await waitForChart(page);
        assert.ok(live.marks > 0);
        assert.equal(await page.locator('.first-view').count(), 0, 'the first view is gone');
        assert.equal(await page.locator('.app').count(), 1);
        assert.equal(await page.locator('canvas.chart').isVisible(), true);
        assert.deepEqual(await boxes(page, 'body'), before);
        assert.deepEqual(errors, []);
      });
    });
  }

  test('a tap or a change in the first view before the app takes over shows at once, and the app does it', async () => {
    for (const [name, device] of [['phone', SIZES.phone], ['laptop', SIZES.laptop]]) {
      await withSite({}, device, async (url, context) => {
        const tap = (page, selector) => (device.hasTouch ? page.tap(selector) : page.click(selector));
        const { page, errors, release } = await openHeld(context, url);
        const chip = '.first-view .chips .chip[data-entity=chongqing]';
        assert.equal(await page.getAttribute(chip, 'aria-pressed'), 'false', name);
        // A phone keeps the chips under the filters' summary.
        if (name === 'phone') await tap(page, '.first-view details.filters > summary');
        await tap(page, chip);
        assert.equal(await page.getAttribute(chip, 'aria-pressed'), 'true', `${name}: the tap shows in the first view`);
        // Another indicator and a later first year, chosen as a person would.
        const picker = '.first-view select.indicator';
        const indicator = await page.$eval(picker, (s) => [...s.options].map((o) => o.value).find((v) => v !== s.value));
        assert.ok(indicator, 'the picker offers another indicator');
        await page.selectOption(picker, indicator);
        await page.fill('.first-view input[data-role=year-from]', '2022');
        await page.press('.first-view input[data-role=year-from]', 'Tab');
        assert.equal(await page.inputValue('.first-view input[data-role=year-from]'), '2022');
        assert.equal(await page.locator('canvas.chart').count(), 0, 'the app has not run');
        await release();
        await waitForChart(page);
        await page.waitForFunction(() => new URL(location.href).searchParams.get('entities')?.split(',').includes('chongqing'));
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('indicator') === id, indicator);
        await page.waitForFunction(() => new URL(location.href).searchParams.get('years')?.startsWith('2022'));
        assert.equal(await page.getAttribute('.chips .chip[data-entity=chongqing]', 'aria-pressed'), 'true', `${name}: the app did it`);
        assert.equal(await page.locator('.chips .chip[data-entity=chongqing]').isVisible(), true, `${name}: where it was tapped`);
        assert.equal(await page.inputValue('select.indicator'), indicator, `${name}: the app's picker shows the indicator chosen`);
        assert.equal(await page.inputValue('input[data-role=year-from]'), '2022', `${name}: and the year typed`);
        assert.deepEqual(errors, []);
        await page.close();

        const second = await openHeld(context, url);
        await tap(second.page, '.first-view .tabs .tab[data-view=events]');
        assert.equal(await second.page.getAttribute('.first-view .tab[data-view=events]', 'aria-pressed'), 'true');
        assert.equal(await second.page.getAttribute('.first-view .tab[data-view=medals]', 'aria-pressed'), 'false');
        await tap(second.page, '.first-view [data-show=table]');
        assert.equal(await second.page.getAttribute('.first-view [data-show=table]', 'aria-pressed'), 'true');
        assert.equal(await second.page.getAttribute('.first-view [data-show=chart]', 'aria-pressed'), 'false');
        // A button with no state of its own shows that it waits for the app.
        await tap(second.page, '.first-view [data-action=embed]');
        assert.match(await second.page.getAttribute('.first-view [data-action=embed]', 'class'), /\bwaiting\b/);
        await second.release();
        await second.page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'events');
        await second.page.waitForFunction(() => new URL(location.href).searchParams.get('show') === 'table');
        assert.equal(await second.page.getAttribute('.tab[aria-pressed=true]', 'data-view'), 'events', `${name}: the app opened the tab`);
        await second.page.waitForSelector('.data-table');
        assert.equal(await second.page.getAttribute('[data-action=embed]', 'aria-expanded'), 'true', `${name}: and the embed code`);
        assert.deepEqual(second.errors, []);
      });
    }
  });

  test('a link to another view, or a device that chose English, never paints it', async () => {
    await withSite({}, SIZES.laptop, async (url, context) => {
      const { page, release } = await openHeld(context, `${url}?view=events`);
      assert.equal(await page.evaluate(() => document.documentElement.className), 'not-first-view');
      assert.equal((await shownChart(page)).count, 0);
      assert.equal(await page.locator('.boot').isVisible(), true, 'the loading note instead');
      await release();
      await waitForChart(page);
      assert.equal(await page.locator('.first-view').count(), 0, 'its markup is gone too');
      assert.equal(await page.locator('.tab[aria-pressed=true]').count(), 1);
      assert.equal(await page.getAttribute('.tab[aria-pressed=true]', 'data-view'), 'events');
      await page.close();

      await context.addInitScript(() => localStorage.setItem('sportdash.lang', '"en"'));
      const english = await openHeld(context, url);
      assert.equal((await shownChart(english.page)).count, 0);
      await english.release();
      await waitForChart(english.page);
      assert.equal(await english.page.textContent('.tab[data-view=medals]'), 'Medals');
    });
  });

  test('a page built without one (the data had problems) loads as before', async () => {
    const built = readFileSync(join(DIST, 'index.html'), 'utf8');
    const start = built.lastIndexOf('<div', built.indexOf('class="app first-view"'));
    const end = built.indexOf('<p class="boot');
    assert.ok(start > 0 && end > start, 'the build has a first view before the loading note');
    const without = built.slice(0, start) + built.slice(end);
    await withSite({ overrides: { 'index.html': { type: 'text/html', body: without } } }, SIZES.laptop, async (url, context) => {
      const { page, errors, release } = await openHeld(context, `${url}index.html`);
      assert.equal(await page.locator('.boot').isVisible(), true, 'the loading note');
      await release();
      await waitForChart(page);
      assert.equal(await page.locator('canvas.chart').isVisible(), true);
      assert.deepEqual(errors, []);
    });
  });

  test('without scripts it is not shown', async () => {
    await withSite({}, { ...SIZES.laptop, javaScriptEnabled: false }, async (url, context) => {
      const page = await context.newPage();
      await page.goto(url);
      assert.equal(await page.locator('.first-view').isVisible(), false);
      assert.equal(await page.locator('.boot').isVisible(), false);
    });
  });

  test('when the section\'s file fails, its error takes the first view\'s place', async () => {
    await withSite({ overrides: { 'data/observations/medals.json': { status: 500, body: 'boom' } } }, SIZES.laptop, async (url, context) => {
      const { page, release } = await openHeld(context, url);
      assert.equal((await shownChart(page)).count, 1);
      await release();
      await page.waitForSelector('.file-error');
      assert.equal(await page.locator('.first-view').count(), 0);
      assert.match(await page.textContent('.file-error'), /observations\/medals\.json/);
      assert.equal(await page.locator('.file-error').isVisible(), true);
    });
  });
});
