//! The browser app's files, as `tools/web-dist` left them in `web/dist`: each under a name
//! carrying a hash of its content, with brotli and gzip copies made at build time. They are
//! read once at start and sent from memory, compressed as the browser prefers, and cached by
//! browsers for a year: a new release has new names.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use actix_web::HttpRequest;
use actix_web::HttpResponse;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use anyhow::Context;
use shared::boot::Bundle;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// One file, with the compressed copies the build made of it.
struct Asset {
    content_type: &'static str,
    identity: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

/// The addresses a page names: the stylesheet, the worker, and each download's three files.
#[derive(Debug, Clone)]
pub struct Addresses {
    pub stylesheet: String,
    pub bot_check_worker: String,
    bundles: HashMap<Bundle, BundleFiles>,
}

/// One download: the script that starts it, its wasm-bindgen glue and its wasm module.
#[derive(Debug, Clone)]
pub struct BundleFiles {
    pub start: String,
    pub glue: String,
    pub wasm: String,
}

impl Addresses {
    pub fn bundle(&self, bundle: Bundle) -> &BundleFiles {
        // `load` refuses to start without every bundle, so each is here.
        &self.bundles[&bundle]
    }
}

pub struct Assets {
    files: HashMap<String, Asset>,
    pub addresses: Addresses,
}

impl Assets {
    /// Reads `manifest.json` and every file of the built app; fails, naming what is missing,
    /// when the app has not been built (`just build-web`).
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let manifest_path = dir.join("manifest.json");
        let manifest: HashMap<String, String> =
            serde_json::from_slice(&fs::read(&manifest_path).with_context(|| {
                format!(
                    "the browser app is not built: {} is missing (run `just build-web`)",
                    manifest_path.display()
                )
            })?)
            .with_context(|| format!("reading {}", manifest_path.display()))?;
        let named = |key: &str| -> anyhow::Result<String> {
            manifest
                .get(key)
                .cloned()
                .with_context(|| format!("{} names no {key:?}", manifest_path.display()))
        };
        let mut bundles = HashMap::new();
        for bundle in Bundle::ALL {
            let name = bundle.name();
            bundles.insert(
                bundle,
                BundleFiles {
                    start: named(&format!("{name}.start"))?,
                    glue: named(&format!("{name}.glue"))?,
                    wasm: named(&format!("{name}.wasm"))?,
                },
            );
        }
        let addresses = Addresses {
            stylesheet: named("app.css")?,
            bot_check_worker: named("bot-check.js")?,
            bundles,
        };
        let mut files = HashMap::new();
        collect(dir, dir, &mut files)?;
        for address in manifest.values() {
            anyhow::ensure!(
                files.contains_key(address),
                "{} names {address}, which is not there",
                manifest_path.display()
            );
        }
        Ok(Self { files, addresses })
    }

    /// The file at `path`, in the best encoding the request accepts; `None` if there is none.
    pub fn respond(&self, req: &HttpRequest) -> Option<HttpResponse> {
        let asset = self.files.get(req.path())?;
        let accepts = req
            .headers()
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let (encoding, body) = match (&asset.brotli, &asset.gzip) {
            (Some(brotli), _) if accepts_encoding(accepts, "br") => (Some("br"), brotli),
            (_, Some(gzip)) if accepts_encoding(accepts, "gzip") => (Some("gzip"), gzip),
            _ => (None, &asset.identity),
        };
        let mut response = HttpResponse::Ok();
        response
            .insert_header((header::CONTENT_TYPE, asset.content_type))
            .insert_header((header::CACHE_CONTROL, IMMUTABLE));
        if asset.brotli.is_some() || asset.gzip.is_some() {
            response.insert_header((header::VARY, "Accept-Encoding"));
        }
        match encoding {
            // Set here, the compression middleware leaves the body as it is.
            Some(encoding) => {
                response.insert_header((header::CONTENT_ENCODING, encoding));
            }
            None => {
                response.insert_header((
                    header::CONTENT_ENCODING,
                    HeaderValue::from_static("identity"),
                ));
            }
        }
        Some(response.body(body.clone()))
    }
}

/// Whether an `Accept-Encoding` value allows `coding` (named, and not with `q=0`).
fn accepts_encoding(header: &str, coding: &str) -> bool {
    header.split(',').any(|part| {
        let mut pieces = part.split(';');
        let name = pieces.next().unwrap_or_default().trim();
        let refused = pieces.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

fn collect(root: &Path, dir: &Path, files: &mut HashMap<String, Asset>) -> anyhow::Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
            continue;
        }
        let name = path.to_string_lossy();
        if name.ends_with(".br") || name.ends_with(".gz") || path == root.join("manifest.json") {
            continue;
        }
        let relative = path
            .strip_prefix(root)?
            .to_string_lossy()
            .replace('\\', "/");
        let sibling = |suffix: &str| fs::read(format!("{name}.{suffix}")).ok().map(Bytes::from);
        files.insert(
            format!("/{relative}"),
            Asset {
                content_type: content_type(&path),
                identity: Bytes::from(fs::read(&path)?),
                brotli: sibling("br"),
                gzip: sibling("gz"),
            },
        );
    }
    Ok(())
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "json" => "application/json",
        "html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::accepts_encoding;

    #[test]
    fn accept_encoding_is_read_as_browsers_write_it() {
        assert!(accepts_encoding("gzip, deflate, br, zstd", "br"));
        assert!(accepts_encoding("gzip;q=1.0, br;q=0.5", "br"));
        assert!(!accepts_encoding("gzip, br;q=0", "br"));
        assert!(!accepts_encoding("gzip", "br"));
        assert!(!accepts_encoding("", "gzip"));
        assert!(!accepts_encoding("brotli", "br"));
    }
}
