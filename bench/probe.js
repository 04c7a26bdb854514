// Injected into every page the benchmark opens, before the page's own scripts (addInitScript).
// The bench replaces the config placeholder below with { selector, firstView }: the chart's canvas, or null for a
// page without one; and a chart written into the page as SVG (our first view, src/snapshot.rs, or the floor page's
// chart), or null.
(() => {
  if (window !== window.top) return;
  const config = __BENCH_CONFIG__;
  const bench = (window.__bench = {
    first: null, // performance.now() in the first animation frame whose canvas has ink
    firstView: null, // performance.now() in the first animation frame that shows the page's SVG chart
    fp: null, // first-paint
    fcp: null, // first-contentful-paint
    drawn: null, // first time the dashboard set canvas[data-marks] (its chart was drawn)
    memories: new Set(), // every WebAssembly.Memory an instance exports
    repaint: null, // ms from the trigger event to the first frame whose pixels differ
    repaintDrawn: null, // ms from the trigger event to the dashboard's data-marks update
  });

  // The bench waits for a figure with `when` through CDP (bench/browser.mjs, `until`): nothing
  // runs in the page until the figure is set. Playwright's waitForFunction would first evaluate
  // its own injected script in the page (tens of ms at 4×, in the middle of the load it times)
  // and then poll.
  const waiting = new Map();
  const set = (name, value) => {
    bench[name] = value;
    for (const resolve of waiting.get(name) ?? []) resolve(value);
    waiting.delete(name);
  };
  bench.when = (name) =>
    bench[name] !== null
      ? Promise.resolve(bench[name])
      : new Promise((resolve) => waiting.set(name, [...(waiting.get(name) ?? []), resolve]));

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-paint') bench.fp = entry.startTime;
      if (entry.name === 'first-contentful-paint') set('fcp', entry.startTime);
    }
  }).observe({ type: 'paint', buffered: true });

  // The wasm-bindgen loader instantiates with instantiateStreaming (or instantiate): keep the
  // memories the instances export.
  const keep = (result) => {
    try {
      const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
      for (const value of Object.values(instance?.exports ?? {})) {
        if (value instanceof WebAssembly.Memory) bench.memories.add(value);
      }
    } catch { /* not ours to break */ }
    return result;
  };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }
  bench.wasmBytes = () => [...bench.memories].reduce((sum, m) => sum + m.buffer.byteLength, 0);

  // A cheap look at a canvas: 32 rows and 32 columns of pixels. `ink`: some pixel is drawn and
  // not (near) white; `hash`: FNV-1a of the sampled pixels, to tell one picture from another.
  const ROWS = 32;
  const sample = (canvas) => {
    const { width, height } = canvas;
    if (!width || !height) return { ink: false, hash: 0 };
    const context = canvas.getContext('2d');
    if (!context) return { ink: false, hash: 0 };
    let ink = false;
    let hash = 2166136261 ^ width ^ (height << 16);
    const take = (x, y, w, h) => {
      const pixels = new Uint32Array(context.getImageData(x, y, w, h).data.buffer);
      for (let i = 0; i < pixels.length; i++) {
        const p = pixels[i];
        hash = Math.imul(hash ^ p, 16777619);
        if (!ink && p >>> 24 > 0 && ((p & 255) < 240 || ((p >> 8) & 255) < 240 || ((p >> 16) & 255) < 240)) ink = true;
      }
    };
    for (let i = 0; i < ROWS; i++) take(0, Math.floor(((i + 0.5) * height) / ROWS), width, 1);
    for (let i = 0; i < ROWS; i++) take(Math.floor(((i + 0.5) * width) / ROWS), 0, 1, height);
    return { ink, hash: hash >>> 0 };
  };
  bench.hash = (selector) => {
    const canvas = document.querySelector(selector);
    return canvas ? sample(canvas).hash : null;
  };

  const watchMarks = (since, set) => {
    const observer = new MutationObserver(() => {
      set(performance.now() - since);
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-marks'] });
  };

  // A chart written into the page as SVG (our first view, the floor page's chart): one with
  // drawn marks, displayed (first-view.js hides ours where the app will show another view).
  const firstViewShown = (now) => {
    if (!config.firstView || bench.firstView !== null) return;
    for (const svg of document.querySelectorAll(config.firstView)) {
      if (svg.getClientRects().length && svg.querySelector('rect')) return set('firstView', now);
    }
  };

  if (config.selector || config.firstView) {
    if (config.selector) watchMarks(0, (t) => { bench.drawn = t; });
    const look = () => {
      const now = performance.now();
      firstViewShown(now);
      const canvas = config.selector && document.querySelector(config.selector);
      if (canvas && sample(canvas).ink) {
        set('first', now);
        return;
      }
      if (!config.selector && bench.firstView !== null) return;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }

  // Arms the repaint measurement: the next `type` event (with `key`, if given), caught on
  // window in the capture phase before the page's own handlers, starts the clock; the first
  // animation frame whose sampled pixels differ from now stops it.
  bench.arm = ({ selector, type, key = null, limit = 30000 }) => {
    const before = bench.hash(selector);
    bench.repaint = null;
    bench.repaintDrawn = null;
    waiting.delete('repaint');
    const start = (event) => {
      if (key && event.key !== key) return;
      window.removeEventListener(type, start, true);
      const t0 = performance.now();
      watchMarks(t0, (t) => { bench.repaintDrawn = t; });
      const look = () => {
        const now = performance.now();
        if (bench.hash(selector) !== before) {
          set('repaint', now - t0);
          return;
        }
        if (now - t0 > limit) {
          set('repaint', -1);
          return;
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    };
    window.addEventListener(type, start, true);
    return before;
  };
})();
