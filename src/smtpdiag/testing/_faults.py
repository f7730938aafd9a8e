"""Declarative fault descriptions shared by the fake and the loopback server. No I/O.

A :class:`Fault` says what goes wrong and where; a :class:`Script` says which connection attempt
sees which faults. Both :class:`~smtpdiag.testing.FakeSMTP` and
:class:`~smtpdiag.testing.SMTPTestServer` read the same descriptions, so a test can switch
between the in-memory fake and the real server without rewriting its faults.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeAlias, runtime_checkable

__all__ = [
    "CertificateKind",
    "Fault",
    "FaultAction",
    "FaultSource",
    "FaultSpec",
    "FaultStage",
    "Script",
    "faults_for_attempt",
    "pick_fault",
]

#: Where a fault strikes.
#:
#: ``"tcp"`` is the TCP connection itself (refused, or the SYN is dropped); ``"connect"`` is the
#: greeting banner; ``"data"`` is the ``DATA`` command; ``"message"`` is the reply after the
#: final ``"."`` of the message body (a drop there leaves delivery unknown).
FaultStage: TypeAlias = Literal[
    "tcp", "connect", "ehlo", "starttls", "auth", "mail", "rcpt", "data", "message", "quit"
]

#: What a fault does.
FaultAction: TypeAlias = Literal[
    "reject",
    "drop",
    "timeout",
    "slow",
    "refuse",
    "no_starttls",
    "tls_mismatch",
    "certificate",
]

#: Which certificate problem to present. The verify codes are OpenSSL's X509_V_ERR_* values.
#:
#: ``"self_signed"`` (18), ``"untrusted"`` (20, issued by an unknown CA), ``"expired"`` (10) and
#: ``"wrong_host"`` (62 for a host name, 64 for an IP address).
CertificateKind: TypeAlias = Literal["self_signed", "untrusted", "expired", "wrong_host"]

_STAGES: frozenset[str] = frozenset(FaultStage.__args__)  # type: ignore[attr-defined]
_CERT_KINDS: frozenset[str] = frozenset(CertificateKind.__args__)  # type: ignore[attr-defined]
# Stages whose reply smtplib reads; "tcp" has no reply and "message" follows DATA's 354.
_REJECTABLE = _STAGES - {"tcp"}
# Actions that describe the listening port rather than one conversation: the loopback server
# applies them to every connection.
CONNECTION_ACTIONS: frozenset[str] = frozenset({"refuse", "tls_mismatch", "certificate"})
_STAGE_ALIASES = {"tls": "starttls", "greeting": "connect", "banner": "connect"}


def _stage(stage: str) -> FaultStage:
    value = str(stage)
    value = _STAGE_ALIASES.get(value, value)
    if value not in _STAGES:
        raise ValueError(f"unknown fault stage {stage!r}; use one of {sorted(_STAGES)}")
    return value  # type: ignore[return-value]


def _times(times: int | None) -> int | None:
    if times is not None and times < 1:
        raise ValueError("times must be at least 1 (or None for every attempt)")
    return times


@dataclass(frozen=True, slots=True)
class Fault:
    """One thing that goes wrong during an SMTP conversation.

    Build faults with the class methods (:meth:`reject`, :meth:`auth_fail`, :meth:`drop`, ...)
    rather than the constructor. ``times`` limits a fault to the first *times* connection
    attempts (``None``: every attempt), so ``Fault.drop("mail", times=1)`` fails the first
    attempt and lets the retry succeed.
    """

    action: FaultAction
    stage: FaultStage | None = None
    code: int | None = None
    text: str = ""
    match: str | None = None
    delay: float = 0.0
    drip: bool = False
    challenge: str | None = None
    certificate: CertificateKind | None = None
    times: int | None = None

    # -- constructors ---------------------------------------------------------------------

    @classmethod
    def reject(
        cls,
        stage: FaultStage | str,
        code: int,
        text: str,
        *,
        match: str | None = None,
        times: int | None = None,
    ) -> Fault:
        """Answer *stage* with ``code text`` instead of the normal reply.

        *match* is a case-insensitive glob (``"*@blocked.example"``) compared with the address
        of a MAIL or RCPT command, so only matching senders or recipients are refused. A
        multi-line *text* (lines joined with ``"\\n"``) becomes a multi-line reply. A 421 reply
        also closes the connection, as servers do.
        """
        value = _stage(stage)
        if value not in _REJECTABLE:
            raise ValueError(f"cannot reject at stage {value!r}")
        if not 200 <= code <= 599:
            raise ValueError(f"reply code {code} is outside 200-599")
        if match is not None and value not in ("mail", "rcpt"):
            raise ValueError("match= only applies to the mail and rcpt stages")
        return cls("reject", value, code, text, match, times=_times(times))

    @classmethod
    def auth_fail(
        cls,
        code: int = 535,
        text: str = "5.7.8 Authentication credentials invalid",
        *,
        challenge: str | None = None,
        times: int | None = None,
    ) -> Fault:
        """Refuse every AUTH attempt with ``code text``.

        With *challenge* (a JSON string such as ``'{"status":"400","schemes":"Bearer"}'``), an
        ``AUTH XOAUTH2`` attempt first gets ``334 <base64 challenge>`` and only the client's
        next line gets the refusal, the way Gmail answers a bad OAuth token.
        """
        if not 400 <= code <= 599:
            raise ValueError(f"an AUTH failure needs a 4xx or 5xx code, not {code}")
        return cls("reject", "auth", code, text, challenge=challenge, times=_times(times))

    @classmethod
    def drop(
        cls, stage: FaultStage | str, *, match: str | None = None, times: int | None = None
    ) -> Fault:
        """Close the connection, without a reply, when *stage* is reached.

        ``drop("connect")`` closes right after accepting; ``drop("message")`` closes after the
        final ``"."`` of the body, so the client cannot know whether the message was delivered.
        """
        value = _stage(stage)
        if value == "tcp":
            raise ValueError('use Fault.refuse_connection() for the "tcp" stage')
        return cls("drop", value, match=match, times=_times(times))

    @classmethod
    def timeout(cls, stage: FaultStage | str = "connect", *, times: int | None = None) -> Fault:
        """Stop answering at *stage*; the client waits until its timeout.

        ``timeout("connect")`` is a silent listener: it accepts the connection and never sends a
        banner. ``timeout("tcp")`` is a dropped SYN (the connect itself times out); only the
        fake can do that. ``timeout("message")`` stops answering after the message body.
        """
        return cls("timeout", _stage(stage), times=_times(times))

    @classmethod
    def slow(
        cls,
        delay: float,
        stage: FaultStage | str | None = None,
        *,
        drip: bool = False,
        times: int | None = None,
    ) -> Fault:
        """Delay the reply at *stage* (every reply when ``None``) by *delay* seconds.

        With *drip*, the reply is sent one byte at a time with *delay* between bytes. The fake
        does not sleep: it times out when *delay* reaches the client's timeout and otherwise
        answers normally.
        """
        if delay < 0:
            raise ValueError("delay must not be negative")
        value = None if stage is None else _stage(stage)
        return cls("slow", value, delay=delay, drip=drip, times=_times(times))

    @classmethod
    def refuse_connection(cls) -> Fault:
        """Nothing listens on the port: ``ConnectionRefusedError`` from the constructor."""
        return cls("refuse", "tcp")

    @classmethod
    def no_starttls(cls, *, times: int | None = None) -> Fault:
        """The server does not advertise STARTTLS (and so, with AUTH after TLS, no AUTH)."""
        return cls("no_starttls", "ehlo", times=_times(times))

    @classmethod
    def starttls_refused(
        cls,
        code: int = 454,
        text: str = "4.7.0 TLS not available due to local problem",
        *,
        times: int | None = None,
    ) -> Fault:
        """STARTTLS is advertised but the command is refused with ``code text``."""
        return cls.reject("starttls", code, text, times=times)

    @classmethod
    def tls_mismatch(cls) -> Fault:
        """The port speaks the other security mode: TLS where plain text is expected or back."""
        return cls("tls_mismatch", "connect")

    @classmethod
    def certificate_error(cls, kind: CertificateKind | str = "untrusted") -> Fault:
        """The server presents a bad certificate of the given *kind*.

        Only a client that verifies certificates notices (smtplib's default context does not).
        """
        if kind not in _CERT_KINDS:
            raise ValueError(f"unknown certificate kind {kind!r}; use one of {sorted(_CERT_KINDS)}")
        return cls("certificate", "starttls", certificate=kind)  # type: ignore[arg-type]

    # -- queries ----------------------------------------------------------------------------

    def faults_for(self, attempt: int) -> tuple[Fault, ...]:
        """The faults active on connection attempt *attempt* (0-based)."""
        return (self,) if self.times is None or attempt < self.times else ()

    def matches(self, address: str | None) -> bool:
        """Whether this fault applies to *address* (always true without ``match``)."""
        if self.match is None:
            return True
        if address is None:
            return False
        return fnmatch.fnmatchcase(address.strip().lower(), self.match.strip().lower())

    @property
    def reply_lines(self) -> tuple[str, ...]:
        """The reply text as lines, without the code."""
        return tuple(self.text.split("\n")) if self.text else ("",)


@runtime_checkable
class FaultSource(Protocol):
    """Anything that can say which faults apply on a given attempt (Fault, Script, Persona)."""

    def faults_for(self, attempt: int) -> tuple[Fault, ...]:
        """The faults active on connection attempt *attempt* (0-based)."""
        ...


@dataclass(frozen=True, slots=True, init=False)
class Script:
    """Faults per connection attempt: ``Script([Fault.drop("mail")], [])`` fails the first
    attempt and lets the second succeed. Attempts after the last listed one have no faults.
    """

    attempts: tuple[tuple[Fault, ...], ...]

    def __init__(self, *attempts: Iterable[FaultSource] | FaultSource | None) -> None:
        built: list[tuple[Fault, ...]] = []
        for attempt in attempts:
            built.append(faults_for_attempt(attempt, 0))
        object.__setattr__(self, "attempts", tuple(built))

    def faults_for(self, attempt: int) -> tuple[Fault, ...]:
        """The faults active on connection attempt *attempt* (0-based)."""
        return self.attempts[attempt] if 0 <= attempt < len(self.attempts) else ()


#: What fakes and servers accept as ``faults=``.
FaultSpec: TypeAlias = FaultSource | Sequence[FaultSource] | None


def faults_for_attempt(spec: FaultSpec | Iterable[FaultSource], attempt: int) -> tuple[Fault, ...]:
    """Flatten *spec* into the faults active on attempt *attempt*, in order."""
    if spec is None:
        return ()
    if isinstance(spec, FaultSource):
        return spec.faults_for(attempt)
    out: list[Fault] = []
    for item in spec:
        if not isinstance(item, FaultSource):
            raise TypeError(f"not a fault: {item!r}")
        out.extend(item.faults_for(attempt))
    return tuple(out)


def pick_fault(
    faults: Iterable[Fault],
    stage: FaultStage,
    address: str | None = None,
    actions: frozenset[str] = frozenset({"reject", "drop", "timeout"}),
) -> Fault | None:
    """The first fault among *actions* that strikes at *stage* (for *address*), or None."""
    for fault in faults:
        if fault.action in actions and fault.stage == stage and fault.matches(address):
            return fault
    return None


def slow_faults(faults: Iterable[Fault], stage: FaultStage | None) -> tuple[Fault, ...]:
    """The slow faults that delay the reply at *stage*."""
    return tuple(f for f in faults if f.action == "slow" and (f.stage is None or f.stage == stage))
