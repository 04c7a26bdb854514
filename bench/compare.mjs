// Two or more builds of the site, loaded in turn in one browser: for a change smaller than the
// drift between two benchmark runs (README, "Performance"). Run it through bench/run.sh's
// node_modules:
//
//   node bench/compare.mjs [--runs N] [--rate R] [--phone] DIST_A DIST_B [...]
//
// Each run loads every build once, in an order that alternates, each in a fresh browser
// context at the benchmark's size and CPU rate, then clicks the 重庆市 chip. Each build is served
// as bench.mjs serves the site, gzip as a host would (bench/server.mjs). --phone loads them on
// the benchmark's phone profile (bench/browser.mjs, PHONE: 4× CPU unless --rate says otherwise,
// and Lighthouse's mobile network, 562.5 ms a request, 1,474.56 kbps down). Prints, per build,
// the median (and every sample) of: the first view's chart (first animation frame that shows
// it, for a build that has one), first live chart (first animation frame whose canvas has ink),
// first contentful paint, when the section's data file was requested, the repaint, and the
// main thread's work that the click caused: a second click (the chip back off), traced, and the
// renderer main thread's tasks summed over the second after it.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { PHONE, emulatePhoneNetwork, launch, until } from './browser.mjs';
import { startServer } from './server.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const VIEWPORT = { width: 1366, height: 768 };
const CHART = 'canvas.chart';
const CHIP = 'button.chip[data-entity=chongqing]';

const args = process.argv.slice(2);
const options = { runs: 12, rate: null, phone: false, dists: [] };
while (args.length) {
  const arg = args.shift();
  if (arg === '--runs') options.runs = Number(args.shift());
  else if (arg === '--rate') options.rate = Number(args.shift());
  else if (arg === '--phone') options.phone = true;
  else options.dists.push(resolve(arg));
}
options.rate ??= options.phone ? PHONE.cpu : 4;
if (options.dists.length < 2 || !(options.runs >= 1) || !(options.rate >= 1)) {
  console.error('usage: node bench/compare.mjs [--runs N] [--rate R] [--phone] DIST_A DIST_B [...]');
  process.exit(2);
}
// Under the phone profile a load takes seconds more: wait longer for each figure.
const LIMIT = options.phone ? 120000 : 60000;

const FIRST_VIEW = '.first-view svg.chart';
const probe = readFileSync(join(BENCH, 'probe.js'), 'utf8').replace('__BENCH_CONFIG__', JSON.stringify({ selector: CHART, firstView: FIRST_VIEW }));

async function load(browser, origin) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(probe);
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.rate });
    if (options.phone) await emulatePhoneNetwork(cdp);
    await tab.goto(`${origin}/`, { waitUntil: 'commit', timeout: LIMIT });
    await until(cdp, 'first', LIMIT);
    await until(cdp, 'fcp', LIMIT);
    const loaded = await tab.evaluate(() => ({
      first: window.__bench.first,
      firstView: window.__bench.firstView,
      fcp: window.__bench.fcp,
      requested: performance.getEntriesByType('resource').find((e) => e.name.includes('/observations/'))?.startTime ?? null,
    }));
    // As the benchmark does: let the chart settle, then time a click to the changed frame.
    let last = null;
    for (let i = 0; i < 50; i++) {
      const hash = await tab.evaluate((s) => window.__bench.hash(s), CHART);
      if (hash === last) break;
      last = hash;
      await tab.waitForTimeout(150);
    }
    await tab.evaluate((s) => window.__bench.arm({ selector: s, type: 'click' }), CHART);
    await tab.click(CHIP);
    await until(cdp, 'repaint', LIMIT);
    const repaint = await tab.evaluate(() => window.__bench.repaint);
    return { ...loaded, repaint: repaint >= 0 ? repaint : null, work: await clickWork(tab, cdp) };
  } finally {
    await context.close();
  }
}

/// Milliseconds of renderer main-thread tasks in the second after a click on the chip: what the
/// click costs in all, the frame and whatever the browser does after it (such as fetching the
/// icon again for the new address).
async function clickWork(tab, cdp) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  // A plain mouse click at the chip: Playwright's own checks before a click run in the page.
  const box = await tab.locator(CHIP).boundingBox();
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await tab.waitForTimeout(1000);
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events
    .filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint'))
    .sort((a, b) => a.ts - b.ts);
  if (!tasks.length) return null;
  // Only outermost tasks: a microtask checkpoint may run inside a task.
  let busy = 0;
  let until = -Infinity;
  for (const task of tasks) {
    if (task.ts >= until) {
      busy += task.dur;
      until = task.ts + task.dur;
    }
  }
  return busy / 1000;
}

const ms = (v) => (v == null || !Number.isFinite(v) ? 'n/a' : v >= 100 ? String(Math.round(v)) : v.toFixed(1));

const median = (values) => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

const servers = await Promise.all(options.dists.map((dist) => startServer([['/', `${dist}/`]])));
const browser = await launch();
const samples = options.dists.map(() => []);
try {
  // One uncounted load of each build: the server gzips each file on its first request.
  for (const [i, server] of servers.entries()) {
    await load(browser, server.origin).catch((error) => {
      throw new Error(`${options.dists[i]} did not load: ${error.message.split('\n')[0]}`);
    });
    server.take();
  }
  for (let run = 0; run < options.runs; run++) {
    const order = options.dists.map((_, i) => i);
    if (run % 2) order.reverse();
    for (const i of order) {
      samples[i].push(await load(browser, servers[i].origin));
      servers[i].take();
    }
    console.error(`[compare] run ${run + 1}/${options.runs}`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

const network = options.phone ? `the phone profile's network (${PHONE.latencyMs} ms a request, ${PHONE.downloadKbps} kbps down, ${PHONE.uploadKbps} kbps up)` : 'loopback';
console.log(`${options.runs} loads of each build, in turn, at ${options.rate}× CPU, ${network}, served gzip; median [every sample], ms`);
const metrics = [['first view\'s chart', 'firstView'], ['first live chart', 'first'], ['first contentful paint', 'fcp'], ['section file requested', 'requested'], ['repaint', 'repaint'], ['main thread after a click', 'work']];
options.dists.forEach((dist, i) => {
  console.log(dist);
  for (const [label, key] of metrics) {
    const values = samples[i].map((s) => s[key]);
    console.log(`  ${label.padEnd(24)} ${ms(median(values)).padStart(6)}  [${values.map(ms).join(' ')}]`);
  }
});
process.exit(0);
