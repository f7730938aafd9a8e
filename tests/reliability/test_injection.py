"""Injection: CR, LF, CRLF and NUL in every settings field, address and header value the library
sets are refused before connecting, and the server never sees an injected header or command.

Hypothesis draws field × payload × surrounding text; one loopback server listens for the whole
module and must see no connection at all. A table test covers SMTP smuggling through the body.
"""

from __future__ import annotations

import enum
import string
from collections.abc import Iterator
from email.message import Message
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpdiag import MsalTokenProvider, Sender, SendError, SettingsError, SettingsModel, Stage
from smtpdiag._addresses import has_line_break
from smtpdiag.testing import SMTPTestServer

from ._support import OAUTH, PASSWORD, USER, TokenEntra, message
from .conftest import Tally

PAYLOADS = ["\r", "\n", "\r\n", "\x00"]
TAILS = ["", "RCPT TO:<victim@evil.example>", "Bcc: victim@evil.example", "QUIT", " folded"]
EVIL = b"evil.example"

#: Every text setting and a good value for it; the payload goes somewhere inside the value.
TEXT_FIELDS: dict[str, str] = {
    "host": "localhost",
    "username": USER,
    "password": PASSWORD,
    "from_address": USER,
    "from_name": "Alice Example",
    "reply_to": "replies@example.com",
    "cc": "boss@example.com",
    "bcc": "audit@example.com",
    "local_hostname": "client.example.com",
    "ca_file": "/etc/ssl/certs/ca-certificates.crt",
    "oauth_client_id": OAUTH["client_id"],
    "oauth_tenant_id": OAUTH["tenant_id"],
    "oauth_client_secret": OAUTH["client_secret"],
}
#: Settings that are parsed into numbers or choices: a payload is refused, or dropped by parsing.
TYPED_FIELDS: dict[str, str] = {
    "port": "25",
    "timeout": "5",
    "security": "none",
    "auth": "password",
}
#: Headers of the caller's message; the address headers also feed the envelope.
HEADERS = ["To", "Cc", "Bcc", "From", "Reply-To", "Subject", "X-Mailer"]


@pytest.fixture(scope="module")
def server() -> Iterator[SMTPTestServer]:
    with SMTPTestServer("plain") as running:
        yield running
    # Nothing reached the server in the whole module (the smuggling test uses its own server).
    assert running.attempts == 0
    assert not running.messages


def _render(rows: list[tuple[str, str]]) -> str:
    fields = {field for field, _ in rows}
    normalised = sum(1 for _, outcome in rows if outcome == "normalised")
    return (
        f"injection: {len(rows)} field × payload examples over {len(fields)} settings fields "
        f"and headers; refused before connecting: {len(rows) - normalised}; dropped by parsing "
        f"(a break around a list separator, an end of an Entra ID or a number): {normalised}; "
        "connections seen: 0"
    )


@pytest.fixture(scope="module")
def seen(tally: Tally) -> list[tuple[str, str]]:
    tally.render = _render
    rows: list[tuple[str, str]] = tally.rows
    return rows


def _inject(value: str, payload: str, tail: str, where: int) -> str:
    cut = where % (len(value) + 1)
    return value[:cut] + payload + tail + value[cut:]


def _values(field: str, injected: str, port: int = 25) -> dict[str, Any]:
    values: dict[str, Any] = {
        "host": "localhost",
        "port": port,
        "security": "none",
        "from_address": USER,
        "username": USER,
        "password": PASSWORD,
        "timeout": 5,
    }
    if field.startswith("oauth_"):
        oauth = dict(OAUTH)
        oauth[field.removeprefix("oauth_")] = injected
        values.update(oauth=oauth, auth="oauth")
    else:
        values[field] = injected
    return values


def _assert_refused(server: SMTPTestServer, settings: SettingsModel, operation: str) -> None:
    entra = TokenEntra()
    sender = Sender(
        settings,
        token_provider=MsalTokenProvider(http_client=entra),
        allow_insecure_auth=True,
    )
    before = server.attempts
    if operation == "send":
        with pytest.raises(SendError) as info:
            sender.send(message())
        assert info.value.stage is Stage.CONFIG, info.value.diagnosis.kind
    elif operation == "session":
        with pytest.raises(SendError) as info, sender.session():
            pass
        assert info.value.stage is Stage.CONFIG, info.value.diagnosis.kind
    else:
        result = sender.check()
        assert result.diagnosis is not None
        assert [r.stage for r in result.stages] == [Stage.CONFIG], result.diagnosis.kind
    assert server.attempts == before
    assert entra.requests == []  # not even the identity provider was asked


LIST_FIELDS = ("reply_to", "cc", "bcc")
STRIPPED_FIELDS = ("oauth_client_id", "oauth_tenant_id")


