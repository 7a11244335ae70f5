// The council's side, with the demonstration accounts: a GP's referral is triaged by staff and
// the GP sees its new status; a citizen's message is answered by the team; a document staff
// publish is opened by the citizen. axe checks every staff page.
const { execFileSync } = require('node:child_process');
const { test, expect, expectNoAxeViolations, expectHeading } = require('./support');
const { emailContaining } = require('./mail');
const { signIn, signOut } = require('./sign-in');
const { serverEnv, portal } = require('../server-env');

const GP = 'dr.priya.shah@example.org';
const STAFF = 'sam.taylor@example.org';
const EDNA = { first: 'Edna', last: 'Marsh', born: ['14', '2', '1938'], line1: '4 Marsh Lane' };
// The demonstration record of Margaret Okafor has this NHS number.
const MARGARET = { first: 'Margaret', last: 'Okafor', born: ['27', '3', '1941'], line1: '12 Marsh Lane', nhs: '943 476 5919' };
const CITIZEN = 'margaret.okafor@example.org';
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
// A 2 by 2 pixel PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGOQLdgBRAwQCgAhLgUV+SYaPgAAAABJRU5ErkJggg==';

test.beforeAll(() => {
  execFileSync(portal, ['demo-data'], { env: { ...process.env, ...serverEnv }, stdio: 'ignore' });
});

async function next(page) {
  await page.getByRole('button', { name: 'Next' }).click();
}

/** The GP fills in a support enquiry about `person`, up to its check-answers page. */
async function referForSupport(page, person) {
  await page.goto('/forms/support-enquiry');
  await page.getByRole('button', { name: 'Start now' }).click();
  await expectHeading(page, 'Before we go on');
  await page.locator('#urgent-2').check();
  await page.locator('#safeguarding-2').check();
  await next(page);
  await expectHeading(page, 'Your details');
  await page.getByLabel('Your role').fill('GP');
  await page.getByLabel('Your organisation').fill('Marsh Lane Surgery');
  await page.getByLabel('Your phone number').fill('0151 496 0500');
  await next(page);
  await expectHeading(page, 'Who is the assessment for');
  await page.getByLabel('First name').fill(person.first);
  await page.getByLabel('Last name').fill(person.last);
  if (person.nhs) await page.getByLabel('NHS number (if known)').fill(person.nhs);
  await page.locator('#date_of_birth').fill(person.born[0]);
  await page.locator('#date_of_birth-month').fill(person.born[1]);
  await page.locator('#date_of_birth-year').fill(person.born[2]);
  await page.getByLabel('Address line 1').fill(person.line1);
  await page.getByLabel('Town or city').fill('Bootle');
  await page.getByLabel('Postcode').fill('L20 3NJ');
  await page.locator('#communication_needs-2').check();
  await next(page);
  await expectHeading(page, 'Consent');
  await page.locator('#aware').check();
  await page.locator('#consents').check();
  await next(page);
  await expectHeading(page, 'GP and health');
  await page.getByLabel("GP's name").fill('Dr Shah');
  await page.locator('#gp_practice').fill('Marsh Lane Surgery');
  await page.getByLabel('Health conditions').fill('Arthritis; two falls this year.');
  await next(page);
  await expectHeading(page, 'Living and support arrangements');
  await page.getByLabel('Who does the person live with?').fill('Alone');
  await page.locator('#has_carers-2').check();
  await page.locator('#current_services-2').check();
  await next(page);
  await expectHeading(page, 'Needs and risks');
  await page.getByLabel('What does the person need help with?').fill('Washing and dressing.');
  await page.getByLabel('What would the person like to achieve?').fill('To stay at home safely.');
  await next(page);
  await expectHeading(page, 'Check your answers');
}

/** Sends the enquiry from its check-answers page; its reference. */
async function submitReferral(page) {
  await page.getByRole('button', { name: 'Submit' }).click();
  await expectHeading(page, 'Form submitted');
  return (await page.locator('.govuk-panel__body strong').textContent()).trim();
}

