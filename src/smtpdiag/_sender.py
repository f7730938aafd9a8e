"""The Sender: sends mail and checks a configuration live, diagnosing every failure at the stage
where it happened (I/O: DNS, sockets, TLS; HTTPS through the token provider for OAuth).

Safe by default: certificates and host names are always verified, STARTTLS is never skipped,
passwords are not sent over plaintext, every step is bounded by ``settings.timeout`` and every
send by an overall deadline. Foreign exceptions become diagnoses through
:func:`smtpdiag.classify`; the few outcomes only the sender can know (a port that expects
implicit TLS, delivery unknown, a refused plaintext login) are its own catalogue kinds.
"""

from __future__ import annotations

import email.errors
import smtplib
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from types import TracebackType
from typing import Any

from ._addresses import split_address
from ._catalogue import make_diagnosis
from ._classify import classify
from ._connection import Connection, Deadline, ImplicitTLSDetected, cram_md5
from ._diagnosis import Category, Diagnosis, Remedy, Stage
from ._dns import Resolver
from ._envelope import Envelope, build_envelope
from ._errors import SendError
from ._oauth import MsalTokenProvider, TokenProvider, xoauth2_response
from ._reply import decode_reply_text, parse_reply
from ._resolve import resolve
from ._results import CheckResult, SendResult, StageRecord
from ._settings import AuthMethod, Security, SettingsModel
from ._validate import validate

__all__ = ["Sender", "Session"]

#: Exceptions a stage turns into a diagnosis. Anything else is a bug and propagates as is.
_FAILURES: tuple[type[BaseException], ...] = (OSError, ValueError, email.errors.MessageError)
#: Password mechanisms in the order they are tried (RFC 4616 PLAIN first: it sends UTF-8).
_PASSWORD_MECHANISMS = ("PLAIN", "LOGIN", "CRAM-MD5")
#: The overall deadline of one send, as a multiple of the step timeout, unless given.
_DEADLINE_STEPS = 4

_default_provider: MsalTokenProvider | None = None
_default_provider_lock = threading.Lock()


def _shared_msal_provider() -> MsalTokenProvider:
    # One provider for the process, so msal's token cache is shared by every Sender.
    global _default_provider
    with _default_provider_lock:
        if _default_provider is None:
            _default_provider = MsalTokenProvider()
        return _default_provider


class _Explained(Exception):
    """A foreign failure plus what the sender knows about it (classified by the stage)."""

    def __init__(
        self,
        failure: BaseException | tuple[int, bytes],
        detail: str,
        remedies: tuple[Remedy, ...] = (),
    ) -> None:
        super().__init__(failure, detail, remedies)
        self.failure = failure
        self.detail = detail
        self.remedies = remedies


@dataclass
class _Note:
    detail: str = ""


@dataclass
class _Info:
    greeting: str = ""
    extensions: dict[str, str] = field(default_factory=dict)
    tls_version: str | None = None
    certificate_expires: datetime | None = None
    auth_mechanisms: tuple[str, ...] = ()


def _merge_detail(diagnosis: Diagnosis, detail: str) -> Diagnosis:
    if not detail:
        return diagnosis
    if diagnosis.detail and diagnosis.detail not in detail:
        detail = f"{detail.rstrip('.')}. {diagnosis.detail}"
    return diagnosis.with_changes(detail=detail)


class _Recorder:
    """Runs stages, times them, and turns their failures into SendError."""

    def __init__(
        self, settings: SettingsModel, on_stage: Callable[[StageRecord], None] | None = None
    ) -> None:
        self.settings = settings
        self.on_stage = on_stage
        self.records: list[StageRecord] = []

    def diagnose(self, failure: Any, stage: Stage) -> Diagnosis:
        diagnosis = classify(
            failure, stage=stage, settings=self.settings, host=self.settings.host.strip() or None
        )
        if diagnosis.stage is not stage:  # the sender knows where it happened
            diagnosis = diagnosis.with_changes(stage=stage)
        return diagnosis

    def _add(self, record: StageRecord) -> None:
        self.records.append(record)
        if self.on_stage is not None:
            self.on_stage(record)

    @contextmanager
    def stage(self, stage: Stage) -> Iterator[_Note]:
        note = _Note()
        start = time.perf_counter()
        try:
            yield note
        except SendError as err:
            self._add(
                StageRecord(stage, False, time.perf_counter() - start, note.detail, err.diagnosis)
            )
            raise
        except _Explained as exc:
            diagnosis = self.diagnose(exc.failure, stage)
            diagnosis = _merge_detail(diagnosis, exc.detail)
            if exc.remedies:
                general = tuple(r for r in diagnosis.remedies if r not in exc.remedies)
                diagnosis = diagnosis.with_changes(remedies=exc.remedies + general)
            self._add(
                StageRecord(stage, False, time.perf_counter() - start, note.detail, diagnosis)
            )
            cause = exc.failure if isinstance(exc.failure, BaseException) else None
            raise SendError(diagnosis, stage) from cause
        except _FAILURES as exc:
            diagnosis = self.diagnose(exc, stage)
            self._add(
                StageRecord(stage, False, time.perf_counter() - start, note.detail, diagnosis)
            )
            raise SendError(diagnosis, stage) from exc
        self._add(StageRecord(stage, True, time.perf_counter() - start, note.detail))


