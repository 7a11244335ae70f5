//! Solving the ALTCHA proof-of-work challenge: find the number `n` for which
//! SHA-256(salt + n) is the challenge. The browser does this work; bots pay for it in CPU.

use sha2::{Digest, Sha256};

use crate::api::{BotCheckChallenge, BotCheckSolution};

/// The solution, or `None` when no number up to `maxnumber` fits (a forged challenge).
pub fn solve(challenge: &BotCheckChallenge) -> Option<BotCheckSolution> {
    let target = challenge.challenge.to_ascii_lowercase();
    (0..=challenge.maxnumber).find_map(|n| {
        let digest = Sha256::digest(format!("{}{n}", challenge.salt).as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        (hex == target).then(|| BotCheckSolution {
            algorithm: challenge.algorithm.clone(),
            challenge: challenge.challenge.clone(),
            number: n,
            salt: challenge.salt.clone(),
            signature: challenge.signature.clone(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_behind_a_challenge_is_found() {
        let salt = "0123abcd?expires=1900000000";
        let digest = Sha256::digest(format!("{salt}4242").as_bytes());
        let challenge = BotCheckChallenge {
            algorithm: "SHA-256".into(),
            challenge: digest.iter().map(|b| format!("{b:02x}")).collect(),
            maxnumber: 10_000,
            salt: salt.into(),
            signature: "signed".into(),
        };
        assert_eq!(solve(&challenge).unwrap().number, 4242);
        let too_hard = BotCheckChallenge {
            maxnumber: 100,
            ..challenge
        };
        assert!(solve(&too_hard).is_none());
    }
}
