// Screenshots of every view at phone, laptop and presentation size, for a person to look at.
// usage: node screenshots.mjs [DIST_DIR] [OUT_DIR]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, open, openSourceCard, SIZES, VIEWS, waitForChart } from './browser.mjs';
import { startServer } from './server.mjs';

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
  await context.close();
}
await browser.close();
await server.close();
