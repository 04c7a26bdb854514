// End-to-end: every number leads to its source, the pages about all the data, a number given
// by two reports, and the downloads (PNG, SVG, CSV) of exactly what is shown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, open, openSourceCard, SIZES, waitForChart } from './browser.mjs';
import { startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
const SECTIONS = ['medals', 'events', 'facilities', 'industry', 'talent', 'governance'];
const observations = (section) => JSON.parse(readFileSync(`${DIST}/data/observations/${section}.json`, 'utf8')).observations;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withSite(overrides, body, size = SIZES.laptop) {
  const server = await startServer({ root: DIST, overrides });
  const context = await browser.newContext({ ...size, acceptDownloads: true });
  try {
    await body(server.url, context);
  } finally {
    await context.close();
    await server.close();
  }
}

describe('the source panel', () => {
  test('clicking a bar opens the sentence with the number marked, the report, and how year and place were read', async () => {
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=events&indicator=event_participants&entities=chongqing`);
      await waitForChart(page);
      assert.ok(await openSourceCard(page, { click: true, from: 0.2 }), 'a click opened the panel');
      const panel = page.locator('.source-panel');
      const mark = await panel.locator('mark').first().textContent();
      const quote = await panel.locator('.quote').first().textContent();
      assert.ok(quote.includes(mark), `${mark} in ${quote}`);
      assert.match(mark, /^\d+$/);
      const text = await panel.textContent();
      assert.match(text, /市体育局|体育局|重庆/, 'the report');
      assert.match(text, /002_075e5f08c6de5684\.txt/, 'its file name');
      assert.match(text, /年份依据2021 — /, 'how the year was read');
      assert.match(text, /地区依据报告所属地区 \(重庆市\)/, 'how the place was read');
      assert.match(text, /写法(确数|约数|下限)/, 'the qualifier as worded');
      await page.click('.panel-close');
      assert.equal(await panel.count(), 0);
      assert.deepEqual(errors, []);
    });
  });

  test('a table cell opens the same panel, with the qualifier and unit as reported', async () => {
    await withSite({}, async (url, context) => {
      const { page } = await open(context, `${url}?view=events&indicator=fitness_events&entities=chongqing&show=table&lang=en`);
      await page.waitForSelector('tbody tr');
      const target = page.locator('tbody tr', { hasText: 'Target' }).locator('button.cell-source');
      await target.click();
      const text = await page.textContent('.source-panel');
      assert.match(text, /8–10/);
      assert.match(text, /range \(至\) · unit 站/);
      assert.deepEqual(await page.$$eval('.source-panel mark', (m) => m.map((x) => x.textContent)), ['8', '10']);
      assert.match(text, /Target/);
    });
  });

  test('a number given by two reports is marked, drawn once, and both sources are shown', async () => {
    const medals = JSON.parse(readFileSync(`${DIST}/data/observations/medals.json`, 'utf8'));
    // A 2021 number from the 2021 report (000), restated by the 2023 report (001).
    const original = medals.observations.find((o) => o.entity === 'jiaozuo' && o.indicator === 'medals_gold' && o.year === 2021);
    assert.equal(original.source.doc, '000_13b76a47599bb06a.txt');
    const restated = structuredClone(original);
    restated.source = { doc: '001_1a524fcc062b4368.txt', quote: `在第十四届全运会上获得${original.value}金` };
    medals.observations.push(restated);
    const overrides = { 'data/observations/medals.json': { body: JSON.stringify(medals) } };
    await withSite(overrides, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=medals&entities=jiaozuo&show=table`);
      await page.waitForSelector('tbody tr');
      const marked = page.locator('button.cell-source', { hasText: '*' });
      assert.equal(await marked.count(), 1, 'one value is marked');
      assert.equal(await page.locator('tbody tr').count(), 9, 'and drawn once');
      await marked.click();
      const also = await page.textContent('.source-panel .panel-also');
      assert.match(also, /其他报告中的同一数字/);
      assert.match(also, /001_1a524fcc062b4368\.txt/);
      assert.equal(await page.locator('.source-panel .panel-also .badge.differ').count(), 0, 'the values agree');
      assert.deepEqual(errors, []);
    });
  });
});

