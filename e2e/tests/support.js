// Shared steps of the journeys: every page is checked by axe and for blocked resources.
const { test: base, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

const test = base.extend({
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

/** Waits until the app has loaded the council and rendered the page's heading. */
async function expectHeading(page, text) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
}

module.exports = { test, expect, expectNoAxeViolations, expectHeading };
