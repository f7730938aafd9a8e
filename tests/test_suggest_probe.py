"""Probing candidates against smtpdiag.testing.SMTPTestServer (aiosmtpd on 127.0.0.1, trustme
certificates) and a raw socket that never greets."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from smtpdiag import ProbeResult, Security, suggest
from smtpdiag._suggest import probe_server
from smtpdiag.testing import Mode, SMTPTestServer

from ._stubdns import (
    StubResolver,
    no_default_resolver,  # noqa: F401
)

# The test certificates are issued for localhost and 127.0.0.1.
HOST = "localhost"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(mode: Mode, **kwargs: Any) -> Iterator[SMTPTestServer]:
    with SMTPTestServer(mode, **kwargs) as server:
        yield server


@pytest.fixture(scope="module")
def starttls_server() -> Iterator[SMTPTestServer]:
    yield from _serve("starttls")


@pytest.fixture(scope="module")
def ssl_server() -> Iterator[SMTPTestServer]:
    yield from _serve("ssl")


@pytest.fixture(scope="module")
def wrong_name_server() -> Iterator[SMTPTestServer]:
    yield from _serve("ssl", certificate="wrong_host")


@pytest.fixture(scope="module")
def plain_server() -> Iterator[SMTPTestServer]:
    yield from _serve("plain")


def _probe(
    server: SMTPTestServer | int,
    security: Security,
    *,
    context: ssl.SSLContext | None = None,
    timeout: float = 5,
) -> ProbeResult:
    """Probe the candidate HOST on the port its security implies, dialling the test server."""
    port = server if isinstance(server, int) else server.port
    return probe_server(
        HOST,
        465 if security is Security.SSL else 587,
        security,
        timeout=timeout,
        ssl_context=context,
        address=("127.0.0.1", port),
    )


@pytest.fixture(scope="module")
def client_context(starttls_server: SMTPTestServer) -> ssl.SSLContext:
    return starttls_server.client_context


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts connections and never greets."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in accepted:
        conn.close()
    listener.close()


def _srv_resolver() -> StubResolver:
    return StubResolver(
        {
            ("_submissions._tcp.example.com", "SRV"): [f"0 1 465 {HOST}."],
            ("_submission._tcp.example.com", "SRV"): [f"0 1 587 {HOST}."],
        }
    )


def test_probe_reports_starttls_auth_and_valid_certificate(
    starttls_server: SMTPTestServer, client_context: ssl.SSLContext
) -> None:
    result = _probe(starttls_server, Security.STARTTLS, context=client_context)
    assert result.connected
    assert result.greeted
    assert result.starttls
    assert result.tls
    assert result.certificate_valid is True
    assert {"PLAIN", "LOGIN"} <= set(result.auth_mechanisms)
    assert result.error is None
    assert result.tier == 3
    assert "valid certificate" in result.describe()


def test_probe_implicit_tls(ssl_server: SMTPTestServer, client_context: ssl.SSLContext) -> None:
    result = _probe(ssl_server, Security.SSL, context=client_context)
    assert (result.greeted, result.tls, result.certificate_valid) == (True, True, True)
    assert "PLAIN" in result.auth_mechanisms
    assert result.starttls is False


def test_probe_certificate_for_another_name(
    wrong_name_server: SMTPTestServer, client_context: ssl.SSLContext
) -> None:
    result = _probe(wrong_name_server, Security.SSL, context=client_context)
    # TLS itself works (checked on a second connection), but the certificate is not valid.
    assert result.greeted
    assert result.tls
    assert result.certificate_valid is False
    assert result.error is not None
    assert "certificate not valid" in result.error
    assert result.tier == 2


def test_probe_untrusted_ca(starttls_server: SMTPTestServer) -> None:
    # The system's CAs do not know the trustme CA.
    result = _probe(starttls_server, Security.STARTTLS, context=ssl.create_default_context())
    assert result.certificate_valid is False
    assert result.tls
    assert result.tier == 2


def test_probe_starttls_not_offered(plain_server: SMTPTestServer) -> None:
    result = _probe(plain_server, Security.STARTTLS)
    assert result.greeted
    assert not result.starttls
    assert not result.tls
    assert result.certificate_valid is None
    assert result.error == "STARTTLS is not advertised"
    assert result.tier == 1


def test_probe_implicit_tls_against_plain_server(plain_server: SMTPTestServer) -> None:
    result = _probe(plain_server, Security.SSL, timeout=2)
    assert not result.greeted
    assert not result.tls
    assert result.tier == 0
    assert result.error


def test_probe_nothing_listening() -> None:
    result = _probe(_free_port(), Security.STARTTLS, timeout=2)
    assert result == ProbeResult(
        connected=False, greeted=False, error="connection refused", elapsed=result.elapsed
    )
    assert "no connection" in result.describe()


def test_probe_silent_server_is_bounded(silent_server: int) -> None:
    started = time.monotonic()
    result = _probe(silent_server, Security.STARTTLS, timeout=0.5)
    assert time.monotonic() - started < 2.0
    assert result.connected
    assert not result.greeted
    assert result.error == "no answer in time"


def test_suggest_probe_ranks_by_what_answered(
    starttls_server: SMTPTestServer, client_context: ssl.SSLContext
) -> None:
    # SRV says 465 first (higher confidence), but only the STARTTLS server answers.
    result = suggest(
        "jane@example.com",
        resolver=_srv_resolver(),
        timeout=2,
        probe=True,
        ssl_context=client_context,
        connect_to={
            (HOST, 587): ("127.0.0.1", starttls_server.port),
            (HOST, 465): ("127.0.0.1", _free_port()),
        },
    )
    assert [(s.port, s.security) for s in result] == [
        (587, Security.STARTTLS),
        (465, Security.SSL),
    ]
    best, dead = result
    assert best.probe is not None
    assert best.probe.tier == 3
    assert best.confidence == pytest.approx(1.0)
    assert best.evidence[-1].startswith("probe: greeted, STARTTLS advertised")
    assert dead.probe is not None
    assert dead.probe.tier == 0
    assert dead.confidence < 0.5
    data = best.to_dict()
    assert data["probe"]["certificate_valid"] is True


def test_suggest_probe_both_answer(
    starttls_server: SMTPTestServer, ssl_server: SMTPTestServer, client_context: ssl.SSLContext
) -> None:
    result = suggest(
        "example.com",
        resolver=_srv_resolver(),
        timeout=3,
        probe=True,
        ssl_context=client_context,
        connect_to={
            (HOST, 587): ("127.0.0.1", starttls_server.port),
            (HOST, 465): ("127.0.0.1", ssl_server.port),
        },
    )
    assert [s.port for s in result] == [465, 587]
    assert all(s.probe is not None and s.probe.tier == 3 for s in result)
