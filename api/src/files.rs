//! Files people send (attachments to forms) and staff publish (documents): the checks every
//! file passes before it is kept. The type the sender declares must be one the portal takes
//! and must match the content (a renamed program is not a PDF); the name is made safe to show
//! and to offer back as a download name; the SHA-256 is kept with it.

use sha2::{Digest, Sha256};
use shared::api::FieldErrors;

use crate::error::ApiError;

/// The types the portal takes; a form's question may accept fewer.
pub const ACCEPTED: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];

/// A file that passed the checks.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub bytes: Vec<u8>,
}

fn refuse(message: impl Into<String>) -> ApiError {
    ApiError::Validation(FieldErrors::from([(
        "file".to_owned(),
        vec![message.into()],
    )]))
}

/// No folders, no control characters, not too long.
fn clean_name(name: &str) -> Result<String, ApiError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        return Err(refuse("Give the file a name"));
    }
    Ok(cleaned.chars().take(120).collect())
}

/// Reads a raw file body of at most `limit` bytes and the type its `Content-Type` declares.
pub async fn read_body(
    request: &actix_web::HttpRequest,
    body: actix_web::web::Payload,
    limit: usize,
) -> Result<(Vec<u8>, Option<String>), ApiError> {
    let bytes = body
        .to_bytes_limited(limit)
        .await
        .map_err(|_| ApiError::PayloadTooLarge { limit })?
        .map_err(|e| ApiError::MalformedBody(e.to_string()))?;
    let declared = request
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok((bytes.to_vec(), declared))
}

/// Checks `bytes`, named `name` and declared as `declared` (a Content-Type header).
pub fn check(name: &str, declared: Option<&str>, bytes: Vec<u8>) -> Result<CheckedFile, ApiError> {
    let name = clean_name(name)?;
    if bytes.is_empty() {
        return Err(refuse("The selected file is empty"));
    }
    let declared = declared
        .map(|t| {
            t.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    if !ACCEPTED.contains(&declared.as_str()) {
        return Err(refuse("The selected file must be a PDF, JPG or PNG"));
    }
    if infer::get(&bytes).map(|kind| kind.mime_type()) != Some(declared.as_str()) {
        return Err(refuse(
            "The selected file is not what its name says it is. Choose a real PDF, JPG or PNG",
        ));
    }
    Ok(CheckedFile {
        name,
        content_type: declared,
        size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        sha256: format!("{:x}", Sha256::digest(&bytes)),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_folders_and_control_characters() {
        let file = check(
            "C:\\Users\\me\\plan\u{7}.pdf",
            Some("application/pdf"),
            b"%PDF-1.4\n".to_vec(),
        )
        .unwrap();
        assert_eq!(file.name, "plan.pdf");
        assert!(check("x.png", Some("image/png"), b"%PDF-1.4\n".to_vec()).is_err());
    }
}
