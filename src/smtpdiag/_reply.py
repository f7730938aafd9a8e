"""Parse SMTP replies (RFC 5321 §4.2) and RFC 3463 enhanced status codes (no I/O).

:func:`parse_reply` is total: it accepts text or bytes in any encoding, one line or many, with or
without the reply code, a leading ``SMTP;`` (as in DSN Diagnostic-Code fields), a log prefix
such as ``host mx.example.com[192.0.2.1] said:`` or a trailing trace id, and never raises.
"""

from __future__ import annotations

import re

from ._diagnosis import Reply, _new_reply

__all__ = ["decode_reply_text", "find_embedded_code", "parse_reply"]

# RFC 5321 §4.2: Reply-code SP/"-" text. Codes are 2xx-5xx; we accept any leading digit 2-5.
_LINE_CODE = re.compile(r"\s*#?([2-5][0-9][0-9])(?:[ \t:,-]|$)")
# RFC 3463 §2: class.subject.detail, class in {2,4,5}, subject and detail 1-3 digits.
# The pattern starts with its first digit so that the regex engine can skip ahead to candidates;
# the "not after a digit, a dot or a slash" condition is checked in Python (see _find_enhanced).
_ENHANCED = re.compile(r"([245])\.([0-9]{1,3})\.([0-9]{1,3})(?![0-9]|\.[0-9]|/)")
# The usual shape, decided by one match: "550 5.1.1 ...", "550-5.1.1 ..." (see parse_reply).
_CODE_AND_ENHANCED = re.compile(
    r"([2-5][0-9][0-9])[ -]([245])\.([0-9]{1,3})\.([0-9]{1,3})(?![0-9]|\.[0-9])"
)
_PREFIX = re.compile(
    r"^\s*(?:diagnostic-code\s*:\s*)?(?:smtp|x-postfix|x-unix)\s*;\s*", re.IGNORECASE
)
# A reply code inside a longer text (a log line, a DSN, an exception message). Only codes that
# RFC 5321 §4.2.2/§4.2.3 and RFC 4954 define, so that numbers such as ports are not taken for one.
_KNOWN_CODES = (
    "421|450|451|452|453|454|455|458|459|500|501|502|503|504|521|523|525|530|534|535|538|"
    "541|542|550|551|552|553|554|555|556|557|571"
)
_KNOWN_CODE_SET = frozenset(_KNOWN_CODES.split("|"))
# A character class first lets the regex engine skip ahead; the code is then checked in Python.
_CODE_CANDIDATE = re.compile(r'[45][0-9][0-9](?=[ \t:,"-]|$)', re.MULTILINE)
_BEFORE_CODE = frozenset(":;'\"([=,")  # "," for PHPMailer's "MAIL FROM command failed,550,,..."
# PHPMailer ends its error with the reply code it got: "... Detail: <reply text> SMTP code: 552".
# Named like that, the code wins over numbers earlier in the text ("a relay quota of 500").
_LABELLED_CODE = re.compile(r"SMTP code: ([2-5][0-9][0-9])\b", re.IGNORECASE)


def find_embedded_code(text: str) -> tuple[int, int, int] | None:
    """The first known reply code inside ``text``: ``(code, start, end)``, or None.

    A code counts when it stands at the start of a line or after white space or one of
    ``:;'"([=,``, optionally behind a ``#`` (qmail's ``(#5.1.1)``), and is followed by a space,
    a tab, ``:``, ``,``, ``"``, ``-`` or the end of a line. A line number in a pasted stack trace
    (``line 550, in login``, ``smtp.rb:556:in``) is not a reply code, nor is Sidekiq's process id
    (``<time> 501 TID-...``). A code followed by its enhanced code (``535-5.7.8``) wins over an
    earlier one that is not.
    """
    found: tuple[int, int, int] | None = None
    for match in _CODE_CANDIDATE.finditer(text):
        if match.group() not in _KNOWN_CODE_SET:
            continue
        start = match.start()
        before = start - 1 if start and text[start - 1] == "#" else start
        stands_alone = before == 0 or text[before - 1].isspace() or text[before - 1] in _BEFORE_CODE
        # (The longest phrase _LINE_NUMBER knows has 13 characters: a short window is enough.)
        if not stands_alone or _LINE_NUMBER.search(text, max(0, before - 16), before) is not None:
            continue
        if text.startswith(" TID-", match.end()):
            continue  # Sidekiq's log prefix: "<time> <pid> TID-<thread> WARN: ..."
        code = int(match.group())
        if _ENHANCED_AFTER.match(text, match.end()) is not None:
            return code, before, match.end()  # "535-5.7.8 ...": a reply, whatever came before
        if found is None:
            found = code, before, match.end()
    return found


# A code's own enhanced code right after it ("550 5.1.1", "535-5.7.8", smtplib's "(550,
# b'5.1.1"): the mark of a reply.
_ENHANCED_AFTER = re.compile(r"(?:[ -]|, b?['\"])[245]\.[0-9]{1,3}\.[0-9]{1,3}")


