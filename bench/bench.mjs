// The benchmark (README, "Performance"). Run it through bench/run.sh, which installs what it
// needs:
//
//   bench/run.sh [--runs N] [--phone-runs N] [--quick] [--national DIR] [--build] [--dist DIR]
//
// Measures the dashboard's default view (dist/, the release build, served under /ours/) and the
// embed (the light embed page, embed.html?view=medals, where the build has one; else the
// dashboard in embed mode, ?embed=1) against two reference pages that draw the same chart from
// the same data: Apache ECharts (canvas, at our chart's size) and a "floor" page, an inline SVG
// written by our own `sportdash render` with no script at all. All at 1366×768.
//
// The server sends gzip as a host would (bench/server.mjs): every compressible response
// (html, js, css, json, wasm, svg) with Content-Encoding: gzip, under every condition.
// Three conditions, each page load in a fresh browser context, the pages taking turns in
// each round:
//   1× CPU, loopback            --runs loads (default 7; --quick 2)
//   4× CPU, loopback            --runs loads if given, else 15 (--quick 2)
//   phone profile               --phone-runs loads (default 6; --quick 1): 4× CPU and
//                               Lighthouse's mobile network as DevTools throttling applies it,
//                               562.5 ms per request, 1,474.56 kbps down, 675 kbps up
//                               (bench/browser.mjs, PHONE)
// Per page and condition, the median (and range) of: the first chart (the first animation frame
// that shows a chart, the dashboard's pre-drawn first view counting, not before the first
// contentful paint), the live chart (the first frame whose canvas has ink: for the embed, which
// has no first view, the same as its first chart), and the transfer: the bytes on the wire as
// served (gzip), and per file raw, gzip -9 and brotli 11 computed from the bodies. Under the two
// loopback conditions also the repaint after clicking a chip (the dashboard and ECharts), the JS
// heap and the wasm memory. Prints a table per condition, the targets (met, or off by how much;
// the targets never fail the run) and the details (Markdown), and writes
// bench/results/latest.json.
// It fails (status 1) only when a page does not load or a figure cannot be taken, never on
// how fast or slow anything is.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

import { PHONE, emulatePhoneNetwork, launch, until } from './browser.mjs';
import { startServer } from './server.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const VIEWPORT = { width: 1366, height: 768 }; // the e2e tests' laptop size
const CHIP = 'button.chip[data-entity=chongqing]';
// The chart of the first view built into our page (src/snapshot.rs), one SVG per screen size.
const FIRST_VIEW = '.first-view svg.chart';
const YEAR_TO = 'input[data-role=year-to]';
const NATIONAL_QUERY = '?view=facilities&indicator=sports_area_per_capita&top=20';
const KB = 1024;
const LATER_REPAINTS = 4;
// The embed page of a build that has one (the light embed), else the dashboard in embed mode.
const EMBED_PAGE = 'embed.html';
const EMBED_QUERY = '?view=medals';
const EMBED_MODE_QUERY = '?embed=1';

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) console.error(`bench: ${message}`);
  console.error(`usage: bench/run.sh [--runs N] [--phone-runs N] [--quick] [--national DIR] [--build] [--dist DIR]
  --runs N        loads per page at 1× and at 4× CPU (default 7 at 1×, 15 at 4×; --quick: 2)
  --phone-runs N  loads per page on the phone profile (default 6; --quick: 1; 0: none)
  --quick         the short run CI does: fewer loads; the targets are printed, never enforced
  --national DIR  also measure a data directory written by
                  cargo run --release -p sportdash-devtools --example national -- DIR
  --build         scripts/build.sh first (otherwise only when dist/ is missing)
  --dist DIR      measure another build of the site (default: dist/)`);
  process.exit(message ? 2 : 0);
}

const options = { runs: 7, runs4: 15, phoneRuns: 6, quick: false, national: null, build: false, dist: null };
{
  const args = process.argv.slice(2);
  let runsGiven = false;
  let phoneGiven = false;
  while (args.length) {
    const arg = args.shift();
    if (arg === '--runs') {
      options.runs = Number(args.shift());
      runsGiven = true;
      if (!Number.isInteger(options.runs) || options.runs < 1) usage('--runs needs a whole number ≥ 1');
      options.runs4 = options.runs;
    } else if (arg === '--phone-runs') {
      options.phoneRuns = Number(args.shift());
      phoneGiven = true;
      if (!Number.isInteger(options.phoneRuns) || options.phoneRuns < 0) usage('--phone-runs needs a whole number ≥ 0');
    } else if (arg === '--quick') options.quick = true;
    else if (arg === '--national') {
      options.national = args.shift();
      if (!options.national) usage('--national needs a directory');
      options.national = resolve(options.national);
    } else if (arg === '--build') options.build = true;
    else if (arg === '--dist') {
      options.dist = args.shift();
      if (!options.dist) usage('--dist needs a directory');
      options.dist = resolve(options.dist);
    }
    else if (arg === '-h' || arg === '--help') usage();
    else usage(`unknown argument ${arg}`);
  }
  if (options.quick && !runsGiven) options.runs = options.runs4 = 2;
  if (options.quick && !phoneGiven) options.phoneRuns = 1;
}
const THROTTLES = [1, 4];
const PAGES = ['ours', 'embed', 'echarts', 'floor'];
// The conditions, in the order they run; `key` names them in the JSON (1, 4, phone).
const CONDITIONS = [
  { key: '1', title: '1× CPU, loopback', cpu: 1, network: null, runs: options.runs, repaint: true },
  { key: '4', title: '4× CPU, loopback', cpu: 4, network: null, runs: options.runs4, repaint: true },
  { key: 'phone', title: `Phone profile: ${PHONE.label} (Lighthouse's mobile preset, DevTools throttling)`, cpu: PHONE.cpu, network: PHONE, runs: options.phoneRuns, repaint: false },
];
const KEYS = CONDITIONS.map((c) => c.key);

// ---------------------------------------------------------------- small helpers

const say = (text) => console.error(`[bench] ${text}`);
const failures = [];
const fail = (what) => {
  failures.push(what);
  say(`FAILED: ${what}`);
};

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function summary(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return { median: median(v), min: v.length ? Math.min(...v) : null, max: v.length ? Math.max(...v) : null, samples: values };
}

