//! The citizen record: the people an account may see, their details as the council holds
//! them, the professionals working with them, and messages about them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::FieldErrors;
use super::field_messages::{FieldMessages, Their};
use super::page::page;
use crate::language::Language;
use crate::rules::{Postcode, PostcodeError, UkPhone, is_email_address};

/// A person whose record the signed-in account may see, and on what footing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b001-0000-7000-8000-000000000001", "name": "Margaret Okafor",
    "relationship": "proxy", "legal_basis": "lasting_power_of_attorney", "access_ends_on": null
})))]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub relationship: Relationship,
    /// For a proxy.
    pub legal_basis: Option<LegalBasis>,
    /// The last day the proxy link works, if it ends.
    pub access_ends_on: Option<NaiveDate>,
}

/// A postal address as the council holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressView {
    pub line1: String,
    pub line2: Option<String>,
    pub town: String,
    pub postcode: String,
}

/// The Details tile: what the council holds, read only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b001-0000-7000-8000-000000000001", "forename": "Margaret", "surname": "Okafor",
    "date_of_birth": "1941-03-27", "nhs_number": "9434765919",
    "address": {"line1": "12 Marsh Lane", "line2": null, "town": "Bootle", "postcode": "L20 3NJ"},
    "email": "margaret.okafor@example.org", "home_phone": "0151 496 0123", "mobile_phone": null
})))]
pub struct PersonDetails {
    pub id: String,
    pub forename: String,
    pub surname: String,
    pub date_of_birth: Option<NaiveDate>,
    /// Ten digits, without spaces.
    pub nhs_number: Option<String>,
    pub address: Option<AddressView>,
    pub email: Option<String>,
    pub home_phone: Option<String>,
    pub mobile_phone: Option<String>,
}

/// Someone who can see a person's record online: the person, or someone who looks after them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Ade Okafor", "relationship": "proxy", "legal_basis": "lasting_power_of_attorney",
    "ends_on": "2027-03-31"
})))]
pub struct RecordReader {
    pub name: String,
    pub relationship: Relationship,
    /// For a proxy.
    pub legal_basis: Option<LegalBasis>,
    /// The last day their access works, if it ends.
    pub ends_on: Option<NaiveDate>,
}

/// How an account sees a person's record: as the person (`self`), or as someone who looks
/// after them (`proxy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Relationship {
    #[serde(rename = "self")]
    Own,
    #[serde(rename = "proxy")]
    Proxy,
}

impl Relationship {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Own => "self",
            Self::Proxy => "proxy",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "self" => Some(Self::Own),
            "proxy" => Some(Self::Proxy),
            _ => None,
        }
    }
}

super::words::stored_as_word!(Relationship, "relationship");

/// On what a proxy's access rests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    Consent,
    LastingPowerOfAttorney,
    Deputyship,
}

impl LegalBasis {
    pub const ALL: [Self; 3] = [
        Self::Consent,
        Self::LastingPowerOfAttorney,
        Self::Deputyship,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Consent => "consent",
            Self::LastingPowerOfAttorney => "lasting_power_of_attorney",
            Self::Deputyship => "deputyship",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|basis| basis.as_str() == word)
    }

    /// In words: "lasting power of attorney".
    pub fn words(self) -> &'static str {
        match self {
            Self::Consent => "consent",
            Self::LastingPowerOfAttorney => "lasting power of attorney",
            Self::Deputyship => "deputyship",
        }
    }
}

super::words::stored_as_word!(LegalBasis, "legal basis");

/// The dashboard's tiles and their counts, from one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "person": {"id": "0193b001-0000-7000-8000-000000000001", "name": "Margaret Okafor",
        "relationship": "self", "legal_basis": null, "access_ends_on": null},
    "unread_messages": 2, "involvements": 1, "unopened_documents": 1, "items_to_complete": 1
})))]
pub struct Dashboard {
    pub person: PersonSummary,
    /// Messages from the council this reader has not opened, counted up to
    /// [`Dashboard::COUNTED_UP_TO`] (which then means that many or more).
    pub unread_messages: u32,
    /// Professionals working with the person now.
    pub involvements: u32,
    /// Documents published to the person that this reader has not opened.
    pub unopened_documents: u32,
    /// Forms the council sent the person that are not yet submitted.
    pub items_to_complete: u32,
}

