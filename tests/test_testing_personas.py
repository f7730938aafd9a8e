"""Provider personas: each reply, raised by smtplib, classifies as the kind it promises."""

from __future__ import annotations

import smtplib
import ssl

import pytest

import smtpdiag
from smtpdiag import Stage
from smtpdiag.testing import PERSONAS, FakeMailServer, Persona, SMTPTestServer

STAGES = {
    "connect": Stage.CONNECT,
    "ehlo": Stage.EHLO,
    "starttls": Stage.TLS,
    "auth": Stage.AUTH,
    "mail": Stage.MAIL,
    "rcpt": Stage.RCPT,
    "data": Stage.DATA,
    "message": Stage.DATA,
    "quit": Stage.QUIT,
}
MSG = b"From: app@example.com\r\nTo: kijitora@example.org\r\nSubject: hi\r\n\r\nhi\r\n"


def run(smtp_cls: type[smtplib.SMTP], host: str, port: int, ctx: ssl.SSLContext) -> Exception:
    with smtp_cls(host, port, local_hostname="client.test", timeout=5) as smtp:
        smtp.starttls(context=ctx)
        smtp.login("app@example.com", "secret")
        try:
            smtp.sendmail("app@example.com", ["kijitora@example.org"], MSG)
        except smtplib.SMTPException as exc:
            return exc
    raise AssertionError("the persona did not fail the send")


def failure(persona: Persona, smtp_cls: type[smtplib.SMTP], server: object) -> Exception:
    host, port = getattr(server, "host", "smtp.example.com"), getattr(server, "port", 587)
    ctx = ssl._create_unverified_context()
    try:
        return run(smtp_cls, host, port, ctx)
    except smtplib.SMTPException as exc:  # AUTH personas fail in login()
        return exc


@pytest.mark.parametrize("persona", list(PERSONAS.values()), ids=list(PERSONAS))
def test_persona_classifies_as_documented(persona: Persona) -> None:
    fake = FakeMailServer(faults=persona)
    exc = failure(persona, fake.SMTP, fake)
    assert persona.fault.stage is not None
    diagnosis = smtpdiag.classify(exc, stage=STAGES[persona.fault.stage])
    assert diagnosis.kind == persona.kind, (persona.name, exc, diagnosis.kind)


@pytest.mark.parametrize("persona", list(PERSONAS.values()), ids=list(PERSONAS))
def test_real_server_raises_the_same(persona: Persona) -> None:
    fake = FakeMailServer(faults=persona)
    expected = failure(persona, fake.SMTP, fake)
    with SMTPTestServer("starttls", faults=persona) as server:
        got = failure(persona, smtplib.SMTP, server)
    assert type(got) is type(expected)
    assert got.args == expected.args
    assert getattr(got, "smtp_error", None) == persona.text.encode() or isinstance(
        got, smtplib.SMTPRecipientsRefused
    )


def test_personas_are_documented() -> None:
    assert len(PERSONAS) >= 12
    providers = {p.provider for p in PERSONAS.values()}
    assert {"Microsoft 365", "Gmail", "Amazon SES", "Yahoo", "Postfix"} <= providers
    for name, persona in PERSONAS.items():
        assert name == persona.name
        assert persona.source.startswith("https://")
        assert persona.situation.endswith(".")
        assert persona.kind in smtpdiag.CATALOGUE
        assert 400 <= persona.code <= 599
        assert persona.faults_for(0) == (persona.fault,)
