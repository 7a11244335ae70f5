const { test, expect, expectNoAxeViolations, expectHeading } = require('./support');

const COUNCIL = 'Eastmoor Borough Council';

test('the home page shows the council, its four tiles and the urgent number', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expectHeading(page, `Welcome to ${COUNCIL} Adult Social Care`);
  await expect(page).toHaveTitle(`Home - Adult Social Care Online - ${COUNCIL}`);
  await expect(page.getByRole('banner').getByRole('link', { name: COUNCIL })).toBeVisible();
  await expect(page.getByText('Beta', { exact: true })).toBeVisible();

  const tiles = page.locator('.app-tile');
  await expect(tiles).toHaveCount(4);
  await expect(page.getByRole('link', { name: 'Information' })).toHaveAttribute(
    'href', 'https://www.example.org/adult-social-care');
  await expect(page.getByRole('link', { name: 'Find local support' })).toHaveAttribute(
    'href', 'https://directory.example.org/adults');
  await expect(page.getByRole('link', { name: 'Paying for care' })).toHaveAttribute(
    'href', 'https://www.example.org/adult-social-care/paying-for-care');

  const urgent = page.locator('.govuk-warning-text');
  await expect(urgent).toContainText('If you feel your needs are urgent');
  await expect(urgent.getByRole('link', { name: '0113 496 0000' })).toHaveAttribute('href', 'tel:+441134960000');

  // The GOV.UK styles arrived from our own origin: headings are set in the bold GOV.UK scale.
  const weight = await page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).fontWeight);
  expect(weight).toBe('700');
  await expectNoAxeViolations(page);
});

test('a professional finds the DoLS forms from the home page', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Making a referral as a professional' }).click();
  await expect(page).toHaveURL(/\/referrals$/);
  await expectHeading(page, 'Making a referral as a professional');
  await expect(page.locator('.govuk-inset-text')).toContainText('safeguarding concern');
  await expect(page.locator('.govuk-inset-text').getByRole('link', { name: '0113 496 0002' })).toBeVisible();
  for (const name of ['Referral for Social Care', 'Support enquiry', 'Referral for Occupational Therapy',
    "Carer's assessment", 'DoLS forms']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // The seed's guidance for professionals: which form for which patient, reached from the hub.
  await page.getByRole('link', { name: 'how to request support for a patient' }).click();
  await expectHeading(page, 'Request support for a patient');
  await expect(page.getByText('You can only refer patients who live in the')).toBeVisible();
  await expect(page.getByRole('link', { name: 'refer them for a carer\'s assessment' })).toHaveAttribute('href', '/forms/carers-assessment-referral');
  await expect(page.getByRole('link', { name: 'Start a support enquiry' })).toHaveAttribute('href', '/forms/support-enquiry');
  await expect(page.getByRole('link', { name: 'find out how to get support from an advocate' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goBack();

  await page.getByRole('link', { name: 'DoLS forms' }).click();
  await expect(page).toHaveURL(/\/referrals\/dols$/);
  await expectHeading(page, 'DoLS online forms');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: /DoLS Form 1/ }).click();
  await expect(page).toHaveURL(/\/forms\/dols-form-1$/);
  await expectHeading(page, 'Before you start');
  await expect(page.locator('.govuk-caption-l')).toHaveText('DoLS Form 1: standard request and urgent authorisation');

  await page.goBack();
  await page.getByRole('link', { name: /DoLS Form 2/ }).click();
  await expect(page.locator('.govuk-caption-l')).toHaveText('DoLS Form 2: further standard authorisation request');
});

test('each referral tile opens its form page, titled from its definition', async ({ page, consoleErrors }) => {
  for (const [name, url, title] of [
    ['Referral for Social Care', '/forms/social-care-referral', 'Referral for social care'],
    ['Referral for Occupational Therapy', '/forms/occupational-therapy-referral', 'Referral for occupational therapy'],
    ['Support enquiry', '/forms/support-enquiry', 'Support enquiry'],
  ]) {
    await page.goto('/referrals');
    await page.getByRole('link', { name }).click();
    await expect(page).toHaveURL(url);
    // The title comes from the form's published definition.
    await expect(page.locator('.govuk-caption-l')).toHaveText(title);
  }
  const missing = await page.goto('/forms/no-such-form');
  expect(missing.status()).toBe(404);
  await expectHeading(page, 'Page not found');
  // The server answers 404 for the page of a form it does not have, and then the app for its
  // definition; Chromium logs each as a failed load.
  const notFound = consoleErrors.filter((text) => text.includes('404 (Not Found)'));
  expect(notFound).toHaveLength(2);
  consoleErrors.splice(0, consoleErrors.length,
    ...consoleErrors.filter((text) => !text.includes('404 (Not Found)')));
});

test('a client route opened directly, and a page that does not exist', async ({ page, consoleErrors }) => {
  await page.goto('/referrals/dols');
  await expectHeading(page, 'DoLS online forms');

  const missing = await page.goto('/no-such-page');
  expect(missing.status()).toBe(404);
  await expectHeading(page, 'Page not found');
  await expect(page).toHaveTitle(`Page not found - Adult Social Care Online - ${COUNCIL}`);
  // Chromium logs the page's own 404 as a failed load.
  const expected = consoleErrors.findIndex((text) => text.includes('404 (Not Found)'));
  expect(expected).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(expected, 1);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'home page' }).click();
  await expectHeading(page, `Welcome to ${COUNCIL} Adult Social Care`);
});