def _clean(value: object) -> bool:
    items = value if isinstance(value, tuple) else (value,)
    return not any(isinstance(item, str) and has_line_break(item) for item in items)


def _normalised(field: str, injected: str, settings: SettingsModel, port: int) -> bool:
    """Whether parsing dropped the payload, so that nothing of it can reach the wire."""
    if field in STRIPPED_FIELDS:
        # The Entra IDs are used stripped (validation and the token request alike), so a line
        # break at an end never leaves the process; one inside must be refused.
        return not has_line_break(injected.strip())
    value = getattr(settings, field, None)
    if field in LIST_FIELDS:
        # An address list is split on commas and semicolons and each part stripped of the
        # whitespace around it: a line break next to a separator or at an end is dropped.
        return _clean(value)
    if field in TYPED_FIELDS:
        # Parsed into a number or a choice (surrounding whitespace ignored).
        clean = SettingsModel.from_mapping(_values(field, TYPED_FIELDS[field], port))
        return value == getattr(clean, field) and (
            isinstance(value, enum.Enum) or not isinstance(value, str)
        )
    return False


ALL_FIELDS = {**TEXT_FIELDS, **TYPED_FIELDS}


@given(
    field=st.sampled_from(sorted(ALL_FIELDS)),
    payload=st.sampled_from(PAYLOADS),
    tail=st.sampled_from(TAILS),
    where=st.integers(min_value=0, max_value=200),
    operation=st.sampled_from(["send", "check", "session"]),
)
def test_settings_field_with_a_line_break_is_refused_before_connecting(
    server: SMTPTestServer,
    seen: list[tuple[str, str]],
    field: str,
    payload: str,
    tail: str,
    where: int,
    operation: str,
) -> None:
    injected = _inject(ALL_FIELDS[field], payload, tail, where)
    try:
        settings = SettingsModel.from_mapping(_values(field, injected, server.port))
    except SettingsError:
        seen.append((field, payload))  # refused by the constructor: even earlier
        return
    if _normalised(field, injected, settings, server.port):
        seen.append((field, "normalised"))
        return
    _assert_refused(server, settings, operation)
    seen.append((field, payload))


@given(
    header=st.sampled_from(HEADERS),
    payload=st.sampled_from(PAYLOADS),
    tail=st.sampled_from(TAILS[:-1]),
    prefix=st.text(string.ascii_letters, max_size=6),
)
def test_message_header_with_a_line_break_is_refused_before_connecting(
    server: SMTPTestServer,
    seen: list[tuple[str, str]],
    header: str,
    payload: str,
    tail: str,
    prefix: str,
) -> None:
    msg = Message()  # compat32 takes any value; EmailMessage would refuse it itself
    msg["To"] = "bob@example.com"
    msg["Subject"] = "hello"
    base = "carol@example.com" if header not in ("Subject", "X-Mailer") else "text"
    del msg[header]
    msg[header] = prefix + base + payload + tail
    msg.set_payload("hello\n")
    settings = SettingsModel(
        host="localhost", port=server.port, security="none", from_address=USER, timeout=5
    )
    before = server.attempts
    with pytest.raises(SendError) as info:
        Sender(settings).send(msg)
    assert info.value.stage is Stage.CONFIG
    assert info.value.diagnosis.kind == "message.header_injection"
    assert server.attempts == before
    seen.append((f"message.{header}", payload))


SMUGGLING = {
    "CRLF.CRLF": "\r\n.\r\n",
    "LF.LF": "\n.\n",
    "CR.CR": "\r.\r",
    "LF.CRLF": "\n.\r\n",
    "CRLF.LF": "\r\n.\n",
    "CR.LF": "\r.\n",
}


@pytest.mark.parametrize("ending", list(SMUGGLING.values()), ids=list(SMUGGLING))
def test_body_cannot_smuggle_a_second_message(ending: str) -> None:
    # SMTP smuggling (SEC Consult, 2023): an end-of-data sequence inside the body followed by a
    # second transaction. The body is dot-stuffed with normalised line ends, so the server sees
    # one message whose text holds the would-be commands.
    smuggled = (
        f"Hello.{ending}MAIL FROM:<ceo@evil.example>\r\nRCPT TO:<victim@example.com>\r\n"
        "DATA\r\nSubject: smuggled\r\n\r\nGive me money.\r\n"
    )
    msg = message("bob@example.com")
    msg.set_payload(smuggled)
    with SMTPTestServer("plain") as smtp:
        settings = SettingsModel(
            host="localhost", port=smtp.port, security="none", from_address=USER
        )
        Sender(settings).send(msg)
        received = list(smtp.messages)
        attempts = smtp.attempts
    assert attempts == 1
    assert len(received) == 1
    assert received[0].recipients == ("bob@example.com",)
    assert b"victim@example.com" in received[0].content  # inside the one message, as text
    assert EVIL in received[0].content
