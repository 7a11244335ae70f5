const { test, expect, expectNoAxeViolations, expectHeading } = require('./support');
const { registerNewAccount, PASSWORD } = require('./register');
const { codeFrom } = require('./mail');

test('two minutes before the session ends a warning offers to stay signed in, and then it ends cleanly', async ({ page, consoleErrors }) => {
  await page.clock.install();
  await registerNewAccount(page, `timeout.${Date.now()}@example.org`);

  await page.clock.fastForward('18:10');
  const dialog = page.getByRole('dialog', { name: 'You are about to be signed out' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: 'Your account: Priya Shah' })).toBeVisible();

  await page.clock.fastForward('20:30');
  await expectHeading(page, 'You have been signed out');
  await expect(page.getByText('because you did not use the service for 20 minutes')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an account holder changes their name and password', async ({ page, consoleErrors }) => {
  await registerNewAccount(page, `change.${Date.now()}@example.org`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'Your account: Priya Shah' }).click();

  await page.getByRole('link', { name: 'Change name' }).click();
  await expectHeading(page, 'Change your name');
  await page.getByLabel('Surname').fill('Shah-Jones');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectHeading(page, 'Your account');
  await expect(page.getByRole('link', { name: 'Your account: Priya Shah-Jones' })).toBeVisible();

  await page.getByRole('link', { name: 'Change password' }).click();
  await expectHeading(page, 'Change your password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('Brand-New-Pass-7!');
  await page.getByLabel('Confirm new password').fill('Brand-New-Pass-7!');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expectHeading(page, 'Your password has been changed');
  await expectNoAxeViolations(page);

  // A new email address, proved by the code sent to it.
  await page.getByRole('link', { name: 'Back to your account' }).click();
  await page.getByRole('link', { name: 'Change email address' }).click();
  await expectHeading(page, 'Change your email address');
  const newEmail = `moved.${Date.now()}@example.org`;
  await page.getByLabel('New email address').fill(newEmail);
  await page.getByLabel('Your password').fill('Brand-New-Pass-7!');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectHeading(page, 'Check your email');
  await expectNoAxeViolations(page);
  await page.getByLabel('Code').fill(await codeFrom(newEmail, 1));
  await page.getByRole('button', { name: 'Change email address' }).click();
  await expectHeading(page, 'Your account');
  await expect(page.getByText(newEmail)).toBeVisible();
});

test('the account and the records are only for someone signed in: anyone else is sent to sign in', async ({ page, consoleErrors }) => {
  for (const path of ['/account', '/account/password', '/record', '/record/0190f3a2-0000-7000-8000-000000000000/messages']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expectHeading(page, 'Sign in');
  }
  await expectNoAxeViolations(page);
});
