# Geiriau'r tudalennau y mae'r gweinydd yn eu hanfon gyntaf, allwedd am allwedd â ../en/pages.ftl.
# A message under a "# review" comment is the development team's own Welsh: a translator must
# check it, then remove the comment. A sentence with a link in it is split around the link's
# words (`-before`, `-link`, `-after`), as in English; each part may be worded as Welsh needs.
# Council names are not mutated when inserted, so sentences are worded to need no mutation.

## Every page: the header, the navigation, the phase banner and the footer

# review
layout-description = Gofal cymdeithasol i oedolion ar-lein: eich cofnod gofal, eich negeseuon a'ch dogfennau, ac atgyfeiriadau gan weithwyr proffesiynol.
# review
layout-skip-link = Neidio i'r prif gynnwys
# review
layout-service-information = Gwybodaeth am y gwasanaeth
# review
layout-menu = Dewislen
# review
layout-home = Hafan
# review
layout-make-a-referral = Gwneud atgyfeiriad
# review
layout-sign-in = Mewngofnodi
# review
layout-phase = Beta
# review
layout-phase-before = Mae hwn yn wasanaeth newydd. I ddweud wrthym beth yw eich barn amdano, ffoniwch
# review
layout-phase-after = .
# review
layout-support-links = Dolenni cymorth
# review
layout-accessibility-statement = Datganiad hygyrchedd
# review
layout-privacy-notice = Hysbysiad preifatrwydd
# review
layout-call-charges = Costau galwadau
# review
layout-api = API i ddatblygwyr
# review
layout-run-by = { $council_name } sy'n rhedeg { $service_name }.

## The ways to reach the council without this service, at the foot of most pages

# review
contact-warning = Rhybudd
# review
contact-urgent-before = Os ydych chi'n teimlo bod eich anghenion yn rhai brys a bod angen cymorth arnoch ar unwaith, ffoniwch y cyngor ar
# review
contact-urgent-after = neu cysylltwch â'r gwasanaethau brys ar 999.
# review
contact-safeguarding-before = I roi gwybod am bryder diogelu am oedolyn, ffoniwch
# review
contact-safeguarding-after = .
# review
contact-information = Gofal cymdeithasol i oedolion ar wefan y cyngor
# review
contact-call-charges = Gwybodaeth am gostau galwadau

## The home page

# review
home-title = Hafan
# review
home-heading = Croeso i Ofal Cymdeithasol i Oedolion { $council_name }
# review
home-intro = Dewch o hyd i wybodaeth a chymorth lleol, ac anfonwch atgyfeiriadau a ffurflenni at y gwasanaeth gofal cymdeithasol i oedolion.
# review
home-information = Gwybodaeth
# review
home-information-description = Rhagor o wybodaeth am ofal cymdeithasol i oedolion ar wefan y cyngor.
# review
home-local-support = Dod o hyd i gymorth lleol
# review
home-local-support-description = Y cyfeiriadur o wasanaethau i oedolion yn yr ardal.
# review
home-paying-for-care = Talu am ofal
# review
home-paying-for-care-description = Yr wybodaeth ddiweddaraf am y ffioedd am ofal a chymorth.
# review
home-referrals = Gwneud atgyfeiriad fel gweithiwr proffesiynol
# review
home-referrals-description = Atgyfeirio rhywun am gymorth gofal cymdeithasol neu therapi galwedigaethol, neu anfon ffurflenni DoLS 1 a 2.
# review
home-for-everyone-heading = Gofyn am gymorth drosoch eich hun
# review
home-for-everyone = Mae'r ffurflenni hyn ar gyfer unrhyw un: gallwch eu llenwi ar eich rhan eich hun neu ar ran rhywun rydych chi'n gofalu amdano.

## The referral hub for professionals (/referrals)

# review
referrals-heading = Gwneud atgyfeiriad fel gweithiwr proffesiynol
# review
referrals-intro = Anfonwch atgyfeiriad yn syth at y gwasanaeth gofal cymdeithasol i oedolion, heb ffonio'r ganolfan gyswllt.
# review
referrals-which-before = Ddim yn siŵr pa ffurflen sydd ei hangen ar eich claf? Darllenwch
# review
referrals-which-link = sut i ofyn am gymorth i glaf
# review
referrals-which-after = .
# review
referrals-safeguarding-before = I roi gwybod am bryder diogelu am oedolyn, peidiwch â defnyddio'r ffurflenni hyn: ffoniwch
# review
referrals-safeguarding-after = .
# review
referrals-social-care = Atgyfeiriad am Ofal Cymdeithasol
# review
referrals-social-care-description = Ar gyfer rhywun a allai fod angen gofal a chymorth o dan Ddeddf Gofal 2014.
# review
referrals-support-enquiry = Ymholiad cymorth
# review
referrals-support-enquiry-description = Atgyfeiriad byrrach ar gyfer claf ag anghenion cymorth cymwys: tua 10 munud.
# review
referrals-occupational-therapy = Atgyfeiriad am Therapi Galwedigaethol
# review
referrals-occupational-therapy-description = Ar gyfer rhywun sy'n ei chael hi'n anodd ymdopi â gweithgareddau bob dydd gartref.
# review
referrals-carers-assessment = Asesiad gofalwr
# review
referrals-carers-assessment-description = Ar gyfer gofalwr di-dâl: gan weithiwr proffesiynol, neu gan y gofalwr ei hun.
# review
referrals-dols = Ffurflenni DoLS
# review
referrals-dols-description = Trefniadau Diogelu rhag Colli Rhyddid: Ffurflen 1 a Ffurflen 2.
# review
referrals-other-forms = Ffurflenni eraill

