// End-to-end: a report not among the five becomes data, as a bureau's staff member would do it,
// by keyboard. The review page opens a Word .docx and a GBK text; two proposals are fixed and
// one rejected; the reviewed file is downloaded and merged with `sportdash merge`; the new place
// is then in the dashboard. Bad files get a clear message and lose nothing already reviewed;
// the work survives a reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, open, SIZES } from './browser.mjs';
import { startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
const ROOT = resolve('../..');
const FIXTURES = resolve('fixtures');
let browser;
let work;

before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'sportdash-ingest-'));
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/// Opens the review page of a copy of the built site, with the work in progress cleared.
async function reviewPage(context, site) {
  const { page, errors } = await open(context, `${site.url}review.html`);
  await page.locator('#open-file').waitFor();
  return { page, errors };
}

async function openFile(page, name) {
  await page.locator('#open-file').setInputFiles(join(FIXTURES, name));
}

async function recordCount(page) {
  await page.locator('.record h2').waitFor();
  const heading = await page.locator('.record h2').innerText();
  const [, current, total] = heading.match(/记录 (\d+) \/ (\d+)/) ?? [];
  return { current: Number(current), total: Number(total), heading };
}

/// Types into the indicator search from the keyboard and takes the first match.
async function chooseIndicator(page, typed) {
  await page.keyboard.press('e');
  await page.keyboard.type(typed);
  await page.locator('.indicator .found button').first().waitFor();
  await page.keyboard.press('Enter');
}

async function chosenIndicator(page) {
  return page.locator('.indicator .chosen').innerText();
}

/// Moves by keyboard (K to the first, then J) to the record whose quote holds `text`.
async function goTo(page, text) {
  const { total } = await recordCount(page);
  while ((await recordCount(page)).current > 1) await page.keyboard.press('k');
  for (let step = 0; step < total; step += 1) {
    if ((await page.locator('.record .quote').innerText()).includes(text)) return;
    await page.keyboard.press('j');
  }
  assert.fail(`no record quotes ${text}`);
}

