#!/usr/bin/env python3
"""Fuzz every operation of the OpenAPI document with schemathesis, signed in as each role.

The driver uses only the standard library. It
  1. installs schemathesis (pinned) from PyPI into a venv, var/fuzz-venv, unless it is there;
  2. starts the portal on a fresh SQLite database in a temporary folder, with demo data;
  3. signs in as each role (citizen, professional, staff, administrator) through the real
     sign-in (bot check, password, code from the emailed .eml file), and creates a machine
     client holding every scope;
  4. runs `schemathesis run` on openapi/openapi.json for each role, with that role's bearer
     token (the machine client's is renewed by fuzz/hooks.py as it runs), checking: no 5xx,
     responses match the documented schema, status codes and content types are documented.
     All phases run (examples, coverage, fuzzing, stateful). Each role runs the operations that
     can end its session (SESSION_ENDING) in a second run with a token of its own;
  5. prints a table (role, operations, requests, failures) and the distinct failures, and exits
     non-zero on any failure, keeping the reports, database and server log.

fuzz/hooks.py also gives the PDF uploads a body and puts the demo records' ids in paths.

Environment:
  FUZZ_EXAMPLES  examples per operation and phase (default 10; `just soak` uses more)
  FUZZ_SEED      hypothesis seed (default 20260101)
  FUZZ_PORT      port to serve on (default 0: a free one)
  FUZZ_ROLES     comma-separated subset of roles to run (default: all)
  FUZZ_KEEP      keep the temporary folder (database, mail, reports, server log) for a look
  FUZZ_VERBOSE   print the end of schemathesis's output for each failed run
  PORTAL_BIN     the portal binary (default target/debug/portal)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from portal_signin import emailed_code, solve_bot_check  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCHEMATHESIS_VERSION = "4.32.5"
VENV = ROOT / "var" / "fuzz-venv"
SCHEMA = ROOT / "openapi" / "openapi.json"
HOOKS = ROOT / "fuzz" / "hooks.py"

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
SEED = int(os.environ.get("FUZZ_SEED", "20260101"))
# 0: the portal picks a free port and prints it (so a fuzz run and another server never clash).
PORT = int(os.environ.get("FUZZ_PORT", "0"))
BASE = f"http://127.0.0.1:{PORT}"  # set once the portal says which port it has
PORTAL_BIN = os.environ.get("PORTAL_BIN", "target/debug/portal")
VERBOSE = bool(os.environ.get("FUZZ_VERBOSE"))

DEMO_PASSWORD = "Demo-Portal-2026!"
ROLES = {
    "citizen": "margaret.okafor@example.org",
    "professional": "dr.priya.shah@example.org",
    "staff": "sam.taylor@example.org",
    "administrator": "alex.morgan@example.org",
}
ALL_SCOPES = ["submissions:read", "people:read", "people:write", "documents:write", "messages:write"]
CLIENT_ROLE = "machine client"

# Operations that can end or change the session of the token a run holds, or the credentials a
# later sign-in needs. Each role runs them in a second, separate pass with a token of its own,
# after the main pass, so every role still runs every operation and nothing that one of these
# does (even by a fluke of generated data) can turn the main pass's answers into 401s.
SESSION_ENDING = {
    "end_session": "signs out (the refresh cookie's session)",
    "change_password": "a new password ends the account's other sessions",
    "change_email": "starts moving the account to another address",
    "confirm_email_change": "moves the account to another address",
    "switch_off_staff_account": "a switched-off staff account's tokens stop working",
    "set_staff_teams": "changes what a staff account may see",
    "revoke_api_client": "a revoked client's tokens stop working",
    "rotate_api_client_secret": "a new secret ends the client's tokens",
}

# Operations no role's token can fuzz meaningfully. Kept empty on purpose: every operation is
# run by every role. Add `operation_id: reason` here only for an operation that cannot be fuzzed.
EXCLUDED: dict[str, str] = {}

CHECKS = [
    "not_a_server_error",
    "response_schema_conformance",
    "status_code_conformance",
    "content_type_conformance",
]


def log(message: str) -> None:
    print(f"[fuzz] {message}", flush=True)


# --- schemathesis ---------------------------------------------------------------------------


def ensure_schemathesis() -> Path:
    """The venv's `schemathesis` command, installing the pinned version when it is missing."""
    exe = VENV / "bin" / "schemathesis"
    python = VENV / "bin" / "python"
    if exe.exists():
        found = subprocess.run(
            [str(python), "-c", "import importlib.metadata as m; print(m.version('schemathesis'))"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if found == SCHEMATHESIS_VERSION:
            return exe
    log(f"installing schemathesis {SCHEMATHESIS_VERSION} into {VENV.relative_to(ROOT)}")
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         f"schemathesis=={SCHEMATHESIS_VERSION}"],
        check=True,
    )
    return exe