## The DoLS page (/referrals/dols)

# review
dols-heading = Ffurflenni DoLS ar-lein
# review
dols-intro = Ffurflenni'r Trefniadau Diogelu rhag Colli Rhyddid i'w cyflwyno ar-lein.
# review
dols-use = Defnyddiwch y ffurflenni hyn i wneud cais am awdurdodiad safonol, neu i roi gwybod i ni am awdurdodiad brys rydych chi wedi'i roi.
# review
dols-account = I gyflwyno neu gadw ffurflen DoLS, mae angen cyfrif arnoch: rydych chi'n cofrestru gyda chyfeiriad e-bost a chyfrinair.
# review
dols-person = Ar ôl i chi fewngofnodi, gofynnir i chi am enw, cyfeiriad a manylion cyswllt yr unigolyn rydych chi'n ei atgyfeirio.
# review
dols-timeout = Cewch rybudd cyn i ffurflen ddod i ben ar ôl 20 munud heb ddim gweithgarwch, a bydd yr hyn rydych chi wedi'i nodi yn cael ei gadw.
# review
dols-information = Rhowch gymaint o wybodaeth ag y gallwch er mwyn osgoi oedi.
# review
dols-required = Mae'r cwestiynau y mae'n rhaid i chi eu hateb wedi'u marcio'n rhai gofynnol.
# review
dols-private = Nid yw'r cyngor yn gweld dim byd rydych chi'n ei nodi nes i chi gyflwyno'r ffurflen.
# review
dols-choose = Dewis ffurflen
# review
dols-form-1 = Ffurflen DoLS 1: cais safonol ac awdurdodiad brys
# review
dols-form-2 = Ffurflen DoLS 2: cais pellach am awdurdodiad safonol

## Guidance for professionals (/referrals/request-support)

