// End-to-end reliability and security: a server that fails in every ordinary way, data and
// links that carry markup, the built page's integrity hashes, and the site under a strict
// Content-Security-Policy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, open, SIZES, VIEWS, waitForChart } from './browser.mjs';
import { startHost, startServer } from './server.mjs';

const DIST = resolve(process.env.DIST ?? '../../dist');
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withSite(options, body) {
  const server = await startServer({ root: DIST, ...options });
  const context = await browser.newContext(SIZES.laptop);
  try {
    await body(server, context);
  } finally {
    await context.close();
    await server.close();
  }
}

const FILE = 'data/observations/events.json';
const FAULTS = [
  ['404', { status: 404, type: 'text/plain', body: 'not found' }, /events\.json: HTTP 404/],
  ['500', { status: 500, type: 'text/plain', body: 'boom' }, /events\.json: HTTP 500/],
  ['a truncated body', { body: readFileSync(`${DIST}/${FILE}`, 'utf8'), truncate: true }, /events\.json: (could not read the body|not valid JSON)/],
  ['an HTML page instead of JSON', { type: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html><body>index</body></html>' }, /events\.json: served as "text\/html; charset=utf-8", not JSON/],
  ['a response slowed past the timeout', { delay: 12_000, body: readFileSync(`${DIST}/${FILE}`, 'utf8') }, /events\.json: no answer within 10 seconds/],
  ['a 50 MB file', { size: 50 * 1024 * 1024 }, /events\.json: too large \(50\.0 MB; the limit is 16 MB\)/],
];

describe('network faults', () => {
  for (const [name, fault, message] of FAULTS) {
    test(`${name}: a clear message and a retry; other views keep working; retry after the fault clears shows the data`, async () => {
      const overrides = { [FILE]: fault };
      await withSite({ overrides }, async (server, context) => {
        const { page } = await open(context, `${server.url}?view=events`);
        await page.waitForSelector('.file-error', { timeout: 20_000 });
        assert.match(await page.textContent('.file-error'), message);
        assert.equal(await page.locator('.loading').count(), 0, 'nothing still spinning');
        assert.equal(await page.locator('.file-error button.retry').count(), 1);

        await page.click('.tab[data-view=medals]');
        assert.ok((await waitForChart(page)).marks > 0, 'another view works');
        await page.click('.tab[data-view=events]');
        await page.waitForSelector('.file-error', { timeout: 20_000 });

        delete overrides[FILE];
        await page.click('.file-error button.retry');
        assert.ok((await waitForChart(page)).marks > 0, 'the data after retrying');
        assert.equal(await page.locator('.file-error').count(), 0);
      });
    });
  }
});

describe('a page whose wasm cannot start, or stops', () => {
  const wasmOf = (name) => readdirSync(DIST).find((file) => new RegExp(`^${name}-[0-9a-f]+_bg\\.wasm$`).test(file));
  for (const [name, address, shown] of [['dashboard', '', '.chips'], ['embed', 'embed.html?view=medals', 'canvas.chart']]) {
    test(`${name}: a download cut short says the page could not start, and its reload works`, async () => {
      const wasm = wasmOf(name);
      const overrides = { [wasm]: { type: 'application/wasm', body: readFileSync(`${DIST}/${wasm}`), truncate: true } };
      await withSite({ overrides }, async (server, context) => {
        const { page } = await open(context, `${server.url}${address}`);
        await page.waitForSelector('.start-failed[role=alert]', { timeout: 20_000 });
        assert.match(await page.textContent('.start-failed'), /could not start/);
        assert.equal(await page.locator('.loading, .waiting').count(), 0, 'nothing still waiting');

        delete overrides[wasm];
        await page.click('.start-failed button.retry');
        await page.waitForSelector(shown, { timeout: 20_000 });
        assert.ok((await waitForChart(page)).marks > 0, 'the chart after the reload');
        assert.equal(await page.locator('.start-failed').count(), 0);
      });
    });
  }

  test('a trap after the start says the page stopped working', async () => {
    await withSite({}, async (server, context) => {
      const { page } = await open(context, server.url);
      assert.ok((await waitForChart(page)).marks > 0);
      assert.equal(await page.locator('.start-failed').count(), 0, 'no alarm on a page that started');
      // What a panic becomes in the size build: a WebAssembly trap thrown out of a wasm call.
      await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
      await page.waitForSelector('.start-failed[role=alert]');
      assert.match(await page.textContent('.start-failed'), /stopped working/);
    });
  });
});

describe('requests', () => {
  test('a file that fails is asked for once when the view opens, and once more on retry', async () => {
    // The app's own requests: preload.js's early request for the same file is answered from the
    // browser's preload cache or not, as its timing falls (an error is not always kept).
    const overrides = {
      [FILE]: { status: 500, type: 'text/plain', body: 'boom' },
      'preload.js': { type: 'text/javascript', body: '' },
    };
    await withSite({ overrides }, async (server, context) => {
      const { page } = await open(context, `${server.url}?view=events`);
      await page.waitForSelector('.file-error', { timeout: 20_000 });
      assert.equal(server.served(FILE), 1);
      await page.click('.file-error button.retry');
      await page.waitForFunction(() => !document.querySelector('.loading') && document.querySelector('.file-error'));
      for (let waited = 0; server.served(FILE) < 2 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      assert.equal(server.served(FILE), 2);
      assert.match(await page.textContent('.file-error'), /events\.json: HTTP 500/);
    });
  });
});

describe('hostile input', () => {
  test('names and quotes that carry HTML or script are shown as text, never run', async () => {
    const entities = JSON.parse(readFileSync(`${DIST}/data/entities.json`, 'utf8'));
    const hedong = entities.entities.find((e) => e.id === 'hedong');
    hedong.name.zh = '<img src=x onerror="window.__pwned=1">河东区';
    const medals = JSON.parse(readFileSync(`${DIST}/data/observations/medals.json`, 'utf8'));
    const record = medals.observations.find((o) => o.entity === 'hedong' && o.indicator === 'medals_gold');
    record.source.quote = `<script>window.__pwned=2</script><b>${record.value}</b>`;
    record.context.zh = '<iframe src="javascript:window.__pwned=3"></iframe>';
    const overrides = {
      'data/entities.json': { body: JSON.stringify(entities) },
      'data/observations/medals.json': { body: JSON.stringify(medals) },
    };
    await withSite({ overrides }, async (server, context) => {
      const { page, errors } = await open(context, `${server.url}?view=medals&entities=hedong&show=table`);
      await page.waitForSelector('tbody tr');
      assert.match(await page.textContent('.chip[data-entity=hedong]'), /<img src=x onerror="window.__pwned=1">河东区/);
      await page.locator('tbody tr', { hasText: '<script>' }).first().locator('button.cell-source').click();
      assert.match(await page.textContent('.source-panel .quote'), /<script>window.__pwned=2<\/script><b>81<\/b>/);
      await page.click('button[data-show=chart]');
      await waitForChart(page);
      assert.equal(await page.locator('img[src=x], main script, iframe[src^=javascript]').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.deepEqual(errors, []);
    });
  });

  test('links that are overlong or carry odd unicode or script are ignored with a note', async () => {
    await withSite({}, async (server, context) => {
      const odd = encodeURIComponent('\u202Emedals\u200B');
      const { page, errors } = await open(
        context,
        `${server.url}?view=${odd}&lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E&entities=${'a'.repeat(300)}&years=%00`,
      );
      assert.ok((await waitForChart(page)).marks > 0);
      const note = await page.textContent('.note');
      // The right-to-left override and the zero-width space are named, not kept: they could
      // show the ignored value in another order than it is written, or hide part of it, and
      // named they say why it was not understood.
      assert.match(note, /view=⟨U\+202E⟩medals⟨U\+200B⟩,/, 'odd unicode, named where it is');
      assert.doesNotMatch(note, /[\u202E\u200B]/);
      assert.match(note, /lang=<script>alert\(1\)<\/script>/);
      assert.match(note, /entities=a{40}…/, 'an overlong value, cut');
      assert.match(note, /years=⟨U\+0000⟩/);
      assert.ok(note.length < 400, `short: ${note.length}`);
      assert.equal(await page.locator('.note script').count(), 0);

      const long = await open(context, `${server.url}?view=events&x=${'b'.repeat(8000)}`);
      assert.ok((await waitForChart(long.page)).marks > 0, 'a link too long to be ours still opens the dashboard');
      assert.match(await long.page.textContent('.note'), /\(8014 characters\)/);
      assert.equal(await long.page.getAttribute('.tab[data-view=medals]', 'aria-pressed'), 'true', 'and none of it is used');
      assert.deepEqual([...errors, ...long.errors], []);
    });
  });
});

describe('the built page', () => {
  test('every integrity hash matches its file, after the post-build steps rewrote them', () => {
    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
    const pinned = [...html.matchAll(/<link [^>]*href="\.\/([^"]+)"[^>]*integrity="(sha384-[^"]+)"/g)];
    assert.ok(pinned.length >= 3, `the stylesheet, the JS glue and the wasm are pinned: ${pinned.map((m) => m[1])}`);
    for (const [, file, integrity] of pinned) {
      const digest = createHash('sha384').update(readFileSync(resolve(DIST, file))).digest('base64');
      assert.equal(integrity, `sha384-${digest}`, file);
    }
    const glue = pinned.map((m) => m[1]).find((f) => /^dashboard-.*\.js$/.test(f));
    assert.match(readFileSync(resolve(DIST, glue), 'utf8'), /^\/\/# allFunctionsCalledOnLoad\n/, 'the JS glue asks V8 to compile it as it loads');
  });
});

describe('strict Content-Security-Policy', () => {
  const policy = (ancestors) => [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');

  test('the dashboard, presentation and embed run with no violation, and every request stays on the site', async () => {
    const headers = { 'content-security-policy': policy("'self'") };
    await withSite({ headers }, async (server, context) => {
      const host = await startHost(server.url);
      headers['content-security-policy'] = policy(`'self' ${new URL(host.url).origin}`);
      try {
        await context.addInitScript(() => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        });
        const foreign = [];
        context.on('request', (r) => {
          const origin = new URL(r.url()).origin;
          if (origin !== server.origin && origin !== new URL(host.url).origin) foreign.push(r.url());
        });
        const pages = VIEWS.map((v) => `?view=${v}`).concat(['?view=sources', '?present=1&slide=2', '?view=medals&embed=1']);
        for (const query of pages) {
          const { page, errors } = await open(context, `${server.url}${query}`);
          if (query.includes('sources')) await page.waitForSelector('.sources-table');
          else await waitForChart(page);
          assert.deepEqual(await page.evaluate(() => window.__violations), [], query);
          assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/.test(e)), [], query);
          await page.close();
        }
        const framed = await open(context, host.url);
        await framed.page.frameLocator('iframe#chart').locator('canvas.chart[data-marks]').waitFor();
        const frame = framed.page.frames().find((f) => f.url().includes('embed=1'));
        assert.deepEqual(await frame.evaluate(() => window.__violations), [], 'in the iframe');
        assert.deepEqual(foreign, [], 'no request leaves the two sites');
      } finally {
        await host.close();
      }
    });
  });

  test('framing is refused where frame-ancestors does not allow the host', async () => {
    const headers = { 'content-security-policy': policy("'self'") };
    await withSite({ headers }, async (server, context) => {
      const host = await startHost(server.url);
      try {
        const { page } = await open(context, host.url);
        await page.waitForTimeout(1500);
        const frame = page.frames().find((f) => f.url().includes('embed=1'));
        const drawn = frame ? await frame.locator('canvas.chart').count() : 0;
        assert.equal(drawn, 0, 'the chart is not shown inside a page frame-ancestors does not name');
      } finally {
        await host.close();
      }
    });
  });
});