impl Dashboard {
    /// Unread messages are counted no further than this, so that opening the dashboard costs
    /// the same however many a person has let pile up.
    pub const COUNTED_UP_TO: u32 = 999;
}

/// A professional working with the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b002-0000-7000-8000-000000000002", "name": "Jo Bright", "role": "Social worker",
    "team": "Bootle locality team", "phone": "0151 496 0456", "email": null, "since": "2026-10-01"
})))]
pub struct InvolvementView {
    pub id: String,
    pub name: String,
    pub role: String,
    pub team: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub since: NaiveDate,
}

/// Staff record a professional working with a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Jo Bright", "role": "Social worker", "team": "Bootle locality team",
    "phone": "0151 496 0456", "since": "2026-10-01"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateInvolvementRequest {
    pub name: String,
    pub role: String,
    pub team: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    pub since: NaiveDate,
}

/// The longest name, role or team taken for a professional.
const MAX_INVOLVEMENT_FIELD: usize = 200;

impl CreateInvolvementRequest {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let says = FieldMessages(language);
        let mut errors = FieldErrors::new();
        for (field, value, their) in [
            ("name", &self.name, Their::Name),
            ("role", &self.role, Their::Role),
            ("team", &self.team, Their::Team),
        ] {
            if value.trim().is_empty() {
                errors.insert(field.into(), vec![says.enter_their(their)]);
            } else if value.chars().count() > MAX_INVOLVEMENT_FIELD {
                errors.insert(
                    field.into(),
                    vec![says.enter_their_within(their, MAX_INVOLVEMENT_FIELD)],
                );
            }
        }
        check_contact(
            &mut errors,
            self.phone.as_deref(),
            self.email.as_deref(),
            language,
        );
        if self.phone.is_none() && self.email.is_none() {
            errors.insert("phone".into(), vec![says.phone_or_email()]);
        }
        errors
    }
}

fn check_contact(
    errors: &mut FieldErrors,
    phone: Option<&str>,
    email: Option<&str>,
    language: Language,
) {
    let says = FieldMessages(language);
    if let Some(phone) = phone
        && UkPhone::parse(phone).is_err()
    {
        errors.insert("phone".into(), vec![says.uk_phone()]);
    }
    if let Some(email) = email
        && !is_email_address(email)
    {
        errors.insert("email".into(), vec![says.email_address_format()]);
    }
}

/// Staff create a person's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "forename": "Margaret", "surname": "Okafor", "date_of_birth": "1941-03-27",
    "address": {"line1": "12 Marsh Lane", "line2": null, "town": "Bootle", "postcode": "L20 3NJ"},
    "email": "margaret.okafor@example.org", "home_phone": "0151 496 0123"
})))]
#[serde(deny_unknown_fields)]
pub struct CreatePersonRequest {
    pub forename: String,
    pub surname: String,
    #[serde(default)]
    pub date_of_birth: Option<NaiveDate>,
    /// Spaces and hyphens allowed ("943 476 5919"); kept as ten digits.
    #[serde(default)]
    pub nhs_number: Option<String>,
    #[serde(default)]
    pub address: Option<AddressView>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub home_phone: Option<String>,
    #[serde(default)]
    pub mobile_phone: Option<String>,
}

impl CreatePersonRequest {
    pub fn validate(&self, today: NaiveDate) -> FieldErrors {
        self.validate_in(today, Language::English)
    }

