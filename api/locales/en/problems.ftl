# The words of the API's problem answers (application/problem+json): each problem's title and
# detail, and the field messages the server writes itself (the ones the browser also checks are
# in shared::api's `_in` functions and the form engine's phrases). A request is answered in
# the language its Accept-Language asks for, English by default; the Welsh is in
# ../cy/problems.ftl, key for key. The English is what integrators and tests read: change it
# only with them. A problem's `code` is never worded.

## Each kind of problem: its title, and its detail when it has one

problem-validation-failed-title = Some answers need correcting
problem-validation-failed-detail = Check the fields listed in errors.
problem-malformed-body-title = The request could not be read
problem-payload-too-large-title = The request body is too large
problem-payload-too-large-detail = Send a body of at most { $limit } bytes.
problem-unsupported-media-type-title = The request body is not of the right type
problem-unsupported-media-type-detail = Send Content-Type: { $expected }.
problem-import-rejected-title = Some rows need correcting
problem-import-rejected-detail = { $rejected } of { $rows } rows need correcting, listed in errors; nothing was imported.
problem-not-signed-in-title = You need to sign in
problem-not-signed-in-detail = Sign in, or sign in again if your session ended.
problem-invalid-credentials-title = Enter a correct email address and password
problem-invalid-client-title = The client id and secret do not match
problem-invalid-client-detail = Check the client id and secret; an administrator may have rotated or revoked them.
problem-forbidden-title = You do not have access to this
problem-forbidden-detail = This is for another role, or needs a scope this client does not hold.
problem-too-many-attempts-title = Too many attempts
problem-too-many-attempts-detail = For your security, wait until { $until } and try again.
problem-not-found-title = Page not found
problem-conflict-title = This has changed since you last saw it
problem-method-not-allowed-title = Method not allowed
problem-method-not-allowed-detail = This path takes { $allow }.
problem-service-unavailable-title = Sorry, the service is unavailable
problem-internal-error-title = Sorry, there is a problem with the service
problem-try-again-later = Try again later.

## Accounts: signing in, registering, emailed codes, passwords and email addresses

code-not-correct = The code is not correct. Check the email and try again
code-expired = The code has expired. Select 'send a new code' to get another
code-tried-too-often = You have entered a wrong code too many times. Select 'send a new code' to get another
password-not-correct = Your password is not correct
current-password-not-correct = Your current password is not correct
password-too-easy-to-guess = This password is too easy to guess: it is too like passwords that have been stolen and published. Try three or four random words together
email-now-in-use = That email address is now in use by another account
bot-check-failed = The check that you are not a robot did not work. Reload the page and try again

## Staff accounts and teams

staff-email-in-use = An account with this email address already exists
staff-own-account = You cannot switch off your own account
staff-unknown-teams = These are not teams of the council: { $teams }

## Forms, drafts, items sent to people, and the files attached to them

form-not-published = Choose a form that the council publishes
form-sent-by-the-council = This form is sent by the council to complete from a person's record; it cannot be started here
form-not-for-people = Choose a form that the council sends people to complete
form-ends-early = These answers end the form at “{ $page }”, so it cannot be sent
form-key-reused = This Idempotency-Key was already used to send a different form. Use a new key for each form.
draft-saved-since = This form was saved again (version { $saved }) after the copy you changed (version { $seen }). Reload it to see the latest answers.
item-saved-since = This form was saved again (version { $saved }) after the copy you changed (version { $seen }), perhaps by someone else who can see this record. Reload it to see the latest answers.
item-already-sent = This form has already been sent to the council, so it cannot be changed. Send a message if something in it was wrong.
item-choose-team = Choose one of the council's teams
upload-again = Upload the file for { $question } again
upload-of-type = { $question } must be a { $types }
upload-too-large = { $question } must be smaller than { $megabytes } MB
file-without-name = Give the file a name
file-empty = The selected file is empty
file-not-accepted = The selected file must be a PDF, JPG or PNG
file-not-what-it-says = The selected file is not what its name says it is. Choose a real PDF, JPG or PNG
file-runs-something = The selected PDF contains a script or a program, which the council cannot open. Save it as a plain PDF (print it to PDF) and choose that

## The citizen record: people, messages and documents

person-no-public-account = No portal account for the public has this email address
search-date-or-nhs-number = Enter a real date of birth, like 27/3/1941, or an NHS number of 10 digits
search-what-to-enter = Enter a name, an NHS number, a date of birth or a postcode
messages-choose-box = Choose inbox or sent
messages-reply-in-conversation = Reply to a message of this conversation
messages-choose-listed-type = Select a message type from the list
document-title-needed = Give the document a title of 200 characters or fewer
format-request-answered = This request has been answered already

## The council's operations and audit log

email-carried-a-code = This email carried a one-time code, which has expired. The person asks for a new code instead.
audit-end-before-start = The end date must be the same as or after the start date
