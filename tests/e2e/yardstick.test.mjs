// End-to-end: comparable numbers. The facilities view opens on 人均体育场地面积 against the
// national values and the 2025 target; each reference is its own row in the table and the CSV,
// a tap on it opens its citation, said plainly to be national; a local value shows what it can
// honestly be compared with; the picker lists the standard indicators first with their reach;
// the whole dataset downloads as a data package; the presentation and the embed show the same
// yardstick.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { launch, open, SIZES, waitForChart, openSourceCard } from './browser.mjs';
import { startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
let browser;
let site;

before(async () => {
  browser = await launch();
  site = await startServer({ root: DIST, base: '/stats/sports/' });
});
after(async () => {
  await site?.close();
  await browser?.close();
});

async function inContext(options, body) {
  const context = await browser.newContext(options);
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

const RECORD_CANVAS_TEXT = () => {
  window.__drawn = [];
  const original = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    window.__drawn.push(String(text));
    return original.call(this, text, ...rest);
  };
};

describe('the national yardstick', () => {
  test('the facilities view opens on 人均体育场地面积 with the national line and the 2025 target', async () => {
    await inContext(SIZES.laptop, async (context) => {
      await context.addInitScript(RECORD_CANVAS_TEXT);
      const { page, errors } = await open(context, `${site.url}?view=facilities`);
      await waitForChart(page);
      assert.equal(await page.locator('select.indicator').inputValue(), 'sports_area_per_capita');
      const drawn = await page.evaluate(() => window.__drawn);
      for (const text of ['全国', '全国目标', '全国：2025年目标 2.6']) {
        assert.ok(drawn.includes(text) || drawn.some((t) => t.includes(text)), `${text} drawn: ${drawn.join(' | ')}`);
      }
      const words = await page.locator('#chart-summary').innerText();
      assert.match(words, /(高于|低于)全国|全国2025年目标/, `the chart in words says how it stands against the nation: ${words}`);
      assert.deepEqual(errors, []);
    });
  });

  test('the table lists 全国 and 全国目标 as rows; a tap on one opens its citation, said to be national', async () => {
    await inContext(SIZES.phone, async (context) => {
      const { page, errors } = await open(
        context,
        `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&years=2021-2023&show=table`,
      );
      await page.waitForSelector('table.data-table tbody tr');
      const references = page.locator('table.data-table tr.reference');
      assert.ok((await references.count()) >= 3, 'national values of 2021–2023 and the target');
      const names = await references.locator('td').first().allTextContents();
      assert.ok(names.length >= 1);
      const target = page.locator('table.data-table tr.reference', { hasText: '全国目标' }).first();
      await target.locator('button.cell-source').tap();
      const panel = page.locator('.source-panel');
      await panel.waitFor();
      const text = await panel.innerText();
      assert.match(text, /全国参考值，不是本地报告中的数字/);
      assert.match(text, /国家规划目标/);
      const href = await panel.locator('a.citation-link').getAttribute('href');
      assert.match(href, /^https?:\/\/[^ ]+\.[^ ]+/, `a link to the publication: ${href}`);
      assert.deepEqual(errors, []);
    });
  });

  test('a local value says how it compares with the year before and the nation, or why not', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page, errors } = await open(
        context,
        `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&years=2021-2023&show=table&lang=en`,
      );
      await page.waitForSelector('table.data-table tbody tr');
      const local = page.locator('table.data-table tbody tr:not(.reference):not(.no-data)').first();
      await local.locator('button.cell-source').click();
      const compare = page.locator('.source-panel .panel-compare');
      await compare.waitFor();
      const text = await compare.innerText();
      assert.match(text, /On the year before/);
      assert.match(text, /Against the national value that year/);
      // Each is a signed difference, or the reason it is not shown.
      const outcomes = await compare.locator('dd').allInnerTexts();
      for (const outcome of outcomes) {
        assert.match(outcome, /^(≈|at least |at most )?[+−±][0-9.,]+|^Not shown: /, outcome);
      }
      assert.deepEqual(errors, []);
    });
  });

  test('the CSV carries the references as their own rows, with their citation', async () => {
    await inContext({ ...SIZES.laptop, acceptDownloads: true }, async (context) => {
      const { page } = await open(
        context,
        `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&years=2021-2023`,
      );
      await waitForChart(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=csv]')]);
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv.split('\n');
      assert.ok(lines.some((l) => l.startsWith('national,全国,2022,sports_area_per_capita')), csv);
      assert.ok(lines.some((l) => l.startsWith('national_target,全国目标,2025,') && /https?:\/\//.test(l)), csv);
    });
  });

  test('the picker lists the standard indicators first, with how many places and years have numbers', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page } = await open(context, `${site.url}?view=governance`);
      await waitForChart(page);
      const groups = await page.locator('select.indicator optgroup').evaluateAll((gs) =>
        gs.map((g) => ({ label: g.label, options: [...g.querySelectorAll('option')].map((o) => o.textContent) })),
      );
      assert.ok(groups.length >= 1, JSON.stringify(groups));
      const other = groups.filter((g) => g.label.startsWith('其他数字'));
      assert.ok(other.length >= 1, `the other numbers are grouped by report: ${JSON.stringify(groups)}`);
      const standardAt = groups.findIndex((g) => g.label === '标准指标');
      if (standardAt >= 0) assert.equal(standardAt, 0, 'standard indicators first');
      for (const group of groups) {
        for (const option of group.options) assert.match(option, /（\d+地·\d+年）$/, option);
      }
    });
  });

  test('下载数据 downloads the whole dataset as a data package', async () => {
    await inContext({ ...SIZES.laptop, acceptDownloads: true }, async (context) => {
      const { page } = await open(context, `${site.url}?view=facilities`);
      await waitForChart(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=package]')]);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
      assert.ok(bytes.includes(Buffer.from('datapackage.json')), 'holding datapackage.json');
      assert.ok(bytes.includes(Buffer.from('references.csv')), 'and the references');
    });
  });

  test('the presentation and the embed show the yardstick too', async () => {
    await inContext(SIZES.presentation, async (context) => {
      await context.addInitScript(RECORD_CANVAS_TEXT);
      const { page, errors } = await open(
        context,
        `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&embed=1`,
      );
      await waitForChart(page);
      let drawn = await page.evaluate(() => window.__drawn);
      assert.ok(drawn.some((t) => t.includes('2025年目标')), `embed: ${drawn.join(' | ')}`);
      assert.ok(await openSourceCard(page, { from: 0.2, to: 0.9 }), 'pointing at a value shows its card in the embed');

      await page.goto(`${site.url}?present=1`);
      await waitForChart(page);
      let found = false;
      for (let slide = 0; slide < 12 && !found; slide++) {
        drawn = await page.evaluate(() => window.__drawn);
        found = drawn.some((t) => t.includes('2025年目标 2.6'));
        if (!found) {
          await page.evaluate(() => { window.__drawn = []; });
          await page.keyboard.press('ArrowRight');
          await page.waitForTimeout(300);
        }
      }
      assert.ok(found, 'a slide shows 人均体育场地面积 against the 2025 target');
      assert.deepEqual(errors, []);
    });
  });
});
