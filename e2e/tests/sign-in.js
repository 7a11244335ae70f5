// Signing in and out as the demonstration accounts do: password, then the emailed code.
const { expect, expectHeading } = require('./support');
const { codeFrom, emailCount } = require('./mail');

const PASSWORD = 'Demo-Portal-2026!';

/** Signs in with the password and the code emailed for this sign-in. */
async function signIn(page, email, landing) {
  const before = emailCount(email);
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await expect(page.getByText('We have checked that you are not a robot.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code').fill(await codeFrom(email, before + 1));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, landing);
}

async function signOut(page) {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectHeading(page, 'You have been signed out');
}

module.exports = { signIn, signOut, PASSWORD };
