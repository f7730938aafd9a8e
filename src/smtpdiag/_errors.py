"""The library's exception hierarchy (no I/O).

Every exception smtpdiag raises on purpose derives from :class:`SmtpdiagError`, and each also
derives from the standard-library class that fits, so existing ``except ValueError`` /
``except OSError`` clauses keep working. Exceptions carry data, mirror their constructor in
``args`` and pickle.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._diagnosis import Diagnosis, Stage

__all__ = ["SendError", "SettingsError", "SmtpdiagError"]


class SmtpdiagError(Exception):
    """Root of every exception raised by smtpdiag."""


class SettingsError(SmtpdiagError, ValueError):
    """A settings value could not be taken: an unknown key, or a value of the wrong type.

    ``key`` names the offending setting and ``reason`` says in plain words what is wrong. A value
    that parses but is merely wrong (port 70000, a malformed address) is not an error here: the
    validator reports it as a diagnosis.
    """

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(key, reason)
        self.key = key
        self.reason = reason

    def __str__(self) -> str:
        return f"setting {self.key!r}: {self.reason}"


class SendError(SmtpdiagError):
    """A send (or a session, or a token fetch) failed; ``diagnosis`` says why and what to do.

    ``stage`` is where it happened (``Stage.CONFIG`` when the settings were refused before any
    network I/O). ``refused`` lists ``(address, Diagnosis)`` for every refused recipient when all
    of them were refused. The original exception, when there was one, is ``__cause__``.
    """

    def __init__(
        self,
        diagnosis: Diagnosis,
        stage: Stage | None = None,
        refused: Iterable[tuple[str, Diagnosis]] = (),
    ) -> None:
        refused = tuple(refused)
        super().__init__(diagnosis, stage, refused)
        self.diagnosis = diagnosis
        self.stage = stage if stage is not None else diagnosis.stage
        self.refused = refused

    def __str__(self) -> str:
        return str(self.diagnosis)
