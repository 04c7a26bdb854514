// End-to-end: what each audience meets every day, at the sizes they use. The source panel on a
// phone and under the keyboard, the sources page, names the chart cannot write whole, the
// presentation's slides, embeds with and without embed.js, links naming what the data does not
// have, the year boxes, and the language of every text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { launch, open, SIZES, waitForChart, openSourceCard } from './browser.mjs';
import { startHost, startServer } from './server.mjs';

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

// Records the type size of every text the page draws on a canvas, and the texts.
const RECORD_CANVAS_TEXT = () => {
  window.__drawn = [];
  const original = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const size = Number((/(\d+(?:\.\d+)?)px/.exec(this.font) ?? [])[1]);
    const ratio = this.canvas.width / Math.max(1, this.canvas.clientWidth);
    window.__drawn.push({ text: String(text), css: size / ratio });
    return original.call(this, text, x, y, ...rest);
  };
};

// Every text the canvas writes in its latest drawing (a drawing starts by filling the whole
// canvas), with its ink's box in canvas pixels.
const RECORD_CANVAS_BOXES = () => {
  window.__boxes = [];
  const fillRect = CanvasRenderingContext2D.prototype.fillRect;
  CanvasRenderingContext2D.prototype.fillRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height) window.__boxes = [];
    return fillRect.call(this, x, y, w, h);
  };
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const m = this.measureText(text);
    window.__boxes.push({
      text: String(text),
      left: x - m.actualBoundingBoxLeft,
      right: x + m.actualBoundingBoxRight,
      top: y - m.actualBoundingBoxAscent,
      bottom: y + m.actualBoundingBoxDescent,
    });
    return fillText.call(this, text, x, y, ...rest);
  };
  // The texts of the latest drawing that run into one another (null before a drawing).
  window.__together = () => {
    const boxes = window.__boxes;
    const together = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) together.push(`${a.text} over ${b.text}`);
    }));
    return boxes.length ? together : null;
  };
};
// Waits until the latest drawing's texts are all apart; failing that, says which are not.
async function textsApart(target, where) {
  try {
    await target.waitForFunction(() => window.__together()?.length === 0, null, { timeout: 10_000 });
  } catch {
    assert.fail(`${where}: ${(await target.evaluate(() => window.__together()))?.join(' | ')}`);
  }
}

const rect = (page, selector) => page.locator(selector).first().boundingBox();
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the source panel', () => {
  for (const lang of ['zh', 'en']) {
    test(`on a phone it is a sheet across the bottom, its quote in full lines (${lang})`, async () => {
      await inContext(SIZES.phone, async (context) => {
        const { page, errors } = await open(
          context,
          `${site.url}?view=medals&indicator=medal_table&entities=jiaozuo,hedong&years=2021-2023&lang=${lang}`,
        );
        await waitForChart(page);
        assert.ok(await openSourceCard(page, { touch: true }), 'a tap opens the panel');
        const panel = await rect(page, '.source-panel');
        assert.ok(panel.width >= 385, `as wide as the screen: ${panel.width}px`);
        assert.ok(Math.abs(panel.y + panel.height - 844) <= 1, `along the bottom: ${JSON.stringify(panel)}`);
        assert.ok(panel.y >= 844 * 0.2, 'the chart above it stays in view');
        const quote = await rect(page, '.source-panel .quote');
        assert.ok(quote.width >= 300, `the quote in full lines: ${quote.width}px`);
        const lines = await page.$eval('.source-panel .panel-value', (el) => {
          const range = document.createRange();
          range.selectNodeContents(el.firstChild);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        assert.equal(lines, 1, 'the value is on one line, its number whole');
        assert.deepEqual(errors, []);
      });
    });
  }

  test('Esc and a click outside close it, focus goes back to what opened it, the masthead stays free', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page, errors } = await open(context, `${site.url}?view=events&indicator=fitness_events&entities=jiaozuo`);
      await waitForChart(page);
      await page.focus('canvas.chart');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('.tooltip');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.source-panel');
      await page.waitForFunction(() => document.activeElement?.matches('.source-panel .panel-close'));
      const panel = await rect(page, '.source-panel');
      for (const action of ['lang', 'theme', 'present']) {
        const button = await rect(page, `[data-action=${action}]`);
        assert.ok(!overlaps(panel, button), `the panel leaves the ${action} button free`);
      }
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('.source-panel'));
      await page.waitForFunction(() => document.activeElement?.matches('canvas.chart'));

      await page.keyboard.press('ArrowRight');
      await page.keyboard.press(' ');
      await page.waitForSelector('.source-panel');
      await page.click('.source-panel .panel-close');
      await page.waitForFunction(() => !document.querySelector('.source-panel'));
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'CANVAS', '× gives the focus back to the chart');

      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.source-panel');
      await page.mouse.click(20, 740);
      await page.waitForFunction(() => !document.querySelector('.source-panel'));
      assert.deepEqual(errors, []);
    });
  });

  test('Space on the focused chart shows a value and then opens its source, without scrolling', async () => {
    await inContext({ ...SIZES.laptop, viewport: { width: 1366, height: 600 } }, async (context) => {
      const { page } = await open(context, `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo`);
      await waitForChart(page);
      await page.focus('canvas.chart');
      const before = await page.evaluate(() => window.scrollY);
      await page.keyboard.press(' ');
      await page.waitForSelector('.tooltip .quote');
      await page.keyboard.press(' ');
      await page.waitForSelector('.source-panel');
      assert.equal(await page.evaluate(() => window.scrollY), before, 'the page did not scroll');
    });
  });

  test('in Chinese every note is Chinese; in English the legend uses English brackets', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page } = await open(context, `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&show=table`);
      await page.waitForSelector('tbody tr');
      await page.locator('tbody tr').last().locator('button.cell-source').click();
      await page.waitForSelector('.source-panel .panel-note');
      const notes = await page.$$eval('.source-panel .panel-note', (els) => els.map((e) => e.textContent));
      assert.ok(notes.length > 0);
      for (const note of notes) {
        assert.doesNotMatch(note, /\b(the|refers|stored|read as)\b/, `a Chinese note: ${note}`);
        assert.match(note, /[\u4e00-\u9fff]/, note);
      }
    });
    await inContext(SIZES.laptop, async (context) => {
      await context.addInitScript(RECORD_CANVAS_TEXT);
      const { page } = await open(context, `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo,hedong&lang=en`);
      await waitForChart(page);
      const texts = await page.evaluate(() => window.__drawn.map((d) => d.text));
      assert.ok(texts.includes('Hedong District (no data)'), texts.join(' | '));
      assert.ok(!texts.some((t) => /[（）]/.test(t)), 'no full-width brackets in English');
    });
  });
});

