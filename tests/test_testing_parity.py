"""The fakes raise exactly what real smtplib raises against SMTPTestServer for the same fault.

Each scenario runs twice with the same faults and options: once with real ``smtplib`` against a
real loopback server, once with the fake classes. The outcome (return value, or exception class,
args and SMTP attributes), the commands the client sent and the accepted messages must match.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from smtpdiag.testing import FakeMailServer, Fault, Script, SMTPTestServer
from smtpdiag.testing._faults import FaultSpec

MSG = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: parity\r\n\r\nbody\r\n.dot\r\n"
FROM = "a@example.com"
TIMEOUT = 0.3


@dataclass(frozen=True)
class Env:
    smtp: type[smtplib.SMTP]
    smtp_ssl: type[smtplib.SMTP_SSL]
    host: str
    port: int
    context: ssl.SSLContext

    def plain(self) -> smtplib.SMTP:
        return self.smtp(self.host, self.port, local_hostname="localhost", timeout=TIMEOUT)

    def secure(self) -> smtplib.SMTP_SSL:
        return self.smtp_ssl(
            self.host, self.port, local_hostname="localhost", timeout=TIMEOUT, context=self.context
        )


Action = Callable[[Env], Any]


def send(rcpts: list[str]) -> Action:
    def action(env: Env) -> Any:
        with env.plain() as smtp:
            return smtp.sendmail(FROM, rcpts, MSG)

    return action


def tls_login_send(user: str, password: str) -> Action:
    def action(env: Env) -> Any:
        with env.plain() as smtp:
            smtp.starttls(context=env.context)
            smtp.login(user, password)
            return smtp.sendmail(FROM, ["b@example.com"], MSG)

    return action


def ssl_login_send(user: str, password: str) -> Action:
    def action(env: Env) -> Any:
        with env.secure() as smtp:
            smtp.login(user, password)
            return smtp.sendmail(FROM, ["b@example.com"], MSG)

    return action


def plain_login(env: Env) -> Any:
    with env.plain() as smtp:
        return smtp.login("u", "p")


def starttls_only(env: Env) -> Any:
    with env.plain() as smtp:
        return smtp.starttls(context=env.context)


def xoauth2(env: Env) -> Any:
    seen: list[bytes | None] = []

    def authobject(challenge: bytes | None = None) -> str:
        seen.append(challenge)
        return "user=u@example.com\1auth=Bearer tok\1\1"

    with env.secure() as smtp:
        smtp.ehlo()
        try:
            return smtp.auth("XOAUTH2", authobject)
        finally:
            env_seen.append(seen)


env_seen: list[list[bytes | None]] = []


def retry_send(env: Env) -> Any:
    results = []
    for _ in range(2):
        try:
            with env.plain() as smtp:
                results.append(smtp.sendmail(FROM, ["b@example.com"], MSG))
        except smtplib.SMTPException as exc:
            results.append(describe(exc))
    return results


@dataclass(frozen=True)
class Case:
    name: str
    action: Action
    mode: str = "plain"
    faults: FaultSpec = None
    options: dict[str, Any] = field(default_factory=dict)
    # False where the real server records raw TLS handshake bytes the fake never sees.
    same_transcript: bool = True


M365_535 = (
    "5.7.139 Authentication unsuccessful, basic authentication is disabled. "
    "[BN9PR03CA0123.namprd03.prod.outlook.com]"
)
UNKNOWN = Fault.reject("rcpt", 550, "5.1.1 User unknown", match="bad@*")

CASES = [
    Case("ok", send(["b@example.com", "c@example.com"])),
    Case("partial refusal", send(["ok@example.com", "bad@example.com"]), faults=UNKNOWN),
    Case("all refused", send(["bad@example.com", "bad@other.example"]), faults=UNKNOWN),
    Case(
        "relay denied",
        send(["x@relay.example"]),
        faults=Fault.reject("rcpt", 554, "5.7.1 <x@relay.example>: Relay access denied"),
    ),
    Case(
        "sender refused",
        send(["b@example.com"]),
        faults=Fault.reject("mail", 553, "5.7.1 Sender address rejected: not owned by user"),
    ),
    Case(
        "421 at mail",
        send(["b@example.com"]),
        faults=Fault.reject("mail", 421, "4.7.0 Too many connections"),
    ),
    Case("DATA refused", send(["b@example.com"]), faults=Fault.reject("data", 554, "5.5.1 No")),
    Case(
        "message refused, multi-line",
        send(["b@example.com"]),
        faults=Fault.reject("message", 552, "5.3.4 Message size exceeds fixed limit\nsecond"),
    ),
    Case(
        "greeting 421",
        send(["b@example.com"]),
        faults=Fault.reject("connect", 421, "4.7.0 Try again later"),
    ),
    Case("silent listener", send(["b@example.com"]), faults=Fault.timeout("connect")),
    Case("no reply after EHLO", send(["b@example.com"]), faults=Fault.timeout("ehlo")),
    Case("drop at connect", send(["b@example.com"]), faults=Fault.drop("connect")),
    Case("drop at MAIL", send(["b@example.com"]), faults=Fault.drop("mail")),
    Case("drop after the body", send(["b@example.com"]), faults=Fault.drop("message")),
    Case("silence after the body", send(["b@example.com"]), faults=Fault.timeout("message")),
    Case("slow greeting", send(["b@example.com"]), faults=Fault.slow(TIMEOUT * 2, "connect")),
    Case(
        "slow MAIL under the timeout",
        send(["b@example.com"]),
        faults=Fault.slow(0.01, "mail"),
    ),
    Case("refused", send(["b@example.com"]), faults=Fault.refuse_connection()),
    Case(
        "STARTTLS + login ok",
        tls_login_send("alice", "s3cret"),
        mode="starttls",
        options={"credentials": {"alice": "s3cret"}},
    ),
    Case(
        "wrong password",
        tls_login_send("alice", "wrong"),
        mode="starttls",
        options={"credentials": {"alice": "s3cret"}},
    ),
    Case(
        "M365 basic auth disabled",
        tls_login_send("alice", "s3cret"),
        mode="starttls",
        faults=Fault.auth_fail(535, M365_535),
    ),
    Case("login before TLS", plain_login, mode="starttls"),
    Case("STARTTLS not offered", starttls_only, mode="starttls", faults=Fault.no_starttls()),
    Case("STARTTLS refused", starttls_only, mode="starttls", faults=Fault.starttls_refused()),
    Case(
        "require STARTTLS",
        send(["b@example.com"]),
        mode="starttls",
        options={"require_starttls": True},
    ),
    Case("implicit TLS ok", ssl_login_send("u", "p"), mode="ssl"),
    Case(
        "auth required",
        ssl_login_send("u", "p"),
        mode="ssl",
        options={"credentials": {"v": "p"}},
    ),
    Case(
        "XOAUTH2 error challenge",
        xoauth2,
        mode="ssl",
        faults=Fault.auth_fail(
            535, "5.7.8 Username and Password not accepted", challenge='{"status":"400"}'
        ),
    ),
    Case("XOAUTH2 bad token", xoauth2, mode="ssl", options={"tokens": {"u@example.com": "x"}}),
    # The server's port speaks the other mode than the one it was set up (and the client) for.
    Case(
        "TLS client on a plain port",
        ssl_login_send("u", "p"),
        mode="ssl",
        faults=Fault.tls_mismatch(),
        same_transcript=False,
    ),
    Case("plain client on a TLS port", send(["b@example.com"]), faults=Fault.tls_mismatch()),
    Case(
        "retry after 451",
        retry_send,
        faults=Script([Fault.reject("mail", 451, "4.3.0 Try again later")], []),
    ),
    Case("retry after a drop", retry_send, faults=Fault.drop("rcpt", times=1)),
    *[
        Case(f"certificate {kind} via STARTTLS", starttls_only, "starttls", cert)
        for kind in ("self_signed", "untrusted", "expired", "wrong_host")
        for cert in [Fault.certificate_error(kind)]
    ],
    *[
        Case(f"certificate {kind} via SMTP_SSL", ssl_login_send("u", "p"), "ssl", cert)
        for kind in ("self_signed", "expired", "wrong_host")
        for cert in [Fault.certificate_error(kind)]
    ],
]


def describe(exc: BaseException) -> tuple[Any, ...]:
    """Everything about an exception that an application or the classifier could look at."""
    if isinstance(exc, ssl.SSLError):
        return (
            type(exc),
            exc.reason,
            getattr(exc, "verify_code", None),
            getattr(exc, "verify_message", None),
        )
    return (
        type(exc),
        exc.args,
        str(exc),
        getattr(exc, "smtp_code", None),
        getattr(exc, "smtp_error", None),
        getattr(exc, "recipients", None),
        getattr(exc, "sender", None),
        getattr(exc, "errno", None),
    )


def outcome(action: Action, env: Env) -> tuple[Any, ...]:
    try:
        return ("returned", action(env))
    except Exception as exc:
        return ("raised", describe(exc))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fake_matches_real_smtplib(case: Case) -> None:
    env_seen.clear()
    server = SMTPTestServer(case.mode, faults=case.faults, **case.options)  # type: ignore[arg-type]
    with server:
        real_env = Env(
            smtplib.SMTP, smtplib.SMTP_SSL, server.host, server.port, server.client_context
        )
        real = outcome(case.action, real_env)
    fake = FakeMailServer(faults=case.faults, starttls=case.mode == "starttls", **case.options)
    fake_env = Env(fake.SMTP, fake.SMTP_SSL, server.host, server.port, server.client_context)
    got = outcome(case.action, fake_env)
    assert got == real
    if case.same_transcript:
        assert fake.transcript.client_lines() == server.transcript.client_lines()
    assert [(m.envelope_from, m.recipients, m.content) for m in fake.outbox] == [
        (m.envelope_from, m.recipients, m.content) for m in server.messages
    ]
    if env_seen:
        real_seen, fake_seen = env_seen[0], env_seen[-1]
        assert fake_seen == real_seen
