//! Password hashing with argon2id at the parameters OWASP recommends (19 MiB, 2 passes, 1 lane).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

fn argon2() -> anyhow::Result<Argon2<'static>> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password into a PHC string that carries its own salt and parameters. This takes
/// tens of milliseconds of CPU: call it off the async threads.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("could not hash a password: {e}"))
}

/// Whether `password` matches `stored`; the comparison is constant-time inside argon2.
pub fn verify(password: &str, stored: &str) -> anyhow::Result<bool> {
    let parsed =
        PasswordHash::new(stored).map_err(|e| anyhow::anyhow!("a stored hash is corrupt: {e}"))?;
    Ok(argon2()?
        .verify_password(password.as_bytes(), &parsed)
        .is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_and_no_other() {
        let stored = hash("Correct-Horse-7-Battery").unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("Correct-Horse-7-Battery", &stored).unwrap());
        assert!(!verify("Correct-Horse-7-Batterz", &stored).unwrap());
        assert_ne!(
            stored,
            hash("Correct-Horse-7-Battery").unwrap(),
            "salts differ"
        );
    }
}
