"""Drop-in fakes for smtplib.SMTP and smtplib.SMTP_SSL, and patch_smtplib(). No network I/O.

The fakes subclass the real smtplib classes and replace only the socket with an in-memory
:class:`~smtpdiag.testing._conversation.Conversation`. Every command, reply parse, retry and
exception therefore comes from smtplib itself: a refused recipient raises the same
``SMTPRecipientsRefused`` with the same ``recipients`` dict, a dropped connection the same
``SMTPServerDisconnected`` text. The fakes never sleep or block: where a real client would wait
for a silent server, the fake times out at once.
"""

from __future__ import annotations

import contextlib
import ipaddress
import smtplib
import socket
import ssl
import sys
import threading
import warnings
from collections.abc import Collection, Mapping
from types import TracebackType
from typing import Any, ClassVar, cast

from ._accounts import MECHANISMS, Accounts
from ._conversation import Conversation, ConversationOptions
from ._faults import CertificateKind, Fault, FaultSpec, faults_for_attempt, pick_fault
from ._records import Outbox, Transcript

__all__ = ["FakeMailServer", "FakeSMTP", "FakeSMTP_SSL", "SMTPPatch", "patch_smtplib"]

_REAL_SMTP = smtplib.SMTP
_REAL_SMTP_SSL = smtplib.SMTP_SSL
_SSL_LINE = "(_ssl.c:1006)"  # where CPython 3.11's _ssl.c raises these errors

# OpenSSL X509_V_ERR_* codes and texts, as measured (see the smtplib notes).
_VERIFY: dict[str, tuple[int, str]] = {
    "self_signed": (18, "self-signed certificate"),
    "untrusted": (20, "unable to get local issuer certificate"),
    "expired": (10, "certificate has expired"),
}


def certificate_verify_error(kind: CertificateKind, host: str) -> ssl.SSLCertVerificationError:
    """The ``ssl.SSLCertVerificationError`` a verifying client gets for a *kind* certificate."""
    if kind == "wrong_host":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            code, text = 62, f"Hostname mismatch, certificate is not valid for '{host}'."
        else:
            code, text = 64, f"IP address mismatch, certificate is not valid for '{host}'."
    else:
        code, text = _VERIFY[kind]
    error = ssl.SSLCertVerificationError(
        1, f"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {text} {_SSL_LINE}"
    )
    error.reason = "CERTIFICATE_VERIFY_FAILED"
    error.library = "SSL"
    error.verify_code = code
    error.verify_message = text
    return error


def wrong_version_error() -> ssl.SSLError:
    """What a TLS client gets when the port answers in plain text."""
    error = ssl.SSLError(1, f"[SSL: WRONG_VERSION_NUMBER] wrong version number {_SSL_LINE}")
    error.reason = "WRONG_VERSION_NUMBER"
    error.library = "SSL"
    return error


def _verifies(context: ssl.SSLContext | None) -> bool:
    return context is not None and context.verify_mode != ssl.CERT_NONE


def _tls_check(faults: tuple[Fault, ...], context: ssl.SSLContext | None, host: str) -> None:
    fault = next((f for f in faults if f.action == "certificate"), None)
    if fault is None or fault.certificate is None or not _verifies(context):
        return
    assert context is not None
    if fault.certificate == "wrong_host" and not context.check_hostname:
        return
    raise certificate_verify_error(fault.certificate, host)


class _FakeFile:
    """What ``sock.makefile("rb")`` returns: smtplib only calls readline() and close()."""

    def __init__(self, sock: _FakeSocket) -> None:
        self._sock = sock

    def readline(self, limit: int = -1) -> bytes:
        conv = self._sock.conversation
        if self._sock.broken:
            raise ConnectionResetError(104, "Connection reset by peer")
        timeout = self._sock.timeout
        line = conv.read_line()
        if line is None:
            # A real client waits for the timeout (forever without one); the fake does not.
            raise TimeoutError("timed out")
        if line and timeout is not None and conv.pending_delay() >= timeout:
            raise TimeoutError("timed out")
        return line

    def close(self) -> None:
        """Nothing to release."""


class _FakeSocket:
    """The part of a socket smtplib uses: sendall, makefile, close."""

    def __init__(self, conversation: Conversation, timeout: float | None) -> None:
        self.conversation = conversation
        self.timeout = timeout
        self.broken = False
        self.closed = False

    def sendall(self, data: bytes) -> None:
        if self.broken or self.closed:
            raise BrokenPipeError(32, "Broken pipe")
        self.conversation.feed(bytes(data))

    def makefile(self, mode: str = "rb") -> _FakeFile:
        return _FakeFile(self)

    def close(self) -> None:
        self.closed = True

    def start_tls(self, context: ssl.SSLContext, server_hostname: str) -> _FakeSocket:
        try:
            _tls_check(self.conversation.faults, context, server_hostname)
        except ssl.SSLError:
            self.broken = True
            raise
        self.conversation.start_tls()
        return self


