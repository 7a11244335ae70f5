#!/usr/bin/env python3
"""The benchmark harness behind `just bench` (Python 3.11 standard library only; the `brotli`
module too, for one table, where the build left no .br copies to read sizes from).

For each backend (SQLite, then PostgreSQL) it starts the release server on a fresh database,
loads the demonstration data, signs in as the demo citizen and the demo GP, and drives `wrk`
(a real load generator, on loopback) at:

  * a baseline: GET /api/v1/council, trivial JSON that touches no database, measured in the same
    run, so every other number is also given as a ratio to it (machine speed cancels out);
  * the citizen dashboard, a message list page, a draft save, a form submit, a submitted
    form's PDF (its p99 at most 500 ms, else exit 1) and sign-in;
  * growth: the message list (first page and a deep page) with 10 thousand and with 1 million
    rows in `messages`; the p50 ratio between the two must stay under 1.5 (else exit 1);
  * sign-in under a flood: the other endpoints' p99 while 200 clients hammer sign-in.

Then, per backend, the email outbox draining a backlog, on a server of its own (a fresh
database, the demonstration data) that sends over SMTP to a loopback sink (bench/smtp_sink.py,
a process of its own) instead of writing .eml files: the sink's own capacity first, in the same
run, with the mailer's commands per message (NOOP, MAIL, RCPT, DATA) over 8 connections at once,
as many as the outbox sends on; then 10 thousand emails queued straight into `email_outbox`
(due now, notifications) and drained, timed at the sink from the first arrival to the last: the
drain must reach half the sink's capacity. One second into the drain the demo citizen asks for a
sign-in code: from the POST to the code's arrival at the sink, at most 5 s. Either budget broken
fails the run (exit 1).

Then the browser app on a slow 4G phone (bench/browser.js, headless Chromium, throttled as
Lighthouse's slow 4G with the CPU slowed 4x; on the first backend's server): a first visit to
the home page, the sign-in page and a form's first page (each at most 250 KB on the wire, its h1
painted within 1.5 s, the app ready within 3.5 s, the h1 first painted the app's own), a click
from the home page to sign-in answered by the app without a page load, a repeat visit with a
warm cache (at most 10 KB besides the API), and a first visit to the staff app (at most 600 KB);
a broken budget fails the run (exit 1). Also the size of every file in web/dist, raw, gzip and
brotli, and which of them each first visit fetched. It prints one report and writes it, with the
machine it came from, to bench/RESULTS.md.

Environment: PORTAL_BIN (default target/release/portal), BENCH_SECONDS (10; 2 for a quick try),
BENCH_CONNECTIONS (32), BENCH_BACKENDS ("sqlite,postgres"), BENCH_GROWTH_ROWS
("10000,1000000"), BENCH_BROWSER (1; 0 skips it), BENCH_OUTBOX (1; 0 skips it),
BENCH_OUTBOX_EMAILS (10000), BENCH_OUTBOX_TIMEOUT (300: seconds the drain may take before it is
judged as far as it got), BENCH_PORT (18090).

Any request that is not answered 2xx fails the run: a benchmark of refusals measures nothing.
"""

import base64
import csv
import datetime
import email.policy
import email.utils
import gzip
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ left beside the helpers imported below
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from portal_signin import CODE, emailed_code, solve_bot_check  # noqa: E402
import smtp_sink  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PORTAL_BIN = (ROOT / os.environ.get("PORTAL_BIN", "target/release/portal")).resolve()
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
THREADS = 2  # the load generator's threads: wrk shares the machine with the server
FLOOD_CONNECTIONS = 200
# Growth measures what a query costs as its table grows, so it keeps the concurrency at the
# database pool's size (8 by default): more would only add queueing in front of the same work.
GROWTH_CONNECTIONS = 8
BACKENDS = os.environ.get("BENCH_BACKENDS", "sqlite,postgres").split(",")
GROWTH_ROWS = [int(n) for n in os.environ.get("BENCH_GROWTH_ROWS", "10000,1000000").split(",")]
GROWTH_LIMIT = 1.5
# Under the sign-in flood, the endpoints that do work (the dashboard, the message list) keep
# their p99 within this many times their quiet p99 (#16: password hashing on fewer threads
# than cores, with a bounded queue).
FLOOD_P99_LIMIT = 3.0
# The citizen dashboard's req/s over the baseline's before every request checked its session
# in the database (bench/RESULTS.md of 19dc5b4, the commit before #16 M1), per backend. The
# check must not cost more than a tenth of that.
DASHBOARD_RATIO_BEFORE = {"sqlite": 0.108, "postgres": 0.057}
DASHBOARD_RATIO_KEEPS = 0.9
BROWSER = os.environ.get("BENCH_BROWSER", "1") != "0"
# A submitted form's PDF (laid out, tagged, fonts subset and embedded, on the blocking pool)
# keeps its p99 under this at CONNECTIONS at once.
PDF_P99_MS_BUDGET = 500
# The browser app's budgets (bytes on the wire, compressed, headers included; times from
# navigation start on the throttled phone). Each is judged on the median of bench/browser.js's
# runs.
BROWSER_RUNS = 3
PUBLIC_PAGES = ["/", "/sign-in", "/forms/social-care-referral"]
PAGE_BYTES_BUDGET = 256_000  # 250 KB: a first visit to a public page, everything included
# The first download (shared::boot::Bundle::Public). A form's first page loads the wizard's
# download: its bytes are shown, and its time is judged like the others'.
BYTES_JUDGED = ("/", "/sign-in")
HEADING_MS_BUDGET = 1500
READY_MS_BUDGET = 3500
REPEAT_BYTES_BUDGET = 10_240  # 10 KB: a repeat visit to / with a warm cache, the API aside
STAFF_BYTES_BUDGET = 614_400  # 600 KB: a first visit to the staff app
WEB_DIST = ROOT / "web/dist"
# The email outbox: a backlog of OUTBOX_EMAILS drained to a loopback SMTP sink.
OUTBOX = os.environ.get("BENCH_OUTBOX", "1") != "0"
OUTBOX_EMAILS = int(os.environ.get("BENCH_OUTBOX_EMAILS", "10000"))
OUTBOX_TIMEOUT = int(os.environ.get("BENCH_OUTBOX_TIMEOUT", "300"))
OUTBOX_RATIO_BUDGET = 0.5  # the drain's rate over the sink's own capacity, at least
CODE_WAIT_BUDGET = 5.0  # seconds from asking for a sign-in code to its arrival, at most
CODE_AFTER = 1.0  # seconds into the drain when the code is asked for
SINK_MESSAGES = 10000  # the sink's capacity is measured with this many messages,
SINK_CONNECTIONS = 8  # over this many connections: IN_FLIGHT in api/src/email/outbox.rs
PORT = int(os.environ.get("BENCH_PORT", "18090"))
# scripts/postgres-cluster.sh listens here (PORTAL_PG_PORT moves it, where the script allows).
PG_PORT = int(os.environ.get("PORTAL_PG_PORT", "55432"))
PASSWORD = "Demo-Portal-2026!"
CITIZEN = "margaret.okafor@example.org"
GP = "dr.priya.shah@example.org"
STAFF = "sam.taylor@example.org"  # in every team, as the demonstration staff are
DEMO_ACCOUNTS = [CITIZEN, GP, "sam.taylor@example.org", "alex.morgan@example.org"]

# Problems found along the way (non-2xx answers, server errors in its log); printed at the end.
PROBLEMS: list[str] = []


class BenchError(Exception):
    """A failure that makes the numbers meaningless: stop and say why."""


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# HTTP: one keep-alive connection for the driver's own calls (setup, sign-in, bot-check batches).


class Client:
    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None, token=None, headers=None):
        """Returns (status, parsed JSON or text). Reconnects once if the server closed the
        keep-alive connection."""
        hdrs = {"Accept": "application/json", **(headers or {})}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        if token:
            hdrs["Authorization"] = f"Bearer {token}"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=data, headers=hdrs)
                response = self.conn.getresponse()
                raw = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt == 2:
                    raise
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = raw.decode(errors="replace")
        return response.status, payload

    def expect(self, status, method, path, **kwargs):
        got, payload = self.call(method, path, **kwargs)
        if got != status:
            raise BenchError(f"{method} {path} answered {got}, not {status}: {payload}")
        return payload


def solved_bot_check(client: Client) -> str:
    """Fetches a bot-check challenge and solves it."""
    challenge = client.expect(200, "GET", "/api/v1/bot-check")
    solved = solve_bot_check(challenge)
    if solved is None:
        raise BenchError(f"bot-check challenge has no solution up to {challenge['maxnumber']}")
    return solved


def sign_in_bodies(client: Client, count: int, path: Path) -> None:
    """Writes `count` ready sign-in bodies, each with its own solved bot check (single-use),
    rotating over the demo accounts, one JSON per line for bench/sign_in.lua."""
    with path.open("w") as out:
        for i in range(count):
            body = {
                "email": DEMO_ACCOUNTS[i % len(DEMO_ACCOUNTS)],
                "password": PASSWORD,
                "bot_check": solved_bot_check(client),
            }
            out.write(json.dumps(body) + "\n")


