"""smtpdiag.testing: fakes and a fault-injecting SMTP server for testing mail code.

The public testing toolkit. :class:`SMTPTestServer` needs the ``testing`` extra (aiosmtpd and
trustme); the fakes, faults and personas work with the standard library alone.
"""

from ._faults import CertificateKind, Fault, FaultSpec, FaultStage, Script
from ._records import Outbox, RecordedMessage, Transcript, TranscriptLine
from ._server import Mode, SMTPTestServer

__all__ = [
    "CertificateKind",
    "Fault",
    "FaultSpec",
    "FaultStage",
    "Mode",
    "Outbox",
    "RecordedMessage",
    "SMTPTestServer",
    "Script",
    "Transcript",
    "TranscriptLine",
]
