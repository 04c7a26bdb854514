// End-to-end: the built site (dist/) served on loopback and driven in Debian's Chromium,
// the way a person would use it. Run from this folder: `node --test`; DIST overrides ../../dist.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, open, openSourceCard, SIZES, VIEWS, waitForChart } from './browser.mjs';
import { startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withSite(options, body) {
  const server = await startServer({ root: DIST, ...options });
  const context = await browser.newContext(SIZES.laptop);
  try {
    await body(server.url, context, server);
  } finally {
    await context.close();
    await server.close();
  }
}

const canvasImage = (page) => page.evaluate(() => document.querySelector('canvas.chart').toDataURL());

describe('the dashboard', () => {
  test('loads with no console error and draws the default view', async () => {
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, url);
      const chart = await waitForChart(page);
      assert.ok(chart.marks > 0, 'bars or points drawn');
      assert.ok(chart.ink > 5000, `chart has ink (${chart.ink} pixels)`);
      assert.equal(await page.getAttribute('.tab[data-view=medals]', 'aria-pressed'), 'true');
      assert.deepEqual(errors, []);
    });
  });

  test('every view draws a non-empty chart', async () => {
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, url);
      await waitForChart(page);
      for (const view of VIEWS) {
        await page.click(`.tab[data-view=${view}]`);
        await page.waitForFunction((v) => location.search.includes(`view=${v}`), view);
        const chart = await waitForChart(page);
        assert.ok(chart.marks > 0, `${view}: marks drawn`);
        assert.ok(chart.ink > 3000, `${view}: ink ${chart.ink}`);
      }
      assert.deepEqual(errors, []);
    });
  });

  test('under the chart, what the indicator counts, from the data, in the page\'s language', async () => {
    const { indicators } = JSON.parse(readFileSync(join(DIST, 'data', 'indicators.json'), 'utf8'));
    const about = (id) => indicators.find((i) => i.id === id).description;
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=facilities&indicator=sports_area_per_capita`);
      await waitForChart(page);
      assert.equal(await page.textContent('.indicator-about'), about('sports_area_per_capita').zh);
      await page.selectOption('select.indicator', 'facility_investment');
      await page.waitForFunction((t) => document.querySelector('.indicator-about')?.textContent === t, about('facility_investment').zh);
      await page.goto(`${url}?view=facilities&indicator=sports_area_per_capita&lang=en&show=table`);
      await page.waitForSelector('table.data-table');
      assert.equal(await page.textContent('.indicator-about'), about('sports_area_per_capita').en);
      assert.deepEqual(errors, []);
    });
  });

  test('back and forward go through the views opened, as in any site', async () => {
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=medals`);
      await waitForChart(page);
      const shown = (view) => page.waitForSelector(`.tab[data-view=${view}][aria-pressed=true]`);
      for (const view of ['facilities', 'events']) {
        await page.click(`.tab[data-view=${view}]`);
        await page.waitForFunction((v) => location.search.includes(`view=${v}`), view);
        await waitForChart(page);
      }
      const length = await page.evaluate(() => history.length);
      for (const [step, view] of [['back', 'facilities'], ['back', 'medals'], ['forward', 'facilities'], ['forward', 'events']]) {
        await (step === 'back' ? page.goBack() : page.goForward());
        await shown(view);
        assert.match(page.url(), new RegExp(`view=${view}`), `${step} to ${view}`);
        await waitForChart(page);
      }
      assert.equal(await page.evaluate(() => history.length), length, 'going back and forth adds no entries');
      assert.deepEqual(errors, []);
    });
  });

  test('choosing a city changes both the chart and the table', async () => {
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=medals&entities=jiaozuo`);
      const before = await waitForChart(page);
      const imageBefore = await canvasImage(page);
      await page.click('button.chip[data-entity=hedong]');
      await page.waitForFunction((n) => Number(document.querySelector('canvas.chart').dataset.marks) !== n, before.marks);
      assert.notEqual(await canvasImage(page), imageBefore, 'the chart was redrawn');
      assert.match(page.url(), /entities=jiaozuo,hedong/);

      await page.click('button[data-show=table]');
      await page.waitForSelector('table.data-table');
      const entities = await page.$$eval('tbody tr', (rows) => rows.map((r) => r.dataset.entity));
      assert.ok(entities.includes('hedong') && entities.includes('jiaozuo'));
      const marks = Number((await waitForChartAfterToggle(page)).marks);
      assert.equal(entities.length, marks, 'the table has a row per bar');

      await page.click('button[data-show=table]');
      await page.click('button.chip[data-entity=jiaozuo]');
      await page.waitForFunction(() => [...document.querySelectorAll('tbody tr')].every((r) => r.dataset.entity === 'hedong'));
      assert.deepEqual(errors, []);
    });
  });

  test('hovering a bar shows its value, qualifier, unit and source sentence', async () => {
    await withSite({}, async (url, context) => {
      const { page } = await open(context, `${url}?view=events&indicator=fitness_events&entities=jiaozuo`);
      await waitForChart(page);
      const found = await openSourceCard(page);
      assert.ok(found, 'a tooltip appeared somewhere over the chart');
      const quote = await page.textContent('.tooltip .quote');
      const value = await page.textContent('.tooltip .card-value');
      const source = await page.textContent('.tooltip .card-source');
      assert.ok(/全民健身活动110次|200多项/.test(quote), quote);
      assert.ok(/110次|200\+项/.test(value), value);
      assert.ok(/\.txt/.test(source), source);
    });
  });

  test('the address reproduces the view, and "not reported" is no data, never zero', async () => {
    await withSite({}, async (url, context) => {
      const { page } = await open(
        context,
        `${url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&years=2021-2023&show=table`,
      );
      await page.waitForSelector('table.data-table tbody tr');
      const cells = await page.$$eval('tbody tr:not(.reference)', (rows) => rows.map((r) => [r.children[2].textContent, r.children[4].textContent]));
      assert.deepEqual(cells, [['2021', '2.26平方米'], ['2022', '无数据'], ['2023', '2.62平方米']]);
    });
  });

  test('the canvas is crisp on a HiDPI screen', async () => {
    const server = await startServer({ root: DIST });
    const context = await browser.newContext({ ...SIZES.laptop, deviceScaleFactor: 2 });
    try {
      const { page } = await open(context, server.url);
      const chart = await waitForChart(page);
      const cssWidth = await page.evaluate(() => document.querySelector('canvas.chart').clientWidth);
      assert.ok(Math.abs(chart.width - cssWidth * 2) <= 2, `${chart.width} vs ${cssWidth} css px`);
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('each data file is fetched once: the catalog and the section as the page preloads them, a section however often it is shown', async () => {
    await withSite({}, async (url, context, server) => {
      const { page, errors } = await open(context, url);
      await waitForChart(page);
      await page.click('.tab[data-view=events]');
      await waitForChart(page);
      await page.click('.tab[data-view=medals]');
      await waitForChart(page);
      const catalog = ['data/entities.json', 'data/indicators.json', 'data/reports.json', 'data/references.json'];
      for (const file of [...catalog, 'data/observations/medals.json', 'data/observations/events.json']) {
        assert.equal(server.served(file), 1, file);
      }
      // A preload the app's own fetch did not match would be a second entry, made by 'fetch'.
      // The section's file is preloaded too (preload.js), the next section's is not.
      const initiators = await page.evaluate((files) => files.map((f) => performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname === `/${f}`)
        .map((e) => e.initiatorType)), [...catalog, 'data/observations/medals.json']);
      assert.deepEqual(initiators, [['link'], ['link'], ['link'], ['link'], ['link']]);
      assert.deepEqual(errors, []);
    });
  });

  test('the note shown while the wasm loads goes when the app runs, and is never shown without scripts', async () => {
    const server = await startServer({ root: DIST });
    const context = await browser.newContext(SIZES.laptop);
    const noScripts = await browser.newContext({ ...SIZES.laptop, javaScriptEnabled: false });
    try {
      const { page } = await open(context, server.url);
      await waitForChart(page);
      assert.equal(await page.locator('.boot').count(), 0);

      const plain = await noScripts.newPage();
      await plain.goto(server.url);
      assert.equal(await plain.locator('.boot').count(), 1);
      assert.equal(await plain.locator('.boot').isVisible(), false);
    } finally {
      await context.close();
      await noScripts.close();
      await server.close();
    }
  });

  test('a chart that leaves the page stops observing its size', async () => {
    await withSite({}, async (url, context) => {
      await context.addInitScript(() => {
        window.__observers = { observing: 0, disconnected: 0 };
        const { observe, disconnect } = ResizeObserver.prototype;
        ResizeObserver.prototype.observe = function (...args) { window.__observers.observing++; return observe.apply(this, args); };
        ResizeObserver.prototype.disconnect = function () { window.__observers.disconnected++; return disconnect.apply(this); };
      });
      const { page, errors } = await open(context, url);
      await waitForChart(page);
      for (const view of ['events', 'facilities', 'medals']) {
        await page.click(`.tab[data-view=${view}]`);
        await waitForChart(page);
      }
      // Four charts were shown, one is on the page: three observers gone, one observing.
      assert.deepEqual(await page.evaluate(() => window.__observers), { observing: 4, disconnected: 3 });
      assert.deepEqual(errors, []);
    });
  });

  test('works when served under a sub-path', async () => {
    await withSite({ base: '/stats/sports/' }, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=industry`);
      const requests = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      const chart = await waitForChart(page);
      assert.ok(chart.marks > 0);
      await page.click('.tab[data-view=talent]');
      await waitForChart(page);
      assert.ok(requests.length > 0 && requests.every((p) => p.startsWith('/stats/sports/')), requests.join(' '));
      assert.deepEqual(errors, []);
    });
  });
});

