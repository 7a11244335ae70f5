//! The council's configuration: read from its TOML file, checked, and kept in the database.
//!
//! Every node runs with the file applied last (`council_versions`). A node started with another
//! file runs with the applied one and says so on `/health/ready`; only `portal council apply`
//! (or the first start on an empty database) makes a file the one applied. So during a rolling
//! deploy, nodes holding different files never flip teams between active and inactive.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, bail, ensure};
use chrono::Utc;
use diesel::prelude::*;
use serde::Deserialize;
use shared::api::{
    CouncilView, InformationLinksView, MessageTypeView, PhoneNumberView, PhoneNumbersView,
};
use shared::rules::{UkPhone, is_postcode_district};
use url::Url;

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::schema::council_versions;
use crate::db::{DbConnection, DbError};
use crate::messages::types as message_types;
use crate::teams;

/// The council file as written. Unknown keys are refused: a misspelt key would otherwise be
/// silently ignored and a default shown to the public.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilFile {
    pub name: String,
    pub service_name: String,
    /// The council's name in Welsh. Welsh is all or nothing (`welsh`).
    #[serde(default)]
    pub name_cy: Option<String>,
    /// The service's name in Welsh.
    #[serde(default)]
    pub service_name_cy: Option<String>,
    pub postcode_districts: Vec<String>,
    pub phone_numbers: PhoneNumbersFile,
    pub links: LinksFile,
    pub teams: Vec<TeamFile>,
    pub message_types: Vec<MessageTypeFile>,
    /// The message type a request for a document in another format (large print, easy read,
    /// audio, braille, another language) arrives as; the first message type when left out.
    #[serde(default)]
    pub formats_message_type: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneNumbersFile {
    pub contact_centre: String,
    pub urgent: String,
    pub records: String,
    pub safeguarding: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinksFile {
    pub information: Url,
    pub local_support: Url,
    pub paying_for_care: Url,
    pub call_charges: Url,
    pub privacy_notice: Url,
    pub accessibility_statement: Url,
    /// How to get an independent advocate to speak for someone.
    pub advocacy: Url,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamFile {
    pub key: String,
    pub name: String,
    /// The team's name in Welsh.
    #[serde(default)]
    pub name_cy: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageTypeFile {
    pub key: String,
    pub label: String,
    /// The label in Welsh.
    #[serde(default)]
    pub label_cy: Option<String>,
    pub team: String,
}

/// The checked configuration.
#[derive(Debug, Clone)]
pub struct Council {
    file: CouncilFile,
    view: CouncilView,
    text: String,
    version: Version,
}

/// Which council file: the SHA-256 of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version(String);

impl Version {
    fn of(text: &str) -> Self {
        Self(format!("{:x}", Sha256::digest(text.as_bytes())))
    }

    /// The first twelve digits, enough to tell files apart in a log or on `/health/ready`.
    pub fn short(&self) -> &str {
        self.0.get(..12).unwrap_or(&self.0)
    }
}

/// What a node starting with a council file runs with.
#[derive(Debug)]
pub struct Settled {
    /// The council applied to the database, which this node runs with.
    pub council: Council,
    /// The version of the node's own file, which differs from the council's when the file was
    /// changed but not applied.
    pub file_version: Version,
}

impl Council {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("could not read the council file {}", path.display()))?;
        Self::parse(&text)
            .with_context(|| format!("the council file {} is not valid", path.display()))
    }

    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let file: CouncilFile = toml::from_str(text)?;
        let view = file.check()?;
        Ok(Self {
            file,
            view,
            text: text.to_owned(),
            version: Version::of(text),
        })
    }

    pub fn version(&self) -> &Version {
        &self.version
    }

    /// What the public may see.
    pub fn view(&self) -> &CouncilView {
        &self.view
    }

    /// Whether `key` names one of the council's teams.
    pub fn has_team(&self, key: &str) -> bool {
        self.file.teams.iter().any(|t| t.key == key)
    }

    /// The message type a request for a document in another format arrives as, so it reaches
    /// that type's team.
    pub fn formats_message_type(&self) -> &str {
        self.file
            .formats_message_type
            .as_deref()
            .or_else(|| self.file.message_types.first().map(|m| m.key.as_str()))
            .unwrap_or_default()
    }

    /// Whether a postcode district is in the council's area.
    pub fn serves_district(&self, district: &str) -> bool {
        self.view.postcode_districts.iter().any(|d| d == district)
    }

    /// Makes this file the council every node runs with: records it as the newest applied, and
    /// copies its teams and message types into the database. Rows are never deleted, since
    /// messages refer to them; ones gone from the file are marked inactive instead.
    pub fn apply(&self, conn: &mut DbConnection) -> Result<(), DbError> {
        conn.write_transaction(|conn| self.apply_in(conn))
    }

    fn apply_in(&self, conn: &mut DbConnection) -> Result<(), DbError> {
        diesel::insert_into(council_versions::table)
            .values((
                council_versions::id.eq(Uuid::now_v7().to_string()),
                council_versions::version.eq(&self.version.0),
                council_versions::text.eq(&self.text),
                council_versions::applied_at.eq(Utc::now().naive_utc()),
            ))
            .execute(conn)?;
        self.copy_teams_and_message_types(conn)
    }

    /// The council a node starting with this file runs with: this file when nothing was applied
    /// yet (it is applied now) or when it is the one applied; otherwise the applied one, with a
    /// warning, so that every node agrees until someone runs `portal council apply`.
    pub fn settle(self, conn: &mut DbConnection) -> anyhow::Result<Settled> {
        let file_version = self.version.clone();
        let applied = conn.write_transaction(|conn| -> Result<_, DbError> {
            let applied = newest(conn)?;
            if applied.is_none() {
                self.apply_in(conn)?;
            }
            Ok(applied)
        })?;
        let council = match applied {
            Some((version, _)) if version == file_version.0 => self,
            None => self,
            Some((version, text)) => {
                let applied = Self::parse(&text).with_context(|| {
                    format!(
                        "the council file applied to the database (version {}) cannot be read \
                         by this release; apply this release's file with `portal council apply`",
                        version.get(..12).unwrap_or(&version)
                    )
                })?;
                tracing::warn!(
                    file = file_version.short(),
                    applied = applied.version.short(),
                    "this node's council file differs from the one applied to the database, so \
                     the node runs with the applied one; `portal council apply` makes this file \
                     the council every node runs with"
                );
                applied
            }
        };
        // The copy of the teams and message types is refreshed from the council the node runs
        // with, so a release that keeps more of the file (a team's Welsh name) has it at once,
        // not only after the next `portal council apply`.
        conn.write_transaction(|conn| council.copy_teams_and_message_types(conn))?;
        Ok(Settled {
            council,
            file_version,
        })
    }

    fn copy_teams_and_message_types(&self, conn: &mut DbConnection) -> Result<(), DbError> {
        let now = Utc::now().naive_utc();
        teams::apply(
            conn,
            self.file.teams.iter().map(|team| teams::Configured {
                key: &team.key,
                name: &team.name,
                name_cy: team.name_cy.as_deref(),
                email: team.email.as_deref(),
            }),
            now,
        )?;
        message_types::apply(
            conn,
            self.file
                .message_types
                .iter()
                .map(|kind| message_types::Configured {
                    key: &kind.key,
                    label: &kind.label,
                    team: &kind.team,
                }),
            now,
        )?;
        Ok(())
    }
}

