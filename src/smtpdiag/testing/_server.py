"""A real SMTP server on loopback for tests: aiosmtpd in a thread, with TLS, AUTH and faults.

Does network I/O (it listens on 127.0.0.1) and file I/O (the CA file). aiosmtpd and trustme, the
``testing`` extra, are imported only when a server is built.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import ssl
import tempfile
import threading
from collections.abc import Callable, Collection, Coroutine, Mapping
from types import TracebackType
from typing import Any, Literal, NoReturn, TypeAlias

from ._accounts import (
    AUTH_REQUIRED,
    MECHANISMS,
    Accounts,
    b64decode,
    parse_xoauth2,
)
from ._certs import CertificateVariant, TestCertificates, certificates
from ._conversation import VERB_STAGES, address_of, reply_text
from ._faults import (
    CONNECTION_ACTIONS,
    Fault,
    FaultSpec,
    FaultStage,
    Script,
    faults_for_attempt,
    pick_fault,
    slow_faults,
)
from ._records import Outbox, RecordedMessage, Transcript

__all__ = ["Mode", "SMTPTestServer"]

#: How the server secures connections: none, STARTTLS on request, or TLS from the first byte.
Mode: TypeAlias = Literal["plain", "starttls", "ssl"]

_START_TIMEOUT = 10.0


def connection_faults(spec: FaultSpec) -> tuple[Fault, ...]:
    """Faults that describe the server as a whole; they may not vary per attempt here."""
    every = [f for a in range(_attempts_to_check(spec)) for f in faults_for_attempt(spec, a)]
    if any(f.action == "timeout" and f.stage == "tcp" for f in every):
        raise ValueError("a loopback server cannot drop SYN packets; use FakeSMTP for 'tcp'")
    found = [f for f in faults_for_attempt(spec, 0) if f.action in CONNECTION_ACTIONS]
    scripted = _scripted(spec)
    for fault in found:
        if fault.times is not None or scripted:
            raise ValueError(
                f"SMTPTestServer applies {fault.action!r} faults to every connection; "
                "use FakeSMTP to vary them per attempt"
            )
    return tuple(found)


def _attempts_to_check(spec: FaultSpec) -> int:
    if isinstance(spec, Script):
        return max(1, len(spec.attempts))
    if isinstance(spec, list | tuple):
        return max([1, *(_attempts_to_check(item) for item in spec)])
    return 1


def _scripted(spec: FaultSpec) -> bool:
    if spec is None:
        return False
    if isinstance(spec, Script):
        return any(f.action in CONNECTION_ACTIONS for a in spec.attempts for f in a)
    if isinstance(spec, Fault):
        return False
    if isinstance(spec, list | tuple):
        return any(_scripted(item) for item in spec)
    return False


class SMTPTestServer:
    """A real SMTP server on ``127.0.0.1`` and an ephemeral port, run in its own thread.

    Use it as a context manager (or call :meth:`start` and :meth:`stop`)::

        with SMTPTestServer("starttls", credentials={"alice": "s3cret"}) as server:
            with smtplib.SMTP(server.host, server.port, timeout=5) as smtp:
                smtp.starttls(context=server.client_context)
                smtp.login("alice", "s3cret")
                smtp.sendmail("alice@example.com", ["bob@example.com"], b"Subject: hi\\r\\n\\r\\n")
        assert server.messages[0].recipients == ("bob@example.com",)
        assert not server.transcript.leaked("s3cret")

    *mode* is ``"plain"``, ``"starttls"`` (STARTTLS offered) or ``"ssl"`` (implicit TLS).
    *credentials* (user → password) and *tokens* (user → token, or a set of tokens) say who may
    log in; ``None`` accepts anyone. *auth_after_tls* offers AUTH only inside TLS (the default
    when the mode has TLS). *require_starttls* refuses mail commands before STARTTLS;
    *require_auth* refuses MAIL before a login. *host* is ``"127.0.0.1"`` or ``"::1"``.
    *certificate* picks a good or broken server certificate. *faults* are :class:`Fault` /
    :class:`Script` descriptions; the faults that describe the whole server (refused connection,
    TLS mismatch, certificate errors) apply to every connection and may not be scripted.
    """

    def __init__(
        self,
        mode: Mode = "plain",
        *,
        faults: FaultSpec = None,
        credentials: Mapping[str, str] | None = None,
        tokens: Mapping[str, str] | Collection[str] | None = None,
        mechanisms: Collection[str] = MECHANISMS,
        auth_after_tls: bool | None = None,
        require_starttls: bool = False,
        require_auth: bool = False,
        certificate: CertificateVariant = "valid",
        hostname: str = "smtp.smtpdiag.test",
        idle_timeout: float = 60.0,
        host: str = "127.0.0.1",
    ) -> None:
        if mode not in ("plain", "starttls", "ssl"):
            raise ValueError(f"mode must be 'plain', 'starttls' or 'ssl', not {mode!r}")
        unknown = {m.upper() for m in mechanisms} - set(MECHANISMS)
        if unknown:
            raise ValueError(f"unsupported AUTH mechanisms: {sorted(unknown)}")
        self.mode: Mode = mode
        self.faults = faults
        self.accounts = Accounts(credentials, tokens)
        self.mechanisms = tuple(sorted(m.upper() for m in mechanisms))
        self.auth_after_tls = mode != "plain" if auth_after_tls is None else auth_after_tls
        self.require_starttls = require_starttls
        self.require_auth = require_auth
        self.hostname = hostname
        self.idle_timeout = idle_timeout
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise ValueError("the test server listens on loopback only: 127.0.0.1, ::1")
        self.host = "127.0.0.1" if host == "localhost" else host
        self.port = 0
        self.messages = Outbox()
        self.transcript = Transcript()
        #: Exceptions the event loop reported (failed TLS handshakes, resets), for inspection.
        self.errors: list[BaseException] = []
        self._whole = connection_faults(faults)
        certificate_fault = next((f for f in self._whole if f.action == "certificate"), None)
        self.certificate: CertificateVariant = (
            certificate_fault.certificate
            if certificate_fault is not None and certificate_fault.certificate is not None
            else certificate
        )
        self._certs: TestCertificates | None = None
        self._ca_dir: str | None = None
        self._lock = threading.Lock()
        self._attempts = 0
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_event: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._protocols: set[Any] = set()
        self._running = False

    # -- public surface ---------------------------------------------------------------------

    @property
    def attempts(self) -> int:
        """How many connections the server has accepted."""
        with self._lock:
            return self._attempts

    @property
    def certs(self) -> TestCertificates:
        """The trustme certificates (``.ca`` is the trustme CA)."""
        if self._certs is None:
            self._certs = certificates()
        return self._certs

    @property
    def ca(self) -> Any:
        """The ``trustme.CA`` that signed the valid certificate."""
        return self.certs.ca

    @property
    def ca_pem(self) -> bytes:
        """The test CA certificate in PEM form."""
        return self.certs.ca_pem

    @property
    def ca_file(self) -> str:
        """Path of a PEM file holding the test CA (for a ``ca_file`` setting). Removed by stop()."""
        if self._ca_dir is None:
            self._ca_dir = tempfile.mkdtemp(prefix="smtpdiag-ca-")
        path = os.path.join(self._ca_dir, "ca.pem")
        if not os.path.exists(path):
            with open(path, "wb") as fh:
                fh.write(self.ca_pem)
        return path

    @property
    def client_context(self) -> ssl.SSLContext:
        """A verifying client ``ssl.SSLContext`` that trusts the test CA (a new one each time)."""
        return self.certs.client_context()

    @property
    def address(self) -> tuple[str, int]:
        """``(host, port)``."""
        return self.host, self.port

    def start(self) -> SMTPTestServer:
        """Bind an ephemeral port and start serving. Returns self."""
        if self._running:
            raise RuntimeError("the server is already running")
        if any(f.action == "refuse" for f in self._whole):
            self.port = _closed_port(self.host)
            self._running = True
            return self
        require_testing_extra()
        listener_ctx = self._listener_context()
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready, listener_ctx), name="smtpdiag-test-server", daemon=True
        )
        self._thread.start()
        if not ready.wait(_START_TIMEOUT):  # pragma: no cover - only on a stalled machine
            self.stop()
            raise RuntimeError("the test SMTP server did not start")
        if self._error is not None:
            error = self._error
            self.stop()
            raise RuntimeError("the test SMTP server could not start") from error
        self._running = True
        return self

    def stop(self) -> None:
        """Close every connection, stop the thread and remove the CA file. Idempotent."""
        loop, thread, stop_event = self._loop, self._thread, self._stop_event
        if loop is not None and stop_event is not None and thread is not None:
            with contextlib.suppress(RuntimeError):  # the loop already closed
                loop.call_soon_threadsafe(stop_event.set)
        if thread is not None:
            thread.join(_START_TIMEOUT)
        self._thread = None
        self._loop = None
        self._stop_event = None
        self._running = False
        if self._ca_dir is not None:
            shutil.rmtree(self._ca_dir, ignore_errors=True)
            self._ca_dir = None

    def __enter__(self) -> SMTPTestServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self._running else "stopped"
        return f"<SMTPTestServer {self.mode} {self.host}:{self.port} {state}>"

    # -- internals --------------------------------------------------------------------------

    def _has(self, action: str) -> bool:
        return any(f.action == action for f in self._whole)

    def _implicit_tls(self) -> bool:
        return (self.mode == "ssl") != self._has("tls_mismatch")

    def _listener_context(self) -> ssl.SSLContext | None:
        return self.certs.server_context(self.certificate) if self._implicit_tls() else None

    def _starttls_context(self) -> ssl.SSLContext | None:
        if self.mode != "starttls" or self._implicit_tls():
            return None
        return self.certs.server_context(self.certificate)

    def _next_attempt(self) -> int:
        with self._lock:
            attempt = self._attempts
            self._attempts += 1
            return attempt

    def _run(self, ready: threading.Event, listener_ctx: ssl.SSLContext | None) -> None:
        loop = asyncio.new_event_loop()
        loop.set_exception_handler(self._loop_error)
        self._loop = loop
        try:
            loop.run_until_complete(self._serve(ready, listener_ctx))
        except BaseException as exc:  # pragma: no cover - reported to start()
            self._error = exc
        finally:
            ready.set()
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()

    def _loop_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        # Failed handshakes and resets are what tests provoke; keep them instead of printing.
        self.errors.append(context.get("exception") or RuntimeError(str(context.get("message"))))

    async def _serve(self, ready: threading.Event, listener_ctx: ssl.SSLContext | None) -> None:
        loop = asyncio.get_running_loop()
        self._stop_event = asyncio.Event()
        starttls_ctx = self._starttls_context()
        server = await loop.create_server(
            lambda: self._make_protocol(loop, starttls_ctx), self.host, 0, ssl=listener_ctx
        )
        try:
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            await self._stop_event.wait()
        finally:
            server.close()
            for proto in list(self._protocols):
                proto.abort_connection()
            current = asyncio.current_task()
            tasks = [t for t in asyncio.all_tasks(loop) if t is not current]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await server.wait_closed()
            # Let transports run their connection_lost callbacks before the loop closes.
            for _ in range(3):
                await asyncio.sleep(0)

    def _make_protocol(
        self, loop: asyncio.AbstractEventLoop, starttls_ctx: ssl.SSLContext | None
    ) -> Any:
        attempt = self._next_attempt()
        faults = faults_for_attempt(self.faults, attempt)
        ctx = None if any(f.action == "no_starttls" for f in faults) else starttls_ctx
        cls = _protocol_class()
        return cls(self, attempt, faults, ctx, loop)


def fault_reply(fault: Fault) -> str:
    """The (possibly multi-line) reply a rejecting fault sends, lines joined with CRLF."""
    assert fault.code is not None
    return b"\r\n".join(reply_text(fault.code, fault.reply_lines)).decode("utf-8")


def require_testing_extra() -> None:
    """Raise a clear error when aiosmtpd or trustme (the ``testing`` extra) is missing."""
    import importlib.util

    missing = [name for name in ("aiosmtpd", "trustme") if importlib.util.find_spec(name) is None]
    if missing:
        raise ModuleNotFoundError(
            f"SMTPTestServer needs {' and '.join(missing)}: "
            "install the testing extra with pip install 'smtpdiag[testing]'"
        )


def _closed_port(host: str) -> int:
    """A loopback port that nothing listens on (bound, then released)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
    return port


