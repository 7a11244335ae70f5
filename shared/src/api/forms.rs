use serde::{Deserialize, Serialize};

use crate::forms::{Audience, FormDefinition};

/// A form in the list of published forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "dols-form-1", "version": 1,
    "title": "DoLS Form 1: standard request and urgent authorisation",
    "audience": "professional",
    "summary": "A managing authority asks the supervisory body for a standard authorisation."
})))]
pub struct FormSummary {
    pub id: String,
    pub version: u32,
    pub title: String,
    /// `professional`, `citizen` (sent by the council to a person) or `anyone` (professionals
    /// and citizens referring themselves or someone they care for).
    pub audience: String,
    pub summary: String,
}

impl From<&FormDefinition> for FormSummary {
    fn from(form: &FormDefinition) -> Self {
        Self {
            id: form.id.clone(),
            version: form.version,
            title: form.title.english().to_owned(),
            audience: match form.audience {
                Audience::Professional => "professional".into(),
                Audience::Citizen => "citizen".into(),
                Audience::Anyone => "anyone".into(),
            },
            summary: form.summary.english().to_owned(),
        }
    }
}
