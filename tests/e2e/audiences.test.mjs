// End-to-end, for each audience: shareable links, the embed in another site's iframe, the
// presentation on a meeting-room screen, Chinese and English, accessibility (axe-core) and
// phones. The built site is served on loopback and driven in Debian's Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { launch, open, SIZES, VIEWS, waitForChart } from './browser.mjs';
import { startHost, startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
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

const canvasImage = (page) => page.evaluate(() => document.querySelector('canvas.chart').toDataURL());
const pressed = (page) => page.$$eval('.chip[aria-pressed=true]', (chips) => chips.map((c) => c.dataset.entity));

describe('shareable state', () => {
  test('a link with the whole state reproduces it: view, indicator, places, years, table, language, theme', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page, errors } = await open(
        context,
        `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo&years=2021-2023&show=table&lang=en&theme=dark`,
      );
      await page.waitForSelector('table.data-table tbody tr');
      assert.equal(await page.getAttribute('.tab[data-view=facilities]', 'aria-pressed'), 'true');
      assert.deepEqual(await pressed(page), ['jiaozuo']);
      assert.equal(await page.inputValue('input[data-role=year-from]'), '2021');
      assert.equal(await page.inputValue('input[data-role=year-to]'), '2023');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      const rows = await page.$$eval('tbody tr:not(.reference)', (trs) => trs.map((r) => [r.children[2].textContent, r.children[4].textContent]));
      assert.deepEqual(rows, [['2021', '2.26 m²'], ['2022', 'no data'], ['2023', '2.62 m²']]);
      // Then the national values of those years and the 2025 target, as rows of their own.
      const national = await page.$$eval('tbody tr.reference', (trs) => trs.map((r) => [r.children[0].textContent, r.children[2].textContent, r.children[4].textContent]));
      assert.deepEqual(national, [
        ['National', '2021', '2.41 m²'],
        ['National', '2022', '2.62 m²'],
        ['National', '2023', '2.89 m²'],
        ['National target', '2025', '2.6 m²'],
      ]);
      assert.deepEqual(errors, []);
    });
  });

  test('"copy link" copies a link that spells out the view, and opening it shows the same chart', async () => {
    await inContext(SIZES.laptop, async (context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const { page, errors } = await open(context, `${site.url}?view=events`);
      await waitForChart(page);
      await page.click('.chip[data-entity=hedong]');
      await waitForChart(page);
      await page.click('[data-action=copy-link]');
      await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.length > 0);
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const params = new URL(link).searchParams;
      assert.equal(params.get('view'), 'events');
      assert.equal(params.get('indicator'), 'event_participants', 'the default indicator is written out');
      assert.equal(params.get('entities'), 'jiaozuo,chongqing,hedong');
      assert.equal(params.get('years'), '2021-2021', 'the years the indicator has values in');
      assert.equal(params.get('show'), 'chart');
      assert.equal(params.get('lang'), 'zh');
      assert.equal(params.get('theme'), 'light');
      const image = await canvasImage(page);

      const again = await open(context, link);
      await waitForChart(again.page);
      assert.deepEqual(await pressed(again.page), ['jiaozuo', 'chongqing', 'hedong']);
      assert.equal(await canvasImage(again.page), image, 'the same picture');
      assert.deepEqual([...errors, ...again.errors], []);
    });
  });

  test('unknown, malformed and hostile parameters are ignored with a visible note', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page, errors } = await open(
        context,
        `${site.url}?view=nope&years=20x1&lang=fr&colour=red&entities=<img src=x onerror=alert(1)>&x=${'y'.repeat(300)}`,
      );
      const chart = await waitForChart(page);
      assert.ok(chart.marks > 0, 'the default view still draws');
      const note = await page.textContent('.note');
      for (const part of ['view=nope', 'years=20x1', 'lang=fr', 'colour=red', 'entities=<img src=x onerror=alert(1)>']) {
        assert.ok(note.includes(part), `${part} in: ${note}`);
      }
      assert.ok(note.includes('…') && note.length < 400, 'an overlong value is cut');
      assert.equal(await page.locator('.note img').count(), 0, 'markup in a parameter is text');
      assert.deepEqual(errors, []);
    });
  });

  test('on a phone, years can be typed', async () => {
    await inContext(SIZES.phone, async (context) => {
      const { page } = await open(context, `${site.url}?view=facilities&indicator=sports_area_per_capita&entities=jiaozuo`);
      await waitForChart(page);
      assert.equal(await page.getAttribute('details.filters', 'open'), null, 'the controls are folded away');
      await page.tap('details.filters > summary');
      const from = page.locator('input[data-role=year-from]');
      assert.equal(await from.getAttribute('inputmode'), 'numeric');
      await from.fill('2023');
      await from.press('Enter');
      await page.waitForFunction(() => location.search.includes('years=2023-2023'));
      // Jiaozuo's 2023 point, the national value of 2023 and the 2025 target's level.
      await page.waitForFunction(() => document.querySelector('canvas.chart').dataset.marks === '3');
    });
  });
});

