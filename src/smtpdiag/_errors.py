"""The library's exception hierarchy (no I/O).

Every exception smtpdiag raises on purpose derives from :class:`SmtpdiagError`, and each also
derives from the standard-library class that fits, so existing ``except ValueError`` /
``except OSError`` clauses keep working. Exceptions carry data, mirror their constructor in
``args`` and pickle.
"""

from __future__ import annotations

__all__ = ["SettingsError", "SmtpdiagError"]


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