def _reply_line(code: int, msg: bytes) -> str:
    text = decode_reply_text(msg).replace("\n", " / ")
    return f"{code} {text}".strip()


class Sender:
    """Sends mail with one configuration, safely, and diagnoses every failure.

    ``token_provider`` gives OAuth access tokens (default: a process-wide
    :class:`~smtpdiag.MsalTokenProvider` for Microsoft 365). ``ssl_context`` replaces the default
    verifying context (``ssl.create_default_context()``, with ``settings.ca_file`` when set).
    ``allow_insecure_auth`` permits logging in over an unencrypted connection (security
    ``none``). ``resolver`` is a dnspython-style resolver for the server name (default: the
    system's ``getaddrinfo``, bounded). ``deadline`` bounds one whole send in seconds (default:
    four times ``settings.timeout``).
    """

    def __init__(
        self,
        settings: SettingsModel,
        *,
        token_provider: TokenProvider | None = None,
        ssl_context: ssl.SSLContext | None = None,
        allow_insecure_auth: bool = False,
        resolver: Resolver | None = None,
        deadline: float | None = None,
    ) -> None:
        self.settings = settings
        self._token_provider = token_provider
        self._ssl_context = ssl_context
        self.allow_insecure_auth = allow_insecure_auth
        self._resolver = resolver
        self._deadline = deadline

    def __repr__(self) -> str:
        s = self.settings
        return f"Sender(host={s.host!r}, port={s.port!r}, security={s.security.value!r})"

    # -- pieces ------------------------------------------------------------------------------
    @property
    def ssl_context(self) -> ssl.SSLContext:
        """The TLS context: the one given, else a verifying default (with ``ca_file``)."""
        if self._ssl_context is None:
            self._ssl_context = ssl.create_default_context(cafile=self.settings.ca_file or None)
        return self._ssl_context

    @property
    def token_provider(self) -> TokenProvider:
        if self._token_provider is None:
            self._token_provider = _shared_msal_provider()
        return self._token_provider

    def _new_deadline(self) -> Deadline:
        timeout = float(self.settings.timeout)
        return Deadline(self._deadline if self._deadline is not None else timeout * _DEADLINE_STEPS)

    def _preflight(self, message: Message | None, *, login: bool) -> list[Diagnosis]:
        found = validate(self.settings, message)
        skipped: set[Category] = set()
        if message is None:
            skipped |= {Category.SENDER, Category.RECIPIENT, Category.MESSAGE}
        if not login:
            skipped.add(Category.AUTH)
        custom_tokens = self._token_provider is not None and not isinstance(
            self._token_provider, MsalTokenProvider
        )
        blocking = [
            d
            for d in found
            if d.is_error
            # A line break or NUL in any setting is refused even without a message: it would
            # reach the wire (EHLO, AUTH) or a file name.
            and (d.category not in skipped or d.kind == "message.header_injection")
            # The Entra ID fields only matter to the Microsoft token provider.
            and not (custom_tokens and d.kind.startswith("auth.oauth_"))
        ]
        if blocking:
            raise SendError(blocking[0].with_changes(stage=Stage.CONFIG), Stage.CONFIG)
        if self.settings.security is not Security.NONE:
            self._load_ssl_context()
        return [d for d in found if not d.is_error]

    def _load_ssl_context(self) -> None:
        # Before any network I/O, so that an unusable CA file is a settings problem.
        try:
            self.ssl_context  # noqa: B018 - builds and caches the context
        except OSError as exc:  # FileNotFoundError, PermissionError, ssl.SSLError
            reason = exc.strerror or str(exc)
            diagnosis = make_diagnosis(
                "config.ca_file_invalid",
                stage=Stage.CONFIG,
                source=self.settings.source_of("ca_file"),
                detail=f"The CA file {self.settings.ca_file!r} could not be loaded: {reason}",
            )
            raise SendError(diagnosis, Stage.CONFIG) from exc

    def _oauth_user(self, envelope_sender: str = "") -> str:
        s = self.settings
        configured = split_address(s.from_address.strip())[1].strip()
        return configured or s.username.strip() or envelope_sender

    # -- the connection ----------------------------------------------------------------------
    def _connection(self, deadline: Deadline) -> Connection:
        return Connection(
            self.settings.host.strip(),
            step_timeout=float(self.settings.timeout),
            deadline=deadline,
            local_hostname=self.settings.local_hostname,
        )

    def _open(
        self,
        conn: Connection,
        rec: _Recorder,
        info: _Info,
        *,
        login: bool,
        oauth_user: str,
    ) -> None:
        """DNS, connect, TLS, EHLO and AUTH on ``conn``; closes it when a stage fails."""
        s = self.settings
        try:
            token = None
            if login and s.auth_method is AuthMethod.OAUTH:
                # Before connecting: no SMTP connection idles while the identity provider answers.
                with rec.stage(Stage.OAUTH_TOKEN) as note:
                    token = self._fetch_token(rec)
                    note.detail = "access token received"
            host = s.host.strip()
            with rec.stage(Stage.DNS) as note:
                addresses = resolve(
                    host,
                    int(s.port),
                    timeout=conn.deadline.bound(float(s.timeout)),
                    resolver=self._resolver,
                )
                note.detail = f"{host} → " + ", ".join(a.ip for a in addresses)
            with rec.stage(Stage.CONNECT) as note:
                address = conn.open_socket(addresses)
                note.detail = f"connected to {address}"
                if s.security is not Security.SSL:
                    try:
                        code, msg = conn.read_greeting(probe=True)
                    except ImplicitTLSDetected as exc:
                        raise SendError(self._port_expects_ssl(exc), Stage.CONNECT) from exc
                    info.greeting = _reply_line(code, msg)
                    note.detail += f"; greeting: {info.greeting}"
            if s.security is Security.SSL:
                with rec.stage(Stage.TLS) as note:
                    conn.wrap_tls(self.ssl_context)
                    note.detail = self._describe_tls(conn, info)
                # With implicit TLS the greeting comes after the handshake; it is still part of
                # connecting (a 421 here is a refused connection, not a failed EHLO).
                with rec.stage(Stage.CONNECT) as note:
                    code, msg = conn.read_greeting(probe=False)
                    info.greeting = _reply_line(code, msg)
                    note.detail = f"greeting over TLS: {info.greeting}"
            with rec.stage(Stage.EHLO) as note:
                conn.hello()
                note.detail = self._describe_extensions(conn, info)
            if s.security is Security.STARTTLS:
                with rec.stage(Stage.TLS) as note:
                    # smtplib.starttls raises SMTPNotSupportedError when STARTTLS is not
                    # offered: the send stops there and never goes on in clear.
                    conn.starttls(context=self.ssl_context)
                    note.detail = "STARTTLS: " + self._describe_tls(conn, info)
                with rec.stage(Stage.EHLO) as note:
                    conn.hello()
                    note.detail = self._describe_extensions(conn, info)
            if login and s.auth_method is not AuthMethod.NONE:
                with rec.stage(Stage.AUTH) as note:
                    self._login(conn, token, oauth_user, note)
        except BaseException:
            conn.discard()
            raise

    def _fetch_token(self, rec: _Recorder) -> str:
        provider = self.token_provider
        try:
            token = provider.get_token(self.settings)
        except SendError:
            raise
        except Exception as exc:  # a provider's own failure: classify it like any other
            raise SendError(rec.diagnose(exc, Stage.OAUTH_TOKEN), Stage.OAUTH_TOKEN) from exc
        if not isinstance(token, str) or not token:
            raise SendError(
                rec.diagnose({"error": "no access token returned"}, Stage.OAUTH_TOKEN),
                Stage.OAUTH_TOKEN,
            )
        return token

    def _port_expects_ssl(self, exc: ImplicitTLSDetected) -> Diagnosis:
        s = self.settings
        version = f" ({exc.version})" if exc.version else ""
        return make_diagnosis(
            "tls.port_expects_ssl",
            stage=Stage.CONNECT,
            fields=["port", "security"],
            source=s.source_of("port", "security"),
            detail=(
                f"No greeting came from {s.host}:{s.port} within {exc.waited:.1f} s, and the "
                f"port answered a TLS handshake{version}: it expects SSL (implicit TLS), but "
                f"Secure Connection is {s.security.label}"
            ),
            remedies=[
                Remedy(
                    f"Set Secure Connection to SSL for port {s.port}, or use port 587 with TLS "
                    "(STARTTLS) if your provider offers it."
                )
            ],
        )

    @staticmethod
    def _describe_tls(conn: Connection, info: _Info) -> str:
        version, expires = conn.tls_info()
        info.tls_version = version
        info.certificate_expires = expires
        text = version or "encrypted"
        if expires is not None:
            text += f", certificate valid until {expires:%Y-%m-%d}"
        return text

    @staticmethod
    def _describe_extensions(conn: Connection, info: _Info) -> str:
        info.extensions = dict(conn.esmtp_features)
        info.auth_mechanisms = conn.auth_mechanisms
        if not conn.does_esmtp:
            return "HELO (the server does not speak ESMTP)"
        names = [
            name.upper() + (f" {value.strip()}" if name == "auth" and value.strip() else "")
            for name, value in conn.esmtp_features.items()
        ]
        return "extensions: " + (", ".join(names) if names else "none")

    # -- authentication ----------------------------------------------------------------------
    def _login(self, conn: Connection, token: str | None, oauth_user: str, note: _Note) -> None:
        s = self.settings
        encrypted = isinstance(conn.sock, ssl.SSLSocket)
        offered = conn.auth_mechanisms
        if not conn.has_extn("auth"):
            detail = "The server did not offer AUTH"
            if not encrypted and conn.has_extn("starttls"):
                detail += "; it offers STARTTLS, and servers usually offer AUTH only after it"
            raise _Explained(
                smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server."),
                detail,
                self._use_tls_remedies() if not encrypted else (),
            )
        if not encrypted and not self.allow_insecure_auth:
            raise SendError(
                make_diagnosis(
                    "auth.plaintext_refused",
                    stage=Stage.AUTH,
                    source=s.source_of("security"),
                    detail=(
                        "Secure Connection is None, so the login would cross the network in "
                        "clear"
                        + (
                            "; the server offers STARTTLS, so TLS would work"
                            if conn.has_extn("starttls")
                            else ""
                        )
                    ),
                ),
                Stage.AUTH,
            )
        if token is not None:
            self._login_xoauth2(conn, token, oauth_user, offered, note)
        else:
            self._login_password(conn, offered, note)

    def _use_tls_remedies(self) -> tuple[Remedy, ...]:
        return (Remedy("Set Secure Connection to TLS (STARTTLS, usually port 587) or SSL (465)."),)

    def _login_password(self, conn: Connection, offered: tuple[str, ...], note: _Note) -> None:
        user, password = self.settings.username, self.settings.password
        usable = [m for m in _PASSWORD_MECHANISMS if m in offered]
        if not usable:
            raise _Explained(
                smtplib.SMTPException("No suitable authentication method found."),
                f"The server offers AUTH {' '.join(offered) or '(nothing)'}; a password login "
                f"needs one of {', '.join(_PASSWORD_MECHANISMS)}",
            )
        tried: list[str] = []
        for mechanism in usable:
            tried.append(mechanism)
            if mechanism == "PLAIN":
                plain = b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")
                code, msg = conn.sasl("PLAIN", plain, _constant(plain))
            elif mechanism == "LOGIN":
                code, msg = conn.sasl("LOGIN", None, _login_responder(user, password))
            else:
                code, msg = conn.sasl("CRAM-MD5", None, cram_md5(user, password))
            if code == 235:
                note.detail = f"logged in as {user} with AUTH {mechanism}"
                return
            # 504: this mechanism is not available after all; anything else is an answer
            # about the credentials, and trying again would only count as another failure.
            if code != 504:
                break
        raise _Explained(
            smtplib.SMTPAuthenticationError(code, msg),
            f"Logging in as {user} failed; tried AUTH {', '.join(tried)}",
        )

    def _login_xoauth2(
        self, conn: Connection, token: str, user: str, offered: tuple[str, ...], note: _Note
    ) -> None:
        challenges: list[bytes] = []

        def respond(challenge: bytes) -> bytes:
            # RFC 7628 §3.2.3: an error challenge is answered with an empty response; the
            # server then sends the final failure reply.
            challenges.append(challenge)
            return b""

        code, msg = conn.sasl("XOAUTH2", xoauth2_response(user, token), respond)
        if code == 235:
            note.detail = f"logged in as {user} with AUTH XOAUTH2"
            return
        detail = f"Logging in as {user} with AUTH XOAUTH2 failed"
        if "XOAUTH2" not in offered:
            detail += f"; the server offers AUTH {' '.join(offered) or '(nothing)'}, not XOAUTH2"
        if challenges:
            error = decode_reply_text(challenges[0]).strip()
            detail += f"; the server's error detail: {error}"
        raise _Explained(smtplib.SMTPAuthenticationError(code, msg), detail)

    # -- the transaction ---------------------------------------------------------------------
    def _transact(self, conn: Connection, envelope: Envelope, rec: _Recorder) -> SendResult:
        try:
            return self._transaction(conn, envelope, rec)
        except SendError as err:
            _recover(conn, err)
            raise

    def _transaction(self, conn: Connection, original: Envelope, rec: _Recorder) -> SendResult:
        envelope = original
        with rec.stage(Stage.MAIL) as note:
            options: list[str] = []
            if envelope.international and not conn.has_extn("smtputf8"):
                if envelope.ascii is None:
                    raise SendError(self._smtputf8_missing(envelope), Stage.MAIL)
                envelope = envelope.ascii  # non-ASCII domains only: sent as IDNA A-labels
            if envelope.international:
                options.append("SMTPUTF8")
            if conn.has_extn("8bitmime") and (
                envelope.international or not envelope.body.isascii()
            ):
                options.append("BODY=8BITMIME")
            if conn.has_extn("size"):
                options.append(f"SIZE={len(envelope.body)}")  # RFC 1870: refused early if too big
            code, msg = conn.mail(envelope.sender, options)
            if code != 250:
                raise smtplib.SMTPSenderRefused(code, msg, envelope.sender)
            note.detail = f"MAIL FROM:<{envelope.sender}> {_reply_line(code, msg)}"
        # Results name the recipients as the caller wrote them, also when A-labels were sent.
        shown = dict(zip(envelope.recipients, original.recipients, strict=True))
        accepted: list[str] = []
        refused: dict[str, Diagnosis] = {}
        raw: dict[str, tuple[int, bytes]] = {}
        with rec.stage(Stage.RCPT) as note:
            for recipient in envelope.recipients:
                code, msg = conn.rcpt(recipient)
                recipient = shown.get(recipient, recipient)
                if code in (250, 251):
                    accepted.append(recipient)
                    continue
                raw[recipient] = (code, msg)
                diagnosis = _merge_detail(
                    rec.diagnose((code, msg), Stage.RCPT),
                    f"The server refused the recipient {recipient}",
                )
                refused[recipient] = diagnosis
                if code == 421:  # the server is closing the connection
                    conn.discard()
                    raise SendError(
                        diagnosis, Stage.RCPT, tuple(refused.items())
                    ) from smtplib.SMTPRecipientsRefused(raw)
            if not accepted:
                first = next(iter(refused.values()))
                if len(refused) > 1:
                    name, (_, text) = next(iter(raw.items()))
                    first = first.with_changes(
                        detail=f"The server refused every recipient ({', '.join(refused)}); "
                        f"its reply for {name}: {decode_reply_text(text)}"
                    )
                raise SendError(first, Stage.RCPT, tuple(refused.items())) from (
                    smtplib.SMTPRecipientsRefused(raw)
                )
            note.detail = f"{len(accepted)} accepted" + (
                f", {len(refused)} refused: {', '.join(refused)}" if refused else ""
            )
        with rec.stage(Stage.DATA) as note:
            try:
                code, msg = conn.transfer(envelope.body)
            except (smtplib.SMTPServerDisconnected, OSError) as exc:
                if not conn.body_sent:
                    raise
                raise SendError(self._delivery_unknown(exc, rec), Stage.DATA) from exc
            if code != 250:
                raise smtplib.SMTPDataError(code, msg)
            note.detail = _reply_line(code, msg)
        return SendResult(
            sender=original.sender,
            accepted=tuple(accepted),
            refused=refused,
            reply=parse_reply(msg, code),
            stages=tuple(rec.records),
        )

    def _smtputf8_missing(self, envelope: Envelope) -> Diagnosis:
        addresses = [
            a for a in (envelope.sender, *envelope.recipients) if not a.rpartition("@")[0].isascii()
        ]
        return make_diagnosis(
            "message.non_ascii",
            stage=Stage.MAIL,
            detail=(
                "These addresses have non-ASCII characters before the @, and the server does "
                f"not offer SMTPUTF8: {', '.join(addresses)}"
            ),
        )

    def _delivery_unknown(self, exc: BaseException, rec: _Recorder) -> Diagnosis:
        cause = rec.diagnose(exc, Stage.DATA)
        return make_diagnosis(
            "connection.delivery_unknown",
            stage=Stage.DATA,
            reply=cause.reply,
            detail=(
                "The whole message was sent, then the connection failed before the server's "
                f"answer ({cause.kind}: {exc})"
            ),
        )

    # -- the public operations ---------------------------------------------------------------
    def send(self, message: Message) -> SendResult:
        """Validate, connect, secure, log in and send ``message``; return what was accepted.

        Raises :class:`~smtpdiag.SendError` with the diagnosis and the stage when the message
        was not sent (or when it is unknown whether it was: ``connection.delivery_unknown``).
        A recipient refused while others were accepted is reported in the result's ``refused``.
        """
        self._preflight(message, login=True)
        envelope = self._envelope(message)
        deadline = self._new_deadline()
        rec = _Recorder(self.settings)
        conn = self._connection(deadline)
        self._open(conn, rec, _Info(), login=True, oauth_user=self._oauth_user(envelope.sender))
        try:
            result = self._transact(conn, envelope, rec)
        except SendError:
            # A refused transaction was reset and the connection is still in a known state:
            # say goodbye politely. An unknown state has already closed it.
            if conn.sock is not None:
                _quit(conn)
            raise
        except BaseException:
            conn.discard()
            raise
        _quit(conn)
        return result

    def _envelope(self, message: Message) -> Envelope:
        try:
            envelope = build_envelope(self.settings, message)
        except _FAILURES as exc:
            diagnosis = classify(exc, stage=Stage.CONFIG, settings=self.settings)
            raise SendError(diagnosis.with_changes(stage=Stage.CONFIG), Stage.CONFIG) from exc
        if not envelope.recipients:
            raise SendError(
                make_diagnosis("recipient.none", stage=Stage.CONFIG, source="message"),
                Stage.CONFIG,
            )
        return envelope

    def check(
        self,
        *,
        login: bool = True,
        on_stage: Callable[[StageRecord], None] | None = None,
    ) -> CheckResult:
        """Connect, secure, EHLO and (with ``login``) log in, then QUIT without sending.

        Never raises for a failed check: the result holds one record per stage (``on_stage``
        is called with each as it completes) and the diagnosis of the stage that failed.
        """
        rec = _Recorder(self.settings, on_stage)
        info = _Info()
        warnings: list[Diagnosis] = []
        try:
            with rec.stage(Stage.CONFIG) as note:
                warnings = self._preflight(None, login=login)
                note.detail = (
                    "settings look complete"
                    if not warnings
                    else "warnings: " + ", ".join(d.kind for d in warnings)
                )
            conn = self._connection(self._new_deadline())
            self._open(conn, rec, info, login=login, oauth_user=self._oauth_user())
            try:
                with rec.stage(Stage.QUIT) as note:
                    code, msg = conn.quit()
                    note.detail = _reply_line(code, msg)
            finally:
                conn.close()
        except SendError as err:
            return self._check_result(rec, info, warnings, err.diagnosis)
        return self._check_result(rec, info, warnings, None)

    @staticmethod
    def _check_result(
        rec: _Recorder, info: _Info, warnings: list[Diagnosis], diagnosis: Diagnosis | None
    ) -> CheckResult:
        return CheckResult(
            stages=tuple(rec.records),
            diagnosis=diagnosis,
            greeting=info.greeting,
            extensions=info.extensions,
            tls_version=info.tls_version,
            certificate_expires=info.certificate_expires,
            auth_mechanisms=info.auth_mechanisms,
            warnings=tuple(warnings),
        )

    def session(self) -> Session:
        """A context manager that sends several messages over one connection."""
        return Session(self)