describe('pages about all the data', () => {
  test('the sources page lists every report with its numbers per section', async () => {
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=sources`);
      await page.waitForSelector('.sources-table tbody tr');
      const rows = await page.$$eval('.sources-table tbody tr', (trs) => trs.map((tr) => ({
        doc: tr.dataset.doc,
        counts: [...tr.querySelectorAll('td.num')].map((td) => Number(td.textContent)),
      })));
      assert.equal(rows.length, 5);
      for (const { doc, counts } of rows) {
        const expected = SECTIONS.map((s) => observations(s).filter((o) => o.source.doc === doc).length);
        assert.deepEqual(counts, [...expected, expected.reduce((a, b) => a + b, 0)], doc);
      }
      assert.deepEqual(errors, []);
    });
  });

  test('the coverage grid tells reported from not reported, and a cell opens what it counts', async () => {
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=coverage`);
      await page.waitForSelector('table.coverage tbody tr');
      const cell = (entity, category, year) => page.locator(`tr[data-entity=${entity}][data-category=${category}] td[data-year="${year}"]`);
      assert.equal(await cell('hedong', 'industry', 2022).textContent(), '—');
      const talent = observations('talent').filter((o) => o.entity === 'hedong' && o.year === 2022).length;
      assert.equal(await cell('hedong', 'talent', 2022).textContent(), String(talent));
      assert.match(await cell('jiaozuo', 'talent', 2024).textContent(), /目标/);
      await cell('hedong', 'talent', 2022).locator('button').click();
      await page.waitForSelector('table.data-table tbody tr');
      assert.match(page.url(), /view=talent/);
      assert.match(page.url(), /entities=hedong/);
      assert.match(page.url(), /years=2022-2022/);
      assert.deepEqual(errors, []);
    });
  });
});

describe('downloads', () => {
  async function download(page, kind) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export=${kind}]`)]);
    return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
  }

  test('PNG at 2×, SVG with the chart\'s bars, CSV with the rows the table shows; names say what is inside', async () => {
    await withSite({}, async (url, context) => {
      const { page, errors } = await open(context, `${url}?view=medals&entities=jiaozuo,hedong&years=2021-2023`);
      const chart = await waitForChart(page);

      const png = await download(page, 'png');
      assert.equal(png.name, 'medals_jiaozuo-hedong_2021-2023.png');
      assert.equal(png.body.subarray(1, 4).toString(), 'PNG');
      const cssWidth = await page.evaluate(() => document.querySelector('canvas.chart').clientWidth);
      assert.equal(png.body.readUInt32BE(16), cssWidth * 2, 'twice the width on screen');

      const svg = await download(page, 'svg');
      assert.equal(svg.name, 'medals_jiaozuo-hedong_2021-2023.svg');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        if (doc.querySelector('parsererror')) return { error: true };
        const fills = [...doc.querySelectorAll('rect')].map((r) => (r.getAttribute('fill') || '').toUpperCase());
        return {
          error: false,
          gold: fills.filter((f) => f === '#D6A500').length,
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()),
        };
      }, svg.body.toString('utf8'));
      assert.equal(parsed.error, false, 'the SVG parses');
      assert.ok(parsed.texts.includes('奖牌（金/银/铜）（枚）'), 'with its title');

      const csv = await download(page, 'csv');
      assert.equal(csv.name, 'medals_jiaozuo-hedong_2021-2023.csv');
      const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
      assert.match(lines[0], /^entity,entity_name,year,indicator,indicator_name,context,value,value_max,qualifier,unit,status,report,quote/);
      const rows = lines.slice(1);
      assert.equal(rows.length, chart.marks, 'a line per bar');
      const goldBars = rows.filter((r) => r.includes(',medals_gold,') && r.includes(',reported,')).length;
      assert.equal(parsed.gold, goldBars + 1, 'the SVG has a gold bar per gold value, and the legend swatch');

      await page.click('button[data-show=table]');
      await page.waitForSelector('tbody tr');
      const table = await page.$$eval('tbody tr', (trs) => trs.map((tr) => `${tr.dataset.entity} ${tr.children[2].textContent}`));
      assert.deepEqual(rows.map((r) => r.split(',').slice(0, 3).filter((_, i) => i !== 1).join(' ')), table, 'the same rows as the table');
      assert.deepEqual(errors, []);
    });
  });
});
