# The words of every email the portal sends. Each email's templates (api/templates/email/<name>/)
# hold only its layout and ask for these by key; the Welsh is in ../cy/emails.ftl, key for key.

## Said in every email

hello = Hello { $forename },
hello-anyone = Hello,
footer = This email was sent by { $council }. If you need support urgently, call { $phone }.
footer-urgent = If you need support urgently, call { $phone }.
no-reply = Do not reply to this email: nobody reads replies.
privacy-no-repeat = For your privacy this email does not repeat what you told us.

## Moments, as people in the UK read them: "1 December 2026 at 2:05pm (GMT)" (the months are
## the form engine's, shared::forms::long_date_in)

date-time = { $date } at { $time } ({ $zone })
morning = am
afternoon = pm

## Where a form has got to

status-received = Received
status-in_review = In review
status-accepted = Accepted
status-declined = Declined
status-more_information_needed = More information needed

## account_exists

account-exists-subject = Someone tried to register with your email address
account-exists-tried = Someone tried to register for { $service } with this email address, but you already have an account.
account-exists-sign-in = If it was you, sign in instead. If you have forgotten your password, use ‘Forgotten password?’ on the sign-in page.
account-exists-not-you = If it was not you, you can ignore this email: nothing has changed.

## document_published

document-published-subject = You have a new document from { $council }
document-published-new = There is a new document in your { $service } account, under Items to view.
document-published-sign-in = For your privacy we do not put documents in emails. Sign in to read it:

## draft_expiring

draft-expiring-subject = Your saved form will be deleted on { $expires }
draft-expiring-saved = You saved a { $form_title } for later. We keep saved forms for 30 days after they were last saved, so this one will be deleted on { $expires }.
draft-expiring-keep = To keep it, sign in and continue the form, or submit it:
draft-expiring-not-sent = The council has not received this form: nothing is sent until you submit it.

## email_change_code

email-change-code-subject = Confirm your new email address for { $service }
email-change-code-is = Your code to confirm this as the email address of your { $service } account is
email-change-code-lasts = The code works for 20 minutes. If you did not ask for this, you can ignore this email.

## email_changed

email-changed-subject = The email address of your { $service } account has changed
email-changed-when = The email address of your { $service } account was changed on { $when } to { $new_email }. We will not send emails to this address any more.
email-changed-not-you = If you did not change it, call { $phone } straight away.

## item_to_complete

item-to-complete-subject = You have a form to complete from { $council }
item-to-complete-sent = The council has sent a form to complete in your { $service } account. You will find it under Items to complete.
item-to-complete-sign-in = For your privacy we do not put details in emails. Sign in to see it:

## link_invitation

link-invitation-subject = You are invited to see a care record with { $council }
link-invitation-invited = { $council } has invited you to see a care record in your { $service } account.
link-invitation-accept = To accept, sign in with this email address (or register with it if you have no account), then choose Accept under “Invitations” in your account:
link-invitation-lasts = The invitation lasts until { $expires }. If you were not expecting it, you can ignore this email, or call us to ask about it.
link-invitation-privacy = For your privacy this email does not say whose record it is.

## message_waiting

message-waiting-subject = You have a new message from { $council }
message-waiting-new = You have a new message in your { $service } account.
message-waiting-sign-in = For your privacy we do not put messages in emails. Sign in to read it:

## password_changed

password-changed-subject = Your password for { $service } has changed
password-changed-when = The password of your { $service } account was changed on { $when }.
password-changed-not-you = If you did not change it, reset your password now and call { $phone }.

## password_reset

password-reset-subject = Reset your password for { $service }
password-reset-is = Your code to reset your password is
password-reset-lasts = The code works for 20 minutes. When you reset your password you will be signed out everywhere.
password-reset-not-you = If you did not ask to reset your password, you can ignore this email: your password has not changed.

## sign_in_code

sign-in-code-subject = Your sign-in code for { $service }
sign-in-code-is = Your sign-in code is
sign-in-code-lasts = The code works for 10 minutes.
sign-in-code-not-you = If you did not try to sign in, someone may know your password: change it as soon as you can.

## staff_invitation

staff-invitation-subject = You have a { $service } staff account
staff-invitation-given = An administrator has given you { $role ->
        [administrator] an administrator
       *[staff] a staff
    } account on { $service }.
staff-invitation-password = To set your password, go to the sign-in page, select ‘Forgotten password?’ and enter this email address. We will send you a code.

## status_changed

status-changed-subject = Your { $form_title } ({ $reference }) has a new status
status-changed-now = The form you sent us, { $form_title } (reference { $reference }), has a new status: { $status }.
status-changed-see = You can see where it has got to in your account:

## submission_received

submission-received-subject = We have received your form: { $reference }
submission-received-thanks = Thank you. We received your { $form_title } on { $when }.
submission-received-reference = Your reference number is { $reference }. Quote it if you contact us about this form.
submission-received-see = You can see the form you sent, and where it has got to, in your account for the next 30 days:

## verification_code

verification-code-subject = Your verification code for { $service }
verification-code-is = Your verification code is
verification-code-finish = Enter it on the registration page to finish setting up the account of { $forename } { $surname }. The code works for 20 minutes.
verification-code-not-you = If you did not ask to register, or that is not your name, ignore this email: nobody gets an account with this address unless its code is entered.

## webhook_switched_off

webhook-switched-off-subject = A webhook endpoint of { $service } was switched off
webhook-switched-off-failed = Every delivery to the webhook endpoint { $url } has failed since { $since }, so { $service } has stopped sending to it. Its deliveries are kept.
webhook-switched-off-again = When the endpoint works again, register it again in Integrations and send the deliveries it missed again from its list.