describe('Chinese and English', () => {
  test('the language switches at run time, is kept in the URL, and remembered on the device', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page, errors } = await open(context, `${site.url}?view=industry&show=table`);
      await page.waitForSelector('tbody tr');
      assert.equal(await page.textContent('h1'), '体育发展指标');
      assert.match(await page.textContent('tbody'), /61\.56亿元/);
      await page.click('[data-action=lang]');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await page.textContent('h1'), 'Sports development indicators');
      assert.match(page.url(), /lang=en/);
      await page.waitForSelector('tbody tr');
      assert.match(await page.textContent('tbody'), /6\.156 billion yuan/);
      assert.match(await page.textContent('.tab[data-view=industry]'), /Industry/);

      const later = await open(context, `${site.url}?view=medals`);
      await waitForChart(later.page);
      assert.equal(await later.page.textContent('h1'), 'Sports development indicators', 'remembered');
      const linked = await open(context, `${site.url}?view=medals&lang=zh`);
      await waitForChart(linked.page);
      assert.equal(await linked.page.textContent('h1'), '体育发展指标', 'a link that says zh wins');
      assert.deepEqual([...errors, ...later.errors, ...linked.errors], []);
    });
  });
});

describe('embedding', () => {
  test('another site frames one chart; the iframe takes the posted height; foreign or malformed messages change nothing', async () => {
    const host = await startHost(site.url);
    try {
      await inContext({ viewport: { width: 900, height: 900 } }, async (context) => {
        const { page, errors } = await open(context, host.url);
        const iframe = page.locator('iframe#chart');
        await page.waitForFunction(() => document.querySelector('iframe#chart').dataset.sportdashHeight);
        const frame = page.frameLocator('iframe#chart');
        await frame.locator('canvas.chart[data-marks]').waitFor();
        const inside = page.frames().find((f) => f.url().includes('embed=1'));
        assert.ok(Number(await frame.locator('canvas.chart').getAttribute('data-marks')) > 0, 'the chart draws in the iframe');
        assert.equal(await frame.locator('.tabs, .masthead, .controls').count(), 0, 'no site chrome');
        const href = await frame.locator('.embed-source a').getAttribute('href');
        assert.ok(href.includes('/stats/sports/?view=medals') && !href.includes('embed=1'), href);
        assert.match(await frame.locator('.embed-source').textContent(), /天津市河东区体育局/);

        const settle = () => page.waitForTimeout(400);
        await settle();
        const content = () => inside.evaluate(() => Math.ceil(document.querySelector('.embed').getBoundingClientRect().height));
        const contentHeight = await content();
        const frameHeight = async () => (await iframe.boundingBox()).height;
        const height = await frameHeight();
        assert.ok(Math.abs(height - contentHeight) <= 2, `iframe ${height}px, content ${contentHeight}px`);
        assert.ok(height > 300, `taller than its initial 150px: ${height}`);

        await page.evaluate(() => window.postMessage({ type: 'sportdash:height', version: 1, height: 123 }, '*'));
        for (const bad of [
          { type: 'sportdash:height', version: 1, height: '9999px' },
          { type: 'sportdash:height', version: 1, height: 60000 },
          { type: 'sportdash:height', version: 1, height: 200, extra: true },
          { type: 'sportdash:height', height: 200 },
          { type: 'other', version: 1, height: 200 },
          '{"type":"sportdash:height","version":1,"height":200}',
          null,
        ]) {
          await inside.evaluate((message) => parent.postMessage(message, '*'), bad);
        }
        await settle();
        assert.equal(await frameHeight(), height, 'foreign and malformed messages are ignored');
        await inside.evaluate(() => parent.postMessage({ type: 'sportdash:height', version: 1, height: 333 }, '*'));
        await page.waitForFunction(() => document.querySelector('iframe#chart').getBoundingClientRect().height === 333);

        await page.setViewportSize({ width: 500, height: 900 });
        await page.waitForFunction((h) => Math.abs(document.querySelector('iframe#chart').getBoundingClientRect().height - h) > 20, height);
        await settle();
        const narrowContent = await content();
        assert.ok(Math.abs((await frameHeight()) - narrowContent) <= 2, 'it follows a resize');
        assert.deepEqual(errors, []);
      });
    } finally {
      await host.close();
    }
  });

  test('a host page using pym.js sizes the embed with no script of ours, and follows a resize', async () => {
    const host = await startHost(site.url, { pym: true });
    try {
      await inContext({ viewport: { width: 900, height: 900 } }, async (context) => {
        const { page, errors } = await open(context, host.url);
        const iframe = page.locator('#chart iframe');
        await iframe.waitFor();
        assert.match(await iframe.getAttribute('src'), /embed\.html\?view=medals&entities=jiaozuo,hedong&embed=1&initialWidth=\d+&childId=chart&parentTitle=/);
        const frame = page.frameLocator('#chart iframe');
        await frame.locator('canvas.chart[data-marks]').waitFor();
        assert.equal(await frame.locator('.note').count(), 0, "pym.js's parameters are not reported as unknown");
        const inside = page.frames().find((f) => f.url().includes('embed.html'));
        const content = () => inside.evaluate(() => Math.ceil(document.querySelector('.embed').getBoundingClientRect().height));
        const height = async () => (await iframe.boundingBox()).height;
        // pym.js writes the height it is told into the iframe's height attribute.
        await page.waitForFunction(() => Number.parseInt(document.querySelector('#chart iframe').getAttribute('height'), 10) > 300);
        await page.waitForTimeout(400);
        assert.ok(Math.abs((await height()) - (await content())) <= 2, `iframe ${await height()}px, content ${await content()}px`);
        const wide = await height();
        await page.setViewportSize({ width: 360, height: 900 });
        await page.waitForFunction((h) => Math.abs(document.querySelector('#chart iframe').getBoundingClientRect().height - h) > 20, wide);
        await page.waitForTimeout(400);
        assert.ok(Math.abs((await height()) - (await content())) <= 2, 'it follows the host\'s resize');
        assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="embed.js"]').length), 0, 'no script of ours on the host');
        assert.deepEqual(errors, []);
      });
    } finally {
      await host.close();
    }
  });

  test('the embed control gives the iframe code for the current view', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page } = await open(context, `${site.url}?view=talent&entities=hedong`);
      await waitForChart(page);
      await page.click('[data-action=embed]');
      const code = await page.inputValue('.embed-code textarea');
      assert.match(code, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/stats\/sports\/embed\.html\?view=talent&amp;indicator=[a-z_]+&amp;entities=hedong&amp;years=\d{4}-\d{4}&amp;show=chart&amp;lang=zh&amp;theme=light&amp;embed=1" data-sportdash/);
      assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/stats\/sports\/embed\.js" async><\/script>/);
    });
  });
});