def sign_in(client: Client, mail_dir: Path, email: str) -> str:
    """The whole sign-in as a person does it: password, then the code from the emailed .eml
    file (the server writes mail to files in benchmarks). Returns the access token."""
    before = set(mail_dir.glob("*.eml")) if mail_dir.exists() else set()
    client.expect(202, "POST", "/api/v1/sign-in",
                  body={"email": email, "password": PASSWORD,
                        "bot_check": solved_bot_check(client)})
    code = emailed_code(mail_dir, email, before)
    if code is None:
        raise BenchError(f"no sign-in code for {email} arrived in {mail_dir} within 30 s")
    session = client.expect(201, "POST", "/api/v1/sign-in/verify",
                            body={"email": email, "code": code})
    return session["access_token"]


# ---------------------------------------------------------------------------------------------
# wrk


def wrk(url: str, script: str, seconds: int, connections: int, token=None, env=None,
        background=False):
    """Runs wrk with a bench/*.lua script; returns the parsed BENCH_JSON result (or the Popen
    when background, for wrk_result)."""
    command = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
               "-s", str(BENCH / script)]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    command.append(url)
    full_env = {**os.environ, "BENCH_DIR": str(BENCH), "BENCH_THREADS": str(THREADS),
                **(env or {})}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=full_env)
    return process if background else wrk_result(process)


def wrk_result(process) -> dict:
    out, err = process.communicate()
    for line in out.splitlines():
        if line.startswith("BENCH_JSON "):
            result = json.loads(line[len("BENCH_JSON "):])
            result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
            result["failed"] = sum(result[k] for k in
                                   ("connect", "read", "write", "status", "timeout"))
            return result
    raise BenchError(f"wrk gave no result (exit {process.returncode}): {out}\n{err}")


# ---------------------------------------------------------------------------------------------
# The server and the databases


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


class Server:
    """The portal on a fresh database. `portal demo-data` seeds it first (it migrates too)."""

    def __init__(self, backend: str, work: Path, database_url: str):
        self.backend = backend
        self.work = work
        self.mail_dir = work / "mail"
        self.log_path = work / f"server-{backend}.log"
        self.env = {
            **os.environ,
            "PORTAL_SERVER__PORT": str(PORT),
            "PORTAL_SERVER__METRICS_ADDRESS": "127.0.0.1:0",
            "PORTAL_SERVER__PUBLIC_URL": f"http://127.0.0.1:{PORT}",
            "PORTAL_SERVER__SHUTDOWN_TIMEOUT_SECONDS": "5",
            "PORTAL_DATABASE__URL": database_url,
            "PORTAL_WEB_DIR": str(ROOT / "web/dist"),
            "PORTAL_COUNCIL_FILE": str(ROOT / "config/council.toml"),
            "PORTAL_BANK_HOLIDAYS_FILE": str(ROOT / "config/bank-holidays.json"),
            "PORTAL_EMAIL__FILE_DIR": str(self.mail_dir),
            # Benchmarks measure the server, not the proof of work or the rate limits.
            "PORTAL_AUTH__BOT_CHECK_MAX_NUMBER": "10",
            "PORTAL_AUTH__ATTEMPTS_PER_ADDRESS_PER_HOUR": "100000000",
            "PORTAL_AUTH__ACCESS_TOKEN_MINUTES": "120",
            "PORTAL_AUTH__IDLE_TIMEOUT_MINUTES": "120",
            "PORTAL_LOG__FILTER": "warn",
            "RUST_LOG": "warn",
        }
        self.process = None

    def seed(self) -> None:
        done = subprocess.run([str(PORTAL_BIN), "demo-data"], cwd=ROOT, env=self.env,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchError(f"portal demo-data failed: {done.stdout}{done.stderr}")

    def start(self) -> Client:
        if not port_is_free(PORT):
            raise BenchError(f"port {PORT} is taken: set BENCH_PORT")
        self.log_file = self.log_path.open("w")
        self.process = subprocess.Popen([str(PORTAL_BIN), "serve"], cwd=ROOT, env=self.env,
                                        stdout=self.log_file, stderr=subprocess.STDOUT)
        client = Client(PORT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"the server exited: {self.log_tail()}")
            try:
                if client.call("GET", "/api/v1/health")[0] == 200:
                    return client
            except OSError:
                pass
            time.sleep(0.2)
        raise BenchError(f"the server did not answer /api/v1/health within 60 s: "
                         f"{self.log_tail()}")

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
            self.check_log()

    def log_tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]

    def check_log(self) -> None:
        """Warnings are expected to be rare; errors and panics are server faults to report."""
        lines = [l for l in self.log_path.read_text(errors="replace").splitlines()
                 if re.search(r"\b(ERROR|panicked)\b", l)]
        if lines:
            kept = BENCH / f"server-{self.backend}.log"
            shutil.copy(self.log_path, kept)
            PROBLEMS.append(f"{self.backend}: the server logged {len(lines)} error line(s), "
                            f"log kept at {kept.relative_to(ROOT)}; first: {lines[0][:400]}")


class Postgres:
    """scripts/postgres-cluster.sh: a throw-away cluster on 127.0.0.1:55432 (fresh every run)."""

    URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres"

    def __init__(self):
        # Under /tmp: the postgres user must reach it (as scripts/test-backends.sh does).
        self.dir = tempfile.mkdtemp(prefix="bench-pg.", dir="/tmp")
        self.started = False

    def start(self) -> None:
        # The test suites use the same port: wait a while for theirs to finish.
        deadline = time.monotonic() + 600
        while not port_is_free(PG_PORT):
            if time.monotonic() > deadline:
                raise BenchError(f"port {PG_PORT} stayed taken (another test cluster?): "
                                 f"set PORTAL_PG_PORT")
            log(f"  port {PG_PORT} is taken (another test cluster?): waiting")
            time.sleep(15)
        subprocess.run([str(ROOT / "scripts/postgres-cluster.sh"), "start", self.dir],
                       check=True, stdout=subprocess.DEVNULL)
        self.started = True
        if port_is_free(PG_PORT):
            raise BenchError(f"the cluster is not on port {PG_PORT}: does "
                             f"scripts/postgres-cluster.sh honour PORTAL_PG_PORT?")

    def stop(self) -> None:
        if self.started:
            subprocess.run([str(ROOT / "scripts/postgres-cluster.sh"), "stop", self.dir],
                           stdout=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


def sql(backend: str, db_path: Path, statement: str, params=()) -> list:
    """One SQL statement on the server's database, beside the running server: SQLite through
    Python's sqlite3 (the server uses WAL, so it can keep serving), PostgreSQL through psql."""
    if backend == "sqlite":
        conn = sqlite3.connect(db_path, timeout=60)
        try:
            rows = conn.execute(statement, params).fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()
    for i, value in enumerate(params):  # psql has no parameters here: inline quoted literals
        statement = statement.replace(f"${i + 1}", "'" + str(value).replace("'", "''") + "'")
    done = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres",
                           "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qAtX", "-F", "\t",
                           "-c", statement], capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"psql failed: {done.stderr}")
    return [tuple(line.split("\t")) for line in done.stdout.splitlines() if line]


# ---------------------------------------------------------------------------------------------
# Scenarios


def preflight(client: Client, method: str, path: str, status: int, token=None, body=None,
              headers=None) -> None:
    """One request before each load run: a scenario that would be refused fails here, with the
    server's own words, instead of as a count of non-2xx answers."""
    client.expect(status, method, path, token=token, body=body, headers=headers)


def measure(results: list, backend: str, name: str, url: str, script: str, connections: int,
            token=None, env=None, seconds=SECONDS, group="load") -> dict:
    log(f"  {backend}: {name} ({connections} connections, {seconds} s)")
    result = wrk(url, script, seconds, connections, token=token, env=env)
    result.update(backend=backend, name=name, group=group)
    if result["failed"]:
        PROBLEMS.append(f"{backend} {name}: {result['failed']} of {result['requests']} requests "
                        f"failed (statuses {result['statuses']}, timeouts {result['timeout']}, "
                        f"socket errors {result['connect'] + result['read'] + result['write']}); "
                        f"a refused body: {result['sample'][:300]}")
    results.append(result)
    return result


def complete_enquiry() -> dict:
    """A complete, valid support-enquiry answer set (as api/tests/api/referrals.rs has it)."""
    return {
        "urgent": "no", "safeguarding": "no",
        "referrer_name": "Dr Priya Shah", "referrer_role": "GP",
        "referrer_organisation": "Marsh Lane Surgery",
        "referrer_phone": "0113 496 0500", "referrer_email": "priya.shah@nhs.example",
        "first_name": "Margaret", "last_name": "Okafor",
        "date_of_birth": {"day": "27", "month": "3", "year": "1941"},
        "nhs_number": "943 476 5919",
        "address": {"line1": "12 Marsh Lane", "town": "Bootle", "postcode": "L20 3NJ"},
        "communication_needs": "no", "aware": "yes", "consents": "yes",
        "gp_name": "Dr Shah", "gp_practice": "Marsh Lane Surgery",
        "health_conditions": "Arthritis; two falls this year.",
        "lives_with": "Alone", "has_carers": "yes",
        "carers": [{"name": "Ade Okafor", "relationship": "Son", "phone": "07700 900456"}],
        "current_services": "no",
        "presenting_needs": "Washing and dressing.", "outcomes": "To stay at home safely.",
    }