test('a GP refers someone, staff triage it with its due date, and the GP sees it accepted', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await signIn(page, GP, 'Your account');

  // The GP sends a support enquiry. The form is loaded for its start page and for the wizard,
  // not again on every Next (that rebuilt the page under someone already typing).
  const formLoads = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/forms/support-enquiry')) formLoads.push(request.url());
  });
  await referForSupport(page, EDNA);
  expect(formLoads.length, 'loads of the form definition across seven pages').toBeLessThanOrEqual(3);
  const reference = await submitReferral(page);
  await signOut(page);

  // Staff find it in the queue with its due date, give it to the team and a worker, accept it.
  await signIn(page, STAFF, 'Your account');
  await page.getByRole('link', { name: 'Council work' }).first().click();
  await expectHeading(page, 'Council work');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Referral queue' }).click();
  await expectHeading(page, 'Referral queue');
  const row = page.locator('tr', { hasText: reference });
  await expect(row).toContainText('Support enquiry');
  await expect(row).toContainText('Received');
  await expect(row.locator('td').nth(1)).toContainText('Edna Marsh');
  await expect(row.locator('td').nth(1)).toContainText('born 14 Feb 1938, L20 3NJ');
  await expect(row.locator('td').nth(3)).toHaveText(/\d{1,2} \w{3} \d{4}/);
  await expectNoAxeViolations(page);
  await page.getByLabel('Status').selectOption({ label: 'Received' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=received/);
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support enquiry');
  // Who it is about comes first, in the identity bar; the answers are under their pages.
  await expect(page.locator('.moj-identity-bar')).toContainText('Edna Marsh');
  await expect(page.locator('.moj-identity-bar')).toContainText(reference);
  await expect(page.getByRole('heading', { name: 'Who is the assessment for' })).toBeVisible();
  await expect(page.getByText('Edna', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save change' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Team').selectOption({ label: 'Adult Social Care Contact Centre' });
  await page.getByLabel('Worker').selectOption({ label: 'Sam Taylor' });
  await page.getByLabel('Status').selectOption({ label: 'Accepted' });
  await page.getByLabel('Note (optional)').fill('Assessment booked for next week.');
  await page.getByRole('button', { name: 'Save change' }).click();
  await expect(page.getByText('The change has been saved.')).toBeVisible();
  const history = page.locator('.moj-timeline');
  await expect(history).toContainText('Status: Accepted');
  await expect(history).toContainText('Worker: Sam Taylor');
  await expect(history).toContainText('Assessment booked for next week.');
  await expectNoAxeViolations(page);

  // The reference finds the referral from Find a person too.
  await page.goto('/staff/people');
  await page.getByLabel('Name, NHS number, date of birth, postcode or reference').fill(reference.toLowerCase());
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: `${reference} Support enquiry` }).click();
  await expect(page.locator('.moj-identity-bar')).toContainText(reference);

  // The council holds no record of Edna: staff start one from the referral, in one step.
  await expect(page.getByRole('heading', { name: 'Who it is about' })).toBeVisible();
  await expect(page.getByText('The referral says: Edna Marsh, born 14 Feb 1938, postcode L20 3NJ.')).toBeVisible();
  await expect(page.getByText('No record the council holds has the same NHS number')).toBeVisible();
  await page.getByRole('button', { name: 'Create a new record from this referral' }).click();
  await page.getByRole('link', { name: "the person's record" }).click();
  await expectHeading(page, 'Edna Marsh');
  await expect(page.locator('li', { hasText: reference })).toContainText('Accepted');
  await expectNoAxeViolations(page);
  await signOut(page);

  // The GP is told, and sees the new status in their account.
  await emailContaining(GP, 0, reference);
  await signIn(page, GP, 'Your account');
  const submitted = page.getByRole('table', { name: 'Forms submitted in the last 30 days' });
  await expect(submitted.locator('tr', { hasText: reference })).toContainText('Accepted');
});

/** A number in a cell of the overview's tables, or 0 when the row is not there yet. */
async function cellNumber(row, index) {
  return (await row.count()) ? Number(await row.locator('td').nth(index).textContent()) : 0;
}

