"""The in-memory server behind the fakes: total on any input, well-formed replies."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from smtpdiag.testing import Fault
from smtpdiag.testing._conversation import Conversation, ConversationOptions, address_of
from smtpdiag.testing._records import Outbox, Transcript

REPLY = re.compile(rb"^[2-5][0-9][0-9][ -]")
COMMANDS = st.sampled_from(
    [b"EHLO x", b"HELO x", b"MAIL FROM:<a@b>", b"RCPT TO:<c@d>", b"DATA", b".", b"RSET",
     b"NOOP", b"QUIT", b"STARTTLS", b"AUTH PLAIN AGEAYg==", b"AUTH LOGIN", b"*", b"VRFY x",
     b"AUTH XOAUTH2", b"", b"BDAT 1"]
)  # fmt: skip


def conversation(*faults: Fault) -> Conversation:
    return Conversation(
        ConversationOptions(auth_after_tls=False),
        faults,
        attempt=0,
        outbox=Outbox(),
        transcript=Transcript(),
        tls=False,
    )


def drain(conv: Conversation) -> list[bytes]:
    lines = []
    while (line := conv.read_line()) not in (None, b""):
        assert line is not None
        lines.append(line)
    return lines


@given(st.lists(st.one_of(COMMANDS, st.binary(max_size=40)), max_size=25))
def test_any_input_gets_well_formed_replies(lines: list[bytes]) -> None:
    conv = conversation()
    replies = drain(conv)
    for line in lines:
        conv.feed(line.replace(b"\n", b"") + b"\r\n")
        replies += drain(conv)
    assert replies[0].startswith(b"220 ")
    assert all(REPLY.match(r) and r.endswith(b"\r\n") for r in replies)
    assert conv.state in ("open", "closed")


# Commands that do not open a continuation (DATA, AUTH challenges) swallowing the next line.
SIMPLE = COMMANDS.filter(lambda c: c not in (b"DATA", b"AUTH LOGIN", b"AUTH XOAUTH2"))


@given(st.lists(SIMPLE, max_size=20))
def test_a_hanging_stage_never_answers(lines: list[bytes]) -> None:
    conv = conversation(Fault.timeout("mail"))
    drain(conv)
    for line in [b"EHLO x", *lines, b"MAIL FROM:<a@b>"]:
        conv.feed(line + b"\r\n")
        drain(conv)
    assert conv.state in ("hang", "closed")
    assert conv.read_line() in (None, b"")


def test_address_of() -> None:
    assert address_of("FROM:<a@b> SIZE=10") == "a@b"
    assert address_of("TO: c@d") == "c@d"
    assert address_of("FROM:<>") == ""
    assert address_of(None) is None
