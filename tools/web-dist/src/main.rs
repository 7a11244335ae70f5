//! The last step of `just build-web`: turns the gathered browser app in `web/dist` into what the
//! server sends.
//!
//! - Every file gets a name carrying a hash of its content (`app.css` becomes
//!   `app.3f9a0c1d2e.css`), so the server can tell browsers to keep it for a year: a new
//!   release has new names, and `index.html`-like pages (written by the server, never cached
//!   long) name the new files.
//! - Each download gets a small start script naming its hashed wasm module and glue code.
//! - Every text or wasm file gets a brotli (quality 11) and a gzip (level 9) copy beside it, so
//!   the server picks one by `Accept-Encoding` and compresses nothing per request.
//! - `manifest.json` maps each logical name the server asks for (`app.css`, `public.start`,
//!   `public.glue`, `public.wasm`, `bot-check.js`…) to its address.
//!
//! Usage: `web-dist <dist dir> <bundle name>...`

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use sha2::{Digest, Sha256};

/// In `web/static/start.js`, replaced by the addresses of one download's files.
const GLUE_PLACEHOLDER: &str = "__GLUE__";
const WASM_PLACEHOLDER: &str = "__WASM__";

/// Files worth compressing; images and fonts already are.
const COMPRESSIBLE: [&str; 6] = ["js", "wasm", "css", "svg", "json", "html"];

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dist) = args.next().map(PathBuf::from) else {
        bail!("usage: web-dist <dist dir> <bundle name>...");
    };
    let bundles: Vec<String> = args.collect();
    if bundles.is_empty() {
        bail!("name at least one download (public, forms, staff)");
    }
    let mut manifest = BTreeMap::new();

    // Images first: the stylesheet names them.
    let images = dist.join("assets/images");
    let mut css = read_text(&dist.join("assets/app.css"))?;
    if images.is_dir() {
        for entry in fs::read_dir(&images)? {
            let path = entry?.path();
            let name = file_name(&path)?;
            let hashed = publish(&dist, &path, fs::read(&path)?)?;
            css = css.replace(&format!("/assets/images/{name}"), &hashed);
        }
    }
    let stylesheet = dist.join("assets/app.css");
    manifest.insert(
        "app.css".to_owned(),
        publish(&dist, &stylesheet, css.into_bytes())?,
    );

    let worker = dist.join("assets/bot-check.js");
    manifest.insert(
        "bot-check.js".to_owned(),
        publish(&dist, &worker, fs::read(&worker)?)?,
    );

    let start = read_text(&dist.join("start.js"))?;
    for bundle in &bundles {
        let glue_path = dist.join(format!("pkg/{bundle}.js"));
        let wasm_path = dist.join(format!("pkg/{bundle}_bg.wasm"));
        let wasm = publish(&dist, &wasm_path, fs::read(&wasm_path)?)?;
        let glue = publish(&dist, &glue_path, fs::read(&glue_path)?)?;
        let script = start
            .replace(GLUE_PLACEHOLDER, &glue)
            .replace(WASM_PLACEHOLDER, &wasm);
        let start_path = dist.join(format!("pkg/{bundle}-start.js"));
        manifest.insert(
            format!("{bundle}.start"),
            publish(&dist, &start_path, script.into_bytes())?,
        );
        manifest.insert(format!("{bundle}.glue"), glue);
        manifest.insert(format!("{bundle}.wasm"), wasm);
    }
    fs::remove_file(dist.join("start.js"))?;

    let json = serde_json::to_string_pretty(&manifest)?;
    fs::write(dist.join("manifest.json"), json)?;
    Ok(())
}

/// Writes `content` under its hashed name beside `original` (removing the original), with its
/// compressed copies, and returns its address from the site's root.
fn publish(dist: &Path, original: &Path, content: Vec<u8>) -> anyhow::Result<String> {
    let name = file_name(original)?;
    let (stem, extension) = name
        .split_once('.')
        .with_context(|| format!("{name} has no extension"))?;
    let digest = Sha256::digest(&content);
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    let hashed = original.with_file_name(format!("{stem}.{hash}.{extension}"));
    if COMPRESSIBLE.contains(&extension) {
        fs::write(with_suffix(&hashed, "br"), brotli(&content)?)?;
        fs::write(with_suffix(&hashed, "gz"), gzip(&content)?)?;
    }
    fs::write(&hashed, content)?;
    if original.exists() {
        fs::remove_file(original)?;
    }
    let relative = hashed
        .strip_prefix(dist)
        .with_context(|| format!("{} is outside {}", hashed.display(), dist.display()))?;
    Ok(format!(
        "/{}",
        relative.to_string_lossy().replace('\\', "/")
    ))
}

fn brotli(content: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &content[..], &mut out, &params)?;
    Ok(out)
}

fn gzip(content: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(content)?;
    Ok(encoder.finish()?)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn file_name(path: &Path) -> anyhow::Result<String> {
    Ok(path
        .file_name()
        .with_context(|| format!("{} has no file name", path.display()))?
        .to_string_lossy()
        .into_owned())
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}
