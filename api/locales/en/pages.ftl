# The words of the pages the server sends first (api/templates/pages/), before the browser app
# draws them. The templates hold only markup and ask for these by key; the Welsh is in
# ../cy/pages.ftl, key for key. A sentence with a link in it is split around the link's words
# (`-before`, `-link`, `-after`): the templates keep the markup, the messages only plain text.
# Each page's template has { $council_name } and { $service_name } in the page's language.

## Every page: the header, the navigation, the phase banner and the footer

layout-description = Adult social care online: your care record, messages and documents, and referrals for professionals.
layout-skip-link = Skip to main content
layout-service-information = Service information
layout-menu = Menu
layout-home = Home
layout-make-a-referral = Make a referral
layout-sign-in = Sign in
layout-phase = Beta
layout-phase-before = This is a new service. To tell us what you think of it, call
layout-phase-after = .
layout-support-links = Support links
layout-accessibility-statement = Accessibility statement
layout-privacy-notice = Privacy notice
layout-call-charges = Call charges
layout-api = API for developers
layout-run-by = { $service_name } is run by { $council_name }.

## The ways to reach the council without this service, at the foot of most pages

contact-warning = Warning
contact-urgent-before = If you feel your needs are urgent and you need support straight away, call { $council_name } on
contact-urgent-after = or contact the emergency services on 999.
contact-safeguarding-before = To report a safeguarding concern about an adult, call
contact-safeguarding-after = .
contact-information = Adult social care on the council's website
contact-call-charges = Find out about call charges

## The home page

home-title = Home
home-heading = Welcome to { $council_name } Adult Social Care
home-intro = Find information and local support, and send referrals and forms to adult social care.
home-information = Information
home-information-description = More about adult social care on the council's website.
home-local-support = Find local support
home-local-support-description = The directory of services for adults in the area.
home-paying-for-care = Paying for care
home-paying-for-care-description = The latest information about charges for care and support.
home-referrals = Making a referral as a professional
home-referrals-description = Refer someone for social care or occupational therapy support, or send DoLS forms 1 and 2.
home-for-everyone-heading = Ask for support yourself
home-for-everyone = These forms are for anyone: you can fill them in for yourself or for someone you look after.

## The referral hub for professionals (/referrals)

referrals-heading = Making a referral as a professional
referrals-intro = Send a referral straight to adult social care, without phoning the contact centre.
referrals-which-before = Not sure which form your patient needs? Read
referrals-which-link = how to request support for a patient
referrals-which-after = .
referrals-safeguarding-before = To report a safeguarding concern about an adult, do not use these forms: call
referrals-safeguarding-after = .
referrals-social-care = Referral for Social Care
referrals-social-care-description = For a person who may need care and support under the Care Act 2014.
referrals-support-enquiry = Support enquiry
referrals-support-enquiry-description = A shorter referral for a patient with eligible support needs: about 10 minutes.
referrals-occupational-therapy = Referral for Occupational Therapy
referrals-occupational-therapy-description = For a person finding day-to-day activities at home hard to manage.
referrals-carers-assessment = Carer's assessment
referrals-carers-assessment-description = For an unpaid carer: made by a professional, or by the carer themselves.
referrals-dols = DoLS forms
referrals-dols-description = Deprivation of Liberty Safeguards: Form 1 and Form 2.
referrals-other-forms = Other forms

## The DoLS page (/referrals/dols)

dols-heading = DoLS online forms
dols-intro = Deprivation of Liberty Safeguards forms for online submission.
dols-use = Use these forms to request a standard authorisation, or to tell us about an urgent authorisation you have given.
dols-account = To submit or save a DoLS form you need an account: you register with an email address and a password.
dols-person = After you sign in, you will be asked for the name, address and contact details of the person you are referring.
dols-timeout = You will be warned before a form times out after 20 minutes without activity, and what you have entered is kept.
dols-information = Give as much information as you can to avoid delays.
dols-required = Questions you must answer are marked as required.
dols-private = The council sees nothing you enter until you submit the form.
dols-choose = Choose a form
dols-form-1 = DoLS Form 1: standard request and urgent authorisation
dols-form-2 = DoLS Form 2: further standard authorisation request