describe('pages', () => {
  test('the sources page: every number labelled on a phone, the table inside its frame on a laptop', async () => {
    await inContext(SIZES.phone, async (context) => {
      const { page } = await open(context, `${site.url}?view=sources`);
      await page.waitForSelector('.sources-table tbody tr');
      const unlabelled = await page.$$eval('.sources-table tbody td', (tds) =>
        tds.filter((td) => !td.dataset.label || getComputedStyle(td, '::before').content === 'none').map((td) => td.textContent));
      assert.deepEqual(unlabelled, [], 'each value says which section it counts');
      const overflowing = await page.$$eval('.sources-table tbody tr', (trs) => trs.filter((tr) => tr.scrollWidth > tr.clientWidth + 1).length);
      assert.equal(overflowing, 0, 'nothing runs past a card');
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    });
    for (const lang of ['zh', 'en']) {
      await inContext(SIZES.laptop, async (context) => {
        const { page } = await open(context, `${site.url}?view=sources&lang=${lang}`);
        await page.waitForSelector('.sources-table tbody tr');
        const [scroll, width] = await page.$eval('.table-frame', (f) => [f.scrollWidth, f.clientWidth]);
        assert.ok(scroll <= width, `${lang}: the table fits its frame (${scroll} > ${width})`);
      });
    }
  });

  test('the sources and coverage pages remember the section they were opened from, in the link too', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page } = await open(context, `${site.url}?view=events&indicator=fitness_events&entities=jiaozuo`);
      await waitForChart(page);
      await page.click('.tab[data-view=coverage]');
      await page.waitForSelector('table.coverage');
      assert.match(page.url(), /view=coverage&section=events/);
      await page.reload();
      await page.click('.tab[data-view=sources]');
      await page.waitForSelector('.sources-table');
      const link = page.url();
      assert.match(link, /view=sources&section=events&indicator=fitness_events/);
      const again = await open(context, link);
      await again.page.waitForSelector('.sources-table');
      await again.page.click('.tab[data-view=events]');
      await waitForChart(again.page);
      assert.equal(await again.page.inputValue('select.indicator'), 'fitness_events', 'the section as it was left');
    });
  });

  test('on a phone every tab is on screen, and no key hints are shown on a touch screen', async () => {
    await inContext(SIZES.phone, async (context) => {
      const { page } = await open(context, `${site.url}?view=medals`);
      await waitForChart(page);
      const outside = await page.$$eval('.tabs .tab', (tabs) => tabs.filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < 0 || r.right > window.innerWidth;
      }).map((t) => t.textContent));
      assert.deepEqual(outside, []);
      assert.equal(await page.locator('.keys-hint').count(), 0, 'no key hints on a touch screen');
    });
  });

  test('opening the embed code leaves the buttons where they were', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page } = await open(context, `${site.url}?view=medals`);
      await waitForChart(page);
      const where = () => page.$$eval('.view-bar button', (bs) => bs.map((b) => {
        const r = b.getBoundingClientRect();
        return `${b.textContent} ${Math.round(r.x)},${Math.round(r.y)}`;
      }));
      const before = await where();
      await page.click('[data-action=embed]');
      await page.waitForSelector('.embed-code textarea');
      const afterOpen = (await where()).filter((b) => !b.startsWith('复制代码'));
      assert.deepEqual(afterOpen, before);
    });
  });
});

