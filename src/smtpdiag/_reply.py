"""Parse SMTP replies (RFC 5321 §4.2) and RFC 3463 enhanced status codes (no I/O).

:func:`parse_reply` is total: it accepts text or bytes in any encoding, one line or many, with or
without the reply code, a leading ``SMTP;`` (as in DSN Diagnostic-Code fields) or a trailing trace
id, and never raises.
"""

from __future__ import annotations

import re

from ._diagnosis import Reply

__all__ = ["decode_reply_text", "parse_reply"]

# RFC 5321 §4.2: Reply-code SP/"-" text. Codes are 2xx-5xx; we accept any leading digit 2-5.
_LINE_CODE = re.compile(r"\s*([2-5][0-9][0-9])(?:[ \t-]|$)")
# RFC 3463 §2: class.subject.detail, class in {2,4,5}, subject and detail 1-3 digits.
_ENHANCED = re.compile(r"(?<![0-9.])([245])\.([0-9]{1,3})\.([0-9]{1,3})(?![0-9]|\.[0-9])")
_PREFIX = re.compile(r"^\s*(?:smtp\s*;\s*|diagnostic-code\s*:\s*smtp\s*;\s*)", re.IGNORECASE)


def decode_reply_text(data: str | bytes | bytearray | memoryview) -> str:
    """Decode reply bytes: UTF-8 when valid, else Latin-1 (every byte maps), never raising."""
    if isinstance(data, str):
        return data
    raw = bytes(data)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def parse_reply(data: str | bytes | bytearray | memoryview, code: int | None = None) -> Reply:
    """Parse a server reply into a :class:`~smtpdiag.Reply`, keeping the text verbatim.

    ``code`` is used when the caller already knows it (smtplib passes ``(code, bytes)``); otherwise
    it is read from the first line. The enhanced status code is the first RFC 3463 code found after
    the reply code, also inside parentheses (``(#5.5.4)``).
    """
    text = decode_reply_text(data)
    body = _PREFIX.sub("", text, count=1)
    found_code: int | None = None
    match = _LINE_CODE.match(body)
    if match:
        found_code = int(match.group(1))
    if not isinstance(code, int) or isinstance(code, bool) or not 200 <= code <= 599:
        code = found_code
    enhanced = None
    em = _ENHANCED.search(body[match.end() :] if match else body)
    if em is None and match is not None:
        em = _ENHANCED.search(body)
    if em is not None:
        enhanced = ".".join(str(int(part)) for part in em.groups())
    return Reply(code=code, enhanced=enhanced, text=text)