# --- HTTP -----------------------------------------------------------------------------------


def request(method: str, path: str, body=None, token: str | None = None, form: bool = False,
            timeout: float = 30):
    """(status, parsed JSON or text) of one request to the portal."""
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        if form:
            data = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text) if text else None
    except ValueError:
        return status, text


def expect(status: int, body, wanted: int, what: str):
    if status != wanted:
        raise SystemExit(f"[fuzz] {what}: expected {wanted}, got {status}: {body}")
    return body


# --- the server -----------------------------------------------------------------------------


class Portal:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.mail = workdir / "mail"
        self.mail.mkdir()
        self.log_path = workdir / "server.log"
        self.process: subprocess.Popen | None = None
        binary = Path(PORTAL_BIN)
        self.binary = binary if binary.is_absolute() else ROOT / binary
        if not os.access(self.binary, os.X_OK):
            raise SystemExit(f"[fuzz] no portal binary at {self.binary}: cargo build -p api")
        self.env = {
            **os.environ,
            "PORTAL_SERVER__PORT": str(PORT),
            "PORTAL_SERVER__METRICS_ADDRESS": "127.0.0.1:0",
            "PORTAL_DATABASE__URL": f"sqlite://{workdir / 'portal.db'}",
            "PORTAL_WEB_DIR": str(ROOT / "web" / "dist"),
            "PORTAL_COUNCIL_FILE": str(ROOT / "config" / "council.toml"),
            "PORTAL_BANK_HOLIDAYS_FILE": str(ROOT / "config" / "bank-holidays.json"),
            "PORTAL_FORMS_DIR": str(ROOT / "shared" / "forms"),
            "PORTAL_EMAIL__FILE_DIR": str(self.mail),
            "PORTAL_AUTH__BOT_CHECK_MAX_NUMBER": "10",
            # The fuzzer sends thousands of account requests from one address.
            "PORTAL_AUTH__ATTEMPTS_PER_ADDRESS_PER_HOUR": "100000000",
            # A soak run holds each role's token for a long time, much of it idle.
            "PORTAL_AUTH__ACCESS_TOKEN_MINUTES": "600",
            "PORTAL_AUTH__IDLE_TIMEOUT_MINUTES": "600",
            "PORTAL_SERVER__WORKERS": "2",
            "RUST_LOG": "warn",
            "RUST_BACKTRACE": "0",
        }
        for name in ("DATABASE_URL", "PORTAL_CONFIG_FILE"):
            self.env.pop(name, None)

    def start(self) -> None:
        load = subprocess.run([str(self.binary), "demo-data"], cwd=ROOT, env=self.env,
                              capture_output=True, text=True)
        if load.returncode != 0:
            raise SystemExit(f"[fuzz] portal demo-data failed:\n{load.stdout}{load.stderr}")
        self.log_file = open(self.log_path, "wb")
        self.process = subprocess.Popen([str(self.binary), "serve"], cwd=ROOT, env=self.env,
                                        stdout=self.log_file, stderr=subprocess.STDOUT)
        global BASE
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"[fuzz] the portal stopped at start:\n{self.log_path.read_text()}")
            said = re.search(r"The portal is at (http://\S+)", self.log_path.read_text(errors="replace"))
            if said:
                BASE = said.group(1).rstrip("/")
                try:
                    if request("GET", "/api/v1/health", timeout=2)[0] == 200:
                        return
                except OSError:
                    pass
            time.sleep(0.2)
        raise SystemExit("[fuzz] the portal did not answer /api/v1/health within 60 s")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log_file.close()

    # --- signing in ---

    def sign_in(self, email: str) -> str:
        before = set(self.mail.glob("*.eml"))
        challenge = expect(*request("GET", "/api/v1/bot-check"), 200, "bot check")
        bot_check = solve_bot_check(challenge)
        if bot_check is None:
            raise SystemExit(f"[fuzz] no solution to the bot check {challenge}")
        body = {"email": email, "password": DEMO_PASSWORD, "bot_check": bot_check}
        expect(*request("POST", "/api/v1/sign-in", body), 202, f"sign-in of {email}")
        code = emailed_code(self.mail, email, before)
        if code is None:
            raise SystemExit(f"[fuzz] no sign-in code arrived for {email}")
        session = expect(*request("POST", "/api/v1/sign-in/verify", {"email": email, "code": code}),
                         201, f"sign-in code of {email}")
        return session["access_token"]

    def machine_client(self, admin_token: str) -> dict:
        return expect(*request("POST", "/api/v1/api-clients",
                               {"name": "Fuzz harness", "scopes": ALL_SCOPES}, admin_token),
                      201, "creating the machine client")

    def client_token(self, client: dict) -> str:
        token = expect(*request("POST", "/api/v1/oauth/token",
                                {"grant_type": "client_credentials", "client_id": client["id"],
                                 "client_secret": client["client_secret"]}, form=True),
                       200, "the machine client's token")
        return token["access_token"]

    def known_ids(self, citizen_token: str) -> dict[str, list[str]]:
        """Ids of the demo records, by path parameter name, for fuzz/hooks.py to put in paths."""
        def get(path: str):
            return expect(*request("GET", path, token=citizen_token), 200, f"GET {path}")

        known: dict[str, list[str]] = {"person_id": [], "item_id": [], "document_id": [],
                                       "thread_id": [], "form_id": []}
        for person in get("/api/v1/people"):
            pid = person["id"]
            known["person_id"].append(pid)
            known["item_id"] += [i["id"] for i in get(f"/api/v1/people/{pid}/items")["items"]]
            known["document_id"] += [d["id"] for d in get(f"/api/v1/people/{pid}/documents")["items"]]
            known["thread_id"] += [m["thread_id"] for m in get(f"/api/v1/people/{pid}/messages")["items"]]
        known["form_id"] = [f["id"] for f in get("/api/v1/forms")]
        return {name: sorted(set(ids)) for name, ids in known.items() if ids}

    def token_works(self, token: str, role: str) -> bool:
        path = "/api/v1/staff/people?surname=Okafor" if role == CLIENT_ROLE else "/api/v1/account"
        return request("GET", path, token=token)[0] == 200