test('keyboard users can skip to the content and reach every tile', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expectHeading(page, `Welcome to ${COUNCIL} Adult Social Care`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Information' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Making a referral as a professional' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectHeading(page, 'Making a referral as a professional');
  // The new page takes focus at its content, as a page load would, and Tab carries on from
  // there rather than from the link that was followed.
  await expect(page.locator('#main-content')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => {
    const main = document.getElementById('main-content');
    return main.contains(document.activeElement) && document.activeElement !== main;
  })).toBe(true);
  // The header's links move it too.
  await page.getByRole('link', { name: 'Sign in' }).first().focus();
  await page.keyboard.press('Enter');
  await expectHeading(page, 'Sign in');
  await expect(page.locator('#main-content')).toBeFocused();
});

test('the interactive API documentation works without the internet', async ({ page, consoleErrors }) => {
  await page.goto('/api/docs/');
  await expect(page.locator('.swagger-ui .title')).toContainText('Adult Social Care Online API');
  await expect(page.getByText('/api/v1/health').first()).toBeVisible();
});

test('without JavaScript the public pages still read, and say how to phone', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome to ${COUNCIL} Adult Social Care`);
  await expect(page.locator('.app-tile')).toHaveCount(4);
  await expect(page.getByRole('link', { name: '0113 496 0000' }).first()).toHaveAttribute('href', 'tel:+441134960000');
  await expect(page.getByRole('link', { name: '0113 496 0002' })).toHaveAttribute('href', 'tel:+441134960002');

  // Plain links carry on without the app.
  await page.getByRole('link', { name: 'Making a referral as a professional' }).click();
  await expect(page).toHaveURL(/\/referrals$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Making a referral as a professional');
  await page.getByRole('link', { name: 'DoLS forms' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DoLS online forms');

  // A page the app draws keeps its heading and says what to do instead.
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByText('If this page does not finish loading')).toBeVisible();
  await expect(page.getByRole('link', { name: '0113 496 0000' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: '0113 496 0002' })).toBeVisible();
  await context.close();
});

test('the heading the server sends first is the one the app shows', async ({ browser, page, consoleErrors }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  for (const path of ['/', '/referrals', '/referrals/dols', '/referrals/request-support', '/sign-in', '/register', '/forgotten-password',
    '/forms/social-care-referral', '/forms/dols-form-2']) {
    await plain.goto(path);
    const sent = await plain.getByRole('heading', { level: 1 }).innerText();
    await page.goto(path);
    await expectHeading(page, sent);
  }
  await context.close();
});