def fresh_database(backend: str, work: Path):
    """A new database for one server: a SQLite file in `work`, or a throw-away PostgreSQL
    cluster (returned, to stop). Returns (SQLite path or None, URL, cluster or None)."""
    if backend == "sqlite":
        db_path = work / "portal.db"
        return db_path, f"sqlite://{db_path}", None
    postgres = Postgres()
    try:
        postgres.start()
    except BaseException:
        postgres.stop()  # whatever of it did start
        raise
    return None, Postgres.URL, postgres


def run_backend(backend: str, results: list, growth: list, flood: list, browser: list) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{backend}."))
    postgres = None
    server = None
    try:
        db_path, url, postgres = fresh_database(backend, work)
        server = Server(backend, work, url)
        server.seed()
        client = server.start()
        base = f"http://127.0.0.1:{PORT}"

        if BROWSER and backend == BACKENDS[0]:
            browser.append(measure_browser(base))

        citizen = sign_in(client, server.mail_dir, CITIZEN)
        gp = sign_in(client, server.mail_dir, GP)
        staff = sign_in(client, server.mail_dir, STAFF)
        people = client.expect(200, "GET", "/api/v1/people", token=citizen)
        person = next(p["id"] for p in people if p["relationship"] == "self")
        dashboard = f"/api/v1/people/{person}/dashboard"
        messages = f"/api/v1/people/{person}/messages"

        body_dir = work / "bodies"
        body_dir.mkdir()
        draft_body = body_dir / "draft.json"
        draft_body.write_text(json.dumps({"form_id": "support-enquiry",
                                          "answers": {"urgent": "no", "safeguarding": "no"}}))
        submit_body = body_dir / "submit.json"
        submit_body.write_text(json.dumps({"form_id": "support-enquiry",
                                           "answers": complete_enquiry()}))

        # Every scenario is tried once by hand first (see preflight).
        preflight(client, "GET", "/api/v1/council", 200)
        preflight(client, "GET", dashboard, 200, token=citizen)
        preflight(client, "GET", messages, 200, token=citizen)
        preflight(client, "GET", "/api/v1/staff/overview", 200, token=staff)
        preflight(client, "POST", "/api/v1/drafts", 201, token=gp,
                  body=json.loads(draft_body.read_text()))
        sent = client.expect(201, "POST", "/api/v1/submissions", token=gp,
                             body=json.loads(submit_body.read_text()),
                             headers={"Idempotency-Key": f"bench-preflight-{time.time()}"})
        pdf = f"/api/v1/submissions/{sent['id']}/pdf"
        status, _ = client.call("GET", pdf, token=gp)
        if status != 200:
            raise BenchError(f"GET {pdf} answered {status}, not 200")

        def run(name, path, script="get.lua", token=None, env=None, connections=CONNECTIONS):
            return measure(results, backend, name, base + path, script, connections,
                           token=token, env=env)

        quiet = {}
        quiet["baseline"] = run("baseline: GET /council", "/api/v1/council")
        quiet["dashboard"] = run("citizen dashboard", dashboard, token=citizen)
        quiet["messages"] = run("message list page", messages, token=citizen)
        run("draft save", "/api/v1/drafts", "post_json.lua", token=gp,
            env={"BENCH_BODY": str(draft_body)})
        run("form submit", "/api/v1/submissions", "post_json.lua", token=gp,
            env={"BENCH_BODY": str(submit_body), "BENCH_IDEMPOTENCY": "1"})
        run("submission PDF", pdf, token=gp)
        # Sign-in step 1 (the password check) needs a fresh bot check per request.
        bodies = body_dir / "sign-in.jsonl"
        sign_in_bodies(client, max(600, 300 * SECONDS), bodies)
        signin = run("sign-in (password step)", "/api/v1/sign-in", "sign_in.lua",
                     env={"BENCH_BODIES": str(bodies)})
        run("baseline again (drift check)", "/api/v1/council")

        # Sign-in under a flood: 200 clients on sign-in for the whole window while the other
        # endpoints are measured one after another.
        victims = [("baseline: GET /council", "/api/v1/council", None, "baseline"),
                   ("citizen dashboard", dashboard, citizen, "dashboard"),
                   ("message list page", messages, citizen, "messages")]
        flood_seconds = SECONDS * len(victims) + 4
        needed = int(signin["rps"] * 1.5 * flood_seconds) + 1000
        log(f"  {backend}: solving {needed} bot checks for the flood")
        sign_in_bodies(client, needed, bodies)
        flooder = wrk(base + "/api/v1/sign-in", "sign_in.lua", flood_seconds, FLOOD_CONNECTIONS,
                      env={"BENCH_BODIES": str(bodies)}, background=True)
        try:
            time.sleep(2)  # let the flood reach its full 200 connections
            for name, path, token, key in victims:
                under = measure(results, backend, f"{name}, under sign-in flood", base + path,
                                "get.lua", CONNECTIONS, token=token, group="flood")
                flood.append({"backend": backend, "name": name, "quiet": quiet[key],
                              "flood": under})
        finally:
            flood_result = wrk_result(flooder)
        flood_result.update(backend=backend, name="sign-in flood itself (200 clients)",
                            group="flood")
        if flood_result["failed"]:
            PROBLEMS.append(f"{backend} sign-in flood: {flood_result['failed']} of "
                            f"{flood_result['requests']} requests failed (statuses "
                            f"{flood_result['statuses']}, timeouts {flood_result['timeout']}); "
                            f"a refused body: {flood_result['sample'][:300]}")
        results.append(flood_result)

        measure_growth(backend, client, db_path, base, person, citizen, staff, growth)
    finally:
        if server:
            server.stop()
        if postgres:
            postgres.stop()
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Growth: bulk rows straight into the tables, one statement per table per step.

EPOCH = datetime.datetime(2024, 1, 1)
PER_THREAD = 10  # messages per conversation


def message_time(i: int) -> datetime.datetime:
    # A non-zero fraction keeps SQLite's text timestamps in the same shape as those the server
    # writes (chrono prints no fraction for whole seconds, and text compares by shape).
    return EPOCH + datetime.timedelta(seconds=i, microseconds=123456)


def message_id(i: int) -> str:
    return f"0b000000-0000-7000-8000-{i:012d}"


def grow(backend, db_path, person, account, type_key, team_key, start, end) -> None:
    """Adds messages start..end (and their threads, PER_THREAD messages each) for `person`:
    even-numbered ones from the council (the inbox), odd ones from the person (sent items)."""
    t0, t1 = start // PER_THREAD, (end + PER_THREAD - 1) // PER_THREAD
    base = EPOCH.strftime("%Y-%m-%d %H:%M:%S")
    if backend == "sqlite":
        ts = "strftime('%Y-%m-%d %H:%M:%S', ?, '+' || ({x}) || ' seconds') || '.123456'"
        sql(backend, db_path,
            "WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
            "INSERT INTO message_threads (id, person_id, message_type_key, team_key, subject, "
            "started_by, created_at, last_message_at) "
            "SELECT printf('0b000000-0000-7000-9000-%012d', i), ?, ?, ?, "
            "'Benchmark conversation ' || i, 'staff', "
            + ts.format(x=f"i * {PER_THREAD}") + ", " + ts.format(x=f"i * {PER_THREAD} + 9")
            + " FROM n",
            (t0, t1, person, type_key, team_key, base, base))
        sql(backend, db_path,
            "WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
            "INSERT INTO messages (id, thread_id, person_id, sender, author_account_id, "
            "author_name, body, created_at) "
            f"SELECT printf('0b000000-0000-7000-8000-%012d', i), "
            f"printf('0b000000-0000-7000-9000-%012d', i / {PER_THREAD}), ?, "
            "CASE i % 2 WHEN 0 THEN 'staff' ELSE 'citizen' END, "
            "CASE i % 2 WHEN 0 THEN NULL ELSE ? END, "
            "CASE i % 2 WHEN 0 THEN 'Adult Social Care Contact Centre' ELSE 'Margaret Okafor' END, "
            "'A benchmark message, about as long as a short real one: thank you for your call.', "
            + ts.format(x="i") + " FROM n",
            (start, end, person, account, base))
        sql(backend, db_path, "ANALYZE")
        return
    ts = "(timestamp '{base}' + ({x}) * interval '1 second' + interval '123456 microseconds')"
    sql(backend, db_path,
        "INSERT INTO message_threads (id, person_id, message_type_key, team_key, subject, "
        "started_by, created_at, last_message_at) "
        "SELECT '0b000000-0000-7000-9000-' || lpad(i::text, 12, '0'), $1, $2, $3, "
        "'Benchmark conversation ' || i, 'staff', "
        + ts.format(base=base, x=f"i * {PER_THREAD}") + ", "
        + ts.format(base=base, x=f"i * {PER_THREAD} + 9")
        + f" FROM generate_series({t0}, {t1 - 1}) AS i",
        (person, type_key, team_key))
    sql(backend, db_path,
        "INSERT INTO messages (id, thread_id, person_id, sender, author_account_id, "
        "author_name, body, created_at) "
        "SELECT '0b000000-0000-7000-8000-' || lpad(i::text, 12, '0'), "
        f"'0b000000-0000-7000-9000-' || lpad((i / {PER_THREAD})::text, 12, '0'), $2, "
        "CASE i % 2 WHEN 0 THEN 'staff' ELSE 'citizen' END, "
        "CASE i % 2 WHEN 0 THEN NULL ELSE $1 END, "
        "CASE i % 2 WHEN 0 THEN 'Adult Social Care Contact Centre' ELSE 'Margaret Okafor' END, "
        "'A benchmark message, about as long as a short real one: thank you for your call.', "
        + ts.format(base=base, x="i") + f" FROM generate_series({start}, {end - 1}) AS i",
        (account, person))
    # Autovacuum would analyze the table soon after; do it now so the planner is not guessing.
    sql(backend, db_path, "ANALYZE")


