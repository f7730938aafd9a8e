"""A careful smtplib connection (I/O: sockets).

:class:`Connection` is an ``smtplib.SMTP`` that connects to an address resolved beforehand while
keeping the server name for TLS (SNI and certificate checks), bounds every read and write by the
step timeout and the overall deadline, waits for the greeting while probing for implicit TLS, runs
SASL exchanges itself (so XOAUTH2 error challenges are answered as RFC 7628 asks and non-ASCII
credentials are sent as UTF-8), and logs the conversation on the ``smtpdiag`` logger at DEBUG
with AUTH lines and message bodies left out.
"""

from __future__ import annotations

import base64
import binascii
import errno
import hmac
import logging
import re
import select
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from ._resolve import Address

__all__ = ["Connection", "Deadline", "ImplicitTLSDetected"]

_log = logging.getLogger("smtpdiag")

#: How long to wait for a greeting before probing the port for implicit TLS.
GREETING_GRACE = 1.0
#: How long the implicit-TLS probe may take (its own connection, in parallel with the wait).
PROBE_TIMEOUT = 2.0
#: SASL rounds before giving up on a server that keeps challenging (smtplib uses 5 too).
_MAX_AUTH_ROUNDS = 5
_REDACTED = "********"


class Deadline:
    """An overall time budget; ``bound(step)`` gives the time a step may take within it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def bound(self, step: float) -> float:
        left = self.left()
        if left <= 0:
            raise TimeoutError(f"timed out: the overall deadline of {self.seconds:g} s passed")
        return min(step, left)


class ImplicitTLSDetected(Exception):
    """No greeting came, and the port answered a TLS handshake: it expects implicit TLS."""

    def __init__(self, waited: float, version: str | None) -> None:
        super().__init__(waited, version)
        self.waited = waited
        self.version = version


def _address_literal(ip: str) -> str:
    # RFC 5321 §4.1.4: a client with no meaningful name uses an address literal in EHLO.
    return f"[IPv6:{ip}]" if ":" in ip else f"[{ip}]"


class Connection(smtplib.SMTP):
    """An SMTP client connection; see the module docstring. Never connects in ``__init__``."""

    def __init__(
        self,
        host: str,
        *,
        step_timeout: float,
        deadline: Deadline,
        local_hostname: str | None = None,
    ) -> None:
        # smtplib.SMTP() without a host does not connect; an explicit local_hostname keeps it
        # from calling socket.getfqdn() (a possible reverse-DNS stall).
        super().__init__(local_hostname=local_hostname or "localhost", timeout=step_timeout)
        self._host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
        self._own_name = local_hostname is None
        self.step_timeout = step_timeout
        self.deadline = deadline
        self.address: Address | None = None
        self.greeting = b""
        self._auth_active = False
        self._body_active = False
        self.body_sent = False
        self._reply_end = 0.0

    # -- bounded, logged I/O -----------------------------------------------------------------
    def _arm(self) -> None:
        if self.sock is not None:
            self.sock.settimeout(self.deadline.bound(self.step_timeout))

    def _arm_reply(self) -> None:
        left = self._reply_end - time.monotonic()
        if left <= 0:
            raise TimeoutError("timed out")
        if self.sock is not None:
            self.sock.settimeout(min(left, self.deadline.bound(self.step_timeout)))

    def send(self, s: Any) -> None:
        self._arm()
        if _log.isEnabledFor(logging.DEBUG):
            _log.debug("C: %s", self._shown(s))
        super().send(s)

    def getreply(self) -> tuple[int, bytes]:
        if self.file is None and self.sock is not None:
            # Our own reader: every recv is bounded by the step timeout and what is left of
            # the deadline, so neither a multi-line reply nor a slow drip can outlast it.
            self.file = _LineReader(self.sock, self._arm_reply)
        # The whole reply, not each recv, must come within the step timeout: a server that
        # drips one byte per second would otherwise hold every step up to the deadline.
        self._reply_end = time.monotonic() + self.deadline.bound(self.step_timeout)
        code, msg = super().getreply()
        if _log.isEnabledFor(logging.DEBUG):
            _log.debug("S: %s %s", code, msg.decode("utf-8", "replace").replace("\n", " | "))
        return code, msg

    def _shown(self, data: Any) -> str:
        if self._body_active:
            return f"<message body, {len(data)} bytes>"
        text = bytes(data).decode("utf-8", "replace") if not isinstance(data, str) else data
        text = text.rstrip("\r\n")
        if self._auth_active:
            parts = text.split(" ", 2)
            if parts[0].upper() == "AUTH" and len(parts) >= 2:
                return " ".join(parts[:2]) + (f" {_REDACTED}" if len(parts) > 2 else "")
            return _REDACTED
        return text

    # -- connecting ----------------------------------------------------------------------------
    def open_socket(self, addresses: Sequence[Address]) -> Address:
        """Connect to the first address that answers, all within one step timeout."""
        stage_end = time.monotonic() + self.deadline.bound(self.step_timeout)
        last: OSError | None = None
        for address in addresses:
            left = min(stage_end - time.monotonic(), self.deadline.left())
            if left <= 0:
                break
            sock = socket.socket(address.family, socket.SOCK_STREAM)
            try:
                sock.settimeout(left)
                sock.connect(address.sockaddr)
            except OSError as exc:
                sock.close()
                last = exc
                continue
            self.sock = sock
            self.address = address
            if self._own_name:
                self.local_hostname = _address_literal(sock.getsockname()[0])
            return address
        if last is None:
            last = TimeoutError("timed out")
        raise last

    def wrap_tls(self, context: ssl.SSLContext) -> None:
        """Implicit TLS: the handshake right after connecting (port 465, RFC 8314)."""
        assert self.sock is not None
        self._arm()
        self.sock = context.wrap_socket(self.sock, server_hostname=self._host)

    def read_greeting(self, *, probe: bool) -> tuple[int, bytes]:
        """Read the 220 greeting; with ``probe``, detect a port that expects implicit TLS."""
        if probe:
            self._await_greeting()
        code, msg = self.getreply()
        self.greeting = msg
        if code != 220:
            self.close()
            raise smtplib.SMTPConnectError(code, msg)
        return code, msg

    def _await_greeting(self) -> None:
        sock = self.sock
        assert sock is not None
        assert self.address is not None
        start = time.monotonic()
        end = start + self.deadline.bound(self.step_timeout)
        grace = min(GREETING_GRACE, (end - start) / 2)
        if _readable(sock, grace):
            return
        prober = _TLSProbe(self.address, self._host, min(PROBE_TIMEOUT, end - time.monotonic()))
        try:
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    self.close()
                    try:
                        raise TimeoutError("timed out")
                    except TimeoutError as exc:
                        # The same exception smtplib raises for a greeting that never comes.
                        raise smtplib.SMTPServerDisconnected(
                            "Connection unexpectedly closed: timed out"
                        ) from exc
                readers: list[socket.socket] = [sock]
                writers: list[socket.socket] = []
                wait = left
                if prober.verdict is None:
                    (writers if prober.want_write else readers).append(prober.sock)
                    wait = max(min(left, prober.left()), 0.0)
                ready_r, _, _ = select.select(readers, writers, [], wait)
                if sock in ready_r:
                    return
                if prober.verdict is None:
                    prober.step()
                if prober.verdict:
                    self.close()
                    raise ImplicitTLSDetected(time.monotonic() - start, prober.version)
        finally:
            prober.close()

    def hello(self) -> tuple[int, bytes]:
        """EHLO, falling back to HELO (RFC 5321 §4.1.1.1)."""
        code, msg = self.ehlo()
        if code != 250:
            code, msg = self.helo()
            if code != 250:
                raise smtplib.SMTPHeloError(code, msg)
        return code, msg

    def tls_info(self) -> tuple[str | None, datetime | None]:
        """The TLS version and the certificate's expiry (UTC) when the connection is encrypted."""
        sock = self.sock
        if not isinstance(sock, ssl.SSLSocket):
            return None, None
        expires = None
        try:
            cert = sock.getpeercert()
        except (OSError, ValueError):
            cert = None
        not_after = cert.get("notAfter") if cert else None
        if isinstance(not_after, str):
            try:
                expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(not_after), tz=UTC)
            except ValueError:
                expires = None
        return sock.version(), expires

    # -- authentication ------------------------------------------------------------------------
    @property
    def auth_mechanisms(self) -> tuple[str, ...]:
        return tuple(self.esmtp_features.get("auth", "").upper().split())

    def sasl(
        self,
        mechanism: str,
        initial: bytes | None,
        respond: Callable[[bytes], bytes],
    ) -> tuple[int, bytes]:
        """Run one SASL exchange (RFC 4954); return the final reply.

        ``initial`` is the initial response (None: none is sent); ``respond`` answers each 334
        challenge (already base64-decoded). The lines sent are never logged.
        """
        self._auth_active = True
        try:
            args = mechanism
            if initial is not None:
                args += " " + (base64.b64encode(initial).decode("ascii") if initial else "=")
            code, msg = self.docmd("AUTH", args)
            rounds = 0
            while code == 334:
                rounds += 1
                if rounds > _MAX_AUTH_ROUNDS:
                    raise smtplib.SMTPException(
                        f"Server AUTH mechanism infinite loop. Last response: {(code, msg)!r}"
                    )
                try:
                    challenge = base64.b64decode(msg, validate=False)
                except (binascii.Error, ValueError):
                    challenge = b""
                answer = respond(challenge)
                code, msg = self.docmd(base64.b64encode(answer).decode("ascii") if answer else "")
            return code, msg
        finally:
            self._auth_active = False

    # -- the message ---------------------------------------------------------------------------
    def transfer(self, body: bytes) -> tuple[int, bytes]:
        """DATA: send the body (dot-stuffed, CRLF line ends) and return the final reply.

        ``body_sent`` is True once the whole body and the final "." were handed to the network:
        a failure after that point leaves delivery unknown.
        """
        self.body_sent = False
        code, msg = self.docmd("DATA")
        if code != 354:
            raise smtplib.SMTPDataError(code, msg)
        self._body_active = True
        try:
            self.send(_wire_body(body))
        finally:
            self._body_active = False
        self.body_sent = True
        return self.getreply()

    def discard(self) -> None:
        """Close without QUIT (the state of the connection is not known)."""
        self.close()


