use std::process::Command;

use crate::helpers::{TestDatabase, repository_root};

fn portal() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_portal"));
    command
        .current_dir(repository_root())
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error");
    command
}

#[test]
fn environment_variables_choose_the_database_and_database_url_wins() {
    let test_db = TestDatabase::create();

    let output = portal()
        .arg("migrate")
        .env("PORTAL_DATABASE__URL", "sqlite:///nonexistent/dir/never.db")
        .env("DATABASE_URL", &test_db.settings.url)
        .output()
        .unwrap();

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("Migrations applied"), "{stdout}");
}

#[test]
fn a_settings_file_layer_is_read_and_a_bad_value_is_refused() {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("portal.toml");
    std::fs::write(&file, "[database]\npool_size = \"many\"\n").unwrap();

    let output = portal()
        .arg("--config")
        .arg(&file)
        .arg("migrate")
        .output()
        .unwrap();

    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("configuration is not valid"));
}

#[test]
fn the_openapi_command_prints_the_committed_document() {
    let output = portal().arg("openapi").output().unwrap();

    assert!(output.status.success());
    let committed =
        std::fs::read_to_string(repository_root().join("openapi/openapi.json")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim_end(),
        committed.trim_end()
    );
}

#[test]
fn the_first_administrator_is_created_from_the_command_line() {
    use std::io::Write;
    let test_db = TestDatabase::create();
    let run = |password: &str| {
        let mut child = portal()
            .args([
                "create-admin",
                "--email",
                "Alex@Council.example",
                "--forename",
                "Alex",
                "--surname",
                "Morgan",
            ])
            .env("DATABASE_URL", &test_db.settings.url)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(password.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };

    let weak = run("password\n");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password"));

    let created = run("Admin-Pass-2026!\n");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("alex@council.example"));

    let twice = run("Admin-Pass-2026!\n");
    assert!(!twice.status.success());
}

#[test]
fn a_form_designer_checks_a_folder_of_definitions_and_is_told_each_mistakes_line() {
    let shipped = portal().args(["forms", "check"]).output().unwrap();
    assert!(
        shipped.status.success(),
        "{}",
        String::from_utf8_lossy(&shipped.stderr)
    );
    assert!(String::from_utf8_lossy(&shipped.stdout).contains("are well formed"));

    // A condition that compares a yes/no answer with "Yes" could never hold.
    let dir = tempfile::TempDir::new().unwrap();
    let text = std::fs::read_to_string(repository_root().join("shared/forms/support-enquiry.json"))
        .unwrap();
    let mut form: serde_json::Value = serde_json::from_str(&text).unwrap();
    let carers = form["pages"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|p| p["questions"].as_array_mut().unwrap().iter_mut())
        .find(|q| q["id"] == "carers")
        .unwrap();
    carers["shown_when"] =
        serde_json::json!({"equals": {"question": "has_carers", "value": "Yes"}});
    let written = serde_json::to_string_pretty(&form).unwrap();
    let carers_line = written
        .lines()
        .position(|l| l.contains("\"id\": \"carers\""))
        .unwrap()
        + 1;
    std::fs::write(dir.path().join("support-enquiry.json"), written).unwrap();

    let checked = portal()
        .args(["forms", "check"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!checked.status.success());
    let stderr = String::from_utf8_lossy(&checked.stderr);
    let expected = format!(
        "support-enquiry.json:{carers_line}: question \"carers\" compares \"has_carers\" with \"Yes\", which it can never be (its values are yes, no)"
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(stderr.contains("1 mistake in"), "{stderr}");
}

#[test]
fn the_public_development_secret_serves_only_this_machine() {
    for public_url in ["http://portal.council.example", "https://care.example.org"] {
        let output = portal()
            .arg("migrate")
            .env("PORTAL_SERVER__PUBLIC_URL", public_url)
            .env_remove("PORTAL_AUTH__SECRET")
            .output()
            .unwrap();
        assert!(
            !output.status.success(),
            "{public_url} started with the development secret"
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("set PORTAL_AUTH__SECRET"), "{stderr}");
    }
}
