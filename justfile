# Adult Social Care Online: the verbs. `just run` serves the portal; `just test` checks everything.

set shell := ["bash", "-euo", "pipefail", "-c"]

# The wasm-bindgen CLI must be the very version Cargo.lock resolved (pinned with = in Cargo.toml).
wasm_bindgen_version := `sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock`
cargo_bin := env_var_or_default("CARGO_HOME", env_var("HOME") / ".cargo") / "bin"
# Where cargo builds: CARGO_TARGET_DIR or the workspace's setting when set, else ./target.
target_dir := `cargo metadata --format-version 1 --no-deps 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])' 2>/dev/null || echo target`
# The browser app's downloads (web/src/bin, shared::boot::Bundle).
bundles := "public forms staff admin"

export PATH := cargo_bin + ":" + env_var("PATH")

# List the recipes.
default:
    @just --list

# Build everything, create and migrate var/portal.db, apply config/council.toml, load demonstration
# data, serve http://127.0.0.1:8080.
run: build
    {{target_dir}}/release/portal council apply
    {{target_dir}}/release/portal demo-data
    {{target_dir}}/release/portal serve

# Build the browser app and the server (release).
build: build-web
    scripts/ensure-packages.sh libpq-dev fonts-noto-cjk
    cargo build --release -p api

# Everything: formatting, lints, unit and integration tests (the fault tests among them) on SQLite and PostgreSQL, the OpenAPI checks and a short fuzz, the wasm build, the e2e journeys.
test: lint build-web setup-test-tools
    cargo build -p api
    scripts/ensure-packages.sh fonts-noto-cjk
    scripts/test-backends.sh
    just openapi-check
    just fuzz 10
    just e2e

# Formatting and clippy (warnings are errors), for the server and for the wasm app.
lint: setup-rust
    scripts/ensure-packages.sh libpq-dev
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings
    cargo clippy -p web --target wasm32-unknown-unknown -- -D warnings

# The browser journeys in headless Chromium with axe-core, against a server on a fresh database.
e2e:
    scripts/ensure-packages.sh chromium
    cd e2e && npm ci --no-audit --no-fund --loglevel=error
    test -x {{target_dir}}/debug/portal || cargo build -p api
    cd e2e && PORTAL_BIN={{target_dir}}/debug/portal npx playwright test

# Check the OpenAPI document as integrators use it: Redocly's lint, and a TypeScript client generated with openapi-typescript that must type-check.
openapi-check:
    cd openapi/check && npm ci --no-audit --no-fund --loglevel=error
    cd openapi/check && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint ../openapi.json --format=stylish
    cd openapi/check && npm run --silent client

# Rewrite openapi/openapi.json from the code (the drift test fails until you do).
openapi:
    cargo run -q -p api -- openapi > openapi/openapi.json

# Write the form definition format's JSON Schema (a test fails when the committed one is out of date).
forms-schema:
    cargo run -q -p api -- forms schema > shared/form-definition.schema.json

# Check form definitions as the server does at start, naming each mistake's file and line: `just forms-check path/to/forms`.
forms-check dir="shared/forms":
    cargo run -q -p api -- forms check {{dir}}

# Format the code.
fmt:
    cargo fmt --all

# Compile the browser app's three downloads, shrink them, gather them with their styles and scripts in web/dist, then give every file a content-hashed name with brotli and gzip copies (tools/web-dist).
build-web: setup-rust setup-npm
    cargo build -p web --bins --target wasm32-unknown-unknown --profile wasm-release
    rm -rf web/dist
    mkdir -p web/dist/pkg web/dist/assets/images
    for app in {{bundles}}; do \
        wasm-bindgen --target web --no-typescript --out-dir web/dist/pkg {{target_dir}}/wasm32-unknown-unknown/wasm-release/$app.wasm; \
        web/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals -o web/dist/pkg/${app}_bg.wasm web/dist/pkg/${app}_bg.wasm; \
    done
    cp web/static/start.js web/dist/
    cp web/static/bot-check.js web/dist/assets/
    # The one image the stylesheet names; GOV.UK's crown icons are for GOV.UK services only.
    cp web/node_modules/govuk-frontend/dist/govuk/assets/images/govuk-crest.svg web/dist/assets/images/
    cd web && npm run --silent styles
    cargo run -q --release -p web-dist -- web/dist {{bundles}}

# The wasm32 target and a wasm-bindgen CLI matching Cargo.lock.
setup-rust:
    rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
    [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" = "{{wasm_bindgen_version}}" ] || cargo install wasm-bindgen-cli --version {{wasm_bindgen_version}}

# The test runner, which only `just test` needs (`just run` builds no test tool).
setup-test-tools:
    command -v cargo-nextest >/dev/null || cargo install cargo-nextest --locked

# GOV.UK Frontend, Sass and wasm-opt, from the npm registry (never a CDN).
setup-npm:
    [ web/node_modules/.package-lock.json -nt web/package-lock.json ] || npm ci --prefix web --no-audit --no-fund --loglevel=error

# Benchmarks: throughput and latency against a baseline on SQLite and PostgreSQL, growth to a million rows, sign-in under a flood, the browser app on a slow phone (with where its bytes go), and the email outbox draining 10,000 emails into a local SMTP sink. Writes bench/RESULTS.md. BENCH_SECONDS=2 for a quick try; PORTAL_BIN to use another binary.
bench: build
    scripts/ensure-packages.sh wrk
    command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
    PORTAL_BIN="${PORTAL_BIN:-{{target_dir}}/release/portal}" WASM_DIR={{target_dir}}/wasm32-unknown-unknown/wasm-release python3 bench/run.py

# Fuzz every operation of the OpenAPI document with schemathesis, signed in as each role: no 5xx, no answer outside the document. FUZZ_EXAMPLES sets the examples per operation.
fuzz examples="10":
    scripts/ensure-packages.sh python3-venv
    test -x "${PORTAL_BIN:-{{target_dir}}/debug/portal}" || cargo build -p api
    PORTAL_BIN="${PORTAL_BIN:-{{target_dir}}/debug/portal}" FUZZ_EXAMPLES={{examples}} python3 fuzz/run.py

# Faults, harder: the kill, mail-outage and database-crash tests repeated (PORTAL_SOAK=1) on SQLite and PostgreSQL, then the fuzzer with many more examples.
soak: setup-test-tools
    cargo build -p api
    PORTAL_SOAK=1 scripts/test-backends.sh -E 'test(/^faults::/)'
    just fuzz 100