## Guidance for professionals (/referrals/request-support)

request-support-caption = Professionals
request-support-heading = Request support for a patient
request-support-intro = You can request support online for a patient or client's needs under the NHS and Community Care Act.
request-support-needs = About your patient's needs
request-support-low-heading = Patients with low level support needs
request-support-low-before = If your patient is not eligible for support from adult social care and needs more low level support to reduce isolation, deprivation and falls,
request-support-low-link = find advice and guidance on remaining independent and organisations in the community
request-support-low-after = .
request-support-therapy-heading = Patients with difficulty managing day-to-day activities
request-support-therapy-before = If your patient is finding it hard to manage day-to-day activities at home because of a physical, mental or sensory impairment, illness or old age,
request-support-therapy-link = make a referral to Occupational Therapy (OT)
request-support-therapy-after = . An OT assessment will help your patient to live more independently at home.
request-support-carer-heading = Patients in an unpaid caring role
request-support-carer-before = If your patient looks after someone with support needs, you can
request-support-carer-link = refer them for a carer's assessment
request-support-carer-after = . This will look at what support they need in their role as a carer and how we can help. Carers can also ask for an assessment themselves with the same form.
request-support-eligible-heading = Patients with eligible support needs
request-support-eligible-before = If your patient is eligible for support from adult social care, a support enquiry will help us decide what the next steps should be. You can
request-support-eligible-link = submit a support enquiry online
request-support-eligible-after = .
request-support-area-before = You can only refer patients who live in the { $council_name } area. If your patient lives somewhere else, refer them to
request-support-area-link = the council for the area where they live
request-support-area-after = .
request-support-before-heading = Before you start a support enquiry
request-support-register = If you do not already have an account for this service, you must register before you submit a referral.
request-support-security-code = When you register, we will send a security code to your email address. We do this each time you sign in.
request-support-save = Once registered, you can complete a referral, or save it and come back to it.
request-support-same-details = You can use the same sign in details to send the other professional referral forms.
request-support-copy = Once you have submitted it, you can print or download a copy for your records.
request-support-information = We will need some basic information about the patient, such as their name, address, date of birth, contact details and GP details. We will also ask about any health conditions and their living and support arrangements.
request-support-time = The support enquiry should take no longer than 10 minutes to complete.
request-support-your-details = As the professional making the referral, enter your own contact details in the section "Your details".
request-support-person-details = Enter the details and contact information of the person you are referring in the section "The person you are referring".
request-support-start-link = Start a support enquiry
request-support-start-after = (you will be asked to sign in or register before you send it)
request-support-privacy-link = Read our privacy notice
request-support-privacy-after = to find out how we use the information you give.
request-support-next-heading = What happens next
request-support-next = We will triage the support enquiry and may contact you for more information. We aim to contact the patient within 10 working days.
request-support-advocacy-heading = Advocacy
request-support-advocacy-before = If you think the patient would benefit from an advocate to act on their behalf,
request-support-advocacy-link = find out how to get support from an advocate
request-support-advocacy-after = .

## A page the app draws, until it does (or for good, without JavaScript)

drawn-not-loading-before = If this page does not finish loading, check that JavaScript is turned on in your browser and try again, or phone the contact centre on
drawn-not-loading-after = .
drawn-javascript-heading = Turn on JavaScript to use this page
drawn-javascript-before = This page needs JavaScript, which is turned off or could not load. Turn it on in your browser's settings and try again, or phone the contact centre on
drawn-javascript-after = .

## Headings of the pages the app draws (api/src/web_app/pages.rs, `route`): the same words as the app's

heading-sign-in = Sign in
heading-register = Register a new account
heading-forgotten-password = Reset your password
heading-account = Your account
heading-change-name = Change your name
heading-change-password = Change your password
heading-change-email = Change your email address
heading-signed-out = You have been signed out
heading-form-preview = Preview a form
heading-before-you-start = Before you start
heading-care-records = Your care records

## An address no page has

not-found-heading = Page not found
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
not-found-home-before = You can go to the
not-found-home-link = home page
not-found-home-middle = or call the contact centre on
not-found-home-after = .
