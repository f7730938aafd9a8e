"""Build the SMTP envelope and the message as sent from the settings and a message (no I/O).

From, Reply-To and CC come from the message and fill in from the settings; BCC (from both) goes
into the envelope only and never into the headers. The caller's message is not changed. An
envelope with non-ASCII domains (but ASCII local parts) also gets an ASCII form, with the domains
as IDNA A-labels, for servers without SMTPUTF8 (RFC 6531 §3.2 leaves A-labels to the client).
"""

from __future__ import annotations

import copy
import email.generator
import io
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import Message
from email.utils import formataddr
from typing import Any

import email_validator

from ._addresses import split_address, split_address_list
from ._settings import SettingsModel

__all__ = ["Envelope", "build_envelope"]


@dataclass(frozen=True, slots=True)
class Envelope:
    """The envelope sender, the recipients, the bytes to send and whether SMTPUTF8 is needed.

    ``ascii`` is the same envelope with IDNA A-label domains, when one can be made (every local
    part is ASCII); its recipients are in the same order.
    """

    sender: str
    recipients: tuple[str, ...]
    body: bytes
    international: bool
    ascii: Envelope | None = None


def _header_addresses(message: Message, name: str) -> list[str]:
    out: list[str] = []
    for value in message.get_all(name, []) or []:
        out.extend(split_address(part)[1].strip() for part in split_address_list(str(value)))
    return [address for address in out if address]


def _unique(addresses: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for address in addresses:
        key = address.lower()
        if key not in seen:
            seen.add(key)
            out.append(address)
    return tuple(out)


def _set(message: Message, name: str, value: str) -> None:
    del message[name]
    message[name] = value


def build_envelope(settings: SettingsModel, message: Message) -> Envelope:
    """The envelope and the wire form of ``message`` with the settings applied.

    The envelope sender is the configured From address, else the message's From. Recipients are
    To, CC (message and settings) and BCC (message and settings), without duplicates.
    """
    msg = copy.deepcopy(message)
    configured = settings.from_address.strip()
    if msg.get("From") is None and configured:
        msg["From"] = (
            formataddr((settings.from_name, configured)) if settings.from_name else (configured)
        )
    if msg.get("Reply-To") is None and settings.reply_to:
        msg["Reply-To"] = ", ".join(settings.reply_to)
    if settings.cc:
        existing = [str(v) for v in msg.get_all("Cc", []) or []]
        have = {a.lower() for a in _header_addresses(msg, "Cc")}
        extra = [a for a in settings.cc if split_address(a)[1].strip().lower() not in have]
        if extra:
            _set(msg, "Cc", ", ".join([*existing, *extra]))
    bcc = _header_addresses(msg, "Bcc") + [split_address(a)[1].strip() for a in settings.bcc]
    del msg["Bcc"]
    sender = split_address(configured)[1].strip() if configured else ""
    if not sender:
        froms = _header_addresses(msg, "From")
        sender = froms[0] if froms else ""
    recipients = _unique(_header_addresses(msg, "To") + _header_addresses(msg, "Cc") + bcc)
    international = not all(a.isascii() for a in (sender, *recipients))
    ascii_form = _ascii_envelope(msg, sender, recipients) if international else None
    return Envelope(sender, recipients, _flatten(msg, international), international, ascii_form)


_ADDRESS_HEADERS = ("From", "Sender", "Reply-To", "To", "Cc")


def _ascii_domain(domain: str) -> str | None:
    if domain.isascii():
        return domain
    try:
        checked = email_validator.validate_email(
            f"a@{domain}", check_deliverability=False, globally_deliverable=False
        )
    except email_validator.EmailNotValidError:
        return None
    return str(checked.ascii_domain)


def _ascii_address(address: str) -> str | None:
    local, _, domain = address.rpartition("@")
    if not local.isascii():
        return None
    ascii_domain = _ascii_domain(domain)
    return None if ascii_domain is None else f"{local}@{ascii_domain}"


def _ascii_envelope(msg: Message, sender: str, recipients: tuple[str, ...]) -> Envelope | None:
    converted = [_ascii_address(a) for a in (sender, *recipients)]
    if any(a is None for a in converted):
        return None
    ascii_msg = copy.deepcopy(msg)
    for name in _ADDRESS_HEADERS:
        values = ascii_msg.get_all(name) or []
        rewritten: list[str] = []
        for value in values:
            addresses = getattr(value, "addresses", None)
            if addresses is None:  # a compat32 message: its headers are plain strings
                return None
            parts: list[str] = []
            for item in addresses:
                domain = _ascii_domain(item.domain)
                if domain is None or not item.username.isascii():
                    return None
                parts.append(str(Address(item.display_name, item.username, domain)))
            rewritten.append(", ".join(parts))
        del ascii_msg[name]
        for text in rewritten:
            ascii_msg[name] = text
    sent = [str(a) for a in converted]
    return Envelope(sent[0], tuple(sent[1:]), _flatten(ascii_msg, False), False)


def _flatten(message: Message, international: bool) -> bytes:
    # As smtplib.send_message does: a bytes generator, with the utf8 policy when SMTPUTF8 is used
    # so that non-ASCII addresses in headers go out as UTF-8 (RFC 6532).
    policy: Any = message.policy
    if international and hasattr(policy, "utf8"):
        policy = policy.clone(utf8=True)
    buffer = io.BytesIO()
    generator = email.generator.BytesGenerator(buffer, policy=policy)
    generator.flatten(message, linesep="\r\n")
    return buffer.getvalue()
