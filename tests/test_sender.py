"""The Sender against real loopback servers: the scenario matrix of issue 4.

Every scenario asserts the diagnosis kind, the stage and the time it took. Servers are
SMTPTestServer (aiosmtpd on 127.0.0.1 with trustme certificates); DNS goes through a stub
resolver; msal talks to an in-process fake of Entra ID. Nothing leaves loopback.
"""

from __future__ import annotations

import logging
import pickle
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from typing import Any

import dns.resolver
import pytest

from smtpdiag import (
    MsalTokenProvider,
    Sender,
    SendError,
    SendResult,
    SettingsModel,
    Stage,
    StageRecord,
)
from smtpdiag.testing import Fault, SMTPTestServer

from .fake_azure import CLIENT_ID, TENANT, FakeEntra, expired_secret_error

USER = "alice@example.com"
PASSWORD = "pässword-123"  # non-ASCII on purpose: PLAIN sends UTF-8
TOKEN = "ya29.token-for-alice"
# The challenge Gmail sends for a bad token (shape from Google's XOAUTH2 documentation,
# https://developers.google.com/gmail/imap/xoauth2-protocol#error_response).
GMAIL_CHALLENGE = '{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}'
FAST = 2.0  # every misconfiguration is diagnosed within 2 s on loopback


class StubResolver:
    """A dnspython-style resolver answering from a table; NXDOMAIN for anything else."""

    def __init__(self, table: dict[str, str] | None = None, *, hang: bool = False) -> None:
        self.table = table or {}
        self.hang = hang
        self.release = threading.Event()
        self.queries: list[tuple[str, str]] = []

    def resolve(self, qname: str, rdtype: str) -> Any:
        self.queries.append((qname, rdtype))
        if self.hang:
            self.release.wait(10)
            raise dns.resolver.LifetimeTimeout()
        if qname not in self.table:
            raise dns.resolver.NXDOMAIN()
        if rdtype != "A":
            raise dns.resolver.NoAnswer()
        return [type("A", (), {"address": self.table[qname]})()]


class StaticToken:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls = 0

    def get_token(self, settings: SettingsModel) -> str:
        self.calls += 1
        return self.token


def message(*to: str, subject: str = "Hello") -> EmailMessage:
    msg = EmailMessage()
    msg["To"] = ", ".join(to or ("bob@example.com",))
    msg["Subject"] = subject
    msg.set_content("Hello Bob.\n.a line starting with a dot\n")
    return msg


def settings_for(server: SMTPTestServer | None = None, **values: Any) -> SettingsModel:
    base: dict[str, Any] = {
        "host": "localhost",
        "port": server.port if server is not None else 25,
        "security": "none",
        "from_address": USER,
        "timeout": 5,
    }
    if server is not None and server.mode != "plain":
        base["security"] = server.mode
    base.update(values)
    return SettingsModel(**base)


def login(**values: Any) -> dict[str, Any]:
    return {"username": USER, "password": PASSWORD, **values}


@contextmanager
def timed() -> Iterator[list[float]]:
    box: list[float] = []
    start = time.monotonic()
    try:
        yield box
    finally:
        box.append(time.monotonic() - start)


def fail(sender: Sender, msg: EmailMessage | None = None) -> tuple[SendError, float]:
    start = time.monotonic()
    with pytest.raises(SendError) as info:
        sender.send(msg or message())
    elapsed = time.monotonic() - start
    assert info.value.diagnosis.stage is info.value.stage  # one answer to "where"
    return info.value, elapsed


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- successful sends ---------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["plain", "starttls", "ssl"])
@pytest.mark.parametrize("with_auth", [False, True])
def test_sends_in_every_mode_with_and_without_auth(mode: str, with_auth: bool) -> None:
    credentials = {USER: PASSWORD}
    with SMTPTestServer(mode, credentials=credentials, auth_after_tls=False) as server:
        values = login() if with_auth else {}
        sender = Sender(
            settings_for(server, **values),
            ssl_context=server.client_context,
            allow_insecure_auth=mode == "plain",
        )
        result = sender.send(message("bob@example.com", "carol@example.com"))
    assert isinstance(result, SendResult)
    assert result.ok
    assert result.accepted == ("bob@example.com", "carol@example.com")
    assert result.reply is not None
    assert result.reply.code == 250
    assert result.elapsed < FAST
    stages = [r.stage for r in result.stages]
    assert stages[:2] == [Stage.DNS, Stage.CONNECT]
    assert stages[-3:] == [Stage.MAIL, Stage.RCPT, Stage.DATA]
    assert (Stage.AUTH in stages) is with_auth
    assert (Stage.TLS in stages) is (mode != "plain")
    received = server.messages[0]
    assert received.envelope_from == USER
    assert received.recipients == ("bob@example.com", "carol@example.com")
    assert received.tls is (mode != "plain")
    assert received.authenticated_as == (USER if with_auth else None)
    assert b"\r\n..a line starting with a dot" not in received.content  # un-stuffed by the server
    assert b".a line starting with a dot" in received.content
    # Over TLS the password never crosses in clear (in plain mode it was allowed explicitly).
    assert server.transcript.leaked(PASSWORD) is (with_auth and mode == "plain")


