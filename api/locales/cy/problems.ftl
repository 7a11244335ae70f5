# Geiriau atebion problem yr API (application/problem+json), allwedd am allwedd â
# ../en/problems.ftl: teitl a manylion pob problem, a'r negeseuon maes y mae'r gweinydd yn eu
# hysgrifennu ei hun. A message under a "# review" comment is the development team's own Welsh:
# a translator must check it, then remove the comment. Names slotted into a sentence (a
# question's label, a page's title) come first, as "label: sentence", so that none needs a
# mutation, as the form engine's own sentences do.

## Each kind of problem: its title, and its detail when it has one

# review
problem-validation-failed-title = Mae angen cywiro rhai atebion
# review
problem-validation-failed-detail = Gwiriwch y meysydd a restrir yn errors.
# review
problem-malformed-body-title = Nid oedd modd darllen y cais
# review
problem-payload-too-large-title = Mae corff y cais yn rhy fawr
# review
problem-payload-too-large-detail = Anfonwch gorff o { $limit } beit ar y mwyaf.
# review
problem-unsupported-media-type-title = Nid yw corff y cais o'r math cywir
# review
problem-unsupported-media-type-detail = Anfonwch Content-Type: { $expected }.
# review
problem-import-rejected-title = Mae angen cywiro rhai rhesi
# review
problem-import-rejected-detail = Mae angen cywiro { $rejected } o { $rows } rhes, a restrir yn errors; ni fewnforiwyd dim.
# review
problem-not-signed-in-title = Mae angen i chi fewngofnodi
# review
problem-not-signed-in-detail = Mewngofnodwch, neu mewngofnodwch eto os daeth eich sesiwn i ben.
# review
problem-invalid-credentials-title = Rhowch gyfeiriad e-bost a chyfrinair cywir
# review
problem-invalid-client-title = Nid yw id a chyfrinach y cleient yn cyfateb
# review
problem-invalid-client-detail = Gwiriwch id a chyfrinach y cleient; efallai fod gweinyddwr wedi eu newid neu eu dirymu.
# review
problem-forbidden-title = Nid oes gennych fynediad at hyn
# review
problem-forbidden-detail = Mae hyn ar gyfer rôl arall, neu mae angen cwmpas nad yw gan y cleient hwn.
# review
problem-too-many-attempts-title = Gormod o ymdrechion
# review
problem-too-many-attempts-detail = Er eich diogelwch, arhoswch tan { $until } a rhowch gynnig arall arni.
# review
problem-not-found-title = Heb ddod o hyd i'r dudalen
# review
problem-conflict-title = Mae hyn wedi newid ers i chi ei weld ddiwethaf
# review
problem-method-not-allowed-title = Dull heb ei ganiatáu
# review
problem-method-not-allowed-detail = Mae'r llwybr hwn yn derbyn { $allow }.
# review
problem-service-unavailable-title = Mae'n ddrwg gennym, nid yw'r gwasanaeth ar gael
# review
problem-internal-error-title = Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth
# review
problem-try-again-later = Rhowch gynnig arall arni yn nes ymlaen.

## Accounts: signing in, registering, emailed codes, passwords and email addresses

# review
code-not-correct = Nid yw'r cod yn gywir. Gwiriwch yr e-bost a rhowch gynnig arall arni
# review
code-expired = Mae'r cod wedi dod i ben. Dewiswch 'Anfon cod newydd' i gael un arall
# review
code-tried-too-often = Rydych wedi rhoi cod anghywir ormod o weithiau. Dewiswch 'Anfon cod newydd' i gael un arall
# review
password-not-correct = Nid yw eich cyfrinair yn gywir
# review
current-password-not-correct = Nid yw eich cyfrinair presennol yn gywir
# review
password-too-easy-to-guess = Mae'r cyfrinair hwn yn rhy hawdd i'w ddyfalu: mae'n rhy debyg i gyfrineiriau sydd wedi cael eu dwyn a'u cyhoeddi. Rhowch gynnig ar dri neu bedwar gair ar hap gyda'i gilydd
# review
email-now-in-use = Mae cyfrif arall bellach yn defnyddio'r cyfeiriad e-bost hwnnw
# review
bot-check-failed = Ni weithiodd y gwiriad nad robot ydych chi. Ail-lwythwch y dudalen a rhowch gynnig arall arni

