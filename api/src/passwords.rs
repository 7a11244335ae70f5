//! Password hashing with argon2id at the parameters OWASP recommends (19 MiB, 2 passes, 1 lane).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use shared::api::FieldErrors;
use tokio::sync::Semaphore;

use crate::error::ApiError;

fn argon2() -> anyhow::Result<Argon2<'static>> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password into a PHC string that carries its own salt and parameters. This takes
/// tens of milliseconds of CPU: call it off the async threads.
/// The fewest guesses (as a power of ten) a new password may take, by zxcvbn's estimate.
const GUESSES_LOG10_AT_LEAST: f64 = 10.0;

/// Refuses, under `password`, a new password that is easy to guess although it meets the
/// character rules ("Password12345!", "Summer2024!!"): zxcvbn's estimate, which knows tens of
/// thousands of common passwords, words, names and surnames, with the usual substitutions,
/// keyboard runs, repeats and years, and the person's own name and address (`inputs`). Fewer
/// than 10^10 guesses (its score 4 starts there) is refused: an offline attacker with a stolen
/// argon2 hash makes far fewer guesses a second than with a fast hash, but a season and a year
/// ("Summer2024!!", about 10^8) is among the first tried. Checked on the server only: the lists are too
/// big for the browser's download, which shows the message this gives.
pub fn refuse_guessable(errors: &mut FieldErrors, password: &str, inputs: &[&str]) {
    if errors.contains_key("password") || password.is_empty() {
        return;
    }
    if zxcvbn::zxcvbn(password, inputs).guesses_log10() < GUESSES_LOG10_AT_LEAST {
        errors.insert(
            "password".into(),
            vec![crate::request_language::says("password-too-easy-to-guess")],
        );
    }
}

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

/// Hashing off the async threads, on fewer threads than the machine has cores, with a bounded
/// queue: each hash takes 19 MiB and tens of milliseconds of a core, so a flood of sign-ins
/// waits its turn here, at most `queue` deep, and beyond that is told to come back (503 with
/// `Retry-After`), while every other request keeps a core to run on.
#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// Hashes waiting for a thread, and how many may.
    waiting: Arc<AtomicUsize>,
    queue: usize,
    /// Verified against when an email has no account, so that the answer takes as long.
    dummy: Arc<String>,
}

impl PasswordHasher {
    pub fn new(threads: usize, queue: usize) -> anyhow::Result<Self> {
        Ok(Self {
            permits: Arc::new(Semaphore::new(threads.max(1))),
            waiting: Arc::new(AtomicUsize::new(0)),
            queue,
            dummy: Arc::new(hash("not-a-real-password-Dummy-1")?),
        })
    }

    /// One thread fewer than the machine has cores (at least one).
    pub fn default_threads() -> usize {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get().saturating_sub(1))
            .max(1)
    }

    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = match self.permits.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.queue {
                    self.waiting.fetch_sub(1, Ordering::SeqCst);
                    return Err(ApiError::Unavailable(anyhow::anyhow!(
                        "the password hashing queue is full"
                    )));
                }
                let permit = self.permits.clone().acquire_owned().await;
                self.waiting.fetch_sub(1, Ordering::SeqCst);
                permit.map_err(|e| ApiError::Internal(e.into()))?
            }
        };
        let done = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
        Ok(done?)
    }

    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        self.blocking(move || hash(&password)).await
    }

    /// Verifies against `stored`, or against a dummy hash when there is no account.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, ApiError> {
        let exists = stored.is_some();
        let stored = stored.unwrap_or_else(|| self.dummy.as_str().to_owned());
        let matches = self.blocking(move || verify(&password, &stored)).await?;
        Ok(exists && matches)
    }
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

#[cfg(test)]
mod guessable_tests {
    use super::*;

    fn refused(password: &str) -> bool {
        let mut errors = FieldErrors::new();
        refuse_guessable(
            &mut errors,
            password,
            &["priya@example.org", "Priya", "Shah"],
        );
        errors.contains_key("password")
    }

    #[test]
    fn passwords_that_meet_the_rules_but_are_easy_to_guess_are_refused() {
        for weak in [
            "Password12345!",
            "Summer2024!!",
            "Welcome1234!",
            "Autumn2025!!x",
        ] {
            assert!(refused(weak), "{weak} was taken");
        }
        for strong in [
            "Zürich-Straße-2024!",
            "Tall-Trees-4-Ever!",
            "Demo-Portal-2026!",
            "Brand-New-Pass-7!",
            "Staff-Pass-2026!",
            "correct Horse battery 7staple",
        ] {
            assert!(!refused(strong), "{strong} was refused");
        }
    }
}

#[cfg(test)]
mod queue_tests {
    use super::*;

    #[tokio::test]
    async fn a_full_queue_answers_at_once_that_the_service_is_busy() {
        let hasher = PasswordHasher::new(1, 1).unwrap();
        // One hash runs, one waits; a third finds the queue full.
        let running = tokio::spawn({
            let hasher = hasher.clone();
            async move { hasher.hash("Correct-Horse-7-Battery".into()).await }
        });
        let waiting = tokio::spawn({
            let hasher = hasher.clone();
            async move { hasher.hash("Correct-Horse-7-Battery".into()).await }
        });
        while hasher.waiting.load(Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        let refused = hasher.hash("Correct-Horse-7-Battery".into()).await;
        assert!(matches!(refused, Err(ApiError::Unavailable(_))));
        assert!(running.await.unwrap().is_ok());
        assert!(waiting.await.unwrap().is_ok());
        // Once the queue drains, hashing works again.
        assert!(hasher.hash("Correct-Horse-7-Battery".into()).await.is_ok());
    }
}