def test_envelope_from_settings_and_message_bcc_never_in_headers() -> None:
    with SMTPTestServer("plain") as server:
        settings = settings_for(
            server,
            from_name="Alice Example",
            reply_to="replies@example.com",
            cc="boss@example.com",
            bcc="audit@example.com",
        )
        msg = message("bob@example.com")
        msg["Bcc"] = "secret@example.com"
        result = Sender(settings).send(msg)
    assert result.accepted == (
        "bob@example.com",
        "boss@example.com",
        "secret@example.com",
        "audit@example.com",
    )
    received = server.messages[0]
    sent = received.message
    assert sent["From"] == "Alice Example <alice@example.com>"
    assert sent["Reply-To"] == "replies@example.com"
    assert sent["Cc"] == "boss@example.com"
    assert sent["Bcc"] is None
    assert b"secret@example.com" not in received.content
    assert b"audit@example.com" not in received.content
    assert msg["Bcc"] == "secret@example.com"  # the caller's message is not changed
    assert msg["From"] is None


def test_non_ascii_address_without_smtputf8_fails_before_mail() -> None:
    with SMTPTestServer("plain") as server:
        error, elapsed = fail(Sender(settings_for(server)), message("josé@example.com"))
    assert error.diagnosis.kind == "message.non_ascii"
    assert error.stage is Stage.MAIL
    assert "josé@example.com" in (error.diagnosis.detail or "")
    assert "MAIL" not in server.transcript.commands()
    assert elapsed < FAST


# -- name resolution and connecting -------------------------------------------------------------
def test_host_that_does_not_resolve() -> None:
    resolver = StubResolver()
    sender = Sender(settings_for(host="smtp.nowhere.example", port=587), resolver=resolver)
    error, elapsed = fail(sender)
    assert error.diagnosis.kind == "connection.host_not_found"
    assert error.stage is Stage.DNS
    assert elapsed < FAST
    assert resolver.queries == [("smtp.nowhere.example", "A")]


def test_resolver_that_never_answers_is_bounded_by_the_timeout() -> None:
    resolver = StubResolver(hang=True)
    sender = Sender(settings_for(host="smtp.slow.example", timeout=1), resolver=resolver)
    try:
        error, elapsed = fail(sender)
    finally:
        resolver.release.set()
    assert error.diagnosis.kind == "connection.dns_failure"
    assert error.stage is Stage.DNS
    assert 0.9 <= elapsed < 1.9


