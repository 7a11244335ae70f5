// The citizen record, with the demonstration data the server's own command loads: Margaret
// sees her record and her husband Joseph's (she is his proxy), opens a document, reads and
// answers a worker's message, sends a new one, and completes the form the council sent her.
const { execFileSync } = require('node:child_process');
const { test, expect, expectNoAxeViolations, expectHeading } = require('./support');
const { codeFrom } = require('./mail');
const { serverEnv, portal } = require('../server-env');

const EMAIL = 'margaret.okafor@example.org';
const PASSWORD = 'Demo-Portal-2026!';

test('a citizen who is also a proxy reads her record, opens a document and messages her team', async ({ page, consoleErrors }) => {
  test.setTimeout(150_000);
  execFileSync(portal, ['demo-data'], { env: { ...process.env, ...serverEnv }, stdio: 'ignore' });

  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await expect(page.getByText('We have checked that you are not a robot.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code').fill(await codeFrom(EMAIL, 1));
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Two records, her own and her husband's, which she may see as his proxy: she lands on the
  // list to choose from.
  await expectHeading(page, 'Your care records');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Joseph Okafor', exact: true }).click();
  await expectHeading(page, 'Dashboard');
  await expect(page.locator('.govuk-caption-l')).toHaveText("Joseph Okafor's record");
  await expect(page.getByText('You look after them, with their consent')).toBeVisible();
  // His dashboard speaks of him, not of her.
  await expect(page.getByText(/professionals? working with Joseph/)).toBeVisible();
  await expectNoAxeViolations(page);
  // His Details say who can see his record online: Margaret, who looks after him.
  await page.getByRole('link', { name: 'Details' }).click();
  const readers = page.getByRole('table', { name: 'People who can see this record online' });
  await expect(readers.getByRole('row', { name: /Margaret Okafor/ })).toContainText('Looks after them (consent)');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('link', { name: 'Your care records' }).click();
  await page.getByRole('link', { name: 'Margaret Okafor', exact: true }).click();
  await expect(page.locator('.govuk-caption-l')).toHaveText("Margaret Okafor's record");
  await expect(page.getByText('1 new message')).toBeVisible();
  await expect(page.getByText('1 new document')).toBeVisible();
  await expect(page.getByText('1 professional working with you')).toBeVisible();
  await expect(page.getByText('1 form to complete')).toBeVisible();
  await expectNoAxeViolations(page);

  // Items to view: the new document is bold until it is opened, and stays.
  await page.getByRole('link', { name: 'Items to view' }).click();
  await expectHeading(page, 'Items to view');
  const item = page.locator('.app-document', { hasText: 'Your care and support plan' });
  await expect(item).toHaveClass(/app-unread/);
  await expectNoAxeViolations(page);
  const opening = page.context().waitForEvent('page');
  await expect(item).toContainText('PDF');
  await item.getByRole('button', { name: 'View Your care and support plan' }).click();
  const popup = await opening;
  // The new tab shows the PDF in the browser's viewer: the page's security policy, which the
  // tab inherits, must not refuse it.
  const popupErrors = [];
  popup.on('console', (message) => { if (message.type() === 'error') popupErrors.push(message.text()); });
  await popup.waitForLoadState('load');
  expect(popup.url()).toMatch(/^blob:/);
  await popup.waitForTimeout(500);
  expect(popupErrors).toEqual([]);
  await popup.close();
  await expect(item).not.toHaveClass(/app-unread/);
  await expect(item.getByText('New', { exact: true })).toHaveCount(0);
  // Print loads the document in a frame of this page and opens the print dialog on it; a frame
  // the security policy refused would show on the console (the fixture fails the test).
  // The dialog itself is the browser's and cannot be driven here (headless Chromium's PDF
  // viewer crashes printing), so each frame's print() records that it was asked instead.
  await page.context().addInitScript(() => {
    window.print = () => { window.top.printed = (window.top.printed || []).concat(document.URL); };
  });
  await item.getByRole('button', { name: /^Print/ }).click();
  await expect(page.locator('iframe#app-print-frame')).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => page.evaluate(() => window.printed || [])).toEqual([expect.stringMatching(/^blob:/)]);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('link', { name: 'Details' }).click();
  await expectHeading(page, 'Details');
  await expect(page.getByText('12 Marsh Lane, Bootle, L20 3NJ')).toBeVisible();
  await expectNoAxeViolations(page);
  // "Tell us if this is wrong" opens a new message of that type, about this record.
  await page.getByRole('link', { name: 'Send us a message to tell us' }).click();
  await expectHeading(page, 'New message');
  await expect(page.getByLabel('Message type')).toHaveValue('details_wrong');
  await expect(page.getByText('This message is about Margaret Okafor.')).toBeVisible();
  await page.getByRole('link', { name: 'Messages' }).click();
  await expectHeading(page, 'Messages');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('link', { name: 'Involvements' }).click();
  await expect(page.getByRole('cell', { name: 'Jo Bright' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A worker's message: bold until read, answered with the earlier message quoted beneath.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('link', { name: 'Messages' }).click();
  await expectHeading(page, 'Messages');
  await expect(page.getByText('Do not use messages for urgent matters')).toBeVisible();
  const row = page.locator('tr', { hasText: 'Your care assessment' });
  await expect(row).toHaveClass(/app-unread/);
  await expectNoAxeViolations(page);
  await row.getByRole('link', { name: 'Your care assessment' }).click();
  await expectHeading(page, 'Your care assessment');
  await expect(page.locator('.app-quoted')).toContainText('Jo Bright will visit you on Tuesday');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Reply').fill('Tuesday at 10am suits me, thank you.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.app-message')).toHaveCount(2);
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.locator('tr', { hasText: 'Your care assessment' })).not.toHaveClass(/app-unread/);

  // A new message of a chosen type.
  await page.getByRole('button', { name: 'New message' }).click();
  await expectHeading(page, 'New message');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Message type').selectOption({ label: 'My details are wrong' });
  await page.getByLabel('Subject').fill('New mobile number');
  await page.getByLabel('Message', { exact: true }).fill('My new mobile number is 07700 900 982.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expectHeading(page, 'Sent messages');
  await expect(page.getByRole('link', { name: 'New mobile number' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Items to complete: the form the finance team sent, saved part way and then submitted.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('link', { name: 'Items to complete' }).click();
  await expectHeading(page, 'Items to complete');
  const waiting = page.locator('tr', { hasText: 'Financial assessment' });
  await expect(waiting.locator('.govuk-tag')).toHaveText('Not started');
  await expectNoAxeViolations(page);
  await waiting.getByRole('link', { name: 'Financial assessment' }).click();
  await expectHeading(page, 'Financial assessment');
  await expect(page.getByText("Please fill this in before Jo Bright's visit")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start now' }).click();

  // The form starts with what her record says.
  await expectHeading(page, 'Your details');
  await expect(page.getByLabel(/^Full name/)).toHaveValue('Margaret Okafor');
  // Every page of the form says whose record it is for.
  await expect(page.locator('.govuk-caption-m')).toHaveText("Margaret Okafor's record");
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expectHeading(page, 'Your household');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.locator('#lives_with_partner-2').check();
  await page.getByLabel('In a home I own, or own with someone else').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expectHeading(page, 'Benefits and pensions');
  await page.getByLabel('State Pension').check();
  await page.getByLabel('Attendance Allowance').check();
  // Save is at the bottom of every page: the answers are kept on the item for everyone linked.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectHeading(page, 'Your answers have been saved');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to items to complete' }).click();
  await expect(page.locator('tr', { hasText: 'Financial assessment' }).locator('.govuk-tag')).toHaveText('In progress');
  await page.getByRole('link', { name: 'Financial assessment' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectHeading(page, 'Benefits and pensions');
  await expect(page.getByLabel('Attendance Allowance')).toBeChecked();
  await page.locator('#private_pension').check();
  await page.getByLabel('How much do you get from it each month, in pounds?').fill('212.50');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expectHeading(page, 'Savings and property');
  await page.getByLabel('Less than £14,250').check();
  await page.locator('#other_property-2').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expectHeading(page, 'Disability-related costs');
  await page.locator('#extra_costs-2').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expectHeading(page, 'Declaration');
  await page.getByLabel(/The information I have given is true/).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expectHeading(page, 'Check your answers');
  await expect(page.locator('.govuk-caption-m')).toHaveText("Margaret Okafor's record");
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Submit' }).click();

  await expectHeading(page, 'Form submitted');
  await expect(page.locator('.govuk-panel__body')).toContainText(/ASC-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await expect(page.getByText('Your answers have gone to the team that sent you this form.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to items to complete' }).click();
  await expect(page.locator('tr', { hasText: 'Financial assessment' }).locator('.govuk-tag')).toHaveText('Submitted');
});
