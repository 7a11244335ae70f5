//! How the portal writes a person's name: in one place, so that a page, an email, the queue and
//! an export all agree.

/// "Forename Surname", leaving out a part that is blank.
pub fn full_name(forename: &str, surname: &str) -> String {
    match (forename.trim(), surname.trim()) {
        ("", surname) => surname.to_owned(),
        (forename, "") => forename.to_owned(),
        (forename, surname) => format!("{forename} {surname}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_its_parts_with_one_space_and_no_blank_part() {
        assert_eq!(full_name("Margaret", "Okafor"), "Margaret Okafor");
        assert_eq!(full_name(" Margaret ", ""), "Margaret");
        assert_eq!(full_name("", "Okafor"), "Okafor");
    }
}
