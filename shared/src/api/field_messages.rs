//! The error messages the API's request bodies give for their fields, in English and Welsh:
//! registering, signing in, a new password or email address, an emailed code, the citizen
//! record (people, the professionals working with them, who may see it, messages), a form
//! staff send a person, and asking for another format. The browser checks a form in the page's
//! language with them before sending it, and the server refuses the same things in the
//! language the request asks for (its `Accept-Language`), so they live here in code rather
//! than in either's message files (as the form engine's own sentences do, in
//! `forms/phrases.rs`). The rules' own messages (a phone number, a postcode, the password
//! policy) stay beside each rule in `rules/`.
//!
//! Every Welsh sentence is the development team's own and awaits a translator's review, like
//! the rest of the portal's Welsh. Where a Welsh sentence slots a word in ("Rhowch eich
//! {name}"), the word before it mutates nothing, so the slotted word never needs a mutated form.

use crate::language::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FieldMessages(pub Language);

/// One of the two names an account or a person has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Name {
    Forename,
    Surname,
}

/// What staff give about a professional working with a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Their {
    Name,
    Role,
    Team,
}

impl FieldMessages {
    fn welsh(self) -> bool {
        self.0 == Language::Welsh
    }

    fn either(self, english: &str, welsh: &str) -> String {
        if self.welsh() { welsh } else { english }.to_owned()
    }

