"""Certificates: self-signed, expired, wrong-host and untrusted-chain certificates are never
accepted, in any mode (STARTTLS, implicit TLS), whichever way the CA is trusted (a given
``ssl_context``, the ``ca_file`` setting, the system store), for send(), check() and session().
Each gives its own ``tls.*`` kind; nothing is sent inside the failed connection.
"""

from __future__ import annotations

import pytest

from smtpdiag import Sender, SendError, Stage
from smtpdiag.testing import SMTPTestServer

from ._support import PASSWORD, USER, message, settings_for
from .conftest import Tally

#: The kind each bad certificate gets when the test CA is trusted (so the CA is not the issue).
KINDS = {
    "self_signed": "tls.certificate_untrusted",
    "untrusted": "tls.certificate_untrusted",
    "expired": "tls.certificate_expired",
    "wrong_host": "tls.hostname_mismatch",
}
TRUST = ["ssl_context", "ca_file", "system store"]


def _render(rows: list[tuple[str, str, str, str, str]]) -> str:
    refused = sum(1 for row in rows if row[4] != "sent")
    return (
        f"certificates: {len(rows)} runs (4 bad certificates × STARTTLS/SSL × 3 ways to trust "
        f"the CA × send/check/session); refused with the right tls.* kind: {refused}; "
        "accepted: 0"
    )


@pytest.fixture(scope="module")
def runs(tally: Tally) -> list[tuple[str, str, str, str, str]]:
    tally.render = _render
    rows: list[tuple[str, str, str, str, str]] = tally.rows
    return rows


def _sender(server: SMTPTestServer, trust: str) -> Sender:
    extra = {"ca_file": server.ca_file} if trust == "ca_file" else {}
    settings = settings_for(server, username=USER, password=PASSWORD, **extra)
    context = server.client_context if trust == "ssl_context" else None
    return Sender(settings, ssl_context=context)


def _outcome(sender: Sender, operation: str) -> tuple[str, Stage | None]:
    if operation == "check":
        result = sender.check()
        return ("sent" if result.diagnosis is None else result.diagnosis.kind), result.stage
    try:
        if operation == "send":
            sender.send(message())
        else:
            with sender.session() as session:
                session.send(message())
    except SendError as error:
        return error.diagnosis.kind, error.stage
    return "sent", None


@pytest.mark.parametrize("operation", ["send", "check", "session"])
@pytest.mark.parametrize("trust", TRUST)
@pytest.mark.parametrize("mode", ["starttls", "ssl"])
@pytest.mark.parametrize("certificate", list(KINDS))
def test_bad_certificate_is_never_accepted(
    runs: list[tuple[str, str, str, str, str]],
    certificate: str,
    mode: str,
    trust: str,
    operation: str,
) -> None:
    with SMTPTestServer(
        mode,  # type: ignore[arg-type]
        certificate=certificate,  # type: ignore[arg-type]
        credentials={USER: PASSWORD},
    ) as server:
        kind, stage = _outcome(_sender(server, trust), operation)
        commands = server.transcript.commands()
        delivered = len(server.messages)
        leaked = server.transcript.leaked(PASSWORD)
    # The system store does not hold the test CA: the chain fails before anything else.
    expected = "tls.certificate_untrusted" if trust == "system store" else KINDS[certificate]
    assert kind == expected
    assert stage is Stage.TLS
    assert delivered == 0
    assert not leaked
    assert "AUTH" not in commands
    assert "MAIL" not in commands
    runs.append((certificate, mode, trust, operation, kind))


@pytest.mark.parametrize("trust", ["ssl_context", "ca_file"])
@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_the_valid_certificate_is_accepted(mode: str, trust: str) -> None:
    # The control: the same servers and trust with a good certificate work, so the refusals
    # above come from the certificates.
    with SMTPTestServer(mode, credentials={USER: PASSWORD}) as server:  # type: ignore[arg-type]
        result = _sender(server, trust).send(message())
        received = list(server.messages)
    assert result.ok
    assert len(received) == 1
    assert received[0].tls


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_a_valid_certificate_for_another_name_is_a_host_mismatch_by_ip_too(mode: str) -> None:
    # Connecting by address: the certificate names mail.example.com, not 127.0.0.1.
    with SMTPTestServer(mode, certificate="wrong_host") as server:  # type: ignore[arg-type]
        settings = settings_for(server, host="127.0.0.1")
        with pytest.raises(SendError) as info:
            Sender(settings, ssl_context=server.client_context).send(message())
    assert info.value.diagnosis.kind == "tls.hostname_mismatch"
