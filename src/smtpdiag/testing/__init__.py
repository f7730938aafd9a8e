"""smtpdiag.testing: fakes and a fault-injecting SMTP server for testing mail code.

The public testing toolkit. :class:`SMTPTestServer` needs the ``testing`` extra (aiosmtpd and
trustme); the fakes, faults and personas work with the standard library alone. Names are loaded
on first use, so importing this package (and the pytest plugin inside it) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._fake import FakeMailServer, FakeSMTP, FakeSMTP_SSL, SMTPPatch, patch_smtplib
    from ._faults import CertificateKind, Fault, FaultSpec, FaultStage, Script
    from ._personas import PERSONAS, Persona
    from ._records import Outbox, RecordedMessage, Transcript, TranscriptLine
    from ._server import Mode, SMTPTestServer
    from ._tokens import IDENTITY_FAILURES, FakeTokenProvider, IdentityFailure
    from ._unittest import FakeSMTPMixin

__all__ = [
    "IDENTITY_FAILURES",
    "PERSONAS",
    "CertificateKind",
    "FakeMailServer",
    "FakeSMTP",
    "FakeSMTPMixin",
    "FakeSMTP_SSL",
    "FakeTokenProvider",
    "Fault",
    "FaultSpec",
    "FaultStage",
    "IdentityFailure",
    "Mode",
    "Outbox",
    "Persona",
    "RecordedMessage",
    "SMTPPatch",
    "SMTPTestServer",
    "Script",
    "Transcript",
    "TranscriptLine",
    "patch_smtplib",
]

_MODULES = {
    "._fake": ("FakeMailServer", "FakeSMTP", "FakeSMTP_SSL", "SMTPPatch", "patch_smtplib"),
    "._faults": ("CertificateKind", "Fault", "FaultSpec", "FaultStage", "Script"),
    "._personas": ("PERSONAS", "Persona"),
    "._records": ("Outbox", "RecordedMessage", "Transcript", "TranscriptLine"),
    "._server": ("Mode", "SMTPTestServer"),
    "._tokens": ("IDENTITY_FAILURES", "FakeTokenProvider", "IdentityFailure"),
    "._unittest": ("FakeSMTPMixin",),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