function run(command, args, { cwd = ROOT, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ok: result.status === 0, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

// Each file's compressed size, kept by file and length: every run loads the same files.
const compressedCache = new Map();
function compressedSize(entry, how, compress) {
  const key = entry.file ? `${how}:${entry.file}:${entry.bytes}` : null;
  if (key && compressedCache.has(key)) return compressedCache.get(key);
  const size = compress(entry.body).length;
  if (key) compressedCache.set(key, size);
  return size;
}

const gzipSize = (entry) => compressedSize(entry, 'gzip', (body) => gzipSync(body, { level: 9 }));

// Brotli at its best quality, as a host that compresses ahead of time would serve it. Only for
// the default view's pages: at quality 11 one national indicator file alone takes about 20 s.
const brotliSize = (entry) => compressedSize(entry, 'brotli', (body) => brotliCompressSync(body, {
  params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
}));

/// The responses of one page load: of the 200s, the bytes on the wire as served (`wire`: the
/// gzip bodies the server sent, and the bodies it sent as they are), the files' own bytes (`raw`)
/// and what gzip -9 (and brotli 11) make of each file (computed here, whatever was served); and
/// each file.
function transferOf(log, prefix, { brotli = true } = {}) {
  const files = log.map((e) => ({
    path: e.path.startsWith(prefix) ? e.path.slice(prefix.length) || '/' : e.path,
    status: e.status,
    raw: e.bytes,
    wire: e.wire ?? e.bytes,
    encoding: e.encoding ?? null,
    gzip: e.status === 200 ? gzipSize(e) : null,
    brotli: e.status === 200 && brotli ? brotliSize(e) : null,
  }));
  const ok = files.filter((f) => f.status === 200);
  return {
    wire: ok.reduce((s, f) => s + f.wire, 0),
    raw: ok.reduce((s, f) => s + f.raw, 0),
    gzip: ok.reduce((s, f) => s + f.gzip, 0),
    brotli: brotli ? ok.reduce((s, f) => s + f.brotli, 0) : null,
    requests: files.length,
    served_gzip: ok.filter((f) => f.encoding === 'gzip').length,
    served_as_is: ok.filter((f) => f.encoding !== 'gzip').map((f) => f.path),
    files,
  };
}

// ---------------------------------------------------------------- the site: dist/, snapshotted

/// The files a page of dist/ (index.html) names (loader, glue, wasm, css), relative to dist/.
function referencedFiles(dist, page = 'index.html') {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
}

function ensureDist() {
  if (options.dist) {
    if (!existsSync(join(options.dist, 'index.html'))) throw new Error(`${options.dist} has no index.html`);
    return options.dist;
  }
  const dist = join(ROOT, 'dist');
  if (options.build || !existsSync(join(dist, 'index.html'))) {
    say(options.build ? '--build: scripts/build.sh' : 'dist/ is missing: scripts/build.sh');
    const built = run('bash', ['scripts/build.sh']);
    if (!built.ok) {
      console.error(built.stdout, built.stderr);
      throw new Error('scripts/build.sh failed');
    }
  }
  return dist;
}

/// A copy of dist/, so that a build running meanwhile cannot swap files under the benchmark.
/// Retries while dist/ is incomplete (a build writing it).
async function snapshot(dist) {
  for (let attempt = 1; ; attempt++) {
    const copy = mkdtempSync(join(tmpdir(), 'sportdash-bench-site-'));
    try {
      cpSync(dist, copy, { recursive: true, filter: (source) => !source.includes('/.stage') });
      const named = referencedFiles(copy);
      const embed = existsSync(join(copy, EMBED_PAGE)) ? referencedFiles(copy, EMBED_PAGE) : [];
      const missing = named.concat(embed).filter((f) => !existsSync(join(copy, f)));
      const wasm = named.find((f) => f.endsWith('.wasm'));
      if (!missing.length && wasm) {
        const mtime = statSync(join(dist, wasm)).mtimeMs;
        return { dir: copy, wasm: join(copy, wasm), wasmMtime: mtime, files: named, embed: existsSync(join(copy, EMBED_PAGE)) ? embed : null };
      }
      throw new Error(`index.html${embed.length ? ` or ${EMBED_PAGE}` : ''} names missing files: ${missing.join(', ') || 'no .wasm'}`);
    } catch (error) {
      rmSync(copy, { recursive: true, force: true });
      if (attempt >= 10) throw new Error(`dist/ is not a complete build: ${error.message}`);
      say(`dist/ looks incomplete (${error.message}); a build may be running, retrying in 5 s`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}

// ---------------------------------------------------------------- the floor page

/// Our own CLI draws the chart as SVG at the size the dashboard draws it; the page inlines it.
function floorPage(dir, dataDir, width, height) {
  const svgFile = join(dir, 'chart.svg');
  say(`floor: cargo sportdash render --view medals --format svg (${width}×${height})`);
  const rendered = run('cargo', ['sportdash', 'render', '--view', 'medals', '--format', 'svg',
    '-o', svgFile, '--width', String(width), '--height', String(height), '--data', dataDir]);
  if (!rendered.ok) throw new Error(`sportdash render failed (status ${rendered.status}): ${rendered.stderr.trim().slice(-2000)}`);
  const svg = readFileSync(svgFile, 'utf8');
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floor: the medals chart as inline SVG, no script</title></head>
<body style="margin:16px">
${svg}
</body>
</html>
`);
  rmSync(svgFile);
  return `${rendered.stdout}${rendered.stderr}`.trim().split('\n').pop();
}

// ---------------------------------------------------------------- one load of one page

const PROBE = readFileSync(join(BENCH, 'probe.js'), 'utf8');

/// Opens `page.url` in a fresh context at `throttle`× CPU slowdown (and, given `network`, the
/// phone profile's network) and measures: time to the first chart, the bytes served, the memory
/// after load, and (if `page.repaint` and `repaint`) the repaint.
async function measure(browser, server, page, throttle, { repaint = true, network = null } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(PROBE.replace('__BENCH_CONFIG__', JSON.stringify({ selector: page.selector, firstView: page.firstView ?? null })));
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (network) await emulatePhoneNetwork(cdp);
  const limit = page.timeout * throttle;
  // The network is idle when the server has had no request open for this long. Under the phone
  // profile the browser may still be receiving what the server has sent; allow one latency more.
  const quiet = 500 + (network ? network.latencyMs : 0);
  const out = { errors };
  try {
    server.take();
    await tab.goto(page.url, { waitUntil: 'commit', timeout: limit });
    if (page.selector) await until(cdp, 'first', limit);
    else if (page.firstView) await until(cdp, 'firstView', limit);
    // The paint entries arrive after the frame is shown, a little after its animation frame.
    await until(cdp, 'fcp', limit);
    await server.idle(quiet, limit);
    const marks = await tab.evaluate(() => ({ first: window.__bench.first, firstView: window.__bench.firstView, fcp: window.__bench.fcp, drawn: window.__bench.drawn }));
    // What a person sees first: the chart written into the page where it has one, else the
    // canvas; timed by the animation frame it is there in, and not before the first contentful
    // paint (an animation frame of a page's first load can come well before its paint).
    const frame = Math.min(marks.firstView ?? Infinity, marks.first ?? Infinity);
    out.firstChart = Number.isFinite(frame) ? Math.max(frame, marks.fcp ?? 0) : null;
    out.liveChart = page.selector ? marks.first : null;
    out.firstView = marks.firstView;
    out.fcp = marks.fcp;
    out.drawn = marks.drawn;
    out.marks = page.selector ? await tab.evaluate((s) => document.querySelector(s)?.dataset.marks ?? null, page.selector) : null;
    out.transfer = transferOf(server.take(), page.prefix, { brotli: page.name !== 'national' });
    out.milestones = await tab.evaluate(milestones);

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    out.jsHeap = heap.usedSize;
    out.wasm = await tab.evaluate(() => window.__bench.wasmBytes());

    if (repaint && page.repaint) {
      // Let the first drawing settle (a resize may draw it twice), then trigger a change.
      let last = null;
      for (let i = 0; i < 50; i++) {
        const hash = await tab.evaluate((s) => window.__bench.hash(s), page.selector);
        if (hash === last) break;
        last = hash;
        await tab.waitForTimeout(150);
      }
      const trigger = await page.repaint(tab, page);
      await until(cdp, 'repaint', limit);
      const result = await tab.evaluate(() => [window.__bench.repaint, window.__bench.repaintDrawn]);
      out.repaint = result[0] >= 0 ? result[0] : null;
      out.repaintDrawn = result[1];
      out.trigger = trigger;
      if (out.repaint === null) out.repaintError = 'the chart did not change';
      // The same change again on the same page: its code has been compiled by now (the first
      // repaint also pays for compiling it). The median of these per load.
      const later = [];
      for (let i = 0; i < LATER_REPAINTS && out.repaint !== null; i++) {
        await tab.waitForTimeout(300);
        await page.repaint(tab, page);
        await until(cdp, 'repaint', limit);
        const again = await tab.evaluate(() => window.__bench.repaint);
        if (again >= 0) later.push(again);
      }
      out.repaintLater = median(later);
    }
  } catch (error) {
    out.error = `${error.message.split('\n')[0]}${errors.length ? ` (page errors: ${errors.slice(0, 3).join(' | ')})` : ''}`;
    out.visible = await tab.evaluate(() => document.body?.innerText.slice(0, 300)).catch(() => null);
  } finally {
    await context.close();
  }
  return out;
}

/// Runs in the page: when its files arrived and, for ours, the app's User Timing marks
/// (`sportdash:…`, set by src/app), each the first of its name; ms from navigation start.
function milestones() {
  const out = {};
  const resources = performance.getEntriesByType('resource');
  const wasm = resources.find((e) => e.name.endsWith('.wasm'));
  if (wasm) out['wasm downloaded'] = wasm.responseEnd;
  const data = resources.find((e) => e.name.includes('/observations/'));
  if (data) {
    out['section file requested'] = data.startTime;
    out['section file downloaded'] = data.responseEnd;
  }
  for (const e of performance.getEntriesByType('paint')) out[e.name] = e.startTime;
  for (const e of performance.getEntriesByType('mark')) {
    const name = e.name.replace(/^sportdash:/, 'app: ');
    if (name !== e.name && !(name in out)) out[name] = e.startTime;
  }
  if (window.__bench?.firstView != null) out['first frame with the first view\'s chart'] = window.__bench.firstView;
  if (window.__bench?.first != null) out['first frame with the chart'] = window.__bench.first;
  return out;
}

/// The median of each milestone over the loads, per condition, in the order they happen at 4×.
function milestoneMedians(samples) {
  const names = new Set(KEYS.flatMap((t) => (samples[t] ?? []).flatMap((m) => Object.keys(m.milestones ?? {}))));
  const rows = [...names].map((name) => ({
    name,
    ...Object.fromEntries(KEYS.map((t) => [t, median((samples[t] ?? []).map((m) => m.milestones?.[name] ?? null))])),
  }));
  return rows.sort((a, b) => (a[4] ?? Infinity) - (b[4] ?? Infinity));
}

async function clickChip(tab, page) {
  await tab.evaluate((s) => window.__bench.arm({ selector: s, type: 'click' }), page.selector);
  await tab.click(CHIP);
  return `click ${CHIP}`;
}

// ---------------------------------------------------------------- the wasm, per twiggy

function wasmReport(site) {
  const report = { dist_wasm: site.wasm.replace(site.dir, 'dist'), top: null, by_crate: null, notes: [] };
  const top = run('twiggy', ['top', '-n', '15', site.wasm]);
  if (top.error?.code === 'ENOENT') {
    report.notes.push('twiggy is not installed (cargo install twiggy); wasm breakdown skipped');
    return report;
  }
  report.top = top.ok ? top.stdout : `twiggy failed: ${top.stderr}`;
  if (top.ok && /code\[\d+\]/.test(top.stdout)) report.notes.push('the release wasm has no function names (wasm-opt strips them), hence code[N] above');
  // The release wasm has no names (wasm-opt strips them), so the top list above reads code[N].
  // wasm-bindgen's output before wasm-opt still has them: count its bytes per crate.
  const dirs = [process.env.CARGO_TARGET_DIR, join(ROOT, 'target')].filter(Boolean).map((d) => join(d, 'wasm-bindgen', 'release'));
  const named = dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((f) => f.startsWith('dashboard') && f.endsWith('_bg.wasm')).map((f) => join(d, f)) : []))
    .map((f) => ({ f, mtime: statSync(f).mtimeMs }))
    .sort((a, b) => Math.abs(a.mtime - site.wasmMtime) - Math.abs(b.mtime - site.wasmMtime))[0];
  if (!named) {
    report.notes.push('no named wasm (target/wasm-bindgen/release/*_bg.wasm) found: no per-crate breakdown');
    return report;
  }
  if (Math.abs(named.mtime - site.wasmMtime) > 10 * 60 * 1000) {
    report.notes.push(`${named.f} is not from the build in dist/ (written ${Math.round(Math.abs(named.mtime - site.wasmMtime) / 60000)} min apart): no per-crate breakdown`);
    return report;
  }
  const json = run('twiggy', ['top', '-n', '1000000', '-f', 'json', named.f]);
  if (!json.ok) {
    report.notes.push(`twiggy failed on ${named.f}: ${json.stderr.trim()}`);
    return report;
  }
  const crates = new Map();
  let total = 0;
  for (const item of JSON.parse(json.stdout)) {
    const group = crateOf(item.name);
    if (group === null) continue; // custom sections (names, producers): not in the release wasm
    total += item.shallow_size;
    crates.set(group, (crates.get(group) ?? 0) + item.shallow_size);
  }
  report.named_wasm = named.f;
  report.by_crate_total = total;
  report.by_crate = [...crates].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes, share: bytes / total }));
  return report;
}

/// The crate a twiggy item belongs to, roughly: generic code is counted under the crate of the
/// function or trait it instantiates (a leptos closure run by tachys counts as tachys).
function crateOf(name) {
  if (/^"[^"]*"( subsection)?$/.test(name) || name.startsWith('custom section')) return null;
  if (name.startsWith('data segment') || name.startsWith('data[')) return 'data segments (strings, tables)';
  if (/^(type|import|export|table|elem|global|func|memory|start)\b/.test(name) || /^\w+\[\d+\]$/.test(name)) return 'wasm sections (types, imports, exports, table)';
  if (/^(__wbg_|__wbindgen|wasm_bindgen::|js_sys::|web_sys::)/.test(name) || name.endsWith(' shim')) {
    return name.startsWith('js_sys') ? 'js_sys' : name.startsWith('web_sys') ? 'web_sys' : 'wasm_bindgen';
  }
  let path = name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  if (path.startsWith('<')) {
    let depth = 0;
    let end = 0;
    for (let i = 0; i < path.length; i++) {
      if (path[i] === '<') depth++;
      else if (path[i] === '>' && --depth === 0) { end = i; break; }
    }
    const inner = path.slice(1, end);
    depth = 0;
    let as = -1;
    for (let i = 0; i < inner.length; i++) {
      if (inner[i] === '<') depth++;
      else if (inner[i] === '>') depth--;
      else if (depth === 0 && inner.startsWith(' as ', i)) { as = i; break; }
    }
    path = as >= 0 ? inner.slice(as + 4) : inner;
    path = path.replace(/^(&|\*const |\*mut |mut |dyn )+/, '');
  }
  const crate = path.split('::')[0].split('<')[0].trim() || name;
  const primitive = /^(str|bool|char|[iuf](8|16|32|64|128|size)|\(.*|\[.*)$/.test(crate);
  if (primitive || ['core', 'alloc', 'std'].includes(crate)) return 'Rust std (core, alloc, std)';
  return crate;
}

// ---------------------------------------------------------------- the national data set

async function national(browser, server, site, dir) {
  if (!existsSync(join(dir, 'entities.json'))) {
    return { measured: false, reason: `${dir} has no entities.json (write it with: cargo run --release -p sportdash-devtools --example national -- ${dir})` };
  }
  const page = {
    name: 'national',
    prefix: '/national/',
    url: `${server.origin}/national/${NATIONAL_QUERY}`,
    selector: 'canvas.chart',
    timeout: 60000,
    repaint: async (tab) => {
      const input = tab.locator(YEAR_TO);
      const current = Number(await input.inputValue());
      const min = Number((await input.getAttribute('min')) ?? current - 1);
      const earlier = Math.max(min, current - 1);
      if (!(earlier < current)) throw new Error(`no earlier year than ${current} to choose`);
      await tab.evaluate((s) => window.__bench.arm({ selector: s, type: 'keydown', key: 'Enter' }), 'canvas.chart');
      await input.fill(String(earlier));
      await input.press('Enter');
      return `${YEAR_TO}: ${current} → ${earlier}, Enter`;
    },
  };
  const has = await browser.newContext().then(async (context) => {
    const tab = await context.newPage();
    const response = await tab.goto(`${server.origin}/national/data/indicators.json`);
    const ok = response.ok();
    await context.close();
    return ok;
  });
  if (!has) return { measured: false, reason: `${dir}/indicators.json is not served` };
  const samples = { 1: [], 4: [] };
  for (const throttle of THROTTLES) {
    for (let i = 0; i < options.runs; i++) {
      say(`national ${throttle}× run ${i + 1}/${options.runs}`);
      const m = await measure(browser, server, page, throttle);
      if (m.error || m.firstChart == null) {
        return { measured: false, reason: `the ranked chart at ${NATIONAL_QUERY} did not appear (${throttle}×): ${m.error ?? 'no ink'}${m.visible ? `; the page says: ${m.visible.replace(/\s+/g, ' ')}` : ''}` };
      }
      samples[throttle].push(m);
    }
  }
  const pick = (throttle, key) => summary(samples[throttle].map((m) => m[key]));
  const first = samples[1][0];
  const out = {
    measured: true,
    url: NATIONAL_QUERY,
    data_dir: dir,
    marks: first.marks,
    first_chart_ms: { 1: pick(1, 'firstChart'), 4: pick(4, 'firstChart') },
    chart_drawn_ms: { 1: pick(1, 'drawn'), 4: pick(4, 'drawn') },
    repaint_ms: { 1: pick(1, 'repaint'), 4: pick(4, 'repaint') },
    repaint_later_ms: { 1: pick(1, 'repaintLater'), 4: pick(4, 'repaintLater') },
    repaint_drawn_ms: { 1: pick(1, 'repaintDrawn'), 4: pick(4, 'repaintDrawn') },
    repaint_trigger: first.trigger,
    transfer: first.transfer,
    js_heap_bytes: pick(1, 'jsHeap'),
    wasm_memory_bytes: pick(1, 'wasm'),
  };
  const missing = THROTTLES.filter((t) => out.repaint_ms[t].median == null);
  if (missing.length) {
    out.repaint_note = `repaint not measured at ${missing.join('×, ')}×: ${samples[missing[0]].map((m) => m.repaintError ?? m.error).filter(Boolean)[0] ?? 'no sample'}`;
  }
  return out;
}

// ---------------------------------------------------------------- output

const ms = (v) => (v == null ? 'n/a' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const kb = (v) => (v == null ? 'n/a' : `${(v / KB).toFixed(1)} KB`);
const mb = (v) => (v == null ? 'n/a' : `${(v / KB / KB).toFixed(1)} MB`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

// Times show their spread over the loads: median (fastest–slowest).
const spread = (s) => (s?.median == null ? null : { value: s.median, text: `${ms(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})` });
const NAMES = { ours: 'dashboard', embed: 'embed', echarts: 'ECharts', floor: 'floor' };
const where = (key) => (key === 'phone' ? 'on the phone profile' : `at ${key}× CPU, loopback`);

/// What the server sent each page under one condition: how many responses went out gzip, which
/// as they are.
function servedLine(result, key) {
  const parts = PAGES.filter((name) => result.pages[name]?.served?.[key]).map((name) => {
    const s = result.pages[name].served[key];
    const ok = s.gzip_responses + s.as_is.length;
    return `${NAMES[name]} ${s.gzip_responses} of ${ok} gzip${s.as_is.length ? ` (as is: ${s.as_is.join(', ')})` : ''}`;
  });
  return parts.length ? `Served gzip, as a host would (Content-Encoding: gzip on html, js, css, json, wasm, svg; 200 responses): ${parts.join('; ')}.` : 'Nothing served.';
}

/// The table of one condition: live chart, first chart, transfer; a column per page.
function conditionTable(result, condition) {
  const p = result.pages;
  const key = condition.key;
  const lines = [`### ${condition.title}: ${condition.runs} load${condition.runs === 1 ? '' : 's'} of each page`, ''];
  if (!condition.runs) return [...lines, 'Not measured (0 loads).'].join('\n');
  lines.push(servedLine(result, key), '');
  const rows = [
    ['live chart', (x) => (x.live_chart_ms ? spread(x.live_chart_ms[key]) : { value: null, text: '—' }), false],
    ['first chart', (x) => spread(x.first_chart_ms?.[key]), true],
    ['transfer, gzip on the wire', (x) => x.served?.[key] && { value: x.served[key].wire, text: kb(x.served[key].wire) }, false],
    ['transfer, raw', (x) => x.served?.[key] && { value: x.served[key].raw, text: kb(x.served[key].raw) }, false],
  ];
  lines.push(`| ${where(key)} | ${PAGES.map((n) => NAMES[n]).join(' | ')} | dashboard/ECharts | embed/ECharts | dashboard/floor |`);
  lines.push(`|---|${PAGES.map(() => '--:').join('|')}|--:|--:|--:|`);
  for (const [label, get, floorRatio] of rows) {
    const cells = Object.fromEntries(PAGES.map((n) => [n, (p[n] && get(p[n])) || { value: null, text: 'n/a' }]));
    lines.push(`| ${label} | ${PAGES.map((n) => cells[n].text).join(' | ')} | ${ratio(cells.ours.value, cells.echarts.value)} | `
      + `${ratio(cells.embed.value, cells.echarts.value)} | ${floorRatio ? ratio(cells.ours.value, cells.floor.value) : '—'} |`);
  }
  return lines.join('\n');
}

function markdown(result) {
  const p = result.pages;
  const lines = [];
  const m = result.machine;
  lines.push(`Benchmark ${result.date} · ${result.mode}: medians (fastest–slowest) of each page's loads, each in a fresh browser context, ${VIEWPORT.width}×${VIEWPORT.height} · `
    + `${m.cpus} × ${m.cpu} · ${m.chromium} · load average ${m.load_before} before, ${m.load_after} after`);
  lines.push('');
  lines.push(`Pages: dashboard ${p.ours.url} (the default view; its first chart is the first view written into the page); `
    + `embed ${p.embed.url}, ${result.embed.measured} (no first view: its first chart is its live chart); `
    + `ECharts ${p.echarts.url} (our chart's size); floor ${p.floor?.url ?? '(not built)'} (inline SVG, no script; no live chart). `
    + `Live chart: the first animation frame whose canvas has ink. First chart: the first frame that shows a chart, not before the first contentful paint. `
    + `Transfer: the 200 responses' bodies, on the wire as served, and raw.`);
  for (const condition of CONDITIONS.filter((c) => c.key !== '1')) {
    lines.push('');
    lines.push(conditionTable(result, condition));
  }
  lines.push('');
  lines.push('Targets (printed, never enforced):');
  for (const t of result.targets) lines.push(`- ${t.target}: ${t.verdict}`);

  const rows = [
    ['first chart 1×', (x) => spread(x.first_chart_ms[1])],
    ['first chart 4×', (x) => spread(x.first_chart_ms[4])],
    ['first live chart 1×', (x) => spread(x.live_chart_ms?.[1])],
    ['first live chart 4×', (x) => spread(x.live_chart_ms?.[4])],
    ['transfer on the wire (gzip served)', (x) => x.transfer && { value: x.transfer.wire, text: kb(x.transfer.wire) }],
    ['transfer raw', (x) => x.transfer && { value: x.transfer.raw, text: kb(x.transfer.raw) }],
    ['transfer gzip -9 (per file)', (x) => x.transfer && { value: x.transfer.gzip, text: kb(x.transfer.gzip) }],
    ['transfer brotli 11 (per file)', (x) => x.transfer?.brotli != null && { value: x.transfer.brotli, text: kb(x.transfer.brotli) }],
    ['repaint 1×', (x) => spread(x.repaint_ms?.[1])],
    ['repaint 4×', (x) => spread(x.repaint_ms?.[4])],
    [`repaint 1×, clicks 2–${LATER_REPAINTS + 1}`, (x) => spread(x.repaint_later_ms?.[1])],
    [`repaint 4×, clicks 2–${LATER_REPAINTS + 1}`, (x) => spread(x.repaint_later_ms?.[4])],
    ['JS heap', (x) => x.js_heap_bytes.median != null && { value: x.js_heap_bytes.median, text: mb(x.js_heap_bytes.median) }],
    ['wasm memory', (x) => x.wasm_memory_bytes.median > 0 && { value: x.wasm_memory_bytes.median, text: mb(x.wasm_memory_bytes.median) }],
  ];
  const [one, four] = CONDITIONS;
  lines.push('');
  lines.push(`### All figures at 1× and 4× CPU, loopback: ${one.runs} loads at 1×, ${four.runs} at 4×`);
  lines.push('');
  lines.push(servedLine(result, '1'));
  lines.push('');
  lines.push(`| metric | ${PAGES.map((n) => NAMES[n]).join(' | ')} | dashboard/ECharts | dashboard/floor |`);
  lines.push(`|---|${PAGES.map(() => '--:').join('|')}|--:|--:|`);
  for (const [label, get] of rows) {
    const cells = Object.fromEntries(PAGES.map((n) => [n, (p[n] && get(p[n])) || { value: null, text: 'n/a' }]));
    lines.push(`| ${label} | ${PAGES.map((n) => cells[n].text).join(' | ')} | ${ratio(cells.ours.value, cells.echarts.value)} | ${ratio(cells.ours.value, cells.floor.value)} |`);
  }
  return lines.join('\n');
}

function targets(p) {
  const out = [];
  const med = (name, field, key) => p[name]?.[field]?.[key]?.median ?? null;
  // The bytes on the wire at 4× loopback (the same files on the phone profile).
  const wire = (name) => p[name]?.served?.['4']?.wire ?? p[name]?.served?.phone?.wire ?? p[name]?.transfer?.wire ?? null;
  const check = (target, have, limit, format, how = null) => {
    if (have == null || limit == null) return out.push({ target, met: null, verdict: 'not measured' });
    const met = have <= limit;
    const what = how ? `${format(have)}, ${how(have)}` : format(have);
    out.push({
      target, have, limit, met,
      verdict: met ? `met (${what}; ≤ ${format(limit)})` : `off by ${(have / limit).toFixed(2)}×, ${format(have - limit)} to cut (${what}; needs ≤ ${format(limit)})`,
    });
  };
  // A time against a share of another page's: `have` ≤ `share` × `of`.
  const against = (target, have, share, of, name) => check(target, have, of == null ? null : share * of, ms,
    (v) => `${(v / of).toFixed(2)}× ${name}'s ${ms(of)}`);
  const ech4 = med('echarts', 'live_chart_ms', 4);
  const echPhone = med('echarts', 'live_chart_ms', 'phone');
  check('embed: whole transfer ≤ 120 KB gzip (on the wire)', wire('embed'), 120 * KB, kb);
  against('embed: live chart at 4× CPU, loopback ≤ 0.5× ECharts', med('embed', 'live_chart_ms', 4), 0.5, ech4, 'ECharts');
  against('embed: live chart on the phone profile ≤ 0.6× ECharts', med('embed', 'live_chart_ms', 'phone'), 0.6, echPhone, 'ECharts');
  check('dashboard: default view\'s transfer ≤ 250 KB gzip (on the wire)', wire('ours'), 250 * KB, kb);
  against('dashboard: live chart at 4× CPU, loopback ≤ 0.6× ECharts', med('ours', 'live_chart_ms', 4), 0.6, ech4, 'ECharts');
  against('dashboard: live chart on the phone profile ≤ 0.75× ECharts', med('ours', 'live_chart_ms', 'phone'), 0.75, echPhone, 'ECharts');
  against('dashboard: first view (first chart) on the phone profile ≤ 2.5× floor', med('ours', 'first_chart_ms', 'phone'), 2.5, med('floor', 'first_chart_ms', 'phone'), 'the floor');
  check('dashboard: repaint at 4× ≤ 16 ms (the first click)', med('ours', 'repaint_ms', 4), 16, ms);
  check(`dashboard: repaint at 4× ≤ 16 ms (clicks 2–${LATER_REPAINTS + 1})`, med('ours', 'repaint_later_ms', 4), 16, ms);
  return out;
}

function details(result) {
  const lines = [''];
  for (const [name, page] of Object.entries(result.pages)) {
    if (!page?.transfer) continue;
    lines.push(`Transfer, ${NAMES[name] ?? name} ${page.url} (${page.transfer.requests} responses; bodies only: on the wire as served, then raw, gzip -9 and brotli 11 computed per file):`);
    for (const f of page.transfer.files) {
      const served = `${kb(f.wire)} ${f.encoding ?? 'as is'}`;
      lines.push(`  ${f.status === 200 ? '' : `[${f.status}] `}${f.path.padEnd(48)} ${served.padStart(16)} ${kb(f.raw).padStart(10)} ${f.gzip == null ? '' : kb(f.gzip).padStart(10)} ${f.brotli == null ? '' : kb(f.brotli).padStart(10)}`);
    }
    const varied = KEYS.filter((key) => page.served?.[key]?.wire_varied).map((key) => `${where(key)}: ${page.served[key].wire_varied.map(kb).join(', ')}`);
    if (varied.length) lines.push(`  (the bytes on the wire differed between loads ${varied.join('; ')})`);
  }
  const o = result.pages.ours;
  const cond = (field) => KEYS.map((key) => `${ms(field[key]?.median)} ${key === 'phone' ? 'on the phone profile' : `at ${key}×`}`).join(', ');
  lines.push('');
  lines.push(`Dashboard, when the wasm had drawn (canvas[data-marks] set; first chart / repaint count to the next frame): `
    + `first drawn ${cond(o.chart_drawn_ms)}; `
    + `repaint drawn ${ms(o.repaint_drawn_ms[1].median)} at 1×, ${ms(o.repaint_drawn_ms[4].median)} at 4×.`);
  // The first chart is the later of the animation frame the chart is there in and the first
  // contentful paint. Per page, how much later than that paint it came (median of the loads):
  // 0 where the chart was there at the first paint.
  const gap = (page, key) => (page ? median(page.first_chart_ms[key].samples.map((c, i) => {
    const fcp = page.fcp_ms[key].samples[i];
    return c == null || fcp == null ? null : c - fcp;
  })) : null);
  lines.push(`First chart after the first contentful paint (median of each load's difference; 1× / 4× / phone profile): `
    + Object.entries(result.pages).map(([name, page]) => `${NAMES[name] ?? name} ${KEYS.map((key) => ms(gap(page, key))).join(' / ')}`).join(', ') + '.');
  if (o.milestones_ms?.length) {
    lines.push('');
    lines.push('Where the dashboard spends the time to its first chart (median ms from navigation start; the app\'s User Timing marks, the files\' resource timing):');
    lines.push(`| milestone | ${KEYS.map((t) => (t === 'phone' ? 'phone' : `${t}×`)).join(' | ')} |`);
    lines.push(`|---|${KEYS.map(() => '--:').join('|')}|`);
    for (const row of o.milestones_ms) lines.push(`| ${row.name} | ${KEYS.map((t) => ms(row[t])).join(' | ')} |`);
  }
  lines.push(`CPU throttle check (a fixed loop in the page): ${result.throttle_check.map((t) => `${ms(t.ms)} at ${t.rate}×`).join(', ')}.`);
  const w = result.wasm;
  lines.push('');
  lines.push(`Wasm (${w.dist_wasm}), twiggy top -n 15:`);
  lines.push(w.top ? w.top.trimEnd() : '  (not run)');
  if (w.by_crate) {
    lines.push('');
    lines.push(`Code and data per crate, from ${w.named_wasm} (wasm-bindgen output before wasm-opt, ${kb(w.by_crate_total)} without its name section; approximate: generic code counts under the crate that defines it):`);
    for (const c of w.by_crate.slice(0, 15)) lines.push(`  ${c.crate.padEnd(48)} ${kb(c.bytes).padStart(10)} ${(100 * c.share).toFixed(1).padStart(5)}%`);
  }
  for (const note of w.notes) lines.push(`Note: ${note}`);
  lines.push('');
  const n = result.national;
  if (!n) lines.push('National: not asked (--national DIR).');
  else if (!n.measured) lines.push(`national: not measured (${n.reason})`);
  else {
    lines.push(`National (${n.data_dir}, ${n.url}, ${n.marks} marks):`);
    lines.push(`| metric | 1× | 4× |`);
    lines.push('|---|--:|--:|');
    const cell = (s) => (s.median == null ? 'n/a' : `${ms(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})`);
    lines.push(`| first ranked chart | ${cell(n.first_chart_ms[1])} | ${cell(n.first_chart_ms[4])} |`);
    lines.push(`| repaint after an earlier year | ${cell(n.repaint_ms[1])} | ${cell(n.repaint_ms[4])} |`);
    lines.push(`| the same, changes 2–${LATER_REPAINTS + 1} | ${cell(n.repaint_later_ms[1])} | ${cell(n.repaint_later_ms[4])} |`);
    lines.push(`| transfer raw / gzip | ${kb(n.transfer.raw)} / ${kb(n.transfer.gzip)} | |`);
    lines.push(`| JS heap / wasm memory | ${mb(n.js_heap_bytes.median)} / ${mb(n.wasm_memory_bytes.median)} | |`);
    if (n.repaint_note) lines.push(`Note: ${n.repaint_note}`);
    lines.push(`Transfer, national (${n.transfer.requests} responses):`);
    for (const f of n.transfer.files) lines.push(`  ${f.path.padEnd(48)} ${kb(f.raw).padStart(10)} ${f.gzip == null ? '' : kb(f.gzip).padStart(10)}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
  const dist = ensureDist();
  const site = await snapshot(dist);
  const work = mkdtempSync(join(tmpdir(), 'sportdash-bench-pages-'));
  const floorDir = join(work, 'floor');
  mkdirSync(floorDir);
  const echartsLib = join(BENCH, 'node_modules', 'echarts', 'dist', 'echarts.min.js');
  const mounts = [
    ['/ours/', site.dir],
    ['/echarts/', join(BENCH, 'pages', 'echarts')],
    ['/echarts/echarts.min.js', echartsLib],
    ['/echarts/data/', join(site.dir, 'data')],
    ['/floor/', floorDir],
  ];
  if (options.national && existsSync(options.national)) {
    // The site with the national data set, its page written again for that data as a host
    // does after changing its data (README): no first view, that data's preload.js.
    const nationalSite = join(work, 'national');
    cpSync(site.dir, nationalSite, { recursive: true, filter: (source) => !source.startsWith(join(site.dir, 'data')) });
    const written = run('cargo', ['sportdash', 'snapshot', '--data', options.national, '--page', join(nationalSite, 'index.html')]);
    if (!written.ok) throw new Error(`sportdash snapshot for the national data failed: ${written.stderr.trim().slice(-2000)}`);
    mounts.push(['/national/', nationalSite], ['/national/data/', options.national]);
  }
  const server = await startServer(mounts);
  const browser = await launch();
  const chromium = `Chromium ${browser.version()}`;
  say(`${chromium}; loads per page: ${CONDITIONS.map((c) => `${c.runs} at ${c.key === 'phone' ? 'the phone profile' : `${c.key}×`}`).join(', ')}; site ${site.dir}`);

  try {
    // The embed: the light embed page where the build has one, else the dashboard in embed mode.
    const embedUrl = site.embed ? `/ours/${EMBED_PAGE}${EMBED_QUERY}` : `/ours/${EMBED_MODE_QUERY}`;
    const embedWhich = site.embed
      ? `the light embed page (${EMBED_PAGE})`
      : `the dashboard in embed mode (${EMBED_MODE_QUERY}): the build has no ${EMBED_PAGE}`;
    const pages = {
      ours: { name: 'ours', prefix: '/ours/', url: `${server.origin}/ours/`, selector: 'canvas.chart', firstView: FIRST_VIEW, timeout: 30000, repaint: clickChip },
      // No first view written into it: its first chart is its live chart.
      embed: { name: 'embed', prefix: '/ours/', url: `${server.origin}${embedUrl}`, selector: 'canvas.chart', firstView: null, timeout: 30000, repaint: null },
      echarts: { name: 'echarts', prefix: '/echarts/', url: null, selector: '#chart canvas', timeout: 30000, repaint: clickChip },
      floor: { name: 'floor', prefix: '/floor/', url: `${server.origin}/floor/`, selector: null, firstView: 'body > svg', timeout: 30000, repaint: null },
    };

    // A first, uncounted load of ours: does it load, and how big is its chart?
    const probe = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const probeTab = await probe.newPage();
    const probeErrors = [];
    probeTab.on('pageerror', (e) => probeErrors.push(String(e)));
    probeTab.on('console', (m) => { if (m.type() === 'error') probeErrors.push(m.text()); });
    await probeTab.goto(pages.ours.url);
    const size = await probeTab.waitForSelector('canvas.chart[data-marks]', { timeout: 30000 })
      .then(() => probeTab.evaluate(() => {
        const r = document.querySelector('canvas.chart').getBoundingClientRect();
        return { width: Math.round(r.width), height: Math.round(r.height) };
      }))
      .catch((e) => {
        throw new Error(`the dashboard did not draw its chart: ${e.message.split('\n')[0]}${probeErrors.length ? ` (page errors: ${probeErrors.slice(0, 3).join(' | ')})` : ''}`);
      });
    const chips = await probeTab.$$eval('button.chip', (b) => b.map((x) => x.dataset.entity));
    await probe.close();
    if (!chips.includes('chongqing')) throw new Error(`no ${CHIP} on the default view (chips: ${chips.join(', ')})`);
    say(`our chart is ${size.width}×${size.height} CSS px; chips: ${chips.join(', ')}`);
    pages.echarts.url = `${server.origin}/echarts/?w=${size.width}&h=${size.height}`;

    let floorNote = null;
    try {
      floorNote = floorPage(floorDir, join(site.dir, 'data'), size.width, size.height);
    } catch (error) {
      fail(`floor page: ${error.message}`);
      delete pages.floor;
    }

    // Throttle check: the same loop, in a page, at each rate.
    const throttleCheck = [];
    for (const rate of THROTTLES) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await tab.goto(`${server.origin}/echarts/index.html?w=10&h=10`);
      const t = await tab.evaluate(() => {
        const t0 = performance.now();
        let x = 0;
        for (let i = 0; i < 5e6; i++) x = (x + i * 7) % 1000003;
        return performance.now() - t0 + (x < 0 ? 1 : 0);
      });
      throttleCheck.push({ rate, ms: t });
      await context.close();
    }
    server.take();

    // One uncounted load of each page (disk cache, browser start-up, the server's gzip of each
    // file), then the runs of each condition, the pages taking turns in each round so that a
    // disturbance falls on all of them alike.
    for (const page of Object.values(pages)) await measure(browser, server, page, 1, { repaint: false });
    const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, Object.fromEntries(KEYS.map((key) => [key, []]))]));
    for (const condition of CONDITIONS) {
      const where = condition.key === 'phone' ? 'on the phone profile' : `at ${condition.key}×`;
      for (let i = 0; i < condition.runs; i++) {
        for (const [name, page] of Object.entries(pages)) {
          say(`${name} ${where}, run ${i + 1}/${condition.runs}`);
          const m = await measure(browser, server, page, condition.cpu, { repaint: condition.repaint, network: condition.network });
          if (m.error) fail(`${name} ${where}, run ${i + 1}: ${m.error}`);
          else if (m.firstChart == null) fail(`${name} ${where}, run ${i + 1}: no first chart`);
          else if (page.selector && m.liveChart == null) fail(`${name} ${where}, run ${i + 1}: no live chart`);
          else if (condition.repaint && page.repaint && m.repaint == null) fail(`${name} ${where}, run ${i + 1}: repaint not measured (${m.repaintError})`);
          samples[name][condition.key].push(m);
        }
      }
    }

    const result = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      mode: options.quick ? 'quick' : 'full',
      runs: options.runs,
      conditions: Object.fromEntries(CONDITIONS.map((c) => [c.key, {
        title: c.title,
        cpu_rate: c.cpu,
        network: c.network ? { ...c.network.conditions, profile: c.network.label } : 'loopback, unthrottled',
        loads: c.runs,
        repaint: c.repaint,
        served: 'gzip as a host serves it: Content-Encoding: gzip (level 9) on html, js, css, json, wasm and svg to a request that accepts gzip; other files as they are',
      }])),
      machine: {
        cpus: cpus().length,
        cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? 'unknown CPU',
        chromium,
        node: process.version,
        load_before: loadBefore,
        load_after: null,
      },
      viewport: VIEWPORT,
      chart_size: size,
      site: { files: site.files, embed_files: site.embed },
      embed: { url: embedUrl, measured: embedWhich },
      floor: floorNote,
      throttle_check: throttleCheck,
      pages: {},
    };
    for (const [name, page] of Object.entries(pages)) {
      const s = samples[name];
      const pick = (key, field) => summary(s[key].map((m) => m[field] ?? null));
      const byCondition = (field) => Object.fromEntries(KEYS.map((key) => [key, pick(key, field)]));
      const loopback = s[1].concat(s[4]);
      const all = KEYS.flatMap((key) => s[key]);
      const first = all.find((m) => m.transfer);
      const transfers = new Set(all.filter((m) => m.transfer).map((m) => `${m.transfer.raw}/${m.transfer.wire}`));
      // What the server sent under each condition: the first load's responses, and whether
      // other loads of the condition differed.
      const served = Object.fromEntries(KEYS.map((key) => {
        const loads = s[key].filter((m) => m.transfer);
        const t = loads[0]?.transfer;
        if (!t) return [key, null];
        const wires = [...new Set(loads.map((m) => m.transfer.wire))];
        return [key, {
          wire: t.wire,
          raw: t.raw,
          responses: t.requests,
          gzip_responses: t.served_gzip,
          as_is: t.served_as_is,
          wire_varied: wires.length > 1 ? wires : undefined,
        }];
      }));
      result.pages[name] = {
        url: page.url.replace(server.origin, ''),
        what: name === 'embed' ? embedWhich : undefined,
        first_chart_ms: byCondition('firstChart'),
        first_chart_method: `${[
          page.firstView && `first animation frame that shows ${page.firstView} (with drawn marks)`,
          page.selector && `first animation frame whose ${page.selector} has ink`,
        ].filter(Boolean).join(', or ')}, not before first-contentful-paint`,
        live_chart_ms: page.selector ? byCondition('liveChart') : null,
        fcp_ms: byCondition('fcp'),
        chart_drawn_ms: page.name === 'ours' ? byCondition('drawn') : undefined,
        milestones_ms: page.name === 'ours' ? milestoneMedians(s) : undefined,
        repaint_ms: page.repaint ? { 1: pick(1, 'repaint'), 4: pick(4, 'repaint') } : null,
        repaint_later_ms: page.repaint ? { 1: pick(1, 'repaintLater'), 4: pick(4, 'repaintLater') } : null,
        repaint_drawn_ms: page.name === 'ours' ? { 1: pick(1, 'repaintDrawn'), 4: pick(4, 'repaintDrawn') } : undefined,
        repaint_trigger: page.repaint ? `click ${CHIP}` : null,
        transfer: first?.transfer ?? null,
        transfer_varied: transfers.size > 1 ? [...transfers] : undefined,
        served,
        js_heap_bytes: summary(loopback.map((m) => m.jsHeap ?? null)),
        wasm_memory_bytes: summary(loopback.map((m) => m.wasm ?? null)),
        errors: [...new Set(all.flatMap((m) => m.errors))],
      };
    }
    if (!result.pages.ours.wasm_memory_bytes.median) fail('wasm memory of ours: no WebAssembly.Memory seen');

    result.wasm = wasmReport(site);
    if (options.national) {
      say(`national: ${options.national}`);
      result.national = existsSync(options.national)
        ? await national(browser, server, site, options.national)
        : { measured: false, reason: `${options.national} does not exist (write it with: cargo run --release -p sportdash-devtools --example national -- ${options.national})` };
      if (!result.national.measured) fail(`national: not measured (${result.national.reason})`);
    }
    result.targets = targets(result.pages);
    result.machine.load_after = loadavg().map((x) => x.toFixed(2)).join(' ');
    result.seconds = Math.round((Date.now() - started) / 1000);
    result.failures = failures;

    mkdirSync(join(BENCH, 'results'), { recursive: true });
    writeFileSync(join(BENCH, 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(markdown(result));
    console.log(details(result));
    console.log(`\n(${result.seconds} s; JSON: bench/results/latest.json)`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(site.dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\nbench: ${failures.length} measurement(s) could not be taken:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
