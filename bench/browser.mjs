// Debian's Chromium, launched headless with the same flags as the end-to-end tests
// (tests/e2e/browser.mjs; see README; a copy, so that bench/ needs only its own node_modules),
// and `until`, how the benchmark waits for a figure without running anything in the page.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/// Waits for `window.__bench[name]` (bench/probe.js) to be set, and returns it: one CDP call
/// awaiting the probe's promise, so that nothing of the harness runs in the page meanwhile.
export async function until(cdp, name, limit) {
  // Right after a navigation commits, the probe may not have run yet.
  const expression = `(async () => {
    while (!window.__bench) await new Promise((next) => setTimeout(next, 10));
    return window.__bench.when(${JSON.stringify(name)});
  })()`;
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${name} was not measured within ${limit} ms`)), limit);
  });
  try {
    const reply = await Promise.race([
      cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }),
      late,
    ]);
    if (reply.exceptionDetails) throw new Error(`${name}: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value;
  } finally {
    clearTimeout(timer);
  }
}
