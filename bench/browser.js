// The browser app on a slow phone, in headless Chromium with Lighthouse's "slow 4G" network
// (150 ms RTT, 1.6 Mbps down, 750 kbps up) and the CPU slowed 4x, through the Chrome DevTools
// Protocol, on a 412x823 mobile viewport. Measures, each the median of `runs` loads:
//
//   * a public first visit (fresh context, nothing cached yet) to the home page, the sign-in page and
//     a form's first page: bytes on the wire (everything: HTML, CSS, JS, wasm, API), the time
//     until the page's h1 is painted (heading_ms: the later of first-contentful-paint and the
//     first frame with a visible h1), and the time until the app has started (ready_ms: the app
//     sets <html data-app="ready">); on the home page, that a click on the header's "Sign in"
//     link is answered by the app itself, without a page load (client_navigation);
//   * a repeat visit to the home page with a warm cache (a first visit, then another in the same
//     context): bytes of everything but the API, and of the API's answers apart;
//   * a first visit to the staff app (not signed in): bytes and ready_ms.
//
// Prints one JSON line: {base, runs, settings, pages: {"/": …, "/sign-in": …, "/forms/…": …},
// repeat: …, staff: …, tolerated: […]}; each measure has its median and its `runs` (with
// every response of each load, for bench/run.py's report). Bytes are encodedDataLength at the
// end of each load: compressed, headers included.
//
// Usage: node bench/browser.js http://127.0.0.1:18090 [runs]
// Playwright comes from the e2e suite's node_modules (`cd e2e && npm ci`); Chromium is Debian's.
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const { chromium } = require(path.join(ROOT, 'e2e/node_modules/playwright-core'));

const base = new URL(process.argv[2] || 'http://127.0.0.1:18090').origin;
const runs = Number(process.argv[3] || 3);
const PUBLIC_PAGES = ['/', '/sign-in', '/forms/social-care-referral'];
const STAFF_PAGE = '/staff';
const MBPS = (1024 * 1024) / 8; // bytes per second in one Mbps, as Lighthouse counts
const SETTINGS = {
  latency_ms: 150, down_mbps: 1.6, up_mbps: 0.75, cpu_slowdown: 4, viewport: '412x823',
};
// Generous: a budget is judged by bench/run.py on the numbers; these only stop a stuck page.
const READY_TIMEOUT = 30000;
const IDLE_TIMEOUT = 60000;

// Answers that are not faults: a visitor without a session asks to refresh one and is told no.
const EXPECTED = [{ status: 401, path: '/api/v1/sessions/refresh' }];
// Answers that are faults of the page but should not stop the measuring: reported instead.
const TOLERATED = [{ status: 404, path: '/favicon.ico' }];

