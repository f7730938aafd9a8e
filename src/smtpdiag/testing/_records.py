"""What the fake and the loopback server record: messages and transcripts. No I/O.

Both are appended to from the server thread and read from the test thread, so each container
guards its list with a lock and hands out tuples.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Literal

__all__ = ["Outbox", "RecordedMessage", "Transcript", "TranscriptLine"]


@dataclass(frozen=True, slots=True)
class RecordedMessage:
    """One accepted message: the envelope and the exact bytes the client sent (unstuffed)."""

    envelope_from: str
    recipients: tuple[str, ...]
    content: bytes
    mail_options: tuple[str, ...] = ()
    host: str = ""
    port: int = 0
    attempt: int = 0
    authenticated_as: str | None = field(default=None, repr=False)
    tls: bool = False

    @property
    def message(self) -> EmailMessage:
        """The content parsed with the modern ``email`` policy (line endings as ``"\\n"``)."""
        return email.message_from_bytes(
            self.content.replace(b"\r\n", b"\n"), policy=email.policy.default
        )

    @property
    def subject(self) -> str | None:
        """The Subject header, or None."""
        value = self.message["Subject"]
        return None if value is None else str(value)


class Outbox:
    """A thread-safe, append-only list of :class:`RecordedMessage`. Iterable and indexable."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[RecordedMessage] = []

    def append(self, item: RecordedMessage) -> None:
        """Record *item*."""
        with self._lock:
            self._items.append(item)

    def clear(self) -> None:
        """Forget every recorded message."""
        with self._lock:
            self._items.clear()

    def snapshot(self) -> tuple[RecordedMessage, ...]:
        """The messages recorded so far."""
        with self._lock:
            return tuple(self._items)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __iter__(self) -> Iterator[RecordedMessage]:
        return iter(self.snapshot())

    def __getitem__(self, index: int) -> RecordedMessage:
        with self._lock:
            return self._items[index]

    def __bool__(self) -> bool:
        return len(self) > 0

    def __repr__(self) -> str:
        return f"Outbox({list(self.snapshot())!r})"


Direction = Literal["client", "server"]


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One line of an SMTP conversation, without its CRLF.

    ``tls`` says whether the line travelled inside TLS; ``attempt`` numbers connections from 0.
    """

    direction: Direction
    data: bytes
    tls: bool
    attempt: int = 0

    def __str__(self) -> str:
        arrow = "C:" if self.direction == "client" else "S:"
        lock = " [tls]" if self.tls else ""
        return f"{arrow} {self.data.decode('utf-8', 'replace')}{lock}"


_B64_TOKEN = re.compile(rb"[A-Za-z0-9+/]{4,}={0,2}")


class Transcript:
    """The raw conversation, line by line, in order. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lines: list[TranscriptLine] = []

    def add(self, direction: Direction, data: bytes, *, tls: bool, attempt: int = 0) -> None:
        """Record one line."""
        with self._lock:
            self._lines.append(TranscriptLine(direction, data, tls, attempt))

    @property
    def lines(self) -> tuple[TranscriptLine, ...]:
        """Every line so far."""
        with self._lock:
            return tuple(self._lines)

    def clear(self) -> None:
        """Forget the transcript."""
        with self._lock:
            self._lines.clear()

    def client_lines(self, *, tls: bool | None = None) -> tuple[bytes, ...]:
        """What the client sent (optionally only in clear, ``tls=False``, or inside TLS)."""
        return tuple(
            ln.data
            for ln in self.lines
            if ln.direction == "client" and (tls is None or ln.tls == tls)
        )

    def commands(self) -> tuple[str, ...]:
        """The upper-cased command verbs the client sent, e.g. ``("EHLO", "STARTTLS", ...)``.

        Lines of a message body and AUTH continuation lines are included as they were read,
        so use this for ordering checks on simple conversations.
        """
        return tuple(
            data.split(b" ", 1)[0].decode("ascii", "replace").upper()
            for data in self.client_lines()
        )

    def cleartext(self) -> bytes:
        """Every line that crossed the wire outside TLS, joined with CRLF."""
        return b"\r\n".join(ln.data for ln in self.lines if not ln.tls)

    def leaked(self, secret: str | bytes) -> bool:
        """Whether *secret* crossed in clear, verbatim or inside a base64 token (AUTH data)."""
        needle = secret.encode() if isinstance(secret, str) else secret
        if not needle:
            return False
        clear = self.cleartext()
        if needle in clear:
            return True
        for token in _B64_TOKEN.findall(clear):
            try:
                decoded = base64.b64decode(token + b"=" * (-len(token) % 4))
            except (binascii.Error, ValueError):
                continue
            if needle in decoded:
                return True
        return False

    def __iter__(self) -> Iterator[TranscriptLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        with self._lock:
            return len(self._lines)

    def __str__(self) -> str:
        return "\n".join(str(ln) for ln in self.lines)