describe('bad data files', () => {
  test('a file that is not JSON names itself, and the other views keep working', async () => {
    const overrides = { 'data/observations/events.json': { body: '{ "dataset": "events", "observations": [ {' } };
    await withSite({ overrides }, async (url, context) => {
      const { page } = await open(context, `${url}?view=events`);
      const message = await page.textContent('.file-error');
      assert.match(message, /data\/observations\/events\.json/);
      assert.match(message, /not valid JSON/);
      assert.equal(await page.locator('.file-error button.retry').count(), 1);
      await page.click('.tab[data-view=medals]');
      const chart = await waitForChart(page);
      assert.ok(chart.marks > 0);
      assert.equal(await page.locator('.file-error').count(), 0);
    });
  });

  test('a missing file and a file that breaks the schema are reported', async () => {
    const overrides = {
      'data/observations/facilities.json': { status: 404, body: 'not found', type: 'text/plain' },
      'data/observations/talent.json': { body: '{ "dataset": "talent", "rows": [] }' },
    };
    await withSite({ overrides }, async (url, context) => {
      const { page } = await open(context, `${url}?view=facilities`);
      assert.match(await page.textContent('.file-error'), /data\/observations\/facilities\.json: HTTP 404/);
      await page.click('.tab[data-view=talent]');
      await page.waitForFunction(() => document.querySelector('.file-error')?.textContent.includes('talent.json'));
      assert.match(await page.textContent('.file-error'), /"observations" array/);
      await page.click('.tab[data-view=industry]');
      assert.ok((await waitForChart(page)).marks > 0);
    });
  });

  test('a broken record is listed by file, record and field while the rest is drawn', async () => {
    const { readFileSync } = await import('node:fs');
    const medals = JSON.parse(readFileSync(`${DIST}/data/observations/medals.json`, 'utf8'));
    medals.observations[1].value = 'one';
    const overrides = { 'data/observations/medals.json': { body: JSON.stringify(medals) } };
    await withSite({ overrides }, async (url, context) => {
      const { page } = await open(context, `${url}?view=medals`);
      const chart = await waitForChart(page);
      assert.ok(chart.marks > 0);
      const problems = await page.textContent('details.problems');
      assert.match(problems, /observations\/medals\.json: observations\[1\] \(jiaozuo 2021 medals_gold\): field `value`/);
    });
  });
});