    pub fn validate_in(&self, today: NaiveDate, language: Language) -> FieldErrors {
        let says = FieldMessages(language);
        let mut errors = super::validate_names_in(&self.forename, &self.surname, language);
        if self
            .nhs_number
            .as_deref()
            .is_some_and(|n| !crate::rules::is_nhs_number(n))
        {
            errors.insert("nhs_number".into(), vec![says.nhs_number()]);
        }
        if self.date_of_birth.is_some_and(|d| d > today) {
            errors.insert(
                "date_of_birth".into(),
                vec![says.date_of_birth_in_the_past()],
            );
        }
        if let Some(address) = &self.address {
            if address.line1.trim().is_empty() {
                errors.insert("address.line1".into(), vec![says.first_line_of_address()]);
            }
            if address.town.trim().is_empty() {
                errors.insert("address.town".into(), vec![says.town_or_city()]);
            }
            // A missing postcode gets the same message as a wrong one: the address needs one.
            if Postcode::parse(&address.postcode).is_err() {
                errors.insert(
                    "address.postcode".into(),
                    vec![PostcodeError::Invalid.message_in(language).to_owned()],
                );
            }
        }
        check_contact(
            &mut errors,
            self.home_phone.as_deref(),
            self.email.as_deref(),
            language,
        );
        if let Some(mobile) = &self.mobile_phone
            && UkPhone::parse(mobile).is_err()
        {
            errors.insert("mobile_phone".into(), vec![says.uk_mobile_phone()]);
        }
        errors
    }
}

/// Staff give an account access to a person's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "ade.okafor@example.org", "relationship": "proxy",
    "legal_basis": "lasting_power_of_attorney", "ends_on": null
})))]
#[serde(deny_unknown_fields)]
pub struct CreateLinkRequest {
    /// The email address of the portal account.
    pub email: String,
    /// `self` or `proxy`.
    pub relationship: String,
    /// For a proxy: `consent`, `lasting_power_of_attorney` or `deputyship`.
    #[serde(default)]
    pub legal_basis: Option<String>,
    /// The last day a proxy link works; none for no end.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
}

impl CreateLinkRequest {
    /// The footing asked for, when it is a whole one: `self` with no legal basis, or `proxy`
    /// with one.
    pub fn footing(&self) -> Option<(Relationship, Option<LegalBasis>)> {
        match (
            Relationship::parse(&self.relationship)?,
            self.legal_basis.as_deref(),
        ) {
            (Relationship::Own, None) => Some((Relationship::Own, None)),
            (Relationship::Proxy, Some(basis)) => {
                Some((Relationship::Proxy, Some(LegalBasis::parse(basis)?)))
            }
            _ => None,
        }
    }

    pub fn validate(&self, today: NaiveDate) -> FieldErrors {
        self.validate_in(today, Language::English)
    }

    pub fn validate_in(&self, today: NaiveDate, language: Language) -> FieldErrors {
        let says = FieldMessages(language);
        let mut errors = FieldErrors::new();
        if !is_email_address(&self.email) {
            errors.insert("email".into(), vec![says.email_address_format()]);
        }
        match (self.relationship.as_str(), self.legal_basis.as_deref()) {
            ("self", None) => {}
            ("self", Some(_)) => {
                errors.insert(
                    "legal_basis".into(),
                    vec![says.own_access_has_no_legal_basis()],
                );
            }
            ("proxy", Some(basis)) if LegalBasis::parse(basis).is_some() => {}
            ("proxy", _) => {
                errors.insert("legal_basis".into(), vec![says.choose_legal_basis()]);
            }
            _ => {
                errors.insert("relationship".into(), vec![says.choose_self_or_proxy()]);
            }
        }
        if self.ends_on.is_some_and(|d| d < today) {
            errors.insert("ends_on".into(), vec![says.end_date_today_or_later()]);
        }
        errors
    }
}

/// A message in a list: the inbox (from the council) or sent items (from the person's side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b010-0000-7000-8000-000000000010", "thread_id": "0193b00f-0000-7000-8000-00000000000f",
    "subject": "Your care assessment", "from": "Adult social care contact team",
    "sent_at": "2026-11-23T09:30:00Z", "unread": true
})))]
pub struct MessageSummary {
    pub id: String,
    pub thread_id: String,
    pub subject: String,
    /// Who sent it: the team, or the name of the account holder.
    pub from: String,
    pub sent_at: DateTime<Utc>,
    /// Not yet opened by this reader (shown in bold).
    pub unread: bool,
}