test('staff see a new referral counted in the overview, take it, find it as theirs, sort the queue and download it as CSV', async ({ page, consoleErrors }) => {
  test.setTimeout(150_000);
  const RUTH = { first: 'Ruth', last: 'Ellis', born: ['9', '6', '1950'], line1: '7 Marsh Lane' };
  const weekly = page.getByRole('table', { name: 'Received each week, last 12 weeks, by form' });
  const thisWeek = weekly.locator('tbody tr').last().locator('td').last();
  const centre = page.getByRole('table', { name: 'Open and overdue, by team' })
    .getByRole('row', { name: /Adult Social Care Contact Centre/ });
  await signIn(page, STAFF, 'Your account');
  await page.goto('/staff');
  await expectHeading(page, 'Council work');
  await expect(weekly).toBeVisible();
  const receivedBefore = Number(await thisWeek.textContent());
  const openBefore = await cellNumber(centre, 0);
  await signOut(page);

  await signIn(page, GP, 'Your account');
  await referForSupport(page, RUTH);
  const reference = await submitReferral(page);
  await signOut(page);

  // The overview counts it: this week's arrivals and the contact centre's open work.
  await signIn(page, STAFF, 'Your account');
  await page.goto('/staff');
  await expect(thisWeek).toHaveText(String(receivedBefore + 1));
  expect(await cellNumber(centre, 0)).toBe(openBefore + 1);
  await expect(page.getByRole('img', { name: /Received each week/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Open work by team/ })).toBeVisible();
  await expectNoAxeViolations(page);
  // Narrowed to a team with none of it.
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Deprivation of Liberty Safeguards' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(centre).toHaveCount(0);

  // Sam takes it.
  await page.getByRole('link', { name: 'Referral queue' }).click();
  const row = page.locator('tr', { hasText: reference });
  await expect(row).toContainText('Ruth Ellis');
  await expect(row).toContainText('born 9 Jun 1950');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.locator('.moj-identity-bar')).toContainText('Ruth Ellis');
  await page.getByLabel('Worker').selectOption({ label: 'Sam Taylor' });
  await page.getByRole('button', { name: 'Save change' }).click();
  await expect(page.getByText('The change has been saved.')).toBeVisible();

  // "Assigned to me", newest first: it leads, and every row is Sam's.
  await page.getByRole('link', { name: 'Referral queue' }).click();
  await expectHeading(page, 'Referral queue');
  await page.getByLabel('Assigned to me').check();
  await page.getByLabel('Sort by').selectOption({ label: 'Received, newest first' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/mine=true/);
  await expect(page).toHaveURL(/sort=received/);
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toContainText(reference);
  for (const worker of await rows.locator('td:nth-child(7)').allTextContents()) {
    expect(worker).toBe('Sam Taylor');
  }
  await expectNoAxeViolations(page);

  // The same rows as a CSV file.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('referral-queue.csv');
  const lines = require('node:fs').readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('Reference,Form,Received,Due,Overdue,Status,Team,Worker,Sent by,About,Date of birth,Postcode,Record');
  expect(lines[1]).toContain(reference);
  expect(lines[1]).toContain('Ruth Ellis,1950-06-09,L20 3NJ');
  expect(lines.length).toBe(await rows.count() + 1);
  await signOut(page);
});

test('a referral about someone the council knows is matched to her record by NHS number and linked', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await signIn(page, GP, 'Your account');
  await referForSupport(page, MARGARET);
  const reference = await submitReferral(page);
  await signOut(page);

  await signIn(page, STAFF, 'Your account');
  await page.goto('/staff/referrals');
  await page.getByRole('link', { name: reference }).click();
  const records = page.getByRole('table', { name: 'Records that may be this person' });
  const margaret = records.getByRole('row', { name: /Margaret Okafor/ });
  await expect(margaret).toContainText('Same NHS number');
  await expect(margaret).toContainText('27 Mar 1941');
  await expectNoAxeViolations(page);
  await margaret.getByRole('button', { name: 'Link to this record of Margaret Okafor' }).click();
  await expect(page.getByText('The change has been saved.')).toBeVisible();
  await page.getByRole('link', { name: "the person's record" }).click();
  await expectHeading(page, 'Margaret Okafor');
  await expect(page.getByText('943 476 5919')).toBeVisible();
  await expect(page.locator('li', { hasText: reference })).toContainText('Received');
  await expectNoAxeViolations(page);
  await signOut(page);
});

test('a citizen writes, the team answers as the team, and the citizen reads the reply', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await signIn(page, CITIZEN, 'Your care records');
  await page.getByRole('link', { name: 'Margaret Okafor', exact: true }).click();
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: 'New message' }).click();
  await page.getByLabel('Message type').selectOption({ label: 'General enquiry' });
  await page.getByLabel('Subject').fill('Bathroom grab rail');
  await page.getByLabel('Message', { exact: true }).fill('The grab rail in the bathroom is loose.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expectHeading(page, 'Sent messages');
  await signOut(page);

  await signIn(page, STAFF, 'Your account');
  await page.goto('/staff/messages');
  await expectHeading(page, 'Team messages');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Adult Social Care Contact Centre' }).click();
  const thread = page.locator('tr', { hasText: 'Bathroom grab rail' });
  await expect(thread).toHaveClass(/app-unread/);
  await expectNoAxeViolations(page);
  await thread.getByRole('link', { name: 'Bathroom grab rail' }).click();
  await expectHeading(page, 'Bathroom grab rail');
  await expect(page.locator('.app-message__body', { hasText: 'The grab rail in the bathroom is loose.' })).toBeVisible();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Reply as Adult Social Care Contact Centre').fill('An occupational therapist will visit on Thursday to fix it.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.app-message')).toHaveCount(2);
  await signOut(page);

  await signIn(page, CITIZEN, 'Your care records');
  await page.getByRole('link', { name: 'Margaret Okafor', exact: true }).click();
  await page.getByRole('link', { name: 'Messages' }).click();
  const reply = page.locator('tr', { hasText: 'Bathroom grab rail' });
  await expect(reply).toHaveClass(/app-unread/);
  await reply.getByRole('link', { name: 'Bathroom grab rail' }).click();
  await expect(page.locator('.app-message__body', { hasText: 'An occupational therapist will visit on Thursday' })).toBeVisible();
});

