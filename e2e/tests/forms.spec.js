// The referral forms: a DoLS request saved midway and finished after signing in again, the
// social care referral's exits, and axe on every page of every form.
const { test, expect, expectNoAxeViolations, expectHeading } = require('./support');
const { codeFrom } = require('./mail');
const { registerNewAccount, continueFromRegistration, PASSWORD } = require('./register');
const { execFileSync } = require('node:child_process');
const { signIn, signOut } = require('./sign-in');
const { serverEnv, portal } = require('../server-env');

test.beforeAll(() => {
  // Council staff open what a referral carries.
  execFileSync(portal, ['demo-data'], { env: { ...process.env, ...serverEnv }, stdio: 'ignore' });
});

/** Today's date as the form's day, month and year fields take it. */
function today() {
  const now = new Date();
  return { day: String(now.getDate()), month: String(now.getMonth() + 1), year: String(now.getFullYear()) };
}

async function fillDate(page, id, date) {
  await page.locator(`#${id}`).fill(date.day);
  await page.locator(`#${id}-month`).fill(date.month);
  await page.locator(`#${id}-year`).fill(date.year);
}

/** The smallest file both a PDF reader and the server's content check take for a PDF. */
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

async function next(page) {
  await page.getByRole('button', { name: 'Next' }).click();
}