def grow_submissions(backend, db_path, account, start, end) -> None:
    """Adds submissions start..end: the service's history, a support enquiry every 30 seconds
    from 2024 on, each accepted after 3 working days, so all of them are older than the
    overview's 12 weeks and closed. What the overview reads (the last 12 weeks, the open work)
    stays the same however many there are; the bench's own form submits are the recent ones."""
    base = EPOCH.strftime("%Y-%m-%d %H:%M:%S")
    if backend == "sqlite":
        ts = "strftime('%Y-%m-%d %H:%M:%S', ?, '+' || (i * 30) || ' seconds') || '.123456'"
        sql(backend, db_path,
            "WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
            "INSERT INTO submissions (id, reference, account_id, form_id, form_version, "
            "form_title, answers, summary, status, submitted_at, status_changed_at, "
            "idempotency_key, request_hash, team_key, due_on, first_status_at, response_days, "
            "about_name) "
            "SELECT printf('0c000000-0000-7000-8000-%012d', i), printf('BENCH-%09d', i), ?, "
            "'support-enquiry', 1, 'Support enquiry', '{}', '[]', 'accepted', "
            + ts + ", " + ts + ", printf('bench-history-%d', i), 'bench', 'contact_centre', "
            "date(?, '+' || (i * 30) || ' seconds', '+14 days'), " + ts + ", 3, "
            "'Benchmark Person' FROM n",
            (start, end, account, base, base, base, base))
        sql(backend, db_path, "ANALYZE")
        return
    ts = f"(timestamp '{base}' + (i * 30) * interval '1 second' + interval '123456 microseconds')"
    sql(backend, db_path,
        "INSERT INTO submissions (id, reference, account_id, form_id, form_version, form_title, "
        "answers, summary, status, submitted_at, status_changed_at, idempotency_key, "
        "request_hash, team_key, due_on, first_status_at, response_days, about_name) "
        "SELECT '0c000000-0000-7000-8000-' || lpad(i::text, 12, '0'), "
        "'BENCH-' || lpad(i::text, 9, '0'), $1, 'support-enquiry', 1, 'Support enquiry', '{}', "
        f"'[]', 'accepted', {ts}, {ts}, 'bench-history-' || i, 'bench', 'contact_centre', "
        f"({ts} + interval '14 days')::date, {ts}, 3, 'Benchmark Person' "
        f"FROM generate_series({start}, {end - 1}) AS i",
        (account,))
    sql(backend, db_path, "ANALYZE")