class _LineReader:
    """``readline`` over a socket, re-arming the socket's timeout before every ``recv``."""

    def __init__(self, sock: socket.socket, arm: Callable[[], None]) -> None:
        self._sock = sock
        self._arm = arm
        self._buffer = bytearray()

    def readline(self, limit: int = -1) -> bytes:
        while b"\n" not in self._buffer and (limit < 0 or len(self._buffer) < limit):
            self._arm()
            chunk = self._sock.recv(4096)
            if not chunk:
                break
            self._buffer += chunk
        end = self._buffer.find(b"\n") + 1 or len(self._buffer)
        if limit >= 0:
            end = min(end, limit)
        line = bytes(self._buffer[:end])
        del self._buffer[:end]
        return line

    def close(self) -> None:
        self._buffer.clear()


_LINE_END = re.compile(rb"\r\n|\r|\n")


def _wire_body(body: bytes) -> bytes:
    # RFC 5321 §4.5.2 dot-stuffing and §2.3.8 CRLF line ends, then the end-of-data line.
    data = _LINE_END.sub(b"\r\n", body)
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def _readable(sock: socket.socket, timeout: float) -> bool:
    if isinstance(sock, ssl.SSLSocket) and sock.pending():
        return True
    ready, _, _ = select.select([sock], [], [], max(timeout, 0.0))
    return bool(ready)


