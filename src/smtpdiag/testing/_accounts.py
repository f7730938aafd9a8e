"""Accepted credentials and OAuth tokens for the fake and the loopback server. No I/O."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

__all__ = ["Accounts", "parse_xoauth2", "split_plain"]

#: The SASL mechanisms both servers implement (RFC 4616 PLAIN, LOGIN, Google's XOAUTH2).
MECHANISMS: tuple[str, ...] = ("LOGIN", "PLAIN", "XOAUTH2")

# Replies shared by both servers; the texts are aiosmtpd 1.4's, so fake and server agree.
AUTH_OK = "235 2.7.0 Authentication successful"
AUTH_INVALID = "535 5.7.8 Authentication credentials invalid"
AUTH_NEEDS_TLS = "538 5.7.11 Encryption required for requested authentication mechanism"
AUTH_UNKNOWN_MECH = "504 5.5.4 Unrecognized authentication type"
AUTH_REQUIRED = "530 5.7.0 Authentication required"
STARTTLS_REQUIRED = "530 Must issue a STARTTLS command first"


@dataclass(frozen=True, slots=True)
class Accounts:
    """Who may log in.

    *credentials* maps user names to passwords; *tokens* maps user names to accepted OAuth
    access tokens (or is a plain collection of tokens accepted for any user). ``None`` accepts
    anything for that kind of login.
    """

    credentials: Mapping[str, str] | None = field(default=None, repr=False)
    tokens: Mapping[str, str] | Collection[str] | None = field(default=None, repr=False)

    def check_password(self, username: str, password: str) -> bool:
        """Whether *username* / *password* may log in."""
        if self.credentials is None:
            return True
        return username in self.credentials and self.credentials[username] == password

    def check_token(self, username: str, token: str) -> bool:
        """Whether *token* is accepted for *username*."""
        if self.tokens is None:
            return True
        if isinstance(self.tokens, Mapping):
            return username in self.tokens and self.tokens[username] == token
        return token in self.tokens


def b64decode(data: bytes | str) -> bytes | None:
    """Strict base64 decoding, or None."""
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None


def split_plain(decoded: bytes) -> tuple[str, str] | None:
    """Split an RFC 4616 PLAIN response ``authzid NUL authcid NUL passwd`` into user, password."""
    parts = decoded.split(b"\x00")
    if len(parts) != 3:
        return None
    return parts[1].decode("utf-8", "replace"), parts[2].decode("utf-8", "replace")


def parse_xoauth2(decoded: bytes) -> tuple[str, str] | None:
    """Split ``user=U\\x01auth=Bearer T\\x01\\x01`` into user, token."""
    user = token = None
    for part in decoded.split(b"\x01"):
        if part.startswith(b"user="):
            user = part[5:].decode("utf-8", "replace")
        elif part.lower().startswith(b"auth=bearer "):
            token = part[12:].decode("utf-8", "replace")
    if user is None or token is None:
        return None
    return user, token
