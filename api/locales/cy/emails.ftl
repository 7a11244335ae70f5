# Geiriau pob e-bost y mae'r porth yn ei anfon, allwedd am allwedd â ../en/emails.ftl.
# A message under a "# review" comment is the development team's own Welsh: a translator must
# check it, then remove the comment.

## Said in every email

# review
hello = Helo { $forename },
# review
hello-anyone = Helo,
# review
footer = Anfonwyd yr e-bost hwn gan { $council }. Os oes angen cymorth arnoch ar frys, ffoniwch { $phone }.
# review
footer-urgent = Os oes angen cymorth arnoch ar frys, ffoniwch { $phone }.
# review
no-reply = Peidiwch ag ateb yr e-bost hwn: nid oes neb yn darllen atebion.
# review
privacy-no-repeat = Er mwyn diogelu eich preifatrwydd, nid yw'r e-bost hwn yn ailadrodd yr hyn a ddywedoch wrthym.

## Moments, as people in Wales read them: "1 Rhagfyr 2026 am 2:05yh (GMT)" (the months are
## the form engine's, shared::forms::long_date_in)

# review
date-time = { $date } am { $time } ({ $zone })
# review
morning = yb
# review
afternoon = yh

## Where a form has got to

# review
status-received = Wedi dod i law
# review
status-in_review = Yn cael ei adolygu
# review
status-accepted = Wedi'i dderbyn
# review
status-declined = Wedi'i wrthod
# review
status-more_information_needed = Angen rhagor o wybodaeth

## account_exists

# review
account-exists-subject = Mae rhywun wedi ceisio cofrestru gyda'ch cyfeiriad e-bost
# review
account-exists-tried = Mae rhywun wedi ceisio cofrestru ar gyfer { $service } gyda'r cyfeiriad e-bost hwn, ond mae gennych gyfrif yn barod.
# review
account-exists-sign-in = Os mai chi oedd hyn, mewngofnodwch yn lle hynny. Os ydych wedi anghofio eich cyfrinair, defnyddiwch ‘Wedi anghofio eich cyfrinair?’ ar y dudalen mewngofnodi.
# review
account-exists-not-you = Os nad chi oedd hyn, gallwch anwybyddu'r e-bost hwn: does dim wedi newid.

## document_published

# review
document-published-subject = Mae gennych ddogfen newydd gan { $council }
# review
document-published-new = Mae dogfen newydd yn eich cyfrif { $service }, o dan Eitemau i'w gweld.
# review
document-published-sign-in = Er mwyn diogelu eich preifatrwydd, nid ydym yn rhoi dogfennau mewn negeseuon e-bost. Mewngofnodwch i'w darllen:

## draft_expiring

# review
draft-expiring-subject = Bydd eich ffurflen sydd wedi'i chadw yn cael ei dileu ar { $expires }
# review
draft-expiring-saved = Fe wnaethoch gadw { $form_title } i'w gorffen yn nes ymlaen. Rydym yn cadw ffurflenni am 30 diwrnod ar ôl iddynt gael eu cadw ddiwethaf, felly bydd hon yn cael ei dileu ar { $expires }.
# review
draft-expiring-keep = I'w chadw, mewngofnodwch a pharhau â'r ffurflen, neu ei chyflwyno:
# review
draft-expiring-not-sent = Nid yw'r cyngor wedi cael y ffurflen hon: nid oes dim yn cael ei anfon nes i chi ei chyflwyno.

## email_change_code

# review
email-change-code-subject = Cadarnhewch eich cyfeiriad e-bost newydd ar gyfer { $service }
# review
email-change-code-is = Eich cod i gadarnhau mai hwn yw cyfeiriad e-bost eich cyfrif { $service } yw
# review
email-change-code-lasts = Mae'r cod yn gweithio am 20 munud. Os na wnaethoch ofyn am hyn, gallwch anwybyddu'r e-bost hwn.

## email_changed

# review
email-changed-subject = Mae cyfeiriad e-bost eich cyfrif { $service } wedi newid
# review
email-changed-when = Cafodd cyfeiriad e-bost eich cyfrif { $service } ei newid ar { $when } i { $new_email }. Ni fyddwn yn anfon negeseuon e-bost i'r cyfeiriad hwn mwyach.
# review
email-changed-not-you = Os na wnaethoch chi ei newid, ffoniwch { $phone } ar unwaith.

## item_to_complete

# review
item-to-complete-subject = Mae gennych ffurflen i'w llenwi gan { $council }
# review
item-to-complete-sent = Mae'r cyngor wedi anfon ffurflen i'w llenwi i'ch cyfrif { $service }. Fe welwch hi o dan Eitemau i'w cwblhau.
# review
item-to-complete-sign-in = Er mwyn diogelu eich preifatrwydd, nid ydym yn rhoi manylion mewn negeseuon e-bost. Mewngofnodwch i'w gweld:

## link_invitation

