"""An in-memory SMTP server conversation that replays faults, for the fakes. No I/O.

Lines go in with :meth:`Conversation.feed`; replies come out of :meth:`Conversation.read_line`.
Reply texts follow aiosmtpd 1.4, so the fake answers like :class:`SMTPTestServer` does. What
the client should see when the peer goes quiet or away is a :data:`Conversation.state`:
``"open"``, ``"hang"`` (no reply will come), ``"closed"`` (end of file) or ``"broken"`` (the
socket is unusable, as after a failed TLS handshake).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from ._accounts import (
    AUTH_INVALID,
    AUTH_NEEDS_TLS,
    AUTH_OK,
    AUTH_REQUIRED,
    AUTH_UNKNOWN_MECH,
    STARTTLS_REQUIRED,
    Accounts,
    b64decode,
    parse_xoauth2,
    split_plain,
)
from ._faults import Fault, FaultStage, pick_fault, slow_faults
from ._records import Outbox, RecordedMessage, Transcript

__all__ = [
    "VERB_STAGES",
    "Conversation",
    "ConversationOptions",
    "State",
    "address_of",
    "reply_text",
]

State: TypeAlias = Literal["open", "hang", "closed", "broken"]

VERB_STAGES: dict[str, FaultStage] = {
    "EHLO": "ehlo",
    "HELO": "ehlo",
    "STARTTLS": "starttls",
    "AUTH": "auth",
    "MAIL": "mail",
    "RCPT": "rcpt",
    "DATA": "data",
    "QUIT": "quit",
}
_ALLOWED_BEFORE_STARTTLS = frozenset({"NOOP", "EHLO", "STARTTLS", "QUIT"})
_DATA_SIZE = 33554432


def address_of(arg: str | None) -> str | None:
    """The address inside ``FROM:<a@b> ...`` / ``TO:<a@b>``, or None."""
    if not arg:
        return None
    start, end = arg.find("<"), arg.find(">")
    if 0 <= start < end:
        return arg[start + 1 : end]
    _, _, rest = arg.partition(":")
    return rest.strip().split(" ", 1)[0] or None


def reply_text(code: int, lines: tuple[str, ...]) -> list[bytes]:
    """``code-line`` ... ``code line`` reply lines."""
    last = len(lines) - 1
    return [f"{code}{'-' if i < last else ' '}{line}".encode() for i, line in enumerate(lines)]


@dataclass(frozen=True, slots=True)
class ConversationOptions:
    """What the in-memory server offers and requires."""

    accounts: Accounts = field(default_factory=Accounts)
    mechanisms: tuple[str, ...] = ("LOGIN", "PLAIN", "XOAUTH2")
    starttls: bool = True
    auth_after_tls: bool = True
    require_starttls: bool = False
    require_auth: bool = False
    hostname: str = "smtp.smtpdiag.test"


@dataclass
class _Envelope:
    mail_from: str | None = None
    mail_options: list[str] = field(default_factory=list)
    rcpt_tos: list[str] = field(default_factory=list)


class Conversation:
    """One connection to the in-memory server."""

    def __init__(
        self,
        options: ConversationOptions,
        faults: tuple[Fault, ...],
        *,
        attempt: int,
        outbox: Outbox,
        transcript: Transcript,
        tls: bool,
        host: str = "",
        port: int = 0,
    ) -> None:
        self.options = options
        self.faults = faults
        self.attempt = attempt
        self.outbox = outbox
        self.transcript = transcript
        self.tls = tls
        self.host = host
        self.port = port
        self.state: State = "open"
        #: The stage whose reply is pending (drives slow faults).
        self.stage: FaultStage | None = "connect"
        self._replies: list[bytes] = []
        self._inbuf = b""
        self._helo: str | None = None
        self._esmtp = False
        self._user: str | None = None
        self._envelope = _Envelope()
        self._data: list[bytes] | None = None
        self._continuation: Callable[[bytes], None] | None = None
        self._greet()

    # -- output -------------------------------------------------------------------------

    def _send(self, *lines: str | bytes) -> None:
        for line in lines:
            raw = line.encode("utf-8") if isinstance(line, str) else line
            self.transcript.add("server", raw, tls=self.tls, attempt=self.attempt)
            self._replies.append(raw + b"\r\n")

    def _send_fault(self, fault: Fault) -> None:
        assert fault.code is not None
        self._send(*reply_text(fault.code, fault.reply_lines))
        if fault.code == 421:
            self.state = "closed"

    def _apply(self, fault: Fault) -> bool:
        """Act on a stage fault; True when the command must not be processed further."""
        if fault.action == "timeout":
            self.state = "hang"
        elif fault.action == "drop":
            self.state = "closed"
        else:
            self._send_fault(fault)
        return True

    def pending_delay(self) -> float:
        """Seconds the pending reply is held back (slow faults at the current stage)."""
        return sum(f.delay for f in slow_faults(self.faults, self.stage))

    def read_line(self) -> bytes | None:
        """The next reply line with CRLF, b"" at end of file, None when nothing will come."""
        if self._replies:
            return self._replies.pop(0)
        if self.state == "closed":
            return b""
        return None

    # -- input --------------------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        """Receive bytes from the client."""
        if self.state != "open":
            return
        self._inbuf += data
        while self.state == "open" and b"\n" in self._inbuf:
            line, self._inbuf = self._inbuf.split(b"\n", 1)
            line = line.rstrip(b"\r")
            self.transcript.add("client", line, tls=self.tls, attempt=self.attempt)
            self._line(line)

    def start_tls(self) -> None:
        """The TLS handshake after ``220 Ready to start TLS`` succeeded."""
        self.tls = True
        self._helo = None
        self._esmtp = False
        self._envelope = _Envelope()
        self._inbuf = b""

    def _greet(self) -> None:
        fault = pick_fault(self.faults, "connect")
        if fault is None:
            self._send(f"220 {self.options.hostname} smtpdiag fake server")
            return
        self._apply(fault)
        if fault.action == "reject":
            self.state = "closed"

    def _line(self, line: bytes) -> None:
        if self._data is not None:
            self._data_line(line)
            return
        if self._continuation is not None:
            handler, self._continuation = self._continuation, None
            if line.strip() == b"*":
                self._send("501 5.7.0 Auth aborted")
                return
            handler(line.strip())
            return
        verb_bytes, _, arg_bytes = line.partition(b" ")
        verb = verb_bytes.upper().decode("ascii", "replace")
        arg = arg_bytes.strip().decode("utf-8", "surrogateescape") or None
        stage = VERB_STAGES.get(verb)
        self.stage = stage
        if not line:
            self._send("500 Error: bad syntax")
            return
        if self._starttls_needed() and verb not in _ALLOWED_BEFORE_STARTTLS:
            self._send(STARTTLS_REQUIRED)
            return
        if stage is not None:
            address = address_of(arg) if stage in ("mail", "rcpt") else None
            fault = pick_fault(self.faults, stage, address)
            if fault is not None:
                if fault.challenge is not None and (arg or "").upper().startswith("XOAUTH2"):
                    self._send(b"334 " + base64.b64encode(fault.challenge.encode()))
                    self._continuation = lambda _line: self._send_fault(fault)
                    return
                self._apply(fault)
                return
        command: Callable[[str | None], None] | None = (
            getattr(self, f"_cmd_{verb.lower()}", None) if verb.isalpha() else None
        )
        if command is None:
            self._send(f'500 Error: command "{verb}" not recognized')
            return
        command(arg)

    def _starttls_needed(self) -> bool:
        return self.options.require_starttls and self._offers_starttls() and not self.tls

    def _offers_starttls(self) -> bool:
        return self.options.starttls and not any(f.action == "no_starttls" for f in self.faults)

    def _auth_visible(self) -> bool:
        return self.tls or not self.options.auth_after_tls

    # -- commands -----------------------------------------------------------------------

    def _cmd_ehlo(self, arg: str | None) -> None:
        if not arg:
            self._send("501 Syntax: EHLO hostname")
            return
        self._envelope = _Envelope()
        self._helo = arg
        self._esmtp = True
        lines = [self.options.hostname, f"SIZE {_DATA_SIZE}", "8BITMIME"]
        if self._offers_starttls() and not self.tls:
            lines.append("STARTTLS")
        if self._auth_visible() and self.options.mechanisms:
            lines.append("AUTH " + " ".join(self.options.mechanisms))
        lines.append("HELP")
        self._send(*reply_text(250, tuple(lines)))

    def _cmd_helo(self, arg: str | None) -> None:
        if not arg:
            self._send("501 Syntax: HELO hostname")
            return
        self._envelope = _Envelope()
        self._helo = arg
        self._esmtp = False
        self._send(f"250 {self.options.hostname}")

    def _cmd_noop(self, arg: str | None) -> None:
        self._send("250 OK")

    def _cmd_rset(self, arg: str | None) -> None:
        if arg:
            self._send("501 Syntax: RSET")
            return
        self._envelope = _Envelope()
        self._send("250 OK")

    def _cmd_quit(self, arg: str | None) -> None:
        self._send("221 Bye")
        self.state = "closed"

    def _cmd_vrfy(self, arg: str | None) -> None:
        if not arg:
            self._send("501 Syntax: VRFY <address>")
            return
        self._send("252 Cannot VRFY user, but will accept message and attempt delivery")

    def _cmd_starttls(self, arg: str | None) -> None:
        if arg:
            self._send("501 Syntax: STARTTLS")
        elif not self._offers_starttls() or self.tls:
            self._send("454 TLS not available")
        else:
            self._send("220 Ready to start TLS")

    def _cmd_auth(self, arg: str | None) -> None:
        if self._helo is None:
            self._send("503 Error: send EHLO first")
        elif not self._esmtp:
            self._send("500 Error: command 'AUTH' not recognized")
        elif self.options.auth_after_tls and not self.tls:
            self._send(AUTH_NEEDS_TLS)
        elif self._user is not None:
            self._send("503 Already authenticated")
        elif not arg:
            self._send("501 Not enough value")
        elif len(arg.split()) > 2:
            self._send("501 Too many values")
        else:
            mechanism, *rest = arg.split()
            mechanism = mechanism.upper()
            if mechanism not in self.options.mechanisms:
                self._send(AUTH_UNKNOWN_MECH)
                return
            initial = rest[0] if rest else None
            getattr(self, f"_auth_{mechanism.lower()}")(initial)

    def _decoded(self, blob: bytes | str) -> bytes | None:
        decoded = b64decode(blob)
        if decoded is None:
            self._send("501 5.5.2 Can't decode base64")
        return decoded

    def _challenge(self, text: bytes, then: Callable[[bytes], None]) -> None:
        self._send(b"334 " + base64.b64encode(text))
        self._continuation = then

    def _finish_auth(self, ok: bool, user: str) -> None:
        if ok:
            self._user = user
            self._send(AUTH_OK)
        else:
            self._send(AUTH_INVALID)

    def _auth_plain(self, initial: str | None) -> None:
        def check(blob: bytes | str) -> None:
            decoded = self._decoded(blob)
            if decoded is None:
                return
            parts = split_plain(decoded)
            if parts is None:
                self._send("501 5.5.2 Can't split auth value")
                return
            self._finish_auth(self.options.accounts.check_password(*parts), parts[0])

        if initial is None:
            self._challenge(b"", check)
        else:
            check(initial)

    def _auth_login(self, initial: str | None) -> None:
        def password(user: str, blob: bytes) -> None:
            decoded = self._decoded(blob)
            if decoded is not None:
                secret = decoded.decode("utf-8", "replace")
                self._finish_auth(self.options.accounts.check_password(user, secret), user)

        def username(blob: bytes | str) -> None:
            decoded = self._decoded(blob)
            if decoded is not None:
                user = decoded.decode("utf-8", "replace")
                self._challenge(b"Password\x00", lambda b: password(user, b))

        if initial is None:
            self._challenge(b"User Name\x00", username)
        else:
            username(initial)

    def _auth_xoauth2(self, initial: str | None) -> None:
        def check(blob: bytes | str) -> None:
            decoded = self._decoded(blob)
            if decoded is None:
                return
            parsed = parse_xoauth2(decoded)
            ok = parsed is not None and self.options.accounts.check_token(*parsed)
            self._finish_auth(ok, parsed[0] if parsed else "")

        if initial is None:
            self._challenge(b"", check)
        else:
            check(initial)

    def _cmd_mail(self, arg: str | None) -> None:
        if self._helo is None:
            self._send("503 Error: send HELO first")
            return
        if self.options.require_auth and self._user is None:
            self._send(AUTH_REQUIRED)
            return
        if not arg or not arg.upper().startswith("FROM:"):
            self._send("501 Syntax: MAIL FROM: <address>")
            return
        if self._envelope.mail_from is not None:
            self._send("503 Error: nested MAIL command")
            return
        address = address_of(arg) or ""
        after = arg[arg.find(">") + 1 :] if ">" in arg else ""
        self._envelope.mail_from = address
        self._envelope.mail_options = after.upper().split()
        self._send("250 OK")

    def _cmd_rcpt(self, arg: str | None) -> None:
        if self._helo is None:
            self._send("503 Error: send HELO first")
            return
        if self._envelope.mail_from is None:
            self._send("503 Error: need MAIL command")
            return
        if not arg or not arg.upper().startswith("TO:"):
            self._send("501 Syntax: RCPT TO: <address>")
            return
        self._envelope.rcpt_tos.append(address_of(arg) or "")
        self._send("250 OK")

    def _cmd_data(self, arg: str | None) -> None:
        if self._helo is None:
            self._send("503 Error: send HELO first")
            return
        if not self._envelope.rcpt_tos:
            self._send("503 Error: need RCPT command")
            return
        if arg:
            self._send("501 Syntax: DATA")
            return
        self._send("354 End data with <CR><LF>.<CR><LF>")
        self._data = []

    def _data_line(self, line: bytes) -> None:
        assert self._data is not None
        if line != b".":
            self._data.append(line[1:] if line.startswith(b".") else line)
            return
        content = b"".join(part + b"\r\n" for part in self._data)
        self._data = None
        self.stage = "message"
        envelope, self._envelope = self._envelope, _Envelope()
        fault = pick_fault(self.faults, "message")
        if fault is not None:
            self._apply(fault)
            return
        self.outbox.append(
            RecordedMessage(
                envelope_from=envelope.mail_from or "",
                recipients=tuple(envelope.rcpt_tos),
                content=content,
                mail_options=tuple(envelope.mail_options),
                host=self.host,
                port=self.port,
                attempt=self.attempt,
                authenticated_as=self._user,
                tls=self.tls,
            )
        )
        self._send("250 OK")
