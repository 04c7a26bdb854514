// End-to-end: what a hostile tester tried against the built site, each now refused or said,
// never lost in silence. A key given twice, bodies past the size limit however they arrive, a
// section of 50,000 records, a deck with hostile slides, no reports file, a redirect to another
// origin, names that reorder or overflow, repeated link parameters.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { launch, open, SIZES, waitForChart } from './browser.mjs';
import { startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withSite(options, body, size = SIZES.laptop) {
  const server = await startServer({ root: DIST, ...options });
  const context = await browser.newContext(size);
  try {
    await body(server, context);
  } finally {
    await context.close();
    await server.close();
  }
}

const json = (file) => JSON.parse(readFileSync(`${DIST}/data/${file}`, 'utf8'));

// Keeps the memory our wasm instance exports, to read how far it grew.
const KEEP_WASM_MEMORY = () => {
  window.__memories = [];
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result.instance;
        for (const value of Object.values(instance.exports)) {
          if (value instanceof WebAssembly.Memory) window.__memories.push(value);
        }
        return result;
      });
    };
  }
};
const wasmMegabytes = (page) => page.evaluate(() => window.__memories.reduce((s, m) => s + m.buffer.byteLength, 0) / 1048576);

describe('data files', () => {
  test('a key given twice is an error naming the file and the key, for a section and for the places', async () => {
    const medals = readFileSync(`${DIST}/data/observations/medals.json`, 'utf8').trimEnd();
    const overrides = { 'data/observations/medals.json': { body: `${medals.slice(0, -1)}, "observations": []}` } };
    await withSite({ overrides }, async (server, context) => {
      const { page } = await open(context, `${server.url}?view=medals`);
      await page.waitForSelector('.file-error');
      assert.match(await page.textContent('.file-error'), /observations\/medals\.json: the key "observations" appears twice/);
      await page.click('.tab[data-view=events]');
      assert.ok((await waitForChart(page)).marks > 0, 'the other sections still work');
    });
    const entities = readFileSync(`${DIST}/data/entities.json`, 'utf8').trimEnd();
    const places = { 'data/entities.json': { body: `${entities.slice(0, -1)}, "entities": []}` } };
    await withSite({ overrides: places }, async (server, context) => {
      const { page } = await open(context, `${server.url}?view=medals`);
      await page.waitForSelector('.file-error');
      assert.match(await page.textContent('.file-error'), /entities\.json: the key "entities" appears twice/);
    });
  });

  for (const [name, fault] of [
    ['100 MB sent in pieces with no Content-Length', { stream: 100 * 1024 * 1024 }],
    ['a small gzip body that inflates to 100 MB', { gzip: 100 * 1024 * 1024 }],
  ]) {
    test(`${name}: refused at the limit, the memory never near it`, async () => {
      const overrides = { 'data/observations/events.json': fault };
      await withSite({ overrides }, async (server, context) => {
        await context.addInitScript(KEEP_WASM_MEMORY);
        const { page } = await open(context, `${server.url}?view=events`);
        await page.waitForSelector('.file-error', { timeout: 20_000 });
        assert.match(await page.textContent('.file-error'), /events\.json: too large \(over 16 MB, the limit\)/);
        const grown = await wasmMegabytes(page);
        assert.ok(grown < 40, `the wasm memory grew to ${grown.toFixed(1)} MB`);
      });
    });
  }

  test('a redirect to another origin is refused, though that origin allows it', async () => {
    const events = readFileSync(`${DIST}/data/observations/events.json`);
    const other = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(events);
    });
    await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
    const elsewhere = `http://127.0.0.1:${other.address().port}/events.json`;
    try {
      await withSite({ overrides: { 'data/observations/events.json': { redirect: elsewhere } } }, async (server, context) => {
        const { page } = await open(context, `${server.url}?view=events`);
        await page.waitForSelector('.file-error');
        assert.match(await page.textContent('.file-error'), /events\.json: answered from another origin/);
      });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  test('50,000 competitions in one section: drawn in part, and what was left out is said', async () => {
    const medals = json('observations/medals.json');
    for (let i = 0; i < 50_000; i++) {
      medals.observations.push({
        entity: 'jiaozuo', year: 2022, year_basis: 'publication_date', year_note: { zh: '测试', en: 'test' },
        indicator: 'medals_gold', value: 1, qualifier: 'exact', unit: '枚', status: 'reported',
        context: { zh: `比赛${i}` }, source: { doc: '000_13b76a47599bb06a.txt', quote: '1金' },
      });
    }
    const overrides = { 'data/observations/medals.json': { body: JSON.stringify(medals) } };
    await withSite({ overrides }, async (server, context) => {
      const { page } = await open(context, `${server.url}?view=medals&entities=jiaozuo`);
      const chart = await waitForChart(page);
      assert.ok(chart.marks > 0 && chart.marks <= 60 * 3, `${chart.marks} bars drawn`);
      assert.match(await page.textContent('.section'), /只画出前60组（另有49,9\d\d组/);
      await page.click('button[data-show=table]');
      await page.waitForSelector('table.data-table tbody tr');
      assert.ok((await page.locator('table.data-table tbody tr').count()) <= 60 * 3);
    });
  });

  test('without reports.json the charts are drawn and the sources are said to be unavailable', async () => {
    const overrides = { 'data/reports.json': { status: 404, type: 'text/plain', body: 'not found' } };
    await withSite({ overrides }, async (server, context) => {
      const { page, errors } = await open(context, `${server.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo`);
      assert.ok((await waitForChart(page)).marks > 0);
      assert.match(await page.textContent('.section'), /reports\.json）无法读取/);
      assert.match(await page.textContent('.problems'), /reports\.json: HTTP 404/);
      assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
    });
  });

  test('names that reorder or run on are shown plainly, and named as problems', async () => {
    const entities = json('entities.json');
    entities.entities.find((e) => e.id === 'hedong').name.zh = '河东\u202e区县';
    entities.entities.find((e) => e.id === 'xx-county').name.zh = '长'.repeat(10_000);
    const overrides = { 'data/entities.json': { body: JSON.stringify(entities) } };
    await withSite({ overrides }, async (server, context) => {
      const { page } = await open(context, `${server.url}?view=facilities`);
      await waitForChart(page);
      assert.doesNotMatch(await page.textContent('.chip[data-entity=hedong]'), /\u202e/);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 1366, 'the page is as wide as the screen');
      const problems = await page.textContent('.problems');
      assert.match(problems, /entities\.json: entities\[\d+\] \(hedong\): field `name`: contains the invisible or reordering character U\+202E/);
      assert.match(problems, /\(xx-county\): field `name`: 10000 characters/);
    });
  });
});