describe('a new report, from Word to the dashboard', () => {
  test('open a .docx, fix two proposals, reject one, download, merge, see the new place', async () => {
    const site = await startServer({ root: DIST });
    const context = await browser.newContext({ ...SIZES.laptop, acceptDownloads: true });
    try {
      const { page, errors } = await reviewPage(context, site);
      await openFile(page, 'xinxiang-2023.docx');
      const { total } = await recordCount(page);
      assert.ok(total >= 10, `records proposed from the .docx: ${total}`);
      assert.match(await page.locator('.report .read-as').innerText(), /Word \(\.docx\)/);
      assert.match(await page.locator('.report').innerText(), /新乡/, 'the place is read from the title');

      // The new place gets a readable id, typed by the person.
      const id = page.locator('#new-place-id');
      if (await id.count()) {
        await id.fill('xinxiang');
        await id.press('Enter');
        await page.keyboard.press('Escape');
      }

      // Fix one: 4,200 athletes entered a games: the standard indicator is found by typing.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await goTo(page, '4,200余名运动员');
      await chooseIndicator(page, '参与人数');
      assert.match(await chosenIndicator(page), /赛事活动参与人数/);
      await page.keyboard.press('Escape');
      await page.keyboard.press('a');

      // Fix two: the provincial rank belongs to the provincial games: its context is typed in,
      // and the record accepted from the field.
      await goTo(page, '列全省第4名');
      const contextField = page.locator('#field-context');
      await contextField.focus();
      await page.keyboard.type('河南省第十四届运动会');
      await page.keyboard.press('Tab');
      await contextField.focus();
      const before = await recordCount(page);
      await page.keyboard.press('Control+Enter');
      assert.notEqual((await recordCount(page)).current, before.current, 'accepting moves on');

      // Reject one: a change on the year before is not the level; accept two as proposed;
      // reject the rest.
      await goTo(page, '较上年增加0.16平方米');
      await page.keyboard.press('r');
      for (const quote of ['全市新建社会足球场12个', '人均体育场地面积达到2.35平方米']) {
        await goTo(page, quote);
        await page.keyboard.press('a');
      }
      await page.keyboard.press('Shift+R');
      const counts = await page.locator('.record h2').innerText();
      assert.match(counts, /待审 0/, counts);
      assert.match(counts, /接受 4/, counts);
      const ready = await page.locator('.download .ready').innerText();
      assert.match(ready, /可以合并 Ready to merge/, `${ready}; ${await page.locator('.download .problems').innerText()}`);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#download').focus().then(() => page.keyboard.press('Enter')),
      ]);
      const reviewed = join(work, download.suggestedFilename());
      await download.saveAs(reviewed);
      const file = JSON.parse(await readFile(reviewed, 'utf8'));
      assert.equal(file.records.filter((r) => r.review === 'accepted').length, 4);
      const accepted = file.records.filter((r) => r.review === 'accepted');
      assert.deepEqual(accepted.map((r) => r.indicator).sort(), ['competition_rank', 'event_participants', 'football_pitches_built', 'sports_area_per_capita']);
      assert.equal(accepted.find((r) => r.indicator === 'competition_rank').context.zh, '河南省第十四届运动会');
      assert.ok(accepted.every((r) => r.entity === 'xinxiang'), 'the id typed in for the new place is on every record');
      assert.equal(file.records.filter((r) => r.review === 'rejected').length, total - 4);
      assert.deepEqual(errors, []);

      // Merge into a copy of the data, then serve the site with it.
      const siteCopy = join(work, 'site');
      await cp(DIST, siteCopy, { recursive: true });
      await rm(join(siteCopy, 'data'), { recursive: true });
      await cp(join(ROOT, 'data'), join(siteCopy, 'data'), { recursive: true });
      const merged = execFileSync('cargo', ['sportdash', 'merge', reviewed, '--data', join(siteCopy, 'data')], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      assert.match(merged, /merged 4 records/, merged);
      // Merging it again is refused, and says why.
      assert.throws(
        () => execFileSync('cargo', ['sportdash', 'merge', reviewed, '--data', join(siteCopy, 'data')], { cwd: ROOT, stdio: 'pipe' }),
        (e) => /duplicate/i.test(String(e.stderr)),
      );

      const mergedSite = await startServer({ root: siteCopy });
      try {
        const dashboard = await open(context, `${mergedSite.url}?view=facilities&indicator=sports_area_per_capita&entities=xinxiang,jiaozuo&years=2021-2023&show=table`);
        await dashboard.page.locator('table.data-table tbody tr').first().waitFor();
        const table = await dashboard.page.locator('table.data-table').innerText();
        assert.match(table, /新乡市/, 'the new place is in the dashboard');
        assert.match(table, /2\.35/, 'with its number');
        assert.deepEqual(dashboard.errors, []);
      } finally {
        await mergedSite.close();
      }
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('a GBK text reads as GB18030; the work survives a reload; bad files lose nothing', async () => {
    const site = await startServer({ root: DIST });
    const context = await browser.newContext(SIZES.presentation);
    try {
      const { page, errors } = await reviewPage(context, site);
      await openFile(page, 'nankai-2022-gbk.txt');
      const { total } = await recordCount(page);
      assert.ok(total >= 10, `records proposed from the GBK text: ${total}`);
      assert.match(await page.locator('.report .read-as').innerText(), /GB18030/);
      assert.match(await page.locator('.report-text').innerText(), /南开区/, 'Chinese, not mojibake');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('r');
      await page.keyboard.press('a');

      // A number left out is added by selecting it: from the list, then N.
      await page.locator('.left-out-list summary').click();
      const leftOut = page.locator('.left-out-list li button').first();
      const number = await leftOut.innerText();
      await leftOut.click();
      await page.keyboard.press('n');
      const added = await recordCount(page);
      assert.equal(added.total, total + 1, `${number} added: ${added.heading}`);
      assert.ok((await page.locator('.record .quote').innerText()).includes(number), 'its quote holds it');
      const before = await page.locator('.record h2').innerText();

      const expected = {
        'empty.txt': /empty/,
        'picture.png': /image/i,
        'not-a-zip.docx': /not a Word \.docx file/,
        'old-word.doc': /save it as \.docx/,
        'no-numbers.txt': /no numbers/,
      };
      for (const [name, message] of Object.entries(expected)) {
        await openFile(page, name);
        await page.locator('.message', { hasText: name }).waitFor();
        assert.match(await page.locator('.message').innerText(), message, name);
        assert.equal(await page.locator('.record h2').innerText(), before, `${name} loses nothing`);
      }
      // A 20 MB text is refused from its size.
      await page.locator('#open-file').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024, '体') });
      await page.locator('.message', { hasText: 'huge.txt' }).waitFor();
      assert.match(await page.locator('.message').innerText(), /MB/);
      assert.equal(await page.locator('.record h2').innerText(), before, 'a 20 MB text loses nothing');

      await page.reload();
      assert.equal(await page.locator('.record h2').innerText(), before, 'the review survives a reload');
      assert.deepEqual(errors, []);

      // A report whose place is unknown: read, and the place is left for the person to choose.
      page.once('dialog', (dialog) => dialog.accept());
      await openFile(page, 'unknown-place.txt');
      await page.locator('.message', { hasText: 'unknown-place.txt' }).waitFor();
      assert.match(await page.locator('.message').innerText(), /place is not known/);
      assert.equal(await page.locator('#report-place').inputValue(), '');
    } finally {
      await context.close();
      await site.close();
    }
  });
});