def test_getaddrinfo_that_stalls_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def stalled(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", stalled)
    try:
        error, elapsed = fail(Sender(settings_for(host="smtp.example.com", timeout=1)))
    finally:
        release.set()
    assert error.diagnosis.kind == "connection.dns_failure"
    assert error.stage is Stage.DNS
    assert 0.9 <= elapsed < 1.9


def test_connects_to_the_resolved_address_and_verifies_the_host_name() -> None:
    # The certificate names localhost; the name is resolved by the stub and still used for SNI
    # and verification, while the connection goes to the address.
    resolver = StubResolver({"localhost": "127.0.0.1"})
    with SMTPTestServer("ssl") as server:
        sender = Sender(settings_for(server), ssl_context=server.client_context, resolver=resolver)
        result = sender.send(message())
    assert result.ok
    assert ("localhost", "A") in resolver.queries
    assert "127.0.0.1" in result.stages[0].detail


def test_nothing_listening() -> None:
    error, elapsed = fail(Sender(settings_for(host="127.0.0.1", port=closed_port())))
    assert error.diagnosis.kind == "connection.refused"
    assert error.stage is Stage.CONNECT
    assert isinstance(error.__cause__, ConnectionRefusedError)
    assert elapsed < FAST


@pytest.mark.parametrize("security", ["none", "ssl"])
def test_silent_listener_times_out_at_the_timeout(security: str) -> None:
    with SMTPTestServer("plain", faults=Fault.timeout("connect")) as server:
        sender = Sender(settings_for(server, security=security, timeout=1.5))
        error, elapsed = fail(sender)
    assert error.diagnosis.kind == "connection.timeout"
    assert error.stage is (Stage.CONNECT if security == "none" else Stage.TLS)
    assert 1.4 <= elapsed < 2.5


@pytest.mark.parametrize("security", ["starttls", "none"])
def test_plaintext_to_an_implicit_tls_port(security: str) -> None:
    with SMTPTestServer("ssl") as server:
        error, elapsed = fail(Sender(settings_for(server, security=security, timeout=30)))
    assert error.diagnosis.kind == "tls.port_expects_ssl"
    assert error.stage is Stage.CONNECT
    assert "SSL" in error.diagnosis.remedies[0].text
    assert elapsed <= FAST


def test_a_slow_greeting_still_works_with_a_long_timeout() -> None:
    # A plaintext server whose greeting comes after 5 s: the TLS probe finds no TLS, and the
    # original connection keeps waiting for the greeting.
    with SMTPTestServer("plain", faults=Fault.slow(5.0, "connect")) as server, timed() as took:
        result = Sender(settings_for(server, timeout=30)).send(message())
    assert result.ok
    assert 5.0 <= took[0] < 7.0
    assert len(server.messages) == 1


def test_ssl_to_a_plaintext_port() -> None:
    with SMTPTestServer("plain") as server:
        error, elapsed = fail(Sender(settings_for(server, security="ssl")))
    assert error.diagnosis.kind == "tls.port_expects_plaintext"
    assert error.stage is Stage.TLS
    assert elapsed < FAST


def test_starttls_not_offered_never_goes_on_in_clear() -> None:
    with SMTPTestServer("plain", credentials={USER: PASSWORD}) as server:
        sender = Sender(settings_for(server, security="starttls", **login()))
        error, elapsed = fail(sender)
        commands = server.transcript.commands()
    assert error.diagnosis.kind == "tls.starttls_unavailable"
    assert error.stage is Stage.TLS
    assert "AUTH" not in commands
    assert "MAIL" not in commands
    assert not server.transcript.leaked(PASSWORD)
    assert elapsed < FAST


@pytest.mark.parametrize(
    ("certificate", "kind"),
    [
        ("self_signed", "tls.certificate_untrusted"),
        ("untrusted", "tls.certificate_untrusted"),
        ("expired", "tls.certificate_expired"),
        ("wrong_host", "tls.hostname_mismatch"),
    ],
)
@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_bad_certificates(mode: str, certificate: str, kind: str) -> None:
    with SMTPTestServer(mode, certificate=certificate) as server:  # type: ignore[arg-type]
        sender = Sender(settings_for(server, **login()), ssl_context=server.client_context)
        error, elapsed = fail(sender)
        leaked = server.transcript.leaked(PASSWORD)
    assert error.diagnosis.kind == kind
    assert error.stage is Stage.TLS
    assert not leaked
    assert elapsed < FAST


def test_default_context_verifies_and_ca_file_trusts_a_private_ca() -> None:
    with SMTPTestServer("starttls") as server:
        error, _ = fail(Sender(settings_for(server)))  # the system store lacks the test CA
        assert error.diagnosis.kind == "tls.certificate_untrusted"
        result = Sender(settings_for(server, ca_file=server.ca_file)).send(message())
    assert result.ok


# -- authentication -----------------------------------------------------------------------------
def test_wrong_password_says_which_mechanisms_were_tried() -> None:
    with SMTPTestServer("starttls", credentials={USER: "other"}) as server:
        sender = Sender(settings_for(server, **login()), ssl_context=server.client_context)
        error, elapsed = fail(sender)
        auth_lines = [c for c in server.transcript.commands() if c == "AUTH"]
    assert error.diagnosis.kind == "auth.invalid_credentials"
    assert error.stage is Stage.AUTH
    assert "tried AUTH PLAIN" in (error.diagnosis.detail or "")
    assert len(auth_lines) == 1  # one failed attempt, not one per mechanism
    assert PASSWORD not in str(error.diagnosis.to_dict())
    assert elapsed < FAST


def test_auth_offered_only_after_starttls_while_security_is_none() -> None:
    with SMTPTestServer("starttls", auth_after_tls=True) as server:
        sender = Sender(settings_for(server, security="none", **login()), allow_insecure_auth=True)
        error, elapsed = fail(sender)
    assert error.diagnosis.kind == "auth.not_offered"
    assert error.stage is Stage.AUTH
    assert "STARTTLS" in (error.diagnosis.detail or "")
    assert elapsed < FAST


def test_plaintext_login_is_refused_unless_allowed() -> None:
    with SMTPTestServer("plain", credentials={USER: PASSWORD}) as server:
        error, elapsed = fail(Sender(settings_for(server, **login())))
        assert "AUTH" not in server.transcript.commands()
        result = Sender(settings_for(server, **login()), allow_insecure_auth=True).send(message())
    assert error.diagnosis.kind == "auth.plaintext_refused"
    assert error.stage is Stage.AUTH
    assert elapsed < FAST
    assert result.ok


def test_must_issue_starttls_first() -> None:
    fault = Fault.reject("mail", 530, "5.7.0 Must issue a STARTTLS command first")
    with SMTPTestServer("plain", faults=fault) as server:
        error, elapsed = fail(Sender(settings_for(server)))
    assert error.diagnosis.kind == "policy.encryption_required"
    assert error.stage is Stage.MAIL
    assert elapsed < FAST


def test_xoauth2_success_never_shows_the_token() -> None:
    provider = StaticToken()
    with SMTPTestServer("starttls", tokens={USER: TOKEN}) as server:
        settings = settings_for(server, auth="oauth")
        sender = Sender(settings, token_provider=provider, ssl_context=server.client_context)
        result = sender.send(message())
    assert result.ok
    assert provider.calls == 1
    assert server.messages[0].authenticated_as == USER
    assert Stage.OAUTH_TOKEN in result.timings
    assert not server.transcript.leaked(TOKEN)


def test_xoauth2_error_challenge_is_captured_and_answered_with_an_empty_line() -> None:
    fault = Fault.auth_fail(
        535, "5.7.8 Username and Password not accepted", challenge=GMAIL_CHALLENGE
    )
    with SMTPTestServer("starttls", faults=fault) as server:
        settings = settings_for(server, auth="oauth")
        sender = Sender(settings, token_provider=StaticToken(), ssl_context=server.client_context)
        error, elapsed = fail(sender)
        inside = server.transcript.client_lines(tls=True)
    assert error.stage is Stage.AUTH
    assert error.diagnosis.kind == "auth.xoauth2_rejected"
    assert '"status":"400"' in (error.diagnosis.detail or "")
    auth_at = next(i for i, line in enumerate(inside) if line.upper().startswith(b"AUTH XOAUTH2"))
    assert inside[auth_at + 1].strip() == b""  # RFC 7628: the empty response to the challenge
    assert elapsed < FAST


def test_msal_expired_secret_stops_before_any_smtp_connection() -> None:
    entra = FakeEntra(token_error=expired_secret_error())
    provider = MsalTokenProvider(http_client=entra)
    oauth = {"client_id": CLIENT_ID, "tenant_id": TENANT, "client_secret": "s3cr3t~value.abc"}
    with SMTPTestServer("starttls") as server:
        sender = Sender(settings_for(server, oauth=oauth), token_provider=provider)
        error, elapsed = fail(sender)
        attempts = server.attempts
    assert error.diagnosis.kind == "auth.oauth_secret_expired"
    assert error.stage is Stage.OAUTH_TOKEN
    assert attempts == 0
    assert entra.token_posts == 1
    assert all(url.startswith("https://login.microsoftonline.com/") for _, url in entra.requests)
    assert "s3cr3t" not in repr(error.diagnosis.to_dict())
    assert elapsed < FAST


# -- the server's answers -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fault", "kind", "stage"),
    [
        (
            Fault.reject("mail", 553, "5.7.1 Sender address rejected: not owned by user"),
            "sender.send_as_denied",
            Stage.MAIL,
        ),
        (Fault.reject("rcpt", 554, "5.7.1 Relay access denied"), "policy.relay_denied", Stage.RCPT),
        (
            Fault.reject("message", 552, "5.3.4 Message size exceeds fixed limit"),
            "message.too_large",
            Stage.DATA,
        ),
        (
            Fault.reject("message", 554, "5.7.1 rejected as spam"),
            "policy.spam_rejected",
            Stage.DATA,
        ),
        (
            Fault.reject("connect", 421, "4.7.0 Try again later"),
            "connection.greeting_refused",
            Stage.CONNECT,
        ),
        (Fault.drop("mail"), "connection.closed", Stage.MAIL),
        (Fault.drop("message"), "connection.delivery_unknown", Stage.DATA),
    ],
    ids=["sender-refused", "relay", "too-large", "spam", "421-greeting", "drop", "drop-after-dot"],
)
def test_server_rejections(fault: Fault, kind: str, stage: Stage) -> None:
    with SMTPTestServer("plain", faults=fault) as server:
        error, elapsed = fail(Sender(settings_for(server)))
    assert error.diagnosis.kind == kind
    assert error.stage is stage
    assert error.diagnosis.stage is stage
    assert elapsed < FAST