## Staff accounts and teams

# review
staff-email-in-use = Mae cyfrif gyda'r cyfeiriad e-bost hwn yn bodoli'n barod
# review
staff-own-account = Ni allwch ddiffodd eich cyfrif eich hun
# review
staff-unknown-teams = Nid yw'r rhain yn dimau'r cyngor: { $teams }

## Forms, drafts, items sent to people, and the files attached to them

# review
form-not-published = Dewiswch ffurflen y mae'r cyngor yn ei chyhoeddi
# review
form-sent-by-the-council = Mae'r cyngor yn anfon y ffurflen hon i'w llenwi o gofnod unigolyn; ni ellir ei dechrau yma
# review
form-not-for-people = Dewiswch ffurflen y mae'r cyngor yn ei hanfon at bobl i'w llenwi
# review
form-ends-early = “{ $page }”: mae'r atebion hyn yn gorffen y ffurflen yma, felly ni ellir ei hanfon
# review
form-key-reused = Defnyddiwyd yr Idempotency-Key hwn eisoes i anfon ffurflen wahanol. Defnyddiwch allwedd newydd ar gyfer pob ffurflen.
# review
draft-saved-since = Cafodd y ffurflen hon ei chadw eto (fersiwn { $saved }) ar ôl y copi a newidiwyd gennych (fersiwn { $seen }). Ail-lwythwch hi i weld yr atebion diweddaraf.
# review
item-saved-since = Cafodd y ffurflen hon ei chadw eto (fersiwn { $saved }) ar ôl y copi a newidiwyd gennych (fersiwn { $seen }), efallai gan rywun arall sy'n gallu gweld y cofnod hwn. Ail-lwythwch hi i weld yr atebion diweddaraf.
# review
item-already-sent = Mae'r ffurflen hon eisoes wedi cael ei hanfon at y cyngor, felly ni ellir ei newid. Anfonwch neges os oedd rhywbeth ynddi yn anghywir.
# review
item-choose-team = Dewiswch un o dimau'r cyngor
# review
upload-again = { $question }: uwchlwythwch y ffeil eto
# review
upload-of-type = { $question }: rhaid i'r ffeil fod yn { $types }
# review
upload-too-large = { $question }: rhaid i'r ffeil fod yn llai na { $megabytes } MB
# review
file-without-name = Rhowch enw i'r ffeil
# review
file-empty = Mae'r ffeil a ddewiswyd yn wag
# review
file-not-accepted = Rhaid i'r ffeil a ddewiswyd fod yn PDF, JPG neu PNG
# review
file-not-what-it-says = Nid yw'r ffeil a ddewiswyd yr hyn y mae ei henw yn ei ddweud. Dewiswch PDF, JPG neu PNG go iawn
# review
file-runs-something = Mae'r PDF a ddewiswyd yn cynnwys sgript neu raglen, na all y cyngor ei hagor. Cadwch ef fel PDF plaen (argraffwch ef i PDF) a dewiswch hwnnw

## The citizen record: people, messages and documents

# review
person-no-public-account = Nid oes gan unrhyw gyfrif cyhoeddus ar y porth y cyfeiriad e-bost hwn
# review
search-date-or-nhs-number = Rhowch ddyddiad geni go iawn, fel 27/3/1941, neu rif GIG o 10 digid
# review
search-what-to-enter = Rhowch enw, rhif GIG, dyddiad geni neu god post
# review
messages-choose-box = Dewiswch y mewnflwch neu'r negeseuon a anfonwyd
# review
messages-reply-in-conversation = Atebwch neges yn y sgwrs hon
# review
messages-choose-listed-type = Dewiswch fath o neges o'r rhestr
# review
document-title-needed = Rhowch deitl o 200 nod neu lai i'r ddogfen
# review
format-request-answered = Mae'r cais hwn wedi cael ei ateb yn barod

## The council's operations and audit log

# review
email-carried-a-code = Roedd cod untro yn yr e-bost hwn, ac mae wedi dod i ben. Mae'r unigolyn yn gofyn am god newydd yn lle hynny.
# review
audit-end-before-start = Rhaid i'r dyddiad gorffen fod yr un fath â'r dyddiad dechrau neu ar ei ôl
