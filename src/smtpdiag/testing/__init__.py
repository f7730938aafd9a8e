"""smtpdiag.testing: fakes and a fault-injecting SMTP server for testing mail code.

The public testing toolkit. :class:`SMTPTestServer` needs the ``testing`` extra (aiosmtpd and
trustme); the fakes, faults and personas work with the standard library alone.
"""

from ._fake import FakeMailServer, FakeSMTP, FakeSMTP_SSL, SMTPPatch, patch_smtplib
from ._faults import CertificateKind, Fault, FaultSpec, FaultStage, Script
from ._personas import PERSONAS, Persona
from ._records import Outbox, RecordedMessage, Transcript, TranscriptLine
from ._server import Mode, SMTPTestServer

__all__ = [
    "PERSONAS",
    "CertificateKind",
    "FakeMailServer",
    "FakeSMTP",
    "FakeSMTP_SSL",
    "Fault",
    "FaultSpec",
    "FaultStage",
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