/// The version of the council file applied last, if any was.
pub fn applied_version(conn: &mut DbConnection) -> Result<Option<Version>, DbError> {
    Ok(council_versions::table
        .order((
            council_versions::applied_at.desc(),
            council_versions::id.desc(),
        ))
        .select(council_versions::version)
        .first::<String>(conn)
        .optional()?
        .map(Version))
}

/// The council file applied last: its version and text.
fn newest(conn: &mut DbConnection) -> Result<Option<(String, String)>, DbError> {
    Ok(council_versions::table
        .order((
            council_versions::applied_at.desc(),
            council_versions::id.desc(),
        ))
        .select((council_versions::version, council_versions::text))
        .first(conn)
        .optional()?)
}

impl CouncilFile {
    /// Checks everything a mistake in the file could break, and builds the public view.
    fn check(&self) -> anyhow::Result<CouncilView> {
        ensure!(!self.name.trim().is_empty(), "name is empty");
        ensure!(
            !self.service_name.trim().is_empty(),
            "service_name is empty"
        );
        ensure!(
            !self.postcode_districts.is_empty(),
            "postcode_districts is empty"
        );
        let mut districts = Vec::with_capacity(self.postcode_districts.len());
        for district in &self.postcode_districts {
            let district = district.trim().to_ascii_uppercase();
            ensure!(
                is_postcode_district(&district),
                "postcode_districts: {district:?} is not a postcode district such as L20"
            );
            districts.push(district);
        }
        let links = &self.links;
        for (key, url) in [
            ("information", &links.information),
            ("local_support", &links.local_support),
            ("paying_for_care", &links.paying_for_care),
            ("call_charges", &links.call_charges),
            ("privacy_notice", &links.privacy_notice),
            ("accessibility_statement", &links.accessibility_statement),
            ("advocacy", &links.advocacy),
        ] {
            ensure!(
                url.scheme() == "https",
                "links.{key} must be an https address"
            );
        }
        let team_keys = unique_keys("teams", self.teams.iter().map(|t| t.key.as_str()))?;
        unique_keys(
            "message_types",
            self.message_types.iter().map(|m| m.key.as_str()),
        )?;
        ensure!(!self.message_types.is_empty(), "message_types is empty");
        if let Some(kind) = &self.formats_message_type {
            ensure!(
                self.message_types.iter().any(|m| &m.key == kind),
                "formats_message_type: {kind:?} is not one of the message_types"
            );
        }
        for kind in &self.message_types {
            if !team_keys.contains(kind.team.as_str()) {
                bail!(
                    "message type {:?} names the team {:?}, which is not in teams",
                    kind.key,
                    kind.team
                );
            }
        }
        self.welsh()?;
        let phones = &self.phone_numbers;
        Ok(CouncilView {
            name: self.name.trim().to_owned(),
            service_name: self.service_name.trim().to_owned(),
            name_cy: trimmed(&self.name_cy),
            service_name_cy: trimmed(&self.service_name_cy),
            phone_numbers: PhoneNumbersView {
                contact_centre: phone("contact_centre", &phones.contact_centre)?,
                urgent: phone("urgent", &phones.urgent)?,
                records: phone("records", &phones.records)?,
                safeguarding: phone("safeguarding", &phones.safeguarding)?,
            },
            links: InformationLinksView {
                information: links.information.to_string(),
                local_support: links.local_support.to_string(),
                paying_for_care: links.paying_for_care.to_string(),
                call_charges: links.call_charges.to_string(),
                privacy_notice: links.privacy_notice.to_string(),
                accessibility_statement: links.accessibility_statement.to_string(),
                advocacy: links.advocacy.to_string(),
            },
            postcode_districts: districts,
            message_types: self
                .message_types
                .iter()
                .map(|m| MessageTypeView {
                    key: m.key.clone(),
                    label: m.label.clone(),
                    label_cy: trimmed(&m.label_cy),
                })
                .collect(),
        })
    }