def deep_cursor(total: int) -> str:
    """The `next` cursor a reader would hold halfway down the inbox: the server's own format
    (src/pagination.rs: base64url of "<microseconds>.<id>") for the middle council message."""
    i = (total // 2) & ~1  # an even row: from the council, so in the inbox
    at = message_time(i).replace(tzinfo=datetime.timezone.utc)
    micros = int(at.timestamp()) * 1_000_000 + at.microsecond
    raw = f"{micros}.{message_id(i)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def measure_growth(backend, client, db_path, base, person, token, staff, growth) -> None:
    by_email = ("SELECT id FROM accounts WHERE email = $1" if backend == "postgres"
                else "SELECT id FROM accounts WHERE email = ?")
    account = sql(backend, db_path, by_email, (CITIZEN,))[0][0]
    gp = sql(backend, db_path, by_email, (GP,))[0][0]
    type_key, team_key = sql(backend, db_path,
                             "SELECT key, team_key FROM message_types ORDER BY position LIMIT 1")[0]
    messages = f"/api/v1/people/{person}/messages"
    done = 0
    for rows in GROWTH_ROWS:
        log(f"  {backend}: growing messages to {rows} rows")
        started = time.monotonic()
        grow(backend, db_path, person, account, type_key, team_key, done, rows)
        grow_submissions(backend, db_path, gp, done, rows)
        log(f"  {backend}: inserted {rows - done} messages and submissions in "
            f"{time.monotonic() - started:.1f} s")
        done = rows
        count = int(sql(backend, db_path, "SELECT count(*) FROM messages")[0][0])
        cursor = deep_cursor(rows)
        deep = f"{messages}?after={cursor}"
        page = client.expect(200, "GET", deep, token=token)
        if len(page["items"]) != 20:
            raise BenchError(f"the deep page has {len(page['items'])} items, not 20: {page}")
        step = {"backend": backend, "rows": count, "results": {}}
        for name, path in (("message list, first page", messages),
                           ("message list, deep page (?after=)", deep),
                           ("citizen dashboard", f"/api/v1/people/{person}/dashboard"),
                           ("staff overview", "/api/v1/staff/overview")):
            who = staff if path.startswith("/api/v1/staff") else token
            step["results"][name] = measure([], backend, f"{name} @ {count} rows", base + path,
                                            "get.lua", GROWTH_CONNECTIONS, token=who,
                                            group="growth")
        growth.append(step)


# ---------------------------------------------------------------------------------------------
# The email outbox: a backlog drained over SMTP to a loopback sink (bench/smtp_sink.py).

# The queued emails: a form's confirmation (template `submission_received`), about as long as
# the real one; the sink's capacity is measured with the same email as Python builds it.
OUTBOX_FROM = "Adult Social Care Online <no-reply@council.example>"
OUTBOX_SUBJECT = "We have received your form: "
OUTBOX_TEXT = (
    "Hello Margaret,\n\nThank you. We received your support enquiry on 1 December 2026 at "
    "10:15 (UTC).\n\nYour reference number is ASC-2026-000123. Quote it if you contact us about "
    "this form.\n\nYou can see the form you sent, and where it has got to, in your account for "
    "the next 30 days:\nhttps://portal.council.example/account/submissions\n\nFor your privacy "
    "this email does not repeat what you told us.\n--\nAdult Social Care, Online services\n"
    "If you need support urgently, call 0113 496 0000.\n")
OUTBOX_HTML = (
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>We have received "
    "your form</title></head>\n<body style=\"font-family: system-ui, Arial, sans-serif; "
    "font-size: 19px; line-height: 1.4; color: #0b0c0c; max-width: 36em; margin: 0 auto; "
    "padding: 16px;\">\n<p>Hello Margaret,</p>\n<p>Thank you. We received your support enquiry "
    "on 1 December 2026 at 10:15 (UTC).</p>\n<p>Your reference number is <strong>"
    "ASC-2026-000123</strong>. Quote it if you contact us about this form.</p>\n<p>You can see "
    "the form you sent, and where it has got to, <a href=\"https://portal.council.example/"
    "account/submissions\">in your account</a> for the next 30 days.</p>\n<p>For your privacy "
    "this email does not repeat what you told us.</p>\n<p style=\"font-size: 16px; color: "
    "#505a5f;\">If you need support urgently, call 0113 496 0000.</p>\n</body>\n</html>\n")


def outbox_sample() -> bytes:
    """One queued email as a mailer would send it: multipart text and HTML, for the sink's
    capacity."""
    message = EmailMessage()
    message["Message-ID"] = "<0c000000-0000-4000-8000-000000000000@council.example>"
    message["Date"] = email.utils.formatdate(usegmt=True)
    message["From"] = OUTBOX_FROM
    message["To"] = "outbox.bench+0@example.org"
    message["Subject"] = OUTBOX_SUBJECT + "ASC-000000"
    message.set_content(OUTBOX_TEXT)
    message.add_alternative(OUTBOX_HTML, subtype="html")
    return message.as_bytes(policy=email.policy.SMTP)


def queue_backlog(backend: str, db_path, count: int) -> bool:
    """Queues `count` emails, due now, straight into `email_outbox` in one statement, as
    notifications (priority 1) where the table has a priority column (it came with the
    prioritised outbox; an older server is measured without it). Returns whether it has one."""
    # Naive UTC, as the server writes them; with a fraction, as chrono prints most times.
    at = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    at = at.strftime("%Y-%m-%d %H:%M:%S.%f")
    if backend == "sqlite":
        has_priority = int(sql(backend, db_path,
                               "SELECT count(*) FROM pragma_table_info('email_outbox') "
                               "WHERE name = 'priority'")[0][0]) == 1
        column, value = ("priority, ", "1, ") if has_priority else ("", "")
        sql(backend, db_path,
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
            f"INSERT INTO email_outbox (id, to_address, template, {column}subject, text_body, "
            "html_body, status, attempts, next_attempt_at, created_at) "
            "SELECT printf('0c000000-0000-4000-8000-%012d', i), "
            "'outbox.bench+' || i || '@example.org', "
            f"'submission_received', {value}? || printf('ASC-%06d', i), ?, ?, 'pending', 0, ?, ? "
            "FROM n",
            (count, OUTBOX_SUBJECT, OUTBOX_TEXT, OUTBOX_HTML, at, at))
        sql(backend, db_path, "ANALYZE email_outbox")
        return has_priority
    has_priority = int(sql(backend, db_path,
                           "SELECT count(*) FROM information_schema.columns WHERE "
                           "table_name = 'email_outbox' AND column_name = 'priority'")[0][0]) == 1
    column, value = ("priority, ", "1, ") if has_priority else ("", "")
    sql(backend, db_path,
        f"INSERT INTO email_outbox (id, to_address, template, {column}subject, text_body, "
        "html_body, status, attempts, next_attempt_at, created_at) "
        "SELECT '0c000000-0000-4000-8000-' || lpad(i::text, 12, '0'), "
        "'outbox.bench+' || i || '@example.org', "
        f"'submission_received', {value}$1 || 'ASC-' || lpad(i::text, 6, '0'), $2, $3, "
        f"'pending', 0, $4::timestamp, $4::timestamp FROM generate_series(0, {count - 1}) AS i",
        (OUTBOX_SUBJECT, OUTBOX_TEXT, OUTBOX_HTML, at))
    sql(backend, db_path, "ANALYZE email_outbox")
    return has_priority


def kept_code(path: Path):
    """The sign-in code in a message the sink kept (as emailed_code reads the server's files)."""
    text = path.read_bytes().decode(errors="replace").replace("=\r\n", "").replace("=\n", "")
    found = re.search(r"sign-in code is (\d{3} \d{3})", text) or CODE.search(text)
    return found.group(1) if found else None


def run_outbox(backend: str, outbox: list) -> None:
    """The outbox on a server of its own: a fresh database (a fresh cluster on PostgreSQL) with
    the demonstration data, sending over SMTP to the sink instead of writing files."""
    work = Path(tempfile.mkdtemp(prefix=f"bench-outbox-{backend}."))
    postgres = server = sink = None
    try:
        db_path, url, postgres = fresh_database(backend, work)
        try:
            sink = smtp_sink.Sink(CITIZEN, work / "sink")
        except (OSError, RuntimeError) as error:
            raise BenchError(f"the SMTP sink: {error}") from None
        server = Server(f"{backend}-outbox", work, url)
        server.env["PORTAL_EMAIL__SMTP_URL"] = f"smtp://127.0.0.1:{sink.port}"
        server.seed()
        client = server.start()
        outbox.append(measure_outbox(backend, client, db_path, sink))
    finally:
        if server:
            server.stop()
        if sink:
            sink.stop()
        if postgres:
            postgres.stop()
        shutil.rmtree(work, ignore_errors=True)


def measure_outbox(backend: str, client: Client, db_path, sink) -> dict:
    count = OUTBOX_EMAILS

    def pending() -> int:
        return int(sql(backend, db_path,
                       "SELECT count(*) FROM email_outbox WHERE status = 'pending'")[0][0])

    # The demonstration data's own emails leave first: the drain starts from an empty queue.
    deadline = time.monotonic() + 60
    while pending():
        if time.monotonic() > deadline:
            raise BenchError(f"{backend}: the outbox still had {pending()} emails pending a "
                             f"minute after the server started (does it reach the SMTP sink?)")
        time.sleep(0.2)

    log(f"  {backend}: the SMTP sink's capacity ({SINK_MESSAGES} messages, "
        f"{SINK_CONNECTIONS} connections)")
    try:
        capacity = sink.capacity(outbox_sample(), SINK_MESSAGES, SINK_CONNECTIONS)
    except (OSError, RuntimeError) as error:
        raise BenchError(f"{backend}: measuring the SMTP sink: {error}") from None
    capacity_rate = smtp_sink.rate(capacity)

    log(f"  {backend}: queueing {count} emails and draining them "
        f"(at most {OUTBOX_TIMEOUT} s)")
    has_priority = queue_backlog(backend, db_path, count)
    queued_at = time.monotonic()
    deadline = queued_at + OUTBOX_TIMEOUT
    asked = arrived = code = None
    answered_in = during_drain = None
    before: set = set()
    health: list[dict] = []
    next_health = queued_at
    stalled = False
    while True:
        now = time.monotonic()
        stats = sink.stats()
        if stats["first"] is None and now > queued_at + 30:
            stalled = True  # the worker looks every 5 s: nothing leaves at all
            break
        if asked is None and stats["first"] is not None and now >= stats["first"] + CODE_AFTER:
            body = {"email": CITIZEN, "password": PASSWORD, "bot_check": solved_bot_check(client)}
            before = {path for _, path in sink.kept()}
            during_drain = stats["messages"] < count
            asked = time.monotonic()
            client.expect(202, "POST", "/api/v1/sign-in", body=body)
            answered_in = time.monotonic() - asked
        if asked is not None and code is None:
            for at, path in sink.kept():
                if path not in before and (found := kept_code(path)):
                    code, arrived = found, at
                    break
        if now >= next_health:
            status, payload = client.call("GET", "/api/v1/health")
            if status == 200 and isinstance(payload, dict) and payload.get("outbox"):
                health.append(payload["outbox"])
            next_health = now + 1
        if stats["messages"] >= count:
            if code is not None:
                break
            # Drained, but no code yet: it gets a while longer, not the whole timeout.
            deadline = min(deadline, now + 30)
        if now > deadline:
            break
        time.sleep(0.05)
    waited = time.monotonic() - queued_at

    drained = stats["messages"] >= count
    # The last emails' rows are marked sent just after the sink answered.
    settle = time.monotonic() + 10
    while drained and pending() and time.monotonic() < settle:
        time.sleep(0.1)
    rows = dict(sql(backend, db_path, "SELECT status, count(*) FROM email_outbox WHERE "
                    "to_address LIKE 'outbox.bench+%' GROUP BY status"))
    rows = {status: int(n) for status, n in rows.items()}
    refused = int(sql(backend, db_path, "SELECT count(*) FROM email_outbox "
                      "WHERE last_error IS NOT NULL")[0][0])
    status, after = client.call("GET", "/api/v1/health")
    after = after.get("outbox") if status == 200 and isinstance(after, dict) else None
    verified = False
    if code is not None:
        verified = client.call("POST", "/api/v1/sign-in/verify",
                               body={"email": CITIZEN, "code": code})[0] == 201

    drain_rate = smtp_sink.rate(stats)
    ratio = drain_rate / capacity_rate if drain_rate and capacity_rate else None
    wait = arrived - asked if arrived is not None else None
    # The server gives each email its outbox row's Message-ID (an older one gave none).
    duplicates = stats["identified"] - stats["distinct"]
    if duplicates:
        PROBLEMS.append(f"{backend} outbox: {duplicates} of the {stats['messages']} emails "
                        f"drained reached the SMTP sink more than once")
    if refused:
        PROBLEMS.append(f"{backend} outbox: {refused} emails were not taken by the SMTP sink at "
                        f"the first try (last_error set)")
    if code is not None and not verified:
        PROBLEMS.append(f"{backend} outbox: the sign-in code that reached the SMTP sink was "
                        f"refused by /api/v1/sign-in/verify")
    result = {
        "backend": backend, "queued": count, "priority_column": has_priority,
        "capacity": capacity, "capacity_rate": capacity_rate,
        "capacity_busy": smtp_sink.busy(capacity),
        "drain": stats, "drained": drained, "stalled": stalled, "drain_rate": drain_rate,
        "drain_busy": smtp_sink.busy(stats),
        "drain_seconds": (stats["last"] - stats["first"]) if stats["first"] else None,
        "ratio": ratio, "ratio_ok": bool(drained and ratio is not None
                                         and ratio >= OUTBOX_RATIO_BUDGET),
        "code_wait": wait, "code_ok": wait is not None and wait <= CODE_WAIT_BUDGET,
        "code_during_drain": during_drain, "code_answered_in": answered_in,
        "code_verified": verified, "rows": rows, "refused": refused,
        "duplicates": duplicates, "health": health, "health_after": after,
        "waited": waited,
    }
    log(f"  {backend}: sink {capacity_rate or 0:.0f} msg/s, drained {stats['messages']} of "
        f"{count} at {drain_rate or 0:.0f} msg/s (ratio {ratio or 0:.2f}), sign-in code "
        + (f"waited {wait:.2f} s" if wait is not None else "did not arrive"))
    return result


def outbox_failures(outbox: list) -> list[str]:
    """The outbox budgets broken, by backend."""
    broken = []
    for o in outbox:
        if not o["ratio_ok"]:
            broken.append(f"{o['backend']}: drain ÷ sink capacity "
                          + (f"{o['ratio']:.4g}" if o["ratio"] is not None else "unmeasured")
                          + ("" if o["drained"] else
                             f" ({o['drain']['messages']} of {o['queued']} drained)")
                          + f" < {OUTBOX_RATIO_BUDGET}")
        if not o["code_ok"]:
            broken.append(f"{o['backend']}: the sign-in code waited {o['code_wait']:.2f} s > "
                          f"{CODE_WAIT_BUDGET:g} s" if o["code_wait"] is not None else
                          f"{o['backend']}: no sign-in code arrived in {o['waited']:.0f} s")
    return broken


def outbox_report(outbox: list) -> list[str]:
    verdict = {True: "PASS", False: "FAIL"}
    out = ["## The email outbox draining a backlog", "",
           f"Per backend, a server of its own (a fresh database with the demonstration data) "
           f"sends its email over SMTP (`PORTAL_EMAIL__SMTP_URL`) to a sink on loopback "
           f"(bench/smtp_sink.py: Python asyncio, one process, one core at most). First the "
           f"sink's own capacity, in the same run: {SINK_MESSAGES:,} messages over "
           f"{SINK_CONNECTIONS} connections at once (as many as the outbox sends on), each "
           f"with the commands the server's mailer gives (NOOP, MAIL, RCPT, DATA), the message "
           f"a queued email as Python formats it. Then emails are queued straight into "
           f"`email_outbox` in one statement (a form's confirmation, due now, priority 1) and "
           f"drained; both rates are counted at the sink from its first message to its last. "
           f"The drain must reach {OUTBOX_RATIO_BUDGET} of the sink's capacity. {CODE_AFTER:g} s "
           f"after the first queued email arrives the demo citizen signs in (step 1): from the "
           f"POST to the code's arrival at the sink, at most {CODE_WAIT_BUDGET:g} s. Sink busy: "
           f"its CPU time over the same span (1.0 = a whole core: the sink was the limit).", ""]
    for o in outbox:
        d = o["drain"]

        def rate(value):
            return f"{value:,.0f}" if value is not None else "-"

        drained = (f"{rate(o['drain_rate'])}" if o["drained"] else
                   f"{rate(o['drain_rate'])} ({d['messages']:,} of {o['queued']:,} in "
                   f"{o['waited']:.0f} s{', none at all' if o['stalled'] else ''})")
        wait = (f"{o['code_wait']:.2f}" if o["code_wait"] is not None
                else f"none in {o['waited']:.0f} s")
        out += [f"{o['backend']}:", "",
                table(["queued", "sink capacity (msg/s)", "drain rate (msg/s)",
                       "drain ÷ capacity", "verdict", "sign-in code's wait (s)", "verdict"],
                      [[f"{o['queued']:,}", rate(o["capacity_rate"]), drained,
                        "-" if o["ratio"] is None else
                        f"{o['ratio']:.2f}" if o["ratio"] >= 0.1 else f"{o['ratio']:.4f}",
                        f"{verdict[o['ratio_ok']]} (≥ {OUTBOX_RATIO_BUDGET})",
                        wait, f"{verdict[o['code_ok']]} (≤ {CODE_WAIT_BUDGET:g} s)"]]), ""]

        def share(value):
            return f"{value:.2f}" if value is not None else "-"

        notes = [
            f"the drain took {o['drain_seconds']:.2f} s" if o["drain_seconds"] else "",
            f"sink busy {share(o['capacity_busy'])} measuring its capacity "
            f"({o['capacity']['messages']:,} messages in "
            f"{o['capacity']['last'] - o['capacity']['first']:.2f} s), "
            f"{share(o['drain_busy'])} in the drain",
            "rows: " + ", ".join(f"{n:,} {s}" for s, n in sorted(o["rows"].items()))
            + f"; {o['refused']} refused at a first try, "
            + (f"{o['duplicates']} sent twice (by Message-ID)" if d["identified"]
               else "no Message-IDs to find emails sent twice by (an older server)"),
            ("the queue had a priority column" if o["priority_column"]
             else "the queue had no priority column (an older server)"),
        ]
        if o["code_wait"] is not None:
            notes.append(f"the code was asked for "
                         f"{'during' if o['code_during_drain'] else 'after'} the drain, the "
                         f"POST answered in {o['code_answered_in'] * 1000:.0f} ms, and the code "
                         f"{'signed her in' if o['code_verified'] else 'was REFUSED'}")
        # Health shows only whether the queue is stuck (its length would tell who has an
        # account); the sink's counts above are the queue's progress.
        if o["health"]:
            notes.append(f"`/api/v1/health` during the drain, once a second: stuck "
                         f"{'yes' if any(h.get('stuck') for h in o['health']) else 'no'}")
        if o["health_after"]:
            h = o["health_after"]
            notes.append(f"after: stuck {'yes' if h.get('stuck') else 'no'}")
        elif not o["health"]:
            notes.append("`/api/v1/health` reports no outbox (an older server)")
        out += ["Also: " + "; ".join(n for n in notes if n) + ".", ""]
    return out


# ---------------------------------------------------------------------------------------------
# The browser app


def ensure_browser() -> None:
    """`just bench` does not set the e2e suite up: bring Debian's Chromium and the suite's
    Playwright as `just e2e` does, when they are missing."""
    steps = []
    if not Path("/usr/bin/chromium").exists():
        steps.append(([str(ROOT / "scripts/ensure-packages.sh"), "chromium"], ROOT))
    if not (ROOT / "e2e/node_modules/playwright-core").is_dir():
        steps.append((["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], ROOT / "e2e"))
    for command, cwd in steps:
        # Their output goes to stderr: stdout is the report.
        if subprocess.run(command, cwd=cwd, stdout=sys.stderr).returncode != 0:
            raise BenchError(f"{' '.join(command)} failed: the browser app cannot be measured")


def measure_browser(base: str) -> dict:
    ensure_browser()
    log(f"  browser: public first visits, a repeat visit and the staff app on a throttled "
        f"slow-4G phone ({BROWSER_RUNS} runs each)")
    try:
        done = subprocess.run(["node", str(BENCH / "browser.js"), base, str(BROWSER_RUNS)],
                              capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        raise BenchError("bench/browser.js took more than 900 s") from None
    if done.returncode != 0:
        raise BenchError(f"bench/browser.js failed: {done.stdout}{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["dist"] = dist_files()
    result["profile"] = wasm_profile()
    return result


BUNDLES = ["public", "forms", "staff", "admin"]  # shared::boot::Bundle
# The wasm as cargo built it, before wasm-bindgen and wasm-opt: it still has its names.
WASM_DIR = Path(os.environ.get("WASM_DIR", ROOT / "target/wasm32-unknown-unknown/wasm-release"))


def wasm_profile() -> dict:
    """Where each download's code goes, by crate (twiggy on the wasm before wasm-bindgen, the
    names section and wasm-bindgen's describe functions left out as the build removes them)."""
    if not shutil.which("twiggy"):
        log("  twiggy is missing: no size profile (cargo install twiggy --version 0.8.0)")
        return {}
    profile = {}
    for bundle in BUNDLES:
        wasm = WASM_DIR / f"{bundle}.wasm"
        if not wasm.is_file():
            continue
        out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", str(wasm)],
                             capture_output=True, text=True, check=True).stdout
        crates: dict[str, int] = {}
        for row in csv.DictReader(out.splitlines()):
            name, size = row["Name"], int(row["ShallowSize"])
            if ("custom section" in name or "function names" in name
                    or "wbindgen_describe" in name or "wasm_bindgen::describe" in name):
                continue
            if name.startswith("data segment") or name.startswith("data["):
                crate = "data (strings, tables)"
            else:
                found = re.match(r"^<?(?:&(?:mut )?)?(?:[A-Za-z_][A-Za-z0-9_]* as )?"
                                 r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
                crate = found.group(1) if found else "other"
            crates[crate] = crates.get(crate, 0) + size
        profile[bundle] = sorted(crates.items(), key=lambda item: -item[1])
    return profile


def dist_files() -> list[dict]:
    """Every file of the built web app with its size raw, gzip -9 and brotli 11. The build's own
    .gz and .br copies (what the server sends) give the sizes where they exist; otherwise the
    file is compressed here."""
    rows = []
    if not WEB_DIST.is_dir():
        return rows
    for path in sorted(WEB_DIST.rglob("*")):
        if (not path.is_file() or path.suffix in (".br", ".gz")
                or path == WEB_DIST / "manifest.json"):
            continue
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        rows.append({
            "path": "/" + path.relative_to(WEB_DIST).as_posix(),
            "raw": len(data),
            "gzip": gz.stat().st_size if gz.is_file() else len(gzip.compress(data, 9, mtime=0)),
            "brotli": br.stat().st_size if br.is_file() else brotli_size(data),
            "copies": [name for name, copy in (("gzip", gz), ("brotli", br)) if copy.is_file()],
        })
    return rows


BROTLI = None  # the brotli module once loaded; False when it cannot be had


def brotli_size(data: bytes):
    """Brotli at quality 11, as the build compresses; None when the module cannot be had. It is
    not in the standard library: installed with pip the first time it is missing."""
    global BROTLI
    if BROTLI is None:
        try:
            import brotli
        except ImportError:
            log("  installing Python's brotli module (for the web/dist size table)")
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "brotli"],
                           stdout=sys.stderr)
            try:
                import brotli
            except ImportError:
                brotli = False
        BROTLI = brotli
    return len(BROTLI.compress(data, quality=11)) if BROTLI else None


def browser_budgets(b: dict) -> list:
    """The browser app's measures as rows [measure, median, runs, budget, ok], judged on the
    medians; ok is None for a measure shown but not judged."""
    def size(n):
        return f"{n:,} B"

    def time_ms(n):
        return "never" if n is None else f"{n:.0f} ms"

    def yes(flag):
        return "yes" if flag else "no"

    def within(value, limit):
        return value is not None and value <= limit

    def each(runs, key, show):
        return ", ".join(show(r.get(key)) for r in runs)

    rows = []
    for url in PUBLIC_PAGES:
        p = b["pages"][url]
        rows += [
            [f"`{url}` first visit: bytes", size(p["bytes"]),
             each(p["runs"], "bytes", lambda n: f"{n:,}"),
             f"≤ {PAGE_BYTES_BUDGET:,} B" if url in BYTES_JUDGED else "(not judged)",
             within(p["bytes"], PAGE_BYTES_BUDGET) if url in BYTES_JUDGED else None],
            [f"`{url}` first visit: h1 painted", time_ms(p["heading_ms"]),
             each(p["runs"], "heading_ms", time_ms), f"≤ {HEADING_MS_BUDGET} ms",
             within(p["heading_ms"], HEADING_MS_BUDGET)],
            [f"`{url}` first visit: app ready", time_ms(p["ready_ms"]),
             each(p["runs"], "ready_ms", time_ms), f"≤ {READY_MS_BUDGET} ms",
             within(p["ready_ms"], READY_MS_BUDGET)],
            # Else the h1 time above timed a placeholder, not the page's heading.
            [f"`{url}` first visit: the h1 first painted is the app's final h1",
             yes(p["h1_stable"]), each(p["runs"], "h1_stable", yes), "yes in every run",
             p["h1_stable"]],
        ]
    home = b["pages"]["/"]
    r, staff = b["repeat"], b["staff"]
    rows += [
        ["`/` → header's Sign in link: the app navigates, no page load",
         yes(home["client_navigation"]), each(home["runs"], "client_navigation", yes),
         "yes in every run", home["client_navigation"]],
        ["`/` repeat visit, warm cache: bytes besides the API", size(r["bytes"]),
         each(r["runs"], "bytes", lambda n: f"{n:,}"), f"≤ {REPEAT_BYTES_BUDGET:,} B",
         within(r["bytes"], REPEAT_BYTES_BUDGET)],
        ["`/` repeat visit, warm cache: API answers", size(r["api_bytes"]),
         each(r["runs"], "api_bytes", lambda n: f"{n:,}"), "(not judged)", None],
        ["`/staff` first visit, not signed in: bytes", size(staff["bytes"]),
         each(staff["runs"], "bytes", lambda n: f"{n:,}"), f"≤ {STAFF_BYTES_BUDGET:,} B",
         within(staff["bytes"], STAFF_BYTES_BUDGET)],
        ["`/staff` first visit, not signed in: app ready", time_ms(staff["ready_ms"]),
         each(staff["runs"], "ready_ms", time_ms), "(not judged)", None],
    ]
    return rows


def browser_failures(browser: list) -> list[str]:
    """The browser budgets broken, by measure (none when the browser was not measured)."""
    return [row[0] for b in browser for row in browser_budgets(b) if row[4] is False]


# ---------------------------------------------------------------------------------------------
# The report


def ms(us) -> str:
    return f"{us / 1000:.2f}"


def table(headers: list, rows: list) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    def run(*command):
        try:
            return subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout.strip()
        except OSError:
            return "?"
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
    memory = re.search(r"MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
    pg_version = re.search(r"\d+\.\d+", run("/usr/lib/postgresql/15/bin/postgres", "--version"))
    dirty = " (with uncommitted changes)" if run("git", "status", "--porcelain",
                                                 "--untracked-files=no") else ""
    return "\n".join([
        f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}",
        f"- Commit: {run('git', 'rev-parse', '--short', 'HEAD')}{dirty}",
        f"- CPU: {model.group(1) if model else '?'} ({os.cpu_count()} cores per nproc: "
        f"{run('nproc')})",
        f"- Memory: {int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "- Memory: ?",
        f"- Kernel: {platform.system()} {platform.release()}",
        f"- Load average at start: {LOAD_AT_START}",
        f"- Tools: {run('wrk', '--version').splitlines()[0] if run('wrk', '--version') else 'wrk'}"
        f"; PostgreSQL {pg_version.group(0) if pg_version else '?'}"
        f"; SQLite {sqlite3.sqlite_version} (Python's; the server bundles its own)",
        f"- Settings: {SECONDS} s per run, {THREADS} wrk threads, {CONNECTIONS} connections "
        f"({FLOOD_CONNECTIONS} for the flood), server and load generator on the same machine "
        f"(loopback)",
    ])


def report(results, growth, flood, browser, outbox) -> tuple[str, bool]:
    out = []
    baselines = {r["backend"]: r for r in results if r["name"].startswith("baseline: ")
                 and r["group"] == "load"}
    rows = []
    for r in results:
        if r["group"] != "load" and not r["name"].startswith("sign-in flood"):
            continue
        b = baselines.get(r["backend"])
        rows.append([r["name"], r["backend"], f"{r['rps']:.0f}", ms(r["p50_us"]), ms(r["p99_us"]),
                     f"{r['p50_us'] / b['p50_us']:.2f}" if b else "-",
                     f"{r['rps'] / b['rps']:.3f}" if b else "-",
                     f"{r['requests']}", r["failed"]])
    out += ["## Throughput and latency, against the baseline",
            "",
            "Baseline: `GET /api/v1/council` (JSON, no database), on the same server in the "
            "same run. p50 ratio: the endpoint's p50 over the baseline's (lower is better); "
            "throughput ratio: its req/s over the baseline's (higher is better). Sign-in is "
            "step 1 (bot check, password hash check, code emailed).",
            "",
            table(["endpoint", "backend", "req/s", "p50 ms", "p99 ms", "p50 ÷ baseline",
                   "req/s ÷ baseline", "requests", "failed"], rows), ""]

    ok = True
    session_rows = []
    for backend, before in DASHBOARD_RATIO_BEFORE.items():
        b = baselines.get(backend)
        d = next((r for r in results if r["backend"] == backend and r["group"] == "load"
                  and r["name"] == "citizen dashboard"), None)
        if not b or not d:
            continue
        now = d["rps"] / b["rps"]
        passed = now >= before * DASHBOARD_RATIO_KEEPS
        ok = ok and passed
        session_rows.append([backend, f"{before:.3f}", f"{now:.3f}", f"{now / before:.2f}",
                             "PASS" if passed else "FAIL"])
    rows = []
    for r in results:
        if r["group"] == "load" and r["name"] == "submission PDF":
            passed = r["requests"] > 0 and r["p99_us"] / 1000 <= PDF_P99_MS_BUDGET
            ok = ok and passed
            rows.append([r["backend"], f"{r['rps']:.0f}", ms(r["p50_us"]), ms(r["p99_us"]),
                         f"≤ {PDF_P99_MS_BUDGET} ms", "PASS" if passed else "FAIL"])
    out += ["## A submitted form as a PDF", "",
            "`GET /api/v1/submissions/{id}/pdf` of a support enquiry: laid out, tagged to "
            f"PDF/UA-1 and its Noto Sans subset and embedded, each time; {CONNECTIONS} "
            "connections at once.", "",
            table(["backend", "req/s", "p50 ms", "p99 ms", "budget", "verdict"], rows), ""]

    out += ["## The cost of checking every session (revocation at once)", "",
            "Every authenticated request checks in the database that its session is live and "
            "its account switched on. The citizen dashboard's req/s ÷ baseline must keep "
            f"{DASHBOARD_RATIO_KEEPS:.0%} of what it was before the check (19dc5b4).", "",
            table(["backend", "before", "now", "now ÷ before", "verdict"], session_rows), ""]

    rows = []
    for backend in BACKENDS:
        steps = [s for s in growth if s["backend"] == backend]
        if len(steps) < 2:
            continue
        small, big = steps[0], steps[-1]
        for name, r_big in big["results"].items():
            r_small = small["results"][name]
            # A run in which no request finished has no latency to compare: a failure, not a
            # ratio of zero.
            finished = r_big["requests"] > 0 and r_small["requests"] > 0
            ratio = r_big["p50_us"] / r_small["p50_us"] if finished else float("inf")
            judged = name.startswith("message list") or name == "staff overview"
            verdict = ("PASS" if ratio < GROWTH_LIMIT else "FAIL") if judged else "(not judged)"
            ok = ok and (ratio < GROWTH_LIMIT or not judged)
            rows.append([name, backend, small["rows"], ms(r_small["p50_us"]),
                         ms(r_small["p99_us"]), big["rows"], ms(r_big["p50_us"]),
                         ms(r_big["p99_us"]), f"{ratio:.2f}", verdict])
    out += ["## Growth: 10 thousand against 1 million rows in `messages` and in `submissions`", "",
            f"All added messages are the demo citizen's own (the worst case for her pages), "
            f"{PER_THREAD} per conversation, half from the council (inbox) and half sent; as "
            f"many submissions are added as the service's history (support enquiries from 2024, "
            f"accepted, all older than the overview's 12 weeks; the bench's own form submits "
            f"are the recent ones); "
            f"`ANALYZE` after each load; {GROWTH_CONNECTIONS} connections (the pool's size). "
            f"The deep page starts halfway down the inbox. "
            f"The list endpoints and the staff overview must keep p50(big) ÷ p50(small) under "
            f"{GROWTH_LIMIT}; the dashboard (which counts unread messages) is shown for "
            f"information. The rows column counts messages.", "",
            table(["endpoint", "backend", "rows", "p50 ms", "p99 ms", "rows", "p50 ms",
                   "p99 ms", "p50 ratio", "verdict"], rows), ""]

    rows = []
    for f in flood:
        q, u = f["quiet"], f["flood"]
        ratio = u["p99_us"] / q["p99_us"]
        judged = not f["name"].startswith("baseline")
        verdict = ("PASS" if ratio <= FLOOD_P99_LIMIT else "FAIL") if judged else "(not judged)"
        ok = ok and (ratio <= FLOOD_P99_LIMIT or not judged)
        rows.append([f["name"], f["backend"], ms(q["p50_us"]), ms(q["p99_us"]), ms(u["p50_us"]),
                     ms(u["p99_us"]), f"{ratio:.1f}", verdict, f"{u['rps']:.0f}", u["failed"]])
    out += ["## Sign-in under a flood", "",
            f"{FLOOD_CONNECTIONS} clients post sign-ins (each with a fresh bot check, correct "
            f"passwords, so every one costs a password hash) while each endpoint is measured "
            f"again with {CONNECTIONS} connections. Password hashing runs on one thread fewer "
            f"than the cores, so the dashboard and the message list must keep their p99 within "
            f"{FLOOD_P99_LIMIT:g}× of quiet; the baseline (no database, a p99 of about a "
            f"millisecond, where any scheduling shows) is shown for information. The sign-in "
            f"flood's own numbers are in the first table.", "",
            table(["endpoint", "backend", "quiet p50 ms", "quiet p99 ms", "flood p50 ms",
                   "flood p99 ms", "p99 ÷ quiet p99", "verdict", "req/s in flood", "failed"],
                  rows), ""]

    if outbox:
        out += outbox_report(outbox)

    if browser:
        out += browser_report(browser[0])

    out += ["## Problems seen", ""]
    out += [f"- {p}" for p in PROBLEMS] or ["- None: every request was answered 2xx and the "
                                            "server logged no errors."]
    return "\n".join(out) + "\n", ok


def browser_report(b: dict) -> list[str]:
    """The browser section: the budgets, the h1s, the responses and the built files."""
    def quoted(text, missing):
        return missing if text is None else f"\"{text}\""

    def status(r):
        # A revalidated copy: the page sees the cached 200; the wire carried a 304.
        if r.get("revalidated") and r["status"] != 304:
            return f"{r['status']} (304 on the wire)"
        return f"{r['status']}{' (cache)' if r.get('from_cache') else ''}"

    def responses(list_):
        return table(["url", "status", "encoding", "bytes on the wire"],
                     [[r["url"], status(r), r["encoding"] or "none", f"{r['bytes']:,}"]
                      for r in list_])

    def sent(runs):
        return {r["url"].split("?")[0] for r in runs[0]["responses"]}

    home, staff, repeat = b["pages"]["/"], b["staff"], b["repeat"]
    verdicts = {True: "PASS", False: "FAIL", None: "(not judged)"}
    s = b["settings"]
    out = ["## The browser app on a slow 4G phone", "",
           f"Headless Chromium (Playwright), a {s['viewport']} mobile viewport, CDP network "
           f"throttling as Lighthouse's slow 4G ({s['latency_ms']} ms RTT, {s['down_mbps']} Mbps "
           f"down, {s['up_mbps'] * 1000:.0f} kbps up) and the CPU slowed {s['cpu_slowdown']}×. "
           f"Each measure is the median of {b['runs']} runs, each a first visit in a fresh "
           f"context (nothing cached), except the repeat visit: a first visit, then `/` again in "
           f"the same context with the cache on. Bytes: every response's encodedDataLength "
           f"(compressed, headers included) until the network is idle. h1 painted: the later of "
           f"first-contentful-paint and the first frame with a visible h1. App ready: when "
           f"`<html data-app=\"ready\">` appears. Times are from navigation start.", "",
           table(["measure", "median", "runs", "budget", "verdict"],
                 [row[:4] + [verdicts[row[4]]] for row in browser_budgets(b)]), ""]
    clicks = [f"run {i + 1}: " + (f"{r.get('click')}, then at `{r.get('url')}`, "
                                  f"{r.get('client_navigation_bytes', 0):,} B fetched"
                                  if r["client_navigation"] else f"failed: {r.get('error', '')}")
              for i, r in enumerate(home["runs"])]
    out += ["The click from `/` to sign-in: " + "; ".join(clicks) + ".", ""]
    out += ["The pages' h1 (first painted → when the app was ready → at the end):", ""]
    for url, p in [*b["pages"].items(), ("/staff", staff)]:
        r = p["runs"][0]
        at_ready = quoted(r["ready_h1_text"], "(none)" if r["ready_ms"] else "(never ready)")
        out.append(f"- `{url}`: {quoted(r['h1_text'], '(none visible)')} → {at_ready} → "
                   f"{quoted(r['final_h1_text'], '(none)')}")
    out += [""]
    out += ["Responses of the first cold visit to `/`:", "",
            responses(home["runs"][0]["responses"]), "",
            "Responses of the first cold visit to `/staff`:", "",
            responses(staff["runs"][0]["responses"]), "",
            "Responses of the first repeat visit to `/` (the second load):", "",
            responses(repeat["runs"][0]["responses"]), ""]
    if b["tolerated"]:
        out += ["Tolerated failures (not faults of the measuring, but of the page): "
                + "; ".join(f"{t['where']}: {t['url']} answered {t['status']}"
                            for t in b["tolerated"]), ""]
    if b["dist"]:
        home_sent, staff_sent = sent(home["runs"]), sent(staff["runs"])
        out += ["The built app's files (web/dist): sizes raw, gzip -9 and brotli 11 (the "
                "build's .gz and .br copies, which the server sends, where it wrote them; "
                "else compressed here), and whether each first visit fetched them.", "",
                table(["file", "raw", "gzip", "brotli", "the build's copies", "sent to `/`",
                       "sent to `/staff`"],
                      [[f["path"], f"{f['raw']:,}", f"{f['gzip']:,}",
                        "?" if f["brotli"] is None else f"{f['brotli']:,}",
                        ", ".join(f["copies"]) or "none",
                        "yes" if f["path"] in home_sent else "",
                        "yes" if f["path"] in staff_sent else ""] for f in b["dist"]]), ""]
    out += wasm_profile_report(b.get("profile") or {})
    return out


def wasm_profile_report(profile: dict) -> list[str]:
    """Each download's code by crate, now, beside the one download before the split."""
    out = ["## Where the wasm's bytes go", ""]
    if profile:
        out += ["Now, per download: twiggy 0.8 on the wasm before wasm-bindgen and wasm-opt "
                "(the names section and wasm-bindgen's describe functions left out: the build "
                "removes them), the twelve largest crates.", ""]
        for bundle, crates in profile.items():
            total = sum(size for _, size in crates)
            out += [f"`{bundle}` ({total:,} B of code and data):", "",
                    table(["crate", "bytes", "share"],
                          [[crate, f"{size:,}", f"{100 * size / total:.1f}%"]
                           for crate, size in crates[:12]]), ""]
    else:
        out += ["(twiggy was not found: no profile of this build.)", ""]
    before = BENCH / "wasm-size-before.md"
    if before.is_file():
        out += [before.read_text().strip(), ""]
    return out


# Other work on the machine (a compiler, say) shows up here and in the numbers.
LOAD_AT_START = " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    if not PORTAL_BIN.is_file():
        log(f"{PORTAL_BIN} is missing: run `just build` (or set PORTAL_BIN)")
        return 2
    if not shutil.which("wrk"):
        log("wrk is missing: scripts/ensure-packages.sh wrk")
        return 2
    results, growth, flood, browser, outbox = [], [], [], [], []
    failure = None
    try:
        for backend in BACKENDS:
            log(f"== {backend}")
            run_backend(backend, results, growth, flood, browser)
            if OUTBOX:
                run_outbox(backend, outbox)
    except BenchError as error:
        failure = str(error)
    except KeyboardInterrupt:
        failure = "interrupted"
    body, budgets_ok = report(results, growth, flood, browser, outbox)
    text = ("# Benchmark results\n\n`just bench` (bench/run.py). Numbers from one run on the "
            "machine below; compare ratios, not absolute numbers, across machines.\n\n"
            + machine() + "\n\n" + body)
    if failure:
        text += f"\n**The run stopped early: {failure}**\n"
    print(text)
    (BENCH / "RESULTS.md").write_text(text)
    log("written to bench/RESULTS.md")
    if failure:
        log(f"FAILED: {failure}")
        return 1
    if not budgets_ok:
        log("FAILED: a budget broke: the cost of checking every session, the PDF's p99, a "
            "list endpoint's "
            f"growth ({GROWTH_LIMIT}×) or the p99 under the sign-in flood ({FLOOD_P99_LIMIT:g}×); "
            "see their verdicts")
        return 1
    broken = browser_failures(browser)
    if broken:
        log(f"FAILED: the browser app broke its budget (see The browser app on a slow 4G "
            f"phone): {'; '.join(m.replace('`', '') for m in broken)}")
        return 1
    late = outbox_failures(outbox)
    if late:
        log(f"FAILED: the email outbox broke its budget (see The email outbox draining a "
            f"backlog): {'; '.join(late)}")
        return 1
    if PROBLEMS:
        log("FAILED: requests failed or the server logged errors (see Problems seen)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
