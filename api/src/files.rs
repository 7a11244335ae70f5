//! Files people send (attachments to forms) and staff publish (documents): the checks every
//! file passes before it is kept. The type the sender declares must be one the portal takes
//! and must match the content (a renamed program is not a PDF), and a PDF must not ask to run
//! anything; the name is made safe to show and to offer back as a download name, ending in the
//! extension of what the file is; the SHA-256 is kept with it. Every file is served back as an
//! attachment: the portal's own pages show PDFs and images from the bytes they fetch.

use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::request_language::says;

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
    ApiError::field("file", message)
}

/// Characters that change how the text around them is shown without being seen: the bidi
/// overrides and isolates (a right-to-left override makes `gpj.exe` read as `exe.jpg`), marks
/// and zero-width characters.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
    )
}

/// The extension a file of this (checked) type is saved with, and others that mean the same.
fn extensions(content_type: &str) -> &'static [&'static str] {
    match content_type {
        "application/pdf" => &["pdf"],
        "image/jpeg" => &["jpg", "jpeg"],
        "image/png" => &["png"],
        _ => &[],
    }
}

/// No folders, no control or invisible formatting characters, not too long, and ending in the
/// extension of what the file really is: `evil.exe` holding a PNG is kept as `evil.png`, so
/// whoever saves it opens it with an image viewer, never as a program.
fn clean_name(name: &str, content_type: &str) -> Result<String, ApiError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_invisible_format(*c))
        .collect();
    // No leading dots either: a saved ".png" would be a hidden file.
    let cleaned = cleaned.trim().trim_matches('.');
    let known = extensions(content_type);
    let (stem, extension) = match cleaned.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, Some(extension)),
        _ => (cleaned, None),
    };
    let stem = stem.trim();
    if stem.is_empty() {
        return Err(refuse(says("file-without-name")));
    }
    let extension = extension
        .filter(|e| known.iter().any(|k| k.eq_ignore_ascii_case(e)))
        .unwrap_or(known.first().copied().unwrap_or("bin"));
    let stem: String = stem.chars().take(110).collect();
    Ok(format!("{}.{extension}", stem.trim_end()))
}

/// Whether a PDF asks the reader to run something: JavaScript, a launched program, or an
/// embedded file. Names in PDF may hide letters as `#xx`, so they are read as the reader would.
/// Dictionaries inside compressed object streams are not read: that is why every file is also
/// served as an attachment, never shown by the browser from the API's address.
fn pdf_runs_something(bytes: &[u8]) -> bool {
    let mut names = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'/' {
            let mut name = Vec::new();
            i += 1;
            while i < bytes.len() && !is_pdf_delimiter(bytes[i]) {
                if bytes[i] == b'#'
                    && i + 2 < bytes.len()
                    && let Ok(hex) = std::str::from_utf8(&bytes[i + 1..i + 3])
                    && let Ok(byte) = u8::from_str_radix(hex, 16)
                {
                    name.push(byte);
                    i += 3;
                } else {
                    name.push(bytes[i]);
                    i += 1;
                }
            }
            names.push(name);
        } else {
            i += 1;
        }
    }
    names.iter().any(|name| {
        matches!(
            name.as_slice(),
            b"JavaScript" | b"JS" | b"Launch" | b"EmbeddedFile" | b"RichMedia"
        )
    })
}

fn is_pdf_delimiter(byte: u8) -> bool {
    byte.is_ascii_whitespace() || b"()<>[]{}/%".contains(&byte)
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
    if bytes.is_empty() {
        return Err(refuse(says("file-empty")));
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
        return Err(refuse(says("file-not-accepted")));
    }
    if infer::get(&bytes).map(|kind| kind.mime_type()) != Some(declared.as_str()) {
        return Err(refuse(says("file-not-what-it-says")));
    }
    if declared == "application/pdf" && pdf_runs_something(&bytes) {
        return Err(refuse(says("file-runs-something")));
    }
    let name = clean_name(name, &declared)?;
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

    #[test]
    fn a_name_ends_in_the_extension_of_what_the_file_is() {
        let png = base64::Engine::decode(
            &base64::engine::general_purpose::STANDARD,
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGOQLdgBRAwQCgAhLgUV+SYaPgAAAABJRU5ErkJggg==",
        )
        .unwrap();
        let named = |name: &str| check(name, Some("image/png"), png.clone()).unwrap().name;
        assert_eq!(named("evil.exe"), "evil.png");
        assert_eq!(named("photo.PNG"), "photo.PNG");
        assert_eq!(named("no extension"), "no extension.png");
        assert_eq!(named("two.parts.exe."), "two.parts.png");
        // A right-to-left override would show "evil\u{202E}gnp.exe" as "evilexe.png".
        assert_eq!(named("evil\u{202E}gnp.exe"), "evilgnp.png");
        assert_eq!(named("a\u{200B}b\u{2066}.png"), "ab.png");
        assert_eq!(named("\u{202E}.exe"), "exe.png");
        assert!(check("\u{202E}", Some("image/png"), png.clone()).is_err());
    }

    #[test]
    fn a_pdf_that_would_run_something_is_refused() {
        for pdf in [
            "%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj",
            "%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /JS (x) >> >> endobj",
            "%PDF-1.4\n1 0 obj << /A << /S /Launch /F (calc.exe) >> >> endobj",
            "%PDF-1.4\n1 0 obj << /Type /EmbeddedFile >> endobj",
        ] {
            assert!(
                check("a.pdf", Some("application/pdf"), pdf.as_bytes().to_vec()).is_err(),
                "{pdf}"
            );
        }
        let plain = "%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj";
        assert!(check("a.pdf", Some("application/pdf"), plain.as_bytes().to_vec()).is_ok());
    }
}