describe('recovery and touch', () => {
  test('a broken catalog file is named, and retry shows the data once it is fixed', async () => {
    const overrides = { 'data/entities.json': { status: 500, body: 'boom', type: 'text/plain' } };
    await withSite({ overrides }, async (url, context) => {
      const { page } = await open(context, url);
      assert.match(await page.textContent('.file-error'), /data\/entities\.json: HTTP 500/);
      delete overrides['data/entities.json'];
      await page.click('.file-error button.retry');
      const chart = await waitForChart(page);
      assert.ok(chart.marks > 0);
      assert.equal(await page.locator('.file-error').count(), 0);
    });
  });

  test('on a phone, tapping a bar opens its source card', async () => {
    const server = await startServer({ root: DIST });
    const context = await browser.newContext(SIZES.phone);
    try {
      const { page, errors } = await open(context, `${server.url}?view=industry&indicator=sports_industry_scale&entities=jiaozuo`);
      await waitForChart(page);
      const found = await openSourceCard(page, { touch: true, from: 0.5 });
      assert.ok(found, 'a tap opened the source panel');
      assert.match(await page.textContent('.source-panel .panel-value'), /61\.56亿元/);
      assert.match(await page.textContent('.source-panel .quote'), /全市体育产业总规模达61\.56亿元/);
      assert.equal(await page.textContent('.source-panel mark'), '61.56');
      const sheet = await page.locator('.source-panel').boundingBox();
      assert.ok(sheet.x >= 0 && sheet.x + sheet.width <= 390, 'the panel fits the screen');
      await page.tap('.panel-close');
      assert.equal(await page.locator('.source-panel').count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('nothing overflows sideways on a phone', async () => {
    const server = await startServer({ root: DIST });
    const context = await browser.newContext(SIZES.phone);
    try {
      for (const view of VIEWS) {
        for (const show of ['chart', 'table']) {
          const { page } = await open(context, `${server.url}?view=${view}&show=${show}`);
          if (show === 'chart') await waitForChart(page);
          else await page.waitForSelector('table.data-table');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${view}/${show} overflows by ${overflow}px`);
          await page.close();
        }
      }
    } finally {
      await context.close();
      await server.close();
    }
  });
});

async function waitForChartAfterToggle(page) {
  await page.click('button[data-show=chart]');
  return waitForChart(page);
}