# review
link-invitation-subject = Rydych wedi cael gwahoddiad i weld cofnod gofal gyda { $council }
# review
link-invitation-invited = Mae { $council } wedi eich gwahodd i weld cofnod gofal yn eich cyfrif { $service }.
# review
link-invitation-accept = I dderbyn, mewngofnodwch gyda'r cyfeiriad e-bost hwn (neu cofrestrwch ag ef os nad oes gennych gyfrif), yna dewiswch Derbyn o dan “Gwahoddiadau” yn eich cyfrif:
# review
link-invitation-lasts = Mae'r gwahoddiad yn para tan { $expires }. Os nad oeddech yn ei ddisgwyl, gallwch anwybyddu'r e-bost hwn, neu ein ffonio i holi amdano.
# review
link-invitation-privacy = Er mwyn diogelu eich preifatrwydd, nid yw'r e-bost hwn yn dweud cofnod pwy ydyw.

## message_waiting

# review
message-waiting-subject = Mae gennych neges newydd gan { $council }
# review
message-waiting-new = Mae gennych neges newydd yn eich cyfrif { $service }.
# review
message-waiting-sign-in = Er mwyn diogelu eich preifatrwydd, nid ydym yn rhoi negeseuon mewn negeseuon e-bost. Mewngofnodwch i'w darllen:

## password_changed

# review
password-changed-subject = Mae eich cyfrinair ar gyfer { $service } wedi newid
# review
password-changed-when = Cafodd cyfrinair eich cyfrif { $service } ei newid ar { $when }.
# review
password-changed-not-you = Os na wnaethoch chi ei newid, ailosodwch eich cyfrinair nawr a ffoniwch { $phone }.

## password_reset

# review
password-reset-subject = Ailosod eich cyfrinair ar gyfer { $service }
# review
password-reset-is = Eich cod i ailosod eich cyfrinair yw
# review
password-reset-lasts = Mae'r cod yn gweithio am 20 munud. Pan fyddwch yn ailosod eich cyfrinair, byddwch yn cael eich allgofnodi ym mhobman.
# review
password-reset-not-you = Os na wnaethoch ofyn i ailosod eich cyfrinair, gallwch anwybyddu'r e-bost hwn: nid yw eich cyfrinair wedi newid.

## sign_in_code

# review
sign-in-code-subject = Eich cod mewngofnodi ar gyfer { $service }
# review
sign-in-code-is = Eich cod mewngofnodi yw
# review
sign-in-code-lasts = Mae'r cod yn gweithio am 10 munud.
# review
sign-in-code-not-you = Os nad chi wnaeth geisio mewngofnodi, efallai bod rhywun yn gwybod eich cyfrinair: newidiwch ef cyn gynted ag y gallwch.

## staff_invitation

# review
staff-invitation-subject = Mae gennych gyfrif staff { $service }
# review
staff-invitation-given = Mae gweinyddwr wedi rhoi cyfrif { $role ->
        [administrator] gweinyddwr
       *[staff] staff
    } i chi ar { $service }.
# review
staff-invitation-password = I osod eich cyfrinair, ewch i'r dudalen mewngofnodi, dewiswch ‘Wedi anghofio eich cyfrinair?’ a rhowch y cyfeiriad e-bost hwn. Byddwn yn anfon cod atoch.

## status_changed

# review
status-changed-subject = Mae gan eich { $form_title } ({ $reference }) statws newydd
# review
status-changed-now = Mae gan y ffurflen a anfonoch atom, { $form_title } (cyfeirnod { $reference }), statws newydd: { $status }.
# review
status-changed-see = Gallwch weld pa mor bell y mae wedi mynd yn eich cyfrif:

## submission_received

# review
submission-received-subject = Rydym wedi cael eich ffurflen: { $reference }
# review
submission-received-thanks = Diolch. Cawsom eich { $form_title } ar { $when }.
# review
submission-received-reference = Eich cyfeirnod yw { $reference }. Dyfynnwch ef os byddwch yn cysylltu â ni am y ffurflen hon.
# review
submission-received-see = Gallwch weld y ffurflen a anfonoch, a pha mor bell y mae wedi mynd, yn eich cyfrif am y 30 diwrnod nesaf:

## verification_code

# review
verification-code-subject = Eich cod dilysu ar gyfer { $service }
# review
verification-code-is = Eich cod dilysu yw
# review
verification-code-finish = Rhowch ef ar y dudalen gofrestru i orffen sefydlu cyfrif { $forename } { $surname }. Mae'r cod yn gweithio am 20 munud.
# review
verification-code-not-you = Os na wnaethoch ofyn i gofrestru, neu os nad dyna eich enw, anwybyddwch yr e-bost hwn: ni fydd neb yn cael cyfrif gyda'r cyfeiriad hwn oni bai bod ei god yn cael ei roi.

## webhook_switched_off

# review
webhook-switched-off-subject = Cafodd un o bwyntiau terfyn webhook { $service } ei ddiffodd
# review
webhook-switched-off-failed = Mae pob danfoniad i'r pwynt terfyn webhook { $url } wedi methu ers { $since }, felly mae { $service } wedi rhoi'r gorau i anfon ato. Mae ei ddanfoniadau'n cael eu cadw.
# review
webhook-switched-off-again = Pan fydd y pwynt terfyn yn gweithio eto, cofrestrwch ef eto yn Integreiddiadau ac anfonwch eto'r danfoniadau a fethodd, o'i restr.
