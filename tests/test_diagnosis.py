"""Diagnosis values and the catalogue they are built from."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

from smtpdiag import (
    CATALOGUE,
    Audience,
    Category,
    Diagnosis,
    Remedy,
    Reply,
    Severity,
    Stage,
    make_diagnosis,
)


def sample() -> Diagnosis:
    return make_diagnosis(
        "auth.invalid_credentials",
        detail="The server rejected alerts@contoso.com",
        source="file smtp.toml",
        reply=Reply(535, "5.7.3", "535 5.7.3 Authentication unsuccessful"),
        stage=Stage.AUTH,
        provider="Microsoft 365",
        remedies=[Remedy("Re-enter the password you use for Outlook.")],
    )


def test_make_diagnosis_fills_from_the_catalogue() -> None:
    diagnosis = sample()
    entry = CATALOGUE["auth.invalid_credentials"]
    assert diagnosis.category is Category.AUTH
    assert diagnosis.title == entry.title == "Error logging into server"
    assert diagnosis.causes == entry.causes
    assert diagnosis.fields == ("username", "password")
    assert diagnosis.remedies[0].text == "Re-enter the password you use for Outlook."
    assert diagnosis.remedies[1:] == entry.remedies


def test_make_diagnosis_overrides_and_unknown_kind() -> None:
    diagnosis = make_diagnosis(
        "connection.failed", fields=["host"], severity=Severity.WARNING, retryable=False
    )
    assert (diagnosis.fields, diagnosis.severity, diagnosis.retryable) == (
        ("host",),
        Severity.WARNING,
        False,
    )
    with pytest.raises(KeyError):
        make_diagnosis("no.such_kind")


def test_to_dict_is_json_safe_and_round_trips() -> None:
    diagnosis = sample()
    data = json.loads(json.dumps(diagnosis.to_dict()))
    assert data["kind"] == "auth.invalid_credentials"
    assert data["category"] == "auth"
    assert data["stage"] == "auth"
    assert data["reply"] == {
        "code": 535,
        "enhanced": "5.7.3",
        "text": "535 5.7.3 Authentication unsuccessful",
    }
    assert data["remedies"][0] == {
        "text": "Re-enter the password you use for Outlook.",
        "audience": "user",
    }
    assert Diagnosis.from_dict(data) == diagnosis


def test_diagnosis_is_frozen_slotted_and_pickles() -> None:
    diagnosis = sample()
    with pytest.raises(AttributeError):
        diagnosis.kind = "x"  # type: ignore[misc]
    assert not hasattr(diagnosis, "__dict__")
    assert pickle.loads(pickle.dumps(diagnosis)) == diagnosis
    assert diagnosis.with_changes(stage=Stage.MAIL).stage is Stage.MAIL


def test_str_is_a_short_paragraph() -> None:
    text = str(sample())
    assert text.startswith("[error] auth.invalid_credentials (field username, password; ")
    assert "Error logging into server." in text
    assert "535 5.7.3 Authentication unsuccessful" in text
    assert "\n" not in text


def test_render_has_the_help_page_structure() -> None:
    text = sample().render()
    for heading in ("What this means", "Common causes", "What to do", "Server reply (exact)"):
        assert heading in text
    assert "Ask your IT team:" in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_reply_classes() -> None:
    assert Reply(421, None, "421 busy").is_transient
    assert Reply(550, "5.1.1", "550 5.1.1 unknown").is_permanent
    assert not Reply(None, None, "").is_transient


# -- the catalogue ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", sorted(CATALOGUE))
def test_every_entry_is_complete(kind: str) -> None:
    entry = CATALOGUE[kind]
    assert entry.kind == kind
    assert entry.category.value == kind.split(".")[0]
    assert len(kind.split(".")) == 2
    assert entry.title
    assert entry.title[0].isupper()
    assert entry.meaning.endswith(".")
    assert entry.causes
    assert entry.remedies
    for sentence in (*entry.causes, *(r.text for r in entry.remedies)):
        assert not sentence[0].islower() and sentence.endswith((".", ")")), sentence
    assert all(isinstance(r.audience, Audience) for r in entry.remedies)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Error connecting or logging into the SMTP server", "connection.failed"),
        ("Error logging into server", "auth.invalid_credentials"),
        ("Blank FROM address", "sender.from_missing"),
        ("Invalid FROM address", "sender.from_invalid"),
        ("Invalid TO / CC / BCC address", "recipient.address_invalid"),
    ],
)
def test_the_help_page_titles_are_kept(title: str, kind: str) -> None:
    assert CATALOGUE[kind].title == title


def test_security_requirements_kind() -> None:
    assert "security requirements" in CATALOGUE["policy.encryption_required"].title


def test_the_fast_constructors_build_equal_values() -> None:
    from smtpdiag._diagnosis import _new_diagnosis, _new_reply

    reply = _new_reply(550, "5.1.1", "550 5.1.1 User unknown")
    assert reply == Reply(550, "5.1.1", "550 5.1.1 User unknown")
    assert hash(reply) == hash(Reply(550, "5.1.1", "550 5.1.1 User unknown"))
    values = (
        "recipient.unknown",
        Category.RECIPIENT,
        Severity.ERROR,
        "title",
        "meaning",
        ("cause",),
        (Remedy("do it"),),
        ("to",),
        "env",
        False,
        reply,
        Stage.RCPT,
        "Gmail",
        "detail",
    )
    fast, slow = _new_diagnosis(*values), Diagnosis(*values)
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.kind = "x"  # type: ignore[misc]


@pytest.mark.parametrize("kind", sorted(CATALOGUE))
def test_the_classifier_fast_builder_agrees_with_make_diagnosis(kind: str) -> None:
    from smtpdiag._catalogue import _reply_diagnosis

    for reply in (None, Reply(550, "5.1.1", "550 5.1.1 no"), Reply(451, "4.7.0", "451 later")):
        fast = _reply_diagnosis(kind, reply, Stage.RCPT, "Gmail", "detail")
        transient = reply is not None and reply.is_transient
        slow = make_diagnosis(
            kind,
            reply=reply,
            stage=Stage.RCPT,
            provider="Gmail",
            detail="detail",
            retryable=True if transient else None,
        )
        assert fast == slow