describe('presentation', () => {
  const slide = (page) => page.getAttribute('.stage', 'data-slide');
  const title = (page) => page.textContent('.stage-title');
  const label = (page) => page.getAttribute('canvas.chart', 'aria-label');

  test('the keys move through the slides, space plays the years, Esc leaves', async () => {
    await inContext(SIZES.presentation, async (context) => {
      const { page, errors } = await open(context, `${site.url}?view=medals`);
      await waitForChart(page);
      await page.click('[data-action=present]');
      await page.waitForSelector('.stage');
      await waitForChart(page);
      assert.equal(await slide(page), '1');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'the big-screen theme');
      const first = [await title(page), await label(page)];

      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('.stage').dataset.slide === '2');
      await waitForChart(page);
      const second = [await title(page), await label(page)];
      assert.notEqual(second[0], first[0], 'the title changed');
      assert.match(page.url(), /slide=2/);
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.querySelector('.stage').dataset.slide === '1');
      assert.equal(await title(page), first[0]);

      for (let i = 1; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('.stage').dataset.slide === '5');
      await waitForChart(page);
      assert.notEqual(await label(page), first[1], 'the chart changed');
      const years = () => page.getAttribute('.stage-frame', 'data-years');
      assert.equal(await years(), '2021-2023');
      await page.keyboard.press(' ');
      await page.waitForFunction(() => document.querySelector('.stage-frame').dataset.years === '2021-2021');
      await page.waitForFunction(() => document.querySelector('.stage-frame').dataset.years === '2021-2022', null, { timeout: 5000 });
      await page.waitForFunction(() => document.querySelector('.stage-frame').dataset.years === '2021-2023', null, { timeout: 5000 });

      await page.keyboard.press('Escape');
      await page.waitForSelector('.tabs');
      assert.doesNotMatch(page.url(), /present=1/);
      assert.deepEqual(errors, []);
    });
  });

  test('fullscreen on entering; leaving fullscreen leaves the presentation', async () => {
    await inContext(SIZES.presentation, async (context) => {
      const { page } = await open(context, `${site.url}`);
      await waitForChart(page);
      await page.click('[data-action=present]');
      await page.waitForSelector('.stage');
      await page.waitForFunction(() => document.fullscreenElement !== null);
      await page.evaluate(() => document.exitFullscreen());
      await page.waitForSelector('.tabs');
      assert.doesNotMatch(page.url(), /present=1/);
    });
  });

  test('kiosk mode advances by itself', async () => {
    await inContext(SIZES.presentation, async (context) => {
      const { page } = await open(context, `${site.url}?present=1&kiosk=2`);
      await page.waitForSelector('.stage[data-slide="1"]');
      await page.waitForSelector('.stage[data-slide="2"]', { timeout: 6000 });
      await page.waitForSelector('.stage[data-slide="3"]', { timeout: 6000 });
    });
  });
});

