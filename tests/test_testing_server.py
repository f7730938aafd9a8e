"""SMTPTestServer: a real aiosmtpd server on loopback, driven by real smtplib clients."""

from __future__ import annotations

import base64
import json
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Iterator

import pytest

from smtpdiag.testing import Fault, Script, SMTPTestServer

MSG = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\n\r\nbody\r\n.dot line\r\n"
FROM = "a@example.com"
TO = ["b@example.com"]


def client(server: SMTPTestServer, timeout: float = 5.0) -> smtplib.SMTP:
    if server.mode == "ssl":
        return smtplib.SMTP_SSL(
            server.host,
            server.port,
            local_hostname="client.test",
            timeout=timeout,
            context=server.client_context,
        )
    return smtplib.SMTP(server.host, server.port, local_hostname="client.test", timeout=timeout)


@pytest.fixture
def no_thread_leak() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert leaked == []


@pytest.mark.usefixtures("no_thread_leak")
def test_plain_send_records_message_and_transcript() -> None:
    started = time.monotonic()
    with SMTPTestServer() as server:
        assert time.monotonic() - started < 1.0
        assert server.host == "127.0.0.1"
        assert server.port > 0
        with client(server) as smtp:
            assert smtp.sendmail(FROM, TO, MSG) == {}
        [message] = server.messages
        assert message.envelope_from == FROM
        assert message.recipients == ("b@example.com",)
        assert message.content == MSG
        assert message.subject == "hi"
        assert message.tls is False
        assert server.transcript.commands()[:3] == ("EHLO", "MAIL", "RCPT")
        assert all(not line.tls for line in server.transcript)
        port = server.port
    # The port is released: nothing listens there any more.
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


@pytest.mark.usefixtures("no_thread_leak")
def test_starttls_login_happens_inside_tls_only() -> None:
    with SMTPTestServer("starttls", credentials={"alice": "s3cret"}) as server:
        with client(server) as smtp:
            smtp.ehlo()
            assert smtp.has_extn("starttls")
            assert not smtp.has_extn("auth")  # AUTH is offered only after TLS
            with pytest.raises(smtplib.SMTPNotSupportedError):
                smtp.login("alice", "s3cret")
            smtp.starttls(context=server.client_context)
            smtp.ehlo()
            assert smtp.has_extn("auth")
            smtp.login("alice", "s3cret")
            smtp.sendmail(FROM, TO, MSG)
        assert server.messages[0].tls is True
        assert server.messages[0].authenticated_as == "alice"
        assert not server.transcript.leaked("s3cret")
        assert server.transcript.leaked("client.test")  # EHLO went in clear, for contrast
        auth_lines = [ln for ln in server.transcript if ln.data.startswith(b"AUTH")]
        assert auth_lines
        assert all(ln.tls for ln in auth_lines)


def test_plaintext_auth_is_visible_in_the_transcript() -> None:
    with SMTPTestServer(auth_after_tls=False) as server, client(server) as smtp:
        smtp.login("alice", "s3cret")
        assert server.transcript.leaked("s3cret")


def test_forced_auth_before_tls_gets_538() -> None:
    with SMTPTestServer("starttls") as server, client(server) as smtp:
        smtp.ehlo()
        with pytest.raises(smtplib.SMTPAuthenticationError) as info:
            smtp.auth("PLAIN", lambda challenge=None: "\0alice\0pw")
        assert info.value.smtp_code == 538


@pytest.mark.usefixtures("no_thread_leak")
def test_implicit_tls_mode() -> None:
    with SMTPTestServer("ssl", credentials={"u": "p"}) as server:
        with client(server) as smtp:
            smtp.login("u", "p")
            smtp.sendmail(FROM, TO, MSG)
        assert server.messages[0].tls
        assert all(line.tls for line in server.transcript)


def test_wrong_password_is_535() -> None:
    with SMTPTestServer("ssl", credentials={"u": "p"}) as server, client(server) as smtp:
        with pytest.raises(smtplib.SMTPAuthenticationError) as info:
            smtp.login("u", "wrong")
        assert info.value.smtp_code == 535
        assert info.value.smtp_error == b"5.7.8 Authentication credentials invalid"
        # smtplib tries PLAIN, then LOGIN.
        assert [ln.data.split()[1] for ln in server.transcript if ln.data.startswith(b"AUTH")] == [
            b"PLAIN",
            b"LOGIN",
        ]


def test_login_mechanism_only() -> None:
    server = SMTPTestServer("ssl", credentials={"u": "p"}, mechanisms=["LOGIN"])
    with server, client(server) as smtp:
        smtp.login("u", "p")
        assert smtp.esmtp_features["auth"].strip() == "LOGIN"


def _connect_and_starttls(server: SMTPTestServer) -> None:
    smtp = client(server)
    try:
        smtp.starttls(context=server.client_context)
    finally:
        smtp.close()


def _xoauth2(user: str, token: str) -> str:
    return f"user={user}\1auth=Bearer {token}\1\1"