class _WrapProxy:
    """Stands in for the SSLContext smtplib's starttls() wraps the socket with."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self.context = context

    def wrap_socket(self, sock: _FakeSocket, server_hostname: str) -> _FakeSocket:
        return sock.start_tls(self.context, server_hostname)


class FakeMailServer:
    """The in-memory peer behind :class:`FakeSMTP`: options, faults, outbox and transcript.

    ``server.SMTP`` and ``server.SMTP_SSL`` are fake classes bound to this server; use them
    directly or let :func:`patch_smtplib` install them. Connection attempts are counted across
    instances, so a :class:`~smtpdiag.testing.Script` can fail the first attempt and let the
    retry succeed. Defaults: STARTTLS offered, AUTH offered only inside TLS (in clear when
    ``starttls=False``), any credentials accepted (pass *credentials* / *tokens* to restrict
    them).
    """

    def __init__(
        self,
        *,
        faults: FaultSpec = None,
        credentials: Mapping[str, str] | None = None,
        tokens: Mapping[str, str] | Collection[str] | None = None,
        mechanisms: Collection[str] = MECHANISMS,
        starttls: bool = True,
        auth_after_tls: bool | None = None,
        require_starttls: bool = False,
        require_auth: bool = False,
        hostname: str = "smtp.smtpdiag.test",
    ) -> None:
        unknown = {m.upper() for m in mechanisms} - set(MECHANISMS)
        if unknown:
            raise ValueError(f"unsupported AUTH mechanisms: {sorted(unknown)}")
        self.faults = faults
        self.options = ConversationOptions(
            accounts=Accounts(credentials, tokens),
            mechanisms=tuple(sorted(m.upper() for m in mechanisms)),
            starttls=starttls,
            auth_after_tls=starttls if auth_after_tls is None else auth_after_tls,
            require_starttls=require_starttls,
            require_auth=require_auth,
            hostname=hostname,
        )
        self.outbox = Outbox()
        self.transcript = Transcript()
        #: ``(host, port, implicit_tls)`` of every connection attempt, in order.
        self.connections: list[tuple[str, int, bool]] = []
        self._lock = threading.Lock()
        self._classes: tuple[type[FakeSMTP], type[FakeSMTP_SSL]] | None = None

    @property
    def attempts(self) -> int:
        """How many connections were attempted."""
        with self._lock:
            return len(self.connections)

    @property
    def SMTP(self) -> type[FakeSMTP]:
        """A :class:`FakeSMTP` subclass bound to this server."""
        return self._bound()[0]

    @property
    def SMTP_SSL(self) -> type[FakeSMTP_SSL]:
        """A :class:`FakeSMTP_SSL` subclass bound to this server."""
        return self._bound()[1]

    def _bound(self) -> tuple[type[FakeSMTP], type[FakeSMTP_SSL]]:
        if self._classes is None:
            plain = type("FakeSMTP", (FakeSMTP,), {"server": self})
            secure = type("FakeSMTP_SSL", (FakeSMTP_SSL,), {"server": self})
            self._classes = (plain, secure)
        return self._classes

    def reset(self) -> None:
        """Forget messages, transcript and attempts (faults restart from attempt 0)."""
        with self._lock:
            self.connections.clear()
        self.outbox.clear()
        self.transcript.clear()

    def open(
        self,
        host: str,
        port: int,
        timeout: float | None,
        *,
        implicit_tls: bool,
        context: ssl.SSLContext | None = None,
    ) -> _FakeSocket:
        """Connect: raise what connecting raises, or return the fake socket."""
        with self._lock:
            attempt = len(self.connections)
            self.connections.append((host, port, implicit_tls))
        faults = faults_for_attempt(self.faults, attempt)
        actions = {f.action for f in faults}
        if "refuse" in actions:
            raise ConnectionRefusedError(111, "Connection refused")
        if pick_fault(faults, "tcp", actions=frozenset({"timeout"})) is not None:
            if timeout is None:
                raise TimeoutError(110, "Connection timed out")
            raise TimeoutError("timed out")
        if "tls_mismatch" in actions:
            if implicit_tls:
                raise wrong_version_error()
            # A plain client on a TLS port waits for a banner that never comes.
            faults = (Fault.timeout("connect"), *faults)
        if implicit_tls:
            if pick_fault(faults, "connect", actions=frozenset({"timeout"})) is not None:
                raise TimeoutError("_ssl.c:989: The handshake operation timed out")
            _tls_check(faults, context, host)
        conversation = Conversation(
            self.options,
            faults,
            attempt=attempt,
            outbox=self.outbox,
            transcript=self.transcript,
            tls=implicit_tls,
            host=host,
            port=port,
        )
        return _FakeSocket(conversation, timeout)

    def __repr__(self) -> str:
        return f"<FakeMailServer attempts={self.attempts} messages={len(self.outbox)}>"


class _FakeMixin:
    """Replaces smtplib's socket creation and TLS wrapping with the in-memory server."""

    server: ClassVar[FakeMailServer]
    _implicit_tls: ClassVar[bool] = False
    sock: Any
    timeout: Any
    debuglevel: int

    def _get_socket(self, host: str, port: int, timeout: float | None) -> Any:
        if self.debuglevel > 0:
            print("connect:", (host, port), file=sys.stderr)
        if timeout is socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
            timeout = socket.getdefaulttimeout()
        return self.server.open(
            host,
            port,
            timeout,
            implicit_tls=self._implicit_tls,
            context=getattr(self, "context", None),
        )

    def starttls(
        self,
        keyfile: str | None = None,
        certfile: str | None = None,
        context: ssl.SSLContext | None = None,
    ) -> tuple[int, bytes]:
        """smtplib's starttls(); the TLS handshake is simulated, certificate faults included."""
        if keyfile is not None or certfile is not None:
            warnings.warn(
                "keyfile and certfile are deprecated, use a custom context instead",
                DeprecationWarning,
                2,
            )
        if context is None:
            # smtplib's default: no certificate verification at all.
            context = ssl._create_unverified_context()
        proxy = cast(ssl.SSLContext, _WrapProxy(context))
        return _REAL_SMTP.starttls(cast(smtplib.SMTP, self), context=proxy)

    @property
    def outbox(self) -> Outbox:
        """The bound server's outbox."""
        return self.server.outbox


