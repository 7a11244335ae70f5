#!/usr/bin/env python3
"""A loopback SMTP sink for bench/run.py's outbox measurement (Python 3.11 standard library).

As a process of its own (`python3 bench/smtp_sink.py KEEP_ADDRESS KEEP_DIR`, which `Sink` below
starts) it listens on 127.0.0.1 only, on a free port it prints as `PORT n`, and takes every
message: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP and QUIT, answered 250 (354, 221), no
PIPELINING, TLS or AUTH offered. It counts the messages, and writes those with KEEP_ADDRESS among
their recipients to KEEP_DIR, dot-unstuffed, as `<ns>-<n>.eml`: ns is CLOCK_MONOTONIC at receipt
(the system-wide clock Python's time.monotonic reads), so the harness times a sign-in code's
arrival from the file's name and reads the code from it as from the server's own .eml files.
It runs on one asyncio event loop with protocol callbacks (no streams), which keeps it cheap per
command. Two extra verbs serve the harness: XSTATS answers `250 {json}` (messages counted since
the last reset, how many had a Message-ID and how many distinct ones, when the first and the
last arrived, the process's CPU time then, and messages kept), XRESET zeroes the counts. It
exits when its stdin closes (the harness stopped or died) or on SIGTERM.

The harness side is here too: `Sink` (the process, its counts, the kept messages) and
`Sink.capacity`, a client that measures the sink's own capacity with the conversation the
server's mailer (lettre, pooled connections) has for each message: NOOP (lettre tests a pooled
connection before reusing it), MAIL, RCPT, DATA and the message, one command at a time,
over several connections at once.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"
MESSAGE_ID = re.compile(rb"(?im)^message-id:[ \t]*(\S+)")
ADDRESS = re.compile(rb"<([^>]*)>")
MAX_LINE = 4096


# ---------------------------------------------------------------------------------------------
# The server (this file run as a program)


class Counts:
    """What the sink received since the last XRESET."""

    def __init__(self, keep: bytes, keep_dir: Path):
        self.keep = keep
        self.keep_dir = keep_dir
        self.seq = 0
        self.reset()

    def reset(self) -> None:
        self.messages = 0
        self.identified = 0  # messages with a Message-ID
        self.ids: set[bytes] = set()
        self.first = self.last = None
        self.cpu_first = self.cpu_last = None
        self.kept = 0

    def received(self, recipients: list[bytes], body: bytes) -> None:
        now_ns = time.monotonic_ns()
        if self.keep in recipients:
            self.seq += 1
            path = self.keep_dir / f"{now_ns}-{self.seq}.eml"
            partial = path.with_suffix(".part")
            # Unstuffed (RFC 5321 4.5.2) and renamed into place whole: the harness never reads
            # half a file.
            text = body[1:] if body.startswith(b"..") else body
            partial.write_bytes(text.replace(b"\r\n..", b"\r\n."))
            partial.rename(path)
            self.kept += 1
            return
        now, cpu = now_ns / 1e9, time.process_time()
        if self.first is None:
            self.first, self.cpu_first = now, cpu
        self.last, self.cpu_last = now, cpu
        self.messages += 1
        head_end = body.find(b"\r\n\r\n")
        found = MESSAGE_ID.search(body, 0, head_end if head_end >= 0 else len(body))
        if found:
            self.identified += 1
            self.ids.add(found.group(1))

    def stats(self) -> dict:
        return {"messages": self.messages, "identified": self.identified,
                "distinct": len(self.ids), "first": self.first,
                "last": self.last, "cpu_first": self.cpu_first, "cpu_last": self.cpu_last,
                "kept": self.kept, "now": time.monotonic(), "cpu": time.process_time()}


class Session(asyncio.Protocol):
    """One SMTP connection. Commands are handled as their lines arrive; answers to all the
    complete commands in one read go out in one write."""

    def __init__(self, counts: Counts):
        self.counts = counts
        self.buffer = bytearray()
        self.in_data = False
        self.scanned = 0  # how far the current message was searched for its end
        self.recipients: list[bytes] = []
        self.transport = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        transport.write(b"220 127.0.0.1 bench SMTP sink\r\n")

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer
        buffer += data
        out = []
        while True:
            if self.in_data:
                if buffer.startswith(b".\r\n"):  # an empty message
                    body, cut = b"", 3
                else:
                    end = buffer.find(b"\r\n.\r\n", max(self.scanned - 4, 0))
                    if end < 0:
                        self.scanned = len(buffer)
                        break
                    body, cut = bytes(buffer[:end + 2]), end + 5
                del buffer[:cut]
                self.in_data, self.scanned = False, 0
                self.counts.received(self.recipients, body)
                self.recipients = []
                out.append(b"250 2.0.0 Ok: queued\r\n")
                continue
            end = buffer.find(b"\r\n")
            if end < 0:
                if len(buffer) > MAX_LINE:
                    out.append(b"500 5.5.2 Line too long\r\n")
                    buffer.clear()
                break
            line = bytes(buffer[:end])
            del buffer[:end + 2]
            answer = self.command(line)
            if answer is None:  # QUIT
                out.append(b"221 2.0.0 Bye\r\n")
                self.transport.write(b"".join(out))
                self.transport.close()
                return
            out.append(answer)
        if out:
            self.transport.write(b"".join(out))

    def command(self, line: bytes):
        verb = line.split(b" ", 1)[0].upper()
        if verb == b"NOOP":
            return b"250 2.0.0 Ok\r\n"
        if verb == b"MAIL":
            self.recipients = []
            return b"250 2.1.0 Ok\r\n"
        if verb == b"RCPT":
            found = ADDRESS.search(line)
            self.recipients.append((found.group(1) if found else line[8:].strip()).lower())
            return b"250 2.1.5 Ok\r\n"
        if verb == b"DATA":
            if not self.recipients:
                return b"503 5.5.1 Error: need RCPT command\r\n"
            self.in_data = True
            return b"354 End data with <CR><LF>.<CR><LF>\r\n"
        if verb == b"EHLO":
            return b"250-127.0.0.1\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n"
        if verb == b"HELO":
            return b"250 127.0.0.1\r\n"
        if verb == b"RSET":
            self.recipients = []
            return b"250 2.0.0 Ok\r\n"
        if verb == b"QUIT":
            return None
        if verb == b"XSTATS":
            return b"250 " + json.dumps(self.counts.stats()).encode() + b"\r\n"
        if verb == b"XRESET":
            self.counts.reset()
            return b"250 2.0.0 Ok\r\n"
        return b"502 5.5.2 Error: command not recognized\r\n"


async def serve(keep: str, keep_dir: Path) -> None:
    loop = asyncio.get_running_loop()
    counts = Counts(keep.lower().encode(), keep_dir)
    server = await loop.create_server(lambda: Session(counts), HOST, 0, backlog=256)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    # Until the harness closes our stdin (or dies, which closes it too).
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    async with server:
        await stdin.read()


# ---------------------------------------------------------------------------------------------
# The harness side


class Conversation:
    """A blocking SMTP client, one command and its answer at a time (as lettre talks)."""

    def __init__(self, port: int):
        self.sock = socket.create_connection((HOST, port), timeout=60)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""
        self.expect(b"220")

    def reply(self) -> bytes:
        """The final line of the next (possibly multi-line) answer."""
        while True:
            end = self.buffer.find(b"\r\n")
            if end < 0:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ConnectionError("the SMTP sink closed the connection")
                self.buffer += chunk
                continue
            line, self.buffer = self.buffer[:end], self.buffer[end + 2:]
            if line[3:4] != b"-":
                return line

    def expect(self, code: bytes) -> bytes:
        line = self.reply()
        if not line.startswith(code):
            raise ConnectionError(f"the SMTP sink answered {line!r}, not {code.decode()}")
        return line

    def send(self, data: bytes, code: bytes) -> bytes:
        self.sock.sendall(data)
        return self.expect(code)

    def close(self) -> None:
        try:
            self.send(b"QUIT\r\n", b"221")
        finally:
            self.sock.close()


def smtp_data(message: bytes) -> bytes:
    """A message as DATA carries it: CRLF line ends, dot-stuffed, with the final dot."""
    message = re.sub(rb"\r?\n", b"\r\n", message)
    if not message.endswith(b"\r\n"):
        message += b"\r\n"
    return re.sub(rb"(?m)^\.", b"..", message) + b".\r\n"


class Sink:
    """The sink process, started on a free loopback port; `stop` ends it."""

    def __init__(self, keep: str, keep_dir: Path):
        keep_dir.mkdir(parents=True, exist_ok=True)
        self.keep_dir = keep_dir
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), keep, str(keep_dir)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError(f"the SMTP sink did not start: {line!r}")
        self.port = int(line.split()[1])
        self.control = Conversation(self.port)

    def stats(self) -> dict:
        return json.loads(self.control.send(b"XSTATS\r\n", b"250")[4:])

    def reset(self) -> None:
        self.control.send(b"XRESET\r\n", b"250")

    def kept(self) -> list[tuple[float, Path]]:
        """The kept messages: (arrival on the monotonic clock, file), oldest first."""
        found = []
        for path in self.keep_dir.glob("*.eml"):
            found.append((int(path.name.split("-")[0]) / 1e9, path))
        return sorted(found)

    def capacity(self, message: bytes, count: int, connections: int,
                 recipient: str = "capacity@example.org") -> dict:
        """Sends `count` copies of `message` over `connections` connections at once (a thread
        each, every connection reused for its share), each with lettre's commands (NOOP, MAIL,
        RCPT, DATA, the message). The sink's counts are reset first: its own first and last
        arrival time the rate, as for the outbox's drain."""
        data = smtp_data(message)
        rcpt = f"RCPT TO:<{recipient}>\r\n".encode()
        shares = [count // connections + (1 if i < count % connections else 0)
                  for i in range(connections)]
        errors: list[BaseException] = []
        start = threading.Barrier(connections)

        def client(share: int) -> None:
            try:
                conversation = Conversation(self.port)
                conversation.send(b"EHLO bench.localhost\r\n", b"250")
                start.wait()
                for _ in range(share):
                    conversation.send(b"NOOP\r\n", b"250")
                    conversation.send(b"MAIL FROM:<bench@example.org>\r\n", b"250")
                    conversation.send(rcpt, b"250")
                    conversation.send(b"DATA\r\n", b"354")
                    conversation.send(data, b"250")
                conversation.close()
            except BaseException as error:  # noqa: BLE001 (reported below)
                errors.append(error)
                start.abort()

        self.reset()
        threads = [threading.Thread(target=client, args=(share,)) for share in shares]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise RuntimeError(f"the capacity client failed: {errors[0]!r}")
        stats = self.stats()
        self.reset()
        return stats

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()


def rate(stats: dict) -> float | None:
    """Messages per second from the first arrival to the last (None with fewer than two)."""
    if stats["messages"] < 2 or stats["last"] <= stats["first"]:
        return None
    return (stats["messages"] - 1) / (stats["last"] - stats["first"])


def busy(stats: dict) -> float | None:
    """The share of one core the sink used from the first arrival to the last."""
    if stats["messages"] < 2 or stats["last"] <= stats["first"]:
        return None
    return (stats["cpu_last"] - stats["cpu_first"]) / (stats["last"] - stats["first"])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: smtp_sink.py KEEP_ADDRESS KEEP_DIR")
    try:
        asyncio.run(serve(sys.argv[1], Path(sys.argv[2])))
    except KeyboardInterrupt:
        pass