# review
request-support-caption = Gweithwyr proffesiynol
# review
request-support-heading = Gofyn am gymorth i glaf
# review
request-support-intro = Gallwch ofyn am gymorth ar-lein ar gyfer anghenion claf neu gleient o dan Ddeddf y Gwasanaeth Iechyd Gwladol a Gofal yn y Gymuned.
# review
request-support-needs = Anghenion eich claf
# review
request-support-low-heading = Cleifion ag anghenion cymorth lefel isel
# review
request-support-low-before = Os nad yw eich claf yn gymwys i gael cymorth gan y gwasanaeth gofal cymdeithasol i oedolion a bod angen mwy o gymorth lefel isel arno i leihau unigrwydd, amddifadedd a chwympiadau,
# review
request-support-low-link = dewch o hyd i gyngor ac arweiniad ar aros yn annibynnol ac ar sefydliadau yn y gymuned
# review
request-support-low-after = .
# review
request-support-therapy-heading = Cleifion sy'n cael anhawster ymdopi â gweithgareddau bob dydd
# review
request-support-therapy-before = Os yw eich claf yn ei chael hi'n anodd ymdopi â gweithgareddau bob dydd gartref oherwydd nam corfforol, meddyliol neu synhwyraidd, salwch neu henaint,
# review
request-support-therapy-link = gwnewch atgyfeiriad at y gwasanaeth Therapi Galwedigaethol
# review
request-support-therapy-after = . Bydd asesiad therapi galwedigaethol yn helpu eich claf i fyw'n fwy annibynnol gartref.
# review
request-support-carer-heading = Cleifion sy'n ofalwyr di-dâl
# review
request-support-carer-before = Os yw eich claf yn gofalu am rywun ag anghenion cymorth, gallwch
# review
request-support-carer-link = ei atgyfeirio am asesiad gofalwr
# review
request-support-carer-after = . Bydd yr asesiad yn edrych ar y cymorth sydd ei angen ar eich claf yn ei rôl fel gofalwr, a sut y gallwn ni helpu. Gall gofalwyr hefyd ofyn am asesiad eu hunain gyda'r un ffurflen.
# review
request-support-eligible-heading = Cleifion ag anghenion cymorth cymwys
# review
request-support-eligible-before = Os yw eich claf yn gymwys i gael cymorth gan y gwasanaeth gofal cymdeithasol i oedolion, bydd ymholiad cymorth yn ein helpu i benderfynu beth ddylai'r camau nesaf fod. Gallwch
# review
request-support-eligible-link = gyflwyno ymholiad cymorth ar-lein
# review
request-support-eligible-after = .
# review
request-support-area-before = Dim ond cleifion sy'n byw yn ardal { $council_name } y gallwch eu hatgyfeirio. Os yw eich claf yn byw yn rhywle arall, atgyfeiriwch y claf at
# review
request-support-area-link = y cyngor ar gyfer yr ardal lle mae'n byw
# review
request-support-area-after = .
# review
request-support-before-heading = Cyn i chi ddechrau ymholiad cymorth
# review
request-support-register = Os nad oes gennych chi gyfrif ar gyfer y gwasanaeth hwn yn barod, rhaid i chi gofrestru cyn cyflwyno atgyfeiriad.
# review
request-support-security-code = Pan fyddwch chi'n cofrestru, byddwn yn anfon cod diogelwch i'ch cyfeiriad e-bost. Rydym yn gwneud hyn bob tro y byddwch chi'n mewngofnodi.
# review
request-support-save = Ar ôl cofrestru, gallwch lenwi atgyfeiriad, neu ei gadw a dod yn ôl ato.
# review
request-support-same-details = Gallwch ddefnyddio'r un manylion mewngofnodi i anfon y ffurflenni atgyfeirio eraill ar gyfer gweithwyr proffesiynol.
# review
request-support-copy = Ar ôl i chi ei gyflwyno, gallwch argraffu neu lawrlwytho copi ar gyfer eich cofnodion.
# review
request-support-information = Bydd angen rhywfaint o wybodaeth sylfaenol arnom am y claf, fel ei enw, ei gyfeiriad, ei ddyddiad geni, ei fanylion cyswllt a manylion ei feddyg teulu. Byddwn hefyd yn gofyn am unrhyw gyflyrau iechyd ac am ei drefniadau byw a chymorth.
# review
request-support-time = Ni ddylai gymryd mwy na 10 munud i lenwi'r ymholiad cymorth.
# review
request-support-your-details = Fel y gweithiwr proffesiynol sy'n gwneud yr atgyfeiriad, rhowch eich manylion cyswllt eich hun yn yr adran "Eich manylion".
# review
request-support-person-details = Rhowch fanylion a gwybodaeth gyswllt yr unigolyn rydych chi'n ei atgyfeirio yn yr adran "Yr unigolyn rydych chi'n ei atgyfeirio".
# review
request-support-start-link = Dechrau ymholiad cymorth
# review
request-support-start-after = (gofynnir i chi fewngofnodi neu gofrestru cyn i chi ei anfon)
# review
request-support-privacy-link = Darllenwch ein hysbysiad preifatrwydd
# review
request-support-privacy-after = i gael gwybod sut rydym yn defnyddio'r wybodaeth rydych chi'n ei rhoi.
# review
request-support-next-heading = Beth sy'n digwydd nesaf
# review
request-support-next = Byddwn yn brysbennu'r ymholiad cymorth ac efallai y byddwn yn cysylltu â chi am ragor o wybodaeth. Ein nod yw cysylltu â'r claf cyn pen 10 diwrnod gwaith.
# review
request-support-advocacy-heading = Eiriolaeth
# review
request-support-advocacy-before = Os ydych chi'n credu y byddai'r claf yn elwa o gael eiriolwr i weithredu ar ei ran,
# review
request-support-advocacy-link = dysgwch sut i gael cymorth gan eiriolwr
# review
request-support-advocacy-after = .

## A page the app draws, until it does (or for good, without JavaScript)

# review
drawn-not-loading-before = Os nad yw'r dudalen hon yn gorffen llwytho, gwnewch yn siŵr bod JavaScript wedi'i droi ymlaen yn eich porwr a rhowch gynnig arall arni, neu ffoniwch y ganolfan gyswllt ar
# review
drawn-not-loading-after = .
# review
drawn-javascript-heading = Trowch JavaScript ymlaen i ddefnyddio'r dudalen hon
# review
drawn-javascript-before = Mae angen JavaScript ar y dudalen hon, ond mae wedi'i ddiffodd neu nid oedd modd ei lwytho. Trowch JavaScript ymlaen yng ngosodiadau eich porwr a rhowch gynnig arall arni, neu ffoniwch y ganolfan gyswllt ar
# review
drawn-javascript-after = .

## Headings of the pages the app draws (api/src/web_app/pages.rs, `route`): the same words as the app's

# review
heading-sign-in = Mewngofnodi
# review
heading-register = Cofrestru cyfrif newydd
# review
heading-forgotten-password = Ailosod eich cyfrinair
# review
heading-account = Eich cyfrif
# review
heading-change-name = Newid eich enw
# review
heading-change-password = Newid eich cyfrinair
# review
heading-change-email = Newid eich cyfeiriad e-bost
# review
heading-signed-out = Rydych chi wedi allgofnodi
# review
heading-form-preview = Rhagweld ffurflen
# review
heading-before-you-start = Cyn i chi ddechrau
# review
heading-care-records = Eich cofnodion gofal

## An address no page has

# review
not-found-heading = Heb ddod o hyd i'r dudalen
# review
not-found-typed = Os gwnaethoch chi deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir.
# review
not-found-pasted = Os gwnaethoch chi ludo'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.
# review
not-found-home-before = Gallwch fynd i'r
# review
not-found-home-link = hafan
# review
not-found-home-middle = neu ffonio'r ganolfan gyswllt ar
# review
not-found-home-after = .
