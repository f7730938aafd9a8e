"""Bounded time: every send() and check() returns within ``timeout`` + 1 s against servers (and a
resolver) that hang in each way a real one can.

The timeout is 1 s to keep CI fast; the bound is the promise of issue 8, ``timeout + 1 s``.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from smtpdiag import CheckResult, Sender, SendError, SettingsModel
from smtpdiag.testing import Fault, SMTPTestServer

from .._stubdns import SilentResolver
from ._support import RawServer, message, settings_for
from .conftest import Tally

TIMEOUT = 1.0
BOUND = TIMEOUT + 1.0


def _render(rows: list[tuple[str, str, float, str]]) -> str:
    name, operation, took, _ = max(rows, key=lambda row: row[2])
    return (
        f"bounded time: {len(rows)} hanging send/check runs with timeout {TIMEOUT:g} s; slowest "
        f"{took:.2f} s ({name}, {operation}); bound {BOUND:g} s; over the bound: 0"
    )


@pytest.fixture(scope="module")
def runs(tally: Tally) -> list[tuple[str, str, float, str]]:
    tally.render = _render
    rows: list[tuple[str, str, float, str]] = tally.rows
    return rows


def _outcome(sender: Sender, operation: str, size: int = 0) -> tuple[str, float]:
    start = time.monotonic()
    if operation == "send":
        with pytest.raises(SendError) as info:
            sender.send(message(size=size))
        kind = info.value.diagnosis.kind
    else:
        result = sender.check()
        assert isinstance(result, CheckResult)
        assert result.diagnosis is not None, "a hanging server cannot pass a check"
        kind = result.diagnosis.kind
    return kind, time.monotonic() - start


def _assert_bounded(
    runs: list[tuple[str, str, float, str]],
    name: str,
    operation: str,
    kind: str,
    took: float,
    kinds: set[str],
) -> None:
    assert kind in kinds, (name, operation, kind)
    assert took <= BOUND, f"{name}/{operation} took {took:.2f} s (bound {BOUND} s)"
    runs.append((name, operation, took, kind))


FAULTS: dict[str, Fault] = {
    "silent listener": Fault.timeout("connect"),
    "greeting after the timeout": Fault.slow(TIMEOUT + 1.5, "connect"),
    "slow drip, 1 byte/s": Fault.slow(1.0, drip=True),
    "slow drip from EHLO on": Fault.slow(1.0, "ehlo", drip=True),
}


# Over SSL the TLS handshake comes first; a silent listener is the case that hangs it.
CASES = [(name, "none") for name in FAULTS] + [("silent listener", "ssl")]


@pytest.mark.parametrize("operation", ["send", "check"])
@pytest.mark.parametrize(("name", "security"), CASES)
def test_hanging_servers(
    runs: list[tuple[str, str, float, str]], name: str, security: str, operation: str
) -> None:
    with SMTPTestServer("plain", faults=FAULTS[name]) as server:
        sender = Sender(settings_for(server, security=security, timeout=TIMEOUT))
        kind, took = _outcome(sender, operation)
    _assert_bounded(runs, f"{name} ({security})", operation, kind, took, {"connection.timeout"})
    assert took >= TIMEOUT * 0.9  # it really waited: the bound is not met by giving up early


def test_server_stops_answering_after_the_message(runs: list[tuple[str, str, float, str]]) -> None:
    with SMTPTestServer("plain", faults=Fault.timeout("message")) as server:
        kind, took = _outcome(Sender(settings_for(server, timeout=TIMEOUT)), "send")
    # The whole message went out: delivery is unknown, not failed.
    _assert_bounded(
        runs, "stops after the final dot", "send", kind, took, {"connection.delivery_unknown"}
    )


def _stall_in_data(conn: socket.socket, server: RawServer) -> None:
    conn.sendall(b"220 raw.test ESMTP\r\n")
    while True:
        line = server.read_line(conn)
        if line is None:
            return
        verb = line[:4].upper()
        if verb == b"DATA":
            conn.sendall(b"354 go ahead\r\n")
            server.idle(conn, read=False)  # stop reading in the middle of the message
            return
        conn.sendall(b"221 bye\r\n" if verb == b"QUIT" else b"250 ok\r\n")


def test_server_stops_reading_in_the_middle_of_data(
    runs: list[tuple[str, str, float, str]],
) -> None:
    # 8 MB is more than the client's send buffer and the server's receive buffer together, so
    # the client blocks inside the message body.
    with RawServer(_stall_in_data, rcvbuf=4096) as server:
        settings = settings_for(host="127.0.0.1", port=server.port, timeout=TIMEOUT)
        kind, took = _outcome(Sender(settings), "send", size=8_000_000)
        received = len(server.received)
    _assert_bounded(runs, "stops reading mid-DATA", "send", kind, took, {"connection.timeout"})
    assert received < 8_000_000  # the stall really happened inside the body


@pytest.mark.parametrize("operation", ["send", "check"])
def test_resolver_that_never_answers(
    runs: list[tuple[str, str, float, str]], operation: str
) -> None:
    resolver = SilentResolver()
    settings: SettingsModel = settings_for(host="smtp.hangs.example", port=587, timeout=TIMEOUT)
    try:
        kind, took = _outcome(Sender(settings, resolver=resolver), operation)
    finally:
        resolver.release.set()
    _assert_bounded(
        runs, "resolver never answers", operation, kind, took, {"connection.dns_failure"}
    )


@pytest.mark.parametrize("operation", ["send", "check"])
def test_system_resolver_that_stalls(
    runs: list[tuple[str, str, float, str]], monkeypatch: pytest.MonkeyPatch, operation: str
) -> None:
    release = threading.Event()

    def stalled(*args: object, **kwargs: object) -> list[object]:
        release.wait(30)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", stalled)
    settings = settings_for(host="smtp.stalls.example", port=587, timeout=TIMEOUT)
    try:
        kind, took = _outcome(Sender(settings), operation)
    finally:
        release.set()
    _assert_bounded(runs, "getaddrinfo stalls", operation, kind, took, {"connection.dns_failure"})
