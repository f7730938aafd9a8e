"""Diagnosis value types: the contract shared by the validator, the classifier and the sender.

No I/O. A :class:`Diagnosis` is a frozen value; exceptions carry it, renderers format it.
"""

from __future__ import annotations

import enum
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

__all__ = ["Audience", "Category", "Diagnosis", "Remedy", "Reply", "Severity", "Stage"]


class Category(enum.StrEnum):
    """What a diagnosis is about: the first part of every diagnosis kind."""

    #: The settings themselves are wrong or incomplete (found before sending).
    CONFIG = "config"
    #: The server could not be reached or the connection dropped.
    CONNECTION = "connection"
    #: The TLS layer failed: handshake, certificates, STARTTLS, port/security mismatch.
    TLS = "tls"
    #: The login failed: credentials, mechanisms, disabled auth, OAuth problems.
    AUTH = "auth"
    #: The From / envelope sender is blank, invalid, unverified, or may not be sent as.
    SENDER = "sender"
    #: A To/CC/BCC address is invalid, unknown, over quota, disabled, or there are too many.
    RECIPIENT = "recipient"
    #: The server's rules refuse the request: relaying, auth/encryption required, blocklists, spam.
    POLICY = "policy"
    #: The message itself: too large, malformed headers, bad line endings, content.
    MESSAGE = "message"
    #: Throttling: too many connections, messages or recipients per period, daily limits.
    RATE_LIMIT = "rate_limit"
    #: The server's own temporary or internal failure.
    SERVER = "server"
    #: SMTP syntax errors, bad sequence of commands, command not implemented.
    PROTOCOL = "protocol"
    #: Nothing to go on.
    UNKNOWN = "unknown"


