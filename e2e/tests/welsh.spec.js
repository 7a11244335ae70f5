// The portal in Welsh: a professional chooses Cymraeg in the header, registers (the code comes in
// Welsh), sends the support enquiry in Welsh, signs out and in again on a browser that has
// forgotten the choice (the code comes in Welsh and the pages follow the account), and staff read the
// enquiry in English, told it was answered in Welsh. Every Welsh page says so in its `lang` and
// passes axe.
const { execFileSync } = require('node:child_process');
const { test, expect, expectNoAxeViolations, expectHeading } = require('./support');
const { codeFrom, emailCount, emailContaining } = require('./mail');
const { signIn } = require('./sign-in');
const { serverEnv, portal } = require('../server-env');

const PASSWORD = 'Tall-Trees-4-Ever!';
const SIAN = 'sian.hughes@example.org';
const STAFF = 'sam.taylor@example.org';
const MARGARET = 'margaret.okafor@example.org';

test.beforeAll(() => {
  execFileSync(portal, ['demo-data'], { env: { ...process.env, ...serverEnv }, stdio: 'ignore' });
});

/** The page is the Welsh one with `heading`, says it is Welsh, and passes axe. */
async function welshPage(page, heading) {
  await expectHeading(page, heading);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
}

async function nesaf(page) {
  await page.getByRole('button', { name: 'Nesaf' }).click();
}