// Runs in every document before its own scripts. Records, against navigation start (the
// page's own clock, so the throttled CPU is measured as the page feels it):
//   h1: the first frame in which an h1 is visible, and its text;
//   ready: the moment <html data-app="ready"> appears (a MutationObserver: no polling delay),
//   and the h1 text then.
function instrument() {
  if (window.top !== window) return;
  const text = (h) => h.textContent.replace(/\s+/g, ' ').trim();
  const bench = (window.__bench = { h1: null, ready: null });
  const visibleH1 = () => {
    for (const h of document.querySelectorAll('h1')) {
      const box = h.getBoundingClientRect();
      // More than 1 px high: a visually hidden heading (1 px, clipped) is not one a person sees.
      if (box.width > 0 && box.height > 1 && (!h.checkVisibility
          || h.checkVisibility({ visibilityProperty: true, opacityProperty: true }))) return h;
    }
    return null;
  };
  // requestAnimationFrame runs once per frame just before it is painted.
  const poll = () => {
    const h = visibleH1();
    if (h) bench.h1 = { ms: performance.now(), text: text(h) };
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  const markReady = () => {
    const root = document.documentElement;
    if (bench.ready || !root || root.dataset.app !== 'ready') return;
    const h = document.querySelector('h1');
    bench.ready = { ms: performance.now(), h1_text: h ? text(h) : null };
  };
  const watchRoot = () => {
    new MutationObserver(markReady).observe(document.documentElement,
      { attributes: true, attributeFilter: ['data-app'] });
    markReady();
  };
  // Init scripts may run before the parser has made <html>: wait for it, then watch it.
  if (document.documentElement) watchRoot();
  else {
    new MutationObserver((_, observer) => {
      if (!document.documentElement) return;
      observer.disconnect();
      watchRoot();
    }).observe(document, { childList: true });
  }
}

// A page in a new context (or the given one), throttled, recording every response.
async function throttledPage(browser, { cache }) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true,
  });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SETTINGS.latency_ms,
    downloadThroughput: SETTINGS.down_mbps * MBPS,
    uploadThroughput: SETTINGS.up_mbps * MBPS,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SETTINGS.cpu_slowdown });

  // Responses by request id; a redirect is its own entry (its headers cost bytes too).
  const recorder = { responses: new Map(), fromCache: new Set(), revalidated: new Set() };
  const shortUrl = (u) => {
    const parsed = new URL(u);
    return parsed.origin === base ? parsed.pathname + parsed.search : u;
  };
  const entry = (response, fromCache) => {
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    return {
      url: shortUrl(response.url),
      status: response.status,
      encoding: headers['content-encoding'] || null,
      bytes: 0,
      from_cache: Boolean(fromCache || response.fromDiskCache || response.fromPrefetchCache),
      revalidated: false,
      finished: false,
    };
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    // A redirect has no responseReceived of its own: it comes with the request that follows.
    if (!e.redirectResponse || !/^https?:/.test(e.redirectResponse.url)) return;
    const redirect = entry(e.redirectResponse, false);
    Object.assign(redirect, { bytes: e.redirectResponse.encodedDataLength || 0, finished: true });
    recorder.responses.set(`${e.requestId} redirect ${recorder.responses.size}`, redirect);
  });
  // Told before the response itself: remembered until it comes.
  cdp.on('Network.requestServedFromCache', (e) => recorder.fromCache.add(e.requestId));
  // A cached copy revalidated: the page sees the cached 200, the wire carried a 304 (the
  // extra-info event, with the wire's own status, may come before or after the response).
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    if (e.statusCode !== 304) return;
    const r = recorder.responses.get(e.requestId);
    if (r) r.revalidated = true;
    else recorder.revalidated.add(e.requestId);
  });
  cdp.on('Network.responseReceived', (e) => {
    if (!/^https?:/.test(e.response.url)) return; // data: and blob: cost nothing on the wire
    const r = entry(e.response, recorder.fromCache.has(e.requestId));
    if (recorder.revalidated.has(e.requestId) || e.response.status === 304) r.revalidated = true;
    recorder.responses.set(e.requestId, r);
  });
  // encodedDataLength at the end of loading: everything the response cost on the wire.
  cdp.on('Network.loadingFinished', (e) => {
    const r = recorder.responses.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, finished: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = recorder.responses.get(e.requestId);
    if (r) r.failed = e.errorText;
  });
  return { context, page, recorder };
}

// Takes what the recorder has so far and starts it afresh (for a second visit in one context).
function takeResponses(recorder) {
  const list = [...recorder.responses.values()];
  recorder.responses = new Map();
  recorder.fromCache = new Set();
  recorder.revalidated = new Set();
  return list;
}

const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);
const isApi = (r) => r.url.startsWith('/api/');

// Refuses an answer that is a fault; returns the tolerated ones, to report.
function checkResponses(list, where) {
  const matches = (rules, r) => rules.some(
    (rule) => rule.status === r.status && r.url.split('?')[0] === rule.path);
  const bad = list.filter(
    (r) => r.status >= 400 && !matches(EXPECTED, r) && !matches(TOLERATED, r));
  if (bad.length) throw new Error(`${where}: failed responses: ${JSON.stringify(bad)}`);
  return list.filter((r) => r.status >= 400 && matches(TOLERATED, r))
    .map((r) => ({ where, url: r.url, status: r.status }));
}