describe('links that name what the data does not have', () => {
  test('unknown ids are named; an empty selection says what to do', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page } = await open(context, `${site.url}?view=medals&entities=jiaozuo,hedongg&indicator=medals_goldd`);
      await waitForChart(page);
      const notes = (await page.$$eval('.note', (ns) => ns.map((n) => n.textContent))).join(' ');
      assert.match(notes, /entities=hedongg/);
      assert.match(notes, /indicator=medals_goldd/);

      const embed = await open(context, `${site.url}?embed=1&entities=nosuch`);
      await waitForChart(embed.page);
      assert.match(await embed.page.textContent('.note'), /entities=nosuch/);
      const summary = await embed.page.textContent('.chart-summary');
      assert.match(summary, /请至少选择一个地区/);
      assert.doesNotMatch(summary, /0个地区|，年。/);
    });
  });

  test('the year boxes, the folded summary, the link and the chart say the same years', async () => {
    await inContext(SIZES.laptop, async (context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const { page } = await open(context, `${site.url}?view=facilities`);
      await waitForChart(page);
      await page.selectOption('select.indicator', 'sports_area_per_capita');
      await waitForChart(page);
      await page.waitForFunction(() => document.querySelector('input[data-role=year-from]').value === '2021');
      assert.equal(await page.inputValue('input[data-role=year-to]'), '2023');
      assert.match(await page.textContent('details.filters > summary'), /2021–2023/);
      assert.match(await page.textContent('.chart-summary'), /2021–2023/);
      await page.click('[data-action=copy-link]');
      await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.length > 0);
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /years=2021-2023/);

      const swapped = await open(context, `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&years=2023-2021`);
      await waitForChart(swapped.page);
      assert.equal(await swapped.page.inputValue('input[data-role=year-from]'), '2021');
      assert.equal(await swapped.page.inputValue('input[data-role=year-to]'), '2023');

      const none = await open(context, `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&years=1990-1995`);
      await waitForChart(none.page);
      assert.match(await none.page.textContent('.note'), /years=1990-1995/);
      assert.equal(await none.page.inputValue('input[data-role=year-from]'), '2021');
      assert.match(await none.page.textContent('.chart-summary'), /2021–2023/);
    });
  });
});

describe('the presentation', () => {
  for (const lang of ['zh', 'en']) {
    test(`every slide's names are whole, or given in full under the chart (${lang})`, async () => {
      await inContext(SIZES.presentation, async (context) => {
        for (let slide = 1; slide <= 9; slide++) {
          const { page } = await open(context, `${site.url}?present=1&slide=${slide}&lang=${lang}`);
          await page.waitForSelector('.stage canvas.chart[data-marks]');
          const cut = Number(await page.getAttribute('canvas.chart', 'data-labels-cut'));
          if (slide === 4) assert.equal(cut, 0, `slide 4's event names fit (${lang})`);
          if (cut > 0) {
            assert.ok(await page.locator('.names-cut').isVisible(), `slide ${slide}: the cut names are listed`);
          } else {
            assert.equal(await page.locator('.names-cut').count(), 0);
          }
          const frame = await rect(page, '.stage');
          assert.ok(frame.height <= 1080, `slide ${slide} fits the screen`);
          await page.close();
        }
      });
    });
  }

  test('slide 3: both of 重庆\'s points can be reached, and playing the years keeps a line chart', async () => {
    await inContext(SIZES.presentation, async (context) => {
      const { page } = await open(context, `${site.url}?present=1&slide=3&theme=light`);
      await page.waitForSelector('.stage canvas.chart[data-marks]');
      assert.equal(await page.getAttribute('canvas.chart', 'data-shape'), 'lines');
      const box = await rect(page, 'canvas.chart');
      const found = new Set();
      // Every 12 pixels: a point answers the pointer 14 pixels or more around it.
      for (let y = box.y + box.height * 0.5; y < box.y + box.height; y += 12) {
        for (let x = box.x + 100; x < box.x + box.width * 0.4; x += 12) {
          await page.mouse.move(x, y);
          // Read the card only where one is open: waiting for an absent one costs a timeout.
          const card = page.locator('.tooltip .card-heading');
          const heading = (await card.count()) ? await card.first().textContent() : null;
          if (heading?.startsWith('重庆市')) found.add(heading);
        }
        if (found.size >= 2) break;
      }
      assert.equal(found.size, 2, [...found].join(' | '));
      await page.keyboard.press(' ');
      await page.waitForFunction(() => document.querySelector('.stage-frame').dataset.years === '2021-2021');
      await page.waitForSelector('canvas.chart[data-marks]');
      assert.equal(await page.getAttribute('canvas.chart', 'data-shape'), 'lines', 'the first year is drawn as a line chart too');
    });
  });
});