@pytest.mark.parametrize("mode", ["ssl", "starttls"])
def test_a_421_greeting_is_a_refused_connection_in_every_mode(mode: str) -> None:
    # With implicit TLS the greeting comes after the handshake; it is still the connect stage.
    fault = Fault.reject("connect", 421, "4.7.0 Try again later")
    with SMTPTestServer(mode, faults=fault) as server:
        sender = Sender(settings_for(server, security=mode), ssl_context=server.client_context)
        error, elapsed = fail(sender)
    assert error.diagnosis.kind == "connection.greeting_refused"
    assert error.stage is Stage.CONNECT
    assert error.diagnosis.reply is not None
    assert error.diagnosis.reply.code == 421
    assert elapsed < FAST


def test_all_recipients_refused_keeps_every_refusal() -> None:
    with SMTPTestServer("plain", faults=Fault.reject("rcpt", 550, "5.1.1 User unknown")) as server:
        error, elapsed = fail(
            Sender(settings_for(server)), message("a@example.com", "b@example.com")
        )
    assert error.diagnosis.kind == "recipient.unknown"
    assert error.stage is Stage.RCPT
    assert [address for address, _ in error.refused] == ["a@example.com", "b@example.com"]
    assert all(d.kind == "recipient.unknown" for _, d in error.refused)
    assert not server.messages
    assert elapsed < FAST


