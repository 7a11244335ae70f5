// The browser app on a slow phone: cold loads of the first page in headless Chromium with
// Lighthouse's "slow 4G" network (150 ms RTT, 1.6 Mbps down, 750 kbps up) and the CPU slowed 4x,
// through the Chrome DevTools Protocol. Prints one JSON line: the median bytes on the wire (as
// encoded: compressed, headers included) and the median time from navigation start until the
// home page's h1 is visible (the wasm app has rendered: the first usable page).
// Usage: node bench/browser.js http://127.0.0.1:18090/ [runs]
// Playwright comes from the e2e suite's node_modules; Chromium is Debian's.
const { chromium } = require('/work/main/e2e/node_modules/playwright-core');

const url = process.argv[2];
const runs = Number(process.argv[3] || 3);
const MBPS = (1024 * 1024) / 8; // bytes per second in one Mbps, as Lighthouse counts

async function coldLoad(browser) {
  // A fresh context each time: nothing cached, no service worker, no cookies.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 1.6 * MBPS,
    uploadThroughput: 0.75 * MBPS,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  const responses = new Map();
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    responses.set(e.requestId, {
      url: e.response.url.replace(url, '/'),
      status: e.response.status,
      encoding: headers['content-encoding'] || null,
      bytes: 0,
    });
  });
  // encodedDataLength at the end of loading: everything the response cost on the wire.
  cdp.on('Network.loadingFinished', (e) => {
    const r = responses.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });

  await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
  // Measured in the page, against navigation start: the first frame where an h1 is visible.
  const h1 = await page.waitForFunction(() => {
    const visible = [...document.querySelectorAll('h1')].find(
      (h) => h.offsetParent !== null && h.getBoundingClientRect().height > 0);
    return visible ? { ms: performance.now(), text: visible.textContent.trim() } : false;
  }, null, { polling: 'raf', timeout: 120000 });
  const { ms, text } = await h1.jsonValue();
  // Whatever the first page still fetches after it is usable counts toward its bytes.
  await page.waitForLoadState('networkidle', { timeout: 120000 });
  await context.close();
  const list = [...responses.values()];
  const failed = list.filter((r) => r.status >= 400);
  if (failed.length) throw new Error(`failed responses: ${JSON.stringify(failed)}`);
  return { h1_ms: ms, h1_text: text, bytes: list.reduce((n, r) => n + r.bytes, 0), responses: list };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await coldLoad(browser));
    console.log(JSON.stringify({
      bytes: median(results.map((r) => r.bytes)),
      h1_ms: median(results.map((r) => r.h1_ms)),
      h1_text: results[0].h1_text,
      runs: results,
    }));
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