class Severity(enum.StrEnum):
    """How bad a finding is. Only ``error`` stops a send."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Stage(enum.StrEnum):
    """Where in the life of a send something happened."""

    CONFIG = "config"
    DNS = "dns"
    CONNECT = "connect"
    TLS = "tls"
    EHLO = "ehlo"
    AUTH = "auth"
    OAUTH_TOKEN = "oauth_token"
    MAIL = "mail"
    RCPT = "rcpt"
    DATA = "data"
    QUIT = "quit"


class Audience(enum.StrEnum):
    """Who can carry out a remedy."""

    #: The person configuring the application can do it.
    USER = "user"
    #: Ask the IT team / mail administrator for it.
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Remedy:
    """One concrete thing to do, and who can do it."""

    text: str
    audience: Audience = Audience.USER

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "audience": self.audience.value}


@dataclass(frozen=True, slots=True)
class Reply:
    """An SMTP server reply, kept verbatim.

    ``code`` is the three-digit reply code (RFC 5321 §4.2) or None when there was none, ``enhanced``
    the RFC 3463 enhanced status code such as ``"5.7.139"`` or None, and ``text`` the reply exactly
    as received (multi-line replies joined with ``"\\n"``). Build one from raw text or bytes with
    :func:`smtpdiag.parse_reply`.
    """

    code: int | None
    enhanced: str | None
    text: str

    @property
    def is_transient(self) -> bool:
        """True for a 4xx reply (RFC 5321 §4.2.1: the same request may succeed later)."""
        return self.code is not None and 400 <= self.code < 500

    @property
    def is_permanent(self) -> bool:
        """True for a 5xx reply."""
        return self.code is not None and 500 <= self.code < 600

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "enhanced": self.enhanced, "text": self.text}

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """Why a send failed (or would fail) and what to do about it.

    ``kind`` is a stable dotted id whose first part is the category value
    (``"auth.basic_auth_disabled"``). ``fields`` names the settings fields involved and ``source``
    the settings layer their value came from. ``reply`` keeps the server's reply verbatim.
    ``detail`` is the specific finding (which address, what is wrong with it).
    """

    kind: str
    category: Category
    severity: Severity
    title: str
    meaning: str
    causes: tuple[str, ...] = ()
    remedies: tuple[Remedy, ...] = ()
    fields: tuple[str, ...] = ()
    source: str | None = None
    retryable: bool = False
    reply: Reply | None = None
    stage: Stage | None = None
    provider: str | None = None
    detail: str | None = None

    def with_changes(self, **changes: Any) -> Diagnosis:
        """Return a copy with some attributes replaced (``dataclasses.replace``)."""
        return replace(self, **changes)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dictionary (only str, int, bool, None, lists and dicts)."""
        return {
            "kind": self.kind,
            "category": self.category.value,
            "severity": self.severity.value,
            "title": self.title,
            "meaning": self.meaning,
            "causes": list(self.causes),
            "remedies": [r.to_dict() for r in self.remedies],
            "fields": list(self.fields),
            "source": self.source,
            "retryable": self.retryable,
            "reply": None if self.reply is None else self.reply.to_dict(),
            "stage": None if self.stage is None else self.stage.value,
            "provider": self.provider,
            "detail": self.detail,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Diagnosis:
        """Rebuild a diagnosis from :meth:`to_dict` output."""
        reply = data.get("reply")
        stage = data.get("stage")
        return cls(
            kind=str(data["kind"]),
            category=Category(data["category"]),
            severity=Severity(data["severity"]),
            title=str(data["title"]),
            meaning=str(data["meaning"]),
            causes=tuple(data.get("causes", ())),
            remedies=tuple(
                Remedy(str(r["text"]), Audience(r.get("audience", "user")))
                for r in data.get("remedies", ())
            ),
            fields=tuple(data.get("fields", ())),
            source=data.get("source"),
            retryable=bool(data.get("retryable", False)),
            reply=None
            if reply is None
            else Reply(reply.get("code"), reply.get("enhanced"), str(reply.get("text", ""))),
            stage=None if stage is None else Stage(stage),
            provider=data.get("provider"),
            detail=data.get("detail"),
        )

    def __str__(self) -> str:
        """A short paragraph for people: title, finding, meaning and the first remedy."""
        parts = [f"{self.title}."]
        if self.detail:
            parts.append(self.detail if self.detail.endswith(".") else f"{self.detail}.")
        parts.append(self.meaning)
        if self.remedies:
            parts.append(f"What to do: {self.remedies[0].text}")
        if self.reply is not None and self.reply.text:
            parts.append(f"Server reply: {self.reply.text!r}")
        head = f"[{self.severity.value}] {self.kind}"
        where = []
        if self.fields:
            where.append("field " + ", ".join(self.fields))
        if self.source:
            where.append(f"from {self.source}")
        if self.stage is not None:
            where.append(f"at {self.stage.value}")
        if where:
            head += " (" + "; ".join(where) + ")"
        return head + ": " + " ".join(p.strip() for p in parts if p.strip())

    def render(self, width: int = 80) -> str:
        """The help-page layout: title, What this means, Common causes, What to do, server reply."""
        wrap = textwrap.TextWrapper(width=width, subsequent_indent="  ")
        lines = [f"{self.title}  [{self.kind}, {self.severity.value}]"]
        if self.detail:
            lines.extend(wrap.wrap(self.detail))
        lines.append("")
        lines.append("What this means")
        lines.extend(
            textwrap.wrap(self.meaning, width=width, initial_indent="  ", subsequent_indent="  ")
        )
        if self.causes:
            lines.append("Common causes")
            for cause in self.causes:
                lines.extend(
                    textwrap.wrap(
                        cause, width=width, initial_indent="  - ", subsequent_indent="    "
                    )
                )
        if self.remedies:
            # What you can do yourself, then what to ask the IT team for; each group keeps the
            # order make_diagnosis gave (specific remedies first).
            lines.append("What to do")
            bullet = textwrap.TextWrapper(
                width=width, initial_indent="  - ", subsequent_indent="    ", break_on_hyphens=False
            )
            for remedy in self.remedies:
                if remedy.audience is not Audience.ADMIN:
                    lines.extend(bullet.wrap(remedy.text))
            admin = [r.text for r in self.remedies if r.audience is Audience.ADMIN]
            if admin:
                lines.append("  Ask your IT team:")
                for text in admin:
                    if text.startswith("Ask your IT team "):
                        text = text.removeprefix("Ask your IT team ")
                    lines.extend(bullet.wrap(text))
        if self.fields:
            where = ", ".join(self.fields) + (f" (set in {self.source})" if self.source else "")
            lines.append(f"Settings involved: {where}")
        if self.stage is not None:
            lines.append(f"Stage: {self.stage.value.upper().replace('_', ' ')}")
        if self.provider:
            lines.append(f"Provider: {self.provider}")
        if self.reply is not None and self.reply.text:
            lines.append("Server reply (exact)")
            lines.extend("  " + line for line in self.reply.text.splitlines() or [""])
        lines.append(
            "Retrying may help."
            if self.retryable
            else "Retrying will not help until something is changed."
        )
        return "\n".join(lines)


def _slot_setters(cls: type) -> tuple[Any, ...]:
    return tuple(vars(cls)[name].__set__ for name in vars(cls)["__slots__"])


(
    _set_kind,
    _set_category,
    _set_severity,
    _set_title,
    _set_meaning,
    _set_causes,
    _set_remedies,
    _set_fields,
    _set_source,
    _set_retryable,
    _set_reply,
    _set_stage,
    _set_provider,
    _set_detail,
) = _slot_setters(Diagnosis)
_set_code, _set_enhanced, _set_text = _slot_setters(Reply)
_new = object.__new__


def _new_diagnosis(
    kind: str,
    category: Category,
    severity: Severity,
    title: str,
    meaning: str,
    causes: tuple[str, ...],
    remedies: tuple[Remedy, ...],
    fields: tuple[str, ...],
    source: str | None,
    retryable: bool,
    reply: Reply | None,
    stage: Stage | None,
    provider: str | None,
    detail: str | None,
) -> Diagnosis:
    """``Diagnosis(...)`` with every field given, about twice as fast.

    The frozen dataclass ``__init__`` sets each slot through ``object.__setattr__``; this sets
    them through their slot descriptors directly. The classifier builds one per call.
    """
    diagnosis = _new(Diagnosis)
    _set_kind(diagnosis, kind)
    _set_category(diagnosis, category)
    _set_severity(diagnosis, severity)
    _set_title(diagnosis, title)
    _set_meaning(diagnosis, meaning)
    _set_causes(diagnosis, causes)
    _set_remedies(diagnosis, remedies)
    _set_fields(diagnosis, fields)
    _set_source(diagnosis, source)
    _set_retryable(diagnosis, retryable)
    _set_reply(diagnosis, reply)
    _set_stage(diagnosis, stage)
    _set_provider(diagnosis, provider)
    _set_detail(diagnosis, detail)
    return diagnosis


def _new_reply(code: int | None, enhanced: str | None, text: str) -> Reply:
    """``Reply(code, enhanced, text)``, built the fast way of :func:`_new_diagnosis`."""
    reply = _new(Reply)
    _set_code(reply, code)
    _set_enhanced(reply, enhanced)
    _set_text(reply, text)
    return reply