def test_some_recipients_refused_are_returned_not_lost() -> None:
    fault = Fault.reject("rcpt", 550, "5.1.1 User unknown", match="nobody@*")
    with SMTPTestServer("plain", faults=fault) as server:
        result = Sender(settings_for(server)).send(message("bob@example.com", "nobody@example.com"))
    assert result.accepted == ("bob@example.com",)
    assert not result.ok
    assert set(result.refused) == {"nobody@example.com"}
    refusal = result.refused["nobody@example.com"]
    assert refusal.kind == "recipient.unknown"
    assert refusal.stage is Stage.RCPT
    assert refusal.reply is not None
    assert refusal.reply.code == 550
    assert server.messages[0].recipients == ("bob@example.com",)


# -- validation, errors, logging ----------------------------------------------------------------
def test_validation_error_stops_before_any_network() -> None:
    resolver = StubResolver()
    sender = Sender(settings_for(host="smtp://mail.example.com"), resolver=resolver)
    error, elapsed = fail(sender)
    assert error.stage is Stage.CONFIG
    assert error.diagnosis.kind == "config.host_invalid"
    assert resolver.queries == []
    assert elapsed < 0.5


def test_send_error_pickles_with_its_diagnosis() -> None:
    with SMTPTestServer("plain", faults=Fault.reject("rcpt", 550, "5.1.1 User unknown")) as server:
        error, _ = fail(Sender(settings_for(server)))
    again = pickle.loads(pickle.dumps(error))
    assert again.diagnosis == error.diagnosis
    assert again.stage is Stage.RCPT
    assert again.refused == error.refused
    assert again.args == error.args
    assert str(again) == str(error)


