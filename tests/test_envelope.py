"""The envelope and the message as sent, built from settings and a message (no I/O)."""

from __future__ import annotations

import email
from email.message import EmailMessage

from smtpdiag import SettingsModel
from smtpdiag._envelope import build_envelope


def settings(**values: object) -> SettingsModel:
    return SettingsModel(host="smtp.example.com", from_address="app@example.com", **values)  # type: ignore[arg-type]


def test_settings_fill_in_and_bcc_stays_out_of_the_headers() -> None:
    msg = EmailMessage()
    msg["To"] = "Bob <bob@example.com>, carol@example.com"
    msg["Cc"] = "bob@example.com"
    msg["Bcc"] = "hidden@example.com"
    msg.set_content("hi")
    env = build_envelope(
        settings(from_name="The App", cc="boss@example.com", bcc="audit@example.com"), msg
    )
    assert env.sender == "app@example.com"
    assert env.recipients == (
        "bob@example.com",
        "carol@example.com",
        "boss@example.com",
        "hidden@example.com",
        "audit@example.com",
    )
    sent = email.message_from_bytes(env.body)
    assert sent["From"] == "The App <app@example.com>"
    assert sent["Cc"] == "bob@example.com, boss@example.com"
    assert sent["Bcc"] is None
    assert b"hidden@example.com" not in env.body
    assert b"audit@example.com" not in env.body
    assert env.body.endswith(b"\r\n")
    assert not env.international


def test_message_from_is_kept_and_envelope_sender_falls_back_to_it() -> None:
    msg = EmailMessage()
    msg["From"] = "Sales <sales@example.com>"
    msg["To"] = "bob@example.com"
    env = build_envelope(SettingsModel(host="smtp.example.com"), msg)
    assert env.sender == "sales@example.com"
    assert email.message_from_bytes(env.body)["From"] == "Sales <sales@example.com>"


def test_international_addresses_get_an_a_label_form_when_possible() -> None:
    msg = EmailMessage()
    msg["To"] = "bob@bücher.example, josé@example.com"
    env = build_envelope(settings(), msg)
    assert env.international
    assert env.ascii is None  # josé's local part has no ASCII form
    msg.replace_header("To", "bob@bücher.example")
    env = build_envelope(settings(), msg)
    assert env.ascii is not None
    assert env.ascii.recipients == ("bob@xn--bcher-kva.example",)
    assert not env.ascii.international
    assert env.ascii.body.isascii()
