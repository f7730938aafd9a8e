"""Nothing lost: every recipient and every message gets its own outcome; after a failure in the
middle of a transaction the connection is reset (RSET) or closed, never reused in an unknown
state; and a message that may have been accepted is reported as delivery unknown, not failed.
Each claim is checked on the server's transcript as well as on what the sender returned.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from smtpdiag import Sender, SendError, SendResult, Stage
from smtpdiag.testing import Fault, SMTPTestServer, TranscriptLine

from ._support import message, settings_for
from .conftest import Tally


def _render(rows: list[tuple[str, int, int]]) -> str:
    outcomes = sum(row[1] for row in rows)
    lost = sum(row[2] for row in rows)
    return (
        f"nothing lost: {len(rows)} runs, {outcomes} recipient and message outcomes checked "
        f"against the server; outcomes lost or wrong: {lost}"
    )


@pytest.fixture(scope="module")
def runs(tally: Tally) -> list[tuple[str, int, int]]:
    tally.render = _render
    rows: list[tuple[str, int, int]] = tally.rows
    return rows


# -- recipients ------------------------------------------------------------------------------
REFUSING = [
    Fault.reject("rcpt", 550, "5.1.1 User unknown", match="*@gone.example"),
    Fault.reject("rcpt", 452, "4.2.2 Mailbox full", match="*@full.example"),
]


@pytest.fixture(scope="module")
def refusing_server() -> Iterator[SMTPTestServer]:
    with SMTPTestServer("plain", faults=REFUSING) as server:
        yield server


DOMAINS = ["example.com", "gone.example", "full.example"]
EXPECTED_KIND = {"gone.example": "recipient.unknown", "full.example": "recipient.mailbox_full"}


@hsettings(max_examples=30)  # each example is a real SMTP conversation
@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c", "d", "e", "f"]), st.sampled_from(DOMAINS)),
        min_size=1,
        max_size=6,
        unique=True,
    )
)
def test_every_recipient_gets_its_own_outcome(
    refusing_server: SMTPTestServer,
    runs: list[tuple[str, int, int]],
    people: list[tuple[str, str]],
) -> None:
    recipients = [f"{local}@{domain}" for local, domain in people]
    good = [r for r in recipients if r.endswith("@example.com")]
    before = len(refusing_server.messages)
    sender = Sender(settings_for(refusing_server))
    try:
        result = sender.send(message(*recipients))
    except SendError as error:
        assert not good  # only when every recipient was refused
        assert error.stage is Stage.RCPT
        refused = dict(error.refused)
        accepted: tuple[str, ...] = ()
    else:
        refused = dict(result.refused)
        accepted = result.accepted
    assert list(accepted) == good
    assert set(refused) == set(recipients) - set(good)
    for address, diagnosis in refused.items():
        assert diagnosis.kind == EXPECTED_KIND[address.split("@")[1]]
        assert diagnosis.stage is Stage.RCPT
        assert diagnosis.reply is not None
        assert address in (diagnosis.detail or "")
    delivered = refusing_server.messages.snapshot()[before:]
    assert [m.recipients for m in delivered] == ([tuple(good)] if good else [])
    runs.append(("recipients", len(recipients), 0))


# -- several messages over one connection ----------------------------------------------------
def _attempt_lines(lines: tuple[TranscriptLine, ...], attempt: int) -> list[bytes]:
    return [ln.data.upper() for ln in lines if ln.direction == "client" and ln.attempt == attempt]


def test_a_session_reports_an_outcome_for_every_message(runs: list[tuple[str, int, int]]) -> None:
    faults = [
        Fault.reject("rcpt", 550, "5.1.1 User unknown", match="nobody@*"),
        Fault.reject("mail", 553, "5.7.1 Sender refused", match="blocked@*"),
    ]
    with SMTPTestServer("plain", faults=faults) as server:
        with Sender(settings_for(server)).session() as session:
            plan = [
                ("one", ("bob@example.com",)),
                ("two", ("nobody@example.com",)),  # every recipient refused
                ("three", ("carol@example.com", "nobody@example.com")),  # partly refused
                ("four", ("dave@example.com",)),
            ]
            for subject, to in plan:
                with contextlib.suppress(SendError):
                    session.send(message(*to, subject=subject))
        results = list(session.results)
        delivered = [(m.subject, m.recipients) for m in server.messages]
        attempts = server.attempts
        client = _attempt_lines(server.transcript.lines, 0)
    assert len(results) == len(plan)
    assert [type(r) for r in results] == [SendResult, SendError, SendResult, SendResult]
    assert isinstance(results[1], SendError)
    assert results[1].diagnosis.kind == "recipient.unknown"
    assert isinstance(results[2], SendResult)
    assert results[2].accepted == ("carol@example.com",)
    assert set(results[2].refused) == {"nobody@example.com"}
    assert delivered == [
        ("one", ("bob@example.com",)),
        ("three", ("carol@example.com",)),
        ("four", ("dave@example.com",)),
    ]
    assert attempts == 1  # one connection for all four
    # The refused transaction was reset before the next MAIL.
    mails = [i for i, line in enumerate(client) if line.startswith(b"MAIL")]
    assert any(line == b"RSET" for line in client[mails[1] : mails[2]])
    runs.append(("session", len(plan), 0))


# -- after a failure mid-transaction ---------------------------------------------------------
MID_TRANSACTION = {
    "MAIL refused": (Fault.reject("mail", 550, "5.7.1 Sender refused"), "reset"),
    "RCPT all refused": (Fault.reject("rcpt", 550, "5.1.1 User unknown"), "reset"),
    "DATA refused": (Fault.reject("data", 554, "5.3.0 No valid recipients"), "reset"),
    "message refused": (Fault.reject("message", 554, "5.7.1 Spam"), "reset"),
    "421 at RCPT": (Fault.reject("rcpt", 421, "4.3.2 Shutting down", times=1), "closed"),
    "dropped at RCPT": (Fault.drop("rcpt", times=1), "closed"),
    "silent at DATA": (Fault.timeout("data", times=1), "closed"),
    "silent after the dot": (Fault.timeout("message", times=1), "closed"),
    "dropped after the dot": (Fault.drop("message", times=1), "closed"),
}


@pytest.mark.parametrize("case", list(MID_TRANSACTION))
def test_after_a_failure_the_connection_is_reset_or_closed(
    runs: list[tuple[str, int, int]], case: str
) -> None:
    fault, expected = MID_TRANSACTION[case]
    outcomes: list[SendResult | SendError] = []
    with SMTPTestServer("plain", faults=fault) as server:
        sender = Sender(settings_for(server, timeout=1))
        with sender.session() as session:
            for subject in ("first", "second"):
                try:
                    outcomes.append(session.send(message(subject=subject)))
                except SendError as error:
                    outcomes.append(error)
        lines = server.transcript.lines
        attempts = server.attempts
        delivered = [m.subject for m in server.messages]
    first, second = outcomes
    assert isinstance(first, SendError)
    assert first.stage in (Stage.MAIL, Stage.RCPT, Stage.DATA)
    assert session.results == outcomes  # each message has its outcome, in order
    first_attempt = _attempt_lines(lines, 0)
    mails = [i for i, line in enumerate(first_attempt) if line.startswith(b"MAIL")]
    if expected == "reset":
        # The server answered: RSET, and only then the next transaction on the same connection
        # (with faults per connection the second message meets the same refusal).
        assert attempts == 1
        assert len(mails) == 2
        assert b"RSET" in first_attempt[mails[0] : mails[1]]
    else:
        # Unknown state: the connection was dropped with no further command on it (not even
        # RSET or QUIT), and the next message went over a new connection.
        assert attempts == 2
        assert len(mails) == 1
        assert not any(
            line.startswith((b"RSET", b"QUIT", b"NOOP")) for line in first_attempt[mails[0] :]
        )
        assert isinstance(second, SendResult)
        assert second.ok
        assert delivered == ["second"]
    runs.append((case, 2, 0))


# -- delivery unknown ------------------------------------------------------------------------
@pytest.mark.parametrize("fault", [Fault.drop("message"), Fault.timeout("message")])
def test_a_drop_after_the_final_dot_is_delivery_unknown_not_failed(
    runs: list[tuple[str, int, int]], fault: Fault
) -> None:
    with SMTPTestServer("plain", faults=fault) as server:
        with pytest.raises(SendError) as info:
            Sender(settings_for(server, timeout=1)).send(message())
        client = server.transcript.client_lines()
    diagnosis = info.value.diagnosis
    assert diagnosis.kind == "connection.delivery_unknown"
    assert info.value.stage is Stage.DATA
    assert diagnosis.retryable is False  # the caller must not resend blindly
    assert any("before sending it again" in r.text for r in diagnosis.remedies)
    assert client[-1] == b"."  # the whole message, final dot included, had been sent
    runs.append(("delivery unknown", 1, 0))


def test_a_drop_before_the_final_dot_is_a_plain_failure() -> None:
    # The counterpart: when the body was not completely sent, delivery is certainly not done.
    with (
        SMTPTestServer("plain", faults=Fault.drop("data")) as server,
        pytest.raises(SendError) as info,
    ):
        Sender(settings_for(server, timeout=1)).send(message())
    assert info.value.diagnosis.kind != "connection.delivery_unknown"
    assert info.value.stage is Stage.DATA