// Navigates and waits until the app is ready and the network is quiet, then reads the page's
// own timings. A page that never gets ready is measured as such (ready_ms null), not a crash:
// bench/run.py fails its budget.
async function visit(page, url) {
  await page.goto(base + url, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForFunction(() => window.__bench && window.__bench.ready, null,
    { timeout: READY_TIMEOUT }).catch(() => {});
  // Whatever the page still fetches after it is usable counts toward its bytes.
  const idle = await page.waitForLoadState('networkidle', { timeout: IDLE_TIMEOUT })
    .then(() => true, () => false);
  const m = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const h = document.querySelector('h1');
    const b = window.__bench || {};
    return {
      fcp_ms: paint ? paint.startTime : null,
      h1_visible_ms: b.h1 ? b.h1.ms : null,
      h1_text: b.h1 ? b.h1.text : null,
      ready_ms: b.ready ? b.ready.ms : null,
      ready_h1_text: b.ready ? b.ready.h1_text : null,
      final_h1_text: h ? h.textContent.replace(/\s+/g, ' ').trim() : null,
    };
  });
  // The h1 counts once it is both painted and visible: FCP alone could be some other content,
  // and a visible h1 is only on screen at the next paint.
  const heading = m.h1_visible_ms === null ? null
    : Math.max(m.h1_visible_ms, m.fcp_ms === null ? 0 : m.fcp_ms);
  return {
    ...m,
    heading_ms: heading,
    // The heading a person first sees is the one the ready app ends up with (else heading_ms
    // timed a placeholder). The h1 at the moment of ready is recorded, not judged: the app may
    // still be fetching what its heading says.
    h1_stable: m.h1_text !== null && m.h1_text === m.final_h1_text,
    network_idle: idle,
  };
}

// The app answers a click on the header's "Sign in" link itself: the marker set on this window
// survives, which a full page load would wipe.
async function clientNavigation(page) {
  try {
    await page.evaluate(() => { window.__benchMarker = 1; });
    let link = page.locator('header a[href="/sign-in"]').first();
    if (!(await link.count())) link = page.locator('a[href="/sign-in"]').first();
    let click = 'click';
    if (await link.isVisible()) await link.click({ timeout: 10000 });
    else {
      // Hidden behind a collapsed menu on a narrow screen: the same event, dispatched.
      click = 'dispatched (link not visible)';
      await link.dispatchEvent('click', {}, { timeout: 10000 });
    }
    await page.waitForFunction(() => [...document.querySelectorAll('h1')].some(
      (h) => h.textContent.replace(/\s+/g, ' ').trim() === 'Sign in'), null, { timeout: 20000 });
    const same = await page.evaluate(() => window.__benchMarker === 1);
    return {
      client_navigation: same,
      click,
      url: new URL(page.url()).pathname,
      ...(same ? {} : { error: 'a full page load: the marker on the window was gone' }),
    };
  } catch (error) {
    return { client_navigation: false, error: String(error.message || error).split('\n')[0] };
  }
}

// A new context starts with an empty cache, so this is a first visit; the cache stays on, as in
// a real browser, so a file fetched once in the visit (the stylesheet again after the staff app
// sends someone to sign in) is not counted twice.
async function firstVisit(browser, url, { navigate }) {
  const { context, page, recorder } = await throttledPage(browser, { cache: true });
  try {
    const m = await visit(page, url);
    const responses = takeResponses(recorder);
    const run = { ...m, bytes: sum(responses), responses };
    if (navigate) {
      Object.assign(run, await clientNavigation(page));
      await page.waitForLoadState('networkidle', { timeout: IDLE_TIMEOUT }).catch(() => {});
      const after = takeResponses(recorder);
      run.client_navigation_bytes = sum(after);
      run.client_navigation_responses = after;
    }
    return run;
  } finally {
    await context.close();
  }
}

