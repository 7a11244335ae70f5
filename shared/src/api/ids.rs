//! The ids in the API's paths, each a type of its own: a person's id cannot be passed where a
//! submission's is meant, and a path segment that is no id of its kind is refused where it is
//! parsed (the server answers 404, as for an id it does not hold) before any query runs.
//!
//! Records are named by UUIDs (the server makes version 7 ones), written lower-case with hyphens
//! as they are stored; forms and teams by the keys the council gives them. With the `diesel`
//! feature (the server's) an id is bound in a query and read from a row as itself, as lemmy's
//! shared types are: the browser's build carries no database crate.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Text that is not an id of the kind wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadId {
    /// What the text should have been: "person id".
    pub kind: &'static str,
}

impl fmt::Display for BadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "this is not a {}", self.kind)
    }
}

impl std::error::Error for BadId {}

/// A form's id as its definition gives it: lower-case words of letters and digits joined by
/// hyphens ("support-enquiry").
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text.split('-').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A council's key for a team or a message type: lower-case letters and underscores.
pub fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

fn uuid(text: &str) -> Option<String> {
    uuid::Uuid::try_parse(text)
        .ok()
        .map(|id| id.hyphenated().to_string())
}

fn checked(text: &str, check: fn(&str) -> bool) -> Option<String> {
    check(text).then(|| text.to_owned())
}

macro_rules! id {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $parse:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        #[cfg_attr(
            feature = "diesel",
            derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
            diesel(sql_type = diesel::sql_types::Text)
        )]
        pub struct $name(String);

        #[cfg(feature = "diesel")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                self.0.as_str().to_sql(out)
            }
        }

        /// A stored id that is not one of its kind is bad data, an error, never passed on.
        #[cfg(feature = "diesel")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                Ok(String::from_sql(bytes)?.parse()?)
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = BadId;

            fn try_from(text: String) -> Result<Self, BadId> {
                text.parse()
            }
        }

        impl FromStr for $name {
            type Err = BadId;

            fn from_str(text: &str) -> Result<Self, BadId> {
                let parse: fn(&str) -> Option<String> = $parse;
                parse(text).map(Self).ok_or(BadId { kind: $kind })
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        /// Read as text wherever text is taken (an audit event's subject, a URL): the type
        /// guards the way in, from the path to the feature, not every use of the text after.
        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id!(
    /// A person the council holds a record for.
    PersonId, "person id", uuid
);
id!(
    /// A form someone sent, or an item they answered.
    SubmissionId, "submission id", uuid
);
id!(
    /// Something the council sent a person to answer or sign.
    ItemId, "item id", uuid
);
id!(
    /// A form someone has started and not sent.
    DraftId, "draft id", uuid
);
id!(
    /// A file attached to an answer.
    UploadId, "upload id", uuid
);
id!(
    /// A letter or other document on a person's record.
    DocumentId, "document id", uuid
);
id!(
    /// A conversation between a person's record and the council.
    ThreadId, "thread id", uuid
);
id!(
    /// An invitation to see someone's record.
    InvitationId, "invitation id", uuid
);
id!(
    /// An account's access to a person's record.
    LinkId, "link id", uuid
);
id!(
    /// An account: a citizen's, a professional's or a member of staff's.
    AccountId, "account id", uuid
);
id!(
    /// An integrator's API client.
    ClientId, "API client id", uuid
);
id!(
    /// A registered webhook.
    WebhookId, "webhook id", uuid
);
id!(
    /// A webhook's event and the attempts to deliver it: "msg_" and a UUID, as the Standard
    /// Webhooks message id it is sent under.
    DeliveryId, "delivery id", |text| {
        text.strip_prefix("msg_").and_then(uuid).map(|id| format!("msg_{id}"))
    }
);
id!(
    /// An email in the outbox.
    EmailId, "email id", uuid
);
id!(
    /// A form, by the id its definition gives it.
    FormId, "form id", |text| checked(text, is_slug)
);
id!(
    /// A team, by the council's key for it.
    TeamKey, "team key", |text| checked(text, is_key)
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_read_in_the_form_it_is_stored_and_anything_else_is_refused() {
        let id: PersonId = "0193B001-0000-7000-8000-000000000001".parse().unwrap();
        assert_eq!(id.as_str(), "0193b001-0000-7000-8000-000000000001");
        assert_eq!(
            "no-such-person".parse::<PersonId>(),
            Err(BadId { kind: "person id" })
        );
        assert!("".parse::<SubmissionId>().is_err());
        assert!("../etc/passwd".parse::<DraftId>().is_err());
        let delivery: DeliveryId = "msg_0193b001-0000-7000-8000-00000000000a".parse().unwrap();
        assert_eq!(
            delivery.as_str(),
            "msg_0193b001-0000-7000-8000-00000000000a"
        );
        assert!(
            "0193b001-0000-7000-8000-00000000000a"
                .parse::<DeliveryId>()
                .is_err()
        );
    }

    #[test]
    fn forms_and_teams_are_named_by_their_keys() {
        assert!("support-enquiry".parse::<FormId>().is_ok());
        assert!("Support-Enquiry".parse::<FormId>().is_err());
        assert!("support--enquiry".parse::<FormId>().is_err());
        assert!("hospital_discharge".parse::<TeamKey>().is_ok());
        assert!("hospital-discharge".parse::<TeamKey>().is_err());
    }

    #[test]
    fn an_id_goes_over_the_wire_as_its_text() {
        let id: ThreadId =
            serde_json::from_str("\"0193b001-0000-7000-8000-000000000009\"").unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"0193b001-0000-7000-8000-000000000009\""
        );
        assert!(serde_json::from_str::<ThreadId>("\"thread\"").is_err());
    }
}