def test_debug_log_redacts_auth(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="smtpdiag")
    with SMTPTestServer("starttls", credentials={USER: PASSWORD}) as server:
        sender = Sender(settings_for(server, **login()), ssl_context=server.client_context)
        sender.send(message())
    text = "\n".join(r.getMessage() for r in caplog.records if r.name == "smtpdiag")
    assert "C: AUTH PLAIN ********" in text
    assert "C: STARTTLS" in text
    assert "<message body," in text
    assert PASSWORD not in text
    import base64

    assert base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()).decode() not in text


# -- check() ------------------------------------------------------------------------------------
def test_check_reports_every_stage_as_it_happens() -> None:
    seen: list[Stage] = []
    with SMTPTestServer("starttls", credentials={USER: PASSWORD}) as server:
        sender = Sender(settings_for(server, **login()), ssl_context=server.client_context)
        result = sender.check(on_stage=lambda record: seen.append(record.stage))
    assert result.ok
    assert result.diagnosis is None
    assert seen == [r.stage for r in result.stages]
    assert seen == [
        Stage.CONFIG,
        Stage.DNS,
        Stage.CONNECT,
        Stage.EHLO,
        Stage.TLS,
        Stage.EHLO,
        Stage.AUTH,
        Stage.QUIT,
    ]
    assert result.tls_version in ("TLSv1.2", "TLSv1.3")
    assert result.certificate_expires is not None
    assert "PLAIN" in result.auth_mechanisms
    assert "auth" in result.extensions
    assert result.greeting.startswith("220 ")
    assert not server.messages
    assert all(r.elapsed >= 0 for r in result.stages)
    assert "tls" in str(result.stages[4])


def test_check_returns_the_failure_instead_of_raising() -> None:
    with SMTPTestServer("starttls", credentials={USER: "other"}) as server:
        sender = Sender(settings_for(server, **login()), ssl_context=server.client_context)
        result = sender.check()
        without_login = sender.check(login=False)
    assert not result.ok
    assert result.stage is Stage.AUTH
    assert result.diagnosis is not None
    assert result.diagnosis.kind == "auth.invalid_credentials"
    assert result.stages[-1].ok is False
    assert "STARTTLS" not in result.extensions  # the EHLO after TLS replaced the first one
    assert without_login.ok
    assert Stage.AUTH not in [r.stage for r in without_login.stages]


def test_check_without_a_from_address_is_fine() -> None:
    with SMTPTestServer("plain") as server:
        result = Sender(settings_for(server, from_address="")).check()
    assert result.ok, result.diagnosis


# -- sessions -----------------------------------------------------------------------------------
def test_session_sends_several_messages_over_one_connection() -> None:
    with SMTPTestServer("starttls", credentials={USER: PASSWORD}) as server:
        sender = Sender(settings_for(server, **login()), ssl_context=server.client_context)
        with sender.session() as session:
            first = session.send(message("bob@example.com", subject="one"))
            second = session.send(message("carol@example.com", subject="two"))
        assert server.attempts == 1
        subjects = [m.subject for m in server.messages]
    assert first.ok
    assert second.ok
    assert session.results == [first, second]
    assert [r.stage for r in session.opening][-1] is Stage.AUTH
    assert [r.stage for r in first.stages] == [Stage.MAIL, Stage.RCPT, Stage.DATA]
    assert subjects == ["one", "two"]


def test_session_resets_after_a_refused_transaction_and_goes_on() -> None:
    fault = Fault.reject("rcpt", 550, "5.1.1 User unknown", match="nobody@*")
    with SMTPTestServer("plain", faults=fault) as server:
        with Sender(settings_for(server)).session() as session:
            with pytest.raises(SendError) as info:
                session.send(message("nobody@example.com"))
            result = session.send(message("bob@example.com"))
        commands = server.transcript.commands()
        attempts = server.attempts
    assert info.value.diagnosis.kind == "recipient.unknown"
    assert result.ok
    assert attempts == 1
    assert "RSET" in commands
    assert session.results[0] is info.value


