//! Reference numbers people quote on the phone: `ASC-7K4M-9QX2`. Random rather than counted,
//! so they say nothing about how many referrals the council gets and need no shared counter
//! between nodes; Crockford's alphabet leaves out I, L, O and U so none is misread.

use rand::Rng;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new reference (40 random bits). The database's unique index catches the rare repeat and
/// the caller draws again.
pub fn generate() -> String {
    let mut rng = rand::thread_rng();
    let mut pick = || char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]);
    let first: String = (0..4).map(|_| pick()).collect();
    let second: String = (0..4).map(|_| pick()).collect();
    format!("ASC-{first}-{second}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_have_the_documented_shape() {
        for _ in 0..100 {
            let reference = generate();
            let parts: Vec<&str> = reference.split('-').collect();
            assert_eq!(parts.len(), 3, "{reference}");
            assert_eq!(parts[0], "ASC");
            for part in &parts[1..] {
                assert_eq!(part.len(), 4, "{reference}");
                assert!(part.bytes().all(|b| ALPHABET.contains(&b)), "{reference}");
            }
        }
    }
}
