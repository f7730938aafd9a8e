"""Probing candidates: real aiosmtpd servers on 127.0.0.1 with trustme certificates."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

import smtpdiag._suggest as suggest_module
from _stubdns import StubResolver
from smtpdiag import ProbeResult, Security, suggest
from smtpdiag._suggest import probe_server

HOST = "smtp.example.com"


@pytest.fixture(autouse=True)
def _no_default_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(timeout: float) -> None:
        raise AssertionError("a default resolver was built")

    monkeypatch.setattr(suggest_module, "default_resolver", refuse)


class _Handler:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 OK"


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    return AuthResult(success=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def client_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def _server_context(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert(*names).configure_cert(context)
    return context


def _start(**kwargs: Any) -> Controller:
    controller = Controller(
        _Handler(),
        hostname="127.0.0.1",
        port=_free_port(),
        authenticator=_authenticator,
        **kwargs,
    )
    controller.start()
    return controller


@pytest.fixture(scope="module")
def starttls_server(ca: trustme.CA) -> Iterator[Controller]:
    controller = _start(tls_context=_server_context(ca, HOST))
    yield controller
    controller.stop()


@pytest.fixture(scope="module")
def ssl_server(ca: trustme.CA) -> Iterator[Controller]:
    # aiosmtpd does not count implicit TLS as TLS for auth_require_tls; the connection is
    # encrypted from the first byte, so advertising AUTH here is what real servers do.
    controller = _start(ssl_context=_server_context(ca, HOST), auth_require_tls=False)
    yield controller
    controller.stop()


@pytest.fixture(scope="module")
def wrong_name_server(ca: trustme.CA) -> Iterator[Controller]:
    controller = _start(ssl_context=_server_context(ca, "other.example.net"))
    yield controller
    controller.stop()


@pytest.fixture(scope="module")
def plain_server() -> Iterator[Controller]:
    controller = _start()
    yield controller
    controller.stop()


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
    starttls_server: Controller, client_context: ssl.SSLContext
) -> None:
    result = probe_server(
        HOST,
        587,
        Security.STARTTLS,
        timeout=5,
        ssl_context=client_context,
        address=("127.0.0.1", starttls_server.port),
    )
    assert result.connected
    assert result.greeted
    assert result.starttls
    assert result.tls
    assert result.certificate_valid is True
    assert {"PLAIN", "LOGIN"} <= set(result.auth_mechanisms)
    assert result.error is None
    assert result.tier == 3
    assert "valid certificate" in result.describe()


def test_probe_implicit_tls(ssl_server: Controller, client_context: ssl.SSLContext) -> None:
    result = probe_server(
        HOST,
        465,
        Security.SSL,
        timeout=5,
        ssl_context=client_context,
        address=("127.0.0.1", ssl_server.port),
    )
    assert (result.greeted, result.tls, result.certificate_valid) == (True, True, True)
    assert "PLAIN" in result.auth_mechanisms
    assert result.starttls is False


def test_probe_certificate_for_another_name(
    wrong_name_server: Controller, client_context: ssl.SSLContext
) -> None:
    result = probe_server(
        HOST,
        465,
        Security.SSL,
        timeout=5,
        ssl_context=client_context,
        address=("127.0.0.1", wrong_name_server.port),
    )
    # TLS itself works (checked on a second connection), but the certificate is not valid.
    assert result.greeted
    assert result.tls
    assert result.certificate_valid is False
    assert result.error is not None
    assert "certificate not valid" in result.error
    assert result.tier == 2


def test_probe_untrusted_ca(starttls_server: Controller) -> None:
    # The system's CAs do not know the trustme CA.
    result = probe_server(
        HOST,
        587,
        Security.STARTTLS,
        timeout=5,
        ssl_context=ssl.create_default_context(),
        address=("127.0.0.1", starttls_server.port),
    )
    assert result.certificate_valid is False
    assert result.tls
    assert result.tier == 2


def test_probe_starttls_not_offered(plain_server: Controller) -> None:
    result = probe_server(
        HOST, 587, Security.STARTTLS, timeout=5, address=("127.0.0.1", plain_server.port)
    )
    assert result.greeted
    assert not result.starttls
    assert not result.tls
    assert result.certificate_valid is None
    assert result.error == "STARTTLS is not advertised"
    assert result.tier == 1


def test_probe_implicit_tls_against_plain_server(plain_server: Controller) -> None:
    result = probe_server(
        HOST, 465, Security.SSL, timeout=2, address=("127.0.0.1", plain_server.port)
    )
    assert not result.greeted
    assert not result.tls
    assert result.tier == 0
    assert result.error


def test_probe_nothing_listening() -> None:
    result = probe_server(
        HOST, 587, Security.STARTTLS, timeout=2, address=("127.0.0.1", _free_port())
    )
    assert result == ProbeResult(
        connected=False, greeted=False, error="connection refused", elapsed=result.elapsed
    )
    assert "no connection" in result.describe()


def test_probe_silent_server_is_bounded(silent_server: int) -> None:
    started = time.monotonic()
    result = probe_server(
        HOST, 587, Security.STARTTLS, timeout=0.5, address=("127.0.0.1", silent_server)
    )
    assert time.monotonic() - started < 2.0
    assert result.connected
    assert not result.greeted
    assert result.error == "no answer in time"


def test_suggest_probe_ranks_by_what_answered(
    starttls_server: Controller, client_context: ssl.SSLContext
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
    starttls_server: Controller, ssl_server: Controller, client_context: ssl.SSLContext
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
