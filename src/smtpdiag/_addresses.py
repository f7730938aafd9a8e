"""Address helpers shared by the validator and the sender (no I/O).

Syntax is judged by email-validator; this module only splits address lists the way people type
them and says in plain words what is wrong, before email-validator's finer checks.
"""

from __future__ import annotations

import re

import email_validator

__all__ = ["address_problem", "has_line_break", "split_address", "split_address_list"]

_LINE_BREAK = re.compile(r"[\r\n\x00]")
# A header line break that is not folding (CR/LF followed by a space or tab), or a NUL.
_HEADER_BREAK = re.compile(r"\x00|\r\n(?![ \t])|\r(?!\n)|(?<!\r)\n(?![ \t])")
_SPECIAL_USE = tuple(email_validator.SPECIAL_USE_DOMAIN_NAMES)


def has_line_break(value: str, *, header: bool = False) -> bool:
    """True when ``value`` holds a CR, LF or NUL (for ``header``, one that is not folding)."""
    return bool((_HEADER_BREAK if header else _LINE_BREAK).search(value))


def split_address_list(value: str) -> list[str]:
    """Split a header-style address list on commas and semicolons outside quotes and <>.

    Each part is kept as typed (inner spaces included) so that its problems can be reported.
    """
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    angle = 0
    escaped = False
    for char in value:
        if escaped:
            current.append(char)
            escaped = False
            continue
        if char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "<" and not quoted:
            angle += 1
        elif char == ">" and not quoted and angle:
            angle -= 1
        elif char in ",;" and not quoted and not angle:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [part.strip(" \t") for part in parts if part.strip(" \t")]


def split_address(value: str) -> tuple[str, str]:
    """Split ``"Name <addr>"`` into ``(name, addr)``; a bare address gives ``("", addr)``."""
    match = re.fullmatch(r'\s*(?P<name>"(?:[^"\\]|\\.)*"|[^<"]*?)\s*<(?P<addr>[^<>]*)>\s*', value)
    if match:
        name = match.group("name").strip()
        if len(name) >= 2 and name[0] == name[-1] == '"':
            name = name[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        return name, match.group("addr")
    return "", value


def address_problem(address: str) -> tuple[str, bool] | None:
    """Say what is wrong with one bare address, in plain words, or None when it is valid.

    Returns ``(problem, blocking)``: ``blocking`` is False for an address that is valid but only
    works on internal servers (a special-use domain such as ``.local``).
    """
    if not address.strip():
        return "is empty", True
    if address != address.strip():
        return "has a leading or trailing space", True
    if _LINE_BREAK.search(address):
        return "contains a line break", True
    if re.search(r"\s", address):
        return "contains a space", True
    ats = address.count("@")
    if ats == 0:
        return "has no @", True
    quoted_local = address.startswith('"')
    if ats > 1 and not quoted_local:
        return ("has two @ signs" if ats == 2 else f"has {ats} @ signs"), True
    local, _, domain = address.rpartition("@")
    if not local:
        return "has nothing before the @", True
    if not domain:
        return "has nothing after the @", True
    literal = domain.startswith("[") and domain.endswith("]")
    if not literal and "." not in domain:
        return "domain has no dot", True
    if not literal and domain.startswith("."):
        return "domain starts with a dot", True
    if not literal and (domain.endswith(".") or ".." in domain):
        return "domain has an empty part (two dots in a row, or a dot at the end)", True
    if not literal and _is_special_use(domain):
        return (
            "uses a special-use domain name (such as .local or .test) that only internal "
            "servers accept",
            False,
        )
    try:
        email_validator.validate_email(
            address,
            check_deliverability=False,
            allow_smtputf8=True,
            allow_domain_literal=True,
            allow_quoted_local=True,
        )
    except email_validator.EmailNotValidError as exc:
        return _plain(str(exc)), True
    return None


def _is_special_use(domain: str) -> bool:
    name = domain.lower().rstrip(".")
    return any(name == special or name.endswith("." + special) for special in _SPECIAL_USE)


def _plain(message: str) -> str:
    # email-validator's messages are full sentences about "the email address"; keep them, in a
    # form that reads after "<address> ...".
    text = message.strip()
    return "is not valid: " + text[0].lower() + text[1:] if text else "is not valid"