def test_session_never_reuses_a_connection_in_an_unknown_state() -> None:
    fault = Fault.drop("message", times=1)
    with SMTPTestServer("plain", faults=fault) as server:
        with Sender(settings_for(server)).session() as session:
            with pytest.raises(SendError) as info:
                session.send(message(subject="one"))
            result = session.send(message(subject="two"))
        attempts = server.attempts
    assert info.value.diagnosis.kind == "connection.delivery_unknown"
    assert result.ok
    assert attempts == 2


def test_non_ascii_address_uses_smtputf8_where_offered() -> None:
    # SMTPTestServer does not offer SMTPUTF8; aiosmtpd's own controller can, on loopback.
    from aiosmtpd.controller import Controller

    class Handler:
        def __init__(self) -> None:
            self.envelopes: list[Any] = []

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            self.envelopes.append(envelope)
            return "250 OK"

    handler = Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=closed_port(), enable_SMTPUTF8=True)
    controller.start()
    try:
        settings = settings_for(host="127.0.0.1", port=controller.port)
        result = Sender(settings).send(message("José <josé@example.com>"))
    finally:
        controller.stop()
    assert result.accepted == ("josé@example.com",)
    envelope = handler.envelopes[0]
    assert envelope.rcpt_tos == ["josé@example.com"]
    assert "SMTPUTF8" in envelope.mail_options
    assert "josé@example.com".encode() in envelope.original_content


def test_overall_deadline_bounds_a_send_of_slow_steps() -> None:
    # Every reply takes 0.4 s: each step is well within the 5 s timeout, the whole send is not.
    with SMTPTestServer("plain", faults=Fault.slow(0.4)) as server:
        sender = Sender(settings_for(server, timeout=5), deadline=1.5)
        error, elapsed = fail(sender)
    assert error.diagnosis.kind == "connection.timeout"
    assert 1.4 <= elapsed < 2.2


def test_421_at_rcpt_closes_and_keeps_the_refusal() -> None:
    fault = Fault.reject("rcpt", 421, "4.7.0 Too many connections, try again later")
    with (
        SMTPTestServer("plain", faults=fault) as server,
        Sender(settings_for(server)).session() as s,
    ):
        with pytest.raises(SendError) as info:
            s.send(message("bob@example.com", "carol@example.com"))
        assert s._conn is None or s._conn.sock is None
    assert info.value.stage is Stage.RCPT
    assert [address for address, _ in info.value.refused] == ["bob@example.com"]
    assert info.value.diagnosis.retryable


def test_session_reconnects_when_the_server_closed_the_idle_connection() -> None:
    with SMTPTestServer("plain", idle_timeout=1.0) as server:
        with Sender(settings_for(server)).session() as session:
            first = session.send(message(subject="one"))
            time.sleep(1.5)  # the server gives up on the idle connection
            second = session.send(message(subject="two"))
        subjects = [m.subject for m in server.messages]
        attempts = server.attempts
    assert first.ok
    assert second.ok
    assert subjects == ["one", "two"]
    assert attempts == 2
    mail_records = [r for r in second.stages if r.stage is Stage.MAIL]
    assert [r.ok for r in mail_records] == [False, True]


def test_login_mechanism_when_plain_is_not_offered() -> None:
    with SMTPTestServer("starttls", credentials={USER: PASSWORD}, mechanisms=["LOGIN"]) as server:
        sender = Sender(settings_for(server, **login()), ssl_context=server.client_context)
        result = sender.send(message())
    auth = next(r for r in result.stages if r.stage is Stage.AUTH)
    assert auth.detail.endswith("with AUTH LOGIN")
    assert server.messages[0].authenticated_as == USER


def test_password_against_a_server_that_only_takes_oauth() -> None:
    with SMTPTestServer("starttls", mechanisms=["XOAUTH2"]) as server:
        sender = Sender(settings_for(server, **login()), ssl_context=server.client_context)
        error, elapsed = fail(sender)
    assert error.stage is Stage.AUTH
    assert error.diagnosis.kind == "auth.mechanism_unavailable"
    assert "XOAUTH2" in (error.diagnosis.detail or "")
    assert elapsed < FAST


