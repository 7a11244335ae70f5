// Registers a new account through the pages, as a person would, and leaves it signed in.
const { expect } = require('@playwright/test');
const { codeFrom } = require('./mail');

const PASSWORD = 'Tall-Trees-4-Ever!';

async function registerNewAccount(page, email) {
  await page.goto('/register');
  await page.getByLabel('Forename').fill('Priya');
  await page.getByLabel('Surname').fill('Shah');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await expect(page.getByText('We have checked that you are not a robot.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Verification code').fill(await codeFrom(email, 1));
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registration completed');
}

// Leaves "Registration completed" by its Continue button and waits until the app has settled on
// the next page, so a test that then loads another page does not race the app's own requests:
// two loads presenting the same refresh token at once is a replay, and the session's family is
// ended (auth/sessions.rs).
async function continueFromRegistration(page) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/register'));
  await page.waitForLoadState('networkidle');
}

module.exports = { registerNewAccount, continueFromRegistration, PASSWORD };
