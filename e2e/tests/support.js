// Shared steps of the journeys: every page is checked by axe and for blocked resources.
const { test: base, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

/** The app has started over the page the server sent and now answers clicks itself. */
async function appReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
}

const test = base.extend({
  // The server sends each page as HTML first and the app takes it over once its download has
  // started: a journey acts on the app's page, so every page.goto waits for that.
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      // The API's own pages (its interactive documentation) are not the app's.
      if (!new URL(page.url()).pathname.startsWith('/api/')) await appReady(page);
      return response;
    };
    await use(page);
  },
  // Collects console errors (a content security policy refusal shows up as one) for each test.
  consoleErrors: async ({ page }, use) => {
    const errors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'the browser console shows no errors').toEqual([]);
  },
});

/** Runs axe-core on the page as it is now and fails on any violation, listing them. */
async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Waits until the app has started and rendered the page's heading (a link to a page of
 * another download loads that page from the server, which the app then takes over). */
async function expectHeading(page, text) {
  try {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
  } catch (error) {
    // A page that did not move on usually says why in its error summary: CI prints only this.
    const summary = page.locator('.govuk-error-summary');
    const why = (await summary.count()) ? (await summary.first().innerText()).replace(/\s+/g, ' ') : 'no error summary';
    error.message += `\n\nOn ${page.url()}, ${why}`;
    throw error;
  }
}

module.exports = { test, expect, expectNoAxeViolations, expectHeading, appReady };