test('a professional saves DoLS Form 1 midway, resumes and submits it with an urgent authorisation; staff open its care plan', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  const email = `dols.${Date.now()}@care-home.example`;
  await registerNewAccount(page, email);
  await continueFromRegistration(page);

  await page.goto('/referrals/dols');
  await page.getByRole('link', { name: /DoLS Form 1/ }).click();
  await expectHeading(page, 'Before you start');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start now' }).click();

  // Next refuses an unanswered page: the summary takes focus and links to the question.
  await expectHeading(page, 'Type of request');
  // The referrer's details, filled in from the account, already count.
  await expect(page.getByText(/^\d+% complete$/)).toBeVisible();
  await next(page);
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /What are you requesting/ })).toHaveAttribute('href', '#request_type');
  await expectNoAxeViolations(page);
  // The asterisk is seen; "required" is heard.
  await expect(page.getByRole('group', { name: 'What are you requesting? (required)' })).toBeVisible();
  await page.getByLabel('A standard authorisation, and I have given an urgent authorisation').check();
  await next(page);

  await expectHeading(page, 'The relevant person');
  // The new page's heading takes focus, so screen readers announce the change of page.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByLabel('Full name of the relevant person').fill('Margaret Jones');
  await page.getByLabel('Female').check();
  await page.locator('#dob_known').check();
  await fillDate(page, 'date_of_birth', { day: '27', month: '3', year: '1941' });
  await page.locator('#lives_elsewhere-2').check();
  await expectNoAxeViolations(page);
  await next(page);

  // The referrer's details come from the account.
  await expectHeading(page, 'The care home or hospital');
  await expect(page.getByLabel('Name of the person dealing with this request')).toHaveValue('Priya Shah');
  await expect(page.getByLabel('Their email address')).toHaveValue(email);
  await page.getByLabel('Name of the care home or hospital').fill('Marsh Lane Care Home');
  await page.getByLabel('Address line 1').fill('2 Marsh Lane');
  await page.getByLabel('Town or city').fill('Bootle');
  await page.getByLabel('Postcode').fill('L20 3NJ');
  await page.locator('#ma_phone').fill('0151 496 0000');
  await page.getByLabel('Their phone number').fill('0151 496 0001');
  await page.getByLabel('Which council is the supervisory body?').selectOption({ label: 'This council' });
  await page.getByLabel('The NHS', { exact: true }).check();
  await next(page);

  await expectHeading(page, 'Standard authorisation');
  await fillDate(page, 'sa_start', today());
  await page.getByLabel('The care and treatment the person needs').fill('Help with personal care and medication.');
  await page.getByLabel('Locked or keypad doors').check();
  await page.getByLabel('Describe the restrictions').fill('The front door has a keypad.');
  await page.locator('#less_restrictive-2').check();
  // A program calling itself a PDF is refused; a real PDF is attached.
  await page.getByLabel('Care plan').setInputFiles({ name: 'care-plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90 this is a program') });
  await expect(page.locator('#care_plan-error')).toContainText('not what its name says');
  const refused = consoleErrors.findIndex((text) => text.includes('422'));
  expect(refused).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(refused, 1);
  await page.getByLabel('Care plan').setInputFiles({ name: 'care-plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
  await expect(page.getByText('care-plan.pdf (1 KB)')).toBeVisible();
  await expectNoAxeViolations(page);
  await next(page);

  // Midway: save for later, and sign out.
  await expectHeading(page, 'Medical information');
  await page.getByRole('button', { name: 'Save for later' }).click();
  await expectHeading(page, 'Your form has been saved');
  await expectNoAxeViolations(page);
  await page.goto('/account');
  await expect(page.getByRole('link', { name: 'DoLS Form 1: standard request and urgent authorisation' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectHeading(page, 'You have been signed out');
  // Nothing of the form stays in the tab for the next person at this computer.
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

  // A new window: the answers come back from the server, not from this browser.
  await page.evaluate(() => window.sessionStorage.clear());
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await expect(page.getByText('We have checked that you are not a robot.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code').fill(await codeFrom(email, 2));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Your account');
  const saved = page.getByRole('table', { name: 'Forms saved for later' });
  await expect(saved).toContainText('% complete');
  await expectNoAxeViolations(page);
  await saved.getByRole('link', { name: /DoLS Form 1/ }).click();

  await expectHeading(page, 'Medical information');
  await page.getByRole('button', { name: 'Previous' }).click();
  await expectHeading(page, 'Standard authorisation');
  await expect(page.getByLabel('Describe the restrictions')).toHaveValue('The front door has a keypad.');
  await next(page);
  await next(page);

  // Add another: an item appears with its own questions, and goes again.
  await expectHeading(page, 'People to consult');
  await page.getByRole('button', { name: 'Add a person to consult' }).click();
  await expect(page.getByRole('heading', { name: 'Person to consult 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add another person to consult' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Remove person to consult 1' }).click();
  await expect(page.getByRole('heading', { name: 'Person to consult 1' })).toHaveCount(0);
  await page.locator('#imca_needed-2').check();
  await next(page);

  await expectHeading(page, 'Advance decisions and the Mental Health Act');
  await page.getByLabel('I am not aware of one').check();
  await page.locator('#mha_applies-2').check();
  await next(page);

  // Equality information is asked and every answer is optional.
  await expectHeading(page, 'Equality information');
  await page.getByLabel("The person's ethnic group").selectOption({ label: 'Not stated' });
  await next(page);

  // The urgent authorisation section, shown because it was chosen; its expiry is worked out.
  // Every one of its 8 conditions must be met: one left unticked is refused.
  await expectHeading(page, 'Urgent authorisation');
  await page.locator('input[name="ua_criteria"]').first().check();
  await next(page);
  await expect(page.locator('#ua_criteria-error')).toContainText('All 8 conditions must be met');
  for (const box of await page.locator('input[name="ua_criteria"]').all()) await box.check();
  const start = today();
  await fillDate(page, 'ua_start', start);
  await page.getByLabel('Time it came into force').fill('09:30');
  await page.getByLabel('How many days is it in force?').fill('7');
  const expiry = new Date(Number(start.year), Number(start.month) - 1, Number(start.day) + 7);
  const expected = expiry.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(page.locator('#ua_expiry')).toContainText(expected);
  await page.getByLabel('Purpose of the urgent authorisation').fill('To keep her safe while the assessments are done.');
  await page.getByLabel('Name of the person who signed the urgent authorisation').fill('Priya Shah');
  await fillDate(page, 'ua_signed_date', start);
  await page.locator('#ua_signed_time').fill('09:30');
  await page.locator('#wants_extension-2').check();
  await expectNoAxeViolations(page);
  await next(page);

  await expectHeading(page, 'Declaration');
  await page.locator('#interested_informed').check();
  await page.getByLabel('Your name').fill('Priya Shah');
  await page.getByLabel('Your position').fill('Registered manager');
  await fillDate(page, 'signed_date', today());
  await page.locator('#signed_time').fill('09:30');
  await next(page);

  await expectHeading(page, 'Check your answers');
  await expect(page.getByText('Margaret Jones')).toBeVisible();
  await expect(page.getByText('care-plan.pdf', { exact: true })).toBeVisible();
  await expect(page.getByText('You have not finished this form')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Submit' }).click();

  await expectHeading(page, 'Form submitted');
  const reference = (await page.locator('.govuk-panel__body strong').textContent()).trim();
  expect(reference).toMatch(/^ASC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Go to your account' }).click();
  await expectHeading(page, 'Your account');
  const submitted = page.getByRole('table', { name: 'Forms submitted in the last 30 days' });
  await expect(submitted).toContainText(reference);
  await expect(submitted).toContainText('Received');
  await expect(page.getByText('You have no forms saved for later.')).toBeVisible();
  await signOut(page);

  // Council staff open the care plan it carried, from the referral's page.
  await signIn(page, 'sam.taylor@example.org', 'Your account');
  await page.goto('/staff/referrals');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: 'Attachments' })).toBeVisible();
  const file = page.getByRole('row', { name: /care-plan\.pdf/ });
  await expect(file).toContainText('PDF');
  await expect(file).toContainText('1 KB');
  await expectNoAxeViolations(page);
  const downloading = page.waitForEvent('download');
  await file.getByRole('button', { name: 'Download care-plan.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('care-plan.pdf');
  const downloaded = require('node:fs').readFileSync(await download.path(), 'utf8');
  expect(downloaded).toBe(PDF);
  const opening = page.context().waitForEvent('page');
  await file.getByRole('button', { name: 'Open care-plan.pdf' }).click();
  const viewer = await opening;
  expect(viewer.url()).toMatch(/^blob:/);
  await viewer.close();
  await signOut(page);

  // Each opening is in the audit log.
  await signIn(page, 'alex.morgan@example.org', 'Your account');
  await page.goto('/staff/audit');
  await expect(page.locator('tbody tr').first()).toContainText(/read\s*upload/);
  await expect(page.locator('tbody tr').first()).toContainText('Sam Taylor');
});

test('the social care referral ends at an exit page when the person lives outside the area', async ({ page, consoleErrors }) => {
  await page.goto('/forms/social-care-referral');
  await expectHeading(page, 'Before you start');
  // Not signed in: the bot check runs before the form starts.
  await expect(page.getByText('We have checked that you are not a robot.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Start now' }).click();

  await expectHeading(page, 'Before we go on');
  await page.locator('#is_professional').check();
  await page.locator('#in_area-2').check();
  await page.locator('#urgent-2').check();
  await page.locator('#safeguarding-2').check();
  await next(page);

  await expectHeading(page, 'You cannot use this form');
  await expect(page.getByRole('main')).toContainText('council');
  await expectNoAxeViolations(page);

  // Changing the answer goes on with the form, the answers kept.
  await page.getByRole('link', { name: 'go back and change it' }).click();
  await expectHeading(page, 'Before we go on');
  await expect(page.locator('#in_area-2')).toBeChecked();
  await page.locator('#in_area').check();
  await next(page);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('You cannot use this form');

  // Save for later without an account: the seed's "Login or Register" page.
  await page.getByRole('button', { name: 'Save for later' }).click();
  await expectHeading(page, 'Sign in to save your form');
  await expectNoAxeViolations(page);
});

test('every page of every form passes axe, empty and with its errors showing', async ({ page, request, consoleErrors }) => {
  test.setTimeout(240_000);
  // Referral forms (for professionals, or for anyone), under /forms; a citizen's form is
  // filled from their record.
  const forms = (await (await request.get('/api/v1/forms')).json())
    .filter((form) => form.audience !== 'citizen');
  expect(forms.length).toBeGreaterThanOrEqual(6);
  // A form's texts are a string, or English and Welsh: these pages are in English.
  const english = (text) => (typeof text === 'string' ? text : text.en);
  for (const { id } of forms) {
    const form = await (await request.get(`/api/v1/forms/${id}`)).json();
    await page.goto(`/forms/${id}`);
    await expectHeading(page, 'Before you start');
    await expectNoAxeViolations(page);
    for (const formPage of form.pages) {
      await page.goto(`/forms/${id}/page/${formPage.id}`);
      await expectHeading(page, english(formPage.title));
      await next(page);
      await expectNoAxeViolations(page);
    }
    await page.goto(`/forms/${id}/check-answers`);
    await expectHeading(page, 'Check your answers');
    await expectNoAxeViolations(page);
    for (const exit of form.exits) {
      await page.goto(`/forms/${id}/exit/${exit.id}`);
      await expectHeading(page, english(exit.title));
      await expectNoAxeViolations(page);
    }
    await page.goto(`/forms/${id}/cancel`);
    await expectHeading(page, 'Are you sure you want to cancel this form?');
    await expectNoAxeViolations(page);
  }
});

test('an answer that led to an exit, then hidden by a changed earlier answer, never traps the form; errors read in page order and each link reaches its question', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await registerNewAccount(page, `carer.${Date.now()}@example.org`);
  await continueFromRegistration(page);
  await page.goto('/forms/carers-assessment-referral');
  await expectHeading(page, 'Before you start');
  await page.getByRole('button', { name: 'Start now' }).click();
  await expectHeading(page, 'About this referral');

  // Nothing answered: the summary lists the errors as the questions come on the page, the
  // title says there is an error, and choosing a link by keyboard puts the cursor in the field
  // with its question in view.
  await next(page);
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Select who is filling in this form',
    'Select yes if the person being cared for lives in our area',
  ]);
  await expect(page).toHaveTitle(/^Error: About this referral - /);
  await summary.getByRole('link').nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#cared_for_in_area')).toBeFocused();
  await expect(page.getByText('Does the person being cared for live in our area?')).toBeInViewport();
  await expectNoAxeViolations(page);

  // A professional whose carer has not agreed reaches the exit page.
  await page.getByLabel('I am a professional referring a carer, for example their GP').check();
  await page.locator('#cared_for_in_area').check();
  await next(page);
  await expectHeading(page, "The carer's agreement and how to contact them");
  await page.locator('#carer_consents-2').check();
  await page.getByLabel('Phone', { exact: true }).check();
  await next(page);
  await expectHeading(page, 'The carer must agree to the referral');

  // Back, and the carer fills it in themselves instead: the agreement question is hidden, and
  // its stale "no" ends nothing.
  await page.getByRole('link', { name: 'go back and change it' }).click();
  await expectHeading(page, "The carer's agreement and how to contact them");
  await page.getByRole('button', { name: 'Previous' }).click();
  await expectHeading(page, 'About this referral');
  await page.getByLabel('I am the carer').check();
  await next(page);
  await expectHeading(page, "The carer's agreement and how to contact them");
  await expect(page.locator('#carer_consents')).toHaveCount(0);
  await next(page);

  await expectHeading(page, "The carer's details");
  await page.getByLabel(/^Full name/).fill('Ade Okafor');
  await fillDate(page, 'carer_date_of_birth', { day: '4', month: '6', year: '1970' });
  await page.locator('#carer_address').fill('12 Marsh Lane');
  await page.locator('#carer_address-town').fill('Bootle');
  await page.locator('#carer_address-postcode').fill('L20 3NJ');
  await page.locator('#carer_phone').fill('07700 900456');
  await next(page);
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
  await expectHeading(page, 'The person being cared for');
  await expect(page).toHaveTitle(/^The person being cared for - /);
  expect(consoleErrors).toEqual([]);
});

test("DoLS Form 2 starts the further authorisation the day after the current one ends, warns of a date far away and refuses one too early", async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await registerNewAccount(page, `form2.${Date.now()}@care-home.example`);
  await continueFromRegistration(page);
  await page.goto('/forms/dols-form-2/page/current');
  await expectHeading(page, 'The current authorisation');

  const ends = new Date();
  ends.setDate(ends.getDate() + 40);
  const dayAfter = new Date(ends);
  dayAfter.setDate(dayAfter.getDate() + 1);
  await fillDate(page, 'current_expiry', { day: String(ends.getDate()), month: String(ends.getMonth() + 1), year: String(ends.getFullYear()) });

  // Filled in from the answer above, and the person can change it.
  await expect(page.locator('#further_start')).toHaveValue(String(dayAfter.getDate()));
  await expect(page.locator('#further_start-month')).toHaveValue(String(dayAfter.getMonth() + 1));
  await expect(page.locator('#further_start-year')).toHaveValue(String(dayAfter.getFullYear()));
  // More than 28 days away: said, not refused.
  await expect(page.locator('.govuk-warning-text', { hasText: 'we may query it' })).toBeVisible();
  await expectNoAxeViolations(page);

  await fillDate(page, 'further_start', { day: String(ends.getDate()), month: String(ends.getMonth() + 1), year: String(ends.getFullYear()) });
  await next(page);
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'The further authorisation must start after the current one ends' })).toHaveAttribute('href', '#further_start');
  await expect(summary).not.toContainText('we may query it');
  expect(consoleErrors).toEqual([]);
});
