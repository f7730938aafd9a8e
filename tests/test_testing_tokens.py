"""FakeTokenProvider and the Entra ID failures: an expired Microsoft 365 secret, end to end."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

import smtpdiag
from smtpdiag import Sender, SendError, SettingsModel, Stage
from smtpdiag.testing import IDENTITY_FAILURES, FakeTokenProvider, IdentityFailure, SMTPTestServer

USER = "app@example.com"


def message() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = USER
    msg["To"] = "bob@example.com"
    msg["Subject"] = "Report"
    msg.set_content("Hello Bob.\n")
    return msg


def settings(server: SMTPTestServer) -> SettingsModel:
    return SettingsModel(
        host="localhost",
        port=server.port,
        security=server.mode,
        from_address=USER,
        auth="oauth",
        timeout=5,
    )


@pytest.mark.parametrize("failure", list(IDENTITY_FAILURES.values()), ids=list(IDENTITY_FAILURES))
def test_identity_failures_classify_as_documented(failure: IdentityFailure) -> None:
    item = IDENTITY_FAILURES[failure.name]
    assert item is failure
    diagnosis = smtpdiag.classify(item.as_dict(), stage=Stage.OAUTH_TOKEN)
    assert diagnosis.kind == item.kind
    assert item.source.startswith("https://github.com/")
    assert item.as_dict() is not item.as_dict()


def test_fake_token_provider_hands_out_the_token_over_xoauth2() -> None:
    provider = FakeTokenProvider("tok-123")
    with SMTPTestServer("starttls", tokens={USER: "tok-123"}) as server:
        sender = Sender(
            settings(server), token_provider=provider, ssl_context=server.client_context
        )
        assert sender.send(message()).ok
    assert provider.calls == 1
    assert server.messages[0].authenticated_as == USER
    assert not server.transcript.leaked("tok-123")
    assert "calls=1" in repr(provider)


def test_expired_secret_fails_before_any_smtp_connection() -> None:
    provider = FakeTokenProvider(failure=IDENTITY_FAILURES["expired_secret"])
    with SMTPTestServer("starttls") as server:
        sender = Sender(
            settings(server), token_provider=provider, ssl_context=server.client_context
        )
        with pytest.raises(SendError) as info:
            sender.send(message())
        assert server.attempts == 0
    assert info.value.stage is Stage.OAUTH_TOKEN
    assert info.value.diagnosis.kind == "auth.oauth_secret_expired"


def test_fake_token_provider_raises_a_given_exception() -> None:
    provider = FakeTokenProvider(failure=TimeoutError("timed out"))
    with pytest.raises(TimeoutError):
        provider.get_token(None)
    raw = FakeTokenProvider(failure=dict(IDENTITY_FAILURES["invalid_secret"].result))
    with pytest.raises(SendError) as info:
        raw.get_token(None)
    assert info.value.diagnosis.kind == "auth.oauth_secret_invalid"