def test_xoauth2_accepts_configured_token_and_refuses_others() -> None:
    with SMTPTestServer("ssl", tokens={"u@example.com": "tok"}) as server:
        with client(server) as smtp:
            smtp.ehlo()
            code, _ = smtp.auth("XOAUTH2", lambda c=None: _xoauth2("u@example.com", "tok"))
            assert code == 235
        with client(server) as smtp:
            smtp.ehlo()
            with pytest.raises(smtplib.SMTPAuthenticationError) as info:
                smtp.auth("XOAUTH2", lambda c=None: _xoauth2("u@example.com", "bad"))
        assert info.value.smtp_code == 535


def test_xoauth2_error_challenge_reaches_the_authobject() -> None:
    detail = '{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}'
    fault = Fault.auth_fail(535, "5.7.3 Authentication unsuccessful", challenge=detail)
    seen: list[bytes | None] = []

    def authobject(challenge: bytes | None = None) -> str:
        seen.append(challenge)
        return _xoauth2("u@example.com", "tok")

    with SMTPTestServer("ssl", faults=fault) as server, client(server) as smtp:
        smtp.ehlo()
        with pytest.raises(smtplib.SMTPAuthenticationError) as info:
            smtp.auth("XOAUTH2", authobject)
        assert info.value.smtp_code == 535
        assert info.value.smtp_error == b"5.7.3 Authentication unsuccessful"
        assert seen == [None, detail.encode()]
        assert base64.b64encode(detail.encode()) in b"".join(
            ln.data for ln in server.transcript if ln.direction == "server"
        )
        json.loads(detail)  # the fixture itself is valid JSON


@pytest.mark.parametrize(
    ("variant", "code"),
    [("self_signed", 18), ("untrusted", 20), ("expired", 10), ("wrong_host", 64)],
)
@pytest.mark.parametrize("mode", ["ssl", "starttls"])
def test_certificate_variants_give_openssl_verify_codes(variant: str, code: int, mode: str) -> None:
    with SMTPTestServer(mode, certificate=variant) as server:  # type: ignore[arg-type]
        with pytest.raises(ssl.SSLCertVerificationError) as info:
            _connect_and_starttls(server)
        assert info.value.verify_code == code


def test_wrong_host_by_name_is_62() -> None:
    with SMTPTestServer("ssl", faults=Fault.certificate_error("wrong_host")) as server:
        ctx = server.client_context
        with pytest.raises(ssl.SSLCertVerificationError) as info:
            smtplib.SMTP_SSL("localhost", server.port, timeout=5, context=ctx).close()
        assert info.value.verify_code == 62


def test_valid_certificate_by_name_and_ca_file() -> None:
    with SMTPTestServer("ssl") as server:
        ctx = ssl.create_default_context(cafile=server.ca_file)
        with smtplib.SMTP_SSL("localhost", server.port, timeout=5, context=ctx) as smtp:
            assert smtp.noop()[0] == 250
        path = server.ca_file
    assert not __import__("os").path.exists(path)


def test_reject_rcpt_for_matching_addresses_only_is_partial() -> None:
    fault = Fault.reject("rcpt", 550, "5.1.1 User unknown", match="bad@*")
    with SMTPTestServer(faults=[fault]) as server, client(server) as smtp:
        refused = smtp.sendmail(FROM, ["ok@example.com", "bad@example.com"], MSG)
        assert refused == {"bad@example.com": (550, b"5.1.1 User unknown")}
        assert server.messages[0].recipients == ("ok@example.com",)


def test_reject_mail_and_message_stages() -> None:
    faults = [Fault.reject("mail", 553, "5.7.1 Sender address rejected: not owned by user")]
    with SMTPTestServer(faults=faults) as server, client(server) as smtp:
        with pytest.raises(smtplib.SMTPSenderRefused) as info:
            smtp.sendmail(FROM, TO, MSG)
        assert (info.value.smtp_code, info.value.sender) == (553, FROM)
    multi = Fault.reject("message", 554, "5.7.1 rejected as spam\nsee https://example.com")
    with SMTPTestServer(faults=multi) as server, client(server) as smtp:
        with pytest.raises(smtplib.SMTPDataError) as data_info:
            smtp.sendmail(FROM, TO, MSG)
        assert data_info.value.smtp_error == b"5.7.1 rejected as spam\nsee https://example.com"
        assert not server.messages


def test_greeting_421_raises_connect_error() -> None:
    fault = Fault.reject("connect", 421, "4.7.0 Try again later")
    with SMTPTestServer(faults=fault) as server, pytest.raises(smtplib.SMTPConnectError) as info:
        client(server)
    assert (info.value.smtp_code, info.value.smtp_error) == (421, b"4.7.0 Try again later")


@pytest.mark.usefixtures("no_thread_leak")
def test_silent_listener_times_out_and_stops_cleanly() -> None:
    server = SMTPTestServer(faults=Fault.timeout("connect"))
    with server, pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"):
        client(server, timeout=0.3)