# What stands before a number that is no reply code: a line number in a stack trace (Python's
# 'File "x.py", line 550', Perl's "at x line 550", Ruby's and Node's "smtp.rb:556" /
# "index.js:556", Python's C sources "_ssl.c:504: error:14090086"), an HTTP status in an
# identity library's error ("HTTP Error: 503", "Status code: 500", "Unable to complete OIDC
# Discovery: 500").
_LINE_NUMBER = re.compile(
    r"(?:\bline |\.(?i:rb|py|js|ts|php|pm|pl|go|java|cs|ex|exs|c|cc|cpp|h):|"
    r"(?i:http error: |status code: |discovery: ))$"
)


def _find_enhanced(text: str, start: int = 0, code: int | None = None) -> re.Match[str] | None:
    """The first enhanced code from ``start`` that can belong to the reply ``code``.

    RFC 3463 §2: a success class (2) goes with a success reply and a failure class (4 or 5)
    with a failure, so in a pasted conversation a later "221 2.0.0 Bye" does not lend its
    2.0.0 to the "550" before it (servers do mix up 4 and 5; that is kept). A version number
    inside a path ("ruby/2.3.0/net", "perl/5.8.8 ") is no enhanced code.
    """
    for match in _ENHANCED.finditer(text, start):
        at = match.start()
        if (at == 0 or text[at - 1] not in "0123456789./") and _classes_agree(code, match.group(1)):
            return match
    return None


def _classes_agree(code: int | None, klass: str) -> bool:
    return code is None or (code < 300) == (klass == "2")


_BINARY = (bytes, bytearray, memoryview)
_TEXTUAL = (str, bytes, bytearray, memoryview)


def decode_reply_text(data: str | bytes | bytearray | memoryview) -> str:
    """Decode reply bytes: UTF-8 when valid, else Latin-1 (every byte maps), never raising."""
    if isinstance(data, str):
        return data
    if not isinstance(data, _BINARY):
        return ""
    try:
        raw = bytes(data)
    except (TypeError, ValueError):
        return ""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def parse_reply(data: str | bytes | bytearray | memoryview, code: int | None = None) -> Reply:
    """Parse a server reply into a :class:`~smtpdiag.Reply`, keeping the text verbatim.

    ``code`` is used when the caller already knows it (smtplib passes ``(code, bytes)``);
    otherwise it is read from the first line (RFC 5321 §4.2: multi-line replies repeat it with a
    ``-`` after each code but the last), or, for a log line or DSN text, from the first known
    reply code in the text. The enhanced status code (RFC 3463, three-digit subjects and details
    such as ``5.7.139`` included) is the first one after the reply code, also inside
    parentheses (``(#5.5.4)``).
    """
    text = data if isinstance(data, str) else decode_reply_text(data)
    if not isinstance(code, int) or isinstance(code, bool) or not 200 <= code <= 599:
        code = None
    usual = _CODE_AND_ENHANCED.match(text)
    # (_classes_agree, inlined: this is the path of nearly every reply.)
    if usual is not None and (
        (usual.group(1)[0] == "2" if code is None else code < 300) == (usual.group(2) == "2")
    ):
        # What the general path below finds too: the code, then the first enhanced code after it.
        status = usual.group(0)[4:]
        if ".0" in status:
            status = f"{int(usual.group(2))}.{int(usual.group(3))}.{int(usual.group(4))}"
        return _new_reply(int(usual.group(1)) if code is None else code, status, text)
    return _parse_general(text, code)


def _parse_general(text: str, code: int | None) -> Reply:
    """parse_reply for every shape: prefixes, log lines, codes inside the text."""
    body = text
    head = text[:1] if text[:1] not in " \t\r\n" else text[:24].lstrip()[:1]
    if head and head in "sSdDxX":
        body = _PREFIX.sub("", text, count=1)
    found_code: int | None = None
    start = 0
    embedded = None
    match = _LINE_CODE.match(body)
    if match:
        found_code = int(match.group(1))
        start = match.end()
    else:
        labelled = _LABELLED_CODE.search(body) if "ode:" in body or "ODE:" in body else None
        embedded = (
            find_embedded_code(body)
            if labelled is None
            else (int(labelled.group(1)), labelled.start(1), labelled.end(1))
        )
        if embedded is not None:
            found_code, _, start = embedded
    if code is None:
        code = found_code
    enhanced = None
    em = _find_enhanced(body, start, code)
    if em is None and embedded is not None:
        # A code inside a log line or DSN: its enhanced code may stand before it.
        em = _find_enhanced(body, 0, code)
    if em is not None:
        enhanced = em.group(0)
        if ".0" in enhanced:  # "5.07.001" -> "5.7.1"; "5.0.0" stays
            enhanced = f"{int(em.group(1))}.{int(em.group(2))}.{int(em.group(3))}"
    return _new_reply(code, enhanced, text)
