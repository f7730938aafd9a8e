"""Table tests for smtpdiag.classify: one row per real reply or failure, with its source."""

from __future__ import annotations

import email.errors
import pickle
import smtplib
import socket
import ssl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpdiag import CATALOGUE, Category, Diagnosis, SettingsModel, Stage, classify

# (failure, stage, expected kind, source of the text)
REPLIES: list[tuple[object, str | None, str, str]] = [
    # --- Microsoft 365 / Exchange Online / Outlook.com
    (
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
        "Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. "
        "[MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]",
        None,
        "auth.smtp_auth_disabled",
        "https://github.com/simonrob/email-oauth2-proxy/issues/193",
    ),
    (
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. "
        "[BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]",
        None,
        "auth.basic_auth_disabled",
        "https://github.com/rpremraj/mailR/issues/107",
    ),
    (
        "5.7.3 Authentication unsuccessful [DB6P18901CA0015.EURP189.PROD.OUTLOOK.COM]",
        "auth",
        "auth.invalid_credentials",
        "https://github.com/mageplaza/magento-2-smtp/issues/108",
    ),
    (
        "550 5.7.60 SMTP; Client does not have permissions to send as this sender "
        "[MW2PR1901MB2155.namprd19.prod.outlook.com]",
        None,
        "sender.send_as_denied",
        "https://github.com/swiftmailer/swiftmailer/issues/1030",
    ),
    (
        "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied;"
        " Failed to process message due to a permanent exception with message Cannot submit "
        "message.",
        "data",
        "sender.send_as_denied",
        "https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/1187",
    ),
    (
        "The SMTP server requires a secure connection or the client was not authenticated. The "
        "server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 "
        "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
        None,
        "auth.smtp_auth_disabled",
        "https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/3124",
    ),
    # --- Gmail
    (
        "SMTPAuthenticationError: (534, b'5.7.9 Application-specific password required. Learn "
        "more at\\n5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor "
        "n18sm8811765wru.2 - gsmtp')",
        None,
        "auth.app_password_required",
        "https://github.com/iiuni/projektzapisy/issues/727",
    ),
    (
        "535-5.7.8 Username and Password not accepted",
        "auth",
        "auth.invalid_credentials",
        "https://github.com/PHPMailer/PHPMailer/issues/1708",
    ),
    # --- Amazon SES
    (
        "554 Message rejected: Email address is not verified. The following identities failed "
        "the check in region US-WEST-2: email",
        None,
        "sender.not_verified",
        "https://github.com/sul-dlss/dlme/issues/813",
    ),
    # --- Postfix
    (
        "SMTP; 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local "
        "recipient table",
        None,
        "recipient.unknown",
        "postfix/postfix: src/smtpd/smtpd_check.c",
    ),
    (
        "554 5.7.1 <kijitora@example.com>: Relay access denied",
        "rcpt",
        "policy.relay_denied",
        "sisimai corpus (tests/data/sisimai-diagnostics.jsonl)",
    ),
]


@pytest.mark.parametrize(("failure", "stage", "kind", "source"), REPLIES)
def test_real_replies(failure: object, stage: str | None, kind: str, source: str) -> None:
    diagnosis = classify(failure, stage=stage)
    assert diagnosis.kind == kind, source


# Exceptions as smtplib, ssl and socket raise them (measured: /work/shared/notes).
EXCEPTIONS: list[tuple[BaseException, str]] = [
    (
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed: timed out"),
        "connection.timeout",
    ),
    (socket.gaierror(-2, "Name or service not known"), "connection.host_not_found"),
    (socket.gaierror(-3, "Temporary failure in name resolution"), "connection.dns_failure"),
    (ConnectionRefusedError(111, "Connection refused"), "connection.refused"),
    (TimeoutError("timed out"), "connection.timeout"),
    (OSError(101, "Network is unreachable"), "connection.unreachable"),
    (ConnectionResetError(104, "Connection reset by peer"), "connection.closed"),
    (
        smtplib.SMTPNotSupportedError("STARTTLS extension not supported by server."),
        "tls.starttls_unavailable",
    ),
    (
        smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server."),
        "auth.not_offered",
    ),
    (
        smtplib.SMTPException("No suitable authentication method found."),
        "auth.mechanism_unavailable",
    ),
    (
        smtplib.SMTPRecipientsRefused({"bob@relay.example": (554, b"5.7.1 Relay access denied")}),
        "policy.relay_denied",
    ),
    (smtplib.SMTPRecipientsRefused({}), "recipient.none"),
    (
        smtplib.SMTPSenderRefused(530, b"5.7.0 Must issue a STARTTLS command first", "a@x.com"),
        "policy.encryption_required",
    ),
    (
        smtplib.SMTPSenderRefused(530, b"5.7.0 Authentication required", "alice@example.com"),
        "policy.authentication_required",
    ),
    (smtplib.SMTPConnectError(421, b"4.7.0 Try again later"), "connection.greeting_refused"),
    (smtplib.SMTPDataError(552, b"5.3.4 Message size exceeds fixed limit"), "message.too_large"),
    (smtplib.SMTPDataError(554, b"5.7.1 rejected as spam"), "policy.spam_rejected"),
    (
        smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication credentials invalid"),
        "auth.invalid_credentials",
    ),
    (
        smtplib.SMTPAuthenticationError(
            538, b"5.7.11 Encryption required for requested authentication mechanism"
        ),
        "policy.encryption_required",
    ),
    (
        ValueError("Unable to get authority configuration for https://x"),
        "auth.oauth_tenant_not_found",
    ),
    (
        ValueError("command and arguments contain prohibited newline characters: mail FROM"),
        "message.header_injection",
    ),
    (
        email.errors.HeaderParseError("header value appears to contain an embedded header: x"),
        "message.header_injection",
    ),
    (
        ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)"),
        "tls.port_expects_plaintext",
    ),
]


@pytest.mark.parametrize(("exc", "kind"), EXCEPTIONS)
def test_exceptions(exc: BaseException, kind: str) -> None:
    assert classify(exc).kind == kind


def test_every_kind_is_in_the_catalogue() -> None:
    for _failure, _stage, kind, _source in REPLIES:
        assert kind in CATALOGUE


def test_settings_make_remedies_concrete() -> None:
    settings = SettingsModel(host="smtp.example.com", port=465, security="tls")
    diagnosis = classify(
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed: timed out"),
        settings=settings,
    )
    assert diagnosis.kind == "tls.port_expects_ssl"
    assert "port 465" in diagnosis.remedies[0].text


@given(st.one_of(st.text(), st.binary(), st.tuples(st.integers(), st.binary())))
def test_total(value: object) -> None:
    diagnosis = classify(value)
    assert isinstance(diagnosis, Diagnosis)
    assert isinstance(diagnosis.category, Category)
    assert pickle.loads(pickle.dumps(diagnosis)) == diagnosis


def test_stage_accepts_values() -> None:
    assert classify("550 5.1.1 User unknown", stage=Stage.RCPT).stage is Stage.RCPT
    assert classify("550 5.1.1 User unknown", stage="rcpt").stage is Stage.RCPT