describe('embeds', () => {
  // Four places' medals on a phone: 21 bars laid across, in a chart of a phone's height.
  const CROWDED = '?view=medals&entities=jiaozuo,hedong,chongqing,xx-county';

  test('on a phone, bars laid across get the height they need, in the dashboard and in an iframe', async () => {
    const host = await startHost(site.url, { query: `${CROWDED}&embed=1` });
    try {
      await inContext(SIZES.phone, async (context) => {
        await context.addInitScript(RECORD_CANVAS_BOXES);
        const { page } = await open(context, `${site.url}${CROWDED}`);
        await waitForChart(page);
        await page.waitForFunction(() => document.querySelector('.chart-frame').style.minHeight);
        const frame = await rect(page, '.chart-frame');
        assert.ok(frame.height > 0.58 * 844 + 20, `the frame grew past its style's height: ${frame.height}px`);
        await textsApart(page, 'in the dashboard');
        await page.close();

        const hosted = await open(context, host.url);
        const iframe = hosted.page.locator('iframe#chart');
        let height = null;
        for (let tries = 0; tries < 40; tries += 1) {
          await hosted.page.waitForTimeout(250);
          const now = await iframe.getAttribute('data-sportdash-height');
          if (now && now === height) break;
          height = now;
        }
        const embedded = hosted.page.frames().find((f) => f.url().includes('embed'));
        const canvas = await embedded.locator('canvas.chart').boundingBox();
        assert.ok(canvas.height > 500, `the iframe grew with the chart: ${height}px, its canvas ${canvas.height}px`);
        await textsApart(embedded, 'in the iframe');
      });
    } finally {
      await host.close();
    }
  });

  test('without embed.js, the offered 480-pixel iframe shows everything, the link back included', async () => {
    const host = await startHost(site.url, { query: '?view=medals&entities=jiaozuo,hedong&embed=1', script: false, height: 480 });
    try {
      await inContext({ viewport: { width: 792, height: 900 } }, async (context) => {
        const { page } = await open(context, host.url);
        const frame = page.frames().find((f) => f.url().includes('embed=1')) ?? (await (await page.waitForSelector('iframe#chart')).contentFrame());
        await frame.waitForSelector('canvas.chart[data-marks]');
        const fits = await frame.evaluate(() => {
          const link = document.querySelector('.embed-source a').getBoundingClientRect();
          return { linkBottom: link.bottom, height: innerHeight, scroll: document.documentElement.scrollHeight };
        });
        assert.ok(fits.linkBottom <= fits.height, `the link back is inside: ${JSON.stringify(fits)}`);
        assert.ok(fits.scroll <= fits.height, `nothing to scroll: ${JSON.stringify(fits)}`);
      });
    } finally {
      await host.close();
    }
  });

  test('with embed.js, a value\'s card stays inside the iframe; the chart\'s text is never below 12 px', async () => {
    const host = await startHost(site.url, { query: '?view=medals&entities=jiaozuo,hedong&embed=1' });
    try {
      await inContext({ viewport: { width: 792, height: 900 } }, async (context) => {
        await context.addInitScript(RECORD_CANVAS_TEXT);
        const { page } = await open(context, host.url);
        await page.waitForFunction(() => document.querySelector('iframe#chart').dataset.sportdashHeight);
        const frame = page.frames().find((f) => f.url().includes('embed=1'));
        await frame.waitForSelector('canvas.chart[data-marks]');
        const drawn = await frame.evaluate(() => window.__drawn);
        assert.ok(drawn.length > 0);
        const small = drawn.filter((d) => d.css < 12).map((d) => `${d.text} ${d.css.toFixed(1)}px`);
        assert.deepEqual(small, [], 'no text smaller than 12 px');
        const canvas = await frame.locator('canvas.chart').boundingBox();
        let inside = null;
        for (let fy = 0.9; fy > 0.3 && inside === null; fy -= 0.05) {
          for (let x = canvas.x + 60; x < canvas.x + canvas.width; x += 10) {
            await page.mouse.click(x, canvas.y + canvas.height * fy);
            if (await frame.locator('.tooltip').count()) {
              inside = await frame.evaluate(() => {
                const r = document.querySelector('.tooltip').getBoundingClientRect();
                return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
              });
              break;
            }
          }
        }
        assert.equal(inside, true, 'the card opened inside the iframe');
      });
    } finally {
      await host.close();
    }
  });
});
