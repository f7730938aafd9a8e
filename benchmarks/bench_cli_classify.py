# ruff: noqa: E501  (reply texts are kept verbatim, one per line)
"""Benchmark ``smtpdiag classify`` on a realistic million-line log (writes a temp file).

Run from a checkout with the package installed::

    python benchmarks/bench_cli_classify.py            # 1,000,000 lines
    python benchmarks/bench_cli_classify.py --lines 200000

It writes a log mixing Postfix delivery lines, bare server replies and Python exception lines,
with a fresh address, queue id or IP on most lines (so a cache of repeated lines does not make
the run look faster than a real log would), then times the real command line
(``python -m smtpdiag classify FILE``, output to a file) and, in the same run, a baseline loop
that only reads each line and writes ``json.dumps`` of a fixed dict. The goal is 1,000,000 lines
in under 20 s on the project's 2-core CI machine.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_SECONDS_PER_MILLION = 20.0

# Reply texts as providers send them; sources beside each.
REPLIES = [
    # Microsoft: https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/
    #   authenticated-client-smtp-submission (5.7.139 basic authentication disabled)
    "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [{hex}.prod.outlook.com]",
    "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [{hex}.prod.outlook.com]",
    "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [{hex}.prod.outlook.com]",
    # Microsoft NDR reference: https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
    "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [{hex}.prod.outlook.com]",
    "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message. [{hex}.prod.outlook.com]",
    # Gmail: https://support.google.com/a/answer/3726730 (SMTP error reference)
    "535-5.7.8 Username and Password not accepted. For more information, go to 5.7.8  https://support.google.com/mail/?p=BadCredentials {tok} - gsmtp",
    "421-4.7.0 Try again later, closing connection. (EHLO) {tok} - gsmtp",
    "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. {tok} - gsmtp",
    "452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp {tok} - gsmtp",
    "530-5.7.0 Must issue a STARTTLS command first. {tok} - gsmtp",
    # Postfix (postconf(5), smtpd_relay_restrictions / reject_unauth_destination)
    "554 5.7.1 <{user}@{domain}>: Relay access denied",
    "550 5.1.1 <{user}@{domain}>: Recipient address rejected: User unknown in virtual mailbox table",
    "554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org",
    "552 5.3.4 Message size exceeds fixed limit",
    "250 2.0.0 Ok: queued as {qid}",
]

# Python exception lines as logged by applications (texts measured in the project's notes).
EXCEPTIONS = [
    "smtplib.SMTPServerDisconnected: Connection unexpectedly closed: timed out",
    "ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)",
    "ConnectionRefusedError: [Errno 111] Connection refused",
    "socket.gaierror: [Errno -2] Name or service not known",
    "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Authentication credentials invalid')",
]

POSTFIX = (
    "Dec  1 {hh:02d}:{mm:02d}:{ss:02d} mx1 postfix/smtp[{pid}]: {qid}: to=<{user}@{domain}>, "
    "relay={relay}[{ip}]:25, delay={delay}, delays=0.1/0/0.2/0.2, dsn={dsn}, status={status} "
    "(host {relay}[{ip}] said: {reply} (in reply to RCPT TO command))"
)

DOMAINS = ["example.com", "example.net", "contoso.com", "fabrikam.org", "mail.example.org"]
USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        hex=f"{rng.getrandbits(48):012X}",
        tok=f"{rng.getrandbits(40):010x}a{rng.randrange(100):02d}",
        user=f"{rng.choice(USERS)}{rng.randrange(10000)}",
        domain=rng.choice(DOMAINS),
        ip=f"203.0.113.{rng.randrange(1, 255)}",
        qid=f"{rng.getrandbits(40):010X}",
    )


def make_line(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return _fill(rng.choice(REPLIES), rng)
    if roll < 0.55:
        return rng.choice(EXCEPTIONS)
    reply = _fill(rng.choice(REPLIES[10:13]), rng)
    code = reply.split(" ", 2)[1]
    return POSTFIX.format(
        hh=rng.randrange(24),
        mm=rng.randrange(60),
        ss=rng.randrange(60),
        pid=rng.randrange(1000, 99999),
        qid=f"{rng.getrandbits(40):010X}",
        user=f"{rng.choice(USERS)}{rng.randrange(10000)}",
        domain=rng.choice(DOMAINS),
        relay=f"mx{rng.randrange(1, 4)}.{rng.choice(DOMAINS)}",
        ip=f"198.51.100.{rng.randrange(1, 255)}",
        delay=f"{rng.random() * 3:.2f}",
        dsn=code,
        status="bounced" if code.startswith("5") else "deferred",
        reply=reply,
    )


def write_log(path: Path, lines: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        batch: list[str] = []
        for _ in range(lines):
            batch.append(make_line(rng))
            if len(batch) >= 10_000:
                handle.write("\n".join(batch) + "\n")
                batch.clear()
        if batch:
            handle.write("\n".join(batch) + "\n")


def baseline(path: Path, out: Path) -> float:
    """Read each line and write json.dumps of a fixed dict: the floor for any JSON Lines tool."""
    record = {
        "line": 0,
        "kind": "recipient.unknown",
        "category": "recipient",
        "retryable": False,
        "code": 550,
        "enhanced": "5.1.1",
        "provider": None,
    }
    started = time.perf_counter()
    with path.open("rb") as source, out.open("w", encoding="utf-8") as sink:
        for number, raw in enumerate(source, 1):
            raw.decode("utf-8", "replace").strip()
            record["line"] = number
            sink.write(json.dumps(record) + "\n")
    return time.perf_counter() - started


def run_cli(path: Path, out: Path) -> float:
    started = time.perf_counter()
    with out.open("wb") as sink:
        subprocess.run(
            [sys.executable, "-m", "smtpdiag", "classify", "--no-progress", str(path)],
            stdout=sink,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="smtpdiag-bench-") as tmp:
        log = Path(tmp) / "mail.log"
        started = time.perf_counter()
        write_log(log, args.lines)
        size = log.stat().st_size
        print(
            f"generated {args.lines:,} lines ({size / 1e6:.0f} MB) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        base = baseline(log, Path(tmp) / "baseline.jsonl")
        cli = run_cli(log, Path(tmp) / "out.jsonl")
        produced = sum(1 for _ in (Path(tmp) / "out.jsonl").open("rb"))
    goal = GOAL_SECONDS_PER_MILLION * args.lines / 1_000_000
    print(f"baseline (read + json.dumps)   {base:6.2f} s  {args.lines / base:>12,.0f} lines/s")
    print(f"smtpdiag classify              {cli:6.2f} s  {args.lines / cli:>12,.0f} lines/s")
    print(f"slowdown over baseline         {cli / base:6.1f}x")
    print(f"output lines                   {produced:,}")
    verdict = "PASS" if cli < goal and produced == args.lines else "FAIL"
    print(f"goal: under {goal:.1f} s -> {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