    /// Welsh is all or nothing: a council that gives one text in Welsh gives every one (its
    /// name, the service's, each team's and each message type's), so that no page a Welsh
    /// speaker reads is half in English. Names each text still missing.
    fn welsh(&self) -> anyhow::Result<()> {
        let mut texts = vec![
            ("name_cy".to_owned(), &self.name_cy),
            ("service_name_cy".to_owned(), &self.service_name_cy),
        ];
        for team in &self.teams {
            texts.push((format!("name_cy of team {:?}", team.key), &team.name_cy));
        }
        for kind in &self.message_types {
            texts.push((
                format!("label_cy of message type {:?}", kind.key),
                &kind.label_cy,
            ));
        }
        let given = |text: &Option<String>| text.as_deref().is_some_and(|t| !t.trim().is_empty());
        if texts.iter().any(|(_, text)| given(text)) {
            let missing: Vec<&str> = texts
                .iter()
                .filter(|(_, text)| !given(text))
                .map(|(key, _)| key.as_str())
                .collect();
            ensure!(
                missing.is_empty(),
                "Welsh is given for some texts but not all; add {}",
                missing.join(", ")
            );
        }
        Ok(())
    }
}

fn trimmed(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn phone(key: &str, written: &str) -> anyhow::Result<PhoneNumberView> {
    let parsed = UkPhone::parse(written).with_context(|| format!("phone_numbers.{key}"))?;
    Ok(PhoneNumberView {
        display: written.trim().to_owned(),
        uri: parsed.tel_uri(),
    })
}

fn unique_keys<'a>(
    list: &str,
    keys: impl Iterator<Item = &'a str>,
) -> anyhow::Result<HashSet<&'a str>> {
    let mut seen = HashSet::new();
    for key in keys {
        ensure!(
            !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{list}: the key {key:?} must be lower-case letters and underscores"
        );
        ensure!(seen.insert(key), "{list}: the key {key:?} appears twice");
    }
    Ok(seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = include_str!("../../config/council.toml");

    #[test]
    fn the_demonstration_council_is_valid() {
        let council = Council::parse(DEMO).unwrap();
        assert_eq!(council.view().name, "Eastmoor Borough Council");
        assert_eq!(
            council.view().phone_numbers.contact_centre.uri,
            "tel:+441134960000"
        );
        assert!(council.serves_district("L20"));
        assert!(!council.serves_district("L1"));
        assert_eq!(
            council.view().name_cy.as_deref(),
            Some("Cyngor Bwrdeistref Eastmoor")
        );
        assert_eq!(
            council.view().message_types[0].label_cy.as_deref(),
            Some("Ymholiad cyffredinol")
        );
    }

    #[test]
    fn a_council_in_english_only_gives_no_welsh_at_all() {
        let english: String = DEMO
            .lines()
            .filter(|line| !line.contains("_cy ="))
            .map(|line| format!("{line}\n"))
            .collect();
        let council = Council::parse(&english).unwrap();
        assert_eq!(council.view().name_cy, None);
        assert!(
            council
                .view()
                .message_types
                .iter()
                .all(|m| m.label_cy.is_none())
        );
    }

    #[test]
    fn mistakes_in_the_file_are_refused_with_the_key_named() {
        let cases = [
            (
                DEMO.replace("\"0113 496 0001\"", "\"999\""),
                "phone_numbers.urgent",
            ),
            (DEMO.replace("\"PR9\"", "\"PR 9\""), "postcode_districts"),
            (
                DEMO.replace("team = \"finance\"", "team = \"finances\""),
                "finances",
            ),
            (
                DEMO.replace(
                    "https://www.example.org/call-charges",
                    "http://www.example.org/c",
                ),
                "links.call_charges",
            ),
            (
                DEMO.replace("service_name =", "service_nam ="),
                "service_nam",
            ),
            (
                DEMO.replace("key = \"dols\"", "key = \"finance\""),
                "appears twice",
            ),
            (
                DEMO.replace("name_cy = \"Therapi Galwedigaethol\" # review\n", ""),
                "name_cy of team \"occupational_therapy\"",
            ),
            (
                DEMO.replace("label_cy = \"Ymholiad cyffredinol\"", "label_cy = \" \""),
                "label_cy of message type \"general\"",
            ),
        ];
        for (text, named) in cases {
            let error = format!("{:#}", Council::parse(&text).unwrap_err());
            assert!(error.contains(named), "{error} should name {named}");
        }
    }
}