page!(
    /// One page of messages, newest first.
    MessagePage of MessageSummary
);

/// Who wrote a message: the person or their proxy (`citizen`), or the team (`staff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sender {
    Citizen,
    Staff,
}

impl Sender {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Citizen => "citizen",
            Self::Staff => "staff",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "citizen" => Some(Self::Citizen),
            "staff" => Some(Self::Staff),
            _ => None,
        }
    }
}

super::words::stored_as_word!(Sender, "message sender");

/// One message of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageView {
    pub id: String,
    pub sender: Sender,
    pub from: String,
    pub body: String,
    /// The earlier message this one answers, quoted beneath it.
    pub in_reply_to: Option<String>,
    pub sent_at: DateTime<Utc>,
}

/// A conversation about one person, oldest message first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b00f-0000-7000-8000-00000000000f", "subject": "Your care assessment",
    "message_type": "care_assessment", "message_type_label": "My care assessment",
    "messages": [{"id": "0193b010-0000-7000-8000-000000000010", "sender": "staff",
        "from": "Adult social care contact team", "body": "We will visit on Tuesday.",
        "in_reply_to": null, "sent_at": "2026-11-23T09:30:00Z"}]
})))]
pub struct ThreadView {
    pub id: String,
    pub subject: String,
    pub message_type: String,
    pub message_type_label: String,
    pub messages: Vec<MessageView>,
}

/// A new message: its type decides the team that receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "message_type": "appointments", "subject": "Doctor's appointment",
    "body": "Margaret has a hospital appointment on 2 December at 10am."
})))]
#[serde(deny_unknown_fields)]
pub struct NewMessageRequest {
    pub message_type: String,
    pub subject: String,
    pub body: String,
}

pub const MAX_SUBJECT: usize = 150;
pub const MAX_BODY: usize = 5000;

impl NewMessageRequest {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let says = FieldMessages(language);
        let mut errors = FieldErrors::new();
        if self.message_type.trim().is_empty() {
            errors.insert("message_type".into(), vec![says.select_message_type()]);
        }
        if self.subject.trim().is_empty() {
            errors.insert("subject".into(), vec![says.enter_a_subject()]);
        } else if self.subject.chars().count() > MAX_SUBJECT {
            errors.insert("subject".into(), vec![says.subject_too_long(MAX_SUBJECT)]);
        }
        errors.extend(validate_body_in(&self.body, language));
        errors
    }
}

/// A reply to a message of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "in_reply_to": "0193b010-0000-7000-8000-000000000010", "body": "Tuesday is fine, thank you."
})))]
#[serde(deny_unknown_fields)]
pub struct ReplyRequest {
    pub in_reply_to: String,
    pub body: String,
}

/// A message's or a reply's body. In English, as the server answers; [`validate_body_in`] for a
/// page's language.
pub fn validate_body(body: &str) -> FieldErrors {
    validate_body_in(body, Language::English)
}

pub fn validate_body_in(body: &str, language: Language) -> FieldErrors {
    let says = FieldMessages(language);
    let mut errors = FieldErrors::new();
    if body.trim().is_empty() {
        errors.insert("body".into(), vec![says.enter_your_message()]);
    } else if body.chars().count() > MAX_BODY {
        errors.insert("body".into(), vec![says.message_too_long(MAX_BODY)]);
    }
    errors
}

/// A document published to a person (Items to view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b020-0000-7000-8000-000000000020", "title": "Your care and support plan",
    "file_name": "care-plan.pdf", "content_type": "application/pdf", "size": 48213,
    "published_at": "2026-11-23T09:00:00Z", "opened": false
})))]
pub struct DocumentSummary {
    pub id: String,
    pub title: String,
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
    pub published_at: DateTime<Utc>,
    /// Whether this reader has opened it (unopened ones show in bold).
    pub opened: bool,
}

page!(
    /// One page of involvements, longest-standing first.
    InvolvementPage of InvolvementView
);