_PROTOCOL_CLASS: type[Any] | None = None


def _protocol_class() -> type[Any]:
    """Build (once) the aiosmtpd SMTP subclass; aiosmtpd is imported here, lazily."""
    global _PROTOCOL_CLASS
    if _PROTOCOL_CLASS is None:
        _PROTOCOL_CLASS = _build_protocol_class()
    return _PROTOCOL_CLASS


def _build_protocol_class() -> type[Any]:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword, Session

    class _Session(Session):
        # aiosmtpd's own AUTH code sets login_data, whose accessors log a deprecation warning
        # on every login; store it quietly instead.
        @property
        def login_data(self) -> Any:
            return self._login_data

        @login_data.setter
        def login_data(self, value: Any) -> None:
            self._login_data = value

    class _Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            result: str = await server.on_message(envelope)
            return result

    def _authenticator(
        server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> Any:
        login = bytes(auth_data.login).decode("utf-8", "replace")
        password = bytes(auth_data.password).decode("utf-8", "replace")
        ok = server.owner.accounts.check_password(login, password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    class _Protocol(SMTP):
        def __init__(
            self,
            owner: SMTPTestServer,
            attempt: int,
            faults: tuple[Fault, ...],
            starttls_ctx: ssl.SSLContext | None,
            loop: asyncio.AbstractEventLoop,
        ) -> None:
            implicit = owner._implicit_tls()
            super().__init__(
                _Handler(),
                hostname=owner.hostname,
                ident="smtpdiag test server",
                tls_context=starttls_ctx,
                require_starttls=owner.require_starttls,
                timeout=owner.idle_timeout,
                auth_require_tls=owner.auth_after_tls and not implicit,
                auth_exclude_mechanism=[m for m in MECHANISMS if m not in owner.mechanisms],
                authenticator=_authenticator,
                loop=loop,
            )
            self.owner = owner
            self.attempt = attempt
            self.faults = faults
            self.implicit_tls = implicit
            self._inbuf = b""
            self._greeted = False
            self._stage: FaultStage | None = "connect"
            self._raw: asyncio.BaseTransport | None = None
            self._smtp_methods = {
                verb: self._guard(verb, method) for verb, method in self._smtp_methods.items()
            }

        # -- connection and recording ------------------------------------------------

        def _create_session(self) -> Session:
            return _Session(self.loop)

        @property
        def in_tls(self) -> bool:
            return self.implicit_tls or self._tls_protocol is not None

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            if self._raw is None:
                self._raw = transport
                self.owner._protocols.add(self)
            super().connection_made(transport)

        def connection_lost(self, error: Exception | None) -> None:
            self.owner._protocols.discard(self)
            super().connection_lost(error)

        def abort_connection(self) -> None:
            for transport in (self.transport, self._raw):
                if isinstance(transport, asyncio.Transport) and not transport.is_closing():
                    transport.abort()

        def data_received(self, data: bytes) -> None:
            self._inbuf += data
            *lines, self._inbuf = self._inbuf.split(b"\n")
            for line in lines:
                self.owner.transcript.add(
                    "client", line.rstrip(b"\r"), tls=self.in_tls, attempt=self.attempt
                )
            super().data_received(data)

        async def push(self, status: str | bytes) -> None:
            if not self._greeted:
                self._greeted = True
                await self._greeting_faults()
            raw = status.encode("utf-8") if isinstance(status, str) else status
            for line in raw.split(b"\r\n"):
                self.owner.transcript.add("server", line, tls=self.in_tls, attempt=self.attempt)
            data = raw + b"\r\n"
            slow = slow_faults(self.faults, self._stage)
            drip = any(f.drip for f in slow)
            delay = sum(f.delay for f in slow)
            if drip:
                for i in range(len(data)):
                    self._writer.write(data[i : i + 1])
                    await self._writer.drain()
                    await asyncio.sleep(delay)
                return
            if delay:
                await asyncio.sleep(delay)
            self._writer.write(data)
            await self._writer.drain()

        async def _hang(self) -> NoReturn:
            await self.loop.create_future()
            raise AssertionError("unreachable")  # pragma: no cover

        async def _drop(self) -> NoReturn:
            raw = self._raw or self.transport
            if raw is not None:
                raw.close()
            await self._hang()

        async def _reply(self, fault: Fault) -> None:
            await self.push(fault_reply(fault))
            if fault.code == 421 and self.transport is not None:
                self.transport.close()

        async def _greeting_faults(self) -> None:
            fault = pick_fault(self.faults, "connect")
            if fault is None:
                return
            if fault.action == "timeout":
                await self._hang()
            if fault.action == "drop":
                await self._drop()
            await self._reply(fault)
            await self._drop()

        # -- commands -----------------------------------------------------------------

        def _guard(
            self, verb: str, method: Callable[[str | None], Coroutine[Any, Any, None]]
        ) -> Callable[[str | None], Coroutine[Any, Any, None]]:
            stage = VERB_STAGES.get(verb)

            async def guarded(arg: str | None) -> None:
                self._stage = stage
                if stage is None:
                    await method(arg)
                    return
                address = address_of(arg) if stage in ("mail", "rcpt") else None
                fault = pick_fault(self.faults, stage, address)
                if fault is not None:
                    if fault.action == "timeout":
                        await self._hang()
                    if fault.action == "drop":
                        await self._drop()
                    if fault.challenge is not None and (arg or "").upper().startswith("XOAUTH2"):
                        await self.challenge_auth(fault.challenge)
                    await self._reply(fault)
                    return
                if (
                    stage == "mail"
                    and self.owner.require_auth
                    and self.session is not None
                    and not self.session.authenticated
                    and not (self.require_starttls and not self._tls_protocol)
                ):
                    await self.push(AUTH_REQUIRED)
                    return
                await method(arg)

            return guarded

        async def on_message(self, envelope: Any) -> str:
            self._stage = "message"
            fault = pick_fault(self.faults, "message")
            if fault is not None:
                if fault.action == "timeout":
                    await self._hang()
                if fault.action == "drop":
                    await self._drop()
                return fault_reply(fault)
            auth_data = self.session.auth_data if self.session is not None else None
            login = getattr(auth_data, "login", None)
            self.owner.messages.append(
                RecordedMessage(
                    envelope_from=envelope.mail_from or "",
                    recipients=tuple(envelope.rcpt_tos),
                    content=bytes(envelope.original_content or b""),
                    mail_options=tuple(envelope.mail_options or ()),
                    host=self.owner.host,
                    port=self.owner.port,
                    attempt=self.attempt,
                    authenticated_as=(
                        login.decode("utf-8", "replace") if isinstance(login, bytes) else login
                    ),
                    tls=self.in_tls,
                )
            )
            return "250 OK"

        async def auth_XOAUTH2(self, _: Any, args: list[str]) -> Any:
            if len(args) == 1:
                blob = await self.challenge_auth("")
                if not isinstance(blob, bytes):
                    return AuthResult(success=False, handled=True)
            else:
                decoded = b64decode(args[1])
                if decoded is None:
                    await self.push("501 5.5.2 Can't decode base64")
                    return AuthResult(success=False, handled=True)
                blob = decoded
            parsed = parse_xoauth2(blob)
            if parsed is None or not self.owner.accounts.check_token(*parsed):
                return AuthResult(success=False, handled=False)
            return AuthResult(
                success=True, handled=False, auth_data=LoginPassword(parsed[0].encode(), b"")
            )

    return _Protocol
