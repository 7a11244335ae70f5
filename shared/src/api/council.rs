use serde::{Deserialize, Serialize};

use crate::language::Language;

/// What the public may know of the council running this portal: the browser app builds its
/// header, notices and links from this, so no council detail is compiled into the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Eastmoor Borough Council",
    "service_name": "Adult Social Care Online",
    "name_cy": "Cyngor Bwrdeistref Eastmoor",
    "service_name_cy": "Gofal Cymdeithasol i Oedolion Ar-lein",
    "phone_numbers": {
        "contact_centre": {"display": "0113 496 0000", "uri": "tel:+441134960000"},
        "urgent": {"display": "0113 496 0001", "uri": "tel:+441134960001"},
        "records": {"display": "0808 157 0192", "uri": "tel:+448081570192"},
        "safeguarding": {"display": "0113 496 0002", "uri": "tel:+441134960002"}
    },
    "links": {
        "information": "https://www.example.org/adult-social-care",
        "local_support": "https://directory.example.org/adults",
        "paying_for_care": "https://www.example.org/paying-for-care",
        "call_charges": "https://www.example.org/call-charges",
        "privacy_notice": "https://www.example.org/privacy/adult-social-care",
        "accessibility_statement": "https://www.example.org/accessibility",
        "advocacy": "https://www.example.org/adult-social-care/advocacy"
    },
    "postcode_districts": ["EM1", "EM2"],
    "message_types": [
        {"key": "general", "label": "General enquiry", "label_cy": "Ymholiad cyffredinol"}
    ]
})))]
pub struct CouncilView {
    pub name: String,
    pub service_name: String,
    /// The council's name in Welsh, when the council runs the service in Welsh too (it then
    /// gives every text in both languages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_cy: Option<String>,
    /// The service's name in Welsh, given with `name_cy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name_cy: Option<String>,
    pub phone_numbers: PhoneNumbersView,
    pub links: InformationLinksView,
    /// Outward codes (for example `L20`) of the postcodes this council serves.
    pub postcode_districts: Vec<String>,
    /// The kinds of message a citizen can send; each decides the team that receives it.
    pub message_types: Vec<MessageTypeView>,
}

impl CouncilView {
    /// The council's name as a reader of `language` sees it: its Welsh name where it gave one.
    pub fn name_in(&self, language: Language) -> &str {
        in_language(&self.name, self.name_cy.as_deref(), language)
    }

    pub fn service_name_in(&self, language: Language) -> &str {
        in_language(
            &self.service_name,
            self.service_name_cy.as_deref(),
            language,
        )
    }
}

/// A council text in `language`, English where the council gave no Welsh.
pub fn in_language<'a>(english: &'a str, welsh: Option<&'a str>, language: Language) -> &'a str {
    match (language, welsh) {
        (Language::Welsh, Some(welsh)) => welsh,
        _ => english,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhoneNumbersView {
    /// The general number, and the one for urgent needs when a referral cannot wait.
    pub contact_centre: PhoneNumberView,
    /// Given beside messaging, which is not for urgent matters.
    pub urgent: PhoneNumberView,
    /// For telling the council that the details it holds are wrong.
    pub records: PhoneNumberView,
    /// Safeguarding concerns are never taken through an online form.
    pub safeguarding: PhoneNumberView,
}

/// A phone number as people read it, and as a `tel:` link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhoneNumberView {
    pub display: String,
    pub uri: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InformationLinksView {
    /// The council's adult social care pages.
    pub information: String,
    /// The council's directory of local services for adults.
    pub local_support: String,
    /// The council's pages on charges for care.
    pub paying_for_care: String,
    pub call_charges: String,
    pub privacy_notice: String,
    pub accessibility_statement: String,
    /// How to get an independent advocate to speak for someone.
    pub advocacy: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageTypeView {
    pub key: String,
    pub label: String,
    /// The label in Welsh, when the council runs the service in Welsh too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_cy: Option<String>,
}

impl MessageTypeView {
    pub fn label_in(&self, language: Language) -> &str {
        in_language(&self.label, self.label_cy.as_deref(), language)
    }
}

/// The answer of `GET /api/v1/council/coverage`: whether the council serves a postcode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "postcode": "L20 3NJ", "district": "L20", "served": true
})))]
pub struct PostcodeCoverage {
    /// The postcode as the council stores it: upper case, one space.
    pub postcode: String,
    /// Its outward code, which decides the council.
    pub district: String,
    /// Whether this council serves people living there.
    pub served: bool,
}