// A first visit and then a second one in the same context, the cache on for both. The second
// starts from about:blank so it is a new navigation, as a person coming back, not a reload
// (which would revalidate what the cache holds).
async function repeatVisit(browser, url) {
  const { context, page, recorder } = await throttledPage(browser, { cache: true });
  try {
    await visit(page, url);
    const first = takeResponses(recorder);
    await page.goto('about:blank');
    takeResponses(recorder);
    const m = await visit(page, url);
    const responses = takeResponses(recorder);
    return {
      first_bytes: sum(first),
      bytes: sum(responses.filter((r) => !isApi(r))),
      api_bytes: sum(responses.filter(isApi)),
      ready_ms: m.ready_ms,
      heading_ms: m.heading_ms,
      h1_text: m.h1_text,
      network_idle: m.network_idle,
      first_responses: first,
      responses,
    };
  } finally {
    await context.close();
  }
}

// The median, with a missing time (never happened) counted as later than any.
function median(xs) {
  const sorted = xs.map((x) => (x === null || x === undefined ? Infinity : x))
    .sort((a, b) => a - b);
  const m = sorted[Math.floor(sorted.length / 2)];
  return m === Infinity ? null : m;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const tolerated = [];
  const checked = (run, where) => {
    tolerated.push(...checkResponses(run.responses, where));
    for (const key of ['client_navigation_responses', 'first_responses']) {
      if (run[key]) tolerated.push(...checkResponses(run[key], `${where} (${key})`));
    }
    return run;
  };
  try {
    const pages = {};
    for (const url of PUBLIC_PAGES) {
      const list = [];
      for (let i = 0; i < runs; i++) {
        list.push(checked(await firstVisit(browser, url, { navigate: url === '/' }),
          `first visit ${url}`));
      }
      pages[url] = {
        bytes: median(list.map((r) => r.bytes)),
        heading_ms: median(list.map((r) => r.heading_ms)),
        fcp_ms: median(list.map((r) => r.fcp_ms)),
        h1_visible_ms: median(list.map((r) => r.h1_visible_ms)),
        ready_ms: median(list.map((r) => r.ready_ms)),
        h1_text: list[0].h1_text,
        final_h1_text: list[0].final_h1_text,
        h1_stable: list.every((r) => r.h1_stable),
        ...(url === '/' ? { client_navigation: list.every((r) => r.client_navigation) } : {}),
        runs: list,
      };
    }

    const repeats = [];
    for (let i = 0; i < runs; i++) {
      repeats.push(checked(await repeatVisit(browser, '/'), 'repeat visit /'));
    }
    const repeat = {
      path: '/',
      bytes: median(repeats.map((r) => r.bytes)),
      api_bytes: median(repeats.map((r) => r.api_bytes)),
      ready_ms: median(repeats.map((r) => r.ready_ms)),
      heading_ms: median(repeats.map((r) => r.heading_ms)),
      runs: repeats,
    };

    const staffRuns = [];
    for (let i = 0; i < runs; i++) {
      staffRuns.push(checked(await firstVisit(browser, STAFF_PAGE, { navigate: false }),
        `first visit ${STAFF_PAGE}`));
    }
    const staff = {
      path: STAFF_PAGE,
      bytes: median(staffRuns.map((r) => r.bytes)),
      ready_ms: median(staffRuns.map((r) => r.ready_ms)),
      heading_ms: median(staffRuns.map((r) => r.heading_ms)),
      h1_text: staffRuns[0].h1_text,
      runs: staffRuns,
    };

    console.log(JSON.stringify(
      { base, runs, settings: SETTINGS, pages, repeat, staff, tolerated }));
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