class FakeSMTP(_FakeMixin, smtplib.SMTP):  # type: ignore[misc]
    """Drop-in fake for :class:`smtplib.SMTP` talking to a :class:`FakeMailServer`.

    The constructor and every method are smtplib's own; only the network is replaced. Without
    ``local_hostname`` it uses ``"localhost"`` instead of ``socket.getfqdn()`` (no DNS).
    Unbound, the class uses a shared default server (``FakeSMTP.server``); tests should use
    :func:`patch_smtplib` or ``FakeMailServer().SMTP`` for isolation.
    """

    def __init__(
        self,
        host: str = "",
        port: int = 0,
        local_hostname: str | None = None,
        timeout: float = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
        source_address: tuple[bytearray | bytes | str, int] | None = None,
    ) -> None:
        super().__init__(host, port, local_hostname or "localhost", timeout, source_address)


class FakeSMTP_SSL(_FakeMixin, smtplib.SMTP_SSL):  # type: ignore[misc]
    """Drop-in fake for :class:`smtplib.SMTP_SSL` (implicit TLS) talking to a FakeMailServer.

    With a verifying ``context``, certificate faults raise ``ssl.SSLCertVerificationError``
    from the constructor, as the real class does; smtplib's default context verifies nothing.
    """

    _implicit_tls: ClassVar[bool] = True

    def __init__(
        self,
        host: str = "",
        port: int = 0,
        local_hostname: str | None = None,
        keyfile: str | None = None,
        certfile: str | None = None,
        timeout: float = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
        source_address: tuple[bytearray | bytes | str, int] | None = None,
        context: ssl.SSLContext | None = None,
    ) -> None:
        kwargs: dict[str, Any] = {"timeout": timeout, "source_address": source_address}
        if keyfile is not None or certfile is not None:
            kwargs.update(keyfile=keyfile, certfile=certfile)
        super().__init__(host, port, local_hostname or "localhost", context=context, **kwargs)


FakeSMTP.server = FakeMailServer()
FakeSMTP_SSL.server = FakeSMTP.server


class SMTPPatch(contextlib.ContextDecorator):
    """Installs a :class:`FakeMailServer`'s classes as ``smtplib.SMTP`` / ``smtplib.SMTP_SSL``.

    A context manager (``with patch_smtplib() as mail: ...``) and a decorator. On exit the
    previous classes come back, also when the block raised. ``outbox``, ``transcript`` and
    ``attempts`` read the server's records.
    """

    def __init__(self, server: FakeMailServer) -> None:
        self.server = server
        self._saved: list[tuple[type[smtplib.SMTP], type[smtplib.SMTP_SSL]]] = []

    @property
    def outbox(self) -> Outbox:
        """Messages the fake accepted."""
        return self.server.outbox

    @property
    def transcript(self) -> Transcript:
        """Every line exchanged with the fake."""
        return self.server.transcript

    @property
    def attempts(self) -> int:
        """Connection attempts so far."""
        return self.server.attempts

    def __enter__(self) -> SMTPPatch:
        self._saved.append((smtplib.SMTP, smtplib.SMTP_SSL))
        smtplib.SMTP = self.server.SMTP  # type: ignore[misc]
        smtplib.SMTP_SSL = self.server.SMTP_SSL  # type: ignore[misc]
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        smtplib.SMTP, smtplib.SMTP_SSL = self._saved.pop()  # type: ignore[misc]


def patch_smtplib(
    server: FakeMailServer | None = None,
    *,
    faults: FaultSpec = None,
    **options: Any,
) -> SMTPPatch:
    """Swap ``smtplib.SMTP`` and ``smtplib.SMTP_SSL`` for fakes while a block or test runs.

    Pass a ready :class:`FakeMailServer`, or *faults* and the server's keyword options
    (``credentials=``, ``require_auth=``, ...). Only attribute lookups through the ``smtplib``
    module are patched: ``from smtplib import SMTP`` taken before patching keeps the real class.
    """
    if server is None:
        server = FakeMailServer(faults=faults, **options)
    elif faults is not None or options:
        raise TypeError("pass either a FakeMailServer or options, not both")
    return SMTPPatch(server)