    fn name(self, name: Name) -> &'static str {
        match (name, self.welsh()) {
            (Name::Forename, false) => "forename",
            (Name::Surname, false) => "surname",
            (Name::Forename, true) => "enw cyntaf",
            (Name::Surname, true) => "cyfenw",
        }
    }

    fn their(self, their: Their) -> &'static str {
        match (their, self.welsh()) {
            (Their::Name, false) => "their name",
            (Their::Role, false) => "their role",
            (Their::Team, false) => "their team",
            // "eu" puts an h before a vowel: "eu henw".
            (Their::Name, true) => "eu henw",
            (Their::Role, true) => "eu rôl",
            (Their::Team, true) => "eu tîm",
        }
    }

    pub fn enter_your_name(self, name: Name) -> String {
        let name = self.name(name);
        if self.welsh() {
            format!("Rhowch eich {name}")
        } else {
            format!("Enter your {name}")
        }
    }

    pub fn name_too_long(self, name: Name, most: usize) -> String {
        let name = self.name(name);
        if self.welsh() {
            format!("Rhaid i'ch {name} fod yn {most} nod neu lai")
        } else {
            format!("Your {name} must be {most} characters or fewer")
        }
    }

    pub fn name_has_control_characters(self, name: Name) -> String {
        let name = self.name(name);
        if self.welsh() {
            format!("Rhaid i'ch {name} beidio â chynnwys nodau rheoli")
        } else {
            format!("Your {name} must not contain control characters")
        }
    }

    pub fn enter_a_password(self) -> String {
        self.either("Enter a password", "Rhowch gyfrinair")
    }

    /// `rule` is the first rule the password breaks, as the checklist states it.
    pub fn password_breaks_policy(self, rule: &str) -> String {
        let rule = rule.to_lowercase();
        if self.welsh() {
            format!("Nid yw eich cyfrinair yn bodloni'r polisi: {rule}")
        } else {
            format!("Your password does not meet the policy: {rule}")
        }
    }

    pub fn confirm_your_password(self) -> String {
        self.either("Confirm your password", "Cadarnhewch eich cyfrinair")
    }

    pub fn passwords_do_not_match(self) -> String {
        self.either(
            "The passwords do not match",
            "Nid yw'r cyfrineiriau'n cyfateb",
        )
    }

    pub fn enter_your_email_address(self) -> String {
        self.either("Enter your email address", "Rhowch eich cyfeiriad e-bost")
    }

    /// The Welsh example address is the one GOV.UK's Welsh services give, as the form engine
    /// does.
    pub fn email_address_format(self) -> String {
        self.either(
            "Enter an email address in the correct format, like name@example.com",
            "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com",
        )
    }

    pub fn enter_the_code(self) -> String {
        self.either(
            "Enter the 6-digit code from the email",
            "Rhowch y cod 6 digid o'r e-bost",
        )
    }

    pub fn code_format(self) -> String {
        self.either(
            "The code must be 6 digits, like 123 456",
            "Rhaid i'r cod fod yn 6 digid, fel 123 456",
        )
    }

    pub fn enter_your_password(self) -> String {
        self.either("Enter your password", "Rhowch eich cyfrinair")
    }

    pub fn enter_your_current_password(self) -> String {
        self.either(
            "Enter your current password",
            "Rhowch eich cyfrinair presennol",
        )
    }

    pub fn choose_staff_or_administrator(self) -> String {
        self.either(
            "Choose staff or administrator",
            "Dewiswch staff neu weinyddwr",
        )
    }

    pub fn enter_their(self, their: Their) -> String {
        let their = self.their(their);
        if self.welsh() {
            format!("Rhowch {their}")
        } else {
            format!("Enter {their}")
        }
    }

    pub fn enter_their_within(self, their: Their, most: usize) -> String {
        let their = self.their(their);
        if self.welsh() {
            format!("Rhowch {their} mewn {most} nod neu lai")
        } else {
            format!("Enter {their} in {most} characters or fewer")
        }
    }

    pub fn phone_or_email(self) -> String {
        self.either(
            "Enter a phone number or an email address",
            "Rhowch rif ffôn neu gyfeiriad e-bost",
        )
    }

    pub fn uk_phone(self) -> String {
        self.either(
            "Enter a UK phone number, like 0151 496 0000 or 07700 900 982",
            "Rhowch rif ffôn yn y DU, fel 0151 496 0000 neu 07700 900 982",
        )
    }

    pub fn uk_mobile_phone(self) -> String {
        self.either(
            "Enter a UK phone number, like 07700 900 982",
            "Rhowch rif ffôn yn y DU, fel 07700 900 982",
        )
    }

    pub fn nhs_number(self) -> String {
        self.either(
            "Enter a valid NHS number, like 943 476 5919",
            "Rhowch rif GIG dilys, fel 943 476 5919",
        )
    }

    pub fn date_of_birth_in_the_past(self) -> String {
        self.either(
            "Date of birth must be in the past",
            "Rhaid i'r dyddiad geni fod yn y gorffennol",
        )
    }

    pub fn first_line_of_address(self) -> String {
        self.either(
            "Enter the first line of the address",
            "Rhowch linell gyntaf y cyfeiriad",
        )
    }

    pub fn town_or_city(self) -> String {
        self.either("Enter the town or city", "Rhowch y dref neu'r ddinas")
    }

    pub fn own_access_has_no_legal_basis(self) -> String {
        self.either(
            "A person's own access has no legal basis",
            "Nid oes sail gyfreithiol i fynediad unigolyn at ei gofnod ei hun",
        )
    }

    pub fn choose_legal_basis(self) -> String {
        self.either(
            "Choose consent, lasting power of attorney or deputyship",
            "Dewiswch ganiatâd, atwrneiaeth arhosol neu ddirprwyaeth",
        )
    }

    pub fn choose_self_or_proxy(self) -> String {
        self.either(
            "Choose self or proxy",
            "Dewiswch yr unigolyn ei hun neu ddirprwy",
        )
    }

    pub fn end_date_today_or_later(self) -> String {
        self.either(
            "The end date must be today or later",
            "Rhaid i'r dyddiad gorffen fod heddiw neu'n hwyrach",
        )
    }

    pub fn select_message_type(self) -> String {
        self.either("Select a message type", "Dewiswch fath o neges")
    }

    pub fn enter_a_subject(self) -> String {
        self.either("Enter a subject", "Rhowch bwnc")
    }

    pub fn subject_too_long(self, most: usize) -> String {
        if self.welsh() {
            format!("Rhaid i'r pwnc fod yn {most} nod neu lai")
        } else {
            format!("Subject must be {most} characters or fewer")
        }
    }

    pub fn enter_your_message(self) -> String {
        self.either("Enter your message", "Rhowch eich neges")
    }

    pub fn message_too_long(self, most: usize) -> String {
        if self.welsh() {
            format!("Rhaid i'r neges fod yn {most} nod neu lai")
        } else {
            format!("Message must be {most} characters or fewer")
        }
    }

    pub fn enter_the_language(self) -> String {
        self.either(
            "Enter the language you want",
            "Rhowch yr iaith rydych chi ei heisiau",
        )
    }

    pub fn language_too_long(self, most: usize) -> String {
        if self.welsh() {
            format!("Rhaid i'r iaith fod yn {most} nod neu lai")
        } else {
            format!("Language must be {most} characters or fewer")
        }
    }

    pub fn due_today_or_later(self) -> String {
        self.either(
            "The date to complete it by must be today or later",
            "Rhaid i'r dyddiad i'w chwblhau erbyn fod heddiw neu'n hwyrach",
        )
    }

    pub fn note_too_long(self, most: usize) -> String {
        if self.welsh() {
            format!("Rhaid i'r nodyn fod yn {most} nod neu lai")
        } else {
            format!("The note must be {most} characters or fewer")
        }
    }

    pub fn language_only_for_another_language(self) -> String {
        self.either(
            "Give a language only when asking for another language",
            "Rhowch iaith dim ond wrth ofyn am iaith arall",
        )
    }
}