describe('accessibility', () => {
  async function axe(page) {
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }

  test('axe-core finds no violation in any view, the presentation or the embed', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const pages = [];
      for (const view of VIEWS) {
        for (const show of ['chart', 'table']) pages.push(`?view=${view}&show=${show}`);
      }
      pages.push('?view=medals&lang=en', '?view=events&theme=dark', '?present=1&slide=3', '?present=1&slide=6&lang=en&theme=light');
      pages.push('?view=medals&entities=jiaozuo,hedong&embed=1', '?view=industry&embed=1&lang=en&theme=dark');
      const found = [];
      for (const query of pages) {
        const { page } = await open(context, `${site.url}${query}`);
        if (query.includes('table')) await page.waitForSelector('table.data-table');
        else await waitForChart(page);
        if (query.includes('view=medals&show=chart')) await page.click('[data-action=embed]');
        for (const v of await axe(page)) found.push(`${query} ${v}`);
        await page.close();
      }
      assert.deepEqual(found, []);
    });
  });

  test('every control is reachable by keyboard with a visible focus ring, and the chart steps by arrow keys', async () => {
    await inContext(SIZES.laptop, async (context) => {
      const { page } = await open(context, `${site.url}?view=events&indicator=fitness_events&entities=jiaozuo`);
      await waitForChart(page);
      const reached = new Set();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          if (el === document.body) return null;
          const style = getComputedStyle(el);
          return { key: el.dataset.action || el.dataset.view || el.dataset.entity || el.dataset.show || el.dataset.role || el.className || el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
        });
        if (focus === null) break; // past the last control
        reached.add(focus.key);
        assert.equal(focus.outline, 'solid', `${focus.key} shows a focus ring`);
        assert.equal(focus.width, '3px', focus.key);
      }
      for (const key of ['lang', 'theme', 'present', 'medals', 'governance', 'indicator', 'jiaozuo', 'year-from', 'year-to', 'chart', 'table', 'copy-link', 'embed']) {
        assert.ok(reached.has(key), `${key} reached by Tab: ${[...reached].join(' ')}`);
      }
      await page.focus('canvas.chart');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('.tooltip .quote');
      const first = await page.textContent('.tooltip .card');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((text) => document.querySelector('.tooltip .card')?.textContent !== text, first);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('.tooltip'));
    });
  });

  test('with reduced motion asked for, nothing animates', async () => {
    await inContext({ ...SIZES.presentation, reducedMotion: 'reduce' }, async (context) => {
      const { page } = await open(context, `${site.url}?present=1`);
      await page.waitForSelector('.stage-head');
      assert.equal(await page.$eval('.stage-head', (el) => getComputedStyle(el).animationName), 'none');
    });
    await inContext({ ...SIZES.presentation, reducedMotion: 'no-preference' }, async (context) => {
      const { page } = await open(context, `${site.url}?present=1`);
      await page.waitForSelector('.stage-head');
      assert.equal(await page.$eval('.stage-head', (el) => getComputedStyle(el).animationName), 'arrive');
    });
  });
});

describe('phones', () => {
  test('the presentation and the embed fit a phone without sideways scrolling', async () => {
    await inContext(SIZES.phone, async (context) => {
      for (const query of ['?present=1&slide=1', '?present=1&slide=4&lang=en', '?view=medals&embed=1', '?view=events&lang=en']) {
        const { page } = await open(context, `${site.url}${query}`);
        await waitForChart(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${query} overflows by ${overflow}px`);
        await page.close();
      }
    });
  });
});