def _constant(answer: bytes) -> Callable[[bytes], bytes]:
    return lambda _challenge: answer


def _login_responder(user: str, password: str) -> Callable[[bytes], bytes]:
    answers = iter((user, password))

    def respond(challenge: bytes) -> bytes:
        prompt = challenge.lower()
        if b"password" in prompt:
            return password.encode("utf-8")
        if b"username" in prompt:
            return user.encode("utf-8")
        return next(answers, password).encode("utf-8")

    return respond


def _recover(conn: Connection, err: SendError) -> None:
    """After a failed transaction: RSET when the server answered, else drop the connection."""
    if conn.sock is None:
        return
    cause = err.__cause__
    answered = isinstance(cause, smtplib.SMTPResponseException | smtplib.SMTPRecipientsRefused) or (
        cause is None and err.stage is not Stage.DATA
    )
    code = getattr(cause, "smtp_code", None)
    if not answered or code == 421:
        conn.discard()
        return
    try:
        code, _ = conn.rset()
    except (OSError, ValueError):
        conn.discard()
        return
    if code != 250:
        conn.discard()


def _quit(conn: Connection) -> None:
    try:
        conn.quit()
    except (OSError, ValueError):
        conn.discard()


class Session:
    """Several messages over one connection: ``with sender.session() as s: s.send(m)``.

    Each :meth:`send` returns a :class:`~smtpdiag.SendResult` or raises
    :class:`~smtpdiag.SendError`, like :meth:`Sender.send`; ``results`` keeps every outcome in
    order. After a refused transaction the session sends RSET and goes on; a connection in an
    unknown state (a drop, a timeout, delivery unknown, a 421) is never reused: the next message
    opens a new one. When the server has closed an idle connection (MAIL meets a closed
    connection or a 421), the message is sent once more over a new connection: nothing had been
    sent. Each message has its own overall deadline.
    """

    def __init__(self, sender: Sender) -> None:
        self.sender = sender
        self.results: list[SendResult | SendError] = []
        #: The stages of opening the session's first connection (later ones are in the
        #: result of the message that opened them).
        self.opening: tuple[StageRecord, ...] = ()
        self._conn: Connection | None = None

    def __enter__(self) -> Session:
        rec = _Recorder(self.sender.settings)
        try:
            # The settings are validated before the first connection, as send() does.
            with rec.stage(Stage.CONFIG):
                self.sender._preflight(None, login=True)
            self._connect(rec)
        finally:
            self.opening = tuple(rec.records)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """QUIT and close the connection (also done on leaving the ``with`` block)."""
        conn, self._conn = self._conn, None
        if conn is not None and conn.sock is not None:
            _quit(conn)

    def _connect(self, rec: _Recorder, deadline: Deadline | None = None) -> Connection:
        sender = self.sender
        conn = sender._connection(deadline or sender._new_deadline())
        sender._open(conn, rec, _Info(), login=True, oauth_user=sender._oauth_user())
        self._conn = conn
        return conn

    def send(self, message: Message) -> SendResult:
        """Send one message over the session's connection (reconnecting when needed)."""
        sender = self.sender
        rec = _Recorder(sender.settings)
        try:
            sender._preflight(message, login=True)
            envelope = sender._envelope(message)
            deadline = sender._new_deadline()
            conn = self._conn if self._conn is not None and self._conn.sock is not None else None
            if conn is None:
                conn = self._connect(rec, deadline)
                result = sender._transact(conn, envelope, rec)
            else:
                conn.deadline = deadline
                try:
                    result = sender._transact(conn, envelope, rec)
                except SendError as err:
                    if not _closed_while_idle(err):
                        raise
                    # The server closed the idle connection before MAIL was answered, so
                    # nothing was sent: open a new connection and send once more.
                    conn = self._connect(rec, deadline)
                    result = sender._transact(conn, envelope, rec)
        except SendError as err:
            if self._conn is not None and self._conn.sock is None:
                self._conn = None
            self.results.append(err)
            raise
        self.results.append(result)
        return result


def _closed_while_idle(err: SendError) -> bool:
    """True when a reused connection turned out closed at MAIL (EOF, reset, or a 421)."""
    if err.stage is not Stage.MAIL:
        return False
    cause = err.__cause__
    if isinstance(cause, smtplib.SMTPResponseException):
        return cause.smtp_code == 421
    return isinstance(cause, smtplib.SMTPServerDisconnected) and "timed out" not in str(cause)