class _TLSProbe:
    """A non-blocking TLS handshake on a second connection to the same address.

    Only tells whether the port speaks TLS: nothing is verified and nothing is sent after the
    handshake.
    """

    def __init__(self, address: Address, server_hostname: str, timeout: float) -> None:
        self.end = time.monotonic() + max(timeout, 0.0)
        self.verdict: bool | None = None
        self.version: str | None = None
        self.want_write = True
        self._connecting = True
        self._server_hostname = server_hostname
        self._tls: ssl.SSLSocket | None = None
        self.sock = socket.socket(address.family, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        err = self.sock.connect_ex(address.sockaddr)
        if err not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN):
            self.verdict = False

    def left(self) -> float:
        return self.end - time.monotonic()

    def step(self) -> None:
        if self.left() <= 0:
            self.verdict = False
            return
        try:
            if self._connecting:
                if self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                    self.verdict = False
                    return
                try:
                    self.sock.getpeername()
                except OSError:
                    return  # not connected yet
                self._connecting = False
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
                self._tls = context.wrap_socket(
                    self.sock, server_hostname=self._server_hostname, do_handshake_on_connect=False
                )
                self.sock = self._tls
            assert self._tls is not None
            self._tls.do_handshake()
        except ssl.SSLWantReadError:
            self.want_write = False
        except ssl.SSLWantWriteError:
            self.want_write = True
        except (OSError, ValueError):
            self.verdict = False
        else:
            self.verdict = True
            self.version = self._tls.version() if self._tls is not None else None

    def close(self) -> None:
        self.sock.close()


def cram_md5(username: str, password: str) -> Callable[[bytes], bytes]:
    """The CRAM-MD5 responder (RFC 2195)."""

    def respond(challenge: bytes) -> bytes:
        digest = hmac.HMAC(password.encode("utf-8"), challenge, "md5").hexdigest()
        return f"{username} {digest}".encode()

    return respond
