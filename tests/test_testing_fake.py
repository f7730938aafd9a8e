"""FakeSMTP / FakeSMTP_SSL specifics beyond the parity table."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

import pytest

from smtpdiag.testing import FakeMailServer, FakeSMTP, Fault, Script
from smtpdiag.testing._fake import certificate_verify_error

MSG = b"From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n"


def verifying() -> ssl.SSLContext:
    return ssl.create_default_context()


def test_send_message_records_the_parsed_message() -> None:
    server = FakeMailServer()
    msg = EmailMessage()
    msg["From"] = "Alice <a@example.com>"
    msg["To"] = "b@example.com"
    msg["Subject"] = "Quarterly report"
    msg.set_content("Numbers.\n")
    with server.SMTP("smtp.example.com", 587) as smtp:
        smtp.starttls()
        smtp.login("a@example.com", "pw")
        assert smtp.send_message(msg) == {}
    [sent] = server.outbox
    assert sent.subject == "Quarterly report"
    assert sent.message.get_content() == "Numbers.\n"
    assert (sent.host, sent.port, sent.tls, sent.authenticated_as) == (
        "smtp.example.com",
        587,
        True,
        "a@example.com",
    )
    assert server.connections == [("smtp.example.com", 587, False)]
    server.reset()
    assert (server.attempts, len(server.outbox), len(server.transcript)) == (0, 0, 0)


def test_connect_without_host_returns_the_421_banner() -> None:
    server = FakeMailServer(faults=Fault.reject("connect", 421, "4.7.0 Try again later"))
    smtp = server.SMTP()
    assert smtp.connect("smtp.example.com", 25) == (421, b"4.7.0 Try again later")
    with pytest.raises(smtplib.SMTPServerDisconnected):
        smtp.ehlo()


def test_tcp_timeout_with_and_without_a_timeout() -> None:
    server = FakeMailServer(faults=Fault.timeout("tcp"))
    with pytest.raises(TimeoutError) as info:
        server.SMTP("h", 25, timeout=5)
    assert str(info.value) == "timed out"
    with pytest.raises(TimeoutError) as blocking:
        server.SMTP("h", 25)
    assert blocking.value.errno == 110


def test_certificate_errors_only_reach_verifying_clients() -> None:
    server = FakeMailServer(faults=Fault.certificate_error("self_signed"))
    with server.SMTP("h", 587) as smtp:
        assert smtp.starttls()[0] == 220  # smtplib's default context verifies nothing
    smtp = server.SMTP("h", 587)
    with pytest.raises(ssl.SSLCertVerificationError) as info:
        smtp.starttls(context=verifying())
    assert info.value.verify_code == 18
    with pytest.raises(smtplib.SMTPServerDisconnected, match="Server not connected"):
        smtp.noop()
    with pytest.raises(ssl.SSLCertVerificationError):
        server.SMTP_SSL("h", 465, context=verifying())
    server.SMTP_SSL("h", 465).quit()


def test_wrong_host_depends_on_host_name_checking() -> None:
    server = FakeMailServer(faults=Fault.certificate_error("wrong_host"))
    ctx = verifying()
    with pytest.raises(ssl.SSLCertVerificationError) as by_name:
        server.SMTP_SSL("mail.example.org", 465, context=ctx)
    assert by_name.value.verify_code == 62
    ctx.check_hostname = False
    server.SMTP_SSL("mail.example.org", 465, context=ctx).quit()
    assert certificate_verify_error("wrong_host", "::1").verify_code == 64


def test_silent_ssl_port_times_out_in_the_handshake() -> None:
    server = FakeMailServer(faults=Fault.timeout("connect"))
    with pytest.raises(TimeoutError, match="handshake"):
        server.SMTP_SSL("h", 465, timeout=5)


def test_slow_reply_only_fails_when_it_reaches_the_timeout() -> None:
    server = FakeMailServer(faults=Fault.slow(2.0, "mail"))
    with server.SMTP("h", 25, timeout=5) as smtp:
        assert smtp.sendmail("a@example.com", ["b@example.com"], MSG) == {}
    with (
        server.SMTP("h", 25, timeout=1) as smtp,
        pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"),
    ):
        smtp.sendmail("a@example.com", ["b@example.com"], MSG)


def test_refused_connection_then_success() -> None:
    server = FakeMailServer(faults=Script([Fault.refuse_connection()], []))
    with pytest.raises(ConnectionRefusedError):
        server.SMTP("h", 25)
    server.SMTP("h", 25).quit()
    assert server.attempts == 2


def test_auth_login_without_tls_is_visible_in_the_transcript() -> None:
    server = FakeMailServer(starttls=False, mechanisms=["LOGIN"], credentials={"u": "s3cret"})
    with server.SMTP("h", 25) as smtp:
        smtp.login("u", "s3cret")
    assert server.transcript.leaked("s3cret")
    assert "C: AUTH LOGIN" in str(server.transcript)


def test_unbound_class_uses_the_shared_default_server() -> None:
    FakeSMTP.server.reset()
    with FakeSMTP("h", 25) as smtp:
        smtp.sendmail("a@example.com", ["b@example.com"], MSG)
    assert len(FakeSMTP.server.outbox) == 1
    assert smtp.outbox is FakeSMTP.server.outbox
    FakeSMTP.server.reset()


def test_patch_smtplib_refuses_server_plus_options() -> None:
    from smtpdiag.testing import patch_smtplib

    with pytest.raises(TypeError):
        patch_smtplib(FakeMailServer(), require_auth=True)
    with pytest.raises(ValueError, match="mechanisms"):
        FakeMailServer(mechanisms=["NTLM"])