test('a professional uses the portal in Welsh from registering to sending the support enquiry, and staff read it', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);

  // The header offers Cymraeg, in Welsh; choosing it turns the page and the ones after it.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const cymraeg = page.getByRole('link', { name: 'Cymraeg' });
  await expect(cymraeg).toHaveAttribute('lang', 'cy');
  await cymraeg.click();
  await welshPage(page, 'Croeso i Ofal Cymdeithasol i Oedolion Cyngor Bwrdeistref Eastmoor');
  await expect(page).toHaveTitle('Hafan - Gofal Cymdeithasol i Oedolion Ar-lein - Cyngor Bwrdeistref Eastmoor');

  // Registering, in Welsh; the verification code comes in Welsh.
  await page.goto('/register');
  await welshPage(page, 'Cofrestru cyfrif newydd');
  await page.getByLabel('Enw cyntaf').fill('Siân');
  await page.getByLabel('Cyfenw').fill('Hughes');
  await nesaf(page);
  await welshPage(page, "Eich cyfeiriad e-bost a'ch cyfrinair");
  await page.getByLabel('Cyfeiriad e-bost').fill(SIAN);
  await page.getByLabel('Cyfrinair', { exact: true }).fill(PASSWORD);
  await page.getByLabel("Cadarnhau'r cyfrinair").fill(PASSWORD);
  await expect(page.getByText('Rydym wedi gwirio nad robot ydych chi.')).toBeVisible({ timeout: 15_000 });
  await nesaf(page);
  await welshPage(page, 'Rhowch eich cod dilysu');
  await emailContaining(SIAN, 0, 'Eich cod dilysu yw');
  await page.getByLabel('Cod dilysu').fill(await codeFrom(SIAN, 1));
  await nesaf(page);
  await welshPage(page, "Mae'r cofrestru wedi'i gwblhau");

  // The support enquiry, in Welsh from its first page to its confirmation.
  await page.goto('/forms/support-enquiry');
  await welshPage(page, 'Cyn i chi ddechrau');
  await expect(page.locator('.govuk-caption-l')).toHaveText('Ymholiad cymorth');
  await page.getByRole('button', { name: 'Dechrau nawr' }).click();
  await welshPage(page, 'Cyn i ni fynd ymlaen');
  await page.locator('#urgent-2').check();
  await page.locator('#safeguarding-2').check();
  await nesaf(page);
  await welshPage(page, 'Eich manylion');
  await page.getByLabel('Eich rôl').fill('Meddyg teulu');
  await page.getByLabel('Eich sefydliad').fill('Meddygfa Stryd y Bont');
  await page.getByLabel('Eich rhif ffôn').fill('029 2018 0500');
  await nesaf(page);
  await welshPage(page, "Ar gyfer pwy mae'r asesiad");
  await page.getByLabel('Enw cyntaf').fill('Gwenllian');
  await page.getByLabel('Cyfenw').fill('Pryce');
  await page.locator('#date_of_birth').fill('3');
  await page.locator('#date_of_birth-month').fill('5');
  await page.locator('#date_of_birth-year').fill('1940');
  await page.getByLabel('Llinell gyntaf y cyfeiriad').fill('7 Ffordd y Llan');
  await page.getByLabel('Tref neu ddinas').fill('Bootle');
  await page.getByLabel('Cod post').fill('L20 3NJ');
  await page.locator('#communication_needs-2').check();
  await nesaf(page);
  await welshPage(page, 'Caniatâd');
  await page.locator('#aware').check();
  await page.locator('#consents').check();
  await nesaf(page);
  await welshPage(page, 'Meddyg teulu ac iechyd');
  await page.getByLabel("Enw'r meddyg teulu").fill('Dr Rhys');
  await page.locator('#gp_practice').fill('Meddygfa Stryd y Bont');
  await page.getByLabel('Cyflyrau iechyd').fill('Arthritis; dau gwymp eleni.');
  await nesaf(page);
  await welshPage(page, 'Trefniadau byw a chymorth');
  await page.getByLabel("Gyda phwy mae'r unigolyn yn byw?").fill('Ar ei phen ei hun');
  await page.locator('#has_carers-2').check();
  await page.locator('#current_services-2').check();
  await nesaf(page);
  await welshPage(page, 'Anghenion a risgiau');
  await page.getByLabel("Gyda beth mae angen help ar yr unigolyn?").fill('Ymolchi a gwisgo.');
  await page.getByLabel("Beth hoffai'r unigolyn ei gyflawni?").fill('Aros gartref yn ddiogel.');
  await nesaf(page);
  await welshPage(page, 'Gwirio eich atebion');
  const role = page.locator('.govuk-summary-list__row', { hasText: 'Eich rôl' });
  await expect(role).toContainText('Meddyg teulu');
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Ai pryder diogelu yw hwn?' })).toContainText('Nac ydy');
  await page.getByRole('button', { name: 'Cyflwyno' }).click();
  await welshPage(page, "Ffurflen wedi'i chyflwyno");
  const reference = (await page.locator('.govuk-panel__body strong').textContent()).trim();
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Eich rôl' })).toContainText('Meddyg teulu');
  const received = await emailContaining(SIAN, 0, reference);
  expect(received).toContain('Rydym wedi cael eich ffurflen');

  // Signing out, in Welsh.
  await page.goto('/account');
  await welshPage(page, 'Eich cyfrif');
  await page.getByRole('button', { name: 'Allgofnodi' }).click();
  await welshPage(page, 'Rydych wedi cael eich allgofnodi');

  // A browser that knows nothing of the choice: the code still comes in Welsh, and once signed
  // in the pages follow the account.
  await page.context().clearCookies({ name: 'language' });
  const before = emailCount(SIAN);
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email address').fill(SIAN);
  await page.getByLabel('Password').fill(PASSWORD);
  await expect(page.getByText('We have checked that you are not a robot.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await emailContaining(SIAN, before, 'Eich cod mewngofnodi yw');
  await page.getByLabel('Code').fill(await codeFrom(SIAN, before + 1));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await welshPage(page, 'Eich cyfrif');

  // Staff read it in English, told it was answered in Welsh.
  await page.getByRole('button', { name: 'Allgofnodi' }).click();
  await welshPage(page, 'Rydych wedi cael eich allgofnodi');
  await page.context().clearCookies({ name: 'language' });
  await signIn(page, STAFF, 'Your account');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/staff/referrals');
  await expectHeading(page, 'Referral queue');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support enquiry');
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Answered in' })).toContainText('Welsh (Cymraeg)');
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Your role' })).toContainText('Meddyg teulu');
  await expectNoAxeViolations(page);
  // Someone who reads Welsh can switch to the words the sender read, marked as Welsh.
  await page.getByRole('button', { name: 'Show the answers in Welsh, as they were sent' }).click();
  const asSent = page.locator('[lang="cy"]', { hasText: 'Eich rôl' });
  await expect(asSent.locator('.govuk-summary-list__row', { hasText: 'Eich rôl' })).toContainText('Meddyg teulu');
  await expect(asSent.getByRole('heading', { name: 'Eich manylion' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Show the answers in English' }).click();
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Your role' })).toBeVisible();
});

test('a citizen who looks after her husband reads both their records in Welsh', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await signIn(page, MARGARET, 'Your care records');

  // Choosing Cymraeg while signed in turns this page and keeps the choice for the account.
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await welshPage(page, 'Eich cofnodion gofal');

  // Joseph's record, which she sees as his proxy: it speaks of him, in Welsh.
  await page.getByRole('link', { name: 'Joseph Okafor', exact: true }).click();
  await welshPage(page, 'Dangosfwrdd');
  await expect(page.locator('.govuk-caption-l')).toHaveText('Cofnod Joseph Okafor');
  await expect(page.getByText("Rydych yn gofalu amdanynt, gyda'u caniatâd")).toBeVisible();
  await expect(page.getByText(/gweithiwr proffesiynol yn gweithio gyda Joseph/)).toBeVisible();
  await page.getByRole('link', { name: 'Manylion' }).click();
  await welshPage(page, 'Manylion');
  const readers = page.getByRole('table', { name: "Pobl sy'n gallu gweld y cofnod hwn ar-lein" });
  await expect(readers.getByRole('row', { name: /Margaret Okafor/ })).toContainText('Yn gofalu amdanynt (caniatâd)');

  // Her own record.
  await page.getByRole('link', { name: 'Dangosfwrdd' }).click();
  await page.getByRole('link', { name: 'Eich cofnodion gofal' }).click();
  await page.getByRole('link', { name: 'Margaret Okafor', exact: true }).click();
  await welshPage(page, 'Dangosfwrdd');
  await expect(page.locator('.govuk-caption-l')).toHaveText('Cofnod Margaret Okafor');
  await expect(page.getByText(/neges newydd/)).toBeVisible();
  await expect(page.getByText(/gweithiwr proffesiynol yn gweithio gyda chi/)).toBeVisible();
  await expect(page.getByText(/ffurflen i'w chwblhau/)).toBeVisible();

  // Messages: the council's message types in Welsh, and a mistake told in Welsh.
  await page.getByRole('link', { name: 'Negeseuon' }).click();
  await welshPage(page, 'Negeseuon');
  await expect(page.getByText('Peidiwch â defnyddio negeseuon ar gyfer materion brys.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Neges newydd' }).click();
  await welshPage(page, 'Neges newydd');
  await expect(page.getByLabel('Math o neges').locator('option', { hasText: 'Ymholiad cyffredinol' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Anfon', exact: true }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Dewiswch fath o neges');
  await expect(page.locator('.govuk-error-summary')).toContainText('Rhowch bwnc');
  await expect(page).toHaveTitle(/^Gwall: Neges newydd - /);
  await expectNoAxeViolations(page);

  // Documents, and asking for one in another format.
  await page.getByRole('link', { name: 'Negeseuon' }).click();
  await page.getByRole('link', { name: 'Dangosfwrdd' }).click();
  await page.getByRole('link', { name: "Eitemau i'w gweld" }).click();
  await welshPage(page, "Eitemau i'w gweld");
  // The plan itself, not a version of it in another format that staff may have published.
  const view = page.getByRole('button', { name: 'Gweld Your care and support plan', exact: true });
  const plan = page.locator('.app-document').filter({ has: view });
  await expect(plan).toContainText('PDF');
  await expect(plan).toContainText(/Anfonwyd ar \d+ \S+ \d{4}/);
  await plan.getByRole('link', { name: 'Gofyn am fformat arall o Your care and support plan', exact: true }).click();
  await welshPage(page, 'Gofyn am \u201cYour care and support plan\u201d mewn fformat arall');
  await page.getByRole('button', { name: 'Anfon cais' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Dewiswch y fformat rydych ei eisiau');
  await expect(page.getByLabel('Print bras')).toBeVisible();

  // The forms the council sent her.
  await page.getByRole('link', { name: "Eitemau i'w gweld" }).click();
  await page.getByRole('link', { name: 'Dangosfwrdd' }).click();
  await page.getByRole('link', { name: "Eitemau i'w cwblhau" }).click();
  await welshPage(page, "Eitemau i'w cwblhau");
  await expect(page.getByRole('columnheader', { name: 'Cwblhau erbyn' })).toBeVisible();

  // Back to English, for the account as well as this browser.
  await page.getByRole('link', { name: 'English' }).click();
  await expectHeading(page, 'Items to complete');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
