"""No downgrade: with ``starttls`` configured, no credential and no message byte ever crosses in
clear, whatever the server does with STARTTLS; with ``none``, no AUTH without
``allow_insecure_auth``. Checked on what the server received (its transcript, or the raw bytes).
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from smtpdiag import Sender, SendError, Stage
from smtpdiag.testing import Fault, SMTPTestServer

from ._support import (
    BODY_MARK,
    PASSWORD,
    TOKEN,
    USER,
    RawServer,
    StaticToken,
    message,
    needles,
    settings_for,
)
from .conftest import Tally

#: Commands that must never be sent before TLS when STARTTLS is configured.
FORBIDDEN = (b"AUTH", b"MAIL", b"RCPT", b"DATA")


def _render(rows: list[tuple[str, str, str]]) -> str:
    cases = len({row[0] for row in rows})
    return (
        f"no downgrade: {len(rows)} runs ({cases} hostile servers × send/check/session × "
        "password/OAuth); credentials, AUTH/MAIL/RCPT/DATA or message bytes sent in clear: 0"
    )


@pytest.fixture(scope="module")
def runs(tally: Tally) -> list[tuple[str, str, str]]:
    tally.render = _render
    rows: list[tuple[str, str, str]] = tally.rows
    return rows


def _run(sender: Sender, operation: str) -> tuple[str, Stage | None]:
    """Run one operation that must fail; its diagnosis kind and stage."""
    if operation == "send":
        with pytest.raises(SendError) as info:
            sender.send(message())
        return info.value.diagnosis.kind, info.value.stage
    if operation == "session":
        with pytest.raises(SendError) as info, sender.session() as session:
            session.send(message())
        return info.value.diagnosis.kind, info.value.stage
    result = sender.check()
    assert result.diagnosis is not None
    return result.diagnosis.kind, result.stage


def _cleartext_ok(clear: bytes) -> None:
    lines = [line.strip().upper() for line in clear.split(b"\n")]
    for command in FORBIDDEN:
        assert not any(line.startswith(command) for line in lines), (command, clear[:400])
    assert BODY_MARK.encode() not in clear
    for secret in (PASSWORD, TOKEN):
        for form in needles(secret):
            assert form not in clear, secret


LOGINS = {
    "password": {"username": USER, "password": PASSWORD},
    "oauth": {"auth": "oauth"},
}


def _sender(port: int, login: str, **kwargs: object) -> Sender:
    settings = settings_for(
        host="localhost", port=port, security="starttls", timeout=0.5, **LOGINS[login]
    )
    return Sender(settings, token_provider=StaticToken(), **kwargs)  # type: ignore[arg-type]


# -- starttls against an SMTPTestServer ------------------------------------------------------
SERVERS: dict[str, tuple[str, Fault | None]] = {
    "STARTTLS never advertised (plain server)": ("plain", None),
    "STARTTLS stripped from EHLO": ("starttls", Fault.no_starttls()),
    "STARTTLS advertised, refused 454": ("starttls", Fault.starttls_refused()),
    "STARTTLS advertised, refused 502": (
        "starttls",
        Fault.starttls_refused(502, "5.5.1 Command not implemented"),
    ),
    "connection dropped at STARTTLS": ("starttls", Fault.drop("starttls")),
    "server silent after STARTTLS": ("starttls", Fault.timeout("starttls")),
}


@pytest.mark.parametrize("login", list(LOGINS))
@pytest.mark.parametrize("operation", ["send", "check", "session"])
@pytest.mark.parametrize("case", list(SERVERS))
def test_starttls_is_never_skipped(
    runs: list[tuple[str, str, str]], case: str, operation: str, login: str
) -> None:
    mode, fault = SERVERS[case]
    # AUTH is offered in clear too, so a client that went on without TLS could log in.
    with SMTPTestServer(
        mode,  # type: ignore[arg-type]
        faults=fault,
        credentials={USER: PASSWORD},
        tokens={USER: TOKEN},
        auth_after_tls=False,
    ) as server:
        sender = _sender(server.port, login, ssl_context=server.client_context)
        kind, stage = _run(sender, operation)
        clear = server.transcript.cleartext()
        leaked = [s for s in (PASSWORD, TOKEN) if server.transcript.leaked(s)]
        delivered = len(server.messages)
    assert stage is Stage.TLS, (kind, stage)
    _cleartext_ok(clear)
    assert leaked == []
    assert delivered == 0
    runs.append((case, operation, login))


# -- starttls against a raw server that breaks the TLS handshake ------------------------------
EHLO = b"250-raw.test\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN XOAUTH2\r\n250 8BITMIME\r\n"


def _handshake_script(after: Callable[[socket.socket, RawServer], None]) -> Callable[..., None]:
    def script(conn: socket.socket, server: RawServer) -> None:
        conn.sendall(b"220 raw.test ESMTP\r\n")
        while True:
            line = server.read_line(conn)
            if line is None:
                return
            verb = line.strip().upper()
            if verb.startswith((b"EHLO", b"HELO")):
                conn.sendall(EHLO)
            elif verb == b"STARTTLS":
                conn.sendall(b"220 2.0.0 Ready to start TLS\r\n")
                after(conn, server)
                return
            elif verb == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"250 ok\r\n")

    return script


def _drop_mid_handshake(conn: socket.socket, server: RawServer) -> None:
    # Take the ClientHello, then hang up without a ServerHello.
    server.read_line(conn, limit=0.5)
    conn.shutdown(socket.SHUT_RDWR)


def _plaintext_instead_of_tls(conn: socket.socket, server: RawServer) -> None:
    # A man in the middle answers the ClientHello in clear, hoping the client falls back.
    conn.sendall(b"250 2.0.0 OK, go on in clear\r\n")
    server.idle(conn)


def _reset_mid_handshake(conn: socket.socket, server: RawServer) -> None:
    import struct

    server.read_line(conn, limit=0.5)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


HANDSHAKES = {
    "drop during the TLS handshake": _drop_mid_handshake,
    "reset during the TLS handshake": _reset_mid_handshake,
    "plaintext answer to the ClientHello": _plaintext_instead_of_tls,
}


@contextmanager
def _raw(name: str) -> Iterator[RawServer]:
    with RawServer(_handshake_script(HANDSHAKES[name])) as server:
        yield server


@pytest.mark.parametrize("login", list(LOGINS))
@pytest.mark.parametrize("operation", ["send", "check", "session"])
@pytest.mark.parametrize("case", list(HANDSHAKES))
def test_a_broken_tls_handshake_never_falls_back_to_clear(
    runs: list[tuple[str, str, str]], case: str, operation: str, login: str
) -> None:
    with _raw(case) as server:
        kind, stage = _run(_sender(server.port, login), operation)
        clear = bytes(server.received)
    assert stage is Stage.TLS, (kind, stage)
    assert b"STARTTLS" in clear  # the client did ask for TLS
    after = clear.split(b"STARTTLS", 1)[1]
    _cleartext_ok(clear)
    # What followed STARTTLS was a TLS record (a handshake starts with byte 0x16), never SMTP.
    assert after.lstrip(b"\r\n")[:1] in (b"\x16", b""), after[:40]
    runs.append((case, operation, login))


# -- security none ---------------------------------------------------------------------------
@pytest.mark.parametrize("login", list(LOGINS))
@pytest.mark.parametrize("operation", ["send", "check", "session"])
@pytest.mark.parametrize("mode", ["plain", "starttls"])
def test_none_never_sends_auth_without_allow_insecure_auth(
    runs: list[tuple[str, str, str]], mode: str, operation: str, login: str
) -> None:
    with SMTPTestServer(
        mode,  # type: ignore[arg-type]
        credentials={USER: PASSWORD},
        tokens={USER: TOKEN},
        auth_after_tls=False,  # AUTH offered in clear: only the client can say no
    ) as server:
        settings = settings_for(server, security="none", timeout=2, **LOGINS[login])
        kind, stage = _run(Sender(settings, token_provider=StaticToken()), operation)
        commands = server.transcript.commands()
        leaked = [s for s in (PASSWORD, TOKEN) if server.transcript.leaked(s)]
    assert kind == "auth.plaintext_refused"
    assert stage is Stage.AUTH
    assert "AUTH" not in commands
    assert "MAIL" not in commands
    assert leaked == []
    runs.append((f"none, {mode} server", operation, login))


def test_none_with_allow_insecure_auth_does_log_in() -> None:
    # The counterpart: the switch is what allows it, so the refusal above is the switch's doing.
    with SMTPTestServer("plain", credentials={USER: PASSWORD}) as server:
        settings = settings_for(server, username=USER, password=PASSWORD)
        result = Sender(settings, allow_insecure_auth=True).send(message())
        commands = server.transcript.commands()
    assert result.ok
    assert "AUTH" in commands
