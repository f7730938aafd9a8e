"""What a send or a live check reports: stage records, send results, check results (no I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from ._diagnosis import Diagnosis, Reply, Stage

__all__ = ["CheckResult", "SendResult", "StageRecord"]


@dataclass(frozen=True, slots=True)
class StageRecord:
    """One stage of a send or a check: where, whether it worked, how long it took, what was seen.

    ``elapsed`` is in seconds. ``detail`` is one line for people (the resolved address, the TLS
    version, the extensions offered, the reply). ``diagnosis`` is set when the stage failed.
    """

    stage: Stage
    ok: bool
    elapsed: float
    detail: str = ""
    diagnosis: Diagnosis | None = None

    def __str__(self) -> str:
        status = "ok" if self.ok else "FAILED"
        text = self.detail
        if not self.ok and self.diagnosis is not None:
            text = f"{self.diagnosis.kind}: {self.diagnosis.title}" + (
                f" ({self.detail})" if self.detail else ""
            )
        return f"{self.stage.value:<11} {status:<6} {self.elapsed * 1000:8.1f} ms  {text}".rstrip()

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage.value,
            "ok": self.ok,
            "elapsed": self.elapsed,
            "detail": self.detail,
            "diagnosis": None if self.diagnosis is None else self.diagnosis.to_dict(),
        }


class _Timed:
    """Timing views over ``stages`` shared by the result types."""

    __slots__ = ()
    stages: tuple[StageRecord, ...]

    @property
    def timings(self) -> dict[Stage, float]:
        """Seconds spent per stage."""
        out: dict[Stage, float] = {}
        for record in self.stages:
            out[record.stage] = out.get(record.stage, 0.0) + record.elapsed
        return out

    @property
    def elapsed(self) -> float:
        """Seconds spent in all."""
        return sum(record.elapsed for record in self.stages)


@dataclass(frozen=True, slots=True)
class SendResult(_Timed):
    """The outcome of one message that the server accepted for at least one recipient.

    ``accepted`` lists the recipients the server took; ``refused`` maps each refused recipient to
    its :class:`~smtpdiag.Diagnosis` (smtplib returns partial refusals without raising; they are
    kept here). ``reply`` is the server's final reply to the message (often with a queue id).
    ``stages`` records every stage this send went through, with its timing.
    """

    sender: str
    accepted: tuple[str, ...]
    refused: Mapping[str, Diagnosis] = field(default_factory=dict)
    reply: Reply | None = None
    stages: tuple[StageRecord, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "accepted", tuple(self.accepted))
        object.__setattr__(self, "refused", MappingProxyType(dict(self.refused)))
        object.__setattr__(self, "stages", tuple(self.stages))

    def __reduce__(self) -> tuple[Any, ...]:
        # The read-only mapping does not pickle; rebuild from a plain dict.
        return (
            SendResult,
            (self.sender, self.accepted, dict(self.refused), self.reply, self.stages),
        )

    @property
    def ok(self) -> bool:
        """True when every recipient was accepted."""
        return not self.refused

    def to_dict(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "accepted": list(self.accepted),
            "refused": {address: d.to_dict() for address, d in self.refused.items()},
            "reply": None if self.reply is None else self.reply.to_dict(),
            "stages": [record.to_dict() for record in self.stages],
        }


@dataclass(frozen=True, slots=True)
class CheckResult(_Timed):
    """The outcome of a live check: connect, TLS, EHLO and AUTH, then QUIT without sending.

    ``stages`` has one record per stage in order; ``diagnosis`` is the failure, or None when
    every stage worked. ``extensions`` maps each ESMTP extension the server advertised (lower
    case, as smtplib keeps them) to its parameters. ``tls_version`` and
    ``certificate_expires`` (UTC) are set when the connection was encrypted and verified.
    """

    stages: tuple[StageRecord, ...]
    diagnosis: Diagnosis | None = None
    greeting: str = ""
    extensions: Mapping[str, str] = field(default_factory=dict)
    tls_version: str | None = None
    certificate_expires: datetime | None = None
    auth_mechanisms: tuple[str, ...] = ()
    warnings: tuple[Diagnosis, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "stages", tuple(self.stages))
        object.__setattr__(self, "extensions", MappingProxyType(dict(self.extensions)))
        object.__setattr__(self, "auth_mechanisms", tuple(self.auth_mechanisms))
        object.__setattr__(self, "warnings", tuple(self.warnings))

    def __reduce__(self) -> tuple[Any, ...]:
        # The read-only mapping does not pickle; rebuild from a plain dict.
        return (
            CheckResult,
            (
                self.stages,
                self.diagnosis,
                self.greeting,
                dict(self.extensions),
                self.tls_version,
                self.certificate_expires,
                self.auth_mechanisms,
                self.warnings,
            ),
        )

    @property
    def ok(self) -> bool:
        return self.diagnosis is None

    @property
    def stage(self) -> Stage | None:
        """The stage that failed, or None."""
        for record in self.stages:
            if not record.ok:
                return record.stage
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "stages": [record.to_dict() for record in self.stages],
            "diagnosis": None if self.diagnosis is None else self.diagnosis.to_dict(),
            "greeting": self.greeting,
            "extensions": dict(self.extensions),
            "tls_version": self.tls_version,
            "certificate_expires": None
            if self.certificate_expires is None
            else self.certificate_expires.isoformat(),
            "auth_mechanisms": list(self.auth_mechanisms),
            "warnings": [d.to_dict() for d in self.warnings],
        }
