"""Time to a diagnosis per misconfiguration: smtpdiag's Sender beside plain smtplib.

I/O: loopback only. Each scenario runs against a real SMTPTestServer on 127.0.0.1 (or a closed
port, or a simulated resolver stall). Both clients get the same timeout in the same run; plain
smtplib is given what a careful application gives it (an explicit verifying SSL context, a
local_hostname, the timeout), and its exception is then classified, so both columns end in a
diagnosis. The ratio is smtplib's time over smtpdiag's.

    python benchmarks/bench_diagnose.py [--timeout 3] [--repeat 5]
"""

from __future__ import annotations

import argparse
import smtplib
import socket
import ssl
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from smtpdiag import Sender, SendError, SettingsModel, classify
from smtpdiag.testing import Fault, SMTPTestServer

USER, PASSWORD = "alice@example.com", "right-password"
# The resolver stall measured in shared/notes/smtplib-failures.md (scenario 1c): 10 s, and
# smtplib's timeout does not apply to it.
DNS_STALL = 10.0


@dataclass
class Scenario:
    name: str
    mode: str  # the server's mode
    security: str  # what the client is configured with
    faults: Any = None
    certificate: str = "valid"
    credentials: dict[str, str] | None = None
    password: str | None = None
    closed: bool = False
    dns_stall: bool = False


SCENARIOS = [
    Scenario("host does not answer DNS", "plain", "none", dns_stall=True),
    Scenario("nothing listening", "plain", "none", closed=True),
    Scenario("silent listener", "plain", "none", faults=Fault.timeout("connect")),
    Scenario("plaintext to implicit-TLS port", "ssl", "starttls"),
    Scenario("SSL to plaintext port", "plain", "ssl"),
    Scenario("STARTTLS not offered", "plain", "starttls"),
    Scenario("untrusted certificate", "starttls", "starttls", certificate="untrusted"),
    Scenario("expired certificate", "ssl", "ssl", certificate="expired"),
    Scenario("wrong-host certificate", "starttls", "starttls", certificate="wrong_host"),
    Scenario(
        "wrong password", "starttls", "starttls", credentials={USER: PASSWORD}, password="wrong"
    ),
    Scenario(
        "421 at the greeting",
        "plain",
        "none",
        faults=Fault.reject("connect", 421, "4.7.0 Try again later"),
    ),
]


def _message() -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = USER, "bob@example.com", "benchmark"
    msg.set_content("hello")
    return msg


@contextmanager
def _stalled_dns(active: bool) -> Iterator[None]:
    if not active:
        yield
        return
    original = socket.getaddrinfo
    release = threading.Event()

    def stalled(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "smtp.stalled.example":
            release.wait(DNS_STALL)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return original(host, *args, **kwargs)

    socket.getaddrinfo = stalled  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.getaddrinfo = original  # type: ignore[assignment]
        release.set()


def _with_smtpdiag(
    s: Scenario, host: str, port: int, context: ssl.SSLContext, timeout: float
) -> tuple[str, float]:
    values: dict[str, Any] = {
        "host": host,
        "port": port,
        "security": s.security,
        "from_address": USER,
        "timeout": timeout,
    }
    if s.password is not None:
        values.update(username=USER, password=s.password)
    sender = Sender(SettingsModel(**values), ssl_context=context)
    start = time.perf_counter()
    try:
        sender.send(_message())
        kind = "(sent)"
    except SendError as err:
        kind = err.diagnosis.kind
    return kind, time.perf_counter() - start


def _with_smtplib(
    s: Scenario, host: str, port: int, context: ssl.SSLContext, timeout: float
) -> tuple[str, float]:
    start = time.perf_counter()
    try:
        if s.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                host, port, local_hostname="localhost", timeout=timeout, context=context
            )
        else:
            client = smtplib.SMTP(host, port, local_hostname="localhost", timeout=timeout)
        with client:
            if s.security == "starttls":
                client.starttls(context=context)
            if s.password is not None:
                client.login(USER, s.password)
            client.send_message(_message())
        kind = "(sent)"
    except Exception as exc:
        kind = classify(exc).kind
    return kind, time.perf_counter() - start


def _run(
    s: Scenario, timeout: float, repeat: int, client: Callable[..., tuple[str, float]]
) -> tuple[str, float]:
    times: list[float] = []
    kind = ""
    rounds = 1 if s.dns_stall or (s.faults is not None and s.name == "silent listener") else repeat
    for _ in range(rounds):
        if s.closed:
            with socket.socket() as sock:
                sock.bind(("127.0.0.1", 0))
                port = sock.getsockname()[1]
            kind, took = client(s, "127.0.0.1", port, ssl.create_default_context(), timeout)
        else:
            with (
                SMTPTestServer(
                    s.mode,  # type: ignore[arg-type]
                    faults=s.faults,
                    certificate=s.certificate,  # type: ignore[arg-type]
                    credentials=s.credentials,
                ) as server,
                _stalled_dns(s.dns_stall),
            ):
                host = "smtp.stalled.example" if s.dns_stall else "localhost"
                kind, took = client(s, host, server.port, server.client_context, timeout)
        times.append(took)
    return kind, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=3.0, help="the timeout both get (s)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per fast scenario")
    args = parser.parse_args()
    # Warm up both paths (imports, first TLS context) so the first row is not charged for them.
    warm = Scenario("warm-up", "plain", "none")
    _run(warm, args.timeout, 1, _with_smtpdiag)
    _run(warm, args.timeout, 1, _with_smtplib)
    print(f"timeout {args.timeout:g} s for both; median of {args.repeat} runs (slow cases: 1)\n")
    head = (
        f"{'scenario':32} {'smtpdiag':>9} {'smtplib':>9} {'ratio':>7}  smtpdiag kind / smtplib kind"
    )
    print(head)
    print("-" * len(head))
    for scenario in SCENARIOS:
        ours_kind, ours = _run(scenario, args.timeout, args.repeat, _with_smtpdiag)
        theirs_kind, theirs = _run(scenario, args.timeout, args.repeat, _with_smtplib)
        ratio = theirs / ours if ours > 0 else float("inf")
        print(
            f"{scenario.name:32} {ours * 1000:7.0f}ms {theirs * 1000:7.0f}ms {ratio:6.1f}x  "
            f"{ours_kind} / {theirs_kind}"
        )


if __name__ == "__main__":
    main()