test('staff publish a document to a record and the citizen opens it; the citizen sees who looked', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await signIn(page, STAFF, 'Your account');
  await page.goto('/staff/people');
  await expectHeading(page, 'Find a person');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  // Found by her NHS number as people write it, by her date of birth, and by part of her name.
  const find = page.getByLabel('Name, NHS number, date of birth, postcode or reference');
  await find.fill('943 476 5919');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('table', { name: 'People found' }).getByRole('link', { name: 'Margaret Okafor' })).toBeVisible();
  await find.fill('27/3/1941');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=27/);
  await expect(page.getByRole('table', { name: 'People found' }).getByRole('link', { name: 'Margaret Okafor' })).toBeVisible();
  await find.fill('oka');
  await page.getByRole('button', { name: 'Search' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Margaret Okafor' }).click();
  await expectHeading(page, 'Margaret Okafor');
  await expectNoAxeViolations(page);
  await page.getByLabel('Title').fill('Occupational therapy visit');
  await page.getByLabel('File').setInputFiles({ name: 'ot-visit.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('“Occupational therapy visit” is in their Items to view.')).toBeVisible();
  const published = page.locator('tr', { hasText: 'Occupational therapy visit' });
  await expect(published).toContainText('Not yet');
  await expectNoAxeViolations(page);
  // Staff can check what they sent; that is not the person opening it.
  const checking = page.context().waitForEvent('page');
  await published.getByRole('button', { name: /^Occupational therapy visit/ }).click();
  const tab = await checking;
  expect(tab.url()).toMatch(/^blob:/);
  await tab.close();
  await page.reload();
  await expect(page.locator('tr', { hasText: 'Occupational therapy visit' })).toContainText('Not yet');
  // A photo too: images are shown on a page of the portal's own.
  await page.getByLabel('Title').fill('Photo of the ramp');
  await page.getByLabel('File').setInputFiles({ name: 'ramp.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('“Photo of the ramp” is in their Items to view.')).toBeVisible();
  await signOut(page);

  await signIn(page, CITIZEN, 'Your care records');
  await page.getByRole('link', { name: 'Margaret Okafor', exact: true }).click();
  await page.getByRole('link', { name: 'Items to view' }).click();
  const item = page.locator('.app-document', { hasText: 'Occupational therapy visit' });
  await expect(item).toHaveClass(/app-unread/);
  const popup = page.context().waitForEvent('page');
  await item.getByRole('button', { name: 'View Occupational therapy visit' }).click();
  await (await popup).close();
  await expect(item).not.toHaveClass(/app-unread/);
  // The photo opens in a tab of its own, titled, with nothing refused by the security policy.
  const photo = page.locator('.app-document', { hasText: 'Photo of the ramp' });
  const opening = page.context().waitForEvent('page');
  await photo.getByRole('button', { name: 'View Photo of the ramp' }).click();
  const photoTab = await opening;
  const photoErrors = [];
  photoTab.on('console', (message) => { if (message.type() === 'error') photoErrors.push(message.text()); });
  await expect(photoTab.getByRole('img', { name: 'Photo of the ramp' })).toBeVisible();
  expect(await photoTab.getByRole('img').evaluate((img) => img.naturalWidth)).toBe(2);
  await expect(photoTab).toHaveTitle('Photo of the ramp');
  expect(photoErrors).toEqual([]);
  await photoTab.close();
  // Printing it puts it on the print frame's own page, loaded, then prints (the dialog is
  // recorded with what the frame held, not shown), then the frame goes.
  await page.context().addInitScript(() => {
    window.print = () => {
      const image = document.querySelector('img');
      window.top.printed = (window.top.printed || []).concat(`${image ? image.alt : document.URL} ${image ? image.naturalWidth : 0}`);
    };
  });
  await photo.getByRole('button', { name: /^Print/ }).click();
  await expect.poll(() => page.evaluate(() => window.printed || [])).toEqual(['Photo of the ramp 2']);
  await expect(page.locator('#app-print-frame')).toHaveCount(0);

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('link', { name: 'Details' }).click();
  await page.getByRole('link', { name: 'See who at the council has opened this record' }).click();
  await expectHeading(page, 'Who has looked at this record');
  await expect(page.locator('tr', { hasText: 'Sam Taylor' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a citizen asks for her care plan in large print, the team publishes it in answer and she sees it ready', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  const REQUEST = 'Large print: Your care and support plan';
  await signIn(page, CITIZEN, 'Your care records');
  await page.getByRole('link', { name: 'Margaret Okafor', exact: true }).click();
  await page.getByRole('link', { name: 'Items to view' }).click();
  const plan = page.locator('.app-document', { hasText: 'Your care and support plan' }).first();
  await plan.getByRole('link', { name: 'Ask for another format of Your care and support plan' }).click();
  await expectHeading(page, 'Ask for “Your care and support plan” in another format');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  // Another language asks which.
  await page.getByLabel('Another language').check();
  await expect(page.getByLabel('Which language?')).toBeVisible();
  await page.getByLabel('Large print').check();
  await expect(page.getByLabel('Which language?')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expectHeading(page, 'Items to view');
  await expect(page.getByText('We have your request.')).toBeVisible();
  const asked = page.locator('li', { hasText: REQUEST });
  await expect(asked).toContainText('Being made');
  await expectNoAxeViolations(page);
  await signOut(page);

  // The team has it as a conversation, and on the record, waiting.
  await signIn(page, STAFF, 'Your account');
  await page.goto('/staff/messages');
  await page.getByRole('link', { name: 'Adult Social Care Contact Centre' }).click();
  await expect(page.locator('tr', { hasText: REQUEST })).toBeVisible();
  await page.goto('/staff/people');
  await page.getByLabel('Name, NHS number, date of birth, postcode or reference').fill('oka');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Margaret Okafor' }).click();
  await expectHeading(page, 'Margaret Okafor');
  const waiting = page.locator('li', { hasText: REQUEST }).filter({ hasText: 'asked by' });
  await expect(waiting).toContainText('Waiting');
  await page.getByLabel('Title').fill('Your care and support plan (large print)');
  await page.getByLabel('File').setInputFiles({ name: 'plan-large-print.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
  await page.getByLabel('In answer to a request for another format (optional)').selectOption({ label: REQUEST });
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('“Your care and support plan (large print)” is in their Items to view.')).toBeVisible();
  await expect(waiting).toContainText('Answered');
  await expectNoAxeViolations(page);
  await signOut(page);

  // Margaret sees it ready, with the new version in her list.
  await signIn(page, CITIZEN, 'Your care records');
  await page.getByRole('link', { name: 'Margaret Okafor', exact: true }).click();
  await page.getByRole('link', { name: 'Items to view' }).click();
  await expect(asked).toContainText('Ready');
  await expect(asked).toContainText('The new version is “Your care and support plan (large print)”');
  await expect(page.locator('.app-document', { hasText: 'Your care and support plan (large print)' })).toContainText('New');
  await expectNoAxeViolations(page);
  await signOut(page);
});

test('the audit log shows administrators what staff did, by day, and downloads as CSV', async ({ page, consoleErrors }) => {
  await signIn(page, 'alex.morgan@example.org', 'Your account');
  await page.goto('/staff/audit');
  await expectHeading(page, 'Audit log');
  await expect(page.locator('tr', { hasText: 'Sam Taylor' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // Today's entries; none from tomorrow.
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
  await page.getByLabel('From (optional)').fill(day(0));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${day(0)}`));
  await expect(page.locator('tr', { hasText: 'Sam Taylor' }).first()).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('audit-log.csv');
  const lines = require('node:fs').readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe("When (UTC),Who,Who's id,Did,To,Record id,Person id");
  expect(lines.some((line) => line.includes('Sam Taylor'))).toBe(true);
  await page.getByLabel('From (optional)').fill(day(1));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('staff create a record, invite someone to it, send a form and record a worker; every page passes axe', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await signIn(page, 'alex.morgan@example.org', 'Your account');
  await page.goto('/staff/people');
  await page.getByRole('link', { name: 'Create a record' }).click();
  await expectHeading(page, 'Create a record');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('First name').fill('Edna');
  await page.getByLabel('Last name').fill('Marsh');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expectHeading(page, 'Edna Marsh');

  await page.getByRole('link', { name: 'Give someone access' }).click();
  await expectHeading(page, 'Give someone access');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Their email address').fill('edna.marsh@example.org');
  await page.getByLabel('Someone who looks after them (a proxy)').check();
  await page.getByLabel('On what basis').selectOption({ label: 'Deputyship' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expectHeading(page, 'Edna Marsh');
  await expect(page.getByText('edna.marsh@example.org — proxy, deputyship — waiting')).toBeVisible();
  // Sent to the wrong address: withdrawn before anyone can accept it.
  // Withdrawing asks first; "Cancel" leaves it be.
  await page.getByRole('button', { name: 'Withdraw the invitation to edna.marsh@example.org' }).click();
  await expect(page.getByText('The invitation to edna.marsh@example.org will stop working.')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Cancel the invitation to edna.marsh@example.org' }).click();
  await expect(page.getByText('edna.marsh@example.org — proxy, deputyship — waiting')).toBeVisible();
  await page.getByRole('button', { name: 'Withdraw the invitation to edna.marsh@example.org' }).click();
  await page.getByRole('button', { name: 'Yes, withdraw the invitation to edna.marsh@example.org' }).click();
  await expect(page.getByText('edna.marsh@example.org — proxy, deputyship — withdrawn')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Send a form to complete' }).click();
  await expectHeading(page, 'Send a form to complete');
  await page.getByRole('button', { name: 'Send form' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Financial assessment' });
  await page.getByLabel('From').selectOption({ label: 'Financial Assessments' });
  const due = new Date(Date.now() + 14 * 24 * 3600 * 1000);
  await page.locator('#due_on').fill(String(due.getDate()));
  await page.locator('#due_on-month').fill(String(due.getMonth() + 1));
  await page.locator('#due_on-year').fill(String(due.getFullYear()));
  await page.getByRole('button', { name: 'Send form' }).click();
  await expectHeading(page, 'Edna Marsh');
  await expect(page.getByText(/Financial assessment from Financial Assessments, due .* Not started/)).toBeVisible();

  await page.getByRole('link', { name: 'Record a professional working with them' }).click();
  await expectHeading(page, 'Record a professional working with them');
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Name').fill('Jo Bright');
  await page.getByLabel('Role').fill('Social worker');
  await page.getByLabel('Team', { exact: true }).fill('Bootle locality team');
  await page.getByLabel('Phone number').fill('0151 496 0456');
  await page.locator('#since').fill('2');
  await page.locator('#since-month').fill('11');
  await page.locator('#since-year').fill('2026');
  await page.getByRole('button', { name: 'Record' }).click();
  await expectHeading(page, 'Edna Marsh');
  await expect(page.getByText(/Jo Bright, Social worker/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Change details' }).click();
  await expectHeading(page, 'Change details');
  await expect(page.getByLabel('First name')).toHaveValue('Edna');
  await page.getByLabel('Mobile phone (optional)').fill('07700 900 123');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save details' }).click();
  await expectHeading(page, 'Edna Marsh');
  await expect(page.getByText('07700 900 123')).toBeVisible();

  await page.goto('/staff/accounts');
  await expectHeading(page, 'Staff accounts');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Add a member of staff' }).click();
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('First name').fill('Kim');
  await page.getByLabel('Last name').fill('Lee');
  await page.getByLabel('Work email address').fill('kim.lee@example.org');
  await page.getByRole('button', { name: 'Add' }).click();
  await expectHeading(page, 'Kim Lee');
  await page.getByLabel('Occupational Therapy').check();
  await page.getByRole('button', { name: 'Save teams' }).click();
  await expectHeading(page, 'Staff accounts');
  await expect(page.locator('tr', { hasText: 'Kim Lee' })).toContainText('Occupational Therapy');
  await page.getByRole('link', { name: 'Sam Taylor' }).click();
  await expectHeading(page, 'Sam Taylor');
  await expectNoAxeViolations(page);
});

test('someone the council invites to a record accepts it in their account and sees the record', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await signIn(page, STAFF, 'Your account');
  await page.goto('/staff/people');
  await page.getByRole('link', { name: 'Create a record' }).click();
  await page.getByLabel('First name').fill('Frank');
  await page.getByLabel('Last name').fill('Hill');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expectHeading(page, 'Frank Hill');
  await page.getByRole('link', { name: 'Give someone access' }).click();
  await page.getByLabel('Their email address').fill(CITIZEN);
  await page.getByLabel('Someone who looks after them (a proxy)').check();
  await page.getByLabel('On what basis').selectOption({ label: "The person's consent" });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expectHeading(page, 'Frank Hill');
  await expect(page.getByText(`${CITIZEN} — proxy, consent — waiting`)).toBeVisible();
  await signOut(page);

  // The invitation waits in Margaret's account until she answers it.
  await signIn(page, CITIZEN, 'Your care records');
  await expect(page.getByText("The council has invited you to see Frank Hill's care record")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: "Accept the invitation to Frank Hill's record" }).click();
  await expectHeading(page, 'Dashboard');
  await expect(page.locator('.govuk-caption-l')).toHaveText("Frank Hill's record");
  await expect(page.getByText('You look after them, with their consent')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/account');
  await expectHeading(page, 'Your account');
  await expect(page.getByText('The council has invited you')).toHaveCount(0);
});

test('staff import people from a spreadsheet, correcting the rows it refused first', async ({ page, consoleErrors }) => {
  await signIn(page, STAFF, 'Your account');
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Import records' }).click();
  await expectHeading(page, 'Import records');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);

  const run = Date.now();
  const csv = (birth) => Buffer.from(
    'council_reference,forename,surname,date_of_birth,postcode,address_line1,town\n'
    + `IMP-${run}-1,Winifred,Quarry${run},${birth},L20 4AB,9 Dock Road,Bootle\n`
    + `IMP-${run}-2,Albert,Quarry${run},30/07/1941,,,\n`,
  );
  await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: csv('31/02/1940') });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expect(page.locator('.govuk-error-summary')).toContainText('1 of 2 rows need correcting');
  const refused = page.locator('table', { hasText: 'Rows to correct' });
  await expect(refused.locator('tbody tr')).toHaveCount(1);
  await expect(refused.locator('tbody tr')).toContainText('2date_of_birth');
  await expectNoAxeViolations(page);
  // The browser logs the server's 422 for the refused file: expected here.
  const answered = consoleErrors.findIndex((text) => text.includes('422'));
  expect(answered).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(answered, 1);

  await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: csv('28/02/1940') });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('2 people imported')).toBeVisible();
  await expect(page.locator('table', { hasText: 'Rows to correct' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Find a person' }).click();
  await expectHeading(page, 'Find a person');
});

test('an administrator adds a machine client and a webhook endpoint, each secret shown once', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await signIn(page, 'alex.morgan@example.org', 'Your account');
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Integrations' }).click();
  await expectHeading(page, 'Integrations');
  await expectNoAxeViolations(page);

  // A client needs a name and at least one scope; the summary says so and takes the focus.
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expect(page.locator('.govuk-error-summary')).toContainText('Give the client a name');
  await expectNoAxeViolations(page);
  await page.getByLabel('Name').fill('Case management system');
  await page.getByLabel('submissions:read').check();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('The secret for Case management system');
  await expect(page.locator('.govuk-notification-banner')).toBeFocused();
  const clientId = (await page.locator('.app-secret').nth(0).textContent()).trim();
  const firstSecret = (await page.locator('.app-secret').nth(1).textContent()).trim();
  await expect(page.locator('tr', { hasText: 'Case management system' })).toContainText('submissions:read');
  await expectNoAxeViolations(page);

  // The secret shown is the one that works; a new secret replaces it, and revoking ends both.
  const token = (secret) => page.request.post('/api/v1/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
  });
  expect((await token(firstSecret)).status()).toBe(200);
  await page.getByRole('button', { name: 'New secret for Case management system' }).click();
  await expect(page.locator('.app-secret').nth(1)).not.toHaveText(firstSecret);
  const secondSecret = (await page.locator('.app-secret').nth(1).textContent()).trim();
  expect((await token(firstSecret)).status()).toBe(401);
  expect((await token(secondSecret)).status()).toBe(200);
  await page.getByRole('button', { name: 'Revoke for Case management system' }).click();
  await expect(page.locator('tr', { hasText: 'Case management system' })).toContainText('Revoked');
  await expect(page.locator('.govuk-notification-banner')).toHaveCount(0);
  expect((await token(secondSecret)).status()).toBe(401);

  // A webhook endpoint: HTTPS (or this machine), and the events it is told of. Nothing listens
  // on port 9, so each delivery waits to be tried again.
  await page.getByLabel('Address').fill('http://127.0.0.1:9/portal-events');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await page.getByLabel('message.received').check();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('The secret for http://127.0.0.1:9/portal-events');
  await expect(page.locator('.app-secret').nth(1)).toHaveText(/^whsec_/);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Deliveries to http://127.0.0.1:9/portal-events' }).click();
  await expectHeading(page, 'Deliveries');
  await expect(page.getByText('Nothing has been sent to this endpoint yet.')).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // Margaret writes to the council: the endpoint is told, and the administrator sees the try.
  await signIn(page, CITIZEN, 'Your care records');
  await page.getByRole('link', { name: 'Margaret Okafor', exact: true }).click();
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: 'New message' }).click();
  await page.getByLabel('Message type').selectOption({ index: 1 });
  await page.getByLabel('Subject').fill('Hospital appointment');
  await page.getByLabel('Message', { exact: true }).fill('I have a hospital appointment on Tuesday.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expectHeading(page, 'Sent messages');
  await signOut(page);
  await signIn(page, 'alex.morgan@example.org', 'Your account');
  await page.goto('/staff/integrations');
  await page.getByRole('link', { name: 'Deliveries to http://127.0.0.1:9/portal-events' }).click();
  await expectHeading(page, 'Deliveries');
  const delivery = page.locator('tbody tr', { hasText: 'message.received' });
  await expect(delivery).toHaveCount(1);
  await expect(delivery).toContainText(/pending|failed/);
  await expectNoAxeViolations(page);
  await delivery.getByRole('button', { name: /^Send again/ }).click();
  await expect(page.getByText('The event is being sent again, as a new delivery.')).toBeVisible();
  await expect(page.locator('tbody tr', { hasText: 'message.received' })).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Integrations' }).click();
  await page.getByRole('button', { name: 'Stop sending to http://127.0.0.1:9/portal-events' }).click();
  await expect(page.locator('tr', { hasText: 'http://127.0.0.1:9/portal-events' })).toContainText('Stopped');
});

test('an administrator sees what email and webhook deliveries wait or were given up on', async ({ page, consoleErrors }) => {
  await signIn(page, 'alex.morgan@example.org', 'Your account');
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Operations' }).click();
  await expectHeading(page, 'Operations');
  await expect(page.locator('.govuk-summary-list')).toContainText('Emails waiting to be sent');
  await expect(page.locator('.govuk-summary-list')).toContainText('Webhook deliveries given up on');
  await expect(page.getByText('No email has been given up on.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an administrator previews a form definition: its mistakes by line, then the form to try, nothing published', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await signIn(page, 'alex.morgan@example.org', 'Your account');
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Preview a form' }).click();
  await expectHeading(page, 'Preview a form');
  await expectNoAxeViolations(page);

  const definition = {
    id: 'home-visit-request', version: 1, title: 'Home visit request', audience: 'professional',
    summary: 'Ask for a home visit.', before_you_start: [{ paragraph: 'Phone {council.phone_numbers.contact_centre} if it cannot wait.' }],
    pages: [{ id: 'visit', title: 'The visit', questions: [
      { id: 'has_key_safe', label: 'Is there a key safe?', type: 'yes_no', required: true },
      { id: 'key_safe_code', label: 'Key safe code', type: 'text', required: true, council_only: true,
        shown_when: { equals: { question: 'has_key_safe', value: 'Yes' } } },
    ] }],
  };
  const text = JSON.stringify(definition, null, 2);
  const line = text.split('\n').findIndex((l) => l.includes('"id": "key_safe_code"')) + 1;
  await page.getByLabel('Form definition').fill(text);
  await page.getByRole('button', { name: 'Check and preview' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(`line ${line}: question "key_safe_code" compares "has_key_safe" with "Yes", which it can never be`);
  await expectNoAxeViolations(page);

  definition.pages[0].questions[1].shown_when.equals.value = 'yes';
  await page.getByLabel('Form definition').fill(JSON.stringify(definition, null, 2));
  await page.getByRole('button', { name: 'Check and preview' }).click();
  await expect(page.getByText('Phone 0113 496 0000 if it cannot wait.')).toBeVisible();
  // The question shows as the answer that reveals it is given, and Check the answers says what is missing.
  await expect(page.getByLabel(/^Key safe code/)).toHaveCount(0);
  await page.locator('#has_key_safe').check();
  await expect(page.getByLabel(/^Key safe code/)).toBeVisible();
  await page.getByRole('button', { name: 'Check the answers' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter key safe code');
  await expectNoAxeViolations(page);

  const published = await page.request.get('/api/v1/forms/home-visit-request');
  expect(published.status()).toBe(404);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((text) => !text.includes('422')));
});
