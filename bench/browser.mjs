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

/// The phone profile: Lighthouse's mobile preset ("mobileSlow4G", its default) as DevTools
/// throttling applies it, 4× CPU and a network of 150 ms round trips and 1.6 Mbps down /
/// 750 kbps up, each with DevTools' adjustment for request-level throttling: latency × 3.75,
/// throughput × 0.9. CDP wants bytes/s; Lighthouse converts its kbps with 1,024 bits a kilobit
/// (Math.floor(kbps × 1024 / 8), its emulation.js), and so do we. (DevTools' own "Slow 4G" preset
/// writes 1.6 × 1000 × 1000 / 8 × 0.9 = 180,000 B/s down, 4.6 % less.)
export const PHONE = {
  cpu: 4,
  latencyMs: 150 * 3.75, // 562.5 ms added to each request
  downloadKbps: 1474.56, // 1.6 × 1024 × 0.9
  uploadKbps: 675, // 750 × 0.9
};
PHONE.label = `4× CPU, ${PHONE.latencyMs} ms request latency, ${PHONE.downloadKbps} kbps down, ${PHONE.uploadKbps} kbps up`;
PHONE.conditions = {
  offline: false,
  latency: PHONE.latencyMs,
  downloadThroughput: Math.floor((PHONE.downloadKbps * 1024) / 8), // 188,743 B/s
  uploadThroughput: Math.floor((PHONE.uploadKbps * 1024) / 8), // 86,400 B/s
};

/// Applies the phone profile's network to the page of `cdp` (a CDP session on the page): every
/// request of it waits the latency, every body comes at the throughput, as the browser receives
/// it (so gzip counts as gzip). The CPU rate is set apart (Emulation.setCPUThrottlingRate).
export async function emulatePhoneNetwork(cdp) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE.conditions);
}