describe('the presentation', () => {
  test('slides that cannot be shown keep their place and say why', async () => {
    const deck = json('deck.json');
    deck.slides.splice(1, 0,
      { title: { zh: '恶意链接' }, view: 'view=javascript:alert(1)' },
      { title: { zh: '超长' }, view: `view=${'x'.repeat(100_000)}` },
      { title: { zh: '未知地区' }, view: 'view=medals&entities=jiaozuo,nowhere' });
    const overrides = { 'data/deck.json': { body: JSON.stringify(deck) } };
    await withSite({ overrides }, async (server, context) => {
      const { page } = await open(context, `${server.url}?present=1&slide=2`);
      await page.waitForSelector('.stage[data-slide="2"]');
      assert.match(await page.textContent('.stage-count'), /第 2 \/ 12 页/, 'every slide counted');
      assert.match(await page.textContent('.stage-title'), /恶意链接/);
      assert.match(await page.textContent('.stage .problems'), /deck\.json: slides\[1\] \(恶意链接\): field `view`: names no section/);
      assert.equal(await page.locator('.stage-empty').count(), 1);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('.stage[data-slide="4"] canvas.chart[data-marks]');
      assert.match(await page.textContent('.stage .problems'), /unknown entity "nowhere"/);
    }, SIZES.presentation);
  });
});

describe('links', () => {
  test('a parameter given twice: the last counts, and the one it replaced is said', async () => {
    await withSite({}, async (server, context) => {
      const { page } = await open(context, `${server.url}?view=medals&show=table&show=chart`);
      await waitForChart(page);
      assert.match(await page.textContent('.note'), /show=table/);
    });
  });
});
