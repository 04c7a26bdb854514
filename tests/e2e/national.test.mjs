// End-to-end at national scale: the synthetic data set (about 3,200 places × 20 years × 12
// indicators, one file per indicator; `cargo run --example national -- DIR`) served as the
// site's data/. NATIONAL names that directory; scripts/test.sh generates it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, open, SIZES, waitForChart } from './browser.mjs';
import { startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
const ROOT = resolve('../..');
const NATIONAL = process.env.NATIONAL && resolve(process.env.NATIONAL);
let browser;
let site;

before(async () => {
  if (!NATIONAL) return;
  // The built site with data/ pointing at the national data set, its page written again for
  // that data as README says a host does (`sportdash snapshot`: no first view, and the
  // preload.js of the national data's files).
  const root = mkdtempSync(join(tmpdir(), 'sportdash-national-'));
  const written = ['data', 'index.html', 'first-view.js', 'preload.js'];
  for (const name of readdirSync(DIST)) {
    if (!written.includes(name)) symlinkSync(join(DIST, name), join(root, name));
  }
  symlinkSync(NATIONAL, join(root, 'data'));
  copyFileSync(join(DIST, 'index.html'), join(root, 'index.html'));
  execFileSync('cargo', ['sportdash', 'snapshot', '--data', NATIONAL, '--page', join(root, 'index.html')], { cwd: ROOT, stdio: 'pipe' });
  site = await startServer({ root });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('national scale', { skip: NATIONAL ? false : 'NATIONAL is not set (scripts/test.sh sets it)' }, () => {
  test('one indicator is fetched on demand and its ranked top 20 is drawn, best first', async () => {
    const context = await browser.newContext(SIZES.laptop);
    const fetched = [];
    context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const { page, errors } = await open(context, `${site.url}?view=facilities&indicator=sports_area_per_capita&top=20&years=2005-2024&show=table`);
    await page.waitForSelector('tbody tr', { timeout: 20_000 });
    const values = await page.$$eval('tbody tr td.num', (cells) => cells.map((c) => parseFloat(c.textContent.replace(/[^0-9.]/g, ''))));
    assert.equal(values.length, 20);
    assert.ok(values.every((v, i) => i === 0 || values[i - 1] >= v), `best first: ${values}`);
    await page.click('button[data-show=chart]');
    assert.equal((await waitForChart(page)).marks, 20);

    await page.selectOption('select.indicator', 'facility_investment');
    await page.waitForFunction(() => location.search.includes('indicator=facility_investment'));
    await waitForChart(page);
    const data = fetched.filter((p) => p.includes('/data/observations/'));
    assert.deepEqual(
      data.map((p) => p.split('/data/')[1]),
      ['observations/facilities/sports_area_per_capita.json', 'observations/facilities/facility_investment.json'],
      'only the indicators shown, each when it is shown',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('among thousands of places, search picks one and the comparison redraws', async () => {
    const context = await browser.newContext(SIZES.laptop);
    const { page, errors } = await open(context, `${site.url}?view=events&indicator=fitness_events`);
    const before = await waitForChart(page);
    assert.equal(await page.locator('.chip[aria-pressed=true]').count(), 5, 'opens on the five leaders');
    await page.fill('.search-places', 'County 00042');
    await page.waitForSelector('.suggestions button');
    assert.equal(await page.locator('.suggestions button').count(), 1);
    await page.press('.search-places', 'Enter');
    await page.waitForSelector('.chip[data-entity=x00042]');
    await page.waitForFunction((n) => document.querySelector('canvas.chart').dataset.marks !== n, String(before.marks));
    assert.match(page.url(), /entities=[^&]*x00042/);
    const chartTop = () => page.$eval('canvas.chart', (c) => c.getBoundingClientRect().top);
    const top = await chartTop();
    await page.fill('.search-places', '县');
    assert.equal(await page.locator('.suggestions button').count(), 8, 'suggestions are few, however many match');
    assert.ok(await page.locator('.search-results').isVisible());
    assert.equal(await chartTop(), top, 'the suggestions open over the page: the chart does not move');
    const more = await page.locator('.more-matches').textContent();
    assert.ok(Number(more.match(/另有(\d+)个地区匹配/)?.[1]) > 1000, more);

    // A city's own name: the city first, then places within it, each with where it is.
    const { entities } = JSON.parse(readFileSync(join(NATIONAL, 'entities.json'), 'utf8'));
    const byId = new Map(entities.map((e) => [e.id, e]));
    const city = entities.find((e) => e.kind === 'city' && !entities.some((o) => o !== e && o.name.zh.includes(e.name.zh)));
    await page.fill('.search-places', city.name.zh);
    await page.waitForFunction((id) => document.querySelector('.suggestions button')?.dataset.pick === id, city.id);
    const offered = await page.$$eval('.suggestions button', (bs) => bs.map((b) => [b.dataset.pick, b.querySelector('.within')?.textContent]));
    assert.equal(offered[0][1], byId.get(city.parent).name.zh + ' · ' + byId.get(byId.get(city.parent).parent).name.zh);
    for (const [id, within] of offered.slice(1)) {
      assert.equal(byId.get(id).parent, city.id, `${id} is in ${city.name.zh}`);
      assert.ok(within.startsWith(city.name.zh), within);
    }
    assert.ok(offered.length >= 2, JSON.stringify(offered));
    // The arrow keys go down the suggestions and back up to the field; Enter picks one.
    const focused = () => page.evaluate(() => document.activeElement.dataset.pick ?? document.activeElement.className);
    await page.press('.search-places', 'ArrowDown');
    assert.equal(await focused(), offered[0][0]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), offered[1][0]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'search-places');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.chip[data-entity=${offered[1][0]}]`);
    await page.fill('.search-places', city.name.zh);
    await page.press('.search-places', 'Escape');
    assert.equal(await page.inputValue('.search-places'), '');
    assert.equal(await page.locator('.search-results').isVisible(), false, 'Escape closes the suggestions');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