page!(
    /// One page of documents, newest first.
    DocumentPage of DocumentSummary
);

#[cfg(test)]
mod tests {
    use super::*;

    fn person() -> CreatePersonRequest {
        CreatePersonRequest {
            forename: "Margaret".into(),
            surname: "Okafor".into(),
            date_of_birth: None,
            nhs_number: None,
            address: None,
            email: None,
            home_phone: None,
            mobile_phone: None,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn contact_details_are_refused_in_the_page_language() {
        let request = CreatePersonRequest {
            address: Some(AddressView {
                line1: "12 Marsh Lane".into(),
                line2: None,
                town: "Bootle".into(),
                postcode: "L20 3NC".into(),
            }),
            home_phone: Some("+1 202 555 0100".into()),
            mobile_phone: Some("0770 090 045".into()),
            ..person()
        };
        let welsh = request.validate_in(today(), Language::Welsh);
        assert_eq!(
            welsh["phone"],
            ["Rhowch rif ffôn yn y DU, fel 0151 496 0000 neu 07700 900 982"]
        );
        assert_eq!(
            welsh["mobile_phone"],
            ["Rhowch rif ffôn yn y DU, fel 07700 900 982"]
        );
        assert_eq!(
            welsh["address.postcode"],
            ["Rhowch god post go iawn, fel L20 3NJ"]
        );
        let english = request.validate(today());
        assert_eq!(english, request.validate_in(today(), Language::English));
        assert_eq!(
            english["phone"],
            ["Enter a UK phone number, like 0151 496 0000 or 07700 900 982"]
        );
        assert_eq!(
            english["mobile_phone"],
            ["Enter a UK phone number, like 07700 900 982"]
        );
        assert_eq!(
            english["address.postcode"],
            ["Enter a real postcode, like L20 3NJ"]
        );
    }

    #[test]
    fn a_professional_needs_a_way_to_be_reached_in_either_language() {
        let request = CreateInvolvementRequest {
            name: "Jo Bright".into(),
            role: String::new(),
            team: "Bootle locality team".into(),
            phone: None,
            email: None,
            since: today(),
        };
        let welsh = request.validate_in(Language::Welsh);
        assert_eq!(welsh["role"], ["Rhowch eu rôl"]);
        assert_eq!(welsh["phone"], ["Rhowch rif ffôn neu gyfeiriad e-bost"]);
        let english = request.validate();
        assert_eq!(english["role"], ["Enter their role"]);
        assert_eq!(
            english["phone"],
            ["Enter a phone number or an email address"]
        );
    }

    #[test]
    fn a_message_too_long_is_refused_in_the_page_language() {
        let body = "x".repeat(MAX_BODY + 1);
        assert_eq!(
            validate_body_in(&body, Language::Welsh)["body"],
            ["Rhaid i'r neges fod yn 5000 nod neu lai"]
        );
        assert_eq!(
            validate_body(&body)["body"],
            ["Message must be 5000 characters or fewer"]
        );
        let message = NewMessageRequest {
            message_type: String::new(),
            subject: "Doctor's appointment".into(),
            body: String::new(),
        };
        let welsh = message.validate_in(Language::Welsh);
        assert_eq!(welsh["message_type"], ["Dewiswch fath o neges"]);
        assert_eq!(welsh["body"], ["Rhowch eich neges"]);
        let english = message.validate();
        assert_eq!(english["message_type"], ["Select a message type"]);
        assert_eq!(english["body"], ["Enter your message"]);
    }

    #[test]
    fn a_link_is_refused_in_the_page_language() {
        let request = CreateLinkRequest {
            email: "ade.okafor@example.org".into(),
            relationship: "proxy".into(),
            legal_basis: None,
            ends_on: None,
        };
        assert_eq!(
            request.validate_in(today(), Language::Welsh)["legal_basis"],
            ["Dewiswch ganiatâd, atwrneiaeth arhosol neu ddirprwyaeth"]
        );
        assert_eq!(
            request.validate(today())["legal_basis"],
            ["Choose consent, lasting power of attorney or deputyship"]
        );
    }
}