def test_a_failing_token_provider_is_classified_at_oauth_token() -> None:
    class Broken:
        def get_token(self, settings: SettingsModel) -> str:
            raise ConnectionRefusedError(111, "Connection refused")

    with SMTPTestServer("starttls") as server:
        settings = settings_for(server, auth="oauth")
        error, _ = fail(Sender(settings, token_provider=Broken()))
        attempts = server.attempts
    assert error.stage is Stage.OAUTH_TOKEN
    assert error.diagnosis.stage is Stage.OAUTH_TOKEN
    assert isinstance(error.__cause__, ConnectionRefusedError)
    assert attempts == 0


def test_data_command_refused() -> None:
    fault = Fault.reject("data", 554, "5.5.1 Error: no valid recipients")
    with SMTPTestServer("plain", faults=fault) as server:
        error, elapsed = fail(Sender(settings_for(server)))
        commands = server.transcript.commands()
    assert error.stage is Stage.DATA
    assert error.diagnosis.reply is not None
    assert error.diagnosis.reply.code == 554
    assert commands[-2:] == ("RSET", "QUIT")  # the transaction was reset, then a polite QUIT
    assert elapsed < FAST


def test_results_serialise_to_plain_data() -> None:
    import json

    with SMTPTestServer(
        "plain", faults=Fault.reject("rcpt", 550, "5.1.1 User unknown", match="x@*")
    ) as server:
        sender = Sender(settings_for(server))
        result = sender.send(message("bob@example.com", "x@example.com"))
        check = sender.check(login=False)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["accepted"] == ["bob@example.com"]
    assert data["refused"]["x@example.com"]["kind"] == "recipient.unknown"
    assert json.loads(json.dumps(check.to_dict()))["ok"] is True
    assert "localhost" in repr(sender)
    failed = StageRecord(Stage.RCPT, False, 0.01, "x", result.refused["x@example.com"])
    assert "FAILED" in str(failed)
    assert "recipient.unknown" in str(failed)


def test_non_ascii_domain_goes_out_as_a_labels_without_smtputf8() -> None:
    with SMTPTestServer("plain") as server:
        result = Sender(settings_for(server)).send(message("Bob Müller <bob@bücher.example>"))
    assert result.accepted == ("bob@bücher.example",)
    received = server.messages[0]
    assert received.recipients == ("bob@xn--bcher-kva.example",)
    assert "SMTPUTF8" not in received.mail_options
    assert received.message["To"].addresses[0].domain == "xn--bcher-kva.example"
    assert received.message["To"].addresses[0].display_name == "Bob Müller"


def test_a_dripping_reply_cannot_outlast_the_deadline() -> None:
    # One byte of the greeting every 0.2 s: every read is within the 2 s timeout, but the
    # greeting would take about 9 s; the overall deadline stops it.
    with SMTPTestServer("plain", faults=Fault.slow(0.2, "connect", drip=True)) as server:
        error, elapsed = fail(Sender(settings_for(server, timeout=2), deadline=1.5))
    assert error.diagnosis.kind == "connection.timeout"
    assert error.stage is Stage.CONNECT
    assert 1.4 <= elapsed < 2.2


def test_ehlo_name_is_the_setting_or_an_address_literal() -> None:
    with SMTPTestServer("plain") as server:
        Sender(settings_for(server)).send(message())
        Sender(settings_for(server, local_hostname="app.example.com")).send(message())
        ehlos = [
            line for line in server.transcript.client_lines() if line.upper().startswith(b"EHLO")
        ]
    assert [line.split(b" ", 1)[1] for line in ehlos] == [b"[127.0.0.1]", b"app.example.com"]


@pytest.mark.parametrize("content", [None, b"not a certificate"])
def test_unusable_ca_file_is_a_settings_problem(tmp_path: Any, content: bytes | None) -> None:
    path = tmp_path / "ca.pem"
    if content is not None:
        path.write_bytes(content)
    resolver = StubResolver()
    sender = Sender(settings_for(security="starttls", ca_file=str(path)), resolver=resolver)
    error, elapsed = fail(sender)
    assert error.diagnosis.kind == "config.ca_file_invalid"
    assert error.stage is Stage.CONFIG
    assert str(path) in (error.diagnosis.detail or "")
    assert resolver.queries == []
    assert elapsed < FAST
