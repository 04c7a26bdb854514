// Screenshots of every view at phone, laptop and presentation size, for a person to look at.
// usage: node screenshots.mjs [DIST_DIR] [OUT_DIR]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, open, openSourceCard, SIZES, VIEWS, waitForChart } from './browser.mjs';
import { startHost, startServer } from './server.mjs';

const dist = resolve(process.argv[2] ?? '../../dist');
const out = resolve(process.argv[3] ?? 'artifacts/screenshots');
mkdirSync(out, { recursive: true });
const server = await startServer({ root: dist });
const browser = await launch();
for (const [name, options] of Object.entries(SIZES)) {
  const context = await browser.newContext(options);
  for (const view of VIEWS) {
    for (const show of ['chart', 'table']) {
      const { page, errors } = await open(context, `${server.url}?view=${view}&show=${show}`);
      if (show === 'chart') await waitForChart(page);
      else await page.waitForSelector('table.data-table');
      const file = `${out}/${name}-${view}-${show}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file, errors.length ? `console errors: ${errors.join(' | ')}` : '');
      await page.close();
    }
  }
  // A tooltip, as a person hovering (or tapping) a bar sees it.
  const { page } = await open(context, `${server.url}?view=medals`);
  await waitForChart(page);
  await openSourceCard(page, { touch: options.hasTouch, from: 0.5 });
  const file = `${out}/${name}-tooltip.png`;
  await page.screenshot({ path: file });
  console.log(file);
  await page.close();

  for (const lang of ['zh', 'en']) {
    // The source panel, opened by a click (a tap on a phone).
    const pinned = await open(context, `${server.url}?view=medals&indicator=medal_table&entities=jiaozuo,hedong&lang=${lang}`);
    await waitForChart(pinned.page);
    await openSourceCard(pinned.page, { touch: options.hasTouch, click: !options.hasTouch, from: 0.5 });
    await pinned.page.screenshot({ path: `${out}/${name}-source-panel-${lang}.png` });
    await pinned.page.close();
    for (const page of ['sources', 'coverage']) {
      const shot = await open(context, `${server.url}?view=${page}&lang=${lang}`);
      await shot.page.waitForSelector('table');
      await shot.page.screenshot({ path: `${out}/${name}-${page}-${lang}.png`, fullPage: true });
      await shot.page.close();
    }
    // The presentation's slides with the most to say.
    for (const slide of [1, 3, 4, 5]) {
      const shot = await open(context, `${server.url}?present=1&slide=${slide}&lang=${lang}`);
      await waitForChart(shot.page);
      const path = `${out}/${name}-present-${slide}-${lang}.png`;
      await shot.page.screenshot({ path });
      console.log(path, shot.errors.length ? `console errors: ${shot.errors.join(' | ')}` : '');
      await shot.page.close();
    }
    for (const view of ['medals', 'events']) {
      const shot = await open(context, `${server.url}?view=${view}&lang=${lang}`);
      await waitForChart(shot.page);
      await shot.page.screenshot({ path: `${out}/${name}-${view}-${lang}.png`, fullPage: true });
      await shot.page.close();
    }
  }
  for (const [label, query] of [['dark', '?view=facilities&theme=dark']]) {
    const shot = await open(context, `${server.url}${query}`);
    await waitForChart(shot.page);
    const path = `${out}/${name}-${label}.png`;
    await shot.page.screenshot({ path });
    console.log(path, shot.errors.length ? `console errors: ${shot.errors.join(' | ')}` : '');
    await shot.page.close();
  }
  // The review page with a Word report open, a record in hand and its preview.
  const review = await open(context, `${server.url}review.html`);
  await review.page.locator('#open-file').setInputFiles(resolve('fixtures/xinxiang-2023.docx'));
  await review.page.locator('.record h2').waitFor();
  await review.page.keyboard.press('j');
  await review.page.screenshot({ path: `${out}/${name}-review.png` });
  await review.page.screenshot({ path: `${out}/${name}-review-full.png`, fullPage: true });
  await review.page.close();
  const withCode = await open(context, `${server.url}?view=medals`);
  await waitForChart(withCode.page);
  await withCode.page.click('[data-action=embed]');
  await withCode.page.screenshot({ path: `${out}/${name}-embed-code.png`, fullPage: true });
  await withCode.page.close();
  await context.close();
}

// The embed, as another site shows it: a host page on another port frames the chart, with
// embed.js sizing it, and without, at the height the embed code offers.
for (const script of [true, false]) {
  const host = await startHost(server.url, { script, height: 480 });
  for (const width of [390, 800]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const { page } = await open(context, host.url);
    if (script) await page.waitForFunction(() => document.querySelector('iframe')?.dataset.sportdashHeight);
    await page.waitForTimeout(800);
    const path = `${out}/embed-${width}${script ? '' : '-no-script'}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(path);
    await context.close();
  }
  await host.close();
}
await browser.close();
await server.close();