# --- one schemathesis run -------------------------------------------------------------------


def operation_ids() -> list[str]:
    document = json.loads(SCHEMA.read_text())
    return [
        operation["operationId"]
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    ]


def run_schemathesis(exe: Path, name: str, token, include: list[str], reports: Path,
                     known_path: Path) -> dict:
    """Run schemathesis over the operations `include` with `token` (a bearer token, or a machine
    client's id and secret); counts from its reports."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    junit = reports / f"{slug}.junit.xml"
    cassette = reports / f"{slug}.vcr.yaml"
    output = reports / f"{slug}.out.txt"
    args = [
        str(exe), "run", str(SCHEMA),
        "--url", BASE,
        "--checks", ",".join(CHECKS),
        "--max-examples", str(EXAMPLES),
        "--seed", str(SEED),
        "--request-timeout", "60",
        # One worker: with two, Hypothesis's threads can parse a source file at the same moment,
        # and CPython 3.11's AST builder keeps its recursion count per interpreter, not per
        # thread, so it fails with "AST constructor recursion depth mismatch" (an error of the
        # tool, seen on the audit log's new date parameters, never of the portal).
        "--workers", "1",
        "--generation-database", "none",
        "--no-color",
        "--output-sanitize", "false",
        "--report", "junit,vcr",
        "--report-junit-path", str(junit),
        "--report-vcr-path", str(cassette),
    ]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS), "FUZZ_KNOWN_IDS": str(known_path)}
    if isinstance(token, dict):
        env["FUZZ_CLIENT"] = json.dumps({"base_url": BASE, "client_id": token["id"],
                                         "client_secret": token["client_secret"]})
    else:
        args += ["--header", f"Authorization: Bearer {token}"]
    for operation_id in include:
        args += ["--include-operation-id", operation_id]
    started = time.monotonic()
    with open(output, "w") as out:
        # In the work folder: schemathesis keeps its cache (.schemathesis/) where it runs.
        result = subprocess.run(args, cwd=reports.parent, stdout=out, stderr=subprocess.STDOUT,
                                env=env)
    elapsed = time.monotonic() - started
    requests = count_requests(cassette)
    failures, errors = count_failures(junit)
    return {
        "name": name,
        "operations": len(include),
        "requests": requests,
        "failures": failures,
        "errors": errors,
        "exit": result.returncode,
        "seconds": elapsed,
        "output": output,
        "signatures": failure_signatures(junit),
    }


def count_requests(cassette: Path) -> int:
    if not cassette.exists():
        return 0
    return sum(1 for line in cassette.read_text(errors="replace").splitlines()
               if line.startswith("- id:"))


def failure_signatures(junit: Path) -> list[tuple[str, str, str, str]]:
    """(operation, check, status, first lines of the example) of each failure in a JUnit report."""
    if not junit.exists():
        return []
    import xml.etree.ElementTree as ElementTree

    found = []
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        for failure in [*case.findall("failure"), *case.findall("error")]:
            text = failure.text or failure.get("message") or ""
            for block in re.split(r"\n(?=\d+\. Test Case ID)", text):
                checks = re.findall(r"^- (.+)$", block, re.M) or [text.strip().splitlines()[0]]
                status = re.findall(r"^\[(\d+)\]", block, re.M)
                body = re.findall(r"^    `(.*)`$", block, re.M)
                for check in checks:
                    found.append((case.get("name") or "?", check, status[0] if status else "-",
                                  body[0][:160] if body else ""))
    return found


def count_failures(junit: Path) -> tuple[int, int]:
    """(test cases that failed, test cases that errored) in a JUnit report."""
    if not junit.exists():
        return 0, 1
    import xml.etree.ElementTree as ElementTree

    failed = errored = 0
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        if case.find("failure") is not None:
            failed += 1
        if case.find("error") is not None:
            errored += 1
    return failed, errored


# --- main -----------------------------------------------------------------------------------


def main() -> int:
    exe = ensure_schemathesis()
    wanted = [r.strip() for r in os.environ.get("FUZZ_ROLES", "").split(",") if r.strip()]
    roles = [r for r in [*ROLES, CLIENT_ROLE] if not wanted or r in wanted]
    every = operation_ids()
    unknown = (set(SESSION_ENDING) | set(EXCLUDED)) - set(every)
    if unknown:
        raise SystemExit(f"[fuzz] operations named here are not in the document: {sorted(unknown)}")
    main_ops = [o for o in every if o not in SESSION_ENDING and o not in EXCLUDED]
    last_ops = [o for o in every if o in SESSION_ENDING and o not in EXCLUDED]

    workdir = Path(tempfile.mkdtemp(prefix="portal-fuzz-"))
    reports = workdir / "reports"
    reports.mkdir()
    portal = Portal(workdir)
    rows = []
    started = time.monotonic()
    log(f"schemathesis {SCHEMATHESIS_VERSION}, {EXAMPLES} examples per operation, seed {SEED}, "
        f"{len(every)} operations, roles: {', '.join(roles)}; work in {workdir}")
    try:
        portal.start()
        # Every token is had before any fuzzing: the fuzzer's wrong passwords (to the password
        # change, say) lock an account's address, and a locked account cannot sign in again.
        # A machine client's token lasts minutes, so its runs get the client's id and secret,
        # and fuzz/hooks.py exchanges them for tokens as the run goes.
        tokens: dict[str, tuple] = {}
        for role in roles:
            if role == CLIENT_ROLE:
                client = portal.machine_client(portal.sign_in(ROLES["administrator"]))
                tokens[role] = (client, client)
            else:
                tokens[role] = (portal.sign_in(ROLES[role]), portal.sign_in(ROLES[role]))
        known = portal.known_ids(portal.sign_in(ROLES["citizen"]))
        known_path = workdir / "known-ids.json"
        known_path.write_text(json.dumps(known, indent=2))
        log("ids of demo records put in paths: "
            + ", ".join(f"{name} ({len(ids)})" for name, ids in known.items()))

        for role in roles:
            for phase, include, token in (("", main_ops, tokens[role][0]),
                                          (" (session-ending)", last_ops, tokens[role][1])):
                if not include:
                    continue
                name = role + phase
                log(f"{name}: {len(include)} operations")
                row = run_schemathesis(exe, name, token, include, reports, known_path)
                if not portal.alive():
                    row["errors"] += 1
                    log(f"{name}: the portal stopped; its log is {portal.log_path}")
                elif phase == "" and not portal.token_works(
                        portal.client_token(token) if role == CLIENT_ROLE else token, role):
                    # The run's own token stopped working part-way, so later answers were 401s
                    # that say nothing: an operation that belongs in SESSION_ENDING.
                    row["errors"] += 1
                    log(f"{name}: the role's token no longer works after the run")
                rows.append(row)
                status = "ok" if row["exit"] == 0 and not row["failures"] and not row["errors"] else "FAILED"
                log(f"{name}: {row['requests']} requests, {row['failures']} failures, "
                    f"{row['errors']} errors, {row['seconds']:.0f} s: {status}")
                if status != "ok" and VERBOSE:
                    print(tail(row["output"]), flush=True)
                if not portal.alive():
                    break
            if not portal.alive():
                break
    finally:
        portal.stop()

    failed = any(r["exit"] != 0 or r["failures"] or r["errors"] for r in rows) or len(rows) == 0
    print()
    print(f"{'role':<34} {'operations':>10} {'requests':>9} {'failures':>9} {'errors':>7} {'seconds':>8}")
    for r in rows:
        print(f"{r['name']:<34} {r['operations']:>10} {r['requests']:>9} {r['failures']:>9} "
              f"{r['errors']:>7} {r['seconds']:>8.0f}")
    total_failures = sum(r["failures"] + r["errors"] for r in rows)
    print(f"fuzz: {len(rows)} runs, {sum(r['requests'] for r in rows)} requests, "
          f"{total_failures} failures, {time.monotonic() - started:.0f} s")
    by_signature: dict[tuple[str, str, str], list[str]] = {}
    examples: dict[tuple[str, str, str], str] = {}
    for r in rows:
        for operation, check, status, body in r["signatures"]:
            key = (operation, check, status)
            by_signature.setdefault(key, []).append(r["name"])
            examples.setdefault(key, body)
    if by_signature:
        print()
        print("Distinct failures (operation, check, status: runs), the full reports are in the "
              "kept folder:")
        for (operation, check, status), names in sorted(by_signature.items()):
            print(f"  {operation}  {check}  [{status}]  ({', '.join(names)})")
            if examples[(operation, check, status)]:
                print(f"      {examples[(operation, check, status)]}")
    if failed or os.environ.get("FUZZ_KEEP"):
        log(f"reports, database and server log kept in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


def tail(path: Path, lines: int = 400) -> str:
    text = path.read_text(errors="replace").splitlines()
    return "\n".join(text[-lines:])


if __name__ == "__main__":
    sys.exit(main())
