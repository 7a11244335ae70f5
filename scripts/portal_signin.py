"""Signing in to the portal from a script, as the benchmark and the fuzzer do: the bot check a
browser would solve, and the code the server emails (written as .eml files when it has no SMTP
server). Standard library only."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from pathlib import Path

# "123 456", not part of a longer number.
CODE = re.compile(r"(?<!\d)(\d{3} \d{3})(?!\d)")


def solve_bot_check(challenge: dict) -> str | None:
    """The `bot_check` field for an ALTCHA challenge (`GET /api/v1/bot-check`): the number n
    with sha256_hex(salt + n) == challenge, base64 JSON. None when no n up to maxnumber fits."""
    for number in range(challenge["maxnumber"] + 1):
        if hashlib.sha256(f"{challenge['salt']}{number}".encode()).hexdigest() == challenge["challenge"]:
            solution = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
            solution["number"] = number
            return base64.b64encode(json.dumps(solution).encode()).decode()
    return None


def emailed_code(mail_dir: Path, email: str, before: set[Path], timeout: float = 30) -> str | None:
    """The code in the newest email to `email` among the .eml files not in `before`, waiting up
    to `timeout` seconds for it; None if none came."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = set(mail_dir.glob("*.eml")) - before if mail_dir.exists() else set()
        for path in sorted(new, key=lambda p: p.stat().st_mtime, reverse=True):
            # Quoted-printable soft line breaks would split the code.
            text = path.read_bytes().decode(errors="replace").replace("=\r\n", "").replace("=\n", "")
            if email not in text:
                continue
            found = re.search(r"sign-in code is (\d{3} \d{3})", text) or CODE.search(text)
            if found:
                return found.group(1)
        time.sleep(0.1)
    return None
