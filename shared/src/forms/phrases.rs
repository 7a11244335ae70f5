//! The sentences the form engine writes itself, around a question's own words: the error
//! messages generated from a label ("Enter your role"), and what a date or an answer breaks. The
//! server and the browser run the same engine, so these live with it rather than in either's
//! message files (Fluent on the server would cost the browser's first download its parser; the
//! browser's compiled messages cannot run on the server). Welsh wraps the question's words as
//! "label: sentence" so that no mutation of them is needed; every Welsh sentence awaits a
//! translator's review like the rest of the portal's Welsh.

use chrono::NaiveDate;

use super::answers::{DateProblem, month_in};
use crate::language::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrases(pub Language);

impl Phrases {
    fn welsh(self) -> bool {
        self.0 == Language::Welsh
    }

    /// How a message names a question whose label is a question or a sentence.
    pub fn the_answer(self) -> &'static str {
        if self.welsh() {
            "Yr ateb"
        } else {
            "The answer"
        }
    }

    pub fn an_answer_to(self, label: &str) -> String {
        if self.welsh() {
            format!("ateb i \u{2018}{label}\u{2019}")
        } else {
            format!("an answer to \u{2018}{label}\u{2019}")
        }
    }

    pub fn enter(self, inside: &str) -> String {
        if self.welsh() {
            format!("Rhowch {inside}")
        } else {
            format!("Enter {inside}")
        }
    }

    pub fn select(self, inside: &str) -> String {
        if self.welsh() {
            format!("Dewiswch {inside}")
        } else {
            format!("Select {inside}")
        }
    }

    pub fn upload(self, inside: &str) -> String {
        if self.welsh() {
            format!("Uwchlwythwch ffeil ar gyfer {inside}")
        } else {
            format!("Upload a file for {inside}")
        }
    }

    /// `subject` (the question, or "The answer") and what its answer must be.
    fn must(self, subject: &str, english: &str, welsh: &str) -> String {
        if self.welsh() {
            format!("{subject}: rhaid i'r ateb fod {welsh}")
        } else {
            format!("{subject} must be {english}")
        }
    }

    pub fn must_be_text(self, subject: &str) -> String {
        self.must(subject, "text", "yn destun")
    }

    pub fn at_most_characters(self, subject: &str, most: usize) -> String {
        self.must(
            subject,
            &format!("{most} characters or fewer"),
            &format!("yn {most} nod neu lai"),
        )
    }

    pub fn whole_number(self, subject: &str) -> String {
        self.must(subject, "a whole number", "yn rhif cyfan")
    }

    pub fn number(self, subject: &str) -> String {
        self.must(subject, "a number", "yn rhif")
    }

    pub fn between(self, subject: &str, low: f64, high: f64) -> String {
        self.must(
            subject,
            &format!("between {low} and {high}"),
            &format!("rhwng {low} a {high}"),
        )
    }

    pub fn at_least(self, subject: &str, low: f64) -> String {
        self.must(
            subject,
            &format!("{low} or more"),
            &format!("yn {low} neu fwy"),
        )
    }

    pub fn at_most(self, subject: &str, high: f64) -> String {
        self.must(
            subject,
            &format!("{high} or less"),
            &format!("yn {high} neu lai"),
        )
    }

    pub fn real_time(self, subject: &str) -> String {
        self.must(
            subject,
            "a real time on the 24-hour clock, like 09:30 or 14:05",
            "yn amser go iawn ar y cloc 24 awr, fel 09:30 neu 14:05",
        )
    }

    pub fn yes_or_no(self) -> String {
        if self.welsh() {
            "Dewiswch ateb"
        } else {
            "Select yes or no"
        }
        .into()
    }

    pub fn every_option(self, count: usize, label: &str) -> String {
        if self.welsh() {
            format!(
                "Dewiswch bob un o'r {count} opsiwn: rhaid i bob un fod yn berthnasol ({label})"
            )
        } else {
            format!("Select all {count} options: each one must apply ({label})")
        }
    }

    pub fn email_address(self) -> String {
        if self.welsh() {
            "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com"
        } else {
            "Enter an email address in the correct format, like name@example.com"
        }
        .into()
    }

    pub fn building_and_street(self) -> String {
        if self.welsh() {
            "Rhowch yr adeilad a'r stryd"
        } else {
            "Enter the building and street"
        }
        .into()
    }

    pub fn town_or_city(self) -> String {
        if self.welsh() {
            "Rhowch y dref neu'r ddinas"
        } else {
            "Enter the town or city"
        }
        .into()
    }

    pub fn nhs_number(self) -> String {
        if self.welsh() {
            "Rhowch rif GIG dilys, 10 digid fel 943 476 5919"
        } else {
            "Enter a valid NHS number, 10 digits like 943 476 5919"
        }
        .into()
    }

    pub fn add_at_least(self, least: usize, item: &str) -> String {
        if self.welsh() {
            format!("Ychwanegwch o leiaf {least} {item}")
        } else {
            format!(
                "Add at least {least} {item}{}",
                if least == 1 { "" } else { "s" }
            )
        }
    }

    pub fn add_up_to(self, most: usize, item: &str) -> String {
        if self.welsh() {
            format!("Gallwch ychwanegu hyd at {most} {item}")
        } else {
            format!("You can add up to {most} {item}s")
        }
    }

    pub fn not_in_area(self, postcode: &str) -> String {
        if self.welsh() {
            format!(
                "Nid yw {postcode} yn ein hardal ni: cysylltwch â'r cyngor lle mae'r unigolyn yn byw"
            )
        } else {
            format!("{postcode} is not in our area: contact the council where the person lives")
        }
    }

    /// A date's question and what is wrong with the date (`break_of`'s and `DateProblem`'s
    /// clauses): "Date of birth must be in the past".
    pub fn date(self, subject: &str, clause: &str) -> String {
        if self.welsh() {
            format!("{subject}: {clause}")
        } else {
            format!("{subject} {clause}")
        }
    }

    pub fn today_or_past(self) -> String {
        self.clause(
            "must be today or in the past",
            "rhaid iddo fod heddiw neu yn y gorffennol",
        )
    }

    pub fn today_or_future(self) -> String {
        self.clause(
            "must be today or in the future",
            "rhaid iddo fod heddiw neu yn y dyfodol",
        )
    }

    pub fn at_most_days_ahead(self, days: u32) -> String {
        self.clause(
            &format!("must be no more than {days} days from today"),
            &format!("rhaid iddo fod dim mwy na {days} diwrnod o heddiw"),
        )
    }

    pub fn in_the_past(self) -> String {
        self.clause("must be in the past", "rhaid iddo fod yn y gorffennol")
    }

    pub fn within_120_years(self) -> String {
        self.clause(
            "must be a date of birth within the last 120 years",
            "rhaid iddo fod yn ddyddiad geni o fewn y 120 mlynedd diwethaf",
        )
    }

    pub fn at_least_years_old(self, years: u32) -> String {
        self.clause(
            &format!("must show the person is at least {years}"),
            &format!("rhaid iddo ddangos bod yr unigolyn yn {years} oed o leiaf"),
        )
    }

    /// What is wrong with a day, month and year as typed.
    pub fn date_problem(self, problem: &DateProblem) -> String {
        if !self.welsh() {
            return problem.to_string();
        }
        let part = |part: &str| {
            match part {
                "day" => "diwrnod",
                "month" => "mis",
                "year" => "blwyddyn",
                other => other,
            }
            .to_owned()
        };
        match problem {
            DateProblem::Missing(name) => format!("rhaid cynnwys {}", part(name)),
            DateProblem::NotANumber(name) => format!("rhaid i'r {} fod yn rhif", part(name)),
            DateProblem::ShortYear => "rhaid i'r flwyddyn gael 4 rhif".into(),
            DateProblem::MonthOutOfRange => {
                "rhaid iddo fod yn ddyddiad go iawn: rhaid i'r mis fod rhwng 1 a 12".into()
            }
            DateProblem::DayOutOfRange => {
                "rhaid iddo fod yn ddyddiad go iawn: rhaid i'r diwrnod fod rhwng 1 a 31".into()
            }
            DateProblem::PastMonthEnd { month, year, days } => {
                let name = NaiveDate::from_ymd_opt(*year, *month, 1)
                    .map(|first| month_in(first, self.0))
                    .unwrap_or_default();
                format!("rhaid iddo fod yn ddyddiad go iawn: mae {days} diwrnod yn {name}")
            }
        }
    }

    fn clause(self, english: &str, welsh: &str) -> String {
        if self.welsh() { welsh } else { english }.to_owned()
    }
}
