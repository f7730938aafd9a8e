"""parse_reply: RFC 5321 §4.2 replies and RFC 3463 enhanced status codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpdiag import Reply, parse_reply

CASES: list[tuple[str | bytes, int | None, int | None, str | None]] = [
    ("250 2.0.0 OK", None, 250, "2.0.0"),
    ("550-5.7.1 first line\n550 5.7.1 second line", None, 550, "5.7.1"),
    (
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        None,
        535,
        "5.7.139",
    ),
    (
        "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77719)",
        None,
        451,
        "4.7.500",
    ),
    ("550 5.7.708 Service unavailable. Access denied", None, 550, "5.7.708"),
    ("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", None, 553, "5.7.1"),
    ("SMTP; 550 5.1.1 User unknown", None, 550, "5.1.1"),
    ("Diagnostic-Code: smtp; 550 5.1.1 <a@example.com>... User unknown", None, 550, "5.1.1"),
    (
        "host mx.example.com[192.0.2.1] said: 550 5.1.1 <a@example.com>: Recipient address "
        "rejected: User unknown (in reply to RCPT TO command)",
        None,
        550,
        "5.1.1",
    ),
    (
        "5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]",
        None,
        None,
        "5.7.3",
    ),
    (b"5.7.8 Authentication credentials invalid", 535, 535, "5.7.8"),
    (b"550 5.1.1 Benutzer \xfcnbekannt", None, 550, "5.1.1"),
    ("550 5.07.001 leading zeros", None, 550, "5.7.1"),
    ("connect to mx.example.com[192.0.2.1]:465: Connection timed out", None, None, None),
    (
        "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred - 4.16.55.1",
        None,
        421,
        "4.7.0",
    ),
    ("", None, None, None),
    # Sidekiq's log prefix "<time> <pid> TID-<thread>": the process id is no reply code, and a
    # code followed by its enhanced code is the reply.
    (
        "2016-09-16T19:12:34.567Z 501 TID-ox4e1yxr8 WARN: Net::SMTPAuthenticationError: "
        "535-5.7.8 Username and Password not accepted.",
        None,
        535,
        "5.7.8",
    ),
    (
        "2019-05-01T10:00:00.000Z 452 TID-abc INFO: Net::OpenTimeout: execution expired",
        None,
        None,
        None,
    ),
    ("job 421 failed: 550 5.1.1 User unknown", None, 550, "5.1.1"),
    # A line number in Python's C sources is no reply code (OpenSSL 1.0 era ssl.SSLError text).
    (
        "ssl.SSLError: [Errno 1] _ssl.c:504: error:14090086:SSL "
        "routines:SSL3_GET_SERVER_CERTIFICATE:certificate verify failed",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("data", "code", "want_code", "want_enhanced"), CASES)
def test_parse_reply(
    data: str | bytes, code: int | None, want_code: int | None, want_enhanced: str | None
) -> None:
    reply = parse_reply(data, code)
    assert (reply.code, reply.enhanced) == (want_code, want_enhanced)


def test_text_is_kept_verbatim() -> None:
    text = "550-5.7.1 a\r\n550 5.7.1 b [X.prod.outlook.com]"
    assert parse_reply(text).text == text
    assert parse_reply(b"550 5.1.1 Benutzer \xfcnbekannt").text == "550 5.1.1 Benutzer ünbekannt"
    assert parse_reply(b"550 5.1.1 x").text == "550 5.1.1 x"


def test_reply_flags() -> None:
    assert parse_reply("451 4.3.0 later").is_transient
    assert parse_reply("550 5.1.1 no").is_permanent
    assert parse_reply("550 5.1.1 no") == Reply(550, "5.1.1", "550 5.1.1 no")


@given(st.one_of(st.text(), st.binary()), st.one_of(st.none(), st.integers()))
def test_never_raises(data: str | bytes, code: int | None) -> None:
    reply = parse_reply(data, code)
    assert reply.code is None or 200 <= reply.code <= 599
    if isinstance(data, str):
        assert reply.text == data


_USUAL_REPLY = st.builds(
    lambda code, sep, klass, subject, detail, rest: f"{code}{sep}{klass}.{subject}.{detail}{rest}",
    st.integers(200, 599),
    st.sampled_from([" ", "-", "\t", ":"]),
    st.sampled_from(["2", "4", "5", "3"]),
    st.sampled_from(["0", "1", "7", "07", "139", "1000"]),
    st.sampled_from(["0", "1", "00", "500", "1234"]),
    st.sampled_from(["", " User unknown", ".5 x", "0 x", "\n550 5.1.1 more", " (#5.7.1)"]),
)


@given(_USUAL_REPLY, st.one_of(st.none(), st.integers(100, 700)))
def test_the_usual_shape_parses_as_the_general_path_does(text: str, code: int | None) -> None:
    # parse_reply decides "550 5.1.1 ..." with one match; it must agree with the general path.
    from smtpdiag._reply import _parse_general

    valid = code if code is not None and 200 <= code <= 599 else None
    assert parse_reply(text, code) == _parse_general(text, valid)