@pytest.mark.parametrize("stage", ["mail", "rcpt", "data", "message"])
def test_drop_at_stage(stage: str) -> None:
    with SMTPTestServer(faults=Fault.drop(stage)) as server:
        smtp = client(server)
        with pytest.raises(smtplib.SMTPServerDisconnected, match="Connection unexpectedly closed"):
            smtp.sendmail(FROM, TO, MSG)
        smtp.close()
        assert not server.messages


def test_stop_answering_after_the_body() -> None:
    with SMTPTestServer(faults=Fault.timeout("message")) as server:
        smtp = client(server, timeout=0.3)
        with pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"):
            smtp.sendmail(FROM, TO, MSG)
        smtp.close()


def test_delayed_greeting_and_slow_drip() -> None:
    with SMTPTestServer(faults=Fault.slow(0.2, "connect")) as server:
        started = time.monotonic()
        client(server).quit()
        assert time.monotonic() - started >= 0.2
        with pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"):
            client(server, timeout=0.05)
    server = SMTPTestServer(faults=Fault.slow(0.002, "ehlo", drip=True))
    with server, client(server) as smtp:
        assert smtp.ehlo()[0] == 250


def test_no_starttls_and_refused_starttls() -> None:
    server = SMTPTestServer("starttls", faults=Fault.no_starttls())
    with server, client(server) as smtp, pytest.raises(smtplib.SMTPNotSupportedError):
        smtp.starttls(context=server.client_context)
    with (
        SMTPTestServer("starttls", faults=Fault.starttls_refused()) as server,
        client(server) as smtp,
        pytest.raises(smtplib.SMTPResponseException) as info,
    ):
        smtp.starttls(context=server.client_context)
    assert info.value.smtp_code == 454


def test_require_starttls_and_auth() -> None:
    with SMTPTestServer("starttls", require_starttls=True) as server, client(server) as smtp:
        with pytest.raises(smtplib.SMTPSenderRefused) as info:
            smtp.sendmail(FROM, TO, MSG)
        assert info.value.smtp_code == 530
    with SMTPTestServer("ssl", require_auth=True) as server, client(server) as smtp:
        with pytest.raises(smtplib.SMTPSenderRefused) as info:
            smtp.sendmail(FROM, TO, MSG)
        assert info.value.smtp_error == b"5.7.0 Authentication required"


def test_refused_connection() -> None:
    server = SMTPTestServer(faults=Fault.refuse_connection())
    with server, pytest.raises(ConnectionRefusedError):
        client(server)


def test_tls_mismatch_plain_client_on_tls_port_and_back() -> None:
    with SMTPTestServer("ssl", faults=Fault.tls_mismatch()) as server:
        with pytest.raises(ssl.SSLError) as info:
            client(server)
        assert info.value.reason == "WRONG_VERSION_NUMBER"
    server = SMTPTestServer("plain", faults=Fault.tls_mismatch())
    with server, pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"):
        client(server, timeout=0.3)


def test_script_fails_first_attempt_then_succeeds() -> None:
    script = Script([Fault.reject("mail", 451, "4.3.0 Try again")], [])
    with SMTPTestServer(faults=script) as server:
        with client(server) as smtp, pytest.raises(smtplib.SMTPSenderRefused):
            smtp.sendmail(FROM, TO, MSG)
        with client(server) as smtp:
            assert smtp.sendmail(FROM, TO, MSG) == {}
        assert server.attempts == 2
        assert [m.attempt for m in server.messages] == [1]


def test_times_limits_a_fault_to_the_first_attempts() -> None:
    with SMTPTestServer(faults=Fault.drop("connect", times=1)) as server:
        with pytest.raises(smtplib.SMTPServerDisconnected):
            client(server)
        client(server).quit()


def test_connection_level_faults_cannot_be_scripted() -> None:
    with pytest.raises(ValueError, match="every connection"):
        SMTPTestServer(faults=Script([Fault.tls_mismatch()]))


def test_start_twice_and_stop_twice() -> None:
    server = SMTPTestServer().start()
    try:
        with pytest.raises(RuntimeError):
            server.start()
        assert "running" in repr(server)
    finally:
        server.stop()
    server.stop()
    assert "stopped" in repr(server)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="mode"):
        SMTPTestServer("tls")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="mechanisms"):
        SMTPTestServer(mechanisms=["CRAM-MD5"])


def test_ipv6_loopback() -> None:
    server = SMTPTestServer("ssl", host="::1").start()
    try:
        with smtplib.SMTP_SSL("::1", server.port, timeout=5, context=server.client_context) as smtp:
            assert smtp.noop()[0] == 250
    finally:
        server.stop()
    with pytest.raises(ValueError, match="loopback"):
        SMTPTestServer(host="0.0.0.0")


def test_no_starttls_can_be_scripted_per_attempt() -> None:
    server = SMTPTestServer("starttls", faults=Script([Fault.no_starttls()], []))
    with server:
        for offered in (False, True):
            with client(server) as smtp:
                smtp.ehlo()
                assert smtp.has_extn("starttls") is offered
